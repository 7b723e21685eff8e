"""Where a project's files are: content, locales, templates, output."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path
    output: Path | None = None  # default: <root>/output

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def output_dir(self) -> Path:
        return self.output or self.root / "output"

    def report_paths(self, pattern: str = "*") -> list[Path]:
        paths = sorted(self.content_dir.glob("*.yaml"))
        return [p for p in paths if fnmatch.fnmatch(p.stem, pattern)]

    def languages(self) -> list[str]:
        """Languages the project knows: a folder under locales/ with a style.yaml."""
        if not self.locales_dir.is_dir():
            return []
        return sorted(p.parent.name for p in self.locales_dir.glob("*/style.yaml"))

    def catalog_path(self, report_id: str, lang: str) -> Path:
        return self.locales_dir / lang / f"{report_id}.po"

    def rel(self, path: Path) -> str:
        """Path as shown in messages: relative to the project root when inside it."""
        path = Path(path)
        try:  # the folder resolved, not the file: a link is named as itself
            return str((path.parent.resolve() / path.name).relative_to(self.root.resolve()))
        except ValueError:
            return str(path)
