"""`output/manifest.json`: what a build made, for publishing.

For every output of the run's selection (built now or up to date): its path in the output
folder, report, language (and source language for a review document), format, kind (edition
or review), document symbol, job number, SHA-256 of its bytes, and whether it is a draft (a
text shown untranslated or changed). Deterministic like the outputs: the same build gives the
same bytes. A CI job can publish from it and a later job check what it got.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from unreport.translate import FUZZY, UNTRANSLATED

NAME = "manifest.json"


def entries(docs, formats, out_dir: Path, sha256_of) -> list[dict]:
    out = []
    for doc in docs:
        report = doc.report
        review = getattr(doc, "rows", None) is not None
        draft = any(r.status in (FUZZY, UNTRANSLATED) for r in doc.rows) if review \
            else bool(doc.missing)
        for fmt in formats:
            name = f"{doc.name if review else f'{report.id}.{doc.lang}'}.{fmt}"
            item = {"path": name, "report": report.id, "language": doc.lang,
                    "format": fmt, "kind": "review" if review else "edition",
                    "symbol": report.meta.symbol, "job": job_number(report.meta.job),
                    "sha256": sha256_of(out_dir / name), "draft": draft}
            if review:
                item["source_language"] = doc.source
            out.append(item)
    return sorted(out, key=lambda e: e["path"])


def job_number(job) -> str | None:
    """The job number of `meta.job` (text, or a mapping with `number`)."""
    if job is None or isinstance(job, str):
        return job
    return getattr(job, "number", None) or (job.get("number") if isinstance(job, dict) else None)


def dumps(items: list[dict]) -> bytes:
    return (json.dumps({"format": 1, "outputs": items}, indent=1, ensure_ascii=False,
                       sort_keys=True) + "\n").encode("utf-8")


def write(out_dir: Path, data: bytes) -> None:
    """Write the manifest (atomically) when it changed."""
    from unreport.files import write_atomic
    path = Path(out_dir) / NAME
    try:
        if path.read_bytes() == data:
            return
    except OSError:
        pass
    write_atomic(path, data)


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
