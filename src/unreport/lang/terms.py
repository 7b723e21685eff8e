"""Terminology: official names of States and other participants, per language.

locales/<lang>/terms.yaml maps a code (ISO 3166 alpha-3 for States, or a key such as EU) to the
UN short name, optionally with earlier names and the date they ended, so a report prints the
name in force on its date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unreport.diagnostics import Collector, Loc
from unreport.lang.house import Collation
from unreport.lang.memo import read_once
from unreport.project.paths import Project
from unreport.sources.yamlsource import read_text, read_yaml


@dataclass(frozen=True)
class Terms:
    lang: str
    path: str
    names: dict  # code -> str | {"name": str, "former": [{"name", "until"}]}

    def name(self, code: str, on: dt.date) -> str | None:
        entry = self.names.get(code)
        if entry is None or isinstance(entry, str):
            return entry
        for former in sorted(entry.get("former", []), key=lambda f: f["until"]):
            if on < former["until"]:
                return former["name"]
        return entry["name"]


def load_terms(project: Project, lang: str, diag: Collector) -> Terms:
    """The language's terms: the tool's file, with the project's names added or replacing
    them code by code."""
    from unreport.lang.style import layered_paths
    rel = f"{lang}/terms.yaml"
    return read_once("terms", layered_paths(project, "locales", rel),
                     lambda local: _load_layered(project, lang, rel, local), diag)


def _load_layered(project: Project, lang: str, rel: str, diag: Collector) -> Terms:
    paths = project.stack("locales", rel)
    terms = Terms(lang, project.rel(project.find("locales", rel)), {})
    for path in paths:
        own = _load_terms(project, lang, path, diag)
        terms = Terms(lang, own.path, {**terms.names, **own.names})
    return terms


def _load_terms(project: Project, lang: str, path, diag: Collector) -> Terms:
    display = project.rel(path)
    if not path.is_file():
        return Terms(lang, display, {})
    text = read_text(path, display, diag)
    root = read_yaml(text, display, diag) if text is not None else None
    if root is None:
        return Terms(lang, display, {})
    terms = root.data.get("terms") if isinstance(root.data, dict) else None
    if terms is None or not isinstance(terms.data, dict):
        diag.error(root.loc, "terminology file needs a 'terms:' mapping of code: name")
        return Terms(lang, display, {})
    names = {}
    for code, v in terms.data.items():
        if isinstance(v.data, str):
            names[code] = v.data
        elif isinstance(v.data, dict) and isinstance(v.data.get("name") and v.data["name"].data,
                                                     str):
            former = []
            fv = v.data.get("former")
            if fv is not None and not isinstance(fv.data, list):
                diag.error(fv.loc, f"former names of '{code}' must be a list of "
                                   "{name: ..., until: YYYY-MM-DD}")
                fv = None
            for f in (fv.data if fv is not None else []):
                fd = f.data if isinstance(f.data, dict) else {}
                if isinstance(fd.get("until") and fd["until"].data, dt.date) and \
                        isinstance(fd.get("name") and fd["name"].data, str):
                    former.append({"name": fd["name"].data, "until": fd["until"].data})
                else:
                    diag.error(f.loc, "a former name needs 'name:' and 'until: YYYY-MM-DD'")
            names[code] = {"name": v.data["name"].data, "former": former}
        else:
            diag.error(v.loc, f"term '{code}' must be a name or a mapping with 'name:'")
    return Terms(lang, display, names)


def check_codes(codes, loc: Loc, terms: Terms, on: dt.date, diag: Collector) -> list[str]:
    out = []
    for code in codes:
        name = terms.name(code, on)
        if name is None and not terms.names:  # one root cause, not one error per code
            diag.error(Loc(terms.path), "no names of States could be read from this file (see "
                                        "any error above); add it or fix it")
            name = code
        elif name is None:
            diag.error(loc, f"no name for '{code}' in {terms.path}; add it there or fix the code")
            name = code
        out.append(name)
    return out


_COLLATOR = None


def collation_key(collation: Collation | None = None):
    """A sort key for names in one language: the Unicode Collation Algorithm (pyuca, the
    DUCET table) applied after the language's `collation` rules from its style.yaml:
    `ignore_prefixes` (Arabic sorts "الأرجنتين" under أ, without its article) and
    `equivalents` (letters that sort as another: أ إ آ as ا). The exact text breaks ties."""
    global _COLLATOR
    if _COLLATOR is None:
        from pyuca import Collator
        _COLLATOR = Collator()
    rules = collation or Collation()
    prefixes = rules.ignore_prefixes
    equivalents = dict(rules.equivalents)

    def key(name: str) -> tuple:
        s = name
        for prefix in prefixes:
            if s.startswith(prefix) and len(s) > len(prefix):
                s = s[len(prefix):]
                break
        for a, b in equivalents.items():
            s = s.replace(a, b)
        return (tuple(_COLLATOR.sort_key(s)), name)
    return key


def order_codes(codes, order: str, sort_terms: Terms, on: dt.date,
                collation: Collation | None = None) -> tuple:
    """The codes in the order given, or sorted by their names in `sort_terms`' language
    (house style `states_sort_language`: each edition's own language, English for Chinese),
    with that language's `collation` rules. Codes without a name keep their place at the
    end, in the order given."""
    if order != "name":
        return tuple(codes)
    named = [c for c in codes if sort_terms.name(c, on) is not None]
    rest = [c for c in codes if sort_terms.name(c, on) is None]
    key = collation_key(collation)
    return tuple(sorted(named, key=lambda c: key(sort_terms.name(c, on)))) + tuple(rest)
