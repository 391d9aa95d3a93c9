"""Rules of dimension 5, Politisch-strukturelle Verankerung: one per goal of dimension5.yaml.

Each rule reads the concept as it stood on the date of reference (a
:class:`~pipeline.model.reporting.ReportingView`: reports, decisions and meetings after that day
do not count yet) and returns its observations as findings. Where the data cannot answer, the
observation is 'nicht prüfbar' and names the field that would; a rule never guesses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.findings import (
    EVERY,
    FULFILLED,
    OPEN,
    PARTIAL,
    UNKNOWN,
    Finding,
    Place,
    RuleSet,
    Status,
    at,
)
from pipeline.formatting import (
    count,
    enumeration,
    euro,
    every_years,
    german_date,
    number,
    sentence_start,
)
from pipeline.model.concept import Concept
from pipeline.model.inputs import Actor, Committee
from pipeline.model.quality.assessment import coverage
from pipeline.model.reporting import CommitteeReporting, ReportingView
from pipeline.model.types import add_months

RULES: RuleSet[ReportingView] = RuleSet("Qualitätsdimension 5")

#: The three fields whose committees plan Frühe Hilfen together (Jugendhilfe, Gesundheit, Soziales).
PLANNING_SECTORS = ("Kinder- und Jugendhilfe", "Gesundheitswesen", "Soziales")
#: How far back 'recently' reaches, e.g. for joint deliberations and reported needs.
RECENT_MONTHS = 24


# --- small helpers ----------------------------------------------------------------------------


def observed(
    text: str, where: Place | tuple[Place, ...], status: Status | None = None, change: str | None = None
) -> Finding:
    """One observation of a rule: what it saw, where, how it counts (None: context only) and
    what would change it."""
    places = where if isinstance(where, tuple) else (where,)
    return Finding(places[0], text, status, change, places[1:])


def _names(items: Iterable[Actor | Committee]) -> str:
    return enumeration([i.name for i in items])


def _these(actors: list[Actor]) -> str:
    """How a change refers to actors its evidence has just listed: by name if one, else 'diese
    elf Akteure'."""
    return actors[0].name if len(actors) == 1 else f"diese {count(len(actors), 'Akteur', 'Akteure')}"


def _unique(committees: Iterable[Committee]) -> list[Committee]:
    return list({c.id: c for c in committees}.values())


def _planners(k: Concept) -> dict[str, list[Committee]]:
    """Per field of the integrated planning, the specialised committees responsible for it
    (Kreistag, Rat and main committees oversee everything and are left out)."""
    return {
        sector: [c for c in k.committees if not c.oversees_all and sector in c.remit]
        for sector in PLANNING_SECTORS
    }


@dataclass(frozen=True)
class Sitting:
    committee: Committee
    date: dt.date


@dataclass(frozen=True)
class Deliberation:
    """One paper (by its number) and the sittings that discussed it or will discuss it."""

    number: str
    sittings: tuple[Sitting, ...]

    def held(self, since: dt.date, on: dt.date) -> list[Sitting]:
        return [s for s in self.sittings if since < s.date <= on]

    def planned(self, on: dt.date) -> list[Sitting]:
        return [s for s in self.sittings if s.date > on]


DELIBERATION_SOURCE = (
    at("gremien.yaml", "gremien", EVERY, "berichte", EVERY, "vorlage"),
    at("vorlagen/*.yaml", "vorlage", "beratungsfolge"),
)


def _deliberations(k: Concept, numbers: set[str] | None = None) -> list[Deliberation]:
    """Papers with the sittings that discuss them: reports of gremien.yaml and the
    Beratungsfolge of vorlagen/*.yaml, merged by the paper's number."""
    sittings: dict[str, dict[tuple[str, dt.date], Sitting]] = {}
    for committee in k.committees:
        for report in committee.reports:
            if report.paper:
                sittings.setdefault(report.paper, {})[(committee.id, report.date)] = Sitting(
                    committee, report.date
                )
    for paper in k.papers:
        for consultation in paper.consultations:
            committee = k.committee(consultation.committee)
            sittings.setdefault(paper.number, {})[(committee.id, consultation.date)] = Sitting(
                committee, consultation.date
            )
    return [
        Deliberation(n, tuple(sorted(s.values(), key=lambda x: x.date)))
        for n, s in sittings.items()
        if numbers is None or n in numbers
    ]


def _sittings_text(sittings: list[Sitting]) -> str:
    return enumeration([f"{s.committee.name} am {german_date(s.date)}" for s in sittings])


def _next_chance(view: ReportingView, committee: Committee, decision: str | None = None) -> str:
    """When a committee can next hear about Frühe Hilfen, naming the papers prepared for that
    sitting (for a decision, only those that report on it, if any do)."""
    papers = [p.paper for p in view.of(committee).next_papers]
    if papers:
        day = view.of(committee).next_papers[0].date
        shown = [p for p in papers if decision in p.decisions] or papers
        label = "die Vorlage" if len(shown) == 1 else "die Vorlagen"
        return (
            f"in der Sitzung am {german_date(day)} (vorbereitet: {label} {enumeration([p.number for p in shown])})"
        )
    upcoming = view.next_meeting(committee.id)
    if upcoming:
        return f"in der nächsten Sitzung am {german_date(upcoming)}"
    return "sobald Sitzungstermine feststehen (gremien.yaml: sitzungen)"


