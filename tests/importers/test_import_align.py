"""`unreport import`: the seed's Chinese text as a translation of the example, Word automatic
numbering, misaligned translations, unreadable structure and lists of States."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from helpers.project import ROOT, SEED, make_project
from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from helpers.readback import CJK, docx_paragraphs

REPORT = "wg7-2017-l1"
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def run(*argv) -> int:
    from unreport.cli import main
    return main([str(a) for a in argv])


def project_without_catalog(tmp: Path) -> Path:
    """The example project with its Chinese catalog removed."""
    return make_project(tmp, "example", without=[f"locales/zh/{REPORT}.po"])


def catalog(path: Path) -> dict:
    with open(path, "rb") as f:
        return {m.context: m for m in read_po(f) if m.context}


def msgfmt_check(po: Path) -> None:
    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def normalise(text: str) -> str:
    """Whitespace normalised: runs of spaces are one; none between an ideograph and an
    ideograph or a digit (the seed spaces 2017 年 and breaks a line inside the organ)."""
    text = " ".join(text.split())
    text = re.sub(rf"(?<=[{CJK}])\s+(?=[{CJK}0-9])", "", text)
    return re.sub(rf"(?<=[0-9])\s+(?=[{CJK}])", "", text)


# ---- acceptance 2: the seed ----------------------------------------------------------------
def test_seed_imports_as_the_committed_catalog(tmp_path, capsys):
    project = project_without_catalog(tmp_path / "p")
    assert run("import", SEED, "--root", project, "--translation-of", REPORT,
               "--lang", "zh") == 0
    out = capsys.readouterr().out
    assert "59 of 59 entries aligned by number, 0 left untranslated" in out
    assert "21 para, 8 recommendation, 12 item" in out
    po = project / "locales" / "zh" / f"{REPORT}.po"
    msgfmt_check(po)
    got, want = catalog(po), catalog(ROOT / "locales" / "zh" / f"{REPORT}.po")
    assert set(got) == set(want)
    for ident, m in want.items():
        assert got[ident].id == m.id, ident
        assert normalise(got[ident].string) == normalise(m.string), ident
        assert got[ident].fuzzy, f"{ident}: imported without --trusted must be fuzzy"
    # lists of States are cut off the translation; term references come back as [[CODE]]
    assert got["org.statements.parties"].string.endswith("下作了发言：")
    assert got["org.statements.non-party"].string == "《偷运移民议定书》非缔约国和非签署国[[COL]]也作了发言。"
    assert got["meta.meeting.place"].string == "维也纳"
    # and the example builds strictly from it once it is confirmed (fuzzy flags cleared)
    assert run("import", SEED, "--root", project, "--translation-of", REPORT, "--lang", "zh",
               "--trusted", "--force") == 0
    assert run("--root", project, "--strict", "--verify", "--format", "docx") == 0
    paras = [t for s, t in docx_paragraphs(project / "output" / f"{REPORT}.zh.docx")]
    assert "2017年9月11日至13日，维也纳" in paras
    assert any(normalise(t).startswith("10. 《偷运移民议定书》下列缔约方的代表在议程项目2下作了发言："
                                       "巴哈马、智利、欧洲联盟、") for t in paras)


# ---- acceptance 4: misaligned translations -------------------------------------------------
def seed_lines():
    return SEED.read_text(encoding="utf-8").splitlines()


def test_missing_paragraph_is_reported_and_left_untranslated(tmp_path, capsys):
    project = project_without_catalog(tmp_path / "p")
    lines = [line for line in seed_lines() if not line.startswith("7. ")]
    src = tmp_path / "zh-missing-7.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("import", src, "--root", project, "--translation-of", REPORT, "--lang", "zh") == 0
    cap = capsys.readouterr()
    # both sides' numbers: the original's paragraph 7 (with its ID and line), the
    # translation's neighbours 6 and 8, and the break in the translation's own numbering
    p8 = next(i for i, line in enumerate(lines, 1) if line.startswith("8. "))
    assert re.search(rf"zh-missing-7\.txt:{p8}: warning: paragraph 7 of the original "
                     r"\(org\.opening\.chair, content/wg7-2017-l1\.yaml:\d+\) has no counterpart "
                     r"in the translation, which goes from paragraph 6 to paragraph 8: left "
                     r"untranslated", cap.err), cap.err
    assert re.search(r"zh-missing-7\.txt:\d+: warning: paragraph 8 breaks the numbering: "
                     r"paragraph 7 was expected here", cap.err), cap.err
    assert "58 of 59 entries aligned by number, 1 left untranslated" in cap.out
    po = project / "locales" / "zh" / f"{REPORT}.po"
    msgfmt_check(po)
    got = catalog(po)
    assert got["org.opening.chair"].string == ""
    assert not got["org.opening.chair"].fuzzy
    assert got["org.opening.meetings"].string.startswith("偷运移民问题工作组第四次会议")
    assert got["org.statements.secretariat"].string == "秘书处在议程项目 2 下作了一般介绍性发言。"


def test_paragraph_numbered_twice_is_reported_and_left_untranslated(tmp_path, capsys):
    project = project_without_catalog(tmp_path / "p")
    lines = ["12. " + line[4:] if line.startswith("13. ") else line for line in seed_lines()]
    src = tmp_path / "zh-two-12.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("import", src, "--root", project, "--translation-of", REPORT, "--lang", "zh") == 0
    cap = capsys.readouterr()
    first = next(i for i, line in enumerate(lines, 1) if line.startswith("12. "))
    second = next(i for i, line in enumerate(lines, 1) if line.startswith("12. ") and i > first)
    assert (f"{src}:{first}: warning: paragraph 12 appears 2 times in the translation "
            f"({src}:{first}, {src}:{second}); the original has it once "
            "(org.agenda.adopted, content/wg7-2017-l1.yaml:") in cap.err, cap.err
    assert re.search(r"warning: paragraph 13 of the original \(org\.attendance\.parties, "
                     r"content/wg7-2017-l1\.yaml:\d+\) has no counterpart in the translation, "
                     r"which goes from paragraph 12 to paragraph 14", cap.err), cap.err
    assert f"{src}:{second}: warning: paragraph 12 breaks the numbering: paragraph 13 " \
           "was expected here" in cap.err
    po = project / "locales" / "zh" / f"{REPORT}.po"
    msgfmt_check(po)
    got = catalog(po)
    for ident in ("org.agenda.adopted", "org.attendance.parties", "agenda.1", "agenda.1.a",
                  "agenda.6"):
        assert got[ident].string == "", ident
    assert got["org.attendance.eu"].string.startswith("区域经济一体化组织欧洲联盟")
    assert got["org.statements.non-party"].string != ""


# ---- acceptance 3: Word automatic numbering -----------------------------------------------
LONG = ("The Committee on Automatic Numbering considered the reports submitted under "
        "resolution 12/3, which together cover 87 % of the participating States, and noted "
        "with concern that the “minimum standards” agreed in 2019 had been met in fewer than "
        "half of the cases reviewed; it requested the Secretariat to prepare, for its next "
        "session, an analysis of the reasons given by States for the delays observed")


def _numbering(doc, chapter_format: str = "upperRoman") -> None:
    """Numbering definitions as Word writes them: abstractNum levels and num instances."""
    part = doc.part.numbering_part.element

    def lvl(ilvl, fmt, text, start=1):
        return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')

    abstracts = [
        (901, lvl(0, chapter_format, "%1.") + lvl(1, "upperLetter", "%2.") +
         lvl(2, "decimal", "%3.")),
        (902, lvl(0, "decimal", "%1.")),
        (903, lvl(0, "lowerLetter", "(%1)") + lvl(1, "lowerRoman", "(%2)")),
    ]
    for i, (aid, levels) in enumerate(abstracts):
        part.insert(i, parse_xml(f'<w:abstractNum {W_NS} w:abstractNumId="{aid}">'
                                 f'<w:multiLevelType w:val="multilevel"/>{levels}'
                                 "</w:abstractNum>"))
    for num, aid, restart in ((901, 901, False), (902, 902, False), (903, 903, False),
                              (904, 903, True)):
        over = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                if restart else "")
        part.append(parse_xml(f'<w:num {W_NS} w:numId="{num}"><w:abstractNumId '
                              f'w:val="{aid}"/>{over}</w:num>'))


def _numpr(paragraph_or_style_element, num: int, ilvl: int) -> None:
    ppr = paragraph_or_style_element.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/>'
                         "</w:numPr>"))


ZH_MASTHEAD = ("A/AC.777/2024/3", "大会", "Distr.: General", "4 March 2024", "Chinese",
               "Original: English", "自动编号委员会", "2024年3月4日至8日，日内瓦",
               "委员会第三届会议报告")


def word_numbered_docx(path: Path, second_list_num: int = 904, mark: str = "",
                       chapter_format: str = "upperRoman", masthead=None, skip=None) -> None:
    """A report numbered by Word (numbering.xml); `mark` before every text makes a stand-in
    translation, `chapter_format` the chapters' w:numFmt."""
    doc = Document()
    _numbering(doc, chapter_format)
    styles = {}
    for name in ("HCh", "H1", "H23", "SingleTxt", "ListL1", "ListL2", "H4"):
        styles[name] = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    # headings numbered through their styles (as UN templates do), levels of one list
    _numpr(styles["HCh"].element, 901, 0)
    _numpr(styles["H1"].element, 901, 1)
    _numpr(styles["H23"].element, 901, 2)
    for line in masthead or ("A/AC.777/2024/3", "General Assembly", "Distr.: General",
                             "4 March 2024", "Original: English",
                             "Committee on Automatic Numbering", "Geneva, 4–8 March 2024",
                             "Report of the Committee on its third session"):
        doc.add_paragraph(line)

    def para(text, style, num=None, ilvl=0):
        if skip and text.startswith(skip):
            return doc.add_paragraph()  # left out (an empty paragraph, as after a deletion)
        p = doc.add_paragraph(style=styles[style])
        p.add_run(mark + text)
        if num:
            _numpr(p._p, num, ilvl)
        return p

    para("Introduction", "HCh")
    para(LONG + ".", "SingleTxt", 902)
    p = para("The Committee also heard statements ", "SingleTxt", 902)
    p.add_run("in its own words").italic = True
    p.add_run(" and ")
    p.add_run("with emphasis").bold = True
    p.add_run(", which are summarized below.")
    para("Matters considered", "H1")
    para("Questions of method", "H23")
    para("The Committee considered the following matters:", "SingleTxt", 902)
    para("the scope of the review, as defined in 2019;", "ListL1", 903, 0)
    para("the calendar, including:", "ListL1", 903, 0)
    para("the dates of the sessions;", "ListL2", 903, 1)
    para("the deadlines for documents;", "ListL2", 903, 1)
    para("the budget of the Committee.", "ListL1", 903, 0)
    para("Other questions", "H1")
    para("This paragraph is not numbered: it introduces the closing remarks.", "SingleTxt")
    para("The Committee noted that two further matters were pending:", "SingleTxt", 902)
    para("the report of the Bureau;", "ListL1", second_list_num, 0)
    para("the provisional agenda of the next session.", "ListL1", second_list_num, 0)
    para("Adoption of the report", "HCh")
    para("The Committee adopted the present report by consensus.", "SingleTxt", 902)
    doc.save(str(path))


