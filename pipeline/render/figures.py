"""The concept's figures drawn from the model: money by source and year, money per committee,
indicators against their targets, the measures on a time axis, the network map and the
neutral overview of the quality chapter – each with an alternative text that says in words
and numbers everything the picture shows, so a screen reader (and Word's and the PDF's
alternative text) loses nothing.

The quality chapter deliberately shows no status per goal: the Qualitätsdialog for
politicians names none (only the network's working copy does), and the published concept is
read by the same politicians. Its figure counts the hints of each kind the papers list
(what the data show, what is open, what is not recorded) per theme – the contents of the
table beside it, in one picture.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pipeline.formatting import agree, euro, german_date, number
from pipeline.model.concept import Concept, in_even_parts
from pipeline.model.inputs import Indicator, Measure
from pipeline.model.quality.assessment import QualityAssessment
from pipeline.model.resources import OWN_SHARES
from pipeline.model.types import SECTORS
from pipeline.render.charts import DASHED_LINE, OUTLINE, stacked_amounts, stacked_bars
from pipeline.render.diagrams import Group, Seat, Span, TargetRow, network_map, target_chart, timeline
from pipeline.render.document import Figure
from pipeline.render.environment import with_unit

#: Colours of the income sources, the municipality's own share apart in orange throughout.
SOURCE_COLOURS = {
    "Bundesstiftung Frühe Hilfen": "#1f4e79",
    "Land": "#3d6fa6",
    # green, not a fourth blue between Land and Krankenkassen (code review: hard to tell apart in print)
    "Kreis": "#47815f",
    "Krankenkassen": "#7296bc",
    # a dark purple: the lighter one was Land's blue to protanopes and printed as the same grey
    # (figure review); every segment keeps 3 : 1 against white (WCAG 1.4.11)
    "Dritte": "#4f2f7d",
}
OWN_COLOUR = "#d27e2a"
#: The Erträge beside the orange Zuschussbedarf: dark, so the two differ in black-and-white print
#: too (figure review: both printed as the same grey, L* 60.8 and 60.6).
INCOME_COLOUR = "#1f4e79"
#: Measures by status: running solid, planned as an outline, completed grey.
STATUS_COLOURS = {"laufend": "#3d6fa6", "geplant": "#3d6fa6", "abgeschlossen": "#939393"}
STAND_COLOUR = "#b2182b"
#: One colour per sector (Okabe–Ito, readable with colour-vision deficiencies; its orange and sky
#: blue a little darker, so that every colour keeps 3 : 1 against white).
SECTOR_COLOURS = dict(
    zip(
        SECTORS,
        ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#c48700", "#4999c6", "#666666", "#8c6d31"),
        strict=True,
    )
)
#: The neutral colours of the three kinds of hint: no traffic light; the missing data dark grey,
#: not a mid grey that printed like the orange beside it (figure review).
HINT_COLOURS = ("#3d6fa6", "#d27e2a", "#404040")


def _rounded(value: Decimal) -> str:
    """An amount for a label inside a chart: whole euros (the tables and the alternative text
    have the cents)."""
    return f"{number(value, 0)}\u00a0€"


def funding_figure(concept: Concept) -> Figure | None:
    """The Aufwand of each year as one bar, split into the sources that finance it and the
    municipality's own share (Zuschussbedarf)."""
    budget = concept.budget
    if not budget.years:
        return None
    table = budget.by_source
    rows = [
        (
            budget.year_label(year),
            [r.amounts[i] for r in table.rows],
        )
        for i, year in enumerate(budget.years)
    ]
    # the rows name the sources as the documents do ('Freistaat Bayern' for 'Land')
    colours = {concept.municipality.source_label(s): colour for s, colour in SOURCE_COLOURS.items()}
    series = [
        (r.label, colours.get(r.label, OWN_COLOUR if r.label in OWN_SHARES else "#7f7f7f")) for r in table.rows
    ]
    t = budget.terms
    title = f"{t.funding_title} nach Quelle und Jahr"
    sentences = []
    for i, year in enumerate(budget.years):
        # a source without an amount that year left out, as the bars leave it out (figure review: '0,00 €'
        # where the table shows '–')
        parts = ", ".join(f"{r.label} {euro(r.amounts[i])}" for r in table.rows if r.amounts[i])
        # the year as the bars name it, with the budget's state ('2027 (Haushaltsentwurf)'; web review)
        sentences.append(
            # 'Aufwand insgesamt', not 'zusammen der Aufwand von' (figure review)
            f"{budget.year_label(year)}: {parts}; {t.expenses} insgesamt {euro(table.totals[i])}."
        )
    summary = f"Gestapeltes Balkendiagramm: {title}, je Haushaltsjahr ein Balken."
    svg = stacked_amounts(rows, series, title, shown=_rounded, total=lambda v: f"{t.expenses} {_rounded(v)}")
    return Figure("finanzierung.svg", svg, summary, values=tuple(sentences))


