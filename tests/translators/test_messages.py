"""Template strings: labels extracted with Babel's extractors into locales/<lang>/messages.po."""

import io

from babel.messages.pofile import read_po
from helpers.project import edit, make_project

from unreport.cli import main


def labels(project):
    cat = read_po(io.BytesIO((project / "locales/zh/messages.po").read_bytes()))
    return {m.id: m for m in cat if m.id}, {m.id: m for m in cat.obsolete.values()}


def test_labels_are_extracted_from_templates_and_code(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    # the project's own label catalog, empty: catalogs fills it
    (project / "locales/zh/messages.po").write_text('msgid ""\nmsgstr ""\n"Language: zh\\n"\n')
    assert main(["--root", str(project), "catalogs"]) == 0
    active, _ = labels(project)
    assert set(active) == {"United Nations", "[Untranslated]", "[Changed]",
                           "Recommendation %(number)s", "Table %(number)s", "Annex %(number)s",
                           "[Original: %(language)s]", "English", "Chinese", "Arabic", "French",
                           "Russian", "Spanish",
                           "ID / status"}  # the review documents' --review-ids column
    rec = active["Recommendation %(number)s"]
    # references name the file only (xgettext --add-location=file): editing the code does
    # not change the catalog
    assert rec.locations == [("templates/base/labels.j2", None)] and rec.python_format
    tpl = (project / rec.locations[0][0]).read_text()
    assert '_("Recommendation %(number)s"' in tpl
    assert active["United Nations"].locations == [("unreport/render/edition.py", None)]
    assert not active["United Nations"].python_format
    assert any("masthead" in c for c in active["United Nations"].auto_comments)
    assert all(m.string == "" for m in active.values())


def test_changed_label_is_new_old_one_obsolete_translations_kept_and_idempotent(tmp_path):
    project = make_project(tmp_path / "p", "tr")
    edit(project / "templates/base/labels.j2", '_("Recommendation %(number)s"',
         '_("Rec. %(number)s"')
    template = project / "templates/base/report.j2"
    edit(template, "{{ blocks(report.body) }}", '{{ blocks(report.body) }}\n{{ _("Annex") }}')
    assert main(["--root", str(project), "catalogs"]) == 0
    active, obsolete = labels(project)
    # by msgid only: the new label does not inherit the old one's translation
    assert active["Rec. %(number)s"].string == "" and not active["Rec. %(number)s"].fuzzy
    assert active["Annex"].string == ""
    assert obsolete["Recommendation %(number)s"].string == "建议 %(number)s"
    assert active["United Nations"].string == "联 合 国"
    first = (project / "locales/zh/messages.po").read_bytes()
    assert main(["--root", str(project), "catalogs"]) == 0
    assert (project / "locales/zh/messages.po").read_bytes() == first
    # a label the catalog translates is used in the edition; a new one falls back to English
    edit(project / "locales/zh/messages.po", 'msgid "Rec. %(number)s"\nmsgstr ""',
         'msgid "Rec. %(number)s"\nmsgstr "建议第%(number)s条"')
    from unreport.project.options import Options
    from unreport.build.pipeline import gather
    from unreport.project.paths import Project
    plan = gather(Project(project), Options(langs=("zh",)))
    from unreport.formats import FORMATS
    md = plan.editions[0].markup(FORMATS['docx'])
    assert "建议第1条" in md and "Annex" in md
