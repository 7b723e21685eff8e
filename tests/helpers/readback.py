"""Reading built outputs back, as a reader would: python-docx for DOCX, pypdf for PDF."""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from pypdf import PdfReader

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


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def number_tokens_docx(path: Path) -> list[str]:
    styles = {"SingleTxt", "HCh", "H1", "H23", "H4", "ListL1", "ListL2", "ListL3"}
    toks = []
    for style, text in docx_paragraphs(path):
        if style in styles:
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
