"""PO files as GNU gettext reads and writes them: a small model, a reader and a writer.

The writer's layout is `msgmerge --previous --no-wrap`'s (and so `msgcat --no-wrap`'s): one
line per string, split only after an embedded newline; previous fields as `#| msgctxt` and
`#| msgid`; obsolete entries as `#~` (their previous fields as `#~|`); references wrapped at
79 columns as GNU wraps them. A file written here is a fixed point of `msgcat --no-wrap`, so
Poedit ("don't wrap"), Weblate (PO line wrapping: none) and msgcat keep it byte for byte.

Why not a library: Babel's writer wraps `#|` previous fields into unquoted lines no gettext
tool can read and guesses `python-format` from a `%` in the text, and its reader files `#|`
lines as translator comments; polib drops the previous fields of obsolete entries (`#~|`).
Both would lose what translators and msgmerge wrote. The reader here keeps every field; the
line-level grammar check with located errors is `po_check.check_po_lines`, run first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FORMAT_FLAG = re.compile(r"(no-)?[a-z0-9+-]+-format\Z")  # c-format, python-format, ...


def physical_lines(text: str) -> list[str]:
    """The file's lines as gettext reads them: ended by \\n (or \\r\\n, \\r), nothing else.
    str.splitlines also breaks at \\v, \\f, \\x1c-\\x1e, U+0085, U+2028 and U+2029, which a
    translation may hold inside its quotes: a line would end in the middle of a string."""
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if lines and lines[-1] == "" else lines


# the states of a PO entry as a translation (Entry.state)
TRANSLATED, FUZZY, UNTRANSLATED = "translated", "fuzzy", "untranslated"


@dataclass
class Entry:
    msgid: str
    msgstr: str = ""
    msgctxt: str | None = None
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)  # translator comments: "# ..."
    extracted: list[str] = field(default_factory=list)  # "#. ..." (written by the tool)
    references: list[str] = field(default_factory=list)  # "#: file:line"
    previous_msgctxt: str | None = None  # "#| msgctxt" (the context it was translated under)
    previous_msgid: str | None = None  # "#| msgid" (the source it was translated from)
    obsolete: bool = False  # "#~"
    line: int = 0  # line of the msgid keyword, 1-based (0: not read from a file)
    msgid_plural: str | None = None  # kept as read; unreport's texts have no plurals
    msgstr_plural: dict[int, str] = field(default_factory=dict)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    def set_fuzzy(self, on: bool) -> None:
        self.flags = [f for f in self.flags if f != "fuzzy"]
        if on:
            self.flags.insert(0, "fuzzy")  # GNU writes fuzzy first

    def state(self, source: str | None = None) -> str:
        """The one reader of "is this entry a current translation", for the build, the
        labels, status, QA, XLIFF and the memory: UNTRANSLATED (empty), FUZZY (a translation
        that is not current: marked fuzzy, or translated from another text than `source`),
        else TRANSLATED. `source` None: the msgid is the source (messages.po). Whether the
        entry is obsolete is not part of it (the memory offers obsolete translations)."""
        if not self.msgstr:
            return UNTRANSLATED
        if self.fuzzy or (source is not None and self.msgid != source):
            return FUZZY
        return TRANSLATED

    @property
    def translated(self) -> bool:
        """A current translation of its msgid: not empty and not fuzzy."""
        return self.state() == TRANSLATED

    def translation_of(self, source: str) -> str | None:
        """The translation when it is a current translation of `source` in an active entry
        (state TRANSLATED, not obsolete), else None."""
        if self.obsolete or self.state(source) != TRANSLATED:
            return None
        return self.msgstr


@dataclass
class Catalog:
    header_comments: list[str] = field(default_factory=list)  # whole lines, "#" included
    header_flags: list[str] = field(default_factory=list)
    header: list[tuple[str, str]] = field(default_factory=list)  # (name, value), in order
    entries: list[Entry] = field(default_factory=list)  # active and obsolete, in file order

    def active(self) -> list[Entry]:
        return [e for e in self.entries if not e.obsolete]

    def obsolete(self) -> list[Entry]:
        return [e for e in self.entries if e.obsolete]

    def by_context(self) -> dict[str, Entry]:
        """Active entries keyed by msgctxt (the content ID); the first of duplicates wins
        (duplicates are refused by po_check before)."""
        out: dict[str, Entry] = {}
        for e in self.active():
            if e.msgctxt is not None and e.msgid:
                out.setdefault(e.msgctxt, e)
        return out

    def header_value(self, name: str) -> str | None:
        for k, v in self.header:
            if k.lower() == name.lower():
                return v
        return None


# ---- reading ---------------------------------------------------------------------------------
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
            "\\": "\\", '"': '"'}
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_KEYWORD = re.compile(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*)\Z')


def unescape(s: str) -> str:
    return re.sub(r'\\([0-7]{1,3}|x[0-9a-fA-F]+|.)', _unescape_one, s)


def _unescape_one(m: re.Match) -> str:
    code = m.group(1)
    if code in _ESCAPES:
        return _ESCAPES[code]
    if code[0] in "01234567":
        return chr(int(code, 8))
    if code[0] == "x" and len(code) > 1:
        value = int(code[1:], 16)
        # beyond Unicode: a lone surrogate, which the reader refuses with the entry's place
        return chr(value) if value <= 0x10FFFF else "\ud800"
    return code


def _strings(rest: str) -> str:
    return "".join(unescape(m.group(1)) for m in _STRING.finditer(rest))


def parse(text: str) -> Catalog:
    """Read a PO file's text (already checked line by line by po_check)."""
    cat = Catalog()
    entries: list[Entry] = []
    cur = _Pending()
    for n, raw in enumerate(physical_lines(text), start=1):
        line = raw.strip()
        if not line:
            cur.blank()
            continue
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].lstrip()
            if not line:
                continue
        if line.startswith("#|") or (obsolete and line.startswith("|")):
            body = line[2:] if line.startswith("#|") else line[1:]
            cur.start_if_done(entries)
            cur.previous(body.strip(), obsolete)
            continue
        if line.startswith("#") and not obsolete:
            cur.start_if_done(entries)
            kind, body = line[1:2], line[2:]
            if kind == ",":
                cur.e.flags += [f.strip() for f in body.split(",") if f.strip()]
            elif kind == ".":
                cur.e.extracted.append(body.strip())
            elif kind == ":":
                cur.e.references += body.split()
            else:
                body = line[1:]
                cur.e.comments.append(body[1:] if body.startswith(" ") else body)
            continue
        m = _KEYWORD.match(line)
        if m:
            keyword, index, rest = m.group(1), m.group(2), m.group(3)
            if keyword in ("msgctxt", "msgid") and cur.after_msgstr:
                cur.flush(entries)
            if obsolete:
                cur.e.obsolete = True
            cur.keyword(keyword, index, _strings(rest), n)
        elif line.startswith('"'):
            cur.more(_strings(line))
    cur.flush(entries)
    if entries and entries[0].msgid == "" and entries[0].msgctxt is None \
            and not entries[0].obsolete:
        head = entries.pop(0)
        cat.header_flags = head.flags
        cat.header = _header_fields(head.msgstr)
        cat.header_comments = _header_comment_lines(text)
    cat.entries = entries
    return cat


