"""The Bedarfsanalyse and the Angebotslandkarte: Sozialraum figures with their sources, the
chart, the offer × Sozialraum matrix with its gaps, the map with and without GeoJSON, and the
checks of figures and outlines.

Expected values are recomputed from the YAML files, read here with PyYAML and not through the
pipeline: the latest value of each Merkmal per Sozialraum, which offers reach which Sozialraum,
and where need above the municipality's value meets fewer offers than the average.
"""

from __future__ import annotations

import json
import re
import shutil
import typing
from decimal import Decimal
from pathlib import Path

import lxml.html
import pytest
import yaml

from pipeline.build import check_folder
from pipeline.model import geo
from pipeline.model.key_figures import FEATURES, FeatureId
from pipeline.model.quality.assessment import assess
from pipeline.render import concept_chapters
from pipeline.render.needs import concept_figures

from .conftest import EXAMPLE, ROOT, Inputs, example_texts

CITY = ROOT / "inputs" / "neuhafen"
CHAPTER = "konzept/03a_bedarfsanalyse.html.j2"
MAP_CHAPTER = "konzept/06a_angebotslandkarte.html.j2"


# --- reading the YAML and the HTML independently -----------------------------------------------


def raw(folder: Path, name: str) -> dict:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def latest_values(folder: Path) -> dict[str, dict[str, dict]]:
    """{sozialraum id: {merkmal: the entry of the latest year}} from kommune.yaml."""
    result: dict[str, dict[str, dict]] = {}
    for space in raw(folder, "kommune.yaml")["kommune"]["sozialraeume"]:
        latest: dict[str, dict] = {}
        for figure in space.get("kennzahlen", []):
            if figure["merkmal"] not in latest or figure["jahr"] > latest[figure["merkmal"]]["jahr"]:
                latest[figure["merkmal"]] = figure
        result[space["id"]] = latest
    return result


def label(space: dict) -> str:
    return space.get("kurzname") or space["name"].split(" (")[0]


def shown(merkmal: str, value) -> str:
    """How a value reads in the documents: shares as precise as the YAML writes them (93 → '93 %',
    14.0 → '14,0 %'), at most one decimal, with '%'; counts whole."""
    if FEATURES[merkmal].kind == "Anteil":
        places = min(1, len(str(value).partition(".")[2]))
        return f"{Decimal(str(value)):.{places}f}".replace(".", ",") + " %"
    return f"{int(value):,}".replace(",", ".")


def text(element) -> str:
    return " ".join(element.text_content().split())


def table(html: str, caption: str) -> list[list[str]]:
    """The rows (header first) of the table with this caption."""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    for found in root.iter("table"):
        if text(found.find("caption")) == caption:
            return [[text(c) for c in row.iter("th", "td")] for row in found.iter("tr")]
    raise AssertionError(f"keine Tabelle „{caption}“")


def offers(folder: Path) -> list[dict]:
    """Measures that are offers for families, running or planned, in file order."""
    return [
        m
        for m in raw(folder, "massnahmen.yaml")["massnahmen"]
        if m.get("angebot", True) and m["status"] in ("laufend", "geplant")
    ]


def running_in(folder: Path, space: str) -> int:
    """Running offers that reach a Sozialraum: its own and those for the whole municipality."""
    return sum(
        1
        for m in offers(folder)
        if m["status"] == "laufend" and (not m.get("sozialraeume") or space in m["sozialraeume"])
    )


def expected_gaps(folder: Path) -> list[str]:
    """Sozialräume whose SGB-II share lies more than the margin (a tenth unless the YAML says
    otherwise) above the municipality's and that fewer running offers reach than the average
    Sozialraum, computed from the YAML alone."""
    kommune = raw(folder, "kommune.yaml")
    spaces = [s["id"] for s in kommune["kommune"]["sozialraeume"]]
    whole = next(
        f["wert"] for f in kommune["bedarfsanalyse"]["kennzahlen"] if f["merkmal"] == "anteil-sgb2-unter-3"
    )
    threshold = round(whole * (1 + kommune["bedarfsanalyse"].get("bedarfsschwelle", 10) / 100), 1)
    values = {s: v["anteil-sgb2-unter-3"]["wert"] for s, v in latest_values(folder).items()}
    running = {s: running_in(folder, s) for s in spaces}
    average = sum(running.values()) / len(spaces)
    return [s for s in spaces if values[s] > threshold and running[s] < average]


@pytest.fixture(scope="module")
def chapters(concept) -> dict[str, str]:
    return concept_chapters(concept)


@pytest.fixture(scope="module")
def city():
    return check_folder(CITY).concept


# --- the vocabulary ----------------------------------------------------------------------------


def test_the_vocabulary_is_the_choice_the_inputs_offer_and_the_readme_lists():
    assert list(FEATURES) == list(typing.get_args(FeatureId))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for feature in FEATURES:
        assert f"| `{feature}` |" in readme


# --- the Bedarfsanalyse --------------------------------------------------------------------------


@pytest.mark.parametrize("folder", [EXAMPLE, CITY], ids=["landkreis", "stadt"])
def test_the_figures_table_shows_the_latest_value_of_every_merkmal(folder):
    html = concept_chapters(check_folder(folder).concept)[CHAPTER]
    rows = table(html, "Kennzahlen der Sozialräume")
    spaces = raw(folder, "kommune.yaml")["kommune"]["sozialraeume"]
    short = raw(folder, "kommune.yaml")["kommune"]["kurzname"]
    assert rows[0] == ["Merkmal", *[label(s) for s in spaces], short]
    latest = latest_values(folder)
    given = {f["merkmal"] for values in latest.values() for f in values.values()}
    assert [r[0] for r in rows[1:]] == [FEATURES[m].short for m in FEATURES if m in given]
    for row in rows[1:]:
        merkmal = next(m for m in given if FEATURES[m].short == row[0])
        for space, cell in zip(spaces, row[1:-1], strict=True):
            assert cell == shown(merkmal, latest[space["id"]][merkmal]["wert"])


def test_the_whole_column_uses_the_given_value_or_the_municipality_s_own(raw_inputs, chapters):
    rows = {r[0]: r[-1] for r in table(chapters[CHAPTER], "Kennzahlen der Sozialräume")[1:]}
    kommune = raw_inputs["kommune.yaml"]
    for figure in kommune["bedarfsanalyse"]["kennzahlen"]:
        assert rows[FEATURES[figure["merkmal"]].short] == shown(figure["merkmal"], figure["wert"])
    assert rows["Geburten"] == shown("geburten", kommune["kommune"]["geburten_pro_jahr"])
    assert rows["Kinder unter 3"] == shown("kinder-unter-3", kommune["kommune"]["kinder_unter_3"])


