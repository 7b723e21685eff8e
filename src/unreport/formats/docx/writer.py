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
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from unreport.render.barcode import code39_modules
from unreport.formats.emblem import checked_emblem
from unreport.formats.docx.language import apply_language
from unreport.files import normalise_zip
from unreport.formats.docx.markup import MARKUP
from unreport.formats.docx.pandoc import run_pandoc
from unreport.project.paths import Project
from unreport.formats.design import load_design, resolve
from unreport.formats.docx.reference import build_reference
from unreport.render.edition import Edition
from unreport.files import epoch_of


_REFERENCES: dict = {}  # (templates, design, style, language) -> reference.docx bytes


class DocxWriter:
    def __init__(self, project: Project, jobs: int = 0):
        self.project = project  # jobs: pandoc runs on the build's threads
        checked_emblem(project)
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
        key = (str(self.project.layers("templates")), json.dumps(self.design, sort_keys=True),
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
        raw = run_pandoc(edition.documents[MARKUP.dialect.name], "docx", ["--reference-doc", str(ref)],
                         epoch_of(edition.report.meta.date))
        doc = Document(io.BytesIO(raw))
        m = edition.masthead
        design = resolve(self.design, edition.style)
        _body_tables(doc, design)
        _masthead_body(doc, m, design)
        _headers_footers(doc, m, design, self.project.emblem)
        # proofing language, complex-script formatting, right to left (language.py);
        # the distribution block keeps its own direction when written in another language
        apply_language(doc, edition.style,
                       {"Distribution"} if m.get("block_direction", m["direction"]) !=
                       m["direction"] else set())
        when = dt.datetime.combine(edition.report.meta.date, dt.time())
        cp = doc.core_properties
        cp.created = cp.modified = when
        cp.last_printed = when
        cp.title = m["title"]
        cp.subject = m["subject"]
        cp.author = cp.last_modified_by = "United Nations"
        cp.revision = 1
        cp.identifier = m["symbol"]
        cp.language = edition.lang
        buf = io.BytesIO()
        doc.save(buf)
        return normalise_zip(buf.getvalue())


# ---- helpers ---------------------------------------------------------------------------------
# Children of w:tblPr and w:tcPr in the order ECMA-376 (CT_TblPr, CT_TcPr) requires.
TBL_PR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
TC_PR_ORDER = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
               "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark")


def _set_child(parent, tag: str, order: tuple[str, ...]):
    """The child w:<tag> of parent (made if missing, replacing any duplicate), in schema order."""
    from unreport.formats.docx.language import _child
    return _child(parent, tag, order, replace=True)


def _border(tc_pr, edge: str, weight_pt: float) -> None:
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = _set_child(tc_pr, "tcBorders", TC_PR_ORDER)
    el = OxmlElement(f"w:{edge}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(round(weight_pt * 8)))  # eighths of a point
    el.set(qn("w:space"), "0")
    el.set(qn("w:color"), "000000")
    borders.append(el)


def _valign_bottom(tc_pr) -> None:
    _set_child(tc_pr, "vAlign", TC_PR_ORDER).set(qn("w:val"), "bottom")


def _twips(mm: float) -> str:
    return str(round(mm * 1440 / 25.4))


def _plain_table(table, widths_mm: list[float], bottom_mm: float = 0) -> None:
    """No borders, fixed column widths, flush with the margin: no indent, no cell margins
    (except `bottom_mm` under the text)."""
    tbl_pr = table._tbl.tblPr
    table.autofit = False  # python-docx writes w:tblLayout; _set_child below keeps one
    borders = _set_child(tbl_pr, "tblBorders", TBL_PR_ORDER)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    _set_child(tbl_pr, "jc", TBL_PR_ORDER).set(qn("w:val"), "left")
    ind = _set_child(tbl_pr, "tblInd", TBL_PR_ORDER)
    ind.set(qn("w:w"), "0")
    ind.set(qn("w:type"), "dxa")
    _set_child(tbl_pr, "tblLayout", TBL_PR_ORDER).set(qn("w:type"), "fixed")
    mar = _set_child(tbl_pr, "tblCellMar", TBL_PR_ORDER)
    for side, mm in (("top", 0), ("left", 0), ("bottom", bottom_mm), ("right", 0)):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), _twips(mm))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    width = _set_child(tbl_pr, "tblW", TBL_PR_ORDER)
    width.set(qn("w:w"), _twips(sum(widths_mm)))
    width.set(qn("w:type"), "dxa")
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm):
            cell.width = Mm(w)
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), _twips(w))


def _exact_row_height(row, mm: float) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:trHeight")
    h.set(qn("w:val"), _twips(mm))
    h.set(qn("w:hRule"), "exact")
    tr_pr.append(h)


def _cell_text(cell, lines: list[str], style: str, doc) -> None:
    cell.paragraphs[0].text = lines[0] if lines else ""
    cell.paragraphs[0].style = doc.styles[style]
    for line in lines[1:]:
        p = cell.add_paragraph(line)
        p.style = doc.styles[style]


