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
    """The sheet, in mm (A4: 210 × 297)."""

    width: float = field(metadata=POSITIVE)
    height: float = field(metadata=POSITIVE)


@dataclass(frozen=True)
class Page:
    """The margins of a page, in mm: outer left and right (mirrored on even pages), top and
    bottom, and where the running head and the footer stand."""

    outer_left: float
    outer_right: float
    top: float
    bottom: float
    header: float
    footer: float


@dataclass(frozen=True)
class Body:
    """The body column, in mm from the left edge: paragraph numbers at `number`, text from
    `text` to `end`; `hang_gap` the least gap after a hanging number."""

    number: float
    text: float
    end: float
    hang_gap: float
    hyphenate: bool = False


@dataclass(frozen=True)
class Line:
    """A line placed by its baseline, in mm from the top of the page."""

    baseline: float


@dataclass(frozen=True)
class Box:
    """The emblem's box, in mm."""

    width: float
    height: float


@dataclass(frozen=True)
class UnName:
    """"United Nations" in the masthead: at `at` mm from the left, its size and font."""

    at: float
    size: Size
    font: str


@dataclass(frozen=True)
class Symbol:
    """The document symbol, flush right in a column `width` mm wide; its first part in
    `first_size`."""

    width: float
    size: Size
    first_size: Size
    font: str


@dataclass(frozen=True)
class Organ:
    """The organ's name in the masthead's narrow column (`width` mm from the outer margin)."""

    width: float
    size: Size
    line: Size
    font: str
    bold: bool = False


@dataclass(frozen=True)
class DistributionBlock:
    """The distribution block (distribution, date, original language) at `at` mm."""

    at: float
    size: Size
    line: Size
    original_gap: float


@dataclass(frozen=True)
class Masthead:
    """The first page's masthead: its row, emblem, name, symbol, rules, organ and
    distribution block."""

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
    """The symbol and page number at the head of following pages."""

    size: Size
    line: Size
    font: str
    bold: bool = False


@dataclass(frozen=True)
class Barcode:
    """The job number's Code 39 barcode in the first-page footer: bar height, narrow
    module and the gap above and below the bars, in mm."""

    height: float
    module: float = field(metadata=POSITIVE)
    gap: float


@dataclass(frozen=True)
class Caption:
    """The barcode's caption (the job number under the bars)."""

    size: Size
    line: Size


@dataclass(frozen=True)
class Footer:
    """The first page's footer: the job line, its barcode and caption."""

    size: Size
    line: Size
    font: str
    barcode: Barcode
    caption: Caption


@dataclass(frozen=True)
class Rule:
    """The rule above the footnotes: its length (mm) and weight (pt), the gaps around it (mm)."""

    width: float
    weight: float
    gap: float
    below: float


@dataclass(frozen=True)
class Footnotes:
    """Footnotes: their separating rule and paragraph style."""

    rule: Rule
    style: str


@dataclass(frozen=True)
class Table:
    """Table cells: padding in mm, the weight of the rules between rows in pt."""

    padding_x: float
    padding_y: float
    rule: float


@dataclass(frozen=True)
class Review:
    """The review (parallel) document: landscape margins, the number column, sizes and
    spacing of its two columns."""

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
