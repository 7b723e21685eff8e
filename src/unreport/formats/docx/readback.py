"""Reading a DOCX output back for `--verify` (python-docx): an edition's numbered paragraphs
with their styles, a review document's table cells (formats/readback.py)."""

from __future__ import annotations

from pathlib import Path

from unreport.formats.readback import Paragraphs, Rows

# the styles of the page design (templates/design.yaml) each kind of unit prints in
BODY_STYLES = {"chapter": {"HCh"}, "section": {"H1"}, "subsection": {"H23"},
               "para": {"SingleTxt"}, "item": {"ListL1", "ListL2", "ListL3"},
               "recommendation": {"H4"}, "recommendation-text": {"SingleTxt"},
               "text": {"SingleTxt"}, "table": {"TableLabel"}, "table-title": {"TableTitle"},
               "annex": {"AnnexHeading"}, "annex-title": {"AnnexTitle"}}
NUMBERED_STYLES = set().union(*BODY_STYLES.values())
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def edition(path: Path) -> Paragraphs:
    return Paragraphs(docx_body(path), BODY_STYLES)


def review(path: Path) -> Rows:
    from docx import Document
    doc = Document(str(path))
    if not doc.tables:
        return Rows(None)
    rows = doc.tables[0].rows[1:]  # the first row names the languages
    return Rows([(_cell_text(r.cells[0]), _cell_text(r.cells[1])) for r in rows])


def docx_body(path: Path) -> list[tuple[str, str]]:
    """(style, text) of the body paragraphs in numbered styles, in order (tables excluded)."""
    from docx import Document
    from docx.text.paragraph import Paragraph
    doc = Document(str(path))
    out = []
    for p in doc.element.body.iterchildren("{http://schemas.openxmlformats.org/"
                                           "wordprocessingml/2006/main}p"):
        para = Paragraph(p, doc)
        style = para.style.name if para.style is not None else ""
        if style in NUMBERED_STYLES:
            out.append((style, para.text))
    return out


def _cell_text(cell) -> str:
    """A review-document cell's text without its footnote marks (custom marks: text runs in
    the FootnoteReference style)."""
    out = []
    for p in cell.paragraphs:
        parts = []
        for r in p._p.iter(f"{W}r"):
            style = r.find(f"{W}rPr/{W}rStyle")
            if style is not None and style.get(f"{W}val") == "FootnoteReference":
                continue
            for child in r:
                if child.tag == f"{W}t":
                    parts.append(child.text or "")
                elif child.tag == f"{W}tab":
                    parts.append("\t")
                elif child.tag in (f"{W}br", f"{W}cr"):
                    parts.append("\n")
        out.append("".join(parts))
    return "\n".join(out)
