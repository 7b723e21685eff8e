"""`build.py preview`: PNG images of each edition's first pages, for a quick look or a README."""

from __future__ import annotations

from unreport.build.pipeline import Options, gather
from unreport.files import write_atomic
from unreport.project.paths import Project


def run_preview(project: Project, opts: Options, pages: int = 2, ppi: float = 60) -> int:
    from unreport.formats.pdf.writer import PdfWriter
    plan = gather(project, opts)
    writer = PdfWriter(project)
    out = project.output_dir / "preview"
    for edition in plan.editions:
        images = writer.compile(writer.typst_source(edition), edition, fmt="png", ppi=ppi)
        for n, png in enumerate(images[:pages], start=1):
            path = out / f"{edition.report.id}.{edition.lang}-{n}.png"
            write_atomic(path, png)
            print(f"wrote {project.rel(path)}")
    return 0
