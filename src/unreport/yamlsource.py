"""Safe YAML reading that keeps file, line and column on every value.

PyYAML's safe loader silently keeps the last of two equal keys and expands aliases without bound;
this composes the node graph and converts it ourselves, refusing duplicate keys, non-standard tags
and alias expansion beyond a bound, and reporting every problem with its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .errors import Collector, Loc

MAX_NODES = 200_000  # bound on expanded nodes: stops "billion laughs" alias bombs
STANDARD_TAGS = {f"tag:yaml.org,2002:{t}" for t in
                 ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}


@dataclass
class Value:
    """A YAML value with its place. `data` is dict[str, Value] | list[Value] | scalar."""

    data: Any
    loc: Loc
    key_loc: Loc | None = None  # for mapping values: where the key is


class _Converter:
    def __init__(self, path: str, diag: Collector):
        self.path = path
        self.diag = diag
        self.count = 0
        self.scalars = yaml.constructor.SafeConstructor()

    def loc(self, node: yaml.Node) -> Loc:
        return Loc(self.path, node.start_mark.line + 1, node.start_mark.column + 1)

    def convert(self, node: yaml.Node) -> Value:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooBig(self.loc(node))
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
                val.key_loc = kloc
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
        return Value(data, loc)


class _TooBig(Exception):
    def __init__(self, loc: Loc):
        self.loc = loc


def _compose(text: str) -> yaml.Node | None:
    """The node graph, by libyaml when PyYAML has it (about ten times faster); a document
    libyaml refuses is parsed again by the pure-Python parser, whose messages are clearer."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(text: str, path: str, diag: Collector) -> Value | None:
    """Parse `text`; problems go to `diag`. Returns None when nothing usable could be read."""
    if not text.strip():
        diag.error(Loc(path, 1, 1), "file is empty; write the report's 'meta' and 'body'")
        return None
    try:
        node = _compose(text)
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
    except _TooBig as big:
        diag.error(big.loc, f"document expands to more than {MAX_NODES} values (aliases?); "
                            "write the data out without recursive aliases")
        return None
    except RecursionError:
        diag.error(Loc(path, 1, 1), "document nests too deeply; flatten it")
        return None


def _explain(exc: yaml.MarkedYAMLError, text: str):
    """The problem in an editor's words, and where to look."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or "syntax error"
    if "quoted scalar" in (exc.context or "") and exc.context_mark is not None:
        return ("quoted text is not closed; add the closing quote (write '' for a ' inside "
                "'...', or \\\" inside \"...\")", exc.context_mark)
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


def read_text(path, display: str, diag: Collector) -> str | None:
    """Read a file as UTF-8 (BOM allowed); a non-UTF-8 file is a located error."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        diag.error(Loc(display, line, col), "file is not UTF-8; save it as UTF-8")
        return None
