"""Stage 3, council papers: what one paper shows, derived from the model.

A paper reads the same facts as the Gesamtkonzept, narrowed to the remit of the bodies that
discuss it: the Jugendhilfeausschuss sees the youth-welfare measures, the Gesundheitsausschuss the
health sector's, the Kreistag everything. Money is summed here, once, so the paper, its OParl
record and the tests agree with the concept to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from pipeline.model import (
    FUNDING_SOURCES,
    Actor,
    Committee,
    Concept,
    Decision,
    FundingLine,
    Goal,
    Indicator,
    Measure,
    Paper,
)

#: Titles of the attachments the tool generates itself.
GENERATED_TITLES = {
    "gesamtkonzept": "Gesamtkonzept Frühe Hilfen",
    "massnahmenplan": "Maßnahmenplan Frühe Hilfen",
}

#: The source whose lines are the municipality's own share (Eigenanteil).
OWN_SOURCE = "Kommune"


def _series(line: FundingLine) -> tuple[str, str, str]:
    """What makes funding lines of different years the same line continued."""
    return line.source, line.title, line.committee


def _total(lines: list[FundingLine]) -> Decimal:
    return sum((line.amount for line in lines), Decimal(0))


@dataclass(frozen=True)
class FinanceSummary:
    """Finanzielle Auswirkungen of one paper: the funding lines of its budget year in scope."""

    year: int
    lines: list[FundingLine]
    later_lines: list[FundingLine]
    available: bool
    follow_up: str | None
    note: str | None

    @property
    def total(self) -> Decimal:
        return _total(self.lines)

    @property
    def own_share(self) -> Decimal:
        return _total([line for line in self.lines if line.source == OWN_SOURCE])

    @property
    def third_party_share(self) -> Decimal:
        return self.total - self.own_share

    @property
    def by_source(self) -> list[tuple[str, Decimal]]:
        present = {line.source for line in self.lines}
        return [(source, _total([line for line in self.lines if line.source == source]))
                for source in FUNDING_SOURCES if source in present]

    @property
    def by_budget_item(self) -> list[tuple[str, Decimal]]:
        items = sorted({line.budget_item for line in self.lines})
        return [(item, _total([line for line in self.lines if line.budget_item == item]))
                for item in items]

    @property
    def later_years(self) -> list[tuple[int, Decimal]]:
        """Planned amounts of the same scope in the years after the budget year (Folgekosten)."""
        years = sorted({line.year for line in self.later_lines})
        return [(year, _total([line for line in self.later_lines if line.year == year]))
                for year in years]


@dataclass(frozen=True)
class Attachment:
    title: str
    generated: str | None


@dataclass(frozen=True)
class PaperView:
    """One council paper together with everything it shows from the concept."""

    concept: Concept
    paper: Paper

    # who discusses it ----------------------------------------------------------------------

    @cached_property
    def committees(self) -> list[Committee]:
        """The bodies of the Beratungsfolge, each once, in order of consultation."""
        ids = list(dict.fromkeys(c.committee for c in self.paper.consultations))
        return [self.concept.committee(i) for i in ids]

    @property
    def lead_committee(self) -> Committee:
        """The body named first in the Beratungsfolge (in OParl terms, the leading one)."""
        return self.committees[0]

    @property
    def consultation_rows(self) -> list[tuple[object, Committee, str]]:
        return [(c.date, self.concept.committee(c.committee), c.role)
                for c in self.paper.consultations]

    @cached_property
    def remit(self) -> set[str]:
        return {sector for c in self.committees for sector in c.remit}

    @property
    def oversees_all(self) -> bool:
        return any(c.oversees_all for c in self.committees)

    # what it reports on --------------------------------------------------------------------

    @cached_property
    def decisions(self) -> list[Decision]:
        """Chosen decisions, or every decision of the consulting bodies, oldest first."""
        if self.paper.decisions:
            chosen = [d for d in self.concept.decisions if d.id in self.paper.decisions]
        else:
            ids = {c.id for c in self.committees}
            chosen = [d for d in self.concept.decisions if d.committee in ids]
        return sorted(chosen, key=lambda d: d.date)

    def _in_remit(self, measure: Measure) -> bool:
        if self.concept.actor(measure.lead).sector in self.remit:
            return True
        ids = {c.id for c in self.committees}
        return any(self.concept.funding_line(c.funding).committee in ids for c in measure.costs)

    @cached_property
    def measures(self) -> list[Measure]:
        """Chosen measures, or those led from the bodies' sectors or funded by them."""
        if self.paper.measures:
            return [m for m in self.concept.measures if m.id in self.paper.measures]
        return [m for m in self.concept.measures if self._in_remit(m)]

    @cached_property
    def goals(self) -> list[Goal]:
        """Goals the reported measures contribute to, in the order of the concept."""
        ids = {g for m in self.measures for g in m.goals}
        return [g for g in self.concept.goals if g.id in ids]

    @property
    def indicators(self) -> list[tuple[Goal, Indicator]]:
        return [(g, i) for g in self.goals for i in g.indicators]

    @property
    def actors(self) -> list[Actor]:
        """Network partners from the sectors the bodies oversee."""
        return [a for a in self.concept.actors if a.sector in self.remit]

    @property
    def actors_with_agreement(self) -> list[Actor]:
        return [a for a in self.actors if a.agreement_signed is not None]

    @property
    def budget_year(self) -> int | None:
        return self.paper.finances.budget_year if self.paper.finances else None

    def measure_cost(self, measure: Measure) -> Decimal:
        return self.concept.measure_cost(measure.id, self.budget_year)

    # money ---------------------------------------------------------------------------------

    def _in_scope(self, line: FundingLine) -> bool:
        finances = self.paper.finances
        if finances is not None and finances.funding:
            chosen = {_series(self.concept.funding_line(f)) for f in finances.funding}
            return _series(line) in chosen
        return self.oversees_all or line.committee in {c.id for c in self.committees}

    @cached_property
    def finances(self) -> FinanceSummary | None:
        finances = self.paper.finances
        if finances is None:
            return None
        year = finances.budget_year
        lines = [line for line in self.concept.funding_lines if line.year == year]
        if finances.funding:
            lines = [line for line in lines if line.id in finances.funding]
        else:
            lines = [line for line in lines if self._in_scope(line)]
        later = [line for line in self.concept.funding_lines
                 if line.year > year and self._in_scope(line)]
        return FinanceSummary(year, lines, later, finances.available, finances.follow_up,
                              finances.note)

    @property
    def resource_committees(self) -> list[Committee]:
        """Bodies responsible for Frühe Hilfen money, for the joint resource planning."""
        return self.concept.funding_committees

    @property
    def committees_without_funding(self) -> list[Committee]:
        """Consulting committees (not the council) that hold no Frühe Hilfen money yet."""
        funded = {c.id for c in self.resource_committees}
        return [c for c in self.committees if c.id not in funded and not c.oversees_all]

    def committee_totals(self, year: int) -> list[Decimal]:
        return [self.concept.committee_funding_total(c.id, year) for c in self.resource_committees]

    def source_by_committee(self, source: str, year: int) -> list[Decimal]:
        """One source's amounts in a year, per responsible committee."""
        return [_total([f for f in self.concept.committee_funding(c.id)
                        if f.source == source and f.year == year])
                for c in self.resource_committees]

    @property
    def planning_years(self) -> list[int]:
        """The budget year and the year before it, where the data has them."""
        year = self.budget_year or max(self.concept.funding_years)
        return [y for y in (year - 1, year) if y in self.concept.funding_years]

    # attachments ---------------------------------------------------------------------------

    @property
    def attachments(self) -> list[Attachment]:
        return [Attachment(a.title or GENERATED_TITLES[a.generated or ""], a.generated)
                for a in self.paper.attachments]

    @property
    def generated_attachments(self) -> list[str]:
        return [a.generated for a in self.paper.attachments if a.generated]


def paper_views(concept: Concept) -> list[PaperView]:
    return [PaperView(concept, paper) for paper in concept.papers]
