"""The house style of one language as typed, frozen data: templates/base/style.yaml merged with
locales/<lang>/style.yaml (the tool's and the project's, key by key), read once by
sources/typed.py with every problem located in the file that sets the key.

These dataclasses are the one description of style.yaml: the readers use their attributes,
and src/unreport/data/schema/style.schema.json (for editors) is written from them
(`python -m unreport.lang.house`; tests/lang/test_style_schema.py keeps the two in step).

House-style strings are format strings with a few documented fields only: `meeting_line`
takes `{place}` and `{dates}`, a number's `format` and a `reference` one positional `{}`, the
masthead's `edition_language` and `original` `{language}` and `{Language}`. Attribute and index
access (`{place.__class__}`, `{dates[0]}`), conversions (`{place!r}`), format specs
(`{place:>999999999}`) and other names are refused when the style is read, so that formatting
at render time can neither run code nor fail.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from unreport.lang.numerals import SYSTEMS
from unreport.sources.typed import ReadOnlyDict

MEETING_FIELDS = ("place", "dates")
LANGUAGE_FIELDS = ("language", "Language")
EMPTY: Mapping = ReadOnlyDict()


def format_problem(text: str, allowed: tuple[str, ...]) -> str | None:
    """What is wrong with a house-style format string, or None."""
    what = ", ".join(f"{{{a}}}" for a in allowed)
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        return f"'{text}' is not a valid pattern ({exc}); write {{{{ and }}}} for braces"
    used = 0
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in allowed:
            return (f"'{{{name}}}' is not a field of this pattern; use only {what} "
                    "(no attribute, index or other name)")
        if spec or conversion:
            return f"'{text}': write {what} without a format spec or conversion"
        used += 1
    if "" in allowed and used > 1:
        return f"'{text}' has {used} fields; write one {{}} for the number"
    return None


def _pattern(*allowed: str):
    return lambda text: format_problem(text, allowed)


def _locale(text: str) -> str | None:
    from babel import Locale, UnknownLocaleError
    try:
        Locale.parse(text)
    except (UnknownLocaleError, ValueError, TypeError):
        return (f"unknown locale '{text}'; write a CLDR locale such as en_GB, fr_FR or "
                "zh_Hans_CN")
    return None


def _system(name: str) -> str | None:
    if name not in SYSTEMS:
        return f"unknown numeral system '{name}'; use one of {', '.join(sorted(SYSTEMS))}"
    return None


def _regex(text: str) -> str | None:
    try:
        re.compile(text)
    except re.error as exc:
        return f"'{text}' is not a regular expression ({exc})"
    return None


def _positive(size: float) -> str | None:
    return None if size > 0 else f"must be a size in points, not {size!r}"


def _days(forms: Mapping) -> str | None:
    bad = next((d for d in forms if not 1 <= d <= 31), None)
    return f"{bad} is not a day of a month (1 to 31)" if bad is not None else None


def doc(text: str, **more) -> dict:
    return {"doc": " ".join(text.split()), **more}


@dataclass(frozen=True)
class NumberFormat:
    """How one kind of number prints: a numeral system and a format with one {}."""

    system: str = field(metadata=doc("Numeral system.", check=_system,
                                     schema={"enum": sorted(SYSTEMS)}))
    format: str = field(metadata=doc('The number in its punctuation: "{}.", "({})".',
                                     check=_pattern("")))


LEVELS = doc("List levels, outermost first: the deepest level repeats below it.",
             expect="a list of levels, each {system: ..., format: ...}",
             schema={"minItems": 1})


@dataclass(frozen=True)
class Numbers:
    """Printed numbers: numeral system and format per kind of block."""

    chapter: NumberFormat
    section: NumberFormat
    subsection: NumberFormat
    para: NumberFormat
    recommendation: NumberFormat
    annex: NumberFormat
    table: NumberFormat
    item: Mapping[str, tuple[NumberFormat, ...]] = field(metadata=doc(
        "List items per list style (`style:` of a list in the content): the levels of each.",
        values=LEVELS))

    def of(self, kind: str, list_style: str = "", depth: int = 0) -> NumberFormat:
        """The format of a kind of block (of a list item: of its list style and depth)."""
        if kind == "item":
            levels = self.item[list_style]
            return levels[min(depth, len(levels) - 1)]
        return getattr(self, kind)


def _ref(kind: str):
    return field(default="{}", metadata=doc(f"How a [[id]] cross-reference prints a {kind}'s "
                                            "number in running text.", check=_pattern("")))


def _ref_system(kind: str):
    return field(default="", metadata=doc(
        f"The numeral system of a cross-reference to a {kind}, where running text names it "
        "otherwise than its heading (empty: the number's own system).",
        check=lambda name: _system(name) if name else None,
        schema={"enum": ["", *sorted(SYSTEMS)]}))


@dataclass(frozen=True)
class ReferenceSystems:
    """Numeral systems of cross-references that differ from the numbers' own: Arabic running
    text names chapter أولا as الفصل الأول (its definite ordinal)."""

    chapter: str = _ref_system("chapter")
    section: str = _ref_system("section")
    subsection: str = _ref_system("subsection")
    para: str = _ref_system("paragraph")
    recommendation: str = _ref_system("recommendation")
    annex: str = _ref_system("annex")
    table: str = _ref_system("table")


@dataclass(frozen=True)
class References:
    """How a [[id]] cross-reference prints the target's number in running text ("II", not
    "II.")."""

    chapter: str = _ref("chapter")
    section: str = _ref("section")
    subsection: str = _ref("subsection")
    para: str = _ref("paragraph")
    recommendation: str = _ref("recommendation")
    item: str = _ref("list item")
    annex: str = _ref("annex")
    table: str = _ref("table")
    system: ReferenceSystems = field(default=ReferenceSystems(), metadata=doc(
        "Numeral systems of cross-references, by kind, where they differ from the numbers'."))


DATE_PATTERNS = doc('Two CLDR date patterns: the start\'s and the end\'s, such as '
                    '["d", "–d MMMM y"].',
                    expect='two date patterns, such as ["d", "–d MMMM y"]')


@dataclass(frozen=True)
class DateRange:
    """A date range in two CLDR patterns (the start's, the end's) per case."""

    same_month: tuple[str, str] = field(metadata=DATE_PATTERNS)
    same_year: tuple[str, str] = field(metadata=DATE_PATTERNS)
    other: tuple[str, str] = field(metadata=DATE_PATTERNS)

    def patterns(self) -> tuple[tuple[str, str], ...]:
        return (self.same_month, self.same_year, self.other)


@dataclass(frozen=True)
class LastBefore:
    """Another conjunction before a last name that starts with `pattern`."""

    pattern: str = field(metadata=doc("A regular expression matched at the start of the last "
                                      "name.", check=_regex))
    last: str = field(metadata=doc("The conjunction before that name."))


@dataclass(frozen=True)
class ListRule:
    """How a list of names is joined: "A, B and C" (no serial comma); "A、B、C"."""

    separator: str = field(metadata=doc("Between names."))
    last: str = field(metadata=doc("Before the last name."))
    last_before: tuple[LastBefore, ...] = field(default=(), metadata=doc(
        "Other conjunctions before the last name by how it starts (Spanish \"y\" becomes "
        "\"e\" before an i sound)."))

    def last_for(self, name: str) -> str:
        """The conjunction before the last name: `last`, or the first of `last_before` whose
        `pattern` matches the start of that name ("Chile e Italia")."""
        for alt in self.last_before:
            if re.match(alt.pattern, name):
                return alt.last
        return self.last


@dataclass(frozen=True)
class InlineList:
    """A paragraph followed by a list of States: the text, `before`, the names, `after`."""

    before: str = " "
    after: str = "."


@dataclass(frozen=True)
class Distribution:
    """The words of the distribution line per level (meta.distribution)."""

    general: str | None = None
    limited: str | None = None
    restricted: str | None = None


@dataclass(frozen=True)
class Masthead:
    """The masthead's distribution block as this language writes it."""

    distribution: Distribution = field(default=Distribution(), metadata=doc(
        "The distribution line per level; unset: \"Distr.: General\" etc."))
    edition_language: str = field(default="{Language}", metadata=doc(
        "The edition's language line (a translation only): {language} or {Language}.",
        check=_pattern(*LANGUAGE_FIELDS)))
    original: str = field(default="Original: {language}", metadata=doc(
        "The original's language line: {language} or {Language}.",
        check=_pattern(*LANGUAGE_FIELDS)))
    language_names: Mapping[str, str] = field(default=EMPTY, metadata=doc(
        "Each language's name in this language (code: name); unset: that language's `name`."))


