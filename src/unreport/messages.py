"""Template strings (labels such as "Recommendation") through gettext: locales/<lang>/messages.po."""

from __future__ import annotations

import gettext
import io

from babel.messages.mofile import write_mo
from babel.support import Translations

from .errors import Collector
from .langdata import read_once
from .project import Project
from .translate import read_catalog


def load_messages(project: Project, lang: str, diag: Collector) -> gettext.NullTranslations:
    path = project.locales_dir / lang / "messages.po"
    return read_once("messages", (path,), lambda local: _load_messages(project, path, local), diag)


def _load_messages(project: Project, path, diag: Collector) -> gettext.NullTranslations:
    if not path.is_file():
        return gettext.NullTranslations()
    catalog = read_catalog(path, project.rel(path), diag, locale=None)
    if catalog is None:
        return gettext.NullTranslations()
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return Translations(buf)
