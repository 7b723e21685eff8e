"""The six official UN languages as data (locales/<lang>/): house style against exact strings,
UN State names, the masthead block, QA words, fonts, the shipped catalogs. (Right-to-left
Arabic as each format prints it: tests/formats/docx|pdf/test_right_to_left.py.)"""

import datetime as dt

import pytest
import yaml
from helpers.project import ROOT

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
                        D(2017, 9, 11), style(sort_lang).collation)
    terms = load_terms(PROJECT, lang, Collector())
    assert s.join([terms.name(c, D(2017, 9, 11)) for c in codes]) == STATE_LISTS[lang]


def test_arabic_collation_ignores_the_article_and_alif_forms():
    from unreport.lang.terms import collation_key
    key = collation_key(style("ar").collation)
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


# ---- fonts ------------------------------------------------------------------------------------
def test_missing_font_names_the_package_of_its_script():
    from unreport.formats.pdf.writer import font_packages, missing_font_hint
    packages = font_packages(PROJECT)
    hint = missing_font_hint("unknown font family: noto naskh arabic", packages)
    assert hint == "Debian/Ubuntu: apt-get install fonts-noto-core"
    assert missing_font_hint("unknown font family: noto serif cjk sc", packages).endswith(
        "fonts-noto-cjk")


def test_missing_arabic_font_fails_the_build_naming_its_package(tmp_path, capsys):
    from helpers.project import make_project

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
        assert missing == [], (lang, path.name, missing)
