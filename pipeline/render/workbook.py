"""The workbook for the Kämmerei: Maßnahmenplan and funding tables as sheets, described here
from the model and written as XLSX by :mod:`pipeline.export.to_xlsx`.

A sheet is a header row, data rows and, where columns add up, a totals row; what the columns
hold (text, euro, whole number, date) decides their number format, and which columns add up or
subtract decides the formulas – numbers stay numbers and totals stay formulas a finance
department can follow and change. Every amount comes from :class:`~pipeline.model.resources.Budget`,
so the workbook agrees with the concept to the cent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal, get_args

from pipeline.formatting import german_date, safe_file_part
from pipeline.model.accounting import MoneyTerms
from pipeline.model.concept import Concept
from pipeline.model.resources import (
    COMPENSATION_LABEL,
    OWN_SHARES,
    AmountTable,
    Balance,
    Budget,
    FollowUpYear,
    product_of,
    recurrence,
)
from pipeline.model.types import COORDINATION, INCOME_SOURCES, ExpenseKind

#: 'signed': an amount that is a change, with its sign ('+39.000,00 €').
Kind = Literal["text", "euro", "signed", "integer", "date", "fte"]


@dataclass(frozen=True)
class Formula:
    """An amount the workbook computes from the line items, so a change there carries through:
    an Excel formula with placeholders the writer fills in – '{Erträge:Betrag}' for the data
    cells of that sheet's column, '{Haushaltsjahr}' for this row's cell in that column – and
    the amount it gives (stored beside it for programs that do not calculate). Only the
    project's own sheet and column names and whole numbers go into it, never text of the
    inputs: a criterion that is such a text is the cell holding it."""

    template: str
    value: Decimal


Value = str | Decimal | int | dt.date | Formula | None

YEAR = "Haushaltsjahr"
#: In a formula, the year heading the formula's own column (:attr:`Column.year`).
COLUMN_YEAR = "{Jahr der Spalte}"
#: In a formula, the cells of its own column from the first line down to the row above it.
COLUMN_ABOVE = "{Spalte darüber}"
#: Whether a grant is promised or only applied for, a column of the sheet 'Erträge'.
STATE = "Bewilligungsstand"
APPLIED_FOR = "beantragt"
APPROVED = "bewilligt"
PROMISED = "zugesagt"


def _sum_of(sheet: str, *criteria: tuple[str, str | int]) -> str:
    """The sum of a line sheet's amounts in the rows that meet `criteria` (its column, and a
    placeholder of this sheet's column or a whole number). SUMPRODUCT over equalities, not
    SUMIFS: its criteria read '*' and '?' as wildcards ('Ärzt*innen') and stop at 255 characters."""
    conditions = "".join(f"({{{sheet}:{column}}}={value})*" for column, value in criteria)
    return f"SUMPRODUCT({conditions}{{{sheet}:Betrag}})"


def _expenses(t: MoneyTerms, *criteria: tuple[str, str | int]) -> str:
    return _sum_of(t.expense_lines, *criteria)


def _income(t: MoneyTerms, *criteria: tuple[str, str | int]) -> str:
    return _sum_of(t.income, *criteria)


@dataclass(frozen=True)
class Column:
    """A column: its header, what it holds, its width in characters, whether the totals row adds
    it up, and (`difference`) the two columns, by header, it is computed from as a − b."""

    header: str
    kind: Kind = "text"
    width: float = 14
    summed: bool = False
    difference: tuple[str, str] | None = None
    #: The values a line may take, offered as a list to pick from: a typed category that
    #: matches none drops out of every summary's formula (Kämmerei review).
    choices: tuple[str, ...] = ()
    #: Where a value outside `choices` is allowed but drops out of a summary sheet: the warning
    #: Excel shows instead of refusing it (a new Produkt typed in silently left 'Produkte').
    off_list: str | None = None
    #: A column headed by a budget year: the header is that number, and the column's formulas
    #: ask for it (:data:`COLUMN_YEAR`), so a copied column for the next year needs only a new
    #: header (web review: '2026' as text, and the year written into every formula).
    year: int | None = None


@dataclass(frozen=True)
class Sheet:
    """One sheet: a German name (at most 31 characters), its title for print, columns, rows (one
    value per column; formula columns hold the value the formula gives), a label for the totals
    row (None: no totals row) and, with `row_total`, a last column adding up the euro columns."""

    name: str
    title: str
    columns: list[Column]
    rows: list[list[Value]]
    total_label: str | None = None
    row_total: str | None = None
    #: Columns that stay in view when scrolling right: the line items keep their name in view
    #: (a Kämmerei reader lost the Bezeichnung behind the year).
    frozen_columns: int = 1
    #: Rows under the data, set like a totals row, that no formula of the sheet counts: a year's
    #: sum and what of it no row of the sheet holds.
    checks: list[list[Value]] = field(default_factory=list)


@dataclass(frozen=True)
class Workbook:
    """The workbook's file name, document properties and sheets."""

    file_stem: str
    title: str
    author: str
    date: dt.date
    sheets: list[Sheet] = field(default_factory=list)
    folder: str = ""
    #: On every printed page: which Fassung and Stand the numbers are from (a printout travels).
    footer: str = ""

    def path(self, suffix: str = ".xlsx") -> str:
        name = f"{self.file_stem}{suffix}"
        return f"{self.folder}/{name}" if self.folder else name


