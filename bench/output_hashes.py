"""SHA-256 of every output the tool makes from the worked example and every test fixture.

For a change that must not change what the tool prints (a refactoring, a move of modules, a
faster stage), save the hashes before and compare after:

    .venv/bin/python bench/output_hashes.py --save /tmp/before.sha256     # on the old tree
    .venv/bin/python bench/output_hashes.py --compare /tmp/before.sha256  # on the new tree

Each project is built with this tree's `build.py` in a fresh process, into a temporary folder:
the example (the repository itself, its six languages, editions and review documents) and each
folder of tests/fixtures/ that has content (its content and locales on the tool's shipped page
design and language data). Every file of the output folder is hashed except the build cache
(`.unreport-cache.json`: it holds the code's own fingerprint, which any change of code moves).
Exit 0 when every hash matches, 1 naming each output that differs, appeared or disappeared.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SKIP = {".unreport-cache.json"}


def projects(tmp: Path) -> dict[str, Path]:
    """Name -> project root: the example, and a copy of each fixture with content."""
    found = {"example": ROOT}
    for fixture in sorted(p for p in FIXTURES.iterdir() if (p / "content").is_dir()):
        dest = tmp / "projects" / fixture.name
        shutil.copytree(fixture, dest)
        found[fixture.name] = dest
    return found


def build(root: Path, out: Path) -> None:
    cmd = [sys.executable, str(ROOT / "build.py"), "--root", str(root), "--output", str(out)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode not in (0, 1):  # 1: a draft with warnings still writes its outputs
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr}")


def hashes() -> dict[str, str]:
    result: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name, root in projects(tmp).items():
            out = tmp / "out" / name
            build(root, out)
            for path in sorted(out.rglob("*")):
                if path.is_file() and path.name not in SKIP:
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                    result[f"{name}/{path.relative_to(out).as_posix()}"] = digest
    return result


def read(path: Path) -> dict[str, str]:
    pairs = (line.split(None, 1) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {name.strip(): digest for digest, name in pairs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", type=Path, help="write the hashes to this file")
    ap.add_argument("--compare", type=Path, help="compare with hashes saved earlier")
    args = ap.parse_args(argv)
    now = hashes()
    text = "".join(f"{digest}  {name}\n" for name, digest in now.items())
    if args.save:
        args.save.write_text(text, encoding="utf-8")
    if not args.compare:
        if not args.save:
            sys.stdout.write(text)
        print(f"{len(now)} outputs hashed", file=sys.stderr)
        return 0
    before = read(args.compare)
    problems = [f"differs: {n}" for n in sorted(now.keys() & before.keys()) if now[n] != before[n]]
    problems += [f"new: {n}" for n in sorted(now.keys() - before.keys())]
    problems += [f"missing: {n}" for n in sorted(before.keys() - now.keys())]
    for p in problems:
        print(p)
    print(f"{len(now)} outputs, {len(before)} before: "
          + ("all byte-identical" if not problems else f"{len(problems)} differ"), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
