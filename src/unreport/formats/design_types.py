"""The page design (templates/design.yaml) as typed, frozen data: every key the writers and
templates/typst/un.typ read, with its type. formats/design.py reads the merged design files
into these dataclasses (sources/typed.py), so that a wrong type or an unknown key is a located
error with "did you mean"; the writers keep reading the design as plain data (the PDF passes it
to un.typ as JSON), which these types have checked.

Units as in design.yaml: horizontal positions and widths in mm, type sizes, line heights and
paragraph spacing in points. A `Size` is a number or the name of one of `sizes`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

Size = float | str  # points, or a name in `sizes` ("body", "leading")


def _positive(value: float) -> str | None:
    return None if value > 0 else f"must be above 0, not {value!r}"


POSITIVE = {"check": _positive, "schema": {"exclusiveMinimum": 0}}


@dataclass(frozen=True)
class Paper:
    width: float = field(metadata=POSITIVE)
    height: float = field(metadata=POSITIVE)


@dataclass(frozen=True)
class Page:
    outer_left: float
    outer_right: float
    top: float
    bottom: float
    header: float
    footer: float


@dataclass(frozen=True)
class Body:
    number: float
    text: float
    end: float
    hang_gap: float
    hyphenate: bool = False


@dataclass(frozen=True)
class Line:
    baseline: float


@dataclass(frozen=True)
class Box:
    width: float
    height: float


@dataclass(frozen=True)
class UnName:
    at: float
    size: Size
    font: str


@dataclass(frozen=True)
class Symbol:
    width: float
    size: Size
    first_size: Size
    font: str


@dataclass(frozen=True)
class Organ:
    width: float
    size: Size
    line: Size
    font: str
    bold: bool = False


@dataclass(frozen=True)
class DistributionBlock:
    at: float
    size: Size
    line: Size
    original_gap: float


@dataclass(frozen=True)
class Masthead:
    row_height: float
    emblem: Box
    un_name: UnName
    symbol: Symbol
    thick_rule: float
    organ: Organ
    organ_gap: float
    distribution: DistributionBlock
    anchor_line: float
    thin_rule: float
    thin_rule_gap: float


@dataclass(frozen=True)
class RunningHead:
    size: Size
    line: Size
    font: str
    bold: bool = False


@dataclass(frozen=True)
class Barcode:
    height: float
    module: float = field(metadata=POSITIVE)
    gap: float


@dataclass(frozen=True)
class Caption:
    size: Size
    line: Size


@dataclass(frozen=True)
class Footer:
    size: Size
    line: Size
    font: str
    barcode: Barcode
    caption: Caption


@dataclass(frozen=True)
class Rule:
    width: float
    weight: float
    gap: float
    below: float


@dataclass(frozen=True)
class Footnotes:
    rule: Rule
    style: str


@dataclass(frozen=True)
class Table:
    padding_x: float
    padding_y: float
    rule: float


@dataclass(frozen=True)
class Review:
    margin_x: float
    top: float
    bottom: float
    header: float
    footer: float
    number_width: float
    size: Size
    line_gap: float
    par_spacing: float
    note_size: Size
    head_size: Size
    cell_padding_x: float
    cell_padding_y: float
    paragraph_gap: float
    id_size: Size


@dataclass(frozen=True)
class ParagraphStyle:
    """A named style of the DOCX (the PDF's functions use the same values)."""

    font: str | None = None
    size: Size | None = None
    line: Size | None = None
    bold: bool = False
    character: bool = False
    highlight: str | None = None
    space_before: float = 0
    space_after: float = 0
    first: float | None = None
    start: float | None = None
    tab: float | None = None
    end: float | None = None
    justify: bool = False
    align: str | None = None
    keep_next: bool = False
    page_break_before: bool = False
    outline: int | None = None


@dataclass(frozen=True)
class Design:
    """The page design of every edition, for the DOCX and the PDF alike."""

    paper: str
    papers: Mapping[str, Paper]
    page: Page
    body: Body
    line: Line
    sizes: Mapping[str, float] = field(metadata={"values": POSITIVE})
    masthead: Masthead
    running_head: RunningHead
    footer: Footer
    footnotes: Footnotes
    table: Table
    review: Review
    styles: Mapping[str, ParagraphStyle]
    pdf_standards: tuple[str, ...] = ()
