"""Translation memory across reports, as eLUNa's bitexts give UN translators: every catalog of a
language (every report, obsolete entries included) offers its confirmed translations.

`catalogs` asks it for a new entry's source text: an exact match fills the translation (fuzzy,
for the translator to confirm, with a `# memory: <report>:<ID>` comment); a close match
(similarity of at least CLOSE, rapidfuzz's normalised Indel similarity) is offered as a fuzzy
suggestion whose source is kept as the previous msgid, so the PO editor shows what differs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from unreport.diagnostics import Collector
from unreport.sources import po
from unreport.project.paths import Project

CLOSE = 85.0  # percent


@dataclass(frozen=True)
class Hit:
    msgid: str  # the source text the memory holds
    msgstr: str
    report: str
    ident: str
    score: float  # 100 for an exact match

    def note(self) -> str:
        from unreport.translate import MEMORY_NOTE
        similar = "" if self.score == 100 else f" ({int(self.score)}% similar)"
        return f"{MEMORY_NOTE} {self.report}:{self.ident}{similar}"


class Memory:
    def __init__(self, units: list[tuple[str, str, str, str]]):
        """`units`: (source, translation, report, ID), best first."""
        self.exact: dict[str, tuple[str, str, str]] = {}
        for msgid, msgstr, report, ident in units:
            self.exact.setdefault(msgid, (msgstr, report, ident))
        self.sources = list(self.exact)

    def lookup(self, text: str) -> Hit | None:
        found = self.exact.get(text)
        if found is not None:
            return Hit(text, *found, 100.0)
        if not self.sources:
            return None
        best = process.extractOne(text, self.sources, scorer=fuzz.ratio, score_cutoff=CLOSE)
        if best is None:
            return None
        msgid = best[0]
        return Hit(msgid, *self.exact[msgid], float(best[1]))


def catalog_files(project: Project, lang: str) -> list[Path]:
    """The language's report catalogs (not the template labels' messages.po)."""
    folder = project.locales_dir / lang
    return sorted(p for p in folder.glob("*.po") if p.stem != "messages") \
        if folder.is_dir() else []


def load_memory(project: Project, lang: str) -> Memory:
    """The memory of one language from its catalogs as they are on disk now. A catalog that
    cannot be read offers nothing (its problems are reported where it is synced or built)."""
    from unreport.sources.catalog import read_catalog
    units = []
    for path in catalog_files(project, lang):
        cat = read_catalog(path, project.rel(path), Collector())
        if cat is None:
            continue
        active = [e for e in cat.entries if not e.obsolete]
        for e in active + cat.obsolete():
            if e.msgid and e.state() == po.TRANSLATED and e.msgctxt:
                units.append((e.msgid, e.msgstr, path.stem, e.msgctxt))
    return Memory(units)
