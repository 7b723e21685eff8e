"""unreport as a tool of its own: three entry points with one behaviour, a closed pipe,
`unreport new`, the wheel installed outside the tree. (Settings: tests/project/; the manifest:
tests/build/test_manifest.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers.project import ROOT, make_project

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


def test_a_closed_pipe_ends_quietly(tmp_path):
    project = make_project(tmp_path / "p", "base")
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -1` that has stopped reading
    proc = subprocess.run([PY, "-m", "unreport", "status"], cwd=project, stdout=write_end,
                          stderr=subprocess.PIPE, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    os.close(write_end)
    assert proc.returncode == 0 and proc.stderr == ""


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
    from helpers.readback import docx_paragraphs
    paras = [t for _s, t in docx_paragraphs(target / "output/example-report.zh.docx")]
    assert "1.\t工作组于2026年6月1日至3日在维也纳举行了第一次会议。" in paras
    assert "建议 1" in paras


def test_the_wheel_installed_outside_the_tree_builds_a_new_project(tmp_path):
    """`pip wheel` of the repository, installed with its runtime dependencies alone (no test
    extra: verify must work without pdfplumber) into a fresh venv that sees nothing of the
    source tree, then `unreport new` and `unreport --strict --verify` in an empty folder."""
    dist = tmp_path / "dist"
    proc = subprocess.run([PY, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist),
                           str(ROOT)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    wheel = next(dist.glob("unreport-*.whl"))
    # the venv sees nothing of the tree: not a PYTHONPATH to its src/ (whose egg-info would
    # make pip take unreport for installed already and skip the wheel)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    venv = tmp_path / "venv"
    subprocess.run([PY, "-m", "venv", str(venv)], check=True)
    vpy = venv / "bin" / "python"
    # the runtime dependencies come from pip's cache of the set-up's install
    proc = subprocess.run([str(vpy), "-m", "pip", "install", "-q",
                           "--disable-pip-version-check", str(wheel)], capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    listed = subprocess.run([str(vpy), "-m", "pip", "list", "--format", "freeze"],
                            capture_output=True, text=True, env=env).stdout.lower()
    assert "pdfplumber" not in listed and "pypdf" in listed
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
