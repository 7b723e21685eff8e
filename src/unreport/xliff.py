"""XLIFF 1.2 exchange with CAT tools: `build.py xliff export` and `build.py xliff import FILE`.

Export writes `<output>/<report>.<lang>.xlf`, one `trans-unit` per text: id = the content ID,
`source`, `target` and its `state` (translated; needs-review-translation for fuzzy entries; new
for untranslated ones), and a note with the text's place. Import merges targets back into
`locales/<lang>/<report>.po` by ID: a changed target (or a unit moved to a translated state)
clears the fuzzy flag; a unit whose source no longer matches the content is kept fuzzy, with
the source it was translated from as `#| msgid`. The PO file is rewritten by the catalog sync,
so it stays in document order with its header.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from lxml import etree

from .build import Options, load_all
from .catalogs import SyncResult, build_catalog, po_bytes, read_for_sync, split_comments
from .errors import Collector, ContentError, Diagnostic, EnvironmentProblem, Loc
from .model import units
from .number import number
from .output import write_atomic
from .places import places
from .project import Project
from .translate import by_context, read_catalog

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
DONE = ("translated", "final", "signed-off")


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


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
        etree.SubElement(unit, _q("source")).text = u.text
        target = etree.SubElement(unit, _q("target"))
        if m is None or not m.string:
            target.set("state", "new")
        else:
            target.text = m.string
            fuzzy = m.fuzzy or m.id != u.text
            target.set("state", "needs-review-translation" if fuzzy else "translated")
            if fuzzy:
                prev = split_comments(m)[0] or (m.id if m.id != u.text else None)
                if prev and prev != u.text:
                    note = etree.SubElement(unit, _q("note"), **{"from": "unreport"})
                    note.text = f"source changed; translated from: {prev}"
        if where.get(u.id):
            etree.SubElement(unit, _q("note"), **{"from": "unreport"}).text = where[u.id]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export(project: Project, opts: Options) -> int:
    diag = Collector()
    outputs = []
    for report, _numbers in load_all(project, opts):
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


def _text(el) -> str:
    return "".join(el.itertext()) if el is not None else ""


def import_file(project: Project, file: Path) -> list[SyncResult]:
    shown = str(file)
    try:
        tree = etree.parse(str(file), etree.XMLParser(resolve_entities=False, no_network=True))
    except OSError as exc:
        raise EnvironmentProblem(f"cannot read the XLIFF file {shown} ({exc})") from None
    except etree.XMLSyntaxError as exc:
        raise ContentError([Diagnostic(Loc(shown, exc.lineno or 0, exc.offset or 0),
                                       f"not well-formed XML: {exc.msg}; fix the file")])
    diag = Collector()
    results = []
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
        (report, _n), = load_all(project, Options(report_glob=report_id))
        if lang == report.meta.original or lang not in report.meta.languages:
            diag.error(loc, f"target-language \"{lang}\" is not a translation of {report_id} "
                            f"(meta.languages: {', '.join(report.meta.languages)})")
            continue
        results.append(_merge(project, report, lang, f, shown, diag))
    diag.raise_if_errors()
    for path, data, result in results:
        if data is not None and (not path.is_file() or path.read_bytes() != data):
            write_atomic(path, data)
            result.written = True
    return [r for _p, _d, r in results]


def _merge(project, report, lang, f, shown, diag):
    path = project.catalog_path(report.id, lang)
    result = SyncResult(project.rel(path))
    old = read_for_sync(path, project.rel(path), diag) if path.is_file() else Catalog(locale=lang)
    if old is None:
        return path, None, result
    current = {u.id: u.text for u in units(report)}
    entries = by_context(old)
    updated = 0
    for unit in f.iter(_q("trans-unit")):
        ident = unit.get("id", "")
        if ident not in current:
            diag.error(Loc(shown, unit.sourceline, 1), f"trans-unit id \"{ident}\" is not an ID of "
                       f"{report.id}; was the file exported from another version?")
            continue
        target_el = unit.find(_q("target"))
        target, state = _text(target_el), (target_el.get("state", "") if target_el is not None
                                           else "")
        if not target:
            continue
        source = _text(unit.find(_q("source")))
        m = entries.get(ident)
        if m is None:
            m = Message(source, "", context=ident, flags=["fuzzy"])
            old[source] = m
        changed = target != m.string
        if changed or (state in DONE and m.fuzzy):
            updated += changed
            # the catalog sync below marks it fuzzy again, with `#| msgid`, only when the
            # unit was translated from a source that is no longer the content's
            m.string, m.id, m.previous_id = target, source, []
            m.flags.discard("fuzzy")
            m.user_comments = split_comments(m)[1]
    data = po_bytes(build_catalog(report, lang, old, result))
    result.new = updated  # for the report line: entries taken from the XLIFF file
    return path, data, result


def run_xliff(project: Project, opts: Options, args: list[str]) -> int:
    if args[:1] == ["export"] and len(args) == 1:
        return export(project, opts)
    if args[:1] == ["import"] and len(args) > 1:
        for name in args[1:]:
            for r in import_file(project, Path(name)):
                state = "updated" if r.written else "unchanged"
                print(f"{r.path}: {state} ({r.new} translation(s) from {name})")
        return 0
    print("error: use 'build.py xliff export [--lang L]' or 'build.py xliff import FILE...'",
          file=sys.stderr)
    return 2
