"""The reporting calendar: which body heard about Frühe Hilfen when, and when it is due again.

The quality dimension asks that Frühe Hilfen are regularly on the agenda of the committees and
the council, and that the bodies hear how their decisions are implemented. :class:`ReportingView`
reads the reporting cycles, past reports and planned papers as they stand on a reference date;
`gesamtkonzept plan` prints it with its :data:`NOTICES`, and the quality rules of `check` read
the same view, so the two never count differently.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from pipeline.findings import WARNING, Finding, Place, RuleSet
from pipeline.formatting import bracketed, every_months, german_date, of_decisions
from pipeline.model.inputs import Committee, Decision, Paper
from pipeline.model.types import REFERRAL, add_months

if TYPE_CHECKING:
    from pipeline.model.concept import Concept

#: A report due within this many days and not yet planned is worth a warning.
DUE_SOON_DAYS = 120
#: A sitting of the body preparing the council's decisions this close before a council decision
#: is taken as the one that prepared it.
PREPARED_WITHIN_DAYS = 90


class Hearing(NamedTuple):
    """A body dealing with Frühe Hilfen: when and on what. `before`: the day is not known, only
    that it was before `date` (the body preparing a council decision, where gremien.yaml lists
    no sitting of it shortly before)."""

    date: dt.date
    subject: str
    before: bool = False

    @property
    def shown(self) -> str:
        """'10.09.2026: Beschluss …', or 'vor dem 18.12.2025: …' where only that is known."""
        before = "vor dem " if self.before else ""
        return f"{before}{german_date(self.date)}: {self.subject}"


@dataclass(frozen=True)
class PlannedPaper:
    """One consultation of a paper: when, in which body, in what role."""

    date: dt.date
    committee: Committee
    paper: Paper
    role: str


@dataclass(frozen=True)
class CommitteeReporting:
    """One body's reporting state on the reference date."""

    committee: Committee
    on: dt.date
    reports: tuple[dt.date, ...]
    due: dt.date
    upcoming: tuple[PlannedPaper, ...]

    @property
    def last_report(self) -> dt.date | None:
        return self.reports[-1] if self.reports else None

    @property
    def reports_last_year(self) -> int:
        """Reports in the twelve months up to the reference date."""
        return sum(1 for d in self.reports if d > add_months(self.on, -12))

    @property
    def due_passed(self) -> bool:
        """The cycle since the last report has run out (whether or not the body met since)."""
        return self.last_report is not None and self.due < self.on

    @property
    def calendar_known(self) -> bool:
        """gremien.yaml lists sittings of this body; without them nobody can say whether a
        report could have been given."""
        return bool(self.committee.meetings)

    @property
    def missed_sittings(self) -> list[dt.date]:
        """Sittings held after the report fell due, up to the reference date: each was a
        chance to report that passed without one."""
        if not self.due_passed:
            return []
        return sittings_between(self.committee, self.due, self.on)

    @property
    def overdue(self) -> bool:
        """A report is overdue only once the body has met after it fell due and heard none;
        a body that has not met since is waiting for its next sitting, not behind."""
        return bool(self.missed_sittings)

    @property
    def next_sitting(self) -> dt.date | None:
        """The body's first recorded sitting after the reference date."""
        return next((d for d in sorted(self.committee.meetings) if d > self.on), None)

    @property
    def prepared(self) -> list[str]:
        """The numbers of the papers planned for the body's next sitting: a report due or overdue
        is prepared (a Kreistag reader found a report 'fällig' with no word of the paper that
        brings it)."""
        sitting = self.next_sitting
        return [p.paper.number for p in self.upcoming if p.date == sitting] if sitting else []

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
        cycle = self.committee.report_cycle_months
        return every_months(cycle) if cycle else "ohne festen Turnus"


#: Which paper of a sitting is a report: a Sachstandsbericht before an Informationsvorlage before
#: the others (a Bavarian Kreisrat: the Beschlussvorlage and the Sachstandsbericht of the same JHA
#: sitting both said they were the report on two decisions).
REPORT_RANK = {"Sachstandsbericht": 0, "Informationsvorlage": 1}


def report_order(paper: Paper, decision: Decision) -> tuple[int, bool, str]:
    """The order in which papers of one sitting are the report on a decision: by their kind, then
    the one that chose the decision itself, then by number."""
    return REPORT_RANK.get(paper.kind, 2), decision.id not in paper.named_decisions, paper.number


def sittings_between(committee: Committee, start: dt.date, end: dt.date) -> list[dt.date]:
    """The body's recorded sittings from `start` to `end`, both included, in order."""
    return sorted(d for d in committee.meetings if start <= d <= end)


