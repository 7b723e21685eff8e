"""House style per language, against the seed's exact strings (DESIGN.md)."""

import datetime as dt

import pytest
from helpers.project import ROOT

from unreport.project.paths import Project
from unreport.lang.style import load_style

D = dt.date


@pytest.fixture(scope="module")
def en():
    return load_style(Project(ROOT), "en")


@pytest.fixture(scope="module")
def zh():
    return load_style(Project(ROOT), "zh")


def test_dates(en, zh):
    assert en.date(D(2017, 9, 11)) == "11 September 2017"
    assert zh.date(D(2017, 9, 11)) == "2017年9月11日"


def test_date_ranges(en, zh):
    assert en.date_range(D(2017, 9, 11), D(2017, 9, 13)) == "11–13 September 2017"
    assert en.date_range(D(2012, 5, 30), D(2012, 6, 1)) == "30 May–1 June 2012"
    assert en.date_range(D(2016, 12, 30), D(2017, 1, 2)) == "30 December 2016–2 January 2017"
    assert zh.date_range(D(2017, 9, 11), D(2017, 9, 13)) == "2017年9月11日至13日"
    assert zh.date_range(D(2012, 5, 30), D(2012, 6, 1)) == "2012年5月30日至6月1日"
    assert zh.date_range(D(2016, 12, 30), D(2017, 1, 2)) == "2016年12月30日至2017年1月2日"


def test_meeting_line(en, zh):
    assert en.meeting_line("Vienna", D(2017, 9, 11), D(2017, 9, 13)) == \
        "Vienna, 11–13 September 2017"
    assert zh.meeting_line("维也纳", D(2017, 9, 11), D(2017, 9, 13)) == "2017年9月11日至13日，维也纳"


def test_list_joining(en, zh):
    assert en.join(["Bahamas", "Chile", "Uruguay"]) == "Bahamas, Chile and Uruguay"
    assert en.join(["Bahamas", "Chile"]) == "Bahamas and Chile"
    assert en.join(["Bahamas"]) == "Bahamas"
    assert zh.join(["巴哈马", "智利", "乌拉圭"]) == "巴哈马、智利、乌拉圭"
    assert zh.join(["巴哈马", "智利"]) == "巴哈马、智利"


def test_babel_cldr_is_not_house_style(zh):
    """Why the rules live in style.yaml: CLDR's list pattern differs from UN Chinese."""
    from babel.lists import format_list
    assert format_list(["巴哈马", "智利", "乌拉圭"], locale="zh") == "巴哈马、智利和乌拉圭"
    assert zh.join(["巴哈马", "智利", "乌拉圭"]) != format_list(["巴哈马", "智利", "乌拉圭"], locale="zh")


def test_numbers(en, zh):
    assert [en.number("chapter", n) for n in (1, 4, 5, 9)] == ["I.", "IV.", "V.", "IX."]
    assert [zh.number("chapter", n) for n in (1, 4, 5, 10, 12)] == ["一.", "四.", "五.", "十.", "十二."]
    assert en.number("section", 2) == zh.number("section", 2) == "B."
    assert en.number("item", 1, "alpha", 0) == "(a)"
    assert en.number("item", 2, "alpha", 1) == "(ii)"
    assert zh.number("item", 6, "decimal", 0) == "6."
