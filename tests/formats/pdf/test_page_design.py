"""UN page design in the PDF, measured on its word boxes (pdfplumber): paper, first page,
footer, running heads, fonts, turnover lines, right-to-left numbers, Letter paper. (The DOCX:
tests/formats/docx/test_page_design.py.)"""

import pdfplumber
import pytest
from helpers.project import FIXTURES, make_project
from helpers.readback import pdf_words_mm

MM = 72 / 25.4
REPORT = "wg7-2017-l1"



def first(ws, text):
    return next(w for w in ws if w["text"] == text)


@pytest.fixture(scope="module")
def pdfs(example_outputs):
    opened = {lang: pdfplumber.open(example_outputs / f"{REPORT}.{lang}.pdf")
              for lang in ("en", "zh")}
    yield opened
    for p in opened.values():
        p.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_is_a4(pdfs, lang):
    for page in pdfs[lang].pages:
        assert abs(page.width / MM - 210) < 0.5 and abs(page.height / MM - 297) < 0.5


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_first_page_geometry(pdfs, lang):
    ws = pdf_words_mm(pdfs[lang].pages[0])
    assert abs(first(ws, "Distr.:")["x0mm"] - 138) < 3
    assert abs(first(ws, "Original:")["x0mm"] - 138) < 3
    un = first(ws, "United") if lang == "en" else next(w for w in ws if w["text"].startswith("联"))
    assert abs(un["x0mm"] - 42) < 3
    symbol = next(w for w in ws if w["text"].endswith("TOC/COP/WG.7/2017/L.1"))
    assert abs(symbol["x1mm"] - 190) < 3 and symbol["topmm"] < 35  # flush right at the top
    # paragraph 1: number at 40 mm, text at 50 mm, a turnover line back at 40 mm
    num = first(ws, "1.")
    line = sorted((w for w in ws if abs(w["top"] - num["top"]) < 1), key=lambda w: w["x0"])
    assert abs(num["x0mm"] - 40) < 3
    assert abs(line[1]["x0mm"] - 50) < 3
    below = [w for w in ws if num["top"] + 5 < w["top"] < num["top"] + 20]
    assert abs(min(w["x0mm"] for w in below) - 40) < 3
    body = [w for w in ws if w["top"] > num["top"] and w["topmm"] < 250]
    assert max(w["x1mm"] for w in body) < 171 + 3
    # chapter numbers hang left of the 40 mm line; their text starts at 40 mm
    chapter = first(ws, "I.") if lang == "en" else first(ws, "一.")
    title = sorted((w for w in ws if abs(w["top"] - chapter["top"]) < 1), key=lambda w: w["x0"])
    assert chapter["x0mm"] < 38 and abs(title[1]["x0mm"] - 40) < 3


@pytest.mark.parametrize("lang,letter", [("en", "E"), ("zh", "C")])
def test_first_page_footer_job_number_and_barcode(pdfs, lang, letter):
    page = pdfs[lang].pages[0]
    text = page.extract_text()
    assert f"V.17-06379 ({letter})" in text and "*1706379*" in text
    bars = [r for r in page.rects if r["top"] / MM > 270 and r.get("fill")]
    assert len(bars) >= 30  # the Code 39 bars are drawn


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_running_heads_and_page_numbers(pdfs, lang):
    pages = pdfs[lang].pages
    assert len(pages) >= 3
    for n, page in enumerate(pages[1:], start=2):
        ws = pdf_words_mm(page)
        head = next(w for w in ws if w["text"] == "CTOC/COP/WG.7/2017/L.1")
        assert head["topmm"] < 20
        number = next(w for w in ws if w["text"] == str(n) and w["topmm"] > 270)
        if n % 2 == 0:  # even pages: left
            assert abs(head["x0mm"] - 20) < 3 and abs(number["x0mm"] - 20) < 3
        else:  # odd pages: right
            assert abs(head["x1mm"] - 190) < 3 and abs(number["x1mm"] - 190) < 3
        footer = " ".join(w["text"] for w in ws if w["topmm"] > 270)
        # every edition, the original included, repeats the job number on following pages
        # (UNOV English documents print "2 V.15-00612"), beside the page number
        letter = "E" if lang == "en" else "C"
        assert f"V.17-06379 ({letter})" in footer
        assert footer.split().index(str(n)) == (0 if n % 2 == 0 else len(footer.split()) - 1)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pdf_fonts_embedded(example_outputs, lang):
    from pypdf import PdfReader
    reader = PdfReader(str(example_outputs / f"{REPORT}.{lang}.pdf"))
    seen = 0
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            desc = desc.get_object()
            assert any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
            seen += 1
    assert seen
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF


def test_chinese_quotation_marks_come_from_the_cjk_font(pdfs):
    """DESIGN.md: the sketch's Chinese quotes came from the Latin font; use the CJK font's."""
    marks = [c for page in pdfs["zh"].pages for c in page.chars if c["text"] in "“”《》，"]
    assert len(marks) > 20
    for c in marks:
        assert "CJK" in c["fontname"], (c["text"], c["fontname"])


def lines(page):
    """(top in mm, words sorted left to right) for each printed line of a page."""
    ws = pdf_words_mm(page)
    tops = sorted({round(w["topmm"], 1) for w in ws})
    return [(t, sorted((w for w in ws if round(w["topmm"], 1) == t), key=lambda w: w["x0"]))
            for t in tops]


@pytest.mark.parametrize("lang", ["en"])
def test_turnover_lines_of_headings_and_list_items(pdfs, lang):
    """A heading's second line starts at 40 mm under its text (the number hangs at 30 mm); a
    list item's second line starts under its text at 60 mm, as the DOCX styles' hanging indents."""
    all_lines = [ln for page in pdfs[lang].pages for ln in lines(page)]
    heading = next(i for i, (_t, ws) in enumerate(all_lines)
                   if [w["text"] for w in ws[:2]] == ["1.", "Using"])
    assert abs(all_lines[heading][1][0]["x0mm"] - 30) < 3
    assert all_lines[heading + 1][1][0]["text"] == "address"
    assert abs(all_lines[heading + 1][1][0]["x0mm"] - 40) < 3
    item = next(i for i, (_t, ws) in enumerate(all_lines)
                if [w["text"] for w in ws[:2]] == ["(b)", "Draft"])
    assert abs(all_lines[item][1][0]["x0mm"] - 50) < 3
    assert abs(all_lines[item][1][1]["x0mm"] - 60) < 3
    assert abs(all_lines[item + 1][1][0]["x0mm"] - 60) < 3


def test_numbers_hang_after_the_text_in_a_right_to_left_edition(tmp_path):
    """A language written right to left (style.yaml `direction: rtl`) has its chapter and list
    numbers hang on the right of their text, not on the left."""
    from unreport.cli import main
    project = make_project(tmp_path / "p", "french")
    with open(project / "locales" / "fr" / "style.yaml", "a", encoding="utf-8") as f:
        f.write("\ndirection: rtl\n")
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "--format", "pdf",
                 "--lang", "fr"]) == 0
    with pdfplumber.open(out / "fr-demo.fr.pdf") as pdf:
        ws = pdf_words_mm(pdf.pages[0])
    # (the PDF's text runs right to left: pdfplumber reads the numeral as ".I")
    number = next(w for w in ws if w["text"] in ("I.", ".I"))
    title = first(ws, "Introduction")
    assert abs(number["top"] - title["top"]) < 2 and number["x0"] > title["x1"]


def test_letter_paper_from_the_design(tmp_path):
    """`paper: letter` in templates/design.yaml: both formats on US Letter, the text column
    where it is on A4 (positions from the left edge), the footer as far from the bottom edge."""
    from docx import Document

    from unreport.cli import main
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content" / "annual-note.yaml")
    design = project / "templates" / "design.yaml"
    design.write_text(design.read_text(encoding="utf-8").replace("paper: a4", "paper: letter"),
                      encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "--lang", "en"]) == 0
    sec = Document(str(out / "annual-note.en.docx")).sections[0]
    assert abs(sec.page_width.mm - 215.9) < 0.2 and abs(sec.page_height.mm - 279.4) < 0.2
    assert abs(sec.right_margin.mm - 20) < 0.1
    with pdfplumber.open(out / "annual-note.en.pdf") as pdf:
        page = pdf.pages[0]
        assert abs(page.width / MM - 215.9) < 0.2 and abs(page.height / MM - 279.4) < 0.2
        ws = pdf_words_mm(page)
        num = first(ws, "1.")
        assert abs(num["x0mm"] - 40) < 0.5
        symbol = max(ws, key=lambda w: w["x1"])
        assert abs(symbol["x1mm"] - (215.9 - 20)) < 0.5  # flush with the right outer margin
        assert max(w["topmm"] for w in ws) < 279.4 - 10
