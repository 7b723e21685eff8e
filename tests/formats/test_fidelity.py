"""The same text in both formats: typographic shorthands of Typst or pandoc must not change it."""

from helpers.project import FIXTURES, make_project
from helpers.readback import docx_paragraphs, pdf_text


def test_three_full_stops_stay_three_full_stops(tmp_path):
    from unreport.cli import main
    src = FIXTURES / "mini" / "content" / "annual-note.yaml"
    project = make_project(tmp_path / "p", src)
    content = project / "content" / src.name
    text = content.read_text(encoding="utf-8")
    content.write_text(text.replace("the information it requested.",
                                    "the information it requested... -- \"so far\"."),
                       encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out)]) == 0
    expected = "the information it requested... -- \"so far\"."
    assert any(expected in t for _s, t in docx_paragraphs(out / "annual-note.en.docx"))
    pdf = pdf_text(out / "annual-note.en.pdf")
    assert expected in pdf.replace("\n", " ")
    assert "…" not in pdf
