"""A small throwaway project from tests/bad/_base (valid report `note`, en + zh) for tests that
build, break and rebuild."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, copy_design_and_languages

BAD = ROOT / "tests" / "bad"
BASE = BAD / "_base"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir() and not p.name.startswith("_"))


def base_project(tmp: Path) -> Path:
    copy_design_and_languages(tmp)
    shutil.copytree(BASE, tmp, dirs_exist_ok=True)
    return tmp


def case_project(tmp: Path, case: str) -> Path:
    copy_design_and_languages(tmp)
    shutil.copytree(BAD / "_base", tmp, dirs_exist_ok=True)
    shutil.copytree(BAD / case, tmp, dirs_exist_ok=True)
    (tmp / "expected.txt").unlink()
    for keep in tmp.rglob(".keep"):  # git keeps no empty folder: a folder a case needs
        keep.unlink()
    make_special_files(tmp, case)
    return tmp


def make_special_files(tmp: Path, case: str) -> None:
    """What git cannot hold, from the case's `make` lines: `make fifo PATH` (a named pipe),
    `make symlink PATH TARGET` (a link, dangling when TARGET does not exist)."""
    import os
    for line in (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        words = line.split()
        if words[:2] == ["make", "fifo"]:
            os.mkfifo(tmp / words[2])
        elif words[:2] == ["make", "symlink"]:
            os.symlink(words[3], tmp / words[2])


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden and temporary ones included) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}
