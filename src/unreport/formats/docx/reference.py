"""The DOCX reference document, generated from the page design (templates/design.yaml, through
design.py) and the language's fonts.

Starts from pandoc's own reference.docx (so every style pandoc uses exists), then defines the
page (paper, margins) and the UN-like named styles with python-docx; East Asian fonts
(w:eastAsia), which python-docx has no API for, are set in the style XML. The design gives
positions from the page's left edge; Word's indents are from the left margin (the design's
outer margin), so each is converted here.
"""

from __future__ import annotations

import functools
import io
import subprocess

from babel import Locale
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lxml import etree

from unreport.formats.design import design_for
from unreport.diagnostics import EnvironmentProblem
from unreport.formats.docx.pandoc import pandoc_path
from unreport.project.paths import Project
from unreport.lang.style import Style


@functools.lru_cache(maxsize=1)
def _pandoc_reference() -> bytes:
    proc = subprocess.run([pandoc_path(), "--print-default-data-file", "reference.docx"],
                          capture_output=True)
    if proc.returncode != 0:
        raise EnvironmentProblem("pandoc could not print its reference.docx: "
                                 + proc.stderr.decode("utf-8", "replace"))
    return proc.stdout


def set_fonts(rpr_parent, ascii_font: str, east_asian: str | None, lang_ea: str | None) -> None:
    """Set w:rFonts (ascii, hAnsi, cs and eastAsia) on a style or docDefaults rPr."""
    rpr = rpr_parent.get_or_add_rPr() if hasattr(rpr_parent, "get_or_add_rPr") else rpr_parent
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = etree.SubElement(rpr, qn("w:rFonts"))
        rpr.remove(fonts)
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), ascii_font)
    fonts.set(qn("w:eastAsia"), east_asian or ascii_font)
    if lang_ea:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = etree.SubElement(rpr, qn("w:lang"))
        lang.set(qn("w:eastAsia"), lang_ea)


def word_language_tag(locale: str) -> str:
    """Word's language tag for a Babel/CLDR locale: zh_Hans_CN -> zh-CN (Word has no script)."""
    parsed = Locale.parse(locale)
    return f"{parsed.language}-{parsed.territory}" if parsed.territory else parsed.language


def paragraph_indents(spec: dict, page: dict) -> dict:
    """Word's indents (mm from the margins) for a style's positions on the page (mm from the
    page's left edge): left, first-line (negative: hanging), right, tab stops."""
    margin, right_margin = page["outer_left"], page["outer_right"]
    start = spec.get("start", margin)
    first = spec.get("first", start)
    end = spec.get("end", page["width"] - right_margin)
    return {"left": start - margin, "first": first - start,
            "right": page["width"] - right_margin - end,
            "tabs": [t - margin for t in ([spec["tab"]] if "tab" in spec else [])]}


def build_reference(project: Project, style: Style) -> bytes:
    design = design_for(project, style)
    doc = Document(io.BytesIO(_pandoc_reference()))
    page = design["page"]
    for section in doc.sections:
        section.page_width, section.page_height = Mm(page["width"]), Mm(page["height"])
        section.left_margin, section.right_margin = Mm(page["outer_left"]), Mm(page["outer_right"])
        section.top_margin, section.bottom_margin = Mm(page["top"]), Mm(page["bottom"])
        section.header_distance, section.footer_distance = Mm(page["header"]), Mm(page["footer"])
        section.gutter = Mm(0)  # w:gutter is a required attribute of w:pgMar (ECMA-376)
    fonts = style.fonts("docx")
    lang_ea = style.house.docx_lang or (word_language_tag(style.locale)
                                              if fonts.get("body_east_asian") else None)
    # document defaults: every run, including pandoc's own styles, gets the language's fonts
    rpr_default = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    set_fonts(rpr_default.find(qn("w:rPr")), fonts["body"], fonts.get("body_east_asian"), lang_ea)
    for name, spec in design["styles"].items():
        kind = WD_STYLE_TYPE.CHARACTER if spec.get("character") else WD_STYLE_TYPE.PARAGRAPH
        try:
            st = doc.styles[name]
        except KeyError:
            st = doc.styles.add_style(name, kind)
            if kind == WD_STYLE_TYPE.PARAGRAPH:
                st.base_style = doc.styles["Normal"]
            st.quick_style = True
        font = st.font
        if "bold" in spec:
            font.bold = spec["bold"]
        if "highlight" in spec:
            font.highlight_color = getattr(WD_COLOR_INDEX, spec["highlight"].upper())
        if kind == WD_STYLE_TYPE.CHARACTER:
            continue
        role = spec.get("font", "body")
        set_fonts(st.element, fonts[role], fonts.get(f"{role}_east_asian"), lang_ea)
        if "size" in spec:
            font.size = Pt(spec["size"])
        font.color.rgb = None
        pf = st.paragraph_format
        if "line" in spec:
            pf.line_spacing = Pt(spec["line"])  # exact: both formats set lines at this pitch
        pf.space_before = Pt(spec.get("space_before", 0))
        pf.space_after = Pt(spec.get("space_after", 0))
        ind = paragraph_indents(spec, page)
        pf.left_indent = Mm(ind["left"])
        pf.right_indent = Mm(ind["right"])
        pf.first_line_indent = Mm(ind["first"])
        pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if spec.get("justify") else \
            getattr(WD_ALIGN_PARAGRAPH, spec.get("align", "left").upper())
        if spec.get("page_break_before"):
            pf.page_break_before = True
        if spec.get("keep_next"):
            pf.keep_with_next = True
        for pos in ind["tabs"]:
            pf.tab_stops.add_tab_stop(Mm(pos))
        if "outline" in spec:
            ppr = st.element.get_or_add_pPr()
            lvl = ppr.find(qn("w:outlineLvl"))
            if lvl is None:
                lvl = etree.SubElement(ppr, qn("w:outlineLvl"))
            lvl.set(qn("w:val"), str(spec["outline"]))
    if style.direction == "rtl":
        from unreport.formats.docx.language import _PPR_ORDER, _child
        for name in design["styles"]:
            if design["styles"][name].get("character"):
                continue
            _child(doc.styles[name].element.get_or_add_pPr(), "bidi", _PPR_ORDER)  # in order
    _no_automatic_hyphenation(doc, design)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _no_automatic_hyphenation(doc, design: dict) -> None:
    """w:autoHyphenation as the design says (off: UN documents are hyphenated by hand only;
    see templates/design.yaml, body.hyphenate), so Word and LibreOffice break lines as the PDF
    does. Off is the schema's default: the element is left out; on, it goes in its place in
    the schema's order (after w:defaultTabStop)."""
    settings = doc.settings.element
    for el in settings.findall(qn("w:autoHyphenation")):
        settings.remove(el)
    if design["body"].get("hyphenate"):
        el = etree.Element(qn("w:autoHyphenation"))
        tab = settings.find(qn("w:defaultTabStop"))
        if tab is not None:
            tab.addnext(el)
        else:
            settings.insert(0, el)
