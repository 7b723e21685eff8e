"""Stage 1, load: content YAML -> typed model, validated, every node located.

Validation covers the schema (known keys, types, required fields), ID syntax and uniqueness,
cross-reference targets and known languages. All problems of a file are reported together.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path

from unreport.model import inline
from unreport.diagnostics import Collector, ContentError, Loc
from unreport.model.nodes import (Annex, Cell, Heading, ItemList, ListItem, Meeting, Meta, Para,
                    Recommendation, Report, Table, Text, units)
from unreport.project.paths import Project
from unreport.sources.yamlsource import Value, read_text, read_yaml

DISTRIBUTIONS = ("general", "limited", "restricted")
HEADING_KINDS = ("chapter", "section", "subsection")
# kind -> (required keys, optional keys) besides the kind key itself, which holds the ID
BLOCK_KEYS = {
    "chapter": (("title",), ("content",)),
    "section": (("title",), ("content",)),
    "subsection": (("title",), ("content",)),
    "para": (("text",), ("list", "states")),
    "recommendation": (("text",), ()),
    # an unnumbered paragraph: `- {id: front.note, text: ...}`; for this kind alone the kind
    # key ('text') holds the text and 'id' the ID, and a block is a `text` only when it has no
    # other kind key
    "text": (("id",), ()),
    "table": (("caption", "header", "rows"), ()),
    "annex": (("title",), ("content", "original")),
}
# which kinds may hold which: a chapter holds sections, a section subsections; annexes stand
# at the top of the body, after the chapters
ALLOWED_INSIDE = {
    None: set(BLOCK_KEYS),
    "chapter": {"section", "para", "recommendation", "text", "table"},
    "section": {"subsection", "para", "recommendation", "text", "table"},
    "subsection": {"para", "recommendation", "text", "table"},
    "annex": {"chapter", "section", "para", "recommendation", "text", "table"},
}
# `states:` is a list of codes, or a mapping {codes: [...], order: given | name}
STATES_KEYS = (("codes",), ("order",))
STATES_ORDERS = ("given", "name")
CELL_KEYS = (("id", "text"), ())
META_REQUIRED = ("symbol", "distribution", "date", "original", "languages", "organ", "body",
                 "title")
META_OPTIONAL = ("job", "meeting")
LIST_STYLES = {"alpha": "alpha", "decimal": "decimal"}
MAX_LIST_DEPTH = 6  # lists in lists: UN documents use three or four levels
RESERVED_ID_PREFIX = "meta"  # meta texts are translated under meta.title, meta.organ, ...


class _Loader:
    def __init__(self, path: str, diag: Collector, languages: list[str]):
        self.path = path
        self.diag = diag
        self.languages = languages
        self.ids: dict[str, Loc] = {}

    # -- helpers -----------------------------------------------------------------------------
    def keys(self, v: Value, required, optional, what: str, extra_known=()) -> dict | None:
        if not isinstance(v.data, dict):
            self.diag.error(v.loc, f"{what} must be a mapping (key: value lines), "
                                   f"not {_kind(v.data)}")
            return None
        known = set(required) | set(optional) | set(extra_known)
        for key, val in v.data.items():
            if key not in known:
                close = difflib.get_close_matches(key, sorted(known), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else \
                    f"; allowed: {', '.join(sorted(known))}"
                self.diag.error(val.key_loc or val.loc, f"unknown key '{key}' in {what}{hint}")
        for key in required:
            if key not in v.data:
                self.diag.error(v.loc, f"{what} is missing '{key}'; add '{key}:'")
        return v.data

    def text(self, v: Value | None, what: str, allow_empty=False) -> str:
        if v is None:
            return ""
        if v.source is not None and v.data is not None and not isinstance(v.data, str) and \
                not isinstance(v.data, (dict, list)):
            return v.source  # `job: 017`, `symbol: 12:30:00`: text exactly as written
        if isinstance(v.data, str) and not allow_empty and not v.data.strip():
            self.diag.error(v.loc, f"{what} is empty; write the text, or remove the key where "
                                   "it is optional")
            return ""
        if not isinstance(v.data, str):
            self.diag.error(v.loc, f"{what} must be text, not {_kind(v.data)}; "
                                   "put it in quotes if needed")
            return ""
        return v.data

    def date(self, v: Value | None, what: str) -> dt.date | None:
        if v is None:
            return None
        if isinstance(v.data, dt.datetime):
            return v.data.date()
        if isinstance(v.data, dt.date):
            return v.data
        if isinstance(v.data, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.data.strip()):
            try:  # a quoted date, as JSON-schema editors write it
                return dt.date.fromisoformat(v.data.strip())
            except ValueError as exc:
                self.diag.error(v.loc, f"impossible date '{v.data}' ({exc}); write a real date")
                return None
        if v.data is not None:
            self.diag.error(v.loc, f"{what} must be a date written YYYY-MM-DD, "
                                   f"not '{v.data}'")
        return None

    def lang(self, v: Value, what: str) -> str:
        code = self.text(v, what)
        if code and code not in self.languages:
            known = ", ".join(self.languages) or "none"
            self.diag.error(v.loc, f"unknown language '{code}' in {what} (known: {known}); "
                                   f"add locales/{code}/style.yaml or fix the code")
        return code

    def ident(self, v: Value, what: str) -> str:
        ident = v.data if isinstance(v.data, str) else None
        if ident is None or not inline.ID_RE.match(ident):
            if v.cleaned:  # its control characters are the error reported
                return str(v.data)
            self.diag.error(v.loc, f"invalid ID '{v.data}' for {what}: use lowercase letters, "
                                   "digits, '.', '-' and '_', starting with a letter or digit")
            return str(v.data)
        if ident.split(".")[0] == RESERVED_ID_PREFIX:
            self.diag.error(v.loc, f"ID '{ident}' is reserved: IDs starting with "
                                   f"'{RESERVED_ID_PREFIX}.' name the report's meta texts; "
                                   "choose another ID")
            return ident
        if ident in self.ids:
            self.diag.error(v.loc, f"duplicate ID '{ident}' (first at line "
                                   f"{self.ids[ident].line}); give each block its own ID")
        else:
            self.ids[ident] = v.loc
        return ident

    # -- meta --------------------------------------------------------------------------------
    def meta(self, v: Value) -> Meta | None:
        d = self.keys(v, META_REQUIRED, META_OPTIONAL, "meta")
        if d is None:
            return None
        dist = self.text(d.get("distribution"), "meta.distribution")
        if dist and dist not in DISTRIBUTIONS:
            self.diag.error(d["distribution"].loc, f"distribution '{dist}' is not one of "
                                                   f"{', '.join(DISTRIBUTIONS)}")
        langs: list[str] = []
        lv = d.get("languages")
        if lv is not None:
            if isinstance(lv.data, list) and lv.data:
                langs = [self.lang(x, "meta.languages") for x in lv.data]
                seen = set()
                for x, code in zip(lv.data, langs):
                    if code in seen:
                        self.diag.error(x.loc, f"language '{code}' is listed twice")
                    seen.add(code)
            else:
                self.diag.error(lv.loc, "meta.languages must be a list such as [en, fr]")
        original = self.lang(d["original"], "meta.original") if "original" in d else ""
        meeting = None
        if "meeting" in d:
            mv = d["meeting"]
            md = self.keys(mv, ("place", "from", "to"), (), "meta.meeting")
            if md is not None and all(k in md for k in ("place", "from", "to")):
                start = self.date(md["from"], "meta.meeting.from")
                end = self.date(md["to"], "meta.meeting.to")
                if start and end and end < start:
                    self.diag.error(md["to"].loc, "meeting ends before it starts; "
                                                  "check 'from' and 'to'")
                if start and end:
                    meeting = Meeting(self.text(md["place"], "meta.meeting.place"), start, end,
                                      mv.loc, md["place"].loc)
        date = self.date(d.get("date"), "meta.date")
        text_locs = {f"meta.{k}": d[k].loc for k in ("organ", "body", "title") if k in d}
        if meeting:
            text_locs["meta.meeting.place"] = meeting.place_loc
        job, job_dates = self.job(d["job"]) if "job" in d else (None, ())
        return Meta(symbol=self.text(d.get("symbol"), "meta.symbol"), distribution=dist,
                    date=date or dt.date(1970, 1, 1), original=original,
                    languages=tuple(langs), organ=self.text(d.get("organ"), "meta.organ"),
                    body=self.text(d.get("body"), "meta.body"),
                    title=self.text(d.get("title"), "meta.title"), meeting=meeting,
                    job=job, job_dates=job_dates, loc=v.loc, text_locs=text_locs)

    def job(self, v: Value) -> tuple[str | None, tuple]:
        """meta.job: a job number (V.17-06379), or a mapping {number: V.17-06379, dates:
        [2017-09-11, 2017-09-12]} with the processing dates the job line prints."""
        if not isinstance(v.data, dict):
            return self.text(v, "meta.job"), ()
        d = self.keys(v, ("number",), ("dates",), "meta.job")
        if d is None or "number" not in d:
            return None, ()
        number = self.text(d["number"], "meta.job.number")
        dates: list[dt.date] = []
        if "dates" in d:
            dv = d["dates"]
            if not isinstance(dv.data, list):
                self.diag.error(dv.loc, "meta.job.dates must be a list of dates such as "
                                        "[2017-09-11, 2017-09-12]")
            else:
                dates = [x for x in (self.date(item, "meta.job.dates") for item in dv.data) if x]
        return number, tuple(dates)

    # -- body --------------------------------------------------------------------------------
    def blocks(self, v: Value | None, parent: str | None) -> tuple:
        if v is None or v.data is None:
            return ()
        if not isinstance(v.data, list):
            self.diag.error(v.loc, f"content must be a list of blocks ('- para: ...'), "
                                   f"not {_kind(v.data)}")
            return ()
        out = []
        for item in v.data:
            b = self.block(item, parent)
            if b is not None:
                if out and isinstance(out[-1], Annex) and not isinstance(b, Annex):
                    self.diag.error(b.loc, f"a {b.kind} cannot follow an annex; move the "
                                           "annexes to the end of the body")
                out.append(b)
        return tuple(out)

    def block(self, v: Value, parent: str | None):
        if not isinstance(v.data, dict):
            self.diag.error(v.loc, f"a block must be a mapping such as 'para: some.id', "
                                   f"not {_kind(v.data)}")
            return None
        kinds = [k for k in v.data if k in BLOCK_KEYS and k != "text"]
        if not kinds and "text" in v.data and "id" in v.data:
            kinds = ["text"]
        if len(kinds) != 1:
            if kinds:
                self.diag.error(v.loc, f"a block has exactly one kind; found "
                                       f"{', '.join(kinds)}")
            else:
                close = [difflib.get_close_matches(k, list(BLOCK_KEYS), n=1)
                         for k in v.data]
                guess = next((c[0] for c in close if c), None)
                hint = f"; did you mean '{guess}'?" if guess else ""
                self.diag.error(v.loc, "block has no kind: start it with one of "
                                       f"{', '.join(k for k in BLOCK_KEYS if k != 'text')}, "
                                       f"or write {{id: ..., text: ...}} for unnumbered "
                                       f"text{hint}")
            return None
        kind = kinds[0]
        if kind not in ALLOWED_INSIDE[parent]:
            where = f"inside a {parent}" if parent else "at the top of the body"
            self.diag.error(v.loc, f"a {kind} cannot stand {where}")
        required, optional = BLOCK_KEYS[kind]
        d = self.keys(v, required, optional, kind, extra_known=(kind,))
        if kind == "text":
            if "id" not in d:
                return None
            ident = self.ident(d["id"], "text")
            return Text(kind, ident, d["id"].loc, text=self.text(d["text"], "text"))
        ident = self.ident(d[kind], kind)
        loc = d[kind].loc
        if kind == "table":
            return self.table(d, ident, loc)
        if kind == "annex":
            original = self.lang(d["original"], "annex original") if "original" in d else None
            return Annex(kind, ident, loc, title=self.text(d.get("title"), "annex title"),
                         content=self.blocks(d.get("content"), kind), original=original)
        if kind in HEADING_KINDS:
            return Heading(kind, ident, loc, title=self.text(d.get("title"), f"{kind} title"),
                           content=self.blocks(d.get("content"), kind))
        text = self.text(d.get("text"), f"{kind} text")
        if kind == "recommendation":
            return Recommendation(kind, ident, loc, text=text)
        states, states_loc, order = (), None, "given"
        if "states" in d:
            sv = d["states"]
            states_loc = sv.loc
            if isinstance(sv.data, dict):
                sd = self.keys(sv, *STATES_KEYS, "states")
                if "order" in sd:
                    order = self.text(sd["order"], "states order")
                    if order not in STATES_ORDERS:
                        self.diag.error(sd["order"].loc, f"states order '{order}' is not one "
                                                         f"of {', '.join(STATES_ORDERS)}")
                sv = sd.get("codes")  # a missing 'codes:' is reported by keys()
            if sv is not None and isinstance(sv.data, list) and sv.data:
                states = tuple(self.text(x, "state code") for x in sv.data)
            elif sv is not None:
                self.diag.error(sv.loc, "states must be a list of codes such as [AFG, DZA]")
        return Para(kind, ident, loc, text=text, sublist=self.item_list(d.get("list")),
                    states=states, states_loc=states_loc, states_order=order)

    def cell(self, v: Value) -> Cell | None:
        cd = self.keys(v, *CELL_KEYS, "table cell")
        if cd is None or "id" not in cd:
            return None
        return Cell(self.ident(cd["id"], "table cell"),
                    self.text(cd.get("text"), "table cell text"), cd["id"].loc)

    def cells(self, v: Value, what: str) -> tuple[Cell, ...]:
        if not isinstance(v.data, list) or not v.data:
            self.diag.error(v.loc, f"{what} must be a non-empty list of cells "
                                   "('- {id: ..., text: ...}')")
            return ()
        return tuple(c for c in (self.cell(x) for x in v.data) if c is not None)

    def table(self, d: dict, ident: str, loc: Loc) -> Table:
        header = self.cells(d["header"], "table header")
        rows = []
        rv = d["rows"]
        if not isinstance(rv.data, list) or not rv.data:
            self.diag.error(rv.loc, "table rows must be a non-empty list of rows, each a list "
                                    "of cells")
        else:
            for row_v in rv.data:
                row = self.cells(row_v, "a table row")
                if header and row and len(row) != len(header):
                    self.diag.error(row_v.loc, f"this row has {len(row)} cells but the header "
                                               f"has {len(header)}; give every row "
                                               f"{len(header)} cells")
                rows.append(row)
        return Table("table", ident, loc, caption=self.text(d.get("caption"), "table caption"),
                     header=header, rows=tuple(rows))

    def item_list(self, v: Value | None, depth: int = 1) -> ItemList | None:
        if v is None:
            return None
        if depth > MAX_LIST_DEPTH:
            self.diag.error(v.key_loc or v.loc, f"lists nest at most {MAX_LIST_DEPTH} levels "
                                                "deep; make this a list of its own or flatten "
                                                "it")
            return None
        d = self.keys(v, ("items",), ("style",), "list")
        if d is None or "items" not in d:
            return None
        style = "alpha"
        if "style" in d:
            style = self.text(d["style"], "list style")
            if style not in LIST_STYLES:
                self.diag.error(d["style"].loc, f"list style '{style}' is not one of "
                                                f"{', '.join(LIST_STYLES)}")
        iv = d["items"]
        if not isinstance(iv.data, list) or not iv.data:
            self.diag.error(iv.loc, "list items must be a non-empty list of '- id: ..., text: ...'")
            return None
        items = []
        for x in iv.data:
            xd = self.keys(x, ("id", "text"), ("list",), "list item")
            if xd is None or "id" not in xd:
                continue
            items.append(ListItem(self.ident(xd["id"], "list item"), self.text(
                xd.get("text"), "list item text"), xd["id"].loc,
                self.item_list(xd.get("list"), depth + 1)))
        return ItemList(style, tuple(items), v.loc)


def _kind(data) -> str:
    if data is None:
        return "nothing"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false", int: "a number",
            float: "a number", dt.date: "a date"}.get(type(data), type(data).__name__)


def check_inline(report: Report, diag: Collector) -> None:
    """Inline markup and cross-reference targets of every source text."""
    known = {u.id for u in units(report)}
    unnumbered = {u.id: {"text": "an unnumbered text", "cell": "a table cell"}.get(u.kind)
                  for u in units(report)}
    for unit in units(report):
        try:
            toks = inline.parse(unit.text)
        except inline.InlineError as exc:
            diag.error(unit.loc, f"{unit.id}: {exc.message}")
            continue
        for ref in inline.refs(toks):
            if ref.value not in known:
                close = difflib.get_close_matches(ref.value, sorted(known), n=1)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                diag.error(unit.loc, f"{unit.id}: cross-reference [[{ref.value}]] points to no "
                                     f"block{hint}")
            elif unnumbered.get(ref.value):
                diag.error(unit.loc, f"{unit.id}: cross-reference [[{ref.value}]] points to "
                                     f"{unnumbered[ref.value]}, which has no number; refer to "
                                     "a numbered paragraph, heading, table or annex")


def load_report(path: Path, project: Project) -> Report:
    """Load and validate one content file; raises ContentError with every problem found."""
    display = project.rel(path)
    diag = Collector()
    if not inline.ID_RE.match(path.stem) or path.stem.strip(".") == "":
        diag.error(Loc(display), f"the report ID '{path.stem}' (the file name) is not an ID: "
                                 "rename the file to lowercase letters, digits, '.', '-' and "
                                 "'_', starting with a letter or digit")
        diag.raise_if_errors()
    text = read_text(path, display, diag)
    root = read_yaml(text, display, diag) if text is not None else None
    if root is None:
        diag.raise_if_errors()
    loader = _Loader(display, diag, project.languages())
    d = loader.keys(root, ("meta", "body"), (), "the report") or {}
    meta = loader.meta(d["meta"]) if "meta" in d else None
    body = loader.blocks(d.get("body"), None)
    if "body" in d and not body and not diag.errors:
        diag.error(d["body"].loc, "body is empty; add at least one chapter or paragraph")
    diag.raise_if_errors()
    report = Report(id=path.stem, path=display, meta=meta, body=body)
    check_inline(report, diag)
    diag.raise_if_errors()
    return report


def load_reports(project: Project, report_glob: str = "*") -> list[tuple[Report, dict]]:
    """Load and number every report matching `report_glob`, collecting the errors of all of
    them: (report, numbers) each."""
    from unreport.model.number import number
    out, errors = [], []
    for path in project.report_paths(report_glob):
        try:
            report = load_report(path, project)
        except ContentError as exc:
            errors.extend(exc.diagnostics)
            continue
        out.append((report, number(report)))
    if errors:
        raise ContentError(errors)
    return out
