"""Cross-language QA in `build.py check`: numbers, symbols, references, footnotes per entry."""

import re

from helpers.project import edit, make_project, po_path

from unreport.cli import main


def check(project, capsys, *extra) -> tuple[int, list[str]]:
    code = main(["--root", str(project), "check", *extra])
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if line]


def line_of(path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_clean_translation_has_no_findings(tmp_path, capsys):
    # the fixture uses 第一次 for "first", writes the date 2017年9月11日 and keeps 5/3
    code, lines = check(make_project(tmp_path / "p", "tr"), capsys)
    assert code == 0 and lines == []


def test_the_worked_example_has_no_findings(root, capsys):
    code, lines = check(root, capsys, "--strict")
    assert code == 0 and lines == []


def test_tampered_number_is_reported_with_its_id_and_po_line(tmp_path, capsys):
    project = make_project(tmp_path / "p", "tr")
    edit(po_path(project), "依照第5/3号决议", "依照第5/8号决议")
    code, lines = check(project, capsys)
    line = line_of(po_path(project), 'msgctxt "intro.mandate"') + 1  # the msgid line
    assert code == 0
    assert f"locales/zh/tr-note.po:{line}:1: warning: intro.mandate: number 5/3 of the source " \
           "is missing from the translation" in lines
    assert f"locales/zh/tr-note.po:{line}:1: warning: intro.mandate: number 5/8 in the " \
           "translation is not in the source" in lines
    assert len(lines) == 2
    # --strict: the same findings are errors, exit 1
    code, lines = check(project, capsys, "--strict")
    assert code == 1
    assert sum(": error: intro.mandate: number 5/" in x for x in lines) == 2


def test_wrong_date_symbol_reference_and_footnote(tmp_path, capsys):
    project = make_project(tmp_path / "p", "tr")
    edit(po_path(project), "2017年9月11日", "2017年9月12日")
    edit(po_path(project), "^[见CTOC/COP/WG.7/2017/1。]", "见CTOC/COP/WG.7/2017/2。")
    edit(po_path(project), "工作组收到了第[[intro.mandate]]段", "工作组收到了第[[intro]]段")
    code, lines = check(project, capsys)
    text = "\n".join(lines)
    assert "intro.mandate: number 11 of the source is missing from the translation" in text
    assert "intro.mandate: number 12 in the translation is not in the source" in text
    assert "intro.mandate: document symbol CTOC/COP/WG.7/2017/1 of the source is missing" in text
    assert "intro.mandate: the source has 1 footnote(s), the translation 0" in text
    assert "intro.docs: cross-reference [[intro.mandate]] of the source is missing" in text
    assert all(re.match(r"locales/zh/tr-note\.po:\d+:1: warning: ", x) for x in lines), lines


def test_legitimate_differences_are_allowed(tmp_path, capsys):
    project = make_project(tmp_path / "p", "tr")
    # full-width digits; Chinese numerals for digits; digits for a source word
    edit(po_path(project), "依照第5/3号决议，工作组于2017年9月11日举行了第一次会议",
         "依照第５/３号决议，工作组于二〇一七年九月十一日举行了第1次会议")
    code, lines = check(project, capsys)
    assert code == 0 and lines == []
