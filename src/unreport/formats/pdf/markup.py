"""Typst markup, the markup of the PDF editions and review documents: text escaped so Typst prints
it literally, inline markup, tables, review footnote numbers, and the template filters `typst`
and `typst_str`."""

from __future__ import annotations

import re
from typing import Callable

from unreport.formats.markup import Markup
from unreport.model.inline import LINE_BREAK, Dialect
from unreport.model.nodes import Table

# every ASCII character with a meaning in markup (strong, emph, raw, math, code, content,
# labels, references, headings, lists, comments, links, shorthands such as -- and ..., smart
# quotes) or right after an embedded expression ("#emph[x](", "#emph[x].", "#emph[x];" would
# continue or end the call); a backslash before any of them prints the character itself
_TYPST_ESCAPE = re.compile(r"([\\`*_\[\]()#+\-.<>~$\"'@=/;])")
# a footnote in escaped markup (an escaped "#footnote[" in a text is "\#footnote\[")
_NOTE = re.compile(r"(?<!\\)#footnote\[")


# a text this long is written as one string literal (#"...";), not escaped markup: Typst keeps
# a span for every piece of markup (each backslash escape is one), and looks up the span of
# every glyph among all of its paragraph's, so a long escaped paragraph took time growing with
# its square (2 MB: minutes); a string is one span. Shorter texts stay markup, easier to read.
LONG_TEXT = 400
# what markup takes for one space (a run of spaces, tabs or newlines): a string keeps each
_MARKUP_SPACE = re.compile(r"[ \t\n]+")


def escape_typst(text: str) -> str:
    """Escape text so Typst markup prints it literally (no markup, no code, no shorthands such
    as -- or ..., no smart quotes, no line or paragraph break)."""
    text = LINE_BREAK.sub(" ", text)
    if len(text) < LONG_TEXT:
        return _TYPST_ESCAPE.sub(r"\\\1", text)
    # prints as the markup would: spaces collapsed, spaces at either end left to the markup
    # around the string (so they collapse with their neighbours' as before); `#` as an escape,
    # so nothing in the string looks like a footnote to number_notes; `;` ends the expression
    core = text.strip(" \t")
    before = " " if core and text[0] in " \t" else ""
    after = " " if core and text[-1] in " \t" else ""
    literal = typst_string(_MARKUP_SPACE.sub(" ", core)).replace("#", "\\u{23}")
    return f"{before}#{literal};{after}" if core else " "


def typst_string(text: str) -> str:
    """A Typst string literal holding `text`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def table_typst(table: Table, cell_typst: Callable[[str], str]) -> str:
    """A Typst table across the text column in equal columns (as the DOCX writer sets the Word
    table): header row, a rule under it, body rows; `cell_typst(id)` gives a cell's escaped
    markup (the rules above and below are the page design's, un.typ). The caption and number
    ("Table 1") are the template's, so the number is the model's, not Typst's own counter."""
    def row(cells) -> str:
        return "".join(f"[{cell_typst(c.id)}], " for c in cells)

    n = len(table.header)
    lines = ["#table(", f"  columns: ({'1fr, ' * n}),",
             f"  align: ({'auto, ' * n}),", f"  table.header({row(table.header)}),",
             "  table.hline(),"]
    lines += ["  " + row(r) for r in table.rows]
    lines += ["  table.hline(),", ")"]
    return "\n".join(lines)


def blank_lines(text: str) -> str:
    """Typst calls follow each other line by line."""
    return re.sub(r"\n{2,}", "\n", text)


def number_notes(typst: str, first: int) -> str:
    """Markup whose footnotes print the numbers first, first + 1, ... (Typst would number the
    notes of both review columns in one sequence)."""
    numbers = iter(range(first, first + 10 ** 6))
    return _NOTE.sub(lambda m: f'#footnote(numbering: _ => "{next(numbers)}")[', typst)


# un-draft-marker is defined in templates/typst/un.typ
TYPST = Dialect("typst", escape_typst, ("#emph[", "]"), ("#strong[", "]"),
                ("#footnote[", "]"), ("#un-draft-marker[", "]"))

MARKUP = Markup(
    dialect=TYPST, templates="typst", review_template="typst/parallel.j2",
    table=table_typst, line_break=" \\ ", blank_lines=blank_lines,
    filters={"typst": escape_typst, "typst_str": typst_string}, number_notes=number_notes)
