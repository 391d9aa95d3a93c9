"""The Word file: real structure (styles, TOC field, header/footer, repeated table headers),
and tables whose rows and sums match the inputs."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from docx import Document
from docx.oxml.ns import qn

from pipeline.model.inputs import source_label

#: Unnumbered front matter before chapter 1: the foreword (the example has one) and the summary.
FRONT_MATTER = ["Vorwort", "Das Wichtigste in Kürze"]
CHAPTERS = [
    "Einleitung und Auftrag",
    "Leitbild und Verständnis Früher Hilfen",
    "Ausgangslage",
    "Zielgruppen",
    "Ziele und Indikatoren",
    "Angebote und Maßnahmen",
    "Akteure, Rollen und Zuständigkeiten",
    "Netzwerkgremien und Arbeitsformen",
    "Abstimmungswege zwischen Professionen und Sektoren",
    "Anforderungen an die Zusammenarbeit",
    "Rahmenbedingungen der Akteure",
    "Ressourcen und Finanzierung",
    "Politische Verankerung",
    "Stand der politisch-strukturellen Verankerung",
    "Qualitätsentwicklung und Fortschreibung",
]


@pytest.fixture(scope="module")
def document(concept_files):
    return Document(str(concept_files[".docx"]))


def _table(document, *header: str):
    for table in document.tables:
        cells = [c.text.strip() for c in table.rows[0].cells]
        if cells[: len(header)] == list(header):
            return table
    raise AssertionError(f"no table with header {header}")


def _euro(text: str) -> Decimal:
    """An amount as a table shows it; '–' where a cell has none (Kämmerei: not '0,00 €')."""
    if text.strip() == "–":
        return Decimal(0)
    return Decimal(text.replace("€", "").replace("\u00a0", "").strip().replace(".", "").replace(",", "."))


def test_chapter_headings_in_order(document):
    """The headings carry their titles only: Word's list numbers them (tests/test_wordcraft.py)."""
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[: len(FRONT_MATTER)] == FRONT_MATTER  # Vorwort, Das Wichtigste in Kürze
    assert [t for t in headings if t in CHAPTERS] == CHAPTERS


def test_measure_plan_lists_every_measure_with_its_lead(document, raw_inputs):
    measures = raw_inputs["massnahmen.yaml"]["massnahmen"]
    actors = {a["id"]: a["name"] for a in raw_inputs["akteure.yaml"]["akteure"]}
    table = _table(document, "Nr.", "Maßnahme", "Ziele", "Federführung")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == len(measures)
    for number, (row, measure) in enumerate(zip(rows, measures, strict=True), start=1):
        assert row[0] == f"M{number}"
        assert row[1] == measure["titel"]
        assert row[3] == actors[measure["federfuehrung"]]
        assert row[5] == measure["status"]


def test_budget_table_sums_match_the_funding_lines(document, raw_inputs):
    """The Word table a Kämmerei checks: each source's Erträge per year, the own share as the
    rest, and the Aufwand as the total – recomputed here from the YAML."""
    expenses = raw_inputs["ressourcen.yaml"]["aufwand"]
    income = raw_inputs["ressourcen.yaml"]["ertraege"]
    years = sorted({line["jahr"] for line in expenses})
    table = _table(document, "Quelle", *map(str, years), f"Summe {years[0]}–{years[-1]}")
    body = {row.cells[0].text: row for row in table.rows[1:-1]}

    def per_year(lines):
        return [sum(Decimal(str(x["betrag"])) for x in lines if x["jahr"] == y) for y in years]

    for source in {line["quelle"] for line in income}:
        expected = per_year([x for x in income if x["quelle"] == source])
        row = body[source_label(source, "Niedersachsen")]  # the example's Land by its name
        assert [_euro(c.text) for c in row.cells[1:]] == [*expected, sum(expected)]
    own = [a - b for a, b in zip(per_year(expenses), per_year(income), strict=True)]
    assert [_euro(c.text) for c in body["Zuschussbedarf (kommunaler Eigenanteil)"].cells[1:]] == [*own, sum(own)]
    total_row = table.rows[-1]
    assert total_row.cells[0].text == "Aufwand gesamt"
    assert [_euro(c.text) for c in total_row.cells[1:]] == [*per_year(expenses), sum(per_year(expenses))]


