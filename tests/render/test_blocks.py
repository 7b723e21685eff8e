"""Every block kind (text, table, annex, states, footnotes, [[id]] and [[CODE]] references):
the fixture report tests/fixtures/blocks built in English and Chinese, read back from all four
outputs."""

import re
import zipfile

import pytest
from helpers.project import FIXTURES, ROOT, make_project
from docx import Document
from lxml import etree
from helpers.readback import docx_paragraphs, pdf_text, squash

REPORT = "all-blocks"
FIX = FIXTURES / "blocks"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# paragraph, heading, list and recommendation numbers, plus "Table 1"/"表1", "Annex I"/"附件一"
TOKEN = re.compile(r"^(\d+\.|[A-Z]\.|[IVX]+\.|[一二三四五]+\.|\([a-z]+\)|Recommendation\d+|建议\d+|"
                   r"Table\d+|表\d+|Annex[IVX]+|附件[一二三四五]+)")
ZH = {"一": "I", "二": "II", "三": "III", "四": "IV", "五": "V"}


def neutral(tok: str) -> str:
    tok = re.sub(r"^(Recommendation|建议)", "R", tok)
    tok = re.sub(r"^(Table|表)", "T", tok)
    m = re.fullmatch(r"(?:Annex|附件)(\S+)", tok)
    if m:
        return "A" + "".join(ZH.get(c, c) for c in m.group(1))
    m = re.fullmatch(r"([一二三四五]+)\.", tok)
    return ZH[m.group(1)] + "." if m else tok


# The structure of the fixture, language-neutral: chapter I with paragraphs 1-4, section A with
# table 1 and subsection 1 (paragraph 5 and its list), chapter II with recommendation 1 and
# table 2, annex I (paragraphs restart at 1) and annex II (again from 1).
EXPECTED = ["I.", "1.", "2.", "3.", "4.", "A.", "T1", "1.", "5.", "(a)", "(b)", "II.", "R1", "T2",
            "AI", "1.", "2.", "AII", "1."]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    from unreport.cli import main
    tmp = tmp_path_factory.mktemp("blocks")
    make_project(tmp, "blocks")
    # --verify reads every output back: tables, annexes and unnumbered texts included (it
    # failed on them with KeyError: 'table')
    assert main(["--root", str(tmp), "--strict", "--verify"]) == 0
    return tmp / "output"


def tokens_docx(path):
    toks = []
    for style, text in docx_paragraphs(path):
        if style in ("MastheadOrgan", "Distribution", "BodyLine", "MeetingLine", "ReportTitle"):
            continue
        m = TOKEN.match(squash(text))
        if m:
            toks.append(neutral(m.group(1)))
    return toks


def tokens_pdf(path):
    toks = []
    for line in pdf_text(path).splitlines():
        m = TOKEN.match(squash(line))
        # footnote texts begin with their digit but no full stop; page numbers stand alone;
        # the job number "V.25-01234 (E)" is page furniture
        if m and not re.fullmatch(r"\d+", squash(line)) and not line.startswith("V.25-"):
            toks.append(neutral(m.group(1)))
    return toks


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_numbers_in_docx_and_pdf(outputs, lang):
    assert tokens_docx(outputs / f"{REPORT}.{lang}.docx") == EXPECTED
    assert tokens_pdf(outputs / f"{REPORT}.{lang}.pdf") == EXPECTED


def paragraphs(outputs, lang):
    return [t for _s, t in docx_paragraphs(outputs / f"{REPORT}.{lang}.docx")]


def test_labels_in_each_language(outputs):
    en, zh = paragraphs(outputs, "en"), paragraphs(outputs, "zh")
    for label in ("Table 1", "Table 2", "Annex I", "Annex II"):
        assert label in en
    for label in ("表1", "表2", "附件一", "附件二"):
        assert label in zh


def test_unnumbered_text_has_no_number(outputs):
    for lang, text in (("en", "This sentence has no number."), ("zh", "这句话没有编号。"),
                       ("en", "The present report was adopted without a vote.")):
        paras = docx_paragraphs(outputs / f"{REPORT}.{lang}.docx")
        assert ("SingleTxt", text) in paras
        lines = [squash(x) for x in pdf_text(outputs / f"{REPORT}.{lang}.pdf").splitlines()]
        assert any(x.startswith(squash(text)) for x in lines)


def test_annex_original_language_only_when_it_differs(outputs):
    for lang, original in (("en", "[Original: Chinese]"), ("zh", "[原件：中文]")):
        paras = docx_paragraphs(outputs / f"{REPORT}.{lang}.docx")
        texts = [t for _s, t in paras]
        first = texts.index("Annex I" if lang == "en" else "附件一")
        assert paras[first + 1] == ("AnnexOriginal", original)
        assert texts.count(original) == 1  # not under annex II, whose language is the report's
        pdf = [squash(x) for x in pdf_text(outputs / f"{REPORT}.{lang}.pdf").splitlines()]
        assert pdf.count(squash(original)) == 1


def test_tables_read_back_as_tables(outputs):
    expected = {"en": [[["Year", "Amount"], ["2023", "100"], ["2024", "120"]],
                       [["Post"], ["Officer"]]],
                "zh": [[["年份", "金额"], ["2023", "100"], ["2024", "120"]],
                       [["职位"], ["干事"]]]}
    for lang, tables in expected.items():
        doc = Document(str(outputs / f"{REPORT}.{lang}.docx"))
        got = [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables[-2:]]
        assert got == tables
        text = squash(pdf_text(outputs / f"{REPORT}.{lang}.pdf"))
        caption = {"en": "Table1Feesbyyear", "zh": "表1按年份分列的费用"}[lang]
        assert caption + squash(" ".join(tables[0][0])) in text


