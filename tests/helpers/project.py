"""Throwaway projects for the tests: one builder, `make_project`, and the few edits tests make
to what it built. Every test that needs a project folder of its own builds it here (the
session's built example is the `example_outputs` fixture of tests/conftest.py)."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"  # small reports: blocks, french, mini, tr
BAD = TESTS / "bad"  # the bad-input corpus; _base is the valid report `note` (en + zh)
BASE = BAD / "_base"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir() and not p.name.startswith("_"))
SEED = FIXTURES / "seed-report-zh.txt"  # copy of shared/seed/report-zh.txt
SHIPPED = ROOT / "src" / "unreport" / "data"  # the page design and language data of the tool
TR_REPORT = "tr-note"  # the report of tests/fixtures/tr


def make_project(tmp: Path, source: str | Path | list[Path] | None = None,
                 locales: dict[str, str] | None = None, *, catalogs: bool = True,
                 without: tuple[str, ...] | list[str] = ()) -> Path:
    """A project folder at `tmp`, returned. It always holds copies of everything the tool
    ships (templates/, locales/: tests edit these copies as a project overrides the shipped
    files) and, unless `catalogs` is false, the repository's report catalogs (locales/*/*.po).

    `source` is what the project holds besides:
    - None: nothing (a bare project, e.g. to import into);
    - "example": the repository's content/ (the worked example);
    - "base": tests/bad/_base, the small valid report `note` in English and Chinese;
    - "bad/<case>": tests/bad/_base with the bad-input case over it (its expected.txt left
      out; the named pipes and symbolic links its `make` lines ask for, which git cannot hold,
      made);
    - a folder name of tests/fixtures ("tr", "blocks", "mini", "french"): its content/ and
      locales/;
    - a content file or a list of them: copied into content/.
    Then each `locales` item (a path relative to the project: text) is written, and each path
    in `without` removed."""
    shutil.copytree(SHIPPED / "templates", tmp / "templates")
    shutil.copytree(SHIPPED / "locales", tmp / "locales")
    if catalogs:
        shutil.copytree(ROOT / "locales", tmp / "locales", dirs_exist_ok=True)
    if isinstance(source, str):
        if source == "example":
            shutil.copytree(ROOT / "content", tmp / "content")
        elif source == "base" or source.startswith("bad/"):
            shutil.copytree(BASE, tmp, dirs_exist_ok=True)
            if source != "base":
                _bad_case(tmp, source.split("/", 1)[1])
        else:
            shutil.copytree(FIXTURES / source, tmp, dirs_exist_ok=True)
    elif source is not None:
        (tmp / "content").mkdir()
        for c in source if isinstance(source, list) else [source]:
            shutil.copy(c, tmp / "content" / c.name)
    for rel, text in (locales or {}).items():
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for rel in without:
        (tmp / rel).unlink()
    return tmp


def _bad_case(tmp: Path, case: str) -> None:
    shutil.copytree(BAD / case, tmp, dirs_exist_ok=True)
    (tmp / "expected.txt").unlink()
    for keep in tmp.rglob(".keep"):  # git keeps no empty folder: a folder a case needs
        keep.unlink()
    # what git cannot hold, from the case's `make` lines: `make fifo PATH` (a named pipe),
    # `make symlink PATH TARGET` (a link, dangling when TARGET does not exist), `make folder
    # PATH` (an empty folder); each in place of the file the project may have copied there
    for line in (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        words = line.split()
        if words[:1] != ["make"]:
            continue
        path = tmp / words[2]
        if path.is_file():
            path.unlink()
        if words[1] == "fifo":
            os.mkfifo(path)
        elif words[1] == "symlink":
            os.symlink(words[3], path)
        elif words[1] == "folder":
            path.mkdir()


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` (which must be there) by `new` in a text file, `count` times (-1: all)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden and temporary ones included) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


# ---- the translator-workflow fixture (tests/fixtures/tr: report tr-note, en + zh) ----------
def content(project: Path) -> Path:
    return project / "content" / f"{TR_REPORT}.yaml"


def po_path(project: Path) -> Path:
    return project / "locales" / "zh" / f"{TR_REPORT}.po"


def entries(project: Path) -> tuple[dict, dict]:
    """(active, obsolete) messages of the zh catalog keyed by msgctxt, read by Babel."""
    from babel.messages.pofile import read_po
    cat = read_po(io.BytesIO(po_path(project).read_bytes()), abort_invalid=True)
    return ({m.context: m for m in cat if m.context},
            {m.context: m for m in cat.obsolete.values()})


def draft_project(tmp_path: Path) -> Path:
    """make_project(…, "tr") with a changed text (a fuzzy entry) and a new paragraph (an
    untranslated one), catalogs synced."""
    from unreport.cli import main
    project = make_project(tmp_path / "p", "tr")
    edit(content(project), "share information.", "share data.")             # -> fuzzy
    edit(content(project), "      - recommendation: recs.one",              # -> untranslated
         "      - para: recs.new\n        text: A brand new paragraph.\n"
         "      - recommendation: recs.one")
    assert main(["--root", str(project), "catalogs"]) == 0
    return project