def recorded_only_from(committee: Committee, day: dt.date) -> dt.date | None:
    """The body's first recorded sitting where its calendar begins after `day`: whether it met
    since that day is then unknown (RLP review: a calendar of coming sittings only read as 'hat
    nicht getagt' for a Stadtrat two years overdue). None where the calendar reaches back to it."""
    first = min(committee.meetings, default=None)
    return first if first is not None and first > day else None


class ReportingView:
    """The concept's bodies, reports and planned papers as they stand on a reference date."""

    def __init__(self, concept: Concept, on: dt.date) -> None:
        self.concept = concept
        self.on = on

    @cached_property
    def planned_papers(self) -> list[PlannedPaper]:
        """Every consultation of every paper, in date order – but the council's referral to its
        committees: it hears the paper, and its reports, when it decides (Berlin review)."""
        concept = self.concept
        planned = [
            PlannedPaper(c.date, concept.committee(c.committee), paper, c.role)
            for paper in concept.papers
            for c in paper.consultations
            if c.role != REFERRAL
        ]
        return sorted(planned, key=lambda p: (p.date, p.committee.name, p.paper.number))

    def hearings(
        self, committee_id: str, until: dt.date | None = None, *, decisions: bool = True
    ) -> list[Hearing]:
        """When a body dealt with Frühe Hilfen up to a date (the reference date unless given), and
        on what: the reports recorded in gremien.yaml, the decisions it took (a decision is a
        hearing too – a council member would object to 'no report since' the day after one) and
        the council papers discussed there."""
        until = until or self.on
        concept = self.concept
        found = [Hearing(r.date, r.topic) for r in concept.committee(committee_id).reports]
        if decisions:
            found += [
                Hearing(d.date, f"Beschluss {d.number}: {d.title}")
                for d in concept.decisions
                if d.committee == committee_id
            ]
            found += self._prepared_decisions(committee_id)
        found += [
            Hearing(p.date, f"{concept.paper_kind(p.paper.kind)} {p.paper.number}: {p.paper.subject}")
            for p in self.planned_papers
            if p.committee.id == committee_id
        ]
        return sorted(h for h in found if h.date <= until)

    def _prepared_decisions(self, committee_id: str) -> list[Hearing]:
        """The council's decisions, where this body is the one the Land's law has prepare them
        all (the Kreisausschuss in Niedersachsen, § 76 Abs. 1 NKomVG): it dealt with each, at its
        last listed sitting shortly before, or some day before where gremien.yaml lists none (a
        finance committee member read the Kreisausschuss's last hearing as a year before the
        Kreistag decision it had prepared)."""
        concept = self.concept
        preparing, council = concept.preparing_committee, concept.council
        if preparing is None or council is None or preparing.id != committee_id:
            return []
        # one colon in the cell, after the day (Lektorat)
        prepared = [
            (d.date, f"Vorbereitung {of_decisions([d.number])} {council.forms.gen} {bracketed(d.title)}")
            for d in concept.decisions
            if d.committee == council.id
        ]
        procedure = concept.procedure
        if procedure is not None and procedure.preparation.scope != "Beschlüsse":
            # it prepares every deliberation, a report taken note of too (Art. 26 Satz 2 LKrO; Bavarian
            # review: the Kreistag's report of 2025 left the Kreisausschuss's last dealing in 2021)
            prepared += [
                (r.date, f"Vorbereitung der Beratung {council.forms.gen}: {r.topic}") for r in council.reports
            ]
        found = []
        for day, subject in prepared:
            start = day - dt.timedelta(days=PREPARED_WITHIN_DAYS)
            sittings = [s for s in preparing.meetings if start <= s < day]
            found.append(Hearing(max(sittings), subject) if sittings else Hearing(day, subject, before=True))
        return found

    def report_dates(self, committee_id: str, until: dt.date | None = None) -> list[dt.date]:
        """The days a body heard a report on Frühe Hilfen, each once: the reports of gremien.yaml
        and the papers discussed there. A decision on one matter starts no new reporting cycle
        (it is a hearing – 'Letzte Befassung' shows it – but no report on the implementation)."""
        return sorted({h.date for h in self.hearings(committee_id, until, decisions=False)})

    def last_hearing(self, committee_id: str) -> Hearing | None:
        """The latest hearing up to the reference date, with its subject."""
        found = self.hearings(committee_id)
        return found[-1] if found else None

    def next_meeting(self, committee_id: str) -> dt.date | None:
        """The body's first sitting after the reference date."""
        return self.of(self.concept.committee(committee_id)).next_sitting

    def of(self, committee: Committee) -> CommitteeReporting:
        reports = tuple(self.report_dates(committee.id))
        cycle = committee.report_cycle_months
        due = add_months(reports[-1], cycle) if reports and cycle else self.on
        upcoming = tuple(p for p in self.planned_papers if p.committee.id == committee.id and p.date > self.on)
        return CommitteeReporting(committee, self.on, reports, due, upcoming)

    @cached_property
    def schedule(self) -> list[CommitteeReporting]:
        """Every body's reporting state, in the order of gremien.yaml."""
        return [self.of(c) for c in self.concept.committees if c.reports_regularly]

    def reported_since(self, decision: Decision, until: dt.date | None = None) -> list[dt.date]:
        """Reports to the deciding body after a decision, up to a date (the reference date): the
        recorded reports and papers, not its later decisions – another decision says nothing about
        how this one is carried out."""
        found = self.hearings(decision.committee, until, decisions=False)
        return sorted({h.date for h in found if h.date > decision.date})

    def decision_report_due(self, decision: Decision) -> dt.date:
        """When the deciding body is next to hear how a decision is carried out: by the deadline
        the decision sets itself, until a report after the decision has been given (Berlin review:
        „der BVV bis Ende 2026 zu berichten“ stood beside „fällig bis zum 20.03.2027“, reckoned from
        the cycle); else a cycle after the last report on it, or after the decision (a year where
        the body keeps no cycle) – a report once given does not settle a decision still being
        implemented."""
        later = self.reported_since(decision)
        if decision.report_by is not None and not later:
            return decision.report_by
        committee = self.concept.committee(decision.committee)
        return add_months(max(later) if later else decision.date, committee.report_cycle_months or 12)

    def due_by_decision(self, decision: Decision) -> bool:
        """The decision's own deadline sets the day its report falls due (see decision_report_due)."""
        return decision.report_by is not None and not self.reported_since(decision)

    def decision_due_basis(self, decision: Decision) -> str:
        """Where the day a report back falls due comes from, said beside 'fällig': 'laut Beschluss'
        (its own deadline), 'laut Berichtsturnus' (the body's cycle) or 'ein Jahr nach dem
        Beschluss' – where the day is reckoned here, the reader learns that no decision sets it
        (council member: „fällig seit dem 15.09.2024“ stood in no resolution and could not be
        checked)."""
        if self.due_by_decision(decision):
            return "laut Beschluss"
        if self.concept.committee(decision.committee).report_cycle_months:
            return "laut Berichtsturnus"
        return (
            "ein Jahr nach dem letzten Bericht" if self.reported_since(decision) else "ein Jahr nach dem Beschluss"
        )

    def decision_due_text(self, decision: Decision) -> str:
        """'seit dem 15.09.2024 (laut Berichtsturnus des Ausschusses für Soziales und Teilhabe:
        alle zwei Jahre)', 'bis zum 31.12.2026 (laut Beschluss)' or 'bis zum …': the line of a
        decision still being carried out."""
        due = self.decision_report_due(decision)
        committee = self.concept.committee(decision.committee)
        when = f"seit dem {german_date(due)}" if due < self.on else f"bis zum {german_date(due)}"
        if committee.report_cycle_months and not self.due_by_decision(decision):
            return f"{when} (laut Berichtsturnus {committee.forms.gen}: {every_months(committee.report_cycle_months)})"
        return f"{when} ({self.decision_due_basis(decision)})"

    @property
    def overdue_decision_reports(self) -> list[tuple[Decision, dt.date]]:
        """Decisions still being implemented whose report back is overdue – the body met after it
        fell due –, each with that day: the concept's summary names them beside the regular
        reports (a Kreistag member read one overdue report there, two in the quality chapter)."""
        found = []
        for decision in self.concept.decisions:
            if decision.status == "umgesetzt" or decision.date > self.on:
                continue
            due = self.decision_report_due(decision)
            committee = self.concept.committee(decision.committee)
            if (
                due < self.on
                and sittings_between(committee, due, self.on)
                and not self.within_regular(committee, due)
            ):
                found.append((decision, due))
        return found

    def within_regular(self, committee: Committee, due: dt.date) -> bool:
        """A report on a decision due by the body's cycle on the day its regular report is overdue:
        one report, not two (M-V review and re-check: the paper counted one, the concept and the
        Qualitätsdialog 'Zwei Berichte sind überfällig')."""
        regular = self.of(committee)
        return bool(committee.report_cycle_months) and regular.overdue and regular.due == due

    def planned_report_on(self, decision: Decision) -> PlannedPaper | None:
        """The first paper after the reference date that reports to the deciding body on how
        the decision is implemented: documents name it as planned instead of calling the
        report missing, and the paper itself knows it is that report."""
        from pipeline.model.papers import PaperView

        if decision.status == "umgesetzt":
            return None
        reporting = [
            p
            for p in self.planned_papers
            if p.date > self.on
            and p.committee.id == decision.committee
            and PaperView(self.concept, p.paper).shows_decision(decision.id)
        ]
        reporting.sort(key=lambda p: (p.date, *report_order(p.paper, decision)))
        return reporting[0] if reporting else None

    @property
    def notices(self) -> list[Finding]:
        """What the coordinator should act on (see :data:`NOTICES`)."""
        return NOTICES.run(self)


