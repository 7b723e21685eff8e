"""The organisation's emblem (templates/emblem.png, or the `emblem` setting of unreport.toml),
checked before any writer uses it: both formats place it in the masthead, and a file that is
not a readable image would otherwise fail inside pandoc/python-docx or Typst, far from the
file. Read with Pillow, which both writers' libraries agree with on PNG and JPEG."""

from __future__ import annotations

from pathlib import Path

from unreport.diagnostics import EnvironmentProblem
from unreport.project.paths import Project


def checked_emblem(project: Project) -> Path | None:
    """The emblem's path, or None when the project has none; an unreadable image (not an
    image, truncated, damaged) is one error naming the file."""
    path = project.emblem
    if path is None:
        return None
    from PIL import Image, UnidentifiedImageError
    try:
        with Image.open(path) as image:
            image.verify()  # the file's structure and checksums
        with Image.open(path) as image:
            image.load()  # every pixel: a truncated file fails here
            kind = image.format
    except UnidentifiedImageError:
        raise EnvironmentProblem(
            f"{project.rel(path)}: error: the emblem is not an image file; save it as a PNG "
            "file, or remove it to leave the emblem's place empty") from None
    except (OSError, SyntaxError, ValueError) as exc:  # truncated or damaged
        raise EnvironmentProblem(
            f"{project.rel(path)}: error: the emblem cannot be read as an image ({exc}); save "
            "it again as a PNG file, or remove it to leave the emblem's place empty") from None
    if kind not in ("PNG", "JPEG"):
        raise EnvironmentProblem(
            f"{project.rel(path)}: error: the emblem is a {kind} image; save it as a PNG file")
    return path
