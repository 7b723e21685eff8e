"""The content-hash cache: an output is rebuilt when any input it reads changed (content, PO,
template, style, the output itself), and nothing is rebuilt when nothing changed. Outputs are
read back to see that a rebuilt file carries the change. No timings are asserted."""

import json
import re

import pytest
from helpers.project import FIXTURES, ROOT, edit, make_project
from docx import Document
from helpers.readback import docx_paragraphs, pdf_text

REPORT = "wg7-2017-l1"
EN, ZH = f"{REPORT}.en.docx", f"{REPORT}.zh.docx"
PAR = f"{REPORT}.en-zh.docx"  # the parallel review document reads both languages


def build(project, out, capsys, *extra):
    from unreport.cli import main
    code = main(["--root", str(project), "--output", str(out), *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return sorted(re.findall(r"^wrote .*?([^/\\\n]+)$", captured.out, re.M))


def stamps(out):
    return {p.name: p.stat().st_mtime_ns for p in out.iterdir()}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The example (DOCX only, to keep it quick), built once; tests below edit it in order."""
    tmp = tmp_path_factory.mktemp("cache")
    project = make_project(tmp / "p", ROOT / "content" / f"{REPORT}.yaml")
    # two of the example's six languages are enough to see what a change rebuilds
    edit(project / "content" / f"{REPORT}.yaml", "languages: [ar, zh, en, fr, ru, es]",
         "languages: [en, zh]")
    return project


def test_first_build_writes_everything_and_records_keys(project, capsys):
    out = project / "output"
    assert build(project, out, capsys, "--format", "docx") == [PAR, EN, ZH]
    cache = json.loads((out / ".unreport-cache.json").read_text())
    assert sorted(cache["outputs"]) == [PAR, EN, ZH]


def test_nothing_changed_nothing_rebuilt(project, capsys):
    out = project / "output"
    before = stamps(out)
    assert build(project, out, capsys, "--format", "docx") == []
    assert stamps(out) == before  # not even the cache file is rewritten


def test_changed_translation_rebuilds_only_that_language(project, capsys):
    out = project / "output"
    edit(project / "locales" / "zh" / f"{REPORT}.po", 'msgstr "依照联合国', 'msgstr "按照联合国')
    assert build(project, out, capsys, "--format", "docx") == [PAR, ZH]
    zh = [t for _s, t in docx_paragraphs(out / ZH)]
    assert any(t.startswith("1.\t按照联合国") for t in zh)


def test_changed_style_rebuilds_only_that_language(project, capsys):
    out = project / "output"
    edit(project / "locales" / "zh" / "style.yaml", "edition_letter: C", "edition_letter: Q")
    assert build(project, out, capsys, "--format", "docx") == [PAR, ZH]
    footer = Document(str(out / ZH)).sections[0].first_page_footer
    assert any("(Q)" in p.text for p in footer.paragraphs)


def test_changed_template_rebuilds_every_language(project, capsys):
    out = project / "output"
    edit(project / "templates" / "design.yaml",
         "SingleTxt: {font: body, size: body,", "SingleTxt: {font: body, size: 11,")
    assert build(project, out, capsys, "--format", "docx") == [PAR, EN, ZH]
    for name in (EN, ZH):
        assert Document(str(out / name)).styles["SingleTxt"].font.size.pt == 11


def test_changed_content_rebuilds(project, capsys):
    out = project / "output"
    edit(project / "content" / f"{REPORT}.yaml", "In accordance with resolution 5/3,",
         "Pursuant to resolution 5/3,")
    # en shows the new text; zh now shows the changed source with its marker
    assert build(project, out, capsys, "--format", "docx") == [PAR, EN, ZH]
    en = [t for _s, t in docx_paragraphs(out / EN)]
    assert any(t.startswith("1.\tPursuant to resolution 5/3,") for t in en)
    assert build(project, out, capsys, "--format", "docx") == []


def test_deleted_or_edited_output_is_rebuilt(project, capsys):
    out = project / "output"
    (out / EN).unlink()
    (out / ZH).write_bytes(b"edited by hand")
    assert build(project, out, capsys, "--format", "docx") == [EN, ZH]
    assert docx_paragraphs(out / ZH)


def test_no_cache_rebuilds_everything(project, capsys):
    out = project / "output"
    assert build(project, out, capsys, "--format", "docx", "--no-cache") == [PAR, EN, ZH]


def test_pdf_rebuilt_when_typst_template_changes(tmp_path, capsys):
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content" / "annual-note.yaml")
    out = tmp_path / "out"
    pdf = "annual-note.en.pdf"
    assert build(project, out, capsys, "--format", "pdf") == [pdf]
    assert build(project, out, capsys, "--format", "pdf") == []
    typ = project / "templates" / "typst" / "un.typ"
    typ.write_text(typ.read_text(encoding="utf-8") + "\n// edited\n", encoding="utf-8")
    assert build(project, out, capsys, "--format", "pdf") == [pdf]
    assert "Recommendation 1" in pdf_text(out / pdf)


def test_noop_run_repeats_the_warnings_and_reads_no_content(tmp_path, capsys):
    """A draft build's warnings are shown again by the no-op rebuild, which does not even parse
    the content (a file that is unchanged is not read as YAML)."""
    from unreport.cli import main
    project = make_project(tmp_path / "p", ROOT / "content" / f"{REPORT}.yaml")
    po = project / "locales" / "zh" / f"{REPORT}.po"
    po.write_text(re.sub(r'msgstr "依照联合国.*"', 'msgstr ""', po.read_text("utf-8")), "utf-8")
    out = tmp_path / "out"
    args = ["--root", str(project), "--output", str(out), "--format", "docx", "--lang", "zh"]
    assert main(args) == 0
    first = capsys.readouterr()
    assert "intro.mandate: not translated" in first.err and "wrote" in first.out
    import unreport.model.load as load  # where the build looks load_report up
    calls = []
    original = load.load_report
    load.load_report = lambda *a, **k: calls.append(a) or original(*a, **k)
    try:
        assert main(args) == 0
    finally:
        load.load_report = original
    second = capsys.readouterr()
    assert "intro.mandate: not translated" in second.err
    assert "wrote" not in second.out and "2 up to date" in second.out  # zh and en-zh
    assert calls == []
    # --strict is another run: it does the work and fails on the same entry
    assert main(args + ["--strict"]) == 1
    assert "(--strict)" in capsys.readouterr().err


def test_no_cache_build_still_records_so_the_next_build_is_incremental(project, capsys):
    out = project / "output"
    edit(project / "locales" / "zh" / f"{REPORT}.po", 'msgstr "按照联合国', 'msgstr "根据联合国')
    assert build(project, out, capsys, "--format", "docx", "--no-cache") == [PAR, EN, ZH]
    assert build(project, out, capsys, "--format", "docx") == []


def test_unreadable_cache_means_build_everything(project, capsys):
    out = project / "output"
    (out / ".unreport-cache.json").write_text("{not json", encoding="utf-8")
    assert build(project, out, capsys, "--format", "docx") == [PAR, EN, ZH]
    assert json.loads((out / ".unreport-cache.json").read_text())["outputs"]
    assert build(project, out, capsys, "--format", "docx") == []


def test_tool_versions_are_those_installed():
    """The cache key's tool versions (read from dist-info folder names, for a quick start) are
    what importlib.metadata says is installed."""
    from importlib import metadata

    from unreport.build.cache import TOOLS, _dist_key, installed_versions
    found = installed_versions()
    from unreport.formats import tools
    for dist in TOOLS + tools():
        try:
            want = metadata.version(dist)
        except metadata.PackageNotFoundError:
            want = None
        assert found.get(_dist_key(dist)) == want, dist


def test_a_cache_with_entries_of_the_wrong_types_is_discarded_with_one_warning(project, capsys):
    """A cache edited or damaged by hand: one warning, a full rebuild, then incremental again
    (before, every later build failed with an internal error until it was deleted)."""
    from unreport.cli import main
    out = project / "output"
    out.mkdir(exist_ok=True)
    (out / ".unreport-cache.json").write_text(json.dumps(
        {"format": 1, "outputs": {EN: ["not", "a", "mapping"], ZH: {"key": 7}},
         "runs": {"[]": "oops"}}), encoding="utf-8")
    assert main(["--root", str(project), "--output", str(out), "--format", "docx"]) == 0
    captured = capsys.readouterr()
    assert [ln for ln in captured.err.splitlines() if "cache" in ln] == [
        "output/.unreport-cache.json: warning: the build cache holds entries of the wrong "
        "types; ignored, every output is rebuilt"]  # once, though the cache is read thrice
    assert sorted(re.findall(r"^wrote .*?([^/\\\n]+)$", captured.out, re.M)) == [PAR, EN, ZH]
    assert build(project, out, capsys, "--format", "docx") == []


def test_two_builds_saving_at_once_keep_each_others_entries(tmp_path):
    """Two runs of different --report selections load the cache, build, and save one after
    the other: the later save merges, it does not drop what the earlier one recorded."""
    from unreport.build.cache import Cache
    first, second = Cache.load(tmp_path), Cache.load(tmp_path)
    first.record(tmp_path / "a.en.pdf", "key-a", b"%PDF a")
    second.record(tmp_path / "b.en.pdf", "key-b", b"%PDF b")
    first.runs["a"] = {"key": "ra", "outputs": ["a.en.pdf"], "warnings": []}
    second.runs["b"] = {"key": "rb", "outputs": ["b.en.pdf"], "warnings": []}
    first.save()
    second.save()
    saved = json.loads((tmp_path / ".unreport-cache.json").read_text())
    assert sorted(saved["outputs"]) == ["a.en.pdf", "b.en.pdf"]
    assert sorted(saved["runs"]) == ["a", "b"]
    assert Cache.load(tmp_path).entries["a.en.pdf"]["key"] == "key-a"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".unreport-cache.json"]  # no lock file


def test_the_code_fingerprint_covers_every_folder_of_the_package(tmp_path):
    """A change or a move of a module in a subfolder (formats/pdf/, build/) changes the code's
    fingerprint, so no output built by other code is served from the cache."""
    from unreport.build.cache import source_hash
    pkg = tmp_path / "unreport"
    (pkg / "formats" / "pdf").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "formats" / "pdf" / "writer.py").write_text("A = 1\n")
    first = source_hash(pkg)
    (pkg / "formats" / "pdf" / "writer.py").write_text("A = 2\n")
    changed = source_hash(pkg)
    (pkg / "formats" / "pdf" / "writer.py").rename(pkg / "formats" / "writer.py")
    moved = source_hash(pkg)
    assert len({first, changed, moved}) == 3
