"""Project settings (unreport.toml, [tool.unreport] in pyproject.toml), typed and located; the
root found from below; a project overriding one shipped template and one style key."""

from __future__ import annotations

import os
import subprocess
import sys

from helpers.project import ROOT, make_project

from unreport.cli import main

PY = sys.executable


def run(args, cwd, **kw):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, **kw)


def test_running_from_content_finds_the_root(tmp_path):
    project = make_project(tmp_path / "p", "base")
    proc = run([PY, "-m", "unreport", "status"], project / "content")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[2].split()[:2] == ["zh", "note"]
    (project / "unreport.toml").write_text('output = "built"\n')
    (project / "content" / "deeper").mkdir()
    proc = run([PY, "-m", "unreport", "--no-review"], project / "content" / "deeper")
    assert proc.returncode == 0, proc.stderr
    assert (project / "built" / "note.zh.pdf").is_file()


def test_settings_are_typed_and_a_misspelt_key_is_a_located_error(tmp_path, capsys):
    project = make_project(tmp_path / "p", "base")
    (project / "unreport.toml").write_text('# settings\npaper = "A4"\nstirct = true\n')
    assert main(["--root", str(project), "check"]) == 1
    err = capsys.readouterr().err
    assert "unreport.toml:3:1: error: unknown setting 'stirct'; did you mean 'strict'?" in err
    (project / "unreport.toml").write_text('paper = "A3"\n')
    assert main(["--root", str(project), "check"]) == 1
    assert "unreport.toml:1:1: error: setting 'paper' must be \"A4\" or \"Letter\", not 'A3'" \
        in capsys.readouterr().err


def test_settings_in_pyproject_strict_and_languages(tmp_path, capsys):
    project = make_project(tmp_path / "p", "base")
    (project / "pyproject.toml").write_text('[project]\nname = "reports"\n\n[tool.unreport]\n'
                                            'strict = true\nlanguages = ["en"]\n')
    po = project / "locales/zh/note.po"
    po.write_text(po.read_text().replace('msgstr "导言"', 'msgstr ""'))
    assert main(["--root", str(project), "--no-review"]) == 0  # English only: no zh errors
    names = sorted(p.name for p in (project / "output").glob("note.*"))
    assert names == ["note.en.docx", "note.en.pdf"]
    capsys.readouterr()
    assert main(["--root", str(project), "--lang", "zh", "--no-review"]) == 1  # strict
    assert "intro: not translated" in capsys.readouterr().err
    (project / "pyproject.toml").write_text('[tool.unreport]\nlanguage = ["en"]\n')
    assert main(["--root", str(project), "check"]) == 1
    assert "pyproject.toml:2:1: error: unknown setting 'language'; did you mean 'languages'?" \
        in capsys.readouterr().err


def test_a_project_overrides_one_template_and_one_style_key(tmp_path):
    target = tmp_path / "reports"
    assert main(["new", str(target)]) == 0
    # one template file: the labels, with a word added to the recommendation's label
    shipped = ROOT / "src/unreport/data/templates/base/labels.j2"
    own = target / "templates/base/labels.j2"
    own.parent.mkdir(parents=True)
    own.write_text(shipped.read_text().replace('_("Recommendation %(number)s", number=number)',
                                               '_("Recommendation %(number)s", number=number) '
                                               '~ " (revised)"'))
    # one style key: the English date pattern
    (target / "locales/en").mkdir(parents=True)
    (target / "locales/en/style.yaml").write_text('date: "MMMM d, y"\n')
    assert main(["--root", str(target), "--no-review", "--format", "docx"]) == 0
    from helpers.readback import docx_paragraphs
    en = [t for _s, t in docx_paragraphs(target / "output/example-report.en.docx")]
    assert "Recommendation 1 (revised)" in en  # the project's template
    assert "June 1, 2026" in en  # the project's key ...
    assert "Vienna, 1–3 June 2026" in en  # ... and the shipped rest of the English style
    zh = [t for _s, t in docx_paragraphs(target / "output/example-report.zh.docx")]
    assert "2026年6月1日至3日，维也纳" in zh  # other languages untouched


def test_the_paper_setting_gives_letter_pages_in_both_formats(tmp_path):
    from docx import Document
    from pypdf import PdfReader
    project = make_project(tmp_path / "p", "base")
    (project / "unreport.toml").write_text('paper = "Letter"\n')
    assert main(["--root", str(project), "--no-review", "--lang", "en"]) == 0
    box = PdfReader(str(project / "output/note.en.pdf")).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4, 1), round(float(box.height) / 72 * 25.4, 1)) \
        == (215.9, 279.4)
    section = Document(str(project / "output/note.en.docx")).sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (215.9, 279.4)
