"""Tables in each output markup: every cell is a translated, escaped content text.

The DOCX gets a Pandoc pipe table (pandoc makes it a Word table); the PDF gets a Typst
`table()` across the text column in equal columns, as write_docx sets the Word table. The caption and the number
("Table 1") are laid out by the template, not by the writer, so the number is the model's and
not the writer's own counter.
"""

from __future__ import annotations

from typing import Callable

from unreport.model.nodes import Table


def table_markdown(table: Table, cell_md: Callable[[str], str]) -> str:
    """A pipe table; `cell_md(id)` gives a cell's Markdown (already escaped, one line)."""
    def row(cells) -> str:
        return "| " + " | ".join(cell_md(c.id) for c in cells) + " |"

    lines = [row(table.header), "|" + "|".join("---" for _ in table.header) + "|"]
    lines += [row(r) for r in table.rows]
    return "\n".join(lines)


def table_typst(table: Table, cell_typst: Callable[[str], str]) -> str:
    """A Typst table: header row, a rule under it, body rows; `cell_typst(id)` gives a cell's
    escaped Typst markup (the rules above and below are the page design's, un.typ)."""
    def row(cells) -> str:
        return "".join(f"[{cell_typst(c.id)}], " for c in cells)

    n = len(table.header)
    lines = ["#table(", f"  columns: ({'1fr, ' * n}),",
             f"  align: ({'auto, ' * n}),", f"  table.header({row(table.header)}),",
             "  table.hline(),"]
    lines += ["  " + row(r) for r in table.rows]
    lines += ["  table.hline(),", ")"]
    return "\n".join(lines)