def committee_figure(concept: Concept) -> Figure | None:
    """Per committee and year, its Aufwand as one bar: the part Erträge cover and the
    Zuschussbedarf that remains."""
    budget = concept.budget
    if not budget.committees:
        return None
    rows, sentences, t = [], [], budget.terms
    for year in budget.years:
        for balance in budget.balances(year):
            rows.append((f"{balance.label} {year}", [balance.income, balance.subsidy]))
            sentences.append(
                f"{balance.label} {year}: {t.expenses} {euro(balance.expenses)}, "
                + (f"{t.income} {euro(balance.income)}, " if balance.income else f"keine {t.income}, ")
                + f"Zuschussbedarf {euro(balance.subsidy)}."
            )
    series = [(t.income, INCOME_COLOUR), ("Zuschussbedarf", OWN_COLOUR)]
    title = f"{t.balance_title} je {budget.committee_nouns.singular} und Haushaltsjahr"
    length = f"die Länge jedes Balkens entspricht {t.expenses_dat}"
    summary = f"Gestapeltes Balkendiagramm: {title}; {length}."
    svg = stacked_amounts(rows, series, title, shown=_rounded, total=lambda v: f"{t.expenses} {_rounded(v)}")
    return Figure("ausschuesse.svg", svg, summary, values=tuple(sentences))


def _scale(indicator: Indicator) -> float:
    """The end of an indicator's track: 100 for a percentage, else a little beyond its largest
    value."""
    values = [
        indicator.baseline,
        indicator.target,
        *([indicator.current] if indicator.current is not None else []),
    ]
    largest = float(max(values))
    if indicator.unit.strip() == "%" and largest <= 100:
        return 100.0
    return largest * 1.1 or 1.0


def _value(value: Decimal, unit: str, year: int | None, places: int) -> str:
    return with_unit(value, unit, places) + (f" ({year})" if year else "")


def indicator_figure(concept: Concept) -> Figure | None:
    """Every indicator on its own scale: baseline, current value and target."""
    pairs = concept.indicator_pairs
    if not pairs:
        return None
    rows, sentences = [], []
    for goal, indicator in pairs:
        label = f"{concept.goal_number(goal.id)} {indicator.name}"
        # the baseline itself is no Istwert: no marker of its own, and the text says so (web review)
        current = None if indicator.only_baseline else indicator.current
        places = indicator.places
        shown = f"{number(current, places)}" if current is not None else "–"
        values = f"{number(indicator.baseline, places)} → {shown} (Ziel {number(indicator.target, places)})"
        rows.append(
            TargetRow(
                label,
                float(indicator.baseline),
                float(current) if current is not None else None,
                float(indicator.target),
                _scale(indicator),
                values,
                indicator.unit,
            )
        )
        measured = (
            f"Istwert {_value(current, indicator.unit, indicator.current_year, places)}"
            if current is not None
            else f"Istwert noch nicht {'erneut ' if indicator.only_baseline else ''}erhoben"
        )
        sentences.append(
            f"{label}: Ausgangswert {_value(indicator.baseline, indicator.unit, indicator.baseline_year, places)}, "
            f"{measured}, Zielwert {_value(indicator.target, indicator.unit, indicator.target_year, places)}."
        )
    title = "Indikatoren: Ausgangswert, Istwert und Zielwert"
    summary = f"Diagramm: {title}, je Indikator auf eigener Skala."
    chart = target_chart(rows, title, concept.layout.primary)
    return Figure("indikatoren.svg", chart, summary, values=tuple(sentences))


