"""The DOCX and the PDF of an edition are the same document: the DOCX, printed by LibreOffice,
and the PDF put every compared element (masthead row and rules, distribution block, organ,
title, headings, first paragraphs, footnotes, running heads, footers, barcode) within 1 mm of
each other. Both take their geometry from templates/design.yaml; this test measures that
they really agree (tests/helpers/geometry.py: baselines from the text matrix, rules, the barcode)."""

import shutil

import pytest
from helpers.project import FIXTURES, ROOT, make_project

from helpers import geometry

REPORTS = {
    "wg7-2017-l1": {
        "symbol": "CTOC/COP/WG.7/2017/L.1", "job": "V.17-06379",
        "en": dict(un="United", organ="Conference", title="Draft", chapter=r"I\.",
                   marks={"chapter II": r"II\. Recommendations", "section A": r"A\. ",
                          "recommendation 1": r"Recommendation 1$"}),
        "zh": dict(un="联.*", organ="联合国.*", title="报告草稿", chapter=r"一\.",
                   marks={"chapter II": r"二\. ", "section A": r"A\. ", "recommendation 1":
                          r"建议 ?1$"}),
    },
    "all-blocks": {
        "symbol": "A/AC.998/2025/2", "job": "V.25-01234", "footnote": True,
        "en": dict(un="United", organ="General", title="Report", chapter=r"I\.",
                   marks={"section A": r"A\. Fees", "table 1": r"Table 1", "chapter II":
                          r"II\. Recommendations", "annex I": r"Annex I$"}),
        "zh": dict(un="联.*", organ="大会", title="委员会的报告", chapter=r"一\.",
                   marks={"section A": r"A\. ", "table 1": r"表 ?1", "chapter II": r"二\. ",
                          "annex I": r"附件一"}),
    },
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not geometry.soffice():
        pytest.skip("LibreOffice (soffice) is not installed: the DOCX cannot be printed to "
                    "compare it with the PDF (Debian: apt-get install libreoffice-writer-nogui)")
    from unreport.cli import main
    tmp = tmp_path_factory.mktemp("agreement")
    blocks = FIXTURES / "blocks"
    project = make_project(tmp / "p", [ROOT / "content" / "wg7-2017-l1.yaml",
                                       blocks / "content" / "all-blocks.yaml"], locales={
        "locales/zh/all-blocks.po": (blocks / "locales" / "zh" / "all-blocks.po").read_text(
            encoding="utf-8")})
    shutil.copy(ROOT / "locales" / "zh" / "wg7-2017-l1.po", project / "locales" / "zh")
    out = tmp / "out"
    assert main(["--root", str(project), "--output", str(out), "--strict"]) == 0
    return out, tmp


@pytest.mark.parametrize("report", sorted(REPORTS))
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_docx_and_pdf_agree_within_1mm(built, report, lang):
    out, tmp = built
    spec = REPORTS[report]
    expect = dict(spec[lang], symbol=spec["symbol"], job=spec["job"],
                  footnote=spec.get("footnote", False))
    lo_pdf = geometry.docx_to_pdf(out / f"{report}.{lang}.docx", tmp / f"lo-{report}-{lang}")
    docx = geometry.measure(geometry.open_pages(lo_pdf), expect)
    pdf = geometry.measure(geometry.open_pages(out / f"{report}.{lang}.pdf"), expect)
    bad, table = geometry.compare(docx, pdf, tolerance=1.0)
    print(table)
    # every element was found in both (a missing one is a failure, not a pass)
    wanted = ["United Nations baseline", "symbol right", "thick rule y", "thin rule y",
              "Distr. x", "Original baseline", "organ x", "organ baseline", "organ right",
              "title baseline",
              "chapter number x", "paragraph 1 number x", "paragraph 1 text x",
              "paragraph 2 baseline", "job line baseline", "barcode top", "barcode right",
              "barcode caption baseline", "page 2 running head baseline",
              "page 2 number left", "page 3 running head right", "page 3 job number baseline"]
    wanted += [f"{name} baseline" for name in expect["marks"]]
    if expect["footnote"]:
        wanted += ["footnote rule y", "footnote 1 number x", "footnote 2 baseline"]
    assert not [w for w in wanted if w not in docx or w not in pdf], table
    assert not bad, f"{report}.{lang}: DOCX (LibreOffice) and PDF differ by more than " \
                    f"1 mm:\n{table}"


def test_the_comparison_reports_a_difference_over_1mm_and_a_missing_element():
    bad, table = geometry.compare({"thick rule y": 26.35, "title baseline": 76.3,
                                   "job line x": 20.0},
                                  {"thick rule y": 27.40, "title baseline": 76.9})
    assert bad == ["job line x", "thick rule y"]
    assert "thick rule y" in table and "27.40" in table and "missing" in table


def test_an_organisations_emblem_stands_in_the_same_place(tmp_path):
    """templates/emblem.png (the UN emblem is not shipped): the same box in both formats,
    standing on the thick rule's row, never clipped by a line height."""
    if not geometry.soffice():
        pytest.skip("LibreOffice (soffice) is not installed")
    from PIL import Image, ImageDraw

    from unreport.cli import main
    project = make_project(tmp_path / "p", ROOT / "content" / "wg7-2017-l1.yaml")
    img = Image.new("RGB", (300, 240), "white")
    ImageDraw.Draw(img).ellipse([60, 30, 240, 210], fill=(30, 90, 200))
    img.save(project / "templates" / "emblem.png")
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "--lang", "en",
                 "--no-review"]) == 0
    spec = REPORTS["wg7-2017-l1"]
    expect = dict(spec["en"], symbol=spec["symbol"], job=spec["job"], footnote=False)
    lo_pdf = geometry.docx_to_pdf(out / "wg7-2017-l1.en.docx", tmp_path / "lo")
    docx = geometry.measure(geometry.open_pages(lo_pdf), expect)
    pdf = geometry.measure(geometry.open_pages(out / "wg7-2017-l1.en.pdf"), expect)
    bad, table = geometry.compare(docx, pdf)
    print(table)
    from unreport.formats.design import design_for
    from unreport.project.paths import Project
    height = design_for(Project(project))["masthead"]["emblem"]["height"]
    for fmt in (docx, pdf):
        assert abs(fmt["emblem bottom"] - fmt["emblem top"] - height) < 0.1, table
    assert not bad, table
