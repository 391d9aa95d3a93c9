"""The figures of the Bedarfsanalyse and the Angebotslandkarte: the chart comparing the
Sozialräume and, where the inputs give outlines, the map – each with its alternative text,
which says in words everything the picture shows."""

from __future__ import annotations

from pipeline.formatting import agree, enumeration
from pipeline.model.concept import Concept
from pipeline.model.geo import read_outlines
from pipeline.model.needs import NeedsView
from pipeline.render.charts import Panel, compared_bars
from pipeline.render.document import Figure
from pipeline.render.maps import Area, Key, outline_map

CHART = "bedarfsanalyse-diagramm.svg"
MAP = "angebotslandkarte.svg"
#: Fills of the map: need on the side of more need of the whole's value, the rest, no value.
HIGH_NEED = "#d27e2a"
OTHER = "#f6e3c3"
NO_VALUE = "#d9d9d9"
#: A map without a Bedarfsmerkmal: one neutral fill.
NEUTRAL = "#dfe7f1"


def chart_figure(concept: Concept) -> Figure | None:
    """Bars comparing the Sozialräume on one or two Merkmale, with the whole's value."""
    needs = concept.needs
    if len(needs.spaces) < 2 or not needs.chart_features:
        return None
    panels, sentences = [], []
    for feature in needs.chart_features:
        row = needs.rows_by_id[feature.id]
        reference = row.total or (needs.need_reference if feature == needs.need_feature else None)
        years = row.years
        heading = f"{feature.label} ({', '.join(map(str, years))})"
        rows = [(s.label, c.value if c else None) for s, c in zip(needs.spaces, row.cells, strict=True)]
        whole = (needs.whole_label(reference), reference.value) if reference else None
        panels.append(Panel(heading, rows, whole, feature.shown))
        values = "; ".join(f"{label} {feature.shown(v) if v is not None else 'keine Angabe'}" for label, v in rows)
        also = f"; {whole[0]} {feature.shown(whole[1])}" if whole else ""
        sentences.append(f"{feature.label} ({', '.join(map(str, years))}): {values}{also}.")
    title = "Kennzahlen der Sozialräume im Vergleich"
    return Figure(CHART, compared_bars(panels, title), f"Balkendiagramm: {title}.", values=tuple(sentences))


def _legend(concept: Concept, needs: NeedsView) -> list[Key]:
    """Keys that read as sentences: which Merkmal, compared with which value, and what a gap is."""
    feature, reference = needs.need_feature, needs.need_reference
    if feature is None or reference is None:
        return []
    keys = [
        Key(f"hoher Bedarf: {needs.high_need_phrase(reference)}", HIGH_NEED),
        Key(needs.other_need_phrase(), OTHER),
    ]
    if any(s.need is None for s in needs.by_space):
        keys.append(Key("keine Angabe", NO_VALUE))
    # the key of a gap only where the map draws one (figure review: Neuhafen's legend explained a
    # mark no Sozialraum had)
    if needs.gaps:
        keys.append(
            Key(
                f"Lücke: hoher Bedarf und weniger laufende Angebote als im Durchschnitt der Sozialräume "
                f"({_average(needs)})",
                None,
            )
        )
    return keys


def _average(needs: NeedsView) -> str:
    return needs.average_shown


def map_figure(concept: Concept) -> Figure | None:
    """The Sozialräume's outlines, shaded by need, with their offers; None without outlines."""
    path = concept.needs_analysis.map
    if path is None:
        return None
    outlines = read_outlines(path.read_bytes(), path.name)
    needs = concept.needs
    feature = needs.need_feature
    areas, sentences = [], []
    for item in needs.by_space:
        space = item.space
        running = len(item.running)
        lines = [space.label]
        if feature is not None:
            lines.append(feature.shown(item.need.value) if item.need else "keine Angabe")
            fill = NO_VALUE if item.need is None else HIGH_NEED if item.high_need else OTHER
        else:
            fill = NEUTRAL
        lines.append(f"{running} {agree(running, 'Angebot', 'Angebote')}")
        if item.gap:
            lines.append("Lücke")
        areas.append(Area(outlines[space.id], lines, fill, item.gap))
        value = f"{feature.phrase} {lines[1]}, " if feature is not None else ""
        sentences.append(
            f"{space.label}: {value}{running} {agree(running, 'laufendes Angebot', 'laufende Angebote')}."
        )
    title = "Angebotslandkarte: laufende Angebote und Bedarf je Sozialraum"
    if feature is not None and needs.need_reference is not None:
        high = [s.space.label for s in needs.by_space if s.high_need]
        # the legend's own words: the threshold with its margin (the reference alone read as the
        # threshold, and a Sozialraum just above it seemed missing)
        sentences.append(
            f"Hoher Bedarf, also {needs.high_need_phrase(needs.need_reference)}: {enumeration(high) or 'keiner'}."
        )
        gaps = [s.space.label for s in needs.gaps]
        fewer = f"weniger laufende Angebote als im Durchschnitt ({_average(needs)})"
        sentences.append(
            f"Lücke, also hoher Bedarf und {fewer}: {enumeration(gaps)}."
            if gaps
            else f"Keine Lücke: Kein Sozialraum hat hohen Bedarf und {fewer}."
        )
    drawn = outline_map(areas, _legend(concept, needs), title)
    return Figure(MAP, drawn, f"Karte: {title}.", values=tuple(sentences))


def concept_figures(concept: Concept) -> dict[str, Figure]:
    """The concept's figures by the name its templates use: 'diagramm', 'karte'."""
    figures = {"diagramm": chart_figure(concept), "karte": map_figure(concept)}
    return {key: figure for key, figure in figures.items() if figure is not None}
