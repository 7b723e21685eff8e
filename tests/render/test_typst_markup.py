"""Content is data in the Typst the PDF is compiled from: any text, escaped by
formats/pdf/markup.escape_typst, reads back from Typst as exactly that text (no markup, no code, no
shorthand, no smart quote), whatever follows an embedded call such as a footnote."""

import json
import re

import typst
from hypothesis import given, settings
from hypothesis import strategies as st

from unreport.formats.pdf import markup as inline  # escape_typst, typst_string

# every character Typst takes for a line or paragraph break: escaped text never breaks
LINE_BREAKS = "\n\r\v\f\x85\u2028\u2029"
# ASCII punctuation (all of Typst's markup characters), letters, digits, spaces, line breaks
# and a few non-ASCII characters the reports use
ALPHABET = st.sampled_from(list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ abcXYZ019") +
                           ["\u00a0", "é", "—", "“", "联", "。"] + list(LINE_BREAKS))
texts = st.text(ALPHABET, min_size=1, max_size=30)


def flatten(node) -> str:
    """Plain text of Typst content as typst.query returns it; anything but text and spaces
    (a smart quote, emphasis, a link, a reference...) shows as <func> and fails the test."""
    if isinstance(node, list):
        return "".join(flatten(n) for n in node)
    func = node["func"]
    if func in ("text", "symbol"):  # an escaped character is a symbol holding its text
        return node["text"]
    if func == "space":
        return " "
    if func == "sequence":
        return flatten(node["children"])
    return f"<{func}>"


def expected(text: str) -> str:
    """A line break prints as a space; markup collapses runs of ordinary spaces (not the
    no-break space)."""
    return re.sub(r" +", " ", re.sub(f"[{LINE_BREAKS}]", " ", text)).strip(" ")


@settings(max_examples=30, deadline=None)
@given(st.lists(texts, min_size=1, max_size=20))
def test_escaped_text_reads_back_literally(values):
    # each text alone, right after an embedded call, and inside a footnote; one compile
    cases = "".join(f"([{e}], [#emph[x]{e}], [#footnote[{e}]]),"
                    for e in map(inline.escape_typst, values))
    got = json.loads(typst.query(f"#metadata(({cases})) <all>".encode("utf-8"), "<all>",
                                 field="value", one=True))
    for value, (alone, after, note) in zip(values, got):
        want = expected(value)
        assert flatten(alone).strip(" ") == want, (value, inline.escape_typst(value))
        assert after["children"][0]["func"] == "emph"
        assert flatten(after["children"][1:]).strip(" ") == want
        assert note["func"] == "footnote" and flatten(note["body"]).strip(" ") == want


def test_typst_strings_hold_any_text():
    value = 'a "quoted" \\ back\\slash #x'
    got = json.loads(typst.query(f"#metadata({inline.typst_string(value)}) <s>".encode(),
                                 "<s>", field="value", one=True))
    assert got == value


def test_the_typst_of_each_edition_carries_the_models_numbers():
    """Every numbered block in the Typst a PDF is compiled from says its ID and number
    (typst.query on `<un-number>`), and they are the numbers the model gives, in both
    languages."""
    from helpers.project import ROOT

    from unreport.project.options import Options
    from unreport.build.pipeline import gather
    from unreport.project.paths import Project
    from unreport.formats.pdf.writer import PdfWriter
    project = Project(ROOT)
    plan = gather(project, Options(verify=True, review=False))
    writer = PdfWriter(project)
    assert len(plan.editions) == 6  # the example's six languages
    for edition in plan.editions:
        found = json.loads(typst.query(
            writer.typst_source(edition).encode("utf-8"), "<un-number>", field="value",
            root=str(writer.root), sys_inputs=writer.edition_inputs(edition)))
        printed = {f["uid"]: flatten(f["number"]) if isinstance(f["number"], dict)
                   else f["number"] for f in found}
        expected = {e.id: e.number for e in plan.printed[(edition.report.id, edition.lang)]
                    if e.number}
        assert len(printed) > 50 and printed == expected, edition.lang
