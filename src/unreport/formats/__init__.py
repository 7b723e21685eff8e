"""Output formats, one folder each (docx/, pdf/), registered in one table.

A `Format` says everything the rest of the tool needs to know about an output format: its name
(the command line's `--format` choice and the output's suffix), the markup the render stage
writes for it (`Markup`: escaping, inline markup, tables, line breaks, template folder), its
writers, how its outputs are read back for `--verify`, and whether the fonts installed enter
its cache key. The command line's choices, the build's job pools and writers, the cache keys,
render and verify all read `FORMATS`; nothing outside this folder names a format. A third
format (HTML, ODT) is a new folder and a new entry here.

Writers are named as "module:Class" and imported when first used, so a build of one format
does not import the other's libraries.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass

from unreport.formats.docx.markup import MARKUP as DOCX_MARKUP
from unreport.formats.pdf.markup import MARKUP as PDF_MARKUP
from unreport.formats.markup import Markup


@dataclass(frozen=True)
class Format:
    name: str  # `--format` choice and output suffix
    markup: Markup
    writer: str  # "module:Class" of the edition writer: Class(project, jobs)
    review_writer: str  # "module:Class" of the review writer: Class(edition writer)
    readback: str  # module with `edition(path)` and `review(path)` (verify.py reads these)
    fonts_in_key: bool  # whether installed fonts change its outputs (the cache key)
    order: int  # a document's jobs of lower order start first (the longest)
    warm_up: str = ""  # "module:function(jobs, watch)" started before the content is read
    close: str = ""  # "module:function()" ending what warm_up or the writer started
    tools: tuple[str, ...] = ()  # distributions whose versions change its outputs (cache key)
    images: bool = False  # its writer renders page images (`preview`: writer.images(...))
    unprintable: str = ""  # "module:function(text) -> [characters it cannot print]"

    def cannot_print(self, text: str) -> list[str]:
        """The characters of `text` this format's outputs cannot show (none when unknown)."""
        return _load(self.unprintable)(text) if self.unprintable else []

    @property
    def suffix(self) -> str:
        return f".{self.name}"

    def make_writer(self, project, jobs: int):
        return _load(self.writer)(project, jobs)

    def make_review_writer(self, edition_writer):
        return _load(self.review_writer)(edition_writer)

    def start(self, jobs: int, watch: bool) -> None:
        """Start what its writer needs ahead (worker processes), while the content loads."""
        if self.warm_up:
            _load(self.warm_up)(jobs, watch)


@functools.lru_cache(maxsize=None)
def _load(spec: str):
    """The object a "module:name" spec names, imported once (cannot_print asks for every
    text)."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


FORMATS: dict[str, Format] = {
    f.name: f for f in (
        Format("docx", DOCX_MARKUP, "unreport.formats.docx.writer:DocxWriter",
               "unreport.formats.docx.review:ReviewDocxWriter",
               "unreport.formats.docx.readback", fonts_in_key=False, order=1,
               tools=("python-docx", "lxml", "pypandoc-binary", "pillow")),
        Format("pdf", PDF_MARKUP, "unreport.formats.pdf.writer:PdfWriter",
               "unreport.formats.pdf.review:ReviewPdfWriter",
               "unreport.formats.pdf.readback", fonts_in_key=True, order=0,
               warm_up="unreport.formats.pdf.workers:warm_up",
               close="unreport.formats.pdf.workers:close_all", images=True,
               unprintable="unreport.formats.pdf.glyphs:missing",
               tools=("typst",)),
    )
}


def selected(names: tuple[str, ...] = ()) -> tuple[Format, ...]:
    """The formats of a run, as named (every registered one, in the table's order, when none
    is named)."""
    return tuple(FORMATS[n] for n in names) if names else tuple(FORMATS.values())


def close_all() -> None:
    """End every format's worker processes that were started (at exit)."""
    import sys
    for f in FORMATS.values():
        module, _, name = f.close.partition(":")
        if module and module in sys.modules:  # never import a module only to close it
            getattr(sys.modules[module], name)()


def tools() -> tuple[str, ...]:
    """The distributions of every format, in the table's order."""
    return tuple(t for f in FORMATS.values() for t in f.tools)


def output_name(doc, fmt: Format | str) -> str:
    """<report>.<lang>.<suffix> for an edition; <report>.<source>-<lang>.<suffix> for a review
    document."""
    name = getattr(doc, "name", None) or f"{doc.report.id}.{doc.lang}"
    return f"{name}.{fmt if isinstance(fmt, str) else fmt.name}"