def timeline_window(concept: Concept) -> tuple[dt.date, dt.date]:
    """The years the time axis shows: from the year before the Stand to the year of the next
    Fortschreibung (at least the year after the Stand)."""
    version = concept.version
    last = max(version.update.next_date.year, version.date.year + 1)
    return dt.date(version.date.year - 1, 1, 1), dt.date(last, 12, 31)


def _period(begin: dt.date, end: dt.date | None, status: str) -> str:
    if end is not None:
        return f"{german_date(begin)} bis {german_date(end)}"
    return f"{'ab' if status == 'geplant' else 'seit'} {german_date(begin)}, unbefristet"


#: The most measures one part of the timeline shows: with its axis and legend it fills a page.
TIMELINE_ROWS = 25


def timeline_figures(concept: Concept) -> list[Figure]:
    """The measures as bars on a time axis (Gantt-style), coloured by their status; in parts of
    at most TIMELINE_ROWS measures each (as even as they come), since a figure never breaks
    across pages and one too long would be shrunk to fit a page, unreadable."""
    chunks = in_even_parts(concept.measures, TIMELINE_ROWS)
    return [_timeline_part(concept, chunk, index, len(chunks)) for index, chunk in enumerate(chunks, start=1)]


def _timeline_part(concept: Concept, measures: list[Measure], index: int, count: int) -> Figure:
    """Part `index` of `count` of the timeline (the only one where `count` is 1)."""
    start, finish = timeline_window(concept)
    spans, sentences = [], []
    for measure in measures:
        label = f"{concept.measure_number(measure.id)} {measure.title}"
        period = measure.period
        spans.append(
            Span(
                label,
                period.start,
                period.end,
                STATUS_COLOURS[measure.status],
                planned=measure.status == "geplant",
            )
        )
        sentences.append(f"{label}: {measure.status}, {_period(period.start, period.end, measure.status)}.")
    stand = concept.version.date
    # the statuses the concept's measures have (every part alike): a key for 'abgeschlossen'
    # where nothing is finished made a reader look for finished measures
    present = {m.status for m in concept.measures}
    statuses = [
        ("laufend", "laufend", ""),
        ("geplant", "geplant (Umriss)", OUTLINE),
        ("abgeschlossen", "abgeschlossen", ""),
    ]
    keys = [(label, STATUS_COLOURS[status], style) for status, label, style in statuses if status in present]
    keys.append((f"Stand {german_date(stand)} (gestrichelte Linie)", STAND_COLOUR, DASHED_LINE))
    first, last = (concept.measure_number(m.id) for m in (measures[0], measures[-1]))
    part = f"Teil {index} von {count}: {first} bis {last}" if count > 1 else ""
    title = f"Zeitplan der Maßnahmen {start.year} bis {finish.year}" + (f" ({part})" if part else "")
    summary = (
        f"Zeitleiste: {title}, je Maßnahme ein Balken von Beginn bis Ende; ein Pfeil zeigt, dass sie früher "
        f"begann oder über {finish.year} hinaus läuft."
    )
    name = "zeitplan.svg" if index == 1 else f"zeitplan-{index}.svg"
    return Figure(name, timeline(spans, start, finish, stand, keys, title), summary, part, tuple(sentences))


