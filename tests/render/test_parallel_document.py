"""The parallel review document, on the worked example and small variants: every row pairs the
same number in both columns, marked rows, long rows that break across pages, labels as data."""

import re

from helpers.project import ROOT, make_project
from docx import Document
from helpers.readback import neutral, number_tokens_docx, pdf_text, squash

REPORT = "wg7-2017-l1"
PARALLEL = f"{REPORT}.en-zh"


def rows(path):
    """(left, right) cell texts of the parallel table, header row excluded."""
    table = Document(str(path)).tables[0]
    return [(r.cells[0].text, r.cells[1].text) for r in table.rows[1:]]


def number_of(cell_text):
    """The number before the tab, or the label on its own line ("Recommendation 1\n...")."""
    return re.split(r"[\t\n]", cell_text, maxsplit=1)[0] if re.search(r"[\t\n]", cell_text) \
        else ""


def test_parallel_documents_are_written_by_default(example_outputs):
    for fmt in ("docx", "pdf"):
        assert (example_outputs / f"{PARALLEL}.{fmt}").stat().st_size > 5000


def test_every_row_pairs_the_same_number_in_both_columns(example_outputs):
    table_rows = rows(example_outputs / f"{PARALLEL}.docx")
    header = Document(str(example_outputs / f"{PARALLEL}.docx")).tables[0].rows[0]
    assert [c.text for c in header.cells] == ["English", "Chinese"]
    numbered = []
    for left, right in table_rows:
        assert neutral(number_of(left)) == neutral(number_of(right)), (left, right)
        if number_of(left):
            numbered.append(neutral(number_of(left)))
    # the same numbers, in the same order, as the English edition prints them
    assert numbered == [neutral(t) for t in number_tokens_docx(example_outputs /
                                                                f"{REPORT}.en.docx")]
    # one row per unit: 5 masthead rows (organ, distribution block, body, meeting line, title)
    # + every numbered unit + none else
    assert len(table_rows) == 5 + len(numbered)
    # (an unnumbered text starts after the number column's tab)
    assert table_rows[1] == ("\tDistr.: Limited\n11 September 2017\nOriginal: English",
                             "\tDistr.: Limited\n11 September 2017\nChinese\nOriginal: English")
    assert table_rows[3] == ("\tVienna, 11–13 September 2017", "\t2017年9月11日至13日，维也纳")
    assert ("5.\tAt its meeting held in Vienna from 11 to 13 September, the Working Group on "
            "the Smuggling of Migrants adopted the following recommendations.",
            "5.\t偷运移民问题工作组在9月11日至13日于维也纳举行的会议上通过了下述建议。") \
        in table_rows
    # a label on its own line above its text, in both columns ("建议 8" never runs into its text)
    assert ("Recommendation 8\nStates are encouraged, in combating the smuggling of migrants, "
            "to establish joint investigation teams through bilateral or multilateral agreements "
            "and to make use of special investigative techniques.",
            "建议 8\n鼓励各国在打击偷运移民时通过双边或多边协定建立联合调查小组并利用特殊侦查手段。") \
        in table_rows
    # the masthead data at the top, and a landscape page
    doc = Document(str(example_outputs / f"{PARALLEL}.docx"))
    top = [p.text for p in doc.paragraphs[:4]]
    assert top == ["CTOC/COP/WG.7/2017/L.1", "Distr.: Limited", "11 September 2017",
                   "English – Chinese"]
    assert doc.sections[0].page_width > doc.sections[0].page_height


def test_parallel_pdf_prints_each_number_in_both_columns(example_outputs):
    # reading order of the PDF: for every row, the left cell (number, then text), then the
    # right cell (the same number in Chinese, then the translation), then the next row
    text = squash(pdf_text(example_outputs / f"{PARALLEL}.pdf")).replace("-", "")
    pos = 0
    numbered = 0
    for left, right in rows(example_outputs / f"{PARALLEL}.docx"):
        for cell in (left, right):
            want = squash(cell).replace("-", "")[:len(squash(number_of(cell))) + 12]
            found = text.find(want, pos)
            assert found >= 0, f"{cell[:40]!r} not found in order"
            pos = found + len(want)
        numbered += bool(number_of(left))
    assert numbered == len(number_tokens_docx(example_outputs / f"{REPORT}.en.docx"))
    assert "Recommendation 8" in pdf_text(example_outputs / f"{PARALLEL}.pdf")


