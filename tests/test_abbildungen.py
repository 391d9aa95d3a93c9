"""The concept's figures drawn from the model: each has an alternative text that states its
numbers (recomputed here from the YAML), stands numbered and captioned in its chapter, and
reaches Word (a picture with `descr`) and the PDF (a tagged figure with /Alt) alike."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from decimal import Decimal
from itertools import combinations, pairwise
from pathlib import Path

import lxml.html
import pytest
import yaml
from docx import Document
from pypdf import PdfReader

from pipeline.build import check_folder
from pipeline.formatting import euro, german_date, number
from pipeline.model.inputs import source_label
from pipeline.model.quality.assessment import assess
from pipeline.render import all_figures, concept_chapters, render_quality_dialogue

from .conftest import EXAMPLE, ROOT, three_times_the_measures
from .test_input_files import tagged_figures

CITY = ROOT / "inputs" / "neuhafen"
FOLDERS = pytest.mark.parametrize("folder", [EXAMPLE, CITY], ids=["landkreis", "stadt"])
#: Where each figure stands: key of the figure, chapter template.
PLACES = {
    "indikatoren": "konzept/05_ziele.html.j2",
    "zeitplan": "konzept/06_massnahmen.html.j2",
    "netzwerk": "konzept/08_netzwerk.html.j2",
    "finanzierung": "konzept/12_ressourcen.html.j2",
    "ausschuesse": "konzept/13_politische_verankerung.html.j2",
    "hinweise-dimension5": "konzept/14_verankerung_stand.html.j2",
}


def raw(folder: Path, name: str) -> dict:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def plain(text: str) -> str:
    return text.replace("\xa0", " ")


def figures_of(folder: Path):
    concept = check_folder(folder).concept
    return concept, all_figures(concept, assess(concept))


@FOLDERS
def test_funding_figure_states_every_source_and_the_own_share_per_year(folder):
    _, figures = figures_of(folder)
    alt = plain(figures["finanzierung"].alt)
    money = raw(folder, "ressourcen.yaml")
    state = raw(folder, "kommune.yaml")["kommune"]["bundesland"]
    expenses, income = defaultdict(Decimal), defaultdict(Decimal)
    by_source: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
    for line in money["aufwand"]:
        expenses[line["jahr"]] += Decimal(str(line["betrag"]))
    for line in money["ertraege"]:
        income[line["jahr"]] += Decimal(str(line["betrag"]))
        # the Land by its name, as the documents name it ('Land Hessen')
        by_source[line["jahr"], source_label(line["quelle"], state)] += Decimal(str(line["betrag"]))
    for year in sorted(expenses):
        # each year as its bar names it, with its budget's state (web review)
        sentence = alt.split(f"{year} (Haushalt", 1)[1].split(" €. ", 1)[0]
        for (source_year, source), amount in by_source.items():
            if source_year == year:
                assert f"{source} {plain(euro(amount))}" in sentence
        own = expenses[year] - income[year]
        assert f"Zuschussbedarf (kommunaler Eigenanteil) {plain(euro(own))}" in alt
        assert f"Aufwand insgesamt {plain(euro(expenses[year]))}" in alt


@FOLDERS
def test_committee_figure_states_aufwand_ertraege_and_zuschussbedarf(folder):
    _, figures = figures_of(folder)
    alt = plain(figures["ausschuesse"].alt)
    money = raw(folder, "ressourcen.yaml")
    names = {c["id"]: c["name"] for c in raw(folder, "gremien.yaml")["gremien"]}
    expenses, income = defaultdict(Decimal), defaultdict(Decimal)
    for line in money["aufwand"]:
        expenses[line["ausschuss"], line["jahr"]] += Decimal(str(line["betrag"]))
    for line in money["ertraege"]:
        income[line["ausschuss"], line["jahr"]] += Decimal(str(line["betrag"]))
    for committee, year in set(expenses) | set(income):
        spent, received = expenses[committee, year], income[committee, year]
        assert (
            f"{names[committee]} {year}: Aufwand {plain(euro(spent))}, Erträge {plain(euro(received))}, "
            f"Zuschussbedarf {plain(euro(spent - received))}."
        ) in alt


@FOLDERS
def test_indicator_figure_states_baseline_current_and_target(folder):
    _, figures = figures_of(folder)
    figure = figures["indikatoren"]
    alt = plain(figure.alt)
    count = 0
    for goal in raw(folder, "ziele.yaml")["ziele"]:
        for indicator in goal.get("indikatoren", []):
            count += 1
            sentence = alt.split(f" {indicator['name']}: ", 1)[1].split(". ", 1)[0]
            assert sentence.startswith(f"Ausgangswert {number(Decimal(str(indicator['ausgangswert'])))}")
            assert f"Zielwert {number(Decimal(str(indicator['zielwert'])))}" in sentence
            assert f"({indicator['zieljahr']})" in sentence
            baseline_again = indicator.get("istwert") == indicator["ausgangswert"] and indicator.get(
                "istjahr"
            ) == indicator.get("ausgangsjahr")
            if baseline_again:  # the baseline itself is no Istwert (web review)
                assert "Istwert noch nicht erneut erhoben" in sentence
            elif "istwert" in indicator:
                assert f"Istwert {number(Decimal(str(indicator['istwert'])))}" in sentence
                assert f"({indicator['istjahr']})" in sentence
            else:
                assert "Istwert noch nicht erhoben" in sentence
    measured = sum(
        1
        for g in raw(folder, "ziele.yaml")["ziele"]
        for i in g.get("indikatoren", [])
        if "istwert" in i and (i["istwert"], i.get("istjahr")) != (i["ausgangswert"], i.get("ausgangsjahr"))
    )
    primary = raw(folder, "kommune.yaml").get("layout", {}).get("hauptfarbe", "#1f4e79")  # the house colour
    assert figure.svg.count(f'r="4" fill="{primary}"') == measured + 1  # and one in the legend
    assert alt.count(": Ausgangswert ") == count


@FOLDERS
def test_timeline_states_each_measure_with_its_period_and_status(folder):
    concept, figures = figures_of(folder)
    alt = plain(figures["zeitplan"].alt)
    measures = raw(folder, "massnahmen.yaml")["massnahmen"]
    for number_, measure in enumerate(measures, start=1):
        period = measure["zeitraum"]
        start = german_date(period["von"])
        expected = f"M{number_} {measure['titel']}: {measure['status']}, "
        expected += f"{start} bis {german_date(period['bis'])}." if period.get("bis") else f"{start}, unbefristet."
        assert expected.replace("ab ", "").replace("seit ", "") in alt.replace("seit ", "").replace("ab ", "")
    stand = raw(folder, "kommune.yaml")["konzept"]["stand"]
    assert f"Stand {german_date(stand)}" in plain(figures["zeitplan"].svg)
    svg = figures["zeitplan"].svg
    planned = sum(1 for m in measures if m["status"] == "geplant")
    assert svg.count('stroke-dasharray="3 2"') == planned + 1  # and the legend's key drawn alike


@FOLDERS
def test_network_map_names_every_member_of_every_body_with_its_chair(folder):
    _, figures = figures_of(folder)
    alt = plain(figures["netzwerk"].alt)
    actors = {a["id"]: a for a in raw(folder, "akteure.yaml")["akteure"]}
    bodies = raw(folder, "netzwerk.yaml")["netzwerkgremien"]
    for index, body in enumerate(bodies):
        members = list(dict.fromkeys([body["leitung"], *body["mitglieder"]]))
        sentence = alt.split(f"{body['name']} (", 1)[1]
        if index + 1 < len(bodies):
            sentence = sentence.split(f". {bodies[index + 1]['name']} (", 1)[0]
        assert sentence.startswith(f"{len(members)} Mitglieder, Leitung: {actors[body['leitung']]['name']})")
        for member in members:
            assert actors[member]["name"] in sentence
            assert f"{actors[member]['sektor']}: " in sentence
    svg = figures["netzwerk"].svg
    seats = sum(len({b["leitung"], *b["mitglieder"]}) for b in bodies)
    assert svg.count('<path d="M ') == seats
    assert len(re.findall(r'<path [^>]*stroke-width="2.2"/>', svg)) == len(bodies)


def _listed(html: str, heading: str) -> int:
    """How many points the Qualitätsdialog lists under a heading such as 'Offen ist:'."""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    return sum(
        len(p.getnext().findall("li"))
        for p in root.iter("p")
        if p.text_content().strip() == heading and p.getnext() is not None and p.getnext().tag == "ul"
    )


def test_quality_figure_counts_the_hints_of_the_paper_and_grades_nothing(concept):
    [assessment] = assess(concept)
    figure = all_figures(concept, [assessment])["hinweise-dimension5"]
    dialogue = render_quality_dialogue(assessment).body_html
    themes = re.findall(
        r"Thema (5\.\d [^:]+): Das zeigen die Daten: (\d+), Offen ist: (\d+), Dazu fehlen Angaben: (\d+)\.",
        figure.alt,
    )
    assert len(themes) == len(assessment.catalog.themes)
    totals = [sum(int(t[i]) for t in themes) for i in (1, 2, 3)]
    assert totals == [
        _listed(dialogue, "Das zeigen die Daten:"),
        _listed(dialogue, "Offen ist:"),
        _listed(dialogue, "Dazu fehlen Angaben:"),
    ]
    for word in ("erfüllt", "teilweise", "nicht prüfbar"):
        assert word not in figure.alt and word not in figure.svg
    chapter = concept_chapters(concept)["konzept/14_verankerung_stand.html.j2"]
    assert "bewertet keine" in chapter


def test_each_figure_stands_captioned_in_the_chapter_a_reader_needs_it(concept):
    chapters = concept_chapters(concept)
    figures = all_figures(concept, assess(concept))
    for key, chapter in PLACES.items():
        root = lxml.html.fromstring(f"<div>{chapters[chapter]}</div>")
        [figure] = [f for f in root.iter("figure") if f.find("img").get("src") == figures[key].name]
        # the same words; the HTML binds a number to its word with a no-break space ('Z1 Anteil')
        assert figure.find("img").get("alt").split() == figures[key].alt.split()
        assert figure.find("figcaption").text_content().strip()


def test_a_long_timeline_is_drawn_in_parts_that_each_fit_a_page(inputs):
    """63 measures: three parts of 21 bars, each no taller than a page's text (the PDF would
    shrink a taller one until it is unreadable), captioned with its range; every measure in
    exactly one part, in order."""

    concept = inputs.edit("massnahmen.yaml", three_times_the_measures).check().concept
    figures = all_figures(concept, assess(concept))
    parts = [figures[k] for k in ("zeitplan", "zeitplan-2", "zeitplan-3")]
    assert "zeitplan-4" not in figures
    assert [p.name for p in parts] == ["zeitplan.svg", "zeitplan-2.svg", "zeitplan-3.svg"]
    assert [p.part for p in parts] == [
        "Teil 1 von 3: M1 bis M21",
        "Teil 2 von 3: M22 bis M42",
        "Teil 3 von 3: M43 bis M63",
    ]
    page_text_height = 650  # pt: A4 less margins, header and caption
    for part in parts:
        height = float(re.search(r'<svg[^>]*height="([0-9.]+)pt"', part.svg)[1])
        assert height <= page_text_height
    numbers = [
        int(n)
        for p in parts
        for n in re.findall(r"\bM(\d+) [^:]*: (?:laufend|geplant|abgeschlossen)", plain(p.alt))
    ]
    assert numbers == list(range(1, 64))
    chapter = concept_chapters(concept, figures=figures)["konzept/06_massnahmen.html.j2"]
    captions = [c.text_content() for c in lxml.html.fromstring(chapter).iter("figcaption")]
    assert captions == [f"Zeitplan der Maßnahmen ({p.part})" for p in parts]
    assert "in drei Teilen" in chapter


def test_a_timeline_that_fits_a_page_stays_one_figure(concept):
    figures = all_figures(concept, assess(concept))
    assert figures["zeitplan"].part == "" and "zeitplan-2" not in figures
    chapter = concept_chapters(concept, figures=figures)["konzept/06_massnahmen.html.j2"]
    assert [c.text_content() for c in lxml.html.fromstring(chapter).iter("figcaption")] == [
        "Zeitplan der Maßnahmen"
    ]


def test_figures_are_left_out_without_their_data(inputs):
    def no_income(data):
        data["ertraege"] = []

    inputs.edit("ressourcen.yaml", no_income)
    concept = inputs.check().concept
    figures = all_figures(concept, assess(concept))
    assert "Zuschussbedarf (kommunaler Eigenanteil)" in figures["finanzierung"].alt
    assert "keine Erträge, Zuschussbedarf" in plain(figures["ausschuesse"].alt)  # not "Erträge 0,00 €"


# --- in Word and PDF --------------------------------------------------------------------------


def test_every_figure_is_a_picture_with_its_alternative_text_in_word(concept_files, concept):
    document = Document(str(concept_files[".docx"]))
    described = {" ".join(p.get("descr", "").split()) for p in document.element.body.xpath(".//wp:docPr")}
    for figure in all_figures(concept, assess(concept)).values():
        assert " ".join(figure.alt.split()) in described, figure.name


def test_every_figure_is_tagged_with_its_alternative_text_in_the_pdf(concept_files, concept):
    reader = PdfReader(str(concept_files[".pdf"]))
    tagged = {alt for alt, _ in tagged_figures(reader, reader.trailer["/Root"]["/StructTreeRoot"])}
    for figure in all_figures(concept, assess(concept)).values():
        assert " ".join(figure.alt.split()) in {" ".join(t.split()) for t in tagged}, figure.name
    pages = [page.extract_text() for page in reader.pages[:6]]
    text = " ".join(" ".join(pages).split())
    assert "Tabellenverzeichnis" in text and "Abbildungsverzeichnis" in text
    # the list of tables follows the contents on their last page where it has room: a page with the
    # last three entries of the contents stood nearly empty before it (layout review)
    tables = next(n for n, page in enumerate(pages) if "Tabellenverzeichnis" in page)
    assert "Abkürzungen" in pages[tables] and "Abkürzungen" not in pages[tables - 1]

    # headings and their entries in the contents are never hyphenated ('chro-|nischer'; layout review)
    def titles(outline):
        for item in outline:
            yield from titles(item) if isinstance(item, list) else [item.title]

    lines = [line.strip() for page in reader.pages for line in page.extract_text().splitlines()]
    broken = [
        line
        for title in titles(reader.outline)
        if len(title.split()) > 3
        for line in lines
        if " ".join(title.split()[:3]) in line and re.search(r"[a-zäöüß]-$", line)
    ]
    assert not broken
    assert "Abbildung 2 Indikatoren: Ausgangswert, Istwert und Zielwert" in text
    assert "Tabelle 1 Finanzen im Überblick" in text  # the first table is in 'Das Wichtigste in Kürze'


def test_a_very_long_alternative_text_ends_after_a_whole_sentence():
    from pipeline.render.document import ALT_LIMIT, Figure

    sentences = [f"M{n} Maßnahme Nummer {n}: laufend, seit 2025." for n in range(1, 1200)]
    alt = Figure("zeitplan.svg", "<svg/>", " ".join(sentences)).alt
    assert len(alt) <= ALT_LIMIT
    kept, note = alt.rsplit(". ", 1)
    assert note == "Die übrigen Werte stehen in den Tabellen dieses Kapitels."
    assert any(kept + "." == " ".join(sentences[:k]) for k in range(1, len(sentences)))  # whole sentences
    assert Figure("a.svg", "<svg/>", "Kurz.").alt == "Kurz."


@pytest.mark.parametrize("folder", ["musterkreis", "neuhafen"])
def test_the_network_map_names_every_actor_whole(folder):
    """A name cut with '…' says nothing: every actor's name is on the map in full (in lines)."""
    from pipeline.render.figures import network_figure

    concept = check_folder(Path(__file__).resolve().parent.parent / "inputs" / folder).concept
    figure = network_figure(concept)
    assert figure is not None and "…" not in figure.svg
    shown = {word for text in re.findall(r">([^<>]+)<", figure.svg) for word in html.unescape(text).split()}
    for actor in concept.actors:
        assert set(actor.name.split()) <= shown, actor.name


