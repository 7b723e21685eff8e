"""Stage 3, translate: a report's texts in one language, from locales/<lang>/<report>.po.

Entries are matched by msgctxt (the ID) only. Each text gets a status: `source` (the report's
own language), `translated`, `fuzzy` (marked fuzzy, or the source changed since it was
translated) or `untranslated`. Fuzzy and untranslated texts are the source text (draft
builds show it with a marker; --strict refuses it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from unreport.sources import po
from unreport.diagnostics import Collector, Loc
from unreport.model.nodes import Report, units
from unreport.sources.po_check import check_po_lines
from unreport.project.paths import Project
from unreport.sources.yamlsource import FORBIDDEN, check_characters, forbidden_message, read_text

SOURCE, TRANSLATED, FUZZY, UNTRANSLATED = "source", "translated", "fuzzy", "untranslated"
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


def read_catalog(path: Path, display: str, diag: Collector) -> po.Catalog | None:
    """Read a PO file; every malformed line is a located diagnostic (po_check), then po.py
    reads it with every field a gettext tool may have written. A compiled .mo file, a header
    charset the bytes do not agree with, and characters no text may hold are located errors
    (nothing is read, so nothing is rewritten from a misread file)."""
    if path.is_file() and path.read_bytes()[:4] in MO_MAGIC:
        diag.error(Loc(display, 1, 1), "this is a compiled .mo file, not a PO file; put the PO "
                                       "file (the text one msgfmt compiles) here")
        return None
    if path.is_file() and not _utf8_or_declared(path.read_bytes(), display, diag):
        return None
    text = read_text(path, display, diag)
    if text is None or not check_po_lines(text, display, diag) or \
            not check_characters(text, display, diag):
        return None
    catalog = po.parse(text)
    return catalog if _charset_agrees(text, catalog, display, diag) and \
        _texts_clean(catalog, display, diag) else None


MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")  # GNU gettext .mo, either byte order


def _utf8_or_declared(raw: bytes, display: str, diag: Collector) -> bool:
    """Bytes that are not UTF-8 under a header declaring their charset: say how to convert
    (a file read in a charset it may not be in is never rewritten)."""
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        pass
    m = re.search(rb"charset=([\w.:-]+)", raw, re.I)
    if not m or m.group(1).lower().replace(b"-", b"") == b"utf8":
        return True  # read_text reports where the bytes are not UTF-8
    line = raw[: m.start()].count(b"\n") + 1
    cs = m.group(1).decode("ascii")
    diag.error(Loc(display, line, 1), f"the file is written in {cs} (its header says so); "
                                      "unreport reads PO files in UTF-8: convert it with "
                                      f"'msgconv --to-code=UTF-8' (or save it as UTF-8) and "
                                      "set the header to charset=UTF-8")
    return False


def _charset_agrees(text: str, catalog: po.Catalog, display: str, diag: Collector) -> bool:
    """The file was read as UTF-8 (read_text refuses other bytes): a header declaring another
    charset is wrong (an editor's mistake: the bytes are UTF-8) unless the text is ASCII."""
    import codecs
    content_type = catalog.header_value("Content-Type") or ""
    m = re.search(r"charset=([\w.:-]+)", content_type, re.I)
    if not m or text.isascii():
        return True
    try:
        declared = codecs.lookup(m.group(1)).name
    except LookupError:
        declared = m.group(1)
    if declared == "utf-8":
        return True
    line, col = next(((n, ln.lower().index("charset=") + 1) for n, ln in
                      enumerate(text.splitlines(), 1) if "charset=" in ln.lower()), (1, 1))
    diag.error(Loc(display, line, col), f"the header declares charset={m.group(1)} but the file "
                                      "is UTF-8; change the header to charset=UTF-8")
    return False


def _texts_clean(catalog: po.Catalog, display: str, diag: Collector) -> bool:
    """No translation holds a character no text may hold (written as an escape, "\\x01")."""
    ok = True
    for e in catalog.active():
        for s in (e.msgstr, *e.msgstr_plural.values()):
            if FORBIDDEN.search(s):
                diag.error(Loc(display, e.line, 1), f"{e.msgctxt or e.msgid}: "
                                                    f"{forbidden_message(s)}")
                ok = False
                break
    return ok


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
        if m is None or not m.msgstr:
            out.texts[u.id] = Text(u.text, UNTRANSLATED, Loc(display, m.line, 1) if m else u.loc)
            continue
        loc = Loc(display, m.line, 1)
        translation = m.translation_of(u.text)
        memory = any(c.startswith(MEMORY_NOTE) for c in m.comments)
        if translation is None:  # fuzzy, or of another text: show the source
            changed = m.msgid != u.text or m.previous_msgid is not None
            out.texts[u.id] = Text(u.text, FUZZY, loc, memory, changed and not memory)
        else:
            out.texts[u.id] = Text(translation, TRANSLATED, loc, memory)
    return out
