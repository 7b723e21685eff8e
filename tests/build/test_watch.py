"""`--watch`: saving a content file rebuilds what it changed (real file events, real build)."""

import threading
import time

from helpers.project import FIXTURES, make_project
from helpers.readback import docx_paragraphs


def test_saving_content_rebuilds_the_output(tmp_path, capsys):
    from unreport.project.options import Options
    from unreport.build.pipeline import build
    from unreport.project.paths import Project
    from unreport.build.watch import watch
    root = make_project(tmp_path / "p", FIXTURES / "mini" / "content" / "annual-note.yaml")
    project = Project(root, tmp_path / "out")
    opts = Options(formats=("docx",))
    stop, statuses, built = threading.Event(), [], threading.Event()
    written = []

    def build_once():
        _plan, paths = build(project, opts)
        written.append([p.name for p in paths])
        return 0

    def on_build(status):
        statuses.append(status)
        built.set()

    thread = threading.Thread(target=watch, args=(project, build_once, stop, on_build))
    thread.start()
    try:
        assert built.wait(60), "the first build did not finish"
        built.clear()
        time.sleep(0.3)  # let the watcher start
        content = root / "content" / "annual-note.yaml"
        text = content.read_text(encoding="utf-8")
        content.write_text(text.replace("the information it requested",
                                        "the information it asked for"), encoding="utf-8")
        assert built.wait(60), "saving the content did not rebuild"
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive()
    assert statuses[:2] == [0, 0]
    assert written[:2] == [["annual-note.en.docx"], ["annual-note.en.docx"]]
    paras = [t for _s, t in docx_paragraphs(tmp_path / "out" / "annual-note.en.docx")]
    assert "1.\tThis note gives the Committee the information it asked for." in paras
    out = capsys.readouterr().out
    assert "changed: content/annual-note.yaml" in out and "rebuilt in" in out


def test_errors_while_watching_are_printed_not_raised(tmp_path, capsys):
    from unreport.diagnostics import ContentError, Diagnostic, Loc
    from unreport.build.watch import build_reporting

    def failing():
        raise ContentError([Diagnostic(Loc("content/x.yaml", 3, 5), "bad ID")])
    assert build_reporting(failing) == 1
    err = capsys.readouterr().err
    assert "content/x.yaml:3:5: error: bad ID" in err and "nothing was written" in err


def test_the_watch_survives_an_unexpected_failure(capsys):
    """Even a failure that is the tool's own (a bug) is printed and the watch goes on."""
    from unreport.build.watch import build_reporting

    def buggy():
        return {}["table"]
    assert build_reporting(buggy) == 2
    err = capsys.readouterr().err
    assert err.startswith("internal error: KeyError: 'table' (the watch goes on") and \
        "Traceback" not in err


def test_what_the_watch_prints_shows_control_characters_escaped(tmp_path, capsys):
    """A file saved under a name holding a terminal's title and clear-screen sequences, and
    a failure whose text holds them: the watch prints them escaped (it printed them raw)."""
    from unreport.build.watch import build_reporting, watch
    from unreport.project.paths import Project
    root = make_project(tmp_path / "p", FIXTURES / "mini" / "content" / "annual-note.yaml")
    project = Project(root, tmp_path / "out")
    stop, built = threading.Event(), threading.Event()
    thread = threading.Thread(target=watch, args=(project, lambda: 0, stop,
                                                  lambda _status: built.set()))
    thread.start()
    try:
        assert built.wait(60)
        built.clear()
        time.sleep(0.3)
        (root / "content" / "notes\x1b]0;pwned\x07\x1b[2J.txt").write_text(
            "Le Comité « spécial » a noté que 100 % des réponses (会议) étaient arrivées.",
            encoding="utf-8")
        assert built.wait(60), "saving the file did not rebuild"
    finally:
        stop.set()
        thread.join(10)
    out = capsys.readouterr().out
    assert "changed: content/notes\\x1b]0;pwned\\x07\\x1b[2J.txt" in out and "\x1b" not in out

    def buggy():
        raise KeyError("\x1b[2J\u202e")
    assert build_reporting(buggy) == 2
    err = capsys.readouterr().err
    assert err.startswith("internal error: KeyError: '\\x1b[2J\\u202e' (the watch goes on")
    assert "\x1b" not in err and "\u202e" not in err
