"""Stage 5b, write PDF: Pandoc Markdown -> Typst (pandoc + templates/typst/un.lua) -> PDF with
the in-process `typst` compiler, reused across editions. Font warnings are errors."""

from __future__ import annotations

import datetime as dt
import json
import threading

from .barcode39 import code39_modules
from .errors import EnvironmentProblem
from .pandoc import lua_filters, run_pandoc
from .project import Project
from .render import Edition

FONT_PACKAGES = "Debian/Ubuntu: apt-get install fonts-noto-cjk fonts-liberation2"


def epoch_of(d: dt.date) -> int:
    return int(dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc).timestamp())


class PdfWriter:
    """One typst.Compiler for the whole run (font scan once); compiles are serialised."""

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
        self.compiler = typst.Compiler(root=str(self.root))
        self.lock = threading.Lock()

    def typst_source(self, edition: Edition) -> str:
        body = run_pandoc(edition.markdown, "typst",
                          [*lua_filters(self.design / "un.lua"), "--wrap=preserve"],
                          epoch_of(edition.report.meta.date))
        return ('#import "/typst/un.typ": *\n#show: un-document\n\n' + body.decode("utf-8"))

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
        with self.lock:
            try:
                result, warnings = self.compiler.compile_with_warnings(
                    input=source.encode("utf-8"), **kwargs)
            except self.typst.TypstError as exc:
                raise EnvironmentProblem(f"typst could not compile {what}: {exc.message} "
                                         f"({'; '.join(exc.hints)})") from None
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
