"""Stage 6, verify: read every output back and check that it prints what the model says.

For each unit (chapter, section, subsection, paragraph, recommendation, list item) the printed
number and text are compared with what the edition printed (render/units.py). Each format's
read-back (formats/<fmt>/readback.py) gives the output in one of three shapes
(formats/readback.py), checked here by shape:
- `Paragraphs` (DOCX editions, python-docx): the paragraphs in the numbered styles, in order,
  read `<number>\\t<text>` (a recommendation: its heading, then its text; a table or an annex:
  its label, exactly as the edition printed it, an annex's "[Original: …]" line, then its
  title); and the cells of the report's tables, in order, each the cell unit's text;
- `Rows` (DOCX review documents): each table row holds the unit's number and text in both
  languages;
- `Text` (PDF, pypdf: what a reader sees): each unit's number followed by the start of its
  text (up to the first footnote mark), in document order; a table's or an annex's whole label
  as the edition printed it ("Table 1", "Annex I" in the edition's words; an annex's
  "[Original: …]" line), then its title.
  Whitespace is ignored (line breaks, CJK-Latin spacing), hyphens too (Typst hyphenates
  justified text).
A mismatch is an error naming the file and the ID (exit status 1).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from unreport.diagnostics import Collector, Loc
from unreport.formats.readback import Paragraphs, Rows, Text
from unreport.render.units import Printed

TEXT_HEAD = 20  # characters of text that must follow each number directly in a text
TEXT_PROBE = 16  # after a break in the text (page furniture, footnote marks), the next
TEXT_GAP = 1500  # TEXT_PROBE characters must resume within TEXT_GAP characters
# in a review document a row longer than a page breaks on every page in both columns, and
# the text of each page reads the left column's part, then the right's: a column's text
# resumes after the other column's part of the page (and the page's furniture)
REVIEW_GAP = 12_000




def _ws(text: str) -> str:
    return re.sub(r"[ \u00a0]+", " ", unicodedata.normalize("NFKC", text)).strip()


def _squash(text: str) -> str:
    # bidirectional controls and isolates (U+200E/F, U+202A-E, U+2066-9) print nothing
    return re.sub(r"[\s\-\u00ad\u2010\u2011\u200e\u200f\u202a-\u202e\u2066-\u2069]+", "",
                  unicodedata.normalize("NFKC", text))


def _short(text: str, n: int = 70) -> str:
    text = text.replace("\t", " ")
    return text if len(text) <= n else text[:n - 1] + "…"


def _diff(got: str, want: str) -> str:
    """Both texts from a little before the first character where they differ."""
    got, want = _ws(got), _ws(want)
    i = next((k for k, (a, b) in enumerate(zip(got, want)) if a != b), min(len(got), len(want)))
    start = max(0, i - 15)
    cut = (lambda t: ("…" if start else "") + _short(t[start:], 45))
    return f"prints '{cut(got)}' where the model has '{cut(want)}'"


def printed(e: Printed) -> str:
    return f"{e.number}\t{e.text}" if e.number else e.text


# ---- DOCX -----------------------------------------------------------------------------------
def edition_lines(expected: list[Printed], styles: dict[str, set[str]]
                  ) -> list[tuple[Printed, set[str], str]]:
    """What the body of an edition prints, paragraph by paragraph: (unit, styles, text)."""
    lines = []
    for e in expected:
        if e.kind in ("meta", "cell"):
            continue  # a table's cells: `check_cells`
        if e.label:  # a table, an annex: its label, "[Original: …]", then its title
            lines.append((e, styles[e.kind], e.label))
            if e.original_line:
                lines.append((e, styles[f"{e.kind}-original"], e.original_line))
            lines.append((e, styles[f"{e.kind}-title"], e.text))
        elif e.kind == "recommendation":
            lines.append((e, styles["recommendation"], e.number))
            lines.append((e, styles["recommendation-text"], e.text))
        else:
            lines.append((e, styles[e.kind], printed(e)))
    return lines


def check_paragraphs(got: Paragraphs, display: str, expected: list[Printed],
                     diag: Collector) -> None:
    actual = got.items
    lines = edition_lines(expected, got.styles)
    for i, (e, styles, want) in enumerate(lines):
        if i >= len(actual):
            diag.error(Loc(display), f"{e.id}: {e.kind} {e.number or ''} is missing from the "
                                     "document; rebuild it")
            return
        style, got = actual[i]
        if style not in styles or _ws(got) != _ws(want):
            what = _diff(got, want) if style in styles else \
                f"prints '{_short(got)}' in style {style}, not {'/'.join(sorted(styles))}"
            diag.error(Loc(display), f"{e.id}: {what}; rebuild it")
            if len(actual) != len(lines):
                return  # the rest is out of step: one error is enough
    if len(actual) > len(lines):
        diag.error(Loc(display), f"{len(actual) - len(lines)} numbered paragraph(s) more than "
                                 f"the model, first '{_short(actual[len(lines)][1])}'; rebuild it")


def check_cells(got: tuple[str, ...], display: str, cells: list[Printed],
                diag: Collector) -> None:
    """Each table cell of the model, in order, against the cells of the document's tables."""
    for i, e in enumerate(cells):
        if i >= len(got):
            diag.error(Loc(display), f"{e.id}: table cell '{_short(e.text, 40)}' is missing "
                                     "from the document; rebuild it")
            return
        if _ws(got[i]) != _ws(e.text):
            diag.error(Loc(display), f"{e.id}: the table cell {_diff(got[i], e.text)}; "
                                     "rebuild it")
            if len(got) != len(cells):
                return  # the rest is out of step: one error is enough
    if len(got) > len(cells):
        diag.error(Loc(display), f"{len(got) - len(cells)} table cell(s) more than the model, "
                                 f"first '{_short(got[len(cells)])}'; rebuild it")


