"""`build.py preview`: PNG images of each edition's first pages, for a quick look or a README,
made by the first format whose writer renders page images."""

from __future__ import annotations

from dataclasses import replace

from unreport.build.pipeline import gather
from unreport.files import write_atomic
from unreport.formats import FORMATS
from unreport.project.options import Options
from unreport.project.paths import Project


def run(project: Project, args) -> int:
    from unreport.commands import selection
    fmt = next(f for f in FORMATS.values() if f.images)
    fmt.start(args.jobs, False)  # its workers start while the content loads
    opts = selection.options(args)
    return selection.problem(project, opts) or selection.no_arguments(args) or \
        run_preview(project, opts)


def run_preview(project: Project, opts: Options, pages: int = 2, ppi: float = 60) -> int:
    fmt = next(f for f in FORMATS.values() if f.images)
    plan = gather(project, replace(opts, formats=(fmt.name,), review=False))
    writer = fmt.make_writer(project, opts.jobs)
    out = project.output_dir / "preview"
    for edition in plan.editions:
        for n, png in enumerate(writer.images(edition, ppi)[:pages], start=1):
            path = out / f"{edition.report.id}.{edition.lang}-{n}.png"
            write_atomic(path, png)
            print(f"wrote {project.rel(path)}")
    return 0