def _effort_status(k: Concept, actor: Actor) -> Status | None:
    """Whether an actor's network time is budgeted: fully, partly, not at all (None: no time)."""
    if actor.network_hours <= 0:
        return None
    budgeted = k.effort.budgeted_hours(actor.id)
    if budgeted >= actor.network_hours:
        return FULFILLED
    return PARTIAL if budgeted > 0 else OPEN


def _hours(k: Concept, actor: Actor) -> str:
    """'100 von 130 Stunden'."""
    return f"{number(k.effort.budgeted_hours(actor.id), 0)} von {number(actor.network_hours, 0)} Stunden"


def _budget_year(k: Concept, on: dt.date) -> int:
    """The funding year the date of reference falls into, else the latest before it (or the first)."""
    earlier = [y for y in k.budget.years if y <= on.year]
    return max(earlier) if earlier else min(k.budget.years)


# --- 5.1 Verankerung in der Kommunalpolitik ---------------------------------------------------


def _report_cycle(view: ReportingView, index: int, item: CommitteeReporting) -> Finding:
    """Reports of one committee in the last twelve months, the last one and when the next is due."""
    committee = item.committee
    where = at("gremien.yaml", "gremien", index, "berichte")
    if item.last_report is None:
        return observed(
            f"{committee.name}: bisher kein Bericht über Frühe Hilfen (Turnus {item.cycle}).",
            where,
            OPEN,
            f"{committee.name}: Bericht {_next_chance(view, committee)}.",
        )
    recent = count(item.reports_last_year, "Bericht", "Berichte", "ein")
    detail = f"Turnus {item.cycle}; {recent} in den letzten zwölf Monaten"
    if not item.overdue:
        return observed(
            f"{committee.name}: letzter Bericht am {german_date(item.last_report)}, der nächste ist "
            f"bis {german_date(item.due)} fällig ({detail}).",
            where,
            FULFILLED,
        )
    return observed(
        f"{committee.name}: Bericht seit {german_date(item.due)} überfällig, der letzte war "
        f"am {german_date(item.last_report)} ({detail}).",
        where,
        OPEN,
        f"{committee.name}: Bericht {_next_chance(view, committee)}.",
    )


@RULES.rule("berichte-gremien")
def reports_to_committees(view: ReportingView) -> list[Finding]:
    """Every committee hears about Frühe Hilfen within its reporting cycle, and decisions still
    being implemented come back to the committee that took them within that cycle."""
    k, on = view.concept, view.on
    evidence = [_report_cycle(view, i, item) for i, item in enumerate(view.schedule)]
    for index, decision in enumerate(k.decisions):
        if decision.status == "umgesetzt" or decision.date > on:
            continue
        committee = k.committee(decision.committee)
        later = view.reported_since(decision)
        where = at("gremien.yaml", "beschluesse", index)
        label = f"Beschluss {decision.number} vom {german_date(decision.date)} ({decision.status})"
        if later:
            evidence.append(
                observed(
                    f"{label}: über die Umsetzung berichtet, zuletzt am {german_date(max(later))}.",
                    where,
                    FULFILLED,
                )
            )
        elif add_months(decision.date, committee.report_cycle_months) < on:
            evidence.append(
                observed(
                    f"{label}: seit dem Beschluss kein Bericht über die Umsetzung an {committee.forms.acc}.",
                    where,
                    OPEN,
                    f"{committee.name}: Bericht zur Umsetzung von {decision.number} "
                    f"{_next_chance(view, committee, decision.id)}.",
                )
            )
    return evidence


@RULES.rule("informationsfluss")
def flow_of_information(view: ReportingView) -> list[Finding]:
    """Decisions reach the network, and the network reports back how they are implemented."""
    k, on = view.concept, view.on
    decisions = [d for d in k.decisions if d.date <= on]
    if not decisions:
        return [
            observed(
                "Bis zum Stichtag sind keine Beschlüsse zu den Frühen Hilfen eingetragen; "
                "ob Beschlüsse das Netzwerk erreichen, lässt sich nicht beurteilen.",
                at("gremien.yaml", "beschluesse"),
                UNKNOWN,
                "Beschlüsse der Gremien in gremien.yaml unter 'beschluesse' eintragen.",
            )
        ]
    where = at("gremien.yaml", "beschluesse", EVERY, "an_netzwerk_weitergegeben")
    evidence = []
    if not any(d.passed_to_network for d in k.decisions):
        evidence.append(
            observed(
                "Bei keinem Beschluss ist eingetragen, ob und wann er an das Netzwerk weitergegeben wurde.",
                where,
                UNKNOWN,
                "In gremien.yaml je Beschluss 'an_netzwerk_weitergegeben' mit dem Datum eintragen.",
            )
        )
    else:
        passed = [d for d in decisions if d.passed_to_network and d.passed_to_network <= on]
        missing = [d for d in decisions if d not in passed]
        text = f"{len(passed)} von {len(decisions)} Beschlüssen wurden an das Netzwerk weitergegeben"
        if missing:
            numbers = enumeration([f"{d.number} vom {german_date(d.date)}" for d in missing])
            evidence.append(
                observed(
                    f"{text}; noch nicht: {numbers}.",
                    where,
                    coverage(len(passed), len(decisions)),
                    f"{enumeration([d.number for d in missing])} an das Netzwerk weitergeben (z. B. "
                    "Rundbrief oder Netzwerkkonferenz) und das Datum unter "
                    "'an_netzwerk_weitergegeben' eintragen.",
                )
            )
        else:
            latest = max(passed, key=lambda d: d.passed_to_network or d.date)
            latest_passed = latest.passed_to_network
            assert latest_passed is not None  # `passed` holds only decisions passed to the network
            evidence.append(
                observed(
                    f"{text}, zuletzt {latest.number} am {german_date(latest_passed)}.",
                    where,
                    FULFILLED,
                )
            )
    pending = [d for d in decisions if d.status != "umgesetzt"]
    if pending:
        silent = [d for d in pending if not d.progress]
        text = (
            f"Rückmeldung zum Stand der Umsetzung liegt für {len(pending) - len(silent)} von "
            f"{len(pending)} noch nicht umgesetzten Beschlüssen vor"
            if silent
            else "Zu allen noch nicht umgesetzten Beschlüssen liegt eine Rückmeldung zum Stand der Umsetzung vor"
        )
        evidence.append(
            observed(
                f"{text}; es fehlt: {enumeration([d.number for d in silent])}." if silent else f"{text}.",
                at("gremien.yaml", "beschluesse", EVERY, "umsetzungsstand"),
                coverage(len(pending) - len(silent), len(pending)),
                f"Stand der Umsetzung zu {enumeration([d.number for d in silent])} bei den beteiligten "
                "Akteuren erfragen und unter 'umsetzungsstand' eintragen."
                if silent
                else None,
            )
        )
    return evidence


