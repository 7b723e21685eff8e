"""The page design (templates/design.yaml): every length, size, spacing and font role of the
editions, read once and resolved per language, for the DOCX writer (docx/reference.py,
docx/writer.py) and the PDF writer (pdf/writer.py passes it to templates/typst/un.typ as JSON).

Resolving: the paper's width and height are put into `page`; a size given by name ("body",
"chapter") becomes the number of `sizes`, which a language may override in its style.yaml
(`sizes:`).

Reading: the tool's design.yaml, then the project's, merged key by key as located values and
checked against the types of design_types.py (a wrong type or an unknown key is a located
error, exit 2); the writers receive the checked design as plain data."""

from __future__ import annotations

import copy

from unreport.diagnostics import Collector, EnvironmentProblem
from unreport.lang.memo import read_once
from unreport.project.paths import Project
from unreport.formats.design_types import Design
from unreport.lang.style import Style
from unreport.sources.typed import Reader, merge, plain
from unreport.sources.yamlsource import read_text, read_yaml

SIZE_KEYS = ("size", "line", "first_size")


def design_paths(project: Project) -> list:
    """templates/design.yaml of the tool, then the project's own if it has one (its keys win,
    key by key, as in the house-style files)."""
    return project.stack("templates", "design.yaml")


def load_design(project: Project) -> dict:
    """The page design as plain data (not resolved for a language)."""
    paths = tuple(design_paths(project))
    paper = getattr(project.settings, "paper", None)  # the project's setting is part of it
    return read_once(f"design:{paper}", paths, lambda _diag: _load(project, paths))


def _load(project: Project, paths: tuple) -> dict:
    if not paths:
        display = project.rel(project.templates_dir / "design.yaml")
        old = project.templates_dir / "docx" / "styles.yaml"
        hint = (" (templates/docx/styles.yaml moved into it: copy templates/design.yaml from "
                "unreport's templates/ and carry your changes over)") if old.is_file() else \
            "; copy it from unreport's templates/"
        raise EnvironmentProblem(f"{display}: error: the page design is missing{hint}")
    merged = None
    for path in paths:
        display = project.rel(path)
        diag = Collector()
        text = read_text(path, display, diag)
        root = read_yaml(text, display, diag) if text is not None else None
        if diag.errors or root is None:
            raise EnvironmentProblem("\n".join(str(d) for d in diag.errors) or
                                     f"{display}: error: the page design is empty; restore it")
        if not isinstance(root.data, dict):
            raise EnvironmentProblem(f"{display}:{root.loc.line}:{root.loc.col}: error: the page "
                                     "design must be a mapping of settings")
        merged = merge(merged, root)
    # every key typed and known (design_types.py), each problem where it is set
    diag = Collector()
    Reader(diag, "the page design", " (see unreport's templates/design.yaml)").read(Design,
                                                                                    merged)
    if diag.errors:
        raise EnvironmentProblem("\n".join(str(d) for d in sorted(diag.errors,
                                                                   key=lambda d: d.loc)))
    data = plain(merged)
    display = project.rel(paths[-1])
    paper = getattr(project.settings, "paper", None)  # unreport.toml `paper` wins
    if paper:
        data["paper"] = paper.lower()
    if data["paper"] not in data["papers"]:
        raise EnvironmentProblem(f"{display}: error: paper '{data['paper']}' is not one of "
                                 f"{', '.join(data['papers'])}; choose one")
    return data


def resolve(design: dict, style: Style | None = None) -> dict:
    """The design for one language: paper size in `page`, named sizes replaced by points."""
    out = copy.deepcopy(design)
    sizes = dict(out["sizes"])
    if style is not None:
        sizes.update(style.house.sizes)
    out["sizes"] = sizes
    paper = out["papers"][out["paper"]]
    out["page"]["width"], out["page"]["height"] = paper["width"], paper["height"]

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in SIZE_KEYS and isinstance(v, str):
                    if v not in sizes:
                        raise EnvironmentProblem(f"templates/design.yaml: error: size '{v}' is "
                                                 "not in sizes; add it")
                    node[k] = sizes[v]
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk({k: v for k, v in out.items() if k != "sizes"})
    return out


def design_for(project: Project, style: Style | None = None) -> dict:
    return resolve(load_design(project), style)
