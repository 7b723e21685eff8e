#!/usr/bin/env python3
"""Benchmark: unreport against the toolchain floor.

For each size N (paragraphs) it generates, in a temporary folder, a report in the content format
(chapters, sections, numbered paragraphs, lists, footnotes, cross-references, recommendations)
with a complete Chinese catalog, then times, each as a fresh process:

  full     `python build.py --no-review` cold (no cache), en+zh x DOCX+PDF: the same outputs
           as the floor
  no-op    the same command again (everything up to date)
  +review  `python build.py` cold: the default build, which adds the parallel review document
           (DOCX and PDF) of each translation
  floor    the same text as plain Markdown, per language one after the other:
           bare pandoc -> DOCX, bare pandoc -> Typst (standalone), typst compile -> PDF
           (the `typst` Python package in its own process: the project has no typst CLI)

and prints wall times, the ratios full/floor and no-op/full, and peak memory (max RSS).

    python bench/bench.py                      # 1,000 paragraphs
    python bench/bench.py --paragraphs 250 1000 4000
    python bench/bench.py --quick              # 100 paragraphs, one repetition
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

REPORT = "bench"
TYPST_COMPILE = ("import sys, typst\n"
                 "typst.compile(sys.argv[1], output=sys.argv[2], root=sys.argv[3])\n")


def sentence_pairs() -> list[tuple[str, str]]:
    """(English, Chinese) paragraph texts from the worked example's catalog, without inline
    cross-references or footnotes (the generated report adds its own)."""
    from babel.messages.pofile import read_po
    with open(ROOT / "locales" / "zh" / "wg7-2017-l1.po", "rb") as f:
        cat = read_po(f)
    pairs = [(m.id, m.string) for m in cat if m.id and m.string and m.context
             and not m.context.startswith("meta.") and len(m.id) > 80
             and "[[" not in m.id and "^[" not in m.id]
    return sorted(pairs)


def yq(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(project: Path, n: int) -> dict[str, list[tuple[str, str]]]:
    """Write content/bench.yaml and locales/zh/bench.po into `project`; returns, per language,
    the (kind, text) blocks of the plain-Markdown floor document."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po
    pairs = sentence_pairs()
    cat = Catalog(locale="zh", project=REPORT, fuzzy=False)
    lines = ["meta:", "  symbol: A/BENCH/1", "  distribution: general", "  date: 2024-01-15",
             "  original: en", "  languages: [en, zh]", "  job: V.24-00001",
             "  organ: General Assembly", "  body: Working Group on the Smuggling of Migrants",
             "  meeting: {place: Vienna, from: 2024-01-15, to: 2024-01-17}",
             "  title: Draft report", "body:"]
    plain = {"en": [], "zh": []}

    def unit(ident, en, zh):
        cat.add(en, zh, context=ident)

    unit("meta.organ", "General Assembly", "大会")
    unit("meta.body", "Working Group on the Smuggling of Migrants", "偷运移民问题工作组")
    unit("meta.meeting.place", "Vienna", "维也纳")
    unit("meta.title", "Draft report", "报告草稿")
    chapters = max(1, n // 50)
    per_chapter = [n // chapters + (1 if c < n % chapters else 0) for c in range(chapters)]
    p = 0
    for c, count in enumerate(per_chapter, 1):
        cid = f"ch{c}"
        lines += [f"  - chapter: {cid}", f"    title: {yq(f'Chapter topic {c}')}", "    content:"]
        unit(cid, f"Chapter topic {c}", f"第{c}章专题")
        plain["en"].append(("h1", f"Chapter topic {c}"))
        plain["zh"].append(("h1", f"第{c}章专题"))
        for i in range(count):
            if i % 10 == 0:
                sid = f"{cid}.s{i // 10 + 1}"
                lines += [f"      - section: {sid}", f"        title: {yq(f'Section {sid}')}",
                          "        content:"]
                unit(sid, f"Section {sid}", f"{sid}节")
                plain["en"].append(("h2", f"Section {sid}"))
                plain["zh"].append(("h2", f"{sid}节"))
            p += 1
            en, zh = pairs[p % len(pairs)]
            pid = f"p{p}"
            kind = "recommendation" if p % 30 == 0 else "para"
            if p % 15 == 0:
                en, zh = en + f"^[Note {p}.]", zh + f"^[注{p}。]"
            if p % 25 == 0 and p > 1:
                en, zh = en + " See [[p1]].", zh + "见[[p1]]。"
            lines += [f"          - {kind}: {pid}", f"            text: {yq(en)}"]
            unit(pid, en, zh)
            plain["en"].append(("p", en.split("^[")[0]))
            plain["zh"].append(("p", zh.split("^[")[0]))
            if p % 20 == 0 and kind == "para":
                lines.append("            list:")
                lines.append("              items:")
                for k in range(3):
                    item_en, item_zh = f"item {k + 1} of paragraph {p};", f"第{p}段第{k + 1}项；"
                    lines.append(f"                - {{id: {pid}.i{k}, text: {yq(item_en)}}}")
                    unit(f"{pid}.i{k}", item_en, item_zh)
                    plain["en"].append(("li", item_en))
                    plain["zh"].append(("li", item_zh))
    (project / "content").mkdir(parents=True, exist_ok=True)
    (project / "content" / f"{REPORT}.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    with open(project / "locales" / "zh" / f"{REPORT}.po", "wb") as f:
        write_po(f, cat, sort_output=False, omit_header=False)
    return plain


def floor_markdown(blocks: list[tuple[str, str]]) -> str:
    out, para = [], 0
    for kind, text in blocks:
        text = text.replace("[[p1]]", "1")
        if kind == "h1":
            out.append(f"# {text}")
        elif kind == "h2":
            out.append(f"## {text}")
        elif kind == "li":
            out.append(f"- {text}")
        else:
            para += 1
            out.append(f"{para}\\. {text}")
    return "\n\n".join(out) + "\n"


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, int, float]:
    """Run one process; (wall seconds, peak RSS in MB, CPU seconds: user + system, its own
    child processes included)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(map(str, cmd))} failed ({proc.returncode}):\n"
                 f"{err.decode(errors='replace')}{out.decode(errors='replace')[-2000:]}")
    return wall, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def floor(work: Path, plain: dict) -> tuple[float, int, float]:
    """Bare toolchain: per language, pandoc -> DOCX, pandoc -> Typst, typst -> PDF."""
    from unreport.pandoc import pandoc_path
    pandoc = pandoc_path()
    total, peak, cpu = 0.0, 0, 0.0
    for lang in ("en", "zh"):
        md = work / f"floor.{lang}.md"
        md.write_text(floor_markdown(plain[lang]), "utf-8")
        steps = [
            [pandoc, str(md), "-o", str(work / f"floor.{lang}.docx")],
            [pandoc, str(md), "--standalone", "-t", "typst", "-o", str(work / f"floor.{lang}.typ"),
             "-V", f"lang={lang}"],
            [sys.executable, "-c", TYPST_COMPILE, str(work / f"floor.{lang}.typ"),
             str(work / f"floor.{lang}.pdf"), str(work)],
        ]
        for cmd in steps:
            wall, rss, used = run(cmd)
            total += wall
            cpu += used
            peak = max(peak, rss)
    return total, peak, cpu


def bench_size(n: int, reps: int, jobs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="unreport-bench-") as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        shutil.copytree(ROOT / "templates", project / "templates")
        locales = project / "locales"
        for lang in ("en", "zh"):
            shutil.copytree(ROOT / "locales" / lang, locales / lang,
                            ignore=shutil.ignore_patterns("wg7-*.po"))
        plain = generate(project, n)
        build = [sys.executable, str(ROOT / "build.py"), "--root", str(project), "--strict"]
        if jobs:
            build += ["--jobs", str(jobs)]
        best = {}
        for _ in range(reps):
            out = Path(tmp) / "out"
            shutil.rmtree(out, ignore_errors=True)
            full = run(build + ["--no-review", "--output", str(out)])
            noop = run(build + ["--no-review", "--output", str(out)])
            shutil.rmtree(out, ignore_errors=True)
            default = run(build + ["--output", str(out)])
            fl = floor(Path(tmp), plain)
            for name, value in (("full", full), ("noop", noop), ("floor", fl),
                                ("default", default)):
                if name not in best or value[0] < best[name][0]:
                    best[name] = value
        sizes = {p.name: p.stat().st_size for p in sorted((Path(tmp) / "out").iterdir())}
    return {"n": n, **best, "outputs": sizes}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    from importlib import metadata
    from unreport.pandoc import pandoc_path
    pandoc = subprocess.run([pandoc_path(), "--version"], capture_output=True, text=True
                            ).stdout.split("\n")[0]
    return (f"{cpu}, {os.cpu_count()} cores{mem}{load}; {platform.system()} "
            f"{platform.release()}; Python {platform.python_version()}; {pandoc}; "
            f"typst (Python) {metadata.version('typst')}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--paragraphs", type=int, nargs="+", default=[1000], metavar="N",
                    help="report sizes to measure (default: 1000; the README shows 250 1000 4000)")
    ap.add_argument("--reps", type=int, default=1, help="repetitions per size; the best is kept")
    ap.add_argument("--jobs", type=int, default=0, help="passed to build.py --jobs")
    ap.add_argument("--quick", action="store_true", help="100 paragraphs, one repetition")
    args = ap.parse_args()
    sizes = [100] if args.quick else args.paragraphs
    print(f"machine: {machine()}")
    print(f"{'paragraphs':>10} {'full s':>8} {'floor s':>8} {'full/floor':>10} {'no-op s':>8} "
          f"{'no-op/full':>10} {'peak MB':>8} {'floor MB':>8} {'full ms/para':>12} "
          f"{'full cpu s':>10} {'floor cpu s':>11} {'+review s':>9} {'+review MB':>10}")
    for n in sizes:
        r = bench_size(n, 1 if args.quick else args.reps, args.jobs)
        full, fl, noop, default = r["full"], r["floor"], r["noop"], r["default"]
        print(f"{n:>10} {full[0]:>8.2f} {fl[0]:>8.2f} {full[0] / fl[0]:>10.2f} {noop[0]:>8.2f} "
              f"{noop[0] / full[0]:>10.1%} {max(full[1], noop[1]):>8} {fl[1]:>8} "
              f"{1000 * full[0] / n:>12.2f} {full[2]:>10.2f} {fl[2]:>11.2f} "
              f"{default[0]:>9.2f} {default[1]:>10}", flush=True)
    ex = ROOT / "content"
    if ex.is_dir() and any(ex.glob("*.yaml")):
        with tempfile.TemporaryDirectory(prefix="unreport-bench-") as tmp:
            wall, rss, _cpu = run([sys.executable, str(ROOT / "build.py"), "--root", str(ROOT),
                                   "--output", tmp])
            noop, _, _ = run([sys.executable, str(ROOT / "build.py"), "--root", str(ROOT),
                           "--output", tmp])
        print(f"example report ({', '.join(p.stem for p in sorted(ex.glob('*.yaml')))}): "
              f"cold {wall:.2f} s, no-op {noop:.2f} s, peak {rss} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