def test_fuzzy_and_untranslated_rows_are_marked(tmp_path, capsys):
    from unreport.cli import main
    po = (ROOT / "locales" / "zh" / f"{REPORT}.po").read_text(encoding="utf-8")
    po = po.replace('msgctxt "org.statements.secretariat"',
                    '#, fuzzy\nmsgctxt "org.statements.secretariat"')
    po = po.replace('msgstr "发言情况"', 'msgstr ""')
    project = make_project(tmp_path / "p", ROOT / "content" / f"{REPORT}.yaml",
                           {f"locales/zh/{REPORT}.po": po})
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "--lang", "zh", "--verify"]) == 0
    assert sorted(p.name for p in out.iterdir() if p.name[0] != "." and p.suffix != ".json") == sorted(
        f"{REPORT}.{x}.{f}" for x in ("zh", "en-zh") for f in ("docx", "pdf"))
    table_rows = rows(out / f"{PARALLEL}.docx")
    assert ("8.\tA general introductory statement was made by the Secretariat under agenda "
            "item 2.", "8.\t[原文已更改] A general introductory statement was made by the "
            "Secretariat under agenda item 2.") in table_rows  # DESIGN.md: fuzzy -> source text
    assert ("B.\tStatements", "B.\t[未翻译] Statements") in table_rows
    marked = [r for r in table_rows if "[原文已更改]" in r[1] or "[未翻译]" in r[1]]
    assert len(marked) == 2
    # the marked rows are shaded; the others are not
    table = Document(str(out / f"{PARALLEL}.docx")).tables[0]
    shaded = [r.cells[0].text for r in table.rows[1:]
              if r.cells[1]._tc.tcPr is not None and r.cells[1]._tc.tcPr.find(
                  "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}shd") is not None]
    assert sorted(shaded) == sorted(r[0] for r in marked)
    text = pdf_text(out / f"{PARALLEL}.pdf")
    assert "[原文已更改]" in text and "[未翻译]" in text
    # in the PDF too: the two marked rows, and only they, are shaded, each in its colour
    import pdfplumber
    colours = {(1.0, 0.957, 0.8): "[原文已更改]", (0.992, 0.886, 0.886): "[未翻译]"}
    found = []
    # (pdfplumber on purpose: another reader than verify's pypdf, and it crops and places)
    with pdfplumber.open(out / f"{PARALLEL}.pdf") as pdf:
        for page in pdf.pages:
            for rect in page.rects:
                colour = rect.get("non_stroking_color")
                colour = tuple(round(c, 3) for c in colour) if isinstance(colour, (list, tuple)) \
                    else ()  # a grey is one number
                if rect.get("fill") and colour in colours:
                    inside = page.crop((rect["x0"], rect["top"], rect["x1"], rect["bottom"]))
                    found.append((colours[colour], inside.extract_text().replace(" ", "")))
    assert sorted(marker for marker, _text in found) == sorted(colours.values())
    assert all(marker in text for marker, text in found), found


def test_a_row_longer_than_a_page_breaks_across_pages(tmp_path):
    """Short rows are two boxes that do not break; a row with a long text is laid out so that
    it can run over to the next page, and none of its text is lost."""
    from helpers.project import edit, make_project

    from unreport.cli import main
    project = make_project(tmp_path / "p", "base")
    long_text = " ".join(f"Sentence {i} of a very long paragraph." for i in range(600))
    edit(project / "content" / "note.yaml", "text: This note gives the *Committee* what it "
         "asked for.^[See [[intro.items]].]", f"text: '{long_text}'")
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "--format", "pdf"]) == 0
    import pdfplumber
    with pdfplumber.open(out / "note.en-zh.pdf") as pdf:  # only what is on the page itself
        pages = [p.within_bbox(p.bbox).extract_text() for p in pdf.pages]
    assert len(pages) >= 3
    # the row's last sentence is printed in the left column, after a page break
    holding = [i for i, text in enumerate(pages) if "Sentence 599 of a very" in text]
    assert holding and holding[0] > 0
    # every sentence is printed (in both columns: the changed text shows its source)
    printed = re.findall(r"Sentence\s+(\d+)\s+of", "\n".join(pages))
    assert sorted(set(map(int, printed))) == list(range(600))


def test_a_label_with_quotes_and_backslashes_is_printed_in_the_parallel_document(tmp_path):
    """A translated label is data in the parallel DOCX's Markdown attributes too."""
    from helpers.project import edit, make_project

    from unreport.cli import main
    project = make_project(tmp_path / "p", "base")
    edit(project / "locales" / "zh" / "messages.po", 'msgstr "建议 %(number)s"',
         'msgstr "“建议” \\"%(number)s\\" \\\\"')
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "--format", "docx"]) == 0
    right = [r[1] for r in rows(out / "note.en-zh.docx")]
    assert any(cell.startswith('“建议” "1" \\') for cell in right), right


def test_a_long_chinese_row_stays_on_the_pages(tmp_path):
    """A Chinese character takes about two letters' room: a row of 1,490 of them is more than
    a page of its column and must break, not run off the page."""
    from helpers.project import edit, make_project

    from unreport.cli import main
    project = make_project(tmp_path / "p", "base")
    long_zh = "这是一个很长的段落。" * 149
    edit(project / "locales" / "zh" / "note.po",
         'msgstr "本说明向*委员会*提供其所要求的信息。^[见[[intro.items]]。]"',
         f'msgstr "{long_zh}"')
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "--format", "pdf"]) == 0
    import pdfplumber
    bottom_margin = 15 * 72 / 25.4  # templates/typst/parallel.typ
    with pdfplumber.open(out / "note.en-zh.pdf") as pdf:  # only what is in the text area
        inside = [c["text"] for p in pdf.pages for c in p.chars
                  if c["bottom"] <= p.height - bottom_margin + 0.5]
    assert inside.count("很") == 149
