"""The parallel review document: one report, source language left, one translation right.

One row per unit (masthead texts, chapters, sections, paragraphs, recommendations, list items),
each side printing the unit's number in its own language, so revisers compare paragraph by
paragraph. Rows come from `expect` (the same numbers and texts as the editions); fuzzy and
untranslated rows carry the edition's status marker and their status.
Written as `<report>.<source>-<lang>.docx` and `.pdf`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2

from .errors import Collector
from .expect import Expected
from .messages import load_messages
from .model import Report
from .project import Project
from .render import template_env, template_problem
from .style import Style


@dataclass(frozen=True)
class Row:
    id: str
    kind: str
    status: str  # of the translation: translated | fuzzy | untranslated
    left: Expected
    right: Expected


@dataclass
class ParallelDoc:
    report: Report
    source: str
    lang: str  # the translation's language
    style: Style  # the translation's house style (reference document, fonts)
    source_style: Style
    rows: list[Row]
    markdown: str = ""  # Pandoc Markdown for the DOCX (templates/base/parallel.md.j2)
    typst: str = ""  # Typst markup for the PDF (templates/typst/parallel.j2)
    masthead: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.report.id}.{self.source}-{self.lang}"

    def markup(self, fmt: str) -> str:
        """What the writer of `fmt` reads."""
        return self.typst if fmt == "pdf" else self.markdown


def pair_rows(left: list[Expected], right: list[Expected]) -> list[Row]:
    by_id = {e.id: e for e in right}
    return [Row(e.id, e.kind, by_id[e.id].status, e, by_id[e.id]) for e in left]


def render_parallel(project: Project, report: Report, source_style: Style, style: Style,
                    left: list[Expected], right: list[Expected]) -> ParallelDoc:
    meta = report.meta
    mast_style = source_style
    doc = ParallelDoc(report, meta.original, style.lang, style, source_style,
                      pair_rows(left, right))
    doc.masthead = {
        "symbol": meta.symbol,
        "distribution": f"Distr.: {meta.distribution.capitalize()}",
        "date": mast_style.date(meta.date),
        "languages": f"{source_style.name} – {style.name}",
    }
    try:
        env = template_env(project, style.lang, load_messages(project, style.lang, Collector()))
        doc.markdown = env.get_template("parallel.md.j2").render(
            rows=doc.rows, left_name=source_style.name, right_name=style.name,
            **doc.masthead)
        doc.typst = env.get_template("typst/parallel.j2").render(
            rows=doc.rows, left_name=source_style.name, right_name=style.name, **doc.masthead)
    except jinja2.TemplateError as exc:
        raise template_problem(project, exc) from None
    return doc


def plan_parallels(project: Project, reports, expected: dict) -> list[ParallelDoc]:
    """One parallel document per report and selected target language."""
    from .style import load_style
    out = []
    for report, _numbers in reports:
        source = report.meta.original
        for lang in report.meta.languages:
            if lang == source or (report.id, lang) not in expected:
                continue
            out.append(render_parallel(project, report, load_style(project, source),
                                       load_style(project, lang), expected[(report.id, source)],
                                       expected[(report.id, lang)]))
    return out
