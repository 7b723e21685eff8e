"""Stage 3, translate: a report's texts in one language, from locales/<lang>/<report>.po.

Entries are matched by msgctxt (the ID) only. Each text gets a status: `source` (the report's
own language), `translated`, `fuzzy` (marked fuzzy, or the source changed since it was
translated) or `untranslated`. Fuzzy and untranslated texts are the source text (draft
builds show it with a marker; --strict refuses it).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

from .errors import Collector, Loc
from .model import Report, units
from .po_check import check_po_lines
from .project import Project
from .yamlsource import read_text

SOURCE, TRANSLATED, FUZZY, UNTRANSLATED = "source", "translated", "fuzzy", "untranslated"


@dataclass(frozen=True)
class Text:
    text: str
    status: str
    loc: Loc  # where the text is: content file or PO entry


@dataclass
class Translation:
    lang: str
    texts: dict[str, Text] = field(default_factory=dict)
    catalog_path: str | None = None

    def __getitem__(self, ident: str) -> Text:
        return self.texts[ident]

    def missing(self) -> list[tuple[str, Text]]:
        return [(i, t) for i, t in self.texts.items() if t.status in (FUZZY, UNTRANSLATED)]


def read_catalog(path: Path, display: str, diag: Collector, locale: str | None = None
                 ) -> Catalog | None:
    """Read a PO file with Babel; syntax errors become located diagnostics."""
    text = read_text(path, display, diag)
    if text is None or not check_po_lines(text, display, diag):
        return None
    try:
        return read_po(io.BytesIO(text.encode("utf-8")), locale=locale, abort_invalid=True)
    except PoFileError as exc:  # Babel's line numbers count from 0
        diag.error(Loc(display, (getattr(exc, "lineno", 0) or 0) + 1, 1),
                   f"PO syntax error: {exc}; fix the entry (msgfmt --check shows it too)")
    except Exception as exc:  # Babel raises a few other errors on mangled files
        diag.error(Loc(display, 1, 1), f"cannot read PO file ({exc}); fix or re-create it "
                                       "with 'build.py catalogs'")
    return None


def by_context(catalog: Catalog) -> dict[str, object]:
    """Catalog messages keyed by msgctxt (the content ID)."""
    return {m.context: m for m in catalog if m.id and m.context}


def translate(report: Report, lang: str, project: Project, diag: Collector) -> Translation:
    source = report.meta.original
    out = Translation(lang)
    if lang == source:
        for u in units(report):
            out.texts[u.id] = Text(u.text, SOURCE, u.loc)
        return out
    path = project.catalog_path(report.id, lang)
    display = project.rel(path)
    out.catalog_path = display
    entries = {}
    if path.is_file():
        catalog = read_catalog(path, display, diag)
        if catalog is not None:
            entries = by_context(catalog)
    for u in units(report):
        m = entries.get(u.id)
        if m is None or not m.string:
            out.texts[u.id] = Text(u.text, UNTRANSLATED, Loc(display, m.lineno, 1) if m else u.loc)
            continue
        loc = Loc(display, m.lineno, 1)
        if m.fuzzy or m.id != u.text:  # the translation is of another text: show the source
            out.texts[u.id] = Text(u.text, FUZZY, loc)
        else:
            out.texts[u.id] = Text(m.string, TRANSLATED, loc)
    return out
