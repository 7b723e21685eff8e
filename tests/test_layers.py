"""The package's folders are the pipeline, and data flows one way: a module imports only from
its own layer or earlier ones (function-local imports included). A back edge fails here with
the file, the line and the two layers."""

import ast
import re
from pathlib import Path

from helpers.project import ROOT

PACKAGE = ROOT / "src" / "unreport"

# earliest first; a module's layer is the first entry that is its dotted name or a prefix of it
LAYERS = [
    ("__init__", "diagnostics", "files"),  # the version; located messages; atomic writing
    ("sources",),  # YAML and PO read with locations
    ("project",),  # where a project's files are; its settings; what one run does
    ("model",),  # load and number
    ("translate",),  # a report's texts in one language
    ("lang",),  # house style, numerals, terms, labels
    ("translators",),  # catalogs, memory, QA, status, XLIFF
    ("importers",),  # DOCX and text into content and catalogs
    ("render",),  # what each unit prints; the edition's markup
    ("formats",),  # one folder per output format, and its registry
    ("verify",),  # read outputs back
    ("build",),  # the pipeline, cache, manifest, watch
    ("commands",),  # one module per command
    ("cli", "__main__"),
]


def layer_of(dotted: str) -> int:
    """The layer of `unreport.a.b...` (dotted without the package name)."""
    for index, names in enumerate(LAYERS):
        for name in names:
            if dotted == name or dotted.startswith(name + "."):
                return index
    raise AssertionError(f"unreport.{dotted} is in no layer of tests/test_layers.py: add it")


def module_name(path: Path, package: Path) -> str:
    rel = path.relative_to(package).with_suffix("")
    parts = [p for p in rel.parts if p != "__init__"] or ["__init__"]
    return ".".join(parts)


def imports(path: Path):
    """(line, imported dotted name without 'unreport.') of every import of the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                raise AssertionError(f"{path}:{node.lineno}: relative import; write it "
                                     "absolute (unreport.<layer>...)")
            if node.module == "unreport":
                for alias in node.names:  # a module, or a name of the package's __init__
                    is_module = (PACKAGE / f"{alias.name}.py").exists() or \
                        (PACKAGE / alias.name).is_dir()
                    yield node.lineno, alias.name if is_module else "__init__"
            elif node.module and node.module.startswith("unreport."):
                yield node.lineno, node.module[len("unreport."):]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("unreport."):
                    yield node.lineno, alias.name[len("unreport."):]


def back_edges(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        mine = module_name(path, package)
        here = layer_of(mine)
        for line, target in imports(path):
            there = layer_of(target)
            if there > here:
                found.append(f"{path.relative_to(package.parent)}:{line}: unreport.{mine} (layer "
                             f"{'/'.join(LAYERS[here])}) imports unreport.{target} (later layer "
                             f"{'/'.join(LAYERS[there])})")
    return found


def test_no_module_imports_from_a_later_stage():
    assert back_edges() == []


def test_the_layering_check_finds_a_back_edge(tmp_path):
    """The check itself can fail: a model module importing the build, even inside a function,
    is reported with its file and line."""
    fake = tmp_path / "unreport"
    (fake / "model").mkdir(parents=True)
    (fake / "model" / "bad.py").write_text("import json\n\n\ndef f():\n"
                                           "    from unreport.build import cache\n")
    (fake / "model" / "good.py").write_text("from unreport.sources.po import read\n")
    assert back_edges(fake) == [
        "unreport/model/bad.py:5: unreport.model.bad (layer model) imports unreport.build "
        "(later layer build)"]


# ---- what an output format is lives in formats/ alone --------------------------------------
# The names of the output formats, their markups and their template folders. importers/ reads a
# DOCX as an input (import), not as an output format, and is left out; cli.py's help text names
# the formats for people (its --format choices come from formats.FORMATS). One data key is
# allowed: `docx_lang`, a key of style.yaml that shipped and copied language files set.
FORMAT_WORDS = re.compile(r"(?<![a-z])(docx|pdf|typst|markdown)(?![a-z])", re.IGNORECASE)
MAY_NAME_FORMATS = ("formats", "importers", "cli")
DATA_KEYS = {"docx_lang"}


def format_names(path: Path) -> list[tuple[int, str]]:
    """(line, word) of each format name in the code of a module: string constants and names,
    not docstrings or comments."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                    ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr)
                  and isinstance(n.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and id(node) not in docstrings:
            words = [node.value]
        elif isinstance(node, ast.Name):
            words = [node.id]
        elif isinstance(node, ast.Attribute):
            words = [node.attr]
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.arg)):
            words = [getattr(node, "name", None) or node.arg]
        else:
            continue
        for word in words:
            for part in word.split("_"):
                if FORMAT_WORDS.fullmatch(part) or FORMAT_WORDS.search(part.replace(".", " ")):
                    found.append((node.lineno, word))
                    break
    return sorted(found)


def test_no_format_name_outside_formats():
    """Only formats/ (and the command line's choices, which it reads from formats.FORMATS)
    knows the formats by name: a third format is a folder in formats/ and a line in its table."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if module_name(path, PACKAGE).split(".")[0] in MAY_NAME_FORMATS:
            continue
        found += [f"{path.relative_to(PACKAGE.parent)}:{line}: {word!r}"
                  for line, word in format_names(path) if word not in DATA_KEYS]
    assert found == []


def test_the_format_check_finds_a_format_name(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('"""A docstring may say docx."""\n# so may a comment: pdf\n'
                   'def out(name):\n    return name + ".pdf"\n\n\nmarkup_typst = 1\n')
    assert format_names(bad) == [(4, ".pdf"), (7, "markup_typst")]
