"""Every command over the whole bad-input corpus (tests/bad/): each run ends in success or in
located diagnostics with exit 1 or 2, never in an internal error or a traceback."""

import pytest
from helpers.project import BAD, CASES, make_project

from unreport.cli import main

# build writes (PDF through typst, DOCX through pandoc); the others read, or write catalogs
COMMANDS = (["check", "--strict"], ["build", "--no-review", "--format", "docx"], ["catalogs"],
            ["status"], ["xliff", "export"], ["verify"])
# cases made of a command line alone (usage errors) are the valid base project here
FILE_CASES = [c for c in CASES if any(p.name != "expected.txt" for p in (BAD / c).iterdir())
              or "make " in (BAD / c / "expected.txt").read_text(encoding="utf-8")]


def run_all(project, commands=COMMANDS):
    """(command, exit status, stderr) of each command run on `project`."""
    import io
    from contextlib import redirect_stderr, redirect_stdout
    runs = []
    for args in commands:
        err = io.StringIO()
        with redirect_stderr(err), redirect_stdout(io.StringIO()):
            code = main([*args, "--root", str(project)])
        runs.append((args, code, err.getvalue()))
    return runs


def assert_clean(runs):
    for args, code, err in runs:
        what = f"{' '.join(args)}: exit {code}\n{err}"
        assert code in (0, 1, 2), what
        assert "Traceback" not in err and "internal error" not in err, what
        errors = [ln for ln in err.splitlines() if "error:" in ln]
        assert all(ln.startswith("error: ") or ": error: " in ln for ln in errors), what
        if code:
            assert errors, what  # a failure says what failed


@pytest.mark.parametrize("case", FILE_CASES)
def test_every_command_on_bad_input(case, tmp_path):
    assert_clean(run_all(make_project(tmp_path, f"bad/{case}")))


@pytest.mark.parametrize("case", ["duplicate-id", "po-plural-entry", "po-not-utf8"])
def test_a_full_build_with_review_and_verify(case, tmp_path):
    assert_clean(run_all(make_project(tmp_path, f"bad/{case}"), (["build", "--verify"], ["preview"])))
