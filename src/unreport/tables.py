"""Tables as Pandoc pipe tables: every cell is a translated, escaped content text.

Pandoc turns a pipe table into a real table in both formats (a Word table in DOCX, `table()` in
Typst). The caption and the number ("Table 1") are laid out by the template, not by pandoc, so
the number is the model's and not the writer's own counter.
"""

from __future__ import annotations

from typing import Callable

from .model import Table


def table_markdown(table: Table, cell_md: Callable[[str], str]) -> str:
    """A pipe table; `cell_md(id)` gives a cell's Markdown (already escaped, one line)."""
    def row(cells) -> str:
        return "| " + " | ".join(cell_md(c.id) for c in cells) + " |"

    lines = [row(table.header), "|" + "|".join("---" for _ in table.header) + "|"]
    lines += [row(r) for r in table.rows]
    return "\n".join(lines)
