"""A review row longer than a page breaks across pages in both columns, and the PDF's text
then reads each page's part of the left column, then of the right: `--verify` follows each
column on its own, and still finds a word changed on a later page."""

import polib
from pypdf import PdfReader

from helpers.project import edit, make_project

from unreport.cli import main

EN = ("The Working Group noted that 100% of the States parties that replied (\"the "
      "respondents\") had adopted measures under article 6, paragraph 2, of the Protocol, and "
      "that 'irregular' migration had fallen by 12.5% since 2015 in sentence {}. ")
ZH = ("工作组注意到，作出答复的缔约国（“答复国”）100%已根据《议定书》第6条第2款采取措施，"
      "‘非正常’移民自2015年以来减少了12.5%，第{}句。")
N = 60  # sentences: about four landscape pages in the review document


def long_project(tmp_path):
    project = make_project(tmp_path / "p", "base")
    en = "".join(EN.format(i) for i in range(N)).strip()
    zh = "".join(ZH.format(i) for i in range(N))
    edit(project / "content" / "note.yaml",
         "text: This note gives the *Committee* what it asked for.^[See [[intro.items]].]",
         f"text: '{en.replace(chr(39), chr(39) * 2)}^[See [[intro.items]].]'")
    po = polib.pofile(str(project / "locales" / "zh" / "note.po"))
    entry = next(e for e in po if e.msgctxt == "intro.purpose")
    entry.msgid = en + "^[See [[intro.items]].]"
    entry.msgstr = zh + "^[见[[intro.items]]。]"
    po.save()
    return project


def test_a_row_over_several_pages_verifies_and_a_change_on_its_last_page_is_found(tmp_path,
                                                                                  capsys):
    project = long_project(tmp_path)
    assert main(["--root", str(project), "--strict", "--verify", "--format", "pdf"]) == 0, \
        capsys.readouterr().err
    review = project / "output" / "note.en-zh.pdf"
    assert len(PdfReader(str(review)).pages) >= 3
    capsys.readouterr()
    # the model now says otherwise near the end of the Chinese text: the PDFs printed before
    # no longer agree with it (on the review document's last pages, in its right column)
    po = polib.pofile(str(project / "locales" / "zh" / "note.po"))
    entry = next(e for e in po if e.msgctxt == "intro.purpose")
    entry.msgstr = entry.msgstr.replace(f"第{N - 3}句", f"第{N - 3}个句子")
    po.save()
    assert main(["verify", "--root", str(project), "--format", "pdf"]) == 1
    err = capsys.readouterr().err
    assert "output/note.en-zh.pdf: error: intro.purpose: the text of 1. breaks off" in err, err
    assert "output/note.zh.pdf: error: intro.purpose: the text of 1. breaks off" in err, err
