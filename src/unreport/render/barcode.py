"""Code 39 bar patterns of job numbers, from the maintained python-barcode library."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=64)
def code39_modules(digits: str) -> str:
    """Module string ('1' bar, '0' space) for *digits*, start and stop characters included."""
    from barcode import Code39
    return "".join(Code39(digits, add_checksum=False).build())