@RULES.rule("handlungsbedarf")
def needs_reach_decisions(view: ReportingView) -> list[Finding]:
    """Reports name needs from practice, and the bodies take decisions on Frühe Hilfen."""
    k, on = view.concept, view.on
    since = add_months(on, -RECENT_MONTHS)
    recent = [(c, r) for c in k.committees for r in c.reports if since < r.date <= on]
    with_needs = [(c, r) for c, r in recent if r.needs]
    where = at("gremien.yaml", "gremien", EVERY, "berichte", EVERY, "handlungsbedarf")
    evidence = []
    if with_needs:
        committee, report = max(with_needs, key=lambda pair: pair[1].date)
        evidence.append(
            observed(
                f"Handlungsbedarf aus der Fachpraxis gemeldet: "
                f"{count(len(with_needs), 'Bericht', 'Berichte', 'ein')} in den letzten {RECENT_MONTHS} "
                f"Monaten, zuletzt an {committee.forms.acc} am {german_date(report.date)}: {report.needs}",
                where,
                FULFILLED,
            )
        )
    elif not recent:
        evidence.append(
            observed(
                f"In den letzten {RECENT_MONTHS} Monaten gab es keinen Bericht, mit dem Handlungsbedarf "
                "aus der Fachpraxis die Gremien erreichen konnte.",
                where,
                OPEN,
                "Einen Bericht einplanen, der den Handlungsbedarf aus der Fachpraxis benennt.",
            )
        )
    elif any(r.needs for c in k.committees for r in c.reports):
        evidence.append(
            observed(
                f"Keiner der Berichte der letzten {RECENT_MONTHS} Monate ({len(recent)}) meldet "
                "Handlungsbedarf aus der Fachpraxis.",
                where,
                OPEN,
                "Im nächsten Bericht benennen, wo die Fachpraxis Handlungsbedarf sieht, und es unter "
                "'handlungsbedarf' festhalten.",
            )
        )
    else:
        evidence.append(
            observed(
                f"Bei {count(len(recent), 'Bericht', 'Berichten', 'einem')} der letzten {RECENT_MONTHS} "
                "Monate ist nicht erfasst, "
                "ob sie Handlungsbedarf aus der Fachpraxis gemeldet haben.",
                where,
                UNKNOWN,
                "In gremien.yaml bei den Berichten unter 'handlungsbedarf' festhalten, welchen Bedarf "
                "sie gemeldet haben.",
            )
        )
    decided = sorted((d for d in k.decisions if since < d.date <= on), key=lambda d: d.date)
    if decided:
        evidence.append(
            observed(
                f"In den letzten {RECENT_MONTHS} Monaten haben die Gremien "
                f"{count(len(decided), 'Beschluss', 'Beschlüsse', 'einen')} zu den Frühen Hilfen gefasst, "
                f"zuletzt {decided[-1].number} am {german_date(decided[-1].date)}.",
                at("gremien.yaml", "beschluesse"),
                FULFILLED,
            )
        )
    else:
        evidence.append(
            observed(
                f"In den letzten {RECENT_MONTHS} Monaten haben die Gremien keinen Beschluss zu den Frühen "
                "Hilfen gefasst.",
                at("gremien.yaml", "beschluesse"),
                OPEN,
                "Handlungsbedarf aus der Fachpraxis als Beschlussvorlage in die Gremien einbringen.",
            )
        )
    for paper in k.papers:
        first = paper.consultations[0]
        if paper.kind == "Beschlussvorlage" and first.date > on:
            evidence.append(
                observed(
                    f"In Vorbereitung: Beschlussvorlage {paper.number} „{paper.subject}“, Beratung ab "
                    f"{german_date(first.date)}.",
                    at("vorlagen/*.yaml", "vorlage", "beratungsfolge"),
                )
            )
    return evidence


