"""House style of one language, read from locales/<lang>/style.yaml.

Babel supplies locale data (month names through CLDR date patterns); the UN rules that CLDR does
not follow (date ranges, list joining, numerals, the meeting line) are written in the style file
and applied here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date

from unreport.diagnostics import Collector, Loc
from unreport.lang.memo import read_once
from unreport.lang.numerals import SYSTEMS, format_number
from unreport.project.paths import Project
from unreport.sources.yamlsource import read_text, read_yaml

REQUIRED = ("locale", "name", "edition_letter", "date", "date_range", "meeting_line", "list",
            "numbers", "fonts")


@dataclass(frozen=True)
class Style:
    lang: str
    data: dict

    @property
    def locale(self) -> str:
        return self.data["locale"]

    @property
    def name(self) -> str:
        """The language's name in the masthead language (e.g. "Chinese")."""
        return self.data["name"]

    @property
    def edition_letter(self) -> str:
        return self.data["edition_letter"]

    @property
    def direction(self) -> str:
        return self.data.get("direction", "ltr")

    def distribution_block(self, level: str, on: dt.date, edition: "Style", original: "Style",
                           translated: bool) -> dict:
        """The masthead's distribution block written in this language (the edition's
        `distribution_language`): `masthead.distribution` words per level, the date, the
        edition's language (`masthead.edition_language`, only in a translation) and
        `masthead.original`; language names from `masthead.language_names`, else each
        language's `name`."""
        m = self.data.get("masthead") or {}
        names = m.get("language_names") or {}

        def name(s: "Style") -> str:
            return names.get(s.lang, s.name)

        def fill(fmt: str, language: str) -> str:
            return fmt.format(language=language, Language=language[:1].upper() + language[1:])

        level_words = (m.get("distribution") or {}).get(level)
        return {
            "distribution": level_words or f"Distr.: {level.capitalize()}",
            "date": self.date(on),
            "edition_language": fill(m.get("edition_language", "{Language}"), name(edition))
            if translated else "",
            "original": fill(m.get("original", "Original: {language}"), name(original)),
        }

    def fonts(self, fmt: str) -> dict:
        return self.data["fonts"][fmt]

    def _format(self, d: dt.date, pattern: str) -> str:
        """Babel's format_date with the house style's own day and month words: `day_forms`
        ({1: "1er"}: the day field `d` of the first of a month) and `month_names` (twelve
        names for `MMMM`, e.g. the Arabic double names كانون الثاني/يناير ...)."""
        days = {int(k): v for k, v in (self.data.get("day_forms") or {}).items()}
        months = self.data.get("month_names")

        def field(m: re.Match) -> str:
            tok = m.group(0)
            if tok.startswith("'"):
                return tok
            if tok == "d" and d.day in days:
                return _quote(str(days[d.day]))
            if tok == "MMMM" and months:
                return _quote(months[d.month - 1])
            return tok

        return format_date(d, _FIELDS.sub(field, pattern), locale=self.locale)

    def date(self, d: dt.date) -> str:
        return self._format(d, self.data["date"])

    def date_range(self, start: dt.date, end: dt.date) -> str:
        if start == end:
            return self.date(start)
        if (start.year, start.month) == (end.year, end.month):
            case = "same_month"
        elif start.year == end.year:
            case = "same_year"
        else:
            case = "other"
        first, second = self.data["date_range"][case]
        return self._format(start, first) + self._format(end, second)

    def meeting_line(self, place: str, start: dt.date, end: dt.date) -> str:
        return self.data["meeting_line"].format(place=place, dates=self.date_range(start, end))

    def join(self, names: list[str]) -> str:
        """UN list joining: "A, B and C" (no serial comma); "A、B、C"."""
        rule = self.data["list"]
        if not names:
            return ""
        if len(names) == 1:
            return names[0]
        return rule["separator"].join(names[:-1]) + self._last(rule, names[-1]) + names[-1]

    @staticmethod
    def _last(rule: dict, name: str) -> str:
        """The conjunction before the last name: `last`, or the first of `last_before` whose
        `pattern` (a regular expression) matches the start of that name (Spanish "y" becomes
        "e" before an i sound: "Chile e Italia")."""
        for alt in rule.get("last_before") or ():
            if re.match(alt["pattern"], name):
                return alt["last"]
        return rule["last"]

    def inline_list(self, text: str, names: str, escape=lambda s: s) -> str:
        """A text followed by the list of States it names: `escape` turns the plain names and
        the house style's punctuation into the markup `text` is in."""
        rule = self.data.get("inline_list", {"before": " ", "after": "."})
        return text + escape(rule["before"] + names + rule["after"])

    def number(self, kind: str, value: int, list_style: str = "", depth: int = 0) -> str:
        spec = self.data["numbers"][kind]
        if kind == "item":
            levels = spec[list_style]
            spec = levels[min(depth, len(levels) - 1)]
        return spec["format"].format(format_number(value, spec["system"]))

    def reference(self, kind: str, value: int, list_style: str = "", depth: int = 0) -> str:
        """A number as a [[id]] cross-reference prints it in running text ("II", not "II.")."""
        if kind == "item":
            return self.number(kind, value, list_style, depth)
        spec = self.data["numbers"][kind]
        fmt = self.data.get("reference", {}).get(kind, "{}")
        return fmt.format(format_number(value, spec["system"]))


