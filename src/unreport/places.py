"""Human descriptions of where a text stands ("chapter II, section A, paragraph 5")."""

from __future__ import annotations

from .model import Heading, Para, Report, walk_items
from .number import Number
from .numerals import format_number

_SYSTEM = {"chapter": "roman", "section": "alpha-upper", "subsection": "arabic", "para": "arabic",
           "recommendation": "arabic"}

_WORD = {"para": "paragraph"}


def places(report: Report, numbers: dict[str, Number]) -> dict[str, str]:
    """ID -> place, in English words for translators' comments (language-neutral numerals)."""
    out = {"meta.organ": "masthead, organ", "meta.body": "masthead, body",
           "meta.meeting.place": "masthead, meeting place", "meta.title": "title"}

    def label(ident: str) -> str:
        n = numbers[ident]
        return f"{_WORD.get(n.kind, n.kind)} {format_number(n.value, _SYSTEM[n.kind])}"

    def walk(blocks, trail):
        for b in blocks:
            here = trail + [label(b.id)]
            out[b.id] = ", ".join(here) + (", title" if isinstance(b, Heading) else "")
            if isinstance(b, Heading):
                walk(b.content, here)
            elif isinstance(b, Para):
                for item, depth, lst in walk_items(b.sublist):
                    n = numbers[item.id]
                    out[item.id] = ", ".join(here) + f", list item {n.value}" + \
                        (f" (level {depth + 1})" if depth else "")

    walk(report.body, [])
    return out
