"""One reader of "is this PO entry a current translation" (sources/po.py Entry.state): the
build's texts, the XLIFF states, `status` counts, the label catalog and the memory all follow
it; the PO files are read by sources/catalog.py, below every stage that reads them."""

import ast
from pathlib import Path

from helpers.project import ROOT, TR_REPORT as REPORT, edit, make_project, po_path

from unreport.cli import main
from unreport.diagnostics import Collector
from unreport.model.load import load_report
from unreport.project.paths import Project
from unreport.sources.po import FUZZY, TRANSLATED, UNTRANSLATED, Entry
from unreport.translate import translate

SOURCE = ("In accordance with resolution 5/3, the Working Group held its first meeting on "
          "11 September 2017, at which 45 States parties (93 per cent) were represented and "
          "the “Conference’s” secretariat presented document CTOC/COP/WG.7/2017/1.")
ZH = "依照第5/3号决议，工作组于2017年9月11日举行了第一次会议，45个缔约国（93%）派代表出席。"


def test_state_of_an_entry():
    assert Entry(msgid=SOURCE, msgstr=ZH).state(SOURCE) == TRANSLATED
    assert Entry(msgid=SOURCE, msgstr=ZH, flags=["fuzzy"]).state(SOURCE) == FUZZY
    assert Entry(msgid=SOURCE[:-1], msgstr=ZH).state(SOURCE) == FUZZY  # source changed
    assert Entry(msgid=SOURCE, msgstr="").state(SOURCE) == UNTRANSLATED
    assert Entry(msgid=SOURCE, msgstr="", flags=["fuzzy"]).state(SOURCE) == UNTRANSLATED
    assert Entry(msgid="Annex %(number)s", msgstr="附件%(number)s").state() == TRANSLATED
    # an obsolete entry keeps its state (the memory offers it) but is no current translation
    gone = Entry(msgid=SOURCE, msgstr=ZH, obsolete=True)
    assert gone.state(SOURCE) == TRANSLATED and gone.translation_of(SOURCE) is None
    assert Entry(msgid=SOURCE, msgstr=ZH).translation_of(SOURCE) == ZH


def test_build_xliff_and_status_agree(tmp_path, capsys):
    """One fuzzy, one changed-source and one emptied entry: the build's texts, the XLIFF
    export's states and `status` count the same three."""
    project = make_project(tmp_path / "p", "tr")
    po = po_path(project)
    edit(po, 'msgctxt "intro.docs"', '#, fuzzy\nmsgctxt "intro.docs"')
    edit(po, 'msgid "In accordance with resolution 5/3', 'msgid "Under resolution 5/3')
    edit(po, 'msgstr "关于翻译的说明"', 'msgstr ""')
    proj = Project(project)
    report = load_report(proj.root / "content" / f"{REPORT}.yaml", proj)
    texts = translate(report, "zh", proj, Collector()).texts
    assert texts["intro.docs"].status == FUZZY
    assert texts["intro.mandate"].status == FUZZY and texts["intro.mandate"].changed
    assert texts["meta.title"].status == UNTRANSLATED
    assert texts["intro"].status == TRANSLATED and texts["intro"].text == "引言"
    counts = {s: sum(t.status == s for t in texts.values())
              for s in (TRANSLATED, FUZZY, UNTRANSLATED)}

    from lxml import etree
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "xliff", "export", "--lang",
                 "zh"]) == 0
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    states = {u.get("id"): u.find("x:target", ns).get("state") for u in
              etree.parse(str(out / f"{REPORT}.zh.xlf")).iterfind(".//x:trans-unit", ns)}
    assert states["intro.docs"] == states["intro.mandate"] == "needs-review-translation"
    assert states["meta.title"] == "new" and states["intro"] == "translated"
    assert sum(s == "translated" for s in states.values()) == counts[TRANSLATED]
    assert sum(s == "needs-review-translation" for s in states.values()) == counts[FUZZY]
    assert sum(s == "new" for s in states.values()) == counts[UNTRANSLATED]

    capsys.readouterr()
    main(["--root", str(project), "status", "--lang", "zh"])
    row = next(line.split() for line in capsys.readouterr().out.splitlines()
               if line.split()[:2] == ["zh", REPORT])
    assert row[2:5] == [str(counts[TRANSLATED]), str(counts[FUZZY]), str(counts[UNTRANSLATED])]


def imports(folder: Path) -> set[str]:
    out = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                out.add(node.module)
            elif isinstance(node, ast.Import):
                out.update(a.name for a in node.names)
    return out


def test_po_files_are_read_below_translate():
    """lang/ (the labels) and sources/ read PO files without the translate stage."""
    package = ROOT / "src" / "unreport"
    for layer in ("sources", "lang"):
        assert not {m for m in imports(package / layer) if m == "unreport.translate" or
                    m.startswith("unreport.translators")}, layer
