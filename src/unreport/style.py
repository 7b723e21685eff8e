"""House style of one language, read from locales/<lang>/style.yaml.

Babel supplies locale data (month names through CLDR date patterns); the UN rules that CLDR does
not follow (date ranges, list joining, numerals, the meeting line) are written in the style file
and applied here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from babel.dates import format_date

from .errors import Collector, Loc
from .langdata import read_once
from .numerals import SYSTEMS, format_number
from .project import Project
from .yamlsource import read_text, read_yaml

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

    def fonts(self, fmt: str) -> dict:
        return self.data["fonts"][fmt]

    def date(self, d: dt.date) -> str:
        return format_date(d, self.data["date"], locale=self.locale)

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
        return format_date(start, first, locale=self.locale) + \
            format_date(end, second, locale=self.locale)

    def meeting_line(self, place: str, start: dt.date, end: dt.date) -> str:
        return self.data["meeting_line"].format(place=place, dates=self.date_range(start, end))

    def join(self, names: list[str]) -> str:
        """UN list joining: "A, B and C" (no serial comma); "A、B、C"."""
        rule = self.data["list"]
        if not names:
            return ""
        if len(names) == 1:
            return names[0]
        return rule["separator"].join(names[:-1]) + rule["last"] + names[-1]

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


def load_style(project: Project, lang: str) -> Style:
    """The base style (templates/base/style.yaml) merged with locales/<lang>/style.yaml."""
    paths = (project.templates_dir / "base" / "style.yaml",
             project.locales_dir / lang / "style.yaml")
    return read_once("style", paths, lambda _diag: _load_style(project, lang))


def _load_style(project: Project, lang: str) -> Style:
    diag = Collector()
    base_root, base = _read_mapping(project, project.templates_dir / "base" / "style.yaml", diag)
    root, own = _read_mapping(project, project.locales_dir / lang / "style.yaml", diag)
    diag.raise_if_errors()
    data = _merge(base, own)
    from .style_check import check_style
    check_style(data, [root, base_root], project.rel(project.locales_dir / lang / "style.yaml"),
                diag)
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
