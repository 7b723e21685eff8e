"""The house style is typed, frozen data (lang/house.py) read from the merged style.yaml files
with every problem located in the file that sets the key; templates still see it as plain
read-only data."""

import dataclasses
import datetime as dt

import pytest
import yaml
from helpers.project import ROOT, SHIPPED, make_project

from unreport.cli import main
from unreport.diagnostics import ContentError
from unreport.lang.house import HouseStyle, NumberFormat
from unreport.lang.style import load_style
from unreport.project.paths import Project

LANGS = ("ar", "en", "es", "fr", "ru", "zh")


def merged_yaml(lang: str) -> dict:
    """templates/base/style.yaml with locales/<lang>/style.yaml laid over it, key by key, as
    PyYAML reads them (the plain data templates have always been given)."""
    def merge(a, b):
        out = dict(a)
        for k, v in b.items():
            out[k] = merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) \
                else v
        return out
    base = yaml.safe_load((SHIPPED / "templates/base/style.yaml").read_text(encoding="utf-8"))
    own = yaml.safe_load((SHIPPED / f"locales/{lang}/style.yaml").read_text(encoding="utf-8"))
    return merge(base, own)


def as_lists(value):
    if isinstance(value, dict):
        return {str(k): as_lists(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_lists(v) for v in value]
    return value


@pytest.mark.parametrize("lang", LANGS)
def test_every_shipped_style_reads_typed(lang):
    s = load_style(Project(ROOT), lang)
    assert isinstance(s.house, HouseStyle)
    assert all(isinstance(f, NumberFormat) for f in
               (s.numbers.chapter, s.numbers.para, s.numbers.annex, *s.numbers.item["alpha"]))
    # the template view is the merged YAML, unchanged (keys as YAML writes them)
    assert as_lists(s.data) == as_lists(merged_yaml(lang))


def test_typed_values_are_the_files_values():
    ar, fr, es = (load_style(Project(ROOT), lang).house for lang in ("ar", "fr", "es"))
    assert ar.direction == "rtl" and fr.direction == "ltr"  # fr: the base file's default
    assert ar.month_names[8] == "أيلول/سبتمبر" and len(ar.month_names) == 12
    assert fr.day_forms == {1: "1er"}  # a number as the key, read from YAML's text key
    assert ar.collation.ignore_prefixes == ("ال",) and ar.collation.equivalents["أ"] == "ا"
    assert ar.numbers.chapter.system == "arabic-ordinal"
    assert ar.numbers.section.system == "abjad-names"
    assert fr.numbers.section == NumberFormat("alpha-upper", "{}.")  # from the base file
    assert fr.masthead.language_names["en"] == "anglais"
    assert fr.masthead.distribution.limited == "Distr. limitée"
    assert es.list.last_for("Italia") == " e " and es.list.last_for("Uruguay") == " y "
    assert fr.reference.chapter == "{}" and fr.proofing.val == "fr-FR"


def test_typed_style_and_template_view_are_read_only():
    s = load_style(Project(ROOT), "zh")
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.house.locale = "en"
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.house.numbers.chapter.system = "arabic"
    with pytest.raises(TypeError):
        s.data["locale"] = "en"
    with pytest.raises(TypeError):
        s.data["numbers"]["chapter"]["system"] = "arabic"
    with pytest.raises(TypeError):
        s.house.masthead.language_names["xx"] = "?"
    assert s.number("chapter", 3) == "三." and s.date(dt.date(2017, 9, 11)) == "2017年9月11日"


def new_language(tmp_path, text: str):
    if not (tmp_path / "templates").exists():
        make_project(tmp_path)
    (tmp_path / "locales" / "xx").mkdir()
    (tmp_path / "locales" / "xx" / "style.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as exc:
        load_style(Project(tmp_path), "xx")
    return [str(d) for d in exc.value.diagnostics]


FULL = (ROOT / "src/unreport/data/locales/en/style.yaml").read_text(encoding="utf-8")


def test_a_required_key_missing_from_every_layer(tmp_path):
    text = FULL.replace("name: English", "# (no name)")
    assert new_language(tmp_path, text) == [
        "locales/xx/style.yaml:3:1: error: style is missing 'name'; add it "
        "(see locales/*/style.yaml)"]


def test_every_problem_located_in_its_own_file(tmp_path):
    """Problems in the base file and in the language's file are all reported, each at its
    key's value in the file that sets it."""
    text = FULL.replace('edition_letter: E', 'edition_letter: 5').replace(
        'list: {separator: ", ", last: " and "}',
        'list: {separator: ", ", last: " and ", lst_before: []}')
    base = (SHIPPED / "templates/base/style.yaml").read_text(encoding="utf-8")
    make_project(tmp_path)
    (tmp_path / "templates" / "base" / "style.yaml").write_text(
        base.replace("  chapter: {system: roman, format: \"{}.\"}",
                     "  chapter: {system: roman, format: \"{place}\"}"), encoding="utf-8")
    problems = new_language(tmp_path, text)
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if "lst_before" in ln)
    col = text.splitlines()[line - 1].index("lst_before") + 1
    assert problems == [
        "locales/xx/style.yaml:5:17: error: edition_letter: must be text, not a number; put "
        "it in quotes",
        f"locales/xx/style.yaml:{line}:{col}: error: list: unknown key 'lst_before'; did you "
        "mean 'last_before'?",
        "templates/base/style.yaml:15:36: error: numbers.chapter.format: '{place}' is not a "
        "field of this pattern; use only {} (no attribute, index or other name)"]


def test_bad_style_through_the_command_line(tmp_path, capsys):
    """One located line per problem, exit 1, no traceback."""
    make_project(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "note.yaml").write_text(
        (ROOT / "tests/bad/_base/content/note.yaml").read_text(encoding="utf-8"),
        encoding="utf-8")
    zh = tmp_path / "locales" / "zh" / "style.yaml"
    zh.write_text(zh.read_text(encoding="utf-8").replace(
        "inline_list: {before: \"\", after: \"。\"}",
        "inline_list: {before: \"\", after: [\"。\"], afterwards: \"\"}"), encoding="utf-8")
    assert main(["check", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert "Traceback" not in "\n".join(err)
    assert err == [
        "locales/zh/style.yaml:17:34: error: inline_list.after: must be text, not a list; "
        "put it in quotes",
        "locales/zh/style.yaml:17:41: error: inline_list: unknown key 'afterwards'; did you "
        "mean 'after'?",
        "2 errors; nothing was written"]


@pytest.mark.parametrize("names, message", [
    ("[" + ", ".join(f"m{i}" for i in range(13)) + "]", "must be twelve month names, not 13"),
    ("[]", "must be twelve month names, not 0"),
    ("janvier", "must be twelve month names")])
def test_month_names_are_twelve(tmp_path, names, message):
    text = FULL.replace("edition_letter: E", f"edition_letter: E\nmonth_names: {names}")
    assert new_language(tmp_path, text) == [
        f"locales/xx/style.yaml:6:14: error: month_names: {message}"]
