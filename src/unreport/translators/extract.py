"""Template strings: extract every gettext label ("Recommendation %(number)s", "[Untranslated]")
from the Jinja2 templates (`jinja2.ext.babel_extract`) and the Python code (Babel's extractor),
and bring `locales/<lang>/messages.po` in line with them.

Labels are keyed by msgid (they have no content ID); matching is by exact msgid only — Babel's
Catalog.update would fuzzy-match a new label to an old one's translation. A label no longer used
becomes obsolete; a new one an empty entry. `# Translators:` comments become `#.` comments.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import PYTHON_FORMAT
from babel.messages.extract import extract

from unreport.sources import po
from unreport.translators.catalogs import SyncOptions, SyncResult, finish, keep_header, read_old
from unreport.diagnostics import Collector
from unreport.project.paths import DATA, Project
from unreport.sources.yamlsource import read_text, read_yaml

PACKAGE = Path(__file__).resolve().parents[1]  # the unreport package
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2)}
TAGS = ("Translators:",)
JINJA_OPTIONS = {"extensions": "jinja2.ext.i18n", "trim_blocks": "true",
                 "lstrip_blocks": "true", "newstyle_gettext": "true"}


def extract_labels(project: Project) -> list[tuple[str, list[tuple[str, int]], list[str]]]:
    """(msgid, locations, comments) of every label, in file and line order; read once while
    the templates and house styles are unchanged (builds check the labels of every
    language)."""
    from unreport.lang.memo import read_once
    paths = tuple(project.files("templates", "**/*.j2")) + tuple(
        project.find("locales", f"{lang}/style.yaml") for lang in project.languages())
    return read_once("labels", paths, lambda _diag: _extract_labels(project))


def _extract_labels(project: Project) -> list[tuple[str, list[tuple[str, int]], list[str]]]:
    found: dict[str, tuple[list, list]] = {}
    # only the modules that call gettext: Babel's Python extractor tokenizes a whole file, and
    # the builds check the labels every run
    sources = [(p, "python", {}, f"{PACKAGE.name}/{p.relative_to(PACKAGE)}")
               for p in sorted(PACKAGE.rglob("*.py")) if _calls_gettext(p)]
    sources += [(p, "jinja2.ext:babel_extract", JINJA_OPTIONS, _shown(project, p))
                for p in project.files("templates", "**/*.j2")]
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
    for path in [project.find("locales", f"{lang}/style.yaml") for lang in project.languages()]:
        diag = Collector()  # a broken style file is reported by the build, not here
        text = read_text(path, project.rel(path), diag)
        root = read_yaml(text, project.rel(path), diag) if text is not None else None
        name = root.data.get("name") if root is not None and isinstance(root.data, dict) \
            else None
        if name is not None and isinstance(name.data, str):
            locs, notes = found.setdefault(name.data, ([], []))
            locs.append((_shown(project, path), name.loc.line))
            if note not in notes:
                notes.append(note)
    return [(m, locs, notes) for m, (locs, notes) in found.items()]


_CALL = re.compile(rb"(?<![\w.])(?:_|gettext|ngettext)\(")


def _calls_gettext(path: Path) -> bool:
    return _CALL.search(path.read_bytes()) is not None


def labels_language(project: Project) -> str | None:
    """The language the labels are written in (`labels_language` in the base house style)."""
    from unreport.lang.style import read_layered
    _root, base = read_layered(project, "templates", "base/style.yaml", Collector())
    return base.get("labels_language")


def _shown(project: Project, path: Path) -> str:
    """A file as its references name it: shipped files as `unreport/data/...` (like the code's
    `unreport/render/edition.py`), the project's own relative to its root."""
    try:
        return f"{PACKAGE.name}/{path.resolve().relative_to(PACKAGE).as_posix()}"
    except ValueError:
        return project.rel(path)


def label_catalog(project: Project, lang: str) -> Path | None:
    """The messages.po `catalogs` maintains for `lang`: the project's own, or (in the tool's
    own source tree) the shipped one; None when the tool ships it and the project does not
    override it (the labels are then the tool's business)."""
    own = project.locales_dir / lang / "messages.po"
    shipped = DATA / "locales" / lang / "messages.po"
    if own.is_file():
        return own
    if shipped.is_file():
        return shipped if shipped.resolve().is_relative_to(project.root.resolve()) else None
    return own


