"""Running pandoc (from pypandoc-binary: not on PATH; pypandoc.get_pandoc_path() finds it)."""

from __future__ import annotations

import functools
import os
import subprocess
from pathlib import Path

from unreport.diagnostics import EnvironmentProblem


@functools.lru_cache(maxsize=1)
def pandoc_path() -> str:
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except (ImportError, OSError) as exc:
        raise EnvironmentProblem(f"pandoc not found ({exc}); install the package with "
                                 "'pip install pypandoc-binary' (the README's set-up does it)")


# a paragraph this long (one line of the Markdown) is first joined into long words by
# join_words.lua: pandoc's DOCX writer is quadratic in a paragraph's words. Below it the
# filter would only cost its own time (the whole document passed to Lua and back).
LONG_LINE = 20_000
JOIN_WORDS = Path(__file__).with_name("join_words.lua")


def has_long_line(text: str) -> bool:
    return len(text) > LONG_LINE and max(map(len, text.split("\n"))) > LONG_LINE


def run_pandoc(markdown: str, to: str, args: list[str], epoch: int) -> bytes:
    """Convert Markdown with pandoc in its sandbox; returns the output bytes."""
    long = ["--lua-filter", str(JOIN_WORDS)] if has_long_line(markdown) else []
    cmd = [pandoc_path(), "--from", "markdown-smart", "--to", to, "--sandbox", *long, *args]
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    proc = subprocess.run(cmd, input=markdown.encode("utf-8"), capture_output=True, env=env)
    if proc.returncode != 0:
        raise EnvironmentProblem(f"pandoc failed converting to {to}: "
                                 f"{proc.stderr.decode('utf-8', 'replace').strip()}")
    return proc.stdout

