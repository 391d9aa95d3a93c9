"""Paths in the inputs may only name files inside the municipality's folder; the logo appears
on both title pages."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from pypdf import PdfReader

from pipeline.cli import main
from pipeline.errors import ExportFailure
from pipeline.export.figures import logo_png
from pipeline.model import MunicipalityFile

from .conftest import EXAMPLE, edit_yaml


def png(width: int = 4, height: int = 2) -> bytes:
    """A tiny valid PNG, written by hand so the tests need no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x1f\x4e\x79" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _logo_problem(folder: Path, logo: str) -> str:
    def change(data):
        data["kommune"]["logo"] = logo

    edit_yaml(folder, "kommune.yaml", change)
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 1
    [line] = [line for line in result.output.splitlines() if "kommune.logo" in line]
    assert re.match(r"kommune\.yaml:\d+:\d+: kommune\.logo: ", line), line
    return line.split("kommune.logo: ", 1)[1]


def test_paths_leaving_the_folder_are_refused(example_copy, tmp_path):
    outside = tmp_path / "geheim.png"
    outside.write_bytes(png())
    assert "führt aus dem Ordner der Kommune heraus" in _logo_problem(example_copy, "../geheim.png")
    (example_copy / "verweis.png").symlink_to(outside)
    assert "führt aus dem Ordner der Kommune heraus" in _logo_problem(example_copy, "verweis.png")
    absolute = str(example_copy / "logo.svg")
    assert _logo_problem(example_copy, absolute).startswith(
        "Bitte den Pfad relativ zum Ordner der Kommune angeben, z. B. 'logo.png'"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("fehlt.png", None, "Die Datei 'fehlt.png' gibt es nicht im Ordner der Kommune."),
        ("bilder.png", "ordner", "Die Datei 'bilder.png' ist ein Ordner, keine Datei im Ordner der Kommune."),
        (
            "logo.gif",
            b"GIF89a",
            "Dateien vom Typ '.gif' sind hier nicht vorgesehen. Erlaubt sind: .png, .jpg, .jpeg, .svg.",
        ),
        (
            "text.png",
            b"kein Bild",
            "Der Inhalt von 'text.png' ist kein PNG-Bild, obwohl der Name auf '.png' endet.",
        ),
        ("riesig.PNG", png() + b"\0" * (5 * 1024 * 1024), "Die Datei 'riesig.PNG' ist größer als 5 MiB."),
    ],
)
def test_logo_must_be_an_image_file_in_the_folder(example_copy, name, content, message):
    if content == "ordner":
        (example_copy / name).mkdir()
    elif content is not None:
        (example_copy / name).write_bytes(content)
    assert _logo_problem(example_copy, name) == message


def test_links_and_subfolders_inside_the_folder_are_fine(example_copy):
    (example_copy / "bilder").mkdir()
    (example_copy / "bilder" / "wappen.png").write_bytes(png())
    (example_copy / "logo-verweis.png").symlink_to(example_copy / "bilder" / "wappen.png")
    for logo in ("bilder/wappen.png", "logo-verweis.png"):
        edit_yaml(example_copy, "kommune.yaml", lambda d, logo=logo: d["kommune"].update(logo=logo))
        assert CliRunner().invoke(main, ["validate", str(example_copy)]).exit_code == 0


def test_the_model_does_not_check_paths_without_knowing_the_folder():
    data = yaml.safe_load((EXAMPLE / "kommune.yaml").read_text(encoding="utf-8"))
    with pytest.raises(RuntimeError, match="Ordner der Kommune"):
        MunicipalityFile.model_validate(data)


def tagged_figures(reader: PdfReader, node) -> list[tuple[str, int]]:
    """(alternative text, page number) of every tagged figure in the structure tree."""
    node = node.get_object()
    found = []
    if node.get("/S") == "/Figure":
        found.append((str(node.get("/Alt")), reader.get_page_number(node["/Pg"].get_object())))
    kids = node.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        if hasattr(kid.get_object(), "get"):
            found += tagged_figures(reader, kid)
    return found


def test_logo_is_a_tagged_figure_on_the_pdf_title_page(concept_files):
    reader = PdfReader(str(concept_files[".pdf"]))
    figures = tagged_figures(reader, reader.trailer["/Root"]["/StructTreeRoot"])
    assert ("Logo – Landkreis Musterkreis", 0) in figures


def test_logo_is_on_the_word_title_page_with_alternative_text(concept_files):
    document = Document(str(concept_files[".docx"]))
    first, title = document.paragraphs[:2]
    assert title.style.name == "Title"
    assert first.text == ""
    [properties] = first._p.xpath(".//wp:docPr")
    assert properties.get("descr") == "Logo – Landkreis Musterkreis"
    with zipfile.ZipFile(concept_files[".docx"]) as package:
        assert [n for n in package.namelist() if n.startswith("word/media/")] == ["word/media/image1.png"]


@pytest.mark.slow
def test_png_logos_are_drawn_and_broken_ones_fail_clearly(tmp_path):
    good = tmp_path / "logo.png"
    good.write_bytes(png())
    assert logo_png(good).startswith(b"\x89PNG")
    broken = tmp_path / "kaputt.png"
    broken.write_bytes(png()[:20])
    with pytest.raises(ExportFailure, match="Das Logo kaputt.png lässt sich nicht lesen"):
        logo_png(broken)
