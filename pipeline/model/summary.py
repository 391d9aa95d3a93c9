"""'Das Wichtigste in Kürze': the one page at the start of the concept, from the model alone.

Who the Frühen Hilfen are for, what the network wants to reach and how far the indicators have
come, the measures by status, the money per year with the Zuschussbedarf, and how far the
concept is anchored in politics – counted here so the page and the chapters never disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pipeline.formatting import enumeration, german_date, of_decisions, papers_text
from pipeline.model.inputs import Committee, Decision, Goal, TargetGroup
from pipeline.model.resources import Balance

if TYPE_CHECKING:
    from pipeline.model.concept import Concept
    from pipeline.model.reporting import CommitteeReporting

#: How an indicator reads against its target (Indicator.assessment), in the order a reader
#: wants them: what is reached first, what has no value since its baseline last.
READINGS = (
    "erreicht",
    "auf dem Weg",
    "hinter dem Zielpfad",
    "unverändert",
    "rückläufig",
    "verfehlt",
    "bisher nur Ausgangswert",
)
#: What a reading means, for the legend under a table of indicators in a committee paper (the
#: others say what they mean). The Zielpfad: Indicator.behind_path.
READING_MEANINGS = {
    # 'ein Zehntel des Wegs' read as of the time or of the way gone (council member): of the distance
    # from baseline to target, as Indicator.behind_path reckons it; the Zielpfad in a sentence of its own
    "auf dem Weg": (
        "Der Wert hat sich verbessert und bleibt höchstens um ein Zehntel des Abstands zwischen Ausgangs- und "
        "Zielwert hinter dem Zielpfad zurück. Der Zielpfad ist eine gleichmäßige Entwicklung vom Ausgangswert über "
        "etwaige Zwischenziele zum Zielwert."
    ),
    "hinter dem Zielpfad": (
        "Der Wert hat sich verbessert, aber langsamer als geplant; er bleibt um mehr als ein Zehntel des Abstands "
        "zwischen Ausgangs- und Zielwert hinter dem Zielpfad{path} zurück."
    ),
    "unverändert": "Der Wert ist derselbe wie der Ausgangswert.",
    "rückläufig": "Der Wert hat sich gegenüber dem Ausgangswert verschlechtert.",
    "bisher nur Ausgangswert": "Gemessen ist bisher nur der Ausgangswert.",
}


#: The Zielpfad's definition where 'hinter dem Zielpfad' stands without 'auf dem Weg', which
#: defines it already (said once suffices).
_PATH = " (gleichmäßig vom Ausgangswert über etwaige Zwischenziele zum Zielwert)"


def reading_legend(readings: list[str]) -> list[tuple[str, str]]:
    """The readings that occur, each once with its meaning, in the order of :data:`READINGS`;
    the Zielpfad is defined once, in the first reading that names it."""
    path = "" if "auf dem Weg" in readings else _PATH
    return [
        (reading, READING_MEANINGS[reading].replace("{path}", path))
        for reading in READINGS
        if reading in readings and reading in READING_MEANINGS
    ]


#: Readings whose goals the summary names: the reader wants to know which.
NAMED_READINGS = ("hinter dem Zielpfad", "unverändert", "rückläufig", "verfehlt", "bisher nur Ausgangswert")

MEASURE_STATUSES = ("laufend", "geplant", "abgeschlossen")
DECISION_STATUSES = ("umgesetzt", "in Umsetzung", "offen")


@dataclass(frozen=True)
class YearMoney:
    """One budget year for the summary: the state of its budget and its balance."""

    year: int
    status: str | None
    balance: Balance


def _counted(values: list[str], order: tuple[str, ...]) -> list[tuple[str, int]]:
    """(value, how often) for the values present, in the given order."""
    return [(value, values.count(value)) for value in order if value in values]


class Summary:
    """The facts of the page 'Das Wichtigste in Kürze'."""

    def __init__(self, concept: Concept) -> None:
        self.concept = concept

    @property
    def target_groups(self) -> list[TargetGroup]:
        return self.concept.target_groups

    @property
    def impact_goals(self) -> list[Goal]:
        return self.concept.impact_goals

    @property
    def impact_goal_names(self) -> list[str]:
        """'Z1 Frühzeitiger Zugang zu den Frühen Hilfen' for each Wirkungsziel."""
        return [self.concept.goal_label(g) for g in self.impact_goals]

    @property
    def action_goal_count(self) -> int:
        return sum(1 for g in self.concept.goals if g.kind == "Handlungsziel")

    @property
    def indicator_count(self) -> int:
        return len(self.concept.indicator_pairs)

    @property
    def indicator_readings(self) -> list[tuple[str, int]]:
        """How many indicators have reached their target, are on their way … (present readings only)."""
        return _counted([i.assessment for _, i in self.concept.indicator_pairs], READINGS)

    def goals_reading(self, reading: str) -> list[str]:
        """The numbers of the goals whose indicators read so ('Z1.1, Z3.1'), for the readings a
        council member asks 'which ones?' about: behind, standing still, falling, missed. None where
        every indicator reads so ('alle … (zu den Zielen Z1, Z1.1, …)' named every goal)."""
        if reading not in NAMED_READINGS:
            return []
        pairs = self.concept.indicator_pairs
        goals = [g.id for g, i in pairs if i.assessment == reading]
        if len(goals) == len(pairs):
            return []
        return self.concept.goal_labels(list(dict.fromkeys(goals)))

    @property
    def measures_by_status(self) -> list[tuple[str, int]]:
        return _counted([m.status for m in self.concept.measures], MEASURE_STATUSES)

    @property
    def planned_measures(self) -> list[str]:
        """'M11 Abgestimmter Übergang …' for every planned measure: what comes next."""
        return self.concept.measure_labels([m.id for m in self.concept.measures if m.status == "geplant"])

    @property
    def money(self) -> list[YearMoney]:
        budget = self.concept.budget
        return [YearMoney(y, budget.status(y), budget.balance(y)) for y in budget.years_ahead]

    @property
    def total(self) -> Balance:
        return self.concept.budget.balance()

    @property
    def regular_bodies(self) -> list[Committee]:
        """Political bodies with a fixed reporting cycle for the Frühen Hilfen."""
        return [c for c in self.concept.responsible_bodies if c.reports_regularly]

    @property
    def overdue_reports(self) -> list[CommitteeReporting]:
        """Regular reports overdue on the concept's Stand, each with the day it fell due: 'steht
        ein Bericht aus' alone understated a report missing for three years (Kreistag review)."""
        return [r for r in self.concept.reporting.schedule if r.overdue]

    @property
    def due_reports(self) -> list[CommitteeReporting]:
        """Bodies whose report has fallen due but who have not met since: it is due at their next
        sitting, not overdue – the summary says so, beside the indicators that count it as missing."""
        return [r for r in self.concept.reporting.schedule if r.due_passed and not r.overdue]

    @property
    def reports_due_together(self) -> tuple[int, str]:
        """Where one regular report is overdue and the reports back on decisions of the same body,
        overdue too, are planned in a paper for the same sitting: how many reports that paper
        brings and which – 'der regelmäßige Bericht und der Bericht über die Umsetzung des
        Beschlusses M 212/2020 (beide fällig seit dem 22.06.2026)' –, counted as the quality chapter
        counts them but said in one sentence (review of a Große Kreisstadt: „zudem fehlt der Bericht
        …“ with the same day and paper read as a further gap). (0, '') where that is not so."""
        joined = [(f"der Bericht über die Umsetzung {of_decisions([d.number])}", due) for d, due in self._joined()]
        if not joined:
            return 0, ""
        report = self.overdue_reports[0]
        reports = [("der regelmäßige Bericht", report.due), *joined]
        # the days are reckoned from the body's cycle, no decision sets them: said so (council member)
        if len({due for _, due in reports}) == 1:
            every = "beide" if len(reports) == 2 else "alle"
            said = (
                f"{enumeration([r for r, _ in reports])} ({every} laut Berichtsturnus seit dem "
                f"{german_date(report.due)} fällig)"
            )
        else:
            said = enumeration(
                [f"{r} (laut Berichtsturnus seit dem {german_date(due)} fällig)" for r, due in reports]
            )
        return len(reports), said

    def _joined(self) -> list[tuple[Decision, dt.date]]:
        """The overdue reports back on decisions that one planned paper brings with the only overdue
        regular report of the same body (see :attr:`reports_due_together`)."""
        if len(self.overdue_reports) != 1:
            return []
        report, view = self.overdue_reports[0], self.concept.reporting
        return [
            (decision, due)
            for decision, due in view.overdue_decision_reports
            if decision.committee == report.committee.id
            and (planned := view.planned_report_on(decision)) is not None
            and planned.date == report.next_sitting
            and planned.paper.number in report.prepared
        ]

    def overdue_decision_clause(self, also: bool) -> str:
        """'zudem fehlt der Bericht an den Ausschuss für Soziales und Teilhabe über die Umsetzung
        von SA/2022/019 (fällig seit dem 15.09.2024; vorgesehen für die Sitzung am 03.12.2026,
        Vorlage SA/2026/041)': the reports back on decisions that are overdue, said beside the
        regular ones so the summary counts what the quality chapter counts (a Kreistag member read
        one overdue report here, two there); 'zudem' only after `also` other reports; empty if none."""
        view = self.concept.reporting
        # those said with the regular report already (reports_due_together)
        joined = {d.id for d, _ in self._joined()}
        late = [(d, due) for d, due in view.overdue_decision_reports if d.id not in joined]
        if not late:
            return ""
        parts = []
        for decision, due in late:
            planned = view.planned_report_on(decision)
            when = (
                f"; vorgesehen für die Sitzung am {german_date(planned.date)}, {papers_text([planned.paper.number])}"
                if planned is not None
                else ""
            )
            parts.append(
                f"der Bericht an {self.concept.committee(decision.committee).forms.acc} über die Umsetzung von "
                f"{decision.number} (seit dem {german_date(due)} fällig, {view.decision_due_basis(decision)}{when})"
            )
        verb = "fehlt" if len(parts) == 1 else "fehlen"
        return f"{'zudem' if also else 'es'} {verb} {enumeration(parts)}"

    @property
    def decisions(self) -> list[Decision]:
        return self.concept.decisions

    @property
    def decisions_by_status(self) -> list[tuple[str, int]]:
        return _counted([d.status for d in self.concept.decisions], DECISION_STATUSES)
