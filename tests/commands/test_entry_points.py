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
    project = ROOT  # the worked example (two of its languages, to keep the test short)
    manifests = []
    for i, cmd in enumerate([[UNREPORT], [PY, "-m", "unreport"], [PY, str(ROOT / "build.py")]]):
        out = tmp_path / f"out{i}"
        proc = run(cmd + ["--root", str(project), "--output", str(out), "--strict", "--lang",
                          "en", "--lang", "zh"], project)
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


def test_new_project_builds_strictly_from_package_data(tmp_path):
    target = tmp_path / "reports"
    assert main(["new", str(target)]) == 0
    assert not (target / "templates").exists() and not (target / "locales/zh/style.yaml").exists()
    assert main(["--root", str(target), "--strict", "--verify"]) == 0
    from readback import docx_paragraphs
    paras = [t for _s, t in docx_paragraphs(target / "output/example-report.zh.docx")]
    assert "1.\t工作组于2026年6月1日至3日在维也纳举行了第一次会议。" in paras
    assert "建议 1" in paras


def test_a_project_overrides_one_template_and_one_style_key(tmp_path):
    target = tmp_path / "reports"
    assert main(["new", str(target)]) == 0
    # one template file: the labels, with a word added to the recommendation's label
    shipped = ROOT / "src/unreport/data/templates/base/labels.j2"
    own = target / "templates/base/labels.j2"
    own.parent.mkdir(parents=True)
    own.write_text(shipped.read_text().replace('_("Recommendation %(number)s", number=number)',
                                               '_("Recommendation %(number)s", number=number) '
                                               '~ " (revised)"'))
    # one style key: the English date pattern
    (target / "locales/en").mkdir(parents=True)
    (target / "locales/en/style.yaml").write_text('date: "MMMM d, y"\n')
    assert main(["--root", str(target), "--no-review", "--format", "docx"]) == 0
    from readback import docx_paragraphs
    en = [t for _s, t in docx_paragraphs(target / "output/example-report.en.docx")]
    assert "Recommendation 1 (revised)" in en  # the project's template
    assert "June 1, 2026" in en  # the project's key ...
    assert "Vienna, 1–3 June 2026" in en  # ... and the shipped rest of the English style
    zh = [t for _s, t in docx_paragraphs(target / "output/example-report.zh.docx")]
    assert "2026年6月1日至3日，维也纳" in zh  # other languages untouched


def test_the_wheel_installed_outside_the_tree_builds_a_new_project(tmp_path):
    """`pip wheel` of the repository, installed with its runtime dependencies alone (no test
    extra: verify must work without pdfplumber) into a fresh venv that sees nothing of the
    source tree, then `unreport new` and `unreport --strict --verify` in an empty folder."""
    dist = tmp_path / "dist"
    proc = subprocess.run([PY, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist),
                           str(ROOT)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    wheel = next(dist.glob("unreport-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([PY, "-m", "venv", str(venv)], check=True)
    vpy = venv / "bin" / "python"
    # the runtime dependencies come from pip's cache of the set-up's install
    proc = subprocess.run([str(vpy), "-m", "pip", "install", "-q",
                           "--disable-pip-version-check", str(wheel)], capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr
    listed = subprocess.run([str(vpy), "-m", "pip", "list", "--format", "freeze"],
                            capture_output=True, text=True).stdout.lower()
    assert "pdfplumber" not in listed and "pypdf" in listed
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = subprocess.run([str(vpy), "-c", "import unreport; print(unreport.__file__)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path)
    assert where.stdout.startswith(str(venv)), where
    project = tmp_path / "reports"
    project.mkdir()
    cmd = str(venv / "bin" / "unreport")
    proc = subprocess.run([cmd, "new"], cwd=project, capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([cmd, "--strict", "--verify"], cwd=project, capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "verified: 6 file(s)" in proc.stdout
    items = json.loads((project / "output/manifest.json").read_text())["outputs"]
    assert sorted(i["path"] for i in items) == sorted(
        f"example-report.{x}.{f}" for x in ("en", "zh", "en-zh") for f in ("docx", "pdf"))


def test_the_paper_setting_gives_letter_pages_in_both_formats(tmp_path):
    from docx import Document
    from pypdf import PdfReader
    project = base_project(tmp_path / "p")
    (project / "unreport.toml").write_text('paper = "Letter"\n')
    assert main(["--root", str(project), "--no-review", "--lang", "en"]) == 0
    box = PdfReader(str(project / "output/note.en.pdf")).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4, 1), round(float(box.height) / 72 * 25.4, 1)) \
        == (215.9, 279.4)
    section = Document(str(project / "output/note.en.docx")).sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (215.9, 279.4)
