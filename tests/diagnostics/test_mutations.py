"""A held-out habit (issue 17): valid projects mutated at random (content, catalog, house style,
terminology, XLIFF) and every command run on them. Each run ends in success or in located
diagnostics with exit 1 or 2, never a traceback or an internal error, and a failed run leaves
the project and its outputs as they were. Derandomized and small, so the suite stays quick."""

import io
import shutil
from contextlib import redirect_stderr, redirect_stdout

import pytest
from helpers.project import make_project, snapshot
from helpers.mutations import mutations
from hypothesis import HealthCheck, given, settings

from unreport.cli import main

SETTINGS = dict(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
COMMANDS = (["check", "--strict"], ["catalogs"], ["status"], ["xliff", "export"],
            ["build", "--lang", "en", "--format", "docx", "--no-review"])


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("pristine"), "base")
    assert main(["--root", str(project), "xliff", "export", "--output",
                 str(project / "xliff")]) == 0
    return project


def fresh(pristine, tmp_path_factory):
    project = tmp_path_factory.mktemp("mutant")
    shutil.copytree(pristine, project, dirs_exist_ok=True)
    return project


def run(project, args):
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = main([*args, "--root", str(project)])
    return code, err.getvalue()


def assert_clean(project, commands=COMMANDS):
    for args in commands:
        before = snapshot(project)
        code, err = run(project, args)
        what = f"{' '.join(args)}: exit {code}\n{err}"
        assert code in (0, 1, 2), what
        assert "Traceback" not in err and "internal error" not in err, what
        if code:
            errors = [ln for ln in err.splitlines() if "error:" in ln]
            assert errors, what
            assert all(ln.startswith("error: ") or ": error: " in ln for ln in errors), what
            assert snapshot(project) == before, what  # a failed run changes nothing


def mutate_and_run(pristine, tmp_path_factory, rel, text, commands=COMMANDS):
    project = fresh(pristine, tmp_path_factory)
    (project / rel).write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_clean(project, commands)


def original(rel):
    from helpers.project import BASE
    from helpers.project import ROOT
    shipped = ROOT / "src" / "unreport" / "data" / rel
    path = BASE / rel if (BASE / rel).exists() else shipped if shipped.exists() else ROOT / rel
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("rel", ["content/note.yaml", "locales/zh/note.po",
                                 "locales/zh/style.yaml", "locales/en/terms.yaml"])
def test_mutated_project_files(pristine, tmp_path_factory, rel):
    @settings(max_examples=4, **SETTINGS)
    @given(text=mutations(original(rel)))
    def check(text):
        mutate_and_run(pristine, tmp_path_factory, rel, text)
    check()


def test_mutated_xliff_imports(pristine, tmp_path_factory):
    xlf = (pristine / "xliff" / "note.zh.xlf").read_text(encoding="utf-8")

    @settings(max_examples=8, **SETTINGS)
    @given(text=mutations(xlf))
    def check(text):
        project = fresh(pristine, tmp_path_factory)
        (project / "xliff" / "note.zh.xlf").write_text(text, encoding="utf-8",
                                                       errors="surrogatepass")
        assert_clean(project, [["xliff", "import", str(project / "xliff" / "note.zh.xlf")],
                               ["check", "--strict"]])
    check()
