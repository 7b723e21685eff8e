"""`build.py catalogs`: bring every PO catalog in line with the content, matching by ID only.

New ID -> empty entry; changed source -> fuzzy, the old source kept as `#| msgid`, translation
kept; removed ID -> obsolete (`#~`). Entries in document order, with the entry's place (`#.`) and
its content line (`#:`). Babel's Catalog.update is not used: it fuzzy-matches on text across IDs.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileParser, denormalize, write_po

from .errors import Collector
from .model import Report, units
from .number import number
from .places import places
from .project import Project
from .translate import by_context, read_catalog
from .yamlsource import read_text


@dataclass
class SyncResult:
    path: str
    new: int = 0
    changed: int = 0
    obsolete: int = 0
    written: bool = False
    skipped: bool = False  # unreadable: reported, left as it is


class ReportCatalog(Catalog):
    """A Catalog whose header is what a translator wants: no Babel placeholders, no
    "Generated-By" (it would change with Babel's version), the translator's own fields
    (Last-Translator, Language-Team, PO-Revision-Date, X-Generator ...) kept as they are."""

    kept: list[tuple[str, str]]

    def _get_mime_headers(self) -> list[tuple[str, str]]:
        kept = dict(getattr(self, "kept", []))
        out = [("Project-Id-Version", self.project)]
        # empty until the translator's tool (Poedit, Weblate, Lokalize) fills them
        for name in ("PO-Revision-Date", "Last-Translator"):
            out.append((name, kept.get(name, "")))
        out.append(("Language", str(self.locale_identifier)))
        out.append(("Language-Team", kept.get("Language-Team", "")))
        out += [("Plural-Forms", self.plural_forms), ("MIME-Version", "1.0"),
                ("Content-Type", f"text/plain; charset={self.charset}"),
                ("Content-Transfer-Encoding", "8bit")]
        out += [(k, v) for k, v in kept.items() if k.lower().startswith("x-")]
        return out[:-1] + [(out[-1][0], out[-1][1] + "\n")]  # the header ends with a newline


class _HeaderCapture(Catalog):
    """Reading side: keeps the header fields as written (Babel keeps only the ones it knows)."""

    def _set_mime_headers(self, headers):
        headers = list(headers)
        self.raw_headers = [(str(k), str(v)) for k, v in headers]
        super()._set_mime_headers(headers)


_PLACEHOLDERS = ("FULL NAME", "EMAIL@ADDRESS", "LL@li.org", "YEAR-MO-DA", "LANGUAGE <")


def read_for_sync(path: Path, display: str, diag: Collector) -> Catalog | None:
    """Read a catalog for rewriting it, keeping the translator's own header fields."""
    text = read_text(path, display, diag)
    if text is None or read_catalog(path, display, diag) is None:
        return None  # unreadable: reported by read_catalog
    cat = _HeaderCapture()
    PoFileParser(cat, abort_invalid=True).parse(io.BytesIO(text.encode("utf-8")))
    cat.kept = [(k, v) for k, v in getattr(cat, "raw_headers", [])
                if v and not any(p in v for p in _PLACEHOLDERS)]
    return cat


def split_comments(m: Message) -> tuple[str | None, list[str]]:
    """(previous msgid, translator comments) of a message as Babel read it: Babel's reader keeps
    `#| msgid "..."` lines as user comments starting with "|"; they may be wrapped."""
    prev, keep = [], []
    for c in m.user_comments:
        (prev if c.startswith("|") else keep).append(c)
    if m.previous_id:
        return m.previous_id[0], keep
    lines = [c[1:].strip() for c in prev]
    if not lines or not lines[0].startswith("msgid "):
        return None, keep
    parts = [lines[0][len("msgid "):]]
    for line in lines[1:]:
        if not line.startswith('"'):
            break  # msgid_plural or msgctxt: not used in these catalogs
        parts.append(line)
    return denormalize("\n".join(parts)), keep


def build_catalog(report: Report, lang: str, old: Catalog | None, result: SyncResult) -> Catalog:
    cat = ReportCatalog(locale=lang, project=report.id, fuzzy=False, charset="utf-8")
    cat.kept = getattr(old, "kept", []) if old else []
    cat.header_comment = (old.header_comment if old else
                          f"# {lang} translation of {report.id}.\n"
                          "# Keyed by content ID (msgctxt). Maintained by `build.py catalogs`.")
    # by ID only; an obsolete entry whose ID comes back is revived
    previous = {m.context: m for m in old.obsolete.values() if m.context} if old else {}
    previous.update(by_context(old) if old else {})
    current = set()
    numbers = number(report)
    where = places(report, numbers)
    for u in units(report):
        current.add(u.id)
        loc = (report.path, u.loc.line)
        m = previous.pop(u.id, None)
        flags, prev_id, string, comments = set(), None, "", []
        if m is None:
            result.new += 1
        else:
            string = m.string or ""
            flags = set(m.flags) - {"python-format"}
            prev_id, comments = split_comments(m)
            if m.id != u.text and string and "fuzzy" not in flags:
                flags.add("fuzzy")
                prev_id = m.id
                result.changed += 1
            elif m.id != u.text and string:
                prev_id = prev_id or m.id  # already fuzzy: keep the text it was translated from
                result.changed += 1
            if not string:
                flags.discard("fuzzy")
            if "fuzzy" not in flags:
                prev_id = None
        msg = Message(u.text, string, locations=[loc], flags=sorted(flags),
                      auto_comments=[where.get(u.id, "")], user_comments=comments,
                      previous_id=[prev_id] if prev_id else [], context=u.id)
        cat[u.text] = msg  # Babel keys by (msgid, msgctxt)
    if old:
        removed = [m for m in previous.values() if m.context not in current]
        for m in removed:
            if m.id and m.context and m.string:  # an empty entry has nothing worth keeping
                if (m.id, m.context) not in old.obsolete:
                    result.obsolete += 1
                m.locations, m.previous_id = [], []
                m.user_comments = split_comments(m)[1]
                cat.obsolete[(m.id, m.context)] = m
    return cat


def po_bytes(cat: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, cat, width=0, sort_output=False, include_previous=True, omit_header=False)
    return buf.getvalue()


def sync(report: Report, lang: str, project: Project, diag: Collector) -> SyncResult:
    from .output import write_atomic
    path = project.catalog_path(report.id, lang)
    result = SyncResult(project.rel(path))
    old = read_for_sync(path, project.rel(path), diag) if path.is_file() else None
    if path.is_file() and old is None:
        result.skipped = True  # unreadable: reported; never overwrite a translator's file
        return result
    data = po_bytes(build_catalog(report, lang, old, result))
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
        result.written = True
    return result
