"""What every unit of one language edition prints: its number and its text, from the model.

One list per (report, language), in document order, built from the same stages as the edition
(number, translate, house style, template labels). The parallel review document lays these out
side by side; `verify` compares the outputs read back with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import inline
from .errors import Collector
from .model import Para, Report, units, walk
from .number import Number
from .style import Style
from .terms import Terms, check_codes
from .translate import FUZZY, UNTRANSLATED, Translation


@dataclass(frozen=True)
class Expected:
    id: str
    kind: str  # meta | chapter | section | subsection | para | recommendation | item
    number: str  # as printed in this language ("" for unnumbered titles)
    text: str  # printed text without footnotes, status marker included
    head: str  # printed text up to the first footnote mark
    markdown: str  # the same text as escaped Pandoc Markdown (footnotes included)
    status: str  # source | translated | fuzzy | untranslated
    marker: str  # "[Changed]" / "[Untranslated]" in this language, or ""


def reference_text(style: Style, numbers: dict[str, Number], ident: str) -> str:
    """A [[id]] cross-reference as printed in running text (as render.py prints it)."""
    n = numbers.get(ident)
    if n is None:
        return ident
    return style.reference(n.kind, n.value, n.style, n.depth)


def label_macros(project, lang: str, messages):
    """The label macros of templates/<lang>/labels.j2 (or base), with this language's gettext."""
    from .render import template_env
    return template_env(project, lang, messages).get_template("labels.j2").module


def expected_units(project, report: Report, numbers: dict[str, Number], tr: Translation,
                   style: Style, messages, terms: Terms) -> list[Expected]:
    _ = messages.gettext
    labels = label_macros(project, style.lang, messages)
    quiet = Collector()  # the edition's render stage reports content problems, not this one
    states = {b.id: b for b in walk(report.body) if isinstance(b, Para) and b.states}

    def ref(ident: str) -> str:
        return reference_text(style, numbers, ident)

    out = []
    for unit in units(report):
        t = tr[unit.id]
        try:
            toks = inline.parse(t.text)
        except inline.InlineError:
            toks = (inline.Tok("text", t.text),)
        first_note = next((i for i, tok in enumerate(toks) if tok.kind == "note"), len(toks))
        text = inline.plain(toks, ref)
        head = inline.plain(toks[:first_note], ref)
        md = inline.to_markdown(toks, ref)
        if unit.id in states:
            block = states[unit.id]
            names = check_codes(block.states, block.states_loc, terms, report.meta.date, quiet)
            joined = style.join(names)
            text = style.inline_list(text, joined)
            if first_note == len(toks):
                head = text
            md = style.inline_list(md, inline.escape_markdown(joined))
        marker = ""
        if t.status in (FUZZY, UNTRANSLATED):
            marker = _("[Untranslated]") if t.status == UNTRANSLATED else _("[Changed]")
            text, head = f"{marker} {text}", f"{marker} {head}"
            md = f"[{inline.escape_markdown(marker)}]{{.draft-marker}} {md}"
        n = numbers.get(unit.id)
        if n is None:
            number = ""
        elif n.kind == "recommendation":
            number = str(labels.recommendation(style.number(n.kind, n.value, n.style, n.depth)))
        else:
            number = style.number(n.kind, n.value, n.style, n.depth)
        out.append(Expected(unit.id, unit.kind, number, text, head, md, t.status, marker))
    return out


def plan_expected(project, reports, langs: tuple[str, ...] = ()) -> dict:
    """(report ID, lang) -> [Expected] for every selected language and each report's source
    language (the left column of the parallel documents)."""
    from .messages import load_messages
    from .style import load_style
    from .terms import load_terms
    from .translate import translate
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
