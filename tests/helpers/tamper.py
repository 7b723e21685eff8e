"""Outputs changed after the build, for the tests of `verify` (tests/verify/): what a hand edit
or a faulty page design would leave. The DOCX is edited with python-docx in the tests
themselves; the PDF cannot be edited so, and is compiled again from a changed Typst source."""

from __future__ import annotations

from pathlib import Path


def report_tables(doc) -> list:
    """The report's tables of a DOCX edition opened with python-docx (the first table of the
    body is the masthead's)."""
    return doc.tables[1:]


def relabelled_pdf(project: Path, out: Path, report: str, lang: str, uid: str,
                   other: str) -> tuple[str, str]:
    """The `lang` edition's PDF of `report`, written into `out`, compiled again with the label
    printed for the table or annex `uid` replaced by the label the edition prints for `other`
    (as a page design that counted the tables or annexes itself would print it): (the label
    now printed, the label the edition printed)."""
    from unreport.build.pipeline import gather
    from unreport.formats import FORMATS
    from unreport.project.options import Options
    from unreport.project.paths import Project
    plan = gather(Project(project), Options(report_glob=report, langs=(lang,),
                                            formats=("pdf",), review=False, verify=True))
    edition = plan.editions[0]
    labels = {e.id: e.label for e in plan.printed[(report, lang)] if e.label}
    writer = FORMATS["pdf"].make_writer(Project(project), 1)
    source = writer.typst_source(edition)
    call = f'"{uid}")[{labels[uid]}]'  # the end of the label's call in the generated source
    assert source.count(call) == 1, call
    changed = source.replace(call, f'"{uid}")[{labels[other]}]')
    (out / f"{report}.{lang}.pdf").write_bytes(writer.compile(changed, edition))
    return labels[other], labels[uid]
