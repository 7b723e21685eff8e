"""A long text goes to Typst as one string literal, not escaped markup (markup.py: a span per
escape made a long paragraph's layout quadratic), and prints exactly what the markup printed."""

import hashlib
from pathlib import Path

import pdfplumber
import pytest
import typst

from unreport.build.pipeline import gather
from unreport.formats.pdf import markup
from unreport.formats.pdf.markup import escape_typst
from unreport.formats.pdf.review import ReviewPdfWriter
from unreport.formats.pdf.writer import PdfWriter
from unreport.project.options import Options
from unreport.project.paths import Project

from helpers.project import ROOT

# everything markup would take for markup: strong, emphasis, raw, math, labels, references,
# headings, lists, comments, shorthands (--, ..., ~), smart quotes, a footnote call, escapes
TRICKY = ('The Working Group noted that 100% of the States parties (\"the respondents\") had '
          "adopted *measures* under article 6 -- paragraph 2 -- of the Protocol... and that "
          "'irregular' migration had fallen by 12.5% since 2015; see <label> @ref $x$ `raw` "
          "#footnote[not a note] = heading // comment /* block */ + list - item ~ \\ back\\slash "
          "工作组注意到，作出答复的缔约国（“答复国”）100%已采取措施。 الفريق العامل لاحظ ذلك.  "
          "Two  spaces,\ta tab.")


def printed(tmp_path: Path, body: str) -> tuple[str, bytes]:
    (tmp_path / "a.typ").write_text(f'#set text(font: "Liberation Serif")\n#set par(justify: '
                                    f'true)\nA paragraph: {body} The end.', encoding="utf-8")
    pdf = typst.compile(str(tmp_path / "a.typ"))
    (tmp_path / "a.pdf").write_bytes(pdf)
    with pdfplumber.open(tmp_path / "a.pdf") as doc:
        return "".join(p.extract_text() for p in doc.pages), pdf


def test_a_long_text_is_one_string_and_prints_what_its_markup_printed(tmp_path, monkeypatch):
    text = " " + TRICKY * 3 + " "
    as_string = escape_typst(text)
    assert as_string.startswith(' #"') and as_string.endswith('"; ')
    assert "#footnote[" not in as_string  # number_notes finds no footnote in it
    monkeypatch.setattr(markup, "LONG_TEXT", 10**9)
    as_markup = escape_typst(text)
    assert as_markup.count("\\") > 50
    text_a, pdf_a = printed(tmp_path, as_string)
    text_b, pdf_b = printed(tmp_path, as_markup)
    assert "#footnote[not a note]" in text_a and "\"the respondents\"" in text_a
    assert pdf_a == pdf_b


def test_a_short_text_stays_markup():
    assert escape_typst("the budget; the calendar.") == "the budget\\; the calendar\\."


def pdfs(root: Path, long_text: int, monkeypatch) -> dict[str, str]:
    monkeypatch.setattr(markup, "LONG_TEXT", long_text)
    project = Project(root)
    plan = gather(project, Options(formats=("pdf",)))
    writer = PdfWriter(project)
    review = ReviewPdfWriter(writer)
    out = {e.lang: writer.write(e) for e in plan.editions}
    out.update({d.name: review.write(d) for d in plan.parallels})
    return {name: hashlib.sha256(pdf).hexdigest() for name, pdf in out.items()}


@pytest.mark.parametrize("root", [ROOT / "tests/fixtures/blocks"], ids=["all-blocks"])
def test_every_text_as_a_string_gives_the_same_pdfs(root, monkeypatch):
    """Every edition and review document of the fixture with every block kind (tables,
    footnotes, lists, cross-references, draft markers), every text written as a string, then
    none: byte-identical PDFs."""
    strings = pdfs(root, 0, monkeypatch)
    assert len(strings) >= 3
    assert strings == pdfs(root, 10**9, monkeypatch)
