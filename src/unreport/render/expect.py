"""What every unit of one language edition prints: its number and its text, from the model.

One list per (report, language), in document order, built from the same stages as the edition
(number, translate, house style, template labels). The parallel review document lays these out
side by side; `verify` compares the outputs read back with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from unreport.diagnostics import Collector
from unreport.model.nodes import Report, units
from unreport.model.number import Number
from unreport.lang.style import Style
from unreport.lang.terms import Terms
from unreport.render.units import EditionTexts
from unreport.translate import Translation


@dataclass(frozen=True)
class Expected:
    id: str
    kind: str  # meta | chapter | section | subsection | para | recommendation | item
    number: str  # as printed in this language ("" for unnumbered titles)
    text: str  # printed text without footnotes, status marker included
    head: str  # printed text up to the first footnote mark
    markdown: str  # the same text as escaped Pandoc Markdown (footnotes included)
    typst: str  # the same as escaped Typst markup
    status: str  # source | translated | fuzzy | untranslated
    marker: str  # "[Changed]" / "[Untranslated]" in this language, or ""


def label_macros(project, lang: str, messages):
    """The label macros of templates/<lang>/labels.j2 (or base), with this language's gettext."""
    from unreport.render.edition import template_env
    return template_env(project, lang, messages).get_template("labels.j2").module


def expected_units(project, report: Report, numbers: dict[str, Number], tr: Translation,
                   style: Style, messages, terms: Terms) -> list[Expected]:
    labels = label_macros(project, style.lang, messages)
    # the edition's render stage reports content problems, not this one
    texts = EditionTexts(project, report, numbers, tr, style, messages, terms, Collector())
    out = []
    for unit in units(report):
        printed = texts[unit.id]
        n = numbers.get(unit.id)
        if n is None:
            number = ""
        elif n.kind == "recommendation":
            number = str(labels.recommendation(style.number(n.kind, n.value, n.style, n.depth)))
        else:
            number = style.number(n.kind, n.value, n.style, n.depth)
        out.append(Expected(unit.id, unit.kind, number, printed.text, printed.head,
                            printed.markdown, printed.typst, tr[unit.id].status,
                            printed.marker))
    return out


def plan_expected(project, reports, langs: tuple[str, ...] = ()) -> dict:
    """(report ID, lang) -> [Expected] for every selected language and each report's source
    language (the left column of the parallel documents)."""
    from unreport.lang.labels import load_messages
    from unreport.lang.style import load_style
    from unreport.lang.terms import load_terms
    from unreport.translate import translate
    quiet = Collector()  # the gather stage has already reported every problem
    out = {}
    for report, numbers in reports:
        for lang in report.meta.languages:
            if langs and lang not in langs and lang != report.meta.original:
                continue
            tr = translate(report, lang, project, quiet)
            out[(report.id, lang)] = expected_units(
                project, report, numbers, tr, load_style(project, lang), load_messages(project, lang, quiet),
                load_terms(project, lang, quiet))
    return out
