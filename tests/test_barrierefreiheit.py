"""The check of each Word file before writing: what a screen-reader user would miss."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn

from pipeline.export.docx_check import accessibility_gaps


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _german(document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), "de-DE")


def _png() -> bytes:
    """A white pixel as PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\xff\xff\xff"))
        + chunk(b"IEND", b"")
    )


def _sound() -> Document:
    document = Document()
    document.core_properties.title = "Gesamtkonzept"
    _german(document)
    document.add_heading("Einleitung", level=1)
    document.add_heading("Auftrag", level=2)
    table = document.add_table(rows=2, cols=2)
    table.rows[0]._tr.get_or_add_trPr().append(table.rows[0]._tr.makeelement(qn("w:tblHeader"), {}))
    return document


def test_a_sound_file_has_no_gaps():
    assert accessibility_gaps(_saved(_sound())) == []


def test_a_broken_file_names_each_gap():
    document = _sound()
    document.core_properties.title = ""
    document.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:lang')}").set(qn("w:val"), "en-US")
    document.add_heading("Details", level=4)
    document.add_table(rows=1, cols=1)
    picture = document.add_paragraph().add_run()
    picture.add_picture(io.BytesIO(_png()))
    gaps = accessibility_gaps(_saved(document))
    assert len(gaps) == 5, gaps
    assert "keinen Titel" in gaps[0]
    assert "en-US" in gaps[1]
    assert "„Details“ (Ebene 4) folgt auf Ebene 2" in gaps[2]
    assert "keinen Alternativtext" in gaps[3]
    assert "keine Kopfzeile" in gaps[4]


@pytest.mark.slow
def test_the_examples_files_have_no_gaps(built):
    for path in sorted(built.rglob("*.docx")):
        assert accessibility_gaps(path.read_bytes()) == [], path.name


@pytest.mark.slow
def test_strict_build_stops_on_a_gap_and_writes_nothing(tmp_path):
    """A table without a header row (a template that writes none) is a warning; under --streng
    the build fails before it writes anything."""
    from datetime import date

    from pipeline.errors import InvalidInput
    from pipeline.export import BuildRecord, convert, write_outputs
    from pipeline.render import RenderedSet

    from .test_wordcraft import rendered_document

    doc = rendered_document(
        "<h1>Test</h1><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
    )
    gaps = convert([doc]).gaps
    assert [g.where.file for g in gaps] == ["Probe.docx"]
    assert "keine Kopfzeile" in gaps[0].message
    record = BuildRecord("Landkreis Musterkreis", "1.0", date(2026, 10, 15), "musterkreis", "0" * 64)
    rendered = RenderedSet(attachments={"test": doc})
    with pytest.raises(InvalidInput):
        write_outputs(rendered, tmp_path / "out", record, strict=True)
    assert not (tmp_path / "out" / "Probe.docx").exists()
    written = write_outputs(rendered, tmp_path / "out", record)
    assert [g.message for g in written.gaps] == [g.message for g in gaps]