def test_word_automatic_numbering_imports_with_the_right_numbers(tmp_path, capsys):
    src = tmp_path / "auto-numbered.docx"
    word_numbered_docx(src)
    project = make_project(tmp_path / "p")
    assert run("import", src, "--root", project, "--lang", "en", "--report", "auto") == 0
    cap = capsys.readouterr()
    assert "warning" not in cap.err, cap.err
    assert "2 chapter, 2 section, 1 subsection, 5 para, 7 item, 1 text" in cap.out
    from unreport.model.load import load_report
    from unreport.model.nodes import units
    from unreport.model.number import number
    from unreport.project.paths import Project
    report = load_report(project / "content" / "auto.yaml", Project(project))
    assert report.meta.symbol == "A/AC.777/2024/3"
    assert report.meta.organ == "General Assembly"
    assert report.meta.meeting.place == "Geneva"
    assert str(report.meta.meeting.end) == "2024-03-08"
    assert report.meta.title == "Report of the Committee on its third session"
    texts = {u.text: u.id for u in units(report)}
    assert LONG + "." in texts
    assert ("The Committee also heard statements *in its own words* and **with emphasis**, "
            "which are summarized below.") in texts
    # numbers printed by the rebuilt edition: what Word showed
    assert run("--root", project, "--strict", "--format", "docx", "--verify") == 0
    printed = [t.split("\t")[0] for s, t in docx_paragraphs(project / "output" / "auto.en.docx")
               if s in ("HCh", "H1", "H23", "SingleTxt", "ListL1", "ListL2") and "\t" in t]
    assert printed == ["I.", "1.", "2.", "A.", "1.", "3.", "(a)", "(b)", "(i)", "(ii)", "(c)",
                       "B.", "4.", "(a)", "(b)", "II.", "5."]
    numbers = number(report)
    assert numbers[texts["The Committee adopted the present report by consensus."]].value == 5
    assert numbers[texts["the deadlines for documents;"]].depth == 1


