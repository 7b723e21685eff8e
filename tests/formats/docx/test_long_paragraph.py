"""A very long paragraph goes through pandoc's DOCX writer in time proportional to its size:
join_words.lua joins its words first, and the DOCX is the same as without it."""

import io
import zipfile
from pathlib import Path

import pytest

from unreport.build.pipeline import gather
from unreport.formats.docx import pandoc
from unreport.formats.docx.markup import MARKUP
from unreport.project.options import Options
from unreport.project.paths import Project

from helpers.project import ROOT

LUA = ROOT / "src/unreport/data/templates/docx/parallel.lua"
SENTENCE = ("The Working Group noted that 100% of the States parties that replied (\"the "
            "respondents\") had adopted *measures* under article 6, paragraph 2, of the "
            "Protocol, and that 'irregular' migration had fallen by 12.5% since 2015; "
            "工作组注意到，作出答复的缔约国（“答复国”）100%已采取措施 — الفريق العامل لاحظ ذلك. ")


def parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("word/")}


def convert(markdown: str, join: bool, monkeypatch, args=()) -> dict[str, bytes]:
    monkeypatch.setattr(pandoc, "LONG_LINE", 0 if join else 10**12)
    return parts(pandoc.run_pandoc(markdown, "docx", list(args), 0))


def documents(root: Path):
    plan = gather(Project(root), Options(formats=("docx",)))
    for doc in plan.editions:
        yield doc.documents[MARKUP.dialect.name], False
    for doc in plan.parallels:
        yield doc.documents[MARKUP.dialect.name], True


@pytest.mark.parametrize("root", [ROOT, ROOT / "tests/fixtures/blocks"],
                         ids=["example", "all-blocks"])
def test_joining_the_words_changes_nothing_in_any_document(root, monkeypatch):
    """Every edition and review document of the example and of the fixture with every block
    kind (tables, notes, lists, emphasis, Arabic, CJK): the same XML with and without."""
    seen = 0
    for markdown, review in documents(root):
        args = ["--lua-filter", str(LUA)] if review else []
        assert convert(markdown, True, monkeypatch, args) == \
            convert(markdown, False, monkeypatch, args)
        seen += 1
    assert seen >= 3


def test_a_long_paragraph_with_markup_and_notes_is_written_the_same(monkeypatch):
    text = "".join(f"{SENTENCE}^[Note {i}: see paragraph {i}, 5%.] " if i % 40 == 0
                   else SENTENCE for i in range(200))
    assert len(text) > pandoc.LONG_LINE
    markdown = f"::: {{custom-style=\"Para\"}}\n1.\t{text}\n:::\n"
    joined = convert(markdown, True, monkeypatch)
    assert joined == convert(markdown, False, monkeypatch)
    xml = joined["word/document.xml"].decode("utf-8")
    assert "respondents" in xml and "<w:i />" in xml and "答复国" in xml
    assert joined["word/footnotes.xml"].decode("utf-8").count("Note 40: see paragraph 40") == 1


def test_the_filter_runs_only_on_a_long_line():
    assert not pandoc.has_long_line(SENTENCE * 50 + "\n" + SENTENCE * 50)
    assert pandoc.has_long_line("short\n" + SENTENCE * 100 + "\nshort")
