"""Reading a PDF output back for `--verify` (pypdf, what a reader's viewer extracts): its
text in reading order (formats/readback.py)."""

from __future__ import annotations

import re
from pathlib import Path

from unreport.formats.readback import Text


def edition(path: Path) -> Text:
    text = pdf_text(path)
    return Text(text, bool(_RTL_RUN.search(text)))


review = edition  # the review document is read the same way: its text in order


def pdf_text(path: Path) -> str:
    import logging

    from pypdf import PdfReader
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # a damaged file is reported once, here
    return "\n".join(logical_order(page.extract_text() or "")
                     for page in PdfReader(str(path)).pages)


_RTL_RUN = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]"
                      r"(?:[^A-Za-z0-9\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\n]*"
                      r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])?")


def logical_order(text: str) -> str:
    """Right-to-left runs of a PDF's extracted text in reading order. pypdf gives the runs of
    a line in reading order but the words of a right-to-left run (Arabic, Hebrew) as they
    stand on the page, from left to right: each such run (right-to-left letters and the
    punctuation between them, up to a Latin letter or a digit) is turned word by word. Where
    pypdf puts the punctuation of such a run is not reliable: `verify.check_text` compares the
    words of a document with right-to-left text without it."""
    def turn(m: re.Match) -> str:
        return "".join(reversed(re.findall(r"\w+|\W", m.group(0))))
    return _RTL_RUN.sub(turn, text)
