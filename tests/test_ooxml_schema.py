"""Word files valid against the transitional schema: the element order the finishing steps
write (tests/ooxml_schema.py) and, on the real build, the Open XML SDK's validation."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from pipeline.export.ooxml import element, insert_ordered
from pipeline.render.document import TEMPLATE_DIR

from .ooxml_schema import package_violations, violations


def test_insert_ordered_puts_cell_margins_before_the_look_of_a_table():
    properties = parse_xml(
        f'<w:tblPr {nsdecls("w")}><w:tblStyle w:val="Table"/><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="0020"/><w:tblCaption w:val="x"/></w:tblPr>'
    )
    insert_ordered(properties, element("tblCellMar"))
    assert [c.tag.split("}")[1] for c in properties] == [
        "tblStyle",
        "tblW",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
    ]
    assert violations(properties) == []


def test_the_check_finds_what_word_would_repair():
    """The two errors the example's Word files had: cell margins after tblLook, a page margin
    without gutter."""
    wrong = parse_xml(
        f'<w:body {nsdecls("w")}><w:tbl><w:tblPr><w:tblLook w:val="0020"/><w:tblCellMar/></w:tblPr></w:tbl>'
        '<w:sectPr><w:pgMar w:top="1" w:right="1" w:bottom="1" w:left="1" w:header="1" w:footer="1"/>'
        "</w:sectPr></w:body>"
    )
    assert violations(wrong) == ["tblCellMar after tblLook in tblPr", "pgMar without w:gutter"]


def test_the_reference_document_is_valid():
    assert package_violations((TEMPLATE_DIR / "referenz.docx").read_bytes()) == []


def test_a_paragraph_property_goes_to_its_place():
    properties = parse_xml(f'<w:pPr {nsdecls("w")}><w:pStyle w:val="x"/><w:jc w:val="left"/></w:pPr>')
    insert_ordered(properties, element("keepNext"))
    insert_ordered(properties, element("spacing", after="0"))
    assert [c.tag for c in properties] == [qn("w:pStyle"), qn("w:keepNext"), qn("w:spacing"), qn("w:jc")]


#: openxml-audit reports every numId missing from numbering.xml, 0 included; but numId 0 is the
#: standard's "no numbering" (ECMA-376 Part 1, 17.9.18: the value 0 never points to a numbering
#: instance, it removes the numbering properties), which Word writes itself for a heading taken
#: out of its list – the front matter's headings stand before chapter 1 that way.
NO_NUMBERING = "Numbering definition '0' referenced but not found"


def _errors(result) -> list[str]:
    return [e.description for e in result.errors if e.description != NO_NUMBERING]


def _word_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.docx"))


@pytest.mark.slow
def test_every_word_file_of_the_build_is_schema_valid(built):
    from openxml_audit import OpenXmlValidator

    validator = OpenXmlValidator()
    files = _word_files(built)
    assert len(files) >= 5
    for path in files:
        assert package_violations(path.read_bytes()) == [], path.name
        assert _errors(validator.validate(str(path))) == [], path.name


@pytest.mark.slow
def test_a_draft_with_a_landscape_table_is_schema_valid(tmp_path):
    """Drafts add a watermark and line numbers to every section, landscape ones included."""
    import dataclasses

    from openxml_audit import OpenXmlValidator

    from pipeline.export import export_document

    from .test_wordcraft import rendered_document

    html = (
        '<h1 id="a">A</h1><p>Text</p><div class="quer"><table><caption>Breit</caption>'
        "<thead><tr><th>x</th><th>y</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></div>"
        "<p>Weiter</p>"
    )
    docx = export_document(dataclasses.replace(rendered_document(html), draft=True))[".docx"]
    assert package_violations(docx) == []
    path = tmp_path / "entwurf.docx"
    path.write_bytes(docx)
    result = OpenXmlValidator().validate(str(path))
    assert result.is_valid, [e.description for e in result.errors][:5]