def test_responsibility_matrix_marks_lead_and_participants(document, raw_inputs):
    measures = raw_inputs["massnahmen.yaml"]["massnahmen"]
    actors = {a["id"]: a["name"] for a in raw_inputs["akteure.yaml"]["akteure"]}
    table = _table(document, "Akteur", "1", "2")
    by_name = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows[1:]}
    for index, measure in enumerate(measures):
        assert by_name[actors[measure["federfuehrung"]]][index] == "F"
        for participant in measure.get("beteiligte", []):
            assert by_name[actors[participant]][index] == "B"


def test_header_footer_and_page_fields(document):
    section = document.sections[-1]
    assert section.header.paragraphs[0].text == ("Landkreis Musterkreis · Gesamtkonzept Frühe Hilfen")
    footer_xml = section.footer._element.xml
    assert "Fassung 2.0 · Stand 15.10.2026" in section.footer.paragraphs[0].text
    assert 'w:instr=" PAGE "' in footer_xml and 'w:instr=" NUMPAGES "' in footer_xml
    assert document.sections[0].different_first_page_header_footer  # the title page


def test_table_of_contents_is_a_real_field_listing_the_chapters(document):
    body = document.element.body
    instructions = [e.text for e in body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith("TOC") for i in instructions)
    toc = next(body.iterchildren(qn("w:sdt")))
    entries = [
        "".join("\t" if t.tag == qn("w:tab") else t.text for t in p.iter(qn("w:t"), qn("w:tab")))
        for p in toc.iter(qn("w:p"))
        if p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") is not None
        and p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "TOC1"
    ]
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    front, chapters = headings[: len(FRONT_MATTER)], headings[len(FRONT_MATTER) :]
    assert front == FRONT_MATTER  # listed without a number, as they stand before chapter 1
    assert entries == front + [f"{number}\t{title}" for number, title in enumerate(chapters, start=1)]


def test_every_table_repeats_its_header_row(document):
    for table in document.tables:
        first_row = table.rows[0]._tr
        assert first_row.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None


def test_language_and_core_properties(concept_files, document):
    with zipfile.ZipFile(concept_files[".docx"]) as package:
        styles = package.read("word/styles.xml").decode()
    assert 'w:val="de-DE"' in styles
    props = document.core_properties
    assert props.title == "Gesamtkonzept Frühe Hilfen – Landkreis Musterkreis"
    assert props.version == "2.0"
    assert "Landkreis Musterkreis" in props.author
    assert props.subject.startswith("Systemübergreifendes Gesamtkonzept")
    assert props.created == datetime(2026, 10, 15, tzinfo=UTC)
    assert props.language == "de-DE"


def test_words_own_caption_style_looks_like_the_generated_captions():
    """A caption a colleague adds with *Beschriftung einfügen* gets Word's own style 'Caption'
    (Beschriftung): it looked different from the generated ones (italic, plain) – review of the
    drafts. Both now read bold, upright, grey, in the same size."""
    from docx import Document as open_docx

    from pipeline.render.document import TEMPLATE_DIR

    styles = {s.style_id: s for s in open_docx(str(TEMPLATE_DIR / "referenz.docx")).styles}
    own, generated = styles["Caption"], styles["TableCaption"]
    for style in (own, generated):
        font = style.font
        assert (font.bold, font.italic, font.size.pt, str(font.color.rgb)) == (True, False, 9.5, "595959")
    assert generated.base_style.style_id == "Caption" and styles["ImageCaption"].base_style.style_id == "Caption"
