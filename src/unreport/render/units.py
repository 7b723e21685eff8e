"""What each unit of one language edition prints: its text as Pandoc Markdown, as Typst markup
and as plain text.

One place for the rules the edition, the parallel document and `--verify` share: inline markup,
[[id]] cross-references (the target's number in the reader's language), [[CODE]] term
references, lists of States joined by the house style, and the draft marker of untranslated or
changed texts. Problems found in a text (a translation's broken markup, a reference to nothing,
an unknown code) are reported once, to the collector given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from unreport.model import inline
from unreport.diagnostics import Collector
from unreport.model.nodes import Para, Report, walk
from unreport.model.number import Number
from unreport.project.paths import Project
from unreport.lang.style import Style, load_style
from unreport.lang.terms import Terms, check_codes, load_terms, order_codes
from unreport.translate import FUZZY, UNTRANSLATED, Text, Translation

DIALECTS = (inline.MARKDOWN, inline.TYPST)


@dataclass(frozen=True)
class Printed:
    markdown: str  # escaped Pandoc Markdown, footnotes and draft marker included
    typst: str  # the same as escaped Typst markup
    text: str  # plain text without footnotes, marker included
    head: str  # plain text up to the first footnote mark
    marker: str  # "[Changed]" / "[Untranslated]" in this language, or ""


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

    def markdown(self, ident: str) -> str:
        return self[ident].markdown

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
        markup = {d.name: inline.to_markup(toks, d, self.reference, term) for d in DIALECTS}
        text = inline.plain(toks, self.reference, term)
        head = inline.plain(toks[:first_note], self.reference, term)
        if ident in self._states:
            joined = self.style.join(self.state_names(self._states[ident]))
            for d in DIALECTS:
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
            for d in DIALECTS:
                before, after = d.marker
                markup[d.name] = f"{before}{d.escape(marker)}{after} {markup[d.name]}"
            text, head = f"{marker} {text}", f"{marker} {head}"
        return Printed(markup["markdown"], markup["typst"], text, head, marker)

    def state_names(self, block: Para) -> list[str]:
        codes = block.states
        if block.states_order != "given":
            sort_lang = self.style.data["states_sort_language"]
            if sort_lang not in self._sort_terms:
                self._sort_terms[sort_lang] = load_terms(self.project, sort_lang, self.diag)
            collation = load_style(self.project, sort_lang).data.get("collation")
            codes = order_codes(codes, block.states_order, self._sort_terms[sort_lang],
                                self.report.meta.date, collation)
        return check_codes(codes, block.states_loc, self.terms, self.report.meta.date, self.diag)
