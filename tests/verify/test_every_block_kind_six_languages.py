"""Issue 17, acceptance 3: `--strict --verify` passes on a report with every block kind (table,
annex, unnumbered text, footnotes, lists, cross-references, recommendations) in every shipped
language: tests/fixtures/blocks, whose catalogs are complete in the five translations, built
in all six languages with editions and review documents, then read back independently; and
`verify` failing on those outputs tampered with (a table cell, a table's number) in each."""

import contextlib
import io
import re
import shutil
import unicodedata

import polib
import pytest
import yaml
from docx import Document
from helpers.project import FIXTURES, SHIPPED, make_project
from helpers.readback import docx_paragraphs, pdf_text, squash
from helpers.tamper import relabelled_pdf, report_tables

from unreport.cli import main

REPORT = "all-blocks"
LANGS = sorted(p.name for p in (SHIPPED / "locales").iterdir() if (p / "style.yaml").is_file())
LEAD = re.compile(r"^\s*([^\W_]+)[.)]?", re.UNICODE)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("six-blocks"), "blocks")
    content = project / "content" / f"{REPORT}.yaml"
    text = content.read_text("utf-8")
    assert "languages: [en, zh]" in text
    content.write_text(text.replace("languages: [en, zh]", f"languages: [{', '.join(LANGS)}]"),
                       encoding="utf-8")
    assert main(["--root", str(project), "--strict", "--verify"]) == 0
    return project / "output"


def western(token: str) -> str:
    """A number token with its digits in any script as 0-9 (Arabic-Indic digits included)."""
    return "".join(str(unicodedata.digit(c)) if unicodedata.digit(c, None) is not None else c
                   for c in token)


def body_numbers(path) -> list[str]:
    """The numbers that open the numbered body paragraphs (style SingleTxt) of a DOCX."""
    numbers = []
    for style, text in docx_paragraphs(path):
        m = LEAD.match(text) if style == "SingleTxt" else None
        if m and unicodedata.digit(m.group(1)[0], None) is not None:
            numbers.append(western(m.group(1)))
    return numbers


def test_six_languages_are_shipped():
    assert len(LANGS) == 6 and "en" in LANGS


def test_every_edition_and_review_document_is_written(outputs):
    for lang in LANGS:
        for suffix in ("docx", "pdf"):
            assert (outputs / f"{REPORT}.{lang}.{suffix}").stat().st_size > 5000
            if lang != "en":
                assert (outputs / f"{REPORT}.en-{lang}.{suffix}").stat().st_size > 5000


def test_paragraph_numbers_are_the_same_in_every_language(outputs):
    english = body_numbers(outputs / f"{REPORT}.en.docx")
    # five body paragraphs, then each annex numbers its own paragraphs from 1
    assert english[:5] == ["1", "2", "3", "4", "5"] and english.count("1") >= 2, english
    for lang in LANGS:
        assert body_numbers(outputs / f"{REPORT}.{lang}.docx") == english, lang


def test_translations_are_printed_in_each_pdf(outputs):
    """Each edition prints its own catalog's text, not the English source (a strict build
    would refuse a missing translation; this reads the PDF to see it)."""
    english = pdf_text(outputs / f"{REPORT}.en.pdf")
    for lang in LANGS:
        if lang == "en":
            continue
        text = squash(pdf_text(outputs / f"{REPORT}.{lang}.pdf"))
        assert text != squash(english)
        catalog = polib.pofile(str(FIXTURES / "blocks" / "locales" / lang / f"{REPORT}.po"))
        plain = [e.msgstr for e in catalog if e.msgstr and not re.search(r"[\[\]^*_]", e.msgstr)]
        longest = max(plain, key=len)
        assert len(longest) >= 16, longest
        if yaml.safe_load((SHIPPED / "locales" / lang / "style.yaml").read_text(
                "utf-8")).get("direction") == "rtl":
            # right-to-left text comes out of the PDF in visual runs (verify reads it in
            # logical order); here: every letter of the translation is in the page's text
            assert set(squash(longest)) <= set(text), lang
            continue
        for piece in (longest[:12], longest[-12:]):
            assert squash(piece) in text, (lang, piece)


def test_an_arabic_cross_reference_names_a_chapter_by_its_definite_ordinal(outputs):
    """UN Arabic running text says الفصل الأول of the chapter whose heading is numbered
    أولا - (ar/style.yaml `reference.system`); a section keeps its letter name (الفرع ألف).
    Both formats print it."""
    paragraphs = [text for _style, text in docx_paragraphs(outputs / f"{REPORT}.ar.docx")]
    docx = [p for p in paragraphs if "ينبغي أن تجتمع اللجنة" in p]
    assert len(docx) == 1 and "(الفصل الأول، الفرع ألف)" in docx[0], docx
    assert any(p.startswith("أولا") for p in paragraphs)
    # the PDF's text layer, words only (where pypdf puts right-to-left punctuation varies)
    words = squash(re.sub(r"[^\w\s]", "", pdf_text(outputs / f"{REPORT}.ar.pdf")))
    assert "اللجنةمرةأخرىالفصلالأولالفرعألف" in words


# ---- tampered after the build: a table cell of the DOCX, a table's label in the PDF ---------
@pytest.fixture
def copied(outputs, tmp_path):
    """A copy of the six-language outputs, to tamper with."""
    copy = tmp_path / "out"
    shutil.copytree(outputs, copy)
    return copy


def verify(project, out, *args) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["verify", "--root", str(project), "--output", str(out), *args])
    return code, err.getvalue()


@pytest.mark.parametrize("lang", LANGS)
def test_a_changed_table_cell_of_each_docx_fails_naming_the_cell(outputs, copied, lang):
    path = copied / f"{REPORT}.{lang}.docx"
    doc = Document(str(path))
    cell = report_tables(doc)[0].rows[2].cells[1]  # the amount of the second year
    run = cell.paragraphs[0].runs[-1]
    assert run.text.strip(), lang
    run.text += run.text.strip()[-1]  # "120" printed "1200", in the edition's digits
    doc.save(str(path))
    code, err = verify(outputs.parent, copied, "--lang", lang, "--format", "docx")
    assert code == 1, lang
    assert f"{REPORT}.{lang}.docx: error: fees.r2.amount: the table cell prints" in err, err
    assert err.count("error:") == 1, err


@pytest.mark.parametrize("lang", LANGS)
def test_a_pdf_printing_another_table_number_fails_naming_the_table(outputs, copied, lang):
    """The first table's caption label printed as the second's ("Table 2", "表2", "الجدول 2"
    where the edition printed "Table 1", "表1", "الجدول 1")."""
    printed, model = relabelled_pdf(outputs.parent, copied, REPORT, lang, "fees", "staff")
    assert printed != model
    code, err = verify(outputs.parent, copied, "--lang", lang, "--format", "pdf")
    assert code == 1, lang
    assert f"{REPORT}.{lang}.pdf: error: fees: '{model} " in err, err
    assert err.count("error:") == 1, err
