"""Fixtures for every test. The helpers tests import are in tests/helpers/ (tests/README.md):
this file puts tests/ on sys.path for them, and the worktree's src/ before any installed
unreport."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers.po_clients import po_clients_problems  # noqa: E402
from helpers.project import ROOT  # noqa: E402


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def example_outputs(tmp_path_factory) -> Path:
    """The worked example built once for the session (strict: the catalog is complete)."""
    from unreport.cli import main
    out = tmp_path_factory.mktemp("example-output")
    assert main(["--root", str(ROOT), "--output", str(out), "--strict"]) == 0
    return out


# ---- every PO file the tool writes is checked by the clients translators use ---------------
@pytest.fixture(autouse=True)
def po_files_pass_gettext_clients(monkeypatch):
    """After each test, every PO file the tool wrote during it must pass msgfmt --check, polib
    and translate-toolkit."""
    from unreport import files as output
    written: list[Path] = []
    real = output.write_atomic

    def recording(path, data):
        real(path, data)
        if str(path).endswith(".po"):
            written.append(Path(path))

    monkeypatch.setattr(output, "write_atomic", recording)
    yield written
    bad = {str(p): po_clients_problems(p) for p in dict.fromkeys(written) if p.is_file()}
    bad = {p: v for p, v in bad.items() if v}
    assert not bad, f"PO files rejected by gettext clients: {bad}"