def test_every_source_and_year_is_named(chapters):
    rows = table(chapters[CHAPTER], "Merkmale und Quellen")[1:]
    by_feature = {r[0]: r for r in rows}
    for values in latest_values(EXAMPLE).values():
        for merkmal, figure in values.items():
            row = by_feature[FEATURES[merkmal].short]
            assert row[1] == FEATURES[merkmal].label
            assert figure["quelle"] in row[2]
            assert str(figure["jahr"]) in row[3]


def test_years_that_differ_between_sozialraeume_are_shown_in_the_cells(inputs):
    def older(data):
        figures = data["kommune"]["sozialraeume"][1]["kennzahlen"]
        for figure in figures:
            if figure["merkmal"] == "anteil-sgb2-unter-3":
                figure.update(jahr=2023, wert=20.4)

    inputs.edit("kommune.yaml", older)
    rows = table(concept_chapters(inputs.check().concept)[CHAPTER], "Kennzahlen der Sozialräume")
    row = next(r for r in rows if r[0] == FEATURES["anteil-sgb2-unter-3"].short)
    assert row[2] == "20,4 % (2023)" and row[1] == "15,3 % (2024)"


def test_target_groups_show_count_year_and_source(raw_inputs, chapters):
    rows = table(chapters[CHAPTER], "Zielgruppen: geschätzte Anzahl")[1:]
    groups = [g for g in raw_inputs["zielgruppen.yaml"]["zielgruppen"] if "geschaetzte_anzahl" in g]
    assert [r[0] for r in rows] == [g["name"] for g in groups]
    for row, group in zip(rows, groups, strict=True):
        assert row[1].startswith(shown("geburten", group["geschaetzte_anzahl"]))
        assert row[2] == str(group["jahr"]) and row[3] == group["quelle"]


def test_the_conclusions_are_the_network_s_own_text(raw_inputs, chapters):
    root = lxml.html.fromstring(f"<div>{chapters[CHAPTER]}</div>")
    heading = next(h for h in root.iter("h2") if text(h) == "Schlussfolgerungen des Netzwerks")
    paragraphs = [text(p) for p in heading.itersiblings("p")]
    written = raw_inputs["kommune.yaml"]["bedarfsanalyse"]["schlussfolgerungen"].split("\n\n")
    assert paragraphs == [" ".join(w.split()) for w in written]


def test_the_chart_compares_the_chosen_merkmale_with_the_whole(concept, raw_inputs):
    figure = concept_figures(concept)["diagramm"]
    alt, svg = figure.alt.replace("\xa0", " "), figure.svg.replace("\xa0", " ")
    chosen = raw_inputs["kommune.yaml"]["bedarfsanalyse"]["diagramm"]
    spaces = raw_inputs["kommune.yaml"]["kommune"]["sozialraeume"]
    latest = latest_values(EXAMPLE)
    whole = {f["merkmal"]: f["wert"] for f in raw_inputs["kommune.yaml"]["bedarfsanalyse"]["kennzahlen"]}
    assert svg.count('fill="#3d6fa6"') == len(chosen) * len(spaces)
    assert svg.count("stroke-dasharray") == len(chosen)
    for merkmal in chosen:
        assert FEATURES[merkmal].label in alt
        assert f"Musterkreis insgesamt {shown(merkmal, whole[merkmal])}" in alt
        for space in spaces:
            value = shown(merkmal, latest[space["id"]][merkmal]["wert"])
            assert f"{label(space)} {value}" in alt
            assert value in svg
    html = concept_chapters(concept)[CHAPTER]
    assert f'<img src="{figure.name}" alt="' in html


# --- the Angebotslandkarte ---------------------------------------------------------------------


@pytest.mark.parametrize("folder", [EXAMPLE, CITY], ids=["landkreis", "stadt"])
def test_the_matrix_shows_where_each_offer_runs(folder):
    html = concept_chapters(check_folder(folder).concept)[MAP_CHAPTER]
    rows = table(html, "Angebote nach Sozialraum")
    spaces = raw(folder, "kommune.yaml")["kommune"]["sozialraeume"]
    assert rows[0] == ["Angebot", *[label(s) for s in spaces]]
    measures = raw(folder, "massnahmen.yaml")["massnahmen"]
    expected = []
    for offer in offers(folder):
        number = f"M{measures.index(offer) + 1}"
        mark = "ja" if offer["status"] == "laufend" else "geplant"
        cells = [
            mark
            if not offer.get("sozialraeume") or s["id"] in offer["sozialraeume"]
            else "geplant"
            if s["id"] in offer.get("geplant_in", [])
            else "–"
            for s in spaces
        ]
        expected.append([f"{number} {offer['titel']}", *cells])
    assert rows[1:] == expected
    titles = " ".join(r[0] for r in rows)
    for measure in measures:
        if measure.get("angebot") is False or measure["status"] == "abgeschlossen":
            assert measure["titel"] not in titles


@pytest.mark.parametrize(("folder", "gaps"), [(EXAMPLE, ["ost"]), (CITY, [])], ids=["landkreis", "stadt"])
def test_gaps_are_high_need_with_fewer_offers_than_the_average(folder, gaps):
    assert expected_gaps(folder) == gaps
    concept = check_folder(folder).concept
    assert [s.space.id for s in concept.needs.gaps] == gaps
    rows = table(concept_chapters(concept)[MAP_CHAPTER], "Angebote und Bedarf je Sozialraum")[1:]
    names = {s["id"]: s["name"] for s in raw(folder, "kommune.yaml")["kommune"]["sozialraeume"]}
    assert [r[0] for r in rows if r[-1] == "ja"] == [names[g] for g in gaps]
    running = {r[0]: int(r[3]) for r in rows}
    for space_id, name in names.items():
        assert running[name] == running_in(folder, space_id)


def expected_near_gaps(folder: Path) -> list[str]:
    """Sozialräume above the municipality's SGB-II share but not beyond the margin, with fewer
    running offers than the average, computed from the YAML alone."""
    kommune = raw(folder, "kommune.yaml")
    spaces = [s["id"] for s in kommune["kommune"]["sozialraeume"]]
    whole = next(
        f["wert"] for f in kommune["bedarfsanalyse"]["kennzahlen"] if f["merkmal"] == "anteil-sgb2-unter-3"
    )
    values = {s: v["anteil-sgb2-unter-3"]["wert"] for s, v in latest_values(folder).items()}
    running = {s: running_in(folder, s) for s in spaces}
    average = sum(running.values()) / len(spaces)
    return [s for s in spaces if whole < values[s] and s not in expected_gaps(folder) and running[s] < average]