def test_word_numbering_that_continues_a_list_is_a_break(tmp_path, capsys):
    """The second list continues the first one's numbering (no restart): Word prints (d),
    (e); the import says so and the content restarts the list at (a)."""
    src = tmp_path / "continued.docx"
    word_numbered_docx(src, second_list_num=903)
    project = make_project(tmp_path / "p")
    assert run("import", src, "--root", project, "--lang", "en") == 0
    cap = capsys.readouterr()
    assert re.search(r"continued\.docx:paragraph \d+: warning: list item number 4 breaks the "
                     r"list's numbering: 1 was expected", cap.err), cap.err
    assert "1 numbering break(s)" in cap.out


# ---- unreadable structure, lists of States -----------------------------------------------
def test_prose_without_structure_exits_1(tmp_path, capsys):
    src = tmp_path / "letter.txt"
    src.write_text("Dear colleagues,\n\n" + LONG + ".\n\nWith best regards,\nThe Secretariat\n",
                   encoding="utf-8")
    project = make_project(tmp_path / "p")
    assert run("import", src, "--root", project, "--lang", "en") == 1
    err = capsys.readouterr().err
    assert "letter.txt: error: no chapter, numbered paragraph or recommendation found" in err
    assert not (project / "content").exists() or not list((project / "content").iterdir())


