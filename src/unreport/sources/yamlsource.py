"""Safe YAML reading that keeps file, line and column on every value.

PyYAML's safe loader silently keeps the last of two equal keys and expands aliases without bound;
this composes the node graph and converts it ourselves, refusing duplicate keys, non-standard tags
and alias expansion beyond a bound, and reporting every problem with its place.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import yaml

from unreport.files import not_a_file
from unreport.diagnostics import Collector, Loc

MAX_NODES = 200_000  # bound on values expanded from aliases: stops "billion laughs" bombs
MAX_DEPTH = 64  # bound on nesting (a deeper document is a mistake or an attack)
# characters no text may hold: C0 and C1 controls but tab and line breaks (NEL is a YAML line
# break), lone surrogates, and the bidi embedding, override and isolate controls (U+202A-E,
# U+2066-9: they reorder what a reader sees, "Trojan Source"); text direction comes from the
# edition's language
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
                       "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
STANDARD_TAGS = {f"tag:yaml.org,2002:{t}" for t in
                 ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}


@dataclass
class Value:
    """A YAML value with its place. `data` is dict[str, Value] | list[Value] | scalar."""

    data: Any
    loc: Loc
    key_loc: Loc | None = None  # for mapping values: where the key is
    # a plain (unquoted) scalar as written: `job: 017`, `symbol: 12:30:00` or `title: 1.5e+3`
    # are text where text is expected, not the number YAML 1.1 makes of them
    source: str | None = None
    # characters no text may hold were taken out of it (already an error at `loc`): a check of
    # what remains (an ID's shape) would report the same fault again
    cleaned: bool = False


class _Converter:
    def __init__(self, path: str, diag: Collector):
        self.path = path
        self.diag = diag
        self.count = 0  # values expanded from aliases
        self.made = 0  # values converted or expanded
        self.done: dict[int, tuple[Value, int, int]] = {}  # node -> (value, size, height)
        self.depth = 0
        self.deepest = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def loc(self, node: yaml.Node) -> Loc:
        return Loc(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def convert(self, node: yaml.Node) -> Value:
        """A node's value. A node met again is an alias: its value is shared, not converted
        again, and what it expands to (values, depth) is counted against the bounds."""
        self.depth += 1
        try:
            done = self.done.get(id(node))
            if done is not None:
                value, size, height = done
                self.count += size
                self.made += size
                if self.count > MAX_NODES:
                    raise _TooBig(self.loc(node))
                if self.depth + height - 1 > MAX_DEPTH:
                    raise _TooDeep(self.loc(node))
                self.deepest = max(self.deepest, self.depth + height - 1)
                return Value(value.data, value.loc, value.key_loc, value.source)
            if self.depth > MAX_DEPTH:
                raise _TooDeep(self.loc(node))
            made, outer, self.deepest = self.made, self.deepest, self.depth
            value = self._convert(node)
            self.made += 1
            self.done[id(node)] = (value, self.made - made, self.deepest - self.depth + 1)
            self.deepest = max(outer, self.deepest)
            return value
        finally:
            self.depth -= 1

    def _convert(self, node: yaml.Node) -> Value:
        loc = self.loc(node)
        if node.tag not in STANDARD_TAGS:
            self.diag.error(loc, f"YAML tag '{node.tag}' is not allowed; content is plain data "
                                 "(remove the tag)")
            return Value(None, loc)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Value] = {}
            first: dict[str, Loc] = {}
            for knode, vnode in node.value:
                kloc = self.loc(knode)
                if not isinstance(knode, yaml.ScalarNode):
                    self.diag.error(kloc, "mapping keys must be plain words")
                    continue
                key = str(knode.value)
                if key == "<<":
                    self.diag.error(kloc, "YAML merge keys ('<<') are not supported; write the "
                                          "keys out")
                    continue
                if key in first:
                    self.diag.error(kloc, f"duplicate key '{key}' (first at line "
                                          f"{first[key].line}); remove one of them")
                    continue
                first[key] = kloc
                val = self.convert(vnode)
                val.key_loc = kloc  # a value of its own: an alias's is a copy
                out[key] = val
            return Value(out, loc)
        if isinstance(node, yaml.SequenceNode):
            return Value([self.convert(n) for n in node.value], loc)
        try:
            data = self.scalars.construct_object(node, deep=True)
        except (ValueError, yaml.constructor.ConstructorError) as exc:
            what = "date" if node.tag.endswith("timestamp") else "value"
            self.diag.error(loc, f"impossible {what} '{node.value}' ({exc}); write a real "
                                 f"{what} (dates as YYYY-MM-DD)")
            data = None
        if isinstance(data, str) and FORBIDDEN.search(data):
            self.diag.error(loc, forbidden_message(data))  # written as an escape ("\\x01")
            return Value(FORBIDDEN.sub("", data), loc, cleaned=True)
        return Value(data, loc, source=node.value if not node.style else None)


def forbidden_message(text: str) -> str:
    """What is wrong with the first character of `text` that no text may hold."""
    m = FORBIDDEN.search(text)
    ch = m.group()
    if "\ud800" <= ch <= "\udbff" and m.end() < len(text) and \
            "\udc00" <= text[m.end()] <= "\udfff":
        full = chr(0x10000 + ((ord(ch) - 0xD800) << 10) + ord(text[m.end()]) - 0xDC00)
        return (f"the surrogate pair \\u{ord(ch):04x}\\u{ord(text[m.end()]):04x} is "
                f"JSON's way of writing {full!r}, not YAML's; write the character itself or "
                f"\\U{ord(full):08X}")
    if "\ud800" <= ch <= "\udfff":
        return (f"lone surrogate \\u{ord(ch):04x} is not a character; write the character "
                "itself (or \\UXXXXXXXX for one beyond U+FFFF)")
    name = unicodedata.name(ch, "") or {"\x00": "NUL", "\x1b": "ESCAPE", "\x7f": "DELETE"
                                        }.get(ch, "")
    name = f" ({name})" if name else ""
    if "\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069":
        return (f"bidirectional control U+{ord(ch):04X}{name} is not allowed: it reorders "
                "the text on the page; delete it (the edition's language sets the direction)")
    return f"control character U+{ord(ch):04X}{name} is not allowed in text; delete it"


def check_characters(text: str, path: str, diag: Collector) -> bool:
    """Every character no text may hold, located; True when there is none."""
    ok = True
    for n, line in enumerate(text.split("\n"), 1):
        for m in FORBIDDEN.finditer(line):
            diag.error(Loc(path, n, m.start() + 1), forbidden_message(line[m.start():]))
            ok = False
    return ok


class _TooBig(Exception):
    def __init__(self, loc: Loc):
        self.loc = loc


class _TooDeep(_TooBig):
    pass


def _compose(text: str) -> yaml.Node | None:
    """The node graph, by libyaml when PyYAML has it (about ten times faster); a document
    libyaml refuses is parsed again by the pure-Python parser, whose messages are clearer."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.MarkedYAMLError as exc:
            if "maximum nesting depth" in str(exc.problem):
                raise  # the pure-Python composer would recurse past Python's stack
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(text: str, path: str, diag: Collector) -> Value | None:
    """Parse `text`; problems go to `diag`. Returns None when nothing usable could be read."""
    if not text.strip():
        diag.error(Loc(path, 1, 1), "file is empty; write the report's 'meta' and 'body'")
        return None
    if not check_characters(text, path, diag):
        return None
    try:
        node = _compose(text)
    except RecursionError:
        diag.error(Loc(path, 1, 1), f"the file nests more than {MAX_DEPTH} levels deep; "
                                    "flatten it")
        return None
    except yaml.MarkedYAMLError as exc:
        problem, mark = _explain(exc, text)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        diag.error(Loc(path, line, col), f"YAML syntax error: {problem}")
        return None
    except yaml.YAMLError as exc:
        diag.error(Loc(path, 1, 1), f"YAML error: {exc}")
        return None
    if node is None:
        diag.error(Loc(path, 1, 1), "file holds no YAML document")
        return None
    conv = _Converter(path, diag)
    try:
        return conv.convert(node)
    except _TooDeep as deep:
        diag.error(deep.loc, f"this value nests more than {MAX_DEPTH} levels deep; flatten it")
        return None
    except _TooBig as big:
        diag.error(big.loc, f"aliases expand to more than {MAX_NODES} values; write the data "
                            "out without recursive aliases")
        return None


