"""What the render stage writes for one output format (see formats/__init__.py): a format's
markup is data handed to the render stage, which itself names no format."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from unreport.model.inline import Dialect


@dataclass(frozen=True)
class Markup:
    """What the render stage writes for one format: text escaped in its dialect, tables, the
    line break inside a block, and the templates that lay blocks out."""

    dialect: Dialect  # escaping and inline markup (emphasis, footnotes, the draft marker)
    templates: str  # the template folder of its blocks (templates/<templates>/blocks.j2)
    review_template: str  # the review document's template
    table: Callable  # (Table, cell markup by id) -> the table's markup
    line_break: str  # between the lines of one block (the distribution block in a review)
    blank_lines: Callable[[str], str]  # the rendered document's blank lines, normalised
    filters: dict  # Jinja filters the templates use for this markup (names are template API)
    number_notes: Callable[[str, int], str]  # a review column's footnotes numbered from n
