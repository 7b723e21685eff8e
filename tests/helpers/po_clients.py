"""The real gettext clients translators use, run on a PO file: GNU gettext (msgfmt --check),
polib and translate-toolkit (Weblate's reader). tests/conftest.py runs them on every PO file a
test writes."""

from pathlib import Path


def po_clients_problems(path: Path) -> list[str]:
    """What GNU gettext (msgfmt --check), polib and translate-toolkit (Weblate's reader) say
    of a PO file; [] when all three read it."""
    import subprocess

    import polib
    from translate.storage import pypo
    problems = []
    try:
        proc = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                              capture_output=True, text=True)
    except FileNotFoundError:
        return ["msgfmt is not installed (Debian: apt-get install gettext; ./setup.sh does)"]
    if proc.returncode != 0:
        problems.append(f"msgfmt --check: {proc.stderr.strip()}")
    try:
        polib.pofile(str(path), check_for_duplicates=True)
    except Exception as exc:  # polib raises OSError/ValueError on a file it cannot read
        problems.append(f"polib: {exc}")
    try:
        with open(path, "rb") as f:
            store = pypo.pofile(f)
        if not [u for u in store.units if not u.isheader()]:
            problems.append("translate-toolkit: no units read")
    except Exception as exc:
        problems.append(f"translate-toolkit: {exc}")
    return problems
