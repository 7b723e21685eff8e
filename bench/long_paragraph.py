"""Time a full build (DOCX, PDF and the review documents, English and Chinese) of a report
whose one paragraph is N bytes long, for several N: the time should grow in proportion.

    .venv/bin/python bench/long_paragraph.py --kb 250 500 1000 2000

Each size builds in a fresh throwaway project (tests/bad/_base with the paragraph put in),
cold (no cache), and prints the wall time of `build.py` and of each stage it reports."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = ("The Working Group noted that 100% of the States parties that replied (\"the "
            "respondents\") had adopted measures under article 6, paragraph 2, of the "
            "Protocol; ")


def project(tmp: Path, size: int) -> Path:
    shutil.copytree(ROOT / "templates", tmp / "templates")
    shutil.copytree(ROOT / "locales", tmp / "locales")
    shutil.copytree(ROOT / "tests" / "bad" / "_base", tmp, dirs_exist_ok=True)
    text = (SENTENCE * (size // len(SENTENCE) + 1))[:size].rstrip() + "."
    note = tmp / "content" / "note.yaml"
    note.write_text(note.read_text(encoding="utf-8").replace(
        "text: This note gives the *Committee* what it asked for.^[See [[intro.items]].]",
        "text: " + json.dumps(text)), encoding="utf-8")
    return tmp


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", type=int, nargs="+", default=[250, 500, 1000, 2000],
                    help="paragraph sizes in KB (1,000 bytes)")
    args = ap.parse_args()
    print(f"{'KB':>6} {'seconds':>8} {'s/MB':>6}")
    for kb in args.kb:
        with tempfile.TemporaryDirectory() as tmp:
            p = project(Path(tmp), kb * 1000)
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(p),
                                   "--no-cache"], capture_output=True, text=True)
            took = time.perf_counter() - start
            if proc.returncode:
                print(proc.stderr, file=sys.stderr)
                return 1
            print(f"{kb:>6} {took:>8.1f} {took / (kb / 1000):>6.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