@RULES.rule("abgestimmte-planung")
def joint_committee_planning(view: ReportingView) -> list[Finding]:
    """Jugendhilfe-, Gesundheits- and Sozialausschuss recently discussed the same paper."""
    k, on = view.concept, view.on
    planners = _planners(k)
    missing = [sector for sector, committees in planners.items() if not committees]
    if missing:
        return [
            observed(
                f"Für {enumeration(missing)} ist in gremien.yaml kein Fachausschuss eingetragen; ob die "
                "Planungen abgestimmt sind, lässt sich so nicht beurteilen.",
                at("gremien.yaml", "gremien"),
                UNKNOWN,
                "Die zuständigen Ausschüsse in gremien.yaml eintragen (Feld 'art' oder 'sektoren').",
            )
        ]
    committees = _unique(c for group in planners.values() for c in group)
    if len(committees) == 1:
        return [
            observed(
                f"Jugendhilfe, Gesundheit und Soziales berät ein gemeinsamer Ausschuss: {committees[0].name}.",
                at("gremien.yaml", "gremien"),
                FULFILLED,
            )
        ]

    def reached(sittings: list[Sitting]) -> list[Committee]:
        return _unique(s.committee for s in sittings if s.committee in committees)

    def complete(sittings: list[Sitting]) -> bool:
        present = {s.committee.id for s in sittings}
        return all(any(c.id in present for c in group) for group in planners.values())

    since = add_months(on, -RECENT_MONTHS)
    deliberations = _deliberations(k)
    joint = [(d, d.held(since, on)) for d in deliberations]
    full = [(d, held) for d, held in joint if complete(held)]
    if full:
        deliberation, held = full[-1]
        return [
            observed(
                f"Gemeinsam beraten: Vorlage {deliberation.number} – {_sittings_text(held)}.",
                DELIBERATION_SOURCE,
                FULFILLED,
            )
        ]
    some = [(d, held) for d, held in joint if len(reached(held)) > 1]
    planned = [d for d in deliberations if len(reached(d.planned(on))) > 1]
    change = (
        f"Die gemeinsame Beratung ist vorgesehen: Vorlage {planned[0].number} – "
        f"{_sittings_text(planned[0].planned(on))}."
        if planned
        else "Eine gemeinsame Vorlage zu den Frühen Hilfen in allen drei Fachausschüssen beraten."
    )
    if some:
        deliberation, held = some[-1]
        absent = [c for c in committees if c not in reached(held)]
        return [
            observed(
                f"Vorlage {deliberation.number} wurde nur beraten in: {_names(reached(held))}; "
                f"nicht in: {_names(absent)}.",
                DELIBERATION_SOURCE,
                PARTIAL,
                change,
            )
        ]
    return [
        observed(
            f"In den letzten {RECENT_MONTHS} Monaten hat keine Vorlage zu den Frühen Hilfen "
            f"mehr als einen der Fachausschüsse erreicht ({_names(committees)}).",
            DELIBERATION_SOURCE,
            OPEN,
            change,
        )
    ]


# --- 5.2 Systemübergreifendes Gesamtkonzept ---------------------------------------------------


def _presented(k: Concept) -> Finding:
    """Whether every actor sits in a network body where this version was presented."""
    where = at("kommune.yaml", "konzept", "vorgestellt_in")
    if not k.version.presented_in:
        return observed(
            "Ob und wo diese Fassung im Netzwerk vorgestellt wurde, ist nicht erfasst.",
            where,
            UNKNOWN,
            "In kommune.yaml unter 'vorgestellt_in' die Netzwerkgremien eintragen, in "
            "denen die Fassung vorgestellt wurde.",
        )
    bodies = k.presented_in
    reached = {m for b in bodies for m in (b.chair, *b.members)}
    missing = [a for a in k.actors if a.id not in reached]
    text = (
        f"Vorgestellt in: {enumeration([b.name for b in bodies])}; damit kennen "
        f"{len(k.actors) - len(missing)} von {len(k.actors)} Akteuren die Fassung"
    )
    if not missing:
        return observed(f"{text}.", where, FULFILLED)
    best = max(k.network.bodies, key=lambda b: len({a.id for a in missing} & {b.chair, *b.members}))
    gain = len({a.id for a in missing} & {best.chair, *best.members})
    reach = "alle übrigen" if gain == len(missing) else f"{gain} der {len(missing)} übrigen"
    change = (
        f"Die Fassung auch vorstellen in: {best.name}; das erreicht {reach} Akteure."
        if gain
        else f"{_names(missing)} unmittelbar über die Fassung informieren."
    )
    return observed(
        f"{text}; noch nicht: {_names(missing)}.",
        where,
        coverage(len(k.actors) - len(missing), len(k.actors)),
        change,
    )


def _on_schedule(k: Concept, on: dt.date) -> Finding:
    """The concept is implemented: no measure is late to start or still running past its end."""
    late = [m for m in k.measures if m.status == "geplant" and m.period.start <= on]
    overrun = [m for m in k.measures if m.status == "laufend" and m.period.end is not None and m.period.end < on]
    where = at("massnahmen.yaml", "massnahmen", EVERY, "status")
    if not late and not overrun:
        status = k.measures_by_status
        return observed(
            f"Alle Maßnahmen liegen im Zeitplan: {count(len(status.get('laufend', [])), '', '', verb=('läuft', 'laufen'))}, "
            f"{count(len(status.get('geplant', [])), '', '', verb=('ist geplant', 'sind geplant'))}, "
            f"{count(len(status.get('abgeschlossen', [])), '', '', verb=('ist abgeschlossen', 'sind abgeschlossen'))}.",
            where,
            FULFILLED,
        )
    parts = ([f"noch nicht begonnen: {enumeration(k.measure_labels([m.id for m in late]))}"] if late else []) + (
        [f"über das geplante Ende hinaus laufend: {enumeration(k.measure_labels([m.id for m in overrun]))}"]
        if overrun
        else []
    )
    return observed(
        f"Nicht im Zeitplan – {'; '.join(parts)}.",
        where,
        coverage(len(k.measures) - len(late) - len(overrun), len(k.measures)),
        "Status und Zeitraum der Maßnahmen prüfen und in massnahmen.yaml nachtragen.",
    )