def network_figure(concept: Concept) -> Figure | None:
    """Which actor works in which network body, the actors grouped by sector."""
    bodies = concept.network.bodies
    seated = concept.actors_in_bodies
    if not bodies or not seated:
        return None
    groups = [
        Group(sector, SECTOR_COLOURS[sector], [a.name for a in seated if a.sector == sector])
        for sector in SECTORS
        if any(a.sector == sector for a in seated)
    ]
    order = [a for sector in SECTORS for a in seated if a.sector == sector]
    index = {a.id: n for n, a in enumerate(order)}
    seats, notes, sentences = [], [], []
    for number_of, body in enumerate(bodies):
        members = list(dict.fromkeys([body.chair, *body.members]))
        seats += [Seat(index[m], number_of, chair=m == body.chair) for m in members]
        notes.append((body.name, f"{len(members)} {agree(len(members), 'Mitglied', 'Mitglieder')}"))
        by_sector = "; ".join(
            f"{sector}: " + ", ".join(a.name for a in order if a.sector == sector and a.id in members)
            for sector in SECTORS
            if any(a.sector == sector and a.id in members for a in order)
        )
        sentences.append(
            f"{body.name} ({len(members)} {agree(len(members), 'Mitglied', 'Mitglieder')}, Leitung: "
            f"{concept.actor(body.chair).name}) – {by_sector}."
        )
    title = "Netzwerkkarte: Akteure nach Sektoren in den Netzwerkgremien"
    summary = "Netzwerkkarte: welcher Akteur in welchem Netzwerkgremium mitarbeitet, nach Sektoren."
    drawn = network_map(groups, notes, seats, title, concept.layout.primary)
    return Figure("netzwerkkarte.svg", drawn, summary, values=tuple(sentences))


def hints_figure(assessment: QualityAssessment) -> Figure:
    """Per theme of a quality dimension, how many hints of each kind the papers list – without
    any status per goal."""
    catalog = assessment.catalog
    totals = assessment.hint_counts()
    # a kind without any hint stays out of the legend ('Dazu fehlen Angaben (0)'; layout review)
    shown = [index for index, n in enumerate(totals) if n] or list(range(len(totals)))
    kinds = [assessment.HINT_KINDS[index] for index in shown]
    # "Thema 5.1 …", not a bare "5.1 …" that in the concept read as its own chapter 5.1 (Lektorat)
    every = [(f"Thema {catalog.theme_number(t)} {t.title}", assessment.hint_counts(t)) for t in catalog.themes]
    rows = [(label, [counts[index] for index in shown]) for label, counts in every]
    series = [(f"{assessment.HINT_KINDS[index]} ({totals[index]})", HINT_COLOURS[index]) for index in shown]
    title = f"Hinweise aus den Daten je Thema der Qualitätsdimension {catalog.dimension.number}"
    summary = f"Gestapeltes Balkendiagramm: {title}, nach Art des Hinweises."
    values = tuple(
        f"{label}: " + ", ".join(f"{kind}: {n}" for kind, n in zip(kinds, counts, strict=True)) + "."
        for label, counts in rows
    )
    svg = stacked_bars(rows, series, ("Hinweis", "Hinweise"), title)
    return Figure(f"hinweise-{catalog.dimension.id}.svg", svg, summary, values=values)


def model_figures(concept: Concept, assessments: list[QualityAssessment]) -> dict[str, Figure]:
    """The figures by the name the concept's templates use: 'finanzierung', 'ausschuesse',
    'indikatoren', 'zeitplan' (and 'zeitplan-2' … for its further parts: :func:`figure_parts`),
    'netzwerk' and 'hinweise-<dimension>'."""
    figures = {
        "finanzierung": funding_figure(concept),
        "ausschuesse": committee_figure(concept),
        "indikatoren": indicator_figure(concept),
        **{figure.name.removesuffix(".svg"): figure for figure in timeline_figures(concept)},
        "netzwerk": network_figure(concept),
    } | {f"hinweise-{a.catalog.dimension.id}": hints_figure(a) for a in assessments}
    return {key: figure for key, figure in figures.items() if figure is not None}
