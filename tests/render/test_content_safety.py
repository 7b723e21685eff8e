"""Content is data: never a Jinja template, never Markdown/Typst/OpenXML code, never a path.

Text that looks like code is printed literally in every output; raw passthrough is refused with
its place (see also tests/bad/raw-*). The writers' sandboxes: tests/formats/docx|pdf/test_sandbox.py.
"""

import zipfile

import pytest
from helpers.project import edit, make_project
from helpers.readback import docx_paragraphs, pdf_text, squash

from unreport.cli import main

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
    project = make_project(tmp_path_factory.mktemp("tricky"), "base")
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
