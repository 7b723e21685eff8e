"""Content-hash build cache: an output is rebuilt only when something it is made from changed.

Generic at the job level: a job's key is a hash of every input the job reads (files by content,
derived data such as the rendered Markdown, the fonts found, the tool versions and the code
version). `output/.unreport-cache.json` maps each output's name to the key it was built from and
the SHA-256 of the bytes written, so an output that was deleted or edited by hand is rebuilt too.

    cache = Cache.load(out_dir)
    key = cache.key(parts=[...], files=[...], fonts=True)
    if not cache.fresh(path, key): data = build(); write_atomic(path, data); cache.record(...)
    cache.save()
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Iterable

from unreport.files import write_atomic

from unreport import formats
from unreport.formats.fonts import fonts_version

CACHE_NAME = ".unreport-cache.json"
FORMAT = 1
# the libraries whose versions change what an output looks like
TOOLS = ("jinja2", "babel", "pyyaml")  # and each format's (formats.tools())
def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes ('missing' when it does not exist: its appearance is a change)."""
    import stat
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # never open a named pipe: it blocks
            return "not a file"
        return _sha(Path(path).read_bytes())
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return "missing"


def source_hash(pkg: Path) -> str:
    """Every module of the package at `pkg` (and its pandoc filters), subpackages included, by
    path and bytes: a module moved or changed in any folder changes it (a stale output is never
    served after a move)."""
    h = hashlib.sha256()
    for path in sorted(p for p in pkg.rglob("*") if p.suffix in (".py", ".lua")):
        h.update(path.relative_to(pkg).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The package's own source and the versions of the tools it drives (pandoc's is
    pypandoc-binary's)."""
    h = hashlib.sha256(source_hash(Path(__file__).resolve().parents[1]).encode())
    h.update(sys.version.encode())
    versions = installed_versions()
    for dist in TOOLS + formats.tools():
        h.update(f"{dist}={versions.get(_dist_key(dist), 'none')}\0".encode())
    return h.hexdigest()


def _dist_key(name: str) -> str:
    return name.lower().replace("-", "_").replace(".", "_")


def installed_versions() -> dict[str, str]:
    """Installed distributions and their versions, from the names of the `*.dist-info`
    folders on sys.path (what importlib.metadata reads, without its import time: a no-op build
    must start quickly); the first found wins, as for imports."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                dist, version = name[: -len(".dist-info")].rsplit("-", 1)
                found.setdefault(_dist_key(dist), version)
    return found


def tree_files(root: Path) -> list[Path]:
    """Every file under `root`, in a stable order."""
    root = Path(root)
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file())


def reset() -> None:
    """Forget what was learnt about code and fonts (watch mode: each rebuild looks again)."""
    code_version.cache_clear()
    fonts_version.cache_clear()


class Cache:
    def __init__(self, path: Path, entries: dict | None = None, enabled: bool = True,
                 runs: dict | None = None):
        self.path = Path(path)
        self.entries: dict[str, dict] = dict(entries or {})
        self.runs: dict[str, dict] = dict(runs or {})
        self.loaded = (dict(self.entries), dict(self.runs))
        self.enabled = enabled  # False (--no-cache): nothing counts as fresh; still recorded
        self._digests: dict[Path, str] = {}

    @classmethod
    def load(cls, out_dir: Path, enabled: bool = True) -> "Cache":
        path = Path(out_dir) / CACHE_NAME
        # read even with --no-cache, so that the entries of the other outputs are kept
        entries, runs = _read(path, warn=True)
        return cls(path, entries, enabled, runs)

    def _file(self, path: Path) -> str:
        path = Path(path)
        if path not in self._digests:
            self._digests[path] = file_digest(path)
        return self._digests[path]

    def key(self, parts: Iterable[str | bytes] = (), files: Iterable[Path] = (),
            fonts: bool = False) -> str:
        """The hash of everything a job reads. `parts`: derived data (Markdown, settings);
        `files`: input files, by content; `fonts`: whether the job's output depends on the
        fonts installed (PDF)."""
        h = hashlib.sha256()
        h.update(f"unreport-cache-{FORMAT}\0{code_version()}\0".encode())
        if fonts:
            h.update(f"fonts={fonts_version()}\0".encode())
        for part in parts:
            h.update(part if isinstance(part, bytes) else str(part).encode("utf-8"))
            h.update(b"\0\1")
        for f in files:
            h.update(f"{Path(f).as_posix()}={self._file(f)}\0".encode())
        return h.hexdigest()

    def fresh(self, output: Path, key: str) -> bool:
        """True when `output` was built from exactly these inputs and is still as written."""
        if not self.enabled:
            return False
        entry = self.entries.get(Path(output).name)
        if not entry or entry.get("key") != key:
            return False
        return self.intact(output)

    def intact(self, output: Path) -> bool:
        """True when `output` still holds the bytes this cache recorded for it."""
        entry = self.entries.get(Path(output).name)
        return bool(entry) and file_digest(output) == entry.get("sha256")

    def record(self, output: Path, key: str, data: bytes) -> None:
        self.entries[Path(output).name] = {"key": key, "sha256": _sha(data)}

    def save(self) -> None:
        """Write the cache (atomically, deterministically); untouched when nothing changed.
        Under a lock, what this run changed is merged into the file as it is now: two builds
        of different --report selections at once keep each other's entries."""
        if (self.entries, self.runs) == self.loaded:
            return
        with _locked(self.path):
            entries, runs = _read(self.path, warn=False)
            for mine, theirs, loaded in ((self.entries, entries, self.loaded[0]),
                                         (self.runs, runs, self.loaded[1])):
                for name, value in mine.items():
                    if loaded.get(name) != value:
                        theirs[name] = value
                mine.clear()
                mine.update(theirs)
            text = json.dumps({"format": FORMAT, "outputs": self.entries, "runs": self.runs},
                              indent=1, sort_keys=True, ensure_ascii=False)
            write_atomic(self.path, (text + "\n").encode("utf-8"))
        self.loaded = (dict(self.entries), dict(self.runs))


_warned: set[str] = set()


def _read(path: Path, warn: bool) -> tuple[dict, dict]:
    """(outputs, runs) of a cache file; a missing one is empty, and so is a damaged one (not
    JSON, or entries of the wrong types), with a one-line warning: everything is rebuilt."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return {}, {}  # no cache yet (or no output folder: the build says so)
    except (OSError, ValueError) as exc:
        return _damaged(path, f"cannot be read ({type(exc).__name__})", warn)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return {}, {}  # another version's cache: rebuild everything, quietly
    entries, runs = data.get("outputs"), data.get("runs", {})
    ok = isinstance(entries, dict) and isinstance(runs, dict) and all(
        isinstance(e, dict) and isinstance(e.get("key"), str) and isinstance(e.get("sha256"), str)
        for e in entries.values()) and all(
        isinstance(r, dict) and isinstance(r.get("key"), str)
        and isinstance(r.get("outputs"), list) and all(isinstance(o, str) for o in r["outputs"])
        and isinstance(r.get("warnings"), list) and all(isinstance(w, str) for w in r["warnings"])
        for r in runs.values())
    if not ok:
        return _damaged(path, "holds entries of the wrong types", warn)
    return entries, runs


def _damaged(path: Path, why: str, warn: bool) -> tuple[dict, dict]:
    try:
        st = path.stat()
        seen = f"{path}:{st.st_size}:{st.st_mtime_ns}"  # once per damage, not per read
    except OSError:
        seen = str(path)
    if warn and seen not in _warned:
        _warned.add(seen)
        print(f"{path.parent.name}/{path.name}: warning: the build cache {why}; ignored, every "
              "output is rebuilt", file=sys.stderr)
    return {}, {}


class _locked:
    """An exclusive lock on the cache's folder (flock on the folder itself, so that no lock
    file is left among the outputs; where there is no fcntl, no lock)."""

    def __init__(self, path: Path):
        self.path = Path(path).parent
        self.fd = None

    def __enter__(self):
        try:
            import fcntl
            self.fd = os.open(self.path, os.O_RDONLY)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except (ImportError, OSError):
            self.fd = None
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            os.close(self.fd)  # closing releases the lock


def edition_files(project, edition) -> list[Path]:
    """The files one edition's outputs read: its content file, the templates, and the locale
    folders of its language, its source language, its masthead language and the language its
    lists of States are sorted in (of the catalogs there, only messages.po and this
    report's)."""
    report = edition.report
    files = [project.root / report.path, *project.files("templates"), *settings_files(project)]
    langs = {edition.lang, report.meta.original,
             edition.style.distribution_language, edition.style.states_sort_language}
    for lang in sorted(langs):
        for p in project.files("locales", f"{lang}/*"):
            if p.suffix == ".po" and p.stem not in ("messages", report.id):
                continue
            files.append(p)
    return files


def settings_files(project) -> list[Path]:
    """The project's settings (unreport.toml, pyproject.toml) and the emblem they may name."""
    files = [project.root / "unreport.toml", project.root / "pyproject.toml"]
    return files + ([project.emblem] if project.emblem is not None else [])


def edition_key(cache: Cache, project, edition, fmt) -> str:
    """The key of one (report, language, format) job; `fmt` a formats.Format."""
    derived = [fmt.name, edition.lang, edition.markup(fmt),
               json.dumps(edition.masthead, sort_keys=True, ensure_ascii=False, default=str),
               json.dumps(edition.style.data, sort_keys=True, ensure_ascii=False, default=str)]
    return cache.key(derived, edition_files(project, edition), fonts=fmt.fonts_in_key)


# ---- whole runs: a no-op rebuild reads no content at all ---------------------------------------
def run_name(opts) -> str:
    """The selection a run builds (reports, languages, formats, strictness)."""
    return json.dumps([opts.report_glob, sorted(opts.langs), sorted(opts.formats),
                       bool(opts.strict), bool(getattr(opts, "review", True))]
                      + (["review-ids"] if getattr(opts, "review_ids", False) else []))


def run_key(cache: Cache, project) -> str:
    """Every file the run could read: content, locales and templates (by content), with the
    code, tool versions and fonts."""
    files = [p for p in sorted(project.content_dir.glob("*.yaml"))]
    files += project.files("locales") + project.files("templates") + settings_files(project)
    return cache.key([str(project.root)], files, fonts=True)


def unchanged_run(project, opts, out_dir: Path) -> tuple[str | None, dict | None]:
    """(the run's key, what the last identical run recorded) when no input changed since that
    run and its outputs are as it wrote them; (key, None) when the run must be done."""
    cache = Cache.load(out_dir, enabled=opts.cache)
    key = run_key(cache, project)
    if not cache.enabled:
        return key, None
    last = cache.runs.get(run_name(opts))
    if not last or last.get("key") != key:
        return key, None
    if not all(cache.intact(Path(out_dir) / name) for name in last.get("outputs", [])):
        return key, None
    return key, last


def record_run(project, opts, out_dir: Path, key: str | None, outputs: list[str],
               warnings: list[str], manifest: str | None = None) -> None:
    if key is None:
        return
    cache = Cache.load(out_dir, enabled=opts.cache)
    cache.runs[run_name(opts)] = {"key": key, "outputs": sorted(outputs),
                                  "warnings": list(warnings), "manifest": manifest}
    cache.save()
