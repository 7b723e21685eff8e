"""`build.py catalogs`: sync by ID only, on the small two-language fixture report."""

import shutil
import subprocess

import pytest
from helpers.project import FIXTURES, TR_REPORT, content, edit, entries, make_project, po_path

from unreport.cli import main


def sync(project) -> int:
    return main(["--root", str(project), "catalogs"])


def test_new_catalog_has_every_text_in_document_order_with_place_and_line(tmp_path):
    project = make_project(tmp_path / "p", "tr", without=[f"locales/zh/{TR_REPORT}.po"])
    # without the memory (the example's catalog translates some of these texts)
    assert main(["--root", str(project), "catalogs", "--no-memory"]) == 0
    active, obsolete = entries(project)
    assert list(active) == ["meta.organ", "meta.body", "meta.meeting.place", "meta.title",
                            "intro", "intro.mandate", "intro.docs", "recs", "recs.one"]
    assert not obsolete and all(m.string == "" for m in active.values())
    assert active["intro.docs"].auto_comments == ["chapter I, paragraph 2"]
    assert active["recs.one"].auto_comments == ["chapter II, recommendation 1"]
    lines = content(project).read_text().splitlines()
    path, line = active["intro.docs"].locations[0]
    assert path == "content/tr-note.yaml" and "para: intro.docs" in lines[line - 1]
    text = po_path(project).read_text()
    # a header a translator can use: no Babel placeholders, nothing that changes with versions
    for junk in ("FULL NAME", "EMAIL@ADDRESS", "VERSION", "Generated-By", "LL@li.org"):
        assert junk not in text


