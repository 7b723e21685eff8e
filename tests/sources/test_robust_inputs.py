"""Inputs as written (issue 17): text fields keep the text exactly as the editor wrote it, deep
or large documents are read or refused with a place, never with a Python error."""

import io
import json
from contextlib import redirect_stderr, redirect_stdout

from helpers.project import edit, make_project
from helpers.readback import docx_paragraphs, pdf_text

from unreport.cli import main
from unreport.diagnostics import Collector
from unreport.sources.yamlsource import read_yaml

LONG = ("The Committee noted that 100% of the 017 replies received by 12:30:00 on the closing "
        "day, including those of the \"Group of 77\" and China (中国), had been circulated "
        "before the meeting; the secretariat's summary of 1_000 pages, in Arabic (العربية) and "
        "in the other official languages, followed within the time allowed by rule 1.5e+3.")


def run(args):
    err = io.StringIO()
    with redirect_stderr(err), redirect_stdout(io.StringIO()):
        code = main(args)
    return code, err.getvalue()


def test_yaml_11_coercions_do_not_reach_the_page(tmp_path):
    """`job: 017` is not 15, `symbol: 12:30:00` not 45000, `1.5e+3` not 1500.0: unquoted
    text-valued fields print as written."""
    project = make_project(tmp_path / "p", "base")
    note = project / "content" / "note.yaml"
    edit(note, "symbol: A/AC.1/2024/1", "symbol: 12:30:00\n  job: 017")
    edit(note, "title: Note by the Secretariat", "title: 1.5e+3")
    edit(note, "organ: General Assembly", "organ: .inf")
    edit(note, "body: Committee on Examples", "body: 1_000")
    edit(note, "place: Geneva", "place: 0x1F")
    edit(note, "text: the budget;", "text: " + json.dumps(LONG, ensure_ascii=False))
    code, err = run(["--root", str(project), "--lang", "en", "--no-review"])
    assert code == 0, err
    out = project / "output"
    pdf = pdf_text(out / "note.en.pdf")
    docx = "\n".join(t for _s, t in docx_paragraphs(out / "note.en.docx"))
    for text in (pdf, docx):
        for written in ("12:30:00", "1.5e+3", ".inf", "1_000", "0x1F", "017"):
            assert written in text, (written, text[:600])
        for coerced in ("45000", "1500.0", "\ninf\n", "1000", "31,", "15 (E)"):
            assert coerced not in "\n" + text, coerced
    assert "*017*" in pdf or "017" in pdf  # the job number and its barcode text
    assert "100% of the 017 replies" in " ".join(pdf.split())


def test_a_plain_70000_paragraph_report_is_not_an_alias_bomb():
    """The bound counts values expanded from aliases, not the values written out."""
    text = "meta: {}\nbody:\n" + "".join(
        f"  - para: p.{i}\n    text: Paragraph {i} of a long report, with 100% of its text.\n"
        for i in range(70_000))
    diag = Collector()
    root = read_yaml(text, "content/big.yaml", diag)
    assert not diag.diagnostics, diag.diagnostics[:3]
    assert len(root.data["body"].data) == 70_000
    assert root.data["body"].data[-1].data["para"].data == "p.69999"


def test_six_nested_lists_build_and_verify_in_every_language(tmp_path):
    """The deepest lists allowed (tests/bad/list-nested-too-deep has one more level) print
    every item's number in both languages and formats."""
    project = make_project(tmp_path / "p", "base")
    note = project / "content" / "note.yaml"
    old = "            - {id: intro.items.two, text: the calendar.}\n"
    lines, pad = [], "            "
    for i in range(5):
        p = pad + "    " * i
        lines.append(f"{p}- id: intro.items.x{i}\n{p}  text: level {i + 2}, {LONG[:120]}\n"
                     f"{p}  list:\n{p}    items:")
    lines.append(pad + "    " * 5 + "- {id: intro.items.last, text: the sixth level.}")
    edit(note, old, old + "\n".join(lines) + "\n")
    code, err = run(["--root", str(project), "--verify", "--no-review"])
    assert code == 0, err
    docx = [t for _s, t in docx_paragraphs(project / "output" / "note.en.docx")]
    assert any(t.endswith("the sixth level.") for t in docx), docx


def test_a_named_pipe_among_the_language_data_does_not_block(tmp_path):
    """A named pipe where the project's house style or terminology should be: every command
    ends (the language data's change detection hashed each file and blocked on the pipe for
    ever); a long report with %, quotes and CJK in its text is built beside it."""
    import os
    import subprocess
    import sys

    from helpers.project import ROOT
    project = make_project(tmp_path / "p", "base")
    edit(project / "content" / "note.yaml", "text: the budget;",
         "text: " + json.dumps(LONG + " " + LONG, ensure_ascii=False))
    for rel in ("locales/zh/style.yaml", "locales/en/terms.yaml"):
        (project / rel).unlink()
        os.mkfifo(project / rel)
    for args in (["check"], ["build", "--no-review", "--format", "docx"], ["catalogs"]):
        proc = subprocess.run([sys.executable, "-m", "unreport", *args, "--root", str(project)],
                              capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        assert proc.returncode in (0, 1, 2), (args, proc.stderr)
        assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr


def test_a_pipe_put_in_after_a_build_stops_the_next_up_to_date_build(tmp_path, capsys):
    """The fast path of an unchanged build (nothing read, nothing written) still refuses a
    pipe, a link to nothing or a folder put in place of the language data or a template."""
    import os

    from unreport.cli import main
    # the project has no style.yaml or report.j2 of its own: the shipped ones serve
    project = make_project(tmp_path / "p", "base", without=("locales/zh/style.yaml",
                                                            "templates/base/report.j2"))
    assert main(["--root", str(project), "--format", "docx", "--no-review"]) == 0
    assert main(["--root", str(project), "--format", "docx", "--no-review"]) == 0
    assert "up to date" in capsys.readouterr().out
    os.mkfifo(project / "locales/zh/style.yaml")
    (project / "templates/base/report.j2").mkdir()
    assert main(["--root", str(project), "--format", "docx", "--no-review"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "locales/zh/style.yaml: error: not a regular file (a named pipe); remove it or replace "
        "it with a file",
        "templates/base/report.j2: error: not a regular file (a folder); remove it or replace "
        "it with a file"]