#: Warnings of the reporting calendar, for `gesamtkonzept plan`.
NOTICES: RuleSet[ReportingView] = RuleSet("Berichtskalender")


@NOTICES.rule("berichtsturnus")
def reports_within_cycle(view: ReportingView) -> list[Finding]:
    """Every body hears about Frühe Hilfen within its cycle, and a paper is planned in time."""
    found = []
    for item in view.schedule:
        found += _committee_notices(item, view.on)
    return found


def _notice(file: str, message: str) -> Finding:
    return Finding(Place(file), message, WARNING)


def _committee_notices(item: CommitteeReporting, on: dt.date) -> list[Finding]:
    name = item.committee.name
    planned = item.next_planned
    if item.last_report is None:
        first = (
            f"die erste Vorlage ({planned.paper.number}) kommt am {german_date(planned.date)}"
            if planned
            else "keine Vorlage geplant"
        )
        return [_notice("gremien.yaml", f"{name}: bisher kein Bericht über Frühe Hilfen; {first}.")]
    since = f"seit dem letzten Bericht am {german_date(item.last_report)}"
    if item.overdue and planned is None:
        return [
            _notice(
                "gremien.yaml",
                f"{name}: {since} kein Bericht über Frühe Hilfen, fällig war er "
                f"bis zum {german_date(item.due)} ({item.cycle}); keine Vorlage geplant.",
            )
        ]
    if item.overdue and planned is not None:
        return [
            _notice(
                "vorlagen/",
                f"{name}: Bericht überfällig seit {german_date(item.due)}; die nächste "
                f"Vorlage ({planned.paper.number}) kommt erst am "
                f"{german_date(planned.date)}.",
            )
        ]
    if item.due_passed:
        return _due_at_next_sitting(item)
    if item.needs_paper and (item.due - on).days <= DUE_SOON_DAYS:
        meetings = [d for d in item.committee.meetings if on < d <= item.due]
        hint = (
            f"passende Sitzung: {german_date(meetings[-1])}"
            if meetings
            else "vor diesem Termin ist keine Sitzung eingetragen"
        )
        return [
            _notice(
                "vorlagen/",
                f"{name}: nächster Bericht fällig bis {german_date(item.due)}, noch keine Vorlage geplant ({hint}).",
            )
        ]
    return []


