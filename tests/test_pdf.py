"""The PDF: tagged PDF/UA-1 with title, language and bookmarks, and the same content."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from .test_docx import CHAPTERS, FRONT_MATTER


@pytest.fixture(scope="module")
def reader(concept_files):
    return PdfReader(str(concept_files[".pdf"]))


@pytest.fixture(scope="module")
def text(reader):
    return "\n".join(page.extract_text() for page in reader.pages)


def test_accessibility_markers(concept_files, reader):
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "de-DE"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    raw = concept_files[".pdf"].read_bytes()
    assert re.search(rb"pdfuaid:part>1<", raw) or re.search(rb'pdfuaid:part="1"', raw)
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_title_and_metadata(reader):
    assert reader.metadata.title == "Gesamtkonzept Frühe Hilfen – Landkreis Musterkreis"
    assert "Landkreis Musterkreis" in reader.metadata.author
    assert reader.metadata.creation_date.strftime("%Y-%m-%d") == "2026-10-15"


def test_bookmarks_name_every_chapter(reader):
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    numbered = [t for t in top if t.split(" ", 1)[0].isdigit()]
    assert [t for t in top if t not in numbered][:2] == FRONT_MATTER  # Vorwort and summary come first
    stripped = [t.split(" ", 1)[1] for t in numbered]
    assert [t for t in stripped if t in CHAPTERS] == CHAPTERS


def test_content_matches_the_inputs(text, raw_inputs):
    flat = " ".join(text.split())
    for measure in raw_inputs["massnahmen.yaml"]["massnahmen"]:
        assert " ".join(measure["titel"].split()[:3]) in flat
    for actor in raw_inputs["akteure.yaml"]["akteure"]:
        first_words = " ".join(actor["name"].split()[:2])
        assert first_words in flat
    assert "Seite 2 von" in flat
    assert "Fassung 2.0 · Stand 15.10.2026" in flat
