"""`build.py status`: counts per language and report; --min-percent for CI."""

from helpers.project import content, edit, make_project

from unreport.cli import main


def changed_project(tmp_path):
    """The fixture with one source text changed, one paragraph added, one deleted, synced."""
    project = make_project(tmp_path / "p", "tr")
    edit(content(project), "share information.", "share data.")
    edit(content(project), "      - recommendation: recs.one",
         "      - para: recs.new\n        text: A new paragraph.\n      - recommendation: recs.one")
    edit(content(project), "      - para: intro.docs\n        text: The Working Group had before "
         "it the report described in paragraph [[intro.mandate]].\n", "")
    assert main(["--root", str(project), "catalogs"]) == 0
    return project


def test_status_table_counts(tmp_path, capsys):
    project = changed_project(tmp_path)
    capsys.readouterr()
    assert main(["--root", str(project), "status"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["language", "report", "translated", "fuzzy", "untranslated",
                              "obsolete", "from", "memory", "done"]
    # 9 texts: 7 translated, recs.one changed (fuzzy), recs.new new; intro.docs obsolete
    assert out[2].split() == ["zh", "tr-note", "7", "1", "1", "1", "0", "77.8%"]
    # the label catalog is a row too: all 14 labels translated (the review documents'
    # "ID / status" included)
    assert out[3].split() == ["zh", "(labels)", "14", "0", "0", "0", "0", "100.0%"]
    assert len(out) == 4


def test_fully_translated_is_100_percent(tmp_path, capsys):
    project = make_project(tmp_path / "p", "tr")
    assert main(["--root", str(project), "status", "--min-percent", "100"]) == 0
    assert capsys.readouterr().out.splitlines()[2].split() == \
        ["zh", "tr-note", "9", "0", "0", "0", "0", "100.0%"]


def test_min_percent_fails_below_threshold(tmp_path, capsys):
    project = changed_project(tmp_path)
    assert main(["--root", str(project), "status", "--min-percent", "77"]) == 0
    capsys.readouterr()
    assert main(["--root", str(project), "status", "--min-percent", "80"]) == 1
    err = capsys.readouterr().err
    assert err == ("locales/zh/tr-note.po: error: 77.8% translated, below --min-percent 80; "
                   "translate or review the remaining 2 entries\n")
