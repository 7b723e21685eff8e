"""The DOCX parts unreport writes are valid ECMA-376 (transitional) WordprocessingML: the main
document, every header and footer and the styles, checked with lxml against the schema files
in tests/schema/ecma-376 (sources in SOURCES.md). Markup in namespaces the part declares
ignorable (mc:Ignorable: Word 2010+ extensions) is removed first, as a consumer that does not
know them must do (ECMA-376 Part 3)."""

import zipfile
from functools import lru_cache
from pathlib import Path

import pytest
from helpers.project import ROOT, make_project
from lxml import etree

SCHEMAS = ROOT / "tests" / "schema" / "ecma-376"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@lru_cache(maxsize=1)
def wml_schema() -> etree.XMLSchema:
    wrapper = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
      <xsd:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>
      <xsd:import namespace="{W}" schemaLocation="wml.xsd"/>
    </xsd:schema>""".encode()
    return etree.XMLSchema(etree.fromstring(wrapper, base_url=str(SCHEMAS / "wrapper.xsd")))


def without_ignorable(root):
    prefixes = (root.get(f"{{{MC}}}Ignorable") or "").split()
    drop = {root.nsmap[p] for p in prefixes if p in root.nsmap}
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if etree.QName(el).namespace in drop and el.getparent() is not None:
            el.getparent().remove(el)
            continue
        for attr in list(el.attrib):
            if etree.QName(attr).namespace in drop | {MC}:
                del el.attrib[attr]
    return root


def parts(docx: Path):
    with zipfile.ZipFile(docx) as z:
        for name in sorted(z.namelist()):
            if name.startswith("word/") and name.endswith(".xml") and (
                    name in ("word/document.xml", "word/styles.xml")
                    or name.startswith(("word/header", "word/footer"))):
                yield name, z.read(name)


@pytest.fixture(scope="module")
def docx_files(example_outputs, tmp_path_factory):
    from unreport.cli import main
    tmp = tmp_path_factory.mktemp("schema")
    project = make_project(tmp / "p", "blocks")
    assert main(["--root", str(project), "--output", str(tmp / "out"), "--format", "docx"]) == 0
    files = sorted(example_outputs.glob("*.docx")) + sorted((tmp / "out").glob("*.docx"))
    assert len(files) >= 6
    return files


def test_the_schema_rejects_what_word_rejects():
    """The check can fail: a w:tblPr with its children out of order, or a w:pgMar without
    its required w:gutter, is reported."""
    schema = wml_schema()
    bad = etree.fromstring(f"""<w:document xmlns:w="{W}"><w:body><w:tbl><w:tblPr>
        <w:tblLayout w:type="fixed"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid/>
        <w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:sectPr><w:pgMar w:top="0" w:right="0"
        w:bottom="0" w:left="0" w:header="0" w:footer="0"/></w:sectPr></w:body></w:document>""")
    assert not schema.validate(bad)
    messages = " ".join(str(e) for e in schema.error_log)
    assert "tblW" in messages


def test_docx_parts_are_valid_ecma376(docx_files):
    schema = wml_schema()
    problems = []
    seen = 0
    for docx in docx_files:
        for name, data in parts(docx):
            seen += 1
            root = without_ignorable(etree.fromstring(data))
            if not schema.validate(root):
                problems += [f"{docx.name}:{name}: {e.line}: {e.message}"
                             for e in schema.error_log][:5]
    editions = [f for f in docx_files if "-" not in f.name.split(".")[-2]]
    # every edition: document, styles, three headers and three footers; review documents more
    reviews = len(docx_files) - len(editions)
    assert len(editions) >= 4 and reviews >= 2
    assert seen >= 8 * len(editions) + 4 * reviews  # a review: document, styles, header, footer
    assert not problems, "\n".join(problems)


def test_masthead_table_properties_in_schema_order(docx_files):
    """w:tblPr of the masthead tables: children in CT_TblPr's order, none twice."""
    from unreport.formats.docx.writer import TBL_PR_ORDER
    for docx in docx_files:
        for name, data in parts(docx):
            for tbl_pr in etree.fromstring(data).iter(f"{{{W}}}tblPr"):
                names = [etree.QName(c).localname for c in tbl_pr]
                assert len(names) == len(set(names)), (docx.name, name, names)
                ranks = [TBL_PR_ORDER.index(n) for n in names]
                assert ranks == sorted(ranks), (docx.name, name, names)
