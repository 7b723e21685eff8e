"""A character no installed font has is found before the PDF prints an empty box for it."""

import json
import shutil
from pathlib import Path

import pdfplumber

from unreport.formats.pdf import glyphs

LONG = ("The delegations thanked the host for its welcome and for the arrangements made at "
        "short notice; 98 % of them took part, and the flag flew over the venue each day, as "
        "the host had promised. ")


def test_the_six_languages_and_common_symbols_are_printable():
    text = (LONG + "大会第七十九届会议 “议程” 项目 ١٢٣ الجمعية العامة، Генеральная Ассамблея, "
            "l’Assemblée générale, «comités», ½ § € – — … 😀 ✓")
    assert glyphs.missing(text) == []


def test_a_character_in_no_font_is_found_each_once_in_order():
    text = LONG + "🥰 and a flag 🇺🇳 and again 🥰"
    assert glyphs.missing(text) == ["🥰", "\U0001F1FA", "\U0001F1F3"]


def test_invisible_characters_need_no_glyph():
    # joiner, variation selector, soft hyphen, word joiner, direction mark, no-break space
    assert glyphs.missing("a\u200db\ufe0fc\u00add\u2060e\u200ff\u00a0g") == []


def test_the_fonts_are_read_once_and_a_damaged_cache_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    # one font folder (one font), so the fonts are read in a moment
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    [serif] = [p for d in glyphs.FONT_DIRS for p in Path(d).expanduser().rglob(
        "LiberationSerif-Regular.ttf")][:1]
    shutil.copy(serif, fonts)
    monkeypatch.setattr(glyphs, "FONT_DIRS", (str(fonts),))
    glyphs._coverage.cache_clear()
    try:
        assert glyphs.missing("Ж大") == ["大"]  # Liberation has Cyrillic, not CJK
        [cache] = (tmp_path / "unreport").glob("glyphs-*.json")
        data = json.loads(cache.read_text(encoding="utf-8"))
        ranges = data["ranges"]
        assert ranges == sorted(ranges) and len(ranges) % 2 == 0
        cache.write_text("{not json", encoding="utf-8")
        glyphs._coverage.cache_clear()
        assert glyphs.missing("大🥰") == ["大", "🥰"]  # read the fonts again, and wrote them
        assert json.loads(cache.read_text(encoding="utf-8"))["ranges"] == ranges
    finally:
        glyphs._coverage.cache_clear()


def test_what_the_check_calls_missing_typst_prints_as_an_empty_box(tmp_path):
    """The check agrees with Typst, which scans the same font folders: the character called
    missing is drawn as glyph 0 (.notdef, the empty box), the one called printable from a
    fallback font that has it."""
    import typst
    (tmp_path / "a.typ").write_text('#set text(font: "Liberation Serif")\nA 🥰 B 😀 C',
                                    encoding="utf-8")
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(typst.compile(str(tmp_path / "a.typ")))
    with pdfplumber.open(pdf) as doc:
        drawn = [(c["text"], c["fontname"].split("+")[-1]) for c in doc.pages[0].chars
                 if c["text"].strip()]
    assert glyphs.missing("A🥰B😀C") == ["🥰"]
    assert drawn[1] == ("(cid:0)", "LiberationSerif")  # no glyph: the box
    assert drawn[3][0] == "😀" and drawn[3][1] != "LiberationSerif"  # from a fallback font


def test_a_missing_character_in_a_translation_is_located_in_its_catalog(tmp_path, capsys):
    """In a PO file the warning stands at the character in the msgstr, named once although the
    catalog is read for the edition and the review document; --strict makes it an error."""
    from helpers.project import edit, make_project
    from unreport.cli import main
    project = make_project(tmp_path / "p", "base")
    edit(project / "locales/zh/note.po", 'msgstr "本说明向*委员会*提供其所要求的信息。',
         'msgstr "本说明向*委员会*提供其所要求的信息🥰。')
    assert main(["check", "--root", str(project)]) == 0
    err = capsys.readouterr().err.splitlines()
    col = len('msgstr "本说明向*委员会*提供其所要求的信息') + 1
    assert err == [f"locales/zh/note.po:52:{col}: warning: intro.purpose: 🥰 (U+1F970 SMILING "
                   "FACE WITH SMILING EYES AND THREE HEARTS) is in none of the installed fonts: "
                   "the PDF prints an empty box; install a font that has it (emoji: "
                   "fonts-noto-color-emoji) or write it in words"], err
    assert main(["check", "--strict", "--root", str(project)]) == 1
    assert f"locales/zh/note.po:52:{col}: error: intro.purpose: 🥰" in capsys.readouterr().err


def test_each_character_is_named_once_at_its_source_text(tmp_path, capsys):
    """A source text shown untranslated in the Chinese edition is warned once, at the content
    file (not again at the stale catalog entry); a character written as an escape is warned at
    its own text, not at the same character written out in a later text."""
    from helpers.project import edit, make_project
    from unreport.cli import main
    project = make_project(tmp_path / "p", "base")
    note = project / "content/note.yaml"
    edit(note, "{id: intro.items.one, text: the budget;}",
         '{id: intro.items.one, text: "the budget \\U0001F970;"}')
    edit(note, "{id: intro.items.two, text: the calendar.}",
         "{id: intro.items.two, text: the calendar 🥰.}")
    assert main(["check", "--root", str(project)]) == 0
    lines = note.read_text(encoding="utf-8").split("\n")
    one = next(n for n, ln in enumerate(lines, 1) if "intro.items.one" in ln)
    two = next(n for n, ln in enumerate(lines, 1) if "intro.items.two" in ln)
    warned = [ln.split(": warning: ")[0] + " " + ln.split(": ")[2]
              for ln in capsys.readouterr().err.splitlines() if "installed fonts" in ln]
    assert warned == [f"content/note.yaml:{one}:{lines[one - 1].index('intro.items.one') + 1} "
                      "intro.items.one",
                      f"content/note.yaml:{two}:{lines[two - 1].index('🥰') + 1} "
                      "intro.items.two"], warned
