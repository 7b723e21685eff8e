"""The folder Typst compiles the PDF editions in."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from unreport.project.paths import Project


def typst_root(project: Project) -> Path:
    """The folder Typst compiles in: the design's files (templates/typst/, an emblem) and
    nothing else. The shipped templates folder itself when the project changes none of
    them; else a merged copy, made once per content in the temporary folder (the same
    content, the same folder: typst workers keep what they memoised for it)."""
    shipped = project.layers("templates")[-1]
    files = {rel: p for rel, p in project.file_map("templates").items()
             if rel.startswith("typst/") or rel == "emblem.png"}
    if project.emblem is not None:
        files["emblem.png"] = project.emblem
    if all(p.resolve().is_relative_to(shipped.resolve()) for p in files.values()):
        return shipped
    h = hashlib.sha256()
    for rel in sorted(files):
        h.update(rel.encode() + b"\0" + files[rel].read_bytes() + b"\0")
    root = Path(tempfile.gettempdir()) / f"unreport-typst-{h.hexdigest()[:16]}"
    if not root.is_dir():
        tmp = Path(tempfile.mkdtemp(prefix=".unreport-typst-", dir=root.parent))
        for rel, src in files.items():
            (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, tmp / rel)
        try:
            os.rename(tmp, root)
        except OSError:  # another build made the same folder meanwhile
            shutil.rmtree(tmp, ignore_errors=True)
    return root
