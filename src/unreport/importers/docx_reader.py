"""A DOCX file as a neutral paragraph stream (python-docx and lxml).

Each body paragraph keeps its style name, its text with *italic*, **bold** and footnotes
^[...] written as content inline markup, and the label Word's automatic numbering prints for it
(word/numbering.xml: w:num -> w:abstractNum -> w:lvl with w:numFmt, w:lvlText and w:start,
counted as Word counts: per abstract numbering and level, restarted by a w:num's
w:startOverride where that w:num is first used). Tables are kept as rows of cell texts. The
first-page header and footer (symbol, job number) and the masthead table are marked with
their roles.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from lxml import etree

from unreport.lang.numerals import format_number
from unreport.importers.paragraphs import Para, Source, TableBlock

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"

# w:numFmt values (ECMA-376 ST_NumberFormat) -> numeral systems of numerals.py
NUM_FORMATS = {"decimal": "arabic", "upperRoman": "roman", "lowerRoman": "roman-lower",
               "lowerLetter": "alpha", "upperLetter": "alpha-upper",
               "chineseCounting": "cjk", "chineseCountingThousand": "cjk",
               "ideographTraditional": "cjk", "taiwaneseCounting": "cjk",
               "japaneseCounting": "cjk"}


def _on(rpr, tag: str) -> bool:
    el = rpr.find(W + tag) if rpr is not None else None
    return el is not None and el.get(W + "val", "true") not in ("0", "false", "none")


def _wrap(segments: list[tuple[str, bool, bool]]) -> str:
    """Runs (text, bold, italic) as inline markup, spaces kept outside the markers."""
    merged: list[list] = []
    for text, b, i in segments:
        if merged and merged[-1][1:] == [b, i]:
            merged[-1][0] += text
        else:
            merged.append([text, b, i])
    out = []
    for text, b, i in merged:
        core = text.strip()
        if not core or not (b or i) or text.startswith("^["):
            out.append(text)
            continue
        lead = text[:len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()):]
        mark = "**" if b else ""
        em = "*" if i else ""
        out.append(f"{lead}{mark}{em}{core}{em}{mark}{trail}")
    return "".join(out)


def inline_text(p, notes: dict[str, str], line_break: str = " ") -> str:
    """A w:p element's text as content inline markup; a line break inside it becomes
    `line_break` (table cells keep their lines: a masthead cell has one field a line)."""
    segments = []
    for r in p.iter(W + "r"):
        if any(a.tag in (W + "del", W + "moveFrom") for a in r.iterancestors()):
            continue
        rpr = r.find(W + "rPr")
        bold, italic = _on(rpr, "b"), _on(rpr, "i")
        for child in r:
            if child.tag == W + "t":
                segments.append((child.text or "", bold, italic))
            elif child.tag == W + "tab":
                segments.append(("\t", False, False))
            elif child.tag in (W + "br", W + "cr"):
                segments.append((line_break, False, False))
            elif child.tag == W + "noBreakHyphen":
                segments.append(("\u2011", bold, italic))
            elif child.tag == W + "footnoteReference":
                note = notes.get(child.get(W + "id"), "")
                segments.append((f"^[{note}]", False, False))
    tab = next((i for i, seg in enumerate(segments) if seg[0] == "\t"), None)
    if tab is not None and len("".join(seg[0] for seg in segments[:tab]).strip()) <= 16:
        # "<number>\t<text>": the number is a label, whatever its runs' formatting
        return "".join(seg[0] for seg in segments[:tab]).strip() + "\t" + \
            _wrap(segments[tab + 1:])
    return _wrap(segments)


def _footnotes(doc) -> dict[str, str]:
    out = {}
    for rel in doc.part.rels.values():
        if rel.reltype == FOOTNOTES and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            for fn in root.iter(W + "footnote"):
                if fn.get(W + "type") in ("separator", "continuationSeparator"):
                    continue
                text = " ".join(inline_text(p, {}) for p in fn.iter(W + "p"))
                out[fn.get(W + "id")] = " ".join(text.split())
    return out


class Numbering:
    """Word's automatic numbering: the label each numbered paragraph prints."""

    def __init__(self, doc):
        self.nums: dict[str, tuple[str, dict]] = {}  # numId -> (abstractNumId, overrides)
        self.abstract: dict[str, dict[int, dict]] = {}  # abstractNumId -> ilvl -> level
        self.counters: dict[str, list[int]] = {}  # abstractNumId -> value per level
        self.used: set[str] = set()  # numIds met so far
        root = None
        for rel in doc.part.rels.values():
            if rel.reltype == NUMBERING and not rel.is_external:
                root = etree.fromstring(rel.target_part.blob)
        if root is None:
            return
        for an in root.iter(W + "abstractNum"):
            levels = {}
            for lvl in an.iter(W + "lvl"):
                levels[int(lvl.get(W + "ilvl", "0"))] = {
                    "fmt": _val(lvl, "numFmt", "decimal"), "text": _val(lvl, "lvlText", ""),
                    "start": int(_val(lvl, "start", "1"))}
            self.abstract[an.get(W + "abstractNumId")] = levels
        for num in root.iter(W + "num"):
            overrides = {}
            for ov in num.iter(W + "lvlOverride"):
                start = ov.find(W + "startOverride")
                if start is not None:
                    overrides[int(ov.get(W + "ilvl", "0"))] = int(start.get(W + "val"))
            self.nums[num.get(W + "numId")] = (_val(num, "abstractNumId", ""), overrides)
        self.styles = {}
        for st in doc.styles.element.iter(W + "style"):
            numpr = st.find(f"{W}pPr/{W}numPr")
            based = st.find(W + "basedOn")
            self.styles[st.get(W + "styleId")] = (numpr, based.get(W + "val") if based is not None
                                                  else None)

    def _numpr(self, p):
        numpr = p.find(f"{W}pPr/{W}numPr")
        if numpr is not None:
            return numpr
        pstyle = p.find(f"{W}pPr/{W}pStyle")
        sid, seen = (pstyle.get(W + "val") if pstyle is not None else None), set()
        while sid and sid not in seen:
            seen.add(sid)
            numpr, based = self.styles.get(sid, (None, None))
            if numpr is not None:
                return numpr
            sid = based
        return None

    def label(self, p) -> tuple[str, int | None]:
        """(label printed, level) for paragraph p; ("", None) if it is not numbered."""
        if not self.nums:
            return "", None
        numpr = self._numpr(p)
        if numpr is None:
            return "", None
        num_id = _val(numpr, "numId", "")
        ilvl = int(_val(numpr, "ilvl", "0"))
        if num_id in ("", "0") or num_id not in self.nums:
            return "", None
        abstract_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abstract_id, {})
        if ilvl not in levels:
            return "", None
        # Word counts per abstract numbering: every w:num of it continues the same count,
        # except that a w:num with a start override restarts it where it is first used
        counts = self.counters.setdefault(abstract_id, [0] * 9)
        if num_id not in self.used:
            self.used.add(num_id)
            for k in overrides:
                counts[k] = 0
        for k in range(ilvl + 1, 9):
            counts[k] = 0  # deeper levels restart
        start = overrides.get(ilvl, levels[ilvl]["start"])
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        lvl = levels[ilvl]
        if lvl["fmt"] in ("bullet", "none"):
            return "", ilvl
        text = lvl["text"]
        for k in range(8, -1, -1):
            token = f"%{k + 1}"
            if token in text:
                fmt = levels.get(k, lvl)["fmt"]
                value = counts[k] or overrides.get(k, levels.get(k, lvl)["start"])
                system = NUM_FORMATS.get(fmt, "arabic")
                text = text.replace(token, format_number(value, system))
        return text, ilvl


