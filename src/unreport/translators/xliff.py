"""XLIFF 1.2 exchange with CAT tools: `build.py xliff export` and `build.py xliff import FILE`.

Export writes `<output>/<report>.<lang>.xlf`, one `trans-unit` per text (id = the content ID),
valid against the OASIS XLIFF 1.2 strict schema:
- Inline markup travels as inline codes, which CAT tools show as protected tags: `[[id]]`
  cross-references and `[[CODE]]` term references as `<x ctype="x-ref|x-term"
  equiv-text="[[...]]"/>`, `*italic*` and `**bold**` as `<g ctype="italic|bold">`, footnotes
  as `<g ctype="x-footnote">`. Codes are numbered in the source's order; a target uses the
  source's numbers.
- States as CAT tools read them: a translated unit is `approved="yes"` with
  `state="translated"`; a fuzzy one `state="needs-review-translation"` (not approved); an
  untranslated one an empty target with `state="new"`. Translator comments are
  `<note from="translator">`; the text's place and a changed source are notes from unreport.

Import merges targets back into `locales/<lang>/<report>.po` by ID. Codes are turned back into
the source's markup by their numbers (from the unit's own `<source>`), so they come back
exactly; a target that drops, adds or reorders a code is a located warning and the entry stays
fuzzy (an error under --strict, and nothing is written). A target whose state is new,
needs-translation or needs-review-* stays fuzzy; translated, final, signed-off or approved
clears the fuzzy flag, unless the unit's source is no longer the content's (then the catalog
sync keeps it fuzzy with that source as `#| msgid`). The PO file is rewritten by the catalog
sync, so it stays in document order with its header; an unchanged round trip leaves it byte
for byte as it was.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from unreport.model import inline
from unreport.sources import po
from unreport.model.load import load_reports
from unreport.project.options import Options
from unreport.translators.catalogs import SyncOptions, SyncResult, build_catalog, finish, read_old
from unreport.sources.yamlsource import FORBIDDEN, forbidden_message
from unreport.diagnostics import Collector, ContentError, Diagnostic, EnvironmentProblem, Loc
from unreport.model.nodes import units
from unreport.model.number import number
from unreport.files import write_atomic
from unreport.files import not_a_file
from unreport.translators.places import places
from unreport.project.paths import Project
from unreport.sources.catalog import read_catalog
from unreport.translate import MEMORY_NOTE, by_context

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DONE = ("translated", "final", "signed-off")
PAIRED = {"em": ("italic", "*", "*"), "strong": ("bold", "**", "**"),
          "note": ("x-footnote", "^[", "]")}
BY_CTYPE = {ctype: (opening, closing) for ctype, opening, closing in PAIRED.values()}
PLACEHOLDER = {"ref": "x-ref", "term": "x-term"}


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


# ---- text <-> inline codes ------------------------------------------------------------------
@dataclass
class _Numbering:
    """Code numbers: the source numbers its codes in order; a target takes the number of the
    source code it matches (same placeholder text, or the n-th pair of its kind)."""

    source: list[tuple[str, str]] | None = None  # (kind key, number) in source order
    next_free: int = 0

    def number(self, key: str) -> str:
        if self.source is None:  # numbering the source itself
            self.next_free += 1
            return str(self.next_free)
        for i, (k, n) in enumerate(self.source):
            if k == key:
                del self.source[i]
                return n
        self.next_free += 1
        return f"t{self.next_free}"  # a code the source does not have


def _append_text(parent, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _fill(parent, toks, raw: str, numbering: _Numbering, keys: list) -> None:
    for t in toks:
        if t.kind == "text":
            _append_text(parent, t.value)
        elif t.kind in PLACEHOLDER:
            end = raw.index("]]", t.offset) + 2
            written = raw[t.offset:end]
            key = f"x:{written}"
            el = etree.SubElement(parent, _q("x"), id=numbering.number(key),
                                  ctype=PLACEHOLDER[t.kind])
            el.set("equiv-text", written)
            keys.append((key, el.get("id")))
        else:
            ctype = PAIRED[t.kind][0]
            key = f"g:{ctype}"
            el = etree.SubElement(parent, _q("g"), id=numbering.number(key), ctype=ctype)
            keys.append((key, el.get("id")))
            _fill(el, t.children, raw, numbering, keys)


def text_element(tag: str, text: str, source_keys: list | None = None):
    """`<source>` or `<target>` holding `text` with its markup as inline codes; (element,
    the codes as (kind key, number) in order). Text whose markup cannot be parsed (a broken
    translation) goes as plain text."""
    el = etree.Element(_q(tag))
    numbering = _Numbering(list(source_keys) if source_keys is not None else None)
    keys: list = []
    try:
        toks = inline.parse_exact(text)
    except inline.InlineError:
        el.text = text
        return el, []
    _fill(el, toks, text, numbering, keys)
    return el, keys


def source_codes(source_el) -> dict[str, tuple[str, str]]:
    """Number -> (opening, closing) markup of each code of a `<source>` (a placeholder's
    closing is "")."""
    codes = {}
    for el in source_el.iter():
        name = etree.QName(el).localname
        if name in ("x", "ph") and el.get("id"):
            codes[el.get("id")] = (el.get("equiv-text") or "".join(el.itertext()), "")
        elif name in ("g", "bpt") and el.get("id") and el.get("ctype") in BY_CTYPE:
            codes[el.get("id")] = BY_CTYPE[el.get("ctype")]
    return codes


def element_text(el, codes: dict[str, tuple[str, str]], used: list[str]) -> str:
    """The text of a `<target>`: codes back to the source's markup, by number; `used`
    collects the numbers met, in order (an unknown number is kept, marked, for the check)."""
    parts = [el.text or ""]
    for child in el:
        name = etree.QName(child).localname
        ident = child.get("id") or child.get("rid") or ""
        opening, closing = codes.get(ident, ("", ""))
        if name in ("x", "ph", "bx"):  # a placeholder, or the opening of a pair
            used.append(ident)
            parts.append(opening)
        elif name == "ex":  # the closing of a <bx/>...<ex/> pair
            parts.append(closing)
        elif name == "g":
            used.append(ident)
            parts.append(opening + element_text(child, codes, used) + closing)
        elif name == "bpt":
            used.append(ident)
            parts.append(opening)
        elif name == "ept":
            parts.append(codes.get(child.get("rid") or child.get("id") or "", ("", ""))[1])
        else:  # mrk and other wrappers: their text
            parts.append(element_text(child, codes, used))
        parts.append(child.tail or "")
    return "".join(parts)


def code_problems(source_order: list[str], used: list[str], codes) -> list[str]:
    problems = []
    for n in dict.fromkeys(used):
        if used.count(n) > source_order.count(n):
            problems.append(f"repeats inline code {n} ({codes.get(n, ('markup',))[0] or 'markup'})")
    if problems:
        return problems
    for n in source_order:
        if n not in used:
            problems.append(f"drops inline code {n} ({codes[n][0] or 'markup'})")
    for n in used:
        if n not in source_order:
            problems.append(f"adds inline code {n}, which the source does not have")
    kept = [n for n in used if n in source_order]
    if not problems and kept != source_order:
        problems.append(f"reorders the inline codes ({' '.join(kept)} where the source has "
                        f"{' '.join(source_order)})")
    return problems


# ---- export ---------------------------------------------------------------------------------
def export_report(report, lang: str, project: Project, diag: Collector) -> bytes:
    path = project.catalog_path(report.id, lang)
    cat = read_catalog(path, project.rel(path), diag) if path.is_file() else None
    entries = by_context(cat) if cat is not None else {}
    where = places(report, number(report))
    root = etree.Element(_q("xliff"), nsmap={None: NS}, version="1.2")
    f = etree.SubElement(root, _q("file"), original=report.path, datatype="plaintext")
    f.set("source-language", report.meta.original)
    f.set("target-language", lang)
    body = etree.SubElement(f, _q("body"))
    for u in units(report):
        m = entries.get(u.id)
        unit = etree.SubElement(body, _q("trans-unit"), id=u.id, resname=u.id)
        unit.set(XML_SPACE, "preserve")
        source, keys = text_element("source", u.text)
        unit.append(source)
        state = m.state(u.text) if m is not None else po.UNTRANSLATED
        if state == po.UNTRANSLATED:
            target, _ = text_element("target", "")
            target.set("state", "new")
        else:
            target, _ = text_element("target", m.msgstr, keys)
            translated = state == po.TRANSLATED
            target.set("state", "translated" if translated else "needs-review-translation")
            if translated:
                unit.set("approved", "yes")
        unit.append(target)
        if state == po.FUZZY:
            prev = m.previous_msgid if m.previous_msgid is not None else m.msgid
            memory = next((c for c in m.comments if c.startswith(MEMORY_NOTE)), None)
            if memory or prev != u.text:
                note = etree.SubElement(unit, _q("note"), **{"from": "unreport"})
                note.text = (f"suggested by the translation {memory}" +
                             (f"; its source: {prev}" if prev != u.text else "")) if memory \
                    else f"source changed; translated from: {prev}"
        if m is not None and m.comments:
            etree.SubElement(unit, _q("note"), **{"from": "translator"}).text = \
                "\n".join(m.comments)
        if where.get(u.id):
            etree.SubElement(unit, _q("note"), **{"from": "unreport"}).text = where[u.id]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export(project: Project, opts: Options) -> int:
    diag = Collector()
    outputs = []
    for report, _numbers in load_reports(project, opts.report_glob):
        for lang in report.meta.languages:
            if lang == report.meta.original or (opts.langs and lang not in opts.langs):
                continue
            outputs.append((project.output_dir / f"{report.id}.{lang}.xlf",
                            export_report(report, lang, project, diag)))
    diag.raise_if_errors()
    for path, data in outputs:
        write_atomic(path, data)
        print(f"wrote {project.rel(path)}")
    return 0


# ---- import ---------------------------------------------------------------------------------
def import_file(project: Project, file: Path, strict: bool = False,
                diag: Collector | None = None) -> list[SyncResult]:
    shown = str(file)
    problem = not_a_file(file)  # a named pipe is never opened: reading it would block
    if problem:
        what = "no such file" if problem == "it does not exist" else f"not a regular file " \
            f"({problem})"
        raise EnvironmentProblem(f"{shown}: error: {what}; give the XLIFF file your CAT tool "
                                 "saved (from 'xliff export')")
    try:
        tree = etree.parse(str(file), etree.XMLParser(resolve_entities=False, no_network=True))
    except OSError as exc:
        raise EnvironmentProblem(f"cannot read the XLIFF file {shown} ({exc})") from None
    except etree.XMLSyntaxError as exc:
        raise ContentError([Diagnostic(Loc(shown, exc.lineno or 0, exc.offset or 0),
                                       f"not well-formed XML: {exc.msg}; fix the file")])
    diag = diag if diag is not None else Collector()
    if not _no_entities(tree, shown, diag):
        diag.raise_if_errors()
    results = []
    groups: dict[tuple[str, str], list] = {}  # one catalog's <file> elements, merged
    files = tree.getroot().findall(_q("file"))
    if tree.getroot().tag != _q("xliff") or not files:
        diag.error(Loc(shown, tree.getroot().sourceline or 1, 1), "not an XLIFF 1.2 document "
                   f"(expected <xliff xmlns=\"{NS}\"> with <file> elements)")
    for f in files:
        report_id = Path(f.get("original", "")).stem
        lang = f.get("target-language", "")
        loc = Loc(shown, f.sourceline, 1)
        if not project.report_paths(report_id) or report_id != \
                project.report_paths(report_id)[0].stem:
            diag.error(loc, f"<file original=\"{f.get('original')}\"> names no report in "
                            f"{project.rel(project.content_dir)}")
            continue
        (report, _n), = load_reports(project, report_id)
        if lang == report.meta.original or lang not in report.meta.languages:
            diag.error(loc, f"target-language \"{lang}\" is not a translation of {report_id} "
                            f"(meta.languages: {', '.join(report.meta.languages)})")
            continue
        groups.setdefault((report_id, lang), [report]).append(f)
    for (_rid, lang), (report, *elements) in groups.items():
        results.append(_merge(project, report, lang, elements, shown, strict, diag))
    diag.raise_if_errors()
    for path, result in results:
        if result.data is not None:
            finish(path, result, SyncOptions())
    return [r for _p, r in results]


def _no_entities(tree, shown: str, diag: Collector) -> bool:
    """A DOCTYPE with entities would be imported as the literal `&city;` (entities are not
    resolved: that is how XML bombs and file reads are refused): a located error instead."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        name = next(dtd.iterentities()).name
        diag.error(Loc(shown, 1, 1), f"the file declares XML entities (&{name}; ...) in its "
                                     "DOCTYPE; XLIFF 1.2 uses none: write the text in place of "
                                     "each entity and remove the DOCTYPE")
        return False
    for el in tree.iter(etree.Entity):
        diag.error(Loc(shown, el.sourceline or 1, 1), f"the entity {el.text} is not XML's own; "
                                                      "write the character itself")
        return False
    return True


