"""Readable, stable IDs for an imported structure, given once at import.

From the structure and a slug of the heading: a chapter "Organization of the meeting" is
`organization`, its section "Adoption of the agenda" `organization.adoption`, paragraph 12 in
it `organization.adoption.p12`, its list items `organization.adoption.p12.1`, `….p12.1.a`.
Headings without a Latin-letter title get their number (`ch2`, `ch2.s1`). The IDs are written into the content file and never generated again: a later import of a
translation aligns by number onto them.
"""

from __future__ import annotations

import re
import unicodedata

from unreport.lang.numerals import format_number
from unreport.importers.structure import Doc, Node

SLUG_WORDS = 1  # words of four letters or more taken from a title
SLUG_MIN = 4


def slug(title: str, parent: str = "") -> str:
    """The first word of four letters or more of a title that its parent's ID does not have."""
    plain = unicodedata.normalize("NFKD", re.sub(r"\^\[[^\]]*\]", "", title))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).lower()
    taken = set(re.split(r"[.-]", parent))
    words = [w for w in re.findall(r"[a-z0-9]+", plain) if len(w) >= SLUG_MIN and w not in taken]
    return "-".join(words[:SLUG_WORDS])


class _Ids:
    def __init__(self):
        self.used: set[str] = set()

    def take(self, wanted: str) -> str:
        ident, n = wanted, 2
        while ident in self.used or ident.startswith("meta."):
            ident = f"{wanted}-{n}"
            n += 1
        self.used.add(ident)
        return ident


def assign_ids(doc: Doc, item_system=lambda style, depth: "arabic") -> None:
    """`item_system(list style, depth)` names the numeral system a list item prints (house
    style): an item's ID ends with its number as printed, when that is ASCII (p12.1.a, p3.b.ii)."""
    ids = _Ids()
    prefix = {"chapter": "ch", "section": "s", "subsection": "ss", "annex": "annex"}

    def join(parent: str, part: str) -> str:
        return f"{parent}.{part}" if parent else part

    def blocks(nodes: list[Node], parent: str) -> None:
        texts = tables = 0
        for n in nodes:
            if n.kind in prefix:
                s = slug(n.text, parent)
                if n.kind == "annex":
                    own = f"annex-{s}" if s else f"annex{n.value}"
                    n.id = ids.take(own)
                else:
                    n.id = ids.take(join(parent, s or f"{prefix[n.kind]}{n.value}"))
                blocks(n.children, n.id)
            elif n.kind == "para":
                n.id = ids.take(join(parent, f"p{n.value}"))
                items(n, n.id)
            elif n.kind == "recommendation":
                n.id = ids.take(join(parent, f"rec{n.value}"))
            elif n.kind == "table":
                tables += 1
                n.id = ids.take(join(parent, f"table{n.value}"))
            else:
                texts += 1
                n.id = ids.take(join(parent, f"text{texts}"))

    def items(node: Node, parent: str, outer: tuple = ()) -> None:
        for it in node.children:
            printed = format_number(it.value or 1, item_system(it.list_style,
                                                               outer.count(it.list_style)))
            part = printed.lower() if re.fullmatch(r"[A-Za-z0-9]+", printed) else str(it.value)
            it.id = ids.take(f"{parent}.{part}")
            items(it, it.id, outer + (it.list_style,))

    blocks(doc.body, "")


def cell_id(table_id: str, row: int, col: int) -> str:
    return f"{table_id}.h{col + 1}" if row == 0 else f"{table_id}.r{row}c{col + 1}"
