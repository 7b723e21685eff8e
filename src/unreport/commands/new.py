"""`unreport new [DIR]`: a project that builds at once.

Copies the skeleton that ships with the tool (`data/skeleton/`: unreport.toml, a commented
sample report with its Chinese catalog, .gitignore, a CI workflow, a short README) and the
content schema for editor completion into DIR. It never overwrites a file: when any of them
exists, it says which and writes nothing.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from unreport.diagnostics import EnvironmentProblem, printable
from unreport.project.paths import DATA

SKELETON = DATA / "skeleton"


def planned(target: Path) -> list[tuple[Path, Path]]:
    """(source, destination) of every file `new` writes."""
    files = [(p, target / p.relative_to(SKELETON)) for p in sorted(SKELETON.rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts]
    files.append((DATA / "schema" / "content.schema.json",
                  target / "schema" / "content.schema.json"))
    return files


def run(_project, args) -> int:
    """The folder is DIR, or --root's (it was ignored: `new --root DIR` wrote into the current
    folder)."""
    folders = list(args.args)
    if getattr(args, "root", None) is not None and len(folders) < 2:
        if folders:
            print("error: name the new project's folder once: 'unreport new DIR' or "
                  "'unreport new --root DIR'", file=sys.stderr)
            return 2
        folders = [str(args.root)]
    return run_new(folders)


def run_new(args: list[str]) -> int:
    if len(args) > 1:
        print("error: use 'unreport new [DIR]' (one folder)", file=sys.stderr)
        return 2
    if args and (not args[0].strip() or printable(args[0]) != args[0]):
        print(printable(f"error: '{args[0]}' is no folder name (empty, or with control "
                        "characters); name the new project's folder"), file=sys.stderr)
        return 2
    target = Path(args[0] if args else ".").resolve()
    if target.exists() and not target.is_dir():
        raise EnvironmentProblem(f"{target}: error: not a folder; name a new or empty folder")
    files = planned(target)
    existing = [dst for _src, dst in files if dst.exists()]
    if existing:
        shown = ", ".join(str(p.relative_to(target)) for p in existing)
        raise EnvironmentProblem(f"{target}: error: would overwrite {shown}; "
                                 "'unreport new' writes only files that are not there yet: "
                                 "name a new or empty folder (nothing was written)")
    for src, dst in files:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        print(f"wrote {dst.relative_to(target)}")
    print(printable(f"\na new project in {target}: run 'unreport' there to build it into "
                    "output/"))
    return 0
