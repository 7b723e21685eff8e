"""Typst compiles in worker processes, so PDFs compile on every core at once.

The `typst` package holds Python's global interpreter lock while it compiles, so in the build's
own process two compiles take turns and a compile stops everything else (rendering, the DOCX
writer's python-docx work). Each worker is a small Python process (`python -m
unreport.formats.pdf.workers`) that scans the fonts once and keeps one `typst.Compiler` per root for
every later compile; a document goes back to the worker that compiled it last, whose memoised
layout makes a recompile in watch mode fast. Typst never forgets what it memoised, so a worker
that has grown past RETIRE_MB after a compile is retired and a fresh one started in its place
(a build's peak memory is then that of its largest single compile, not of all its compiles
together). Workers start when the build knows it will compile (`prestart`: they import typst
and scan fonts while the content is gathered) and end with the build process.

Frames on the pipes: a 4-byte big-endian length, then that many bytes; a request is a JSON
header frame and a source frame; a reply is a JSON header frame and one frame per output (one
PDF, or one PNG per page).
"""

from __future__ import annotations

import atexit
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from dataclasses import dataclass

from unreport.diagnostics import EnvironmentProblem

RETIRE_MB = 256  # a worker whose resident memory is above this after a compile is replaced
WATCH_RETIRE_MB = 1024  # in watch mode: memory traded for fast recompiles


@dataclass
class Result:
    outputs: list[bytes]  # the PDF, or one PNG per page
    warnings: list[str]
    rss_mb: float = 0.0  # the worker's resident memory after the compile (0: not known)


class CompileError(Exception):
    """Typst's error: its message, hints, and where it is (`where`: (file relative to the
    compile's root, line, column) or None)."""

    def __init__(self, message: str, hints: list[str], where: list | None = None):
        super().__init__(message)
        self.message = message
        self.hints = hints
        self.where = tuple(where) if where else None


# the first location of Typst's rendered diagnostic: "  ┌─ typst/un.typ:6:15"
_LOCATION = re.compile(r"┌─ (?P<file>.+?):(?P<line>\d+):(?P<col>\d+)\s*$", re.MULTILINE)


def _where(diagnostic: str, root: str) -> list | None:
    """(file relative to `root`, line, column) of a Typst diagnostic, or None. The typst
    package gives the location only inside its rendered text (no span attributes), with the
    file relative to the working folder, so it is read from there."""
    m = _LOCATION.search(diagnostic or "")
    if not m:
        return None
    file = os.path.relpath(os.path.abspath(m["file"]), root)
    return [Path(file).as_posix(), int(m["line"]), int(m["col"]) + 1]  # Typst counts from 0


def _send(pipe, data: bytes) -> None:
    pipe.write(struct.pack(">I", len(data)))
    pipe.write(data)


def _receive(pipe) -> bytes:
    head = pipe.read(4)
    if len(head) < 4:
        raise EOFError
    (size,) = struct.unpack(">I", head)
    data = pipe.read(size)
    if len(data) < size:
        raise EOFError
    return data


class Worker:
    """One worker process and its pipes; used by one thread at a time."""

    def __init__(self):
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            [str(Path(__file__).resolve().parents[3])] +  # src/, holding unreport/
            ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])))
        self.last = ""  # the key of the document it compiled last
        # the worker's messages go to a file, read when it fails (a pipe nobody reads could
        # fill up and stop it)
        self.stderr = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([sys.executable, "-m", "unreport.formats.pdf.workers"],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.stderr, env=env)

    def compile(self, root: str, source: str, options: dict) -> Result:
        """Compile in the worker. A Typst error is a CompileError (the worker goes on); a
        worker that stopped is an EnvironmentProblem; any other failure leaves the worker in
        an unknown state: it is ended, and the exception passes on."""
        # a request that cannot be encoded fails here, before anything is sent
        header = json.dumps({"root": root, **options}).encode("utf-8")
        data = source.encode("utf-8")
        try:
            _send(self.proc.stdin, header)
            _send(self.proc.stdin, data)
            self.proc.stdin.flush()
            reply = json.loads(_receive(self.proc.stdout))
            outputs = [_receive(self.proc.stdout) for _ in range(reply.get("outputs", 0))]
        except (EOFError, OSError, ValueError):  # ValueError: a pipe closed by close()
            self.kill()
            raise EnvironmentProblem(f"the typst worker process stopped ({self.why()}); check "
                                     "the typst package ('pip install typst') and the free "
                                     "memory") from None
        except BaseException:  # interrupted between request and reply: out of step
            self.kill()
            raise
        if "error" in reply:
            raise CompileError(reply["error"], reply.get("hints", []), reply.get("where"))
        return Result(outputs, reply.get("warnings", []), reply.get("rss_mb", 0.0))

    def why(self) -> str:
        """How the worker ended: its exit status and last message."""
        code = self.proc.poll()
        status = ("ended by signal %d" % -code if code is not None and code < 0 else
                  f"exit status {code}")
        self.stderr.seek(0)
        lines = self.stderr.read().decode("utf-8", "replace").strip().splitlines()
        return f"{status}: {lines[-1]}" if lines else status

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()
        self.stderr.close()


