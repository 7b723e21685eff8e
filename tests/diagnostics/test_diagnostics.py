"""Messages for people (issue 17): one root cause before its consequences, each message once,
control characters shown escaped."""


def _run_case(tmp_path, case, *args):
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from helpers.project import make_project

    from unreport.cli import main
    project = make_project(tmp_path, f"bad/{case}")
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = main([*args, "--root", str(project)])
    return project, code, err.getvalue().splitlines()


def test_the_root_cause_comes_first_and_its_consequences_once(tmp_path):
    """A broken terms.yaml of the project: its YAML error, once, and no 'no name for ...' per
    code and per edition (the shipped names under the project's broken file still answer)."""
    _p, code, err = _run_case(tmp_path, "terms-broken")
    assert code == 1
    assert err[0].startswith("locales/en/terms.yaml:17:7: error: YAML syntax error: ")
    assert len(err) == 2 and err[1] == "1 error; nothing was written"


def test_each_message_is_printed_once(tmp_path):
    """A missing term is met by every edition and format; it is reported once per terms file."""
    _p, code, err = _run_case(tmp_path, "term-missing")
    assert code == 1
    lines = [ln for ln in err if ": error: " in ln]
    assert len(lines) == len(set(lines)) == 2, err


def test_control_characters_in_a_message_are_shown_escaped(tmp_path):
    """An invalid report ID (a file name) holding an OSC title sequence, a bell and a
    clear-screen sequence is echoed escaped: the terminal is neither retitled nor cleared."""
    from helpers.project import make_project

    from unreport.cli import main
    project = make_project(tmp_path / "p", "base")
    note = project / "content" / "note.yaml"
    note.rename(project / "content" / "bad\x1b]0;pwned\x07\x1b[2J\u202e.yaml")
    import io
    from contextlib import redirect_stderr
    err = io.StringIO()
    with redirect_stderr(err):
        assert main(["check", "--root", str(project)]) == 1
    text = err.getvalue()
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert text.splitlines()[0].startswith(
        "content/bad\\x1b]0;pwned\\x07\\x1b[2J\\u202e.yaml: error: the report ID "
        "'bad\\x1b]0;pwned\\x07\\x1b[2J\\u202e' (the file name) is not an ID")