@pytest.mark.parametrize(("folder", "near"), [(EXAMPLE, []), (CITY, ["mainbogen"])], ids=["landkreis", "stadt"])
def test_need_just_below_the_threshold_with_fewer_offers_is_named_in_5_2_2(folder, near):
    """Neuhafen's Mainbogen (23,6 % against 23,0 %, nine offers against 9,4) hid behind the margin."""
    assert expected_near_gaps(folder) == near
    concept = check_folder(folder).concept
    assert [s.space.id for s in concept.needs.near_gaps] == near
    evidence = assess(concept)[0].result("zielgruppen-ziele-massnahmen").evidence
    # the tool's default threshold is not called the network's (Landeskoordinierungsstelle): neither
    # example sets 'bedarfsschwelle'
    assert "bedarfsschwelle" not in raw(folder, "kommune.yaml").get("bedarfsanalyse", {})
    context = [
        e for e in evidence if "ohne nach der Schwelle dieser Auswertung hohen Bedarf zu haben" in e.message
    ]
    assert not any("Maßstab des Netzwerks" in e.message for e in evidence)
    names = {s["id"]: s["name"] for s in raw(folder, "kommune.yaml")["kommune"]["sozialraeume"]}
    assert len(context) == (1 if near else 0)
    for space in near:
        assert (
            context[0].level is None
            and f"{names[space]} (SGB-II-Quote der unter Dreijährigen" in context[0].message
        )


def test_a_threshold_the_network_sets_is_called_its_own():
    """Neuhafen's Mainbogen lies just below high need: with 'bedarfsschwelle' set in kommune.yaml
    the threshold is the network's yardstick, and 5.2.2 says so."""
    folder = CITY
    names = [p.relative_to(folder).as_posix() for p in sorted(folder.rglob("*.yaml"))]
    inputs = Inputs({name: (folder / name).read_bytes() for name in names}, folder)
    inputs.edit("kommune.yaml", lambda data: data["bedarfsanalyse"].update(bedarfsschwelle=10))
    evidence = assess(inputs.check().concept)[0].result("zielgruppen-ziele-massnahmen").evidence
    assert any("ohne nach dem Maßstab des Netzwerks hohen Bedarf zu haben" in e.message for e in evidence)


def test_the_yardstick_is_stated_in_the_text(chapters):
    plain = " ".join(lxml.html.fromstring(f"<div>{chapters[MAP_CHAPTER]}</div>").text_content().split())
    assert (
        "um mehr als ein Zehntel über dem Wert im Landkreis Musterkreis insgesamt liegt (12,5 %, Stand 2024), "
        "also über 13,8 %." in plain
    )
    running = [running_in(EXAMPLE, s) for s in ("nord", "ost", "mitte", "sued", "west")]
    average = f"{sum(running) / 5:.1f}".replace(".", ",")
    assert f"weniger laufende Angebote erreichen als im Durchschnitt aller Sozialräume ({average})" in plain
    assert (
        "Die Landkarte weist eine Lücke aus: Ost (Stadt Lindenau): SGB-II-Quote der unter Dreijährigen 19,8"
        in plain
    )


def test_the_map_shades_need_labels_offers_and_outlines_the_gap(concept, chapters):
    figure = concept_figures(concept)["karte"]
    outlines = json.loads((EXAMPLE / "sozialraeume.geojson").read_text(encoding="utf-8"))["features"]
    high = [s for s, v in latest_values(EXAMPLE).items() if v["anteil-sgb2-unter-3"]["wert"] > 13.75]
    assert len(re.findall('<path d="[^"]*" fill="#d27e2a"', figure.svg)) == len(high)
    assert len(re.findall('<path d="[^"]*" fill="#f6e3c3"', figure.svg)) == len(outlines) - len(high)
    assert figure.svg.count('stroke="#b2182b" stroke-width="2.5"') == 1
    assert "Lücke, also hoher Bedarf und weniger laufende Angebote als im Durchschnitt" in figure.alt
    assert figure.alt.endswith(": Ost.")
    # the threshold as the legend has it (13,8 %), not the whole's value (12,5 %) alone, which made a
    # Sozialraum just above it seem missing from the list of high need
    alt = figure.alt.replace("\xa0", " ")
    assert "Hoher Bedarf, also SGB-II-Quote der unter Dreijährigen über 13,8 % (ein Zehntel über dem Wert" in alt
    for name in ("Nord", "Ost", "Mitte", "Süd", "West"):
        assert f">{name}</text>" in figure.svg and f"{name}: SGB-II-Quote der unter Dreijährigen" in figure.alt
    assert f'<img src="{figure.name}" alt="' in chapters[MAP_CHAPTER]


def test_without_geojson_the_chapter_keeps_its_tables_and_draws_no_map(inputs):
    inputs.edit("kommune.yaml", lambda data: data["bedarfsanalyse"].pop("karte"))
    concept = inputs.check().concept
    assert "karte" not in concept_figures(concept)
    html = concept_chapters(concept)[MAP_CHAPTER]
    assert "<figure>" not in html and "<img" not in html
    assert table(html, "Angebote und Bedarf je Sozialraum") and table(html, "Angebote nach Sozialraum")


def test_the_map_projects_longitude_and_latitude_into_the_text_width(concept):
    svg = concept_figures(concept)["karte"].svg
    numbers = [
        float(n)
        for path in svg.split('d="')[1:]
        for n in path.split('"')[0].replace("M", " ").replace("L", " ").replace("Z", " ").split()
    ]
    xs, ys = numbers[0::2], numbers[1::2]
    assert min(xs) >= 0 and max(xs) <= 453 and min(ys) >= 0 and max(ys) <= 330
    assert max(xs) - min(xs) > 450 or max(ys) - min(ys) > 325  # fills the width or the height


# --- empty optional sections ----------------------------------------------------------------------


def headings_with_nothing_below(html: str) -> list[str]:
    """Headings directly followed by another heading of the same or a higher level, or by nothing."""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    blocks = [e for e in root if isinstance(e.tag, str)]
    empty = []
    for index, element in enumerate(blocks):
        if element.tag in ("h1", "h2", "h3"):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if following is None or (following.tag in ("h1", "h2", "h3") and following.tag <= element.tag):
                empty.append(text(element))
    return empty


def test_without_any_figures_the_chapters_say_so_and_leave_no_empty_heading(inputs):
    def plain(data):
        data.pop("bedarfsanalyse")
        for space in data["kommune"]["sozialraeume"]:
            space.pop("kennzahlen")

    inputs.edit("kommune.yaml", plain)
    inputs.edit("zielgruppen.yaml", lambda data: [g.pop("geschaetzte_anzahl", None) for g in data["zielgruppen"]])
    concept = inputs.check().concept
    assert concept_figures(concept) == {}
    chapters = concept_chapters(concept)
    analysis, offers_html = chapters[CHAPTER], chapters[MAP_CHAPTER]
    assert "<h2" not in analysis and "<table" not in analysis
    assert "sind in dieser Fassung noch nicht erfasst" in analysis
    assert "kein Merkmal vor, an dem sich der Bedarf messen lässt" in offers_html
    assert "Lücke" not in offers_html
    assert headings_with_nothing_below(analysis) == [] and headings_with_nothing_below(offers_html) == []


