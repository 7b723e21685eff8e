"""Types and values of a language's house style (templates/base/style.yaml merged with
locales/<lang>/style.yaml), each problem located in the file that sets the key.

House-style strings are format strings with a few documented fields only: `meeting_line`
takes `{place}` and `{dates}`, a number's `format` and a `reference` one positional `{}`.
Attribute and index access (`{place.__class__}`, `{dates[0]}`), conversions (`{place!r}`),
format specs (`{place:>999999999}`) and other names are refused here, when the style is read,
so that formatting at render time can neither run code nor fail.
"""

from __future__ import annotations

import string

from unreport.diagnostics import Collector, Loc
from unreport.lang.numerals import SYSTEMS
from unreport.sources.yamlsource import Value

MEETING_FIELDS = ("place", "dates")
DIRECTIONS = ("ltr", "rtl")


class StyleChecker:
    def __init__(self, roots: list[Value | None], display: str, diag: Collector):
        self.roots = [r for r in roots if r is not None]  # the language's file first
        self.display = display
        self.diag = diag

    def loc(self, *path: str | int) -> Loc:
        """Where the key is set: the language's file, else the base file."""
        for root in self.roots:
            v = root
            for key in path:
                data = v.data
                if isinstance(key, int) and isinstance(data, list) and key < len(data):
                    v = data[key]
                elif isinstance(key, str) and isinstance(data, dict) and key in data:
                    v = data[key]
                else:
                    break
            else:
                return v.loc
        return self.roots[0].loc if self.roots else Loc(self.display)

    def error(self, path: tuple, message: str) -> None:
        self.diag.error(self.loc(*path), f"{'.'.join(str(p) for p in path)}: {message}")

    def text(self, data: dict, *path) -> str | None:
        value = _get(data, path)
        if value is not None and not isinstance(value, str):
            self.error(path, f"must be text, not {_kind(value)}; put it in quotes")
            return None
        return value

    def mapping(self, data: dict, *path) -> dict | None:
        value = _get(data, path)
        if value is not None and not isinstance(value, dict):
            self.error(path, f"must be a mapping (key: value), not {_kind(value)}")
            return None
        return value

    def template(self, data: dict, path: tuple, allowed: tuple[str, ...]) -> None:
        """A format string using only the `allowed` fields ("" = one positional `{}`)."""
        text = self.text(data, *path)
        if text is None:
            return
        problem = format_problem(text, allowed)
        if problem:
            self.error(path, problem)


def format_problem(text: str, allowed: tuple[str, ...]) -> str | None:
    """What is wrong with a house-style format string, or None."""
    what = ", ".join(f"{{{a}}}" for a in allowed)
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        return f"'{text}' is not a valid pattern ({exc}); write {{{{ and }}}} for braces"
    used = 0
    for _literal, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in allowed:
            return (f"'{{{field}}}' is not a field of this pattern; use only {what} "
                    "(no attribute, index or other name)")
        if spec or conversion:
            return f"'{text}': write {what} without a format spec or conversion"
        used += 1
    if "" in allowed and used > 1:
        return f"'{text}' has {used} fields; write one {{}} for the number"
    return None


def check_style(data: dict, roots: list[Value | None], display: str, diag: Collector) -> None:
    c = StyleChecker(roots, display, diag)
    for key in ("locale", "name", "edition_letter", "date", "labels_language",
                "distribution_language", "states_sort_language"):
        c.text(data, key)
    locale = data.get("locale")
    if isinstance(locale, str):
        from babel import Locale, UnknownLocaleError
        try:
            Locale.parse(locale)
        except (UnknownLocaleError, ValueError, TypeError):
            c.error(("locale",), f"unknown locale '{locale}'; write a CLDR locale such as "
                                 "en_GB, fr_FR or zh_Hans_CN")
    direction = data.get("direction")
    if direction is not None and direction not in DIRECTIONS:
        c.error(("direction",), f"'{direction}' is not one of {', '.join(DIRECTIONS)}")
    c.template(data, ("meeting_line",), MEETING_FIELDS)
    for key, parts in (("list", ("separator", "last")), ("inline_list", ("before", "after"))):
        if c.mapping(data, key) is not None:
            for part in parts:
                c.text(data, key, part)
    ranges = c.mapping(data, "date_range")
    for case, pair in (ranges or {}).items():
        if not (isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str)
                                                                    for p in pair)):
            c.error(("date_range", case), "must be two date patterns, such as "
                                          "[\"d\", \"–d MMMM y\"]")
    numbers = c.mapping(data, "numbers")
    for kind, spec in (numbers or {}).items():
        if kind == "item":
            if c.mapping(data, "numbers", "item") is None:
                continue
            for style, levels in spec.items():
                if not isinstance(levels, list) or not levels:
                    c.error(("numbers", "item", style), "must be a list of levels, each "
                                                        "{system: ..., format: ...}")
                    continue
                for i, level in enumerate(levels):
                    _number(c, data, ("numbers", "item", style, i))
        else:
            _number(c, data, ("numbers", kind))
    for kind in (c.mapping(data, "reference") or {}):
        c.template(data, ("reference", kind), ("",))
    fonts = c.mapping(data, "fonts")
    for fmt, spec in (fonts or {}).items():
        if c.mapping(data, "fonts", fmt) is None:
            continue
        for role, value in spec.items():
            names = value if isinstance(value, list) else [value]
            if not names or not all(isinstance(n, str) or (isinstance(n, dict) and
                                                            isinstance(n.get("name"), str))
                                    for n in names):
                c.error(("fonts", fmt, role), "must be a font name, or a list of names "
                                              "(each text or {name: ..., covers: ...})")
    sizes = c.mapping(data, "sizes")
    for key, value in (sizes or {}).items():
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            c.error(("sizes", key), f"must be a size in points, not {value!r}")


def _number(c: StyleChecker, data: dict, path: tuple) -> None:
    spec = c.mapping(data, *path)
    if spec is None:
        return
    system = spec.get("system")
    if system not in SYSTEMS:
        c.error((*path, "system"), f"unknown numeral system '{system}'; use one of "
                                   f"{', '.join(sorted(SYSTEMS))}")
    if "format" not in spec:
        c.error(path, "is missing 'format' (such as \"{}.\")")
    else:
        c.template(data, (*path, "format"), ("",))


def _get(data, path):
    for key in path:
        if isinstance(key, int):
            data = data[key] if isinstance(data, list) and key < len(data) else None
        else:
            data = data.get(key) if isinstance(data, dict) else None
    return data


def _kind(value) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)