def _explain(exc: yaml.MarkedYAMLError, text: str):
    """The problem in an editor's words, and where to look."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "syntax error"
    if "maximum nesting depth" in problem:
        return f"the file nests more than {MAX_DEPTH} levels deep; flatten it", mark
    if "single document" in (exc.context or "") or "another document" in problem:
        return ("a second YAML document starts here (after a '---' or '...' line); a file "
                "holds one document: remove that line"), mark
    if "<document start>" in problem:
        return ("the YAML document ended before this line (a '...' line above); a file holds "
                "one document: remove that line"), mark
    opened = _unclosed_quote(text, mark.line if mark else len(text))
    if opened is not None:
        return ("quoted text is not closed on the line where it opens; add the closing quote "
                "(write '' for a ' inside '...', or \\\" inside \"...\")"), opened
    if "quoted scalar" in (exc.context or "") and exc.context_mark is not None:
        return ("quoted text is not closed; add the closing quote (write '' for a ' inside "
                "'...', or \\\" inside \"...\")", exc.context_mark)
    flow = {"flow sequence": ("list", "[", "]"), "flow mapping": ("mapping", "{", "}")}
    for what, (name, opening, closing) in flow.items():
        # tripped on a later line than the one it opened on: not closed there (a bad item
        # on the list's own line is left to the parser's message)
        if what in (exc.context or "") and exc.context_mark is not None and \
                mark is not None and mark.line > exc.context_mark.line:
            return (f"the {name} opened with '{opening}' here is not closed on its line; add "
                    f"the closing "
                    f"'{closing}' (and a ',' between items)"), exc.context_mark
    if "'\\t'" in problem or "\t" in problem or "tab" in problem.lower():
        return f"{problem}; indent with spaces, not tabs", mark
    if "mapping values" in problem and mark is not None:
        lines = text.splitlines()
        before = lines[mark.line][: mark.column] if mark.line < len(lines) else ""
        if ": " in before.lstrip("- "):
            return f"{problem}; put text containing ': ' in quotes", mark
        return (f"{problem}; check this line's indentation against the lines above (or quote "
                "text containing ': ')"), mark
    return f"{problem}; check indentation and quoting near here", mark


_QUOTE_START = re.compile(r"""^\s*(?:-\s+)*(?:[^\s"'#][^#]*?:\s+)?(["'])""")
_CLOSED = {'"': re.compile(r'"(?:[^"\\]|\\.)*"'), "'": re.compile(r"'(?:[^']|'')*'")}


def _unclosed_quote(text: str, upto: int):
    """Where the first value opened with a quote that its line does not close stands, on or
    before line `upto` (0-based), as a mark; None when there is none. (YAML lets quoted text
    run over several lines, so the parser trips far below: content never needs that.)"""
    for n, line in enumerate(text.split("\n")[: upto + 1]):
        m = _QUOTE_START.match(line)
        if m and not _CLOSED[m.group(1)].match(line, m.start(1)):
            return yaml.Mark("", 0, n, m.start(1), None, None)
    return None


def read_text(path, display: str, diag: Collector) -> str | None:
    """Read a file as UTF-8 (BOM allowed); a non-UTF-8 file is a located error, and so is a
    path that is not a regular file (a named pipe is never opened: reading it would block)."""
    problem = not_a_file(path)
    if problem:
        diag.error(Loc(display), f"not a regular file ({problem}); remove it or replace it "
                                 "with a file")
        return None
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        diag.error(Loc(display, line, col), "file is not UTF-8; save it as UTF-8")
        return None