class Pool:
    """Up to `size` workers, each lent to one compile at a time. A document goes back to the
    worker that compiled it last (its `key`), whose memoised layout makes the recompile fast."""

    def __init__(self, size: int, retire_mb: int = RETIRE_MB):
        self.size = max(1, size)
        self.retire_mb = retire_mb  # watch mode keeps more, for fast recompiles
        self.workers: list[Worker] = []
        self.idle: list[Worker] = []
        self.cond = threading.Condition()

    @property
    def started(self) -> int:
        return len(self.workers)

    def prestart(self, count: int) -> None:
        """Start workers now (they scan fonts while the build gathers) up to `count`."""
        with self.cond:
            while self.started < min(count, self.size):
                self._start()

    def _start(self) -> None:
        worker = Worker()
        self.workers.append(worker)
        self.idle.append(worker)
        self.cond.notify()

    def compile(self, root: str, source: str, options: dict, key: str = "") -> Result:
        worker = self._take(key)
        try:
            result = worker.compile(root, source, options)
        except (CompileError, TypeError, ValueError):  # a Typst error, or nothing was sent
            self._give_back(worker)
            raise
        except BaseException:  # the worker is gone: a later compile starts another
            with self.cond:
                if worker in self.workers:
                    self.workers.remove(worker)
                self.cond.notify()
            worker.close()
            raise
        if result.rss_mb > self.retire_mb:
            with self.cond:  # retired: a fresh worker starts now, ready for the next compile
                if worker in self.workers:
                    self.workers.remove(worker)
                    self._start()
            worker.close()
        else:
            worker.last = key
            self._give_back(worker)
        return result

    def _give_back(self, worker: Worker) -> None:
        with self.cond:
            if worker in self.workers:  # not if the pool was closed meanwhile
                self.idle.append(worker)
                self.cond.notify_all()
                return
        worker.close()

    def _take(self, key: str) -> Worker:
        """The idle worker that compiled `key` last, or another idle one, or a new one while
        fewer than `size` run; else wait."""
        with self.cond:
            while True:
                same = [w for w in self.idle if key and w.last == key]
                if same or self.idle:
                    worker = same[0] if same else self.idle[-1]
                    self.idle.remove(worker)
                    return worker
                if self.started < self.size:
                    self._start()
                    continue
                self.cond.wait()

    def close(self) -> None:
        with self.cond:
            for worker in self.workers:
                worker.close()
            self.workers.clear()
            self.idle.clear()


_POOLS: dict[str, Pool] = {}
_POOLS_LOCK = threading.Lock()


def shared(fonts: str, size: int | None = None, retire_mb: int | None = None) -> Pool:
    """The process's pool for the fonts installed now (`fonts`: cache.fonts_version()); a new
    pool, with a new font scan, when fonts were installed or removed. `size`: the most
    workers (default: the cores); `retire_mb`: see Pool.retire_mb (kept by a new pool)."""
    with _POOLS_LOCK:
        pool = _POOLS.get(fonts)
        if pool is None:
            kept = [old.retire_mb for old in _POOLS.values()] + [RETIRE_MB]
            for old in _POOLS.values():
                old.close()
            _POOLS.clear()
            pool = _POOLS[fonts] = Pool(size or os.cpu_count() or 1, kept[0])
        elif size:
            pool.size = max(1, size)
        if retire_mb:
            pool.retire_mb = retire_mb
        return pool


@atexit.register
def close_all() -> None:
    """End every worker of this process (at exit, or before leaving with os._exit)."""
    with _POOLS_LOCK:
        for pool in _POOLS.values():
            pool.close()


# ---- the worker process ----------------------------------------------------------------------

def _rss_mb() -> float:
    """This process's resident memory now (Linux; 0 where /proc is missing: never retired)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def serve(stdin, stdout) -> None:
    import typst
    fonts = typst.Fonts(include_system_fonts=True, include_embedded_fonts=True)
    compilers: dict[str, typst.Compiler] = {}
    while True:
        try:
            request = json.loads(_receive(stdin))
            source = _receive(stdin)
        except EOFError:  # the build is done: leave without tearing down typst's caches
            stdout.flush()
            os._exit(0)
        root = request.pop("root")
        compiler = compilers.get(root)
        if compiler is None:
            compiler = compilers[root] = typst.Compiler(root=root, font_paths=fonts,
                                                        ignore_system_fonts=True)
        kwargs = {k: v for k, v in request.items() if v is not None}
        try:
            result, warnings = compiler.compile_with_warnings(input=source, **kwargs)
        except typst.TypstError as exc:
            where = _where(getattr(exc, "diagnostic", ""), root)
            _send(stdout, json.dumps({"error": exc.message, "hints": list(exc.hints),
                                      "where": where}).encode())
            stdout.flush()
            continue
        outputs = result if isinstance(result, list) else [result]
        _send(stdout, json.dumps({"outputs": len(outputs), "rss_mb": _rss_mb(),
                                  "warnings": [w.message for w in warnings]}).encode())
        for data in outputs:
            _send(stdout, data)
        stdout.flush()


if __name__ == "__main__":
    # the replies get their own copy of stdout; anything else written to stdout (by a library)
    # goes to stderr instead of into the frames
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    serve(sys.stdin.buffer, replies)


def warm_up(jobs: int, watch: bool) -> None:
    """Worker processes start now (import typst, scan the fonts) while the build imports the
    pipeline and gathers the content. A watch keeps what the workers memoised for longer, so a
    recompile after a small change is fast."""
    from unreport.formats.fonts import fonts_version
    pool = shared(fonts_version(), jobs or None, WATCH_RETIRE_MB if watch else None)
    pool.prestart(pool.size)
