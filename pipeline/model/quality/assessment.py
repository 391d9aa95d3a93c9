"""A municipality's results for the goals of a quality dimension, beside its own rating.

Each goal of a catalog has one rule (``rules_<dimension>.py``); the rule reads the concept as it
stands on the reference date and returns its observations as findings: what it saw, where in the
YAML that stands, how it counts (a status, or None for context) and what would change it. The
status of a goal follows from its observations by one fixed scheme (:func:`overall`), so no rule
decides it ad hoc. The CLI (`check`), the Qualitätsdialog and the concept's chapter all read the
same :class:`QualityAssessment`, so they never disagree. The reference date is the concept's
Stand unless a Stichtag is given, so results are reproducible.

The status is a compact summary for the network (`check`, the working copy of the
Qualitätsdialog). The Qualitätsrahmen is an instrument for a dialogue, not a grading: papers for
politicians present the same observations as "Hinweise aus den Daten" – what the data show
(:attr:`GoalResult.shown`), what is open (:attr:`~GoalResult.gaps`), what they do not say
(:attr:`~GoalResult.unrecorded`) – with the goal's question for the talk.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, zip_longest
from typing import Any

from pipeline.findings import FULFILLED, OPEN, PARTIAL, STATUSES, UNKNOWN, Finding, Place, RuleSet, Status
from pipeline.formatting import enumeration, german_date, number_word, papers_text, sentence_start
from pipeline.model.concept import Concept
from pipeline.model.inputs import QualityRating
from pipeline.model.quality.catalog import Catalog, DialogueQuestion, QualityGoal, Theme, catalogs
from pipeline.model.quality.wording import body_wording
from pipeline.model.reporting import ReportingView

#: Facts shown under each dialogue question.
FACTS_PER_QUESTION = 3


def overall(statuses: list[Status | None]) -> Status:
    """erfüllt: every counted observation is; offen: none of the checkable ones is better than
    offen; nicht prüfbar: nothing was checkable; teilweise: everything in between."""
    counted = [s for s in statuses if s is not None]
    known = [s for s in counted if s != UNKNOWN]
    if not known:
        return UNKNOWN
    if all(s == FULFILLED for s in counted):
        return FULFILLED
    if all(s == OPEN for s in known):
        return OPEN
    return PARTIAL


def coverage(reached: int, total: int) -> Status:
    """All of a group → erfüllt, some → teilweise, none → offen."""
    if reached >= total:
        return FULFILLED
    return PARTIAL if reached else OPEN


def merged_by_subject(sentences: list[str]) -> list[str]:
    """'X: a.', 'X: b.' → 'X: a; b.' – a subject named before a colon is named once."""
    merged: list[str] = []
    subjects: dict[str, int] = {}
    for sentence in sentences:
        subject, colon, rest = sentence.partition(": ")
        if colon and subject in subjects:
            index = subjects[subject]
            merged[index] = f"{merged[index].rstrip('.')}; {rest}"
            continue
        if colon:
            subjects[subject] = len(merged)
        merged.append(sentence)
    return merged


@dataclass(frozen=True)
class GoalResult:
    """The result for one goal of a catalog: its status and the observations it rests on."""

    goal: QualityGoal
    number: str
    status: Status
    evidence: tuple[Finding, ...]

    @property
    def question(self) -> str:
        """The goal's question for the meeting; where the data show the goal met, the catalog's
        question for that case, so the paper does not ask how to arrange what already happened."""
        if self.status == FULFILLED and self.goal.question_when_met:
            return self.goal.question_when_met
        return self.goal.question

    @property
    def changes(self) -> list[str]:
        """What data or action would change the status, in the order the rule saw it; several
        for the same body ('Ausschuss …: Bericht …') stand in one sentence that names it once."""
        return merged_by_subject([e.suggestion for e in self.evidence if e.suggestion])

    @property
    def shown(self) -> list[Finding]:
        """What the data show to be in place, and the context they give."""
        return [e for e in self.evidence if e.level in (None, FULFILLED)]

    @property
    def gaps(self) -> list[Finding]:
        """Where the data show something missing or not yet done."""
        return [e for e in self.evidence if e.level in (PARTIAL, OPEN)]

    @property
    def unrecorded(self) -> list[Finding]:
        """What the data do not say: questions only an added fact could answer."""
        return [e for e in self.evidence if e.level == UNKNOWN]

    @property
    def headline(self) -> Finding:
        """The one observation a short table shows: the gravest gap – an overdue report before
        one only due (a Stadtverordnete found the table naming a report due to a committee while
        the highlights named the reports overdue to the council) –, else the first gap, or the
        first observation."""
        gaps = sorted(
            (e for e in self.evidence if e.level not in (None, FULFILLED)), key=lambda e: e.overdue is None
        )
        first = gaps or [e for e in self.evidence if e.level] or list(self.evidence)
        if not first:  # a rule that saw nothing at all: say so rather than fail
            return Finding(Place(""), "Die Daten enthalten dazu noch keine Angaben.", UNKNOWN)
        return first[0]


def rules_for(catalog: Catalog) -> RuleSet[ReportingView]:
    """The rules module of a catalog: ``rules_<dimension id>.py`` beside it."""
    module = importlib.import_module(f"pipeline.model.quality.rules_{catalog.dimension.id}")
    rules: RuleSet[ReportingView] = module.RULES
    return rules


def evaluate(concept: Concept, catalog: Catalog, on: dt.date) -> tuple[GoalResult, ...]:
    """Every goal of the catalog, in catalog order, judged by its rule."""
    rules = rules_for(catalog)
    view = ReportingView(concept, on)
    results = []
    for goal in catalog.goals:
        evidence = tuple(rules[goal.id](view))
        # a quality rule's observations carry a status or None, never a severity
        statuses = [e.level for e in evidence if e.level is None or e.level in STATUSES]
        results.append(GoalResult(goal, catalog.goal_number(goal.id), overall(statuses), evidence))
    return tuple(results)


@dataclass(frozen=True)
class QualityAssessment:
    """One catalog applied to one municipality on one day, with the network's own rating."""

    concept: Concept
    catalog: Catalog
    reference_date: dt.date

    def __post_init__(self) -> None:
        """The catalog names this municipality's own bodies ('im Kreistag'), never the NZFH's
        'Kreistag oder Rat', wherever its texts are shown."""
        object.__setattr__(self, "catalog", self.catalog.worded(body_wording(self.concept)))

    @cached_property
    def results(self) -> tuple[GoalResult, ...]:
        return evaluate(self.concept, self.catalog, self.reference_date)

    @property
    def on_stand(self) -> bool:
        """True when the date of reference is the concept's Stand (no Stichtag given)."""
        return self.reference_date == self.concept.version.date

    def result(self, goal_id: str) -> GoalResult:
        return next(r for r in self.results if r.goal.id == goal_id)

    def theme_results(self, theme: Theme) -> list[GoalResult]:
        return [self.result(g.id) for g in theme.goals]

    def counts(self, theme: Theme | None = None) -> list[int]:
        """How many goals have each status (in the order of STATUSES), for a theme or all."""
        results = self.theme_results(theme) if theme else self.results
        return [sum(1 for r in results if r.status == s) for s in STATUSES]

    @property
    def statuses(self) -> tuple[Status, ...]:
        return STATUSES

    #: The three kinds of hint the papers list under each goal, in their order.
    HINT_KINDS = ("Das zeigen die Daten", "Offen ist", "Dazu fehlen Angaben")

    def hint_counts(self, theme: Theme | None = None) -> list[int]:
        """How many hints of each kind (:attr:`HINT_KINDS`) the goals of a theme (or all) have:
        a neutral overview for readers who get no status per goal."""
        results = self.theme_results(theme) if theme else self.results
        return [
            sum(len(r.shown) for r in results),
            sum(len(r.gaps) for r in results),
            sum(len(r.unrecorded) for r in results),
        ]

    # the network's own rating -------------------------------------------------------------

    @property
    def rated(self) -> bool:
        ratings = self.concept.quality_ratings
        return ratings is not None and any(self.rating(g.id) for g in self.catalog.goals)

    def rating(self, goal_id: str) -> QualityRating | None:
        ratings = self.concept.quality_ratings
        return ratings.rating(goal_id) if ratings else None

    def disagrees(self, result: GoalResult) -> bool:
        """The network rates a goal differently than the data show; a rating where the data
        cannot tell ('nicht prüfbar') fills a gap and is no disagreement."""
        rating = self.rating(result.goal.id)
        return (
            rating is not None and UNKNOWN not in (rating.status, result.status) and rating.status != result.status
        )

    @property
    def without_gaps(self) -> list[GoalResult]:
        """The goals where the data show what is in place and nothing open or missing: the paper
        opens with them (a Landeskoordinierungsstelle: it opened with disagreement and named no
        strength) – still without a grade."""
        return [r for r in self.results if r.shown and not r.gaps and not r.unrecorded]

    @property
    def disagreements(self) -> list[GoalResult]:
        return [r for r in self.results if self.disagrees(r)]

    def difference(self, result: GoalResult) -> str:
        """How far the network's rating and the data lie apart, said as plainly as it is and
        without a grade for the data (the dialogue gives none): one grade ('erfüllt' against
        'teilweise') is a nuance, said in its direction; two ('erfüllt' against 'offen') a
        different picture. Empty where they do not disagree."""
        rating = self.rating(result.goal.id)
        if rating is None or not self.disagrees(result):
            return ""
        apart = self._apart(result)
        # often network and data name the same facts and only weigh them differently (reader review:
        # the sentences read as if one side had missed something): both causes are offered
        if apart == 1:
            return (
                "Die Daten bleiben hier etwas hinter der Einschätzung des Netzwerks zurück. Im Gespräch lässt sich "
                "klären, ob Angaben fehlen, die belegen, was das Netzwerk schon erreicht sieht, oder ob beide "
                "dieselben Tatsachen verschieden gewichten."
            )
        if apart == -1:
            # the facts that set the data's grade stand just above, under their headings: pointed
            # to, not repeated ('Was unter „Offen ist“ steht, ist zum Teil erreicht' contradicted itself)
            reached = (
                "Nach den Daten ist erreicht, was oben unter „Das zeigen die Daten“ steht"
                if result.status == FULFILLED
                else "Nach den Daten ist einiges erreicht (oben unter „Das zeigen die Daten“) und anderes noch offen"
            )
            return (
                f"Die Daten zeigen hier etwas mehr, als das Netzwerk einschätzt: {reached}. Im Gespräch lässt sich "
                "klären, was dem Netzwerk noch fehlt, das die Daten nicht erfassen, oder ob beide dieselben "
                "Tatsachen verschieden gewichten."
            )
        return (
            "Die Daten zeichnen hier ein anderes Bild als die Einschätzung des Netzwerks. Im Gespräch lässt sich "
            "klären, woran das liegt – an fehlenden Angaben oder an einer unterschiedlichen Sicht."
        )

    def _apart(self, result: GoalResult) -> int:
        """How many grades the data lie below the network's rating (< 0: above it)."""
        rating = self.rating(result.goal.id)
        assert rating is not None
        grades = (FULFILLED, PARTIAL, OPEN)
        return grades.index(result.status) - grades.index(rating.status)

    # for the meeting ----------------------------------------------------------------------

    @property
    def focus(self) -> list[GoalResult]:
        """What the meeting should talk about first: open and uncheckable goals, then goals with
        something overdue (a Kreistag member missed a report three years overdue among the
        topics, because network and data both rated its goal 'teilweise'), then disagreements
        with the network's rating."""
        first = [r for r in self.results if r.status in (OPEN, UNKNOWN)]
        first += [r for r in self.results if r not in first and any(e.overdue for e in r.evidence)]
        return first + [r for r in self.disagreements if r not in first]

    def why_focus(self, result: GoalResult) -> str:
        """Why a goal of :attr:`focus` is worth talking about, in words rather than a grade."""
        if result.status == OPEN:
            return "Die Daten zeigen hier vor allem, was noch offen ist."
        late_ones = [e for e in result.evidence if e.overdue]
        if late_ones and result.status != UNKNOWN:
            late = _overdue_sentence(late_ones, self.concept.reporter)
            return f"{late} {self._why_apart(result)}" if self.disagrees(result) else late
        rating = self.rating(result.goal.id)
        if result.status == UNKNOWN:
            if rating is not None:  # the network's word is all there is: said, not called missing
                return f"Aus den Daten lässt sich das nicht prüfen; das Netzwerk hat die Zielaussage als „{rating.status}“ eingeschätzt."
            return "Zu dieser Zielaussage fehlen Angaben."
        return self._why_apart(result)

    def _why_apart(self, result: GoalResult) -> str:
        rating = self.rating(result.goal.id)
        assert rating is not None  # only for results that disagree with the network's rating
        apart = self._apart(result)
        seen = {
            1: "die Daten bleiben etwas dahinter zurück",
            -1: "die Daten zeigen etwas mehr",
        }.get(apart, "die Daten zeichnen ein anderes Bild")
        return (
            f"Das Netzwerk hat die Zielaussage als „{rating.status}“ eingeschätzt; {seen} – im Gespräch lässt sich klären, "
            "woran der Unterschied liegt."
        )

    def number_of(self, fact: Finding) -> str:
        """'5.1.1': the goal under whose heading an observation stands, so that a fact repeated
        under a question points back to it (a reader found the questions repeating the findings
        without saying so)."""
        return next(r.number for r in self.results if fact in r.evidence)

    def candidate_facts(self, question: DialogueQuestion) -> list[Finding]:
        """The observations of the results a question relates to, taking turns between its
        goals so that each contributes."""
        per_goal = [self.result(g).evidence for g in question.goals]
        taken = [e for e in chain.from_iterable(zip_longest(*per_goal)) if e is not None]
        return list(dict.fromkeys(taken))

    @property
    def dialogue(self) -> list[tuple[DialogueQuestion, list[Finding], int | None]]:
        """Every dialogue question with up to three facts no earlier question showed, so the paper
        does not repeat itself (a reader found the same paragraph under three questions); a
        question whose facts all stand under an earlier one gets none and that question's number
        (1-based) to point to instead."""
        shown: dict[Finding, int] = {}
        prepared: list[tuple[DialogueQuestion, list[Finding], int | None]] = []
        for number, question in enumerate(self.catalog.dialogue_questions, 1):
            candidates = self.candidate_facts(question)
            facts = [e for e in candidates if e not in shown][:FACTS_PER_QUESTION]
            earlier = shown[candidates[0]] if candidates and not facts else None
            shown.update((e, number) for e in facts)
            prepared.append((question, facts, earlier))
        return prepared

    def as_record(self) -> dict[str, Any]:
        """The results as plain data with German keys, for `gesamtkonzept check --format json`."""
        return {
            "dimension": {
                "id": self.catalog.dimension.id,
                "nummer": self.catalog.dimension.number,
                "titel": self.catalog.dimension.title,
            },
            "stichtag": self.reference_date.isoformat(),
            "zusammenfassung": dict(zip(STATUSES, self.counts(), strict=True)),
            "befunde": [
                self._record(theme, r) for theme in self.catalog.themes for r in self.theme_results(theme)
            ],
        }

    def _record(self, theme: Theme, result: GoalResult) -> dict[str, Any]:
        rating = self.rating(result.goal.id)
        return {
            "nummer": result.number,
            "ziel": result.goal.id,
            "kurztitel": result.goal.short_title,
            "thema": theme.id,
            "status": result.status,
            "belege": [{"text": e.message, "quelle": e.source, "status": e.level} for e in result.evidence],
            "aendern_wuerde": result.changes,
            "eigene_einschaetzung": ({"status": rating.status, "notiz": rating.note} if rating else None),
            "abweichung": self.disagrees(result),
        }