def _due_at_next_sitting(item: CommitteeReporting) -> list[Finding]:
    """The cycle ran out but the body has not met since: the report belongs on the agenda of
    its next sitting, which needs a paper."""
    name = item.committee.name
    due = f"{name}: Bericht fällig seit {german_date(item.due)}"
    if not item.calendar_known:
        return [_notice("gremien.yaml", f"{due}; Sitzungstermine sind nicht eingetragen ('sitzungen').")]
    first = recorded_only_from(item.committee, item.due)
    if first is not None:
        return [
            _notice(
                "gremien.yaml",
                f"{due}; ob seitdem Sitzungen waren, ist offen – eingetragen sind erst Sitzungen ab dem "
                f"{german_date(first)} ('sitzungen').",
            )
        ]
    sitting, planned = item.next_sitting, item.next_planned
    if planned is not None and (sitting is None or planned.date <= sitting):
        return []
    if sitting is None:
        return [_notice("gremien.yaml", f"{due}; seitdem keine Sitzung, und keine weitere ist eingetragen.")]
    return [
        _notice(
            "vorlagen/",
            f"{due}; seitdem keine Sitzung – für die nächste am {german_date(sitting)} ist noch keine "
            "Vorlage geplant.",
        )
    ]


@NOTICES.rule("umsetzung-beschluesse")
def decisions_reported_back(view: ReportingView) -> list[Finding]:
    """Decisions not yet implemented need a report back to the body that took them."""
    found = []
    for decision in view.concept.decisions:
        if decision.status == "umgesetzt":
            continue
        committee = view.concept.committee(decision.committee)
        if not view.reported_since(decision, until=dt.date.max):
            found.append(
                _notice(
                    "gremien.yaml",
                    f"Beschluss {decision.number} ({decision.status}): noch kein "
                    f"Bericht über die Umsetzung an {committee.forms.acc}, und keine "
                    "Vorlage ist geplant.",
                )
            )
        if not decision.progress:
            found.append(
                _notice(
                    "gremien.yaml",
                    f"Beschluss {decision.number}: kein Umsetzungsstand beschrieben ('umsetzungsstand').",
                )
            )
    return found
