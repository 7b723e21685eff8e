"""Reading a PO file (a report's catalog or messages.po) with every problem located: the one
reader of PO files for every stage (translate, the labels, the translator tools)."""

from __future__ import annotations

import re
from pathlib import Path

from unreport.diagnostics import Collector, Loc
from unreport.sources import po
from unreport.sources.po_check import check_po_lines
from unreport.sources.yamlsource import FORBIDDEN, check_characters, forbidden_message, read_text


def read_catalog(path: Path, display: str, diag: Collector) -> po.Catalog | None:
    """Read a PO file; every malformed line is a located diagnostic (po_check), then po.py
    reads it with every field a gettext tool may have written. A compiled .mo file, a header
    charset the bytes do not agree with, and characters no text may hold are located errors
    (nothing is read, so nothing is rewritten from a misread file)."""
    if path.is_file() and path.read_bytes()[:4] in MO_MAGIC:
        diag.error(Loc(display, 1, 1), "this is a compiled .mo file, not a PO file; put the PO "
                                       "file (the text one msgfmt compiles) here")
        return None
    if path.is_file() and not _utf8_or_declared(path.read_bytes(), display, diag):
        return None
    text = read_text(path, display, diag)
    if text is None or not check_po_lines(text, display, diag) or \
            not check_characters(text, display, diag):
        return None
    catalog = po.parse(text)
    return catalog if _charset_agrees(text, catalog, display, diag) and \
        _texts_clean(catalog, display, diag) else None


MO_MAGIC = (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde")  # GNU gettext .mo, either byte order


def _utf8_or_declared(raw: bytes, display: str, diag: Collector) -> bool:
    """Bytes that are not UTF-8 under a header declaring their charset: say how to convert
    (a file read in a charset it may not be in is never rewritten)."""
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        pass
    m = re.search(rb"charset=([\w.:-]+)", raw, re.I)
    if not m or m.group(1).lower().replace(b"-", b"") == b"utf8":
        return True  # read_text reports where the bytes are not UTF-8
    line = raw[: m.start()].count(b"\n") + 1
    cs = m.group(1).decode("ascii")
    diag.error(Loc(display, line, 1), f"the file is written in {cs} (its header says so); "
                                      "unreport reads PO files in UTF-8: convert it with "
                                      f"'msgconv --to-code=UTF-8' (or save it as UTF-8) and "
                                      "set the header to charset=UTF-8")
    return False


def _charset_agrees(text: str, catalog: po.Catalog, display: str, diag: Collector) -> bool:
    """The file was read as UTF-8 (read_text refuses other bytes): a header declaring another
    charset is wrong (an editor's mistake: the bytes are UTF-8) unless the text is ASCII."""
    import codecs
    content_type = catalog.header_value("Content-Type") or ""
    m = re.search(r"charset=([\w.:-]+)", content_type, re.I)
    if not m or text.isascii():
        return True
    try:
        declared = codecs.lookup(m.group(1)).name
    except LookupError:
        declared = m.group(1)
    if declared == "utf-8":
        return True
    line, col = next(((n, ln.lower().index("charset=") + 1) for n, ln in
                      enumerate(text.splitlines(), 1) if "charset=" in ln.lower()), (1, 1))
    diag.error(Loc(display, line, col), f"the header declares charset={m.group(1)} but the file "
                                      "is UTF-8; change the header to charset=UTF-8")
    return False


def _texts_clean(catalog: po.Catalog, display: str, diag: Collector) -> bool:
    """No field of an entry (its ID, source or translation) holds a character no text may hold,
    written as an escape ("\\x01"): an ID with one would be taken for a lost ID and dropped."""
    ok = True
    for e in catalog.active():
        for s in (e.msgctxt or "", e.msgid, e.msgid_plural or "", e.msgstr,
                  *e.msgstr_plural.values()):
            if FORBIDDEN.search(s):
                diag.error(Loc(display, e.line, 1), f"{e.msgctxt or e.msgid}: "
                                                    f"{forbidden_message(s)}")
                ok = False
                break
    return ok
