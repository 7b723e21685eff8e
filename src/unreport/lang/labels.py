"""Template strings (labels such as "Recommendation") through gettext: locales/<lang>/messages.po."""

from __future__ import annotations

import gettext
import re

from unreport.diagnostics import Collector, Loc
from unreport.lang.memo import read_once
from unreport.project.paths import Project
from unreport.sources.catalog import read_catalog
from unreport.sources.po import TRANSLATED


class Labels(gettext.NullTranslations):
    """The current translations of a messages.po (fuzzy and empty entries print the msgid)."""

    def __init__(self, table: dict[str, str]):
        super().__init__()
        self.table = table

    def gettext(self, message: str) -> str:
        return self.table.get(message, message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


def load_messages(project: Project, lang: str, diag: Collector) -> gettext.NullTranslations:
    path = project.find("locales", f"{lang}/messages.po")
    return read_once("messages", (path,), lambda local: _load_messages(project, path, local), diag)


def _load_messages(project: Project, path, diag: Collector) -> gettext.NullTranslations:
    if not path.is_file():
        return Labels({})
    catalog = read_catalog(path, project.rel(path), diag)
    if catalog is None:
        return Labels({})
    table = {}
    for e in catalog.active():
        if e.msgctxt is None and e.msgid and e.state() == TRANSLATED:
            problem = placeholder_problem(e.msgid, e.msgstr)
            if problem:
                diag.error(Loc(project.rel(path), e.line, 1), f"label '{e.msgid}': {problem}")
            else:
                table[e.msgid] = e.msgstr
    return Labels(table)


_PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def placeholder_problem(msgid: str, msgstr: str) -> str | None:
    """Why a label's translation cannot be printed: every label is %-formatted with the names
    of its msgid's placeholders (Jinja's newstyle gettext), so the translation must use the
    same names and write a literal percent sign as %%."""
    names = set(_PLACEHOLDER.findall(msgid))
    try:
        msgstr % {name: "" for name in names}
    except (KeyError, ValueError, TypeError) as exc:
        missing = sorted(set(_PLACEHOLDER.findall(msgstr)) - names)
        what = (f"the placeholder %({missing[0]})s is not the label's" if missing else
                f"it is not a valid format ({exc})")
        keep = ", ".join(f"%({n})s" for n in sorted(names)) or "none"
        return (f"{what}; keep the label's placeholders ({keep}) and write a percent sign as "
                "%% (msgfmt --check shows it too)")
    used = set(_PLACEHOLDER.findall(msgstr))
    if used != names:
        keep = ", ".join(f"%({n})s" for n in sorted(names))
        return f"the translation leaves out {keep}; keep the label's placeholders"
    return None
