"""XLIFF 1.2 export -> edit targets in a CAT tool -> import back into the PO catalog."""

import re

from lxml import etree
from helpers.project import ROOT, content, draft_project, edit, entries, po_path

from unreport.cli import main

SRC = ROOT / "src"
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


def export(project, tmp_path):
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "xliff", "export", "--lang",
                 "zh"]) == 0
    return out / "tr-note.zh.xlf"


def units(xlf):
    tree = etree.parse(str(xlf))
    return tree, {u.get("id"): u for u in tree.iterfind(".//x:trans-unit", namespaces=NS)}


def set_target(unit, text, state="translated"):
    target = unit.find("x:target", NS)
    for child in list(target):
        target.remove(child)
    target.text = text
    target.set("state", state)


def plain(el):
    return "".join(el.itertext())


def test_export_has_ids_sources_targets_and_states(tmp_path):
    project = draft_project(tmp_path)  # recs.one changed (fuzzy), recs.new untranslated
    tree, us = units(export(project, tmp_path))
    f = tree.find("x:file", NS)
    assert (f.get("source-language"), f.get("target-language")) == ("en", "zh")
    assert tree.getroot().get("version") == "1.2"
    active, _ = entries(project)
    assert list(us) == list(active)  # document order, one unit per entry
    mandate = us["intro.mandate"]
    # the footnote travels as an inline code around its text
    assert plain(mandate.find("x:source", NS)) == active["intro.mandate"].id.replace(
        "^[See CTOC/COP/WG.7/2017/1.]", "See CTOC/COP/WG.7/2017/1.")
    note = mandate.find("x:source/x:g", NS)
    assert (note.get("ctype"), note.get("id"), note.text) == \
        ("x-footnote", "1", "See CTOC/COP/WG.7/2017/1.")
    assert mandate.find("x:target/x:g", NS).get("id") == "1"
    assert mandate.find("x:target", NS).get("state") == "translated"
    assert mandate.get("approved") == "yes"
    one = us["recs.one"]
    assert plain(one.find("x:source", NS)) == "States parties are encouraged to share data."
    assert one.find("x:target", NS).get("state") == "needs-review-translation"
    assert one.get("approved") is None
    assert "translated from: States parties are encouraged to share information." in \
        [n.text for n in one.findall("x:note", NS)][0]
    assert us["recs.new"].find("x:target", NS).get("state") == "new"
    assert not plain(us["recs.new"].find("x:target", NS))


def test_round_trip_edit_targets_then_import(tmp_path, capsys):
    project = draft_project(tmp_path)
    xlf = export(project, tmp_path)
    before = po_path(project).read_bytes()
    # unchanged round trip: the catalog stays byte-identical
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 0
    assert po_path(project).read_bytes() == before
    tree, us = units(xlf)
    set_target(us["recs.one"], "鼓励各缔约国分享数据。")
    set_target(us["recs.new"], "一个全新的段落。")
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    capsys.readouterr()
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 0
    assert "locales/zh/tr-note.po: updated (2 translation(s)" in capsys.readouterr().out
    active, _ = entries(project)
    assert active["recs.one"].string == "鼓励各缔约国分享数据。" and not active["recs.one"].fuzzy
    assert active["recs.new"].string == "一个全新的段落。" and not active["recs.new"].fuzzy
    assert "#| msgid" not in po_path(project).read_text()
    assert active["intro.mandate"].string.startswith("依照第5/3号决议")
    # the catalog is complete again: strict check passes, status says 100%
    assert main(["--root", str(project), "check", "--strict"]) == 0
    capsys.readouterr()
    assert main(["--root", str(project), "status", "--min-percent", "100"]) == 0


def test_import_of_a_unit_translated_from_an_older_source_stays_fuzzy(tmp_path):
    project = draft_project(tmp_path)
    xlf = export(project, tmp_path)
    edit(content(project), "A brand new paragraph.", "A brand new paragraph, revised.")
    tree, us = units(xlf)
    set_target(us["recs.new"], "一个全新的段落。")
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 0
    active, _ = entries(project)
    new = active["recs.new"]
    assert new.string == "一个全新的段落。" and new.fuzzy
    assert new.id == "A brand new paragraph, revised."
    assert '#| msgid "A brand new paragraph."' in po_path(project).read_text()


