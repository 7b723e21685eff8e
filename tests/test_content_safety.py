"""Content is data: never a Jinja template, never Markdown/Typst/OpenXML code, never a path.

Text that looks like code is printed literally in every output; raw passthrough is refused with
its place (see also tests/bad/raw-*); pandoc runs sandboxed; typst cannot read outside its root.
"""

import zipfile

import pytest
from buildcase import base_project, edit
from readback import docx_paragraphs, pdf_text, squash

from unreport.project.options import Options
from unreport.build.pipeline import gather
from unreport.diagnostics import EnvironmentProblem
from unreport.cli import main
from unreport.formats.docx.pandoc import run_pandoc
from unreport.project.paths import Project
from unreport.formats.pdf.writer import PdfWriter

TRICKS = {
    "jinja": "{{ 7*7 }} {% if true %}yes{% endif %} {# c #}",
    "typst": "#pagebreak() #set page(fill: red) #read(\"/etc/hostname\") $x$",
    "markdown": "![logo](/etc/hostname) [link](https://example.invalid) # not a heading",
    "xml": "&amp; &lt;w:br&gt; ]]> --- --",
}
LINE = " ".join(TRICKS.values())


@pytest.fixture(scope="module")
def tricky(tmp_path_factory):
    """The base report with code-like text in the English source and the Chinese translation."""
    project = base_project(tmp_path_factory.mktemp("tricky"))
    edit(project / "content" / "note.yaml", "text: The Committee may wish to take note of "
         "paragraph [[intro.purpose]].", "text: '" + LINE + "'")
    edit(project / "locales" / "zh" / "note.po",
         'msgid "The Committee may wish to take note of paragraph [[intro.purpose]]."\n'
         'msgstr "委员会似宜注意到第[[intro.purpose]]段。"',
         'msgid "' + LINE.replace('"', '\\"') + '"\nmsgstr "' + LINE.replace('"', '\\"') + '"')
    assert main(["--root", str(project), "--strict"]) == 0
    return project / "output"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_code_like_text_is_literal_in_docx(tricky, lang):
    path = tricky / f"note.{lang}.docx"
    texts = [t for _style, t in docx_paragraphs(path)]
    assert any(LINE in t for t in texts), texts
    assert not any("49" in t for t in texts)  # the Jinja expression was not evaluated
    with zipfile.ZipFile(path) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]
        rels = z.read("word/_rels/document.xml.rels").decode()
        assert "example.invalid" not in rels and "hostname" not in rels


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_code_like_text_is_literal_in_pdf(tricky, lang):
    text = squash(pdf_text(tricky / f"note.{lang}.pdf"))
    for value in TRICKS.values():
        assert squash(value) in text, value


def test_pandoc_runs_sandboxed(tmp_path):
    """Even Markdown that names a local file (which content never produces) cannot pull it in."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    docx = run_pandoc(f"![x]({secret})\n", "docx", [], 0)
    out = tmp_path / "out.docx"
    out.write_bytes(docx)
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]


def test_typst_cannot_read_outside_its_root(tmp_path, capsys):
    project = Project(base_project(tmp_path / "p"))
    plan = gather(project, Options(formats=("pdf",)))
    writer = PdfWriter(project)
    edition = plan.editions[0]
    # the page design itself compiles; reaching for the content folder does not
    # (the root is the project's templates/ folder: the design and an optional emblem image)
    assert writer.compile('#import "/typst/un.typ": *\nok', edition)[:4] == b"%PDF"
    with pytest.raises(EnvironmentProblem, match="escape the project root"):
        writer.compile('#read("../content/note.yaml")', edition)
    with pytest.raises(EnvironmentProblem, match="file not found"):  # "/" is the root itself
        writer.compile('#read("/etc/hostname")', edition)
