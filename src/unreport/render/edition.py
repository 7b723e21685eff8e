"""Stage 4, render: one edition (report x language): what each unit prints (units.py), the
edition in the markup of each selected output format, and masthead data.

The formats' markups (formats/<fmt>/markup.py) arrive as data from the build: this stage names
no format. Jinja2 templates (templates/<lang>/ overriding templates/base/) lay out the blocks:
report.j2 says what comes in which order, templates/<markup>/blocks.j2 how a block is written. Every
content text is parsed by `inline` and escaped into the format's markup here, so content is
data and is never evaluated as a template. Numbers come from the number stage, formatted by the
language's house style.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import jinja2

from unreport.model import inline
from unreport.diagnostics import Collector, ContentError, EnvironmentProblem
from unreport.lang.labels import load_messages
from unreport.model.nodes import Annex, Report, walk
from unreport.model.number import Number
from unreport.project.paths import Project
from unreport.lang.style import Style, load_style
from unreport.lang.terms import Terms
from unreport.render.units import EditionTexts, Printed, printed_units
from unreport.translate import Translation


@dataclass
class Edition:
    """What the writers need for one language edition of one report."""

    report: Report
    lang: str
    style: Style
    documents: dict[str, str]  # the edition in each selected markup, by dialect name
    masthead: dict
    missing: list = field(default_factory=list)  # (id, Text) shown in the source language
    units: list[Printed] = field(default_factory=list)  # what each unit prints, in order

    def markup(self, fmt) -> str:
        """What the writer of the format `fmt` reads."""
        return self.documents[fmt.markup.dialect.name]


_ENVS: dict[tuple, jinja2.Environment] = {}


def template_env(project: Project, lang: str, translations, markups=()) -> jinja2.Environment:
    """Templates of one language: templates/<lang>/ over templates/base/, with its gettext.
    One environment per (templates folder, language, catalog), so each template is compiled
    once; Jinja reloads a template whose file changed."""
    layers = project.layers("templates")
    key = (tuple(map(str, layers)), lang, id(translations))
    cached = _ENVS.get(key)
    if cached is not None and cached.globals.get("_catalog") is translations:
        for m in markups:  # the filters of each markup written with it (`md`, `typst`, ...)
            cached.filters.update(m.filters)
        return cached
    # templates/<lang>/ over templates/base/, the project's over the tool's at each level;
    # "docx/blocks.j2" and "typst/blocks.j2" are found in templates/ itself
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(t / sub))
                                    for sub in (lang, "base", "") for t in layers]),
        extensions=["jinja2.ext.i18n"], undefined=jinja2.StrictUndefined,
        autoescape=False, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.install_gettext_translations(translations, newstyle=True)
    for m in markups:
        env.filters.update(m.filters)
    env.filters["width"] = inline.display_width
    env.globals["_catalog"] = translations  # the catalog this environment was made for
    _ENVS[key] = env
    return env


def label_macros(project: Project, lang: str, messages):
    """The label macros of templates/<lang>/labels.j2 (or base), with this language's gettext."""
    return template_env(project, lang, messages).get_template("labels.j2").module


