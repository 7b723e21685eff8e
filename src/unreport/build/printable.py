"""Characters an output cannot print (a glyph in none of the installed fonts: an emoji, a
flag), found in the gather stage: a warning at the character itself, an error under --strict,
once per text. Which characters a format cannot print is the format's to say
(`Format.cannot_print`, formats/pdf/glyphs.py for the PDF)."""

from __future__ import annotations

import re
import unicodedata

from unreport import formats
from unreport.diagnostics import Collector, Loc
from unreport.model.nodes import Report, units
from unreport.project.options import Options
from unreport.project.paths import Project
from unreport.translate import FUZZY, UNTRANSLATED


def check_printable(project: Project, report: Report, tr, opts: Options, diag: Collector,
                    shown: set) -> None:
    """A character that a selected format cannot print (a glyph in none of the installed fonts:
    an emoji, a flag) is a warning at the character (its text's place when it is not written
    there as itself), an error under --strict; once per text."""
    sources = None  # where each unit's source text is: what an untranslated unit prints
    for fmt in formats.selected(opts.formats):
        for ident, text in tr.texts.items():
            chars = fmt.cannot_print(text.text)
            if not chars:
                continue
            loc = text.loc
            if text.status in (FUZZY, UNTRANSLATED):  # it prints the source: found there
                if sources is None:
                    sources = {u.id: u.loc for u in units(report)}
                loc = sources.get(ident, loc)
            if (loc, fmt.name, *chars) in shown:
                continue
            shown.add((loc, fmt.name, *chars))
            names = ", ".join(f"{ch} ({glyphs_name(ch)})" for ch in chars)
            msg = (f"{ident}: {names} {'is' if len(chars) == 1 else 'are'} in none of the "
                   f"installed fonts: the {fmt.name.upper()} prints an empty box; install a "
                   f"font that has {'it' if len(chars) == 1 else 'them'} (emoji: "
                   "fonts-noto-color-emoji) or write it in words")
            where = character_loc(project, loc, chars[0])
            if opts.strict:
                diag.error(where, msg + " (--strict)")
            else:
                diag.warning(where, msg)


def character_loc(project: Project, loc, ch: str):
    """Where `ch` is first written at or after `loc` (a text's place) in its file, or `loc`."""
    try:
        lines = (project.root / loc.path).read_text(encoding="utf-8-sig").split("\n")
    except (OSError, UnicodeDecodeError):
        return loc
    first = max(loc.line, 1)
    if first > len(lines):
        return loc
    indent = len(lines[first - 1]) - len(lines[first - 1].lstrip(" "))
    for n in range(first, len(lines) + 1):
        line = lines[n - 1]
        if n > first and _next_unit(loc.path, line, indent):
            break  # written as an escape (\U0001F970): not in its own text's lines
        col = line.find(ch, max(loc.col - 1, 0) if n == first else 0)
        if col >= 0:
            return Loc(loc.path, n, col + 1)
    return loc


_YAML_ITEM = re.compile(r"\s*(-\s|[\w.-]+:(\s|$))")


def _next_unit(path: str, line: str, indent: int) -> bool:
    """Whether `line` begins what follows a text: in a PO file the blank line after its entry;
    in YAML a list item or key no deeper than the text's own line."""
    if path.endswith(".po"):
        return not line.strip()
    return bool(line.strip()) and len(line) - len(line.lstrip(" ")) <= indent and \
        bool(_YAML_ITEM.match(line))


def glyphs_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}{' ' + name if name else ''}"
