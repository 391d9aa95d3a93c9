"""A municipality's own look ('layout' in kommune.yaml) reaches Word and PDF alike, and its own
templates (inputs/<k>/templates/) replace the project's of the same name for it alone."""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
from pathlib import Path

import jinja2
import pytest
import yaml
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from pypdf import PdfReader

from pipeline.build import build, check_folder
from pipeline.errors import TemplateFailure
from pipeline.export.cache import file_key
from pipeline.export.to_pdf import typst_inputs
from pipeline.model.papers import paper_views
from pipeline.render import render_concept, render_paper
from pipeline.render.document import TEMPLATE_DIR
from pipeline.render.environment import Templates

from .conftest import EXAMPLE, ROOT

CITY = ROOT / "inputs" / "neuhafen"
INTRO = "konzept/01_einleitung.html.j2"


def _layout(folder: Path) -> dict:
    return yaml.safe_load((folder / "kommune.yaml").read_text(encoding="utf-8")).get("layout", {})


def _wcag(colour: str, other: str = "#ffffff") -> float:
    """The WCAG 2 contrast ratio, computed here from the definition (not with the project's code)."""

    def luminance(hex_colour: str) -> float:
        values = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(colour), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _set_layout(inputs, **values):
    def change(data):
        data["layout"] = {**data.get("layout", {}), **values}

    return inputs.edit("kommune.yaml", change)


# --- checking the inputs ----------------------------------------------------------------------


def test_a_colour_not_written_as_hex_names_file_line_and_field(inputs):
    problems = _set_layout(inputs, hauptfarbe="dunkelblau").problems()
    assert len(problems) == 1
    line, _ = inputs.position_of("kommune.yaml", "dunkelblau")
    assert problems[0].startswith(f"kommune.yaml:{line}:")
    assert "layout.hauptfarbe" in problems[0] and "'#rrggbb'" in problems[0]


def test_a_colour_too_pale_for_text_is_refused_with_its_contrast(inputs):
    problems = _set_layout(inputs, akzentfarbe="#f0a500").problems()
    assert len(problems) == 1
    assert "layout.akzentfarbe" in problems[0]
    assert f"Kontrast {_wcag('#f0a500'):.1f} : 1" in problems[0] and "4.5" in problems[0]


def test_dark_colours_pass_and_are_kept_in_lower_case(inputs):
    assert _wcag("#8A1538") >= 4.5
    concept = _set_layout(inputs, hauptfarbe="#8A1538").check().concept
    assert concept.layout.primary == "#8a1538"
    assert concept.layout.accent_colour == "#8a1538"  # no accent: the primary colour


def test_an_unknown_key_in_layout_is_an_error(inputs):
    problems = _set_layout(inputs, schrift="Comic Sans").problems()
    assert len(problems) == 1 and "layout.schrift" in problems[0]


# --- one definition for Word and PDF ----------------------------------------------------------


def test_without_a_layout_the_documents_keep_the_house_look(inputs):
    inputs.edit("kommune.yaml", lambda data: data.pop("layout", None))
    concept = inputs.check().concept
    doc = render_concept(concept)
    values = typst_inputs(doc)
    assert (values["hauptfarbe"], values["akzentfarbe"], values["kopffarbe"]) == ("#1f4e79", "#1f4e79", "#dce6f0")
    assert "titelzeile" not in values and "titelhinweis" not in values
    assert values["kopfzeile"].startswith(f"{concept.municipality.name} · ")
    assert values["schrift"] == values["schrift_ueberschriften"] == "Source Sans Pro"


def test_the_city_s_layout_reaches_the_typst_inputs_as_plain_data():
    layout = _layout(CITY)
    concept = check_folder(CITY).concept
    concept_values = typst_inputs(render_concept(concept))
    assert concept_values["hauptfarbe"] == layout["hauptfarbe"]
    assert concept_values["akzentfarbe"] == layout["akzentfarbe"]
    assert concept_values["titelzeile"] == layout["titelzeile"]
    assert concept_values["titelhinweis"] == " ".join(layout["titelhinweis"].split())
    assert concept_values["kopfzeile"].startswith(layout["kopfzeile"] + " · ")
    assert (concept_values["schrift"], concept_values["schrift_ueberschriften"]) == (
        "Source Serif Pro",
        "Source Sans Pro",
    )
    paper = render_paper(paper_views(concept)[0])
    assert typst_inputs(paper)["hauptfarbe"] == layout["hauptfarbe"]
    assert typst_inputs(paper)["schrift"] == "Source Serif Pro"
    # a paper names the office in charge of it, not the Jugendamt of the design's header
    lead = paper_views(concept)[0].paper.lead_office
    assert typst_inputs(paper)["kopfzeile"].startswith(f"{concept.municipality.name}, {lead} · ")


