import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

SEED = Path(__file__).resolve().parent / "fixtures" / "seed-report-zh.txt"  # copy of shared/seed/report-zh.txt
FIXTURES = Path(__file__).resolve().parent / "fixtures"


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


SHIPPED = ROOT / "src" / "unreport" / "data"  # the page design and language data of the tool


def copy_design_and_languages(tmp: Path) -> Path:
    """A project folder holding copies of everything the tool ships (templates/, locales/)
    and the repository's report catalogs: tests edit these copies as a project overrides
    the shipped files."""
    shutil.copytree(SHIPPED / "templates", tmp / "templates")
    shutil.copytree(SHIPPED / "locales", tmp / "locales")
    shutil.copytree(ROOT / "locales", tmp / "locales", dirs_exist_ok=True)
    return tmp


def make_project(tmp: Path, content: Path | list[Path], locales: dict | None = None) -> Path:
    """A throwaway project: the tool's templates and locales, the repository's catalogs, and
    the given content."""
    copy_design_and_languages(tmp)
    (tmp / "content").mkdir()
    for c in content if isinstance(content, list) else [content]:
        shutil.copy(c, tmp / "content" / c.name)
    for rel, text in (locales or {}).items():
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp


# ---- every PO file the tool writes is checked by the clients translators use ---------------
def po_clients_problems(path: Path) -> list[str]:
    """What GNU gettext (msgfmt --check), polib and translate-toolkit (Weblate's reader) say
    of a PO file; [] when all three read it."""
    import subprocess

    import polib
    from translate.storage import pypo
    problems = []
    try:
        proc = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                              capture_output=True, text=True)
    except FileNotFoundError:
        return ["msgfmt is not installed (Debian: apt-get install gettext; ./setup.sh does)"]
    if proc.returncode != 0:
        problems.append(f"msgfmt --check: {proc.stderr.strip()}")
    try:
        polib.pofile(str(path), check_for_duplicates=True)
    except Exception as exc:  # polib raises OSError/ValueError on a file it cannot read
        problems.append(f"polib: {exc}")
    try:
        with open(path, "rb") as f:
            store = pypo.pofile(f)
        if not [u for u in store.units if not u.isheader()]:
            problems.append("translate-toolkit: no units read")
    except Exception as exc:
        problems.append(f"translate-toolkit: {exc}")
    return problems


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