def _years_sheet(
    name: str,
    title: str,
    first: str,
    table: AmountTable,
    total_label: str,
    cell: Callable[[str, str], str],
    span: str = "Summe",
    rest: tuple[str, str] | None = None,
) -> Sheet:
    """A table of amounts per year (Finanzierung nach Quelle, Aufwand nach Art …): each amount
    the formula `cell(label, year)` gives from the line items, row and column sums as formulas;
    the row sums headed `span` ('Summe 2026–2027', as the concept's tables: a sum over budget
    years says which it adds – web review)."""
    years = [Column(year, "euro", 15, summed=True, year=int(year)) for year in table.columns]
    rows: list[list[Value]] = [
        [row.label, *(Formula(cell(row.label, COLUMN_YEAR), amount) for amount in row.amounts)]
        for row in table.rows
    ]
    if rest is not None:  # a last row, label and formula, that takes up what no row names
        rows.append([rest[0], *(Formula(rest[1], Decimal(0)) for _ in table.columns)])
    columns = [Column(first, width=48), *years]
    return Sheet(name, title, columns, rows, total_label, row_total=span)


def _rest(t: MoneyTerms, label: str) -> tuple[str, str]:
    """A last row of a table by year: the year's Aufwand less the rows above, what a line added
    with a source or purpose no row names contributes (web review: a Krankenkassen grant typed
    into 'Erträge', which had no row, left 'Aufwand gesamt' 10.000 € short of the Aufwand,
    silently). 0 while every line has its row."""
    return label, f"{_expenses(t, (YEAR, COLUMN_YEAR))}-SUM({COLUMN_ABOVE})"