def _compiled_layout(values: dict[str, str], output: str = "svg") -> list[bytes] | bytes:
    """The concept's real Typst layout around a stub chapter with a table: what the layout makes
    of the values (typst takes some milliseconds for this)."""
    import tempfile

    import typst

    from pipeline.export.to_pdf import DATA_FILE, data_file, font_dirs

    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        shutil.copy(TEMPLATE_DIR / "konzept.typ", root / "main.typ")
        shutil.copy(TEMPLATE_DIR / "gemeinsam.typ", root / "gemeinsam.typ")
        (root / "inhalt.typ").write_text(
            "= Einleitung\n\nText.\n\n#table(columns: 2, [Kopf], [Spalte], [a], [b])\n"
        )
        (root / DATA_FILE).write_bytes(
            data_file({key: value for key, value in values.items() if not key.startswith("logo")})
        )
        return typst.compile(
            str(root / "main.typ"),
            root=str(root),
            font_paths=list(font_dirs()),
            ignore_system_fonts=True,
            format=output,
        )


def _layout_pages(values: dict[str, str]) -> str:
    """The layout's pages as SVG."""
    return "".join(page.decode("utf-8") for page in _compiled_layout(values))


def test_the_pdf_layout_sets_the_city_s_colours_and_cover_line():
    layout = _layout(CITY)
    doc = render_concept(check_folder(CITY).concept)
    pages = _layout_pages(typst_inputs(doc))
    for colour in (layout["hauptfarbe"], layout["akzentfarbe"], doc.design.table_header):
        assert f'fill="{colour}"' in pages, colour
    assert "#1f4e79" not in pages and "#dce6f0" not in pages


def test_the_pdf_layout_without_a_layout_keeps_the_house_colours(inputs):
    inputs.edit("kommune.yaml", lambda data: data.pop("layout", None))
    pages = _layout_pages(typst_inputs(render_concept(inputs.check().concept)))
    assert 'fill="#1f4e79"' in pages and 'fill="#dce6f0"' in pages


def test_the_pdf_layout_reads_its_colours_from_the_inputs_not_from_constants():
    layout = (TEMPLATE_DIR / "gemeinsam.typ").read_text(encoding="utf-8")
    assert 'rgb(inp.at("hauptfarbe"' in layout and 'rgb(inp.at("kopffarbe"' in layout
    assert "inp.titelzeile" in layout  # set as text, never evaluated as markup
    assert "eval(" not in layout


def test_the_typefaces_are_two_named_choices_each_with_its_fonts(inputs):
    from typing import get_args

    from pipeline.model import fonts
    from pipeline.model.types import TypefaceChoice

    assert list(get_args(TypefaceChoice)) == list(fonts.TYPEFACES)
    for typeface in fonts.TYPEFACES.values():
        folder = fonts.font_directory(next(k for k, v in fonts.TYPEFACES.items() if v == typeface))
        assert all((folder / face).is_file() for face in typeface.faces)
    problems = _set_layout(inputs, schrift="Times New Roman").problems()
    assert len(problems) == 1
    line, _ = inputs.position_of("kommune.yaml", "Times New Roman")
    assert problems[0].startswith(f"kommune.yaml:{line}:") and "layout.schrift" in problems[0]
    assert "'serifenlos'" in problems[0] and "'mit Serifen'" in problems[0]


def test_the_pdf_layout_sets_text_and_headings_in_their_typefaces():
    """The concept's layout as PDF: the fonts it embeds."""
    pdf = _compiled_layout(typst_inputs(render_concept(check_folder(CITY).concept)), "pdf")
    assert isinstance(pdf, bytes)
    fonts = {
        str(f.get_object()["/BaseFont"]).split("+")[-1]
        for page in PdfReader(io.BytesIO(pdf)).pages
        for f in page["/Resources"]["/Font"].values()
    }
    assert any(f.startswith("SourceSerifPro-Regular") for f in fonts), fonts  # the text
    assert any(f.startswith("SourceSansPro-Bold") for f in fonts), fonts  # title and heading


def test_user_text_in_the_layout_stays_literal_in_the_typst_inputs(inputs):
    markup = '#set page(fill: red) *fett* $x$ "zitat"'
    concept = _set_layout(inputs, titelzeile=markup).check().concept
    assert typst_inputs(render_concept(concept))["titelzeile"] == markup


def test_a_changed_layout_converts_the_files_again(inputs):
    doc = render_concept(inputs.check().concept)
    recoloured = dataclasses.replace(doc, design=dataclasses.replace(doc.design, primary="#8a1538"))
    for suffix in (".docx", ".pdf"):
        assert file_key(doc, suffix) != file_key(recoloured, suffix)


# --- templates of a municipality --------------------------------------------------------------