def check_rows(got: Rows, display: str, left: list[Printed], right: list[Printed],
               diag: Collector) -> None:
    if got.rows is None:
        diag.error(Loc(display), "no table found: not a parallel document; rebuild it")
        return
    if len(got.rows) != len(left):
        diag.error(Loc(display), f"{len(got.rows)} rows where the model has {len(left)} units; "
                                 "rebuild it")
    for (left_text, right_text), le, re_ in zip(got.rows, left, right):
        for side, text, e in (("left", left_text, le), ("right", right_text, re_)):
            if _lines(text) != _lines(printed(e)):
                diag.error(Loc(display), f"{e.id}: the {side} column "
                                         f"{_diff(text, printed(e))}; rebuild it")


def _lines(text: str) -> str:
    """Text with tabs and line breaks as spaces: a review-document cell puts a long label on a
    line of its own where the edition has a tab after a number."""
    return _ws(re.sub(r"[\t\n]+", " ", text))


# ---- PDF ------------------------------------------------------------------------------------
def check_text(got: Text, display: str, sequence: list[Printed], diag: Collector,
               gap: int = TEXT_GAP) -> None:
    """Each unit's number and the start of its text appear in order in the document's text (in
    a document with right-to-left text: its letters and digits, without punctuation), each
    text whole, interrupted by no more than `gap` characters at a time."""
    raw = got.text
    rtl = got.rtl
    if rtl:
        squash = (lambda s: re.sub(r"[^\w]|_", "", _squash(s)))
    else:
        squash = _squash
    text = squash(raw)
    pos = 0
    for e in sequence:
        # a table's or an annex's whole label, and an annex's "[Original: …]" under it
        number = squash(e.label + e.original_line if e.label else e.number)
        head = squash(e.head)[:TEXT_HEAD]
        found = text.find(number + head, pos)
        start = found + len(number) if found >= 0 else -1
        if start < 0 and rtl and not e.label:  # (a label stands on its own line)
            # a number hanging beside right-to-left text comes out of the PDF glued to a word
            # of its first line, before or after it: the text, read without that number
            end = _beside(text, pos, number, head, squash(e.text))
            if end >= 0:
                pos = end
                continue
        if start < 0:
            what = "out of order" if text.find(number + head) >= 0 else "not found"
            shown = f"{e.label or e.number} {e.head}".strip()
            diag.error(Loc(display), f"{e.id}: '{_short(shown, 50)}' {what} in the output's "
                                     "text; rebuild it")
            continue
        end = _follow(text, start, squash(e.text), gap)
        if isinstance(end, str):
            diag.error(Loc(display), f"{e.id}: the text of {e.label or e.number or e.kind} "
                                     f"breaks off before '{_short(end, 30)}' in the output's "
                                     "text; rebuild it")
            pos = start + len(head)
        else:
            pos = end


def _beside(text: str, pos: int, number: str, head: str, whole: str) -> int:
    """The end of `whole` (which starts with `head`) read from `pos` with one occurrence of
    `number` close to its start taken out, or -1."""
    at = text.find(number, pos) if number else -1
    tries = 0
    while at >= 0 and tries < 50:
        start = max(pos, at - len(head) - 120)
        after = at + len(number)
        window = text[start:at] + text[after:after + len(whole) + TEXT_GAP]
        h = window.find(head)
        if 0 <= h <= at - start + 120:
            end = _follow(window, h, whole)
            if not isinstance(end, str):
                return start + end if end <= at - start else end - (at - start) + after
        at = text.find(number, at + 1)
        tries += 1
    return -1


