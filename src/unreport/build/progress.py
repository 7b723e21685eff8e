"""Progress of the write jobs (report x language x format) on the terminal.

Shown only when the build has run for more than `delay` seconds and stderr is a terminal;
quiet otherwise (CI logs, pipes, tests)."""

from __future__ import annotations

import sys
import threading


class Progress:
    def __init__(self, total: int, stream=None, delay: float = 2.0, force: bool | None = None):
        self.total = total
        self.stream = stream or sys.stderr
        self.count = 0
        self.last = ""
        self.shown = False
        self.lock = threading.Lock()
        tty = force if force is not None else _isatty(self.stream)
        self.active = tty
        self.timer = None
        if self.active:
            self.timer = threading.Timer(delay, self._show)
            self.timer.daemon = True
            self.timer.start()

    def _line(self) -> str:
        width = len(str(self.total))
        name = f" {self.last}" if self.last else ""
        return f"\rbuilding [{self.count:>{width}}/{self.total}]{name}\x1b[K"

    def _show(self) -> None:
        with self.lock:
            if not self.active:
                return
            self.shown = True
            self.stream.write(self._line())
            self.stream.flush()

    def add(self, count: int) -> None:
        """More outputs to make (a build adds each as its document is rendered)."""
        with self.lock:
            self.total += count

    def done(self, name: str) -> None:
        with self.lock:
            self.count += 1
            self.last = name
            if self.shown:
                self.stream.write(self._line())
                self.stream.flush()

    def close(self) -> None:
        with self.lock:
            if self.timer:
                self.timer.cancel()
            if self.shown:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
            self.active = False


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
