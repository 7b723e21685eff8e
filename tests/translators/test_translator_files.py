"""Translator files that every gettext and CAT tool accepts (issue: translators lose work when a
file breaks): PO files as GNU gettext writes them, nothing lost, a translation memory across
reports, XLIFF inline codes and states, all problems in one run, catalogs checkable by CI.

Every PO file a test here makes is also read by msgfmt --check, polib and translate-toolkit
(the autouse fixture in conftest.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from helpers.po_clients import po_clients_problems
from helpers.project import ROOT, TR_REPORT as REPORT, content, edit, make_project, po_path
from lxml import etree
from translate.storage import factory

from unreport.cli import main

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
SCHEMA = ROOT / "tests" / "schemas" / "xliff-core-1.2-strict.xsd"
EXAMPLE = "wg7-2017-l1"
VENV_BIN = Path(sys.executable).parent

# Edits a translator meets: long paragraphs, %, quotes, backslashes, tabs, CJK, right to left
CORPUS = {
    "70-chars": "The Working Group took note of the information provided by the Secretariat.",
    "percent-and-quotes": (
        "In 2016, 100% of the States parties that replied to the questionnaire (\"the 2016 "
        "survey\") reported that the 'financial or other material benefit' element was part "
        "of their legislation; 45 % said that the element was interpreted broadly, and one "
        "State said that %s and %(name)s placeholders in its forms had been replaced, so that "
        "no text in the report can be mistaken for a format string by a PO editor."),
    "backslash-and-tab": (
        "The questionnaire was stored in the folder D:\\2017\\ of the Secretariat,\tand its "
        "annexes were listed\tone per line, with a backslash \\ wherever the national "
        "submissions used one, as several of them did in their file names and references; "
        "the Working Group asked that such characters be kept exactly as written."),
    "cjk": (
        "工作组注意到秘书处提供的资料，并强调各缔约国必须加强合作，以便根据《联合国打击跨国有组织犯罪公约》"
        "及其《关于打击陆、海、空偷运移民的补充议定书》有效预防和打击偷运移民行为，同时保护被偷运移民的"
        "权利，尤其是妇女和儿童的权利，并确保有效利用资源。" * 3),
    "arabic": (
        "أحاط الفريق العامل علما بالمعلومات التي قدمتها الأمانة، وشدد على ضرورة تعزيز التعاون "
        "بين الدول الأطراف من أجل منع تهريب المهاجرين ومكافحته بفعالية وفقا لاتفاقية الأمم "
        "المتحدة لمكافحة الجريمة المنظمة عبر الوطنية والبروتوكول المكمل لها، مع حماية حقوق "
        "المهاجرين المهربين، ولا سيما النساء والأطفال."),
    "2000-chars": " ".join(
        f"In paragraph {n}, the Working Group recommended that States parties consider "
        f"strengthening their cooperation in investigations and prosecutions ({n}%)."
        for n in range(1, 19)),
}
ORIGINAL = "States parties are encouraged to share information."


def sync(project, *args) -> int:
    return main(["--root", str(project), "catalogs", *args])


def pofile(project, report=REPORT, lang="zh"):
    return polib.pofile(str(project / "locales" / lang / f"{report}.po"))


def set_text(project: Path, old: str, new: str) -> None:
    """Replace a text in the content with `new`, written as a YAML double-quoted string."""
    path = content(project)
    text = path.read_text(encoding="utf-8")
    assert f"text: {old}" in text, old
    path.write_text(text.replace(f"text: {old}", "text: " + json.dumps(new, ensure_ascii=False)),
                    encoding="utf-8")


def assert_gnu_layout(path: Path) -> None:
    """Read by every client, and a fixed point of `msgcat --no-wrap` (Poedit and Weblate keep
    it as it is)."""
    assert po_clients_problems(path) == []
    out = subprocess.run(["msgcat", "--no-wrap", str(path)], capture_output=True, check=True)
    assert out.stdout == path.read_bytes()


# ---- 1. PO files as GNU gettext writes them -------------------------------------------------
def test_the_reproduction_on_the_example_gives_a_valid_catalog_with_the_full_previous_source(
        tmp_path):
    project = make_project(tmp_path / "p", "example")
    path = project / "content" / f"{EXAMPLE}.yaml"
    old_text = next(line for line in path.read_text().splitlines()
                    if "ensure the efficient use of resources" in line).split("text: ", 1)[1]
    path.write_text(path.read_text().replace("ensure the efficient use of resources",
                                             "ensure the most efficient use of resources"))
    assert sync(project) == 0
    po = project / "locales/zh" / f"{EXAMPLE}.po"
    assert_gnu_layout(po)
    entry = next(e for e in polib.pofile(str(po)) if e.msgctxt == "intro.wg-permanent")
    assert entry.fuzzy and entry.previous_msgid == old_text and len(old_text) > 400
    assert entry.previous_msgctxt == "intro.wg-permanent"
    assert entry.msgstr.startswith("在题为")
    store = factory.getobject(str(po))  # Weblate's reader: the unit is fuzzy, nothing lost
    unit = next(u for u in store.units if u.getcontext() == "intro.wg-permanent")
    assert unit.isfuzzy() and unit.target == entry.msgstr
    first = po.read_bytes()
    assert sync(project) == 0
    assert po.read_bytes() == first


@pytest.mark.parametrize("case", sorted(CORPUS))
def test_corpus_edit_keeps_full_previous_source_and_is_idempotent(case, tmp_path):
    project = make_project(tmp_path / "p", "tr")
    translation = pofile(project).find(ORIGINAL, by="msgid").msgstr
    set_text(project, ORIGINAL, CORPUS[case])
    assert sync(project) == 0
    assert_gnu_layout(po_path(project))
    e = next(e for e in pofile(project) if e.msgctxt == "recs.one")
    assert e.msgid == CORPUS[case] and e.fuzzy and e.msgstr == translation
    assert e.previous_msgid == ORIGINAL
    assert "python-format" not in e.flags and "c-format" not in e.flags
    first = po_path(project).read_bytes()
    assert sync(project) == 0
    assert po_path(project).read_bytes() == first
    # edited again before the translator came: the previous source is still the one it was
    # translated from
    set_text(project, json.dumps(CORPUS[case], ensure_ascii=False), CORPUS[case] + " Again.")
    assert sync(project) == 0
    e = next(e for e in pofile(project) if e.msgctxt == "recs.one")
    assert e.previous_msgid == ORIGINAL and e.msgid.endswith(" Again.")
    assert_gnu_layout(po_path(project))


def test_previous_fields_written_by_msgmerge_are_read_whole(tmp_path):
    """msgmerge (without --no-wrap), Poedit and Weblate wrap `#| msgid ""` over lines."""
    project = make_project(tmp_path / "p", "tr")
    edit(po_path(project), 'msgctxt "recs.one"\n', '#, fuzzy\n#| msgctxt "recs.one"\n'
         '#| msgid ""\n#| "States parties are "\n#| "encouraged to share."\nmsgctxt "recs.one"\n')
    assert sync(project) == 0
    text = po_path(project).read_text()
    assert '#| msgid "States parties are encouraged to share."\n' in text
    assert_gnu_layout(po_path(project))


def test_a_percent_in_content_is_not_a_format_string(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    set_text(project, ORIGINAL, "100% success: States parties are encouraged to share 5% more.")
    # a catalog written by an older tool guessed python-format: it goes
    edit(po_path(project), 'msgctxt "recs.one"\n', '#, python-format\nmsgctxt "recs.one"\n')
    assert sync(project) == 0
    e = next(e for e in pofile(project) if e.msgctxt == "recs.one")
    assert e.flags == ["fuzzy"]


# ---- 2. Nothing is ever lost silently --------------------------------------------------------
def test_catalog_without_msgctxt_after_po2xliff_xliff2po_keeps_every_translation(
        tmp_path, capsys):
    project = make_project(tmp_path / "p", "tr")
    before = {e.msgctxt: e.msgstr for e in pofile(project)}
    xlf, back = tmp_path / "t.xlf", tmp_path / "back.po"
    # translate-toolkit's own round trip, as a CAT-tool workflow does it
    subprocess.run([str(VENV_BIN / "po2xliff"), str(po_path(project)), str(xlf)], check=True,
                   capture_output=True)
    subprocess.run([str(VENV_BIN / "xliff2po"), str(xlf), str(back)], check=True,
                   capture_output=True)
    assert "msgctxt" not in back.read_text().split("\n\n", 1)[1]
    shutil.copy(back, po_path(project))
    capsys.readouterr()
    assert sync(project) == 0
    err = capsys.readouterr().err
    assert "warning: 9 entries had no msgctxt (the content ID; a PO or XLIFF round trip may " \
           "drop it): 9 matched" in err
    after = {e.msgctxt: e for e in pofile(project)}
    assert {k: e.msgstr for k, e in after.items()} == before
    assert all(e.fuzzy for e in after.values())  # for review
    assert_gnu_layout(po_path(project))


def test_entry_without_msgctxt_that_matches_no_source_is_kept_obsolete(tmp_path, capsys):
    project = make_project(tmp_path / "p", "tr")
    with po_path(project).open("a", encoding="utf-8") as f:
        f.write('\nmsgid "A sentence no report has."\nmsgstr "没有报告有这句话。"\n')
    assert sync(project) == 0
    assert "1 kept as obsolete" in capsys.readouterr().err
    obsolete = pofile(project).obsolete_entries()
    assert [(e.msgid, e.msgstr) for e in obsolete] == \
        [("A sentence no report has.", "没有报告有这句话。")]
    assert sync(project) == 0  # and it stays there
    assert len(pofile(project).obsolete_entries()) == 1


def test_renamed_id_keeps_its_translation_as_fuzzy_naming_the_old_id(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    docs = next(e for e in pofile(project) if e.msgctxt == "intro.docs")
    edit(content(project), "para: intro.docs", "para: intro.documents")
    assert sync(project) == 0
    entries = pofile(project)
    new = next(e for e in entries if e.msgctxt == "intro.documents")
    assert new.msgstr == docs.msgstr and new.fuzzy
    assert new.previous_msgctxt == "intro.docs"
    assert "renamed: was intro.docs" in new.comment
    # the old entry is not deleted: obsolete, with its translation
    assert [(e.msgctxt, e.msgstr) for e in entries.obsolete_entries()] == \
        [("intro.docs", docs.msgstr)]
    first = po_path(project).read_bytes()
    assert sync(project) == 0
    assert po_path(project).read_bytes() == first
    assert_gnu_layout(po_path(project))


def test_obsolete_entries_are_never_deleted_and_come_back(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    original = content(project).read_text()
    docs = next(e for e in pofile(project) if e.msgctxt == "intro.docs").msgstr
    edit(content(project), "      - para: intro.docs\n        text: The Working Group had before "
         "it the report described in paragraph [[intro.mandate]].\n", "")
    assert sync(project) == 0
    assert sync(project) == 0
    assert [e.msgctxt for e in pofile(project).obsolete_entries()] == ["intro.docs"]
    content(project).write_text(original)
    assert sync(project) == 0
    back = next(e for e in pofile(project) if e.msgctxt == "intro.docs")
    assert back.msgstr == docs and not back.fuzzy and not back.obsolete
    assert pofile(project).obsolete_entries() == []


# ---- 3. Translation memory across reports ----------------------------------------------------
MEMORY_REPORT = """\
meta:
  symbol: CTOC/COP/WG.7/2019/2
  distribution: general
  date: 2019-06-03
  original: en
  languages: [en, zh]
  organ: Conference of the Parties
  body: Working Group on the Smuggling of Migrants
  title: Note by the Secretariat
