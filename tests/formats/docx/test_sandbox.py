"""pandoc runs sandboxed: Markdown that names a local file cannot pull it into the DOCX."""

import zipfile

from unreport.formats.docx.pandoc import run_pandoc


def test_pandoc_runs_sandboxed(tmp_path):
    """Even Markdown that names a local file (which content never produces) cannot pull it in."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    docx = run_pandoc(f"![x]({secret})\n", "docx", [], 0)
    out = tmp_path / "out.docx"
    out.write_bytes(docx)
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]
