"""Diagnostics: located messages for editors, and the two kinds of failure the CLI maps to exit codes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Loc:
    """A place in a source file (1-based line and column)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line and self.col:
            return f"{self.path}:{self.line}:{self.col}"
        if self.line:
            return f"{self.path}:{self.line}"
        return self.path


@dataclass(frozen=True)
class Diagnostic:
    loc: Loc
    message: str
    severity: str = "error"  # "error" | "warning"

    def __str__(self) -> str:
        return printable(f"{self.loc}: {self.severity}: {self.message}")


_UNPRINTABLE = None


def printable(text: str) -> str:
    """`text` with control, bidi and other invisible format characters escaped (\\x1b,
    \\u202e): a message never clears a terminal or reorders what it shows."""
    global _UNPRINTABLE
    if _UNPRINTABLE is None:
        import re
        _UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e"
                                  "\u2060-\u206f\ufeff\ud800-\udfff]")
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1] if ord(m.group()) < 0x100
                            else f"\\u{ord(m.group()):04x}", text)


class ContentError(Exception):
    """Content or translation errors (exit status 1). Carries every diagnostic found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = list(dict.fromkeys(diagnostics))  # each message once, in order
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class EnvironmentProblem(Exception):
    """Usage or environment errors (exit status 2): missing font, tool, template, unwritable output."""


def report_failure(exc: Exception, stream) -> int:
    """Print a content or environment failure for a person (no traceback); its exit status."""
    if isinstance(exc, ContentError):
        for d in exc.diagnostics:
            print(d, file=stream)
        n = len(exc.diagnostics)
        print(f"{n} error{'s' if n != 1 else ''}; nothing was written", file=stream)
        return 1
    text = printable(str(exc))
    print(text if ": error: " in text else f"error: {text}", file=stream)
    return 2


@dataclass
class Collector:
    """Gathers diagnostics so that one run reports as many problems as it can find."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, loc: Loc, message: str) -> None:
        self.diagnostics.append(Diagnostic(loc, message, "error"))

    def warning(self, loc: Loc, message: str) -> None:
        self.diagnostics.append(Diagnostic(loc, message, "warning"))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise ContentError(sorted(self.errors, key=root_causes_first))


# language data and templates, which every report reads: a problem there comes before what
# it causes in the content (a broken terms.yaml before each name it could not give)
SHARED_DATA = (".yaml", ".j2", ".typ", ".lua")


def root_causes_first(d: Diagnostic) -> tuple:
    shared = d.loc.path.startswith(("locales/", "templates/")) and \
        d.loc.path.endswith(SHARED_DATA)
    return (not shared, d.loc.path, not d.loc.line, d.loc)  # a file's own lines first
