"""src/unreport/data/schema/content.schema.json stays in step with the loader's declarative tables (load.py), and
accepts and refuses what the loader accepts and refuses."""

import re

import jsonschema
import pytest
from helpers.project import FIXTURES, ROOT
from helpers.content_schema import SCHEMA, read

from unreport.model import inline
from unreport.model import load

DEFS = SCHEMA["definitions"]
BAD = ROOT / "tests" / "bad"


def refs(node) -> set[str]:
    return {alt["$ref"].rsplit("/", 1)[1] for alt in node["items"]["oneOf"]}


def validator():
    return jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def test_schema_is_valid_draft7():
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def test_block_kinds_and_keys_match_loader():
    assert refs(SCHEMA["properties"]["body"]) == set(load.ALLOWED_INSIDE[None])
    for kind, (required, optional) in load.BLOCK_KEYS.items():
        d = DEFS[kind]
        assert set(d["required"]) == {kind, *required}, kind
        assert set(d["properties"]) == {kind, *required, *optional}, kind
        assert d["additionalProperties"] is False
        # every kind key holds the block's ID, except `text` ({id: ..., text: ...})
        key = "id" if kind == "text" else kind
        assert d["properties"][key] == {"$ref": "#/definitions/id"}
        if kind in load.ALLOWED_INSIDE:
            assert refs(d["properties"]["content"]) == set(load.ALLOWED_INSIDE[kind]), kind


def test_meta_and_enums_match_loader():
    meta = DEFS["meta"]
    assert set(meta["required"]) == set(load.META_REQUIRED)
    assert set(meta["properties"]) == set(load.META_REQUIRED) | set(load.META_OPTIONAL)
    assert meta["properties"]["distribution"]["enum"] == list(load.DISTRIBUTIONS)
    assert set(DEFS["list"]["properties"]["style"]["enum"]) == set(load.LIST_STYLES)


@pytest.mark.parametrize("ident", ["intro", "a.b-c_d", "9x", "Intro", "a b", "-a", ".a", "",
                                   "meta.title", "metadata", "intro.meta"])
def test_id_pattern_matches_loader(ident):
    loader_ok = bool(inline.ID_RE.match(ident)) and \
        ident.split(".")[0] != load.RESERVED_ID_PREFIX
    assert bool(re.search(DEFS["id"]["pattern"], ident)) == loader_ok


@pytest.mark.parametrize("path", [ROOT / "content" / "wg7-2017-l1.yaml",
                                  FIXTURES / "mini" / "content" / "annual-note.yaml",
                                  FIXTURES / "blocks" / "content" / "all-blocks.yaml",
                                  BAD / "_base" / "content" / "note.yaml"],
                         ids=lambda p: p.name)
def test_valid_reports_validate(path):
    data = read(path)
    errors = [e.message for e in validator().iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize("case", ["unknown-meta-key", "unknown-block-key", "bad-id-uppercase",
                                  "bad-distribution", "missing-text", "missing-meta-field",
                                  "bad-list-style", "chapter-inside-chapter", "reserved-meta-id",
                                  "wrong-type-title-list", "date-as-text",
                                  "impossible-date"])
def test_loader_errors_are_schema_errors(case):
    """What the loader refuses, an editor's schema check flags as well."""
    data = read(BAD / case / "content" / "note.yaml")
    assert list(validator().iter_errors(data)), case


def test_example_points_editors_to_the_schema():
    first = (ROOT / "content" / "wg7-2017-l1.yaml").read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert m and (ROOT / "content" / m.group(1)).resolve() == \
        (ROOT / "src/unreport/data/schema" / "content.schema.json").resolve()
