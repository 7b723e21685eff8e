"""The CI workflow `unreport new` writes installs the font packages of every shipped
language's PDF fonts (templates/base/style.yaml `font_packages`), so a new project's CI builds
every language without a missing-font error."""

import yaml

from helpers.project import SHIPPED


def test_the_skeleton_ci_installs_every_shipped_languages_pdf_fonts():
    packages = yaml.safe_load((SHIPPED / "templates/base/style.yaml").read_text("utf-8"))[
        "font_packages"]
    workflow = (SHIPPED / "skeleton/.github/workflows/reports.yml").read_text("utf-8")
    install = next(line for line in workflow.splitlines() if "apt-get install" in line).split()
    needed = {}
    for style in sorted(SHIPPED.glob("locales/*/style.yaml")):
        pdf = (yaml.safe_load(style.read_text("utf-8")).get("fonts") or {}).get("pdf") or {}
        for families in pdf.values():
            for family in [families] if isinstance(families, (str, dict)) else families:
                family = family["name"] if isinstance(family, dict) else family  # {name, covers}
                if family in packages:
                    needed[family] = packages[family]
    assert needed, "no shipped PDF font has a package"
    missing = {f: p for f, p in needed.items() if p not in install}
    assert not missing, missing
