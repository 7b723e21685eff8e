"""A third language from data alone (tests/fixtures/french): no code names a language."""

from helpers.project import make_project
from helpers.readback import docx_paragraphs, pdf_text


def test_third_language_needs_no_code(tmp_path):
    """French from data alone: its style (dates, list rule, edition name), labels and terms."""
    from unreport.cli import main
    project = make_project(tmp_path / "p", "french")
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "--strict"]) == 0
    texts = [t for _s, t in docx_paragraphs(out / "fr-demo.fr.docx")]
    assert "Vienne, 11–13 mars 2024" in texts
    assert "2.\tLes États suivants étaient présents : France, Allemagne et Japon." in texts
    assert "Recommandation 1" in texts and "I.\tIntroduction" in texts
    # the shipped French style (its masthead block in French) under the fixture's keys
    assert "Français" in texts and "4 mars 2024" in texts and "Original : anglais" in texts
    pdf = pdf_text(out / "fr-demo.fr.pdf")
    assert "V.24-01234 (F)" in pdf and "Nations Unies" in pdf and "Recommandation 1" in pdf
