"""The paragraph stream (docx_reader / text_reader) as the report's structure.

Each paragraph is classified by its style when it has one (the UN templates' HCh, H1, H23,
SingleTxt, H4, ListL1-3, TableLabel, TableTitle, AnnexHeading, AnnexOriginal, AnnexTitle;
Word's Heading 1-3 too) and by its number, read with the language's house style. Without a
style (plain text) a number is read as the kind whose sequence it continues: "1." after
paragraph 5 is a subsection or a list item, not a paragraph; a list is preferred after a
paragraph that ends with a colon or inside a list. A number that continues no sequence is a
break: the paragraph keeps the kind it most likely has, and a warning names it.

The result keeps the numbers as printed (`value`): alignment of a translation uses them; the
content written from it is numbered again by the number stage.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from unreport.diagnostics import Collector, Loc
from unreport.importers.paragraphs import Para, Source, TableBlock
from unreport.importers.reading import HEADINGS, LIST_STYLES, LangReader

STYLE_KINDS = {
    "HCh": "chapter", "H1": "section", "H23": "subsection", "SingleTxt": "para",
    "H4": "recommendation", "ListL1": "item", "ListL2": "item", "ListL3": "item",
    "TableLabel": "table", "TableTitle": "table-title", "AnnexHeading": "annex",
    "AnnexOriginal": "annex-original", "AnnexTitle": "annex-title",
    "BodyLine": "meta.body", "MeetingLine": "meta.meeting", "ReportTitle": "meta.title",
    "MastheadOrgan": "meta.organ",
    # Word's built-in styles, for documents not made from the UN templates
    "Heading 1": "chapter", "Heading 2": "section", "Heading 3": "subsection",
    "List Paragraph": "item", "List Number": "item", "List Bullet": "item", "Title": "meta.title",
}
STYLE_LEVELS = {"ListL1": 0, "ListL2": 1, "ListL3": 2}
NEAR = 20  # a numbered line this close to its sequence starts a paragraph, even after a break
KIND_WORDS = {"para": "paragraph", "item": "list item"}
SYMBOL_RE = re.compile(r"[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+")
# a job line: number, edition letter, processing dates DDMMYY ("V.17-06379 (E) 110917 120917")
JOB_RE = re.compile(r"([A-Z]\.\d{2}-\d{4,6})(?:\s*\(\w\))?((?:\s+\d{6}\b)*)(?:\s.*)?")


def job_dates(group: str) -> list:
    """The processing dates of a job line (DDMMYY), as dates; none that is not a real date."""
    out = []
    for token in group.split():
        try:
            out.append(dt.datetime.strptime(token, "%d%m%y").date())
        except ValueError:
            return []
    return out


@dataclass
class Node:
    kind: str  # chapter section subsection para recommendation text table annex item
    value: int | None  # the number as printed (None: unnumbered)
    text: str
    where: str
    children: list = field(default_factory=list)  # headings, annexes: blocks; para, item: items
    list_style: str = "alpha"  # items: the style of the list they belong to
    states: list = field(default_factory=list)
    rows: list = field(default_factory=list)  # table: header row first, then rows
    original: str = ""  # annex: its original language
    id: str = ""
    auto: bool = False  # numbered by Word's automatic numbering, not typed


@dataclass
class Doc:
    path: str
    lang: str
    meta: dict = field(default_factory=dict)  # field -> value
    meta_where: dict = field(default_factory=dict)
    body: list = field(default_factory=list)
    breaks: int = 0


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def unbold(text: str) -> str:
    """A title set in bold as a whole: its style makes it bold, the content does not."""
    m = re.fullmatch(r"\*\*([^*](?:(?!\*\*).)*)\*\*", text.strip())
    return m.group(1) if m else text


def join_lines(a: str, b: str) -> str:
    """Join a hard-wrapped line: no space between two wide characters (CJK scripts)."""
    if a and b and unicodedata.east_asian_width(a[-1]) in "WF" and \
            unicodedata.east_asian_width(b[0]) in "WF":
        return a + b
    return a.rstrip() + " " + b.lstrip()


def split_label(text: str) -> tuple[str, str]:
    """("12.", "text") of "12.\\ttext" or "12. text"; ("", text) when there is no label."""
    text = text.strip()
    m = re.match(r"(\S+?)(?:\t|\s+)(.*)", text, re.S)
    if m and "\t" in text[:len(m.group(1)) + 1]:
        return m.group(1), m.group(2).strip()
    if m:
        return m.group(1), m.group(2).strip()
    return text, ""


class Builder:
    def __init__(self, reader: LangReader, src: Source, diag: Collector):
        self.r, self.src, self.diag = reader, src, diag
        self.doc = Doc(src.path, reader.lang)
        self.chapter = self.section = self.subsection = self.annex = None
        self.counts = {"chapter": 0, "para": 0, "recommendation": 0, "table": 0, "annex": 0}
        self.top_chapters = 0
        self.last: Node | None = None  # the last block (para, text, ...) in the body
        self.stack: list[list] = []  # open lists: [style, depth, node list, last item]
        self.pending = ""  # recommendation | table-caption | table-rows | annex-title
        self.pending_node: Node | None = None
        self.started = False
        self.masthead: list[Para] = []
        self.wrapped: Node | None = None  # the node whose text the last line was

    # ---- helpers ----------------------------------------------------------------------
    def warn(self, where: str, message: str) -> None:
        self.diag.warning(Loc(where), message)

    def container(self) -> list:
        for node in (self.subsection, self.section, self.chapter, self.annex):
            if node is not None:
                return node.children
        return self.doc.body

    def expected(self, kind: str) -> int:
        if kind == "chapter":
            return (len([c for c in self.annex.children if c.kind == "chapter"])
                    if self.annex else self.top_chapters) + 1
        if kind == "section":
            parent = self.chapter.children if self.chapter else self.container()
            return len([c for c in parent if c.kind == "section"]) + 1
        if kind == "subsection":
            parent = self.section.children if self.section else self.container()
            return len([c for c in parent if c.kind == "subsection"]) + 1
        return self.counts[kind] + 1

    def name(self, kind: str, value: int | None) -> str:
        if value is None:
            return f"an unnumbered {KIND_WORDS.get(kind, kind)}"
        return f"{KIND_WORDS.get(kind, kind)} {self.r.label(kind, value).rstrip('.')}"

    def check_sequence(self, kind: str, value: int | None, where: str) -> None:
        want = self.expected(kind)
        if value is not None and value != want:
            self.doc.breaks += 1
            self.warn(where, f"{self.name(kind, value)} breaks the numbering: "
                             f"{self.name(kind, want)} was expected here")

    def close_list(self) -> None:
        self.stack = []

    # ---- candidates -------------------------------------------------------------------
    def split(self, text: str) -> tuple[str, str]:
        """(number, text) of a paragraph that starts with a number this language prints (the
        longest that any kind's pattern reads, followed by a tab, spaces or nothing: "12.",
        "(a)", "ثانيا -"); else its first word and the rest."""
        patterns = list(self.r.kinds.values()) + \
            [pat for levels in self.r.items.values() for pat in levels]
        for candidate in (text, _nfkc(text)):
            ends = [m.end() for pat in patterns for m in [pat.regex.match(candidate)]
                    if m and (m.end() == len(candidate) or candidate[m.end()].isspace())]
            if ends:
                end = max(ends)
                return candidate[:end], candidate[end:].strip()
        return split_label(text)

    def heading_or_para(self, label: str) -> list[tuple[str, int]]:
        out = []
        for kind in HEADINGS + ("para",):
            v = self.r.kinds[kind].value(label)
            if v is not None:
                out.append((kind, v))
        return out

    def item_options(self, label: str, level: int | None):
        """Ways `label` can be a list item: ("continue", stack index, value) for an open list,
        ("open", style, depth, value) for a new (sub)list."""
        out = []
        for i in range(len(self.stack) - 1, -1, -1):
            style, depth = self.stack[i][0], self.stack[i][1]
            v = self.r.item_pattern(style, depth).value(label)
            if v is not None and (level is None or level == i):
                out.append(("continue", i, v))
        if level is None or level >= len(self.stack):
            outer = [s[0] for s in self.stack]
            for style in LIST_STYLES + tuple(s for s in self.r.items if s not in LIST_STYLES):
                if style not in self.r.items:
                    continue
                depth = outer.count(style)
                v = self.r.item_pattern(style, depth).value(label)
                if v is not None:
                    out.append(("open", style, depth, v))
        return out

    def list_context(self) -> bool:
        if self.stack:
            return True
        return self.last is not None and self.last.kind == "para" and \
            _nfkc(self.last.text.rstrip()).endswith(":")

    # ---- adding ----------------------------------------------------------------------
    def add_heading(self, kind: str, value: int | None, text: str, where: str) -> None:
        self.check_sequence(kind, value, where)
        text = unbold(text)
        node = Node(kind, value if value is not None else self.expected(kind), text, where)
        self.close_list()
        self.pending = ""
        if kind == "chapter":
            (self.annex.children if self.annex else self.doc.body).append(node)
            if not self.annex:
                self.top_chapters += 1
            self.chapter, self.section, self.subsection = node, None, None
        elif kind == "section":
            (self.chapter.children if self.chapter else self.container()).append(node)
            self.section, self.subsection = node, None
        else:
            (self.section.children if self.section else self.container()).append(node)
            self.subsection = node
        self.last = self.wrapped = node

    def add_para(self, value: int | None, text: str, where: str, auto: bool = False) -> None:
        self.check_sequence("para", value, where)
        self.counts["para"] = value if value is not None else self.counts["para"] + 1
        node = Node("para", self.counts["para"], text, where, auto=auto)
        self.container().append(node)
        self.close_list()
        self.last = self.wrapped = node

    def add_text(self, text: str, where: str) -> None:
        node = Node("text", None, text, where)
        self.container().append(node)
        self.close_list()
        self.last = self.wrapped = node

    def add_item(self, option, text: str, where: str) -> None:
        if option[0] == "continue":
            _, i, v = option
            del self.stack[i + 1:]
            style, depth, items, _last = self.stack[i]
            want = items[-1].value + 1 if items else 1  # after a break, from the number printed
        else:
            _, style, depth, v = option
            parent = self.stack[-1][3] if self.stack else self.last
            if parent is None or parent.kind not in ("para", "item"):
                self.warn(where, f"a list item ({text[:30]}…) follows no paragraph: kept as "
                                 "an unnumbered paragraph")
                self.add_text(text, where)
                return
            items = parent.children
            want = 1
            self.stack.append([style, depth, items, None])
        if v != want:
            self.doc.breaks += 1
            self.warn(where, f"list item number {v} breaks the list's numbering: {want} was "
                             "expected")
        node = Node("item", v, text, where, list_style=style)
        items.append(node)
        self.stack[-1][3] = self.wrapped = node

    # ---- one paragraph ------------------------------------------------------------------
    def feed(self, p: Para) -> None:
        hint = STYLE_KINDS.get(p.style, "")
        text = p.text.strip()
        if p.role or hint.startswith("meta."):
            self.meta_line(p, hint)
            return
        if self.pending == "recommendation" and hint in ("", "para"):
            self.pending_node.text = text
            self.wrapped = self.pending_node
            self.pending = ""
            self.last = self.pending_node
            return
        if self.pending == "table-caption" and hint in ("", "table-title", "para"):
            self.pending_node.text = unbold(text)
            self.wrapped = self.pending_node
            self.pending = "table-rows"
            return
        if self.pending == "annex-title":
            m = self.r.annex_original.fullmatch(_nfkc(text)) or \
                self.r.annex_original.fullmatch(text)
            if hint == "annex-original" or (not hint and m):
                name = m.group("name") if m else text
                code = self.r.language_names.get(name)
                if code is None:
                    self.warn(p.where, f"'{text}': no language of the project is called "
                                       f"'{name}'; the annex's original language is left out")
                self.pending_node.original = code or ""
                return
            if hint in ("", "annex-title", "para"):
                self.pending_node.text = unbold(text)
                self.wrapped = self.pending_node
                self.pending = ""
                return
        whole = _nfkc(text)
        for kind in ("recommendation", "table", "annex"):
            v = self.r.labels[kind].value(text)
            if v is None:
                v = self.r.labels[kind].value(whole)
            if (hint == kind or (not hint and v is not None)) and (v is not None or hint):
                self.started = True
                self.label_block(kind, v, p)
                return
        label, rest = (p.auto_number, text) if p.auto_number else self.split(text)
        cands = self.heading_or_para(label) + self.heading_or_para(_nfkc(label))
        if p.continues and self.started and not hint and self.wrapped is not None and \
                not self.continues_a_sequence(label, cands):
            # a hard-wrapped line: no number, or a number that continues nothing ("2017 …")
            self.wrapped.text = join_lines(self.wrapped.text, text)
            return
        if not self.started:
            if hint in HEADINGS + ("para", "item") or any(v == 1 for _k, v in cands):
                self.started = True
            else:
                self.masthead.append(p)
                self.wrapped = None
                return
        level = p.level if hint == "item" and p.level is not None else \
            STYLE_LEVELS.get(p.style) if hint == "item" else None
        if hint in HEADINGS:
            value = next((v for k, v in cands if k == hint), None)
            self.add_heading(hint, value, rest if value is not None else text, p.where)
            return
        if hint == "item":
            opts = self.item_options(label, level) or self.item_options(_nfkc(label), level)
            if opts:
                self.add_item(opts[0], rest, p.where)
            else:
                self.warn(p.where, f"list item '{text[:40]}' has no number this language's "
                                   "house style prints; numbered as the list's next item")
                self.add_item(self.next_item_option(level), text, p.where)
            return
        if hint == "para":
            value = next((v for k, v in cands if k == "para"), None)
            if value is not None:
                self.add_para(value, rest, p.where, bool(p.auto_number))
            else:
                self.add_text(text, p.where)
            return
        self.plain(p, label, rest, text, cands)

    def continues_a_sequence(self, label: str, cands) -> bool:
        """Whether a line's number is near enough the next number of its kind to start a
        paragraph (a break of a few paragraphs included), rather than continue one."""
        if any(abs(v - self.expected(k)) <= NEAR for k, v in cands):
            return True
        for opt in self.item_options(label, None) + self.item_options(_nfkc(label), None):
            items = self.stack[opt[1]][2] if opt[0] == "continue" else []
            if abs(opt[-1] - (items[-1].value + 1 if items else 1)) <= NEAR:
                return True
        return False

    def next_item_option(self, level):
        if self.stack and (level is None or level < len(self.stack)):
            i = len(self.stack) - 1 if level is None else level
            return ("continue", i, len(self.stack[i][2]) + 1)
        outer = [s[0] for s in self.stack]
        return ("open", LIST_STYLES[0], outer.count(LIST_STYLES[0]), 1)

    def plain(self, p: Para, label: str, rest: str, text: str, cands) -> None:
        """A paragraph without a style: its kind from its number and the sequences."""
        items = self.item_options(label, None) or self.item_options(_nfkc(label), None)
        in_list = self.list_context()
        fits = []
        for opt in items:
            items_here = self.stack[opt[1]][2] if opt[0] == "continue" else []
            want = items_here[-1].value + 1 if items_here else 1
            if opt[-1] == want:
                fits.append(("item", opt))
        heads = [(k, v) for k, v in cands if v == self.expected(k)]
        order = ["item", "para", "chapter", "section", "subsection"] if in_list else \
            ["para", "chapter", "section", "subsection"]
        choice = None
        for kind in order:
            if kind == "item":
                choice = next((c for c in fits if c[0] == "item"), None)
            else:
                choice = next(((k, v) for k, v in heads if k == kind), None)
            if choice:
                break
        if choice is None and not cands and not items:
            self.add_text(text, p.where)
            return
        if choice is None:  # a break: the most likely kind
            forward = [(k, v) for k, v in cands if k == "para"]
            if forward:
                choice = forward[0]
            elif cands:
                choice = cands[0]
            elif in_list and items:
                choice = ("item", items[0])
            else:
                self.add_text(text, p.where)
                return
        if choice[0] == "item":
            self.add_item(choice[1], rest, p.where)
        elif choice[0] == "para":
            self.add_para(choice[1], rest, p.where, bool(p.auto_number))
        else:
            self.add_heading(choice[0], choice[1], rest, p.where)

    def label_block(self, kind: str, value: int | None, p: Para) -> None:
        self.check_sequence(kind, value, p.where)
        self.counts[kind] = value if value is not None else self.counts[kind] + 1
        node = Node(kind, self.counts[kind], "", p.where)
        self.close_list()
        if kind == "annex":
            self.doc.body.append(node)
            self.annex, self.chapter, self.section, self.subsection = node, None, None, None
            self.counts["para"] = 0
            self.pending = "annex-title"
        else:
            self.container().append(node)
            self.pending = "recommendation" if kind == "recommendation" else "table-caption"
        self.pending_node = node
        self.last = node
        self.wrapped = None

    def feed_table(self, t: TableBlock) -> None:
        if t.role == "masthead":
            row = t.rows[0] if t.rows else []
            if row:
                self.masthead.append(Para(row[0], t.where, role="organ"))
            for cell in row[1:]:
                for line in cell.split("\n"):
                    if line.strip():
                        self.masthead.append(Para(line.strip(), t.where, role="distribution"))
            return
        if not self.started:  # a table on the first page, before the body: masthead fields
            for row in t.rows:
                for cell in row:
                    for line in cell.split("\n"):
                        if line.strip():
                            self.masthead.append(Para(line.strip(), t.where))
            return
        if self.pending in ("table-rows", "table-caption") and self.pending_node is not None:
            self.pending_node.rows = t.rows
            self.pending = ""
            return
        self.counts["table"] += 1
        node = Node("table", self.counts["table"], "", t.where, rows=t.rows)
        self.warn(t.where, f"a table without a \"Table\" label: imported as table "
                           f"{self.counts['table']} with an empty caption")
        self.container().append(node)
        self.close_list()
        self.last = node

    def meta_line(self, p: Para, hint: str) -> None:
        self.masthead.append(p)
        self.wrapped = None

    # ---- the masthead --------------------------------------------------------------------
    def read_masthead(self) -> None:
        meta, where = self.doc.meta, self.doc.meta_where
        r = self.r
        rest: list[Para] = []
        dist_seen = False
        before_dist: list[Para] = []
        for p in self.masthead:
            # bidirectional isolates and marks (U+2066-2069, U+200E-200F) are not text
            text = unbold(" ".join("".join(ch for ch in p.text if unicodedata.category(ch)
                                           != "Cf").split()))
            hint = STYLE_KINDS.get(p.style, "")
            if hint.startswith("meta.") and hint != "meta.meeting":
                key = hint[5:]
                meta[key], where[key] = text, p.where
                continue
            if text in r.distribution:
                meta["distribution"], where["distribution"] = r.distribution[text], p.where
                dist_seen = True
                continue
            code = r.block_language(text, r.dist_original)
            if code:
                meta["original"] = code
                dist_seen = True
                continue
            code = r.block_language(text, r.dist_edition) or r.language_names.get(text)
            if code and (p.role == "distribution" or not p.role):
                meta["edition_language"] = code
                continue
            d = r.dist_dates.date(text) or r.dates.date(text)
            if d and "date" not in meta:
                meta["date"], where["date"] = d, p.where
                continue
            if p.role == "footer":
                m = JOB_RE.fullmatch(text)
                if m:
                    meta["job"] = m.group(1)
                    if job_dates(m.group(2)):
                        meta["job_dates"] = job_dates(m.group(2))
                continue
            if p.role == "header":
                if SYMBOL_RE.fullmatch(text):
                    meta["symbol"] = text
                continue
            if " ".join(r.un_name.split()) == text or "".join(r.un_name.split()) == \
                    "".join(text.split()):
                continue
            if not p.role and SYMBOL_RE.fullmatch(text) and "symbol" not in meta:
                meta["symbol"] = text
                continue
            if not p.role and JOB_RE.fullmatch(text) and "job" not in meta:
                meta["job"] = JOB_RE.fullmatch(text).group(1)
                continue
            ml = r.dates.meeting_line(text)
            if ml and "meeting" not in meta:
                meta["meeting"] = {"place": ml[0], "from": ml[1], "to": ml[2]}
                where["meeting"] = p.where
                rest.append(Para("\x00meeting", p.where))
                continue
            if hint == "meta.meeting":
                self.warn(p.where, f"meeting line '{text}' is not written as this language's "
                                   f"house style writes it ('{r.style.house.meeting_line}' "
                                   "with its dates): left out")
                continue
            if p.role == "organ":
                meta["organ"], where["organ"] = text, p.where
                continue
            (rest if dist_seen else before_dist).append(p)
        if before_dist and "organ" not in meta:
            meta["organ"] = " ".join(p.text.strip() for p in before_dist)
            where["organ"] = before_dist[0].where
        elif before_dist:
            rest = before_dist + rest
        texts = [p for p in rest if p.text != "\x00meeting"]
        if any(p.text == "\x00meeting" for p in rest):
            i = next(k for k, p in enumerate(rest) if p.text == "\x00meeting")
            before, after = rest[:i], rest[i + 1:]
        else:
            before, after = texts[:1], texts[1:]
        if before and "body" not in meta:
            meta["body"], where["body"] = " ".join(p.text.strip() for p in before), before[0].where
        if after and "title" not in meta:
            meta["title"], where["title"] = " ".join(p.text.strip() for p in after), after[0].where

    def finish(self) -> Doc:
        self.read_masthead()
        if self.pending == "recommendation":
            self.warn(self.pending_node.where, "a recommendation heading without its text")
        return self.doc


def build(reader: LangReader, src: Source, diag: Collector) -> Doc:
    b = Builder(reader, src, diag)
    for item in src.items:
        if isinstance(item, TableBlock):
            b.feed_table(item)
        else:
            b.feed(item)
    return b.finish()


def walk(nodes):
    for n in nodes:
        yield n
        if n.kind in HEADINGS + ("annex",):
            yield from walk(n.children)


def walk_items(node, depth=0):
    for item in node.children if node.kind in ("para", "item") else []:
        yield item, depth
        yield from walk_items(item, depth + 1)


def counts(doc: Doc) -> dict[str, int]:
    out: dict[str, int] = {}
    for n in walk(doc.body):
        out[n.kind] = out.get(n.kind, 0) + 1
        for _item, _d in walk_items(n):
            out["item"] = out.get("item", 0) + 1
    return out