def test_unknown_id_is_an_error_with_its_line_and_nothing_is_written(tmp_path, capsys):
    project = draft_project(tmp_path)
    xlf = export(project, tmp_path)
    text = xlf.read_text(encoding="utf-8").replace('id="recs.new"', 'id="recs.gone"')
    text = text.replace("<target state=\"new\"/>", "<target state=\"translated\">新</target>", 1)
    xlf.write_text(text, encoding="utf-8")
    before = po_path(project).read_bytes()
    capsys.readouterr()
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 1
    err = capsys.readouterr().err.splitlines()
    line = next(i for i, x in enumerate(text.splitlines(), 1) if 'id="recs.gone"' in x)
    assert re.fullmatch(rf"{re.escape(str(xlf))}:{line}:1: error: trans-unit id \"recs.gone\" is "
                        r"not an ID of tr-note; .*", err[0])
    assert po_path(project).read_bytes() == before


def test_malformed_xliff_is_a_located_error(tmp_path, capsys):
    project = draft_project(tmp_path)
    bad = tmp_path / "bad.xlf"
    bad.write_text('<?xml version="1.0"?>\n<xliff version="1.2">\n<file>\n</xliff>\n')
    capsys.readouterr()
    assert main(["--root", str(project), "xliff", "import", str(bad)]) == 1
    assert re.match(rf"{re.escape(str(bad))}:4:\d+: error: not well-formed XML",
                    capsys.readouterr().err)
    assert main(["--root", str(project), "xliff", "frobnicate"]) == 2


def test_an_internal_entity_is_refused_not_imported_literally(tmp_path, capsys):
    """`&city;` declared in a DOCTYPE: a located error, never the literal text in the PO."""
    project = draft_project(tmp_path)
    xlf = export(project, tmp_path)
    text = xlf.read_text(encoding="utf-8")
    text = text.replace("<xliff ", '<!DOCTYPE xliff [<!ENTITY city "维也纳">]>\n<xliff ', 1)
    text = text.replace("<target state=\"new\"/>",
                        "<target state=\"translated\">会议在&city;举行</target>", 1)
    xlf.write_text(text, encoding="utf-8")
    before = po_path(project).read_bytes()
    capsys.readouterr()
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"{xlf}:1:1: error: the file declares XML entities (&city; ...) in its "
                      "DOCTYPE; XLIFF 1.2 uses none: write the text in place of each entity "
                      "and remove the DOCTYPE")
    assert po_path(project).read_bytes() == before
    assert "&city;" not in po_path(project).read_text(encoding="utf-8")


def test_two_file_elements_for_one_catalog_are_merged(tmp_path, capsys):
    """A CAT tool that splits a catalog into two <file> elements: both halves are imported,
    and the catalog is reported once."""
    project = draft_project(tmp_path)
    xlf = export(project, tmp_path)
    tree, by_id = units(xlf)
    new = list(by_id.values())
    file_el = tree.getroot().find("x:file", NS)
    second = etree.fromstring(etree.tostring(file_el))
    body2 = second.find("x:body", NS)
    for u in list(body2):
        body2.remove(u)
    first_new, last_new = new[0], new[-1]
    file_el.find("x:body", NS).remove(last_new)
    body2.append(last_new)
    tree.getroot().append(second)
    set_target(first_new, "第一部分的译文，内容很长，包括 100% 的“引号”。")
    set_target(last_new, "第二部分的译文，同样很长。")
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    capsys.readouterr()
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len([ln for ln in out if ln.startswith("locales/zh/")]) == 1, out
    got = {k: m.string for k, m in entries(project)[0].items()}
    assert got[first_new.get("id")] == "第一部分的译文，内容很长，包括 100% 的“引号”。"
    assert got[last_new.get("id")] == "第二部分的译文，同样很长。"


