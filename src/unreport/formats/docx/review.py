"""The review document (render/review.py) as DOCX, landscape: pandoc with the translation's
reference document and templates/docx/parallel.lua (a two-column table), then python-docx for
the landscape page, table borders, a header row repeated on every page, each column's footnote
numbers and fixed core properties."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from unreport.formats.design import load_design, resolve
from unreport.formats.docx.language import apply_parallel_language
from unreport.files import normalise_zip
from unreport.formats.docx.markup import MARKUP
from unreport.formats.docx.pandoc import run_pandoc
from unreport.render.review import ParallelDoc
from unreport.files import epoch_of



class ReviewDocxWriter:
    def __init__(self, docx_writer):
        self.docx = docx_writer  # shares the per-language reference documents
        self.lua = docx_writer.project.find("templates", "docx/parallel.lua")

    def prepare(self, doc: ParallelDoc) -> None:
        self.docx.prepare(doc)

    def write(self, doc: ParallelDoc) -> bytes:
        ref = self.docx.reference(doc)
        raw = run_pandoc(doc.documents[MARKUP.dialect.name], "docx",
                         ["--reference-doc", str(ref), "--lua-filter", str(self.lua)],
                         epoch_of(doc.report.meta.date))
        d = Document(io.BytesIO(raw))
        design = resolve(load_design(self.docx.project), doc.style)
        rv = design["review"]
        for section in d.sections:  # the design's paper, landscape
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width = Mm(design["page"]["height"])
            section.page_height = Mm(design["page"]["width"])
            section.left_margin = section.right_margin = Mm(rv["margin_x"])
            section.top_margin, section.bottom_margin = Mm(rv["top"]), Mm(rv["bottom"])
            section.header_distance, section.footer_distance = Mm(rv["header"]), Mm(rv["footer"])
            section.gutter = Mm(0)
        styles = d.styles
        names = [s.name for s in styles]
        # the number column and, for list items, one more indent per level (as the editions'
        # ListL1..3); headings in bold
        for name, indent in (("ParallelTxt", 0), ("ParallelHeading", 0), ("ParallelItem1", 1),
                             ("ParallelItem2", 2), ("ParallelItem3", 3)):
            if name in names:
                pf = styles[name].paragraph_format
                left = rv["number_width"] * (indent + 1)
                pf.left_indent, pf.first_line_indent = Mm(left), Mm(-rv["number_width"])
                pf.tab_stops.add_tab_stop(Mm(left))
                pf.space_before = pf.space_after = Pt(rv["paragraph_gap"])
        for name in ("ParallelHead", "ParallelMasthead", "ParallelHeading"):
            if name in names:
                styles[name].font.bold = True
        if "ParallelId" in names:
            styles["ParallelId"].font.size = Pt(rv["id_size"])
        _footnote_numbers(d, doc)
        _header_footer(d, doc, rv)
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


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _footnote_numbers(d, doc: ParallelDoc) -> None:
    """Each column's footnotes numbered as its edition numbers them (Word would number the
    notes of both columns in one sequence, 1 left and 2 right for the same note): every
    reference gets a custom mark (w:customMarkFollows) and its note the same number as text."""
    from unreport.render.review import row_layout
    wanted = []
    for row, lay in zip(doc.rows, row_layout(doc.report, doc.rows, ())):
        wanted += [lay["left_note"] + i for i in range(row.left.notes)]
        wanted += [lay["right_note"] + i for i in range(row.right.notes)]
    refs = list(d.element.body.iter(qn("w:footnoteReference")))
    if not refs or len(refs) != len(wanted):
        return
    part = next((p for p in d.part.package.iter_parts()
                 if str(p.partname) == "/word/footnotes.xml"), None)
    if part is None:
        return
    from lxml import etree
    notes_xml = etree.fromstring(part.blob)
    notes = {n.get(qn("w:id")): n for n in notes_xml.iter(qn("w:footnote"))}
    for ref, number in zip(refs, wanted):
        ref.set(qn("w:customMarkFollows"), "1")
        run = ref.getparent()
        mark = _mark_run(run, str(number))
        run.addnext(mark)
        note = notes.get(ref.get(qn("w:id")))
        if note is not None:
            for auto in list(note.iter(qn("w:footnoteRef"))):
                t = OxmlElement("w:t")
                t.text = str(number)
                auto.addprevious(t)
                auto.getparent().remove(auto)
    part._blob = etree.tostring(notes_xml, xml_declaration=True, encoding="UTF-8",
                                standalone=True)


def _mark_run(ref_run, text: str):
    """A run printing a footnote's custom mark, with the reference run's properties."""
    import copy
    run = OxmlElement("w:r")
    rpr = ref_run.find(qn("w:rPr"))
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    return run


def _header_footer(d, doc: ParallelDoc, rv: dict) -> None:
    """Every page: the symbol and the two languages in the header, the page number (a PAGE
    field) in the footer."""
    from unreport.formats.docx.writer import _page_field
    for section in d.sections:
        width = section.page_width - section.left_margin - section.right_margin
        hp = section.header.paragraphs[0]
        hp.text = f"{doc.report.meta.symbol}\t{doc.masthead['languages']}"
        hp.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        for run in hp.runs:
            run.font.bold = True
            run.font.size = Pt(rv["head_size"])
        fp = section.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(fp)


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
