"""`build.py catalogs`: bring every PO catalog in line with the content, matching by ID.

- New ID -> an entry filled from the translation memory when some catalog of the language
  holds the same (or a close) source text (memory.py), else an empty entry.
- Changed source -> fuzzy, the text it was translated from kept as `#| msgid`, translation kept.
- Removed ID -> obsolete (`#~`), its translation kept; an obsolete entry whose ID comes back
  is revived. Obsolete entries are never deleted.
- Renamed ID (a new ID whose source text is that of an obsolete entry) -> the old entry's
  translation, fuzzy, with the old ID as `#| msgctxt`.
- Entries that lost their msgctxt (translate-toolkit's po2xliff/xliff2po round trip does
  that) -> matched back to the IDs whose source is their msgid (fuzzy), else kept obsolete.

Entries stand in document order with their place (`#.`) and content line (`#:`); the file is
written in GNU gettext's layout (po.py). Babel's Catalog.update is not used: it fuzzy-matches
on text across IDs and can hand one paragraph's translation to another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.plurals import get_plural

from unreport.sources import po
from unreport.diagnostics import Collector, Loc
from unreport.model.nodes import Report, units
from unreport.model.number import number
from unreport.translators.places import places
from unreport.project.paths import Project
from unreport.sources.catalog import read_catalog


@dataclass
class SyncResult:
    path: str
    new: int = 0
    changed: int = 0
    obsolete: int = 0
    memory: int = 0  # new entries filled from the translation memory
    renamed: int = 0
    recovered: int = 0  # entries that had lost their msgctxt, matched back to their ID
    revived: int = 0  # obsolete entries whose ID came back
    written: bool = False  # the file was (or, with --check, would be) rewritten
    skipped: bool = False  # unreadable: reported, left as it is
    data: bytes | None = None  # the file's new bytes


@dataclass
class SyncOptions:
    memory: str = "fuzzy"  # "fuzzy" | "exact" (exact matches count as translated) | "off"
    check: bool = False  # --check: say what would change, write nothing


def new_header(lang: str, project_id: str) -> list[tuple[str, str]]:
    """A new catalog's header: what gettext tools expect, nothing that changes with versions;
    the translator's tool (Poedit, Weblate, Lokalize) fills in the rest."""
    try:
        plural = get_plural(lang).plural_forms
    except ValueError:  # a locale Babel does not know
        plural = "nplurals=2; plural=(n != 1);"
    return [("Project-Id-Version", project_id), ("PO-Revision-Date", ""),
            ("Last-Translator", ""), ("Language", lang), ("Language-Team", ""),
            ("Plural-Forms", plural), ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit")]


def keep_header(old: po.Catalog | None, lang: str, project_id: str, comment: str
                ) -> po.Catalog:
    """A catalog with the old file's header (every field as the translator's tool wrote it)
    or a new one."""
    if old is None:
        return po.Catalog(header_comments=comment.splitlines(),
                          header=new_header(lang, project_id))
    header = list(old.header)
    if old.header_value("Language") is None:
        header.append(("Language", lang))
    return po.Catalog(header_comments=list(old.header_comments),
                      header_flags=list(old.header_flags), header=header)


def read_old(path: Path, display: str, diag: Collector) -> tuple[po.Catalog | None, bool]:
    """(the catalog, readable): (None, True) when there is no file yet."""
    if not path.is_file():
        return None, True
    cat = read_catalog(path, display, diag)
    return cat, cat is not None


@dataclass
class _Old:
    """What an old catalog offers the sync."""

    by_id: dict[str, po.Entry] = field(default_factory=dict)
    obsolete: list[po.Entry] = field(default_factory=list)
    orphans: list[po.Entry] = field(default_factory=list)  # active entries without msgctxt

    @classmethod
    def of(cls, cat: po.Catalog | None) -> "_Old":
        out = cls()
        if cat is None:
            return out
        for e in cat.entries:
            if not e.msgid:
                continue
            if lost_id(e.msgctxt):
                # no ID: translate-toolkit's xliff2po drops msgctxt, writes msgctxt "" for
                # a repeated msgid, or the #: reference ("content/x.yaml:50") as msgctxt
                e.msgctxt = None
                (out.orphans if not e.obsolete else out.obsolete).append(e)
            elif e.obsolete:
                out.obsolete.append(e)
            else:
                out.by_id.setdefault(e.msgctxt, e)
        return out

    def revive(self, ident: str, text: str) -> po.Entry | None:
        """The obsolete entry of this ID (the one translated from `text` if there are several)."""
        mine = [e for e in self.obsolete if e.msgctxt == ident]
        if not mine:
            return None
        best = next((e for e in mine if e.msgid == text), mine[-1])
        self.obsolete.remove(best)
        best.obsolete = False
        return best


def lost_id(msgctxt: str | None) -> bool:
    """A msgctxt that cannot be a content ID: missing, empty, or a file reference."""
    from unreport.model.inline import ID_RE
    return msgctxt is None or not ID_RE.match(msgctxt)


def build_catalog(report: Report, lang: str, old: po.Catalog | None, result: SyncResult,
                  memory=None, opts: SyncOptions | None = None, diag: Collector | None = None
                  ) -> po.Catalog:
    """The catalog of `report` in `lang`, from the content and the old catalog."""
    opts = opts or SyncOptions()
    cat = keep_header(old, lang, report.id, f"# {lang} translation of {report.id}.\n"
                      "# Keyed by content ID (msgctxt). Maintained by `build.py catalogs`.")
    prev = _Old.of(old)
    all_units = list(units(report))
    current = {u.id for u in all_units}
    where = places(report, number(report))
    removed = [e for ident, e in prev.by_id.items() if ident not in current]
    orphans_by_text: dict[str, list[po.Entry]] = {}
    for e in prev.orphans:
        orphans_by_text.setdefault(e.msgid, []).append(e)
    used_orphans: set[int] = set()
    for u in all_units:
        m = prev.by_id.get(u.id)
        if m is None:
            m = prev.revive(u.id, u.text)
            result.revived += m is not None
        if m is not None:
            e = _update(m, u.text, result)
        else:
            e = _recover(u, f"{report.path}:{u.loc.line}", prev, removed, orphans_by_text,
                         used_orphans, result, memory, opts)
        e.msgctxt, e.obsolete = u.id, False
        e.references = [f"{report.path}:{u.loc.line}"]
        e.extracted = [where.get(u.id, "")] if where.get(u.id) else []
        if e.previous_msgctxt is not None and e.previous_msgctxt != u.id:
            e.extracted.append(f"renamed: was {e.previous_msgctxt}")
        cat.entries.append(e)
    # removed IDs become obsolete; obsolete entries stay; entries without msgctxt that no ID
    # took are kept as obsolete
    obsolete = list(prev.obsolete)
    for e in removed + [o for o in prev.orphans if id(o) not in used_orphans]:
        if e.msgstr or e.comments:  # an empty entry has nothing worth keeping
            if e in removed:
                result.obsolete += 1
            obsolete = [o for o in obsolete if (o.msgctxt, o.msgid) != (e.msgctxt, e.msgid)]
            obsolete.append(_obsolete(e))
    cat.entries += obsolete
    if prev.orphans and diag is not None:
        matched = len(used_orphans)
        diag.warning(Loc(result.path), f"{len(prev.orphans)} entr"
                     f"{'y' if len(prev.orphans) == 1 else 'ies'} had no msgctxt (the content "
                     f"ID; a PO or XLIFF round trip may drop it): {matched} matched to the IDs whose source is their msgid (marked "
                     f"fuzzy for review), {len(prev.orphans) - matched} kept as obsolete; "
                     "check them in your PO editor")
    return cat


def _update(m: po.Entry, text: str, result: SyncResult) -> po.Entry:
    """An existing entry of this ID, brought in line with the current source text."""
    e = po.Entry(text, m.msgstr, flags=po.without_format_flags(m.flags),
                 comments=list(m.comments), previous_msgctxt=m.previous_msgctxt,
                 previous_msgid=m.previous_msgid)
    if m.msgid != text and m.msgstr:
        result.changed += 1
        # already fuzzy with its previous source: keep the text it was translated from
        if not (m.fuzzy and m.previous_msgid is not None):
            e.previous_msgctxt, e.previous_msgid = m.msgctxt, m.msgid
        e.set_fuzzy(True)
    if not e.msgstr:
        e.set_fuzzy(False)
    if not e.fuzzy:
        e.previous_msgid = e.previous_msgctxt = None
    elif e.previous_msgid == text and e.previous_msgctxt in (None, m.msgctxt):
        # translated from this very text: nothing to compare
        e.previous_msgid = e.previous_msgctxt = None
    return e


def _recover(u, ref: str, prev: _Old, removed, orphans_by_text, used_orphans, result, memory,
             opts: SyncOptions) -> po.Entry:
    """A new ID: its translation from a lost msgctxt, a rename, the memory, or nothing."""
    candidates = [o for o in orphans_by_text.get(u.text, []) if o.msgstr]
    # the entry whose #: reference is this text's line, when several have the same source
    orphan = next((o for o in candidates if ref in o.references and id(o) not in used_orphans),
                  None) or next((o for o in candidates if id(o) not in used_orphans),
                                candidates[0] if candidates else None)
    if orphan is not None:
        used_orphans.add(id(orphan))
        e = po.Entry(u.text, orphan.msgstr, flags=po.without_format_flags(orphan.flags),
                     comments=list(orphan.comments))
        e.set_fuzzy(True)
        result.recovered += 1
        return e
    renamed = next((o for o in reversed(removed + prev.obsolete)
                    if o.msgid == u.text and o.msgstr and o.msgctxt and o.msgctxt != u.id), None)
    if renamed is not None:
        result.renamed += 1
        result.new += 1
        e = po.Entry(u.text, renamed.msgstr, comments=list(renamed.comments),
                     previous_msgctxt=renamed.msgctxt, previous_msgid=renamed.msgid)
        e.set_fuzzy(True)
        return e
    result.new += 1
    if memory is not None and opts.memory != "off":
        hit = memory.lookup(u.text)
        if hit is not None:
            result.memory += 1
            e = po.Entry(u.text, hit.msgstr, comments=[hit.note()])
            if hit.score < 100:
                e.previous_msgid = hit.msgid
            e.set_fuzzy(not (hit.score == 100 and opts.memory == "exact"))
            return e
    return po.Entry(u.text)


def _obsolete(e: po.Entry) -> po.Entry:
    return po.Entry(e.msgid, e.msgstr, msgctxt=e.msgctxt, flags=list(e.flags),
                    comments=list(e.comments), previous_msgctxt=e.previous_msgctxt,
                    previous_msgid=e.previous_msgid, obsolete=True,
                    msgid_plural=e.msgid_plural, msgstr_plural=dict(e.msgstr_plural))


def sync(report: Report, lang: str, project: Project, diag: Collector, memory=None,
         opts: SyncOptions | None = None) -> SyncResult:
    """Bring one catalog in line; writes it unless `opts.check` (then only says whether it
    would change)."""
    opts = opts or SyncOptions()
    path = project.catalog_path(report.id, lang)
    result = SyncResult(project.rel(path))
    old, readable = read_old(path, result.path, diag)
    if not readable:
        result.skipped = True  # unreadable: reported; never overwrite a translator's file
        return result
    result.data = po.dumps(build_catalog(report, lang, old, result, memory, opts, diag))
    return finish(path, result, opts)


def finish(path: Path, result: SyncResult, opts: SyncOptions) -> SyncResult:
    """Write the new bytes when they differ (not under --check)."""
    from unreport.files import write_atomic
    if not path.is_file() or path.read_bytes() != result.data:
        result.written = True
        if not opts.check:
            write_atomic(path, result.data)
    return result


def po_bytes(catalog) -> bytes:
    """A catalog made with Babel's `Catalog` (msgctxt = ID) as PO bytes in GNU gettext's
    layout (po.py). For tools that assemble a catalog themselves, such as `import`."""
    if isinstance(catalog, po.Catalog):
        return po.dumps(catalog)
    lang = str(catalog.locale_identifier or catalog.locale or "")
    comment = catalog.header_comment or ""
    if "EMAIL@ADDRESS" in comment or "ORGANIZATION" in comment:  # Babel's dated placeholder
        comment = f"# {lang} translation of {catalog.project}."
    out = po.Catalog(header_comments=comment.splitlines(),
                     header=new_header(lang, catalog.project or ""))
    for m in catalog:
        if not m.id:
            continue
        out.entries.append(po.Entry(
            m.id if isinstance(m.id, str) else m.id[0],
            m.string if isinstance(m.string, str) else (m.string[0] if m.string else ""),
            msgctxt=m.context, flags=po.without_format_flags(sorted(m.flags)),
            comments=list(m.user_comments), extracted=list(m.auto_comments),
            references=[f"{f}:{n}" if n else f for f, n in m.locations]))
    return po.dumps(out)
