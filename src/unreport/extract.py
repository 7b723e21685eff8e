"""Template strings: extract every gettext label ("Recommendation %(number)s", "[Untranslated]")
from the Jinja2 templates (`jinja2.ext.babel_extract`) and the Python code (Babel's extractor),
and bring `locales/<lang>/messages.po` in line with them.

Labels are keyed by msgid (they have no content ID); matching is by exact msgid only — Babel's
Catalog.update would fuzzy-match a new label to an old one's translation. A label no longer used
becomes obsolete; a new one an empty entry. `# Translators:` comments become `#.` comments.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.extract import extract

from .catalogs import ReportCatalog, SyncResult, po_bytes, read_for_sync, split_comments
from .errors import Collector
from .output import write_atomic
from .project import Project
from .yamlsource import read_text, read_yaml

PACKAGE = Path(__file__).resolve().parent
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}
TAGS = ("Translators:",)
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true",
                 "lstrip_blocks": "true", "newstyle_gettext": "true"}


def extract_labels(project: Project) -> list[tuple[str, list[tuple[str, int]], list[str]]]:
    """(msgid, locations, comments) of every label, in file and line order."""
    found: dict[str, tuple[list, list]] = {}
    sources = [(p, "python", {}, f"{PACKAGE.name}/{p.relative_to(PACKAGE)}")
               for p in sorted(PACKAGE.rglob("*.py"))]
    sources += [(p, "jinja2.ext:babel_extract", JINJA_OPTIONS, project.rel(p))
                for p in sorted(project.templates_dir.rglob("*.j2"))]
    for path, method, options, shown in sources:
        with path.open("rb") as f:
            for lineno, msgid, comments, _ctx in extract(method, f, KEYWORDS, TAGS, options,
                                                         strip_comment_tags=True):
                msgid = msgid[0] if isinstance(msgid, tuple) else msgid
                locs, notes = found.setdefault(msgid, ([], []))
                locs.append((shown, lineno))
                notes.extend(c for c in comments if c not in notes)
    # language names (`name` in locales/<lang>/style.yaml), printed in the reader's language
    # where a text names a language, as in an annex's "[Original: English]"
    note = "the name of a language, as in an annex's \"[Original: English]\""
    for path in sorted(project.locales_dir.glob("*/style.yaml")):
        diag = Collector()  # a broken style file is reported by the build, not here
        text = read_text(path, project.rel(path), diag)
        root = read_yaml(text, project.rel(path), diag) if text is not None else None
        name = root.data.get("name") if root is not None and isinstance(root.data, dict) \
            else None
        if name is not None and isinstance(name.data, str):
            locs, notes = found.setdefault(name.data, ([], []))
            locs.append((project.rel(path), name.loc.line))
            if note not in notes:
                notes.append(note)
    return [(m, locs, notes) for m, (locs, notes) in found.items()]


def label_languages(project: Project, targets: set[str]) -> list[str]:
    """Languages whose labels are translated: report targets, and any with a messages.po."""
    have = {p.parent.name for p in project.locales_dir.glob("*/messages.po")}
    return sorted((targets | have) & set(project.languages()))


def sync_messages(project: Project, lang: str, labels, diag: Collector) -> SyncResult:
    path = project.locales_dir / lang / "messages.po"
    result = SyncResult(project.rel(path))
    old = read_for_sync(path, result.path, diag) if path.is_file() else None
    if path.is_file() and old is None:
        result.skipped = True
        return result
    cat = ReportCatalog(locale=lang, project="unreport templates", fuzzy=False, charset="utf-8")
    cat.kept = getattr(old, "kept", []) if old else []
    cat.header_comment = (old.header_comment if old else f"# {lang} translation of the "
                          "template strings (labels).\n# Maintained by `build.py catalogs`.")
    previous = {m.id: m for m in (list(old.obsolete.values()) + list(old)) if m.id} if old \
        else {}
    for msgid, locs, notes in labels:
        m = previous.pop(msgid, None)
        string, flags, comments = "", set(), []
        if m is None:
            result.new += 1
        else:
            string, comments = m.string or "", split_comments(m)[1]
            flags = set(m.flags) & {"fuzzy"} if string else set()
        cat[msgid] = Message(msgid, string, locations=locs, flags=sorted(flags),
                             auto_comments=notes, user_comments=comments)
    for m in previous.values():
        if m.string:
            if old is not None and m.id not in old.obsolete:
                result.obsolete += 1
            m.locations, m.auto_comments = [], []
            cat.obsolete[m.id] = m
    data = po_bytes(cat)
    if not path.is_file() or path.read_bytes() != data:
        write_atomic(path, data)
        result.written = True
    return result
