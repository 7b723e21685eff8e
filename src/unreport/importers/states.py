"""Lists of States printed at the end of a paragraph, read back into `states:` codes.

A paragraph ends "…: Bahamas, Chile and Uruguay." (house style `inline_list` and `list`): the
names after the colon are looked up in locales/<lang>/terms.yaml (the names in force on the
report's date). When every name resolves, the paragraph gets `states:` and keeps its text up to
the colon; otherwise it stays text and the names that did not resolve are reported.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from unreport.lang.style import Style
from unreport.lang.terms import Terms


def _names(terms: Terms, on: dt.date) -> dict[str, str]:
    out = {}
    for code in sorted(terms.names):
        name = terms.name(code, on)
        if name:
            out.setdefault(name, code)
    return out


def split_states(text: str, style: Style, terms: Terms, on: dt.date):
    """(text before the list, codes, unresolved names). codes is None when the paragraph does
    not end with a list; unresolved lists the names that are not in the terminology."""
    rule = style.house.inline_list
    sep, last = style.house.list.separator, style.house.list.last
    body = text.rstrip()
    if rule.after and not body.endswith(rule.after):
        return text, None, []
    body = body[:len(body) - len(rule.after)] if rule.after else body
    colon = max((i for i, ch in enumerate(body) if unicodedata.normalize("NFKC", ch) == ":"),
                default=-1)
    if colon < 0:
        return text, None, []
    head, tail = body[:colon + 1], body[colon + 1:]
    if rule.before.strip() == "" and tail.startswith(rule.before):
        tail = tail[len(rule.before):]
    tail = tail.strip()
    if not tail or "^[" in tail or "[[" in tail:
        return text, None, []
    names = _names(terms, on)
    by_length = sorted(names, key=len, reverse=True)
    codes, unresolved, i = [], [], 0
    while i < len(tail):
        match = next((n for n in by_length if tail.startswith(n, i) and
                      (i + len(n) == len(tail) or tail.startswith(sep, i + len(n)) or
                       tail.startswith(last, i + len(n)))), None)
        if match:
            codes.append(names[match])
            i += len(match)
        else:
            ends = [j for j in (tail.find(sep, i), tail.find(last, i)) if j >= 0]
            j = min(ends) if ends else len(tail)
            unresolved.append(tail[i:j].strip())
            i = j
        for connector in (sep, last):
            if tail.startswith(connector, i):
                i += len(connector)
                break
    if len(codes) + len(unresolved) < 2 and not codes:
        return text, None, []
    return head, codes, unresolved


def printed_list(codes, style: Style, terms: Terms, on: dt.date) -> str | None:
    """What a paragraph's `states:` adds to its text in this language, or None when a code
    has no name here."""
    names = [terms.name(c, on) for c in codes]
    if any(n is None for n in names):
        return None
    return style.inline_list("", style.join(names))
