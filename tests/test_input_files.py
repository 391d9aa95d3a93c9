"""Paths in the inputs may only name files inside the municipality's folder, and input files
may not be links leading out of it; pictures are checked for size and format before anything
decodes them; the logo appears on both title pages."""

from __future__ import annotations

import base64
import re
import shutil
import struct
import subprocess
import sys
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from pypdf import PdfReader

from pipeline.build import check_folder
from pipeline.cli import main
from pipeline.errors import ExportFailure
from pipeline.export.figures import logo_png
from pipeline.export.to_pdf import checked_logo
from pipeline.load import inputs_hash
from pipeline.model import MunicipalityFile
from pipeline.model.images import ImageProblem, check_image
from pipeline.model.quality.assessment import assess
from pipeline.render import all_figures

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
    # quoted as written ('..' was shortened to '.' with sentences' double stops), and refused for
    # leaving the folder before its type is looked at (hostile-input sweep)
    assert "Der Pfad '../geheim.png' führt aus dem Ordner der Kommune heraus" in _logo_problem(
        example_copy, "../geheim.png"
    )
    assert "Der Pfad '../../etc/passwd' führt aus dem Ordner" in _logo_problem(example_copy, "../../etc/passwd")
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
        media = [n for n in package.namelist() if n.startswith("word/media/")]
    # the logo once, as PNG; besides it each figure of the Bedarfsanalyse as SVG with a PNG beside it
    assert "word/media/image1.png" in media
    concept = check_folder(EXAMPLE).concept
    assert len(media) == 1 + 2 * len(all_figures(concept, assess(concept)))


@pytest.mark.slow
def test_png_logos_are_drawn_and_broken_ones_fail_clearly(tmp_path):
    good = tmp_path / "logo.png"
    good.write_bytes(png())
    assert logo_png(good).startswith(b"\x89PNG")
    broken = tmp_path / "kaputt.png"

    # whole and checksummed (validation's check passes), but its picture data too short for its size
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    broken.write_bytes(png()[:33] + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b""))
    check_image(broken.read_bytes(), ".png", "kaputt.png")
    with pytest.raises(ExportFailure) as failure:
        logo_png(broken)
    assert str(failure.value) == (
        "Das Logo kaputt.png lässt sich nicht lesen. Die Datei ist beschädigt oder in einer Form gespeichert, "
        "die Typst nicht lesen kann; bitte als PNG, JPEG oder SVG neu speichern."
    )


# --- pictures: pixels and format checked before anything decodes them --------------------------


def with_size(width: int, height: int) -> bytes:
    """A PNG whose header claims `width` × `height` pixels, with next to no picture data: what
    a picture of that size costs shows only when it is decoded."""
    small = png(1, 1)
    header = b"IHDR" + struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return small[:12] + header + struct.pack(">I", zlib.crc32(header)) + small[33:]


