"""Every command given a --root that is not a project (a file, a folder that does not exist,
an empty folder): one line naming the place and what to give instead, exit 2, nothing written
(issue 17: every command ends in success or one located message)."""

import io
from contextlib import redirect_stderr, redirect_stdout

import pytest

from unreport.cli import main

COMMANDS = (["check"], ["build"], ["catalogs"], ["status"], ["preview"], ["verify"],
            ["xliff", "export"], ["build", "--watch"], ["check", "--report", "note*"])


def run(args):
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = main(args)
    return code, err.getvalue().splitlines()


def listing(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_file_as_the_project_folder(args, tmp_path):
    root = tmp_path / "note.yaml"
    root.write_text("meta: {title: \"Rapport du Comité « spécial » sur 100 % des 会议\"}\n",
                    encoding="utf-8")
    assert run([*args, "--root", str(root)]) == (2, [
        f"{root}: error: the project folder is a file; give --root the folder that holds "
        "content/"])
    assert listing(tmp_path) == ["note.yaml"]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_project_folder_that_does_not_exist(args, tmp_path):
    root = tmp_path / "reports 2024 (会议)"
    assert run([*args, "--root", str(root)]) == (2, [
        f"{root}: error: no such folder; give --root the project folder (or make one with "
        "'unreport new FOLDER')"])
    assert listing(tmp_path) == []


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_an_empty_folder(args, tmp_path):
    assert run([*args, "--root", str(tmp_path)]) == (2, [
        f"{tmp_path / 'content'}: error: the project has no content folder; write the reports "
        "in content/ as REPORT.yaml (or make a project with 'unreport new FOLDER')"])
    assert listing(tmp_path) == []


def test_a_content_folder_with_no_match_still_names_the_glob(tmp_path):
    (tmp_path / "content").mkdir()
    assert run(["check", "--report", "annual-*", "--root", str(tmp_path)]) == (2, [
        f"error: no report matches 'annual-*' in {tmp_path / 'content'}"])


def test_new_writes_into_the_root_it_is_given_not_the_current_folder(tmp_path, monkeypatch):
    """`unreport new --root DIR` made the project in the current folder (or refused, naming
    it); DIR given twice is a usage error."""
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    target = tmp_path / "rapports « 2024 » 会议"
    code, _err = run(["new", "--root", str(target)])
    assert code == 0 and listing(here) == []
    assert (target / "content" / "example-report.yaml").is_file()
    assert run(["check", "--root", str(target)])[0] == 0
    assert run(["new", "other", "--root", str(tmp_path / "third")]) == (2, [
        "error: name the new project's folder once: 'unreport new DIR' or 'unreport new --root "
        "DIR'"])
    assert listing(here) == [] and not (tmp_path / "third").exists()
