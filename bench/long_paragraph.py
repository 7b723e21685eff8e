#!/usr/bin/env python3
"""One long paragraph: the default build's time should grow in proportion to its size.

For each size N (KB, 1,000 bytes of UTF-8) it generates, in a temporary folder, the report of
`bench.py` at 10 paragraphs (en + zh, a complete Chinese catalog) whose third paragraph is N
bytes long: realistic sentences of the worked example (with `%` and quotes), one after the
other, no footnotes; its Chinese translation is the same sentences in Chinese, about as many
bytes. It then runs the default build cold, `build.py --strict` (both editions' DOCX and PDF
and the review DOCX and PDF), as a fresh process, and prints its wall seconds, the seconds of
each output (from its job's start to its end, threads and typst workers running side by
side), seconds per MB and the peak resident memory (the build or any one of its children).

    .venv/bin/python bench/long_paragraph.py                    # 100, 400, 800, 2000 KB
    .venv/bin/python bench/long_paragraph.py --kb 200 --verify  # and --verify

Nothing is asserted: it prints.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))

LONG = "p3"  # a plain paragraph of bench.generate's report
EXTRA = {"en": ("The Working Group noted that 100% of the States parties that replied (\"the "
                "respondents\") had adopted measures under article 6, paragraph 2, of the "
                "Protocol, and that 'irregular' migration had fallen by 12.5% since 2015."),
         "zh": ("工作组注意到，作出答复的缔约国（\u201c答复国\u201d）100%已根据《议定书》第6条第2款"
                "采取措施，\u2018非正常\u2019移民自2015年以来减少了12.5%。")}

# run build.py's main with each output job timed (written to the file named by argv[1] as it
# ends; build.py leaves with os._exit, so nothing is kept for the end)
DRIVER = r"""
import json, os, sys, time
sys.path.insert(0, os.path.join(sys.argv[2], "src"))
import unreport.build.pipeline as pipeline
log = open(sys.argv[1], "a", encoding="utf-8")
T0 = time.perf_counter()
run = pipeline.Outputs._run
def timed(self, writer, doc, path):
    start = time.perf_counter()
    data = run(self, writer, doc, path)
    log.write(json.dumps([path.name, start - T0, time.perf_counter() - T0]) + "\n")
    log.flush()
    return data
pipeline.Outputs._run = timed
sys.argv = ["build.py"] + sys.argv[3:]
from unreport.cli import main
sys.exit(main())
"""


def long_texts(size: int) -> dict[str, str]:
    """The English paragraph of `size` bytes and its Chinese translation (the same sentences)."""
    from bench import sentence_rows
    rows = [EXTRA] + [r for r in sentence_rows(("en", "zh")) if len(r["en"]) > 200][:12]
    en, zh, n, i = [], [], 0, 0
    while n < size:
        row = rows[i % len(rows)]
        en.append(row["en"])
        zh.append(row["zh"])
        n += len(row["en"].encode("utf-8")) + 1
        i += 1
    return {"en": " ".join(en), "zh": "".join(zh)}


def generate(project: Path, size: int) -> dict[str, int]:
    """bench.py's report at 10 paragraphs with paragraph LONG `size` bytes long."""
    from babel.messages.pofile import read_po, write_po
    from bench import generate as bench_generate, yq
    bench_generate(project, 10)
    content = project / "content" / "bench.yaml"
    lines = content.read_text("utf-8").split("\n")
    at = lines.index(f"          - para: {LONG}") + 1
    assert lines[at].startswith("            text: ")
    texts = long_texts(size)
    lines[at] = "            text: " + yq(texts["en"])
    content.write_text("\n".join(lines), "utf-8")
    po = project / "locales" / "zh" / "bench.po"
    with open(po, "rb") as f:
        cat = read_po(f)
    old = next(m for m in cat if m.context == LONG)
    cat.delete(old.id, context=LONG)
    cat.add(texts["en"], texts["zh"], context=LONG)
    with open(po, "wb") as f:
        write_po(f, cat, sort_output=False, omit_header=False, width=0)
    return {lang: len(t.encode("utf-8")) for lang, t in texts.items()}


def build(project: Path, out: Path, extra: list[str]) -> dict:
    log = out.parent / "jobs.log"
    cmd = [sys.executable, "-c", DRIVER, str(log), str(ROOT), "--root", str(project),
           "--output", str(out), "--strict", *extra]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code:
        sys.exit(f"long_paragraph: build failed ({code}):\n{err[-3000:]}")
    jobs = {}
    for line in log.read_text("utf-8").splitlines():
        name, start_s, end_s = json.loads(line)
        jobs[name] = (start_s, end_s)
    return {"wall": wall, "peak": usage.ru_maxrss // 1024,
            "cpu": usage.ru_utime + usage.ru_stime, "jobs": jobs}


def kind(name: str) -> str:
    """'en.docx', 'zh.pdf', 'review.docx'... from bench.en.docx, bench.en-zh.pdf."""
    lang, fmt = name.split(".")[-2:]
    return f"{'review' if '-' in lang else lang}.{fmt}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kb", type=int, nargs="+", default=[100, 400, 800, 2000], metavar="N",
                    help="paragraph sizes in KB of 1,000 bytes (default: 100 400 800 2000)")
    ap.add_argument("--verify", action="store_true", help="build with --verify too")
    args = ap.parse_args()
    from bench import machine
    print(f"machine: {machine()}")
    cols = ["en.docx", "zh.docx", "review.docx", "en.pdf", "zh.pdf", "review.pdf"]
    print(f"{'KB':>6} {'zh KB':>6} {'build s':>8} {'s/MB':>6} {'peak MB':>8} {'cpu s':>7} "
          + " ".join(f"{c:>11}" for c in cols) + f" {'first job':>9}")
    for kb in args.kb:
        with tempfile.TemporaryDirectory(prefix="unreport-long-") as tmp:
            project = Path(tmp) / "project"
            project.mkdir()
            sizes = generate(project, kb * 1000)
            r = build(project, Path(tmp) / "out", ["--verify"] if args.verify else [])
        per = {kind(name): end - start for name, (start, end) in r["jobs"].items()}
        first = min(start for start, _end in r["jobs"].values())
        print(f"{sizes['en'] // 1000:>6} {sizes['zh'] // 1000:>6} {r['wall']:>8.1f} "
              f"{r['wall'] / (sizes['en'] / 1e6):>6.1f} {r['peak']:>8} {r['cpu']:>7.1f} "
              + " ".join(f"{per.get(c, float('nan')):>11.1f}" for c in cols)
              + f" {first:>9.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
