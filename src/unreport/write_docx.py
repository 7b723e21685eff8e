"""Stage 5a, write DOCX: the edition's Pandoc Markdown (rendered by templates/docx/blocks.j2,
paragraphs already in their named styles) -> DOCX (pandoc with the generated reference
document), then python-docx for what pandoc cannot do: the masthead, first-page and
odd/even headers and footers with a PAGE field, the barcode, fixed core properties."""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import tempfile
import threading
from pathlib import Path

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .barcode39 import code39_modules
from .docx_language import apply_language
from .output import normalise_zip
from .pandoc import run_pandoc
from .project import Project
from .reference_docx import build_reference, load_design
from .render import Edition
from .write_pdf import epoch_of


_REFERENCES: dict = {}  # (templates, design, style, language) -> reference.docx bytes


class DocxWriter:
    def __init__(self, project: Project):
        self.project = project
        self.design = load_design(project)
        self.tmp = tempfile.TemporaryDirectory(prefix="unreport-docx-")
        self.refs: dict[str, Path] = {}
        self.lock = threading.Lock()

    def close(self) -> None:
        self.tmp.cleanup()

    def reference(self, edition: Edition) -> Path:
        with self.lock:
            if edition.lang not in self.refs:
                path = Path(self.tmp.name) / f"reference-{edition.lang}.docx"
                path.write_bytes(self.reference_bytes(edition))
                self.refs[edition.lang] = path
            return self.refs[edition.lang]

    def reference_bytes(self, edition: Edition) -> bytes:
        """The reference document, remembered by this process for the same design and style
        (watch mode does not rebuild it when only content or translations changed)."""
        key = (str(self.project.templates_dir), json.dumps(self.design, sort_keys=True),
               json.dumps(edition.style.data, sort_keys=True, default=str), edition.lang)
        data = _REFERENCES.get(key)
        if data is None:
            data = build_reference(self.project, edition.style)
            if len(_REFERENCES) > 16:
                _REFERENCES.clear()
            _REFERENCES[key] = data
        return data

    def prepare(self, edition: Edition) -> None:
        """Python set-up of a job, done by the build's main thread before the job starts (so
        the job's thread goes straight to pandoc): the language's reference document."""
        self.reference(edition)

    def write(self, edition: Edition) -> bytes:
        ref = self.reference(edition)
        raw = run_pandoc(edition.markdown, "docx", ["--reference-doc", str(ref)],
                         epoch_of(edition.report.meta.date))
        doc = Document(io.BytesIO(raw))
        m = edition.masthead
        text_width = self.design["page"]["width"] - self.design["page"]["left"] - \
            self.design["page"]["right"]
        _masthead_body(doc, m, self.design)
        emblem = self.project.templates_dir / "emblem.png"
        _headers_footers(doc, m, text_width, emblem if emblem.is_file() else None)
        # proofing language, complex-script formatting, right to left (docx_language.py);
        # the distribution block keeps its own direction when written in another language
        apply_language(doc, edition.style,
                       {"Distribution"} if m.get("block_direction", m["direction"]) !=
                       m["direction"] else set())
        when = dt.datetime.combine(edition.report.meta.date, dt.time())
        cp = doc.core_properties
        cp.created = cp.modified = when
        cp.last_printed = when
        cp.title = m.get("title", "")
        cp.author = cp.last_modified_by = "United Nations"
        cp.revision = 1
        cp.identifier = m["symbol"]
        cp.language = edition.lang
        buf = io.BytesIO()
        doc.save(buf)
        return normalise_zip(buf.getvalue())


# ---- helpers ---------------------------------------------------------------------------------
def _border(cell_or_tbl_pr, edge: str, size_eighths: int) -> None:
    borders = cell_or_tbl_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = OxmlElement("w:tcBorders")
        cell_or_tbl_pr.append(borders)
    el = OxmlElement(f"w:{edge}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size_eighths))
    el.set(qn("w:space"), "0")
    el.set(qn("w:color"), "000000")
    borders.append(el)


def _no_table_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _fixed_widths(table, widths_mm: list[float]) -> None:
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    # text flush with the page margin: no table indent, no cell side margins
    ind = OxmlElement("w:tblInd")
    ind.set(qn("w:w"), "0")
    ind.set(qn("w:type"), "dxa")
    table._tbl.tblPr.append(ind)
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    table._tbl.tblPr.append(mar)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(int(w * 56.7)))


def _cell_text(cell, lines: list[str], style: str, doc) -> None:
    cell.paragraphs[0].text = lines[0] if lines else ""
    cell.paragraphs[0].style = doc.styles[style]
    for line in lines[1:]:
        p = cell.add_paragraph(line)
        p.style = doc.styles[style]