def _balance_sheet(concept: Concept) -> Sheet:
    budget = concept.budget
    t = budget.terms
    pending_column = f"{t.income} erst beantragt"
    columns = [
        Column("Haushaltsjahr", "integer", 14),
        Column("Stand des Haushalts", width=20),
        *_balance_columns(t),
        # the risk a Kämmerei asks about before it counts the Erträge (as the papers name it)
        Column(pending_column, "euro", 18, summed=True),
        # and what the municipality would carry if they were refused (Kämmerei review; 'ohne
        # beantragte Erträge' read as 'not counting them', the opposite)
        # not summed: it would add one year's Zuschussbedarf to another year's worst case (Kämmerei)
        Column(f"Zuschussbedarf bei Ablehnung der beantragten {t.income}", "euro", 24),
        # promised without a Bescheid: every paper names them beside those applied for (Kämmerei)
        # the papers' words: a foundation issues no Bescheid (Kämmerei review)
        Column(f"{t.income} zugesagt, noch nicht schriftlich bewilligt", "euro", 18, summed=True),
    ]
    rows: list[list[Value]] = []
    for year in budget.years:
        balance = budget.balance(year)
        pending, promised = budget.pending(year), budget.promised(year)
        rows.append(
            [
                year,
                budget.status(year) or "",
                Formula(_expenses(t, (YEAR, "{Haushaltsjahr}")), balance.expenses),
                Formula(_income(t, (YEAR, "{Haushaltsjahr}")), balance.income),
                balance.subsidy,
                Formula(
                    _income(t, (YEAR, "{Haushaltsjahr}"), (STATE, f'"{APPLIED_FOR}"')),
                    pending.amount if pending else Decimal(0),
                ),
                Formula(
                    f"SUM({{Zuschussbedarf}}:{{{pending_column}}})",
                    balance.subsidy + (pending.amount if pending else Decimal(0)),
                ),
                Formula(
                    _income(t, (YEAR, "{Haushaltsjahr}"), (STATE, f'"{PROMISED}"')),
                    promised.amount if promised else Decimal(0),
                ),
            ]
        )
    return Sheet(
        "Übersicht", f"{t.balance_title} je Haushaltsjahr", columns, rows, _span_total(budget, budget.span_note)
    )


#: A sum over an adopted budget, a draft and grants applied for is no figure to budget with.
PLANNING = " (Planungsgröße, kein Haushaltsansatz)"


def _span_total(budget: Budget, note: str, what: str = "") -> str:
    """The label of a total over the budget years: 'Summe 2026–2027 (Planungsgröße, …)', with
    the word of what it adds ('Aufwand, Summe 2026–2027 …'; Kämmerei review: 'Aufwand gesamt'
    under both years read as one year's); 'Aufwand gesamt' for a single year."""
    if len(budget.years) < 2:
        return f"{what} gesamt" if what else budget.span_label
    label = f"{what}, {budget.span_label}" if what else budget.span_label
    return label + (PLANNING if note else "")


def _balance_columns(t: MoneyTerms) -> list[Column]:
    """Aufwand, Erträge and the Zuschussbedarf computed from them."""
    return [
        Column(t.expenses, "euro", 16, summed=True),
        Column(t.income, "euro", 16, summed=True),
        Column("Zuschussbedarf", "euro", 16, summed=True, difference=(t.expenses, t.income)),
    ]


def _balances_per_year(
    budget: Budget,
    key: str,
    balances: Callable[[int], list[Balance]],
    name: str,
    title: str,
    lines_key: str | None = None,
) -> Sheet:
    """Aufwand, Erträge and Zuschussbedarf per `key` (a committee, a Produkt) and year, as formulas
    over the line items' column of that name (or `lines_key`). No totals row: it would add an
    adopted year to a draft; each year's total stands on the sheet 'Übersicht'."""
    t = budget.terms
    columns = [Column(key, width=40), Column("Haushaltsjahr", "integer", 14), *_balance_columns(t)]
    criteria = ((YEAR, "{Haushaltsjahr}"), (lines_key or key, f"{{{key}}}"))
    rows: list[list[Value]] = [
        [
            b.label,
            year,
            Formula(_expenses(t, *criteria), b.expenses),
            Formula(_income(t, *criteria), b.income),
            b.subsidy,
        ]
        for year in budget.years
        for b in balances(year)
    ]
    return Sheet(name, title, columns, rows, checks=_year_checks(budget, name, key, balances))


def _none_of(noun: str) -> str:
    """'keinem Ausschuss', 'keinem Produkt', 'keiner Haushaltsstelle', 'keiner Deputation'."""
    feminine = noun.endswith(("stelle", "ion", "ung", "position"))
    return f"{'keiner' if feminine else 'keinem'} {noun}"