def test_lists_of_states_become_codes_or_stay_text(tmp_path, capsys):
    src = tmp_path / "note.en.txt"
    src.write_text(
        "A/AC.777/2024/4\n\nGeneral Assembly\n\nDistr.: General\n4 March 2024\n"
        "Original: English\n\nCommittee on Participation\n\nNew York, 4–8 March 2024\n\n"
        "Note by the Secretariat\n\nI. Participation\n\n"
        "1. The following States were represented: Bahamas, Côte d'Ivoire, United Kingdom of "
        "Great Britain and Northern Ireland and Venezuela (Bolivarian Republic of).\n\n"
        "2. The following States sent written comments: Chile, Atlantis and Utopia.\n\n"
        "3. The meeting was chaired by Ms. Ana Pérez (Chile), who summarized the discussion.\n",
        encoding="utf-8")
    project = make_project(tmp_path / "p")
    assert run("import", src, "--root", project, "--lang", "en") == 0
    cap = capsys.readouterr()
    assert re.search(r"note\.en\.txt:\d+: warning: paragraph 2 ends with a list whose names "
                     r"'Atlantis', 'Utopia' are not in locales/en/terms\.yaml: kept as text",
                     cap.err), cap.err
    assert "1 list(s) of States as codes, 1 kept as text" in cap.out
    text = (project / "content" / "note.yaml").read_text(encoding="utf-8")
    assert "states: [BHS, CIV, GBR, VEN]" in text
    assert "text: 'The following States sent written comments: Chile, Atlantis and Utopia.'" \
        in text or "Chile, Atlantis and Utopia." in text
    assert "symbol: A/AC.777/2024/4" in text and "place: New York" in text
    assert run("--root", project, "--strict", "--format", "docx") == 0
    paras = [t for _s, t in docx_paragraphs(project / "output" / "note.en.docx")]
    assert ("1.\tThe following States were represented: Bahamas, Côte d'Ivoire, United Kingdom "
            "of Great Britain and Northern Ireland and Venezuela (Bolivarian Republic of).") \
        in paras


@pytest.mark.parametrize("data", [b"PK\x03\x04garbage", bytes(range(256)) * 12,
                                  b"%PDF-1.7\n" + b"x" * 3000], ids=["zip-head", "noise", "pdf"])
def test_a_docx_that_is_no_zip_cannot_be_read(tmp_path, capsys, data):
    project = make_project(tmp_path / "p")
    (project / "content").mkdir()
    bad = tmp_path / "report.docx"
    bad.write_bytes(data)
    assert run("import", str(bad), "--lang", "en", "--root", project) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error" not in err, err
    assert err.startswith(f"{bad}: error: cannot be read (") and \
        err.rstrip().endswith("save it again as DOCX or UTF-8 text"), err
    assert not list((project / "content").iterdir())


