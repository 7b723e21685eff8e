"""Every command with arguments it does not take, too many or too few: one usage line saying
what to write, exit 2, the project untouched (issue 17: no command ends in an internal error)."""

import io
from contextlib import redirect_stderr, redirect_stdout

import pytest
from helpers.project import make_project, snapshot

from unreport.cli import main

XLIFF = "error: use 'build.py xliff export [--lang L]' or 'build.py xliff import FILE...'"
IMPORT = ("error: import needs one file: 'import FILE.docx' or 'import FILE.txt' (with "
          "--translation-of REPORT --lang L for a translation)")
CASES = {
    **{f"{c} extra": f"error: unexpected argument 'extra' for '{c}' (only xliff, new, import "
                     "take arguments); see --help"
       for c in ("build", "check", "catalogs", "status", "preview", "verify")},
    "xliff": XLIFF, "xliff frobnicate": XLIFF, "xliff import": XLIFF, "xliff export extra": XLIFF,
    "new one two": "error: use 'unreport new [DIR]' (one folder)",
    "import": IMPORT, "import a.docx b.docx": IMPORT,
    **{f"{c} --watch": f"error: --watch works with build, check, verify, not '{c.split()[0]}'; "
                       "leave it out"
       for c in ("catalogs", "status", "preview", "xliff export", "new")},
    "frobnicate": "unreport: error: argument command: invalid choice: 'frobnicate' (choose from "
                  "'build', 'check', 'catalogs', 'status', 'preview', 'verify', 'xliff', 'new', "
                  "'import')",
}


@pytest.mark.parametrize("line", CASES)
def test_wrong_arguments_are_one_usage_line(line, tmp_path):
    project = make_project(tmp_path / "p", "base")
    before = snapshot(project)
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        try:
            code = main([*line.split(), "--root", str(project)])
        except SystemExit as exc:  # argparse's own usage errors
            code = exc.code
    lines = err.getvalue().splitlines()
    assert code == 2 and lines[-1] == CASES[line], lines
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue()
    assert snapshot(project) == before


@pytest.mark.parametrize("name", ["", "x\x1b[2Jy", "bad\u202ename"])
def test_new_refuses_a_folder_name_it_cannot_show(name, tmp_path, capsys):
    """An empty name, or one with control characters (which would reach the terminal raw): a
    usage error shown escaped, and nothing made."""
    import os
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert main(["new", name]) == 2
    finally:
        os.chdir(cwd)
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "no folder name" in err, err
    assert list(tmp_path.iterdir()) == []
