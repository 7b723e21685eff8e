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


def make_project(tmp: Path, content: Path | list[Path], locales: dict | None = None) -> Path:
    """A throwaway project: the repository's templates and locales plus the given content."""
    shutil.copytree(ROOT / "templates", tmp / "templates")
    shutil.copytree(ROOT / "locales", tmp / "locales")
    (tmp / "content").mkdir()
    for c in content if isinstance(content, list) else [content]:
        shutil.copy(c, tmp / "content" / c.name)
    for rel, text in (locales or {}).items():
        path = tmp / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp
