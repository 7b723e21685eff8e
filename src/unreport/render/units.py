"""What each unit of one language edition prints: its number, its text in the markup of each
selected format and as plain text, its status and draft marker. Computed once per edition in the
gather stage; the edition's templates, the review document and `--verify` all read it.

One place for the rules they share: inline markup,
[[id]] cross-references (the target's number in the reader's language), [[CODE]] term
references, lists of States joined by the house style, and the draft marker of untranslated or
changed texts. Problems found in a text (a translation's broken markup, a reference to nothing,
an unknown code) are reported once, to the collector given.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Mapping

from unreport.model import inline
from unreport.diagnostics import Collector
from unreport.model.nodes import Para, Report, units, walk
from unreport.model.number import Number
from unreport.project.paths import Project
from unreport.lang.style import Style, load_style
from unreport.lang.terms import Terms, check_codes, load_terms, order_codes
from unreport.translate import FUZZY, UNTRANSLATED, Text, Translation


@dataclass(frozen=True)
class Printed:
    """One unit as one edition prints it."""

    id: str
    text: str  # plain text without footnotes, marker included
    head: str  # plain text up to the first footnote mark
    marker: str  # "[Changed]" / "[Untranslated]" in this language, or ""
    status: str  # source | translated | fuzzy | untranslated
    markup: Mapping[str, str]  # escaped, footnotes and marker included, by dialect name
    notes: int = 0  # footnotes in the text
    kind: str = ""  # meta | chapter | section | ... | item (set by `printed_units`)
    number: str = ""  # as printed in this language ("" for unnumbered units)
    label: str = ""  # a table's caption label, an annex's heading: its number in its words
    original_line: str = ""  # an annex's "[Original: …]" under its heading, when it has one

    def __getattr__(self, name: str) -> str:
        """The markup of a dialect as an attribute (`row.left.markdown` in a template)."""
        markup = self.__dict__.get("markup")
        if markup is not None and name in markup:
            return markup[name]
        raise AttributeError(name)


@dataclass
class EditionTexts:
    project: Project
    report: Report
    numbers: dict[str, Number]
    tr: Translation
    style: Style
    messages: object  # gettext translations of the template labels
    terms: Terms
    diag: Collector
    dialects: tuple[inline.Dialect, ...] = ()  # the markups to write (the selected formats')
    missing: list[tuple[str, Text]] = field(default_factory=list)
    _cache: dict[str, Printed] = field(default_factory=dict)
    _sort_terms: dict[str, Terms] = field(default_factory=dict)

    def __post_init__(self):
        self._states = {b.id: b for b in walk(self.report.body)
                        if isinstance(b, Para) and b.states}

    def reference(self, ident: str) -> str:
        n = self.numbers.get(ident)
        if n is None:  # a text without a number
            return ident
        return self.style.reference(n.kind, n.value, n.style, n.depth)

    def __getitem__(self, ident: str) -> Printed:
        if ident not in self._cache:
            self._cache[ident] = self._print(ident)
        return self._cache[ident]

    def _print(self, ident: str) -> Printed:
        t = self.tr[ident]
        _ = self.messages.gettext
        try:
            toks = inline.parse(t.text)
        except inline.InlineError as exc:
            self.diag.error(t.loc, f"{ident}: {exc.message}")
            toks = (inline.Tok("text", t.text),)
        for ref in inline.refs(toks):
            if ref.value not in self.tr.texts:
                self.diag.error(t.loc, f"{ident}: cross-reference [[{ref.value}]] points to "
                                       "no block")

        def term(code: str) -> str:
            return check_codes((code,), t.loc, self.terms, self.report.meta.date, self.diag)[0]

        first_note = next((i for i, tok in enumerate(toks) if tok.kind == "note"), len(toks))
        markup = {d.name: inline.to_markup(toks, d, self.reference, term)
                  for d in self.dialects}
        text = inline.plain(toks, self.reference, term)
        head = inline.plain(toks[:first_note], self.reference, term)
        if ident in self._states:
            joined = self.style.join(self.state_names(self._states[ident]))
            for d in self.dialects:
                markup[d.name] = self.style.inline_list(markup[d.name], joined, d.escape)
            text = self.style.inline_list(text, joined)
            if first_note == len(toks):
                head = text
        marker = ""
        if t.status in (FUZZY, UNTRANSLATED):
            self.missing.append((ident, t))
            # Translators: draft builds: marker before a text shown in the source language
            # because it is not translated yet, or because its source changed since
            marker = _("[Untranslated]") if t.status == UNTRANSLATED else _("[Changed]")
            for d in self.dialects:
                before, after = d.marker
                markup[d.name] = f"{before}{d.escape(marker)}{after} {markup[d.name]}"
            text, head = f"{marker} {text}", f"{marker} {head}"
        return Printed(ident, text, head, marker, t.status, markup, inline.count_notes(toks))

    def state_names(self, block: Para) -> list[str]:
        codes = block.states
        if block.states_order != "given":
            sort_lang = self.style.states_sort_language
            if sort_lang not in self._sort_terms:
                self._sort_terms[sort_lang] = load_terms(self.project, sort_lang, self.diag)
            collation = load_style(self.project, sort_lang).collation
            codes = order_codes(codes, block.states_order, self._sort_terms[sort_lang],
                                self.report.meta.date, collation)
        return check_codes(codes, block.states_loc, self.terms, self.report.meta.date, self.diag)


# the units printed under a label of their own, by the `labels.j2` macro of their kind
LABELLED = ("table", "annex")


def printed_units(texts: EditionTexts, labels) -> list[Printed]:
    """Every unit of the edition in document order, with its number as printed (a
    recommendation's through the `labels.j2` macro of its language) and the label a table or
    an annex prints (through the macro of its kind, as report.j2 prints it)."""
    style, out = texts.style, []
    for unit in units(texts.report):
        n = texts.numbers.get(unit.id)
        if n is None:
            number = ""
        elif n.kind == "recommendation":
            number = str(labels.recommendation(style.number(n.kind, n.value, n.style, n.depth)))
        else:
            number = style.number(n.kind, n.value, n.style, n.depth)
        label = str(getattr(labels, unit.kind)(number)) if unit.kind in LABELLED else ""
        out.append(replace(texts[unit.id], kind=unit.kind, number=number, label=label))
    return out