def _year_checks(
    budget: Budget, name: str, key: str, balances: Callable[[int], list[Balance]]
) -> list[list[Value]]:
    """Under a sheet by committee or Produkt, each year's sum of its rows and what of the year's
    line items no row holds – 0 as long as every line names a committee or Produkt of the sheet
    (Kämmerei review: a line moved to another committee dropped out without a word)."""
    t = budget.terms
    this_year = f"{{{YEAR}}}"

    def own(column: str) -> str:
        return f"SUMPRODUCT(({{{name}:{YEAR}}}={this_year})*{{{name}:{column}}})"

    checks: list[list[Value]] = []
    for year in budget.years:
        whole = budget.balance(year)
        listed = balances(year)
        expenses = sum((b.expenses for b in listed), Decimal(0))
        income = sum((b.income for b in listed), Decimal(0))
        checks.append(
            [f"Summe {year}", year, Formula(own(t.expenses), expenses), Formula(own(t.income), income), None]
        )
        checks.append(
            [
                f"{year}: {_none_of(key)} dieses Blatts zugeordnet",
                year,
                Formula(f"{_expenses(t, (YEAR, this_year))}-{own(t.expenses)}", whole.expenses - expenses),
                Formula(f"{_income(t, (YEAR, this_year))}-{own(t.income)}", whole.income - income),
                None,
            ]
        )
    return checks


def _committee_sheet(concept: Concept) -> Sheet:
    budget = concept.budget
    nouns = budget.committee_nouns
    title = f"{budget.terms.balance_title} nach {nouns.responsible_dat}"
    return _balances_per_year(budget, nouns.singular, budget.balances, nouns.plural, title)


def _item_sheet(concept: Concept) -> Sheet:
    """Per Produkt (or Haushaltsstelle) and year (Kämmerei review: every paper has a table by
    Produkt, the workbook had none, and filtering two sheets is no answer to 'what goes into
    Produkt 36.30.01')."""
    budget = concept.budget
    item = budget.item_label
    title = f"{budget.terms.balance_title} nach {item} und Jahr"
    return _balances_per_year(budget, item, budget.item_balances, budget.items_plural, title, _item_key(budget))


def _item_key(budget: Budget) -> str | None:
    """The column of the line items that names each line's Produkt without its account, where a
    line names one ('36301.50110000' under '36301'): the sheet of Produkte compares it, not the
    item as written, with its rows (review: every Produkt summed to 0 once a spreadsheet
    recalculated)."""
    items = [e.budget_item for e in budget.expense_lines] + [i.budget_item for i in budget.income_lines]
    return f"{budget.item_label} ohne Konto" if any(product_of(item) != item for item in items) else None


def _with_item_key(budget: Budget, columns: list[Column], rows: list[list[Value]], items: list[str]) -> None:
    """:func:`_item_key`'s column added to a sheet of line items, where it is needed."""
    key = _item_key(budget)
    if key is None:
        return
    columns.append(Column(key, width=24))
    for row, item in zip(rows, items, strict=True):
        row.append(product_of(item))


def _committee_column(concept: Concept) -> Column:
    """The committee of a line: one of those the summary sheet lists (a line moved to another,
    which the list offered, dropped out of the sheet's sums without a word – Kämmerei review)."""
    budget = concept.budget
    return Column(
        budget.committee_nouns.singular,
        width=30,
        choices=tuple(c.name for c in budget.committees),
        off_list=f"Dieser Eintrag steht nicht auf dem Blatt „{budget.committee_nouns.plural}“; dort fehlte der Betrag.",
    )


def _item_column(concept: Concept) -> Column:
    """The budget item of a line: one the sheet of items lists, or a new one with a warning."""
    budget = concept.budget
    items = [e.budget_item for e in budget.expense_lines] + [i.budget_item for i in budget.income_lines]
    return Column(
        budget.item_label,
        width=32,
        choices=tuple(dict.fromkeys(items)),
        off_list=f"Dieser Eintrag steht nicht auf dem Blatt „{budget.items_plural}“; dort fehlte der Betrag.",
    )


