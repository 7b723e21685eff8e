"""Which characters the PDF cannot print: those in none of the fonts Typst can use.

Typst falls back from the fonts a language names to any font it scanned that has the
character, and where none has it prints an empty box (.notdef) without a warning: an emoji or
a flag vanishes from the PDF. So a character is missing when no installed font's character map
(cmap) holds it, read with fontTools from the font folders the typst workers scan
(fonts.FONT_DIRS). Reading every cmap takes seconds, so the union of all of them is kept, as
code point ranges, in the user's cache folder under the fonts' fingerprint
(fonts.fonts_version): installing or removing a font reads them again.

Typst's own embedded fonts (Libertinus Serif, New Computer Modern, DejaVu Sans Mono) are
compiled into its binary and cannot be read: a character that only they hold would be
reported missing. Every character they have is in the fonts the set-up installs
(fonts-noto-core, fonts-dejavu), so this does not happen there.
"""

from __future__ import annotations

import bisect
import functools
import json
import os
import unicodedata
from pathlib import Path

from unreport.formats.fonts import FONT_DIRS, fonts_version

_FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
# characters that print no glyph of their own (spaces, joiners, variation selectors, soft
# hyphens, direction marks): Typst does not look for them in a font
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp", "Cs"}


def _cache_file() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "unreport" / f"glyphs-{fonts_version()[:20]}.json"


def _scan() -> list[int]:
    """Every code point of every installed font, as sorted [start, end) pairs, flat."""
    from fontTools.ttLib import TTCollection, TTFont, TTLibError
    points: set[int] = set()
    for d in FONT_DIRS:
        root = Path(os.path.expanduser(d))
        if not root.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            for name in filenames:
                if not name.lower().endswith(_FONT_SUFFIXES):
                    continue
                path = os.path.join(dirpath, name)
                try:
                    if name.lower().endswith((".ttc", ".otc")):
                        fonts = TTCollection(path, lazy=True).fonts
                    else:
                        fonts = [TTFont(path, lazy=True)]
                    for font in fonts:
                        points.update(font.getBestCmap() or ())
                except (OSError, TTLibError, ValueError, KeyError, AssertionError, EOFError):
                    continue  # a damaged font file: Typst skips it too
    ranges: list[int] = []
    for p in sorted(points):
        if ranges and ranges[-1] == p:
            ranges[-1] = p + 1
        else:
            ranges += [p, p + 1]
    return ranges


@functools.lru_cache(maxsize=1)
def _coverage(version: str) -> tuple[int, ...]:
    path = _cache_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("fonts") == version and isinstance(data.get("ranges"), list):
            return tuple(data["ranges"])
    except (OSError, ValueError, AttributeError):
        pass
    ranges = _scan()
    try:  # written atomically: builds running at once each write a whole file
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"fonts": version, "ranges": ranges}), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # no cache folder: read the fonts again next time
    return tuple(ranges)


def missing(text: str) -> list[str]:
    """The characters of `text` (each once, in order) that no installed font has."""
    ranges = None
    out: dict[str, None] = {}
    for ch in set(text):
        if ch.isascii() or unicodedata.category(ch) in _INVISIBLE:
            continue
        if ranges is None:
            ranges = _coverage(fonts_version())
        # inside a [start, end) pair: an odd insertion point
        if bisect.bisect_right(ranges, ord(ch)) % 2 == 0:
            out[ch] = None
    return sorted(out, key=text.index)

