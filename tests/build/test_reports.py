"""Many reports: one build writes every report in content/ (one worker pool); --report GLOB
selects some, so a CI job matrix can split the reports across machines."""

import re

from helpers.project import FIXTURES, ROOT, make_project
from helpers.readback import docx_paragraphs


def two_languages(project):
    """The example in English and Chinese only (of its six languages), to keep builds quick."""
    path = project / "content" / "wg7-2017-l1.yaml"
    text = path.read_text(encoding="utf-8")
    assert "languages: [ar, zh, en, fr, ru, es]" in text
    path.write_text(text.replace("languages: [ar, zh, en, fr, ru, es]", "languages: [en, zh]"),
                    encoding="utf-8")


def test_report_glob_splits_the_reports(tmp_path, capsys):
    from unreport.cli import main
    project = make_project(tmp_path / "p", [ROOT / "content" / "wg7-2017-l1.yaml",
                                            FIXTURES / "mini" / "content" / "annual-note.yaml"])
    two_languages(project)
    out = tmp_path / "out"
    base = ["--root", str(project), "--output", str(out), "--format", "docx"]

    def wrote():
        return sorted(re.findall(r"^wrote .*?([^/\\\n]+)$", capsys.readouterr().out, re.M))

    assert main(base + ["--report", "annual-*"]) == 0
    assert wrote() == ["annual-note.en.docx"]
    assert main(base + ["--report", "[!a]*", "--jobs", "2"]) == 0
    assert wrote() == ["wg7-2017-l1.en-zh.docx", "wg7-2017-l1.en.docx", "wg7-2017-l1.zh.docx"]
    # all reports: the ones built above are up to date
    assert main(base) == 0
    assert wrote() == []
    assert "1.\tThis note gives the Committee the information it requested." in \
        [t for _s, t in docx_paragraphs(out / "annual-note.en.docx")]
    assert main(base + ["--report", "nothing-*"]) == 2
    assert "no report matches" in capsys.readouterr().err


def test_no_review_builds_the_editions_only(tmp_path, capsys):
    from unreport.cli import main
    project = make_project(tmp_path / "p", ROOT / "content" / "wg7-2017-l1.yaml")
    two_languages(project)
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "--no-review", "--format",
                 "docx"]) == 0
    assert sorted(p.name for p in out.iterdir() if p.name[0] != "." and p.suffix != ".json") == [
        "wg7-2017-l1.en.docx", "wg7-2017-l1.zh.docx"]
    # the default build adds the review document and leaves the editions up to date
    assert main(["--root", str(project), "--output", str(out), "--format", "docx"]) == 0
    assert "wrote" in capsys.readouterr().out
    assert (out / "wg7-2017-l1.en-zh.docx").is_file()