def jpeg(width: int, height: int, frame: int = 0xC0, precision: int = 8) -> bytes:
    """A JPEG's frame header (SOF) after an APP0 segment as cameras write, then the start of the
    picture data (SOS) and the end marker: the markers the checks read, without a picture."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = bytes([0xFF, frame]) + struct.pack(">HBHHB", 17, precision, height, width, 3) + b"\x01\x22\x00" * 3
    return b"\xff\xd8" + app0 + sof + b"\xff\xda" + b"\x00" * 8 + b"\xff\xd9"


def svg(body: str, head: str = "") -> bytes:
    return (
        f'{head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="40" height="25">{body}</svg>'
    ).encode()


HUGE = (
    "Das Bild 'riesig.png' ist 50.000 × 50.000 Pixel groß (2.500 Megapixel); höchstens 40 Megapixel sind "
    "möglich. Bitte das Bild verkleinern – für ein Logo genügen z. B. 1.500 Pixel Breite auch im Druck."
)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("riesig.png", with_size(50_000, 50_000), HUGE),
        ("schmal.png", with_size(0, 10), "Das Bild 'schmal.png' gibt keine gültige Größe an (0 × 10 Pixel)."),
        (
            "riesig.jpg",
            jpeg(10_000, 5_000),
            "Das Bild 'riesig.jpg' ist 10.000 × 5.000 Pixel groß (50 Megapixel); höchstens 40 Megapixel",
        ),
        ("arithmetisch.jpg", jpeg(100, 100, frame=0xC9), "ist ein JPEG in einer seltenen Form"),
        ("zwoelfbit.jpeg", jpeg(100, 100, precision=12), "ist ein JPEG mit 12 Bit je Farbwert"),
        ("ohne-kopf.png", png()[:20], "Das Bild 'ohne-kopf.png' ist kein lesbares PNG-Bild"),
        (
            "verweis.svg",
            svg('<image xlink:href="file:///etc/passwd" width="1" height="1"/>'),
            "Das SVG-Bild 'verweis.svg' verweist auf eine andere Datei oder Adresse ('file:///etc/passwd').",
        ),
        ("netz.svg", svg('<image href="https://example.org/a.png"/>'), "verweist auf eine andere Datei"),
        ("nebenan.svg", svg('<image href="wappen.png"/>'), "verweist auf eine andere Datei"),
        (
            "entitaet.svg",
            svg("&x;", head='<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'),
            "Das SVG-Bild 'entitaet.svg' enthält eine Dokumenttyp-Angabe (<!DOCTYPE …> oder <!ENTITY …>).",
        ),
        ("stil.svg", svg("<style>@import url(https://example.org/x.css);</style>"), "in seinen Stilangaben"),
        ("fuellung.svg", svg('<rect fill="url(https://example.org/x.svg#a)"/>'), "in seinen Stilangaben"),
        (
            "eingebettet.svg",
            svg(f'<image href="data:image/png;base64,{base64.b64encode(with_size(50_000, 50_000)).decode()}"/>'),
            "Ein in 'eingebettet.svg' eingebettetes Bild ist 50.000 × 50.000 Pixel groß",
        ),
        ("kaputt.svg", svg("<rect>"), "Das SVG-Bild 'kaputt.svg' ist kein gültiges XML (Fehler in Zeile 1)."),
    ],
)
def test_pictures_are_checked_before_anything_decodes_them(example_copy, name, content, message):
    (example_copy / name).write_bytes(content)
    assert message in _logo_problem(example_copy, name)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("gross.png", with_size(8_000, 5_000)),
        ("foto.jpg", jpeg(6_000, 4_000)),
        ("progressiv.jpg", jpeg(1_500, 900, frame=0xC2)),
        (
            "eingebettet.svg",
            svg(
                '<defs><linearGradient id="v"/></defs><rect fill="url(#v)" width="4" height="4"/>'
                '<use xlink:href="#v"/>'
                f'<image href="data:image/png;base64,{base64.b64encode(png()).decode()}" width="4" height="2"/>'
            ),
        ),
    ],
)
def test_ordinary_pictures_pass(example_copy, name, content):
    (example_copy / name).write_bytes(content)
    edit_yaml(example_copy, "kommune.yaml", lambda d: d["kommune"].update(logo=name))
    result = CliRunner().invoke(main, ["validate", str(example_copy)])
    assert result.exit_code == 0, result.output


def test_the_pixel_check_reads_only_the_header():
    tracemalloc.start()
    with pytest.raises(ImageProblem, match="50.000 × 50.000 Pixel"):
        check_image(with_size(50_000, 50_000), ".png", "riesig.png")
    with pytest.raises(ImageProblem, match="60.000 × 60.000 Pixel"):
        check_image(jpeg(60_000, 60_000), ".jpg", "riesig.jpg")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 1024 * 1024  # bytes: nothing was decoded


@pytest.mark.slow
def test_a_huge_logo_ends_the_build_quickly_with_a_german_message(example_copy, tmp_path):
    """Before, 50,000 × 50,000 pixels took 5 GB and a minute, 100,000 × 100,000 aborted typst
    and the whole process. The build runs in a process limited to 1 GB and 60 seconds."""
    (example_copy / "riesig.png").write_bytes(with_size(100_000, 100_000))
    edit_yaml(example_copy, "kommune.yaml", lambda d: d["kommune"].update(logo="riesig.png"))
    bounded = "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)); "
    run = "from pipeline.cli import main; sys.argv[0] = 'gesamtkonzept'; main()"
    result = subprocess.run(
        [sys.executable, "-c", bounded + run, "build", str(example_copy), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1, result.stderr
    assert "Das Bild 'riesig.png' ist 100.000 × 100.000 Pixel groß (10.000 Megapixel)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_exporters_check_the_logo_again(tmp_path):
    """The file may change between validation and export: typst never sees it unchecked."""
    changed = tmp_path / "logo.png"
    changed.write_bytes(with_size(50_000, 50_000))
    with pytest.raises(ExportFailure, match=r"50\.000 × 50\.000 Pixel"):
        logo_png(changed)
    with pytest.raises(ExportFailure, match=r"50\.000 × 50\.000 Pixel"):
        checked_logo(changed)


# --- links among the input files --------------------------------------------------------------


@pytest.mark.parametrize("target", ["nachbar/ziele.yaml", "etc/ziele.yaml"])
def test_input_files_linked_from_outside_are_refused(example_copy, tmp_path, target):
    """A YAML file that is a link to a file outside the folder (another municipality's, or
    anywhere on the machine) is refused with its name – validate and build alike, no traceback."""
    outside = tmp_path / target
    outside.parent.mkdir(parents=True)
    outside.write_bytes((example_copy / "ziele.yaml").read_bytes())
    (example_copy / "ziele.yaml").unlink()
    (example_copy / "ziele.yaml").symlink_to(outside)
    expected = (
        f"ziele.yaml:1:1: Die Datei ist ein Verweis auf '{outside.resolve()}' außerhalb des Ordners der "
        "Kommune. Bitte die Datei selbst in den Ordner legen (kopieren statt verlinken)."
    )
    for command in (["validate", str(example_copy)], ["build", str(example_copy), "-o", str(tmp_path / "out")]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1, result.output
        assert expected in result.output.splitlines()
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "out").exists()


def test_a_linked_folder_of_papers_outside_is_refused(example_copy, tmp_path):
    elsewhere = tmp_path / "vorlagen-anderswo"
    shutil.move(example_copy / "vorlagen", elsewhere)
    (example_copy / "vorlagen").symlink_to(elsewhere, target_is_directory=True)
    result = CliRunner().invoke(main, ["validate", str(example_copy)])
    assert result.exit_code == 1
    refused = [line for line in result.output.splitlines() if "außerhalb des Ordners der Kommune" in line]
    assert refused and all(line.startswith("vorlagen/") for line in refused)


def test_input_files_linked_inside_the_folder_are_fine(example_copy, tmp_path):
    (example_copy / "stammdaten").mkdir()
    (example_copy / "ziele.yaml").rename(example_copy / "stammdaten" / "ziele.yaml")
    (example_copy / "ziele.yaml").symlink_to(Path("stammdaten") / "ziele.yaml")
    assert CliRunner().invoke(main, ["validate", str(example_copy)]).exit_code == 0
    checked = check_folder(example_copy)
    assert len(inputs_hash(example_copy, checked.read_files)) == 64


@pytest.mark.parametrize(("name", "whole"), [("logo.png", png(40, 20)), ("logo.jpg", jpeg(40, 20))])
def test_a_picture_cut_off_is_found_by_validation(name, whole):
    """A PNG cut off in copying passed validation, and only the build failed, on a message naming
    no file or line (review with hostile input): the chunks' checksums, the picture data and the
    end marker are checked before anything is written."""
    check_image(whole, Path(name).suffix, name)
    for cut in (whole[: len(whole) - 3], whole[: len(whole) * 2 // 3]):
        with pytest.raises(ImageProblem, match=f"Das Bild '{name}' ist unvollständig oder beschädigt"):
            check_image(cut, Path(name).suffix, name)
    if name.endswith(".png"):  # one byte of the picture data changed: its checksum no longer fits
        at = whole.index(b"IDAT") + 6
        flipped = whole[:at] + bytes([whole[at] ^ 0xFF]) + whole[at + 1 :]
        with pytest.raises(ImageProblem, match="unvollständig oder beschädigt"):
            check_image(flipped, ".png", name)


def test_a_logo_cut_off_is_named_with_its_field(example_copy):
    (example_copy / "logo.png").write_bytes(png(40, 20)[:-20])
    assert _logo_problem(example_copy, "logo.png") == (  # with file, line and field (see _logo_problem)
        "Das Bild 'logo.png' ist unvollständig oder beschädigt (die Datei bricht vor ihrem Ende ab). "
        "Bitte das Bild neu speichern."
    )
