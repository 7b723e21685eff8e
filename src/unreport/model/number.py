"""Stage 2, number: every number of a report, from its structure alone, once.

The result maps each ID to its ordinal (and for list items the list style and depth). It is the
same for every language and format by construction; writers and templates only format it.

Paragraphs run 1, 2, ... through the body and restart at 1 inside each annex (annex headings
restart too); annexes (I, II) and tables (1, 2) have their own counters through the report;
unnumbered text gets no number.
"""

from __future__ import annotations

from dataclasses import dataclass

from unreport.model.nodes import Annex, Heading, ItemList, Para, Recommendation, Report, Table


@dataclass(frozen=True)
class Number:
    kind: str  # chapter | section | subsection | para | recommendation | item | table | annex
    value: int  # 1-based ordinal
    style: str = ""  # list items: "alpha" | "decimal"
    depth: int = 0  # list items: nesting depth (0 = first level)


def number(report: Report) -> dict[str, Number]:
    numbers: dict[str, Number] = {}
    counters = {"para": 0, "recommendation": 0, "table": 0, "annex": 0}

    def items(lst: ItemList | None, outer_styles: tuple[str, ...] = ()) -> None:
        # each list restarts at 1; its level counts only enclosing lists of the same style,
        # so (a) under a decimal agenda item stays (a), and (i) appears under (a)
        if lst is None:
            return
        depth = outer_styles.count(lst.style)
        for value, item in enumerate(lst.items, start=1):
            numbers[item.id] = Number("item", value, lst.style, depth)
            items(item.sublist, outer_styles + (lst.style,))

    def blocks(content, level_counts: dict[str, int]) -> None:
        for b in content:
            if isinstance(b, Heading):
                level_counts[b.kind] = level_counts.get(b.kind, 0) + 1
                numbers[b.id] = Number(b.kind, level_counts[b.kind])
                blocks(b.content, {})  # sections restart in each chapter, subsections in each section
            elif isinstance(b, Para):
                counters["para"] += 1
                numbers[b.id] = Number("para", counters["para"])
                items(b.sublist)
            elif isinstance(b, Annex):
                counters["annex"] += 1
                numbers[b.id] = Number("annex", counters["annex"])
                counters["para"] = 0  # paragraph numbering restarts inside each annex
                blocks(b.content, {})
            elif isinstance(b, Table):
                counters["table"] += 1
                numbers[b.id] = Number("table", counters["table"])
            elif isinstance(b, Recommendation):
                counters["recommendation"] += 1
                numbers[b.id] = Number("recommendation", counters["recommendation"])

    blocks(report.body, {})
    return numbers
