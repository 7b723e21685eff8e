"""src/unreport/data/schema/style.schema.json (for editors, through the yaml-language-server
line of every shipped style.yaml) is written from the house-style dataclasses
(lang/house.py) and stays in step with them; it accepts every shipped style file and flags
what the reader refuses where a JSON Schema can say it."""

import datetime as dt
import json
import re

import jsonschema
import pytest
import yaml
from helpers.project import FIXTURES, ROOT, SHIPPED

from unreport.lang import house

SCHEMA_PATH = SHIPPED / "schema" / "style.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
BAD = ROOT / "tests" / "bad"
STYLES = sorted([SHIPPED / "templates/base/style.yaml", *SHIPPED.glob("locales/*/style.yaml")])


def read(path):
    """A style file as an editor's schema check sees it (JSON: keys are text)."""
    def as_json(value):
        if isinstance(value, dict):
            return {str(k): as_json(v) for k, v in value.items()}
        if isinstance(value, list):
            return [as_json(v) for v in value]
        return value.isoformat() if isinstance(value, dt.date) else value
    return as_json(yaml.safe_load(path.read_text(encoding="utf-8")))


def problems(path) -> list[str]:
    return [e.message for e in jsonschema.Draft7Validator(SCHEMA).iter_errors(read(path))]


def test_the_shipped_schema_is_the_dataclasses():
    """Regenerate with `python -m unreport.lang.house` after changing lang/house.py."""
    assert SCHEMA_PATH.read_text(encoding="utf-8") == house.schema_text()
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def test_schema_keys_are_the_dataclass_fields():
    import dataclasses
    assert set(SCHEMA["properties"]) == {f.name for f in dataclasses.fields(house.HouseStyle)}
    numbers = SCHEMA["definitions"]["Numbers"]["properties"]
    assert set(numbers) == {"chapter", "section", "subsection", "para", "recommendation",
                            "annex", "table", "item"}
    system = SCHEMA["definitions"]["NumberFormat"]["properties"]["system"]
    from unreport.lang.numerals import SYSTEMS
    assert system["enum"] == sorted(SYSTEMS)
    assert SCHEMA["properties"]["direction"]["enum"] == ["ltr", "rtl"]
    assert all(d["additionalProperties"] is False for d in SCHEMA["definitions"].values())


@pytest.mark.parametrize("path", STYLES + [FIXTURES / "french/locales/fr/style.yaml"],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_style_file_validates(path):
    assert problems(path) == []


@pytest.mark.parametrize("case", ["style-unknown-key", "style-nested-unknown-key",
                                  "style-direction-unknown", "style-month-names-eleven",
                                  "style-size-negative", "style-date-range-one",
                                  "style-list-text", "style-numbers-chapter-text",
                                  "style-fonts-pdf-number", "style-unknown-numeral-system"])
def test_reader_errors_are_schema_errors(case):
    path = next((BAD / case).rglob("style.yaml"))
    assert problems(path), case


def test_base_file_wrong_type_is_a_schema_error():
    assert problems(BAD / "style-base-wrong-type/templates/base/style.yaml") == \
        ["1 is not of type 'string'"]


@pytest.mark.parametrize("path", STYLES, ids=lambda p: str(p.relative_to(SHIPPED)))
def test_shipped_styles_point_editors_to_the_schema(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert m and (path.parent / m.group(1)).resolve() == SCHEMA_PATH.resolve()
