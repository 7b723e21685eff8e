#!/usr/bin/env python3
"""Benchmark: unreport against the toolchain floor.

For each size N (paragraphs) it generates, in a temporary folder, a report in the content format
(chapters, sections, numbered paragraphs, lists, footnotes, cross-references, recommendations)
with a complete Chinese catalog, then times, each as a fresh process:

  full     `python build.py --no-review` cold (no cache), en+zh (or --languages) x DOCX+PDF: the same outputs
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
    python bench/bench.py --languages ar zh en fr ru es   # the six UN languages

With --languages the report is built in those languages (English is the source), each with a
complete catalog made from the worked example's translations.
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


def sentence_rows(langs) -> list[dict[str, str]]:
    """Paragraph texts of the worked example in each language ({lang: text}, by ID), without
    inline cross-references or footnotes (the generated report adds its own)."""
    from babel.messages.pofile import read_po
    by_lang = {}
    for lang in langs:
        if lang == "en":
            continue
        with open(ROOT / "locales" / lang / "wg7-2017-l1.po", "rb") as f:
            by_lang[lang] = {m.context: m for m in read_po(f) if m.id and m.context}
    first = next(iter(by_lang.values()))
    rows = []
    for ctx, m in sorted(first.items(), key=lambda kv: kv[1].id):
        if ctx.startswith("meta.") or len(m.id) <= 80 or "[[" in m.id or "^[" in m.id:
            continue
        if all(by_lang[lang].get(ctx) is not None and by_lang[lang][ctx].string
               for lang in by_lang):
            rows.append({"en": m.id, **{lang: by_lang[lang][ctx].string for lang in by_lang}})
    return rows


# headings, list items and footnotes of the generated report, per language
WORDS = {
    "en": ("Chapter topic {}", "Section {}", "item {k} of paragraph {p};", "Note {}.", " See [[p1]]."),
    "zh": ("第{}章专题", "{}节", "第{p}段第{k}项；", "注{}。", "见[[p1]]。"),
    "fr": ("Thème du chapitre {}", "Section {}", "point {k} du paragraphe {p} ;", "Note {}.",
           " Voir [[p1]]."),
    "es": ("Tema del capítulo {}", "Sección {}", "tema {k} del párrafo {p};", "Nota {}.",
           " Véase [[p1]]."),
    "ru": ("Тема главы {}", "Раздел {}", "пункт {k} абзаца {p};", "Примечание {}.",
           " См. [[p1]]."),
    "ar": ("موضوع الفصل {}", "الفرع {}", "البند {k} من الفقرة {p}؛", "حاشية {}.",
           " انظر [[p1]]."),
}
META = {"zh": ("大会", "偷运移民问题工作组", "维也纳", "报告草稿")}


def yq(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(project: Path, n: int, langs=("en", "zh")) -> dict[str, list[tuple[str, str]]]:
    """Write content/bench.yaml and locales/<lang>/bench.po into `project`; returns, per
    language, the (kind, text) blocks of the plain-Markdown floor document."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po
    rows = sentence_rows(langs)
    targets = [lang for lang in langs if lang != "en"]
    cats = {lang: Catalog(locale=lang, project=REPORT, fuzzy=False) for lang in targets}
    lines = ["meta:", "  symbol: A/BENCH/1", "  distribution: general", "  date: 2024-01-15",
             "  original: en", f"  languages: [{', '.join(langs)}]", "  job: V.24-00001",
             "  organ: General Assembly", "  body: Working Group on the Smuggling of Migrants",
             "  meeting: {place: Vienna, from: 2024-01-15, to: 2024-01-17}",
             "  title: Draft report", "body:"]
    plain = {lang: [] for lang in langs}

    def unit(ident, texts: dict):
        for lang in targets:
            cats[lang].add(texts["en"], texts[lang], context=ident)

    def words(i: int, **fmt) -> dict:
        return {lang: WORDS[lang][i].format(*fmt.get("args", ()), **fmt.get("kw", {}))
                for lang in langs}

    example = {lang: {} for lang in targets}
    for lang in targets:
        from babel.messages.pofile import read_po
        with open(ROOT / "locales" / lang / "wg7-2017-l1.po", "rb") as f:
            example[lang] = {m.context: m.string for m in read_po(f) if m.context}
    for ident, en in (("meta.organ", "General Assembly"),
                      ("meta.body", "Working Group on the Smuggling of Migrants"),
                      ("meta.meeting.place", "Vienna"), ("meta.title", "Draft report")):
        texts = {"en": en, **{lang: example[lang][ident] for lang in targets}}
        if ident == "meta.organ":  # the example's organ is another body: keep "General Assembly"
            texts.update({lang: {"zh": "大会", "fr": "Assemblée générale",
                                 "es": "Asamblea General", "ru": "Генеральная Ассамблея",
                                 "ar": "الجمعية العامة"}[lang] for lang in targets})
        unit(ident, texts)
    chapters = max(1, n // 50)
    per_chapter = [n // chapters + (1 if c < n % chapters else 0) for c in range(chapters)]
    p = 0
    for c, count in enumerate(per_chapter, 1):
        cid = f"ch{c}"
        lines += [f"  - chapter: {cid}", f"    title: {yq(f'Chapter topic {c}')}", "    content:"]
        texts = words(0, args=(c,))
        unit(cid, texts)
        for lang in langs:
            plain[lang].append(("h1", texts[lang]))
        for i in range(count):
            if i % 10 == 0:
                sid = f"{cid}.s{i // 10 + 1}"
                lines += [f"      - section: {sid}", f"        title: {yq(f'Section {sid}')}",
                          "        content:"]
                texts = words(1, args=(sid,))
                unit(sid, texts)
                for lang in langs:
                    plain[lang].append(("h2", texts[lang]))
            p += 1
            texts = dict(rows[p % len(rows)])
            pid = f"p{p}"
            kind = "recommendation" if p % 30 == 0 else "para"
            if p % 15 == 0:
                texts = {lang: v + "^[" + WORDS[lang][3].format(p) + "]"
                         for lang, v in texts.items()}
            if p % 25 == 0 and p > 1:
                texts = {lang: v + WORDS[lang][4] for lang, v in texts.items()}
            lines += [f"          - {kind}: {pid}", f"            text: {yq(texts['en'])}"]
            unit(pid, texts)
            for lang in langs:
                plain[lang].append(("p", texts[lang].split("^[")[0]))
            if p % 20 == 0 and kind == "para":
                lines.append("            list:")
                lines.append("              items:")
                for k in range(3):
                    texts = words(2, kw={"k": k + 1, "p": p})
                    lines.append(f"                - {{id: {pid}.i{k}, text: {yq(texts['en'])}}}")
                    unit(f"{pid}.i{k}", texts)
                    for lang in langs:
                        plain[lang].append(("li", texts[lang]))
    (project / "content").mkdir(parents=True, exist_ok=True)
    (project / "content" / f"{REPORT}.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    for lang, cat in cats.items():
        (project / "locales" / lang).mkdir(parents=True, exist_ok=True)
        with open(project / "locales" / lang / f"{REPORT}.po", "wb") as f:
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
    from unreport.formats.docx.pandoc import pandoc_path
    pandoc = pandoc_path()
    total, peak, cpu = 0.0, 0, 0.0
    for lang in plain:
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


def bench_size(n: int, reps: int, jobs: int, langs=("en", "zh")) -> dict:
    with tempfile.TemporaryDirectory(prefix="unreport-bench-") as tmp:
        project = Path(tmp) / "project"
        project.mkdir()
        # a project of its own: the page design and language data come with the tool
        plain = generate(project, n, langs)
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
    from unreport.formats.docx.pandoc import pandoc_path
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
    ap.add_argument("--languages", nargs="+", default=["en", "zh"], metavar="LANG",
                    help="editions to build (default: en zh; English is the source)")
    args = ap.parse_args()
    langs = tuple(dict.fromkeys(["en", *args.languages]))
    sizes = [100] if args.quick else args.paragraphs
    print(f"machine: {machine()}")
    print(f"{'paragraphs':>10} {'full s':>8} {'floor s':>8} {'full/floor':>10} {'no-op s':>8} "
          f"{'no-op/full':>10} {'peak MB':>8} {'floor MB':>8} {'full ms/para':>12} "
          f"{'full cpu s':>10} {'floor cpu s':>11} {'+review s':>9} {'+review MB':>10}")
    for n in sizes:
        r = bench_size(n, 1 if args.quick else args.reps, args.jobs, langs)
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
