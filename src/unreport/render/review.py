"""The parallel review document: one report, source language left, one translation right.

One row per unit (masthead texts, chapters, sections, paragraphs, recommendations, list items),
each side printing the unit's number in its own language, so revisers compare paragraph by
paragraph. Rows come from `expect` (the same numbers and texts as the editions); fuzzy and
untranslated rows carry the edition's status marker and their status.
Written as `<report>.<source>-<lang>.docx` and `.pdf`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import jinja2

from unreport.model import inline
from unreport.diagnostics import Collector
from unreport.render.expect import Expected
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


# a footnote in a unit's escaped markup (an escaped "#footnote[" in a text is "\#footnote\[")
_TYPST_NOTE = re.compile(r"(?<!\\)#footnote\[")


def note_count(e: Expected) -> int:
    return len(_TYPST_NOTE.findall(e.typst))


def review_rows(project: Project, report: Report, source_style: Style, style: Style,
                rows: list[Row]) -> list[Row]:
    """The rows as the review document shows them, side by side as each edition prints them:
    the meeting line with its dates (not the place alone), the distribution block after the
    organ, tables and annexes with their labels ("Table 1" / "表1", "Annex I" / "附件一")."""
    from unreport.render.edition import distribution_block
    meta = report.meta
    labels = {lang: load_messages(project, lang, Collector()).gettext
              for lang in (source_style.lang, style.lang)}

    def side(e: Expected, st: Style) -> Expected:
        _ = labels[st.lang]
        if e.id == "meta.meeting.place" and meta.meeting:
            # the place, after the draft marker if there is one, becomes the meeting line
            place = e.text[len(e.marker) + 1:] if e.marker else e.text
            line = st.meeting_line(place, meta.meeting.start, meta.meeting.end)

            def swap(markup: str, escape) -> str:
                old = escape(place)
                return (markup[:-len(old)] if markup.endswith(old) else "") + escape(line)
            text = f"{e.marker} {line}" if e.marker else line
            return replace(e, text=text, head=text,
                           markdown=swap(e.markdown, inline.escape_markdown),
                           typst=swap(e.typst, inline.escape_typst))
        if e.kind == "table" and e.number:
            return replace(e, number=_("Table %(number)s") % {"number": e.number})
        if e.kind == "annex" and e.number:
            return replace(e, number=_("Annex %(number)s") % {"number": e.number})
        return e

    def block_row(lang: str, st: Style) -> Expected:
        lines = distribution_block(project, meta, lang)
        return Expected("meta.distribution", "meta", "", "\n".join(lines), "\n".join(lines),
                        "\\\n".join(inline.escape_markdown(x) for x in lines),
                        " \\ ".join(inline.escape_typst(x) for x in lines),
                        "source" if lang == meta.original else "translated", "")

    out = []
    for row in rows:
        out.append(Row(row.id, row.kind, row.status, side(row.left, source_style),
                       side(row.right, style)))
        if row.id == "meta.organ":
            out.append(Row("meta.distribution", "meta", "translated",
                           block_row(source_style.lang, source_style),
                           block_row(style.lang, style)))
    return out


def row_layout(report: Report, rows: list[Row]) -> list[dict]:
    """What the templates need besides the texts, per row: the list depth of an item, and the
    number of each side's first footnote (the editions number footnotes through the document,
    in this order, so each column shows its edition's numbers)."""
    depth = {item.id: d for b in walk(report.body) if isinstance(b, Para)
             for item, d, _lst in walk_items(b.sublist)}
    left = right = 1
    out = []
    for row in rows:
        out.append({"depth": depth.get(row.id, 0), "left_note": left, "right_note": right,
                    "left_typst": numbered_notes(row.left.typst, left),
                    "right_typst": numbered_notes(row.right.typst, right)})
        left += note_count(row.left)
        right += note_count(row.right)
    return out


def numbered_notes(typst: str, first: int) -> str:
    """Typst markup whose footnotes print the numbers first, first + 1, ... (Typst would number
    the notes of both columns in one sequence)."""
    numbers = iter(range(first, first + 10 ** 6))
    return _TYPST_NOTE.sub(lambda m: f'#footnote(numbering: _ => "{next(numbers)}")[', typst)


def render_parallel(project: Project, report: Report, source_style: Style, style: Style,
                    left: list[Expected], right: list[Expected],
                    ids: bool = False) -> ParallelDoc:
    """The review document; `ids`: a third column shows each row's ID and status."""
    meta = report.meta
    mast_style = source_style
    doc = ParallelDoc(report, meta.original, style.lang, style, source_style,
                      review_rows(project, report, source_style, style, pair_rows(left, right)))
    layout = row_layout(report, doc.rows)
    doc.masthead = {
        "symbol": meta.symbol,
        "distribution": f"Distr.: {meta.distribution.capitalize()}",
        "date": mast_style.date(meta.date),
        "languages": f"{source_style.name} – {style.name}",
    }
    try:
        env = template_env(project, style.lang, load_messages(project, style.lang, Collector()))
        doc.markdown = env.get_template("parallel.md.j2").render(
            rows=doc.rows, layout=layout, left_name=source_style.name, right_name=style.name,
            ids=ids, **doc.masthead)
        doc.typst = env.get_template("typst/parallel.j2").render(
            rows=doc.rows, layout=layout, left_name=source_style.name, right_name=style.name,
            ids=ids, **doc.masthead)
    except jinja2.TemplateError as exc:
        raise template_problem(project, exc) from None
    return doc


def plan_parallels(project: Project, reports, expected: dict,
                   ids: bool = False) -> list[ParallelDoc]:
    """One parallel document per report and selected target language."""
    from unreport.lang.style import load_style
    out = []
    for report, _numbers in reports:
        source = report.meta.original
        for lang in report.meta.languages:
            if lang == source or (report.id, lang) not in expected:
                continue
            out.append(render_parallel(project, report, load_style(project, source),
                                       load_style(project, lang), expected[(report.id, source)],
                                       expected[(report.id, lang)], ids=ids))
    return out