def test_edit_add_delete_then_idempotent(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    before, _ = entries(project)
    edit(content(project), "States parties are encouraged to share information.",
         "States parties are encouraged to share information and good practices.")
    edit(content(project), "      - recommendation: recs.one",
         "      - para: recs.new\n        text: A new paragraph.\n"
         "      - recommendation: recs.one")
    edit(content(project), "      - para: intro.docs\n        text: The Working Group had before "
         "it the report described in paragraph [[intro.mandate]].\n", "")
    assert sync(project) == 0
    active, obsolete = entries(project)
    # edited: fuzzy, the old source kept as previous msgid, the translation kept
    rec = active["recs.one"]
    assert rec.fuzzy and rec.string == before["recs.one"].string
    assert rec.id == "States parties are encouraged to share information and good practices."
    assert '#| msgid "States parties are encouraged to share information."' in \
        po_path(project).read_text()
    # added: a new empty entry, in document order
    assert active["recs.new"].string == "" and not active["recs.new"].fuzzy
    assert list(active)[-2:] == ["recs.new", "recs.one"]
    # deleted: obsolete, its translation kept for reference
    assert "intro.docs" not in active
    assert obsolete["intro.docs"].string == before["intro.docs"].string
    assert '#~ msgctxt "intro.docs"' in po_path(project).read_text()
    # untouched entries are untouched
    assert not active["intro.mandate"].fuzzy
    assert active["intro.mandate"].string == before["intro.mandate"].string
    # twice: nothing changes, byte for byte
    first = po_path(project).read_bytes()
    assert sync(project) == 0
    assert po_path(project).read_bytes() == first
    assert '#| msgid "States parties are encouraged to share information."' in \
        po_path(project).read_text()


def test_translator_comments_and_wrapped_previous_msgid_survive(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    edit(po_path(project), '#. chapter II, recommendation 1\n',
         '# checked with the terminology section\n#. chapter II, recommendation 1\n'
         '#, fuzzy\n#| msgid ""\n#| "States parties are "\n#| "encouraged to share."\n')
    assert sync(project) == 0
    text = po_path(project).read_text()
    assert '# checked with the terminology section\n' in text
    assert '#| msgid "States parties are encouraged to share."\n' in text


def test_changing_a_text_to_another_paragraphs_text_never_takes_its_translation(tmp_path):
    # Babel's Catalog.update would fuzzy-match this across IDs; matching is by ID only
    project = make_project(tmp_path / "p", "tr")
    edit(content(project), "  title: Note on translation", "  title: Introduction")
    assert sync(project) == 0
    active, _ = entries(project)
    assert active["meta.title"].string == "关于翻译的说明" and active["meta.title"].fuzzy
    assert active["intro"].string == "引言" and not active["intro"].fuzzy


def test_a_deleted_id_that_comes_back_is_revived(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    original = content(project).read_text()
    edit(content(project), "      - recommendation: recs.one\n        text: States parties are "
         "encouraged to share information.\n", "")
    assert sync(project) == 0
    assert "recs.one" in entries(project)[1]
    content(project).write_text(original)
    assert sync(project) == 0
    active, obsolete = entries(project)
    assert active["recs.one"].string == "鼓励各缔约国分享信息。" and not active["recs.one"].fuzzy
    assert "recs.one" not in obsolete


def test_translator_header_fields_are_kept(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    edit(po_path(project), '"Last-Translator: \\n"', '"Last-Translator: Li Wei <li@example.org>\\n"'
         '\n"X-Generator: Poedit 3.4\\n"')
    assert sync(project) == 0
    text = po_path(project).read_text()
    assert '"Last-Translator: Li Wei <li@example.org>\\n"' in text
    assert '"X-Generator: Poedit 3.4\\n"' in text


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext msgfmt not installed")
def test_synced_catalog_passes_msgfmt(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    edit(content(project), "share information.", "share data.")
    assert sync(project) == 0
    r = subprocess.run(["msgfmt", "--check-format", "--check-header", "-o", "/dev/null",
                        str(po_path(project))], capture_output=True, text=True)
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_unreadable_catalog_is_a_located_error_and_no_catalog_is_rewritten(tmp_path, capsys):
    project = make_project(tmp_path / "p", "tr")
    edit(content(project), "share information.", "share data.")
    messages = project / "locales/zh/messages.po"
    (project / "templates/base/report.j2").write_text(
        (project / "templates/base/report.j2").read_text() + '{{ _("Annex") }}\n')
    with po_path(project).open("a") as f:
        f.write('\nmsgctxt "broken"\nmsgid "x\n')
    before = (po_path(project).read_bytes(), messages.read_bytes())
    capsys.readouterr()
    assert sync(project) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("locales/zh/tr-note.po:") and ": error: " in err[0]
    assert (po_path(project).read_bytes(), messages.read_bytes()) == before


def test_catalog_has_an_entry_for_every_new_text(tmp_path):
    """Every kind of block (tests/fixtures/blocks) gets its entries, with place and line."""
    make_project(tmp_path, FIXTURES / "blocks" / "content" / "all-blocks.yaml")
    assert sync(tmp_path) == 0
    po = (tmp_path / "locales" / "zh" / "all-blocks.po").read_text(encoding="utf-8")
    for place, ident in (("unnumbered text", "front.note"),
                         ("chapter I, section A, table 1, caption", "fees"),
                         ("chapter I, section A, table 1, header, column 2", "fees.h.amount"),
                         ("chapter I, section A, table 1, row 2, column 1", "fees.r2.year"),
                         ("annex I, title", "annex.data"),
                         ("annex II, paragraph 1", "annex.more.first")):
        assert f'#. {place}\n#: content/all-blocks.yaml:' in po
        assert f'msgctxt "{ident}"' in po


LONG_EN = ("The Committee noted that 100% of the 193 replies received by the secretariat before "
           "the closing date, including those of the \"Group of 77\" and China (中国) and of the "
           "'friends of the chair', had been circulated in all six official languages; the "
           "summary, which ran to some 1,000 pages, showed that 87% supported the proposal.")
LONG_ZH = ("委员会注意到，秘书处在截止日期前收到的193份答复（包括“77国集团和中国”以及“主席之友”"
           "的答复）已100%以全部六种正式语文分发；答复摘要约1,000页，显示87%支持该提案。")


def test_a_plural_entry_keeps_its_translation_through_catalogs_and_xliff_export(tmp_path):
    """A PO editor that saved an entry with plural forms (msgid_plural, msgstr[0]): its first
    form is the translation, for a live ID (`catalogs` writes it back as msgstr) and for one no
    longer in the content (kept obsolete, its plural forms as written); `xliff export` and the
    build use it (issue 17: both commands ended in an internal error)."""
    import json
    import re

    from lxml import etree

    from helpers.readback import docx_paragraphs
    project = make_project(tmp_path / "p", "tr")
    edit(content(project), "text: States parties are encouraged to share information.",
         "text: " + json.dumps(LONG_EN, ensure_ascii=False))
    po = po_path(project)
    text = po.read_text(encoding="utf-8")
    text = re.sub(r'(msgctxt "recs.one"\n)msgid "[^\n]*"\nmsgstr "[^\n]*"\n',
                  lambda m: m.group(1) + f"msgid {json.dumps(LONG_EN, ensure_ascii=False)}\n"
                  f"msgid_plural \"{LONG_EN[:40]} (several)\"\n"
                  f"msgstr[0] {json.dumps(LONG_ZH, ensure_ascii=False)}\n", text)
    assert "msgstr[0]" in text
    text += ('\nmsgctxt "recs.gone"\nmsgid "one reply from 100% of the \\"States\\""\n'
             'msgid_plural "%d replies"\nmsgstr[0] "%d 份答复（“国家”）"\n')
    po.write_text(text, encoding="utf-8")

    assert main(["--root", str(project), "catalogs", "--no-memory"]) == 0
    active, obsolete = entries(project)
    assert active["recs.one"].id == LONG_EN and active["recs.one"].string == LONG_ZH
    assert not active["recs.one"].fuzzy
    assert obsolete["recs.gone"].id == ("one reply from 100% of the \"States\"", "%d replies")
    assert obsolete["recs.gone"].string == ("%d 份答复（“国家”）",)
    r = subprocess.run(["msgfmt", "--check-format", "--check-header", "-o", "/dev/null",
                        str(po)], capture_output=True, text=True)
    assert r.returncode == 0 and r.stderr == "", r.stderr

    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "xliff", "export"]) == 0
    unit = etree.parse(str(out / f"{TR_REPORT}.zh.xlf")).find(
        ".//{*}trans-unit[@id='recs.one']")
    assert "".join(unit.find("{*}target").itertext()) == LONG_ZH
    assert main(["--root", str(project), "--output", str(out), "--lang", "zh", "--format",
                 "docx", "--no-review"]) == 0
    assert any(t.endswith(LONG_ZH) for _s, t in docx_paragraphs(out / f"{TR_REPORT}.zh.docx"))
