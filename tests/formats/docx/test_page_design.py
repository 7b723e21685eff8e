"""UN page design in the DOCX, read back from its parts and XML (python-docx, lxml), and as
LibreOffice prints it."""

import re
import shutil
import subprocess
import zipfile

import pytest
from helpers.readback import docx_paragraphs, pdf_text

REPORT = "wg7-2017-l1"


def docx_xml(path, part):
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_page_parts(example_outputs, lang):
    from docx import Document
    path = example_outputs / f"{REPORT}.{lang}.docx"
    doc = Document(str(path))
    sec = doc.sections[0]
    assert abs(sec.page_width.mm - 210) < 0.5 and abs(sec.page_height.mm - 297) < 0.5
    assert sec.different_first_page_header_footer
    assert doc.settings.odd_and_even_pages_header_footer
    first_head = " ".join(c.text for t in sec.first_page_header.tables for c in t.rows[0].cells)
    assert ("United Nations" if lang == "en" else "联 合 国") in first_head
    assert "CTOC/COP/WG.7/2017/L.1" in first_head.replace(" ", "")
    assert sec.header.paragraphs[0].text == "CTOC/COP/WG.7/2017/L.1"
    assert sec.header.paragraphs[0].alignment == 2  # right on odd pages
    assert sec.even_page_header.paragraphs[0].text == "CTOC/COP/WG.7/2017/L.1"
    assert sec.even_page_header.paragraphs[0].alignment in (None, 0)  # left on even pages
    for footer in (sec.footer, sec.even_page_footer):
        assert 'w:instr=" PAGE "' in footer._element.xml
    # the job line: number, edition letter and the processing dates (meta.job.dates, DDMMYY)
    assert sec.first_page_footer.paragraphs[0].text == \
        f"V.17-06379 ({'E' if lang == 'en' else 'C'}) 110917 120917"
    assert "graphicData" in sec.first_page_footer._element.xml  # the barcode picture
    # following pages of every edition, the original included, carry the job number
    for footer in (sec.footer, sec.even_page_footer):
        assert f"V.17-06379 ({'E' if lang == 'en' else 'C'})" in footer._element.xml


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_named_styles_and_masthead(example_outputs, lang):
    paras = docx_paragraphs(example_outputs / f"{REPORT}.{lang}.docx")
    used = {s for s, _t in paras}
    assert {"SingleTxt", "HCh", "H1", "H23", "H4", "ListL1", "ListL2"} <= used
    texts = [t for _s, t in paras]
    assert "Distr.: Limited" in texts and "Original: English" in texts
    styles = docx_xml(example_outputs / f"{REPORT}.{lang}.docx", "word/styles.xml")
    single = re.search(r'<w:style [^>]*w:styleId="SingleTxt".*?</w:style>', styles, re.S).group(0)
    assert 'w:left="1134"' in single  # 20 mm from the margin: numbers at 40 mm
    assert 'w:pos="1701"' in single  # tab to 30 mm: text at 50 mm
    assert '<w:sz w:val="20"/>' in single and 'w:line="240"' in single  # 10 pt on 12 pt


def test_docx_converts_with_libreoffice(example_outputs, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed")
    src = example_outputs / f"{REPORT}.zh.docx"
    proc = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(src)],
                          capture_output=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    text = pdf_text(tmp_path / f"{REPORT}.zh.pdf")
    pages = text.split("\f") if "\f" in text else None
    from pypdf import PdfReader
    reader = PdfReader(str(tmp_path / f"{REPORT}.zh.pdf"))
    page1 = reader.pages[0].extract_text()
    assert "联 合 国" in page1 and "Distr.: Limited" in page1 and "V.17-06379 (C)" in page1
    page2 = reader.pages[1].extract_text()
    assert "CTOC/COP/WG.7/2017/L.1" in page2  # running head survives
    assert pages is None or len(pages) > 1