# --- PNGs for Word ------------------------------------------------------------------------------


def _svg(width: int, colour: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="40" viewBox="0 0 {width} 40">'
        f'<rect width="{width}" height="40" fill="{colour}"/></svg>'
    )


def test_figures_drawn_together_are_the_pictures_drawn_alone():
    """A document's figures are drawn in one typst run (fonts load once); each PNG is the same
    as drawing that figure by itself, at its own size."""
    from pipeline.export.figures import draw_png, figure_pngs
    from pipeline.render.document import Figure

    figures = (
        Figure("schmal.svg", _svg(60, "#0a6e8a"), "Schmal"),
        Figure("breit.svg", _svg(240, "#c8553d"), "Breit"),
    )
    together = figure_pngs(figures)
    alone = [draw_png(f.name, f.svg.encode("utf-8"), failure="x") for f in figures]
    assert together == alone and together[0] != together[1]
    assert [png[:8] for png in together] == [b"\x89PNG\r\n\x1a\n"] * 2


def test_drawn_figures_are_kept_in_the_users_cache_and_taken_from_there(tmp_path, monkeypatch):
    """A build that converts the concept again – its text changed, not its charts – takes the
    charts' PNGs from the user's cache instead of drawing them; a damaged entry is drawn anew."""
    from pipeline.export import figures as drawing
    from pipeline.render.document import Figure

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(drawing, "_DRAWN", {})
    chart = (Figure("balken.svg", _svg(70, "#1d5c8a"), "Balken"),)
    first = drawing.figure_pngs(chart)
    (kept,) = (tmp_path / "gesamtkonzept" / "bilder").glob("*.png")
    assert kept.read_bytes() == first[0]
    draw = drawing._draw
    monkeypatch.setattr(drawing, "_DRAWN", {})  # as in a new process

    def refused(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(drawing, "_draw", refused)
    assert drawing.figure_pngs(chart) == first
    kept.write_bytes(b"kaputt")
    monkeypatch.setattr(drawing, "_DRAWN", {})
    monkeypatch.setattr(drawing, "_draw", draw)
    assert drawing.figure_pngs(chart) == first and kept.read_bytes() == first[0]
    other = (Figure("balken.svg", _svg(70, "#c8553d"), "Balken"),)
    assert drawing.figure_pngs(other) != first
    assert len(list(kept.parent.glob("*.png"))) == 2


def test_a_figure_typst_cannot_read_is_named():
    from pipeline.errors import ExportFailure
    from pipeline.export.figures import figure_pngs
    from pipeline.render.document import Figure

    figures = (Figure("gut.svg", _svg(50, "#333333"), "Gut"), Figure("kaputt.svg", "<svg nicht zu Ende", "Kaputt"))
    with pytest.raises(ExportFailure, match="Die Abbildung kaputt.svg ließ sich nicht zeichnen"):
        figure_pngs(figures)


def test_a_short_bar_names_the_values_its_segments_cannot_hold():
    """Beside a committee with a small budget the bar's segments are too narrow for their
    labels: the values follow the total on its line, so the chart still shows them."""
    from pipeline.render.charts import stacked_amounts

    rows = [
        ("Jugendhilfeausschuss", [Decimal(157300), Decimal(286400)]),
        ("Gesundheit", [Decimal(22000), Decimal(6000)]),
    ]
    series = [("Erträge", "#7da7d9"), ("Zuschussbedarf", "#e08a2c")]
    svg = stacked_amounts(
        rows, series, "Test", shown=lambda v: f"{v:,.0f} €", total=lambda t: f"Aufwand {t:,.0f} €"
    )
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    # in brackets, not after a dash that read as a minus sign (Kämmerei)
    assert "Aufwand 28,000 € (Erträge 22,000 €, Zuschussbedarf 6,000 €)" in texts
    assert "Aufwand 443,700 €" in texts and "157,300 €" in texts  # the long bar carries its own


@FOLDERS
def test_the_timeline_keys_only_the_statuses_its_measures_have(folder):
    """A key for 'abgeschlossen' where nothing is finished made a reader look for it."""
    _, figures = figures_of(folder)
    statuses = {m["status"] for m in raw(folder, "massnahmen.yaml")["massnahmen"]}
    legend = plain(figures["zeitplan"].svg)
    assert ("abgeschlossen" in legend) == ("abgeschlossen" in statuses)
    assert ("geplant (Umriss)" in legend) == ("geplant" in statuses)


def test_the_money_charts_say_they_round_only_where_an_amount_has_cents(inputs):
    """The charts label whole euros: their captions say so only where that rounds something."""

    def captions(concept):
        chapters = concept_chapters(concept, figures=all_figures(concept, assess(concept)))
        return [
            c.text_content()
            for name in ("konzept/12_ressourcen.html.j2", "konzept/13_politische_verankerung.html.j2")
            for c in lxml.html.fromstring(chapters[name]).iter("figcaption")
            if "Aufwand" in c.text_content()
        ]

    amounts = [e["betrag"] for e in raw(EXAMPLE, "ressourcen.yaml")["aufwand"]]
    assert all(float(a) == int(a) for a in amounts)
    whole = captions(inputs.check().concept)
    assert len(whole) == 2 and not any("gerundet" in c for c in whole)

    def with_cents(data):
        data["aufwand"][0]["betrag"] = 79800.5

    rounded = captions(inputs.edit("ressourcen.yaml", with_cents).check().concept)
    assert len(rounded) == 2 and all(c.endswith("(Beträge auf volle Euro gerundet)") for c in rounded)


def test_every_colour_that_carries_data_keeps_3_to_1_against_white_and_its_labels_4_5_to_1():
    """WCAG 1.4.11 (non-text contrast), which BITV 2.0 asks of a municipality's publications:
    the segments, lines and markers of the charts and the map stand on white (or on white gaps
    between segments) and keep 3 : 1 against it; the label a segment carries keeps 4.5 : 1.
    The accessibility review measured the pale blue of 'Dritte' at 1.6 : 1, the orange at 2.9."""
    from pipeline import render
    from pipeline.model.colours import contrast
    from pipeline.render import diagrams, figures, needs
    from pipeline.render.charts import text_colour

    carrying = {
        **figures.SOURCE_COLOURS,
        "eigener Anteil": figures.OWN_COLOUR,
        "Erträge": figures.INCOME_COLOUR,
        **{f"Status {k}": v for k, v in figures.STATUS_COLOURS.items()},
        **{f"Sektor {k}": v for k, v in figures.SECTOR_COLOURS.items()},
        **{f"Hinweis {n}": v for n, v in enumerate(figures.HINT_COLOURS)},
        **{f"Befund {k}": v for k, v in render.STATUS_COLOURS.items()},
        "Stand": figures.STAND_COLOUR,
        "Bedarf hoch": needs.HIGH_NEED,
        "Meilenstein": diagrams.ORANGE,
    }
    too_pale = {
        name: round(contrast(c, "#ffffff"), 2) for name, c in carrying.items() if contrast(c, "#ffffff") < 3
    }
    assert not too_pale
    labelled = {name: c for name, c in carrying.items() if not name.startswith("Sektor")}  # sectors: no labels
    unreadable = {name: c for name, c in labelled.items() if contrast(text_colour(c), c) < 4.5}
    assert not unreadable


def test_the_network_maps_member_lines_are_drawn_in_full_colour():
    """The lines of members were drawn at 55 % opacity, which paled every sector colour below
    3 : 1; they are thin instead of faint."""
    from pipeline.render.diagrams import Group, Seat, network_map

    svg = network_map(
        [Group("Gesundheit", "#009e73", ["Klinikum"])],
        [("Steuerungsgruppe", "3 Mitglieder")],
        [Seat(0, 0, False)],
        "Netz",
    )
    assert "opacity" not in svg and 'stroke="#009e73" stroke-width="0.8"' in svg


def test_a_series_is_labelled_alike_in_every_short_bar():
    """Neckarbrunn (BW review): of three like bars of the social committee, the one a few points
    longer showed '55.400 €' inside, the two beside it 'Aufwand 51.900 € (Zuschussbedarf 51.900 €)'
    outside. A series is labelled inside every bar or in none, unless a bar is too long to name
    its values at its end (then it labels what fits, as the long committee's bar does)."""
    from pipeline.render.charts import stacked_amounts

    rows = [
        ("Jugendhilfeausschuss 2026", [Decimal(100000), Decimal(300000)]),
        ("Soziales 2026", [Decimal(0), Decimal(51900)]),
        ("Soziales 2028", [Decimal(0), Decimal(55400)]),
    ]
    series = [("Erträge", "#7da7d9"), ("Zuschussbedarf", "#e08a2c")]
    svg = stacked_amounts(
        rows,
        series,
        "Test",
        shown=lambda v: f"{v:,.0f} €".replace(",", "."),
        total=lambda t: f"Aufwand {t:,.0f} €".replace(",", "."),
    )
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "Aufwand 51.900 € (Zuschussbedarf 51.900 €)" in texts
    assert "Aufwand 55.400 € (Zuschussbedarf 55.400 €)" in texts
    assert "55.400 €" not in texts and "51.900 €" not in texts
    assert "300.000 €" in texts  # the long bar still carries its own


def test_a_kind_of_hint_the_papers_do_not_have_stays_out_of_the_quality_figure():
    """Neuhafen's legend listed 'Dazu fehlen Angaben (0)' beside the kinds it counted (layout
    review): a kind without a single hint is no series of the chart, and the text alternative
    names only the kinds shown."""
    from .conftest import ROOT, fixture_inputs, folder_inputs

    neuhafen = folder_inputs(ROOT / "inputs" / "neuhafen").check(strict=False).concept
    for concept in (neuhafen, fixture_inputs("lindenbrueck").check().concept):
        [assessment] = assess(concept)
        counts = dict(zip(assessment.HINT_KINDS, assessment.hint_counts(), strict=True))
        assert concept is not neuhafen or counts["Dazu fehlen Angaben"] == 0  # the case of the review
        figure = all_figures(concept, [assessment])["hinweise-dimension5"]
        for kind, n in counts.items():
            assert (f"{kind} ({n})" in figure.svg) == (n > 0), (kind, n)
            assert (f"{kind}:" in figure.alt) == (n > 0), (kind, n)


def _lightness(colour: str) -> float:
    """CIE L* of a colour: what is left of it in black-and-white print."""
    from pipeline.model.colours import _luminance

    y = _luminance(colour)
    return 116 * (y ** (1 / 3) if y > 0.008856 else 7.787 * y + 16 / 116) - 16


def test_series_side_by_side_stay_apart_in_black_and_white_print():
    """The figure review printed the charts in greyscale: the Erträge beside the Zuschussbedarf,
    'Offen ist' beside 'Dazu fehlen Angaben', erfüllt beside offen came out as one grey (L* 60,8
    and 60,6). Series drawn next to each other differ by at least 14 in lightness."""
    from pipeline import render
    from pipeline.render import figures

    neighbours = [
        ("Erträge", figures.INCOME_COLOUR, "Zuschussbedarf", figures.OWN_COLOUR),
        ("Dritte", figures.SOURCE_COLOURS["Dritte"], "Zuschussbedarf", figures.OWN_COLOUR),
        ("Land", figures.SOURCE_COLOURS["Land"], "Dritte", figures.SOURCE_COLOURS["Dritte"]),
        *[(f"Hinweis {n}", a, f"Hinweis {n + 1}", b) for n, (a, b) in enumerate(pairwise(figures.HINT_COLOURS))],
    ]
    # a status left out brings any two side by side (diff review): every pair, by more than 10
    statuses = render.STATUS_COLOURS
    close = {
        f"{a} / {b}": round(abs(_lightness(statuses[a]) - _lightness(statuses[b])), 1)
        for a, b in combinations(statuses, 2)
        if abs(_lightness(statuses[a]) - _lightness(statuses[b])) <= 10
    }
    assert not close
    alike = {
        f"{a} / {b}": round(abs(_lightness(x) - _lightness(y)), 1)
        for a, x, b, y in neighbours
        if abs(_lightness(x) - _lightness(y)) < 14
    }
    assert not alike


def test_the_funding_chart_names_every_sources_amount(tmp_path):
    """Neuhafen's chart showed only the Zuschussbedarf: the Land's 32.000 € and the Dritte's
    6.000 € stood nowhere, the Dritte a segment of 2 pt (figure review). What neither a segment
    nor the bar's end carries goes on a line under the bar."""
    from pipeline.render import figures

    concept = check_folder(ROOT / "inputs" / "neuhafen").concept
    figure = figures.funding_figure(concept)
    assert figure is not None
    texts = " ".join(lxml.html.fromstring(figure.svg).itertext()).replace("\u00a0", " ")
    budget = concept.budget
    shown = [
        (concept.municipality.source_label(source), f"{int(budget.income_total(year, source=source)):,} €")
        for year in budget.years_ahead
        for source in budget.sources
        if budget.income_total(year, source=source)
    ]
    assert len(shown) == 6
    assert not [(label, amount) for label, amount in shown if amount.replace(",", ".") not in texts]
    assert "Land Hessen 32.000 €" in texts and "Dritte 6.000 €" in texts


def test_long_names_of_bodies_and_units_are_not_cut():
    """Altmühlau's map read „Qualitätszirkel Frühe Hilfen und …“, its indicator chart
    „Partnerinnen und …“ (figure review): a cut name says nothing."""
    from pipeline.render.diagrams import Group, Seat, TargetRow, network_map, target_chart

    body = "Qualitätszirkel Frühe Hilfen und Kindergesundheit"
    svg = network_map(
        [Group("Gesundheit", "#009e73", ["Klinikum"])], [(body, "3 Mitglieder")], [Seat(0, 0, False)], "Netz"
    )
    assert "…" not in svg and "Kindergesundheit" in " ".join(lxml.html.fromstring(svg).itertext())
    unit = "Partnerinnen und Partner"
    row = TargetRow("Z3.1 Gebundene Partner", 6.0, 12.0, 20.0, 20.0, "6 → 12 → 20", unit)
    chart = target_chart([row], "Indikatoren")
    assert "…" not in chart and "Partner" in " ".join(lxml.html.fromstring(chart).itertext())


def test_a_current_value_on_its_baseline_keeps_the_ring_visible():
    """Istwert equal to the Ausgangswert: the dot hid the open ring (figure review)."""
    from pipeline.render.diagrams import TargetRow, target_chart

    same = target_chart([TargetRow("Z1.2", 2.0, 2.0, 5.0, 5.0, "2 → 2 → 5", "Praxen")], "Indikatoren")
    apart = target_chart([TargetRow("Z1.2", 2.0, 4.0, 5.0, 5.0, "2 → 4 → 5", "Praxen")], "Indikatoren")
    assert 'r="6" fill="none"' in same and 'r="6" fill="none"' not in apart
