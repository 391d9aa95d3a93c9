"""Stage 3, reporting calendar: when each body is due for a Frühe Hilfen report.

The quality dimension asks that Frühe Hilfen are regularly on the agenda of the committees and
the council, and that the bodies hear how their decisions are implemented. This view reads the
reporting cycles, past reports and planned papers and says, for a reference date, what is due,
what is planned and what has slipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pipeline.formatting import every_months, german_date
from pipeline.model import Committee, Concept, Decision, Paper, add_months

#: A report due within this many days and not yet planned is worth a warning.
DUE_SOON_DAYS = 120


@dataclass(frozen=True)
class PlannedPaper:
    date: dt.date
    committee: Committee
    paper: Paper
    role: str


@dataclass(frozen=True)
class CommitteeSchedule:
    """One body's reporting state on the reference date."""

    committee: Committee
    last_report: dt.date | None
    due: dt.date
    upcoming: list[PlannedPaper]

    @property
    def next_planned(self) -> PlannedPaper | None:
        return self.upcoming[0] if self.upcoming else None

    @property
    def next_papers(self) -> list[PlannedPaper]:
        """All papers of the next meeting that has any."""
        return [p for p in self.upcoming if p.date == self.upcoming[0].date]

    @property
    def needs_paper(self) -> bool:
        """No paper is planned for this body before its report falls due."""
        return self.next_planned is None or self.next_planned.date > self.due

    @property
    def cycle(self) -> str:
        return every_months(self.committee.report_cycle_months)


@dataclass(frozen=True)
class Notice:
    """A warning for the coordinator, with the file to look at."""

    file: str
    message: str


def planned_papers(concept: Concept) -> list[PlannedPaper]:
    """Every consultation of every paper, in date order."""
    planned = [
        PlannedPaper(c.date, concept.committee(c.committee), paper, c.role)
        for paper in concept.papers
        for c in paper.consultations
    ]
    return sorted(planned, key=lambda p: (p.date, p.committee.name, p.paper.number))


def schedule(concept: Concept, on: dt.date) -> list[CommitteeSchedule]:
    result = []
    for committee in concept.committees:
        past = concept.report_dates(committee.id, on)
        last = past[-1] if past else None
        due = add_months(last, committee.report_cycle_months) if last else on
        upcoming = [p for p in planned_papers(concept) if p.committee.id == committee.id and p.date > on]
        result.append(CommitteeSchedule(committee, last, due, upcoming))
    return result


def _committee_notices(item: CommitteeSchedule, on: dt.date) -> list[Notice]:
    name = item.committee.name
    if item.last_report is None:
        planned = (
            f"die erste Vorlage ({item.next_planned.paper.number}) kommt am {german_date(item.next_planned.date)}"
            if item.next_planned
            else "keine Vorlage geplant"
        )
        return [Notice("gremien.yaml", f"{name}: bisher kein Bericht über Frühe Hilfen; {planned}.")]
    since = f"seit dem letzten Bericht am {german_date(item.last_report)}"
    if item.due < on and item.next_planned is None:
        return [
            Notice(
                "gremien.yaml",
                f"{name}: {since} kein Bericht über Frühe Hilfen, fällig war er "
                f"bis {german_date(item.due)} ({item.cycle}); keine Vorlage geplant.",
            )
        ]
    if item.due < on:
        return [
            Notice(
                "vorlagen/",
                f"{name}: Bericht überfällig seit {german_date(item.due)}; die nächste "
                f"Vorlage ({item.next_planned.paper.number}) kommt erst am "
                f"{german_date(item.next_planned.date)}.",
            )
        ]
    if item.needs_paper and (item.due - on).days <= DUE_SOON_DAYS:
        meetings = [d for d in item.committee.meetings if on < d <= item.due]
        hint = (
            f"passende Sitzung: {german_date(meetings[-1])}"
            if meetings
            else "vor diesem Termin ist keine Sitzung eingetragen"
        )
        return [
            Notice(
                "vorlagen/",
                f"{name}: nächster Bericht fällig bis {german_date(item.due)}, noch keine "
                f"Vorlage geplant ({hint}).",
            )
        ]
    return []


def _decision_notices(concept: Concept, decision: Decision, on: dt.date) -> list[Notice]:
    """Decisions not yet implemented need a report back to the body that took them."""
    if decision.status == "umgesetzt":
        return []
    committee = concept.committee(decision.committee)
    reported = [d for d in concept.report_dates(committee.id, dt.date.max) if d > decision.date]
    notices = []
    if not reported:
        notices.append(
            Notice(
                "gremien.yaml",
                f"Beschluss {decision.number} ({decision.status}): noch kein "
                f"Bericht über die Umsetzung an „{committee.name}“, und keine "
                "Vorlage ist geplant.",
            )
        )
    if not decision.progress:
        notices.append(
            Notice(
                "gremien.yaml",
                f"Beschluss {decision.number}: kein Umsetzungsstand beschrieben ('umsetzungsstand').",
            )
        )
    return notices


def notices(concept: Concept, on: dt.date) -> list[Notice]:
    found = [n for item in schedule(concept, on) for n in _committee_notices(item, on)]
    found += [n for d in concept.decisions for n in _decision_notices(concept, d, on)]
    return found
