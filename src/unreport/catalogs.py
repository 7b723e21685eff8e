"""`build.py catalogs`: bring every PO catalog in line with the content, matching by ID only.

New ID -> empty entry; changed source -> fuzzy, the old source kept as `#| msgid`, translation
kept; removed ID -> obsolete (`#~`). Entries in document order, with the entry's place (`#.`) and
its content line (`#:`). Babel's Catalog.update is not used: it fuzzy-matches on text across IDs.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import write_po

from .errors import Collector
from .model import Report, units
from .number import number
from .places import places
from .project import Project
from .translate import by_context, read_catalog


@dataclass
class SyncResult:
    path: str
    new: int = 0
    changed: int = 0
    obsolete: int = 0
    written: bool = False


def build_catalog(report: Report, lang: str, old: Catalog | None, result: SyncResult) -> Catalog:
    when = dt.datetime.combine(report.meta.date, dt.time(), tzinfo=dt.timezone.utc)
    cat = Catalog(locale=lang, project=report.id, version=None, fuzzy=False,
                  creation_date=old.creation_date if old else when,
                  revision_date=old.revision_date if old else when,
                  last_translator=old.last_translator if old else "",
                  language_team=old.language_team if old else "",
                  msgid_bugs_address="", copyright_holder="United Nations",
                  charset="utf-8")
    cat.header_comment = (old.header_comment if old else
                          f"# {lang} translation of {report.id}.\n"
                          "# Keyed by content ID (msgctxt). Maintained by `build.py catalogs`.")
    previous = by_context(old) if old else {}
    numbers = number(report)
    where = places(report, numbers)
    for u in units(report):
        loc = (report.path, u.loc.line)
        m = previous.pop(u.id, None)
        flags, prev_id, string = set(), None, ""
        if m is None:
            result.new += 1
        else:
            string = m.string or ""
            flags = set(m.flags) - {"python-format"}
            prev_id = m.previous_id[0] if m.previous_id else None
            if m.id != u.text:
                if string:
                    flags.add("fuzzy")
                    prev_id = prev_id or m.id
                    result.changed += 1
        msg = Message(u.text, string, locations=[loc], flags=sorted(flags),
                      auto_comments=[where.get(u.id, "")], previous_id=[prev_id] if prev_id
                      else [], context=u.id)
        cat[u.text] = msg  # Babel keys by (msgid, msgctxt)
    if old:
        for m in list(old.obsolete.values()) + list(previous.values()):
            if m.id and m.context and m.string:
                if m.context in previous:
                    result.obsolete += 1
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
    old = read_catalog(path, project.rel(path), diag) if path.is_file() else None
    if path.is_file() and old is None:
        return result  # unreadable: reported; never overwrite a translator's file
    data = po_bytes(build_catalog(report, lang, old, result))
    if not path.is_file() or path.read_bytes() != data:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
        result.written = True
    return result