@RULES.rule("gemeinsam-entwickelt")
def developed_together(view: ReportingView) -> list[Finding]:
    """Actors of every sector wrote the version, the process is described, every actor has seen
    it, and the measures are being implemented on schedule."""
    k, on = view.concept, view.on
    version = k.version
    evidence = []
    if version.contributors:
        sectors = sorted({k.actor(a).sector for a in version.contributors})
        absent = [s for s in k.sectors if s not in sectors]
        text = (
            f"Mitgewirkt haben {len(version.contributors)} von {len(k.actors)} Akteuren aus "
            f"{len(sectors)} von {len(k.sectors)} Sektoren"
        )
        evidence.append(
            observed(
                f"{text}; ohne Beteiligung: {enumeration(absent)}." if absent else f"{text}.",
                at("kommune.yaml", "konzept", "mitwirkende"),
                coverage(len(k.sectors) - len(absent), len(k.sectors)),
                f"Akteure aus {enumeration(absent)} an der nächsten Fortschreibung beteiligen."
                if absent
                else None,
            )
        )
    else:
        evidence.append(
            observed(
                "Wer an dieser Fassung mitgewirkt hat, ist nicht eingetragen.",
                at("kommune.yaml", "konzept", "mitwirkende"),
                UNKNOWN,
                "In kommune.yaml unter 'mitwirkende' die beteiligten Akteure eintragen.",
            )
        )
    evidence.append(
        observed(
            "Wie die Fassung gemeinsam erarbeitet wurde, ist im Konzept beschrieben.",
            at("kommune.yaml", "konzept", "beteiligungsprozess"),
            FULFILLED,
        )
        if version.process
        else observed(
            "Das Konzept beschreibt nicht, wie die Fassung gemeinsam erarbeitet wurde.",
            at("kommune.yaml", "konzept", "beteiligungsprozess"),
            OPEN,
            "Den Beteiligungsprozess in kommune.yaml unter 'beteiligungsprozess' beschreiben.",
        )
    )
    evidence.append(_presented(k))
    evidence.append(_on_schedule(k, on))
    return evidence


@RULES.rule("zielgruppen-ziele-massnahmen")
def groups_goals_measures(view: ReportingView) -> list[Finding]:
    """Every target group has goals, every goal has measures, and measures reach the groups
    their goals name."""
    k = view.concept
    orphan_groups = [t for t in k.target_groups if not k.goals_for_target_group(t.id)]
    idle_goals = [g for g in k.goals if not k.measures_for_goal(g.id)]
    unreached = [t for t in k.target_groups if not any(t.id in m.target_groups for m in k.measures)]
    mismatched = [
        m for m in k.measures if not set(m.target_groups) & {t for g in m.goals for t in k.goal(g).target_groups}
    ]
    groups, goals = len(k.target_groups), len(k.goals)
    return [
        observed(
            f"Das Konzept beschreibt {count(groups, 'Zielgruppe', 'Zielgruppen')}, "
            f"{count(goals, 'Ziel', 'Ziele', 'ein')} mit Indikatoren und "
            f"{count(len(k.measures), 'Maßnahme', 'Maßnahmen')}.",
            at("zielgruppen.yaml", "zielgruppen"),
        ),
        observed(
            "Jede Zielgruppe ist mit Zielen verbunden."
            if not orphan_groups
            else f"Ohne Ziel: {enumeration([t.name for t in orphan_groups])}.",
            at("ziele.yaml", "ziele", EVERY, "zielgruppen"),
            coverage(groups - len(orphan_groups), groups),
            "Ziele für diese Zielgruppen vereinbaren (ziele.yaml)." if orphan_groups else None,
        ),
        observed(
            "Jedes Ziel wird mit mindestens einer Maßnahme verfolgt."
            if not idle_goals
            else f"Ohne Maßnahme: {enumeration(k.goal_labels(idle_goals))}.",
            at("massnahmen.yaml", "massnahmen", EVERY, "ziele"),
            coverage(goals - len(idle_goals), goals),
            "Maßnahmen zu diesen Zielen planen (massnahmen.yaml)." if idle_goals else None,
        ),
        observed(
            "Jede Zielgruppe wird von Maßnahmen erreicht, und jede Maßnahme richtet sich an "
            "Zielgruppen ihrer Ziele."
            if not unreached and not mismatched
            else "; ".join(
                (
                    [f"Von keiner Maßnahme erreicht: {enumeration([t.name for t in unreached])}"]
                    if unreached
                    else []
                )
                + (
                    [
                        f"Zielgruppen passen nicht zu den Zielen: "
                        f"{enumeration(k.measure_labels([m.id for m in mismatched]))}"
                    ]
                    if mismatched
                    else []
                )
            )
            + ".",
            at("massnahmen.yaml", "massnahmen", EVERY, "zielgruppen"),
            FULFILLED if not unreached and not mismatched else PARTIAL,
            "Zielgruppen der Maßnahmen und Ziele aufeinander abstimmen." if unreached or mismatched else None,
        ),
    ]