@pytest.mark.parametrize("argv, message", [
    (["import"], "import needs one file"),
    (["import", "missing.docx", "--lang", "en"], "missing.docx: no such file"),
    (["import", "{folder}", "--lang", "en"], "not a regular file (a folder); give the .docx"),
    (["import", "{seed}", "--lang", "xx"], "unknown language 'xx'"),
    (["import", "{seed}", "--lang", "zh", "--translation-of", "nothing"],
     "--translation-of nothing: no content/nothing.yaml"),
])
def test_usage_errors_exit_2(tmp_path, capsys, argv, message):
    project = make_project(tmp_path / "p")
    (project / "content").mkdir()
    argv = [a.replace("{seed}", str(SEED)).replace("{folder}", str(tmp_path)) for a in argv]
    assert run(*argv, "--root", project) == 2
    assert message in capsys.readouterr().err


def test_paragraph_in_another_section_is_reported_and_left_untranslated(tmp_path, capsys):
    """Numbers shifted across a heading (here paragraph 8 stands before heading B): the same
    number in another section is not the same paragraph."""
    project = project_without_catalog(tmp_path / "p")
    lines = seed_lines()
    b = lines.index("B. 发言情况")
    p8 = next(i for i, line in enumerate(lines) if line.startswith("8. "))
    lines[b], lines[p8] = lines[p8], lines[b]
    src = tmp_path / "zh-moved-8.txt"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("import", src, "--root", project, "--translation-of", REPORT, "--lang", "zh") == 0
    cap = capsys.readouterr()
    assert (f"{src}:{b + 1}: warning: paragraph 8 stands in chapter IV (四), section B in the "
            "original (org.statements.secretariat, content/wg7-2017-l1.yaml:") in cap.err, cap.err
    assert "but in chapter IV (四), section A in the translation: left untranslated" in cap.err
    got = catalog(project / "locales" / "zh" / f"{REPORT}.po")
    assert got["org.statements.secretariat"].string == ""
    assert got["org.statements.panellists"].string.startswith("议程项目 3 和 4 下的讨论")


def test_hard_wrapped_text_joins_its_lines(tmp_path, capsys):
    """Lines without a blank line between them continue their paragraph unless they start
    with a number that continues a sequence; "2017 was…" at the start of a line is text."""
    src = tmp_path / "wrapped.txt"
    src.write_text(
        "E/CN.99/2024/5\n\nEconomic and Social Council\n\nDistr.: Limited\n4 March 2024\n"
        "Original: English\n\nCommission on Wrapped Lines\n\nVienna, 11–13 March 2024\n\n"
        "Draft report\n\nI. Introduction\n\n"
        "1. The Commission recalled that its work programme for the period\n"
        "2017 to 2019 had been adopted by consensus, and that the “review of\n"
        "methods” had been postponed twice.\n\n"
        "2. It considered the following questions:\n"
        "(a) the calendar of its sessions, which it\n"
        "wished to shorten;\n"
        "(b) the budget.\n\n"
        "3. The Commission closed its session on 13 March 2024.\n", encoding="utf-8")
    project = make_project(tmp_path / "p")
    assert run("import", src, "--root", project, "--lang", "en") == 0
    cap = capsys.readouterr()
    assert "warning" not in cap.err, cap.err
    assert "1 chapter, 3 para, 2 item" in cap.out
    from unreport.model.load import load_report
    from unreport.model.nodes import units
    from unreport.project.paths import Project
    report = load_report(project / "content" / "wrapped.yaml", Project(project))
    texts = [u.text for u in units(report) if u.kind in ("para", "item")]
    assert texts == [
        "The Commission recalled that its work programme for the period 2017 to 2019 had "
        "been adopted by consensus, and that the “review of methods” had been postponed twice.",
        "It considered the following questions:",
        "the calendar of its sessions, which it wished to shorten;", "the budget.",
        "The Commission closed its session on 13 March 2024."]
    assert report.meta.meeting.place == "Vienna" and report.meta.symbol == "E/CN.99/2024/5"


