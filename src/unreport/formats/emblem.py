"""The organisation's emblem (templates/emblem.png, or the `emblem` setting of unreport.toml),
checked before any writer uses it: both formats place it in the masthead, and a file that is
not a readable image would otherwise fail inside pandoc/python-docx or Typst, far from the
file. Read with Pillow, which both writers' libraries agree with on PNG and JPEG."""

from __future__ import annotations

import functools
from pathlib import Path

from unreport.diagnostics import EnvironmentProblem
from unreport.project.paths import Project


def checked_emblem(project: Project) -> Path | None:
    """The emblem's path, or None when the project has none; an unreadable image (not an
    image, truncated, damaged) is one error naming the file. Each writer asks; the file is
    read once for as long as it is unchanged."""
    path = project.emblem
    if path is None:
        return None
    stat = path.stat()
    problem = _problem(str(path), stat.st_size, stat.st_mtime_ns)
    if problem:
        raise EnvironmentProblem(f"{project.rel(path)}: error: {problem}")
    return path


@functools.lru_cache(maxsize=8)
def _problem(path: str, _size: int, _mtime: int) -> str | None:
    """What is wrong with the image at `path` (None: nothing). Size and time are the key."""
    from PIL import Image, UnidentifiedImageError
    try:
        with Image.open(path) as image:
            image.verify()  # the file's structure and checksums
        with Image.open(path) as image:
            image.load()  # every pixel: a truncated file fails here
            kind = image.format
    except UnidentifiedImageError:
        return ("the emblem is not an image file; save it as a PNG file, or remove it to "
                "leave the emblem's place empty")
    except (OSError, SyntaxError, ValueError) as exc:  # truncated or damaged
        return (f"the emblem cannot be read as an image ({exc}); save it again as a PNG "
                "file, or remove it to leave the emblem's place empty")
    if kind not in ("PNG", "JPEG"):
        return f"the emblem is a {kind} image; save it as a PNG file"
    return None
