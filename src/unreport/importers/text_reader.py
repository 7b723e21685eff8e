"""A plain-text report as a neutral paragraph stream.

One paragraph per line. A line that follows another without a blank line between them is
marked `continues`: the structure stage joins it to the paragraph before when it has no
number of its own (hard-wrapped text), and keeps it apart otherwise (the masthead's lines,
list items). List markers the text may put before a number ("- (a)", "• 1.") are dropped; the
indentation is kept as a hint of the list level.
"""

from __future__ import annotations

import re
from pathlib import Path

from unreport.importers.paragraphs import Para, Source

_BULLET = re.compile(r"^[\-\u2013\u2022\u25cf\u00b7]\s+")


def read_text_file(path: Path, display: str) -> Source:
    src = Source(display)
    prev_blank = True
    for lineno, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), start=1):
        line = raw.rstrip()
        if not line.strip():
            prev_blank = True
            continue
        indent = len(line) - len(line.lstrip())
        body = _BULLET.sub("", line.strip())
        src.items.append(Para(body, f"{display}:{lineno}", level=indent or None,
                              continues=not prev_blank and indent == 0))
        prev_blank = False
    return src