def test_the_example_chapters_have_no_empty_heading(chapters):
    assert headings_with_nothing_below(chapters[CHAPTER]) == []
    assert headings_with_nothing_below(chapters[MAP_CHAPTER]) == []


def test_without_offers_the_map_chapter_says_why(inputs):
    inputs.edit("massnahmen.yaml", lambda data: [m.update(angebot=False) for m in data["massnahmen"]])
    html = concept_chapters(inputs.check().concept)[MAP_CHAPTER]
    assert "<table" not in html and "ist als laufendes oder geplantes Angebot für Familien ausgewiesen" in html


def test_high_need_begins_a_margin_beyond_the_whole_that_the_network_may_change(inputs):
    """Mitte's 12,8 % against 12,5 % in the whole Landkreis is no high need by default (a tenth
    more: over 13,8 %); with 'bedarfsschwelle: 0' any value above the whole's is."""
    concept = inputs.check().concept
    high = lambda c: [s.space.id for s in c.needs.by_space if s.high_need]  # noqa: E731
    assert concept.needs.need_threshold == Decimal("13.8")
    assert high(concept) == ["nord", "ost"]
    inputs.edit("kommune.yaml", lambda data: data["bedarfsanalyse"].update(bedarfsschwelle=0))
    concept = inputs.check().concept
    assert high(concept) == ["nord", "ost", "mitte"]
    plain = " ".join(
        lxml.html.fromstring(f"<div>{concept_chapters(concept)[MAP_CHAPTER]}</div>").text_content().split()
    )
    assert "über dem Wert im Landkreis Musterkreis insgesamt liegt (12,5 %, Stand 2024). Wenige" in plain
    inputs.edit("kommune.yaml", lambda data: data["bedarfsanalyse"].update(bedarfsschwelle=25))
    concept = inputs.check().concept
    assert concept.needs.need_threshold == Decimal("15.6") and high(concept) == ["ost"]
    assert "um mehr als ein Viertel über dem Wert" in concept_chapters(concept)[MAP_CHAPTER]
    inputs.edit("kommune.yaml", lambda data: data["bedarfsanalyse"].update(bedarfsschwelle=150))
    assert any("bedarfsschwelle" in p for p in inputs.problems())


def test_where_low_values_mean_need_the_margin_lies_below_the_whole(inputs):
    inputs.edit("kommune.yaml", lambda data: data["bedarfsanalyse"].update(bedarfsmerkmal="u-untersuchungen"))
    concept = inputs.check().concept
    whole = concept.needs.need_reference.value
    assert concept.needs.need_threshold == (whole * Decimal("0.9")).quantize(Decimal("0.1"))
    assert all(
        s.high_need == (s.need.value < concept.needs.need_threshold) for s in concept.needs.by_space if s.need
    )
    assert "um mehr als ein Zehntel unter dem Wert" in concept_chapters(concept)[MAP_CHAPTER]


def test_the_average_stands_in_where_the_whole_s_value_is_not_known(inputs):
    def without_whole(data):
        data["bedarfsanalyse"].update(bedarfsmerkmal="u-untersuchungen", bedarfsschwelle=0)
        data["bedarfsanalyse"]["kennzahlen"] = [
            f for f in data["bedarfsanalyse"]["kennzahlen"] if f["merkmal"] != "u-untersuchungen"
        ]

    inputs.edit("kommune.yaml", without_whole)
    concept = inputs.check().concept
    values = [Decimal(str(v["u-untersuchungen"]["wert"])) for v in latest_values(EXAMPLE).values()]
    average = sum(values) / len(values)
    assert concept.needs.need_reference.value == average
    low = sorted(s for s, v in latest_values(EXAMPLE).items() if v["u-untersuchungen"]["wert"] < average)
    assert sorted(s.space.id for s in concept.needs.by_space if s.high_need) == low
    html = concept_chapters(concept)[MAP_CHAPTER]
    assert "unter dem Durchschnitt der Sozialräume liegt" in html


# --- checks of the figures -----------------------------------------------------------------------


def _figure(data, space: int, merkmal: str) -> dict:
    return next(f for f in data["kommune"]["sozialraeume"][space]["kennzahlen"] if f["merkmal"] == merkmal)


@pytest.mark.parametrize(
    ("merkmal", "value", "message"),
    [
        (
            "anteil-sgb2-unter-3",
            130,
            "'anteil-sgb2-unter-3' ist ein Anteil in Prozent und liegt zwischen 0 und 100; angegeben: 130.",
        ),
        ("kinderarztpraxen", -1, "'kinderarztpraxen' kann nicht negativ sein; angegeben: -1."),
        ("geburten", 140.5, "'geburten' ist eine Anzahl und braucht eine ganze Zahl; angegeben: 140.5."),
    ],
)
def test_impossible_figures_are_refused_with_their_place(inputs, merkmal, value, message):
    inputs.edit("kommune.yaml", lambda data: _figure(data, 2, merkmal).update(wert=value))
    problems = inputs.problems()
    assert len(problems) == 1
    assert problems[0].startswith("kommune.yaml:") and message in problems[0]
    assert "kommune.sozialraeume[2].kennzahlen[" in problems[0]


def test_a_second_value_for_the_same_year_is_refused(inputs):
    def twice(data):
        figures = data["kommune"]["sozialraeume"][0]["kennzahlen"]
        figures.append(dict(_figure(data, 0, "geburten"), wert=300))

    inputs.edit("kommune.yaml", twice)
    assert any(
        "kommune.sozialraeume[0].kennzahlen" in p and "Für 'geburten' steht schon ein Wert für 2024" in p
        for p in inputs.problems()
    )


def test_an_unknown_merkmal_is_refused(inputs):
    inputs.edit("kommune.yaml", lambda data: _figure(data, 0, "geburten").update(merkmal="geburtenrate"))
    assert any("kennzahlen[0].merkmal" in p and "anteil-sgb2-unter-3" in p for p in inputs.problems())


def test_a_count_cannot_measure_need(inputs):
    inputs.edit("kommune.yaml", lambda data: data["bedarfsanalyse"].update(bedarfsmerkmal="kinderarztpraxen"))
    assert any("'kinderarztpraxen' ist eine Anzahl" in p for p in inputs.problems())


