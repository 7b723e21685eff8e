"""The bad-input corpus (tests/bad/): every case gives its exact located errors, the right exit
status, no traceback, and leaves the output folder untouched."""

import re

import pytest
from helpers.project import BAD, CASES, make_project, snapshot

from unreport.cli import main

# path:line:col, or the file alone where no line applies (a folder where a file should be)
LOCATED = re.compile(r"^[^\s:][^:]*(:\d+:\d+)?: (error|warning): \S")


def read_expected(case: str) -> tuple[int, list[str], list[str]]:
    status, args, lines = None, [], []
    for line in (BAD / case / "expected.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("exit "):
            status = int(line.split()[1])
        elif line.startswith("args "):
            args = line.split()[1:]
        elif line.startswith("make "):
            continue  # made by case_project
        elif line.strip():
            lines.append(line)
    return status, args, lines


def test_corpus_is_large_enough():
    assert len(CASES) >= 30


def test_base_is_valid(tmp_path, capsys):
    project = make_project(tmp_path, "bad/output-not-writable")
    (project / "output").unlink()
    assert main(["check", "--strict", "--root", str(project)]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("case", CASES)
def test_bad_input(case, tmp_path, capsys):
    status, args, expected = read_expected(case)
    project = make_project(tmp_path, f"bad/{case}")
    out = project / "output"
    if not out.exists():
        out.mkdir()
        (out / "note.en.docx").write_bytes(b"an earlier output")
    before = snapshot(project)

    code = main([*args, "--root", str(project)])

    err = capsys.readouterr().err
    assert code == status, err
    assert "Traceback" not in err and "internal error" not in err, err
    lines = [ln for ln in err.splitlines() if ln and not ln.endswith("nothing was written")
             and not ln.endswith("between the outputs and the model")]  # the counts
    assert sorted(lines) == sorted(expected), err
    if status in (0, 1):  # warnings (exit 0) and content errors are located
        assert all(LOCATED.match(ln) for ln in lines), err
    else:
        assert all("error: " in ln for ln in lines), err
    assert snapshot(project) == before  # nothing written, nothing left behind


def test_a_missing_template_says_which_and_what_to_do(tmp_path, capsys):
    """A project template that imports one which exists neither in the project nor in the
    tool (copied from an older unreport): the message names both places."""
    from helpers.project import make_project

    from unreport.cli import main
    project = make_project(tmp_path / "p", "base")
    (project / "templates" / "typst" / "blocks.j2").unlink()  # the shipped one is used
    report = project / "templates" / "base" / "report.j2"
    report.write_text(report.read_text().replace('{% import "labels.j2" as labels %}',
                                                 '{% import "labels.j2" as labels %}\n'
                                                 '{% import "old-macros.j2" as old %}'))
    assert main(["--root", str(project), "--output", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["templates/old-macros.j2: error: the template 'old-macros.j2' is in "
                   "neither templates nor unreport/data/templates (a template from an older "
                   "unreport that includes it?); remove your copy to use the shipped design, or "
                   "add the file"]
    assert not (tmp_path / "out").exists()
