"""Running pandoc (from pypandoc-binary: not on PATH; pypandoc.get_pandoc_path() finds it)."""

from __future__ import annotations

import functools
import os
import subprocess

from unreport.diagnostics import EnvironmentProblem


@functools.lru_cache(maxsize=1)
def pandoc_path() -> str:
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except (ImportError, OSError) as exc:
        raise EnvironmentProblem(f"pandoc not found ({exc}); install the package with "
                                 "'pip install pypandoc-binary' (the README's set-up does it)")


def run_pandoc(markdown: str, to: str, args: list[str], epoch: int) -> bytes:
    """Convert Markdown with pandoc in its sandbox; returns the output bytes."""
    cmd = [pandoc_path(), "--from", "markdown-smart", "--to", to, "--sandbox", *args]
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(epoch))
    proc = subprocess.run(cmd, input=markdown.encode("utf-8"), capture_output=True, env=env)
    if proc.returncode != 0:
        raise EnvironmentProblem(f"pandoc failed converting to {to}: "
                                 f"{proc.stderr.decode('utf-8', 'replace').strip()}")
    return proc.stdout

