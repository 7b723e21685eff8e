"""Stage 3, translate: a report's texts in one language, from locales/<lang>/<report>.po.

Entries are matched by msgctxt (the ID) only. Each text gets a status: `source` (the report's
own language), `translated`, `fuzzy` (marked fuzzy, or the source changed since it was
translated) or `untranslated`. Fuzzy and untranslated texts are the source text (draft
builds show it with a marker; --strict refuses it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unreport.sources import po
from unreport.diagnostics import Collector, Loc
from unreport.model.nodes import Report, units
from unreport.project.paths import Project
from unreport.sources.catalog import read_catalog
from unreport.sources.po import FUZZY, TRANSLATED, UNTRANSLATED

SOURCE = "source"  # the report's own language (a PO entry's states are in sources/po.py)
MEMORY_NOTE = "memory:"  # translator comment on an entry filled from the translation memory


@dataclass(frozen=True)
class Text:
    text: str
    status: str
    loc: Loc  # where the text is: content file or PO entry
    memory: bool = False  # filled from the translation memory (`# memory:` comment)
    changed: bool = False  # fuzzy because the source changed since it was translated


@dataclass
class Translation:
    lang: str
    texts: dict[str, Text] = field(default_factory=dict)
    catalog_path: str | None = None

    def __getitem__(self, ident: str) -> Text:
        return self.texts[ident]

    def missing(self) -> list[tuple[str, Text]]:
        return [(i, t) for i, t in self.texts.items() if t.status in (FUZZY, UNTRANSLATED)]


def by_context(catalog: po.Catalog) -> dict[str, po.Entry]:
    """Active entries keyed by msgctxt (the content ID)."""
    return catalog.by_context()


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
        state = m.state(u.text) if m is not None else UNTRANSLATED
        if state == UNTRANSLATED:
            out.texts[u.id] = Text(u.text, UNTRANSLATED, Loc(display, m.line, 1) if m else u.loc)
            continue
        loc = Loc(display, m.line, 1)
        memory = any(c.startswith(MEMORY_NOTE) for c in m.comments)
        if state == FUZZY:  # marked fuzzy, or of another text: show the source
            changed = m.msgid != u.text or m.previous_msgid is not None
            out.texts[u.id] = Text(u.text, FUZZY, loc, memory, changed and not memory)
        else:
            out.texts[u.id] = Text(m.msgstr, TRANSLATED, loc, memory)
    return out
