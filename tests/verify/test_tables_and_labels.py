"""`verify` reads the tables of an edition and the labels of its tables and annexes: each table
cell of a DOCX against the model, in order; each table's caption label and each annex's
heading, whole, as the edition printed them, in the DOCX and in the PDF. Outputs of a report
with long tables and two annexes (English and a draft French edition), tampered with after the
build: the cell XML edited with python-docx, the PDF compiled from a changed Typst source."""

import contextlib
import io
import re
import shutil

import pytest
from docx import Document
from helpers.project import make_project
from helpers.readback import pdf_text, squash
from helpers.tamper import relabelled_pdf, report_tables

from unreport.cli import main

REPORT = "wg-tip-2025"

CONTENT = """\
meta:
  symbol: CTOC/COP/WG.4/2025/3
  distribution: general
  date: 2025-10-20
  original: en
  languages: [en, fr]
  organ: Conference of the Parties to the United Nations Convention against Transnational Organized Crime
  body: Working Group on Trafficking in Persons
  meeting: {place: Vienna, from: 2025-10-06, to: 2025-10-08}
  title: Report on the meeting of the Working Group on Trafficking in Persons held in Vienna from 6 to 8 October 2025
body:
  - chapter: intro
    title: Introduction
    content:
      - para: intro.mandate
        text: >-
          In its resolution 4/4, the Conference of the Parties to the United Nations Convention
          against Transnational Organized Crime decided that the Working Group on Trafficking in
          Persons would be a constant element of the Conference, reporting its activities to it,
          and requested the Secretariat to assist the Working Group in the performance of its
          functions, including by compiling the information that States parties provide on the
          funding of assistance to victims, summarized in table [[fund.contributions]].
      - para: intro.structure
        text: >-
          The present report summarizes the deliberations of the Working Group on the three
          substantive items of its agenda, the contributions received by the United Nations
          Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and
          Children, and the projects that the Fund supported; the list of documents before the
          Working Group is contained in annex [[annex.documents]].
  - chapter: fund
    title: Funding of assistance to victims of trafficking in persons
    content:
      - para: fund.overview
        text: >-
          The Secretariat informed the Working Group that, in the period under review, the Trust
          Fund had received pledges and payments from Member States, intergovernmental
          organizations and private donors, and that the largest share of its grants had gone to
          non-governmental organizations providing shelter, legal aid and psychosocial support
          to identified victims in countries of origin, transit and destination.
      - table: fund.contributions
        caption: >-
          Contributions received by the United Nations Voluntary Trust Fund for Victims of
          Trafficking in Persons, Especially Women and Children, 2021–2024
        header:
          - {id: fund.h.contributor, text: Contributor}
          - {id: fund.h.amount, text: Amount paid (United States dollars)}
          - {id: fund.h.purpose, text: Purpose stated by the contributor}
        rows:
          - - {id: fund.r1.contributor, text: Government of the Kingdom of the Netherlands}
            - {id: fund.r1.amount, text: "1 250 000"}
            - {id: fund.r1.purpose, text: "Small grants to non-governmental organizations assisting victims of trafficking for the purpose of forced labour in agriculture and construction"}
          - - {id: fund.r2.contributor, text: Government of the Federal Republic of Germany}
            - {id: fund.r2.amount, text: "980 000"}
            - {id: fund.r2.purpose, text: "Specialized shelters and reintegration programmes for child victims, including education and vocational training^[Including a contribution earmarked for the Sahel region.]"}
          - - {id: fund.r3.contributor, text: "Private donors and foundations, through the online giving platform"}
            - {id: fund.r3.amount, text: "312 450"}
            - {id: fund.r3.purpose, text: "Not earmarked: allocated by the Board of Trustees to the general grant cycle of the Fund"}
      - para: fund.grants
        text: >-
          Several speakers welcomed the increase in contributions and encouraged States to make
          multi-year pledges, which allowed the Board of Trustees to plan grant cycles and the
          grantees to retain qualified staff; the distribution of the grants by region is shown
          in table [[fund.grants.regions]].
      - table: fund.grants.regions
        caption: Grants awarded by the Trust Fund in its tenth grant cycle, by region of implementation
        header:
          - {id: regions.h.region, text: Region}
          - {id: regions.h.projects, text: Number of projects}
          - {id: regions.h.victims, text: Victims assisted in the first year of implementation}
        rows:
          - - {id: regions.r1.region, text: Africa and the Middle East}
            - {id: regions.r1.projects, text: "14"}
            - {id: regions.r1.victims, text: "2 870, of whom 1 140 were children"}
          - - {id: regions.r2.region, text: Asia and the Pacific}
            - {id: regions.r2.projects, text: "11"}
            - {id: regions.r2.victims, text: "1 960, most of them women trafficked for domestic servitude"}
          - - {id: regions.r3.region, text: Latin America and the Caribbean}
            - {id: regions.r3.projects, text: "9"}
            - {id: regions.r3.victims, text: "1 415, including survivors of trafficking for forced criminality"}
  - annex: annex.documents
    title: List of documents before the Working Group at its meeting held in Vienna from 6 to 8 October 2025
    content:
      - para: annex.documents.agenda
        text: >-
          Annotated provisional agenda and proposed organization of work, including the
          questions for discussion proposed by the Bureau to guide the deliberations of the
          Working Group on each substantive item.
      - para: annex.documents.background
        text: >-
          Background paper prepared by the Secretariat on the role of the financial sector in
          detecting and preventing trafficking in persons, and on the use of financial
          intelligence in investigations and prosecutions.
  - annex: annex.statements
    title: Summary of the statements submitted in writing by observers after the meeting
    original: fr
    content:
      - para: annex.statements.first
        text: >-
          An observer for a non-governmental organization stressed that victims should not be
          punished for offences they had been compelled to commit as a direct consequence of
          having been trafficked, and called for the principle of non-punishment to be set out
          in national legislation.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The report built in English and French (a draft: the French edition shows the English
    texts, marked, under its own labels), both formats and the review document, verified."""
    project = make_project(tmp_path_factory.mktemp("tables"), None)
    (project / "content").mkdir()
    (project / "content" / f"{REPORT}.yaml").write_text(CONTENT, encoding="utf-8")
    assert main(["--root", str(project), "--verify"]) == 0
    return project


