"""Line-level checks of a PO file before Babel reads it.

Babel's reader is lenient: it accepts an unclosed string (`msgstr "abc`), reports other
problems with a 0-based line number, and keeps the last of two entries with the same msgctxt.
A translator's mistake must instead be a located error, so every line is checked here against
the PO grammar (comment, keyword + quoted string, continuation string, blank) and duplicate IDs
are reported with the first one's line. Parsing proper is left to Babel.
"""

from __future__ import annotations

import re

from unreport.diagnostics import Collector, Loc
from unreport.sources.po import physical_lines

_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD_LINE = re.compile(rf'(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+{_STRING}[ \t]*\Z')
_CONTINUATION = re.compile(rf'{_STRING}[ \t]*\Z')
_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\b')


def _unescape(s: str) -> str:
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s[1:-1])


def check_po_lines(text: str, display: str, diag: Collector) -> bool:
    """Report every malformed line and duplicate msgctxt; True when the file is well formed."""
    before = len(diag.errors)
    if not text.strip():
        diag.error(Loc(display, 1, 1), "PO file is empty; delete it and run 'build.py catalogs' "
                                       "to re-create it")
        return False
    contexts: dict[str, int] = {}
    current: tuple[str, int] | None = None  # msgctxt being read (value, line)
    last_keyword = None

    def close_context():
        nonlocal current
        if current is not None:
            value, line = current
            if not value:
                pass  # an empty msgctxt is a lost ID (xliff2po writes them): catalogs mends it
            elif value in contexts:
                diag.error(Loc(display, line, 1), f"duplicate entry for ID '{value}' (first at "
                                                  f"line {contexts[value]}); keep one of them")
            else:
                contexts[value] = line
            current = None

    for n, raw in enumerate(physical_lines(text), start=1):
        line = raw.strip()
        if not line:
            last_keyword = None  # a blank line ends the entry
            continue
        if line.startswith("#"):
            # obsolete entries (#~) and comments are Babel's business
            continue
        indent = len(raw) - len(raw.lstrip())
        _check_escapes(display, n, indent, line, diag)
        if line.startswith('"'):
            if last_keyword is None:
                diag.error(Loc(display, n, indent + 1), "text line with no msgid/msgstr before "
                                                        "it; join it to an entry or remove it")
            elif not _CONTINUATION.match(line):
                _string_error(display, n, indent, line, diag)
            elif current is not None and last_keyword == "msgctxt":
                current = (current[0] + _unescape(line.rstrip()), current[1])
            continue
        m = _KEYWORD.match(line)
        if not m:
            word = line.split()[0]
            diag.error(Loc(display, n, indent + 1), f"'{word}' is not a PO keyword; lines hold "
                       "msgctxt, msgid, msgstr, a quoted continuation or a '#' comment")
            last_keyword = None
            continue
        keyword = m.group(1)
        if not _KEYWORD_LINE.match(line):
            _string_error(display, n, indent, line, diag)
        if keyword == "msgctxt":
            close_context()
            s = re.search(_STRING, line)
            current = (_unescape(s.group(0)) if s else "", n)
        elif keyword == "msgid":
            close_context()
        last_keyword = keyword
    close_context()
    return len(diag.errors) == before


def _check_escapes(display: str, n: int, indent: int, line: str, diag: Collector) -> None:
    """A backslash escape GNU gettext does not know (\\q) is an error in msgfmt: here too."""
    quote = line.find('"')
    m = re.match(_STRING, line[quote:]) if quote >= 0 else None
    if m is None:
        return
    for esc in re.finditer(r"\\(.)", m.group(0)[1:-1]):  # pairs, left to right
        if esc.group(1) not in 'ntrabfv\\"01234567x':
            diag.error(Loc(display, n, indent + quote + esc.start() + 2),
                       f"'\\{esc.group(1)}' is not an escape PO files know; write \\\\ for "
                       "a backslash")
            return


def _string_error(display: str, n: int, indent: int, line: str, diag: Collector) -> None:
    quote = line.find('"')
    if quote < 0:
        diag.error(Loc(display, n, indent + 1), 'the text must follow in double quotes, such as '
                                                 'msgstr "..."')
        return
    if not re.match(_STRING, line[quote:]):
        diag.error(Loc(display, n, indent + quote + 1), 'quoted text is not closed; end it with '
                                                        '" (write \\" for a quote inside)')
    else:
        end = re.match(_STRING, line[quote:]).end() + quote
        diag.error(Loc(display, n, indent + end + 1), "unexpected text after the closing quote; "
                                                      'write \\" for a quote inside the text')