def render_edition(report: Report, numbers: dict[str, Number], tr: Translation,
                   project: Project, terms: Terms, diag: Collector, markups=(),
                   documents: bool = True) -> Edition:
    """The edition in each of `markups` (formats' Markup objects) and what each unit prints;
    `documents=False`: the units only (the source column of a review document whose edition
    is not built)."""
    lang = tr.lang
    style = load_style(project, lang)
    mast_style = load_style(project, style.distribution_language)
    original_style = load_style(project, report.meta.original)
    messages = load_messages(project, lang, diag)
    env = template_env(project, lang, messages, markups)
    _ = messages.gettext

    def fmt_number(ident: str) -> str:
        n = numbers[ident]
        return style.number(n.kind, n.value, n.style, n.depth)

    texts = EditionTexts(project, report, numbers, tr, style, messages, terms, diag,
                         tuple(m.dialect for m in markups))

    def annex_original(block: Annex) -> str:
        """"[Original: Chinese]" under an annex heading, when its language is not the report's."""
        if not block.original or block.original == report.meta.original:
            return ""
        name = _(load_style(project, block.original).name)
        return _("[Original: %(language)s]") % {"language": name}

    meta = report.meta
    block = mast_style.distribution_block(meta.distribution, meta.date, style, original_style,
                                          lang != meta.original)
    if mast_style.direction != style.direction:
        # a block in another script direction than the edition's (English in the Arabic
        # edition) reads in its own direction: each line a Unicode isolate
        block = {k: isolate(v, mast_style.direction) for k, v in block.items()}
    job = f"{meta.job} ({style.edition_letter})" if meta.job else ""
    job_line = " ".join([job] + [d.strftime("%d%m%y") for d in meta.job_dates]) if job else ""
    mast = {
        "lang": lang,
        "direction": style.direction,
        "block_direction": mast_style.direction,  # the distribution block's direction
        # Translators: masthead: the organisation's name (letter-spaced in Chinese: 联 合 国)
        "un_name": _("United Nations"),
        "symbol": meta.symbol,
        **block,
        # as every text printed: an untranslated organ is a draft text, with its marker
        "organ": texts["meta.organ"].text,
        # the job number reads left to right in every edition
        "job": isolate(job, "ltr") if style.direction != "ltr" else job,
        # the first page's job line: number, edition letter, processing dates (DDMMYY)
        "job_line": isolate(job_line, "ltr") if style.direction != "ltr" else job_line,
        # the document's metadata (DOCX core properties, PDF info): title and subject
        "title": inline.plain(inline.parse(tr["meta.title"].text)),
        "subject": inline.plain(inline.parse(tr["meta.body"].text)),
        "barcode": barcode_text(meta.job) if meta.job else "",
        "translated": "" if lang == meta.original else "yes",
    }
    meeting_line = ""
    if meta.meeting:
        place = texts["meta.meeting.place"].text
        meeting_line = style.meeting_line(place, meta.meeting.start, meta.meeting.end)
    def render(markup) -> str:
        """The edition in one format's markup (templates/<markup.templates>/blocks.j2)."""
        dialect = markup.dialect

        def text(ident: str) -> str:
            return texts[ident].markup[dialect.name]

        from unreport.render import templates as template_run
        try:
            out = template_run.render(
                env.get_template("report.j2"),
                fmt=markup.templates, esc=dialect.escape, report=report, meta=meta,
                num=fmt_number, text=text, table=lambda block: markup.table(block, text),
                # `style`: the house style as plain read-only data (Style.data), as templates
                # have always seen it (a project's copied templates may read it)
                annex_original=annex_original, meeting_line=meeting_line, style=style.data)
        except (jinja2.TemplateSyntaxError, jinja2.TemplateNotFound) as exc:
            raise template_problem(project, exc) from None
        except (ContentError, EnvironmentProblem):
            raise
        except Exception as exc:  # noqa: BLE001 (the template's own failure, located)
            raise template_run.template_failure(project, exc) from None
        return markup.blank_lines(out)

    docs = {m.dialect.name: render(m) for m in markups} if documents else {}
    missing = list(texts.missing)  # the texts the edition shows in the source language
    printed = printed_units(texts, label_macros(project, lang, messages))
    annexes = {b.id: b for b in walk(report.body) if isinstance(b, Annex)}
    printed = [replace(e, original_line=annex_original(annexes[e.id])) if e.id in annexes
               else e for e in printed]
    return Edition(report, lang, style, docs, mast, missing, printed)


def template_problem(project: Project, exc: jinja2.TemplateError) -> EnvironmentProblem:
    """A template that is broken or missing, as one located line saying what to do."""
    if isinstance(exc, jinja2.TemplateNotFound):
        searched = " nor ".join(project.rel(t) for t in project.layers("templates"))
        return EnvironmentProblem(
            f"{project.rel(project.templates_dir / exc.name)}: error: the template "
            f"'{exc.name}' is in neither {searched} (a template from an older unreport that "
            "includes it?); remove your copy to use the shipped design, or add the file")
    filename = getattr(exc, "filename", None)
    where = project.rel(filename) if filename else project.rel(project.templates_dir)
    line = getattr(exc, "lineno", None)
    return EnvironmentProblem(f"{where}{':' + str(line) if line else ''}: error: template "
                              f"problem: {exc}; fix the template")


def isolate(text: str, direction: str) -> str:
    """`text` as a Unicode directional isolate (LRI/RLI ... PDI), so that inside a paragraph
    of the other direction it reads in its own ("V.17-06379 (A)" in an Arabic footer)."""
    if not text:
        return text
    return ("\u2066" if direction == "ltr" else "\u2067") + text + "\u2069"


def barcode_text(job: str) -> str:
    """Code 39 text of a UN job number: V.17-06379 -> *1706379*."""
    return "*" + "".join(ch for ch in job if ch.isdigit()) + "*"


def distribution_block(project: Project, meta, lang: str) -> list[str]:
    """The masthead's distribution block of the `lang` edition, line by line (as the edition
    prints it: in its distribution language), for the review document."""
    style = load_style(project, lang)
    mast_style = load_style(project, style.distribution_language)
    block = mast_style.distribution_block(meta.distribution, meta.date, style,
                                          load_style(project, meta.original),
                                          lang != meta.original)
    return [block[k] for k in ("distribution", "date", "edition_language", "original")
            if block[k]]
