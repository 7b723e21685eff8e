"""Project settings: `unreport.toml` at a project's root, or `[tool.unreport]` in its
`pyproject.toml`, and how the root is found (walking up from the working directory, as git
does; `--root` wins).

    # unreport.toml
    languages = ["en", "fr"]   # editions to build (default: each report's meta.languages)
    output = "output"          # where outputs go (--output wins)
    paper = "A4"               # A4 or Letter
    emblem = "templates/emblem.png"   # the organisation's emblem (the UN's is not shipped)
    strict = false             # every build as --strict (for CI)

Unknown settings and wrong types are located errors (`unreport.toml:3:1: error: ...`) with a
"did you mean".
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from unreport.diagnostics import ContentError, Diagnostic, Loc

FILE = "unreport.toml"
PAPERS = ("A4", "Letter")


@dataclass(frozen=True)
class Settings:
    languages: tuple[str, ...] = ()
    output: str | None = None
    paper: str | None = None  # A4 or Letter; None: the page design's own (A4)
    emblem: str | None = None
    strict: bool = False
    path: str | None = None  # the file the settings came from, as shown


_TYPES = {"languages": "a list of language codes such as [\"en\", \"fr\"]",
          "output": "a folder name (text)", "paper": "\"A4\" or \"Letter\"",
          "emblem": "a path to an image (text)", "strict": "true or false"}


def find_root(start: Path) -> Path:
    """The project root: the nearest folder (this one or above) with an unreport.toml, a
    pyproject.toml with [tool.unreport], or a content/ folder; else `start`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / FILE).is_file() or _has_tool_table(folder / "pyproject.toml"):
            return folder
    for folder in (start, *start.parents):
        if (folder / "content").is_dir() and any((folder / "content").glob("*.yaml")):
            return folder
    return start


def _has_tool_table(path: Path) -> bool:
    try:
        return bool(re.search(r"(?m)^\s*\[tool\.unreport\]", path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError):
        return False


def load_settings(root: Path) -> Settings:
    """The settings of the project at `root` (defaults when it has no settings file)."""
    path = root / FILE
    table_header = None
    if not path.is_file():
        path = root / "pyproject.toml"
        if not _has_tool_table(path):
            return Settings()
        table_header = "[tool.unreport]"
    shown = path.name
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ContentError([Diagnostic(Loc(shown, 1, 1), "not UTF-8; save it as UTF-8")])
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+), column (\d+)", str(exc))
        loc = Loc(shown, int(m.group(1)), int(m.group(2))) if m else Loc(shown, 1, 1)
        raise ContentError([Diagnostic(loc, f"TOML syntax error: {exc}; fix the settings "
                                            "file")]) from None
    if table_header:
        data = data.get("tool", {}).get("unreport", {})
    return _typed(data, text, shown, table_header)


def _line_of(text: str, key: str, table_header: str | None) -> Loc:
    """Where `key = ...` stands (tomllib keeps no positions)."""
    lines = text.splitlines()
    start = 0
    if table_header:
        start = next((i for i, line in enumerate(lines) if line.strip() == table_header), 0)
    for i in range(start, len(lines)):
        m = re.match(rf"\s*{re.escape(key)}\s*=", lines[i])
        if m:
            return Loc("", i + 1, len(lines[i]) - len(lines[i].lstrip()) + 1)
    return Loc("", start + 1, 1)


def _typed(data: dict, text: str, shown: str, table_header: str | None) -> Settings:
    known = [f.name for f in fields(Settings) if f.name != "path"]
    problems = []

    def problem(key: str, message: str) -> None:
        where = _line_of(text, key, table_header)
        problems.append(Diagnostic(Loc(shown, where.line, where.col), message))

    values = {}
    for key, value in data.items():
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else \
                f"; the settings are {', '.join(known)}"
            problem(key, f"unknown setting '{key}'{hint}")
            continue
        ok = {"languages": isinstance(value, list) and all(isinstance(x, str) for x in value),
              "output": isinstance(value, str) and value.strip() != "",
              "paper": value in PAPERS,
              "emblem": isinstance(value, str) and value.strip() != "",
              "strict": isinstance(value, bool)}[key]
        if not ok:
            problem(key, f"setting '{key}' must be {_TYPES[key]}, not {value!r}")
            continue
        values[key] = tuple(value) if key == "languages" else value
    if problems:
        raise ContentError(problems)
    return Settings(**values, path=shown)
