"""Language data read once while unchanged.

Several stages read the same small files for every edition: house styles, terminology, label
catalogs. Each is parsed once per content of its files (a watch session sees edits at once);
the diagnostics of that parse are replayed to every caller, so an error is reported each run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Callable, TypeVar

from unreport.diagnostics import Collector
from unreport.files import not_a_file

T = TypeVar("T")
_MEMO: dict[tuple, tuple] = {}
_LIMIT = 256  # entries; a long watch session drops the oldest


def _fingerprint(paths: tuple[Path, ...]) -> tuple:
    """What each file holds (its hash); a path that is not a regular file, what it is: a named
    pipe is never opened (reading it would block; the reader then reports it)."""
    out = []
    for path in paths:
        problem = not_a_file(path)
        try:
            out.append((str(path), problem or hashlib.sha1(path.read_bytes()).hexdigest()))
        except OSError:
            out.append((str(path), None))
    return tuple(out)


def read_once(kind: str, paths: tuple[Path, ...], make: Callable[[Collector], T],
              diag: Collector | None = None) -> T:
    """`make(collector)`'s value for these files' current contents, made at most once; what
    `make` reported is added to `diag`. An exception from `make` is raised and nothing kept."""
    key = (kind, _fingerprint(paths))
    if key not in _MEMO:
        local = Collector()
        value = make(local)
        if len(_MEMO) >= _LIMIT:
            _MEMO.pop(next(iter(_MEMO)))
        _MEMO[key] = (value, list(local.diagnostics))
    value, diagnostics = _MEMO[key]
    if diag is not None:
        diag.diagnostics.extend(diagnostics)
    return value