@pytest.fixture
def own_templates(tmp_path) -> Path:
    folder = tmp_path / "neuhafen"
    shutil.copytree(CITY, folder)
    (folder / "templates" / "konzept").mkdir(parents=True)
    return folder


def test_an_own_template_replaces_the_chapter_for_this_municipality_only(own_templates):
    (own_templates / "templates" / INTRO).write_text(
        '<h1 id="einleitung">Einleitung</h1>\n<p>Neuhafen schreibt seine Einleitung selbst: {{ k.municipality.name }}.</p>\n',
        encoding="utf-8",
    )
    concept = check_folder(own_templates).concept
    own = render_concept(concept, Templates.of(own_templates)).body_html
    assert "Neuhafen schreibt seine Einleitung selbst: Stadt Neuhafen am Main." in own
    assert "Einleitung und Auftrag" not in own
    project = render_concept(concept).body_html
    assert "Einleitung und Auftrag" in project and "schreibt seine Einleitung selbst" not in project


def test_an_own_block_file_replaces_the_macros_every_chapter_imports(own_templates):
    blocks = (TEMPLATE_DIR / "_bausteine.html.j2").read_text(encoding="utf-8")
    assert blocks.count("<caption>{{ titel }}</caption>") == 1
    own = blocks.replace("<caption>{{ titel }}</caption>", "<caption>Übersicht: {{ titel }}</caption>")
    (own_templates / "templates" / "_bausteine.html.j2").write_text(own, encoding="utf-8")
    (own_templates / "templates" / "konzept").rmdir()
    concept = check_folder(own_templates).concept
    project = render_concept(concept).body_html.count("<caption>")
    assert render_concept(concept, Templates.of(own_templates)).body_html.count("<caption>Übersicht: ") == project


def test_an_error_in_an_own_template_names_its_file_and_line(own_templates):
    (own_templates / "templates" / INTRO).write_text("<h1>Einleitung</h1>\n<p>{% if %}</p>\n", encoding="utf-8")
    concept = check_folder(own_templates).concept
    with pytest.raises(TemplateFailure) as error:
        render_concept(concept, Templates.of(own_templates))
    assert f"neuhafen/templates/{INTRO}:2" in str(error.value)


def test_an_own_template_that_replaces_nothing_is_named_with_the_likely_meant_one(own_templates):
    (own_templates / "templates" / "konzept" / "01_einleitun.html.j2").write_text("<p>x</p>\n", encoding="utf-8")
    concept = check_folder(own_templates).concept
    with pytest.raises(TemplateFailure) as error:
        render_concept(concept, Templates.of(own_templates))
    message = str(error.value)
    assert "neuhafen/templates/konzept/01_einleitun.html.j2" in message and f"'{INTRO}'" in message


def test_a_folder_without_own_templates_uses_the_project_s():
    assert Templates.of(EXAMPLE) == Templates(TEMPLATE_DIR, None)


# --- real files -------------------------------------------------------------------------------


def _style(document, style_id: str):
    return next(s for s in document.styles if s.style_id == style_id)


@pytest.mark.slow
def test_the_city_builds_in_its_own_design_with_its_own_chapter(tmp_path, own_templates):
    layout = _layout(CITY)
    (own_templates / "templates" / INTRO).write_text(
        '<h1 id="einleitung">Einleitung</h1>\n<p>Eigener Einleitungstext der Stadt.</p>\n', encoding="utf-8"
    )
    out = tmp_path / "out"
    first = build(own_templates, out, "konzept")
    docx = next(p for p in first.paths if p.suffix == ".docx")
    document = Document(str(docx))
    primary = layout["hauptfarbe"].removeprefix("#").upper()
    for style_id in ("Heading1", "Heading2", "Heading3", "Title"):
        assert str(_style(document, style_id).font.color.rgb) == primary, style_id
    first_row = _style(document, "Table").element.find(f"{qn('w:tblStylePr')}[@{qn('w:type')}='firstRow']")
    fill = first_row.find(f"{qn('w:tcPr')}/{qn('w:shd')}").get(qn("w:fill"))
    assert fill != "DCE6F0" and _wcag("#222222", f"#{fill}") >= 4.5
    cover = next(p for p in document.paragraphs[:12] if p.text == layout["titelzeile"])
    assert cover.alignment == WD_ALIGN_PARAGRAPH.CENTER  # like title and subtitle above it
    assert str(cover.runs[0].font.color.rgb) == layout["akzentfarbe"].removeprefix("#").upper()
    assert cover.runs[0].font.name == "Arial"  # the headings' typeface, under a title in Arial
    texts = [p.text for p in document.paragraphs[:12]]
    note = texts.index(" ".join(layout["titelhinweis"].split()))
    author = next(i for i, p in enumerate(document.paragraphs[:12]) if p.style.style_id == "Author")
    assert note < author  # above the author and the Fassung, as on the PDF's title page
    assert document.sections[-1].header.paragraphs[0].text.startswith(layout["kopfzeile"])
    assert any("Eigener Einleitungstext der Stadt." in p.text for p in document.paragraphs)
    # text with serifs under sans-serif headings, as in the PDF: Georgia and Arial, on every PC
    assert (layout["schrift"], layout["schrift_ueberschriften"]) == ("mit Serifen", "serifenlos")
    for style_id, font in (
        ("Normal", "Georgia"),
        ("Tabellentext", "Georgia"),
        ("Heading1", "Arial"),
        ("Title", "Arial"),
    ):
        assert _style(document, style_id).font.name == font, style_id
    pdf = PdfReader(next(p for p in first.paths if p.suffix == ".pdf"))
    used = {
        str(f.get_object()["/BaseFont"]).split("+")[-1]
        for page in pdf.pages[:6]
        for f in page["/Resources"]["/Font"].values()
    }
    assert any(name.startswith("SourceSerifPro-") for name in used), used
    assert any(name.startswith("SourceSansPro-Bold") for name in used), used

    (own_templates / "templates" / INTRO).write_text(
        '<h1 id="einleitung">Einleitung</h1>\n<p>Geänderter Einleitungstext.</p>\n', encoding="utf-8"
    )
    again = build(own_templates, out, "konzept")
    assert sorted(Path(p).suffix for p in again.converted) == [".docx", ".pdf"]


