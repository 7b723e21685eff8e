"""The fonts installed where Typst (and LibreOffice) look for them, as one fingerprint: a PDF's
cache key includes it, and the typst worker pool is made for it (a font installed gives new
workers)."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
             "/Library/Fonts", "/System/Library/Fonts", "~/Library/Fonts",
             "C:/Windows/Fonts", "~/AppData/Local/Microsoft/Windows/Fonts")


@functools.lru_cache(maxsize=1)
def fonts_version() -> str:
    """The fonts typst can find: every font file's path, size and modification time (no scan of
    the font files' contents)."""
    h = hashlib.sha256()
    for d in FONT_DIRS:
        root = Path(os.path.expanduser(d))
        if not root.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                p = os.path.join(dirpath, name)
                try:
                    st = os.stat(p)
                except OSError:
                    continue
                h.update(f"{p}:{st.st_size}:{st.st_mtime_ns}\0".encode())
    return h.hexdigest()
