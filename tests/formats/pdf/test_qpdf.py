"""Every PDF of the worked example (the six editions and the five review documents) passes
qpdf's structural check: cross-reference table, object streams, page tree, fonts' streams.
qpdf is a reader independent of pypdf and of Typst, which wrote the files."""

import shutil
import subprocess

import pytest

QPDF = shutil.which("qpdf")


@pytest.mark.skipif(QPDF is None, reason="qpdf is not installed (./setup.sh installs it)")
def test_every_pdf_of_the_example_passes_qpdf_check(example_outputs):
    pdfs = sorted(example_outputs.glob("*.pdf"))
    assert len(pdfs) == 11  # six editions and five review documents
    for pdf in pdfs:
        done = subprocess.run([QPDF, "--check", str(pdf)], capture_output=True, text=True)
        # exit 0: no errors or warnings; 3: warnings only (qpdf's own convention)
        assert done.returncode == 0, f"{pdf.name}: qpdf --check:\n{done.stdout}{done.stderr}"
        assert "No syntax or stream encoding errors found" in done.stdout, done.stdout


def test_qpdf_check_finds_a_damaged_pdf(example_outputs, tmp_path):
    if QPDF is None:
        pytest.skip("qpdf is not installed")
    data = (example_outputs / "wg7-2017-l1.en.pdf").read_bytes()
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(data[: len(data) // 2])
    done = subprocess.run([QPDF, "--check", str(bad)], capture_output=True, text=True)
    assert done.returncode != 0
