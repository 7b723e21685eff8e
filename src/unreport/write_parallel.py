"""Writing the parallel review document (parallel.py): DOCX and PDF, landscape A4.

DOCX: pandoc with the translation's reference document and templates/docx/parallel.lua (a
two-column table), then python-docx for the landscape page, table borders, a header row repeated
on every page, and fixed core properties. PDF: the document's Typst markup (rendered by
templates/typst/parallel.j2) with parallel.typ, compiled by the PDF writer's typst workers.
"""

from __future__ import annotations

import datetime as dt
import io
import json

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .docx_language import apply_parallel_language
from .output import normalise_zip
from .pandoc import run_pandoc
from .parallel import ParallelDoc
from .write_pdf import epoch_of

NUMBER_WIDTH_MM = 10


class ParallelDocxWriter:
    def __init__(self, docx_writer):
        self.docx = docx_writer  # shares the per-language reference documents
        self.lua = docx_writer.project.templates_dir / "docx" / "parallel.lua"

    def prepare(self, doc: ParallelDoc) -> None:
        self.docx.prepare(doc)

    def write(self, doc: ParallelDoc) -> bytes:
        ref = self.docx.reference(doc)
        raw = run_pandoc(doc.markdown, "docx",
                         ["--reference-doc", str(ref), "--lua-filter", str(self.lua)],
                         epoch_of(doc.report.meta.date))
        d = Document(io.BytesIO(raw))
        for section in d.sections:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Mm(297), Mm(210)
            section.left_margin = section.right_margin = Mm(15)
            section.top_margin, section.bottom_margin = Mm(18), Mm(15)
        styles = d.styles
        if "ParallelTxt" in [s.name for s in styles]:
            pf = styles["ParallelTxt"].paragraph_format
            pf.left_indent, pf.first_line_indent = Mm(NUMBER_WIDTH_MM), Mm(-NUMBER_WIDTH_MM)
            pf.tab_stops.add_tab_stop(Mm(NUMBER_WIDTH_MM))
            pf.space_before = pf.space_after = Pt(2)
        for name in ("ParallelHead", "ParallelMasthead"):
            if name in [s.name for s in styles]:
                styles[name].font.bold = True
        for table in d.tables:
            _grid(table)
            rows = table.rows
            if rows:
                tr_pr = rows[0]._tr.get_or_add_trPr()
                tr_pr.append(OxmlElement("w:tblHeader"))
            for row, status in zip(rows[1:], [r.status for r in doc.rows]):
                if status in ("fuzzy", "untranslated"):
                    _shade(row.cells[1], "FFF4CC" if status == "fuzzy" else "FDE2E2")
        # each column in its language's direction; the translation's proofing language
        apply_parallel_language(d, doc.source_style, doc.style)
        when = dt.datetime.combine(doc.report.meta.date, dt.time())
        cp = d.core_properties
        cp.created = cp.modified = cp.last_printed = when
        cp.title = f"{doc.report.meta.symbol} ({doc.masthead['languages']})"
        cp.author = cp.last_modified_by = "United Nations"
        cp.revision = 1
        cp.identifier = doc.report.meta.symbol
        cp.language = doc.lang
        buf = io.BytesIO()
        d.save(buf)
        return normalise_zip(buf.getvalue())


def _grid(table) -> None:
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:space"), "0")
        el.set(qn("w:color"), "808080")
        borders.append(el)
    # schema order: tblBorders comes before shd, tblLayout, tblCellMar, tblLook
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                 "w:tblCaption", "w:tblDescription")


def _shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().insert_element_before(
        shd, "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")


class ParallelPdfWriter:
    def __init__(self, pdf_writer):
        self.pdf = pdf_writer  # shares the typst compiler (one font scan) and its lock
        self.design = pdf_writer.design

    def typst_source(self, doc: ParallelDoc) -> str:
        return '#import "/typst/parallel.typ": *\n#show: un-parallel-document\n\n' + doc.typst

    def prepare(self, doc: ParallelDoc) -> None:
        """Nothing to set up before the job."""

    def inputs(self, doc: ParallelDoc) -> dict[str, str]:
        data = {"symbol": doc.report.meta.symbol,
                "title": f"{doc.report.meta.symbol} ({doc.masthead['languages']})",
                "left_fonts": doc.source_style.fonts("pdf")["body"],
                "right_fonts": doc.style.fonts("pdf")["body"],
                "left_lang": doc.source_style.locale.split("_")[0],
                "right_lang": doc.style.locale.split("_")[0]}
        return {"edition": json.dumps(data, ensure_ascii=False, sort_keys=True)}

    def write(self, doc: ParallelDoc) -> bytes:
        return self.pdf.compile_source(self.typst_source(doc), self.inputs(doc),
                                       doc.report.meta.date, f"the parallel document {doc.name}")
