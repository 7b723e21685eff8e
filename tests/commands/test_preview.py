"""`unreport preview`: the first pages of each edition as PNG images."""

from helpers.project import FIXTURES, make_project


def test_preview_writes_first_two_pages(tmp_path):
    from unreport.cli import main
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content" / "annual-note.yaml")
    assert main(["preview", "--root", str(project), "--output", str(tmp_path / "out")]) == 0
    pngs = sorted((tmp_path / "out" / "preview").glob("*.png"))
    assert [p.name for p in pngs][:1] == ["annual-note.en-1.png"]
    data = pngs[0].read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert abs(height / width - 297 / 210) < 0.01
