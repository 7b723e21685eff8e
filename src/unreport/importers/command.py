"""`unreport import SOURCE`: a DOCX or plain-text report into content/<report>.yaml, or, with
--translation-of REPORT --lang L, a translated version into locales/<L>/<REPORT>.po.

Exit status: 0 done; 1 the structure cannot be read, or the result does not load; 2 usage
(no such file, an unknown language, an existing file without --force).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
from pathlib import Path

from unreport.diagnostics import Collector, ContentError, Loc, printable
from unreport.files import not_a_file, write_atomic
from unreport.project.paths import Project
from unreport.importers.paragraphs import Source
from unreport.importers.reading import LangReader
from unreport.importers.structure import Doc, build, counts, walk, walk_items

TEXT_SUFFIXES = (".txt", ".text")
# what a masthead field is written as when the first page does not give it (with a warning)
PLACEHOLDERS = {"symbol": "TO/BE/SET", "date": dt.date(2000, 1, 1), "distribution": "general",
                "organ": "Organ", "body": "Body", "title": "Title"}
ORDER = ("chapter", "section", "subsection", "para", "recommendation", "item", "text", "table",
         "annex")


def _usage(message: str) -> int:
    print(printable(f"error: {message}"), file=sys.stderr)
    return 2


def read_source(path: Path, display: str) -> Source:
    if path.suffix.lower() == ".docx":
        from unreport.importers.docx_reader import read_docx
        return read_docx(path, display)
    from unreport.importers.text_reader import read_text_file
    return read_text_file(path, display)


def run_import(project: Project, args) -> int:
    if len(args.args) != 1:
        return _usage("import needs one file: 'import FILE.docx' or 'import FILE.txt' "
                      "(with --translation-of REPORT --lang L for a translation)")
    path = Path(args.args[0])
    display = project.rel(path)
    if not path.is_file():
        problem = not_a_file(path)
        return _usage(f"{display}: no such file" if problem == "it does not exist" else
                      f"{display}: not a regular file ({problem}); give the .docx or .txt "
                      "file to import")
    if path.suffix.lower() not in (".docx",) + TEXT_SUFFIXES:
        return _usage(f"{display}: not a .docx or .txt file; save it as one of them")
    try:
        src = read_source(path, display)
    except Exception as exc:  # noqa: BLE001 (python-docx, zipfile and lxml each raise their own)
        print(printable(f"{display}: error: cannot be read ({type(exc).__name__}: {exc}); "
                        "save it again as DOCX or UTF-8 text"), file=sys.stderr)
        return 1
    known = project.languages()
    # a DOCX names its language (core properties), perhaps with a region: zh-CN -> zh
    file_lang = next((c for c in (src.lang, re.split(r"[-_]", src.lang)[0]) if c in known),
                     src.lang)
    langs = list(getattr(args, "lang_given", args.lang)) or ([file_lang] if file_lang else [])
    if not langs:
        return _usage(f"{display}: which language is it in? give --lang (known: "
                      f"{', '.join(known)})")
    for lang in langs:
        if lang not in known:
            return _usage(f"unknown language '{lang}' (known: {', '.join(known)}); add "
                          f"locales/{lang}/style.yaml")
    diag = Collector()
    doc = build(LangReader(project, langs[0]), src, diag)
    found = counts(doc)
    if not any(found.get(k) for k in ("chapter", "para", "recommendation", "annex")):
        for d in diag.diagnostics:
            print(d, file=sys.stderr)
        print(f"{display}: error: no chapter, numbered paragraph or recommendation found: the "
              f"structure cannot be read (is it in {langs[0]}? numbered as "
              f"locales/{langs[0]}/style.yaml prints numbers?)", file=sys.stderr)
        return 1
    if args.translation_of:
        return _translation(project, args, doc, langs[0], diag)
    return _original(project, args, path, doc, langs, diag)


def _summary(doc: Doc) -> str:
    found = counts(doc)
    parts = [f"{found[k]} {k}" for k in ORDER if found.get(k)]
    return ", ".join(parts)


def _original(project, args, path: Path, doc: Doc, langs: list[str], diag: Collector) -> int:
    from unreport.model.load import load_report
    from unreport.lang.style import load_style
    from unreport.lang.terms import load_terms
    from unreport.importers.ids import assign_ids
    from unreport.importers.states import split_states
    from unreport.importers.write import content_yaml
    report_id = args.report if args.report not in ("", "*") else _report_id(path, project)
    target = project.content_dir / f"{report_id}.yaml"
    if target.exists() and not args.force:
        return _usage(f"{project.rel(target)} exists; import with --force to replace it, or "
                      "choose another ID with --report")
    lang = langs[0]
    meta = doc.meta
    for key in ("symbol", "date", "distribution", "organ", "body", "title"):
        if key not in meta:
            diag.warning(Loc(doc.path), f"no {key} found on the first page: written as "
                                        f"'{PLACEHOLDERS[key]}'; correct it in the content")
    style = load_style(project, lang)
    terms = load_terms(project, lang, Collector())
    on = meta.get("date", PLACEHOLDERS["date"])
    as_states = kept = 0
    for n in walk(doc.body):
        if n.kind != "para":
            continue
        head, codes, unresolved = split_states(n.text, style, terms, on)
        if codes is None or (unresolved and not codes):
            continue  # no list, or not a list of States
        if unresolved and codes:
            kept += 1
            diag.warning(Loc(n.where), f"paragraph {n.value} ends with a list whose names "
                                       f"{', '.join(repr(u) for u in unresolved[:5])} are not in "
                                       f"{project.rel(project.find('locales', f'{lang}/terms.yaml'))}"
                                       ": kept as text")
            continue
        n.text, n.states = head, codes
        as_states += 1
    assign_ids(doc, lambda st, depth: style.numbers.of("item", st, depth).system)
    out_meta = {
        "symbol": meta.get("symbol", PLACEHOLDERS["symbol"]),
        "distribution": meta.get("distribution", PLACEHOLDERS["distribution"]),
        "date": on,
        "original": lang,
        "languages": langs,
    }
    if meta.get("original") and meta["original"] != lang:
        diag.warning(Loc(doc.path), f"the masthead says the original is '{meta['original']}', "
                                    f"but the file is read as {lang}: written as the original")
    if meta.get("job"):
        out_meta["job"] = {"number": meta["job"], "dates": meta["job_dates"]} \
            if meta.get("job_dates") else meta["job"]
    out_meta["organ"] = meta.get("organ", PLACEHOLDERS["organ"])
    out_meta["body"] = meta.get("body", PLACEHOLDERS["body"])
    if meta.get("meeting"):
        out_meta["meeting"] = meta["meeting"]
    out_meta["title"] = meta.get("title", PLACEHOLDERS["title"])
    text = content_yaml(doc, out_meta, _named(doc.path))
    # the content must load as it is written: check it before it takes the report's place
    with tempfile.TemporaryDirectory(dir=project.content_dir if project.content_dir.is_dir()
                                     else None) as tmp:
        trial = Path(tmp) / f"{report_id}.yaml"
        trial.write_text(text, encoding="utf-8")
        try:
            load_report(trial, project)
        except ContentError as exc:
            _print(diag)
            where = {n.id: n.where for n in walk(doc.body)}
            where.update({it.id: it.where for n in walk(doc.body) for it, _d in walk_items(n)})
            for d in exc.diagnostics:
                ident = d.message.split(":", 1)[0]
                at = where.get(ident, f"{project.rel(target)}:{d.loc.line}")
                print(f"{at}: {d.severity}: {d.message}", file=sys.stderr)
            print(f"{doc.path}: error: the imported content does not load; nothing was written",
                  file=sys.stderr)
            return 1
    project.content_dir.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text.encode("utf-8"))
    _print(diag)
    print(f"imported {doc.path}: {_summary(doc)}")
    print(f"  {as_states} list(s) of States as codes, {kept} kept as text; "
          f"{doc.breaks} numbering break(s)")
    print(f"wrote {project.rel(target)}")
    return 0


def _report_id(path: Path, project: Project) -> str:
    stem = path.name.split(".")[0] if path.suffix else path.stem
    parts = path.name.split(".")
    # "wg7-2017-l1.en.docx" -> "wg7-2017-l1": a language suffix is not part of the ID
    if len(parts) > 2 and parts[-2] in project.languages():
        stem = ".".join(parts[:-2])
    return re.sub(r"[^a-z0-9._-]+", "-", stem.lower()).strip("-.") or "imported"


def _translation(project, args, doc: Doc, lang: str, diag: Collector) -> int:
    from unreport.model.load import load_report
    from unreport.model.number import number
    from unreport.lang.style import load_style
    from unreport.lang.terms import load_terms
    from unreport.importers.align import align
    from unreport.importers.write import catalog_bytes
    content = project.content_dir / f"{args.translation_of}.yaml"
    if not content.is_file():
        return _usage(f"--translation-of {args.translation_of}: no {project.rel(content)}; "
                      "import the original first")
    report = load_report(content, project)  # a ContentError is reported by the CLI
    if lang == report.meta.original:
        return _usage(f"{lang} is the original language of {report.id}; give the "
                      "translation's language with --lang")
    target = project.catalog_path(report.id, lang)
    if target.exists() and not args.force:
        return _usage(f"{project.rel(target)} exists; import with --force to replace it")
    quiet = Collector()
    tgt_style = load_style(project, lang)
    result = align(report, number(report), doc, load_style(project, report.meta.original),
                   tgt_style, load_terms(project, lang, quiet),
                   load_terms(project, tgt_style.states_sort_language, quiet), diag)
    data = catalog_bytes(report, lang, result.translations, fuzzy=not args.trusted,
                         source=_named(doc.path))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, data)
    _print(diag)
    from unreport.model.nodes import units
    total = sum(1 for _u in units(report))
    print(f"imported {doc.path}: {_summary(doc)}")
    print(f"  {result.aligned} of {total} entries aligned by number, {result.missing} left "
          f"untranslated, {result.extra} in the translation only; {doc.breaks} numbering "
          f"break(s); {'trusted' if args.trusted else 'marked fuzzy'}")
    if lang not in report.meta.languages:
        print(f"  note: {lang} is not in meta.languages of {project.rel(content)}; add it to "
              "build this edition")
    print(f"wrote {project.rel(target)}")
    return 0


def _named(display: str) -> str:
    """The source as the written files name it: its path in the project, else its file name
    (a path outside the project says nothing to the project's other users)."""
    return Path(display).name if Path(display).is_absolute() else display


def _print(diag: Collector) -> None:
    for d in diag.diagnostics:
        print(d, file=sys.stderr)
