"""House style of one language, read from locales/<lang>/style.yaml.

Babel supplies locale data (month names through CLDR date patterns); the UN rules that CLDR does
not follow (date ranges, list joining, numerals, the meeting line) are written in the style file
and applied here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from collections.abc import Mapping
from pathlib import Path

from babel.dates import format_date

from unreport.diagnostics import Collector, Loc
from unreport.lang.house import HouseStyle
from unreport.lang.memo import read_once
from unreport.lang.numerals import format_number
from unreport.project.paths import Project
from unreport.sources.typed import Reader, freeze, merge, plain
from unreport.sources.yamlsource import Value, read_text, read_yaml


def _from_house(name: str) -> property:
    """A read-only attribute of the typed house style, as `Style.<name>`."""
    return property(lambda self: getattr(self.house, name), doc=f"HouseStyle.{name}")


@dataclass(frozen=True)
class Style:
    """One language's house style: `house` the typed style (lang/house.py), which every
    reader uses; `data` the same merged style.yaml as read-only plain data, which templates
    receive as `style` (render/edition.py; kept for templates a project may have copied)
    and which fingerprints hash."""

    lang: str
    data: Mapping
    house: HouseStyle

    locale = _from_house("locale")
    name = _from_house("name")  # the language's name in the masthead language ("Chinese")
    edition_letter = _from_house("edition_letter")
    direction = _from_house("direction")
    numbers = _from_house("numbers")
    distribution_language = _from_house("distribution_language")
    states_sort_language = _from_house("states_sort_language")
    collation = _from_house("collation")

    def distribution_block(self, level: str, on: dt.date, edition: "Style", original: "Style",
                           translated: bool) -> dict:
        """The masthead's distribution block written in this language (the edition's
        `distribution_language`): `masthead.distribution` words per level, the date, the
        edition's language (`masthead.edition_language`, only in a translation) and
        `masthead.original`; language names from `masthead.language_names`, else each
        language's `name`."""
        m = self.house.masthead

        def name(s: "Style") -> str:
            return m.language_names.get(s.lang, s.name)

        def fill(fmt: str, language: str) -> str:
            return fmt.format(language=language, Language=language[:1].upper() + language[1:])

        level_words = getattr(m.distribution, level, None)
        return {
            "distribution": level_words or f"Distr.: {level.capitalize()}",
            "date": self.date(on),
            "edition_language": fill(m.edition_language, name(edition)) if translated else "",
            "original": fill(m.original, name(original)),
        }

    def fonts(self, fmt: str) -> Mapping:
        """The font of each role for one output format, as style.yaml writes it."""
        return self.house.fonts[fmt]

    def _format(self, d: dt.date, pattern: str) -> str:
        """Babel's format_date with the house style's own day and month words: `day_forms`
        ({1: "1er"}: the day field `d` of the first of a month) and `month_names` (twelve
        names for `MMMM`, e.g. the Arabic double names كانون الثاني/يناير ...)."""
        days = self.house.day_forms
        months = self.house.month_names

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
        return self._format(d, self.house.date)

    def date_range(self, start: dt.date, end: dt.date) -> str:
        if start == end:
            return self.date(start)
        if (start.year, start.month) == (end.year, end.month):
            case = "same_month"
        elif start.year == end.year:
            case = "same_year"
        else:
            case = "other"
        first, second = getattr(self.house.date_range, case)
        return self._format(start, first) + self._format(end, second)

    def meeting_line(self, place: str, start: dt.date, end: dt.date) -> str:
        return self.house.meeting_line.format(place=place, dates=self.date_range(start, end))

    def join(self, names: list[str]) -> str:
        """UN list joining: "A, B and C" (no serial comma); "A、B、C"."""
        rule = self.house.list
        if not names:
            return ""
        if len(names) == 1:
            return names[0]
        return rule.separator.join(names[:-1]) + rule.last_for(names[-1]) + names[-1]

    def inline_list(self, text: str, names: str, escape=lambda s: s) -> str:
        """A text followed by the list of States it names: `escape` turns the plain names and
        the house style's punctuation into the markup `text` is in."""
        rule = self.house.inline_list
        return text + escape(rule.before + names + rule.after)

    def number(self, kind: str, value: int, list_style: str = "", depth: int = 0) -> str:
        spec = self.house.numbers.of(kind, list_style, depth)
        return spec.format.format(format_number(value, spec.system))

    def reference(self, kind: str, value: int, list_style: str = "", depth: int = 0) -> str:
        """A number as a [[id]] cross-reference prints it in running text ("II", not "II.")."""
        if kind == "item":
            return self.number(kind, value, list_style, depth)
        refs = self.house.reference
        system = getattr(refs.system, kind) or self.house.numbers.of(kind).system
        return getattr(refs, kind).format(format_number(value, system))


_FIELDS = re.compile(r"'(?:[^']|'')*'|([A-Za-z])\1*")


def _quote(text: str) -> str:
    """A literal inside a CLDR date pattern."""
    return "'" + text.replace("'", "''") + "'"


def _read_root(project: Project, path: Path, diag: Collector) -> Value | None:
    """One style file's located root mapping (None when it cannot be read)."""
    display = project.rel(path)
    if not path.is_file():
        diag.error(Loc(display), f"missing house-style file; create {display}")
        return None
    text = read_text(path, display, diag)
    root = read_yaml(text, display, diag) if text is not None else None
    if root is not None and not isinstance(root.data, dict):
        diag.error(root.loc, "the file must be a mapping of settings (key: value)")
        return None
    return root


def layered_paths(project: Project, folder: str, rel: str) -> tuple[Path, ...]:
    """Every place a layered file may be (the tool's, then the project's), for memo keys."""
    return tuple(layer / rel for layer in reversed(project.layers(folder)))


def read_layered_values(project: Project, folder: str, rel: str, diag: Collector,
                        required=True) -> Value | None:
    """A YAML mapping shipped with the tool and overridden by the project key by key, merged
    as located values (each keeps the place of the file that sets it; a merged mapping the
    place of the most specific file's). A file that exists nowhere is an error naming both
    places (or, not `required`, None)."""
    paths = project.stack(folder, rel)
    if not paths:
        if required:
            places = " nor ".join(project.rel(layer / rel) for layer in project.layers(folder))
            diag.error(Loc(project.rel(project.root / folder / rel)),
                       f"missing file: it is in neither {places}; create it")
        return None
    merged = None
    for path in paths:
        merged = merge(merged, _read_root(project, path, diag))
    return merged


def read_layered(project: Project, folder: str, rel: str, diag: Collector, required=True):
    """The layered file as plain data: (the merged located root, the merged data)."""
    root = read_layered_values(project, folder, rel, diag, required)
    return root, (plain(root) or {})


def load_style(project: Project, lang: str) -> Style:
    """The base style (templates/base/style.yaml) merged with locales/<lang>/style.yaml, the
    tool's and the project's, key by key."""
    paths = layered_paths(project, "templates", "base/style.yaml") + \
        layered_paths(project, "locales", f"{lang}/style.yaml")
    return read_once("style", paths, lambda _diag: _load_style(project, lang))


def _load_style(project: Project, lang: str) -> Style:
    diag = Collector()
    base = read_layered_values(project, "templates", "base/style.yaml", diag)
    own = read_layered_values(project, "locales", f"{lang}/style.yaml", diag)
    diag.raise_if_errors()
    merged = merge(base, own)
    house = Reader(diag, "style", " (see locales/*/style.yaml)").read(HouseStyle, merged)
    diag.raise_if_errors()
    return Style(lang, freeze(plain(merged)), house)

