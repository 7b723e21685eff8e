"""unreport as a tool of its own: one entry point, project settings, the root found from below,
a closed pipe, output/manifest.json, `unreport new`."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from buildcase import base_project
from conftest import ROOT

from unreport.cli import main

PY = sys.executable
UNREPORT = str(Path(PY).parent / "unreport")


def run(args, cwd, **kw):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, **kw)


def test_three_entry_points_give_the_same_exit_codes_and_outputs(tmp_path):
    project = base_project(tmp_path / "p")
    manifests = []
    for i, cmd in enumerate([[UNREPORT], [PY, "-m", "unreport"], [PY, str(ROOT / "build.py")]]):
        out = tmp_path / f"out{i}"
        proc = run(cmd + ["--root", str(project), "--output", str(out), "--strict"], project)
        assert proc.returncode == 0, proc.stderr
        manifests.append((out / "manifest.json").read_bytes())
        bad = run(cmd + ["--root", str(project), "--lang", "xx"], project)
        assert bad.returncode == 2 and "unknown language 'xx'" in bad.stderr
        assert run(cmd + ["--version"], project).stdout.startswith("unreport ")
        assert run(cmd + ["--help"], project).stdout.startswith("usage: unreport ")
    assert manifests[0] == manifests[1] == manifests[2]


def test_running_from_content_finds_the_root(tmp_path):
    project = base_project(tmp_path / "p")
    proc = run([PY, "-m", "unreport", "status"], project / "content")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[2].split()[:2] == ["zh", "note"]
    (project / "unreport.toml").write_text('output = "built"\n')
    (project / "content" / "deeper").mkdir()
    proc = run([PY, "-m", "unreport", "--no-review"], project / "content" / "deeper")
    assert proc.returncode == 0, proc.stderr
    assert (project / "built" / "note.zh.pdf").is_file()


def test_a_closed_pipe_ends_quietly(tmp_path):
    project = base_project(tmp_path / "p")
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -1` that has stopped reading
    proc = subprocess.run([PY, "-m", "unreport", "status"], cwd=project, stdout=write_end,
                          stderr=subprocess.PIPE, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    os.close(write_end)
    assert proc.returncode == 0 and proc.stderr == ""


def test_settings_are_typed_and_a_misspelt_key_is_a_located_error(tmp_path, capsys):
    project = base_project(tmp_path / "p")
    (project / "unreport.toml").write_text('# settings\npaper = "A4"\nstirct = true\n')
    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert "unreport.toml:3:1: error: unknown setting 'stirct'; did you mean 'strict'?" in err
    (project / "unreport.toml").write_text('paper = "A3"\n')
    assert main(["--root", str(project), "check"]) == 1
    assert "unreport.toml:1:1: error: setting 'paper' must be \"A4\" or \"Letter\", not 'A3'" \
        in capsys.readouterr().err


def test_settings_in_pyproject_strict_and_languages(tmp_path, capsys):
    project = base_project(tmp_path / "p")
    (project / "pyproject.toml").write_text('[project]\nname = "reports"\n\n[tool.unreport]\n'
                                            'strict = true\nlanguages = ["en"]\n')
    po = project / "locales/zh/note.po"
    po.write_text(po.read_text().replace('msgstr "导言"', 'msgstr ""'))
    assert main(["--root", str(project), "--no-review"]) == 0  # English only: no zh errors
    names = sorted(p.name for p in (project / "output").glob("note.*"))
    assert names == ["note.en.docx", "note.en.pdf"]
    capsys.readouterr()
    assert main(["--root", str(project), "--lang", "zh", "--no-review"]) == 1  # strict
    assert "intro: not translated" in capsys.readouterr().err
    (project / "pyproject.toml").write_text('[tool.unreport]\nlanguage = ["en"]\n')
    assert main(["--root", str(project), "check"]) == 1
    assert "pyproject.toml:2:1: error: unknown setting 'language'; did you mean 'languages'?" \
        in capsys.readouterr().err


def test_manifest_lists_every_output_with_its_sha256_and_is_deterministic(tmp_path):
    project = base_project(tmp_path / "p")
    po = project / "locales/zh/note.po"
    po.write_text(po.read_text().replace('msgstr "导言"', 'msgstr ""'))  # a draft
    out_a, out_b = tmp_path / "a", tmp_path / "b"
    assert main(["--root", str(project), "--output", str(out_a)]) == 0
    assert main(["--root", str(project), "--output", str(out_b), "--jobs", "1"]) == 0
    data = (out_a / "manifest.json").read_bytes()
    assert data == (out_b / "manifest.json").read_bytes()
    items = json.loads(data)["outputs"]
    documents = sorted(p.name for p in out_a.iterdir() if p.suffix in (".docx", ".pdf"))
    assert [i["path"] for i in items] == documents
    for item in items:
        assert item["sha256"] == hashlib.sha256((out_a / item["path"]).read_bytes()).hexdigest()
        assert item["report"] == "note" and item["format"] == item["path"].rsplit(".", 1)[1]
    by_path = {i["path"]: i for i in items}
    assert by_path["note.en.pdf"]["draft"] is False
    assert by_path["note.zh.pdf"]["draft"] is True and by_path["note.zh.pdf"]["language"] == "zh"
    review = by_path["note.en-zh.docx"]
    assert review["kind"] == "review" and review["source_language"] == "en" and review["draft"]
    # a no-op rebuild after another selection's build puts this selection's manifest back
    assert main(["--root", str(project), "--output", str(out_a), "--lang", "en"]) == 0
    assert (out_a / "manifest.json").read_bytes() != data
    assert main(["--root", str(project), "--output", str(out_a)]) == 0
    assert (out_a / "manifest.json").read_bytes() == data


def test_new_refuses_to_overwrite(tmp_path, capsys):
    target = tmp_path / "reports"
    target.mkdir()
    (target / "README.md").write_text("mine\n")
    assert main(["new", str(target)]) == 2
    assert "would overwrite README.md" in capsys.readouterr().err
    assert sorted(p.name for p in target.iterdir()) == ["README.md"]
    assert (target / "README.md").read_text() == "mine\n"


@pytest.mark.skipif(not (ROOT / "src/unreport/data/templates").is_dir(),
                    reason="the page design is not package data yet")
def test_new_project_builds_strictly_from_package_data(tmp_path):
    target = tmp_path / "reports"
    assert main(["new", str(target)]) == 0
    assert main(["--root", str(target), "--strict", "--verify"]) == 0
