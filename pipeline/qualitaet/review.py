"""Stage 3, quality dialogue: a municipality's findings for one catalog, beside its own rating.

Like :mod:`pipeline.papers`, a view derived from the model: the CLI (`check`), the
Qualitätsdialog and the concept's chapter all read the same findings, so they never disagree.
The date of reference is the concept's Stand unless a Stichtag is given, so results are
reproducible.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, zip_longest

from pipeline.model import Concept, QualityRating, QualityStatus
from pipeline.qualitaet.catalog import Catalog, DialogueQuestion, Theme, catalogs
from pipeline.qualitaet.findings import STATUSES, UNKNOWN, Evidence, Finding, Rule, overall

#: Facts shown under each dialogue question.
FACTS_PER_QUESTION = 3


def rules_for(catalog: Catalog) -> dict[str, Rule]:
    """The rules module of a catalog: ``rules_<dimension id>.py`` beside it."""
    module = importlib.import_module(f"pipeline.qualitaet.rules_{catalog.dimension.id}")
    return module.RULES.by_goal


def evaluate(concept: Concept, catalog: Catalog, on: dt.date) -> tuple[Finding, ...]:
    """Every goal of the catalog, in catalog order, judged by its rule."""
    rules = rules_for(catalog)
    findings = []
    for goal in catalog.goals:
        evidence = tuple(rules[goal.id](concept, on))
        findings.append(
            Finding(goal, catalog.goal_number(goal.id), overall([e.status for e in evidence]), evidence)
        )
    return tuple(findings)


@dataclass(frozen=True)
class QualityReview:
    """One catalog applied to one municipality on one day, with the network's own rating."""

    concept: Concept
    catalog: Catalog
    reference_date: dt.date

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        return evaluate(self.concept, self.catalog, self.reference_date)

    @property
    def on_stand(self) -> bool:
        """True when the date of reference is the concept's Stand (no Stichtag given)."""
        return self.reference_date == self.concept.version.date

    def finding(self, goal_id: str) -> Finding:
        return next(f for f in self.findings if f.goal.id == goal_id)

    def theme_findings(self, theme: Theme) -> list[Finding]:
        return [self.finding(g.id) for g in theme.goals]

    def counts(self, theme: Theme | None = None) -> list[int]:
        """How many goals have each status (in the order of STATUSES), for a theme or all."""
        findings = self.theme_findings(theme) if theme else self.findings
        return [sum(1 for f in findings if f.status == s) for s in STATUSES]

    @property
    def statuses(self) -> tuple[QualityStatus, ...]:
        return STATUSES

    # the network's own rating -------------------------------------------------------------

    @property
    def rated(self) -> bool:
        ratings = self.concept.quality_ratings
        return ratings is not None and any(self.rating(g.id) for g in self.catalog.goals)

    def rating(self, goal_id: str) -> QualityRating | None:
        ratings = self.concept.quality_ratings
        return ratings.rating(goal_id) if ratings else None

    def disagrees(self, finding: Finding) -> bool:
        """The network rates a goal differently than the data show; a rating where the data
        cannot tell ('nicht prüfbar') fills a gap and is no disagreement."""
        rating = self.rating(finding.goal.id)
        return (
            rating is not None
            and UNKNOWN not in (rating.status, finding.status)
            and rating.status != finding.status
        )

    @property
    def disagreements(self) -> list[Finding]:
        return [f for f in self.findings if self.disagrees(f)]

    # for the meeting ----------------------------------------------------------------------

    @property
    def focus(self) -> list[Finding]:
        """What the meeting should talk about first: open and uncheckable goals, then
        disagreements with the network's rating."""
        first = [f for f in self.findings if f.status in ("offen", UNKNOWN)]
        return first + [f for f in self.disagreements if f not in first]

    def candidate_facts(self, question: DialogueQuestion) -> list[Evidence]:
        """The observations of the findings a question relates to, taking turns between its
        goals so that each contributes."""
        per_goal = [self.finding(g).evidence for g in question.goals]
        taken = [e for e in chain.from_iterable(zip_longest(*per_goal)) if e is not None]
        return list(dict.fromkeys(taken))

    @property
    def dialogue(self) -> list[tuple[DialogueQuestion, list[Evidence]]]:
        """Every dialogue question with up to three facts, preferring facts no earlier question
        showed, so the paper does not repeat itself; each question keeps at least one fact."""
        shown: set[Evidence] = set()
        prepared = []
        for question in self.catalog.dialogue_questions:
            candidates = self.candidate_facts(question)
            facts = [e for e in candidates if e not in shown][:FACTS_PER_QUESTION] or candidates[:1]
            shown.update(facts)
            prepared.append((question, facts))
        return prepared

    def as_record(self) -> dict:
        """The findings as plain data with German keys, for `gesamtkonzept check --format json`."""
        return {
            "dimension": {
                "id": self.catalog.dimension.id,
                "nummer": self.catalog.dimension.number,
                "titel": self.catalog.dimension.title,
            },
            "stichtag": self.reference_date.isoformat(),
            "zusammenfassung": dict(zip(STATUSES, self.counts(), strict=True)),
            "befunde": [
                self._finding_record(theme, f) for theme in self.catalog.themes for f in self.theme_findings(theme)
            ],
        }

    def _finding_record(self, theme: Theme, finding: Finding) -> dict:
        rating = self.rating(finding.goal.id)
        return {
            "nummer": finding.number,
            "ziel": finding.goal.id,
            "kurztitel": finding.goal.short_title,
            "thema": theme.id,
            "status": finding.status,
            "belege": [{"text": e.text, "quelle": e.source, "status": e.status} for e in finding.evidence],
            "aendern_wuerde": finding.changes,
            "eigene_einschaetzung": ({"status": rating.status, "notiz": rating.note} if rating else None),
            "abweichung": self.disagrees(finding),
        }


def quality_reviews(concept: Concept, on: dt.date | None = None) -> list[QualityReview]:
    """The concept against every catalog, on the Stichtag or else on the concept's Stand."""
    return [QualityReview(concept, catalog, on or concept.version.date) for catalog in catalogs()]
