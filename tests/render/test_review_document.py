"""The review (parallel) document a reviser can trust, read back: each column's footnotes carry
its edition's numbers (the same note has the same number on both sides), labels as the
editions print them and apart from their text, headings as headings, list levels indented,
every masthead row, and a DOCX header and footer with the page number."""

import re
import zipfile

import pdfplumber
import pytest
from helpers.project import edit, make_project
from docx import Document
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REPORT = "all-blocks"
MM = 72 / 25.4


@pytest.fixture(scope="module")
def review(tmp_path_factory):
    from unreport.cli import main
    tmp = tmp_path_factory.mktemp("review")
    project = make_project(tmp / "p", "blocks")
    out = tmp / "out"
    assert main(["--root", str(project), "--output", str(out), "--strict"]) == 0
    return out


def cell_marks(cell):
    """The footnote marks a cell prints, in order."""
    marks = []
    for r in cell._tc.iter(f"{W}r"):
        style = r.find(f"{W}rPr/{W}rStyle")
        if style is not None and style.get(f"{W}val") == "FootnoteReference":
            marks += [t.text for t in r.iter(f"{W}t")]
    return marks


def test_footnotes_numbered_alike_in_both_columns_of_the_docx(review):
    path = review / f"{REPORT}.en-zh.docx"
    table = Document(str(path)).tables[0]
    pairs = [(cell_marks(r.cells[0]), cell_marks(r.cells[1])) for r in table.rows[1:]]
    marked = [p for p in pairs if p[0] or p[1]]
    # the fixture's five notes (front matter, paragraph 1, paragraph 4, a table cell, annex I)
    assert [left for left, _right in marked] == [["1"], ["2"], ["3"], ["4"], ["5"]]
    assert all(left == right for left, right in marked)
    # each note's text starts with the same number as its mark, in both languages
    with zipfile.ZipFile(path) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    texts = ["".join(t.text or "" for t in n.iter(f"{W}t")) for n in notes.iter(f"{W}footnote")
             if int(n.get(f"{W}id")) > 0]
    assert [t.split(" ", 1)[0] for t in texts] == ["1", "1", "2", "2", "3", "3", "4", "4", "5",
                                                    "5"]
    assert texts[0] == "1 By consensus." and texts[1] == "1 以协商一致方式。"


def test_footnotes_numbered_alike_in_both_columns_of_the_pdf(review):
    # (pdfplumber on purpose: another reader than verify's pypdf, and it crops and places)
    with pdfplumber.open(review / f"{REPORT}.en-zh.pdf") as pdf:
        entries = []
        for page in pdf.pages:
            # footnote entries: under the separator (a short rule at the left margin), each
            # line beginning with its number
            rules = [r for r in list(page.lines) + list(page.rects)
                     if 20 * MM < r["x1"] - r["x0"] < 100 * MM and r["x0"] < 20 * MM
                     and r["bottom"] - r["top"] < 2]
            if not rules:
                continue
            below = max(r["top"] for r in rules)
            lines = []  # chars grouped into lines (a superscript number sits a little higher)
            for c in sorted((c for c in page.chars if c["top"] > below and c["text"].strip()
                             and c["bottom"] < page.height - 11 * MM),  # not the page number
                            key=lambda c: c["bottom"]):
                if lines and c["bottom"] - lines[-1][-1]["bottom"] < 1.5 * MM:
                    lines[-1].append(c)
                else:
                    lines.append([c])
            entries += [min(chars, key=lambda c: c["x0"])["text"] for chars in lines]
    assert entries == ["1", "1", "2", "2", "3", "3", "4", "4", "5", "5"]


def rows(review):
    table = Document(str(review / f"{REPORT}.en-zh.docx")).tables[0]
    return table.rows[1:]


