"""`build.py status`: translation progress per language and report, as a table.

Counts come from the translate stage itself (so `status` and the build always agree) plus the
catalog's obsolete entries and the entries filled from the translation memory; each
language's label catalog (messages.po) is a row too. `--min-percent N` makes CI fail (exit 1)
when any catalog is below N.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from unreport.model.load import load_reports
from unreport.project.options import Options
from unreport.diagnostics import Collector
from unreport.translators.extract import extract_labels, label_languages
from unreport.project.paths import Project
from unreport.sources.catalog import read_catalog
from unreport.translate import FUZZY, TRANSLATED, UNTRANSLATED, translate

LABELS = "(labels)"  # the report column of a messages.po row


@dataclass
class Progress:
    report: str
    lang: str
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    memory: int = 0  # entries filled from the translation memory (confirmed or not)

    @property
    def total(self) -> int:
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def progress(project: Project, opts: Options, diag: Collector) -> list[Progress]:
    out = []
    targets = set()
    for report, _numbers in load_reports(project, opts.report_glob):
        for lang in report.meta.languages:
            if lang == report.meta.original or (opts.langs and lang not in opts.langs):
                continue
            targets.add(lang)
            p = Progress(report.id, lang)
            for text in translate(report, lang, project, diag).texts.values():
                if text.status == TRANSLATED:
                    p.translated += 1
                elif text.status == FUZZY:
                    p.fuzzy += 1
                elif text.status == UNTRANSLATED:
                    p.untranslated += 1
                p.memory += text.memory
            path = project.catalog_path(report.id, lang)
            if path.is_file():
                cat = read_catalog(path, project.rel(path), Collector())
                p.obsolete = len(cat.obsolete()) if cat is not None else 0
            out.append(p)
    out += label_progress(project, [lang for lang in label_languages(project, targets)
                                    if lang in targets], diag)
    return out


def label_progress(project: Project, langs: list[str], diag: Collector) -> list[Progress]:
    """The label catalog of each language: every label the templates and code use."""
    labels = [msgid for msgid, _locs, _notes in extract_labels(project)]
    out = []
    for lang in langs:
        path = project.find("locales", f"{lang}/messages.po")
        cat = read_catalog(path, project.rel(path), diag) if path.is_file() else None
        entries = {e.msgid: e for e in cat.active()} if cat is not None else {}
        p = Progress(LABELS, lang, obsolete=len(cat.obsolete()) if cat is not None else 0)
        for msgid in labels:
            state = entries[msgid].state() if msgid in entries else UNTRANSLATED
            if state == TRANSLATED:
                p.translated += 1
            elif state == FUZZY:
                p.fuzzy += 1
            else:
                p.untranslated += 1
        out.append(p)
    return out


HEADERS = ("language", "report", "translated", "fuzzy", "untranslated", "obsolete",
           "from memory", "done")


def table(rows: list[Progress]) -> str:
    cells = [HEADERS] + [(p.lang, p.report, str(p.translated), str(p.fuzzy),
                          str(p.untranslated), str(p.obsolete), str(p.memory),
                          f"{p.percent:.1f}%") for p in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(HEADERS))]

    def line(r):  # text columns left-aligned, numbers right-aligned
        return "  ".join(c.ljust(w) if i < 2 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(r, widths))).rstrip()

    return "\n".join([line(cells[0]), "  ".join("-" * w for w in widths)] +
                     [line(r) for r in cells[1:]])


def run_status(project: Project, opts: Options, min_percent: float | None = None) -> int:
    diag = Collector()
    rows = progress(project, opts, diag)
    diag.raise_if_errors()
    if not rows:
        print("no translated editions: every selected report is in its source language only")
        return 0
    print(table(rows))
    if min_percent is not None:
        low = [p for p in rows if p.percent < min_percent]
        for p in low:
            path = project.find("locales", f"{p.lang}/messages.po") if p.report == LABELS else \
                project.catalog_path(p.report, p.lang)
            print(f"{project.rel(path)}: error: "
                  f"{p.percent:.1f}% translated, below --min-percent {min_percent:g}; "
                  f"translate or review the remaining {p.untranslated + p.fuzzy} "
                  f"entr{'y' if p.untranslated + p.fuzzy == 1 else 'ies'}", file=sys.stderr)
        if low:
            return 1
    return 0
