"""Property-based (hypothesis), kept small so CI stays fast: any mutation of a valid content or PO
file gives exit 0 or located errors, never a traceback (`check --strict`)."""

import re

import pytest
from helpers.project import ROOT, make_project
from helpers.mutations import mutations
from hypothesis import HealthCheck, given, settings

from unreport.cli import main

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LOCATED = re.compile(r"^[^\s:][^:]*:\d+:\d+: (error|warning): \S")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("mutate"), "base")


BASE_YAML = (ROOT / "tests" / "bad" / "_base" / "content" / "note.yaml").read_text("utf-8")
BASE_PO = (ROOT / "tests" / "bad" / "_base" / "locales" / "zh" / "note.po").read_text("utf-8")


def check_run(project, capsys, rel, text):
    path = project / rel
    original = path.read_bytes()
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        code = main(["check", "--strict", "--root", str(project)])
    finally:
        path.write_bytes(original)
    err = capsys.readouterr().err
    assert code in (0, 1), err
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 1:
        errors = [ln for ln in err.splitlines() if ": error: " in ln]
        assert errors, err
        assert all(LOCATED.match(ln) for ln in errors), err


@settings(max_examples=25, **SETTINGS)
@given(text=mutations(BASE_YAML))
def test_mutated_content_gives_located_errors(project, capsys, text):
    check_run(project, capsys, "content/note.yaml", text)


@settings(max_examples=20, **SETTINGS)
@given(text=mutations(BASE_PO))
def test_mutated_catalog_gives_located_errors(project, capsys, text):
    check_run(project, capsys, "locales/zh/note.po", text)