def _merge(project, report, lang, files, shown, strict, diag):
    path = project.catalog_path(report.id, lang)
    result = SyncResult(project.rel(path))
    old, readable = read_old(path, result.path, diag)
    if not readable:
        return path, result
    old = old or po.Catalog()
    current = {u.id: u.text for u in units(report)}
    entries = by_context(old)
    updated = 0
    seen: dict[str, int] = {}
    for unit in (u for f in files for u in f.iter(_q("trans-unit"))):
        ident = unit.get("id", "")
        loc = Loc(shown, unit.sourceline, 1)
        if ident in seen:
            diag.error(loc, f"duplicate trans-unit id \"{ident}\" (first at line {seen[ident]}); "
                            "keep one of them")
            continue
        seen[ident] = unit.sourceline
        if ident not in current:
            diag.error(loc, f"trans-unit id \"{ident}\" is not an ID of {report.id}; was the "
                            "file exported from another version?")
            continue
        target_el, source_el = unit.find(_q("target")), unit.find(_q("source"))
        if target_el is None or source_el is None:
            continue
        codes = source_codes(source_el)
        source_order: list[str] = []
        source = element_text(source_el, codes, source_order)
        used: list[str] = []
        target = element_text(target_el, codes, used).strip()
        if not target:
            continue
        if FORBIDDEN.search(target):  # as in a PO file or the content: never written
            diag.error(Loc(shown, target_el.sourceline or unit.sourceline, 1),
                       f"trans-unit '{ident}': the target's {forbidden_message(target)}")
            continue
        m = entries.get(ident)
        if m is not None and m.msgstr.strip() == target:
            target = m.msgstr  # unchanged: as the catalog has it, byte for byte
        else:  # whitespace as around the source (msgfmt --check compares the newlines)
            lead = source[:len(source) - len(source.lstrip())]
            target = lead + target + source[len(source.rstrip()):]
        if source != current[ident] and (m is None or source != m.msgid):
            diag.warning(loc, f"trans-unit '{ident}': its source is not the content's text "
                              "(exported from an older version, or edited in the CAT tool); "
                              "imported as fuzzy")
        problems = code_problems(source_order, used, codes)
        for problem in problems:
            (diag.error if strict else diag.warning)(
                loc, f"trans-unit '{ident}': the target {problem}; keep every code of the "
                     "source, in its order (your CAT tool shows them as tags)" +
                     ("" if strict else "; imported as fuzzy"))
        state = target_el.get("state", "")
        done = (state in DONE or unit.get("approved") == "yes") and not problems
        notes = [n.text or "" for n in unit.findall(_q("note")) if n.get("from") == "translator"]
        if m is None:
            m = po.Entry(source, "", msgctxt=ident)
            old.entries.append(m)
            entries[ident] = m
        if target != m.msgstr or m.fuzzy == done or m.msgid != source:
            updated += 1
            m.msgstr, m.msgid = target, source
            if done:  # confirmed: nothing left to compare
                m.previous_msgid = m.previous_msgctxt = None
            m.set_fuzzy(not done)
        if notes:
            m.comments = [line for note in notes for line in note.split("\n")]
    result.data = po.dumps(build_catalog(report, lang, old, SyncResult(result.path)))
    result.new = updated  # for the report line: entries taken from the XLIFF file
    return path, result


def run_xliff(project: Project, opts: Options, args: list[str]) -> int:
    if args[:1] == ["export"] and len(args) == 1:
        return export(project, opts)
    if args[:1] == ["import"] and len(args) > 1:
        diag = Collector()
        for name in args[1:]:
            for r in import_file(project, Path(name), opts.strict, diag):
                state = "updated" if r.written else "unchanged"
                print(f"{r.path}: {state} ({r.new} translation(s) from {name})")
        for w in diag.warnings:
            print(w, file=sys.stderr)
        return 0
    print("error: use 'build.py xliff export [--lang L]' or 'build.py xliff import FILE...'",
          file=sys.stderr)
    return 2
