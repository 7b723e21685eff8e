"""A throwaway two-language project (tests/fixtures/tr) for the translator-workflow tests."""

from __future__ import annotations

import io
from pathlib import Path

from babel.messages.pofile import read_po
from conftest import FIXTURES, make_project

TR = FIXTURES / "tr"
REPORT = "tr-note"


def tr_project(tmp: Path, translated: bool = True) -> Path:
    locales = {}
    if translated:
        po = TR / "locales" / "zh" / f"{REPORT}.po"
        locales[f"locales/zh/{REPORT}.po"] = po.read_text(encoding="utf-8")
    return make_project(tmp, TR / "content" / f"{REPORT}.yaml", locales)


def content(project: Path) -> Path:
    return project / "content" / f"{REPORT}.yaml"


def po_path(project: Path) -> Path:
    return project / "locales" / "zh" / f"{REPORT}.po"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def entries(project: Path) -> tuple[dict, dict]:
    """(active, obsolete) messages of the zh catalog keyed by msgctxt, read by Babel."""
    cat = read_po(io.BytesIO(po_path(project).read_bytes()), abort_invalid=True)
    return ({m.context: m for m in cat if m.context},
            {m.context: m for m in cat.obsolete.values()})


def draft_project(tmp_path):
    """The fixture with a changed text (fuzzy entry) and a new paragraph (untranslated), catalogs
    synced."""
    from unreport.cli import main
    project = tr_project(tmp_path / "p")
    edit(content(project), "share information.", "share data.")             # -> fuzzy
    edit(content(project), "      - recommendation: recs.one",              # -> untranslated
         "      - para: recs.new\n        text: A brand new paragraph.\n"
         "      - recommendation: recs.one")
    assert main(["--root", str(project), "catalogs"]) == 0
    return project
