"""Stage 5b, write PDF: the edition's Typst markup (rendered by templates/typst/blocks.j2) with
the page design templates/typst/un.typ -> PDF, compiled by the `typst` compiler. Font warnings
are errors."""

from __future__ import annotations

import datetime as dt
import json
import threading

from .barcode39 import code39_modules
from .errors import EnvironmentProblem
from .project import Project
from .render import Edition

_SHARED: dict = {}
_SHARED_LOCK = threading.Lock()
FONT_PACKAGES = "Debian/Ubuntu: apt-get install fonts-noto-cjk fonts-liberation2"


def epoch_of(d: dt.date) -> int:
    return int(dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc).timestamp())


class PdfWriter:
    """One font scan per process; typst compilers sharing it, one per concurrent compile."""

    def __init__(self, project: Project):
        import typst
        self.project = project
        # the Typst root is the project's templates folder: the design may read its own files
        # (un.typ, an emblem image) and nothing else
        self.root = project.templates_dir
        self.design = self.root / "typst"
        if not (self.design / "un.typ").is_file():
            raise EnvironmentProblem(f"{project.rel(self.design / 'un.typ')}: error: the Typst "
                                     "page design is missing; restore templates/typst/")
        self.emblem = "/emblem.png" if (self.root / "emblem.png").is_file() else ""
        self.typst = typst
        # the system fonts are scanned once; every compiler of this writer shares the scan, so
        # editions compile in parallel without scanning again
        self.fonts = typst.Fonts(include_system_fonts=True, include_embedded_fonts=True)
        self.free: list = []  # idle compilers (one per concurrent compile, kept for reuse)
        self.lock = threading.Lock()

    @classmethod
    def shared(cls, project: Project) -> "PdfWriter":
        """The writer of this process for `project`: its compiler scanned the fonts once and is
        reused by every later build (watch mode); a new one when the fonts installed change."""
        from .cache import fonts_version
        key = (project, fonts_version())
        with _SHARED_LOCK:
            writer = _SHARED.get(key)
            if writer is None:
                _SHARED.clear()
                writer = _SHARED[key] = cls(project)
            return writer

    def acquire(self):
        """A compiler no other thread is using (a typst.Compiler is not shared between
        concurrent compiles)."""
        with self.lock:
            if self.free:
                return self.free.pop()
        return self.typst.Compiler(root=str(self.root), font_paths=self.fonts,
                                   ignore_system_fonts=True)

    def release(self, compiler) -> None:
        with self.lock:
            self.free.append(compiler)

    @property
    def compiler(self):
        """A compiler for single-threaded callers (kept for reuse)."""
        compiler = self.acquire()
        self.release(compiler)
        return compiler

    def typst_source(self, edition: Edition) -> str:
        return '#import "/typst/un.typ": *\n#show: un-document\n\n' + edition.typst

    def edition_inputs(self, edition: Edition) -> dict[str, str]:
        style = edition.style
        data = dict(edition.masthead)
        data["title"] = edition.masthead.get("title", "")
        data["sizes"] = style.data.get("sizes", {})
        data["body_fonts"] = style.fonts("pdf")["body"]
        data["heading_fonts"] = style.fonts("pdf")["heading"]
        data["emblem"] = self.emblem
        if data.get("barcode"):
            data["barcode_modules"] = code39_modules(data["barcode"].strip("*"))
        return {"edition": json.dumps(data, ensure_ascii=False, sort_keys=True)}

    def compile_source(self, source: str, inputs: dict[str, str], when: dt.date, what: str,
                       fmt: str = "pdf", ppi: float | None = None):
        """Compile Typst source with the shared compiler; font warnings are errors."""
        kwargs = dict(format=fmt, sys_inputs=inputs, timestamp=epoch_of(when))
        if ppi:
            kwargs["ppi"] = ppi
        compiler = self.acquire()
        try:
            result, warnings = compiler.compile_with_warnings(
                input=source.encode("utf-8"), **kwargs)
        except self.typst.TypstError as exc:
            raise EnvironmentProblem(f"typst could not compile {what}: {exc.message} "
                                     f"({'; '.join(exc.hints)})") from None
        finally:
            self.release(compiler)
        for w in warnings:
            if "font" in w.message.lower():
                raise EnvironmentProblem(f"missing font for {what}: {w.message}. Install it "
                                         f"({FONT_PACKAGES}; macOS and Windows ship their own "
                                         "CJK and Times fonts)")
        return result

    def compile(self, source: str, edition: Edition, fmt: str = "pdf", ppi: float | None = None):
        return self.compile_source(source, self.edition_inputs(edition), edition.report.meta.date,
                                   f"the {edition.lang} edition of {edition.report.id}", fmt, ppi)

    def write(self, edition: Edition) -> bytes:
        return self.compile(self.typst_source(edition), edition)