def _masthead_body(doc, m: dict, design: dict) -> None:
    """The organ in its narrow column on the left, the distribution block at its place, the
    thin rule under both (the design's masthead)."""
    page, mast = design["page"], design["masthead"]
    left = page["outer_left"]
    width = page["width"] - left - page["outer_right"]
    dist_at = mast["distribution"]["at"] - left
    table = doc.add_table(rows=1, cols=2)
    _plain_table(table, [dist_at, width - dist_at], bottom_mm=mast["thin_rule_gap"])
    organ, dist = table.rows[0].cells
    _cell_text(organ, [m["organ"]], "MastheadOrgan", doc)
    # the narrow column: the organ's lines end organ.width from the outer margin
    organ.paragraphs[0].paragraph_format.right_indent = Mm(dist_at - mast["organ"]["width"])
    lines = [m["distribution"], m["date"]] + ([m["edition_language"]] if m["edition_language"]
                                              else []) + [m["original"]]
    _cell_text(dist, lines, "Distribution", doc)
    dist.paragraphs[-1].paragraph_format.space_before = Pt(mast["distribution"]["original_gap"])
    for cell in (organ, dist):
        _border(cell._tc.get_or_add_tcPr(), "bottom", mast["thin_rule"])
    body = doc.element.body
    body.insert(0, table._tbl)
    # a paragraph before the table, `anchor_line` high: a document that begins with a table
    # and has footnotes gets an empty paragraph of a full line there from LibreOffice
    anchor = OxmlElement("w:p")
    table._tbl.addprevious(anchor)
    para = Paragraph(anchor, doc._body)
    para.style = doc.styles["Normal"]
    para.paragraph_format.line_spacing = Pt(mast["anchor_line"])
    para.paragraph_format.space_after = Pt(0)
    para.add_run("").font.size = Pt(1)


def _body_tables(doc, design: dict) -> None:
    """pandoc's tables set as the design's: across the text column in equal columns, cell
    padding, rules above and under the header row and under the last row."""
    page, t = design["page"], design["table"]
    width = design["body"]["end"] - design["body"]["number"]
    for tbl in doc.element.body.iter(qn("w:tbl")):
        tbl_pr = tbl.tblPr
        cols = tbl.tblGrid.findall(qn("w:gridCol"))
        if not cols:
            continue
        for col in cols:
            col.set(qn("w:w"), _twips(width / len(cols)))
        w = _set_child(tbl_pr, "tblW", TBL_PR_ORDER)
        w.set(qn("w:w"), _twips(width))
        w.set(qn("w:type"), "dxa")
        ind = _set_child(tbl_pr, "tblInd", TBL_PR_ORDER)
        ind.set(qn("w:w"), _twips(design["body"]["number"] - page["outer_left"]))
        ind.set(qn("w:type"), "dxa")
        borders = _set_child(tbl_pr, "tblBorders", TBL_PR_ORDER)
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{edge}")
            if edge in ("top", "bottom"):
                el.set(qn("w:val"), "single")
                el.set(qn("w:sz"), str(round(t["rule"] * 8)))
                el.set(qn("w:space"), "0")
                el.set(qn("w:color"), "000000")
            else:
                el.set(qn("w:val"), "nil")
            borders.append(el)
        _set_child(tbl_pr, "tblLayout", TBL_PR_ORDER).set(qn("w:type"), "fixed")
        mar = _set_child(tbl_pr, "tblCellMar", TBL_PR_ORDER)
        for side, mm in (("top", t["padding_y"]), ("left", t["padding_x"]),
                         ("bottom", t["padding_y"]), ("right", t["padding_x"])):
            el = OxmlElement(f"w:{side}")
            el.set(qn("w:w"), _twips(mm))
            el.set(qn("w:type"), "dxa")
            mar.append(el)
        rows = tbl.findall(qn("w:tr"))
        for i, tr in enumerate(rows):
            for tc in tr.findall(qn("w:tc")):
                tc_pr = tc.get_or_add_tcPr()
                tc_w = _set_child(tc_pr, "tcW", TC_PR_ORDER)
                tc_w.set(qn("w:w"), _twips(width / len(cols)))
                tc_w.set(qn("w:type"), "dxa")
                if i == 0 and len(rows) > 1:
                    _border(tc_pr, "bottom", t["rule"])


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


