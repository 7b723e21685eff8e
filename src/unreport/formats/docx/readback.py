"""Reading a DOCX output back for `--verify` (python-docx): an edition's numbered paragraphs
with their styles and its tables' cells, a review document's table cells
(formats/readback.py)."""

from __future__ import annotations

from pathlib import Path

from unreport.formats.readback import Paragraphs, Rows

# the styles of the page design (templates/design.yaml) each kind of unit prints in
BODY_STYLES = {"chapter": {"HCh"}, "section": {"H1"}, "subsection": {"H23"},
               "para": {"SingleTxt"}, "item": {"ListL1", "ListL2", "ListL3"},
               "recommendation": {"H4"}, "recommendation-text": {"SingleTxt"},
               "text": {"SingleTxt"}, "table": {"TableLabel"}, "table-title": {"TableTitle"},
               "annex": {"AnnexHeading"}, "annex-original": {"AnnexOriginal"},
               "annex-title": {"AnnexTitle"}}
NUMBERED_STYLES = set().union(*BODY_STYLES.values())
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def edition(path: Path) -> Paragraphs:
    from docx import Document
    doc = Document(str(path))
    return Paragraphs(_numbered(doc), BODY_STYLES, tuple(_report_cells(doc)))


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
    return _numbered(Document(str(path)))


def _numbered(doc) -> list[tuple[str, str]]:
    from docx.text.paragraph import Paragraph
    out = []
    for p in doc.element.body.iterchildren(f"{W}p"):
        style = _style_name(doc, p)
        if style in NUMBERED_STYLES:
            out.append((style, Paragraph(p, doc).text))
    return out


def _report_cells(doc):
    """The text of each cell of the body's tables after the first paragraph in a numbered style
    (the masthead's table comes before it; each table of the report comes after its label),
    row by row, in document order. A merged cell is read once: a cell spanning columns is one
    w:tc; the cells a vertically merged cell continues into (w:vMerge without "restart") are
    left out. Footnote references print no text here (their marks are not in w:t)."""
    from docx.table import Table, _Cell
    started = False
    for child in doc.element.body.iterchildren(f"{W}p", f"{W}tbl"):
        if child.tag == f"{W}p":
            started = started or _style_name(doc, child) in NUMBERED_STYLES
            continue
        if not started:
            continue
        table = Table(child, doc._body)
        for tr in child.iterchildren(f"{W}tr"):
            for tc in tr.iterchildren(f"{W}tc"):
                merge = tc.find(f"{W}tcPr/{W}vMerge")
                if merge is not None and merge.get(f"{W}val") != "restart":
                    continue
                yield _Cell(tc, table).text


def _style_name(doc, p) -> str:
    from docx.text.paragraph import Paragraph
    style = Paragraph(p, doc).style
    return style.name if style is not None else ""


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