def test_figures_and_web_page_take_the_primary_colour_where_they_took_the_house_colour():
    from pipeline.export.to_html import to_html
    from pipeline.render.figures import indicator_figure, network_figure

    primary = _layout(CITY)["hauptfarbe"]
    city = check_folder(CITY).concept
    for figure in (indicator_figure(city), network_figure(city)):
        assert figure is not None and primary in figure.svg and "#1f4e79" not in figure.svg
    page = to_html(render_concept(city)).decode("utf-8")
    assert f"--blau: {primary}" in page and _layout(CITY)["titelzeile"] in page
    assert '--schrift: "Source Serif Pro", "Source Serif 4", Georgia' in page
    assert '--titelschrift: "Source Sans Pro"' in page
    house = check_folder(EXAMPLE).concept
    assert "#1f4e79" in network_figure(house).svg


def test_a_long_header_names_the_municipality_shortly_so_it_stays_on_one_line():
    """Neuhafen's 'kopfzeile' (the Amt) and a long title would wrap onto a second line: the
    Stadt's name stands for the publisher there; short titles keep the Amt."""
    from pipeline.render import HEADER_LENGTH, header_text

    city = check_folder(CITY).concept
    long = header_text(city, "Einverständniserklärung und Schweigepflichtentbindung")
    assert long == "Stadt Neuhafen am Main · Einverständniserklärung und Schweigepflichtentbindung"
    short = header_text(city, "Gesamtkonzept Frühe Hilfen")
    assert short.startswith(city.layout.header) and len(short) <= HEADER_LENGTH


def test_the_cache_of_compiled_templates_keeps_the_newest_and_compiles_into_it(tmp_path, monkeypatch):
    """Every version of the tool and every folder of own templates adds compiled templates to
    the user's cache; beyond a number the oldest go, so the folder does not grow for ever."""
    from pipeline.render import environment

    folder = tmp_path / "gesamtkonzept" / "vorlagen"
    folder.mkdir(parents=True)
    for age in range(6):
        old = folder / f"alt{age}.cache"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 - age, 1_000_000 - age))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(environment, "KEPT_COMPILED", 4)
    compiled = environment.compiled_templates()
    assert sorted(p.name for p in folder.iterdir()) == ["alt0.cache", "alt1.cache", "alt2.cache", "alt3.cache"]
    env = jinja2.Environment(loader=jinja2.DictLoader({"t.j2": "Hallo {{ name }}"}), bytecode_cache=compiled)
    assert env.get_template("t.j2").render(name="Neuhafen") == "Hallo Neuhafen"
    assert len(list(folder.iterdir())) == 5


def test_the_consent_form_is_headed_by_the_network_not_the_jugendamt():
    """Parents fill the form in at a clinic, a practice or a Träger: headed by the Amt für Kinder,
    Jugend und Familie it suggested the Jugendamt collects their data (review of Neuhafen's form)."""
    from pipeline.render import render_consent_form

    for folder in (EXAMPLE, CITY):
        concept = check_folder(folder).concept
        form = render_consent_form(concept.agreement)
        assert form.header_text == "Netzwerk Frühe Hilfen · Einverständniserklärung und Schweigepflichtentbindung"
        # the first page's sender line (and the files' author) too, not the Amt
        assert form.author == f"{concept.municipality.name} · Netzwerk Frühe Hilfen"
        assert concept.municipality.youth_office not in form.author
