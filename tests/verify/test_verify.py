"""`--verify` and `unreport verify`: every output read back against the model, on the worked example
and on copies of its outputs that were tampered with."""

import re
import shutil

import pytest
from helpers.project import ROOT, make_project
from docx import Document

REPORT = "wg7-2017-l1"
PARALLEL = f"{REPORT}.en-zh"


def test_verify_passes_on_the_built_example(example_outputs, capsys):
    from unreport.cli import main
    assert main(["verify", "--root", str(ROOT), "--output", str(example_outputs)]) == 0
    assert "verified: 22 file(s)" in capsys.readouterr().out


@pytest.fixture
def tampered(example_outputs, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(example_outputs, out)
    return out


def test_verify_names_the_id_and_file_of_a_tampered_docx(tampered, capsys):
    from unreport.cli import main
    path = tampered / f"{REPORT}.zh.docx"
    doc = Document(str(path))
    para = next(p for p in doc.paragraphs if p.text.startswith("10.\t"))
    para.runs[-1].text = para.runs[-1].text.replace("乌拉圭", "乌拉")
    doc.save(str(path))
    assert main(["verify", "--root", str(ROOT), "--output", str(tampered)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2, err
    assert re.match(rf".*{re.escape(REPORT)}\.zh\.docx: error: org\.statements\.parties: "
                    r"prints '.*乌拉。' where the model has '.*乌拉圭。'; rebuild it$", err[0])


def test_verify_names_the_id_of_a_tampered_parallel_row(tampered, capsys):
    from unreport.cli import main
    path = tampered / f"{PARALLEL}.docx"
    doc = Document(str(path))
    cell = next(r.cells[1] for r in doc.tables[0].rows if r.cells[1].text.startswith("B.\t"))
    cell.paragraphs[0].runs[-1].text += "!"
    doc.save(str(path))
    assert main(["verify", "--root", str(ROOT), "--output", str(tampered)]) == 1
    err = capsys.readouterr().err
    assert f"{PARALLEL}.docx: error: recs.general: the right column prints" in err


def test_verify_fails_on_a_pdf_of_another_language(tampered, capsys):
    from unreport.cli import main
    shutil.copy(tampered / f"{REPORT}.zh.pdf", tampered / f"{REPORT}.en.pdf")
    assert main(["verify", "--root", str(ROOT), "--output", str(tampered), "--format",
                 "pdf"]) == 1
    err = capsys.readouterr().err
    assert f"{REPORT}.en.pdf: error: intro:" in err
    assert ".zh.pdf" not in err and ".en-zh.pdf" not in err


def test_verify_reads_the_whole_text_of_each_pdf_paragraph(example_outputs, tmp_path, capsys):
    # outputs built from the example, checked against a model whose paragraph 6 ends otherwise:
    # the start of the paragraph still matches, the end does not
    from unreport.cli import main
    content = (ROOT / "content" / f"{REPORT}.yaml").read_text(encoding="utf-8")
    changed = content.replace("five meetings were held during the session.",
                              "five meetings were held during the whole session.")
    assert changed != content
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / f"{REPORT}.yaml").write_text(changed, encoding="utf-8")
    project = make_project(tmp_path / "p", tmp_path / "src" / f"{REPORT}.yaml")
    out = tmp_path / "out"
    out.mkdir()
    shutil.copy(example_outputs / f"{REPORT}.en.pdf", out)
    assert main(["verify", "--root", str(project), "--output", str(out), "--lang", "en",
                 "--format", "pdf"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2, err
    assert err[0].endswith(f"{REPORT}.en.pdf: error: org.opening.meetings: the text of 6. breaks "
                           "off before 'wholesession.' in the output's text; rebuild it")


def test_outputs_read_back_in_parallel_processes_verify_alike(tampered, capsys, monkeypatch):
    """Large outputs are read in processes (verify.PARALLEL_BYTES): here every output, with one
    PDF truncated: the same verdicts as read one by one, each named once."""
    from unreport import verify
    from unreport.cli import main
    monkeypatch.setattr(verify, "PARALLEL_BYTES", 0)
    assert main(["verify", "--root", str(ROOT), "--output", str(tampered)]) == 0
    assert "verified: 22 file(s)" in capsys.readouterr().out
    pdf = tampered / f"{REPORT}.fr.pdf"
    pdf.write_bytes(pdf.read_bytes()[: pdf.stat().st_size // 3])
    assert main(["verify", "--root", str(ROOT), "--output", str(tampered)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [f"{pdf}: error: cannot be read (damaged or truncated: PdfStreamError); "
                   "rebuild it", "1 mismatch between the outputs and the model"]
