"""Typed reading of located YAML (yamlsource.Value trees): frozen dataclasses built from the
data with one located error per problem, and the same dataclasses written out as a JSON
Schema for editors.

A dataclass is a mapping with known keys: a field without a default is required, an unknown key
is an error at the key ("did you mean ...?", difflib), a value of the wrong type an error at the
value ("numbers.chapter: must be a mapping (key: value), not text"). Field metadata:

- `doc`: the key's description (the schema's `description`);
- `check`: a function of the read value returning what is wrong with it, or None;
- `expect`: what the value must be, in an editor's words, for a value of the wrong type;
- `plain`: keep the value as written (frozen plain data, checked against the type but not
  converted to it), for data handed on as it is (fonts go to Typst as JSON);
- `values`: the metadata of each value of a mapping;
- `schema`: more JSON Schema keywords for this field (`enum`, `minItems`, ...).

Types: str, int, float (a number as written: 10 stays 10), bool, Literal[...], X | None,
unions, tuple[X, ...], tuple[X, Y], Mapping[K, V] (a read-only mapping; int keys are read from
text keys), nested dataclasses. Layered files (the tool's, then the project's) are merged value
by value with `merge`, so that every value keeps the place of the file that sets it.
"""

from __future__ import annotations

import dataclasses
import difflib
import types
import typing
from collections.abc import Mapping
from typing import Any, Literal, Union

from unreport.diagnostics import Collector, Loc
from unreport.sources.yamlsource import Value