@RULES.rule("rollen-abstimmungswege")
def roles_and_paths(view: ReportingView) -> list[Finding]:
    """Every actor has a role, sits in a network body and has an agreed coordination path."""
    k = view.concept
    actors = len(k.actors)
    in_body = {m for b in k.network.bodies for m in (b.chair, *b.members)}
    outside = [a for a in k.actors if a.id not in in_body]
    on_path = {p.sender for p in k.network.paths} | {p.recipient for p in k.network.paths}
    pathless = [a for a in k.actors if a.id not in on_path]
    network = k.network
    return [
        observed(
            "Für alle Akteure sind Rolle und Zuständigkeiten beschrieben.",
            at("akteure.yaml", "akteure", EVERY, "rolle"),
            FULFILLED,
        ),
        observed(
            "Alle Akteure arbeiten in mindestens einem Netzwerkgremium mit."
            if not outside
            else f"In keinem Netzwerkgremium vertreten: {_names(outside)}.",
            at("netzwerk.yaml", "netzwerkgremien", EVERY, "mitglieder"),
            coverage(actors - len(outside), actors),
            f"{sentence_start(_these(outside))} in ein Netzwerkgremium aufnehmen." if outside else None,
        ),
        observed(
            "Für alle Akteure ist mindestens ein Abstimmungsweg vereinbart."
            if not pathless
            else f"Für {actors - len(pathless)} von {actors} Akteuren ist ein Abstimmungsweg "
            f"vereinbart; ohne: {_names(pathless)}.",
            at("netzwerk.yaml", "abstimmungswege"),
            coverage(actors - len(pathless), actors),
            f"Abstimmungswege für {_these(pathless)} vereinbaren und in netzwerk.yaml eintragen."
            if pathless
            else None,
        ),
        observed(
            f"Festgelegt sind {count(len(network.working_forms), 'Arbeitsform', 'Arbeitsformen')}"
            f" und {count(len(network.requirements), 'Anforderung', 'Anforderungen')} an die "
            "Zusammenarbeit.",
            at("netzwerk.yaml", "anforderungen"),
            FULFILLED,
        ),
    ]


@RULES.rule("rahmenbedingungen")
def working_conditions(view: ReportingView) -> list[Finding]:
    """Conditions are described for every actor, and freelance and volunteer actors get their
    network time compensated."""
    k = view.concept
    actors = len(k.actors)
    undescribed = [a for a in k.actors if not a.conditions]
    evidence = [
        observed(
            "Für alle Akteure sind die Rahmenbedingungen ihrer Mitarbeit beschrieben."
            if not undescribed
            else f"Rahmenbedingungen nicht beschrieben: {_names(undescribed)}.",
            at("akteure.yaml", "akteure", EVERY, "rahmenbedingungen"),
            coverage(actors - len(undescribed), actors),
            f"Rahmenbedingungen für {_these(undescribed)} in akteure.yaml beschreiben." if undescribed else None,
        )
    ]
    others = [a for a in k.actors if a.organisation_form != "Institution"]
    if not others:
        evidence.append(
            observed(
                "Alle Akteure arbeiten in Institutionen; freiberuflich oder "
                "ehrenamtlich Tätige sind nicht beteiligt.",
                at("akteure.yaml", "akteure", EVERY, "organisationsform"),
            )
        )
    for actor in others:
        status = _effort_status(k, actor)
        label = actor.name
        where = at("ressourcen.yaml", "netzwerkaufwand")
        if status is None:
            evidence.append(observed(f"{label}: kein Aufwand für Netzwerkarbeit angegeben.", where))
        elif status == OPEN:
            evidence.append(
                observed(
                    f"{label}: kein Ausgleich für {number(actor.network_hours, 0)} Stunden "
                    "Netzwerkarbeit im Jahr eingeplant.",
                    where,
                    OPEN,
                    f"Für {actor.name} einen Ausgleich der Netzwerkzeit einplanen.",
                )
            )
        else:
            evidence.append(
                observed(
                    f"{label}: {_hours(k, actor)} Netzwerkarbeit im Jahr sind eingeplant "
                    f"({k.effort.compensation(actor.id)}).",
                    where,
                    status,
                    None
                    if status == FULFILLED
                    else f"Für {actor.name} den eingeplanten Ausgleich an den Aufwand anpassen.",
                )
            )
    return evidence


@RULES.rule("fortschreibung")
def regular_update(view: ReportingView) -> list[Finding]:
    """The version is younger than its update cycle, and the next update is planned within it."""
    k, on = view.concept, view.on
    version = k.version
    cycle = every_years(version.update.cycle_years)
    cycle_end = version.cycle_end
    next_date = version.update.next_date
    evidence = [
        observed(
            f"Fassung {version.version} vom {german_date(version.date)} ist bei Fortschreibung "
            f"{cycle} bis {german_date(cycle_end)} aktuell.",
            at("kommune.yaml", "konzept", "stand"),
            FULFILLED,
        )
        if on <= cycle_end
        else observed(
            f"Fassung {version.version} vom {german_date(version.date)} ist älter als ihr Turnus "
            f"({cycle}); sie war bis {german_date(cycle_end)} fortzuschreiben.",
            at("kommune.yaml", "konzept", "stand"),
            OPEN,
            "Die Fortschreibung beginnen und die neue Fassung in kommune.yaml eintragen.",
        ),
    ]
    where = at("kommune.yaml", "konzept", "fortschreibung", "naechste")
    if next_date < on:
        evidence.append(
            observed(
                f"Der Termin der nächsten Fortschreibung ({german_date(next_date)}) ist verstrichen.",
                where,
                OPEN,
                "Einen neuen Termin für die Fortschreibung festlegen.",
            )
        )
    elif next_date <= cycle_end:
        evidence.append(
            observed(
                f"Die nächste Fortschreibung ist bis {german_date(next_date)} geplant, innerhalb des Turnus.",
                where,
                FULFILLED,
            )
        )
    else:
        evidence.append(
            observed(
                f"Die nächste Fortschreibung ist erst bis {german_date(next_date)} "
                f"geplant, nach dem Ende des Turnus ({german_date(cycle_end)}).",
                where,
                PARTIAL,
                f"Die Fortschreibung so planen, dass sie bis {german_date(cycle_end)} abgeschlossen ist.",
            )
        )
    return evidence


