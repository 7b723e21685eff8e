"""UN production details, read back from both formats: the first page's job line with its
processing dates, the Code 39 barcode (same size in DOCX and PDF, inside the page, never
clipped) and its caption, the job number on following pages, the document's metadata."""

import re
import zipfile

import pdfplumber
import pytest
from docx import Document
from lxml import etree
from pypdf import PdfReader

MM = 72 / 25.4
REPORT = "wg7-2017-l1"
LETTER = {"en": "E", "zh": "C"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
EMU_PER_MM = 36000


def design():
    from unreport.formats.design import design_for
    from unreport.project.paths import Project
    from helpers.project import ROOT
    return design_for(Project(ROOT))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_job_line_prints_the_processing_dates_in_both_formats(example_outputs, lang):
    line = f"V.17-06379 ({LETTER[lang]}) 110917 120917"  # meta.job.dates, DDMMYY
    doc = Document(str(example_outputs / f"{REPORT}.{lang}.docx"))
    assert doc.sections[0].first_page_footer.paragraphs[0].text == line
    # (pdfplumber on purpose: another reader than verify's pypdf, and it crops and places)
    with pdfplumber.open(example_outputs / f"{REPORT}.{lang}.pdf") as pdf:
        page = pdf.pages[0]
        bottom = [ln for ln in page.extract_text().splitlines()]
        assert line in bottom


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_barcode_and_caption_inside_the_page_and_the_same_size(example_outputs, lang):
    d = design()
    bc = d["footer"]["barcode"]
    with pdfplumber.open(example_outputs / f"{REPORT}.{lang}.pdf") as pdf:
        page = pdf.pages[0]
        bars = [r for r in page.rects if r.get("fill") and r["top"] / MM > 250]
        assert len(bars) >= 30
        left, right = min(b["x0"] for b in bars) / MM, max(b["x1"] for b in bars) / MM
        top, bottom = min(b["top"] for b in bars) / MM, max(b["bottom"] for b in bars) / MM
        assert abs((bottom - top) - bc["height"]) < 0.1
        caption = [c for c in page.chars if c["top"] / MM > bottom - 0.1]
        assert "".join(c["text"] for c in caption) == "*1706379*"
        # everything inside the page, above its bottom edge
        assert max(c["bottom"] for c in caption) / MM < page.height / MM - 5
        assert bottom < min(c["top"] for c in caption) / MM
    pdf_width = right - left
    # the DOCX: the barcode picture has the same size, and its line is high enough for it
    # (a picture stands on the baseline, at design.line.baseline of an exact line)
    with zipfile.ZipFile(example_outputs / f"{REPORT}.{lang}.docx") as z:
        footer_parts = [n for n in z.namelist() if n.startswith("word/footer")]
        pictures = []
        for name in footer_parts:
            root = etree.fromstring(z.read(name))
            for p in root.iter(f"{W}p"):
                ext = p.find(f".//{WP}extent")
                if ext is not None:
                    spacing = p.find(f"{W}pPr/{W}spacing")
                    pictures.append((ext, spacing))
    assert len(pictures) == 1
    ext, spacing = pictures[0]
    width, height = int(ext.get("cx")) / EMU_PER_MM, int(ext.get("cy")) / EMU_PER_MM
    assert abs(width - pdf_width) < 0.5 and abs(height - bc["height"]) < 0.1
    assert spacing.get(f"{W}lineRule") == "exact"
    line_mm = int(spacing.get(f"{W}line")) / 20 / MM
    assert line_mm * d["line"]["baseline"] >= height + bc["gap"] - 0.05  # not clipped


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_following_pages_carry_the_job_number_in_every_edition(example_outputs, lang):
    job = f"V.17-06379 ({LETTER[lang]})"
    with pdfplumber.open(example_outputs / f"{REPORT}.{lang}.pdf") as pdf:
        for page in pdf.pages[1:]:
            foot = [w["text"] for w in page.extract_words() if w["top"] / MM > 270]
            assert " ".join(foot).count(job) == 1
    doc = Document(str(example_outputs / f"{REPORT}.{lang}.docx"))
    for footer in (doc.sections[0].footer, doc.sections[0].even_page_footer):
        assert job in footer.paragraphs[0].text


@pytest.mark.parametrize("lang,title,subject", [
    ("en", "Draft report", "Working Group on the Smuggling of Migrants"),
    ("zh", "报告草稿", "偷运移民问题工作组")])
def test_title_subject_and_language_in_the_metadata(example_outputs, lang, title, subject):
    cp = Document(str(example_outputs / f"{REPORT}.{lang}.docx")).core_properties
    assert (cp.title, cp.subject, cp.language) == (title, subject, lang)
    reader = PdfReader(str(example_outputs / f"{REPORT}.{lang}.pdf"))
    assert reader.metadata["/Title"] == title and reader.metadata["/Subject"] == subject
    assert reader.trailer["/Root"]["/Lang"] == lang


def test_job_may_be_a_plain_number(tmp_path):
    """meta.job as a plain string stays valid: the job line is the number and the letter."""
    from helpers.project import FIXTURES, make_project
    from unreport.cli import main
    project = make_project(tmp_path / "p", FIXTURES / "blocks" / "content" / "all-blocks.yaml")
    assert main(["--root", str(project), "--output", str(tmp_path / "o"), "--lang", "en",
                 "--format", "docx"]) == 0
    doc = Document(str(tmp_path / "o" / "all-blocks.en.docx"))
    assert doc.sections[0].first_page_footer.paragraphs[0].text == "V.25-01234 (E)"


def test_organ_in_a_narrow_column(example_outputs):
    """The organ is set in the design's narrow column (70 mm from the outer margin): four
    lines for this organ, none past 90 mm, in the PDF; the DOCX paragraph's right indent
    leaves the same column."""
    d = design()
    right_edge = d["page"]["outer_left"] + d["masthead"]["organ"]["width"]
    with pdfplumber.open(example_outputs / f"{REPORT}.en.pdf") as pdf:
        words = pdf.pages[0].extract_words()
    organ = [w for w in words if 27 < w["top"] / MM < 52 and w["x0"] / MM < 100]
    lines = {round(w["top"]) for w in organ}
    assert len(lines) == 4 and max(w["x1"] for w in organ) / MM <= right_edge
    doc = Document(str(example_outputs / f"{REPORT}.en.docx"))
    cell = doc.tables[0].rows[0].cells[0]
    dist_at = d["masthead"]["distribution"]["at"] - d["page"]["outer_left"]
    indent = cell.paragraphs[0].paragraph_format.right_indent.mm
    assert abs((dist_at - indent) - d["masthead"]["organ"]["width"]) < 0.1


def test_pdf_standards_from_the_design(tmp_path):
    """templates/design.yaml `pdf_standards: [a-2b, ua-1]`: the editions and the review
    document claim PDF/A-2b and PDF/UA-1 in their XMP metadata (Typst checks them)."""
    from helpers.project import ROOT, make_project
    from unreport.cli import main
    project = make_project(tmp_path / "p", ROOT / "content" / "wg7-2017-l1.yaml")
    import shutil
    shutil.copy(ROOT / "locales" / "zh" / "wg7-2017-l1.po", project / "locales" / "zh")
    design = project / "templates" / "design.yaml"
    design.write_text(design.read_text(encoding="utf-8").replace(
        "pdf_standards: []", "pdf_standards: [a-2b, ua-1]"), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "--format", "pdf"]) == 0
    for name in ("wg7-2017-l1.en.pdf", "wg7-2017-l1.zh.pdf", "wg7-2017-l1.en-zh.pdf"):
        xmp = PdfReader(str(out / name)).xmp_metadata
        assert xmp is not None, name
        raw = xmp.stream.get_data().decode("utf-8")
        assert "pdfaid:part" in raw and "pdfuaid:part" in raw, name
        assert re.search(r'pdfaid:part(="|>)2', raw) and re.search(r'pdfaid:conformance(="|>)B',
                                                                     raw), name
