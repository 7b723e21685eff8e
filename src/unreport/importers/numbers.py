"""Reading printed numbers back: the inverse of numerals.py, and patterns built from the
language's house style (locales/<lang>/style.yaml `numbers:`) and template labels
(locales/<lang>/messages.po: "Recommendation %(number)s", "Annex %(number)s", ...).

Nothing here names a language: a system's pattern is checked by formatting the value back
with numerals.format_number, so whatever a system prints is what it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from unreport.lang.numerals import format_number

_CJK_DIGITS = "〇一二三四五六七八九"
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}

ENUMERATE = 500  # systems without a pattern here are read by listing their first numbers

PATTERNS = {
    "arabic": r"[0-9]+",
    "roman": r"[IVXLCDM]+",
    "roman-lower": r"[ivxlcdm]+",
    "alpha": r"[a-z]+",
    "alpha-upper": r"[A-Z]+",
    "cjk": r"[〇零一二三四五六七八九十百千]+",
}


def _roman_value(s: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s.upper()):
        v = values[ch]
        nxt = values[s[i + 1].upper()] if i + 1 < len(s) else 0
        total += -v if v < nxt else v
    return total


def _letters_value(s: str) -> int:
    n = 0
    for ch in s.lower():
        n = n * 26 + (ord(ch) - ord("a") + 1)
    return n


def _cjk_value(s: str) -> int:
    total, digit = 0, None
    for ch in s:
        if ch in _CJK_UNITS:
            total += (1 if digit is None else digit) * _CJK_UNITS[ch]
            digit = None
        elif ch == "零":
            digit = None
        else:
            digit = _CJK_DIGITS.index(ch)
    return total + (digit or 0)


_VALUES = {"arabic": int, "roman": _roman_value, "roman-lower": _roman_value,
           "alpha": _letters_value, "alpha-upper": _letters_value, "cjk": _cjk_value}


_LISTED: dict[str, dict[str, int]] = {}


def _listed(system: str) -> dict[str, int]:
    """Printed form -> value of a system numerals.py has (Arabic ordinals, abjad letters,
    Cyrillic letters ...), from its first numbers."""
    if system not in _LISTED:
        forms: dict[str, int] = {}
        for n in range(ENUMERATE, 0, -1):
            forms[format_number(n, system)] = n
        _LISTED[system] = forms
    return _LISTED[system]


def system_regex(system: str) -> str:
    if system in PATTERNS:
        return PATTERNS[system]
    forms = sorted(_listed(system), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(f) for f in forms) + ")"


def parse_number(text: str, system: str) -> int | None:
    """The value `text` stands for in `system`, or None when the system would not print it so
    (e.g. "IIII" is not roman, "a1" not alpha)."""
    if system not in PATTERNS:
        value = _listed(system).get(text)
        return value if value is not None and format_number(value, system) == text else None
    if not re.fullmatch(PATTERNS[system], text):
        return None
    try:
        value = _VALUES[system](text)
    except (ValueError, IndexError):
        return None
    if value <= 0 or format_number(value, system) != text:
        return None
    return value


@dataclass(frozen=True)
class Pattern:
    """A printed number ("{}." with a system) or a label with a number ("Recommendation {}")."""

    system: str
    regex: re.Pattern  # the whole label, group "n" = the numeral

    def value(self, label: str) -> int | None:
        m = self.regex.fullmatch(label)
        return parse_number(m.group("n"), self.system) if m else None

    def prefix(self, text: str) -> tuple[int, str] | None:
        """(value, the text after the number) when `text` starts with this number followed
        by a tab, spaces or nothing."""
        m = self.regex.match(text)
        if not m:
            return None
        rest = text[m.end():]
        if rest and not rest[0].isspace():
            return None
        value = parse_number(m.group("n"), self.system)
        return (value, rest.strip()) if value is not None else None


def pattern(fmt: str, system: str) -> Pattern:
    """`fmt` is a house-style format with one "{}" for the numeral."""
    before, _, after = fmt.partition("{}")
    return Pattern(system, re.compile(re.escape(before) + f"(?P<n>{system_regex(system)})" +
                                      re.escape(after)))


def label_pattern(label: str, number_fmt: str, system: str) -> Pattern:
    """A translated label such as "建议 %(number)s", whose number is printed as `number_fmt`."""
    sentinel = "\x00"
    text = label % {"number": sentinel}
    before, _, after = text.partition(sentinel)
    nb, _, na = number_fmt.partition("{}")
    return Pattern(system, re.compile(re.escape(before + nb) +
                                      f"(?P<n>{system_regex(system)})" + re.escape(na + after)))