@pytest.fixture
def out(built, tmp_path):
    """A copy of the built outputs, to tamper with."""
    copy = tmp_path / "out"
    shutil.copytree(built / "output", copy)
    return copy


def verify(project, out, *args) -> tuple[int, list[str]]:
    """`unreport verify` of the outputs in `out`: its exit status and its error lines."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["verify", "--root", str(project), "--output", str(out), *args])
    return code, err.getvalue().strip().splitlines()


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_the_untampered_outputs_verify(built, capsys):
    assert main(["verify", "--root", str(built)]) == 0
    assert "verified: 6 file(s)" in capsys.readouterr().out
    doc = Document(str(built / "output" / f"{REPORT}.en.docx"))
    tables = report_tables(doc)
    assert [len(t.rows) for t in tables] == [4, 4]
    assert tables[0].rows[1].cells[2].text.startswith("Small grants to non-governmental")


def test_a_changed_amount_in_a_docx_table_cell_fails_naming_the_cell(built, out):
    path = out / f"{REPORT}.en.docx"
    doc = Document(str(path))
    cell = report_tables(doc)[0].rows[1].cells[1]
    assert cell.text == "1 250 000"
    for t in cell._tc.iter(f"{W}t"):  # the cell's XML, as a hand edit in Word leaves it
        t.text = t.text.replace("1 250 000", "1 520 000")
    doc.save(str(path))
    code, err = verify(built, out)
    assert code == 1
    assert len(err) == 2, err  # the error, then the count
    assert err[0].endswith(f"{REPORT}.en.docx: error: fund.r1.amount: the table cell prints "
                           "'1 520 000' where the model has '1 250 000'; rebuild it"), err


def test_a_changed_word_in_a_long_cell_of_the_french_docx_fails(built, out):
    path = out / f"{REPORT}.fr.docx"
    doc = Document(str(path))
    cell = report_tables(doc)[1].rows[2].cells[2]
    assert "domestic servitude" in cell.text  # the draft shows the English text, marked
    run = next(r for r in cell.paragraphs[0].runs if "domestic" in r.text)
    run.text = run.text.replace("domestic servitude", "sexual exploitation")
    doc.save(str(path))
    code, err = verify(built, out)
    assert code == 1 and len(err) == 2, err
    assert re.search(rf"{re.escape(REPORT)}\.fr\.docx: error: regions\.r2\.victims: the table "
                     r"cell prints '.*sexual exploitation' where the model has '.*domestic "
                     r"servitude'; rebuild it$", err[0]), err


def test_a_docx_table_row_deleted_fails_naming_its_first_cell(built, out):
    path = out / f"{REPORT}.en.docx"
    doc = Document(str(path))
    tr = report_tables(doc)[0].rows[2]._tr
    tr.getparent().remove(tr)  # Germany's row
    doc.save(str(path))
    code, err = verify(built, out)
    assert code == 1
    assert re.search(rf"{re.escape(REPORT)}\.en\.docx: error: fund\.r2\.contributor: the "
                     r"table cell prints 'Private donors and foundations, .*…' where the model "
                     r"has 'Government of the Federal Republic of Germany'; rebuild it$",
                     err[0]), err
    assert len(err) == 2, err  # one error: the cells after it are out of step


@pytest.mark.parametrize("merge", ["across", "down"])
def test_merged_docx_cells_are_read_once(built, out, merge):
    """Two cells merged in Word (python-docx's merge: one w:tc spanning two columns, or a
    w:vMerge "restart" cell and the cell it continues into) are one cell holding both texts:
    one error for the first, not two, and none for a cell read twice."""
    path = out / f"{REPORT}.en.docx"
    doc = Document(str(path))
    rows = report_tables(doc)[0].rows
    first, second = (rows[1].cells[1], rows[1].cells[2]) if merge == "across" else \
        (rows[1].cells[1], rows[2].cells[1])
    first.merge(second)
    doc.save(str(path))
    reread = report_tables(Document(str(path)))[0]
    if merge == "down":
        assert reread.rows[2]._tr.xpath("./w:tc[2]/w:tcPr/w:vMerge")  # the continued cell
    code, err = verify(built, out)
    assert code == 1 and len(err) == 2, err
    # (the cell's two paragraphs: a line break, shown as \n on the error's one line)
    assert re.search(rf"{re.escape(REPORT)}\.en\.docx: error: fund\.r1\.amount: the table "
                     r"cell prints '1 250 000\\n(Small grants|980 000)", err[0]), err


def test_a_docx_annex_heading_with_another_number_fails(built, out):
    """"Annex III" ends with the "II" that was printed: the whole label is compared."""
    path = out / f"{REPORT}.en.docx"
    doc = Document(str(path))
    heading = [p for p in doc.paragraphs if p.style.name == "AnnexHeading"]
    assert [p.text for p in heading] == ["Annex I", "Annex II"]
    heading[1].runs[-1].text = heading[1].runs[-1].text.replace("II", "III")
    assert heading[1].text == "Annex III"
    doc.save(str(path))
    code, err = verify(built, out)
    assert code == 1 and len(err) == 2, err
    assert err[0].endswith(f"{REPORT}.en.docx: error: annex.statements: prints 'Annex III' "
                           "where the model has 'Annex II'; rebuild it"), err


def test_the_docx_annex_prints_its_original_language_line(built, out):
    path = out / f"{REPORT}.fr.docx"
    doc = Document(str(path))
    original = next(p for p in doc.paragraphs if p.style.name == "AnnexOriginal")
    assert original.text == "[Original : français]"
    original.runs[0].text = original.runs[0].text.replace("français", "anglais")
    doc.save(str(path))
    code, err = verify(built, out)
    assert code == 1 and len(err) == 2, err
    assert "fr.docx: error: annex.statements: prints '[Original : anglais]' where the model " \
           "has '[Original : français]'" in err[0], err


# ---- the PDF: compiled again from a Typst source whose label was changed --------------------
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_pdf_whose_table_number_was_changed_fails_naming_the_table(built, out, lang):
    printed, model = relabelled_pdf(built, out, REPORT, lang, "fund.contributions",
                                    "fund.grants.regions")
    assert (printed, model) == {"en": ("Table 2", "Table 1"),
                                "fr": ("Tableau 2", "Tableau 1")}[lang]
    text = squash(pdf_text(out / f"{REPORT}.{lang}.pdf"))
    assert text.count(squash(printed)) >= 2  # two tables now print "Table 2"
    code, err = verify(built, out, "--format", "pdf", "--lang", lang)
    assert code == 1 and len(err) == 2, err
    assert re.search(rf"{re.escape(REPORT)}\.{lang}\.pdf: error: fund\.contributions: "
                     rf"'{model} (\[.*\] )?Contributions received by.*' not found in the "
                     r"output's text; rebuild it$", err[0]), err


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_pdf_whose_annex_number_was_changed_fails_naming_the_annex(built, out, lang):
    printed, model = relabelled_pdf(built, out, REPORT, lang, "annex.documents",
                                    "annex.statements")
    assert model.endswith(" I") and printed.endswith(" II")
    code, err = verify(built, out, "--format", "pdf", "--lang", lang)
    assert code == 1 and len(err) == 2, err
    assert re.search(rf"{re.escape(REPORT)}\.{lang}\.pdf: error: annex\.documents: "
                     rf"'{model} (\[.*\] )?List of documents", err[0]), err


def test_a_project_s_own_label_words_are_what_verify_expects(built, tmp_path, capsys):
    """The labels come from the edition's templates: a project that prints "Table No. 1"
    verifies, in both formats and both languages, and its outputs print its words."""
    project = tmp_path / "own"
    shutil.copytree(built, project, ignore=shutil.ignore_patterns("output"))
    labels = project / "templates" / "base" / "labels.j2"
    text = labels.read_text(encoding="utf-8")
    assert '_("Table %(number)s", number=number)' in text
    labels.write_text(text.replace('_("Table %(number)s", number=number)',
                                   '_("Table No. %(number)s", number=number)'), encoding="utf-8")
    assert main(["--root", str(project), "--verify"]) == 0, capsys.readouterr().err
    doc = Document(str(project / "output" / f"{REPORT}.en.docx"))
    assert [p.text for p in doc.paragraphs if p.style.name == "TableLabel"] == \
        ["Table No. 1", "Table No. 2"]
    assert "Table No. 2" in pdf_text(project / "output" / f"{REPORT}.fr.pdf")