def assess(concept: Concept, on: dt.date | None = None) -> list[QualityAssessment]:
    """The concept against every catalog, on the Stichtag or else on the concept's Stand."""
    return [QualityAssessment(concept, catalog, on or concept.version.date) for catalog in catalogs()]


def _overdue_sentence(late_ones: list[Finding], reporter: str) -> str:
    """'Zwei Berichte sind überfällig. Seit Ablauf der Frist hat die Stadtverordnetenversammlung
    getagt; der Magistrat hat sie dort noch nicht vorgelegt. Vorgesehen sind sie für die Sitzung am
    10.12.2026 (Vorlage M 184/2026).' – with the sittings those already prepared are for."""
    bodies = list(dict.fromkeys(e.overdue for e in late_ones if e.overdue))
    one = len(late_ones) == 1
    reports = "Ein Bericht ist" if one else f"{sentence_start(number_word(len(late_ones)))} Berichte sind"
    # which ones, where several: the table beside the sentence shows each under its own goal
    # (council member: the table named one, the sentence two)
    named = [e.report for e in late_ones if e.report]
    which = f", nämlich {enumeration(named)}" if not one and len(named) == len(late_ones) else ""
    # the administration owes the report, the body does not fail to take it (review of a Große
    # Kreisstadt: „ohne sie entgegenzunehmen“ blamed the Gemeinderat; a Stadtverordnete: „ohne dass
    # die Berichte vorgelegt wurden“ still read as the Stadtverordnetenversammlung's omission)
    sentence = (
        f"{reports} überfällig{which}. Seit Ablauf der Frist {'hat' if len(bodies) == 1 else 'haben'} "
        f"{enumeration(bodies)} getagt; {reporter} hat {'ihn' if one else 'sie'} dort noch nicht vorgelegt."
    )
    planned = [e.planned for e in late_ones if e.planned]
    if not planned:
        return sentence
    if len(planned) == len(late_ones):
        return f"{sentence} Vorgesehen {'ist er' if one else 'sind sie'} für {sittings_text(planned)}."
    prepared = (
        "Einer davon ist" if len(planned) == 1 else f"{sentence_start(number_word(len(planned)))} davon sind"
    )
    return f"{sentence} {prepared} für {sittings_text(planned)} vorgesehen."


def sittings_text(planned: list[tuple[dt.date, tuple[str, ...]]]) -> str:
    """'die Sitzung am 10.12.2026 (Vorlage M 184/2026)': the sittings reports are prepared for,
    each once with every paper prepared for it ('die Sitzungen am … und am …')."""
    papers: dict[dt.date, list[str]] = {}
    for day, numbers in sorted(planned, key=lambda item: item[0]):
        known = papers.setdefault(day, [])
        known += [n for n in numbers if n not in known]
    days = [f"am {german_date(day)} ({papers_text(numbers)})" for day, numbers in papers.items()]
    return f"{'die Sitzung' if len(days) == 1 else 'die Sitzungen'} {enumeration(days)}"
