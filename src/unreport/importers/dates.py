"""Reading dates and meeting lines back with the house style's CLDR patterns (style.yaml
`date`, `date_range`, `meeting_line`, `month_names`, `day_forms`) and Babel's month names
(CLDR): the inverse of style.Style.date / date_range / meeting_line, checked by formatting the
result again."""

from __future__ import annotations

import datetime as dt
import re

from babel import Locale

from unreport.lang.style import Style

_FIELD = re.compile(r"'[^']*'|([A-Za-z])\1*")


def _regex(pattern: str, months: dict[str, int], tag: str, days=()) -> str:
    out, pos = [], 0
    for m in _FIELD.finditer(pattern):
        out.append(re.escape(pattern[pos:m.start()]))
        tok = m.group(0)
        pos = m.end()
        if tok.startswith("'"):
            out.append(re.escape(tok[1:-1] or "'"))
        elif tok[0] == "d":
            forms = "".join(re.escape(f) + "|" for f in sorted(days, key=len, reverse=True))
            out.append(rf"(?P<d{tag}>{forms}[0-9]{{1,2}})")
        elif tok[0] in "ML" and len(tok) >= 3:
            names = sorted(months, key=len, reverse=True)
            out.append(f"(?P<M{tag}>" + "|".join(re.escape(n) for n in names) + ")")
        elif tok[0] in "ML":
            out.append(rf"(?P<M{tag}>[0-9]{{1,2}})")
        elif tok[0] in "yu":
            out.append(rf"(?P<y{tag}>[0-9]{{4}})")
        else:
            out.append(re.escape(tok))
    out.append(re.escape(pattern[pos:]))
    return "".join(out)


class DateReader:
    def __init__(self, style: Style):
        self.style = style
        loc = Locale.parse(style.locale)
        self.months = {}
        # the house style's own month names and day forms first (style.yaml `month_names`,
        # `day_forms`: the Arabic double names, French "1er"), then CLDR's
        for num, name in enumerate(style.house.month_names or (), start=1):
            self.months[name] = num
        self.days = {str(v): k for k, v in style.house.day_forms.items()}
        for width in ("wide", "abbreviated"):
            for ctx in ("format", "stand-alone"):
                for num, name in loc.months[ctx][width].items():
                    self.months.setdefault(name, num)

    def _fields(self, m: re.Match, tag: str) -> dict:
        out = {}
        for key in ("d", "M", "y"):
            v = m.groupdict().get(key + tag)
            if v is not None:
                if key == "M" and v in self.months:
                    out[key] = self.months[v]
                elif key == "d" and v in self.days:
                    out[key] = self.days[v]
                else:
                    out[key] = int(v)
        return out

    def date(self, text: str) -> dt.date | None:
        m = re.fullmatch(_regex(self.style.house.date, self.months, "1", self.days),
                         text.strip())
        if not m:
            return None
        f = self._fields(m, "1")
        try:
            d = dt.date(f["y"], f["M"], f["d"])
        except (KeyError, ValueError):
            return None
        return d if self.style.date(d) == text.strip() else None

    def date_range(self, text: str) -> tuple[dt.date, dt.date] | None:
        text = text.strip()
        single = self.date(text)
        if single:
            return single, single
        for first, second in self.style.house.date_range.patterns():
            rx = _regex(first, self.months, "1", self.days) + \
                _regex(second, self.months, "2", self.days)
            m = re.fullmatch(rx, text)
            if not m:
                continue
            a, b = self._fields(m, "1"), self._fields(m, "2")
            for key in ("y", "M"):  # a date takes what its pattern leaves out from the other
                a.setdefault(key, b.get(key))
                b.setdefault(key, a.get(key))
            try:
                start, end = dt.date(a["y"], a["M"], a["d"]), dt.date(b["y"], b["M"], b["d"])
            except (KeyError, TypeError, ValueError):
                continue
            if start <= end and self.style.date_range(start, end) == text:
                return start, end
        return None

    def meeting_line(self, text: str) -> tuple[str, dt.date, dt.date] | None:
        """(place, start, end) of a meeting line such as "Vienna, 11–13 September 2017"."""
        fmt = self.style.house.meeting_line
        parts = re.split(r"(\{place\}|\{dates\})", fmt)
        rx = "".join("(?P<place>.+?)" if p == "{place}" else "(?P<dates>.+?)" if p == "{dates}"
                     else re.escape(p) for p in parts)
        m = re.fullmatch(rx, text.strip())
        if not m:
            return None
        dates = self.date_range(m.group("dates"))
        if not dates or not m.group("place").strip():
            return None
        return m.group("place").strip(), dates[0], dates[1]