_FIELDS = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*")


def _quote(text: str) -> str:
    """A literal inside a CLDR date pattern."""
    return "'" + text.replace("'", "''") + "'"


def _read_mapping(project: Project, path: Path, diag: Collector):
    display = project.rel(path)
    if not path.is_file():
        diag.error(Loc(display), f"missing house-style file; create {display}")
        return None, {}
    text = read_text(path, display, diag)
    root = read_yaml(text, display, diag) if text is not None else None
    data = _plain(root)
    if root is not None and not isinstance(data, dict):
        diag.error(root.loc, "style file must be a mapping of settings")
        return root, {}
    return root, data or {}


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def layered_paths(project: Project, folder: str, rel: str) -> tuple[Path, ...]:
    """Every place a layered file may be (the tool's, then the project's), for memo keys."""
    return tuple(layer / rel for layer in reversed(project.layers(folder)))


def read_layered(project: Project, folder: str, rel: str, diag: Collector, required=True):
    """A YAML mapping shipped with the tool and overridden by the project key by key: (the
    most specific file's root value, the merged data). A file that exists nowhere is an error
    naming both places (or, not `required`, empty data)."""
    paths = project.stack(folder, rel)
    if not paths:
        if required:
            places = " nor ".join(project.rel(layer / rel) for layer in project.layers(folder))
            diag.error(Loc(project.rel(project.root / folder / rel)),
                       f"missing file: it is in neither {places}; create it")
        return None, {}
    root, data = None, {}
    for path in paths:
        root, own = _read_mapping(project, path, diag)
        data = _merge(data, own)
    return root, data


def load_style(project: Project, lang: str) -> Style:
    """The base style (templates/base/style.yaml) merged with locales/<lang>/style.yaml, the
    tool's and the project's, key by key."""
    paths = layered_paths(project, "templates", "base/style.yaml") + \
        layered_paths(project, "locales", f"{lang}/style.yaml")
    return read_once("style", paths, lambda _diag: _load_style(project, lang))


def _load_style(project: Project, lang: str) -> Style:
    diag = Collector()
    base_root, base = read_layered(project, "templates", "base/style.yaml", diag)
    root, own = read_layered(project, "locales", f"{lang}/style.yaml", diag)
    diag.raise_if_errors()
    data = _merge(base, own)
    from unreport.lang.style_check import check_style
    check_style(data, [root, base_root],
                project.rel(project.find("locales", f"{lang}/style.yaml")), diag)
    diag.raise_if_errors()
    for key in REQUIRED:
        if key not in data:
            diag.error(root.loc, f"style is missing '{key}'; add it (see locales/*/style.yaml)")
    for kind, spec in data.get("numbers", {}).items():
        specs = [s for lv in spec.values() for s in lv] if kind == "item" else [spec]
        for s in specs:
            if s.get("system") not in SYSTEMS:
                diag.error(root.loc, f"numbers.{kind}: unknown numeral system "
                                                     f"'{s.get('system')}'")
    diag.raise_if_errors()
    return Style(lang, data)


def _plain(v):
    if v is None:
        return None
    if isinstance(v.data, dict):
        return {k: _plain(x) for k, x in v.data.items()}
    if isinstance(v.data, list):
        return [_plain(x) for x in v.data]
    return v.data
