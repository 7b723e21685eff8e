"""What one language prints, as patterns to read it back: numbers of every kind (house style
`numbers:`), the template labels (messages.po: "Recommendation %(number)s", "Table
%(number)s", "Annex %(number)s", "[Original: %(language)s]", "United Nations"), dates and
meeting lines (dates.py), and the names of the languages the project knows."""

from __future__ import annotations

import re

from unreport.diagnostics import Collector
from unreport.lang.labels import load_messages
from unreport.project.paths import Project
from unreport.lang.style import load_style
from unreport.importers.dates import DateReader
from unreport.importers.numbers import Pattern, label_pattern, pattern

HEADINGS = ("chapter", "section", "subsection")
LIST_STYLES = ("alpha", "decimal")  # the default style first: a list reads back as alpha
                                    # whenever alpha prints it so


class LangReader:
    def __init__(self, project: Project, lang: str):
        self.project, self.lang = project, lang
        quiet = Collector()
        self.style = load_style(project, lang)
        msgs = load_messages(project, lang, quiet)
        # the labels as this language prints them: looked up, not declared here (the label
        # extractor of `catalogs` takes them from the templates and render.py)
        lookup = msgs.gettext
        nums = self.style.numbers
        self.kinds: dict[str, Pattern] = {k: pattern(nums.of(k).format, nums.of(k).system)
                                          for k in HEADINGS + ("para",)}
        self.items: dict[str, list[Pattern]] = {
            s: [pattern(spec.format, spec.system) for spec in nums.item[s]]
            for s in nums.item}
        self.labels = {
            "recommendation": label_pattern(lookup("Recommendation %(number)s"),
                                            nums.recommendation.format,
                                            nums.recommendation.system),
            "table": label_pattern(lookup("Table %(number)s"), nums.table.format,
                                   nums.table.system),
            "annex": label_pattern(lookup("Annex %(number)s"), nums.annex.format,
                                   nums.annex.system),
        }
        self.un_name = lookup("United Nations")
        orig = lookup("[Original: %(language)s]") % {"language": "\x00"}
        before, _sep, after = orig.partition("\x00")
        self.annex_original = re.compile(re.escape(before) + "(?P<name>.+?)" + re.escape(after))
        self.dates = DateReader(self.style)
        dist = load_style(project, self.style.distribution_language)
        self.dist_dates = DateReader(dist)
        # the distribution block as style.Style.distribution_block writes it (`masthead:`)
        m = dist.house.masthead
        self.distribution = {getattr(m.distribution, level) or
                             f"Distr.: {level.capitalize()}": level
                             for level in ("general", "limited", "restricted")}
        self.dist_languages: dict[str, str] = {}  # a language's name in the block -> code
        for code in project.languages():
            for name in (m.language_names.get(code), load_style(project,
                                                                                code).name):
                if name:
                    self.dist_languages[name.casefold()] = code
        self.dist_original = _language_line(m.original)
        self.dist_edition = _language_line(m.edition_language)
        # a language by its name: in the masthead's words (style `name`) and in this
        # language's words (messages.po, as "[Original: ...]" prints it)
        self.language_names: dict[str, str] = {}
        for code in project.languages():
            name = load_style(project, code).name
            self.language_names[name] = code
            self.language_names[lookup(name)] = code

    def block_language(self, line: str, which: re.Pattern) -> str | None:
        m = which.fullmatch(line)
        return self.dist_languages.get(m.group("name").strip().casefold()) if m else None

    def item_pattern(self, style: str, depth: int) -> Pattern:
        levels = self.items[style]
        return levels[min(depth, len(levels) - 1)]

    def label(self, kind: str, value: int) -> str:
        """How this language prints the number of `kind` (for messages)."""
        return self.style.number(kind, value)


def _language_line(fmt: str) -> re.Pattern:
    """"Original: {language}" as a pattern with the name as group "name"."""
    parts = re.split(r"(\{(?:language|Language)\})", fmt)
    return re.compile("".join("(?P<name>.+?)" if i % 2 else re.escape(p)
                              for i, p in enumerate(parts)))
