"""Emitting what an import found: the content YAML (content/<report>.yaml) and the PO catalog
(locales/<lang>/<report>.po, a Babel Catalog written by unreport.translators.catalogs.po_bytes)."""

from __future__ import annotations

import datetime as dt

import yaml
from babel.messages.catalog import Catalog, Message

from unreport.translators.catalogs import po_bytes
from unreport.model.nodes import Report, units
from unreport.model.number import number
from unreport.translators.places import places
from unreport.importers.ids import cell_id
from unreport.importers.structure import Doc, Node


class _Flow(list):
    """A list written on one line (codes of States)."""


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_Flow, lambda d, v: d.represent_sequence(
    "tag:yaml.org,2002:seq", v, flow_style=True))


def _item_list(node: Node) -> dict | None:
    if not node.children:
        return None
    style = node.children[0].list_style
    out: dict = {} if style == "alpha" else {"style": style}
    items = []
    for it in node.children:
        d = {"id": it.id, "text": it.text}
        sub = _item_list(it)
        if sub:
            d["list"] = sub
        items.append(d)
    out["items"] = items
    return out


def _block(n: Node) -> dict:
    if n.kind in ("chapter", "section", "subsection"):
        return {n.kind: n.id, "title": n.text, "content": [_block(c) for c in n.children]}
    if n.kind == "annex":
        d = {"annex": n.id, "title": n.text}
        if n.original:
            d["original"] = n.original
        d["content"] = [_block(c) for c in n.children]
        return d
    if n.kind == "para":
        d = {"para": n.id, "text": n.text}
        if n.states:
            d["states"] = _Flow(n.states)
        sub = _item_list(n)
        if sub:
            d["list"] = sub
        return d
    if n.kind == "recommendation":
        return {"recommendation": n.id, "text": n.text}
    if n.kind == "table":
        rows = n.rows or [[""]]
        width = max(len(r) for r in rows)
        cells = [[{"id": cell_id(n.id, r, c), "text": (row[c] if c < len(row) else "")}
                  for c in range(width)] for r, row in enumerate(rows)]
        return {"table": n.id, "caption": n.text, "header": cells[0], "rows": cells[1:]}
    return {"id": n.id, "text": n.text}


def content_yaml(doc: Doc, meta: dict, source: str) -> str:
    data = {"meta": meta, "body": [_block(n) for n in doc.body]}
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000,
                     default_flow_style=False)
    return ("# yaml-language-server: $schema=../schema/content.schema.json\n"
            f"# Imported from {source} by `unreport import`. The IDs were given once, at "
            "import:\n# keep them (translations are keyed by them).\n" + text)


def catalog_bytes(report: Report, lang: str, translations: dict[str, str], fuzzy: bool,
                  source: str) -> bytes:
    """Every unit of the report, with the imported translations (fuzzy unless trusted)."""
    cat = Catalog(locale=lang, project=report.id, fuzzy=False, charset="utf-8",
                  creation_date=dt.datetime(2000, 1, 1), revision_date=dt.datetime(2000, 1, 1))
    cat.header_comment = (f"# {lang} translation of {report.id}, imported from {source} by "
                          "`unreport import`.\n# Keyed by content ID (msgctxt).")
    where = places(report, number(report))
    for u in units(report):
        string = translations.get(u.id, "")
        flags = ["fuzzy"] if string and fuzzy else []
        cat[u.text] = Message(u.text, string, locations=[(report.path, u.loc.line)],
                              flags=flags, auto_comments=[where.get(u.id, "")], context=u.id)
    return po_bytes(cat)