def test_word_numbered_translation_aligns_by_number(tmp_path, capsys):
    """A translation numbered by Word, chapters in Chinese counting (一., 二.): every entry
    pairs with the original's by number."""
    project = make_project(tmp_path / "p")
    original, translation = tmp_path / "auto.en.docx", tmp_path / "auto.zh.docx"
    word_numbered_docx(original)
    word_numbered_docx(translation, mark="【译】", chapter_format="chineseCounting",
                       masthead=ZH_MASTHEAD)
    assert run("import", original, "--root", project, "--lang", "en", "--lang", "zh") == 0
    assert run("import", translation, "--root", project, "--translation-of", "auto",
               "--lang", "zh", "--trusted") == 0
    cap = capsys.readouterr()
    assert "warning" not in cap.err, cap.err
    po = project / "locales" / "zh" / "auto.po"
    msgfmt_check(po)
    got = catalog(po)
    assert len(got) == 22  # 4 masthead texts, 5 headings, 5 paragraphs, 7 items, 1 text
    for ident, m in got.items():
        if not ident.startswith("meta."):
            assert m.string == "【译】" + m.id, ident
        assert not m.fuzzy
    assert got["meta.meeting.place"].string == "日内瓦"
    assert got["meta.organ"].string == "大会"
    assert got["meta.title"].string == "委员会第三届会议报告"
    assert run("--root", project, "--strict", "--format", "docx", "--verify") == 0
    printed = [t for s, t in docx_paragraphs(project / "output" / "auto.zh.docx")
               if s in ("HCh", "H1", "SingleTxt", "ListL2")]
    assert "一.\t【译】Introduction" in printed and "二.\t【译】Adoption of the report" in printed
    assert "5.\t【译】The Committee adopted the present report by consensus." in printed
    assert "(ii)\t【译】the deadlines for documents;" in printed


def test_word_document_in_un_template_styles_with_typed_numbers(tmp_path, capsys):
    """A document as an author types it in the UN template: the symbol in the first-page
    header, the masthead in a plain table, typed numbers with a tab, bold headings."""
    doc = Document()
    styles = {n: doc.styles.add_style(n, WD_STYLE_TYPE.PARAGRAPH)
              for n in ("HCh", "H1", "SingleTxt", "H4")}
    sec = doc.sections[0]
    sec.different_first_page_header_footer = True
    sec.first_page_header.paragraphs[0].text = "CTOC/COP/WG.7/2019/L.1"
    sec.first_page_footer.paragraphs[0].text = "V.19-01234 (E)"
    table = doc.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Conference of the Parties to the Convention"
    table.rows[0].cells[1].text = "Distr.: Restricted\n2 July 2019\n\nOriginal: English"
    for line in ("Working Group on Typed Numbers", "Vienna, 2–4 July 2019", "Draft report"):
        doc.add_paragraph(line)

    def para(text, style, bold=False):
        p = doc.add_paragraph(style=styles[style])
        run = p.add_run(text)
        run.bold = bold
        return p

    para("I.\tOrganization of the meeting", "HCh", bold=True)
    para("A.\tOpening of the meeting", "H1", bold=True)
    para("1.\t" + LONG + ".", "SingleTxt")
    para("2.\tThe meeting was opened by the Chair, who recalled the mandate.", "SingleTxt")
    para("Recommendation 1", "H4", bold=True)
    para("States are encouraged to report on the measures they have taken.", "SingleTxt")
    para("II.\tAdoption of the report", "HCh", bold=True)
    para("3.\tOn 4 July 2019, the Working Group adopted the report on its meeting.",
         "SingleTxt")
    src = tmp_path / "typed.docx"
    doc.save(str(src))
    project = make_project(tmp_path / "p")
    assert run("import", src, "--root", project, "--lang", "en", "--report", "wg7-2019") == 0
    cap = capsys.readouterr()
    assert "warning" not in cap.err, cap.err
    assert "2 chapter, 1 section, 3 para, 1 recommendation" in cap.out
    from unreport.model.load import load_report
    from unreport.project.paths import Project
    report = load_report(project / "content" / "wg7-2019.yaml", Project(project))
    m = report.meta
    assert (m.symbol, m.job, m.distribution, str(m.date), m.original) == \
        ("CTOC/COP/WG.7/2019/L.1", "V.19-01234", "restricted", "2019-07-02", "en")
    assert (m.organ, m.body, m.title) == ("Conference of the Parties to the Convention",
                                          "Working Group on Typed Numbers", "Draft report")
    assert m.meeting.place == "Vienna" and str(m.meeting.start) == "2019-07-02"
    assert report.body[0].title == "Organization of the meeting"  # bold by its style only
    assert run("--root", project, "--strict", "--format", "docx", "--verify") == 0
    paras = [t for _s, t in docx_paragraphs(project / "output" / "wg7-2019.en.docx")]
    for want in ("I.\tOrganization of the meeting", "A.\tOpening of the meeting",
                 "1.\t" + LONG + ".", "Recommendation 1", "II.\tAdoption of the report",
                 "3.\tOn 4 July 2019, the Working Group adopted the report on its meeting.",
                 "Vienna, 2–4 July 2019"):
        assert want in paras, want


