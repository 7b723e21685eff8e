"""The language of a DOCX edition in its XML: proofing language, complex-script formatting and
right-to-left layout, from the edition's house style (locales/<lang>/style.yaml).

- `proofing: {val, bidi, east_asia}`: w:lang of the document defaults and of every style, so
  Word checks spelling in the edition's own language (Latin, complex-script and East Asian
  text each have their own attribute).
- Every style's size, bold and italic are repeated for complex-script text (w:szCs, w:bCs,
  w:iCs): Word formats Arabic (and Hebrew) text with those only. Its complex-script font
  (w:rFonts w:cs) is `fonts.docx.body_complex` / `heading_complex` when the style gives them.
- `direction: rtl`: w:bidi on every paragraph and section (the page reads from the right:
  Word then puts a paragraph's start, its hanging number, its tab stops and the odd/even
  running heads on the mirrored side), w:rtl on every run with right-to-left letters, and
  w:bidiVisual on every table (first column on the right). Paragraphs in `ltr_styles` (the
  masthead's distribution block when it is written in a left-to-right language) stay left to
  right.

Nothing here names a language: what an edition needs is in its style data.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from unreport.lang.house import Proofing
from unreport.lang.style import Style

_RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# w:rPr children in the order of the schema (CT_RPr), for inserting new ones in place
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
              "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
              "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
              "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
              "em", "lang", "eastAsianLayout", "specVanish", "oMath")
_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
              "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
              "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
              "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
              "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange")


def _child(parent, tag: str, order: tuple[str, ...], replace: bool = False):
    """`parent`'s w:<tag> child, made and put in schema order when missing (`replace`: a new
    one in place of any there is, duplicates included)."""
    if replace:
        for old in parent.findall(qn(f"w:{tag}")):
            parent.remove(old)
    el = parent.find(qn(f"w:{tag}"))
    if el is not None:
        return el
    el = OxmlElement(f"w:{tag}")
    rank = order.index(tag)
    for i, existing in enumerate(parent):
        name = existing.tag.split("}")[-1]
        if name in order and order.index(name) > rank:
            parent.insert(i, el)
            return el
    parent.append(el)
    return el


def _rpr(parent):
    rpr = parent.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        parent.insert(0, rpr)
    return rpr


def complex_script_formatting(styles_root, fonts: dict) -> None:
    """Each style's size, bold and italic also for complex-script text; its cs font."""
    body_cs, heading_cs = fonts.get("body_complex"), fonts.get("heading_complex")
    for rpr in styles_root.iter(qn("w:rPr")):
        sz = rpr.find(qn("w:sz"))
        if sz is not None:
            _child(rpr, "szCs", _RPR_ORDER).set(qn("w:val"), sz.get(qn("w:val")))
        for plain, cs in (("b", "bCs"), ("i", "iCs")):
            el = rpr.find(qn(f"w:{plain}"))
            if el is not None and el.get(qn("w:val")) not in ("0", "false"):
                _child(rpr, cs, _RPR_ORDER)
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is not None and (body_cs or heading_cs):
            heading = rfonts.get(qn("w:ascii")) == fonts.get("heading") and \
                fonts.get("heading") != fonts.get("body")
            cs = (heading_cs if heading else body_cs) or body_cs or heading_cs
            rfonts.set(qn("w:cs"), cs)


def proofing_language(styles_root, proofing: Proofing) -> None:
    """w:lang (val, bidi, eastAsia) of the document defaults and of every style."""
    attrs = {"w:val": proofing.val, "w:bidi": proofing.bidi, "w:eastAsia": proofing.east_asia}
    defaults = styles_root.find(qn("w:docDefaults"))
    targets = []
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = OxmlElement("w:rPrDefault")
            defaults.insert(0, rpr_default)
        targets.append(_rpr(rpr_default))
    targets += [rpr for rpr in styles_root.iter(qn("w:rPr"))
                if rpr.find(qn("w:lang")) is not None and rpr not in targets]
    for rpr in targets:
        lang = _child(rpr, "lang", _RPR_ORDER)
        for k, v in attrs.items():
            if v:
                lang.set(qn(k), v)