def _masthead_body(doc, m: dict, design: dict) -> None:
    """Organ on the left, the distribution block at 138 mm, a thin rule under both."""
    left = design["page"]["left"]
    width = design["page"]["width"] - left - design["page"]["right"]
    dist_at = 138 - left
    table = doc.add_table(rows=1, cols=2)
    _no_table_borders(table)
    _fixed_widths(table, [dist_at, width - dist_at])
    organ, dist = table.rows[0].cells
    _cell_text(organ, [m["organ"]], "MastheadOrgan", doc)
    lines = [m["distribution"], m["date"]] + ([m["edition_language"]] if m["edition_language"]
                                              else []) + [m["original"]]
    _cell_text(dist, lines, "Distribution", doc)
    dist.paragraphs[-1].paragraph_format.space_before = Pt(6)
    for cell in (organ, dist):
        _border(cell._tc.get_or_add_tcPr(), "bottom", 4)
    body = doc.element.body
    body.insert(0, table._tbl)


def _page_field(paragraph) -> None:
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), " PAGE ")
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    b = OxmlElement("w:b")
    rpr.append(b)
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    fld.append(run)
    paragraph._p.append(fld)


def _headers_footers(doc, m: dict, text_width: float, emblem_png: Path | None) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    for section in doc.sections:
        # footnotes are numbered continuously through the document (pandoc restarts per section)
        for restart in section._sectPr.iter(qn("w:numRestart")):
            restart.set(qn("w:val"), "continuous")
        section.different_first_page_header_footer = True
        # first page: United Nations | symbol, thick rule below
        head = section.first_page_header
        head.is_linked_to_previous = False
        table = head.add_table(rows=1, cols=3, width=Mm(text_width))
        _no_table_borders(table)
        _fixed_widths(table, [22, text_width - 22 - 70, 70])
        emblem, un, sym = table.rows[0].cells
        emblem.paragraphs[0].style = doc.styles["MastheadUN"]
        if emblem_png is not None:
            emblem.paragraphs[0].add_run().add_picture(str(emblem_png), height=Mm(14))
        un.paragraphs[0].text = m["un_name"]
        un.paragraphs[0].style = doc.styles["MastheadUN"]
        p = sym.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if m["symbol"]:
            first = p.add_run(m["symbol"][0])
            first.font.size = Pt(20)
            rest = p.add_run(m["symbol"][1:])
            rest.font.size = Pt(10)
        for cell in (emblem, un, sym):
            _border(cell._tc.get_or_add_tcPr(), "bottom", 24)
        # first page footer: job number (edition letter) and its Code 39 barcode
        foot = section.first_page_footer
        foot.is_linked_to_previous = False
        fp = foot.paragraphs[0]
        fp.style = doc.styles["Footer"]
        fp.text = m["job"]
        if m["barcode"]:
            bp = foot.add_paragraph()
            bp.add_run().add_picture(io.BytesIO(barcode_png(m["barcode"].strip("*"))),
                                     height=Mm(8))
            cap = foot.add_paragraph(m["barcode"])
            cap.style = doc.styles["Footer"]
            cap.runs[0].font.size = Pt(7)
        # following pages: symbol top left (even) / right (odd); page number on the same side
        for header, align in ((section.header, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_header, WD_ALIGN_PARAGRAPH.LEFT)):
            header.is_linked_to_previous = False
            hp = header.paragraphs[0]
            hp.text = m["symbol"]
            hp.style = doc.styles["RunningHead"]
            hp.alignment = align
        job = m["job"] if m["translated"] else ""
        for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
            footer.is_linked_to_previous = False
            fp = footer.paragraphs[0]
            fp.style = doc.styles["Footer"]
            fp.paragraph_format.tab_stops.add_tab_stop(Mm(text_width), WD_TAB_ALIGNMENT.RIGHT)
            if odd:
                fp.add_run(job + "\t")
                _page_field(fp)
            else:
                _page_field(fp)
                fp.add_run("\t" + job)


@functools.lru_cache(maxsize=32)
def barcode_png(digits: str) -> bytes:
    """A PNG of the Code 39 bars (drawn from python-barcode's module string)."""
    from PIL import Image, ImageDraw
    modules = code39_modules(digits)
    scale, height = 3, 60
    img = Image.new("1", (len(modules) * scale, height), 1)
    draw = ImageDraw.Draw(img)
    for i, bit in enumerate(modules):
        if bit == "1":
            draw.rectangle([i * scale, 0, (i + 1) * scale - 1, height - 1], fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(300, 300))
    return buf.getvalue()