def test_a_duplicate_trans_unit_is_a_located_error(tmp_path, capsys):
    project = draft_project(tmp_path)
    xlf = export(project, tmp_path)
    tree, by_id = units(xlf)
    unit = next(iter(by_id.values()))
    twin = etree.fromstring(etree.tostring(unit))
    set_target(twin, "另一个译文")
    unit.addnext(twin)
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")
    line = etree.parse(str(xlf)).getroot().findall(".//x:trans-unit", NS)[1].sourceline
    before = po_path(project).read_bytes()
    capsys.readouterr()
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"{xlf}:{line}:1: error: duplicate trans-unit id \"{unit.get('id')}\" "
                      f"(first at line {unit.sourceline}); keep one of them")
    assert po_path(project).read_bytes() == before


def test_a_path_that_is_not_a_file_is_named_and_never_opened(tmp_path):
    """A named pipe given to `xliff import` (it blocked for ever), a folder, a link to nothing
    and a missing file: one line naming the path, exit 2, the catalog untouched."""
    import os
    import subprocess
    import sys
    project = draft_project(tmp_path)
    before = po_path(project).read_bytes()
    os.mkfifo(tmp_path / "pipe.xlf")
    os.symlink(tmp_path / "gone.xlf", tmp_path / "dangling.xlf")
    (tmp_path / "folder.xlf").mkdir()
    cases = {"pipe.xlf": "not a regular file (a named pipe)",
             "folder.xlf": "not a regular file (a folder)",
             "dangling.xlf": "not a regular file (a link to nothing)",
             "missing.xlf": "no such file"}
    for name, what in cases.items():
        proc = subprocess.run([sys.executable, "-m", "unreport", "--root", str(project), "xliff",
                               "import", str(tmp_path / name)], capture_output=True, text=True,
                              timeout=60, env={**os.environ, "PYTHONPATH": str(SRC)})
        assert (proc.returncode, proc.stderr.splitlines()) == (2, [
            f"{tmp_path / name}: error: {what}; give the XLIFF file your CAT tool saved (from "
            "'xliff export')"]), name
    assert po_path(project).read_bytes() == before


LONG_ZH = ("工作组注意到，作出答复的缔约国（“答复国”）100%已根据《议定书》第6条第2款采取措施，"
           "‘非正常’移民自2015年以来减少了12.5%；工作组还建议各国加强合作，交流信息和最佳做法。")


def test_a_target_with_a_control_or_bidi_character_is_refused_and_nothing_written(tmp_path,
                                                                                  capsys):
    """A CAT tool's &#x202E; (right-to-left override), like any control character, never
    reaches the catalog: one located error at the target, the catalog as it was."""
    project = draft_project(tmp_path)
    xlf = export(project, tmp_path)
    tree, found = units(xlf)
    ident = next(iter(found))
    set_target(found[ident], LONG_ZH[:40] + "\u202e" + LONG_ZH[40:])
    tree.write(str(xlf), encoding="utf-8", xml_declaration=True)
    line = found[ident].find("x:target", NS).sourceline
    before = po_path(project).read_bytes()
    capsys.readouterr()
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (f"{xlf}:{line}:1: error: trans-unit '{ident}': the target's "
                      "bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed: it "
                      "reorders the text on the page; delete it (the edition's language sets "
                      "the direction)"), err
    assert po_path(project).read_bytes() == before


def test_a_target_with_a_line_separator_leaves_a_catalog_every_tool_reads(tmp_path, capsys):
    """U+0085 and U+2028 inside a translation: the catalog written is read back by this tool
    (its lines end at newlines only, not where str.splitlines would end them), msgfmt, polib
    and translate-toolkit (the autouse fixture)."""
    project = draft_project(tmp_path)
    xlf = export(project, tmp_path)
    tree, found = units(xlf)
    ident = next(iter(found))
    set_target(found[ident], LONG_ZH[:30] + "\x85" + LONG_ZH[30:60] + "\u2028" + LONG_ZH[60:])
    tree.write(str(xlf), encoding="utf-8", xml_declaration=True)
    assert main(["--root", str(project), "xliff", "import", str(xlf)]) == 0
    assert "\u2028" in po_path(project).read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(project), "check"]) == 0, capsys.readouterr().err
    assert main(["--root", str(project), "catalogs", "--check"]) == 0, capsys.readouterr().err