@RULES.rule("leitbild")
def guiding_principle(view: ReportingView) -> list[Finding]:
    """The concept refers to the NZFH's Leitbild and states its own local understanding."""
    k = view.concept
    principle = k.guiding_principle
    principles = (
        f", mit {count(len(principle.principles), 'Leitsatz', 'Leitsätzen', 'einem')}"
        if principle.principles
        else ""
    )
    return [
        observed(
            "Das Konzept bezieht sich ausdrücklich auf das Leitbild Frühe Hilfen des NZFH.",
            at("kommune.yaml", "leitbild", "bezug_nzfh"),
            FULFILLED,
        )
        if principle.national
        else observed(
            "Das Konzept nennt das Leitbild Frühe Hilfen des NZFH nicht als Orientierung.",
            at("kommune.yaml", "leitbild", "bezug_nzfh"),
            OPEN,
            "Klären, wie das Leitbild des NZFH das eigene Verständnis stützt, und den Bezug "
            "festhalten ('bezug_nzfh: true').",
        ),
        observed(
            f"Ein eigenes Verständnis vor Ort ist beschrieben{principles}.",
            at("kommune.yaml", "leitbild"),
            FULFILLED,
        )
        if principle.text or principle.principles
        else observed(
            "Ein eigenes, auf die Verhältnisse vor Ort bezogenes Verständnis ist nicht beschrieben.",
            at("kommune.yaml", "leitbild"),
            OPEN,
            "Das eigene Verständnis unter 'leitbild' ('text' oder 'leitsaetze') beschreiben.",
        ),
    ]


# --- 5.3 Ressourcen für die Frühen Hilfen -----------------------------------------------------


@RULES.rule("gemeinsame-ressourcenplanung")
def joint_resource_planning(view: ReportingView) -> list[Finding]:
    """A joint overview of the money has been discussed in every committee that holds some."""
    k, on = view.concept, view.on
    year = _budget_year(k, on)
    holders = [c for c in k.budget.committees if k.budget.expense_total(year, committee=c.id)]
    evidence = [
        observed(
            f"Aufwand {year} nach zuständigem Ausschuss: "
            + "; ".join(f"{c.name} {euro(k.budget.expense_total(year, committee=c.id))}" for c in holders)
            + ".",
            at("ressourcen.yaml", "aufwand", EVERY, "ausschuss"),
        )
    ]
    overviews = {p.number for p in k.papers if "ressourcenplanung" in p.blocks}
    since = add_months(on, -RECENT_MONTHS)
    deliberations = _deliberations(k, overviews)
    for deliberation in deliberations:
        held = deliberation.held(since, on)
        if all(c in [s.committee for s in held] for c in holders):
            evidence.append(
                observed(
                    f"Die gemeinsame Übersicht {deliberation.number} wurde beraten: {_sittings_text(held)}.",
                    DELIBERATION_SOURCE,
                    FULFILLED,
                )
            )
            return evidence
    planned = [d for d in deliberations if d.planned(on)]
    evidence.append(
        observed(
            f"In den letzten {RECENT_MONTHS} Monaten wurde keine gemeinsame Übersicht der Mittel in "
            "allen Ausschüssen beraten, die Mittel für die Frühen Hilfen verantworten.",
            DELIBERATION_SOURCE,
            OPEN,
            f"Die gemeinsame Übersicht {planned[0].number} ist zur Beratung vorgesehen: "
            f"{_sittings_text(planned[0].planned(on))}."
            if planned
            else "Eine Vorlage mit dem Baustein 'ressourcenplanung' für alle Ausschüsse anlegen, die Mittel "
            "verantworten (vorlagen/*.yaml).",
        )
    )
    return evidence