def _warnings(inputs, rule_text: str) -> list:
    return [w for w in inputs.warnings() if rule_text in w.message]


def test_a_year_after_the_stand_is_warned_about(inputs):
    inputs.edit("kommune.yaml", lambda data: _figure(data, 1, "kinderarztpraxen").update(jahr=2027))
    warned = _warnings(inputs, "gilt für 2027")
    assert len(warned) == 1 and warned[0].where.field == "kommune.sozialraeume[1].kennzahlen[7].jahr"
    assert warned[0].where.line > 0


def test_counts_that_do_not_add_up_are_warned_about(inputs):
    inputs.edit("kommune.yaml", lambda data: _figure(data, 0, "kinder-unter-3").update(wert=1450))
    warned = _warnings(inputs, "ergeben zusammen")
    assert len(warned) == 1
    assert warned[0].where.field == "kommune.kinder_unter_3"
    assert "3.550" in warned[0].message and "3.050" in warned[0].message


def test_small_differences_of_the_sums_pass(inputs):
    inputs.edit("kommune.yaml", lambda data: _figure(data, 0, "geburten").update(wert=330))
    assert not _warnings(inputs, "ergeben zusammen")


def test_a_merkmal_for_some_sozialraeume_only_gets_a_hint(inputs):
    def drop(data):
        for index in (3, 4):
            space = data["kommune"]["sozialraeume"][index]
            space["kennzahlen"] = [f for f in space["kennzahlen"] if f["merkmal"] != "wochenbettbetreuung"]

    inputs.edit("kommune.yaml", drop)
    warned = _warnings(inputs, "nur für einen Teil der Sozialräume")
    assert len(warned) == 1
    assert "Süd (Samtgemeinden Heideland und Moorwiesen) und West" in warned[0].message
    html = concept_chapters(inputs.check().concept)[CHAPTER]
    row = next(r for r in table(html, "Kennzahlen der Sozialräume") if r[0] == "Wochenbett mit Hebamme")
    assert row[4:6] == ["–", "–"]
    assert "Für das Merkmal „Wochenbett mit Hebamme“ liegen keine Werte vor für Süd und West." in html


def test_a_count_without_source_is_warned_about(inputs):
    inputs.edit("zielgruppen.yaml", lambda data: data["zielgruppen"][1].pop("quelle"))
    warned = _warnings(inputs, "nennt keine Quelle")
    assert len(warned) == 1 and warned[0].where.field == "zielgruppen[1].geschaetzte_anzahl"


def test_the_example_has_no_warnings_about_its_figures(inputs):
    assert inputs.warnings() == []
    assert (
        Inputs({p.relative_to(CITY).as_posix(): p.read_bytes() for p in CITY.rglob("*.yaml")}, CITY).warnings()
        == []
    )


def test_births_in_two_places_must_agree(inputs):
    inputs.edit("kommune.yaml", lambda data: data["kommune"]["sozialraeume"][0].update(geburten=290))
    warned = _warnings(inputs, "Geburten unter 'geburten'")
    assert len(warned) == 1 and "310" in warned[0].message


def test_a_chart_merkmal_without_values_is_warned_about(inputs):
    inputs.edit(
        "kommune.yaml", lambda data: data["bedarfsanalyse"]["diagramm"].__setitem__(1, "anteil-muetter-unter-21")
    )
    warned = _warnings(inputs, "Für 'anteil-muetter-unter-21' hat kein Sozialraum")
    assert len(warned) == 1 and warned[0].where.field == "bedarfsanalyse.diagramm[1]"


def test_the_short_label_comes_from_kurzname_or_the_name(city, concept):
    assert [s.label for s in concept.municipality.social_spaces] == ["Nord", "Ost", "Mitte", "Süd", "West"]
    assert city.municipality.social_spaces[0].label == "Hafenviertel"
    assert city.municipality.social_spaces[4].label == "Südliche Stadtteile"


# --- checks of the GeoJSON -----------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path) -> Path:
    """A copy of the example whose map file a test may replace."""
    target = tmp_path / "kommune"
    shutil.copytree(EXAMPLE, target)
    return target


def geojson_problems(folder: Path, content) -> list[str]:
    data = content if isinstance(content, str) else json.dumps(content)
    (folder / "sozialraeume.geojson").write_text(data, encoding="utf-8")
    return Inputs(example_texts(), folder).problems()


def _example_geojson() -> dict:
    return json.loads((EXAMPLE / "sozialraeume.geojson").read_text(encoding="utf-8"))


def _square(space: str, lon: float = 9.5, lat: float = 52.7) -> dict:
    ring = [[lon, lat], [lon + 0.1, lat], [lon + 0.1, lat + 0.1], [lon, lat + 0.1], [lon, lat]]
    return {
        "type": "Feature",
        "id": space,
        "properties": {},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def test_the_example_s_outlines_are_valid_and_complete():
    for folder in (EXAMPLE, CITY):
        outlines = geo.read_outlines((folder / "sozialraeume.geojson").read_bytes(), "sozialraeume.geojson")
        spaces = [s["id"] for s in raw(folder, "kommune.yaml")["kommune"]["sozialraeume"]]
        assert sorted(outlines) == sorted(spaces)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{kein json", "ist kein gültiges JSON (Fehler in Zeile 1, Spalte 2)"),
        ({"type": "Feature"}, "ist keine GeoJSON-FeatureCollection"),
        ("[" * 100_000 + "]" * 100_000, "ist zu tief verschachtelt"),
        ({"type": "FeatureCollection", "features": []}, "enthält keine Features"),
        (
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "id": "nord", "geometry": {"type": "Point", "coordinates": [9.5, 52.7]}}
                ],
            },
            "ist vom Typ 'Point'. Für die Karte werden Flächen gebraucht",
        ),
        (
            {
                "type": "FeatureCollection",
                "features": [{"type": "Feature", "properties": {}, "geometry": _square("x")["geometry"]}],
            },
            "nennt keinen Sozialraum",
        ),
    ],
)
def test_broken_geojson_is_refused_in_german(folder, content, message):
    problems = geojson_problems(folder, content)
    assert len(problems) == 1
    assert problems[0].startswith("kommune.yaml:") and "bedarfsanalyse.karte" in problems[0]
    assert message in problems[0]


def test_projected_coordinates_are_recognised(folder):
    data = _example_geojson()
    data["features"][0]["geometry"]["coordinates"][0][3] = [560123.4, 5842010.0]
    problems = geojson_problems(folder, data)
    assert len(problems) == 1 and "(Sozialraum 'nord')" in problems[0] and "EPSG:4326" in problems[0]


def test_an_open_ring_is_refused(folder):
    data = _example_geojson()
    data["features"][2]["geometry"]["coordinates"][0].pop()
    problems = geojson_problems(folder, data)
    assert len(problems) == 1 and "Das 3. Feature" in problems[0] and "nicht geschlossen" in problems[0]


