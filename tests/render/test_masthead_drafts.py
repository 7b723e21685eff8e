"""The masthead's organ and meeting place are texts like any other: untranslated, the draft
edition prints them in the source language after the draft marker, warns, and the manifest
calls the edition a draft (they were printed in the source language without a word)."""

import json

from helpers.project import edit, make_project
from helpers.readback import pdf_text

from unreport.cli import main


def test_an_untranslated_organ_and_place_are_marked_and_warned(tmp_path, capsys):
    project = make_project(tmp_path / "p", "base")
    po = project / "locales/zh/note.po"
    edit(po, 'msgid "General Assembly"\nmsgstr "大会"', 'msgid "General Assembly"\nmsgstr ""')
    edit(po, 'msgid "Geneva"\nmsgstr "日内瓦"', 'msgid "Geneva"\nmsgstr ""')
    assert main(["--root", str(project), "--format", "pdf", "--no-review", "--verify"]) == 0
    err = capsys.readouterr().err
    assert "meta.organ: not translated; the zh edition shows the source text" in err, err
    assert "meta.meeting.place: not translated" in err, err
    text = pdf_text(project / "output/note.zh.pdf")
    assert "[未翻译] General Assembly" in text and "[未翻译] Geneva" in text, text[:400]
    manifest = json.loads((project / "output/manifest.json").read_text(encoding="utf-8"))
    [zh] = [e for e in manifest["outputs"] if e["language"] == "zh" and e["kind"] != "review"]
    assert zh["draft"] is True and zh["path"] == "note.zh.pdf"