def _val(el, tag: str, default: str) -> str:
    child = el.find(W + tag)
    return child.get(W + "val", default) if child is not None else default


def read_docx(path: Path, display: str) -> Source:
    doc = Document(str(path))
    notes = _footnotes(doc)
    numbering = Numbering(doc)
    style_names = {s.style_id: s.name for s in doc.styles}
    src = Source(display, lang=(doc.core_properties.language or "").strip())
    section = doc.sections[0]
    first = section.first_page_header if section.different_first_page_header_footer \
        else section.header
    for t in first.tables:
        for row in t.rows:
            for cell in row.cells:
                if cell.text.strip():
                    src.items.append(Para(cell.text.strip(), f"{display}:first-page header",
                                          role="header"))
    for p in first.paragraphs:
        if p.text.strip():
            src.items.append(Para(p.text.strip(), f"{display}:first-page header", role="header"))
    foot = section.first_page_footer if section.different_first_page_header_footer \
        else section.footer
    for p in foot.paragraphs:
        if p.text.strip():
            src.items.append(Para(p.text.strip(), f"{display}:first-page footer", role="footer"))
    n = 0
    for el in doc.element.body.iterchildren():
        if el.tag == W + "p":
            n += 1
            pstyle = el.find(f"{W}pPr/{W}pStyle")
            style = style_names.get(pstyle.get(W + "val"), pstyle.get(W + "val")) \
                if pstyle is not None else ""
            label, level = numbering.label(el)
            text = inline_text(el, notes)
            if not text.strip() and not label:
                continue
            src.items.append(Para(text, f"{display}:paragraph {n}", style or "", level,
                                  label))
        elif el.tag == W + "tbl":
            n += 1
            rows, styles = [], set()
            for tr in el.iter(W + "tr"):
                cells = []
                for tc in tr.iter(W + "tc"):
                    paras = list(tc.iter(W + "p"))
                    for p in paras:
                        ps = p.find(f"{W}pPr/{W}pStyle")
                        if ps is not None:
                            styles.add(style_names.get(ps.get(W + "val"), ps.get(W + "val")))
                    cells.append("\n".join(inline_text(p, notes, "\n") for p in paras).strip())
                rows.append(cells)
            role = "masthead" if styles & {"MastheadOrgan", "Distribution"} else ""
            src.items.append(TableBlock(rows, f"{display}:paragraph {n}", role))
    return src
