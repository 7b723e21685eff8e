"""The parallel review document: one report, source language left, one translation right.

One row per unit (masthead texts, chapters, sections, paragraphs, recommendations, list items),
each side printing the unit's number in its own language, so revisers compare paragraph by
paragraph. Rows come from `expect` (the same numbers and texts as the editions); fuzzy and
untranslated rows carry the edition's status marker and their status.
Written as `<report>.<source>-<lang>.docx` and `.pdf`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import jinja2

from unreport.diagnostics import Collector
from unreport.render.units import Printed
from unreport.lang.labels import load_messages
from unreport.model.nodes import Para, Report, walk, walk_items
from unreport.project.paths import Project
from unreport.render.edition import template_env, template_problem
from unreport.lang.style import Style


@dataclass(frozen=True)
class Row:
    id: str
    kind: str
    status: str  # of the translation: translated | fuzzy | untranslated
    left: Printed
    right: Printed


@dataclass
class ParallelDoc:
    report: Report
    source: str
    lang: str  # the translation's language
    style: Style  # the translation's house style (reference document, fonts)
    source_style: Style
    rows: list[Row]
    documents: dict[str, str] = field(default_factory=dict)  # by dialect name
    masthead: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.report.id}.{self.source}-{self.lang}"

    def markup(self, fmt) -> str:
        """What the writer of the format `fmt` reads."""
        return self.documents[fmt.markup.dialect.name]


def pair_rows(left: list[Printed], right: list[Printed]) -> list[Row]:
    by_id = {e.id: e for e in right}
    return [Row(e.id, e.kind, by_id[e.id].status, e, by_id[e.id]) for e in left]


def review_rows(project: Project, report: Report, source_style: Style, style: Style,
                rows: list[Row], markups) -> list[Row]:
    """The rows as the review document shows them, side by side as each edition prints them:
    the meeting line with its dates (not the place alone), the distribution block after the
    organ, tables and annexes with their labels ("Table 1" / "表1", "Annex I" / "附件一")."""
    from unreport.render.edition import distribution_block
    meta = report.meta

    def side(e: Printed, st: Style) -> Printed:
        if e.id == "meta.meeting.place" and meta.meeting:
            # the place, after the draft marker if there is one, becomes the meeting line
            place = e.text[len(e.marker) + 1:] if e.marker else e.text
            line = st.meeting_line(place, meta.meeting.start, meta.meeting.end)

            def swap(markup: str, escape) -> str:
                old = escape(place)
                return (markup[:-len(old)] if markup.endswith(old) else "") + escape(line)
            text = f"{e.marker} {line}" if e.marker else line
            return replace(e, text=text, head=text, markup={
                m.dialect.name: swap(e.markup[m.dialect.name], m.dialect.escape)
                for m in markups})
        if e.label:  # a table's or an annex's label, as its edition prints it (the row
            # has no "[Original: …]" line)
            return replace(e, number=e.label, original_line="")
        return e

    def block_row(lang: str, st: Style) -> Printed:
        lines = distribution_block(project, meta, lang)
        markup = {m.dialect.name: m.line_break.join(m.dialect.escape(x) for x in lines)
                  for m in markups}
        return Printed("meta.distribution", "\n".join(lines), "\n".join(lines), "",
                       "source" if lang == meta.original else "translated", markup,
                       kind="meta")

    out = []
    for row in rows:
        out.append(Row(row.id, row.kind, row.status, side(row.left, source_style),
                       side(row.right, style)))
        if row.id == "meta.organ":
            out.append(Row("meta.distribution", "meta", "translated",
                           block_row(source_style.lang, source_style),
                           block_row(style.lang, style)))
    return out


def row_layout(report: Report, rows: list[Row], markups) -> list[dict]:
    """What the templates need besides the texts, per row: the list depth of an item, the
    number of each side's first footnote (the editions number footnotes through the document,
    in this order, so each column shows its edition's numbers), and each side's markup with
    its footnotes so numbered (`left_<dialect>`, `right_<dialect>`)."""
    depth = {item.id: d for b in walk(report.body) if isinstance(b, Para)
             for item, d, _lst in walk_items(b.sublist)}
    left = right = 1
    out = []
    for row in rows:
        lay = {"depth": depth.get(row.id, 0), "left_note": left, "right_note": right}
        for m in markups:
            name = m.dialect.name
            lay[f"left_{name}"] = m.number_notes(row.left.markup[name], left)
            lay[f"right_{name}"] = m.number_notes(row.right.markup[name], right)
        out.append(lay)
        left += row.left.notes
        right += row.right.notes
    return out


def render_parallel(project: Project, report: Report, source_style: Style, style: Style,
                    left: list[Printed], right: list[Printed], markups,
                    ids: bool = False) -> ParallelDoc:
    """The review document; `ids`: a third column shows each row's ID and status."""
    meta = report.meta
    mast_style = source_style
    doc = ParallelDoc(report, meta.original, style.lang, style, source_style,
                      review_rows(project, report, source_style, style, pair_rows(left, right),
                                  markups))
    layout = row_layout(report, doc.rows, markups)
    doc.masthead = {
        "symbol": meta.symbol,
        "distribution": f"Distr.: {meta.distribution.capitalize()}",
        "date": mast_style.date(meta.date),
        "languages": f"{source_style.name} – {style.name}",
    }
    try:
        env = template_env(project, style.lang, load_messages(project, style.lang, Collector()),
                           markups)
        for m in markups:
            doc.documents[m.dialect.name] = env.get_template(m.review_template).render(
                rows=doc.rows, layout=layout, left_name=source_style.name,
                right_name=style.name, ids=ids, **doc.masthead)
    except jinja2.TemplateError as exc:
        raise template_problem(project, exc) from None
    return doc


def plan_parallels(project: Project, reports, expected: dict, markups,
                   ids: bool = False) -> list[ParallelDoc]:
    """One parallel document per report and selected target language; `expected`: (report ID,
    language) -> the printed units of each selected edition and each report's source."""
    from unreport.lang.style import load_style
    out = []
    for report, _numbers in reports:
        source = report.meta.original
        for lang in report.meta.languages:
            if lang == source or (report.id, lang) not in expected:
                continue
            out.append(render_parallel(project, report, load_style(project, source),
                                       load_style(project, lang), expected[(report.id, source)],
                                       expected[(report.id, lang)], markups, ids=ids))
    return out
