"""Pandoc Markdown, the markup of the DOCX editions and review documents: text escaped so pandoc
reads it literally, inline markup, pipe tables, and the template filters `md` and `md_attr`."""

from __future__ import annotations

import re
from typing import Callable

from unreport.formats.markup import Markup
from unreport.model.inline import LINE_BREAK, Dialect
from unreport.model.nodes import Table

_MD_ESCAPE = re.compile(r"([\\`*_{}\[\]()#+\-.!<>|~^$\"@:&%=/;,?])")


def escape_markdown(text: str) -> str:
    """Escape text so Pandoc Markdown reads it literally (no markup, no raw, no smart dashes,
    no line break)."""
    return _MD_ESCAPE.sub(r"\\\1", LINE_BREAK.sub(" ", text))


def markdown_attribute(text: str) -> str:
    """A value for a Pandoc attribute in double quotes (pandoc reads backslash escapes there)."""
    return LINE_BREAK.sub(" ", text).replace("\\", "\\\\").replace('"', '\\"')


def table_markdown(table: Table, cell_md: Callable[[str], str]) -> str:
    """A pipe table (pandoc makes it a Word table); `cell_md(id)` gives a cell's Markdown
    (already escaped, one line). The caption and number are the template's."""
    def row(cells) -> str:
        return "| " + " | ".join(cell_md(c.id) for c in cells) + " |"

    lines = [row(table.header), "|" + "|".join("---" for _ in table.header) + "|"]
    lines += [row(r) for r in table.rows]
    return "\n".join(lines)


def blank_lines(text: str) -> str:
    """Markdown blocks stay apart by one blank line."""
    return re.sub(r"\n{3,}", "\n\n", text)


# the draft marker is a span in the character style DraftMarker (templates/design.yaml)
MARKDOWN = Dialect("markdown", escape_markdown, ("*", "*"), ("**", "**"), ("^[", "]"),
                   ("[", ']{custom-style="DraftMarker"}'))

MARKUP = Markup(
    dialect=MARKDOWN, templates="docx", review_template="parallel.md.j2",
    table=table_markdown, line_break="\\\n", blank_lines=blank_lines,
    filters={"md": escape_markdown, "md_attr": markdown_attribute},
    # the DOCX writer numbers the review's footnotes itself (formats/docx/review.py)
    number_notes=lambda markup, first: markup)
