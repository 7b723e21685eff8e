"""The typed report model produced by the load stage. Immutable; every node knows where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterator

from .errors import Loc


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


@dataclass(frozen=True)
class Recommendation(Block):
    text: str = ""


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
        if isinstance(b, Heading):
            yield from walk(b.content)


def walk_items(lst: ItemList | None, depth: int = 0) -> Iterator[tuple[ListItem, int, ItemList]]:
    if lst is None:
        return
    for item in lst.items:
        yield item, depth, lst
        yield from walk_items(item.sublist, depth + 1)


def units(report: Report) -> Iterator[Unit]:
    """Every translatable text of a report, in document order."""
    m = report.meta
    values = {"meta.organ": m.organ, "meta.body": m.body, "meta.title": m.title,
              "meta.meeting.place": m.meeting.place if m.meeting else None}
    for key in META_TEXTS:
        if values[key]:
            yield Unit(key, values[key], m.text_locs.get(key, m.loc), "meta")
    for b in walk(report.body):
        if isinstance(b, Heading):
            yield Unit(b.id, b.title, b.loc, b.kind)
        elif isinstance(b, (Para, Recommendation)):
            yield Unit(b.id, b.text, b.loc, b.kind)
        if isinstance(b, Para):
            for item, _depth, _lst in walk_items(b.sublist):
                yield Unit(item.id, item.text, item.loc, "item")
