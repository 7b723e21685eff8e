"""Template strings (labels such as "Recommendation") through gettext: locales/<lang>/messages.po."""

from __future__ import annotations

import gettext

from .errors import Collector
from .langdata import read_once
from .project import Project
from .translate import read_catalog


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
    path = project.locales_dir / lang / "messages.po"
    return read_once("messages", (path,), lambda local: _load_messages(project, path, local), diag)


def _load_messages(project: Project, path, diag: Collector) -> gettext.NullTranslations:
    if not path.is_file():
        return Labels({})
    catalog = read_catalog(path, project.rel(path), diag)
    if catalog is None:
        return Labels({})
    return Labels({e.msgid: e.msgstr for e in catalog.active()
                   if e.msgctxt is None and e.msgid and e.translated})
