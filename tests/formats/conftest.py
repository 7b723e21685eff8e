"""Fixtures shared by the tests of the DOCX (tests/formats/docx/) and of the PDF
(tests/formats/pdf/)."""

import pytest


@pytest.fixture(scope="session")
def arabic_blocks(tmp_path_factory):
    """Every block kind in an Arabic edition (a draft: texts not translated show in English
    after the marker; numbers, labels, names and layout are the Arabic edition's)."""
    from helpers.project import FIXTURES, make_project

    from unreport.cli import main
    tmp = tmp_path_factory.mktemp("arabic-blocks")
    project = make_project(tmp / "p", FIXTURES / "blocks" / "content" / "all-blocks.yaml")
    path = project / "content" / "all-blocks.yaml"
    path.write_text(path.read_text("utf-8").replace("languages: [en, zh]", "languages: [en, ar]"),
                    encoding="utf-8")
    out = tmp / "out"
    assert main(["--root", str(project), "--output", str(out), "--lang", "ar",
                 "--no-review"]) == 0
    return out