@dataclass(frozen=True)
class Collation:
    """Sorting rules for names in this language, applied before the Unicode Collation
    Algorithm (pyuca)."""

    ignore_prefixes: tuple[str, ...] = field(default=(), metadata=doc(
        "Prefixes not counted (Arabic: the article ال)."))
    equivalents: Mapping[str, str] = field(default=EMPTY, metadata=doc(
        "Letters that sort as another (أ إ آ as ا)."))


@dataclass(frozen=True)
class Proofing:
    """The DOCX proofing language (w:lang) of every style."""

    val: str | None = None
    bidi: str | None = None
    east_asia: str | None = None


FONT_NAMES = "a font name, or a list of names (each text or {name: ..., covers: ...})"


@dataclass(frozen=True)
class FontFace:
    """A font used only for some characters."""

    name: str
    covers: str | None = None


FontNames = str | tuple[str | FontFace, ...]


@dataclass(frozen=True)
class HouseStyle:
    """House style of one language: locales/<lang>/style.yaml over templates/base/style.yaml
    (key by key)."""

    locale: str = field(metadata=doc("Babel/CLDR locale (month names, date patterns).",
                                     check=_locale))
    name: str = field(metadata=doc("The language's name (msgid in messages.po; \"Original: "
                                   "English\")."))
    edition_letter: str = field(metadata=doc("Job number suffix: V.17-06379 (E)."))
    date: str = field(metadata=doc("CLDR date pattern of a date (\"d MMMM y\")."))
    date_range: DateRange
    meeting_line: str = field(metadata=doc("The meeting line: {place} and {dates}.",
                                           check=_pattern(*MEETING_FIELDS)))
    list: ListRule
    numbers: Numbers
    fonts: Mapping[str, Mapping[str, FontNames]] = field(metadata=doc(
        "Font of each role (body, heading, body_east_asian, body_complex, ...) per output "
        "format (by the names of formats/__init__.py).", plain=True, values={"values": {"expect": FONT_NAMES}}))
    distribution_language: str = field(metadata=doc(
        "The language the masthead's distribution block is written in."))
    states_sort_language: str = field(metadata=doc(
        "The language whose names sort a list of States (`order: name`)."))
    labels_language: str | None = field(default=None, metadata=doc(
        "The language the template labels are written in (msgids of messages.po)."))
    direction: Literal["ltr", "rtl"] = "ltr"
    day_forms: Mapping[int, str] = field(default=EMPTY, metadata=doc(
        "The day field of a day of the month, such as {1: \"1er\"}.", check=_days))
    month_names: tuple[str, ...] | None = field(default=None, metadata=doc(
        "Twelve month names for MMMM, instead of CLDR's.", expect="twelve month names",
        schema={"minItems": 12, "maxItems": 12}))
    inline_list: InlineList = InlineList()
    reference: References = References()
    masthead: Masthead = Masthead()
    collation: Collation = Collation()
    proofing: Proofing | None = None
    docx_lang: str | None = field(default=None, metadata=doc(
        "The East Asian language tag of a word-processing edition (w:lang w:eastAsia); "
        "unset: from the locale."))
    sizes: Mapping[str, float] = field(default=EMPTY, metadata=doc(
        "Type sizes in points overriding templates/design.yaml `sizes`.",
        values={"check": _positive, "expect": "a size in points", "schema": {
            "exclusiveMinimum": 0}}))
    font_packages: Mapping[str, str] = field(default=EMPTY, metadata=doc(
        "The Debian/Ubuntu package of each font, named when a font is missing."))


SCHEMA_ID = "https://unreport.invalid/schema/style.schema.json"


def json_schema() -> dict:
    """The JSON Schema of one style.yaml (every file is one layer: no key is required in it;
    the merged style must have the keys without a default)."""
    import dataclasses
    from unreport.sources.typed import schema
    required = [f.name for f in dataclasses.fields(HouseStyle)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    return schema(HouseStyle, "unreport house style (style.yaml)",
                  "The house style of one language: locales/<lang>/style.yaml over "
                  "templates/base/style.yaml, key by key. Each file sets some keys; the merged "
                  f"style must have {', '.join(required)}. Written from "
                  "src/unreport/lang/house.py by `python -m unreport.lang.house` (kept in step "
                  "by tests/lang/test_style_schema.py).", SCHEMA_ID, partial=True)


def schema_text() -> str:
    import json
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    from pathlib import Path
    out = Path(__file__).resolve().parent.parent / "data" / "schema" / "style.schema.json"
    out.write_text(schema_text(), encoding="utf-8")
    print(out)
