"""The page design (templates/design.yaml) and the QA data (locales/<lang>/qa.yaml) are read by
the same located, typed reader as the house style: a wrong type or an unknown key is a
one-line error in the file that sets it."""

import pytest
from helpers.project import ROOT, SHIPPED, make_project

from unreport.diagnostics import Collector, ContentError, EnvironmentProblem
from unreport.formats.design import load_design
from unreport.formats.design_types import Design
from unreport.project.paths import Project
from unreport.sources.typed import Reader
from unreport.sources.yamlsource import read_yaml
from unreport.translators.qa import load_lang_data


def test_the_shipped_design_reads_typed():
    text = (SHIPPED / "templates/design.yaml").read_text(encoding="utf-8")
    diag = Collector()
    design = Reader(diag, "the page design").read(Design, read_yaml(text, "design.yaml", diag))
    assert diag.diagnostics == []
    assert design.papers["letter"].width == 215.9 and design.page.outer_left == 20
    assert design.styles["SingleTxt"].justify and design.styles["SingleTxt"].tab == 50
    assert design.masthead.symbol.first_size == "symbol_first"  # a size by name
    assert design.sizes["body"] == 10 and design.body.hyphenate is False


def test_a_project_design_override_is_checked_where_it_is(tmp_path):
    """A project's design.yaml that sets a few keys: merged over the tool's, its mistakes
    located in its own lines (the tool's file is not copied into this project)."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "design.yaml").write_text(
        "# this project's paper and sizes\n"
        "paper: letter\n"
        "sizes: {body: 10.5, leading: 0}\n"
        "running_head: {size: running_head, line: 11, bold: yes, fnot: body}\n",
        encoding="utf-8")
    with pytest.raises(EnvironmentProblem) as exc:
        load_design(Project(tmp_path))
    assert str(exc.value).splitlines() == [
        "templates/design.yaml:3:30: error: sizes.leading: must be above 0, not 0",
        "templates/design.yaml:4:57: error: running_head: unknown key 'fnot'; did you mean "
        "'font'?"]


def test_a_project_design_override_that_is_right(tmp_path):
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "design.yaml").write_text("paper: letter\nsizes: {body: 10.5}\n",
                                                        encoding="utf-8")
    design = load_design(Project(tmp_path))
    assert design["paper"] == "letter" and design["sizes"]["body"] == 10.5
    assert design["sizes"]["leading"] == 12  # the tool's, key by key


def test_qa_data_is_typed_and_located(tmp_path):
    make_project(tmp_path)
    es = tmp_path / "locales" / "es" / "qa.yaml"
    es.write_text(es.read_text(encoding="utf-8").replace("month_joiners:", "month_joiner:"),
                  encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_lang_data(Project(tmp_path), "es")
    (d,) = exc.value.diagnostics
    assert str(d).startswith("locales/es/qa.yaml:") and str(d).endswith(
        "error: unknown key 'month_joiner'; did you mean 'month_joiners'?")
    data = load_lang_data(Project(ROOT), "es")
    assert data.months["septiembre"] == 9 and "de" in data.joiners