def test_imported_text_that_does_not_load_is_located_in_the_source(tmp_path, capsys):
    src = tmp_path / "tagged.txt"
    src.write_text("I. Introduction\n\n1. " + LONG + ".\n\n2. The Committee used <b>tags</b> "
                   "in its report.\n", encoding="utf-8")
    project = make_project(tmp_path / "p")
    assert run("import", src, "--root", project, "--lang", "en") == 1
    err = capsys.readouterr().err
    assert f"{src}:5: error: introduction.p2: an HTML/XML tag is not allowed" in err, err
    assert f"{src}: warning: no date found on the first page: written as '2000-01-01'" in err
    assert "the imported content does not load; nothing was written" in err
    assert not (project / "content" / "tagged.yaml").exists()


def test_word_numbered_translation_missing_a_paragraph_shifts_nothing_silently(tmp_path,
                                                                                capsys):
    """Word numbers the translation's paragraphs itself: with paragraph 2 left out, its 2 is
    the original's 3. Every heading whose paragraph numbers differ is reported and its
    paragraphs (and their lists) stay untranslated; headings still align."""
    project = make_project(tmp_path / "p")
    original, translation = tmp_path / "auto.en.docx", tmp_path / "auto.zh.docx"
    word_numbered_docx(original)
    word_numbered_docx(translation, mark="【译】", chapter_format="chineseCounting",
                       masthead=ZH_MASTHEAD, skip="The Committee also heard")
    assert run("import", original, "--root", project, "--lang", "en", "--lang", "zh") == 0
    assert run("import", translation, "--root", project, "--translation-of", "auto",
               "--lang", "zh") == 0
    cap = capsys.readouterr()
    assert re.search(r"auto\.zh\.docx:paragraph \d+: warning: chapter I \(一\) has paragraphs "
                     r"1–2 in the original but 1 in the translation, numbered by Word", cap.err)
    assert re.search(r"warning: chapter I \(一\), section A, subsection 1 has paragraphs 3 in "
                     r"the original but 2 in the translation", cap.err), cap.err
    assert re.search(r"warning: chapter II \(二\) has paragraphs 5 in the original but 4 in "
                     r"the translation", cap.err), cap.err
    msgfmt_check(project / "locales" / "zh" / "auto.po")
    got = catalog(project / "locales" / "zh" / "auto.po")
    paras = [m for i, m in got.items() if re.search(r"\.p\d+(\.|$)", i)]
    assert len(paras) == 12 and all(m.string == "" for m in paras)  # 5 paragraphs, 7 items
    assert got["introduction"].string == "【译】Introduction"
    assert got["adoption"].string == "【译】Adoption of the report"
    assert got["introduction.other.text1"].string == \
        "【译】This paragraph is not numbered: it introduces the closing remarks."


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_word_numbering_as_libreoffice_writes_it(tmp_path, capsys):
    """The automatically numbered document saved again by LibreOffice (which writes its own
    numbering definitions and styles) imports with the same numbers."""
    made = tmp_path / "made" / "auto.docx"
    made.parent.mkdir()
    word_numbered_docx(made)
    out = tmp_path / "lo"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(made)],
                   check=True, capture_output=True, timeout=180)
    project = make_project(tmp_path / "p")
    assert run("import", out / "auto.docx", "--root", project, "--lang", "en") == 0
    cap = capsys.readouterr()
    assert "warning" not in cap.err, cap.err
    assert "2 chapter, 2 section, 1 subsection, 5 para, 7 item, 1 text" in cap.out
    assert run("--root", project, "--strict", "--format", "docx") == 0
    printed = [t.split("\t")[0] for s, t in docx_paragraphs(project / "output" / "auto.en.docx")
               if s in ("HCh", "H1", "H23", "SingleTxt", "ListL1", "ListL2") and "\t" in t]
    assert printed == ["I.", "1.", "2.", "A.", "1.", "3.", "(a)", "(b)", "(i)", "(ii)", "(c)",
                       "B.", "4.", "(a)", "(b)", "II.", "5."]