class _Pending:
    """The entry being read."""

    def __init__(self):
        self.e = Entry("")
        self.field: str | None = None  # which string a continuation line extends
        self.index: int | None = None
        self.prev_field: str | None = None
        self.after_msgstr = False
        self.started = False

    def start_if_done(self, entries: list[Entry]) -> None:
        if self.after_msgstr:
            self.flush(entries)

    def blank(self) -> None:
        self.field = self.prev_field = None

    def previous(self, body: str, obsolete: bool) -> None:
        m = re.match(r'(msgctxt|msgid_plural|msgid)\s+(".*)\Z', body)
        if m:
            self.prev_field = m.group(1)
            value = _strings(m.group(2))
            if self.prev_field == "msgctxt":
                self.e.previous_msgctxt = value
            elif self.prev_field == "msgid":
                self.e.previous_msgid = value
        elif body.startswith('"') and self.prev_field:
            more = _strings(body)
            if self.prev_field == "msgctxt":
                self.e.previous_msgctxt = (self.e.previous_msgctxt or "") + more
            elif self.prev_field == "msgid":
                self.e.previous_msgid = (self.e.previous_msgid or "") + more

    def keyword(self, keyword: str, index: str | None, value: str, n: int) -> None:
        self.started = True
        self.prev_field = None
        self.field, self.index = keyword, None
        if keyword == "msgctxt":
            self.e.msgctxt = value
        elif keyword == "msgid":
            self.e.msgid, self.e.line = value, n
        elif keyword == "msgid_plural":
            self.e.msgid_plural = value
        elif index is not None:
            self.index = int(index)
            self.e.msgstr_plural[self.index] = value
            self.after_msgstr = True
        else:
            self.e.msgstr = value
            self.after_msgstr = True

    def more(self, value: str) -> None:
        f = self.field
        if f == "msgctxt":
            self.e.msgctxt = (self.e.msgctxt or "") + value
        elif f == "msgid":
            self.e.msgid += value
        elif f == "msgid_plural":
            self.e.msgid_plural = (self.e.msgid_plural or "") + value
        elif f and f.startswith("msgstr") and self.index is not None:
            self.e.msgstr_plural[self.index] += value
        elif f == "msgstr":
            self.e.msgstr += value

    def flush(self, entries: list[Entry]) -> None:
        if self.started:
            if self.e.msgstr_plural and not self.e.msgstr:
                self.e.msgstr = self.e.msgstr_plural.get(0, "")
            entries.append(self.e)
        self.__init__()