def right_to_left(roots, ltr_styles: set[str], style_ids: dict[str, str]) -> None:
    """w:bidi on paragraphs and sections, w:rtl on right-to-left runs, w:bidiVisual tables."""
    keep_ltr = {style_ids[name] for name in ltr_styles if name in style_ids}
    for root in roots:
        for p in root.iter(qn("w:p")):
            ppr = p.find(qn("w:pPr"))
            if ppr is None:
                ppr = OxmlElement("w:pPr")
                p.insert(0, ppr)
            pstyle = ppr.find(qn("w:pStyle"))
            if pstyle is not None and pstyle.get(qn("w:val")) in keep_ltr:
                continue
            _child(ppr, "bidi", _PPR_ORDER)
        for r in root.iter(qn("w:r")):
            text = "".join(t.text or "" for t in r.iter(qn("w:t")))
            if _RTL_LETTER.search(text):
                _child(_rpr(r), "rtl", _RPR_ORDER)
        for tbl_pr in root.iter(qn("w:tblPr")):
            if tbl_pr.find(qn("w:bidiVisual")) is None:
                el = OxmlElement("w:bidiVisual")
                # CT_TblPr: tblStyle, tblpPr, tblOverlap, bidiVisual, ...
                after = [c for c in tbl_pr if c.tag in (qn("w:tblStyle"), qn("w:tblpPr"),
                                                         qn("w:tblOverlap"))]
                tbl_pr.insert(tbl_pr.index(after[-1]) + 1 if after else 0, el)
        for sect in root.iter(qn("w:sectPr")):
            if sect.find(qn("w:bidi")) is None:
                el = OxmlElement("w:bidi")
                # CT_SectPr: ... textDirection, bidi, rtlGutter, docGrid, printerSettings
                later = [c for c in sect if c.tag in (qn("w:rtlGutter"), qn("w:docGrid"),
                                                      qn("w:printerSettings"),
                                                      qn("w:sectPrChange"))]
                sect.insert(sect.index(later[0]), el) if later else sect.append(el)


def apply_language(doc, style: Style, ltr_styles: set[str] = frozenset()) -> None:
    """Set the edition's language data in a python-docx Document (before it is saved)."""
    styles_root = doc.styles.element
    complex_script_formatting(styles_root, style.fonts("docx"))
    if style.house.proofing not in (None, Proofing()):  # `proofing: {}` sets nothing
        proofing_language(styles_root, style.house.proofing)
    if style.direction == "rtl":
        ids = {s.name: s.style_id for s in doc.styles}
        roots = [doc.element.body]
        for section in doc.sections:
            for part in (section.header, section.even_page_header, section.first_page_header,
                         section.footer, section.even_page_footer, section.first_page_footer):
                if not part.is_linked_to_previous:
                    roots.append(part._element)
        notes = _notes_parts(doc)
        right_to_left(roots + [root for _, root in notes], set(ltr_styles), ids)
        for part, root in notes:
            if getattr(part, "_element", None) is not root:
                part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                            standalone=True)


def _notes_parts(doc) -> list:
    """(part, XML root) of the footnotes and endnotes parts (python-docx keeps them as
    plain parts: their XML is parsed here and written back)."""
    out = []
    for rel in doc.part.rels.values():
        if rel.reltype.endswith(("/footnotes", "/endnotes")) and not rel.is_external:
            part = rel.target_part
            root = getattr(part, "_element", None)
            if root is None:
                root = etree.fromstring(part.blob)
            out.append((part, root))
    return out


def apply_parallel_language(doc, source: Style, target: Style) -> None:
    """The parallel review document: the translation's proofing language and complex-script
    formatting, and each column in its own language's direction (an Arabic right column reads
    right to left inside a left-to-right page)."""
    styles_root = doc.styles.element
    complex_script_formatting(styles_root, target.fonts("docx"))
    if target.house.proofing not in (None, Proofing()):
        proofing_language(styles_root, target.house.proofing)
    for column, s in ((0, source), (1, target)):  # (a third column: --review-ids)
        if s.direction != "rtl":
            continue
        for table in doc.tables:
            for row in table.rows:
                tc = row.cells[column]._tc
                for p in tc.iter(qn("w:p")):
                    ppr = p.find(qn("w:pPr"))
                    if ppr is None:
                        ppr = OxmlElement("w:pPr")
                        p.insert(0, ppr)
                    _child(ppr, "bidi", _PPR_ORDER)
                for r in tc.iter(qn("w:r")):
                    if _RTL_LETTER.search("".join(t.text or "" for t in r.iter(qn("w:t")))):
                        _child(_rpr(r), "rtl", _RPR_ORDER)
