"""Cross-language QA (`build.py check`): compare every translated entry with its source.

Numbers (resolution numbers such as 5/3, years, dates), document symbols
(CTOC/COP/WG.7/2017/1), `[[id]]` cross-references and footnote counts must agree. Each mismatch
is `locales/<lang>/<report>.po:LINE: warning: <ID>: ...` (an error under --strict).

Allowed differences: full-width digits (NFKC), dates in another order (numbers are compared as
a multiset, month names count as their number), and numbers written as words in one language
and as digits or native numerals in the other. The words and numerals are data:
`locales/<lang>/qa.yaml` (`months`, `number_words`, `numerals`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from unreport.model import inline
from unreport.diagnostics import Collector, Loc
from unreport.model.nodes import units
from unreport.project.paths import Project
from unreport.sources.typed import ReadOnlyDict, Reader
from unreport.sources.catalog import read_catalog
from unreport.translate import by_context

SYMBOL = re.compile(r"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+")
NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?(?:/\d+)*")
REF = re.compile(r"\[\[[^\]]*\]\]")


EMPTY: Mapping = ReadOnlyDict()


def _months(months: Mapping) -> str | None:
    bad = next((k for k, v in months.items() if not 1 <= v <= 12), None)
    return f"'{bad}': {months[bad]} is not a month (1 to 12)" if bad is not None else None


@dataclass
class LangData:
    months: dict[str, int] = field(default_factory=dict)
    words: dict[str, int] = field(default_factory=dict)
    digits: dict[str, int] = field(default_factory=dict)
    units: dict[str, int] = field(default_factory=dict)
    joiners: tuple[str, ...] = ()  # words between a month and its day or year ("de")


@dataclass(frozen=True)
class Numerals:
    """Native numerals: digits (一: 1) and units (十: 10) of a positional or additive system."""

    digits: Mapping[str, int] = EMPTY
    units: Mapping[str, int] = EMPTY


@dataclass(frozen=True)
class QaFile:
    """locales/<lang>/qa.yaml: the words and numerals QA reads as numbers."""

    months: Mapping[str, int] = field(default=EMPTY, metadata={"check": _months})
    number_words: Mapping[str, int] = EMPTY
    numerals: Numerals = Numerals()
    month_joiners: tuple[str, ...] = ()


def load_lang_data(project: Project, lang: str) -> LangData:
    """The QA data of one language: the tool's qa.yaml, then the project's, key by key, read
    typed (sources/typed.py): a wrong type or an unknown key is a located error."""
    from unreport.lang.style import read_layered_values
    diag = Collector()
    root = read_layered_values(project, "locales", f"{lang}/qa.yaml", diag, required=False)
    diag.raise_if_errors()
    if root is None:
        return LangData()
    qa = Reader(diag, "qa.yaml").read(QaFile, root)
    diag.raise_if_errors()
    return LangData({k.lower(): v for k, v in qa.months.items()},
                    {k.lower(): v for k, v in qa.number_words.items()},
                    dict(qa.numerals.digits), dict(qa.numerals.units), qa.month_joiners)


@dataclass
class Facts:
    numbers: Counter          # written with digits: must match
    optional: Counter         # words or native numerals: may stand for a number of the other side
    symbols: Counter
    refs: Counter
    notes: int


def _native_value(run: str, data: LangData) -> int:
    if not any(ch in data.units for ch in run):  # 二〇一七: positional
        return int("".join(str(data.digits[ch]) for ch in run))
    total = cur = 0
    for ch in run:
        if ch in data.digits:
            cur = data.digits[ch]
        else:
            total += (cur or 1) * data.units[ch]
            cur = 0
    return total + cur


def facts(text: str, data: LangData) -> Facts | None:
    try:
        toks = inline.parse(text)
    except inline.InlineError:
        return None  # reported by the render stage
    refs = Counter(t.value for t in inline.refs(toks))
    notes = inline.count_notes(toks)
    s = unicodedata.normalize("NFKC", REF.sub(" ", text))
    symbols = Counter(m.group(0).rstrip(".-") for m in SYMBOL.finditer(s))
    s = SYMBOL.sub(" ", s)
    optional: Counter = Counter()
    if data.months:
        months = "|".join(sorted(map(re.escape, data.months), key=len, reverse=True))
        if data.joiners:  # "11 de septiembre de 2017" -> "11 septiembre 2017"
            joiners = "|".join(map(re.escape, data.joiners))
            s = re.sub(rf"(?i)(?<=\d) (?:{joiners}) (?=(?:{months})\b)", " ", s)
            s = re.sub(rf"(?i)\b({months}) (?:{joiners}) (?=\d)", r"\1 ", s)
        s = re.sub(rf"(?i)(?<=\d )({months})\b|\b({months})(?= \d)",
                   lambda m: f" {data.months[(m.group(1) or m.group(2)).lower()]} ", s)
    if data.words:
        for w in re.findall(r"[^\W\d_]+", s):
            if w.lower() in data.words:
                optional[data.words[w.lower()]] += 1
    if data.digits:
        chars = re.escape("".join(data.digits) + "".join(data.units))
        for run in re.findall(f"[{chars}]+", s):
            optional[_native_value(run, data)] += 1
    numbers = Counter(_canon(m.group(0)) for m in NUMBER.finditer(s))
    return Facts(numbers, optional, symbols, refs, notes)


def _canon(token: str) -> str:
    token = token.replace(",", "")
    if token.isdigit():
        return str(int(token))
    return token


def compare(src: Facts, tr: Facts) -> list[str]:
    problems = []
    missing = src.numbers - tr.numbers
    extra = tr.numbers - src.numbers
    tr_opt, src_opt = Counter(tr.optional), Counter(src.optional)
    for n in list(missing.elements()):
        if n.isdigit() and tr_opt[int(n)] > 0:
            tr_opt[int(n)] -= 1
            missing[n] -= 1
    for n in list(extra.elements()):
        if n.isdigit() and src_opt[int(n)] > 0:
            src_opt[int(n)] -= 1
            extra[n] -= 1
    for n in sorted(+missing):
        problems.append(f"number {n} of the source is missing from the translation")
    for n in sorted(+extra):
        problems.append(f"number {n} in the translation is not in the source")
    for s in sorted(+(src.symbols - tr.symbols)):
        problems.append(f"document symbol {s} of the source is missing from the translation")
    for s in sorted(+(tr.symbols - src.symbols)):
        problems.append(f"document symbol {s} in the translation is not in the source")
    for r in sorted(+(src.refs - tr.refs)):
        problems.append(f"cross-reference [[{r}]] of the source is missing from the translation")
    for r in sorted(+(tr.refs - src.refs)):
        problems.append(f"cross-reference [[{r}]] in the translation is not in the source")
    if src.notes != tr.notes:
        problems.append(f"the source has {src.notes} footnote(s), the translation {tr.notes}")
    return problems


def check_translations(project: Project, editions, strict: bool, diag: Collector) -> None:
    """QA of every translated edition: a warning per mismatch, an error under --strict."""
    data: dict[str, LangData] = {}
    for edition in editions:
        report, lang = edition.report, edition.lang
        source = report.meta.original
        path = project.catalog_path(report.id, lang)
        if lang == source or not path.is_file():
            continue
        display = project.rel(path)
        catalog = read_catalog(path, display, Collector())  # reported by translate
        if catalog is None:
            continue
        for key in (source, lang):
            if key not in data:
                data[key] = load_lang_data(project, key)
        entries = by_context(catalog)
        for u in units(report):
            m = entries.get(u.id)
            translation = m.translation_of(u.text) if m is not None else None
            if translation is None:
                continue  # untranslated or changed: reported by the build
            src, tr = facts(u.text, data[source]), facts(translation, data[lang])
            if src is None or tr is None:
                continue
            for problem in compare(src, tr):
                (diag.error if strict else diag.warning)(
                    Loc(display, m.line, 1), f"{u.id}: {problem}" +
                    ("; fix the translation (or the source)" if strict else ""))
