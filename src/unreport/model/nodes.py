"""The typed report model produced by the load stage. Immutable; every node knows where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator

from unreport.diagnostics import Loc


@dataclass(frozen=True)
class Meeting:
    place: str
    start: dt.date
    end: dt.date
    loc: Loc
    place_loc: Loc


@dataclass(frozen=True)
class Meta:
    symbol: str
    distribution: str
    date: dt.date
    original: str
    languages: tuple[str, ...]
    organ: str
    body: str
    title: str
    meeting: Meeting | None
    job: str | None
    loc: Loc
    job_dates: tuple[dt.date, ...] = ()  # processing dates, printed DDMMYY on the job line
    text_locs: dict = field(default_factory=dict, compare=False, hash=False)  # meta ID -> Loc


@dataclass(frozen=True)
class ListItem:
    id: str
    text: str
    loc: Loc
    sublist: "ItemList | None" = None


@dataclass(frozen=True)
class ItemList:
    style: str  # "alpha" (default: (a), nested (i)) | "decimal"
    items: tuple[ListItem, ...]
    loc: Loc


@dataclass(frozen=True)
class Block:
    """Common shape of every body block. `kind` names the block type as written in YAML."""

    kind: str
    id: str
    loc: Loc


@dataclass(frozen=True)
class Heading(Block):
    """chapter, section or subsection: a numbered title with content."""

    title: str = ""
    content: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Para(Block):
    """A numbered paragraph, with an optional list and an optional list of States (codes)."""

    text: str = ""
    sublist: ItemList | None = None
    states: tuple[str, ...] = ()
    states_loc: Loc | None = None
    states_order: str = "given"  # "given" | "name" (sorted by name, in style states_sort_language)


@dataclass(frozen=True)
class Recommendation(Block):
    text: str = ""


@dataclass(frozen=True)
class Text(Block):
    """An unnumbered paragraph (front matter, notes)."""

    text: str = ""


@dataclass(frozen=True)
class Cell:
    """A table cell: translatable under its own ID."""

    id: str
    text: str
    loc: Loc


@dataclass(frozen=True)
class Table(Block):
    """A numbered table ("Table 1"): a caption, a header row and rows of cells."""

    caption: str = ""
    header: tuple[Cell, ...] = ()
    rows: tuple[tuple[Cell, ...], ...] = ()


@dataclass(frozen=True)
class Annex(Block):
    """An annex ("Annex I"): own title, own paragraph numbering, optional original language."""

    title: str = ""
    content: tuple[Block, ...] = ()
    original: str | None = None  # the annex's original language when it differs from the report's


@dataclass(frozen=True)
class Report:
    id: str
    path: str
    meta: Meta
    body: tuple[Block, ...]


@dataclass(frozen=True)
class Unit:
    """A translatable text: msgctxt = id, msgid = source text."""

    id: str
    text: str
    loc: Loc
    kind: str


META_TEXTS = ("meta.organ", "meta.body", "meta.meeting.place", "meta.title")


def walk(blocks: tuple[Block, ...]) -> Iterator[Block]:
    """Every block in document order, depth first."""
    for b in blocks:
        yield b
        if isinstance(b, (Heading, Annex)):
            yield from walk(b.content)


def walk_items(lst: ItemList | None, depth: int = 0) -> Iterator[tuple[ListItem, int, ItemList]]:
    if lst is None:
        return
    for item in lst.items:
        yield item, depth, lst
        yield from walk_items(item.sublist, depth + 1)


def table_cells(table: Table) -> Iterator[Cell]:
    """Every cell of a table, header row first, row by row."""
    yield from table.header
    for row in table.rows:
        yield from row


def units(report: Report) -> Iterator[Unit]:
    """Every translatable text of a report, in document order."""
    m = report.meta
    values = {"meta.organ": m.organ, "meta.body": m.body, "meta.title": m.title,
              "meta.meeting.place": m.meeting.place if m.meeting else None}
    for key in META_TEXTS:
        if values[key]:
            yield Unit(key, values[key], m.text_locs.get(key, m.loc), "meta")
    for b in walk(report.body):
        if isinstance(b, (Heading, Annex)):
            yield Unit(b.id, b.title, b.loc, b.kind)
        elif isinstance(b, (Para, Recommendation, Text)):
            yield Unit(b.id, b.text, b.loc, b.kind)
        elif isinstance(b, Table):
            yield Unit(b.id, b.caption, b.loc, "table")
            for cell in table_cells(b):
                yield Unit(cell.id, cell.text, cell.loc, "cell")
        if isinstance(b, Para):
            for item, _depth, _lst in walk_items(b.sublist):
                yield Unit(item.id, item.text, item.loc, "item")