def _expense_sheet(concept: Concept) -> Sheet:
    t = concept.budget.terms
    columns = [
        Column("Haushaltsjahr", "integer", 14),
        Column("Bezeichnung", width=50),
        Column("Art", width=20, choices=get_args(ExpenseKind)),
        Column("Nr.", width=7),
        Column(PURPOSE, width=40),
        Column("Betrag", "euro", 16, summed=True),
        _item_column(concept),
        _committee_column(concept),
        Column("Empfänger", width=36),
        # what the papers' Folgekosten take out of the recurring Aufwand, to filter by
        Column("Anfall", width=14),
        # a line that starts during the year recurs with a full year's amount: carried forward as
        # it stands, 'ab April' under-planned the next years (Kämmerei review)
        Column("Volles Jahr", "euro", 16),
    ]
    ending = concept.budget.ending_measures
    lines = concept.budget.expense_lines
    # amounts beyond the adopted budget, as the papers name them: only where there are any (diff review)
    deviating = any(e.deviation for e in lines)
    if deviating:
        columns += [Column("Planabweichung", width=18), Column("Deckung", width=40)]
    rows: list[list[Value]] = [
        [
            e.year,
            e.title,
            concept.budget.terms.kind(e.kind),
            "" if e.purpose == COORDINATION else concept.measure_number(e.purpose),
            COMPENSATION_LABEL if concept.budget.is_compensation(e) else concept.purpose_label(e.purpose),
            e.amount,
            e.budget_item,
            concept.committee(e.committee).name,
            concept.organisation(e.recipient).name if e.recipient else "",
            recurrence(e, ending),
            e.full_year,
            *([e.deviation or "", e.cover or ""] if deviating else []),
        ]
        for e in lines
    ]
    # no line starts during a year: an empty column read as forgotten (Kämmerei)
    full_year = next(i for i, c in enumerate(columns) if c.header == "Volles Jahr")
    if not any(row[full_year] for row in rows):
        columns = columns[:full_year] + columns[full_year + 1 :]
        rows = [row[:full_year] + row[full_year + 1 :] for row in rows]
    _with_item_key(concept.budget, columns, rows, [e.budget_item for e in concept.budget.expense_lines])
    return Sheet(
        t.expense_lines,
        f"{t.expenses}: alle Positionen",
        columns,
        rows,
        _span_total(concept.budget, concept.budget.expense_span_note, t.expenses),
        frozen_columns=2,
    )


def _income_sheet(concept: Concept) -> Sheet:
    columns = [
        Column("Haushaltsjahr", "integer", 14),
        Column(
            "Mittelgeber",
            width=28,
            # the sources the municipality may use, and any its data uses (a warned 'Kreis' line stays valid)
            choices=tuple(
                concept.municipality.source_label(s)
                for s in INCOME_SOURCES
                if s in concept.municipality.income_sources or any(i.source == s for i in concept.resources.income)
            ),
        ),
        Column("Bezeichnung", width=50),
        Column("Betrag", "euro", 16, summed=True),
        Column(STATE, width=18, choices=(APPROVED, PROMISED, APPLIED_FOR)),
        _item_column(concept),
        _committee_column(concept),
        Column(PURPOSES, width=48),
    ]
    rows: list[list[Value]] = [
        [
            i.year,
            concept.municipality.source_label(i.source),
            i.label,
            i.amount,
            i.standing,
            i.budget_item,
            concept.committee(i.committee).name,
            "; ".join(concept.purpose_labels(i.purposes)),
        ]
        for i in concept.budget.income_lines
    ]
    _with_item_key(concept.budget, columns, rows, [i.budget_item for i in concept.budget.income_lines])
    t = concept.budget.terms
    return Sheet(
        t.income,
        f"{t.income}: {concept.budget.income_kinds}",
        columns,
        rows,
        _span_total(concept.budget, concept.budget.span_note, t.income),
        frozen_columns=3,
    )