def test_outlines_must_match_the_sozialraeume(folder):
    data = _example_geojson()
    data["features"][4] = _square("westen")
    problems = geojson_problems(folder, data)
    assert len(problems) == 2
    assert "Umrisse für 'westen', die keine Sozialräume in kommune.yaml sind" in problems[0]
    assert "fehlt ein Umriss für 'west'" in problems[1]


def test_a_sozialraum_twice_is_refused(folder):
    data = _example_geojson()
    data["features"].append(_square("nord"))
    problems = geojson_problems(folder, data)
    assert len(problems) == 1 and "Für diesen Sozialraum steht schon ein Umriss in der Datei" in problems[0]


def test_too_many_points_are_refused(folder, monkeypatch):
    monkeypatch.setattr(geo, "MAX_POINTS", 50)
    problems = geojson_problems(folder, _example_geojson())
    assert len(problems) == 1 and "höchstens 50 sind möglich" in problems[0]


def test_the_map_file_must_lie_in_the_folder(folder, tmp_path):
    (tmp_path / "aussen.geojson").write_text(json.dumps(_example_geojson()), encoding="utf-8")
    inputs = Inputs(example_texts(), folder)
    inputs.replace("kommune.yaml", "karte: sozialraeume.geojson", "karte: ../aussen.geojson")
    problems = inputs.problems()
    assert len(problems) == 1 and "führt aus dem Ordner der Kommune heraus" in problems[0]


def test_a_multipolygon_with_a_hole_is_drawn(folder):
    data = _example_geojson()
    ring = data["features"][3]["geometry"]["coordinates"][0]
    island = [[9.98, 52.60], [9.99, 52.60], [9.99, 52.61], [9.98, 52.60]]
    hole = [[9.70, 52.62], [9.72, 52.62], [9.72, 52.63], [9.70, 52.62]]
    data["features"][3]["geometry"] = {"type": "MultiPolygon", "coordinates": [[ring, hole], [island]]}
    (folder / "sozialraeume.geojson").write_text(json.dumps(data), encoding="utf-8")
    concept = Inputs(example_texts(), folder).check().concept
    svg = concept_figures(concept)["karte"].svg
    assert svg.count(' Z"') >= 5 and 'fill-rule="evenodd"' in svg


# --- the quality check ---------------------------------------------------------------------------


def _spread(concept):
    result = next(r for r in assess(concept)[0].results if r.goal.id == "zielgruppen-ziele-massnahmen")
    return [e for e in result.evidence if "Sozialr" in e.message]


def test_quality_goal_5_2_2_names_the_gap(concept):
    (found,) = _spread(concept)
    assert found.level == "teilweise"
    assert found.message.startswith("Im Sozialraum Ost (Stadt Lindenau) trifft hoher Bedarf")
    # the place's own value stands beside the whole's, so 12,5 % is not read as Lindenau's
    east = next(
        k["wert"]
        for s in raw(EXAMPLE, "kommune.yaml")["kommune"]["sozialraeume"]
        if s["id"] == "ost"
        for k in s["kennzahlen"]
        if k["merkmal"] == "anteil-sgb2-unter-3"
    )
    assert f"SGB-II-Quote der unter Dreijährigen {str(east).replace('.', ',')} %" in found.message.replace(
        "\xa0", " "
    )
    assert "Zum Vergleich: im Landkreis Musterkreis insgesamt 12,5" in found.message
    # in sentences, not one of 45 words with brackets in brackets (Lektorat)
    assert found.message.count(". ") >= 2 and "(im " not in found.message
    # offers already planned there are named, and no more planning asked for (review by a
    # Landeskoordinierungsstelle: four offers were planned for Ost, and the dialogue asked to plan)
    (gap,) = concept.needs.gaps
    assert len(gap.planned) == 4  # the example plans four offers for Ost (the map shows them)
    assert "acht laufende Angebote, vier weitere Angebote geplant" in found.message
    assert (
        found.suggestion
        == "Prüfen, ob die geplanten Angebote den Bedarf dort decken, und sie mit Vorrang umsetzen."
    )


def test_without_a_gap_the_map_still_names_the_places_with_few_offers(city):
    """Neuhafen has no gap (no high need meets few offers), but the Mainbogen, a priority in the
    needs analysis, has fewer offers than the average: the chapter says so rather than only
    'in keinem Sozialraum' (counted from the YAML)."""
    assert not expected_gaps(CITY)
    spaces = raw(CITY, "kommune.yaml")["kommune"]["sozialraeume"]
    running = {s["name"]: running_in(CITY, s["id"]) for s in spaces}
    average = sum(running.values()) / len(running)
    few = [f"{name} mit {n}" for name, n in running.items() if n < average]
    assert len(few) == 2
    chapter = text(
        lxml.html.fromstring(f"<div>{concept_chapters(city)['konzept/06a_angebotslandkarte.html.j2']}</div>")
    )
    assert (
        f"Weniger laufende Angebote als dieser Durchschnitt ({str(round(average, 1)).replace('.', ',')}) haben "
        f"die Sozialräume {few[0]} und {few[1]}; ihr Bedarf liegt unter der Schwelle für hohen Bedarf."
        in chapter.replace("\xa0", " ")
    )


def test_quality_goal_5_2_2_without_gap_and_without_data(inputs):
    inputs.edit("kommune.yaml", lambda data: _figure(data, 1, "anteil-sgb2-unter-3").update(wert=11.0))
    (found,) = _spread(inputs.check().concept)
    assert found.level == "erfüllt" and found.message.startswith("In keinem Sozialraum trifft hoher Bedarf")

    def plain(data):
        data.pop("bedarfsanalyse")
        for space in data["kommune"]["sozialraeume"]:
            space.pop("kennzahlen")

    inputs.edit("kommune.yaml", plain)
    inputs.edit("kommune.yaml", lambda data: data["kommune"].pop("kinder_unter_3_sgb2"))
    (found,) = _spread(inputs.check().concept)
    assert found.level == "nicht prüfbar" and "keine Kennzahl zum Bedarf" in found.message


# --- the built documents (slow) ------------------------------------------------------------------


def test_word_and_pdf_carry_the_map_and_the_chart_with_their_alt_texts(concept_files, concept):
    from docx import Document
    from docx.oxml.ns import qn
    from pypdf import PdfReader

    from .test_qualitaet import _figures_alt

    figures = concept_figures(concept)
    document = Document(str(concept_files[".docx"]))
    pictures = {p.find(f".//{qn('pic:cNvPr')}").get("descr"): p for p in document.element.body.iter(qn("pic:pic"))}
    for figure in figures.values():
        picture = pictures[figure.alt]
        png = document.part.related_parts[picture.find(f".//{qn('a:blip')}").get(qn("r:embed"))]
        assert png.content_type == "image/png" and png.blob.startswith(b"\x89PNG")
    alts = _figures_alt(PdfReader(str(concept_files[".pdf"])))
    for figure in figures.values():
        assert " ".join(figure.alt.split()) in alts