def footnotes_docx(path):
    """Footnote texts in the order of their references in the body, and for each the number
    of the paragraph (or the text) it stands in."""
    with zipfile.ZipFile(path) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    by_id = {n.get(W + "id"): "".join(n.itertext()).strip()
             for n in notes.iter(W + "footnote") if int(n.get(W + "id")) > 0}
    from docx.text.paragraph import Paragraph
    doc = Document(str(path))
    out = []
    for p in doc.element.body.iter(W + "p"):
        for ref in p.iter(W + "footnoteReference"):
            where = Paragraph(p, doc).text
            out.append((by_id[ref.get(W + "id")], where.split("\t")[0] if "\t" in where else ""))
    return out


def test_footnotes_continuous_and_in_the_same_places(outputs):
    en = footnotes_docx(outputs / f"{REPORT}.en.docx")
    zh = footnotes_docx(outputs / f"{REPORT}.zh.docx")
    assert [t for t, _ in en] == ["By consensus.", "Resolution 1/1.",
                                  "See annex I, paragraph 1.", "Estimate.", "Annex note."]
    assert [t for t, _ in zh] == ["以协商一致方式。", "第1/1号决议。", "见附件一第1段。",
                                  "估计数。", "附件注。"]
    # each footnote of the translation stands in the paragraph with the same number
    assert [w for _, w in en] == [w for _, w in zh] == ["", "1.", "4.", "", "1."]
    for lang, notes in (("en", en), ("zh", zh)):
        lines = [squash(x) for x in pdf_text(outputs / f"{REPORT}.{lang}.pdf").splitlines()]
        # arabic, continuous through the document (1-4 on page 1, 5 in annex I)
        for n, (text, _where) in enumerate(notes, start=1):
            assert f"{n}{squash(text)}" in lines, (lang, n)


def test_cross_references_print_numbers_in_the_readers_language(outputs):
    en, zh = paragraphs(outputs, "en"), paragraphs(outputs, "zh")
    assert "1.\tThe Committee met as requested. Its fees are in table 1." in en
    assert "1.\t委员会应要求举行了会议。其费用载于表1。" in zh
    assert "The Committee should meet again (chapter I, section A)." in en
    assert "委员会应再次举行会议（第一章第A节）。" in zh
    assert "2.\tSee recommendation 1 and table 2." in en
    assert "2.\t见建议1和表2。" in zh
    assert "5.\t如第1段所述，还有两个事项：" in zh


def test_states_from_codes_mixed_with_participants_and_sorted_on_request(outputs):
    en, zh = paragraphs(outputs, "en"), paragraphs(outputs, "zh")
    assert ("2.\tThe following participants attended: Venezuela (Bolivarian Republic of), United "
            "Kingdom of Great Britain and Northern Ireland, European Union and Côte d'Ivoire.") in en
    assert "2.\t下列与会方出席了会议：委内瑞拉玻利瓦尔共和国、大不列颠及北爱尔兰联合王国、欧洲联盟、科特迪瓦。" in zh
    # order: name sorts by the English name (accents ignored) in every language
    assert ("3.\tThe following States spoke, in the English alphabetical order: Afghanistan, "
            "Côte d'Ivoire, United Kingdom of Great Britain and Northern Ireland and Venezuela "
            "(Bolivarian Republic of).") in en
    assert ("3.\t下列国家按英文字母顺序作了发言：阿富汗、科特迪瓦、大不列颠及北爱尔兰联合王国、"
            "委内瑞拉玻利瓦尔共和国。") in zh
    assert "4.\tColombia also made a statement." in en
    assert "4.\t哥伦比亚也作了发言。" in zh


def test_sort_language_is_house_style_data(tmp_path):
    """states_sort_language comes from style.yaml: set to zh, the list sorts by Chinese names."""
    from unreport.project.options import Options
    from unreport.build.pipeline import gather
    from unreport.formats import FORMATS
    from unreport.project.paths import Project
    make_project(tmp_path, "blocks")
    base = tmp_path / "templates" / "base" / "style.yaml"
    base.write_text(base.read_text(encoding="utf-8").replace(
        "states_sort_language: en", "states_sort_language: zh"), encoding="utf-8")
    plan = gather(Project(tmp_path), Options(langs=("en",)))
    line = next(x for x in plan.editions[0].markup(FORMATS['docx']).splitlines()
                if "The following States spoke" in x)
    # by code point of the Chinese names: 大 (U+5927), 委 (U+59D4), 科 (U+79D1), 阿 (U+963F)
    assert (0 < line.index("United Kingdom") < line.index("Venezuela") < line.index("Côte") <
            line.index("Afghanistan"))


def test_example_paragraph_11_names_colombia_by_code(example_outputs):
    content = (ROOT / "content" / "wg7-2017-l1.yaml").read_text(encoding="utf-8")
    assert '"[[COL]], a State that is neither' in content
    en = [t for _s, t in docx_paragraphs(example_outputs / "wg7-2017-l1.en.docx")]
    assert ("11.\tColombia, a State that is neither a party nor a signatory to the Smuggling of "
            "Migrants Protocol, also made a statement.") in en