def _follow(text: str, pos: int, want: str, gap: int = TEXT_GAP) -> int | str:
    """Match `want` in `text` from `pos`, letting page furniture and footnote marks (up to
    `gap` characters at a time) interrupt it: the end position, or the part of `want` that
    could not be found."""
    i = 0
    while i < len(want):
        if pos < len(text) and text[pos] == want[i]:
            pos += 1
            i += 1
            continue
        probe = want[i:i + TEXT_PROBE]
        at = text.find(probe, pos, pos + gap + len(probe))
        if at < 0:
            return want[i:]
        pos = at
    return pos


# ---- a whole build --------------------------------------------------------------------------
def verify_outputs(project, plan, names: tuple[str, ...], out_dir: Path) -> Collector:
    """Check every edition and review document of the plan, as written in out_dir, in the
    formats named (every registered one when none)."""
    from unreport.formats import output_name, selected
    diag = Collector()

    def written(doc):
        """(format, path, path as shown) of each output of `doc` that exists."""
        for fmt in selected(names):
            path = out_dir / output_name(doc, fmt)
            if _exists(path, project.rel(path), diag):
                yield fmt, path, project.rel(path)

    def check(got, display, units, left=None, right=None) -> None:
        if isinstance(got, Paragraphs):
            check_paragraphs(got, display, units, diag)
            check_cells(got.cells, display, [e for e in units if e.kind == "cell"], diag)
        elif isinstance(got, Rows):
            check_rows(got, display, left, right, diag)
        elif isinstance(got, Text) and left is not None:
            # a review document: each column in its order (a long row's parts alternate with
            # the other column's page by page)
            for column in (left, right):
                check_text(got, display, [e for e in column if e.kind != "meta"], diag,
                           REVIEW_GAP)
        elif isinstance(got, Text):
            check_text(got, display, [e for e in units if e.kind != "meta"], diag)

    jobs = []  # (read-back module, its function, path, path as shown, what to check against)
    for edition in plan.editions:
        units = plan.printed[(edition.report.id, edition.lang)]
        for fmt, path, display in written(edition):
            jobs.append((fmt.readback, "edition", path, display, (units,)))
    for doc in plan.parallels:  # read by column: a Rows table, or a Text column by column
        left = [r.left for r in doc.rows]
        right = [r.right for r in doc.rows]
        for fmt, path, display in written(doc):
            jobs.append((fmt.readback, "review", path, display, ((), left, right)))
    for (_module, _read, _path, display, against), (got, problem) in zip(jobs, _read_all(jobs)):
        if problem:  # a damaged output (truncated, not a DOCX or PDF at all): one error
            diag.error(Loc(display), f"cannot be read (damaged or truncated: {problem}); "
                                     "rebuild it")
        else:
            check(got, display, *against)
    return diag


# outputs this large in all are read back in parallel processes: reading a PDF (pypdf, pure
# Python) takes about 0.06 s a page, and holds the interpreter lock; below it, starting the
# processes would cost more than it saves
PARALLEL_BYTES = 8_000_000


def _read_all(jobs) -> list:
    """(what each output reads back as, or None and what went wrong), in the order of `jobs`."""
    import os
    cores = os.cpu_count() or 1
    total = sum(path.stat().st_size for _m, _r, path, _d, _a in jobs)
    work = [(module, read, str(path)) for module, read, path, _d, _a in jobs]
    if cores < 2 or len(jobs) < 2 or total < PARALLEL_BYTES:
        return [_read_one(*w) for w in work]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    # the largest first, so that the longest read does not start last; spawned, not forked
    # (a build's threads and typst workers are running)
    order = sorted(range(len(work)), key=lambda i: -jobs[i][2].stat().st_size)
    with ProcessPoolExecutor(min(cores, len(jobs)),
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        done = dict(zip(order, pool.map(_read_one_packed, [work[i] for i in order])))
    return [done[i] for i in range(len(work))]


def _read_one_packed(args):
    return _read_one(*args)


def _read_one(module: str, read: str, path: str):
    import importlib
    try:
        return getattr(importlib.import_module(module), read)(Path(path)), None
    except Exception as exc:  # noqa: BLE001 (pypdf, zipfile and lxml each raise their own)
        return None, type(exc).__name__


def _exists(path: Path, display: str, diag: Collector) -> bool:
    if path.is_file():
        return True
    diag.error(Loc(display), "output missing; build it first ('build.py --verify')")
    return False