#: What a line item pays for: a measure ('M1 Willkommensbesuche …') or the coordination.
PURPOSE = "Maßnahme / Zweck"
PURPOSES = "Maßnahmen / Zweck"


def _measure_sheet(concept: Concept) -> Sheet:
    budget = concept.budget
    t = budget.terms
    columns = [
        Column("Nr.", width=6),
        Column("Maßnahme", width=48),
        Column("Ziele", width=14),
        Column("Federführung", width=36),
        Column("Beteiligte", width=48),
        Column("Beginn", "date", 12),
        Column("Ende", "date", 12),
        Column("Status", width=14),
        # the year at the header's end, which the formulas read: a copied column needs a new header only
        *(Column(f"{t.expenses} {year}", "euro", 15, summed=True, year=year) for year in budget.years),
    ]
    rows: list[list[Value]] = [
        [
            concept.measure_number(m.id),
            m.title,
            ", ".join(concept.goal_labels(m.goals)),
            concept.actor(m.lead).name,
            "; ".join(concept.actor_names(m.participants)),
            m.period.start,
            m.period.end,
            m.status,
            *(
                Formula(_expenses(t, (YEAR, COLUMN_YEAR), ("Nr.", "{Nr.}")), budget.cost_of(m.id, year))
                for year in budget.years
            ),
        ]
        for m in concept.measures
    ]
    return Sheet(
        "Maßnahmenplan",
        f"Maßnahmenplan mit {t.expenses_dat} je Maßnahme",
        columns,
        rows,
        "Summe der Maßnahmen (ohne Netzwerkkoordination"
        + (f" und {COMPENSATION_LABEL})" if concept.budget.coordination_compensation() else ")"),
        # the sum over the years, named so: 'Aufwand gesamt' read as a year's total (Kämmerei)
        row_total=t.expenses_total if len(budget.years) < 2 else f"{t.expenses}, {budget.span_label}",
        frozen_columns=2,  # number and title stay in view, and on every printed page
    )


def _source_cell(t: MoneyTerms) -> Callable[[str, str], str]:
    """A source's Erträge in a year; the own share is the Aufwand less all Erträge."""

    def cell(label: str, year: str) -> str:
        if label in OWN_SHARES:
            return f"{_expenses(t, (YEAR, year))}-{_income(t, (YEAR, year))}"
        return _income(t, (YEAR, year), ("Mittelgeber", "{Quelle}"))

    return cell


def workbook(concept: Concept) -> Workbook:
    """The finance department's workbook of a concept's Fassung."""
    budget = concept.budget
    municipality = concept.municipality
    t = budget.terms
    span = budget.span_label if len(budget.years) > 1 else "Summe"
    return Workbook(
        file_stem=f"Finanzen_{safe_file_part(municipality.short_name)}_{safe_file_part(concept.version.version)}",
        title=f"Gesamtkonzept Frühe Hilfen – Maßnahmen und Finanzen, {municipality.name}, Fassung {concept.version.version}",
        author=f"{municipality.youth_welfare_authority}, {municipality.youth_office}",
        date=concept.version.date,
        # a printed sheet says 'Entwurf' as the concept's pages do (web review: it looked adopted)
        footer=(
            f"{municipality.name} · Gesamtkonzept Frühe Hilfen · {'Entwurf · ' if concept.awaiting_adoption else ''}"
            f"Fassung {concept.version.version} · Stand {german_date(concept.version.date)}"
        ),
        sheets=[
            _balance_sheet(concept),
            _years_sheet(
                "Finanzierung nach Quellen",
                f"{t.funding_title} nach Quelle und Jahr",
                "Quelle",
                budget.by_source,
                t.expenses_total,  # it adds sources, whose sum is the Aufwand; as the concept's table
                _source_cell(t),
                span,
                _rest(t, f"{t.income} anderer Mittelgeber (keiner Zeile zugeordnet)"),
            ),
            _years_sheet(
                f"{t.expenses} nach Art",
                f"{t.expenses} nach Art und Jahr",
                "Art",
                budget.by_kind,
                t.expenses_total,
                lambda _, year: _expenses(t, (YEAR, year), ("Art", "{Art}")),
                span,
            ),
            _years_sheet(
                f"{t.expenses} nach Maßnahmen",
                budget.by_purpose_title,
                "Zweck",
                budget.by_purpose,
                t.expenses_total,
                lambda _, year: _expenses(t, (YEAR, year), (PURPOSE, "{Zweck}")),
                span,
                _rest(t, f"{t.expenses} für andere Zwecke (keiner Zeile zugeordnet)"),
            ),
            _committee_sheet(concept),
            _item_sheet(concept),
            _expense_sheet(concept),
            _income_sheet(concept),
            _measure_sheet(concept),
            *(_follow_up_sheet(year) for year in budget.follow_up if year.scenarios or not year.planned),
            *([_staff_sheet(concept)] if concept.resources.positions else []),
        ],
    )


