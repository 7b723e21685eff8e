"""The neutral stream both readers produce: paragraphs (with their style, if any) and tables."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Para:
    text: str  # inline markup: *italic*, **bold**, ^[footnote]; a number, then a tab or spaces
    where: str  # "file.docx:paragraph 12" or "file.txt:40"
    style: str = ""  # the paragraph style's name (DOCX), "" for plain text
    level: int | None = None  # list level from Word numbering or indentation, if known
    auto_number: str = ""  # the label Word's automatic numbering prints, if any
    role: str = ""  # masthead role the reader already knows: organ, distribution, header, footer
    continues: bool = False  # plain text: no blank line before it (may continue a paragraph)


@dataclass
class TableBlock:
    rows: list[list[str]]
    where: str
    role: str = ""


@dataclass
class Source:
    path: str  # as shown in messages
    items: list = field(default_factory=list)  # Para | TableBlock, in document order
    lang: str = ""  # the document's language when the file says it (DOCX core properties)
