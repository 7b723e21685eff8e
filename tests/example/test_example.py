"""The worked example, built from YAML and PO, read back from all four outputs."""

import re
import zipfile

from helpers.project import FIXTURES, SEED, make_project
from helpers.readback import (docx_paragraphs, neutral, normalise_cjk_digit_spacing, number_tokens_docx,
                      number_tokens_pdf, pdf_text, squash)

REPORT = "wg7-2017-l1"
FILES = [f"{REPORT}.{lang}.{fmt}" for lang in ("en", "zh") for fmt in ("docx", "pdf")]


def tokens(path):
    toks = number_tokens_docx(path) if path.suffix == ".docx" else number_tokens_pdf(path)
    return [neutral(t) for t in toks]


def test_four_files_written(example_outputs):
    for name in FILES:
        assert (example_outputs / name).stat().st_size > 5000, name


def test_numbers_identical_in_all_four_files(example_outputs):
    seqs = {name: tokens(example_outputs / name) for name in FILES}
    first = seqs[FILES[0]]
    for name, seq in seqs.items():
        assert seq == first, f"{name} numbers differ from {FILES[0]}"


def test_number_sequence_follows_the_seed(example_outputs):
    seq = tokens(example_outputs / f"{REPORT}.en.docx")
    paras = [int(t[:-1]) for t in seq if re.fullmatch(r"\d+\.", t)]
    recs = [int(t[1:]) for t in seq if t.startswith("R")]
    chapters = [t for t in seq if re.fullmatch(r"[IVX]+\.", t)]
    assert recs == list(range(1, 9))
    assert chapters == ["I.", "II.", "III.", "IV.", "V."]
    # paragraphs 1-21 run through the report; subsections (1., 2.) and agenda items (1.-6.)
    # are numbered on their own, so pick the paragraph numbers by their running order
    running, found = 0, []
    for n in paras:
        if n == running + 1:
            running = n
            found.append(n)
    assert found == list(range(1, 22))
    # sections A-B in chapter II, A-E in chapter IV
    sections = [t for t in seq if re.fullmatch(r"[A-E]\.", t)]
    assert sections == ["A.", "B.", "A.", "B.", "C.", "D.", "E."]
    # the agenda 1.-6. with (a), (b) under item 1; the documents (a)-(d)
    i = seq.index("12.")
    assert seq[i + 1: i + 9] == ["1.", "(a)", "(b)", "2.", "3.", "4.", "5.", "6."]
    j = seq.index("20.")
    assert seq[j + 1: j + 5] == ["(a)", "(b)", "(c)", "(d)"]


def seed_paragraphs():
    """Numbered paragraphs of the Chinese seed: number -> text (digit spacing normalised)."""
    out, running = {}, 0
    for line in SEED.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d+)\. (.+)$", line.strip())
        if m and int(m.group(1)) == running + 1:
            running += 1
            out[running] = normalise_cjk_digit_spacing(m.group(2).strip())
    assert len(out) == 21
    return out


def test_every_seed_paragraph_in_chinese_docx_exactly(example_outputs):
    paras = [t for s, t in docx_paragraphs(example_outputs / f"{REPORT}.zh.docx")
             if s == "SingleTxt"]
    for n, text in seed_paragraphs().items():
        assert f"{n}.\t{text}" in paras, f"paragraph {n} not found verbatim"


def test_every_seed_paragraph_in_chinese_pdf(example_outputs):
    # PDF text extraction breaks lines and renders Typst's CJK-Latin spacing as spaces:
    # compare without whitespace
    text = squash(pdf_text(example_outputs / f"{REPORT}.zh.pdf"))
    for n, para in seed_paragraphs().items():
        assert squash(f"{n}.{para}") in text, f"paragraph {n} not found in the PDF"


def test_seed_list_items_and_recommendations_in_chinese_docx(example_outputs):
    paras = [t for _s, t in docx_paragraphs(example_outputs / f"{REPORT}.zh.docx")]
    for expected in ["1.\t组织事项：", "(a)\t会议开幕；", "(b)\t通过议程和工作安排。", "6.\t通过报告。",
                     "(d)\t秘书处编写的关于审查偷运移民定义的“金钱和物质利益”方面的背景文件"
                     "（CTOC/COP/WG.7/2017/4）。", "建议 8", "一.\t引言", "五.\t通过报告",
                     "A.\t关于特定议题的建议", "1.\t利用《联合国打击跨国有组织犯罪公约》应对与偷运移民有关的挑战"]:
        assert expected in paras, expected