def _staff_sheet(concept: Concept) -> Sheet:
    """The posts the plan counts, each with its employer, its VZÄ and its Personalaufwand per
    year, and under the total how much of it is the own Stellenplan and how much the Träger's
    posts (Kämmerei review: the papers' VZÄ could not be traced in the workbook, and the
    Stellenplan's share stood nowhere)."""
    effort, years = concept.effort, concept.budget.years
    columns = [
        Column("Stelle", width=40),
        Column("Anstellungsträger", width=32),
        Column("Stellenplan", width=14),
        *(Column(f"VZÄ {y}", "fte", 10, summed=True) for y in years),
        *(Column(f"{concept.budget.terms.staff} {y}", "euro", 18, summed=True) for y in years),
    ]
    rows: list[list[Value]] = [
        [
            position.title,
            employer.name,
            "eigener" if effort.in_own_plan(position) else "Träger",
            *(position.fte_in(y) for y in years),
            *costs,
        ]
        for position, employer, costs in effort.staff_rows
    ]
    blank = [None] * len(years)
    mine, others = effort.own_fte_by_year, effort.others_fte_by_year
    return Sheet(
        "Personal",
        f"Personal der Frühen Hilfen nach Stelle und Jahr (VZÄ und {concept.budget.terms.staff})",
        columns,
        rows,
        "Summe",
        checks=[
            ["davon im eigenen Stellenplan", "", "", *(mine[y] for y in years), *blank],
            ["davon Stellen bei anderen Trägern", "", "", *(others[y] for y in years), *blank],
        ],
    )


def _follow_up_sheet(year: FollowUpYear) -> Sheet:
    """The Folgekosten after the plan as the concept's table 'Zuschussbedarf ab 2028 gegenüber
    2027': each cause a row, if the time-limited measures go on and if they end, the change as
    the sum (web review: the follow-up view a Kämmerei looks for was not in the workbook); where
    no measure ends with the plan, one column of changes (:attr:`FollowUpYear.causes`: where only
    a grant ended, the commonest case, the workbook had nothing)."""
    before = year.year - 1
    if year.scenarios:
        *rows, change = year.scenarios
        heads: tuple[str, ...] = year.scenario_heads
        values: list[list[Value]] = [[r.label, r.going_on, r.ending] for r in rows]
    else:
        *rows, change = year.causes
        heads = (f"Veränderung gegenüber {before}",)
        values = [[r.label, r.ending] for r in rows]
    columns = [Column("Ursache", width=70), *(Column(head, "signed", 24, summed=True) for head in heads)]
    return Sheet(
        f"Folgekosten ab {year.year}",
        f"Zuschussbedarf ab {year.year} gegenüber {before}",
        columns,
        values,
        change.label,
    )
