"""A small throwaway project from tests/bad/_base (valid report `note`, en + zh) for tests that
build, break and rebuild."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, copy_design_and_languages

BASE = ROOT / "tests" / "bad" / "_base"


def base_project(tmp: Path) -> Path:
    copy_design_and_languages(tmp)
    shutil.copytree(BASE, tmp, dirs_exist_ok=True)
    return tmp


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden and temporary ones included) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}
