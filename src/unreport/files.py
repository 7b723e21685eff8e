"""Files: an input must be a regular file (`not_a_file`: a named pipe is never opened, reading
it would block); outputs are written atomically (temporary file + rename) and deterministically."""

from __future__ import annotations

import io
import os
import stat
import tempfile
import zipfile
from pathlib import Path

from unreport.diagnostics import EnvironmentProblem

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never a part."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise EnvironmentProblem(f"{path}: error: cannot write output ({exc.strerror}); check "
                                 "the folder exists and is writable") from None


def check_output_dir(path: Path, shown: str) -> None:
    """Fail early (exit 2) when the output folder cannot be created or written to."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise EnvironmentProblem(f"{shown}: error: the output folder is a file; remove it or "
                                 "choose another folder with --output")
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".unreport-probe.", dir=path)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise EnvironmentProblem(f"{shown}: error: cannot write to the output folder "
                                 f"({exc.strerror}); make it writable or choose another folder "
                                 "with --output") from None


def write_all_atomic(files: list[tuple[Path, bytes]], shown=str) -> None:
    """Write several outputs as one step: every file is first written to a temporary file next
    to its target; only when all of them are complete are they renamed into place. Any failure
    before that removes the temporary files and leaves every earlier output as it was."""
    temps: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            path = Path(path)
            if path.is_dir():
                raise EnvironmentProblem(f"{shown(path)}: error: cannot write output: a folder "
                                         "has that name; remove or rename it")
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                           dir=path.parent)
                temps.append((tmp, path))
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.chmod(tmp, 0o644)
            except OSError as exc:
                raise EnvironmentProblem(f"{shown(path)}: error: cannot write output "
                                         f"({exc.strerror}); check the folder is writable and "
                                         "the disk not full") from None
        for tmp, path in temps:
            os.replace(tmp, path)
    except BaseException:
        for tmp, _path in temps:
            if os.path.exists(tmp):
                os.unlink(tmp)
        raise


def normalise_zip(data: bytes) -> bytes:
    """Re-pack a zip (DOCX) with fixed timestamps and a fixed order: byte-identical rebuilds."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        # [Content_Types].xml first, as Office expects; the rest in a stable order
        names.sort(key=lambda n: (n != "[Content_Types].xml", n))
        for name in names:
            info = zipfile.ZipInfo(name, FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, src.read(name))
    return out.getvalue()


def epoch_of(d) -> int:
    """A date as the Unix time of its midnight UTC: the fixed timestamp of every output made
    for a document of that date (byte-identical outputs)."""
    import datetime as dt
    return int(dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc).timestamp())


def not_a_file(path) -> str | None:
    """None for a regular file (or a link to one), else what the path is."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a link to nothing" if os.path.islink(path) else "it does not exist"
    except OSError as exc:
        return f"it cannot be read: {exc.strerror}"
    if stat.S_ISREG(mode):
        return None
    return ("a folder" if stat.S_ISDIR(mode) else "a named pipe" if stat.S_ISFIFO(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "a device")