def label_languages(project: Project, targets: set[str]) -> list[str]:
    """Languages whose labels `catalogs` maintains: report targets and any with a messages.po,
    except the labels' own language, where label_catalog names a file."""
    have = {p.parent.name for layer in project.layers("locales")
            for p in layer.glob("*/messages.po")}
    langs = ((targets | have) & set(project.languages())) - {labels_language(project)}
    return sorted(lang for lang in langs if label_catalog(project, lang) is not None)


def sync_messages(project: Project, lang: str, labels, diag: Collector,
                  opts: SyncOptions | None = None) -> SyncResult:
    """Bring locales/<lang>/messages.po in line with the labels, by msgid. References name the
    file only (as `xgettext --add-location=file`), so editing the code does not change the
    catalog. A label with a `%(name)s` placeholder is a Python format string where it is
    used (Jinja's newstyle gettext formats every label): it is flagged python-format, so
    `msgfmt --check` makes sure the translation keeps the placeholder."""
    opts = opts or SyncOptions()
    path = label_catalog(project, lang)
    result = SyncResult(project.rel(path))
    old, readable = read_old(path, result.path, diag)
    if not readable:
        result.skipped = True
        return result
    cat = keep_header(old, lang, "unreport templates", f"# {lang} translation of the "
                      "template strings (labels).\n# Maintained by `build.py catalogs`.")
    previous: dict[str, po.Entry] = {}
    for e in (old.entries if old else []):
        if e.msgid and e.msgctxt is None and (e.msgid not in previous or not e.obsolete):
            previous[e.msgid] = e
    for msgid, locs, notes in labels:
        m = previous.pop(msgid, None)
        e = po.Entry(msgid)
        if m is None:
            result.new += 1
        else:
            e.msgstr, e.comments = m.msgstr, list(m.comments)
            e.flags = ["fuzzy"] if m.fuzzy and m.msgstr else []
            e.previous_msgid = m.previous_msgid if e.fuzzy else None
        if PYTHON_FORMAT.search(msgid):
            e.flags.append("python-format")
        e.extracted = list(notes)
        e.references = sorted({shown for shown, _line in locs})
        cat.entries.append(e)
    for m in previous.values():
        if m.msgstr or m.comments:
            if not m.obsolete:
                result.obsolete += 1
            m.obsolete, m.extracted, m.references = True, [], []
            cat.entries.append(m)
    result.data = po.dumps(cat)
    return finish(path, result, opts)


def check_labels(project: Project, lang: str, strict: bool, diag: Collector) -> None:
    """Every label translated in the language's messages.po: a warning per label that is not
    (the edition prints it as its msgid), an error under --strict."""
    from unreport.diagnostics import Loc
    from unreport.sources.catalog import read_catalog
    if lang == labels_language(project):
        return
    report = diag.error if strict else diag.warning
    path = project.find("locales", f"{lang}/messages.po")
    shown = project.rel(path)
    suffix = " (--strict)" if strict else ""
    if not path.is_file():
        report(Loc(shown), f"no label catalog for '{lang}': the {lang} editions print the "
                           f"labels untranslated; run 'build.py catalogs' and translate "
                           f"{shown}{suffix}")
        return
    cat = read_catalog(path, shown, diag)
    if cat is None:
        return
    entries = {e.msgid: e for e in cat.active() if e.msgctxt is None}
    for msgid, _locs, _notes in extract_labels(project):
        e = entries.get(msgid)
        if e is None:
            report(Loc(shown), f"label '{msgid}' is missing; run 'build.py catalogs' and "
                               f"translate it{suffix}")
        elif e.state() != po.TRANSLATED:
            what = "changed since it was translated" if e.state() == po.FUZZY else \
                "not translated"
            report(Loc(shown, e.line, 1), f"label '{msgid}' is {what}; the {lang} editions "
                                          f"print it untranslated{suffix}")