def test_chinese_pdf_uses_cjk_fonts(example_outputs):
    from pypdf import PdfReader
    fonts = set()
    for page in PdfReader(str(example_outputs / f"{REPORT}.zh.pdf")).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("NotoSerifCJK" in f for f in fonts), fonts
    assert any("NotoSansCJK" in f for f in fonts), fonts
    # no missing glyphs: every CJK character of the seed's paragraph 1 is extracted back
    assert "依照联合国打击跨国有组织犯罪公约缔约方会议" in pdf_text(example_outputs / f"{REPORT}.zh.pdf")


def test_chinese_docx_sets_east_asian_fonts(example_outputs):
    with zipfile.ZipFile(example_outputs / f"{REPORT}.zh.docx") as z:
        styles = z.read("word/styles.xml").decode()
    assert 'w:eastAsia="SimSun"' in styles
    assert 'w:eastAsia="SimHei"' in styles
    single = re.search(r'<w:style [^>]*w:styleId="SingleTxt".*?</w:style>', styles, re.S).group(0)
    assert 'w:eastAsia="SimSun"' in single
    chapter = re.search(r'<w:style [^>]*w:styleId="HCh".*?</w:style>', styles, re.S).group(0)
    assert 'w:eastAsia="SimHei"' in chapter


def test_house_style_strings_in_outputs(example_outputs):
    en = [t for _s, t in docx_paragraphs(example_outputs / f"{REPORT}.en.docx")]
    zh = [t for _s, t in docx_paragraphs(example_outputs / f"{REPORT}.zh.docx")]
    assert "Vienna, 11–13 September 2017" in en
    assert "2017年9月11日至13日，维也纳" in zh
    p10_en = next(t for t in en if t.startswith("10.\t"))
    assert p10_en.endswith("Türkiye, United Kingdom of Great Britain and Northern Ireland and "
                           "Uruguay.") is False  # the 2017 name is used on a 2017 report
    assert p10_en.endswith("Turkey, United Kingdom of Great Britain and Northern Ireland and "
                           "Uruguay.")
    assert ", and Uruguay" not in p10_en
    p10_zh = next(t for t in zh if t.startswith("10.\t"))
    assert p10_zh.endswith("土耳其、大不列颠及北爱尔兰联合王国、乌拉圭。")
    assert "和乌拉圭" not in p10_zh
    # the masthead's distribution block stays in English in the Chinese edition
    for line in ("Distr.: Limited", "11 September 2017", "Chinese", "Original: English"):
        assert line in zh
    assert "Chinese" not in en


def test_second_report_builds_with_no_knowledge_of_the_example(tmp_path):
    from unreport.cli import main
    project = make_project(tmp_path / "p", FIXTURES / "mini" / "content" / "annual-note.yaml")
    out = tmp_path / "out"
    assert main(["--root", str(project), "--output", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".") and p.suffix != ".json") == [
        "annual-note.en.docx", "annual-note.en.pdf"]
    paras = [t for _s, t in docx_paragraphs(out / "annual-note.en.docx")]
    assert "1.\tThis note gives the Committee the information it requested." in paras
    assert "2.\tThe Committee has the following members: France, Germany and Japan." in paras
    assert "3.\tThe Committee will consider, as set out in paragraph 1:" in paras
    assert "(a)\tthe budget, including:" in paras
    assert "(i)\tstaff costs;" in paras
    assert "(b)\tthe calendar." in paras
    assert "I.\tBackground" in paras and "II.\tOutline" in paras and "A.\tFirst matters" in paras
    assert "The Committee may wish to take note of this note (chapter II)." in paras
    assert "Geneva, 28 February–2 March 2024" in paras
    text = pdf_text(out / "annual-note.en.pdf")
    assert "Recommendation 1" in text and "Geneva, 28 February–2 March 2024" in text
    assert number_tokens_pdf(out / "annual-note.en.pdf") == \
        number_tokens_docx(out / "annual-note.en.docx")
