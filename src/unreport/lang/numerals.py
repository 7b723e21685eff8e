"""Numeral systems for printed numbers: arabic, roman, latin letters, CJK ideographs, and the
letter and word sequences of UN Arabic and Russian documents.

Babel has no number spell-out (RBNF), so the few systems house style needs are written here.
Sources of the sequences: the UN Arabic and Russian editions of UN documents (for example the
Arabic and Russian editions of CTOC/COP/WG.7/2017/L.1 and of General Assembly reports):
Arabic chapters أولا، ثانيا…, annexes المرفق الأول…, sections ألف، باء، جيم… and
subparagraphs (أ)، (ب)، (ج)… in the abjad order (أبجد هوز حطي كلمن سعفص قرشت ثخذ ضظغ);
Russian sections А., Б., В. in the Cyrillic alphabet without Ё, Й, Ъ, Ы, Ь.
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


# Arabic ordinal adverbs (chapters: أولا - مقدمة) and ordinal adjectives with the article
# (annexes: المرفق الأول), 1..20; beyond, the digits.
_AR_ORDINAL = ("أولا ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا عاشرا".split() +
               [f"{w} عشر" for w in "حادي ثاني ثالث رابع خامس سادس سابع ثامن تاسع".split()] +
               ["عشرون"])
_AR_ORDINAL_DEFINITE = ("الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر"
                        .split() + [f"{w} عشر" for w in "الحادي الثاني الثالث الرابع الخامس "
                                    "السادس السابع الثامن التاسع".split()] + ["العشرون"])
# abjad order: letter names (sections) and letters (subparagraphs)
_AR_LETTER_NAMES = ("ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام ميم نون سين عين فاء صاد "
                    "قاف راء شين تاء ثاء خاء ذال ضاد ظاء غين").split()
_AR_LETTERS = "أ ب ج د هـ و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض ظ غ".split()
_CYRILLIC_UPPER = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ"


def sequence(items):
    """The n-th item of a fixed sequence (1-based); past its end, the digits."""
    def fmt(n: int) -> str:
        return items[n - 1] if 1 <= n <= len(items) else str(n)
    return fmt


SYSTEMS = {
    "arabic": str,
    "roman": roman,
    "roman-lower": lambda n: roman(n).lower(),
    "alpha": letters,
    "alpha-upper": lambda n: letters(n).upper(),
    "cjk": cjk,
    "arabic-ordinal": sequence(_AR_ORDINAL),
    "arabic-ordinal-definite": sequence(_AR_ORDINAL_DEFINITE),
    "abjad-names": sequence(_AR_LETTER_NAMES),
    "abjad": sequence(_AR_LETTERS),
    "cyrillic-upper": sequence(list(_CYRILLIC_UPPER)),
}


def format_number(n: int, system: str) -> str:
    try:
        return SYSTEMS[system](n)
    except KeyError:
        raise ValueError(f"unknown numeral system '{system}' (known: {', '.join(SYSTEMS)})")
