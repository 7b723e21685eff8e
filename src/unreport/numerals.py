"""Numeral systems for printed numbers: arabic, roman, latin letters, CJK ideographs.

Babel has no number spell-out (RBNF), so the few systems house style needs are written here.
"""

from __future__ import annotations

_ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
_CJK_DIGITS = "〇一二三四五六七八九"


def roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (UN practice for long lists)."""
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s


def cjk(n: int) -> str:
    """Chinese numerals for 1..9999: 1 一, 10 十, 12 十二, 20 二十, 105 一百零五."""
    if n <= 0 or n >= 10000:
        return str(n)
    units = [(1000, "千"), (100, "百"), (10, "十"), (1, "")]
    out = []
    zero = False
    for value, name in units:
        d, n = divmod(n, value)
        if d:
            if zero:
                out.append("零")
                zero = False
            out.append(_CJK_DIGITS[d] + name)
        elif out:
            zero = True
    s = "".join(out)
    return s[1:] if s.startswith("一十") else s


SYSTEMS = {
    "arabic": str,
    "roman": roman,
    "roman-lower": lambda n: roman(n).lower(),
    "alpha": letters,
    "alpha-upper": lambda n: letters(n).upper(),
    "cjk": cjk,
}


def format_number(n: int, system: str) -> str:
    try:
        return SYSTEMS[system](n)
    except KeyError:
        raise ValueError(f"unknown numeral system '{system}' (known: {', '.join(SYSTEMS)})")
