"""Outputs are written atomically (a failed build leaves earlier outputs byte-identical and no
partial or temporary file) and deterministically (the same input gives the same bytes)."""

import shutil

import pytest
from helpers.project import ROOT, edit, make_project, snapshot

from unreport.cli import main

NAMES = sorted([f"note.{x}.{f}" for x in ("en", "zh", "en-zh") for f in ("docx", "pdf")]
               + [".unreport-cache.json",  # the build cache (cache.py) lives with the outputs
                  "manifest.json"])  # what was built, with SHA-256s (manifest.py)


@pytest.fixture(scope="module")
def built_once(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("built"), "base")
    assert main(["--root", str(project), "--strict"]) == 0
    return project


@pytest.fixture
def built(built_once, tmp_path):
    """A project whose outputs are built, then edited so that a rebuild would change them."""
    project = tmp_path / "p"
    shutil.copytree(built_once, project)
    before = snapshot(project / "output")
    assert sorted(before) == NAMES
    # the next build would change every output: a changed title in the source and translation
    edit(project / "content" / "note.yaml", "title: Note by the Secretariat",
         "title: Revised note by the Secretariat")
    edit(project / "locales" / "zh" / "note.po", 'msgid "Note by the Secretariat"\nmsgstr "秘书处的说明"',
         'msgid "Revised note by the Secretariat"\nmsgstr "秘书处的订正说明"')
    return project, before


def test_content_error_leaves_outputs(built, capsys):
    project, before = built
    edit(project / "content" / "note.yaml", "  body: Committee", "\tbody: Committee")
    assert main(["--root", str(project)]) == 1
    assert "note.yaml:8:1: error:" in capsys.readouterr().err
    assert snapshot(project / "output") == before


def test_translation_error_leaves_outputs(built, capsys):
    project, before = built
    edit(project / "locales" / "zh" / "note.po", 'msgstr "导言"', 'msgstr "导言')
    assert main(["--root", str(project)]) == 1
    assert "note.po:46:8: error: quoted text is not closed" in capsys.readouterr().err
    assert snapshot(project / "output") == before


def test_broken_page_design_leaves_outputs(built, capsys):
    """A failure while producing the PDFs (after the DOCX are ready) writes nothing at all."""
    project, before = built
    typ = project / "templates" / "typst" / "un.typ"
    typ.write_text(typ.read_text(encoding="utf-8") + "\n#let broken = (\n", encoding="utf-8")
    assert main(["--root", str(project)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert snapshot(project / "output") == before


def test_unwritable_target_leaves_other_outputs(built, capsys):
    """The last output cannot be written (a folder has its name): the three before it, already
    produced, are not renamed into place either."""
    project, before = built
    (project / "output" / "note.zh.pdf").unlink()
    (project / "output" / "note.zh.pdf").mkdir()
    del before["note.zh.pdf"]
    assert main(["--root", str(project)]) == 2
    err = capsys.readouterr().err
    assert "output/note.zh.pdf: error: cannot write output" in err, err
    assert snapshot(project / "output") == before


def test_successful_rebuild_replaces_all_and_leaves_no_temporary_files(built, capsys):
    project, before = built
    assert main(["--root", str(project), "--strict"]) == 0, capsys.readouterr().err
    after = snapshot(project / "output")
    assert sorted(after) == NAMES
    assert all(after[n] != before[n] for n in NAMES)


def test_two_builds_are_byte_identical(example_outputs, tmp_path, capsys):
    """The worked example built again, into another folder, gives the same bytes (DOCX and PDF)."""
    again = tmp_path / "again"
    assert main(["--root", str(ROOT), "--output", str(again), "--strict"]) == 0
    capsys.readouterr()
    first, second = snapshot(example_outputs), snapshot(again)
    assert sorted(first) == sorted(second)
    assert any(n.endswith(".docx") for n in first) and any(n.endswith(".pdf") for n in first)
    for name in first:
        assert first[name] == second[name], f"{name} differs between two builds"


def test_builds_in_different_folders_are_byte_identical(tmp_path, capsys):
    """No path, time or temporary name leaks into the outputs."""
    a = make_project(tmp_path / "a", "base")
    b = make_project(tmp_path / "somewhere" / "else", "base")
    assert main(["--root", str(a), "--jobs", "1"]) == 0
    assert main(["--root", str(b), "--jobs", "2"]) == 0
    capsys.readouterr()
    # the outputs; not the build cache, whose run key includes the project's folder
    outputs = lambda p: {n: d for n, d in snapshot(p / "output").items() if n[0] != "."}
    assert outputs(a) == outputs(b)
    assert len(outputs(a)) == 7  # six documents and manifest.json
