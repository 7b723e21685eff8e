"""Stage 5b, write PDF: the edition's Typst markup (rendered by templates/typst/blocks.j2) with
the page design templates/typst/un.typ -> PDF, compiled by the `typst` compiler in worker
processes (workers.py). Font warnings are errors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from unreport.formats.emblem import checked_emblem
from unreport.formats.pdf import workers as typst_workers
from unreport.render.barcode import code39_modules
from unreport.formats.design import load_design, resolve
from unreport.files import epoch_of
from unreport.formats.pdf.markup import MARKUP
from unreport.formats.pdf.root import typst_root
from unreport.diagnostics import EnvironmentProblem
from unreport.project.paths import Project
from unreport.render.edition import Edition

def font_packages(project: Project) -> dict[str, str]:
    """Font family -> Debian/Ubuntu package, from templates/base/style.yaml `font_packages`."""
    import yaml
    data = {}
    for path in project.stack("templates", "base/style.yaml"):
        try:
            data.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
        except (OSError, yaml.YAMLError, ValueError):
            continue
    return {str(k): str(v) for k, v in (data.get("font_packages") or {}).items()}


def missing_font_hint(message: str, packages: dict[str, str]) -> str:
    """The package that holds the font a Typst warning names (or every known package)."""
    named = sorted({pkg for family, pkg in packages.items() if family.lower() in message.lower()})
    return "Debian/Ubuntu: apt-get install " + " ".join(named or sorted(set(packages.values())))


class PdfWriter:
    """Compiles editions with the process's typst worker pool (workers.py), which later
    builds (watch mode) reuse: it, not the writer, remembers earlier layouts."""

    def __init__(self, project: Project, jobs: int = 0):
        from unreport.formats.fonts import fonts_version
        self.project = project
        checked_emblem(project)
        # the Typst root holds the design's own files (un.typ, an emblem image) and nothing
        # else: the shipped design with the project's overrides (root.py)
        self.root = typst_root(project)
        self.design = self.root / "typst"
        if not (self.design / "un.typ").is_file():
            raise EnvironmentProblem(f"{project.rel(project.templates_dir / 'typst/un.typ')}: "
                                     "error: the Typst page design is missing; remove the "
                                     "project's templates/typst/ to use the shipped one")
        self.emblem = "/emblem.png" if (self.root / "emblem.png").is_file() else ""
        self.packages = font_packages(project)
        # the fonts are scanned once per worker; installing fonts gives a new pool
        self.pool = typst_workers.shared(fonts_version(), jobs or None)

    def typst_source(self, edition: Edition) -> str:
        return '#import "/typst/un.typ": *\n#show: un-document\n\n' + edition.documents[MARKUP.dialect.name]

    def edition_inputs(self, edition: Edition) -> dict[str, str]:
        style = edition.style
        data = dict(edition.masthead)
        data["body_fonts"] = style.fonts("pdf")["body"]
        data["heading_fonts"] = style.fonts("pdf")["heading"]
        data["emblem"] = self.emblem
        if data.get("barcode"):
            data["barcode_modules"] = code39_modules(data["barcode"].strip("*"))
        design = resolve(load_design(self.project), style)
        return {"edition": json.dumps(data, ensure_ascii=False, sort_keys=True),
                "design": json.dumps(design, ensure_ascii=False, sort_keys=True)}

    def compile_source(self, source: str, inputs: dict[str, str], when: dt.date, what: str,
                       fmt: str = "pdf", ppi: float | None = None):
        """Compile Typst source in a worker; font warnings are errors. Returns the PDF, or a
        list of PNG pages."""
        options = dict(format=fmt, sys_inputs=inputs, timestamp=epoch_of(when), ppi=ppi)
        standards = load_design(self.project).get("pdf_standards") or []
        if standards and fmt == "pdf":  # templates/design.yaml: PDF/A-2b, PDF/UA-1
            options["pdf_standards"] = list(standards)
        try:
            result = self.pool.compile(str(self.root), source, options, key=what)
        except typst_workers.CompileError as exc:
            raise self._compile_problem(exc, what) from None
        for message in result.warnings:
            if "font" in message.lower():
                hint = missing_font_hint(message, self.packages)
                raise EnvironmentProblem(f"missing font for {what}: {message}. Install it "
                                         f"({hint}; macOS and Windows ship their own "
                                         "CJK, Arabic and Times fonts)")
        return result.outputs[0] if fmt == "pdf" else result.outputs

    def _compile_problem(self, exc, what: str) -> EnvironmentProblem:
        """Typst's error located: in a page design file (a project's copy of un.typ, say) at
        its file, line and column; in the generated document (the tool's own fault), with
        what was compiled."""
        hints = f" ({'; '.join(exc.hints)})" if exc.hints else ""
        file = self.project.file_map("templates").get(exc.where[0]) if exc.where else None
        if file is None:
            at = f" at line {exc.where[1]} of the generated document" if exc.where else ""
            return EnvironmentProblem(f"typst could not compile {what}{at}: {exc.message}{hints}")
        rel, line, col = exc.where
        if file.resolve().is_relative_to(self.project.layers("templates")[-1].resolve()):
            return EnvironmentProblem(
                f"typst could not compile {what}: {exc.message}{hints} in the shipped page "
                f"design ({rel}:{line}:{col}); this is a fault of unreport: report it")
        return EnvironmentProblem(
            f"{self.project.rel(file)}:{line}:{col}: error: typst: {exc.message}{hints} "
            f"(compiling {what}); fix the page design, or delete the project's copy to use "
            "the shipped one")

    def compile(self, source: str, edition: Edition, fmt: str = "pdf", ppi: float | None = None):
        try:
            return self.compile_source(source, self.edition_inputs(edition),
                                       edition.report.meta.date,
                                       f"the {edition.lang} edition of {edition.report.id}", fmt,
                                       ppi)
        except EnvironmentProblem as exc:
            if not str(exc).startswith("missing font"):
                raise
            # the fonts are named in the language's house style: a typo is found there
            path = self.project.find("locales", f"{edition.lang}/style.yaml")
            where = self.project.rel(path) + _font_line(path, str(exc))
            raise EnvironmentProblem(f"{where}: error: {exc}, or correct the name in its "
                                     "fonts.pdf") from None

    def prepare(self, edition: Edition) -> None:
        """Python set-up of a job, done by the build's main thread before the job starts (so
        the job's thread goes straight to a typst worker): the barcode's bars."""
        self.edition_inputs(edition)

    def write(self, edition: Edition) -> bytes:
        return self.compile(self.typst_source(edition), edition)

    def images(self, edition: Edition, ppi: float) -> list[bytes]:
        """PNG images of the edition's pages (`preview`)."""
        return self.compile(self.typst_source(edition), edition, fmt="png", ppi=ppi)


def _font_line(path: Path, message: str) -> str:
    """':line:col' of the font family Typst did not find in a style file, or ''."""
    import re
    m = re.search(r"unknown font family: ([^.]+)", message)
    if not m or not path.is_file():
        return ""
    name = m.group(1).strip().lower()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if name in line.lower():
            return f":{n}:{line.lower().index(name) + 1}"
    return ""
