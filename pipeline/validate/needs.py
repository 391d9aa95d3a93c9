"""Rules for the Bedarfsanalyse: the map's outlines (errors) and the plausibility of the
Sozialraum figures and target-group counts (warnings).

Impossible values – a share above 100 %, a negative count, two values for one year – are refused
by the model itself (:class:`~pipeline.model.inputs.KeyFigure`). What is possible but probably a
slip is a warning here: a year after the Stand of the concept, Sozialräume whose counts do not add
up to the municipality's, a Merkmal given for some Sozialräume only, a count without a source.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from pipeline.findings import Finding, Path_
from pipeline.formatting import count, enumeration, number, percent
from pipeline.model.concept import Concept
from pipeline.model.geo import GeoProblem, read_outlines
from pipeline.model.inputs import KeyFigure, MunicipalityFile
from pipeline.model.key_figures import FEATURES
from pipeline.validate.parsed import Parsed
from pipeline.validate.rules import CONSISTENCY, WARNINGS, WHOLE_FILES, error, warning

KOMMUNE = "kommune.yaml"
#: How far the Sozialräume's counts may stray from the municipality's before a warning: births
#: per year are an average in kommune.yaml, the Sozialräume's a single year's.
SUM_TOLERANCE = Decimal("0.10")

# A Sozialraum left out for its errors would count as missing or make the sums fall short.
WHOLE_FILES.update({"kennzahlen-summe": (KOMMUNE,), "kennzahlen-vollstaendig": (KOMMUNE,)})


@CONSISTENCY.rule("karte-sozialraeume")
def map_matches_social_spaces(parsed: Parsed) -> Iterator[Finding]:
    """The map's outlines are the Sozialräume of kommune.yaml, each once: an outline under an
    unknown id is a typo, and a Sozialraum without one would leave a hole in the map."""
    municipality = parsed.get(KOMMUNE, MunicipalityFile)  # whole: a Sozialraum left out would be missing
    if municipality is None or municipality.needs.map is None:
        return
    path = municipality.needs.map
    try:
        outlines = read_outlines(path.read_bytes(), path.name)
    except (OSError, GeoProblem):  # the field's own check has said what is wrong
        return
    spaces = [s.id for s in municipality.municipality.social_spaces]
    unknown = enumeration([repr(o) for o in outlines if o not in spaces])
    absent = enumeration([repr(s) for s in spaces if s not in outlines])
    if unknown:
        yield error(
            KOMMUNE,
            ("bedarfsanalyse", "karte"),
            f"Die Karte '{path.name}' enthält Umrisse für {unknown}, die keine Sozialräume in kommune.yaml sind "
            f"(bekannt: {', '.join(spaces)}). Bitte die Kennung im Feature ('id' oder Eigenschaft 'sozialraum') "
            "an die Kennung des Sozialraums angleichen.",
        )
    if absent:
        yield error(
            KOMMUNE,
            ("bedarfsanalyse", "karte"),
            f"In der Karte '{path.name}' fehlt ein Umriss für {absent}. Die Karte braucht alle Sozialräume; bitte "
            "ergänzen oder 'karte' weglassen (dann zeigt das Konzept nur die Tabellen).",
        )


def _figure_places(concept: Concept) -> Iterator[tuple[Path_, KeyFigure]]:
    """Every figure with the path of its entry: the Sozialräume's, then the municipality's."""
    for s_index, space in enumerate(concept.municipality.social_spaces):
        for f_index, figure in enumerate(space.key_figures):
            yield ("kommune", "sozialraeume", s_index, "kennzahlen", f_index), figure
    for f_index, figure in enumerate(concept.needs_analysis.municipal_figures):
        yield ("bedarfsanalyse", "kennzahlen", f_index), figure


@WARNINGS.rule("kennzahlen-jahr")
def figures_not_from_the_future(concept: Concept) -> Iterator[Finding]:
    """A figure or a target-group count for a year after the concept's Stand is a slip (or a
    forecast, which the source should then say)."""
    stand = concept.version.date.year
    for path, figure in _figure_places(concept):
        if figure.year > stand:
            yield warning(
                KOMMUNE,
                (*path, "jahr"),
                f"Der Wert für '{figure.feature}' gilt für {figure.year}, das Konzept hat den Stand {stand}. Bitte "
                "das Jahr prüfen (bei einer Prognose: in der Quelle so benennen).",
            )
    for index, group in enumerate(concept.target_groups):
        if group.size_year is not None and group.size_year > stand:
            yield warning(
                "zielgruppen.yaml",
                ("zielgruppen", index, "jahr"),
                f"Die Anzahl ist für {group.size_year} angegeben, das Konzept hat den Stand {stand}. Bitte prüfen.",
            )


def _sum_warning(concept: Concept, feature: str, values: list[int], year: int | None) -> str | None:
    """The sentence for counts that do not add up to the municipality's, or None."""
    definition = FEATURES[feature]
    municipality = concept.municipality
    total = (
        municipality.births_per_year
        if definition.total == "geburten_pro_jahr"
        else municipality.children_under_three
    )
    summed = sum(values)
    if not total or abs(Decimal(summed - total)) <= SUM_TOLERANCE * total:
        return None
    when = f" {year}" if year else ""
    return (
        f"Die {definition.unit} der Sozialräume{when} ergeben zusammen {number(summed)}, kommune.yaml nennt für die "
        f"ganze Kommune {number(total)} ('{definition.total}'; Abweichung {percent(abs(summed - total) * 100 / Decimal(total))}). "
        "Fehlt ein Sozialraum, oder stammen die Zahlen aus verschiedenen Jahren?"
    )


