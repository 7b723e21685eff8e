"""Typst reads nothing outside its root (the project's templates/ folder)."""

import pytest
from helpers.project import make_project

from unreport.project.options import Options
from unreport.build.pipeline import gather
from unreport.diagnostics import EnvironmentProblem
from unreport.project.paths import Project
from unreport.formats.pdf.writer import PdfWriter


def test_typst_cannot_read_outside_its_root(tmp_path, capsys):
    project = Project(make_project(tmp_path / "p", "base"))
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
