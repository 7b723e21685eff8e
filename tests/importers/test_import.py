"""`unreport import` round trip: build a report, import its own DOCX editions into a fresh
project (the original as content, the translations with --translation-of), build again: every
output prints the same numbers and texts (IDs aside), read back with python-docx and pypdf."""

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from helpers.project import FIXTURES, ROOT, make_project
from docx import Document
from helpers.readback import docx_paragraphs, pdf_text, squash

# (report, content file, locales to add {path in project: file}, languages, annexes)
CASES = {
    "example": ("wg7-2017-l1", ROOT / "content" / "wg7-2017-l1.yaml", {}),
    "blocks": ("all-blocks", FIXTURES / "blocks" / "content" / "all-blocks.yaml",
               {"locales/zh/all-blocks.po": FIXTURES / "blocks" / "locales" / "zh" /
                "all-blocks.po"}),
    "french": ("fr-demo", FIXTURES / "french" / "content" / "fr-demo.yaml",
               {f"locales/fr/{p.name}": p for p in (FIXTURES / "french" / "locales" /
                                                     "fr").iterdir()}),
    "mini": ("annual-note", FIXTURES / "mini" / "content" / "annual-note.yaml", {}),
    "tr": ("tr-note", FIXTURES / "tr" / "content" / "tr-note.yaml",
           {"locales/zh/tr-note.po": FIXTURES / "tr" / "locales" / "zh" / "tr-note.po"}),
}


def run(*argv) -> int:
    from unreport.cli import main
    return main([str(a) for a in argv])


def bare_project(path: Path, extra: dict) -> Path:
    """The tool's templates and language data, the fixture's own language files (`extra`), no
    content and no report catalogs."""
    project = make_project(path, catalogs=False, locales={
        rel: src.read_text(encoding="utf-8") for rel, src in extra.items()
        if not (src.name.endswith(".po") and src.name != "messages.po")})
    (project / "content").mkdir()
    return project


def msgfmt_check(po: Path) -> None:
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def docx_texts(path: Path) -> dict:
    """Everything a DOCX prints: body paragraphs with their styles (tables included), the
    first-page header and footer, the footnotes."""
    doc = Document(str(path))
    sec = doc.sections[0]
    head = [c.text for t in sec.first_page_header.tables for r in t.rows for c in r.cells]
    foot = [p.text for p in sec.first_page_footer.paragraphs]
    with zipfile.ZipFile(path) as z:
        notes = z.read("word/footnotes.xml").decode() if "word/footnotes.xml" in z.namelist() \
            else ""
    return {"body": docx_paragraphs(path), "header": head, "footer": foot,
            "notes": re.findall(r"<w:t[^>]*>([^<]*)</w:t>", notes)}


@pytest.fixture(scope="module", params=sorted(CASES))
def round_trip(request, tmp_path_factory):
    report, content, extra = CASES[request.param]
    tmp = tmp_path_factory.mktemp(f"import-{request.param}")
    first = bare_project(tmp / "first", extra)
    shutil.copy(content, first / "content" / content.name)
    for rel, src in extra.items():
        if src.name.endswith(".po"):
            (first / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, first / rel)
    for po in (ROOT / "locales").glob(f"*/{report}.po"):  # the example's catalogs
        shutil.copy(po, first / "locales" / po.parent.name)
    assert run("--root", first, "--strict", "--no-review") == 0
    from unreport.model.load import load_report
    from unreport.project.paths import Project
    meta = load_report(first / "content" / content.name, Project(first)).meta
    second = bare_project(tmp / "second", extra)
    langs = [meta.original] + [lang for lang in meta.languages if lang != meta.original]
    argv = ["import", first / "output" / f"{report}.{meta.original}.docx", "--root", second]
    for lang in langs:
        argv += ["--lang", lang]
    assert run(*argv) == 0
    for lang in langs[1:]:
        assert run("import", first / "output" / f"{report}.{lang}.docx", "--root", second,
                   "--translation-of", report, "--lang", lang, "--trusted") == 0
        msgfmt_check(second / "locales" / lang / f"{report}.po")
    # the imported content and catalogs build strictly and verify
    assert run("--root", second, "--strict", "--no-review") == 0
    assert run("verify", "--root", second, "--format", "docx", "--no-review") == 0
    if request.param != "blocks":  # verify reads annexes in PDFs as numbered units: not yet
        assert run("verify", "--root", second, "--format", "pdf", "--no-review") == 0
    return report, langs, first, second