@WARNINGS.rule("kennzahlen-summe")
def counts_add_up(concept: Concept) -> Iterator[Finding]:
    """Sozialräume divide the municipality: their births and children under three add up to
    the municipality's figures within ten per cent, or one of them is off."""
    spaces = concept.municipality.social_spaces
    if len(spaces) > 1 and all(s.births is not None for s in spaces):
        message = _sum_warning(concept, "geburten", [s.births or 0 for s in spaces], None)
        if message:
            yield warning(KOMMUNE, ("kommune", "geburten_pro_jahr"), message)
    for feature in ("geburten", "kinder-unter-3"):
        latest = [concept.needs.value(s, feature) for s in spaces]
        years = {f.year for f in latest if f is not None}
        if len(spaces) < 2 or None in latest or len(years) != 1:
            continue
        message = _sum_warning(concept, feature, [int(f.value) for f in latest if f], years.pop())
        if message:
            key = FEATURES[feature].total or ""
            yield warning(KOMMUNE, ("kommune", key), message)


@WARNINGS.rule("kennzahlen-vollstaendig")
def figures_for_every_space(concept: Concept) -> Iterator[Finding]:
    """A Merkmal known for some Sozialräume only cannot compare them all; the chapter shows the
    gap, and this hint says where to fill it."""
    spaces = concept.municipality.social_spaces
    for feature, missing in concept.needs.incomplete:
        first = next(
            (i, j) for i, s in enumerate(spaces) for j, f in enumerate(s.key_figures) if f.feature == feature.id
        )
        yield warning(
            KOMMUNE,
            ("kommune", "sozialraeume", first[0], "kennzahlen", first[1], "merkmal"),
            f"Hinweis: '{feature.id}' ist nur für einen Teil der Sozialräume angegeben; es fehlt für "
            f"{enumeration([s.name for s in missing])}. Das Konzept zeigt dort „keine Angabe“.",
        )


@WARNINGS.rule("bedarfsmerkmal-mit-werten")
def chosen_features_have_values(concept: Concept) -> Iterator[Finding]:
    """The Bedarfsmerkmal and the chart's Merkmale need values in the Sozialräume, or the map
    and the chart stay empty."""
    analysis, needs = concept.needs_analysis, concept.needs
    pairs: list[tuple[Path_, str]] = [(("bedarfsanalyse", "diagramm", i), f) for i, f in enumerate(analysis.chart)]
    if analysis.need_feature:
        pairs.insert(0, (("bedarfsanalyse", "bedarfsmerkmal"), analysis.need_feature))
    for path, feature in pairs:
        if needs.row(feature) is None:
            yield warning(
                KOMMUNE,
                path,
                f"Für '{feature}' hat kein Sozialraum einen Wert unter 'kennzahlen'; ohne Werte bleibt das "
                "Merkmal in Karte und Diagramm unberücksichtigt.",
            )


@WARNINGS.rule("zielgruppen-quelle")
def counts_have_sources(concept: Concept) -> Iterator[Finding]:
    """A target group's estimated size is a figure politicians quote: it says what it rests on."""
    for index, group in enumerate(concept.target_groups):
        if group.estimated_size is not None and not group.size_source:
            yield warning(
                "zielgruppen.yaml",
                ("zielgruppen", index, "geschaetzte_anzahl"),
                f"Die geschätzte Anzahl der Zielgruppe '{group.id}' nennt keine Quelle. Bitte unter 'quelle' "
                "angeben, worauf die Schätzung beruht, und unter 'jahr', für wann sie gilt.",
            )


