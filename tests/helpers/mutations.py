"""Random edits of a valid text file (hypothesis strategies) for the tests that mutate projects
(tests/diagnostics/)."""

from hypothesis import strategies as st

NOISE = st.text(alphabet=list(":-[]{}&*!|>'\"#%@`,?\t\n ~^=\\<aZ9é") + ["\ufeff", "\x00", "\x85"],
                min_size=1, max_size=4)


@st.composite
def mutations(draw, text):
    lines = text.split("\n")
    op = draw(st.sampled_from(["insert", "delete", "dup_line", "drop_line", "swap", "indent"]))
    if op in ("insert", "delete"):
        i = draw(st.integers(0, len(text)))
        if op == "insert":
            return text[:i] + draw(NOISE) + text[i:]
        return text[:i] + text[i + draw(st.integers(1, 8)):]
    n = draw(st.integers(0, len(lines) - 1))
    if op == "dup_line":
        lines.insert(n, lines[n])
    elif op == "drop_line":
        del lines[n]
    elif op == "swap":
        m = draw(st.integers(0, len(lines) - 1))
        lines[n], lines[m] = lines[m], lines[n]
    else:
        lines[n] = draw(st.sampled_from([" ", "  ", "\t", ""])) + lines[n].lstrip(
            " " if draw(st.booleans()) else "")
    return "\n".join(lines)