def _first_page_header(doc, section, m: dict, design: dict, emblem_png: Path | None) -> None:
    """The masthead's first row in the first-page header: emblem, "United Nations" at its
    place, the symbol flush right, the thick rule under them; the row's height is exact, so
    the header ends where the design's body starts."""
    page, mast = design["page"], design["masthead"]
    text_width = page["width"] - page["outer_left"] - page["outer_right"]
    head = section.first_page_header
    head.is_linked_to_previous = False
    table = head.add_table(rows=1, cols=3, width=Mm(text_width))
    un_col = mast["un_name"]["at"] - page["outer_left"]
    sym_col = mast["symbol"]["width"]
    _plain_table(table, [un_col, text_width - un_col - sym_col, sym_col])
    _exact_row_height(table.rows[0], mast["row_height"])
    emblem, un, sym = table.rows[0].cells
    emblem.paragraphs[0].style = doc.styles["MastheadUN"]
    if emblem_png is not None:
        # the picture stands on the row's bottom: a line as high as it needs (not the style's
        # exact line, which would clip it), a run too small to leave a descent under it
        ep = emblem.paragraphs[0]
        ep.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        run = ep.add_run()
        run.font.size = Pt(1)
        shape = run.add_picture(str(emblem_png), height=Mm(mast["emblem"]["height"]))
        for side in ("distT", "distB", "distL", "distR"):
            shape._inline.set(side, "0")
    un.paragraphs[0].text = m["un_name"]
    un.paragraphs[0].style = doc.styles["MastheadUN"]
    p = sym.paragraphs[0]
    p.style = doc.styles["MastheadUN"]
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if m["symbol"]:
        first = p.add_run(m["symbol"][0])
        first.font.size = Pt(mast["symbol"]["first_size"])
        rest = p.add_run(m["symbol"][1:])
        rest.font.size = Pt(mast["symbol"]["size"])
    for cell in (emblem, un, sym):
        tc_pr = cell._tc.get_or_add_tcPr()
        _border(tc_pr, "bottom", mast["thick_rule"])
        _valign_bottom(tc_pr)
    # the table first; the header's paragraph (a header ends with one) after it, one point high
    tail = head.paragraphs[0]
    tail._p.addprevious(table._tbl)
    tail.style = doc.styles["Footer"]
    tail.paragraph_format.line_spacing = Pt(1)
    run = tail.add_run("")
    run.font.size = Pt(1)


def _first_page_footer(doc, section, m: dict, design: dict) -> None:
    """Job line (number, edition letter, processing dates), the Code 39 bars and their caption,
    bottom up from the footer distance. The bars' paragraph has an exact height of the bars
    plus the design's gap, so nothing is clipped."""
    foot_design = design["footer"]
    foot = section.first_page_footer
    foot.is_linked_to_previous = False
    fp = foot.paragraphs[0]
    fp.style = doc.styles["Footer"]
    fp.text = m["job_line"]
    if m["barcode"]:
        bc = foot_design["barcode"]
        modules = code39_modules(m["barcode"].strip("*"))
        bp = foot.add_paragraph()
        bp.style = doc.styles["Footer"]
        # an inline picture stands on the baseline, design.line.baseline of the line down:
        # the line is as high as puts the bars' top `gap` under the line's top
        bp.paragraph_format.line_spacing = Mm(barcode_line(design))
        bp.paragraph_format.space_before = Pt(0)
        pic = bp.add_run()
        pic.font.size = Pt(1)
        shape = pic.add_picture(io.BytesIO(barcode_png(m["barcode"].strip("*"))),
                                width=Mm(len(modules) * bc["module"]), height=Mm(bc["height"]))
        # no distance around the picture (LibreOffice reads a missing one as 1/8 inch)
        for side in ("distT", "distB", "distL", "distR"):
            shape._inline.set(side, "0")
        cap = foot.add_paragraph(m["barcode"])
        cap.style = doc.styles["Footer"]
        cap.paragraph_format.line_spacing = Pt(foot_design["caption"]["line"])
        cap.runs[0].font.size = Pt(foot_design["caption"]["size"])


def _headers_footers(doc, m: dict, design: dict, emblem_png: Path | None) -> None:
    page = design["page"]
    text_width = page["width"] - page["outer_left"] - page["outer_right"]
    doc.settings.odd_and_even_pages_header_footer = True
    for section in doc.sections:
        # footnotes are numbered continuously through the document (pandoc restarts per section)
        for restart in section._sectPr.iter(qn("w:numRestart")):
            restart.set(qn("w:val"), "continuous")
        section.different_first_page_header_footer = True
        _first_page_header(doc, section, m, design, emblem_png)
        _first_page_footer(doc, section, m, design)
        # following pages: symbol top left (even) / right (odd); page number on the same side
        for header, align in ((section.header, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_header, WD_ALIGN_PARAGRAPH.LEFT)):
            header.is_linked_to_previous = False
            hp = header.paragraphs[0]
            hp.text = m["symbol"]
            hp.style = doc.styles["RunningHead"]
            hp.alignment = align
        # every edition, the original included, repeats the job number on following pages
        job = m["job"]
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


def barcode_line(design: dict) -> float:
    """Height (mm) of the barcode's line: the bars, standing on the baseline, start the
    design's gap under the line's top."""
    bc = design["footer"]["barcode"]
    return (bc["height"] + bc["gap"]) / design["line"]["baseline"]


@functools.lru_cache(maxsize=32)
def barcode_png(digits: str) -> bytes:
    """A PNG of the Code 39 bars (drawn from python-barcode's module string), one pixel per
    module: the writer gives it its size from the design."""
    from PIL import Image, ImageDraw
    modules = code39_modules(digits)
    scale, height = 4, 80
    img = Image.new("1", (len(modules) * scale, height), 1)
    draw = ImageDraw.Draw(img)
    for i, bit in enumerate(modules):
        if bit == "1":
            draw.rectangle([i * scale, 0, (i + 1) * scale - 1, height - 1], fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG", dpi=(300, 300))
    return buf.getvalue()