@WARNINGS.rule("geburten-doppelt")
def births_once(concept: Concept) -> Iterator[Finding]:
    """A Sozialraum's births stand either in 'geburten' or among its figures; if both differ,
    the documents would show two numbers for one thing."""
    for index, space in enumerate(concept.municipality.social_spaces):
        figure = concept.needs.value(space, "geburten")
        if space.births is not None and figure is not None and figure.value != space.births:
            yield warning(
                KOMMUNE,
                ("kommune", "sozialraeume", index, "geburten"),
                f"Für {space.name} stehen {number(space.births)} Geburten unter 'geburten' und {number(figure.value)} "
                f"({figure.year}) unter 'kennzahlen'. Bitte nur unter 'kennzahlen' angeben, mit Jahr und Quelle.",
            )


#: Units of an indicator that counts Sozialräume (a city may call them Stadtteile).
SPACE_UNITS = {"sozialraum", "sozialräume", "stadtteil", "stadtteile"}


@WARNINGS.rule("indikator-sozialraeume")
def space_indicators_match_the_offers(concept: Concept) -> Iterator[Finding]:
    """An indicator that counts Sozialräume ('Sozialräume mit mindestens einer Patenschaft') and
    a running offer of its goal that reaches more Sozialräume than its current value cannot both
    be right: the Angebotslandkarte would show the offer where the indicator says there is none."""
    needs, stand = concept.needs, concept.version.date.year
    offered = {m.id for m in needs.offers}  # by id: comparing models field by field is quadratic
    for g_index, goal in enumerate(concept.goals):
        offers = [m for m in concept.measures_for_goal(goal.id) if m.id in offered]
        for i_index, indicator in enumerate(goal.indicators):
            if indicator.unit.strip().lower() not in SPACE_UNITS or indicator.current is None:
                continue
            if indicator.current_year != stand:
                continue
            wider = [(m, len(needs.running_in(m))) for m in offers if len(needs.running_in(m)) > indicator.current]
            for measure, reached in wider:
                where = count(reached, "Sozialraum", "Sozialräumen", "einem")
                where = f"in allen {where}" if reached == len(needs.spaces) else f"in {where}"
                yield warning(
                    "ziele.yaml",
                    ("ziele", g_index, "indikatoren", i_index, "istwert"),
                    f"Der Indikator „{indicator.name}“ nennt {number(indicator.current)} {indicator.unit} "
                    f"({indicator.current_year}); die laufende Maßnahme {concept.measure_labels([measure.id])[0]}, "
                    f"die zu diesem Ziel beiträgt, läuft laut massnahmen.yaml aber {where}. "
                    "Bitte 'sozialraeume' und 'geplant_in' der Maßnahme oder den Istwert prüfen: "
                    "Die Angebotslandkarte zählt nach der Maßnahme.",
                )


@WARNINGS.rule("datenstand-jahr")
def one_year_for_one_count(concept: Concept) -> Iterator[Finding]:
    """The municipality's births and children under three that are exactly the sum of the
    Sozialräume's are the same count: kommune.yaml's 'datenstand' should name the same year, or
    the concept states one number with two years."""
    municipality = concept.municipality
    if municipality.data_year is None or len(municipality.social_spaces) < 2:
        return
    totals = {"geburten": municipality.births_per_year, "kinder-unter-3": municipality.children_under_three}
    for feature, total in totals.items():
        latest = [concept.needs.value(s, feature) for s in municipality.social_spaces]
        years = {f.year for f in latest if f is not None}
        if None in latest or len(years) != 1 or total is None:
            continue
        year = years.pop()
        if year != municipality.data_year and sum(f.value for f in latest if f) == total:
            yield warning(
                KOMMUNE,
                ("kommune", "datenstand"),
                f"Die {FEATURES[feature].unit} der Sozialräume aus {year} ergeben genau die {number(total)} der "
                f"ganzen Kommune, 'datenstand' nennt aber {municipality.data_year}. Das Konzept gäbe dieselbe Zahl "
                f"mit zwei Jahren an; bitte 'datenstand: {year}' eintragen oder die Zahlen angleichen.",
            )
            return
