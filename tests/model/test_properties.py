"""Property-based (hypothesis), kept small so CI stays fast: any generated valid structure loads
and numbers consistently (by the UN rules, independently of IDs and texts). (Mutated inputs:
tests/diagnostics/test_property_mutations.py.)"""

import yaml
from helpers.project import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unreport.model.load import load_report
from unreport.model.number import number
from unreport.project.paths import Project

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
META = {"symbol": "A/1", "distribution": "general", "date": "2024-03-04", "original": "en",
        "languages": ["en"], "organ": "Organ", "body": "Body", "title": "Title"}

# -- generated structures ------------------------------------------------------------------------
words = st.text(alphabet="abcdefgh XYZ,;", min_size=1, max_size=12).map(lambda s: s.strip() or "x")


def item_list(depth):
    item = st.fixed_dictionaries({"text": words}, optional={"list": item_list(depth + 1)}) \
        if depth < 2 else st.fixed_dictionaries({"text": words})
    return st.fixed_dictionaries({"items": st.lists(item, min_size=1, max_size=3)},
                                 optional={"style": st.sampled_from(["alpha", "decimal"])})


leaf = st.one_of(
    st.fixed_dictionaries({"para": st.just(None), "text": words},
                          optional={"list": item_list(0)}),
    st.fixed_dictionaries({"recommendation": st.just(None), "text": words}))


def heading(kind, inner):
    return st.fixed_dictionaries({kind: st.just(None), "title": words,
                                  "content": st.lists(inner, max_size=3)})


subsection = heading("subsection", leaf)
section = heading("section", st.one_of(leaf, subsection))
chapter = heading("chapter", st.one_of(leaf, section))
bodies = st.lists(st.one_of(chapter, leaf), min_size=1, max_size=4)


def assign_ids(blocks, names):
    """Give every block and list item an ID from `names` (document order)."""
    def lst(d):
        for item in d["items"]:
            item["id"] = next(names)
            if "list" in item:
                lst(item["list"])
    for b in blocks:
        kind = next(k for k in ("chapter", "section", "subsection", "para", "recommendation")
                    if k in b)
        b[kind] = next(names)
        if "list" in b:
            lst(b["list"])
        assign_ids(b.get("content", []), names)


def expected_numbers(blocks):
    """The UN rules, stated directly on the generated data."""
    out, count = {}, {"para": 0, "recommendation": 0}

    def lst(d, outer):
        style = d.get("style", "alpha")
        for i, item in enumerate(d["items"], 1):
            out[item["id"]] = ("item", i, style, outer.count(style))
            if "list" in item:
                lst(item["list"], outer + [style])

    def walk(content):
        restart = {}
        for b in content:
            for kind in ("chapter", "section", "subsection"):
                if kind in b:
                    restart[kind] = restart.get(kind, 0) + 1
                    out[b[kind]] = (kind, restart[kind], "", 0)
                    walk(b["content"])
            for kind in ("para", "recommendation"):
                if kind in b:
                    count[kind] += 1
                    out[b[kind]] = (kind, count[kind], "", 0)
                    if "list" in b:
                        lst(b["list"], [])
    walk(blocks)
    return out


def load_numbers(tmp_path, body):
    path = tmp_path / "gen.yaml"
    path.write_text(yaml.safe_dump({"meta": META, "body": body}, allow_unicode=True),
                    encoding="utf-8")
    report = load_report(path, Project(ROOT))
    return {k: (n.kind, n.value, n.style, n.depth) for k, n in number(report).items()}


@settings(max_examples=25, **SETTINGS)
@given(body=bodies, seed=st.randoms(use_true_random=False))
def test_generated_structures_number_by_the_rules(tmp_path, body, seed):
    ids = [f"id{i}" for i in range(500)]
    assign_ids(body, iter(ids))
    got = load_numbers(tmp_path, body)
    assert got == expected_numbers(body)
    # numbers come from the structure alone: other IDs and other texts give the same numbers
    seed.shuffle(ids)
    renamed = yaml.safe_load(yaml.safe_dump(body))
    assign_ids(renamed, (f"z.{i}" for i in ids))
    text = yaml.safe_dump(renamed).replace("text: ", "text: changed ")
    again = load_numbers(tmp_path, yaml.safe_load(text))
    assert [v for _, v in sorted(again.items(), key=lambda kv: _order(renamed, kv[0]))] == \
        [v for _, v in sorted(got.items(), key=lambda kv: _order(body, kv[0]))]


def _order(body, ident):
    return yaml.safe_dump(body).index(f": {ident}\n")
