"""The content's JSON Schema (src/unreport/data/schema/content.schema.json) and content YAML
read as editors' YAML tooling reads it, for the tests that validate content against the schema
(tests/model/test_schema.py, tests/importers/test_import.py)."""

import datetime as dt
import json

import yaml
from helpers.project import ROOT

SCHEMA = json.loads((ROOT / "src/unreport/data/schema" / "content.schema.json").read_text(encoding="utf-8"))


class EditorLoader(yaml.SafeLoader):
    """Reads dates as strings, like yaml-language-server (YAML 1.2 core schema)."""


EditorLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def read(path):
    return as_json(yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader))


def as_json(value):
    """YAML data as JSON sees it (yaml-language-server reads unquoted dates as strings)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