def test_labels_as_in_the_editions_and_apart_from_their_text(review):
    texts = [(r.cells[0].text, r.cells[1].text) for r in rows(review)]
    assert ("Table 1\nFees by year", "表1\n按年份分列的费用") in texts
    assert ("Annex I\nData submitted", "附件一\n提交的数据") in texts
    assert ("Recommendation 1\nThe Committee should meet again (chapter I, section A).",
            "建议 1\n委员会应再次举行会议（第一章第A节）。") in texts


def test_masthead_rows_headings_and_list_levels(review):
    table_rows = rows(review)
    texts = [(r.cells[0].text, r.cells[1].text) for r in table_rows]
    assert texts[:5] == [
        ("\tGeneral Assembly", "\t大会"),
        ("\tDistr.: General\n2 June 2025\nOriginal: English",
         "\tDistr.: General\n2 June 2025\nChinese\nOriginal: English"),
        ("\tCommittee on Block Kinds", "\t区块种类委员会"),
        ("\tVienna, 26–28 May 2025", "\t2025年5月26日至28日，维也纳"),
        ("\tReport of the Committee", "\t委员会的报告")]
    styles = {r.cells[0].text.split("\t")[0]: r.cells[0].paragraphs[0].style for r in table_rows}
    chapter, item, para = styles["I."], styles["(a)"], styles["1."]
    assert chapter.name == "ParallelHeading" and chapter.font.bold
    assert para.name == "ParallelTxt"
    # a list item's number stands one number column further in than a paragraph's
    assert item.paragraph_format.left_indent.mm == pytest.approx(
        para.paragraph_format.left_indent.mm + 10, abs=0.1)


def test_review_docx_has_a_header_and_page_numbers(review):
    section = Document(str(review / f"{REPORT}.en-zh.docx")).sections[0]
    assert section.header.paragraphs[0].text == "A/AC.998/2025/2\tEnglish – Chinese"
    assert 'w:instr=" PAGE "' in section.footer._element.xml


def test_review_ids_show_each_rows_id_and_status(tmp_path):
    """--review-ids: a third column with the row's ID and its translation status, in both
    formats; without it the review document has two columns."""
    from unreport.cli import main
    project = make_project(tmp_path / "p", "blocks")
    edit(project / "locales" / "zh" / "all-blocks.po", 'msgstr "费用"', 'msgstr ""')
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out), "--review-ids"]) == 0
    table = Document(str(out / f"{REPORT}.en-zh.docx")).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["English", "Chinese", "编号/状态"]
    by_id = {r.cells[2].text.split("\n")[0]: r.cells[2].text.split("\n")[1]
             for r in table.rows[1:]}
    assert by_id["intro.mandate"] == "translated" and by_id["intro.fees"] == "untranslated"
    # (pdfplumber on purpose: another reader than verify's pypdf, and it crops and places)
    with pdfplumber.open(out / f"{REPORT}.en-zh.pdf") as pdf:
        text = "".join(p.extract_text() for p in pdf.pages)
    assert "intro.fees" in text and "untranslated" in text
    # and without the option, two columns
    assert main(["--root", str(project), "--output", str(tmp_path / "plain")]) == 0
    plain = Document(str(tmp_path / "plain" / f"{REPORT}.en-zh.docx")).tables[0]
    assert [c.text for c in plain.rows[0].cells] == ["English", "Chinese"]


def test_review_pdf_tags_each_column_with_its_language(review):
    """The Chinese column's text is marked content with /Lang (zh), the English column's is
    the document's language (en): a screen reader reads each in its own language."""
    from pypdf import PdfReader
    reader = PdfReader(str(review / f"{REPORT}.en-zh.pdf"))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    content = b"".join(page.get_contents().get_data() for page in reader.pages)
    zh_spans = re.findall(rb"/Lang\s*\(zh\)>>\s*BDC", content)
    rows = len(Document(str(review / f"{REPORT}.en-zh.docx")).tables[0].rows) - 1
    assert len(zh_spans) >= rows  # at least one Chinese span per row
