"""What a format's read-back gives `verify.py`: an output as a reader's tool sees it, in one of
three shapes, so that verify checks every format by its shape and names none.

- `Paragraphs`: the body's paragraphs in the numbered styles, in order, each (style, text),
  which styles each kind of unit may print in, and the text of the report's table cells in
  order (a word processor's document);
- `Rows`: a review document's table, row by row, (left cell text, right cell text);
- `Text`: the document's text as extracted, in reading order (a PDF).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraphs:
    items: list[tuple[str, str]]  # (style, text)
    styles: dict[str, set[str]]  # unit kind -> the styles it prints in
    cells: tuple[str, ...] = ()  # the report's tables, cell by cell, row by row, in order


@dataclass(frozen=True)
class Rows:
    rows: list[tuple[str, str]] | None  # None: the document has no table


@dataclass(frozen=True)
class Text:
    text: str
    rtl: bool  # the text has right-to-left runs (their punctuation's place is unreliable)
