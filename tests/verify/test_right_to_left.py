"""`--verify` reads right-to-left text: the logical order of an extracted line, and a wrong Arabic
number or word is reported."""

from helpers.project import ROOT

from unreport.diagnostics import Collector
from unreport.project.paths import Project

REPORT = "wg7-2017-l1"
PROJECT = Project(ROOT)


def test_verify_catches_a_wrong_arabic_number(example_outputs):
    """The right-to-left reading of --verify is not vacuous: a paragraph number or a word
    that the PDF does not print is reported."""
    from dataclasses import replace

    from unreport.formats.pdf import readback
    from unreport.verify import check_text

    def verify_pdf(path, display, seq, diag):
        check_text(readback.edition(path), display, seq, diag)
    expected = _arabic_expected()
    seq = [e for e in expected if e.kind != "meta"]
    ok = Collector()
    verify_pdf(example_outputs / f"{REPORT}.ar.pdf", "ar.pdf", seq, ok)
    assert not ok.errors
    i = next(k for k, e in enumerate(seq) if e.id == "org.opening.meetings")
    for bad in (replace(seq[i], number="66 -"),
                replace(seq[i], text=seq[i].text.replace("الرابع", "الخامس"),
                        head=seq[i].head.replace("الرابع", "الخامس"))):
        diag = Collector()
        verify_pdf(example_outputs / f"{REPORT}.ar.pdf", "ar.pdf",
                   seq[:i] + [bad] + seq[i + 1:], diag)
        assert any("org.opening.meetings" in str(d) for d in diag.errors)


def _arabic_expected():
    """What the Arabic edition prints, unit by unit, as the build computes it."""
    from unreport.build.pipeline import gather
    from unreport.project.options import Options
    plan = gather(PROJECT, Options(report_glob=REPORT, langs=("ar",), review=False,
                                   verify=True))
    return plan.printed[(REPORT, "ar")]


def test_logical_order_of_an_extracted_line():
    from unreport.formats.pdf.readback import logical_order
    # pypdf gives the words of a right-to-left run from left to right as printed
    assert logical_order("للقرار وفقا5/3 الذي اعتمده") == "وفقا للقرار5/3 اعتمده الذي"
    assert logical_order("Latin text only, 5/3") == "Latin text only, 5/3"
