"""Right-to-left Arabic in the DOCX, read back from its XML (runs, paragraphs, sections, tables,
the review document's Arabic column, complex-script sizes, proofing languages) and as
LibreOffice lays it out (mirrored page furniture)."""

import re
import zipfile

import pdfplumber
import pytest
from helpers.readback import pdf_words_mm

LANGS = ("ar", "zh", "en", "fr", "ru", "es")
REPORT = "wg7-2017-l1"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# ---- Arabic DOCX XML --------------------------------------------------------------------------
def xml(path, part):
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


@pytest.fixture(scope="module")
def ar_docx(example_outputs):
    return example_outputs / f"{REPORT}.ar.docx"


def test_arabic_docx_runs_paragraphs_sections_tables_are_right_to_left(ar_docx):
    from lxml import etree
    root = etree.fromstring(xml(ar_docx, "word/document.xml").encode())
    arabic = re.compile(r"[\u0600-\u06ff]")
    runs = [r for r in root.iter(f"{W}r") if arabic.search("".join(r.itertext()))]
    assert len(runs) > 60
    assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in runs)
    latin_runs = [r for r in root.iter(f"{W}r") if "".join(r.itertext()).strip()
                  and not arabic.search("".join(r.itertext()))]
    assert latin_runs and all(r.find(f"{W}rPr/{W}rtl") is None for r in latin_runs)
    paras = [p for p in root.iter(f"{W}p") if arabic.search("".join(p.itertext()))]
    assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paras)
    # the English distribution block stays left to right
    dist = [p for p in root.iter(f"{W}p") if "Distr.: Limited" in "".join(p.itertext())]
    assert dist and dist[0].find(f"{W}pPr/{W}bidi") is None
    assert all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in root.iter(f"{W}tbl"))
    assert root.find(f".//{W}sectPr/{W}bidi") is not None
    for part in ("word/header1.xml", "word/footer1.xml"):
        assert "<w:bidi/>" in xml(ar_docx, part)


def test_arabic_docx_complex_script_sizes_and_bold(ar_docx):
    from lxml import etree
    styles = etree.fromstring(xml(ar_docx, "word/styles.xml").encode())
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    hch = by_id["HCh"].find(f"{W}rPr")
    assert hch.find(f"{W}sz").get(f"{W}val") == "28"
    assert hch.find(f"{W}szCs").get(f"{W}val") == "28"
    assert hch.find(f"{W}bCs") is not None
    assert hch.find(f"{W}rFonts").get(f"{W}cs") == "Simplified Arabic"
    body = by_id["SingleTxt"].find(f"{W}rPr")
    assert body.find(f"{W}szCs").get(f"{W}val") == "20" and body.find(f"{W}bCs") is None


PROOFING = {"en": "en-GB", "zh": "zh-CN", "fr": "fr-FR", "es": "es-ES", "ru": "ru-RU",
            "ar": "ar-SA"}


@pytest.mark.parametrize("lang", LANGS)
def test_docx_proofing_language_is_the_editions_own(example_outputs, lang):
    from lxml import etree
    styles = etree.fromstring(xml(example_outputs / f"{REPORT}.{lang}.docx",
                                  "word/styles.xml").encode())
    lang_el = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang_el.get(f"{W}val") == PROOFING[lang]
    assert lang_el.get(f"{W}bidi") == "ar-SA" and lang_el.get(f"{W}eastAsia") == "zh-CN"
    assert all(e.get(f"{W}val") == PROOFING[lang] for e in styles.iter(f"{W}lang"))



def test_parallel_docx_arabic_column_reads_right_to_left(example_outputs):
    from docx import Document
    doc = Document(str(example_outputs / f"{REPORT}.en-ar.docx"))
    rows = doc.tables[0].rows[1:]
    assert len(rows) > 40
    for row in rows:
        left, right = row.cells[0]._tc, row.cells[-1]._tc
        assert all(p.find(f"{W}pPr/{W}bidi") is None for p in left.iter(f"{W}p"))
        assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in right.iter(f"{W}p"))
        arabic_runs = [r for r in right.iter(f"{W}r")
                       if re.search(r"[\u0600-\u06ff]", "".join(r.itertext()))]
        assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in arabic_runs)
    assert any(re.search(r"[\u0600-\u06ff]", "".join(r.cells[-1]._tc.itertext())) for r in rows)


def test_arabic_annexes_tables_and_sorted_states(arabic_blocks):
    from docx import Document
    doc = Document(str(arabic_blocks / "all-blocks.ar.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert "المرفق الأول" in texts and "المرفق الثاني" in texts
    assert "[الأصل: بالصينية]" in texts
    sorted_para = next(t for t in texts if "أفغانستان" in t)
    assert sorted_para.endswith("أفغانستان، وفنزويلا (جمهورية - البوليفارية)، وكوت ديفوار، "
                                "والمملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية.")
    assert any(t.startswith("أولا -\t") for t in texts)
    body = doc.element.body
    data_tables = [t for t in body.iter(f"{W}tbl") if "Year" in "".join(t.itertext())]
    assert data_tables and data_tables[0].find(f"{W}tblPr/{W}bidiVisual") is not None


def test_arabic_docx_through_libreoffice_mirrors_the_page(example_outputs, tmp_path):
    """The Arabic DOCX as Word-compatible software lays it out (LibreOffice): organ and
    "الأمم المتحدة" on the right, the English distribution block on the left; on following
    pages the running head and the page number on the outer side of a right-to-left document
    (right on even pages, left on odd ones), the job number on the other side."""
    import shutil
    import subprocess
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed")
    proc = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "pdf", "--outdir", str(tmp_path),
                           str(example_outputs / f"{REPORT}.ar.docx")],
                          capture_output=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(tmp_path / f"{REPORT}.ar.pdf") as pdf:
        pages = [pdf_words_mm(p) for p in pdf.pages[:3]]
    first = pages[0]
    # (pdfplumber reads the Arabic of LibreOffice's PDF in visual order: المتحدة as ةدحتملا)
    distr = next(w for w in first if w["text"] == "Limited" and w["topmm"] < 40)
    # (in the masthead row, which ends at 26 mm: templates/design.yaml page.header + row_height)
    un = next(w for w in first if w["text"] == "ةدحتملا" and w["topmm"] < 26)
    assert distr["x1mm"] < 80 and un["x1mm"] > 120
    for n, ws in ((2, pages[1]), (3, pages[2])):
        head = next(w for w in ws if w["text"] == "CTOC/COP/WG.7/2017/L.1")
        number = next(w for w in ws if w["text"] == str(n) and w["topmm"] > 275)
        job = next(w for w in ws if "17-06379" in w["text"] and w["topmm"] > 275)
        assert head["topmm"] < 20
        if n % 2 == 0:
            assert head["x1mm"] > 170 and number["x1mm"] > 170 and job["x0mm"] < 40
        else:
            assert head["x0mm"] < 40 and number["x0mm"] < 40 and job["x1mm"] > 170
