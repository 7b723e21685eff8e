"""output/manifest.json: every output with its SHA-256, deterministic, put back by a no-op build."""

from __future__ import annotations

import hashlib
import json

from helpers.project import make_project

from unreport.cli import main


def test_manifest_lists_every_output_with_its_sha256_and_is_deterministic(tmp_path):
    project = make_project(tmp_path / "p", "base")
    po = project / "locales/zh/note.po"
    po.write_text(po.read_text().replace('msgstr "导言"', 'msgstr ""'))  # a draft
    out_a, out_b = tmp_path / "a", tmp_path / "b"
    assert main(["--root", str(project), "--output", str(out_a)]) == 0
    assert main(["--root", str(project), "--output", str(out_b), "--jobs", "1"]) == 0
    data = (out_a / "manifest.json").read_bytes()
    assert data == (out_b / "manifest.json").read_bytes()
    items = json.loads(data)["outputs"]
    documents = sorted(p.name for p in out_a.iterdir() if p.suffix in (".docx", ".pdf"))
    assert [i["path"] for i in items] == documents
    for item in items:
        assert item["sha256"] == hashlib.sha256((out_a / item["path"]).read_bytes()).hexdigest()
        assert item["report"] == "note" and item["format"] == item["path"].rsplit(".", 1)[1]
    by_path = {i["path"]: i for i in items}
    assert by_path["note.en.pdf"]["draft"] is False
    assert by_path["note.zh.pdf"]["draft"] is True and by_path["note.zh.pdf"]["language"] == "zh"
    review = by_path["note.en-zh.docx"]
    assert review["kind"] == "review" and review["source_language"] == "en" and review["draft"]
    # a no-op rebuild after another selection's build puts this selection's manifest back
    assert main(["--root", str(project), "--output", str(out_a), "--lang", "en"]) == 0
    assert (out_a / "manifest.json").read_bytes() != data
    assert main(["--root", str(project), "--output", str(out_a)]) == 0
    assert (out_a / "manifest.json").read_bytes() == data
