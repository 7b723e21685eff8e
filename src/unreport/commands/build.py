"""`unreport` / `unreport build`: write every output (editions and review documents) of the
selection into output/, then, with --verify, read them back; --watch: again on every save."""

from __future__ import annotations

import sys
import time

from unreport.commands import selection
from unreport.formats import selected
from unreport.project.paths import Project


def run(project: Project, args) -> int:
    if not (args.watch or args.no_cache or args.verify) and \
            project.report_paths(args.report) and not project.irregular() and \
            up_to_date(args, project):
        return 0
    for fmt in selected(tuple(args.format)):
        fmt.start(args.jobs, args.watch)  # worker processes start while the content loads
    return selection.run_selected(project, args, lambda opts: build_once(args, project, opts))


def build_once(args, project: Project, opts) -> int:
    from unreport.build.pipeline import build, gather
    start = time.perf_counter()
    plan, written = build(project, opts)
    selection.print_warnings(plan)
    for path in written:
        print(f"wrote {project.rel(path)}")
    fresh = f", {plan.up_to_date} up to date" if plan.up_to_date else ""
    print(f"built {len(written)} file(s){fresh} in {time.perf_counter() - start:.2f} s")
    if args.verify:
        from unreport.commands.verify import report
        # a build that found nothing changed gathered nothing: gather to know what to expect
        return report(project, plan if plan.reports else gather(project, opts), opts)
    return 0


def up_to_date(args, project: Project) -> bool:
    """Nothing changed since the same build: say so before even importing the pipeline."""
    from types import SimpleNamespace

    from unreport.build.cache import unchanged_run
    start = time.perf_counter()
    chosen = SimpleNamespace(report_glob=args.report, langs=tuple(args.lang),
                             formats=tuple(f.name for f in selected(tuple(args.format))),
                             strict=args.strict, cache=True, review=not args.no_review,
                             review_ids=args.review_ids)
    _key, last = unchanged_run(project, chosen, project.output_dir)
    if last is None:
        return False
    if last.get("manifest"):  # another selection may have written it since
        from unreport.build.manifest import write
        write(project.output_dir, last["manifest"].encode("utf-8"))
    for w in last["warnings"]:
        print(w, file=sys.stderr)
    print(f"built 0 file(s), {len(last['outputs'])} up to date in "
          f"{time.perf_counter() - start:.2f} s")
    return True