@RULES.rule("haushaltsberatungen")
def budget_coordination(view: ReportingView) -> list[Finding]:
    """Jugendhilfe-, Gesundheits- and Sozialausschuss agreed before the last budget deliberations."""
    k, on = view.concept, view.on
    entries = k.resources.budget_coordination
    where = at("ressourcen.yaml", "haushaltsabstimmung")
    if not entries:
        return [
            observed(
                "Ob Jugendhilfe-, Gesundheits- und Sozialausschuss ihre Haushaltsberatungen "
                "abgestimmt vorbereiten, ist nicht erfasst.",
                where,
                UNKNOWN,
                "In ressourcen.yaml unter 'haushaltsabstimmung' eintragen, wann sich welche "
                "Ausschüsse für welches Haushaltsjahr abgestimmt haben.",
            )
        ]
    recent = [e for e in entries if add_months(on, -12) < e.date <= on]
    if not recent:
        earlier = [e for e in entries if e.date <= on]
        last = f"; die letzte eingetragene war am {german_date(max(e.date for e in earlier))}" if earlier else ""
        return [
            observed(
                f"In den zwölf Monaten vor dem Stichtag haben sich die Ausschüsse nicht "
                f"zu den Haushaltsberatungen abgestimmt{last}.",
                where,
                OPEN,
                "Vor den nächsten Haushaltsberatungen eine Abstimmung der Ausschüsse verabreden.",
            )
        ]
    planners = _unique(c for group in _planners(k).values() for c in group)
    joined = {c for e in recent for c in e.committees}
    absent = [c for c in planners if c.id not in joined]
    latest = max(recent, key=lambda e: e.date)
    text = (
        f"Am {german_date(latest.date)} haben "
        f"{_names(k.committee(c) for c in latest.committees)} die Haushaltsberatungen "
        f"{latest.budget_year} abgestimmt ({latest.form})"
    )
    if not absent:
        return [observed(f"{text}.", where, FULFILLED)]
    return [
        observed(
            f"{text}; nicht beteiligt: {_names(absent)}.",
            where,
            PARTIAL,
            f"{_names(absent)} in die Abstimmung vor den Haushaltsberatungen einbeziehen.",
        )
    ]


@RULES.rule("kooperationsauflagen")
def cooperation_requirements(view: ReportingView) -> list[Finding]:
    """The municipality's own grants to Träger (Bewilligungen, Leistungsvereinbarungen) for
    Frühe Hilfen ask for cooperation in the network."""
    k, on = view.concept, view.on
    year = _budget_year(k, on)
    grants = [e for e in k.budget.expense_lines if e.year == year and e.kind == "Zuwendung an Träger"]
    where = at("ressourcen.yaml", "aufwand", EVERY, "kooperationsauflagen")
    if not grants:
        return [
            observed(
                f"{year} sind keine Zuwendungen an Träger eingetragen; ob eigene Bewilligungen und "
                "Leistungsvereinbarungen Zusammenarbeit verlangen, lässt sich so nicht beurteilen.",
                where,
                UNKNOWN,
                "Zuwendungen und Leistungsentgelte an Träger in ressourcen.yaml als Aufwand der Art 'Zuwendung an "
                "Träger' eintragen, mit den Anforderungen an die Zusammenarbeit unter 'kooperationsauflagen'.",
            )
        ]
    without = [e for e in grants if not e.cooperation_requirements]
    names = enumeration(
        [f"{k.organisation(e.recipient).name if e.recipient else '?'} – {e.title}" for e in without]
    )
    text = (
        f"{year}: {len(grants) - len(without)} von {count(len(grants), 'Zuwendung', 'Zuwendungen')} an Träger "
        "verlangen in Bewilligung oder Leistungsvereinbarung ausdrücklich Zusammenarbeit im Netzwerk"
    )
    return [
        observed(
            f"{text}; ohne solche Anforderungen: {names}." if without else f"{text}.",
            where,
            coverage(len(grants) - len(without), len(grants)),
            "Bei der nächsten Bewilligung oder Leistungsvereinbarung Anforderungen an die Zusammenarbeit im "
            "Netzwerk aufnehmen."
            if without
            else None,
        )
    ]


@RULES.rule("netzwerkaufwand")
def network_effort(view: ReportingView) -> list[Finding]:
    """The network time of every actor is budgeted in full."""
    k = view.concept
    active = [a for a in k.actors if a.network_hours > 0]
    where = at("ressourcen.yaml", "netzwerkaufwand")
    if not active:
        return [
            observed(
                "Für keinen Akteur ist ein Aufwand für Netzwerkarbeit angegeben.",
                at("akteure.yaml", "akteure", EVERY, "netzwerkaufwand_stunden"),
                UNKNOWN,
                "In akteure.yaml 'netzwerkaufwand_stunden' angeben.",
            )
        ]
    by_status = {s: [a for a in active if _effort_status(k, a) == s] for s in (OPEN, PARTIAL, FULFILLED)}
    evidence = [
        observed(
            f"Die Akteure wenden zusammen rund {number(k.effort.total_network_hours, 0)} Stunden im Jahr für "
            f"Netzwerkarbeit auf; eingeplant sind {number(k.effort.total_budgeted_hours, 0)} Stunden.",
            where,
        )
    ]
    if by_status[OPEN]:
        evidence.append(
            observed(
                f"Für {count(len(by_status[OPEN]), 'Akteur', 'Akteure', 'einen')} ist kein "
                f"Netzwerkaufwand eingeplant: {_names(by_status[OPEN])}.",
                where,
                OPEN,
                f"Netzwerkaufwand für {_these(by_status[OPEN])} in der Ressourcenplanung vorsehen "
                "(ressourcen.yaml: netzwerkaufwand).",
            )
        )
    if by_status[PARTIAL]:
        evidence.append(
            observed(
                "Nur teilweise eingeplant: "
                + enumeration([f"{a.name} ({_hours(k, a)})" for a in by_status[PARTIAL]])
                + ".",
                where,
                PARTIAL,
                f"Den eingeplanten Umfang für {_names(by_status[PARTIAL])} an den Aufwand anpassen.",
            )
        )
    if by_status[FULFILLED]:
        evidence.append(
            observed(
                f"Vollständig eingeplant ist der Aufwand für {len(by_status[FULFILLED])} von "
                f"{len(active)} Akteuren.",
                where,
                FULFILLED,
            )
        )
    return evidence