def test_the_map_stands_on_the_page_of_the_paragraph_that_introduces_it(concept_files):
    """Placed after the table of needs, the map lacked a little room at the page's foot and moved
    on, leaving half of the chapter's first page empty (both examples, p. 32); right under the
    opening paragraph it fits with the heading."""
    from pypdf import PdfReader

    pages = [" ".join(page.extract_text().split()) for page in PdfReader(str(concept_files[".pdf"])).pages]
    caption = "Angebotslandkarte: laufende Angebote und Bedarf je Sozialraum"
    opening = next(n for n, text in enumerate(pages) if "Die Angebotslandkarte zeigt, in welchen" in text)
    assert caption in pages[opening]


def test_counts_known_everywhere_add_up_to_the_whole(city):
    rows = table(concept_chapters(city)[CHAPTER], "Kennzahlen der Sozialräume")
    praxen = [v["kinderarztpraxen"]["wert"] for v in latest_values(CITY).values()]
    assert next(r for r in rows if r[0] == "Kinderarztpraxen")[-1] == str(sum(praxen))


def test_a_map_without_figures_shows_only_where_offers_run(inputs):
    def plain(data):
        for space in data["kommune"]["sozialraeume"]:
            space.pop("kennzahlen")
        data["bedarfsanalyse"] = {"karte": "sozialraeume.geojson"}

    inputs.edit("kommune.yaml", plain)
    figure = concept_figures(inputs.check().concept)["karte"]
    assert len(re.findall('<path d="[^"]*" fill="#dfe7f1"', figure.svg)) == 5
    assert "Lücke" not in figure.svg and "Hoher Bedarf" not in figure.alt
    for space in ("nord", "ost", "mitte", "sued", "west"):
        assert f"{running_in(EXAMPLE, space)} laufende Angebote" in figure.alt


# --- review 13: what the Angebotslandkarte counts -------------------------------------------------


def running_spaces(folder: Path, offer: dict) -> list[str]:
    """The Sozialräume where an offer runs today, from the YAML alone."""
    spaces = [s["id"] for s in raw(folder, "kommune.yaml")["kommune"]["sozialraeume"]]
    if offer["status"] != "laufend":
        return []
    return [s for s in spaces if not offer.get("sozialraeume") or s in offer["sozialraeume"]]


@pytest.mark.parametrize("folder", [EXAMPLE, CITY], ids=["landkreis", "stadt"])
def test_only_here_counts_offers_that_run_in_no_other_sozialraum(folder):
    concept = check_folder(folder).concept
    spaces = raw(folder, "kommune.yaml")["kommune"]["sozialraeume"]
    only = {s["id"]: sum(1 for o in offers(folder) if running_spaces(folder, o) == [s["id"]]) for s in spaces}
    rows = table(concept_chapters(concept)[MAP_CHAPTER], "Angebote und Bedarf je Sozialraum")[1:]
    assert {s["id"]: int(r[4]) for s, r in zip(spaces, rows, strict=True)} == only
    # an offer in three of five Sozialräume is in none of them 'only here'
    assert sum(only.values()) < sum(1 for o in offers(folder) if o.get("sozialraeume"))


@pytest.mark.parametrize("folder", [EXAMPLE, CITY], ids=["landkreis", "stadt"])
def test_planned_offers_and_expansions_are_not_counted_as_open_to_families(folder):
    spaces = raw(folder, "kommune.yaml")["kommune"]["sozialraeume"]
    everywhere = sum(1 for o in offers(folder) if len(running_spaces(folder, o)) == len(spaces))
    some = [o for o in offers(folder) if 0 < len(running_spaces(folder, o)) < len(spaces)]
    planned = sum(1 for o in offers(folder) if not running_spaces(folder, o))
    words = {1: "ein", 2: "zwei", 3: "drei", 6: "sechs", 8: "acht"}
    plain = " ".join(
        lxml.html.fromstring(concept_chapters(check_folder(folder).concept)[MAP_CHAPTER]).text_content().split()
    )
    assert f"{words[everywhere].capitalize()} Angebote stehen den Familien in allen Sozialräumen offen" in plain
    assert f"{words[len(some)]} gibt es nur in einzelnen Sozialräumen" in plain
    assert f"{words[planned].capitalize()} weiteres Angebot ist geplant." in plain
    expanding = sum(1 for o in some if o.get("geplant_in"))
    if expanding:
        assert f"; {words[expanding]} davon sollen auf weitere Sozialräume ausgeweitet werden." in plain


def test_an_expansion_is_planned_where_it_is_not_running_yet(inputs):
    concept = inputs.check().concept
    measure = next(m for m in concept.measures if m.id == "sprechstunde-kinderarztpraxis")
    assert [s.id for s in concept.needs.running_in(measure)] == ["nord"]
    ost = next(s for s in concept.needs.by_space if s.space.id == "ost")
    assert measure in ost.planned and measure not in ost.running
    html = concept_chapters(concept)["konzept/06_massnahmen.html.j2"]
    assert "Nord (Stadt Musterstadt) – geplant auch: Ost (Stadt Lindenau)" in html


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda m: m.update(status="geplant"), "'geplant_in' gilt nur für laufende Angebote"),
        (lambda m: m.pop("sozialraeume"), "erreicht das Angebot schon die ganze Kommune"),
        (lambda m: m.update(geplant_in=["nord"]), "steht unter 'sozialraeume' und unter 'geplant_in'"),
    ],
)
def test_an_expansion_needs_a_running_local_offer(inputs, edit, message):
    def change(data):
        edit(next(m for m in data["massnahmen"] if m["id"] == "sprechstunde-kinderarztpraxis"))

    inputs.edit("massnahmen.yaml", change)
    assert any(message in p for p in inputs.problems())


def test_shares_keep_the_precision_of_their_source():
    share = FEATURES["wochenbettbetreuung"]
    assert share.shown(Decimal("93")) == "93\xa0%"
    assert share.shown(Decimal("14.0")) == "14,0\xa0%"
    assert share.shown(Decimal("85.25")) == "85,3\xa0%"
    assert FEATURES["geburten"].shown(Decimal("1000")) == "1.000"


