"""A plain-text report as a neutral paragraph stream.

One paragraph per line; a line that starts with no number and follows a non-blank line
continues that paragraph (hard-wrapped text). List markers the text may put before a number
("- (a)", "• 1.") are dropped; the indentation is kept as a hint of the list level.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .paragraphs import Para, Source

_BULLET = re.compile(r"^[\-\u2013\u2022\u25cf\u00b7*]\s+")
_NUMBERED = re.compile(r"^\S{1,12}[.)]?\s")


def _join(a: str, b: str) -> str:
    """Join a wrapped line: no space between two ideographs (scripts without spaces)."""
    if a and b and _wide(a[-1]) and _wide(b[0]):
        return a + b
    return a + " " + b


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def read_text_file(path: Path, display: str) -> Source:
    src = Source(display)
    text = path.read_text(encoding="utf-8-sig")
    prev_blank = True
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            prev_blank = True
            continue
        indent = len(line) - len(line.lstrip())
        body = _BULLET.sub("", line.strip())
        starts_numbered = bool(_NUMBERED.match(body)) and body[:1] != body[:1].lower() or \
            bool(re.match(r"^\(?[0-9A-Za-z\u3007\u4e00-\u9fff]{1,6}[.)]", body))
        if not prev_blank and src.items and not starts_numbered and indent == 0 and \
                not raw.startswith((" ", "\t")) and src.items[-1].text and \
                not _looks_like_field(body):
            last = src.items[-1]
            last.text = _join(last.text, body)
        else:
            src.items.append(Para(body, f"{display}:{lineno}", level=indent or None))
        prev_blank = False
    return src


def _looks_like_field(line: str) -> bool:
    """Masthead lines follow each other without blank lines: never join them."""
    return bool(re.search(r"[0-9]", line)) or len(line) < 40
