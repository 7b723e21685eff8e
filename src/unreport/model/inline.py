"""Inline text: the small Markdown subset content may use, parsed into tokens.

Allowed: *italic*, **bold**, footnotes ^[...], cross-references [[id]] and term references
[[CODE]] (a State or participant from locales/<lang>/terms.yaml, printed by its name in the
reader's language). IDs are lowercase and codes uppercase, so the two never collide: `refs()`
returns `ref` tokens (IDs) by default and `term` tokens (codes) on request. Everything else is literal
text. Raw passthrough (pandoc raw attributes, HTML tags, LaTeX commands) is refused so content can
never smuggle code into DOCX, Typst, HTML or LaTeX.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
CODE_RE = re.compile(r"[A-Z][A-Z0-9-]*\Z")  # ISO 3166 alpha-3 (COL) or a participant key (EU)
_RAW_PATTERNS = [
    (re.compile(r"\{=\s*[A-Za-z][^}\s]*\}?"), "raw output ('{=format}')"),
    (re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>"), "an HTML/XML tag"),
    (re.compile(r"<!--"), "an HTML comment"),
    (re.compile(r"\\[A-Za-z]+"), "a LaTeX command"),
    (re.compile(r"\$\$"), "TeX math ('$$')"),
]


@dataclass(frozen=True)
class Tok:
    kind: str  # "text" | "em" | "strong" | "note" | "ref" | "term"
    value: str = ""  # text, the referenced ID (ref) or the terminology code (term)
    children: tuple["Tok", ...] = ()
    offset: int = 0  # character offset in the source string


class InlineError(ValueError):
    def __init__(self, offset: int, message: str):
        super().__init__(message)
        self.offset = offset
        self.message = message


def check_raw(text: str) -> None:
    for pattern, what in _RAW_PATTERNS:
        m = pattern.search(text)
        if m:
            raise InlineError(m.start(), f"{what} is not allowed in content text "
                                         f"('{m.group(0)}'); write plain text")


def parse(text: str) -> tuple[Tok, ...]:
    """Parse inline text; raises InlineError with the offset of the problem."""
    check_raw(text)
    text = normalise_space(text)
    toks, _ = _parse(text, 0, None, in_note=False)
    return tuple(toks)


def parse_exact(text: str) -> tuple[Tok, ...]:
    """Parse inline text as written, spaces and line breaks included (for XLIFF, where the
    text must come back exactly); raises InlineError."""
    toks, _ = _parse(text, 0, None, in_note=False)
    return tuple(toks)


# every character Typst, pandoc or Word may take for a line or paragraph break
LINE_BREAK = re.compile(r"[\n\r\v\f\x85\u2028\u2029]")


def normalise_space(text: str) -> str:
    """A text is one paragraph: a line break and the spaces around it become one space."""
    return re.sub(r"\s*[\n\r\v\f\x85\u2028\u2029]\s*", " ", text.strip())


_SPECIAL = re.compile(r"[\[\]^*]")  # characters where an inline rule may begin or end


def _parse(s: str, i: int, closer: str | None, in_note: bool) -> tuple[list[Tok], int]:
    out: list[Tok] = []
    buf: list[str] = []
    start = i

    def flush():
        if buf:
            out.append(Tok("text", "".join(buf), offset=start))
            buf.clear()

    while i < len(s):
        if closer and s.startswith(closer, i) and not (closer == "*" and s.startswith("**", i)):
            flush()
            return out, i + len(closer)
        if s.startswith("[[", i):
            j = s.find("]]", i + 2)
            if j < 0:
                raise InlineError(i, "cross-reference '[[' is not closed; write [[id]]")
            ref = s[i + 2 : j].strip()
            if CODE_RE.match(ref):
                kind = "term"
            elif ID_RE.match(ref):
                kind = "ref"
            else:
                raise InlineError(i, f"cross-reference '[[{ref}]]' is neither an ID (lowercase) "
                                     "nor a State or participant code (uppercase, e.g. [[COL]])")
            flush()
            out.append(Tok(kind, ref, offset=i))
            i = j + 2
            continue
        if s.startswith("^[", i):
            if in_note:
                raise InlineError(i, "a footnote cannot contain another footnote")
            flush()
            children, i2 = _parse(s, i + 2, "]", in_note=True)
            if i2 > len(s) or not s.startswith("]", i2 - 1):
                raise InlineError(i, "footnote '^[' is not closed; end it with ']'")
            out.append(Tok("note", children=tuple(children), offset=i))
            i = i2
            continue
        for marker, kind in (("**", "strong"), ("*", "em")):
            if s.startswith(marker, i) and _closes(s, i + len(marker), marker, closer):
                flush()
                pos = i
                children, i = _parse(s, i + len(marker), marker, in_note)
                out.append(Tok(kind, children=tuple(children), offset=pos))
                break
        else:
            if closer == "]" and s[i] == "[":
                # a literal bracket inside a footnote: keep brackets balanced
                depth_end = _matching_bracket(s, i)
                buf.append(s[i:depth_end])
                i = depth_end
                continue
            if not buf:
                start = i
            # this character and the plain run after it (no rule above can start inside it)
            m = _SPECIAL.search(s, i + 1)
            j = m.start() if m else len(s)
            buf.append(s[i:j])
            i = j
            continue
    if closer == "]":
        raise InlineError(start, "footnote '^[' is not closed; end it with ']'")
    flush()
    return out, i


def _closes(s: str, i: int, marker: str, outer: str | None) -> bool:
    """True when an emphasis marker at i has a closing partner before the enclosing closer."""
    if i >= len(s) or s[i].isspace():
        return False
    end = s.find(outer, i) if outer == "]" else len(s)
    end = len(s) if end < 0 else end
    j = i
    while True:
        j = s.find(marker, j)
        if j < 0 or j >= end:
            return False
        if marker == "*" and s.startswith("**", j):
            j += 2
            continue
        return j > i


def _matching_bracket(s: str, i: int) -> int:
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "[":
            depth += 1
        elif s[j] == "]":
            depth -= 1
            if depth == 0:
                return j + 1
    return len(s)


def refs(toks: tuple[Tok, ...], kinds: tuple[str, ...] = ("ref",)) -> list[Tok]:
    """Reference tokens in order: cross-references to IDs (`ref`) by default; pass
    kinds=("ref", "term") to get term references ([[COL]]) too, told apart by Tok.kind."""
    found = []
    for t in toks:
        if t.kind in kinds:
            found.append(t)
        found.extend(refs(t.children, kinds))
    return found


def count_notes(toks: tuple[Tok, ...]) -> int:
    return sum(1 + count_notes(t.children) if t.kind == "note" else count_notes(t.children)
               for t in toks)


def plain(toks: tuple[Tok, ...], ref_text=lambda ref: ref, term_text=lambda code: code) -> str:
    """Text without markup (footnotes dropped): for QA and verification."""
    parts = []
    for t in toks:
        if t.kind == "text":
            parts.append(t.value)
        elif t.kind == "ref":
            parts.append(ref_text(t.value))
        elif t.kind == "term":
            parts.append(term_text(t.value))
        elif t.kind in ("em", "strong"):
            parts.append(plain(t.children, ref_text, term_text))
    return "".join(parts)


def display_width(text: str) -> int:
    """Width of a text in Latin-letter widths: East Asian wide and full-width characters
    count two (a Chinese character takes about two letters' room)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@dataclass(frozen=True)
class Dialect:
    """How one output markup writes escaped text and the inline markup content may use."""

    name: str
    escape: Callable[[str], str]
    em: tuple[str, str]
    strong: tuple[str, str]
    note: tuple[str, str]
    marker: tuple[str, str]  # around the draft marker "[Untranslated]" / "[Changed]"


def to_markup(toks: tuple[Tok, ...], dialect: Dialect, ref_text,
              term_text=lambda code: code) -> str:
    """Markup for tokens in `dialect`; `ref_text(id)` gives the printed number of a reference,
    `term_text(code)` the name of a State or participant."""
    out = []
    for t in toks:
        if t.kind == "text":
            out.append(dialect.escape(t.value))
        elif t.kind == "ref":
            out.append(dialect.escape(ref_text(t.value)))
        elif t.kind == "term":
            out.append(dialect.escape(term_text(t.value)))
        else:
            before, after = getattr(dialect, t.kind)  # em, strong, note
            out.append(before + to_markup(t.children, dialect, ref_text, term_text) + after)
    return "".join(out)

