"""Where a project's files are: content, locales, templates, output."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass
from pathlib import Path

from unreport.files import not_a_file

DATA = Path(__file__).resolve().parents[1] / "data"  # what ships with the tool
# the kinds of file read from locales/ and templates/
DATA_SUFFIXES = (".yaml", ".yml", ".po", ".j2", ".typ", ".lua", ".png", ".json", ".toml")


@dataclass(frozen=True)
class Project:
    root: Path
    output: Path | None = None  # default: <root>/output
    settings: object = None  # settings.Settings of unreport.toml ([tool.unreport])

    @property
    def emblem(self) -> Path | None:
        """The organisation's emblem: the `emblem` setting, else templates/emblem.png."""
        named = getattr(self.settings, "emblem", None)
        path = self.root / named if named else self.find("templates", "emblem.png")
        return path if path.is_file() else None

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

    # ---- shipped files and their overrides ------------------------------------------------
    def layers(self, folder: str) -> list[Path]:
        """Where a shipped file of `folder` ("templates" or "locales") is looked up: the
        project's own folder first, then the tool's (`data/`). In the tool's own source tree
        the two may be one."""
        own, shipped = self.root / folder, DATA / folder
        if not shipped.is_dir() or shipped.resolve() == own.resolve():
            return [own]
        return [own, shipped]

    def find(self, folder: str, rel: str) -> Path:
        """The file `folder/rel` that counts: the project's if it has one, else the tool's
        (the project's path when neither exists, for the message)."""
        for layer in self.layers(folder):
            if (layer / rel).is_file():
                return layer / rel
        return self.root / folder / rel

    def stack(self, folder: str, rel: str) -> list[Path]:
        """Every existing `folder/rel`, the tool's first: YAML style files merge key by key,
        the project's keys winning."""
        return [layer / rel for layer in reversed(self.layers(folder)) if (layer / rel).is_file()]

    def file_map(self, folder: str, pattern: str = "**/*") -> dict[str, Path]:
        """Every file of `folder` that counts, by its path relative to the folder: the
        project's overriding the tool's."""
        found: dict[str, Path] = {}
        for layer in reversed(self.layers(folder)):
            if layer.is_dir():
                for p in sorted(layer.glob(pattern)):
                    if p.is_file() and "__pycache__" not in p.parts:
                        found[p.relative_to(layer).as_posix()] = p
        return dict(sorted(found.items()))

    def irregular(self) -> list[tuple[Path, str]]:
        """Whatever in the project's own locales/ and templates/ stands where a file would be
        read but is no regular file (a named pipe, a socket, a link to nothing, a folder named
        like a data file), with what it is: the lookups above skip it, so the tool's file
        would be used in its place without a word. Nothing here is opened."""
        import os
        found = []
        for folder in ("locales", "templates"):
            top = self.root / folder
            if not top.is_dir() or (DATA / folder).resolve() == top.resolve():
                continue
            for dirpath, dirnames, filenames in os.walk(top):
                dirnames.sort()
                for name in sorted(filenames) + [d for d in dirnames
                                                 if d.endswith(DATA_SUFFIXES)]:
                    path = Path(dirpath) / name
                    problem = not_a_file(path)
                    if problem:
                        found.append((path, problem))
        return found

    def files(self, folder: str, pattern: str = "**/*") -> list[Path]:
        return list(self.file_map(folder, pattern).values())

    def languages(self) -> list[str]:
        """Languages the project knows: a folder under locales/ with a style.yaml, its own or
        shipped with the tool."""
        return sorted({p.parent.name for layer in self.layers("locales") if layer.is_dir()
                       for p in layer.glob("*/style.yaml")})

    def catalog_path(self, report_id: str, lang: str) -> Path:
        return self.locales_dir / lang / f"{report_id}.po"

    def rel(self, path: Path) -> str:
        """Path as shown in messages: relative to the project root when inside it; a file
        shipped with the tool as `unreport/data/...` (copy it to the project to change it)."""
        path = Path(path)
        resolved = path.parent.resolve() / path.name  # a link is named as itself
        try:
            return str(resolved.relative_to(self.root.resolve()))
        except ValueError:
            pass
        try:
            return "unreport/data/" + resolved.relative_to(DATA).as_posix()
        except ValueError:
            return str(path)
