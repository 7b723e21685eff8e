"""Human descriptions of where a text stands ("chapter II, section A, paragraph 5")."""

from __future__ import annotations

from unreport.model.nodes import Annex, Heading, Para, Report, Table, table_cells, walk_items
from unreport.model.number import Number
from unreport.lang.numerals import format_number

_SYSTEM = {"chapter": "roman", "section": "alpha-upper", "subsection": "arabic", "para": "arabic",
           "recommendation": "arabic", "annex": "roman", "table": "arabic"}

_WORD = {"para": "paragraph"}


def places(report: Report, numbers: dict[str, Number]) -> dict[str, str]:
    """ID -> place, in English words for translators' comments (language-neutral numerals)."""
    out = {"meta.organ": "masthead, organ", "meta.body": "masthead, body",
           "meta.meeting.place": "masthead, meeting place", "meta.title": "title"}

    def label(ident: str) -> str:
        n = numbers.get(ident)
        if n is None:  # unnumbered text
            return "unnumbered text"
        return f"{_WORD.get(n.kind, n.kind)} {format_number(n.value, _SYSTEM[n.kind])}"

    def walk(blocks, trail):
        for b in blocks:
            here = trail + [label(b.id)]
            titled = isinstance(b, (Heading, Annex))
            out[b.id] = ", ".join(here) + (", title" if titled else "") + \
                (", caption" if isinstance(b, Table) else "")
            if titled:
                walk(b.content, here)
            elif isinstance(b, Table):
                width = len(b.header) or 1
                for i, cell in enumerate(table_cells(b)):
                    row, col = divmod(i, width)
                    out[cell.id] = ", ".join(here) + \
                        (f", header, column {col + 1}" if row == 0 else
                         f", row {row}, column {col + 1}")
            elif isinstance(b, Para):
                for item, depth, lst in walk_items(b.sublist):
                    n = numbers[item.id]
                    out[item.id] = ", ".join(here) + f", list item {n.value}" + \
                        (f" (level {depth + 1})" if depth else "")

    walk(report.body, [])
    return out
