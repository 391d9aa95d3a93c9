"""Money, staff and network time: every sum the documents print is computed here, once.

:class:`Budget` adds up the funding lines (by source, year and responsible committee) and the
measures' costs; :class:`AmountTable` is a table of amounts per budget year with its row and column
totals, ready for a template to print. :class:`Effort` compares the network time actors spend
with the time the resource planning budgets. A committee paper, the concept and the quality
rules all read these, so they agree to the cent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property, partial
from typing import TYPE_CHECKING

from pipeline.model.inputs import Actor, Committee, FundingLine
from pipeline.model.types import FUNDING_SOURCES

if TYPE_CHECKING:
    from pipeline.model.concept import Concept


def total(amounts: Iterable[Decimal]) -> Decimal:
    """The sum of amounts, 0 for none (never the int 0, which would print without cents)."""
    return sum(amounts, Decimal(0))


@dataclass(frozen=True)
class AmountRow:
    """One row of an :class:`AmountTable`: its label, an amount per column and the row's total."""

    label: str
    amounts: tuple[Decimal, ...]
    total: Decimal


@dataclass(frozen=True)
class AmountTable:
    """Amounts in rows and columns (budget years, or committees), with the column totals and
    the grand total."""

    columns: tuple[str, ...]
    rows: tuple[AmountRow, ...]
    totals: tuple[Decimal, ...]
    total: Decimal


def amount_row(label: str, years: Iterable[int], amount: Callable[[int | None], Decimal]) -> AmountRow:
    """A row with an amount per year, and for all years (None), from `amount`."""
    return AmountRow(label, tuple(amount(year) for year in years), amount(None))


def _titles(years: list[int]) -> tuple[str, ...]:
    return tuple(str(y) for y in years)


class Budget:
    """The funding lines of ressourcen.yaml and the costs of massnahmen.yaml, added up."""

    def __init__(self, concept: Concept) -> None:
        self.concept = concept
        self.funding = concept.resources.funding

    # funding ---------------------------------------------------------------------------------

    @cached_property
    def years(self) -> list[int]:
        """Every budget year with funding, in order."""
        return sorted({f.year for f in self.funding})

    @cached_property
    def sources(self) -> list[str]:
        """The sources present, in the usual order of budget tables."""
        present = {f.source for f in self.funding}
        return [s for s in FUNDING_SOURCES if s in present]

    def total(self, source: str | None = None, year: int | None = None) -> Decimal:
        """All funding, or one source's, in one year or all years."""
        return total(
            f.amount
            for f in self.funding
            if (source is None or f.source == source) and (year is None or f.year == year)
        )

    @cached_property
    def lines(self) -> list[FundingLine]:
        """Funding lines by year, then in the usual order of sources."""
        return sorted(self.funding, key=lambda f: (f.year, FUNDING_SOURCES.index(f.source), f.title))

    @cached_property
    def by_source(self) -> AmountTable:
        """Mittel nach Quelle und Jahr."""
        rows = tuple(amount_row(s, self.years, partial(self.total, s)) for s in self.sources)
        return self._table(rows)

    @cached_property
    def by_committee(self) -> AmountTable:
        """Mittel nach zuständigem Ausschuss und Jahr."""
        rows = tuple(amount_row(c.name, self.years, partial(self.committee_total, c.id)) for c in self.committees)
        return self._table(rows)

    def _table(self, rows: tuple[AmountRow, ...]) -> AmountTable:
        """Rows of funding with the funding's totals per year (every line has a source and a
        committee, so the rows add up to them)."""
        years = self.years
        return AmountTable(_titles(years), rows, tuple(self.total(year=y) for y in years), self.total())

    @cached_property
    def requirement_groups(self) -> list[tuple[FundingLine, list[int]]]:
        """Funding lines with cooperation requirements, identical ones across years merged:
        (first line, years it applies to)."""
        groups: dict[tuple[object, ...], tuple[FundingLine, list[int]]] = {}
        for line in self.lines:
            if not line.cooperation_requirements:
                continue
            key = (line.source, line.title, line.earmarking, tuple(line.cooperation_requirements))
            groups.setdefault(key, (line, []))[1].append(line.year)
        return list(groups.values())

    # committees ------------------------------------------------------------------------------

    @cached_property
    def committees(self) -> list[Committee]:
        """The committees responsible for Frühe Hilfen money, in the order of gremien.yaml."""
        ids = {f.committee for f in self.funding}
        return [c for c in self.concept.committees if c.id in ids]

    def committee_lines(self, committee_id: str, year: int | None = None) -> list[FundingLine]:
        """The funding lines a committee is responsible for, in the order of ressourcen.yaml."""
        return [f for f in self.funding if f.committee == committee_id and (year is None or f.year == year)]

    def committee_total(self, committee_id: str, year: int | None = None) -> Decimal:
        return total(f.amount for f in self.committee_lines(committee_id, year))

    def source_in_committee(self, source: str, committee_id: str, year: int) -> Decimal:
        """One source's amount in a year that a committee is responsible for."""
        return total(f.amount for f in self.committee_lines(committee_id, year) if f.source == source)

    # costs of the measures -------------------------------------------------------------------

    def measure_cost(self, measure_id: str, year: int | None = None) -> Decimal:
        """What one measure costs in a year, or in all years."""
        costs = self.concept.measure(measure_id).costs
        return total(c.amount for c in costs if year is None or c.year == year)

    def measure_costs(self, year: int | None = None) -> Decimal:
        """What all measures together cost in a year, or in all years."""
        return total(self.measure_cost(m.id, year) for m in self.concept.measures)

    @cached_property
    def measure_table(self) -> AmountTable:
        """Kosten der Maßnahmen nach Jahren: every measure with costs, numbered."""
        concept = self.concept
        rows = tuple(
            amount_row(f"{concept.measure_number(m.id)} {m.title}", self.years, partial(self.measure_cost, m.id))
            for m in concept.measures
            if m.costs
        )
        years = self.years
        return AmountTable(_titles(years), rows, tuple(self.measure_costs(y) for y in years), self.measure_costs())


class Effort:
    """Staff positions and network time: what actors spend and what the planning budgets."""

    def __init__(self, concept: Concept) -> None:
        self.concept = concept
        self.budgeted = concept.resources.budgeted_effort

    @property
    def total_fte(self) -> Decimal:
        return total(p.fte for p in self.concept.resources.positions)

    @property
    def total_network_hours(self) -> Decimal:
        return total(a.network_hours for a in self.concept.actors)

    def budgeted_hours(self, actor_id: str) -> Decimal:
        return total(e.hours for e in self.budgeted if e.actor == actor_id)

    @property
    def total_budgeted_hours(self) -> Decimal:
        return total(e.hours for e in self.budgeted)

    @property
    def actors_without_budget(self) -> list[Actor]:
        """Actors who spend network time of which none is budgeted."""
        budgeted = {e.actor for e in self.budgeted}
        return [a for a in self.concept.actors if a.network_hours > 0 and a.id not in budgeted]

    def compensation(self, actor_id: str) -> str:
        """How an actor's budgeted time is compensated, in words."""
        return "; ".join(e.compensation for e in self.budgeted if e.actor == actor_id)