def test_round_trip_prints_the_same_docx(round_trip):
    report, langs, first, second = round_trip
    for lang in langs:
        name = f"{report}.{lang}.docx"
        a, b = docx_texts(first / "output" / name), docx_texts(second / "output" / name)
        assert len(a["body"]) > 5
        assert b == a, name


def test_round_trip_prints_the_same_pdf(round_trip):
    report, langs, first, second = round_trip
    for lang in langs:
        name = f"{report}.{lang}.pdf"
        assert squash(pdf_text(second / "output" / name)) == \
            squash(pdf_text(first / "output" / name)), name


def test_round_trip_same_numbers_and_texts_per_unit(round_trip):
    """Unit by unit (IDs differ): the same kind, printed number and text in every language."""
    report, langs, first, second = round_trip
    from unreport.build.pipeline import gather
    from unreport.project.options import Options
    from unreport.project.paths import Project

    def units(root):
        expected = gather(Project(root), Options(report_glob=report, langs=tuple(langs),
                                                 review=False, verify=True)).printed
        return {lang: [(e.kind, e.number, e.text, e.status) for e in expected[(report, lang)]]
                for lang in langs}

    a, b = units(first), units(second)
    for lang in langs:
        assert len(b[lang]) == len(a[lang])
        assert b[lang] == a[lang], lang


def test_round_trip_content_is_readable(round_trip):
    """IDs from the structure and a slug of the headings; lists of States became codes."""
    report, _langs, first, second = round_trip
    text = (second / "content" / f"{report}.yaml").read_text(encoding="utf-8")
    ids = re.findall(r"^\s*-?\s*(?:chapter|section|subsection|para|recommendation|id|table|"
                     r"annex): (\S+)$", text, re.M)
    assert ids and len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9._-]*", i) for i in ids)
    original = (first / "content").glob("*.yaml").__next__().read_text(encoding="utf-8")
    assert text.count("states: [") == original.count("states:")
    # what editors' YAML tooling checks: the content's JSON Schema
    import jsonschema
    from helpers.content_schema import SCHEMA, read
    jsonschema.validate(read(second / "content" / f"{report}.yaml"), SCHEMA)


@pytest.mark.parametrize("round_trip", ["example"], indirect=True)
def test_example_ids_follow_the_structure(round_trip):
    report, _langs, _first, second = round_trip
    text = (second / "content" / f"{report}.yaml").read_text(encoding="utf-8")
    for ident in ("chapter: introduction", "para: introduction.p1",
                  "section: organization.adoption", "para: organization.adoption.p12",
                  "id: organization.adoption.p12.1", "id: organization.adoption.p12.1.a",
                  "recommendation: recommendations.specific.using.rec1"):
        assert ident in text, ident
    assert "states: [BHS, CHL, EU, GRC, GTM, IND, IDN, IRQ, ITA, JPN, MEX, NLD, NGA, PHL, " \
           "ZAF, TUR, GBR, URY]" in text


def test_import_never_overwrites_without_force(round_trip, capsys):
    report, langs, first, second = round_trip
    target = second / "content" / f"{report}.yaml"
    before = target.read_bytes()
    src = first / "output" / f"{report}.{langs[0]}.docx"
    assert run("import", src, "--root", second, "--lang", langs[0]) == 2
    assert "exists; import with --force" in capsys.readouterr().err
    assert target.read_bytes() == before
    if len(langs) > 1:
        po = second / "locales" / langs[1] / f"{report}.po"
        po_before = po.read_bytes()
        assert run("import", first / "output" / f"{report}.{langs[1]}.docx", "--root", second,
                   "--translation-of", report, "--lang", langs[1]) == 2
        assert po.read_bytes() == po_before
    # with --force the same input gives the same bytes (deterministic)
    argv = ["import", src, "--root", second, "--force"]
    for lang in langs:
        argv += ["--lang", lang]
    assert run(*argv) == 0
    assert target.read_bytes() == before
