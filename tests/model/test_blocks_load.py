"""Blocks that do not load are located errors: rows of the wrong width, unknown codes and
references, misspelt kinds, references to unnumbered texts, unknown orders, an annex before a
chapter."""

import re

import pytest
from helpers.project import make_project

BAD = [
    ("""      - table: t
        caption: C
        header: [{id: t.a, text: A}, {id: t.b, text: B}]
        rows:
          - [{id: t.r.a, text: "1"}]
""", r":\d+:\d+: error: this row has 1 cells but the header has 2; give every row 2 cells"),
    ("""      - para: p2
        text: "[[XYZ]] spoke."
""", r":\d+:\d+: error: no name for 'XYZ' in locales/en/terms.yaml"),
    ("""      - para: p2
        text: See [[Nope.x]].
""", r":\d+:\d+: error: p2: cross-reference '\[\[Nope.x\]\]' is neither an ID"),
    ("""      - {recommend: r1, text: A misspelt kind is not unnumbered text.}
""", r":\d+:\d+: error: block has no kind: start it with one of .*annex, or write "
     r"\{id: \.\.\., text: \.\.\.\} for unnumbered text; did you mean 'recommendation'\?"),
    ("""      - {id: t1, text: Unnumbered.}
      - para: p2
        text: See [[t1]].
""", r":\d+:\d+: error: p2: cross-reference \[\[t1\]\] points to an unnumbered text, "
     "which has no number"),
    ("""      - para: p2
        text: "Some:"
        states: {codes: [FRA], order: alphabet}
""", r":\d+:\d+: error: states order 'alphabet' is not one of given, name"),
]


@pytest.mark.parametrize("block,message", BAD)
def test_bad_blocks_are_located_errors(tmp_path, capsys, block, message):
    from unreport.cli import main
    content = tmp_path / "src" / "bad.yaml"
    content.parent.mkdir()
    content.write_text(f"""meta:
  symbol: A/1
  distribution: general
  date: 2024-01-01
  original: en
  languages: [en]
  organ: O
  body: B
  title: T
body:
  - chapter: c
    title: C
    content:
      - para: p1
        text: One.
{block}""", encoding="utf-8")
    make_project(tmp_path / "p", content)
    assert main(["--root", str(tmp_path / "p"), "check"]) == 1
    err = capsys.readouterr().err
    assert re.search(r"^content/bad\.yaml" + message, err, re.M), err
    assert "Traceback" not in err


def test_annex_must_come_after_the_chapters(tmp_path, capsys):
    from unreport.cli import main
    content = tmp_path / "bad.yaml"
    content.write_text("""meta: {symbol: A/1, distribution: general, date: 2024-01-01, original: en,
       languages: [en], organ: O, body: B, title: T}
body:
  - annex: a
    title: An annex
    content: [{para: a.p, text: One.}]
  - chapter: c
    title: C
""", encoding="utf-8")
    make_project(tmp_path / "p", content)
    assert main(["--root", str(tmp_path / "p"), "check"]) == 1
    assert re.search(r"^content/bad\.yaml:7:\d+: error: a chapter cannot follow an annex",
                     capsys.readouterr().err, re.M)