def _header_fields(msgstr: str) -> list[tuple[str, str]]:
    out = []
    for line in msgstr.split("\n"):
        if ":" in line:
            name, value = line.split(":", 1)
            out.append((name.strip(), value.strip()))
    return out


def _header_comment_lines(text: str) -> list[str]:
    out = []
    for line in physical_lines(text):
        if line.startswith("msgid") or line.startswith("msgctxt"):
            break
        if line.startswith("#") and not line.startswith("#,"):
            out.append(line.rstrip())
    return out


# ---- writing ---------------------------------------------------------------------------------
_WRITE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r",
                  "\a": "\\a", "\b": "\\b", "\f": "\\f", "\v": "\\v"}
_NEEDS_ESCAPE = re.compile(r'[\\"\n\t\r\a\b\f\v]')
WIDTH = 79  # GNU gettext's page width: only reference lines are wrapped at it (--no-wrap)


def escape(s: str) -> str:
    return _NEEDS_ESCAPE.sub(lambda m: _WRITE_ESCAPES[m.group(0)], s)


def _field(prefix: str, keyword: str, value: str) -> list[str]:
    """`keyword "value"`, split after embedded newlines as GNU does (first line empty)."""
    parts = re.findall(r"[^\n]*\n|[^\n]+", value) or [""]
    if len(parts) == 1:
        return [f'{prefix}{keyword} "{escape(parts[0])}"']
    return [f'{prefix}{keyword} ""'] + [f'{prefix}"{escape(p)}"' for p in parts]


def _references(refs: list[str]) -> list[str]:
    lines, cur = [], "#:"
    for ref in refs:
        if len(cur) > 2 and len(cur) + 1 + len(ref) > WIDTH:
            lines.append(cur)
            cur = "#:"
        cur += " " + ref
    if len(cur) > 2:
        lines.append(cur)
    return lines


def _comment(prefix: str, text: str) -> str:
    return f"{prefix} {text}" if text else prefix


def entry_lines(e: Entry) -> list[str]:
    out = [_comment("#", c) for c in e.comments]
    if not e.obsolete:
        out += [_comment("#.", c) for c in e.extracted]
        out += _references(e.references)
    if e.flags:
        out.append("#, " + ", ".join(e.flags))
    keep = "#~ " if e.obsolete else ""
    prev = "#~| " if e.obsolete else "#| "
    if e.previous_msgctxt is not None:
        out += _field(prev, "msgctxt", e.previous_msgctxt)
    if e.previous_msgid is not None:
        out += _field(prev, "msgid", e.previous_msgid)
    if e.msgctxt is not None:
        out += _field(keep, "msgctxt", e.msgctxt)
    out += _field(keep, "msgid", e.msgid)
    if e.msgid_plural is not None:
        out += _field(keep, "msgid_plural", e.msgid_plural)
        plural = e.msgstr_plural or {0: e.msgstr}
        for i in sorted(plural):
            out += _field(keep, f"msgstr[{i}]", plural[i])
    else:
        out += _field(keep, "msgstr", e.msgstr)
    return out


def dumps(cat: Catalog) -> bytes:
    """The catalog as a PO file (UTF-8), in GNU gettext's --no-wrap layout."""
    lines = list(cat.header_comments)
    if cat.header_flags:
        lines.append("#, " + ", ".join(cat.header_flags))
    lines.append('msgid ""')
    lines += _field("", "msgstr", "".join(f"{k}: {v}\n" for k, v in cat.header))
    for e in cat.entries:
        lines.append("")
        lines += entry_lines(e)
    return ("\n".join(lines) + "\n").encode("utf-8")


def without_format_flags(flags: list[str]) -> list[str]:
    """Flags minus format flags: content texts are never printf/Python format strings, whatever
    a `%` in them looks like ("100% success")."""
    return [f for f in flags if not FORMAT_FLAG.match(f)]