class ReadOnlyDict(dict):
    """A dict that refuses changes (a frozen view of plain data that stays a dict for JSON and
    templates)."""

    def _refuse(self, *_args, **_kwargs):
        raise TypeError("this data is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _refuse
    __ior__ = _refuse

    def __hash__(self):  # frozen dataclasses holding one hash by identity
        return id(self)


def freeze(data):
    """Plain data made read-only: mappings as ReadOnlyDict, lists as tuples."""
    if isinstance(data, dict):
        return ReadOnlyDict({k: freeze(v) for k, v in data.items()})
    if isinstance(data, (list, tuple)):
        return tuple(freeze(v) for v in data)
    return data


def plain(v: Value | None):
    """A Value tree as plain data (dicts, lists, scalars)."""
    if v is None:
        return None
    if isinstance(v.data, dict):
        return {k: plain(x) for k, x in v.data.items()}
    if isinstance(v.data, list):
        return [plain(x) for x in v.data]
    return v.data


def merge(base: Value | None, over: Value | None) -> Value | None:
    """`over` laid on `base` key by key (mappings merge, anything else is replaced); every
    value keeps its own place, a merged mapping the place of `over`'s."""
    if base is None:
        return over
    if over is None:
        return base
    if not (isinstance(base.data, dict) and isinstance(over.data, dict)):
        return over
    out = dict(base.data)
    for key, value in over.data.items():
        out[key] = merge(out[key], value) if key in out else value
    return Value(out, over.loc, over.key_loc or base.key_loc)


def kind(data) -> str:
    """What a value is, in an editor's words."""
    if isinstance(data, bool):
        return "true/false"
    return {dict: "a mapping", list: "a list", str: "text", int: "a number",
            float: "a number", type(None): "empty"}.get(type(data), type(data).__name__)


_INVALID = object()


class Reader:
    """Reads Value trees into typed values; every problem goes to `diag`, located."""

    def __init__(self, diag: Collector, what: str = "file", hint: str = ""):
        self.diag = diag
        self.what = what  # names the root in "<what> is missing 'key'"
        self.hint = hint  # said after a missing key at the root

    def read(self, tp, value: Value, path: tuple = ()):
        """The typed value, or None when it could not be read (the problems are in diag)."""
        out = self._read(tp, value, path, {})
        return None if out is _INVALID else out

    def error(self, loc: Loc, path: tuple, message: str) -> None:
        where = ".".join(str(p) for p in path)
        self.diag.error(loc, f"{where}: {message}" if where else message)

    # -- one value ---------------------------------------------------------------------------
    def _read(self, tp, value: Value, path: tuple, meta: Mapping):
        out = self._convert(tp, value, path, meta)
        if out is not _INVALID and meta.get("plain"):
            out = freeze(plain(value))
        if out is not _INVALID and meta.get("check") is not None:
            problem = meta["check"](out)
            if problem:
                self.error(value.loc, path, problem)
                return _INVALID
        return out

    def _convert(self, tp, value: Value, path: tuple, meta: Mapping):
        data = value.data
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if dataclasses.is_dataclass(tp):
            return self._dataclass(tp, value, path, meta)
        if origin in (Union, types.UnionType):
            options = [a for a in args if a is not type(None)]
            if data is None and len(options) < len(args):
                return None
            if len(options) == 1:
                return self._convert(options[0], value, path, meta)
            for option in options:  # the first that reads without a problem
                scratch = Reader(Collector(), self.what, self.hint)
                out = scratch._convert(option, value, path, {})
                if out is not _INVALID and not scratch.diag.errors:
                    return out
            self.error(value.loc, path, f"must be {meta.get('expect') or describe(tp)}")
            return _INVALID
        if origin is Literal:
            if data in args:
                return data
            self.error(value.loc, path, f"'{data}' is not one of "
                                        f"{', '.join(str(a) for a in args)}")
            return _INVALID
        if origin is tuple:
            if not isinstance(data, list):
                return self._wrong(value, path, meta, tp)
            fixed = not (len(args) == 2 and args[1] is Ellipsis)
            bounds = meta.get("schema", {})
            low, high = bounds.get("minItems", 0), bounds.get("maxItems")
            if fixed and len(data) != len(args) or len(data) < low:
                if low and low == high:
                    self.error(value.loc, path, f"must be {meta.get('expect') or f'{low} items'}"
                                                f", not {len(data)}")
                    return _INVALID
                return self._wrong(value, path, meta, tp)
            if high is not None and len(data) > high:
                self.error(value.loc, path, f"must be {meta.get('expect') or f'{high} items'}"
                                            f" at most, not {len(data)}" if low != high else
                           f"must be {meta.get('expect') or f'{high} items'}, not {len(data)}")
                return _INVALID
            items = args if fixed else (args[0],) * len(data)
            out = [self._read(t, v, (*path, i), {}) for i, (t, v) in
                   enumerate(zip(items, data))]
            return _INVALID if _INVALID in out else tuple(out)
        if origin in (Mapping, dict) or tp is Mapping:
            if not isinstance(data, dict):
                return self._wrong(value, path, meta, tp)
            key_tp, value_tp = args or (str, Any)
            out = {}
            for key, v in data.items():
                if key_tp is int:
                    try:
                        k = int(key)
                    except ValueError:
                        self.error(v.key_loc or v.loc, path, f"'{key}' is not a number; "
                                                             "write a number as the key")
                        out = _INVALID
                        continue
                else:
                    k = key
                got = self._read(value_tp, v, (*path, key), meta.get("values", {}))
                if got is _INVALID or out is _INVALID:
                    out = _INVALID
                    continue
                out[k] = got
            return _INVALID if out is _INVALID else ReadOnlyDict(out)
        if tp is Any:
            return freeze(plain(value))
        if tp is str:
            if isinstance(data, str):
                return data
            return self._wrong(value, path, meta, tp, "; put it in quotes")
        if tp is bool:
            return data if isinstance(data, bool) else self._wrong(value, path, meta, tp)
        if tp in (int, float):
            ok = isinstance(data, int) if tp is int else isinstance(data, (int, float))
            return data if ok and not isinstance(data, bool) else \
                self._wrong(value, path, meta, tp)
        raise TypeError(f"typed reading has no rule for {tp!r}")

    def _wrong(self, value: Value, path: tuple, meta: Mapping, tp, tail: str = ""):
        expect = meta.get("expect")
        self.error(value.loc, path, f"must be {expect}" if expect else
                   f"must be {describe(tp)}, not {kind(value.data)}{tail}")
        return _INVALID

    def _dataclass(self, cls, value: Value, path: tuple, meta: Mapping):
        if not isinstance(value.data, dict):
            return self._wrong(value, path, meta, cls)
        hints = typing.get_type_hints(cls)
        known = {f.name: f for f in dataclasses.fields(cls) if f.init}
        ok = True
        for key, v in value.data.items():
            if key not in known:
                close = difflib.get_close_matches(key, sorted(known), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else \
                    f"; the keys here are {', '.join(sorted(known))}"
                self.error(v.key_loc or v.loc, path, f"unknown key '{key}'{hint}")
                ok = False
        kwargs = {}
        for name, f in known.items():
            v = value.data.get(name)
            if v is None:
                if f.default is dataclasses.MISSING and \
                        f.default_factory is dataclasses.MISSING:
                    if path:
                        self.error(value.loc, path, f"is missing '{name}'; add it")
                    else:
                        self.diag.error(value.loc, f"{self.what} is missing '{name}'; add "
                                                   f"it{self.hint}")
                    ok = False
                continue
            got = self._read(hints[name], v, (*path, name), f.metadata)
            if got is _INVALID:
                ok = False
            else:
                kwargs[name] = got
        return cls(**kwargs) if ok else _INVALID


def describe(tp) -> str:
    """What a type accepts, in an editor's words."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if dataclasses.is_dataclass(tp) or origin in (Mapping, dict) or tp is Mapping:
        return "a mapping (key: value)"
    if origin in (Union, types.UnionType):
        return " or ".join(describe(a) for a in args if a is not type(None))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return f"a list (of {describe(args[0])})" if args[0] is not Any else "a list"
        return f"a list of {len(args)} ({', '.join(describe(a) for a in args)})"
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in args)
    return {str: "text", bool: "true or false", int: "a whole number", float: "a number",
            Any: "a value"}.get(tp, getattr(tp, "__name__", str(tp)))


# ---- the same types as a JSON Schema (draft 7) ---------------------------------------------------
def schema(cls, title: str, description: str, schema_id: str, partial: bool = False) -> dict:
    """A JSON Schema of the dataclass `cls` (a definition for every nested dataclass).
    `partial`: no key is required (a file that is one layer of a merged whole)."""
    definitions: dict[str, dict] = {}
    root = _dataclass_schema(cls, definitions, partial)
    return {"$schema": "http://json-schema.org/draft-07/schema#", "$id": schema_id,
            "title": title, **root, "description": description,
            "definitions": dict(sorted(definitions.items()))}


def _dataclass_schema(cls, definitions: dict, partial: bool) -> dict:
    hints = typing.get_type_hints(cls)
    props, required = {}, []
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        props[f.name] = _field_schema(hints[f.name], f.metadata, definitions, partial)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    out: dict = {"type": "object", "additionalProperties": False}
    if cls.__doc__ and not cls.__doc__.startswith(cls.__name__ + "("):
        out["description"] = " ".join(cls.__doc__.split())
    if required and not partial:
        out["required"] = required
    out["properties"] = props
    return out


def _field_schema(tp, meta: Mapping, definitions: dict, partial: bool) -> dict:
    node = _type_schema(tp, meta, definitions, partial)
    node.update(meta.get("schema", {}))
    if meta.get("doc"):
        node["description"] = meta["doc"]
    return node


def _type_schema(tp, meta: Mapping, definitions: dict, partial: bool) -> dict:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if dataclasses.is_dataclass(tp):
        if tp.__name__ not in definitions:
            definitions[tp.__name__] = {}  # (a recursive type refers to itself)
            definitions[tp.__name__] = _dataclass_schema(tp, definitions, partial)
        return {"$ref": f"#/definitions/{tp.__name__}"}
    if origin in (Union, types.UnionType):
        options = [_type_schema(a, {}, definitions, partial) for a in args
                   if a is not type(None)]
        if len(args) > len(options):
            options.append({"type": "null"})
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _type_schema(args[0], {}, definitions, partial)}
        return {"type": "array",
                "items": [_type_schema(a, {}, definitions, partial) for a in args],
                "minItems": len(args), "maxItems": len(args)}
    if origin in (Mapping, dict) or tp is Mapping:
        key_tp, value_tp = args or (str, Any)
        out = {"type": "object", "additionalProperties":
               _field_schema(value_tp, meta.get("values", {}), definitions, partial)}
        if key_tp is int:
            out["propertyNames"] = {"pattern": "^[0-9]+$"}
        return out
    if tp is Any:
        return {}
    return {"type": {str: "string", bool: "boolean", int: "integer", float: "number"}[tp]}
