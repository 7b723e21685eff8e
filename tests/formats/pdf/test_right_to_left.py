"""Right-to-left Arabic in the PDF, read back from its word boxes (pdfplumber) and its text:
page furniture on the mirrored sides, the masthead, whole words in reading order, tables."""

import pdfplumber
import pytest
from helpers.readback import pdf_text, pdf_words_mm

REPORT = "wg7-2017-l1"


# ---- Arabic PDF: page furniture on the mirrored sides, whole words ---------------------------
@pytest.fixture(scope="module")
def ar_pdf(example_outputs):
    with pdfplumber.open(example_outputs / f"{REPORT}.ar.pdf") as pdf:
        yield pdf



def test_arabic_running_heads_and_footers_on_the_mirrored_sides(ar_pdf):
    pages = ar_pdf.pages
    assert len(pages) >= 3
    for n, page in enumerate(pages[1:], start=2):
        ws = pdf_words_mm(page)
        head = next(w for w in ws if w["text"] == "CTOC/COP/WG.7/2017/L.1")
        assert head["topmm"] < 20
        number = next(w for w in ws if w["text"] == str(n) and w["topmm"] > 270)
        job = next(w for w in ws if w["text"].startswith("V.17-06379") and w["topmm"] > 270)
        if n % 2 == 0:  # even pages of a right-to-left document: outer side is the right
            assert abs(head["x1mm"] - 190) < 3 and abs(number["x1mm"] - 190) < 3
            assert abs(job["x0mm"] - 20) < 3
        else:  # odd pages: left
            assert abs(head["x0mm"] - 20) < 3 and abs(number["x0mm"] - 20) < 3
            assert abs(job["x1mm"] - 190) < 10
        # the footer does not collapse: job number and page number far apart
        assert abs(job["x0mm"] - number["x0mm"]) > 100


def test_arabic_first_page_masthead_geometry(ar_pdf):
    ws = pdf_words_mm(ar_pdf.pages[0])
    symbol = next(w for w in ws if "TOC/COP/WG.7/2017/L.1" in w["text"])
    distr = next(w for w in ws if w["text"] == "Distr.:")
    job = next(w for w in ws if w["text"].startswith("V.17-06379") and w["topmm"] > 250)
    assert symbol["x0mm"] < 40  # the symbol on the left of an Arabic masthead
    assert distr["x0mm"] < 80  # the distribution block (English) on the left, left to right
    # the first page's job line (number, letter, dates) where the text starts: on the right
    job_line = [w for w in ws if abs(w["top"] - job["top"]) < 1]
    assert max(w["x1mm"] for w in job_line) > 170


def test_arabic_pdf_text_gives_whole_words_in_reading_order(example_outputs):
    text = pdf_text(example_outputs / f"{REPORT}.ar.pdf")
    assert "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة" in text
    assert "أيلول/سبتمبر" in text
    assert "الفريق العامل المعني بتهريب المهاجرين" in text


def test_arabic_pdf_table_runs_right_to_left(arabic_blocks):
    with pdfplumber.open(arabic_blocks / "all-blocks.ar.pdf") as pdf:
        ws = [w for page in pdf.pages for w in page.extract_words()]
    year = next(w for w in ws if w["text"] == "Year")
    amount = next(w for w in ws if w["text"] == "Amount")
    # the first column (Year) stands on the right in a right-to-left table
    assert abs(year["top"] - amount["top"]) < 2 and year["x0"] > amount["x1"]