body:
  - chapter: memo
    title: Introduction
    content:
      - para: memo.same
        text: {same}
      - para: memo.close
        text: {close}
      - para: memo.new
        text: A paragraph that no catalog has ever translated, about something else entirely.
"""


def memory_project(tmp_path) -> tuple[Path, str, str]:
    project = make_project(tmp_path / "p", "tr")
    example = (ROOT / "locales/zh" / f"{EXAMPLE}.po")
    (project / "locales/zh" / f"{EXAMPLE}.po").write_text(example.read_text())
    same = next(e for e in polib.pofile(str(example)) if e.msgctxt == "org.agenda.adopted")
    close = next(e for e in polib.pofile(str(example)) if e.msgctxt == "intro.wg-permanent")
    close_text = close.msgid.replace("ensure the efficient use", "ensure an efficient use")
    (project / "content" / "memo.yaml").write_text(MEMORY_REPORT.format(
        same=json.dumps(same.msgid), close=json.dumps(close_text)))
    return project, same, close


def test_memory_fills_exact_and_close_matches_from_another_report(tmp_path, capsys):
    project, same, close = memory_project(tmp_path)
    capsys.readouterr()
    assert main(["--root", str(project), "--report", "memo", "catalogs"]) == 0
    assert "memo.po: updated (7 new, 5 from memory" in capsys.readouterr().out
    entries = {e.msgctxt: e for e in pofile(project, "memo")}
    exact = entries["memo.same"]
    assert exact.msgstr == same.msgstr and exact.fuzzy and exact.previous_msgid is None
    assert exact.tcomment == f"memory: {EXAMPLE}:org.agenda.adopted"
    near = entries["memo.close"]
    assert near.msgstr == close.msgstr and near.fuzzy
    assert near.previous_msgid == close.msgid  # the PO editor shows what differs
    assert near.tcomment.startswith(f"memory: {EXAMPLE}:intro.wg-permanent (")
    assert entries["memo.new"].msgstr == ""
    capsys.readouterr()
    assert main(["--root", str(project), "--report", "memo", "status"]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines()
               if line.split()[:2] == ["zh", "memo"])
    assert row.split()[2:7] == ["0", "5", "2", "0", "5"]  # 5 fuzzy, all from memory


def test_memory_exact_mode_and_no_memory(tmp_path):
    project, same, _close = memory_project(tmp_path)
    assert main(["--root", str(project), "--report", "memo", "catalogs", "--memory",
                 "exact"]) == 0
    entries = {e.msgctxt: e for e in pofile(project, "memo")}
    assert entries["memo.same"].msgstr == same.msgstr and not entries["memo.same"].fuzzy
    assert entries["memo.close"].fuzzy  # a close match is only ever a suggestion
    (project / "locales/zh/memo.po").unlink()
    assert main(["--root", str(project), "--report", "memo", "catalogs", "--no-memory"]) == 0
    assert all(e.msgstr == "" for e in pofile(project, "memo"))


def test_a_rev1_copy_of_the_example_starts_near_100_percent(tmp_path, capsys):
    project = make_project(tmp_path / "p", "example")
    rev1 = project / "content" / f"{EXAMPLE}-rev1.yaml"
    shutil.copy(project / "content" / f"{EXAMPLE}.yaml", rev1)
    rev1.write_text(rev1.read_text().replace("ensure the efficient use", "ensure the best use"))
    assert main(["--root", str(project), "--report", f"{EXAMPLE}-rev1", "catalogs"]) == 0
    entries = [e for e in pofile(project, f"{EXAMPLE}-rev1")]
    from_memory = [e for e in entries if e.tcomment.startswith("memory: ")]
    assert len(from_memory) / len(entries) >= 0.95, (len(from_memory), len(entries))
    for po in (project / "locales").glob(f"*/{EXAMPLE}-rev1.po"):  # every language's
        po.unlink()
    assert main(["--root", str(project), "--report", f"{EXAMPLE}-rev1", "catalogs",
                 "--memory", "exact"]) == 0
    capsys.readouterr()
    assert main(["--root", str(project), "--report", f"{EXAMPLE}-rev1", "status",
                 "--min-percent", "95"]) == 0


# ---- 4. XLIFF that CAT tools protect --------------------------------------------------------
def export(project, tmp_path, report=REPORT) -> Path:
    out = tmp_path / "xlf"
    assert main(["--root", str(project), "--output", str(out), "xliff", "export"]) == 0
    return out / f"{report}.zh.xlf"


@pytest.mark.parametrize("fixture", ["example", "blocks", "tr"])
def test_every_export_validates_against_the_oasis_strict_schema(fixture, tmp_path):
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    if fixture == "example":
        project = make_project(tmp_path / "p", "example")
        report = EXAMPLE
    elif fixture == "blocks":
        project = make_project(tmp_path / "p", "blocks")
        report = "all-blocks"
    else:
        project = make_project(tmp_path / "p", "tr")
        set_text(project, ORIGINAL, CORPUS["percent-and-quotes"])  # a fuzzy unit too
        assert sync(project) == 0
        report = REPORT
    xlf = export(project, tmp_path, report)
    doc = etree.parse(str(xlf))
    assert schema.validate(doc), schema.error_log
    assert doc.find(".//x:x", NS) is not None or doc.find(".//x:g", NS) is not None


def test_inline_codes_round_trip_exactly(tmp_path):
    project = make_project(tmp_path / "p", "blocks")
    po = project / "locales/zh/all-blocks.po"
    assert sync(project) == 0  # the fixture's catalog in the catalogs' own layout
    before = po.read_bytes()
    xlf = export(project, tmp_path, "all-blocks")
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 0
    assert po.read_bytes() == before  # an unchanged round trip changes nothing
    # a translator rewrites the text around the protected codes
    tree = etree.parse(str(xlf))
    unit = tree.find(".//x:trans-unit[@id='intro.guest']", NS)
    source = unit.find("x:source", NS)
    codes = [(el.tag.split("}")[1], el.get("id"), el.get("ctype")) for el in source.iter()
             if el is not source]
    assert codes == [("x", "1", "x-term"), ("g", "2", "x-footnote"), ("x", "3", "x-ref"),
                     ("x", "4", "x-ref")]
    target = unit.find("x:target", NS)
    target.clear()
    target.set("state", "translated")
    x1 = etree.SubElement(target, f"{{{NS['x']}}}x", id="1")
    x1.tail = "也作了修订后的发言。"
    g = etree.SubElement(target, f"{{{NS['x']}}}g", id="2")
    g.text = "见附件"
    x3 = etree.SubElement(g, f"{{{NS['x']}}}x", id="3")
    x3.tail = "第"
    x4 = etree.SubElement(g, f"{{{NS['x']}}}x", id="4")
    x4.tail = "段。"
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 0
    e = next(e for e in polib.pofile(str(po)) if e.msgctxt == "intro.guest")
    assert e.msgstr == "[[COL]]也作了修订后的发言。^[见附件[[annex.data]]第[[annex.data.first]]段。]"
    assert not e.fuzzy


def test_a_dropped_code_is_reported_with_its_id(tmp_path, capsys):
    project = make_project(tmp_path / "p", "blocks")
    po = project / "locales/zh/all-blocks.po"
    xlf = export(project, tmp_path, "all-blocks")
    text = xlf.read_text(encoding="utf-8")
    unit_start = text.index('id="intro.guest"')
    target_start = text.index("<target", unit_start)
    target_end = text.index("</target>", target_start)
    target = text[target_start:target_end]
    dropped = target.replace('<x id="1" ctype="x-term" equiv-text="[[COL]]"/>', "")
    assert dropped != target
    xlf.write_text(text[:target_start] + dropped + text[target_end:], encoding="utf-8")
    line = text[:unit_start].count("\n") + 1
    before = po.read_bytes()
    capsys.readouterr()
    assert main(["--root", str(project), "--strict", "xliff", "import", str(xlf)]) == 1
    err = capsys.readouterr().err
    assert f"{xlf}:{line}:1: error: trans-unit 'intro.guest': the target drops inline code 1 " \
           "([[COL]])" in err
    assert po.read_bytes() == before  # nothing written
    # in a draft: a warning, and the entry comes in fuzzy
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 0
    assert f"{xlf}:{line}:1: warning: trans-unit 'intro.guest': the target drops inline code 1" \
        in capsys.readouterr().err
    e = next(e for e in polib.pofile(str(po)) if e.msgctxt == "intro.guest")
    assert e.fuzzy and "[[COL]]" not in e.msgstr


def test_states_read_by_translate_toolkit_and_translator_notes_come_back(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    set_text(project, ORIGINAL, "States parties are encouraged to share data.")
    edit(content(project), "      - recommendation: recs.one",
         "      - para: recs.new\n        text: A brand new paragraph.\n"
         "      - recommendation: recs.one")
    assert sync(project) == 0
    xlf = export(project, tmp_path)
    # translate-toolkit names a unit "<file original>\x04<id>"
    units = {u.getid().split("\x04")[-1]: u for u in factory.getobject(str(xlf)).units}
    assert units["intro.mandate"].istranslated() and not units["intro.mandate"].isfuzzy()
    assert units["intro.mandate"].isapproved()
    assert units["recs.one"].isfuzzy() and not units["recs.one"].isapproved()
    assert not units["recs.new"].istranslated()
    # the CAT tool: a target that still needs review stays fuzzy; a translator's note
    tree = etree.parse(str(xlf))
    new = tree.find(".//x:trans-unit[@id='recs.new']", NS)
    target = new.find("x:target", NS)
    target.text, target.attrib["state"] = "  一个全新的段落。\n", "needs-review-translation"
    note = etree.SubElement(new, f"{{{NS['x']}}}note")
    note.set("from", "translator")
    note.text = "checked with the terminology unit"
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 0
    e = next(e for e in pofile(project) if e.msgctxt == "recs.new")
    assert e.msgstr == "一个全新的段落。" and e.fuzzy  # whitespace as around the source
    assert e.tcomment == "checked with the terminology unit"
    assert_gnu_layout(po_path(project))


# ---- 5. All problems in one run --------------------------------------------------------------
def test_check_strict_reports_a_fuzzy_entry_and_a_tampered_number_together(tmp_path, capsys):
    project = make_project(tmp_path / "p", "example")
    po = project / "locales/zh" / f"{EXAMPLE}.po"
    text = po.read_text()
    assert "第7/1号决议" in text
    po.write_text(text.replace("第7/1号决议", "第7/2号决议", 1).replace(
        'msgctxt "org.agenda.adopted"', '#, fuzzy\nmsgctxt "org.agenda.adopted"', 1))
    capsys.readouterr()
    assert main(["--root", str(project), "check", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "org.agenda.adopted: marked fuzzy (to be reviewed)" in err
    assert "intro.wg-permanent: number 7/1 of the source is missing from the translation" in err
    assert "number 7/2 in the translation is not in the source" in err
    # the build under --strict runs the same QA
    assert main(["--root", str(project), "--output", str(tmp_path / "out"), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "number 7/1 of the source is missing" in err and "marked fuzzy" in err
    assert not (tmp_path / "out").exists()


def test_an_untranslated_label_warns_in_drafts_and_fails_strict_builds(tmp_path, capsys):
    project = make_project(tmp_path / "p", "tr")
    labels = project / "locales/zh/messages.po"
    labels.write_text(labels.read_text().replace('msgstr "表%(number)s"', 'msgstr ""'))
    capsys.readouterr()
    assert main(["--root", str(project), "check"]) == 0
    assert "locales/zh/messages.po:" in capsys.readouterr().err
    assert main(["--root", str(project), "check", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "error: label 'Table %(number)s' is not translated" in err
    assert main(["--root", str(project), "status"]) == 0
    row = next(x for x in capsys.readouterr().out.splitlines() if "(labels)" in x)
    assert row.split()[2:5] == ["13", "0", "1"]  # 14 labels ("ID / status" of --review-ids)


# ---- 6. Catalogs in step, checkable by CI ----------------------------------------------------
def test_catalogs_check_passes_on_this_repository(capsys):
    before = {p: p.read_bytes() for p in (ROOT / "locales").rglob("*.po")}
    assert main(["--root", str(ROOT), "catalogs", "--check"]) == 0, capsys.readouterr().err
    assert {p: p.read_bytes() for p in (ROOT / "locales").rglob("*.po")} == before


def test_catalogs_check_fails_naming_the_file_after_a_content_edit(tmp_path, capsys):
    project = make_project(tmp_path / "p", "tr")
    assert sync(project) == 0
    set_text(project, ORIGINAL, "States parties are encouraged to share data.")
    before = po_path(project).read_bytes()
    capsys.readouterr()
    assert sync(project, "--check") == 1
    err = capsys.readouterr().err
    assert f"locales/zh/{REPORT}.po: error: out of date (0 new, 1 changed, 0 obsolete)" in err
    assert po_path(project).read_bytes() == before
    assert sync(project) == 0 and sync(project, "--check") == 0


# ---- found by a review as a new translator ---------------------------------------------------
def test_empty_and_reference_msgctxt_from_xliff2po_are_lost_ids_mended_by_reference(tmp_path):
    """xliff2po writes msgctxt "" or the #: reference as msgctxt for a repeated msgid: two IDs
    with the same source keep their own translations, matched by their content line."""
    project = make_project(tmp_path / "p", "tr")
    edit(content(project), "      - recommendation: recs.one\n        text: " + ORIGINAL,
         "      - recommendation: recs.one\n        text: " + ORIGINAL +
         "\n      - recommendation: recs.two\n        text: " + ORIGINAL)
    assert sync(project, "--no-memory") == 0
    edit(po_path(project), 'msgctxt "recs.two"\nmsgid "States parties are encouraged to share '
         'information."\nmsgstr ""', 'msgctxt "recs.two"\nmsgid "States parties are encouraged '
         'to share information."\nmsgstr "第二项建议的译文。"')
    entries = {e.msgctxt: e for e in pofile(project)}
    one_ref, two_ref = entries["recs.one"].occurrences[0], entries["recs.two"].occurrences[0]
    text = po_path(project).read_text()
    text = text.replace('msgctxt "recs.one"', f'msgctxt "{one_ref[0]}:{one_ref[1]}"')
    text = text.replace('msgctxt "recs.two"', 'msgctxt ""')
    po_path(project).write_text(text)
    assert main(["--root", str(project), "check"]) == 0  # not a duplicate ID ''
    assert sync(project) == 0
    after = {e.msgctxt: e for e in pofile(project)}
    assert after["recs.one"].msgstr == entries["recs.one"].msgstr
    assert after["recs.two"].msgstr == "第二项建议的译文。"
    assert after["recs.one"].fuzzy and after["recs.two"].fuzzy
    assert_gnu_layout(po_path(project))


def test_xliff_import_keeps_the_previous_source_of_an_entry_that_stays_fuzzy(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    set_text(project, ORIGINAL, "States parties are encouraged to share data.")
    assert sync(project) == 0
    xlf = export(project, tmp_path)
    tree = etree.parse(str(xlf))
    target = tree.find(".//x:trans-unit[@id='recs.one']/x:target", NS)
    assert target.get("state") == "needs-review-translation"
    target.text = "鼓励各缔约国分享数据（修订）。"
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 0
    e = next(e for e in pofile(project) if e.msgctxt == "recs.one")
    assert e.msgstr == "鼓励各缔约国分享数据（修订）。" and e.fuzzy
    assert e.previous_msgid == ORIGINAL  # the PO editor can still show what changed


def test_unchanged_xliff_round_trip_is_identical_with_spaces_around_a_source(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    path = content(project)
    path.write_text(path.read_text().replace(f"text: {ORIGINAL}", f'text: "{ORIGINAL} "'))
    assert sync(project) == 0
    e = next(e for e in pofile(project) if e.msgctxt == "recs.one")
    before = po_path(project).read_bytes()
    xlf = export(project, tmp_path)
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 0
    assert po_path(project).read_bytes() == before, e


def test_a_label_translation_with_a_wrong_placeholder_is_a_located_error(tmp_path, capsys):
    project = make_project(tmp_path / "p", "tr")
    labels = project / "locales/zh/messages.po"
    labels.write_text(labels.read_text().replace('msgstr "建议 %(number)s"',
                                                 'msgstr "建议 %(numero)s"'))
    line = next(i for i, x in enumerate(labels.read_text().splitlines(), 1)
                if x == 'msgid "Recommendation %(number)s"')
    capsys.readouterr()
    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert f"locales/zh/messages.po:{line}:1: error: label 'Recommendation %(number)s': the " \
           "placeholder %(numero)s is not the label's" in err
    assert "internal error" not in err
