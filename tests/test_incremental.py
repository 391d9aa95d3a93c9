"""Incremental builds: a Word or PDF file whose content, templates and tools are unchanged is
neither converted nor written again; exactly the documents that show a change are rebuilt; and
the files are the same bytes as a build without any earlier one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from pipeline.build import build
from pipeline.export import cache
from pipeline.export.files import LOCK_NAME

from .conftest import EXAMPLE

pytestmark = pytest.mark.slow

OLD_TITLE = "Willkommensbesuche für Familien mit Neugeborenen"
NEW_TITLE = "Willkommensbesuche für Familien mit Neugeborenen und Pflegekindern"


def _outputs(out: Path) -> list[Path]:
    """The build's files (the lock file, which each build touches, aside)."""
    return [p for p in sorted(out.rglob("*")) if p.is_file() and p.name != LOCK_NAME]


def files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in _outputs(out)}


def times(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in _outputs(out)}


def paragraphs(path: Path) -> list[str]:
    """Every paragraph's text of a Word file, tables included, read from its XML."""
    body = Document(str(path)).element.body
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))]


def retitled(folder: Path) -> None:
    path = folder / "massnahmen.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(f"titel: {OLD_TITLE}\n") == 1
    path.write_text(text.replace(f"titel: {OLD_TITLE}\n", f"titel: {NEW_TITLE}\n"), encoding="utf-8")


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict:
    """The example built, built again unchanged, and built after a measure's title changed;
    and the changed inputs built into an empty folder."""
    root = tmp_path_factory.mktemp("inkrementell")
    folder, out = root / "musterkreis", root / "ausgabe"
    shutil.copytree(EXAMPLE, folder)
    first = build(folder, out)
    before, times_before = files(out), times(out)
    again = build(folder, out)
    after_again, times_again = files(out), times(out)
    retitled(folder)
    changed = build(folder, out)
    fresh_out = root / "ohne-vorherigen-build"
    build(folder, fresh_out)
    return {
        "out": out,
        "first": first,
        "again": again,
        "changed": changed,
        "before": (before, times_before),
        "after_again": (after_again, times_again),
        "fresh": fresh_out,
    }


def test_a_build_with_nothing_changed_converts_and_writes_nothing(builds):
    first, again = builds["first"], builds["again"]
    assert first.reused == [] and len(first.converted) >= 16
    assert again.converted == [] and sorted(again.reused) == sorted(first.converted)
    assert again.paths == []  # not even the manifest
    assert builds["after_again"] == builds["before"]  # same bytes, same times


def test_a_changed_title_rebuilds_exactly_the_documents_that_show_it(builds):
    out, changed = builds["out"], builds["changed"]
    showing = {
        path.relative_to(out).as_posix().removesuffix(".docx")
        for path in out.rglob("*.docx")
        if any(NEW_TITLE in text for text in paragraphs(path))
    }
    assert {f"{stem}.docx" for stem in showing} | {f"{stem}.pdf" for stem in showing} == set(changed.converted)
    assert "Gesamtkonzept_Musterkreis_2.0" in showing and len(showing) < len(builds["first"].converted) // 2
    unchanged = set(changed.reused)
    before, before_times = builds["before"]
    now, now_times = files(out), times(out)
    for path in unchanged:
        assert now[path] == before[path] and now_times[path] == before_times[path], path


def test_outputs_are_the_same_bytes_with_and_without_an_earlier_build(builds):
    incremental, fresh = files(builds["out"]), files(builds["fresh"])
    assert incremental.keys() == fresh.keys()
    for path in incremental:
        assert incremental[path] == fresh[path], path  # the manifest too


def test_a_layout_or_a_tool_changed_rebuilds_what_it_makes(tmp_path, monkeypatch):
    """Another Typst layout rebuilds every PDF and no Word file; another pandoc version
    rebuilds every Word file and no PDF (pandoc makes only the Word file); each time the bytes
    are those a fresh build writes."""
    out = tmp_path / "ausgabe"
    first = build(EXAMPLE, out, "konzept")
    assert len(first.converted) == 2

    templates = tmp_path / "vorlagen"
    shutil.copytree(cache.TEMPLATE_DIR, templates)
    with (templates / "gemeinsam.typ").open("a", encoding="utf-8") as layout:
        layout.write("\n// geändert\n")
    monkeypatch.setattr(cache, "TEMPLATE_DIR", templates)
    layout_changed = build(EXAMPLE, out, "konzept")
    assert layout_changed.converted == ["Gesamtkonzept_Musterkreis_2.0.pdf"]
    assert layout_changed.reused == ["Gesamtkonzept_Musterkreis_2.0.docx"]

    monkeypatch.setattr(cache, "pandoc_version", lambda: "pandoc 99.0")
    cache.tool_versions.cache_clear()
    try:
        tool_changed = build(EXAMPLE, out, "konzept")
        assert tool_changed.converted == ["Gesamtkonzept_Musterkreis_2.0.docx"]
        assert tool_changed.reused == ["Gesamtkonzept_Musterkreis_2.0.pdf"]
        fresh = tmp_path / "frisch"
        build(EXAMPLE, fresh, "konzept")
        assert files(out) == files(fresh)
    finally:  # the versions are remembered per process: forget the made-up one for later tests
        monkeypatch.undo()
        cache.tool_versions.cache_clear()


def test_a_word_file_edited_in_the_output_folder_is_made_again_and_the_edit_kept(tmp_path):
    out = tmp_path / "ausgabe"
    build(EXAMPLE, out, "konzept")
    concept = out / "Gesamtkonzept_Musterkreis_2.0.docx"
    original = concept.read_bytes()
    concept.write_bytes(original + b"bearbeitet")
    result = build(EXAMPLE, out, "konzept")
    assert result.converted == ["Gesamtkonzept_Musterkreis_2.0.docx"]
    assert concept.read_bytes() == original
    assert [k.kept.read_bytes() for k in result.kept] == [original + b"bearbeitet"]


def test_a_pdf_or_workbook_edited_in_the_output_folder_is_kept_aside_too(tmp_path):
    """Only Word files were moved aside: a PDF with the Amtsleitung's notes or the Kämmerei's
    workbook with its remarks was replaced unasked, even with nothing changed (fuzz review)."""
    out = tmp_path / "ausgabe"
    build(EXAMPLE, out, "konzept")
    build(EXAMPLE, out, "tabellen")
    pdf, workbook = out / "Gesamtkonzept_Musterkreis_2.0.pdf", out / "Finanzen_Musterkreis_2.0.xlsx"
    originals = {path: path.read_bytes() for path in (pdf, workbook)}
    for path in originals:
        path.write_bytes(originals[path] + b"Notiz")
    kept = [*build(EXAMPLE, out, "konzept").kept, *build(EXAMPLE, out, "tabellen").kept]
    assert sorted((k.original.name, k.kept.read_bytes()) for k in kept) == sorted(
        (path.name, data + b"Notiz") for path, data in originals.items()
    )
    assert all(k.kept.name.startswith(k.original.stem + ".bearbeitet-") for k in kept)
    assert {path: path.read_bytes() for path in originals} == originals
