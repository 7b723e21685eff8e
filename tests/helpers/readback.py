"""Reading built outputs back, as a reader would: python-docx for DOCX, pypdf for PDF.

What the package's own read-back (`unreport/formats/<format>/readback.py`, which `--verify`
runs) already does, the tests take from it, and only through this module: when that read-back
moves, the imports below are the lines to change.
- `pdf_text`: a PDF's text as pypdf extracts it, right-to-left runs in reading order;
- `logical_order`: one extracted line's right-to-left runs in reading order;
- `docx_numbered`: (style, text) of the DOCX body paragraphs in the numbered styles.
What verify does not read, the tests read here: every paragraph of a DOCX with its style,
tables included (`docx_paragraphs`); the number tokens of an edition, made comparable across
languages (`number_tokens_*`, `neutral`); texts without whitespace (`squash`: unlike verify's
comparison it keeps hyphens and bidirectional controls, so a test sees them).

Independent checks deliberately read with another reader than the package's read-back: pdfplumber's word
boxes and characters (`pdf_words_mm` here, `helpers/geometry.py`) for positions and fonts, and
LibreOffice for how Word-compatible software lays out a DOCX (tests/formats/)."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

from unreport.formats.docx.readback import docx_body as docx_numbered
from unreport.formats.pdf.readback import logical_order, pdf_text

__all__ = ["CJK", "docx_numbered", "docx_paragraphs", "logical_order", "neutral",
           "normalise_cjk_digit_spacing", "number_tokens_docx", "number_tokens_pdf", "pdf_text",
           "pdf_words_mm", "squash"]

CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
NUMBER_TOKEN = re.compile(
    r"^(\d+\.|[A-Z]\.|[IVXLC]+\.|[一二三四五六七八九十]+\.|\([a-z]+\)|\([ivx]+\)|"
    r"Recommendation \d+|建议 \d+)(?=\s|$)")


def docx_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, tables included, in order."""
    doc = Document(str(path))
    out = []
    body = doc.element.body
    for p in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p"):
        from docx.text.paragraph import Paragraph
        para = Paragraph(p, doc)
        out.append((para.style.name if para.style is not None else "", para.text))
    return out


def pdf_words_mm(page) -> list[dict]:
    """pdfplumber's words of a page with their left, right and top edges in millimetres
    (x0mm, x1mm, topmm): another reader than the read-back's pypdf, for where things stand."""
    mm = 72 / 25.4
    return [dict(w, x0mm=w["x0"] / mm, x1mm=w["x1"] / mm, topmm=w["top"] / mm)
            for w in page.extract_words()]


def number_tokens_docx(path: Path) -> list[str]:
    """The number that starts each paragraph of the body in a numbered style, in order."""
    toks = []
    for _style, text in docx_numbered(path):
        m = NUMBER_TOKEN.match(text)
        if m:
            toks.append(m.group(1))
    return toks


def number_tokens_pdf(path: Path) -> list[str]:
    toks = []
    for line in pdf_text(path).splitlines():
        m = NUMBER_TOKEN.match(line.strip())
        if m:
            toks.append(m.group(1))
    return toks


_ZH_NUM = {"一": "I", "二": "II", "三": "III", "四": "IV", "五": "V", "六": "VI", "七": "VII",
           "八": "VIII", "九": "IX", "十": "X"}


def neutral(token: str) -> str:
    """Map language-specific numerals to one form, to compare editions."""
    m = re.fullmatch(r"([一二三四五六七八九十]+)\.", token)
    if m:
        return _ZH_NUM[m.group(1)] + "."
    m = re.fullmatch(r"(?:Recommendation|建议) (\d+)", token)
    if m:
        return f"R{m.group(1)}"
    return token


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def normalise_cjk_digit_spacing(text: str) -> str:
    """The seed puts spaces around digits in Chinese text; the catalog does not."""
    text = re.sub(rf"(?<=[{CJK}])\s+(?=[0-9])", "", text)
    return re.sub(rf"(?<=[0-9])\s+(?=[{CJK}])", "", text)