def test_the_map_legend_and_alt_text_read_as_words(concept):
    figure = concept_figures(concept)["karte"]
    legend = " ".join(re.findall(r'<text x="26"[^>]*>([^<]*)</text>', figure.svg)).replace("\xa0", " ")
    assert (
        "hoher Bedarf: SGB-II-Quote der unter Dreijährigen über 13,8 % (ein Zehntel über dem Wert im Landkreis "
        "Musterkreis insgesamt, 12,5 %)" in legend
    )
    assert "SGB-II-Quote der unter Dreijährigen nicht über 13,8 %" in legend
    assert "SGB-II-Quote unter 3" not in legend and "SGB-II-Quote unter 3" not in figure.alt
    latest = latest_values(EXAMPLE)
    for space in raw(EXAMPLE, "kommune.yaml")["kommune"]["sozialraeume"]:
        value = shown("anteil-sgb2-unter-3", latest[space["id"]]["anteil-sgb2-unter-3"]["wert"])
        count = running_in(EXAMPLE, space["id"])
        assert f"{label(space)}: SGB-II-Quote der unter Dreijährigen {value}, {count} laufende Angebote." in (
            figure.alt.replace("\xa0", " ")
        )


def test_text_on_the_map_reaches_wcag_aa_contrast():
    from pipeline.render import needs as figures
    from pipeline.render.charts import contrast
    from pipeline.render.maps import Area, outline_map

    square = ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0), (0.0, 0.0))
    palette = [figures.HIGH_NEED, figures.OTHER, figures.NO_VALUE, figures.NEUTRAL]
    for fill in palette:
        svg = outline_map([Area(geo.Outline("a", ((square,),)), ["Ost", "19,8 %"], fill)], [], "Karte")
        colours = set(re.findall(r'text-anchor="middle" fill="(#[0-9a-f]{6})"', svg))
        assert colours and all(contrast(colour, fill) >= 4.5 for colour in colours), fill


def test_a_sozialraum_indicator_that_an_offer_contradicts_is_warned_about(inputs):
    assert not _warnings(inputs, "Die Angebotslandkarte zählt nach der Maßnahme")

    def everywhere(data):
        measure = next(m for m in data["massnahmen"] if m["id"] == "patenschaften")
        measure.pop("sozialraeume")
        measure.pop("geplant_in")

    inputs.edit("massnahmen.yaml", everywhere)
    [warned] = _warnings(inputs, "Die Angebotslandkarte zählt nach der Maßnahme")
    goals = raw(EXAMPLE, "ziele.yaml")["ziele"]
    g_index = next(i for i, g in enumerate(goals) if g["id"] == "patenschaften-flaechendeckend")
    indicator = goals[g_index]["indikatoren"][1]
    assert warned.where.field == f"ziele[{g_index}].indikatoren[1].istwert"
    assert f"„{indicator['name']}“ nennt {indicator['istwert']} Sozialräume" in warned.message
    assert (
        "M7 Ehrenamtliche Familienpatenschaften" in warned.message
        and "in allen fünf Sozialräumen" in warned.message
    )


def test_one_count_with_two_years_is_warned_about(inputs):
    assert not _warnings(inputs, "'datenstand' nennt aber")
    inputs.replace("kommune.yaml", "  datenstand: 2024", "  datenstand: 2025")
    [warned] = _warnings(inputs, "'datenstand' nennt aber")
    assert warned.where.field == "kommune.datenstand" and "'datenstand: 2024'" in warned.message


def test_the_school_examination_is_named_as_the_land_names_it():
    """Sachsen says „Schulaufnahmeuntersuchung“ (§ 26a SchulG): a Saxon table explained the Merkmal with
    the Schuleingangsuntersuchung while its source column named the Saxon one (Saxon review)."""
    from pipeline.model.key_figures import features_of

    def phrases(state: str) -> str:
        return " ".join(f.phrase + f.label for f in features_of(state).values())

    assert "Schulaufnahmeuntersuchung" in phrases("Sachsen") and "Schuleingangsuntersuchung" not in phrases(
        "Sachsen"
    )
    assert "Einschulungsuntersuchung" in phrases("Baden-Württemberg")
    assert "Schuleingangsuntersuchung" in phrases("Hessen")


def test_the_average_of_offers_reads_alike_everywhere():
    """Havelland-Süd (Brandenburg review): the yardstick read '(5,25)' and, three sentences later,
    '(5,3)'. Every text shows the average with two places at most; one place made 5,04 read '5,0',
    under which a Sozialraum with five offers would have counted as having fewer."""
    concept = check_folder(EXAMPLE).concept
    needs = concept.needs
    for value, shown in [("5.25", "5,25"), ("5.04", "5,04"), ("8.8", "8,8"), ("7", "7"), ("16/3", "5,33")]:
        needs.__dict__["average_running"] = Decimal(16) / 3 if value == "16/3" else Decimal(value)
        assert needs.average_shown == shown
    needs.__dict__["average_running"] = Decimal("5.25")
    chapter = concept_chapters(concept)[MAP_CHAPTER]
    plain = " ".join(lxml.html.fromstring(f"<div>{chapter}</div>").text_content().split())
    assert "als im Durchschnitt aller Sozialräume (5,25)" in plain and "(5,3)" not in plain


def test_the_maps_legend_explains_a_gap_only_where_it_draws_one():
    """Neuhafen's legend explained the mark of a gap no Sozialraum had (figure review)."""
    from pipeline.render.needs import map_figure

    for folder, gaps in ((EXAMPLE, True), (ROOT / "inputs" / "neuhafen", False)):
        concept = check_folder(folder).concept
        assert bool(concept.needs.gaps) is gaps
        figure = map_figure(concept)
        assert figure is not None
        assert ("Lücke: hoher Bedarf" in figure.svg) is gaps, folder.name


def test_the_threshold_is_reckoned_from_the_whole_s_value_as_shown():
    """NRW review: Lindenbrück's whole is 410 of 1.930 children (21,24 %), shown as 21,2 %; „also über
    23,4 %“ did not follow from it (21,2 × 1,1 = 23,32)."""
    from .conftest import fixture_inputs

    concept = fixture_inputs("lindenbrueck").check().concept
    reference = concept.needs.need_reference
    assert reference is not None and reference.value.quantize(Decimal("0.1")) != reference.value
    shown = reference.value.quantize(Decimal("0.1"))
    assert concept.needs.need_threshold == (shown * Decimal("1.1")).quantize(Decimal("0.1"))
    plain = " ".join(
        lxml.html.fromstring(f"<div>{concept_chapters(concept)[MAP_CHAPTER]}</div>").text_content().split()
    )
    threshold = f"{concept.needs.need_threshold}".replace(".", ",")
    assert f"({str(shown).replace('.', ',')} %, Stand " in plain.replace("\u00a0", " ")
    assert f"also über {threshold} %." in plain.replace("\u00a0", " ")
