"""A translation aligned with an existing report by structure and number.

Both sides are reduced to keys made of the numbers a reader sees, the same in every language
version: chapter II / section A / subsection 1, paragraph 12 (in annex I: annex 1, paragraph
1), recommendation 3, list item 12 (1) (a), table 2 (row, column); unnumbered paragraphs by the
number before them; masthead fields by their place. A key found once on each side is a pair;
a key missing from the translation, found twice in it, or found only in it is reported with
both sides' numbers and nothing is guessed: those entries stay untranslated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from unreport.model import inline
from unreport.diagnostics import Collector, Loc
from unreport.model.nodes import (Annex, Heading, Para, Recommendation, Report, Table, Text, units, walk,
                     walk_items)
from unreport.model.number import Number
from unreport.lang.style import Style
from unreport.lang.terms import Terms, order_codes
from unreport.importers.states import printed_list
from unreport.importers.structure import Doc, Node

META_KEYS = {"meta.organ": "organ", "meta.body": "body", "meta.title": "title",
             "meta.meeting.place": "meeting"}


@dataclass
class Alignment:
    translations: dict[str, str] = field(default_factory=dict)  # ID -> translated text
    aligned: int = 0
    missing: int = 0  # in the original, not (or not once) in the translation
    extra: int = 0  # in the translation only
    adjusted: list = field(default_factory=list)


def report_keys(report: Report, numbers: dict[str, Number], places: dict | None = None
                ) -> dict[tuple, tuple[str, str]]:
    """key -> (ID, where) for every unit of the content; `places` gets the headings
    (annex, chapter, section, subsection) each paragraph and recommendation stands in."""
    out: dict[tuple, tuple[str, str]] = {}
    places = {} if places is None else places
    for ident in META_KEYS:
        out[("meta", ident)] = (ident, report.path)

    def loc(b) -> str:
        return str(Loc(report.path, b.loc.line))

    def blocks(content, annex: int, heads: tuple, prev: tuple) -> tuple:
        texts = 0
        for b in content:
            n = numbers.get(b.id)
            if isinstance(b, Heading):
                key = heads[:{"chapter": 0, "section": 1, "subsection": 2}[b.kind]] + (n.value,)
                out[(b.kind, annex) + key] = (b.id, loc(b))
                prev = blocks(b.content, annex, key, (b.kind, annex) + key)
                texts = 0
                continue
            if isinstance(b, Annex):
                out[("annex", n.value)] = (b.id, loc(b))
                prev = blocks(b.content, n.value, (), ("annex", n.value))
                continue
            if isinstance(b, Para):
                key = ("para", annex, n.value)
                out[key] = (b.id, loc(b))
                places[key] = (annex,) + heads
                for item, _depth, _lst in walk_items(b.sublist):
                    path = _item_path(b, item.id, numbers)
                    out[("item", annex, n.value) + path] = (item.id, str(Loc(report.path,
                                                                             item.loc.line)))
            elif isinstance(b, Recommendation):
                key = ("recommendation", n.value)
                out[key] = (b.id, loc(b))
                places[key] = (annex,) + heads
            elif isinstance(b, Table):
                key = ("table", n.value)
                out[key] = (b.id, loc(b))
                for r, row in enumerate((b.header,) + b.rows):
                    for c, cell in enumerate(row):
                        out[("cell", n.value, r, c)] = (cell.id, loc(b))
            elif isinstance(b, Text):
                texts += 1
                out[("text", prev, texts)] = (b.id, loc(b))
                continue
            else:
                continue
            prev, texts = key, 0
        return prev

    blocks(report.body, 0, (), ("start",))
    return out


def _item_path(para: Para, ident: str, numbers) -> tuple:
    def find(lst, trail):
        if lst is None:
            return None
        for item in lst.items:
            here = trail + (numbers[item.id].value,)
            if item.id == ident:
                return here
            deeper = find(item.sublist, here)
            if deeper:
                return deeper
        return None
    return find(para.sublist, ())


def doc_keys(doc: Doc, places: dict | None = None) -> dict[tuple, list[tuple[Node | str, str]]]:
    """key -> [(node or meta text, where)] for the translation (a key may come twice);
    `places` gets the headings of each paragraph and recommendation, by (key, id(node))."""
    out: dict[tuple, list] = {}
    places = {} if places is None else places

    def put(key, what, where):
        out.setdefault(key, []).append((what, where))

    for ident, name in META_KEYS.items():
        value = doc.meta.get(name)
        if isinstance(value, dict):
            value = value.get("place")
        if value:
            put(("meta", ident), value, doc.meta_where.get(name, doc.path))

    def blocks(nodes, annex: int, heads: tuple, prev: tuple) -> tuple:
        texts = 0
        for n in nodes:
            if n.kind in ("chapter", "section", "subsection"):
                depth = {"chapter": 0, "section": 1, "subsection": 2}[n.kind]
                key = heads[:depth] + (n.value,)
                put((n.kind, annex) + key, n, n.where)
                prev = blocks(n.children, annex, key, (n.kind, annex) + key)
                texts = 0
                continue
            if n.kind == "annex":
                put(("annex", n.value), n, n.where)
                prev = blocks(n.children, n.value, (), ("annex", n.value))
                continue
            if n.kind == "para":
                key = ("para", annex, n.value)
                put(key, n, n.where)
                places[key, id(n)] = (annex,) + heads

                def items(node, trail):
                    for it in node.children:
                        put(("item", annex, n.value) + trail + (it.value,), it, it.where)
                        items(it, trail + (it.value,))
                items(n, ())
            elif n.kind == "recommendation":
                key = ("recommendation", n.value)
                put(key, n, n.where)
                places[key, id(n)] = (annex,) + heads
            elif n.kind == "table":
                key = ("table", n.value)
                put(key, n, n.where)
                for r, row in enumerate(n.rows):
                    for c, text in enumerate(row):
                        put(("cell", n.value, r, c), text, n.where)
            else:
                texts += 1
                put(("text", prev, texts), n, n.where)
                continue
            prev, texts = key, 0
        return prev

    blocks(doc.body, 0, (), ("start",))
    return out


def describe(key: tuple, src: Style, tgt: Style) -> str:
    """A key in words, with the numbers as each side prints them: "paragraph 12",
    "chapter II (translation: 二.)"."""
    kind = key[0]

    def num(k, v, style):
        return style.number(k, v).rstrip(".")

    def both(k, v):
        a, b = num(k, v, src), num(k, v, tgt)
        return a if a == b else f"{a} ({b})"

    if kind == "meta":
        return f"masthead {key[1][5:]}"
    if kind in ("chapter", "section", "subsection"):
        names = ("chapter", "section", "subsection")
        parts = [f"{names[i]} {both(names[i], v)}" for i, v in enumerate(key[2:])]
        return (f"annex {both('annex', key[1])}, " if key[1] else "") + ", ".join(parts)
    if kind == "para":
        return (f"annex {both('annex', key[1])}, " if key[1] else "") + \
            f"paragraph {both('para', key[2])}"
    if kind == "item":
        return f"paragraph {both('para', key[2])}, list item " + \
            ".".join(str(v) for v in key[3:])
    if kind == "recommendation":
        return f"recommendation {key[1]}"
    if kind == "annex":
        return f"annex {both('annex', key[1])}"
    if kind == "table":
        return f"table {key[1]}"
    if kind == "cell":
        return f"table {key[1]}, row {key[2]}, column {key[3] + 1}"
    if kind == "text":
        return "the unnumbered paragraph after " + describe(key[1], src, tgt) \
            if key[1][0] != "start" else "an unnumbered paragraph at the start"
    return str(key)


def _text(what) -> str:
    return what if isinstance(what, str) else what.text


def align(report: Report, numbers: dict[str, Number], doc: Doc, src_style: Style,
          tgt_style: Style, terms: Terms, sort_terms: Terms, diag: Collector) -> Alignment:
    result = Alignment()
    our_places, their_places = {}, {}
    ours = report_keys(report, numbers, our_places)
    theirs = doc_keys(doc, their_places)
    units_by_id = {u.id: u for u in units(report)}
    paras = {b.id: b for b in walk(report.body) if isinstance(b, Para)}
    on = report.meta.date
    shifted = _shifted(ours, our_places, theirs, their_places, src_style, tgt_style, diag)
    for key, (ident, where) in ours.items():
        found = theirs.get(key, [])
        if ident not in units_by_id:
            continue  # an optional masthead text the report does not have
        if key[0] == "item" and len(theirs.get(("para",) + key[1:3], [])) > 1:
            result.missing += 1  # its paragraph is ambiguous: so is the item
            diag.warning(Loc(found[0][1] if found else doc.path),
                         f"{describe(key, src_style, tgt_style)} ({ident}) belongs to a "
                         "paragraph the translation numbers twice: left untranslated")
            continue
        if key in shifted or (key[0] == "item" and ("para",) + key[1:3] in shifted):
            result.missing += 1
            continue
        mine = our_places.get(key)
        theirs_at = their_places.get((key, id(found[0][0]))) if len(found) == 1 else None
        if not _same_place(mine, theirs_at):
            result.missing += 1
            diag.warning(Loc(found[0][1]), f"{describe(key, src_style, tgt_style)} stands in "
                         f"{_place(mine, src_style, tgt_style)} in the original ({ident}, "
                         f"{where}) but in {_place(theirs_at, src_style, tgt_style)} in the "
                         "translation: left untranslated")
            continue
        if len(found) == 1:
            text = _text(found[0][0]).strip()
            if ident in paras and paras[ident].states:
                text = _strip_states(paras[ident], text, tgt_style, terms, sort_terms, on,
                                     found[0][1], describe(key, src_style, tgt_style), diag)
                if text is None:
                    result.missing += 1
                    continue
            text = _terms_back(units_by_id[ident].text, text, terms, on, found[0][1], ident,
                               diag)
            if text:
                result.translations[ident] = text
                result.aligned += 1
            continue
        result.missing += 1
        if not found:
            near, at = _neighbours(key, theirs)
            diag.warning(Loc(at or doc.path),
                         f"{describe(key, src_style, tgt_style)} of the original ({ident}, "
                         f"{where}) has no counterpart in the translation{near}: left "
                         "untranslated")
        else:
            places = ", ".join(w for _x, w in found)
            diag.warning(Loc(found[0][1]), f"{describe(key, src_style, tgt_style)} appears "
                                           f"{len(found)} times in the translation ({places}); "
                                           f"the original has it once ({ident}, {where}): left "
                                           "untranslated")
    for key, found in theirs.items():
        if key not in ours:
            result.extra += len(found)
            diag.warning(Loc(found[0][1]), f"{describe(key, src_style, tgt_style)} of the "
                                           "translation has no counterpart in the original: "
                                           "not imported")
    return result


def _shifted(ours, our_places, theirs, their_places, src: Style, tgt: Style,
             diag: Collector) -> set:
    """Paragraph keys that cannot be trusted: under a heading where the translation's
    paragraphs are numbered by Word and are not the original's numbers (a paragraph missing or
    added shifts every number Word gives after it)."""
    mine: dict[tuple, set] = {}
    for key, path in our_places.items():
        if key[0] == "para":
            mine.setdefault(path, set()).add(key[2])
    their: dict[tuple, list] = {}
    for (key, node_id), path in their_places.items():
        if key[0] == "para":
            node = next(n for n, _w in theirs[key] if id(n) == node_id)
            their.setdefault(path, []).append(node)
    out = set()
    for path in sorted(set(mine) | set(their), key=str):
        nodes = their.get(path, [])
        if not any(n.auto for n in nodes):
            continue
        got = {n.value for n in nodes}
        if got == mine.get(path, set()):
            continue
        want = sorted(mine.get(path, set()))
        out.update(("para", path[0], v) for v in want)
        span = (lambda vs: f"{vs[0]}–{vs[-1]}" if len(vs) > 1 else str(vs[0]) if vs else
                "none")
        diag.warning(Loc(nodes[0].where if nodes else "?"),
                     f"{_place(path, src, tgt)} has paragraphs {span(want)} in the original "
                     f"but {span(sorted(got))} in the translation, numbered by Word: a "
                     "paragraph missing or added there shifts the numbers after it, so its "
                     "paragraphs are left untranslated")
    return out


def _same_place(a, b) -> bool:
    return a is None or b is None or a == b


def _place(path: tuple, src: Style, tgt: Style) -> str:
    annex, heads = path[0], path[1:]
    if not heads:
        return f"annex {annex}" if annex else "the front matter"
    kind = ("chapter", "section", "subsection")[len(heads) - 1]
    return describe((kind, annex) + heads, src, tgt)


def _neighbours(key: tuple, theirs: dict) -> tuple[str, str]:
    """(", which goes from paragraph 6 to paragraph 8", where paragraph 8 is) for a missing
    numbered key; ("", "") when it has no numbered neighbours."""
    if key[0] not in ("para", "recommendation"):
        return "", ""
    same = sorted(k[-1] for k in theirs if k[0] == key[0] and k[:-1] == key[:-1])
    lower = [v for v in same if v < key[-1]]
    higher = [v for v in same if v > key[-1]]
    word = "paragraph" if key[0] == "para" else "recommendation"
    if lower and higher:
        at = theirs[key[:-1] + (higher[0],)][0][1]
        return f", which goes from {word} {lower[-1]} to {word} {higher[0]}", at
    return "", ""


def _strip_states(para: Para, text: str, style: Style, terms: Terms, sort_terms: Terms,
                  on: dt.date, where: str, what: str, diag: Collector) -> str | None:
    codes = order_codes(para.states, para.states_order, sort_terms, on)
    tail = printed_list(codes, style, terms, on)
    squash = lambda s: "".join(s.split())  # noqa: E731
    if tail is not None and squash(text).endswith(squash(tail)):
        want, cut = squash(tail), len(text)
        while cut > 0 and squash(text[cut:]) != want:
            cut -= 1
        return text[:cut].rstrip()
    diag.warning(Loc(where), f"{what}: the translation does not end with the original's list "
                             f"of States as this language prints it ('{(tail or '')[:60]}…'): "
                             "left untranslated")
    return None


def _terms_back(source: str, text: str, terms: Terms, on: dt.date, where: str, ident: str,
                diag: Collector) -> str:
    """The source's [[CODE]] references back in the translation, where it prints the name."""
    try:
        codes = [t.value for t in inline.refs(inline.parse(source), ("term",))]
    except inline.InlineError:
        return text
    for code in codes:
        name = terms.name(code, on)
        if name and name in text and f"[[{code}]]" not in text:
            text = text.replace(name, f"[[{code}]]", 1)
        elif f"[[{code}]]" not in text:
            diag.warning(Loc(where), f"{ident}: the original refers to [[{code}]] but the "
                                     f"translation does not print its name '{name}'")
    return text
