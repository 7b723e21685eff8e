"""The six official UN languages as data (locales/<lang>/): house style against exact strings,
UN State names, the masthead block, and right-to-left Arabic read back from the DOCX XML and
the PDF's word boxes."""

import datetime as dt
import re
import zipfile

import pdfplumber
import pytest
import yaml
from conftest import ROOT

from unreport.diagnostics import Collector
from unreport.render.edition import label_macros
from unreport.lang.labels import load_messages
from unreport.lang.numerals import format_number
from unreport.project.paths import Project
from unreport.lang.style import load_style
from unreport.lang.terms import load_terms, order_codes

D = dt.date
LANGS = ("ar", "zh", "en", "fr", "ru", "es")
REPORT = "wg7-2017-l1"
MM = 72 / 25.4
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PROJECT = Project(ROOT)


def style(lang):
    return load_style(PROJECT, lang)


# ---- dates, ranges, meeting lines -----------------------------------------------------------
DATES = {
    "en": ("11 September 2017", "11–13 September 2017", "Vienna, 11–13 September 2017"),
    "zh": ("2017年9月11日", "2017年9月11日至13日", "2017年9月11日至13日，Vienna"),
    "fr": ("11 septembre 2017", "11–13 septembre 2017", "Vienna, 11–13 septembre 2017"),
    "es": ("11 de septiembre de 2017", "11 a 13 de septiembre de 2017",
           "Vienna, 11 a 13 de septiembre de 2017"),
    "ru": ("11 сентября 2017 года", "11–13 сентября 2017 года",
           "Vienna, 11–13 сентября 2017 года"),
    "ar": ("11 أيلول/سبتمبر 2017", "11-13 أيلول/سبتمبر 2017", "Vienna، 11-13 أيلول/سبتمبر 2017"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_date_range_and_meeting_line(lang):
    s = style(lang)
    date, dates, line = DATES[lang]
    assert s.date(D(2017, 9, 11)) == date
    assert s.date_range(D(2017, 9, 11), D(2017, 9, 13)) == dates
    assert s.meeting_line("Vienna", D(2017, 9, 11), D(2017, 9, 13)) == line


def test_french_first_of_the_month_is_1er_in_dates_and_ranges():
    fr = style("fr")
    assert fr.date(D(2026, 6, 1)) == "1er juin 2026"
    assert fr.date(D(2026, 6, 2)) == "2 juin 2026"
    assert fr.date_range(D(2026, 6, 1), D(2026, 6, 3)) == "1er–3 juin 2026"
    assert fr.date_range(D(2012, 5, 30), D(2012, 6, 1)) == "30 mai–1er juin 2012"
    assert fr.date_range(D(2016, 12, 1), D(2017, 1, 1)) == "1er décembre 2016–1er janvier 2017"
    # the rule is data (day_forms), not French code: English keeps "1 June"
    assert style("en").date(D(2026, 6, 1)) == "1 June 2026"


def test_spanish_de_patterns_and_ranges():
    es = style("es")
    assert es.date(D(2017, 9, 11)) == "11 de septiembre de 2017"
    assert es.date_range(D(2012, 5, 30), D(2012, 6, 1)) == "30 de mayo a 1 de junio de 2012"
    assert es.date_range(D(2016, 12, 30), D(2017, 1, 2)) == \
        "30 de diciembre de 2016 a 2 de enero de 2017"


def test_russian_goda_forms():
    ru = style("ru")
    assert ru.date(D(2017, 9, 11)) == "11 сентября 2017 года"
    assert ru.date_range(D(2017, 9, 11), D(2017, 9, 13)) == "11–13 сентября 2017 года"
    assert ru.date_range(D(2012, 5, 30), D(2012, 6, 1)) == "30 мая – 1 июня 2012 года"
    assert ru.date_range(D(2016, 12, 30), D(2017, 1, 2)) == \
        "30 декабря 2016 года – 2 января 2017 года"


def test_arabic_double_month_names():
    ar = style("ar")
    want = ["كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
            "حزيران/يونيه", "تموز/يوليه", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
            "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر"]
    assert [ar.date(D(2017, m, 3)) for m in range(1, 13)] == [f"3 {n} 2017" for n in want]
    assert ar.date_range(D(2012, 5, 30), D(2012, 6, 1)) == "30 أيار/مايو - 1 حزيران/يونيه 2012"


# ---- lists ------------------------------------------------------------------------------------
def test_spanish_y_becomes_e_before_an_i_sound():
    es = style("es")
    assert es.join(["Chile", "Italia"]) == "Chile e Italia"
    assert es.join(["Francia", "Irlanda"]) == "Francia e Irlanda"
    assert es.join(["Bahamas", "Chile", "Indonesia"]) == "Bahamas, Chile e Indonesia"
    assert es.join(["Malta", "Honduras", "Hiroshima"]) == "Malta, Honduras e Hiroshima"
    # not before hie- (a diphthong) nor before hu- (the sound u): RAE, Ortografía 2010
    assert es.join(["España", "Hierro"]) == "España y Hierro"
    assert es.join(["Francia", "Hungría"]) == "Francia y Hungría"
    assert es.join(["Chile", "Uruguay"]) == "Chile y Uruguay"


JOINS = {"en": "Bahamas, Chile and Uruguay", "fr": "Bahamas, Chile et Uruguay",
         "es": "Bahamas, Chile y Uruguay", "ru": "Bahamas, Chile и Uruguay",
         "zh": "Bahamas、Chile、Uruguay", "ar": "Bahamas، وChile، وUruguay"}


@pytest.mark.parametrize("lang", LANGS)
def test_list_rule(lang):
    assert style(lang).join(["Bahamas", "Chile", "Uruguay"]) == JOINS[lang]


# three States (EGY, DEU, ARG) in each edition's order, joined by its rule; Chinese follows
# the English order, Arabic sorts without the article ال and with أ/إ/آ as ا
STATE_LISTS = {
    "en": "Argentina, Egypt and Germany",
    "zh": "阿根廷、埃及、德国",
    "fr": "Allemagne, Argentine et Égypte",
    "es": "Alemania, Argentina y Egipto",
    "ru": "Аргентина, Германия и Египет",
    "ar": "الأرجنتين، وألمانيا، ومصر",
}


@pytest.mark.parametrize("lang", LANGS)
def test_three_states_in_the_editions_own_order(lang):
    s = style(lang)
    sort_lang = s.data["states_sort_language"]
    codes = order_codes(["EGY", "DEU", "ARG"], "name", load_terms(PROJECT, sort_lang, Collector()),
                        D(2017, 9, 11), style(sort_lang).data.get("collation"))
    terms = load_terms(PROJECT, lang, Collector())
    assert s.join([terms.name(c, D(2017, 9, 11)) for c in codes]) == STATE_LISTS[lang]


def test_arabic_collation_ignores_the_article_and_alif_forms():
    from unreport.lang.terms import collation_key
    key = collation_key(style("ar").data["collation"])
    names = ["المملكة المتحدة", "إسبانيا", "الأرجنتين", "مصر", "آيسلندا", "ألمانيا"]
    assert sorted(names, key=key) == ["الأرجنتين", "إسبانيا", "ألمانيا", "آيسلندا", "مصر",
                                      "المملكة المتحدة"]
    # without the rules, plain UCA puts every name with the article under ا-ل
    plain = collation_key(None)
    assert sorted(names, key=plain)[0] != "الأرجنتين"


# ---- numbering and labels ---------------------------------------------------------------------
NUMBERS = {  # chapter 2, section 2, subsection 2, paragraph 2, item (b), nested (ii)
    "en": ("II.", "B.", "2.", "2.", "(b)", "(ii)"),
    "fr": ("II.", "B.", "2.", "2.", "(b)", "(ii)"),
    "es": ("II.", "B.", "2.", "2.", "(b)", "(ii)"),
    "ru": ("II.", "Б.", "2.", "2.", "b)", "ii)"),
    "zh": ("二.", "B.", "2.", "2.", "(b)", "(ii)"),
    "ar": ("ثانيا -", "باء -", "2 -", "2 -", "(ب)", "’2‘"),
}
LABELS = {  # "Recommendation 1", "Annex I", "Annex III"
    "en": ("Recommendation 1", "Annex I", "Annex III"),
    "fr": ("Recommandation 1", "Annexe I", "Annexe III"),
    "es": ("Recomendación 1", "Anexo I", "Anexo III"),
    "ru": ("Рекомендация 1", "Приложение I", "Приложение III"),
    "zh": ("建议 1", "附件一", "附件三"),
    "ar": ("التوصية 1", "المرفق الأول", "المرفق الثالث"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_chapter_section_subparagraph_numbering(lang):
    s = style(lang)
    got = (s.number("chapter", 2), s.number("section", 2), s.number("subsection", 2),
           s.number("para", 2), s.number("item", 2, "alpha", 0), s.number("item", 2, "alpha", 1))
    assert got == NUMBERS[lang]


@pytest.mark.parametrize("lang", LANGS)
def test_recommendation_and_annex_labels(lang):
    s = style(lang)
    messages = load_messages(PROJECT, lang, Collector())
    labels = label_macros(PROJECT, lang, messages)
    annex = messages.gettext("Annex %(number)s")
    got = (str(labels.recommendation(s.number("recommendation", 1))),
           annex % {"number": s.number("annex", 1)}, annex % {"number": s.number("annex", 3)})
    assert got == LABELS[lang]


def test_numeral_sequences():
    assert [format_number(n, "arabic-ordinal") for n in (1, 2, 3, 10, 11, 12)] == \
        ["أولا", "ثانيا", "ثالثا", "عاشرا", "حادي عشر", "ثاني عشر"]
    assert [format_number(n, "abjad-names") for n in range(1, 6)] == \
        ["ألف", "باء", "جيم", "دال", "هاء"]
    assert [format_number(n, "abjad") for n in range(1, 6)] == ["أ", "ب", "ج", "د", "هـ"]
    # Russian sections skip Ё and Й: А Б В Г Д Е Ж З И К
    assert "".join(format_number(n, "cyrillic-upper") for n in range(1, 11)) == "АБВГДЕЖЗИК"
    assert format_number(40, "abjad") == "40"  # past the sequence: digits


# ---- masthead ---------------------------------------------------------------------------------
MASTHEADS = {
    "en": ("Distr.: Limited", "11 September 2017", "", "Original: English"),
    "zh": ("Distr.: Limited", "11 September 2017", "Chinese", "Original: English"),
    "ru": ("Distr.: Limited", "11 September 2017", "Russian", "Original: English"),
    "ar": ("Distr.: Limited", "11 September 2017", "Arabic", "Original: English"),
    "fr": ("Distr. limitée", "11 septembre 2017", "Français", "Original : anglais"),
    "es": ("Distr. limitada", "11 de septiembre de 2017", "Español", "Original: inglés"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_masthead_block_in_its_language(lang):
    s = style(lang)
    block = style(s.data["distribution_language"]).distribution_block(
        "limited", D(2017, 9, 11), s, style("en"), lang != "en")
    assert (block["distribution"], block["date"], block["edition_language"],
            block["original"]) == MASTHEADS[lang]


def test_masthead_levels_in_french_and_spanish():
    fr, es = style("fr"), style("es")
    assert fr.distribution_block("general", D(2017, 9, 11), fr, style("zh"), True)[
        "distribution"] == "Distr. générale"
    assert fr.distribution_block("general", D(2017, 9, 11), fr, style("zh"), True)[
        "original"] == "Original : chinois"
    assert es.distribution_block("general", D(2017, 9, 11), es, style("ar"), True)[
        "original"] == "Original: árabe"


@pytest.mark.parametrize("lang", LANGS)
def test_built_masthead_block(example_outputs, lang):
    from docx import Document
    doc = Document(str(example_outputs / f"{REPORT}.{lang}.docx"))
    lines = [p.text for t in doc.tables for c in t.rows[0].cells for p in c.paragraphs
             if p.style.name == "Distribution"]
    # Latin lines inside the Arabic edition are left-to-right isolates (LRI ... PDI)
    iso = (lambda s: f"\u2066{s}\u2069") if lang == "ar" else (lambda s: s)
    assert lines == [iso(x) for x in MASTHEADS[lang] if x]


# ---- State names ------------------------------------------------------------------------------
def test_every_code_resolves_in_all_six_languages():
    keys = {}
    for lang in LANGS:
        data = yaml.safe_load((ROOT / "src/unreport/data/locales" / lang / "terms.yaml").read_text("utf-8"))
        keys[lang] = set(data["terms"])
        terms = load_terms(PROJECT, lang, Collector())
        for code in keys[lang]:
            for on in (D(2017, 9, 11), D(2026, 1, 1)):
                assert terms.name(code, on), (lang, code)
    assert all(k == keys["en"] for k in keys.values())
    assert len(keys["en"]) >= 198


# UN short names (UNTERM / UN M49), written out here to cross-check the shipped files
UN_NAMES = {
    "VEN": ("فنزويلا (جمهورية - البوليفارية)", "委内瑞拉玻利瓦尔共和国",
            "Venezuela (Bolivarian Republic of)", "Venezuela (République bolivarienne du)",
            "Венесуэла (Боливарианская Республика)", "Venezuela (República Bolivariana de)"),
    "GBR": ("المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية", "大不列颠及北爱尔兰联合王国",
            "United Kingdom of Great Britain and Northern Ireland",
            "Royaume-Uni de Grande-Bretagne et d’Irlande du Nord",
            "Соединенное Королевство Великобритании и Северной Ирландии",
            "Reino Unido de Gran Bretaña e Irlanda del Norte"),
    "BOL": ("بوليفيا (دولة - المتعددة القوميات)", "多民族玻利维亚国",
            "Bolivia (Plurinational State of)", "Bolivie (État plurinational de)",
            "Боливия (Многонациональное Государство)", "Bolivia (Estado Plurinacional de)"),
    "IRN": ("إيران (جمهورية - الإسلامية)", "伊朗伊斯兰共和国", "Iran (Islamic Republic of)",
            "Iran (République islamique d’)", "Иран (Исламская Республика)",
            "Irán (República Islámica del)"),
    "KOR": ("جمهورية كوريا", "大韩民国", "Republic of Korea", "République de Corée",
            "Республика Корея", "República de Corea"),
    "RUS": ("الاتحاد الروسي", "俄罗斯联邦", "Russian Federation", "Fédération de Russie",
            "Российская Федерация", "Federación de Rusia"),
    "USA": ("الولايات المتحدة الأمريكية", "美利坚合众国", "United States of America",
            "États-Unis d’Amérique", "Соединенные Штаты Америки", "Estados Unidos de América"),
    "SYR": ("الجمهورية العربية السورية", "阿拉伯叙利亚共和国", "Syrian Arab Republic",
            "République arabe syrienne", "Сирийская Арабская Республика",
            "República Árabe Siria"),
    "CZE": ("تشيكيا", "捷克", "Czechia", "Tchéquie", "Чехия", "Chequia"),
    "CIV": ("كوت ديفوار", "科特迪瓦", "Côte d'Ivoire", "Côte d’Ivoire", "Кот-д'Ивуар",
            "Côte d’Ivoire"),
    "TUR": ("تركيا", "土耳其", "Türkiye", "Türkiye", "Турция", "Türkiye"),
}
ORDER = ("ar", "zh", "en", "fr", "ru", "es")


@pytest.mark.parametrize("code", sorted(UN_NAMES))
def test_un_names_cross_checked(code):
    for lang, want in zip(ORDER, UN_NAMES[code]):
        assert load_terms(PROJECT, lang, Collector()).name(code, D(2026, 1, 1)) == want, lang


def test_former_names_per_language():
    fr = load_terms(PROJECT, "fr", Collector())
    es = load_terms(PROJECT, "es", Collector())
    assert fr.name("TUR", D(2017, 9, 11)) == "Turquie"
    assert es.name("TUR", D(2017, 9, 11)) == "Turquía"
    assert fr.name("MKD", D(2017, 9, 11)) == "ex-République yougoslave de Macédoine"
    assert fr.name("MKD", D(2020, 1, 1)) == "Macédoine du Nord"


@pytest.mark.parametrize("lang", ("ar", "es", "fr", "ru"))
def test_terms_files_name_their_un_source(lang):
    head = (ROOT / "src/unreport/data/locales" / lang / "terms.yaml").read_text("utf-8").split("terms:")[0]
    assert "UNTERM" in head and "M49" in head and "NOT CLDR" in head


# ---- QA words ---------------------------------------------------------------------------------
@pytest.mark.parametrize("lang,text", [
    ("fr", "du 30 mai au 1er juin 2012, à sa cinquième session"),
    ("es", "del 30 de mayo al 1 de junio de 2012, en su quinto período de sesiones"),
    ("ru", "30 мая – 1 июня 2012 года, на ее пятой сессии"),
    ("ar", "من 30 أيار/مايو إلى 1 حزيران/يونيه 2012، في دورته الخامسة"),
])
def test_qa_reads_dates_and_ordinals_in_each_language(lang, text):
    from unreport.translators.qa import compare, facts, load_lang_data
    src = facts("from 30 May to 1 June 2012, at its fifth session", load_lang_data(PROJECT, "en"))
    tr = facts(text, load_lang_data(PROJECT, lang))
    assert compare(src, tr) == []
    wrong = facts(text.replace("2012", "2013"), load_lang_data(PROJECT, lang))
    assert compare(src, wrong) != []


def test_check_strict_passes_on_the_six_language_example(capsys):
    from unreport.cli import main
    assert main(["check", "--strict", "--root", str(ROOT)]) == 0
    captured = capsys.readouterr()
    assert "warning" not in captured.err and "6 edition(s)" in captured.out


# ---- Arabic DOCX XML --------------------------------------------------------------------------
def xml(path, part):
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


@pytest.fixture(scope="module")
def ar_docx(example_outputs):
    return example_outputs / f"{REPORT}.ar.docx"


def test_arabic_docx_runs_paragraphs_sections_tables_are_right_to_left(ar_docx):
    from lxml import etree
    root = etree.fromstring(xml(ar_docx, "word/document.xml").encode())
    arabic = re.compile(r"[\u0600-\u06ff]")
    runs = [r for r in root.iter(f"{W}r") if arabic.search("".join(r.itertext()))]
    assert len(runs) > 60
    assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in runs)
    latin_runs = [r for r in root.iter(f"{W}r") if "".join(r.itertext()).strip()
                  and not arabic.search("".join(r.itertext()))]
    assert latin_runs and all(r.find(f"{W}rPr/{W}rtl") is None for r in latin_runs)
    paras = [p for p in root.iter(f"{W}p") if arabic.search("".join(p.itertext()))]
    assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in paras)
    # the English distribution block stays left to right
    dist = [p for p in root.iter(f"{W}p") if "Distr.: Limited" in "".join(p.itertext())]
    assert dist and dist[0].find(f"{W}pPr/{W}bidi") is None
    assert all(t.find(f"{W}tblPr/{W}bidiVisual") is not None for t in root.iter(f"{W}tbl"))
    assert root.find(f".//{W}sectPr/{W}bidi") is not None
    for part in ("word/header1.xml", "word/footer1.xml"):
        assert "<w:bidi/>" in xml(ar_docx, part)


def test_arabic_docx_complex_script_sizes_and_bold(ar_docx):
    from lxml import etree
    styles = etree.fromstring(xml(ar_docx, "word/styles.xml").encode())
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    hch = by_id["HCh"].find(f"{W}rPr")
    assert hch.find(f"{W}sz").get(f"{W}val") == "28"
    assert hch.find(f"{W}szCs").get(f"{W}val") == "28"
    assert hch.find(f"{W}bCs") is not None
    assert hch.find(f"{W}rFonts").get(f"{W}cs") == "Simplified Arabic"
    body = by_id["SingleTxt"].find(f"{W}rPr")
    assert body.find(f"{W}szCs").get(f"{W}val") == "20" and body.find(f"{W}bCs") is None


PROOFING = {"en": "en-GB", "zh": "zh-CN", "fr": "fr-FR", "es": "es-ES", "ru": "ru-RU",
            "ar": "ar-SA"}


@pytest.mark.parametrize("lang", LANGS)
def test_docx_proofing_language_is_the_editions_own(example_outputs, lang):
    from lxml import etree
    styles = etree.fromstring(xml(example_outputs / f"{REPORT}.{lang}.docx",
                                  "word/styles.xml").encode())
    lang_el = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang_el.get(f"{W}val") == PROOFING[lang]
    assert lang_el.get(f"{W}bidi") == "ar-SA" and lang_el.get(f"{W}eastAsia") == "zh-CN"
    assert all(e.get(f"{W}val") == PROOFING[lang] for e in styles.iter(f"{W}lang"))


# ---- Arabic PDF: page furniture on the mirrored sides, whole words ---------------------------
@pytest.fixture(scope="module")
def ar_pdf(example_outputs):
    with pdfplumber.open(example_outputs / f"{REPORT}.ar.pdf") as pdf:
        yield pdf


def _words(page):
    return [dict(w, x0mm=w["x0"] / MM, x1mm=w["x1"] / MM, topmm=w["top"] / MM)
            for w in page.extract_words()]


def test_arabic_running_heads_and_footers_on_the_mirrored_sides(ar_pdf):
    pages = ar_pdf.pages
    assert len(pages) >= 3
    for n, page in enumerate(pages[1:], start=2):
        ws = _words(page)
        head = next(w for w in ws if w["text"] == "CTOC/COP/WG.7/2017/L.1")
        assert head["topmm"] < 20
        number = next(w for w in ws if w["text"] == str(n) and w["topmm"] > 270)
        job = next(w for w in ws if w["text"].startswith("V.17-06379") and w["topmm"] > 270)
        if n % 2 == 0:  # even pages of a right-to-left document: outer side is the right
            assert abs(head["x1mm"] - 190) < 3 and abs(number["x1mm"] - 190) < 3
            assert abs(job["x0mm"] - 20) < 3
        else:  # odd pages: left
            assert abs(head["x0mm"] - 20) < 3 and abs(number["x0mm"] - 20) < 3
            assert abs(job["x1mm"] - 190) < 10
        # the footer does not collapse: job number and page number far apart
        assert abs(job["x0mm"] - number["x0mm"]) > 100


def test_arabic_first_page_masthead_geometry(ar_pdf):
    ws = _words(ar_pdf.pages[0])
    symbol = next(w for w in ws if "TOC/COP/WG.7/2017/L.1" in w["text"])
    distr = next(w for w in ws if w["text"] == "Distr.:")
    job = next(w for w in ws if w["text"].startswith("V.17-06379") and w["topmm"] > 250)
    assert symbol["x0mm"] < 40  # the symbol on the left of an Arabic masthead
    assert distr["x0mm"] < 80  # the distribution block (English) on the left, left to right
    # the first page's job line (number, letter, dates) where the text starts: on the right
    job_line = [w for w in ws if abs(w["top"] - job["top"]) < 1]
    assert max(w["x1mm"] for w in job_line) > 170


def test_arabic_pdf_text_gives_whole_words_in_reading_order(example_outputs):
    from unreport.formats.pdf.readback import pdf_text
    text = pdf_text(example_outputs / f"{REPORT}.ar.pdf")
    assert "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة" in text
    assert "أيلول/سبتمبر" in text
    assert "الفريق العامل المعني بتهريب المهاجرين" in text


def test_verify_catches_a_wrong_arabic_number(example_outputs):
    """The right-to-left reading of --verify is not vacuous: a paragraph number or a word
    that the PDF does not print is reported."""
    from dataclasses import replace

    from unreport.formats.pdf import readback
    from unreport.verify import check_text

    def verify_pdf(path, display, seq, diag):
        check_text(readback.edition(path), display, seq, diag)
    expected = _arabic_expected()
    seq = [e for e in expected if e.kind != "meta"]
    ok = Collector()
    verify_pdf(example_outputs / f"{REPORT}.ar.pdf", "ar.pdf", seq, ok)
    assert not ok.errors
    i = next(k for k, e in enumerate(seq) if e.id == "org.opening.meetings")
    for bad in (replace(seq[i], number="66 -"),
                replace(seq[i], text=seq[i].text.replace("الرابع", "الخامس"),
                        head=seq[i].head.replace("الرابع", "الخامس"))):
        diag = Collector()
        verify_pdf(example_outputs / f"{REPORT}.ar.pdf", "ar.pdf",
                   seq[:i] + [bad] + seq[i + 1:], diag)
        assert any("org.opening.meetings" in str(d) for d in diag.errors)


def _arabic_expected():
    """What the Arabic edition prints, unit by unit, as the build computes it."""
    from unreport.build.pipeline import gather
    from unreport.project.options import Options
    plan = gather(PROJECT, Options(report_glob=REPORT, langs=("ar",), review=False,
                                   verify=True))
    return plan.printed[(REPORT, "ar")]


def test_logical_order_of_an_extracted_line():
    from unreport.formats.pdf.readback import logical_order
    # pypdf gives the words of a right-to-left run from left to right as printed
    assert logical_order("للقرار وفقا5/3 الذي اعتمده") == "وفقا للقرار5/3 اعتمده الذي"
    assert logical_order("Latin text only, 5/3") == "Latin text only, 5/3"


# ---- fonts ------------------------------------------------------------------------------------
def test_missing_font_names_the_package_of_its_script():
    from unreport.formats.pdf.writer import font_packages, missing_font_hint
    packages = font_packages(PROJECT)
    hint = missing_font_hint("unknown font family: noto naskh arabic", packages)
    assert hint == "Debian/Ubuntu: apt-get install fonts-noto-core"
    assert missing_font_hint("unknown font family: noto serif cjk sc", packages).endswith(
        "fonts-noto-cjk")


def test_missing_arabic_font_fails_the_build_naming_its_package(tmp_path, capsys):
    from conftest import make_project

    from unreport.cli import main
    project = make_project(tmp_path / "p", ROOT / "content" / f"{REPORT}.yaml")
    base = project / "templates" / "base" / "style.yaml"
    base.write_text(base.read_text("utf-8").replace(
        "font_packages:\n", "font_packages:\n  Scheherazade New: fonts-sil-scheherazade\n"),
        encoding="utf-8")
    ar = project / "locales" / "ar" / "style.yaml"
    ar.write_text(ar.read_text("utf-8").replace("[Liberation Serif, Noto Naskh Arabic]",
                                                "[Liberation Serif, Scheherazade New]"),
                  encoding="utf-8")
    code = main(["--root", str(project), "--output", str(tmp_path / "out"), "--lang", "ar",
                 "--format", "pdf", "--no-review"])
    err = capsys.readouterr().err
    assert code == 2
    assert "scheherazade" in err.lower() and "apt-get install fonts-sil-scheherazade" in err
    assert "fonts-noto-cjk" not in err


def test_parallel_docx_arabic_column_reads_right_to_left(example_outputs):
    from docx import Document
    doc = Document(str(example_outputs / f"{REPORT}.en-ar.docx"))
    rows = doc.tables[0].rows[1:]
    assert len(rows) > 40
    for row in rows:
        left, right = row.cells[0]._tc, row.cells[-1]._tc
        assert all(p.find(f"{W}pPr/{W}bidi") is None for p in left.iter(f"{W}p"))
        assert all(p.find(f"{W}pPr/{W}bidi") is not None for p in right.iter(f"{W}p"))
        arabic_runs = [r for r in right.iter(f"{W}r")
                       if re.search(r"[\u0600-\u06ff]", "".join(r.itertext()))]
        assert all(r.find(f"{W}rPr/{W}rtl") is not None for r in arabic_runs)
    assert any(re.search(r"[\u0600-\u06ff]", "".join(r.cells[-1]._tc.itertext())) for r in rows)


@pytest.fixture(scope="module")
def arabic_blocks(tmp_path_factory):
    """Every block kind in an Arabic edition (a draft: texts not translated show in English
    after the marker; numbers, labels, names and layout are the Arabic edition's)."""
    from conftest import FIXTURES, make_project

    from unreport.cli import main
    tmp = tmp_path_factory.mktemp("arabic-blocks")
    project = make_project(tmp / "p", FIXTURES / "blocks" / "content" / "all-blocks.yaml")
    path = project / "content" / "all-blocks.yaml"
    path.write_text(path.read_text("utf-8").replace("languages: [en, zh]", "languages: [en, ar]"),
                    encoding="utf-8")
    out = tmp / "out"
    assert main(["--root", str(project), "--output", str(out), "--lang", "ar",
                 "--no-review"]) == 0
    return out


def test_arabic_annexes_tables_and_sorted_states(arabic_blocks):
    from docx import Document
    doc = Document(str(arabic_blocks / "all-blocks.ar.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert "المرفق الأول" in texts and "المرفق الثاني" in texts
    assert "[الأصل: بالصينية]" in texts
    sorted_para = next(t for t in texts if "أفغانستان" in t)
    assert sorted_para.endswith("أفغانستان، وفنزويلا (جمهورية - البوليفارية)، وكوت ديفوار، "
                                "والمملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية.")
    assert any(t.startswith("أولا -\t") for t in texts)
    body = doc.element.body
    data_tables = [t for t in body.iter(f"{W}tbl") if "Year" in "".join(t.itertext())]
    assert data_tables and data_tables[0].find(f"{W}tblPr/{W}bidiVisual") is not None


def test_arabic_pdf_table_runs_right_to_left(arabic_blocks):
    with pdfplumber.open(arabic_blocks / "all-blocks.ar.pdf") as pdf:
        ws = [w for page in pdf.pages for w in page.extract_words()]
    year = next(w for w in ws if w["text"] == "Year")
    amount = next(w for w in ws if w["text"] == "Amount")
    # the first column (Year) stands on the right in a right-to-left table
    assert abs(year["top"] - amount["top"]) < 2 and year["x0"] > amount["x1"]


@pytest.mark.skipif(__import__("shutil").which("msgfmt") is None, reason="no GNU msgfmt")
@pytest.mark.parametrize("lang", ("ar", "zh", "fr", "ru", "es"))
def test_shipped_catalogs_pass_msgfmt_and_are_complete(lang):
    import subprocess

    from babel.messages.pofile import read_po
    for path in (ROOT / "src/unreport/data/locales" / lang / "messages.po",
                 ROOT / "locales" / lang / f"{REPORT}.po"):
        r = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
        with open(path, "rb") as f:
            cat = read_po(f)
        missing = [m.id for m in cat if m.id and (not m.string or m.fuzzy)]
        assert missing == [], (lang, name, missing)


def test_arabic_docx_through_libreoffice_mirrors_the_page(example_outputs, tmp_path):
    """The Arabic DOCX as Word-compatible software lays it out (LibreOffice): organ and
    "الأمم المتحدة" on the right, the English distribution block on the left; on following
    pages the running head and the page number on the outer side of a right-to-left document
    (right on even pages, left on odd ones), the job number on the other side."""
    import shutil
    import subprocess
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice is not installed")
    proc = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "pdf", "--outdir", str(tmp_path),
                           str(example_outputs / f"{REPORT}.ar.docx")],
                          capture_output=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    with pdfplumber.open(tmp_path / f"{REPORT}.ar.pdf") as pdf:
        pages = [_words(p) for p in pdf.pages[:3]]
    first = pages[0]
    # (pdfplumber reads the Arabic of LibreOffice's PDF in visual order: المتحدة as ةدحتملا)
    distr = next(w for w in first if w["text"] == "Limited" and w["topmm"] < 40)
    # (in the masthead row, which ends at 26 mm: templates/design.yaml page.header + row_height)
    un = next(w for w in first if w["text"] == "ةدحتملا" and w["topmm"] < 26)
    assert distr["x1mm"] < 80 and un["x1mm"] > 120
    for n, ws in ((2, pages[1]), (3, pages[2])):
        head = next(w for w in ws if w["text"] == "CTOC/COP/WG.7/2017/L.1")
        number = next(w for w in ws if w["text"] == str(n) and w["topmm"] > 275)
        job = next(w for w in ws if "17-06379" in w["text"] and w["topmm"] > 275)
        assert head["topmm"] < 20
        if n % 2 == 0:
            assert head["x1mm"] > 170 and number["x1mm"] > 170 and job["x0mm"] < 40
        else:
            assert head["x0mm"] < 40 and number["x0mm"] < 40 and job["x1mm"] > 170
