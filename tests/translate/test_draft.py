"""Draft builds show untranslated and changed entries in the source language with a visible
marker, in DOCX and PDF; --strict refuses them, naming every ID with its file:line."""

import re

from docx import Document
from helpers.readback import docx_paragraphs, pdf_text, squash
from helpers.project import content, draft_project, edit, make_project, po_path

from unreport.cli import main


def test_draft_build_marks_fallbacks_in_docx_and_pdf_and_warns(tmp_path, capsys):
    project = draft_project(tmp_path)
    out = tmp_path / "out"
    capsys.readouterr()
    assert main(["--root", str(project), "--output", str(out), "--lang", "zh"]) == 0
    err = capsys.readouterr().err
    assert re.search(r"^locales/zh/tr-note\.po:\d+:1: warning: recs\.new: not translated; "
                     r"the zh edition shows the source text$", err, re.M), err
    assert re.search(r"^locales/zh/tr-note\.po:\d+:1: warning: recs\.one: changed since it was "
                     r"translated; the zh edition shows the source text$", err, re.M), err

    docx = out / "tr-note.zh.docx"
    paras = [t for _s, t in docx_paragraphs(docx)]
    assert "3.\t[未翻译] A brand new paragraph." in paras
    assert "[原文已更改] States parties are encouraged to share data." in paras
    assert "1.\t依照第5/3号决议，工作组于2017年9月11日举行了第一次会议。" in paras  # translated: no marker
    # the marker is a run in the highlighted character style DraftMarker
    marked = {r.text: r for p in Document(str(docx)).paragraphs for r in p.runs
              if r.style is not None and r.style.name == "DraftMarker"}
    assert set(marked) == {"[未翻译]", "[原文已更改]"}
    assert all(r.style.font.highlight_color is not None for r in marked.values())

    text = squash(pdf_text(out / "tr-note.zh.pdf"))
    assert squash("[未翻译] A brand new paragraph.") in text
    assert squash("[原文已更改] States parties are encouraged to share data.") in text
    assert text.count("[未翻译]") == 1 and text.count("[原文已更改]") == 1


def test_strict_exits_1_naming_every_id_with_its_place(tmp_path, capsys):
    project = draft_project(tmp_path)
    out = tmp_path / "out"
    capsys.readouterr()
    assert main(["--root", str(project), "--output", str(out), "--strict"]) == 1
    err = capsys.readouterr().err.splitlines()
    po_lines = po_path(project).read_text(encoding="utf-8").splitlines()
    new = next(x for x in err if ": recs.new:" in x)
    one = next(x for x in err if ": recs.one:" in x)
    m = re.match(r"locales/zh/tr-note\.po:(\d+)(?::\d+)?: error: recs\.new: not translated", new)
    assert m and po_lines[int(m.group(1)) - 1] == 'msgid "A brand new paragraph."'
    m = re.match(r"locales/zh/tr-note\.po:(\d+)(?::\d+)?: error: recs\.one: changed since it was "
                 r"translated", one)
    assert m and po_lines[int(m.group(1)) - 1] == \
        'msgid "States parties are encouraged to share data."'
    assert err[-1] == "2 errors; nothing was written"
    assert not out.exists()


def test_strict_names_content_line_when_the_catalog_has_no_entry_yet(tmp_path, capsys):
    project = make_project(tmp_path / "p", "tr")  # catalogs not synced after the edit
    edit(content(project), "      - recommendation: recs.one",
         "      - para: recs.new\n        text: A brand new paragraph.\n"
         "      - recommendation: recs.one")
    capsys.readouterr()
    assert main(["--root", str(project), "check", "--strict"]) == 1
    err = capsys.readouterr().err.splitlines()
    yaml_lines = content(project).read_text(encoding="utf-8").splitlines()
    m = re.match(r"content/tr-note\.yaml:(\d+):\d+: error: recs\.new: not translated", err[0])
    assert m and "para: recs.new" in yaml_lines[int(m.group(1)) - 1]
    assert err[1:] == ["1 error; nothing was written"]
