"""Money, staff and network time: every sum the documents print is computed here, once.

Money is kept the way a Kämmerei reads it: **Aufwand** (expenses: staff, Sachkosten, grants to
Träger), each assigned to a measure or to the network's coordination, and **Ertrag** (income:
Bundesstiftung Frühe Hilfen, Land, Krankenkassen, Dritte). The municipality's own share is
never entered: it is the **Zuschussbedarf**, Aufwand − Ertrag. :class:`Budget` adds them up (by
year, source, kind, purpose and responsible committee); :class:`AmountTable` is a table of
amounts with its row and column totals, ready for a template; every table whose total is the
Aufwand states so, and all of them agree. :class:`Effort` compares the network time actors spend
with the time the resource planning budgets. Papers, the concept and the quality rules all read
these, so they agree to the cent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, cached_property, partial
from typing import TYPE_CHECKING, Any, cast, get_args

from pipeline.formatting import enumeration, euro, german_date, number, number_word, share_in_words, with_note
from pipeline.model.accounting import CITY_STATES, DOPPIK, TERMS, MoneyTerms, accounting_of
from pipeline.model.grammar import CommitteeNouns, Forms, committee_nouns
from pipeline.model.inputs import (
    Actor,
    Committee,
    Expense,
    Income,
    Organisation,
    Position,
    own_share_label,
    source_label,
)
from pipeline.model.kinds import MunicipalityKind
from pipeline.model.types import COORDINATION, EXPENSE_KINDS, INCOME_SOURCES

if TYPE_CHECKING:
    from pipeline.model.concept import Concept
    from pipeline.model.procedure import FundsRule

#: How the tables call the municipality's own share.
OWN_SHARE = own_share_label("Landkreis")
#: Every label the own share's row may have, one per kind of municipality: the row is a
#: formula, not a source, in the workbook and the charts.
OWN_SHARES = frozenset(own_share_label(kind) for kind in get_args(MunicipalityKind)) | {
    own_share_label("Bezirk", "Hamburg")
}
#: How the tables call the network's coordination, which is no measure.
COORDINATION_LABEL = "Netzwerkkoordination"
#: How the tables call what the coordination's budget pays freelance and volunteer actors for their network time.
COMPENSATION_LABEL = "Ausgleich für Netzwerkarbeit"
#: The head of a column of budget items that are not all Produkte.
ITEM_LABEL = "Produkt / Haushaltsstelle"
#: The budget items' kinds as names for lists of them.
ITEM_PLURALS = {
    "Produkt": "Produkte",
    "Haushaltsstelle": "Haushaltsstellen",
    "Unterabschnitt": "Unterabschnitte",
    "Kapitel": "Kapitel",
}
#: A budget item that names a Produkt: 'Produkt 36.30.01 …', or a Produkt's number and its name.
_PRODUKT = re.compile(r"Produkt |\d+(?:\.\d+)*\s+[^\W\d]")


def without_label(item: str, label: str) -> str:
    """'06.3.01 Frühe Hilfen' for 'Produkt 06.3.01 Frühe Hilfen' under a heading (or beside a
    label) 'Produkt' – a Stadtverordnete read 'Produkt | Produkt 05.2.03 …'; as written where the
    heading names no single kind."""
    return item if label == ITEM_LABEL else item.removeprefix(f"{label} ")


def total(amounts: Iterable[Decimal]) -> Decimal:
    """The sum of amounts, 0 for none (never the int 0, which would print without cents)."""
    return sum(amounts, Decimal(0))


#: How documents name the state of a year's budget ('haushalt.jahre[].stand').
BUDGET_LABELS = {"beschlossen": "Haushalt beschlossen", "Entwurf": "Haushaltsentwurf", "Planung": "Finanzplanung"}


def deviation_kinds(lines: Iterable[Expense]) -> str:
    """'außerplanmäßig', 'überplanmäßig' or 'über- und außerplanmäßig': how the lines the adopted
    budget does not hold depart from it (`planabweichung`)."""
    kinds = {line.deviation for line in lines if line.deviation}
    if len(kinds) > 1:
        return "über- und außerplanmäßig"
    return next(iter(kinds), "")


def budget_label(status: str | None) -> str | None:
    """'Haushaltsentwurf' for 'Entwurf', 'Finanzplanung' for a year of the Finanzplanung."""
    return BUDGET_LABELS.get(status or "")


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


#: The Gliederung of a kameral Haushaltsstelle, its first four digits ('4510' in '4510.7180' or
#: '1.4510.7180'): the Unterabschnitt.
_SECTION = re.compile(r"(?<!\d)(?:\d\.)?(\d{4})\d?\.\d{3,5}\b")


#: An account named after the Produkt ('Produkt 36300 Frühe Hilfen, Konto 5012000'): Aufwand and
#: Ertrag of one Produkt stand on different accounts (Kontengruppe 5 and 4).
_ACCOUNT = re.compile(r"\s*[,;/–-]?\s*\b(?:Sachkonto|Konto|Kto\.?)\s*[\d. ]+$")
#: A Produkt and its account joined by a point ('36301.41410000', Mecklenburg-Vorpommern): an
#: account has five digits or more, the parts of a Produkt number ('36.30.01') fewer.
_DOTTED_ACCOUNT = re.compile(r"(?<=\d)\.\d{5,}$")
#: The Kapitel of a city state's Haushaltsstelle ('Kapitel 4010, Titel 42201', Berlin): Einnahmen
#: and Ausgaben stand at Titel of their own, what belongs together is the Kapitel.
_CHAPTER = re.compile(r"\bKap(?:itel|\.)\s*(\d{3,5})\b")


@cache
def product_of(item: str) -> str:
    """The Produkt of a doppisch budget item, without the account a user named with it
    (Schleswig-Holstein review: 'Produkt 36300 Frühe Hilfen, Konto 5012000' and '…, Konto
    4141000' made two rows of the table by Produkt, the income one with a negative Zuschussbedarf,
    and a warning that grant and costs stood in different Produkte; Mecklenburg-Vorpommern review:
    '36301.41410000' and '36301.50110000' the same)."""
    return _DOTTED_ACCOUNT.sub("", _ACCOUNT.sub("", item).strip()) or item


def budget_section(item: str) -> str | None:
    """The Unterabschnitt of a kameral Haushaltsstelle ('4510' for 'HHSt. 4510.7180'), or the
    Kapitel of a city state's ('4010' for 'Kapitel 4010, Titel 42201'; Berlin review), None
    where the item names neither: Einnahmen and Ausgaben stand at Haushaltsstellen of their own
    (their Gruppierung or Titel differs), so what belongs together is the Unterabschnitt or Kapitel."""
    found = _CHAPTER.search(item) or _SECTION.search(item)
    return found[1] if found else None


def names_chapter(item: str) -> bool:
    """Whether a Haushaltsstelle is a city state's, by Kapitel and Titel ('Kapitel 4010, Titel
    42201'): what belongs together there is called Kapitel, not Unterabschnitt."""
    return _CHAPTER.search(item) is not None


@dataclass(frozen=True)
class ItemGroups:
    """The rows of a table by budget item: the heading of their column and each item's row."""

    heading: str
    of: dict[str, str]

    @property
    def labels(self) -> list[str]:
        """The rows, each once, in the order of the items."""
        return list(dict.fromkeys(self.of.values()))

    @property
    def plural(self) -> str:
        """'Produkte', 'Unterabschnitte' …: the rows as a name for a list of them."""
        return ITEM_PLURALS.get(self.heading, "Produkte und Haushaltsstellen")

    @property
    def plural_dative(self) -> str:
        """'Produkten', 'Unterabschnitten', 'Kapiteln': after 'nach' or 'in'."""
        return " und ".join(word if word.endswith("n") else f"{word}n" for word in self.plural.split(" und "))

    def named(self, label: str) -> str:
        """A row by its kind and label ('Produkt 36.30.01 Frühe Hilfen'), the word once."""
        return (
            label
            if self.heading == ITEM_LABEL or label.startswith(f"{self.heading} ")
            else f"{self.heading} {label}"
        )


def item_groups(items: Iterable[str], terms: MoneyTerms, item_label: str, state_budget: bool) -> ItemGroups:
    """Which row of a table by budget item each item belongs to: its Produkt without an account
    (under a heading 'Produkt', without repeating the word), or – in a kameral budget whose
    Haushaltsstellen all name one – its Unterabschnitt, in a Land's Haushaltsplan its Kapitel:
    Einnahmen and Ausgaben stand at Haushaltsstellen of their own there, and a row per
    Haushaltsstelle showed each Einnahme as a negative Zuschussbedarf (review of a kameral
    Thuringian Landkreis; Bremen review: 'Unterabschnitt 3414' is no word of a Haushaltsplan)."""
    ordered = sorted(set(items))
    if terms is not DOPPIK:
        sections = {item: budget_section(item) for item in ordered}
        if all(sections.values()):
            word = "Kapitel" if state_budget else "Unterabschnitt"
            return ItemGroups(word, {item: f"{word} {section}" for item, section in sections.items()})
    return ItemGroups(item_label, {item: without_label(product_of(item), item_label) for item in ordered})


def by_purpose_and_year(expenses: Iterable[Expense]) -> dict[tuple[str, int], list[Expense]]:
    """The lines by purpose and year, grouped once: looking them up per purpose keeps a plan of
    thousands of measures linear (a scan of all lines per purpose made it quadratic)."""
    grouped: dict[tuple[str, int], list[Expense]] = {}
    for e in expenses:
        grouped.setdefault((e.purpose, e.year), []).append(e)
    return grouped


def series(line: Income | Expense) -> tuple[object, ...]:
    """What makes budget lines of different years the same line continued."""
    if isinstance(line, Expense):
        return "Aufwand", line.purpose, line.kind, line.committee
    return "Ertrag", line.source, line.funding_area, line.title, line.committee


@dataclass(frozen=True)
class EndingMeasure:
    """A measure whose period ends within the plan: its number ('M2', how a later sentence
    refers back to it), title and last day."""

    number: str
    title: str
    end: dt.date
    #: Work that is under way (status 'laufend'), not a project planned to end, such as a survey.
    ongoing: bool = True
    #: How often the project recurs ('alle vier Jahre'), where it does.
    repeats: str | None = None
    #: Its id in massnahmen.yaml: what a grant's 'fuer' names (code review: a parallel tuple of ids).
    id: str = ""

    @property
    def label(self) -> str:
        """'M2 Babylotsendienst im Klinikum Musterstadt'."""
        return f"{self.number} {self.title}"


def _line_titles(lines: Iterable[Income] | Iterable[Expense]) -> str:
    """The lines of a row of the Folgekosten table by their titles."""
    return "; ".join(line.title for line in lines)


@dataclass(frozen=True)
class ScenarioRow:
    """One row of the Folgekosten table: a cause of the change of the Zuschussbedarf, if the
    time-limited measures go on (None: it does not apply) and if they end."""

    label: str
    going_on: Decimal | None
    ending: Decimal
    total: bool = False


def _level_against(change: Decimal, year: int) -> str:
    """'um 39.000,00 € über dem von 2027', 'um 5.000,00 € unter dem von 2027', 'so hoch wie 2027'."""
    if change > 0:
        return f"um {euro(change)} über dem von {year}"
    if change < 0:
        return f"um {euro(-change)} unter dem von {year}"
    return f"so hoch wie {year}"


@dataclass(frozen=True)
class FollowUpYear:
    """What changes the Zuschussbedarf from `year` on, after the planned years end: grants
    promised only until the year before (``befristet_bis``) for work that goes on, expenses
    that began during the year before and cost a full year from now on (``volles_jahr``), and
    grants for measures that end with them (`with_measures`: whether those go on is a decision
    of its own, so they are named as such, not counted as a rise)."""

    year: int
    ending: tuple[Income, ...]
    growing: tuple[Expense, ...]
    with_measures: tuple[Income, ...] = ()
    measures: tuple[EndingMeasure, ...] = ()
    #: The Aufwand of each of `measures` in its last year (in the same order), where known.
    costs: tuple[Decimal, ...] = ()
    #: Where `costs` are a share (a committee's paper): each measure's whole Aufwand that year and
    #: the budget items of the share, so the reader sees the share is not the measure's cost.
    whole_costs: tuple[Decimal, ...] = ()
    share_items: tuple[tuple[str, ...], ...] = ()
    #: Grants outside the paper's scope that end with the same measures (another committee's
    #: product): whoever decides on going on needs the whole gap.
    with_measures_elsewhere: tuple[Income, ...] = ()
    #: The words of the budget (Aufwand and Erträge, or Ausgaben and Einnahmen).
    terms: MoneyTerms = DOPPIK
    #: The year before's lines that do not come again this year – one-off, or due only every few
    #: years –, outside the measures that end: the Zuschussbedarf ab `year` is without them
    #: (Kämmerei review: the level after M2's end left out the one-off 7.000 €).
    not_recurring: Decimal = Decimal(0)
    #: Who decides on going on with a measure: the council that adopts the budget ('der Kreistag'),
    #: None if unknown; where the council provides no money (`funds`, Hamburg), the Jugendhilfeausschuss.
    council: Forms | None = None
    funds: FundsRule | None = None
    #: ' nach Anhörung des Jugendhilfeausschusses' after the council that decides, where the
    #: Jugendhilfeausschuss is to be heard first (§ 71 Abs. 4 Satz 2 SGB VIII).
    heard: str = ""
    #: `year` is a year of the plan: its budget already lacks the grants that ended before it
    #: (NRW review: 'Nach dem Planungszeitraum: Ab 2027 fehlen …' in a plan for 2026–2027).
    planned: bool = False

    def _grant_lines(self, grants: tuple[Income, ...]) -> str:
        """The grants as :func:`_lines`, each with the measures it funds where several end
        together (code review: two grants for two measures read as funding both)."""
        if len(self.measures) < 2:
            return _lines(grants)

        def funded(grant: Income) -> str:
            mine = [m.number for m in self.measures if m.id in grant.purposes]
            return with_note(grant.label, f"für {enumeration(mine)}") if mine else grant.label

        return _lines(grants, funded)

    @property
    def names_its_amounts(self) -> bool:
        """Whether its sentences name an amount from its year on, not only the Aufwand of an
        ending measure's last year ('M2 … (Aufwand 2028: 37.000,00 €) ist … befristet'): a note on
        'den Beträgen ab 2029' stood after such a sentence alone (Saarland re-check)."""
        last_year = re.compile(rf"{re.escape(self.terms.expenses)} {self.year - 1}: [^;)]*")
        return "€" in last_year.sub("", self.sentence)

    @property
    def sentence(self) -> str:
        """'Ab 2028 fehlen ohne Anschlussförderung Erträge von 24.000,00 € im Jahr: …
        M2 Babylotsendienst … ist bis zum 31.12.2027 befristet; …' for the Folgekosten of a paper.
        Amounts per year, said so that nobody reads a rise every year."""
        return self._sentences(detail=True)

    @property
    def sentence_beside_table(self) -> str:
        """The same, where :attr:`scenarios` stand in a table beside it: the levels without the
        sums they come from (Lektorat: eleven amounts in stacked brackets; a Stadtverordnete)."""
        return self._sentences(detail=not self.scenarios)

    @property
    def scenarios(self) -> list[ScenarioRow]:
        """How the Zuschussbedarf from `year` on differs from the year before if the time-limited
        measures go on without follow-up funding and if they end: each cause a row, the change
        last. Empty where no measure ends with a known Aufwand."""
        if not (self.measures and self.costs):
            return []
        t, numbers = self.terms, self._numbers
        costs, bound = total(self.costs), self._bound
        # each row says what it is and names its lines (Kämmerei re-check: 'Fehlende Erträge' and
        # 'Mit M2 endende Erträge' under 'M2 läuft weiter' told the two apart by nothing)
        rows = self._rising()
        if self.with_measures:
            ended = f"Befristete Förderung von {numbers} endet: {_line_titles(self.with_measures)}"
            rows.append(ScenarioRow(ended, bound, bound))
        rows.append(ScenarioRow(f"{t.expenses} von {numbers} {t.agree('entfällt', 'entfallen')}", None, -costs))
        rows += self._once()
        # the footer is the change the sentences state; the rows add up to it (a test recomputes them)
        return [*rows, self._change(self._change_going_on, self._change_ending)]

    @property
    def causes(self) -> list[ScenarioRow]:
        """Where no measure ends (no :attr:`scenarios`): what changes the Zuschussbedarf from `year`
        on – grants that end, the full year of what began, what does not recur –, the change last,
        each a row with one amount (the workbook's Folgekosten)."""
        change = self.rise - self.not_recurring
        return [*self._rising(), *self._once(), self._change(change, change)]

    def _change(self, going_on: Decimal, ending: Decimal) -> ScenarioRow:
        """The last row: how the Zuschussbedarf changes against the year before."""
        return ScenarioRow(f"Zuschussbedarf: Veränderung gegenüber {self.year - 1}", going_on, ending, total=True)

    def _rising(self) -> list[ScenarioRow]:
        """The rows of grants that end and of the full year of what began, alike in either case."""
        rows, t = [], self.terms
        if self.ending:
            lost = total(i.amount for i in self.ending)
            rows.append(ScenarioRow(f"Befristete Förderung endet: {_line_titles(self.ending)}", lost, lost))
        if self.growing:
            more = self.full_year_more
            rows.append(ScenarioRow(f"{t.expenses} für ein volles Jahr: {_line_titles(self.growing)}", more, more))
        return rows

    def _once(self) -> list[ScenarioRow]:
        """The row of what the year before had once, if anything."""
        if not self.not_recurring:
            return []
        t = self.terms
        # kameral 'Ausgaben …, die nicht jährlich anfallen' (Bavarian review: 'Ausgaben …, der …')
        once = (
            f"{t.expenses} {self.year - 1}, {t.agree('der nicht jährlich anfällt', 'die nicht jährlich anfallen')}"
        )
        return [ScenarioRow(once, -self.not_recurring, -self.not_recurring)]

    @property
    def _numbers(self) -> str:
        """'M2', 'M2 und M5': the time-limited measures by their numbers."""
        return enumeration([m.number for m in self.measures])

    @property
    def _bound(self) -> Decimal:
        """The grants that end with the time-limited measures."""
        return total(i.amount for i in self.with_measures)

    @property
    def _change_going_on(self) -> Decimal:
        """The Zuschussbedarf's change if the time-limited measures go on without follow-up funding."""
        return self.rise + self._bound - self.not_recurring

    @property
    def _change_ending(self) -> Decimal:
        """The Zuschussbedarf's change if they end: without their Aufwand and the grants bound to them."""
        return self._change_going_on - total(self.costs)

    @property
    def scenario_heads(self) -> tuple[str, str]:
        """The columns of :attr:`scenarios`: 'M2 läuft weiter', 'M2 endet'."""
        numbers, one = self._numbers, len(self.measures) == 1
        # 'ohne Anschlussförderung' only where grants end with them (Hamburg review: M4 had none)
        without = " ohne Anschlussförderung" if self.with_measures else ""
        going_on = f"{numbers} {'läuft' if one else 'laufen'}{without} weiter"
        return going_on, f"{numbers} {'endet' if one else 'enden'}"

    def _sentences(self, *, detail: bool) -> str:
        parts, t = [], self.terms
        if self.ending and self.planned:
            # Erträge have no Förderung of their own; the lines before the note on the Zuschussbedarf,
            # not after it (BW review: '… fehlen Erträge …, deren Förderung 2027 endet; der
            # Zuschussbedarf 2028 enthält diesen Ausfall bereits: Bürgerstiftung …')
            parts.append(
                f"Im Jahr {self.year} entfallen {t.income} von {euro(total(i.amount for i in self.ending))} aus "
                + (
                    f"einer Förderung, die {self.year - 1} endet: "
                    if len(self.ending) == 1
                    else f"Förderungen, die {self.year - 1} enden: "
                )
                + _lines(self.ending)
            )
            parts.append(f"Der Zuschussbedarf {self.year} enthält diesen Ausfall bereits")
        elif self.ending:
            parts.append(
                f"Ab {self.year} fehlen ohne Anschlussförderung {t.income} von {euro(total(i.amount for i in self.ending))} "
                f"im Jahr: {_lines(self.ending)}"
            )
        if self.growing:
            lines = "; ".join(
                with_note(e.title, f"{e.year}: {euro(e.amount)}, ab {self.year}: {euro(e.full_year or e.amount)}")
                for e in self.growing
            )
            more = euro(self.full_year_more)
            what = (
                f"für eine Leistung, die {self.year - 1} erst im Lauf des Jahres beginnt,"
                if len(self.growing) == 1
                else f"für Leistungen, die {self.year - 1} erst im Lauf des Jahres beginnen,"
            )
            # what these Leistungen cost more, not the whole Aufwand: measures ending with the year
            # take their Aufwand away (a Kämmerei read '+12.000 €' where M5's end left +3.000 €);
            # 'mehr im Jahr als 2027', not 'steigt': a reader took that for a rise every year;
            # the Aufwand of a full year, not 'kostet … ein volles Jahr' (council member)
            parts.append(
                f"{'Außerdem' if self.ending else f'Ab {self.year}'} {t.agree('fällt', 'fallen')} {what} "
                f"{f'ab {self.year} ' if self.ending else ''}{t.expenses_nom} eines vollen Jahres an, {more} mehr im Jahr "
                f"als {self.year - 1}: {lines}"
            )
        conditional = bool(self.ending and self.growing and self.measures and self.costs)
        if self.ending and self.growing:
            parts.append(
                f"Beides zusammen erhöht den Zuschussbedarf ab {self.year} um {euro(self.rise)} im Jahr gegenüber "
                f"{self.year - 1}"
                # the same year the level below compares with: without its one-off lines (code review)
                + (" ohne dessen einmalige und nicht jährliche Posten" if self.not_recurring else "")
            )
        if conditional:
            # the whole change only if the measures that end go on: the level below says what holds if
            # they end (Stadtverordnete: 24.000,00 € and two sentences on 15.000,00 €, both unconditional);
            # a sentence of its own, not 'Beides … erhöht …, sofern M5 weiterläuft': the two lines raise
            # it either way (Kämmerei review); titles in quotes, or 'M5 Elterninformation …, bis 2027 in
            # zehn Sprachen über 2027 hinaus' ran together
            one = len(self.measures) == 1
            going_on = enumeration([f"{m.number} „{m.title}“" for m in self.measures])
            # with grants of their own ending, the sum holds only if others replace them (RLP review:
            # 'sofern M2 weiterläuft' read as true of M2 going on without its grant)
            funded = "mit einer Anschlussförderung in gleicher Höhe " if self.with_measures else ""
            parts.append(
                f"{'Läuft' if one else 'Laufen'} {going_on} {funded}über {self.year - 1} hinaus weiter, bleibt es bei "
                "dieser Erhöhung"
            )
        if self.measures:
            ends = {m.end for m in self.measures}
            count = len(self.measures)
            costs = self.costs or (None,) * count
            wholes = self.whole_costs or costs
            items = self.share_items or ((),) * count

            def spent(cost: Decimal | None, whole: Decimal | None, where: tuple[str, ...]) -> list[str]:
                if not cost:
                    return []
                if whole is None or whole == cost:
                    return [f"{t.expenses} {self.year - 1}: {euro(cost)}"]
                share = f"in {where[0]}" if len(where) == 1 else "im Bereich dieser Vorlage"
                return [f"{t.expenses} {self.year - 1}: {euro(whole)}, davon {euro(cost)} {share}"]

            def named(measure: EndingMeasure, notes: list[str]) -> str:
                notes = [f"bis {german_date(measure.end)}", *notes] if len(ends) > 1 else notes
                # by its number where the sentence before named it in full (a Stadtverordnete: the
                # title twice in a row)
                label = measure.number if conditional else measure.label
                return f"{label} ({'; '.join(notes)})" if notes else label

            names = enumeration(
                [named(m, spent(c, w, i)) for m, c, w, i in zip(self.measures, costs, wholes, items, strict=True)]
            )
            until = f" bis zum {german_date(ends.pop())}" if len(ends) == 1 else ""
            verb = "ist" if len(self.measures) == 1 else "sind"
            # who decides, and by when: 'ist gesondert zu entscheiden' named neither (Kreistag review)
            # and whose budget must hold the money – not 'spätestens mit dem Haushalt 2028': a budget
            # adopted in its own year comes after the end (Bavarian Kreisrat: adopted on 23.03.2026)
            if self.funds is not None and self.council is not None:  # Hamburg: within the means assigned
                # in matters of Jugendhilfe: a measure funded from another committee's product is no
                # case for § 8 AG SGB VIII (re-check of the Hamburg review)
                decision = (
                    f"ist rechtzeitig vor Ablauf der Befristung zu entscheiden, in Angelegenheiten der Jugendhilfe "
                    f"durch {self.council.acc} {self.funds.youth_within}"
                )
                budget = f"{self.funds.budget} für {self.year}"
            else:
                decision = (
                    f"entscheidet {self.council.nom}{self.heard} rechtzeitig vor Ablauf der Befristung"
                    if self.council is not None
                    else "ist rechtzeitig vor Ablauf der Befristung zu entscheiden"
                )
                budget = f"Haushalt {self.year}"
            decision += f"; die Mittel dafür muss der {budget} vorsehen"
            parts.append(f"{names} {verb}{until} befristet; über eine Fortführung {decision}")
            if self.with_measures:
                amount = euro(total(i.amount for i in self.with_measures))
                more = "zusätzlich " if self.ending else ""
                parts.append(
                    f"Bei einer Fortführung fehlen ohne Anschlussförderung {more}{t.income} von {amount} im Jahr: "
                    f"{self._grant_lines(self.with_measures)}"
                )
            if self.with_measures_elsewhere:
                amount = euro(total(i.amount for i in self.with_measures_elsewhere))
                areas = len({i.budget_item for i in self.with_measures_elsewhere})
                where = "einem Haushaltsbereich, den" if areas == 1 else "Haushaltsbereichen, die"
                parts.append(
                    f"Zudem fehlen dann {t.income} von {amount} im Jahr in {where} diese Vorlage nicht umfasst: "
                    f"{self._grant_lines(self.with_measures_elsewhere)}"
                )
            # added up only where it says more than the grants just named (other changes come in)
            if self.with_measures and self.costs and (self.ending or self.growing or self.not_recurring):
                parts.append(self._if_they_go_on)
            if (self.ending or self.growing) and self.costs:
                parts.append(self._if_they_end(detail=detail))
        return "".join(f"{part}. " for part in parts).strip()

    @property
    def _if_they_go_on(self) -> str:
        """The level where the time-limited measures go on without follow-up funding, beside the
        one where they end: with only the latter, ending the Babylotsendienst read as a saving and
        going on was never added up (Landeskoordinierungsstelle: +39.000 € a year, not stated)."""
        go_on = "Läuft" if len(self.measures) == 1 else "Laufen"
        level = _level_against(self._change_going_on, self.year - 1)
        return f"{go_on} {self._numbers} ohne Anschlussförderung weiter, liegt der Zuschussbedarf ab {self.year} {level}"

    @property
    def full_year_more(self) -> Decimal:
        """What the Leistungen that began during the year before cost more in a full year."""
        return total((e.full_year or e.amount) - e.amount for e in self.growing)

    @property
    def rise(self) -> Decimal:
        """The Zuschussbedarf's rise over the year before, every measure going on: the grants that
        end and the full year of what began."""
        return total(i.amount for i in self.ending) + self.full_year_more

    def _if_they_end(self, *, detail: bool = True) -> str:
        """The rise where the time-limited measures end as planned: without their Aufwand, and
        without the grants that end with them; with `detail`, the sums it comes from."""
        costs, bound = total(self.costs), self._bound
        # the measure by its number: 'sie' could be read as the Fortführung named just before
        when = f"Endet {self.measures[0].number}" if len(self.measures) == 1 else "Enden diese Maßnahmen"
        before = self.year - 1
        level = _level_against(self._change_ending, before)
        # how it follows, each amount once with its sign (council member: „zuzüglich der … endenden
        # Erträge“ within a list of 'abzüglich' left the signs to be worked out); the measures by their
        # numbers, not 'ihr' (language review)
        if self.rise and costs and detail:
            numbers, t = self._numbers, self.terms
            rises = [f"{euro(total(i.amount for i in self.ending))} (fehlende {t.income})"] if self.ending else []
            if self.growing:
                rises.append(f"{euro(self.full_year_more)} (mehr {t.expenses} im vollen Jahr)")
            if self.with_measures:
                rises.append(f"{euro(bound)} (mit {numbers} endende {t.income})")
            falls = [f"{euro(costs)} ({t.expenses} von {numbers})"]
            if self.not_recurring:
                falls.append(
                    f"{euro(self.not_recurring)} (Posten von {before}, die einmalig sind oder nicht jedes Jahr anfallen)"
                )
            # 'Er steigt …; er sinkt …' read as two steps in time (Lektorat)
            higher = f"Höher wird er um {' und um '.join(rises)}, niedriger" if rises else "Niedriger wird er"
            level += f": {higher} um {' und um '.join(falls)}"
        return f"{when} mit Ablauf der Laufzeit, liegt der Zuschussbedarf ab {self.year} {level}"


#: What the Folgekosten leave out, said once after them (Kämmerei: staff costs rose 3,5 % a year).
def prices_left_out(years: Iterable[FollowUpYear]) -> str:
    """'In den Beträgen ab 2029 sind Tarif- und Preissteigerungen nicht eingerechnet.': the years
    after the plan carry its last year on; the planned years are the user's and may hold the rises
    already (Saarland review: 'in diesen Beträgen' stood after 2028's planned amounts, which did)."""
    # a year whose sentence names no amount needs no note (re-check: 'In den Beträgen ab 2029' stood
    # after a sentence on 2029 without one)
    first = min((y.year for y in years if not y.planned and y.names_its_amounts), default=None)
    if first is None:
        return ""
    return f"In den Beträgen ab {first} sind Tarif- und Preissteigerungen nicht eingerechnet."


def follow_up_sentences(years: Iterable[FollowUpYear], *, beside_table: bool = False) -> str:
    """The sentences of the years after the plan (what they leave out said apart, where the
    text closes); with `beside_table`, without the sums the concept's table shows."""
    return " ".join(year.sentence_beside_table if beside_table else year.sentence for year in years)


def follow_up_text(years: Iterable[FollowUpYear], *, beside_table: bool = False) -> str:
    """The sentences of the years after the plan, and once after them what they leave out; with
    `beside_table`, without the sums the concept's table of :attr:`FollowUpYear.scenarios` shows."""
    years = list(years)
    if not years:
        return ""
    note = prices_left_out(years)
    return f"{follow_up_sentences(years, beside_table=beside_table)} {note}".strip()


def once_only(expense: Expense, measures: dict[str, EndingMeasure]) -> bool:
    """A line that does not recur: marked 'einmalig', or the cost of a project (no ongoing work,
    such as a survey) in the year it ends."""
    project = measures.get(expense.purpose)
    ends_here = project is not None and not project.ongoing and project.end.year == expense.year
    return expense.once or ends_here


def time_limited(expense: Expense, measures: dict[str, EndingMeasure]) -> bool:
    """A line of work under way that ends with its measure in that year (a service funded
    until 31.12.2027): not one-off, but not recurring beyond the year either (Kämmerei review)."""
    measure = measures.get(expense.purpose)
    return measure is not None and measure.end.year == expense.year and not once_only(expense, measures)


def recurrence(expense: Expense, measures: dict[str, EndingMeasure]) -> str:
    """How a line recurs, in the Kämmerei's words: 'einmalig', 'befristet' or 'jährlich'. A line of
    a measure that ends later is 'befristet' in every year, not only in its last (Kämmerei review:
    M2 until 31.12.2027 read 'jährlich' in 2026 and 'befristet' in 2027)."""
    if once_only(expense, measures):
        return repeats(expense, measures) or "einmalig"
    measure = measures.get(expense.purpose)
    return "befristet" if measure is not None and measure.end.year >= expense.year else "jährlich"


def same_line(line: Expense) -> tuple[object, ...]:
    """A line and its continuation in the other years: its series and its title."""
    return (*series(line), line.title)


def repeats(expense: Expense, measures: dict[str, EndingMeasure]) -> str | None:
    """'alle vier Jahre' for the line of a project that recurs at that interval (the network
    survey: a Kämmerei read 'einmalig' and planned nothing for the next one); else None."""
    measure = measures.get(expense.purpose)
    return measure.repeats if measure is not None else None


def ends_by(measures: dict[str, EndingMeasure], purpose: str, year: int) -> bool:
    """The measure (or purpose) ends in `year` or before: a grant bound to it ends with it."""
    return purpose in measures and measures[purpose].end.year <= year


def _lines(grants: tuple[Income, ...], label: Callable[[Income], str] = lambda grant: grant.label) -> str:
    """The grants after their total: each with its amount, a single one without (the total
    before it is its amount – '8.000,00 € im Jahr: Bürgerstiftung, 8.000,00 €' says it twice)."""
    if len(grants) == 1:
        return with_note(label(grants[0]), grants[0].budget_item)
    return "; ".join(f"{label(i)}, {euro(i.amount)} ({i.budget_item})" for i in grants)


def follow_up_years(
    expenses: Iterable[Expense],
    income: Iterable[Income],
    since: int,
    measures: dict[str, EndingMeasure] | None = None,
    whole: Iterable[Expense] | None = None,
    whole_income: Iterable[Income] | None = None,
    terms: MoneyTerms = DOPPIK,
    council: Forms | None = None,
    funds: FundsRule | None = None,
    heard: str = "",
) -> list[FollowUpYear]:
    """Folgekosten the budget lines themselves show, from the budget year `since` on: a grant
    in its last promised year and an expense in its first, partial year, each where no line of
    a later year continues it (then the later year shows the amount itself). A grant whose
    measures all end that year (`measures`: the measures that end, by id) ends with them.
    `whole`, `whole_income`: all lines, where `expenses` and `income` are a share of them (a
    committee's paper)."""
    expenses, income, measures = list(expenses), list(income), measures or {}
    every = list(whole) if whole is not None else expenses
    all_income = list(whole_income) if whole_income is not None else income

    def continued(line: Income | Expense, lines: list[Income] | list[Expense]) -> bool:
        return any(series(other) == series(line) and other.year > line.year for other in lines)

    def last_promised(grant: Income, lines: list[Income]) -> bool:
        """A grant in its last promised year, which no line of a later year continues."""
        limit = grant.limited_until
        return limit is not None and grant.year == limit >= since and not continued(grant, lines)

    ending = [i for i in income if last_promised(i, income)]

    def ends_with_measures(line: Income) -> bool:
        return bool(line.purposes) and all(ends_by(measures, p, line.year) for p in line.purposes)

    with_measures = [i for i in ending if ends_with_measures(i)]
    elsewhere = [
        i for i in all_income if i not in income and last_promised(i, all_income) and ends_with_measures(i)
    ]
    ending = [i for i in ending if i not in with_measures]
    growing = [
        e
        for e in expenses
        if e.full_year is not None
        and e.full_year > e.amount
        and e.year >= since
        and not continued(e, expenses)
        and not ends_by(measures, e.purpose, e.year)
    ]
    by_purpose, every_by_purpose = by_purpose_and_year(expenses), by_purpose_and_year(every)
    # measures whose work ends within the plan: whether they go on is a decision, with or without
    # a grant that ends with them
    last_years = {
        purpose: measures[purpose].end.year
        for purpose in {e.purpose for e in expenses}
        if purpose in measures
        and measures[purpose].ongoing
        and measures[purpose].end.year >= since
        and (purpose, measures[purpose].end.year) in by_purpose
    }
    years = sorted(
        {i.year + 1 for i in [*ending, *with_measures]}
        | {e.year + 1 for e in growing}
        | {y + 1 for y in last_years.values()}
    )

    def ending_in(year: int, grants: tuple[Income, ...]) -> tuple[str, ...]:
        with_grants = [p for i in grants for p in i.purposes]
        by_work = sorted((p for p, last in last_years.items() if last + 1 == year), key=list(measures).index)
        return tuple(dict.fromkeys([*with_grants, *by_work]))

    def cost(purpose: str, year: int, whole_plan: bool = False) -> Decimal:
        lines = (every_by_purpose if whole_plan else by_purpose).get((purpose, year), [])
        return total(e.amount for e in lines)

    def items(purpose: str, year: int) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.budget_item for e in by_purpose.get((purpose, year), [])))

    # the last year the plan holds lines for: a year up to it is planned, its budget without the ended grants
    last_planned = max([e.year for e in every] + [i.year for i in all_income], default=0)
    result = []
    for year in years:
        grants = tuple(i for i in with_measures if i.year + 1 == year)
        ended = ending_in(year, grants)
        result.append(
            FollowUpYear(
                year,
                tuple(i for i in ending if i.year + 1 == year),
                tuple(e for e in growing if e.year + 1 == year),
                grants,
                tuple(measures[p] for p in ended),
                tuple(cost(p, year - 1) for p in ended),
                tuple(cost(p, year - 1, whole_plan=True) for p in ended),
                tuple(items(p, year - 1) for p in ended),
                tuple(i for i in elsewhere if i.year + 1 == year and set(i.purposes) & set(ended)),
                terms,
                total(
                    e.amount
                    for e in expenses
                    if e.year == year - 1 and e.purpose not in ended and once_only(e, measures)
                ),
                council,
                funds=funds,
                heard=heard,
                planned=year <= last_planned,
            )
        )
    return result


@dataclass(frozen=True)
class Balance:
    """Aufwand and Ertrag of one scope (a committee in a year, a paper's finances): what the
    municipality must raise itself is the difference."""

    label: str
    expenses: Decimal
    income: Decimal

    @property
    def subsidy(self) -> Decimal:
        """Zuschussbedarf: Aufwand − Ertrag."""
        return self.expenses - self.income


def standing_of(lines: Iterable[Income]) -> str:
    """' (beantragt)' after a source whose Erträge in a table are all only applied for, ' (davon
    38.900,00 € beantragt, 22.000,00 € zugesagt)' where some are; nothing where all are granted:
    a committee's table netted grants against the Aufwand as if all were certain (Kämmerei)."""
    amounts: dict[str, Decimal] = {}
    for line in lines:
        amounts[line.standing] = amounts.get(line.standing, Decimal(0)) + line.amount
    open_ = {standing: amount for standing, amount in amounts.items() if standing != "bewilligt" and amount}
    if not open_:
        return ""
    if len(amounts) == 1:
        return f" ({next(iter(open_))})"
    return f" (davon {enumeration([f'{euro(amount)} {standing}' for standing, amount in open_.items()])})"


def standing_in_columns(lines: Sequence[Income], names: Mapping[str, str]) -> str:
    """:func:`standing_of` for a row of a table by committee: where the source's Erträge stand in
    several columns and only one column's are not yet granted, the note names it – ' (davon
    12.000,00 € zugesagt, Ausschuss für Soziales und Gesundheit)' (Kämmerei review: a JHA member
    read the note against the JHA's 6.000,00 €, granted long since)."""
    note = standing_of(lines)
    columns = {line.committee for line in lines}
    open_columns = {line.committee for line in lines if line.standing != "bewilligt"}
    if not note or len(columns) < 2 or len(open_columns) != 1:
        return note
    return f"{note[:-1]}, {names[open_columns.pop()]})"


def unsettled_lines(*grants: PendingGrants | None) -> tuple[Income, ...]:
    """The lines of applied-for and promised grants together: whoever decides on cuts when they
    fail is the same for both (the concept's sentence, the papers' Haushaltsvorbehalt)."""
    return tuple(line for pending in grants if pending is not None for line in pending.lines)


@dataclass(frozen=True)
class PendingGrants:
    """Erträge of a budget year that are only applied for ('beantragt') – or, made by
    :func:`promised_grants`, promised without a Bescheid ('zugesagt') –, in a scope (all Frühe
    Hilfen, a paper): what the Zuschussbedarf would be without them is the risk a Kämmerei asks
    about before it counts them."""

    year: int
    balance: Balance
    lines: tuple[Income, ...]
    #: The municipality's Land: a Freistaat names its money so (:func:`source_label`).
    state: str = ""

    @property
    def amount(self) -> Decimal:
        return total(i.amount for i in self.lines)

    @property
    def sources(self) -> list[str]:
        """Who is asked for the money, as a sentence names them: 'Land Niedersachsen', not the
        tables' bare 'Land' (review in Niedersachsen and Brandenburg: a resolution said
        „Fördermittel (Bundesstiftung Frühe Hilfen und Land)“ where Bayern's said „Freistaat Bayern“)."""
        return list(dict.fromkeys(self._labels))

    @property
    def named_amounts(self) -> list[str]:
        """The grants by their own names, with each one's amount where there are several
        ('22.000,00 € Projektförderung der gesetzlichen Krankenkassen …'): the split told, not only
        the sum, and no bare 'Krankenkassen.' closing a sentence (Lektorat)."""
        amounts: dict[str, Decimal] = {}
        for line in self.lines:
            amounts[line.label] = amounts.get(line.label, Decimal(0)) + line.amount
        if len(amounts) == 1:
            return list(amounts)
        return [f"{euro(amount)} {name}" for name, amount in amounts.items()]

    @property
    def _labels(self) -> list[str]:
        return [self._named(i) for i in self.lines]

    def _named(self, line: Income) -> str:
        """'Land Niedersachsen' for the tables' 'Land'; a third party by the grant's own name
        without its note ('Bürgerstiftung Musterkreis', not 'Dritte': a resolution's 'zugesagt:
        Krankenkassen und Dritte' left open who promised; Kämmerei)."""
        if line.source == "Dritte":
            return re.sub(r"\s*\([^()]*\)$", "", line.label)
        label = source_label(line.source, self.state)
        return f"Land {self.state}" if label == "Land" and self.state else label

    @property
    def subsidy_without(self) -> Decimal:
        """The Zuschussbedarf if none of them is granted and the work goes ahead as planned."""
        return self.balance.subsidy + self.amount


def pending_grants(
    year: int, balance: Balance, income: Iterable[Income], state: str = "", years: Collection[int] = ()
) -> PendingGrants | None:
    """The year's Erträge in `income` that are only applied for – with `years`, those of all these
    years (a Doppelhaushalt's) –; None where all are granted."""
    wanted = set(years) or {year}
    lines = tuple(i for i in income if i.year in wanted and i.applied_for)
    return PendingGrants(year, balance, lines, state) if lines else None


def promised_grants(
    year: int, balance: Balance, income: Iterable[Income], state: str = "", years: Collection[int] = ()
) -> PendingGrants | None:
    """The year's Erträge in `income` that are promised but have no Bescheid yet (with `years`, as
    :func:`pending_grants`); None where there are none. Told apart from those applied for: a reader
    took them for granted where only the applied-for ones were named (Kämmerei review)."""
    wanted = set(years) or {year}
    lines = tuple(i for i in income if i.year in wanted and i.promised)
    return PendingGrants(year, balance, lines, state) if lines else None


def _matches(value: object, wanted: object) -> bool:
    return wanted is None or value == wanted


class Budget:
    """Aufwand and Ertrag of ressourcen.yaml, added up."""

    def __init__(self, concept: Concept) -> None:
        self.concept = concept
        self.expenses = concept.resources.expenses
        self.income = concept.resources.income

    @cached_property
    def terms(self) -> MoneyTerms:
        """Aufwand and Erträge, or Ausgaben and Einnahmen: the words of the municipality's budget."""
        concept = self.concept
        return TERMS[accounting_of(concept.municipality.state, concept.resources.accounting)]

    @property
    def income_kinds(self) -> str:
        """What the Erträge are: 'Zuwendungen und Erstattungen' only where a Kreis refunds a
        city's costs; grants alone are 'Zuwendungen' (Kämmerei review: Neuhafen's nine lines,
        all grants, were called 'Zuwendungen und Erstattungen'). A kameral budget's words stay."""
        if self.terms is DOPPIK and not any(i.source == "Kreis" for i in self.income):
            return "Zuwendungen"
        return self.terms.income_kinds

    @property
    def part(self) -> str | None:
        """The part of the budget the Frühe Hilfen's money stands in ('Verwaltungshaushalt' of a
        kameral budget); None for Doppik and in a city state (:data:`CITY_STATES`)."""
        return None if self.concept.municipality.state in CITY_STATES else self.terms.budget_part

    # years -----------------------------------------------------------------------------------

    @cached_property
    def years(self) -> list[int]:
        """Every budget year with Aufwand or Ertrag, in order."""
        return sorted({e.year for e in self.expenses} | {i.year for i in self.income})

    def is_past(self, year: int) -> bool:
        """A budget year before the year of the Stand: over when this Fassung is written, its
        amounts told in the past („Im Jahr 2026 standen …“, not „Für 2026 sind … eingeplant“ in a
        concept of October 2027; Saxon year-later review)."""
        return year < self.concept.version.date.year

    @property
    def years_ahead(self) -> list[int]:
        """The budget years from the year of the Stand on – all years where every one is past."""
        return [y for y in self.years if not self.is_past(y)] or self.years

    def status(self, year: int) -> str | None:
        """'beschlossen', 'Entwurf' or 'Planung'; None for a year haushalt does not list."""
        return next((y.status for y in self.concept.resources.budget_years if y.year == year), None)

    def statute(self, year: int) -> str:
        """The Haushaltssatzung (or Haushaltsplan) that holds the year: '2027', or '2027/2028' for a
        Doppelhaushalt."""
        entry = next((y for y in self.concept.resources.budget_years if y.year == year), None)
        return entry.statute if entry is not None and entry.statute else str(year)

    def off_plan(self, year: int) -> list[Expense]:
        """The year's lines the adopted budget does not hold (`planabweichung`)."""
        return [e for e in self.expense_lines if e.year == year and e.deviation]

    def off_plan_amount(self, year: int) -> Decimal:
        """How much of an adopted year the budget does not hold."""
        return total(e.amount for e in self.off_plan(year))

    def off_plan_kinds(self, year: int) -> str:
        """'außerplanmäßig', 'überplanmäßig' or both, for the year's lines (:func:`deviation_kinds`)."""
        return deviation_kinds(self.off_plan(year))

    def year_label(self, year: int) -> str:
        """'2027 (Haushaltsentwurf)': a year as tables and charts name it, with its budget's state."""
        label = budget_label(self.status(year))
        return f"{year} ({label})" if label else str(year)

    @property
    def reserved_years(self) -> list[int]:
        """Budget years not yet adopted: their amounts stand under Haushaltsvorbehalt."""
        return [y for y in self.years if not self.adopted(y)]

    def adopted(self, year: int) -> bool:
        """Whether the council has adopted the year's budget (otherwise: Haushaltsvorbehalt)."""
        return self.status(year) == "beschlossen"

    # sums ------------------------------------------------------------------------------------

    def expense_total(
        self,
        year: int | None = None,
        *,
        committee: str | None = None,
        purpose: str | None = None,
        kind: str | None = None,
    ) -> Decimal:
        """Aufwand, narrowed to a year, committee, purpose (measure or 'netzwerkkoordination')
        or kind, as given."""
        lines = self.expenses if purpose is None else self._by_purpose.get(purpose, [])
        return total(
            e.amount
            for e in lines
            if _matches(e.year, year)
            and _matches(e.committee, committee)
            and _matches(e.purpose, purpose)
            and _matches(e.kind, kind)
        )

    @cached_property
    def _by_purpose(self) -> dict[str, list[Expense]]:
        """The Aufwand of each purpose, in file order: one measure's lines without going
        through all of them, for every measure."""
        grouped: dict[str, list[Expense]] = {}
        for expense in self.expenses:
            grouped.setdefault(expense.purpose, []).append(expense)
        return grouped

    def lines_for(self, purpose: str) -> list[Expense]:
        """The Aufwand of one measure (or the coordination), in the order of :attr:`expense_lines`."""
        return self._lines_by_purpose.get(purpose, [])

    def shared_details(self, purpose: str) -> str | None:
        """The parts of a line's details (what it is, where it is booked) that all of a measure's
        lines share, said once above them (a reader found the same recipient and Produkt under
        every year; a Lektorat the same recipient under lines of two Produkte, and a bare 'Aufwand:'
        above a single line); None where they share none."""
        shared = self._shared_parts(purpose)
        return "; ".join(shared) if shared else None

    def own_details(self, line: Expense) -> str:
        """The parts of a line's details its measure's other lines do not share ('' for none)."""
        shared = self._shared_parts(line.purpose)
        return "; ".join(part for part in self._detail_parts(line) if part not in shared)

    def _detail_parts(self, line: Expense) -> tuple[str, str]:
        recipient = f" ({self.concept.organisation(line.recipient).name})" if line.recipient else ""
        return f"{self.terms.kind(line.kind)}{recipient}", line.budget_item

    def _shared_parts(self, purpose: str) -> tuple[str, ...]:
        lines = self.lines_for(purpose)
        if not lines:
            return ()
        parts = [self._detail_parts(line) for line in lines]
        return tuple(part for i, part in enumerate(parts[0]) if all(p[i] == part for p in parts))

    def lines_by_years(self, purpose: str) -> list[tuple[list[int], list[Expense]]]:
        """A measure's lines by year, years with the same lines together ('2026 und 2027: je
        44.000,00 €'; Lektorat: the same two lines word for word under both years)."""
        groups: list[tuple[list[int], list[Expense]]] = []
        for line in self.lines_for(purpose):
            if groups and groups[-1][0][-1] == line.year:
                groups[-1][1].append(line)
            else:
                groups.append(([line.year], [line]))

        def key(line: Expense) -> tuple[object, ...]:
            return (line.title, line.amount, line.kind, line.recipient, line.budget_item)

        def same(a: list[Expense], b: list[Expense]) -> bool:
            return [key(e) for e in a] == [key(e) for e in b]

        merged: list[tuple[list[int], list[Expense]]] = []
        for years, lines in groups:
            if merged and same(merged[-1][1], lines):
                merged[-1][0].append(years[0])
            else:
                merged.append((years, lines))
        return merged

    @cached_property
    def _lines_by_purpose(self) -> dict[str, list[Expense]]:
        grouped: dict[str, list[Expense]] = {}
        for expense in self.expense_lines:
            grouped.setdefault(expense.purpose, []).append(expense)
        return grouped

    def income_total(
        self, year: int | None = None, *, source: str | None = None, committee: str | None = None
    ) -> Decimal:
        """Ertrag, narrowed to a year, source or committee, as given."""
        return total(i.amount for i in self.income_of(year, source=source, committee=committee))

    def income_of(
        self, year: int | None = None, *, source: str | None = None, committee: str | None = None
    ) -> list[Income]:
        """The lines of Ertrag :meth:`income_total` adds up."""
        return [
            i
            for i in self.income
            if _matches(i.year, year) and _matches(i.source, source) and _matches(i.committee, committee)
        ]

    def subsidy(self, year: int | None = None, *, committee: str | None = None) -> Decimal:
        """Zuschussbedarf: Aufwand − Ertrag."""
        return self.expense_total(year, committee=committee) - self.income_total(year, committee=committee)

    @cached_property
    def sources(self) -> list[str]:
        """The income sources present, in the usual order of budget tables."""
        present = {i.source for i in self.income}
        return [s for s in INCOME_SOURCES if s in present]

    @property
    def sources_of(self) -> str:
        """Who pays the Erträge, after 'Zuwendungen und Erstattungen': 'der Bundesstiftung Frühe
        Hilfen, des Landes, der Krankenkassen und Dritter' ('Dritte' is one source among them)."""
        return enumeration([self.concept.municipality.source_genitive(s) for s in self.sources])

    # tables ----------------------------------------------------------------------------------

    def _years_table(self, rows: Iterable[AmountRow]) -> AmountTable:
        """Rows whose columns are the budget years, totalling the Aufwand of each year."""
        years = self.years
        return AmountTable(
            _titles(years), tuple(rows), tuple(self.expense_total(y) for y in years), self.expense_total()
        )

    @cached_property
    def by_source(self) -> AmountTable:
        """Finanzierung nach Quelle und Jahr: each source's Ertrag and the own share; together the
        Aufwand."""
        label = self.concept.municipality.source_label
        rows = [amount_row(label(s), self.years, partial(self._income_of, s)) for s in self.sources]
        rows.append(amount_row(self.concept.municipality.own_share_label, self.years, self.subsidy))
        return self._years_table(rows)

    def _income_of(self, source: str, year: int | None) -> Decimal:
        return self.income_total(year, source=source)

    @cached_property
    def by_kind(self) -> AmountTable:
        """Aufwand nach Art und Jahr: Personal, Sachkosten, Zuwendungen an Träger."""
        kinds = [k for k in EXPENSE_KINDS if any(e.kind == k for e in self.expenses)]
        return self._years_table(
            amount_row(self.terms.kind(k), self.years, partial(self._expense_of_kind, k)) for k in kinds
        )

    def _expense_of_kind(self, kind: str, year: int | None) -> Decimal:
        return self.expense_total(year, kind=kind)

    @property
    def by_purpose_title(self) -> str:
        """The table of Aufwand by purpose (concept, Maßnahmenplan, workbook): the coordination and
        the compensation it pays are no measures, so the title says it has both (a Kämmerei reader
        found them under 'Maßnahme')."""
        return f"{self.terms.expenses} für Netzwerkkoordination und Maßnahmen nach Jahr"

    @property
    def purposes_in_words(self) -> str:
        """'einer Maßnahme, der Netzwerkkoordination oder dem Ausgleich für Netzwerkarbeit': what
        every euro is assigned to, as the rows of :attr:`by_purpose` are (language review: the
        compensation had a row of its own but not in the sentence)."""
        rows = ["einer Maßnahme", f"der {COORDINATION_LABEL}"]
        if self.coordination_compensation():
            rows.append(f"dem {COMPENSATION_LABEL}")
        return ", ".join(rows[:-1]) + " oder " + rows[-1]

    @cached_property
    def by_purpose(self) -> AmountTable:
        """Aufwand nach Maßnahmen: the network's coordination first, then every measure with
        Aufwand, numbered; together the Aufwand."""
        concept = self.concept
        rows = []
        if COORDINATION in self._by_purpose:
            rows.append(amount_row(COORDINATION_LABEL, self.years, self.coordination_cost))
            if self.coordination_compensation():
                rows.append(amount_row(COMPENSATION_LABEL, self.years, self.coordination_compensation))
        rows += [
            amount_row(f"{concept.measure_number(m.id)} {m.title}", self.years, partial(self.cost_of, m.id))
            for m in concept.measures
            if m.id in self._by_purpose
        ]
        return self._years_table(rows)

    @cached_property
    def item_label(self) -> str:
        """What the budget items are called in a table's head: 'Produkt' where every line names a
        Produkt, by the word or as a Produkt's number and name (a Kämmerei read 'Produkt /
        Haushaltsstelle' over a column of Produkte alone; a BW reader the kameral word over '36.30.01
        Förderung der Erziehung in der Familie' in a budget of the NKHR), else 'Produkt /
        Haushaltsstelle' (an account, '36301.53180000', a Sachkonto); a kameral budget has
        Haushaltsstellen only. Once: every row of a table asks for it (:meth:`item_text`)."""
        if self.terms is not DOPPIK:
            return self.terms.item
        items = [line.budget_item for line in self.expense_lines] + [
            line.budget_item for line in self.income_lines
        ]
        return "Produkt" if items and all(_PRODUKT.match(item) for item in items) else ITEM_LABEL

    def item_text(self, item: str) -> str:
        """A line's budget item in a column headed :attr:`item_label`, without repeating it."""
        return without_label(item, self.item_label)

    @property
    def measures_without_expenses(self) -> list[str]:
        """'M4 Familienwegweiser' …: the measures the plan books no Aufwand for (a partner carries
        them, or they are done within a post), named where a table of Aufwand leaves them out –
        those still to do; completed ones are :attr:`completed_without_expenses` (Kämmerei: 'die
        federführenden Stellen leisten sie' read as ongoing work for two measures done in 2025)."""
        return self._without_expenses(completed=False)

    @property
    def completed_without_expenses(self) -> list[str]:
        """The completed measures the plan books no Aufwand for."""
        return self._without_expenses(completed=True)

    def _without_expenses(self, completed: bool) -> list[str]:
        unbooked = (m for m in self.concept.measures if m.id not in self._by_purpose)
        return self.concept.measure_labels([m.id for m in unbooked if (m.status == "abgeschlossen") == completed])

    def cost_of(self, purpose: str, year: int | None = None) -> Decimal:
        """What one measure (or the coordination) costs in a year, or in all years."""
        return self.expense_total(year, purpose=purpose)

    def by_year(self, amount: Callable[[int], Decimal], *, labelled: bool = True, only_paid: bool = False) -> str:
        """'102.000,00 € im Jahr 2026 (Haushalt beschlossen) und 105.500,00 € im Jahr 2027
        (Haushaltsentwurf)': an amount in every budget year, as running text says it; the budgets'
        state left out where the sentence before has said it; one amount in every year once ('jährlich
        7.600,00 € in den Jahren 2026 und 2027', Lektorat: the same amount twice). With
        `only_paid`, the years with an amount only: „0,00 € im Jahr 2028“ read as a decided zero
        payment (review re-check)."""
        years = [year for year in self.years if not only_paid or amount(year)]
        amounts = [amount(year) for year in years]
        if len(years) > 1 and len(set(amounts)) == 1:
            named = enumeration([self.year_label(year) if labelled else str(year) for year in years])
            # 'jährlich', not 'je': after two groups of actors 'je' read as the sum of each (Kämmerei)
            return f"jährlich {euro(amounts[0])} in den Jahren {named}"
        return enumeration(
            [
                f"{euro(sum_)} im Jahr {self.year_label(year) if labelled else year}"
                for year, sum_ in zip(years, amounts, strict=True)
            ]
        )

    @cached_property
    def _compensation_series(self) -> dict[tuple[object, ...], list[str]]:
        """The lines netzwerkaufwand names as paying an actor's network time (not the coordination's
        own), as series and title, so the same line in the other years counts too; with the actors
        they pay."""
        by_id = {e.id: e for e in self.expenses}
        paid: dict[tuple[object, ...], list[str]] = {}
        for effort in self.concept.resources.budgeted_effort:
            line = by_id.get(effort.expense or "")
            if line is not None and effort.actor != COORDINATION:
                paid.setdefault(same_line(line), []).append(effort.actor)
        return paid

    def is_compensation(self, line: Expense) -> bool:
        """Whether a line of the coordination's budget pays freelance or volunteer actors for their
        network time (a Kämmerei read these Aufwandsentschädigungen as the coordination's cost). A
        measure's grant that also pays its Träger's network time stays the measure's: the workbook
        filed Neuhafen's grants for M2, M4, M9 and M13 under the compensation, so their formulas
        in 'Aufwand nach Maßnahmen' summed to nothing (review of a city in Sachsen-Anhalt)."""
        return line.purpose == COORDINATION and same_line(line) in self._compensation_series

    def coordination_compensation(self, year: int | None = None) -> Decimal:
        """The compensation for network time booked for the coordination, in a year or all years."""
        return total(
            e.amount
            for e in self._by_purpose.get(COORDINATION, [])
            if self.is_compensation(e) and _matches(e.year, year)
        )

    @property
    def coordination_cost_kinds(self) -> str:
        """What the coordination's own cost consists of, in the budget's words: 'Personal- und
        Sachkosten', 'Personalkosten' where its only Sachkosten line is the compensation."""
        own = [e for e in self._by_purpose.get(COORDINATION, []) if not self.is_compensation(e)]
        return self.terms.cost_kinds({e.kind for e in own})

    def coordination_cost(self, year: int | None = None) -> Decimal:
        """What the coordination itself costs (staff and Sachkosten), without the compensation
        for other actors' network time that its budget also pays."""
        return self.cost_of(COORDINATION, year) - self.coordination_compensation(year)

    @property
    def compensated_actors(self) -> list[Actor]:
        """The actors whose network time the coordination's budget compensates, in file order."""
        lines = self._by_purpose.get(COORDINATION, [])
        ids = {a for line in lines for a in self._compensation_series.get(same_line(line), [])}
        return [a for a in self.concept.actors if a.id in ids]

    def measure_costs(self, year: int | None = None) -> Decimal:
        """What the measures together cost (without the coordination)."""
        return self.expense_total(year) - self.expense_total(year, purpose=COORDINATION)

    def item_balances(self, year: int) -> list[Balance]:
        """Aufwand, Ertrag and Zuschussbedarf of every budget item (Produkt or Haushaltsstelle) in a
        year, in the order the lines name them: what the Kämmerei's own budget is built from."""
        items = [product_of(e.budget_item) for e in self.expense_lines if e.year == year]
        items += [product_of(i.budget_item) for i in self.income_lines if i.year == year]
        return [
            Balance(
                item,
                total(
                    e.amount for e in self.expense_lines if e.year == year and product_of(e.budget_item) == item
                ),
                total(i.amount for i in self.income_lines if i.year == year and product_of(i.budget_item) == item),
            )
            for item in dict.fromkeys(items)
        ]

    @cached_property
    def item_groups(self) -> ItemGroups:
        """The rows of :attr:`subsidy_by_item` (:func:`item_groups`)."""
        items = [line.budget_item for line in self.expense_lines] + [
            line.budget_item for line in self.income_lines
        ]
        return item_groups(items, self.terms, self.item_label, self.concept.state_budget)

    @cached_property
    def subsidy_by_item(self) -> AmountTable:
        """Zuschussbedarf nach Produkt und Jahr (or Unterabschnitt): how the Frühen Hilfen tie
        back to the Haushaltsplan, which the Kämmerei and the finance committee read by Produkt
        (Kämmerei review: the concept had them by source, kind, measure and committee only)."""
        years, groups = self.years, self.item_groups
        rows = tuple(amount_row(label, years, partial(self._subsidy_of_group, label)) for label in groups.labels)
        return AmountTable(_titles(years), rows, tuple(self.subsidy(y) for y in years), self.subsidy())

    def _subsidy_of_group(self, label: str, year: int | None) -> Decimal:
        sums = self._group_subsidies
        if year is not None:
            return sums.get((label, year), Decimal(0))
        return total(amount for (group, _), amount in sums.items() if group == label)

    @cached_property
    def _group_subsidies(self) -> dict[tuple[str, int], Decimal]:
        """Aufwand − Ertrag per row of :attr:`subsidy_by_item` and year, each line added once."""
        of = self.item_groups.of
        sums: dict[tuple[str, int], Decimal] = {}
        signed = [(e.budget_item, e.year, e.amount) for e in self.expenses]
        signed += [(i.budget_item, i.year, -i.amount) for i in self.income]
        for item, year, amount in signed:
            key = (of[item], year)
            sums[key] = sums.get(key, Decimal(0)) + amount
        return sums

    @property
    def items_plural(self) -> str:
        """'Produkte', 'Haushaltsstellen' or 'Produkte und Haushaltsstellen': the items of
        :attr:`item_label` as a name for a list of them."""
        return ITEM_PLURALS.get(self.item_label, "Produkte und Haushaltsstellen")

    def balances(self, year: int) -> list[Balance]:
        """Aufwand, Ertrag and Zuschussbedarf of every responsible committee in a year."""
        return [
            Balance(c.name, self.expense_total(year, committee=c.id), self.income_total(year, committee=c.id))
            for c in self.committees
        ]

    def balance(self, year: int | None = None) -> Balance:
        """Aufwand, Ertrag and Zuschussbedarf of all Frühe Hilfen in a year (or all years)."""
        return Balance(
            "Gesamt" if year is not None else self.span_label, self.expense_total(year), self.income_total(year)
        )

    def pending(self, year: int) -> PendingGrants | None:
        """The year's Erträge that are only applied for, against the whole budget."""
        return pending_grants(year, self.balance(year), self.income, self.concept.municipality.state)

    def promised(self, year: int) -> PendingGrants | None:
        """The year's Erträge that are promised without a Bescheid, against the whole budget."""
        return promised_grants(year, self.balance(year), self.income, self.concept.municipality.state)

    @cached_property
    def follow_up(self) -> list[FollowUpYear]:
        """What the budget lines themselves show for the years after the plan: grants that end,
        expenses that cost a full year from the next one on (the Kämmerei's Folgekosten)."""
        years = self.years
        if not years:
            return []
        return follow_up_years(
            self.expense_lines,
            self.income_lines,
            years[0],
            self.ending_measures,
            terms=self.terms,
            council=self.continuation_decider,
            funds=self.funds_rule,
            heard=self.continuation_hearing,
        )

    @property
    def continuation_decider(self) -> Forms | None:
        """Who decides on going on with a measure: the council that adopts the budget ('der
        Kreistag'), None if unknown – where the council provides no money (Hamburg), the
        Jugendhilfeausschuss within the means assigned (:attr:`funds_rule`)."""
        council = self.concept.council
        if self.funds_rule is not None:
            youth = next((c for c in self.concept.committees if c.kind == "Jugendhilfeausschuss"), None)
            if youth is not None:
                return youth.forms
        return council.forms if council is not None else None

    @property
    def continuation_hearing(self) -> str:
        """' nach Anhörung des Jugendhilfeausschusses' where the council decides on going on and
        the Jugendhilfeausschuss is to be heard before it (§ 71 Abs. 4 Satz 2 SGB VIII; NRW review:
        „über eine Fortführung entscheidet der Rat“ left the JHA out); '' where the JHA decides
        itself (Hamburg) or there is none."""
        youth = next((c for c in self.concept.committees if c.kind == "Jugendhilfeausschuss"), None)
        if youth is None or self.funds_rule is not None or self.concept.council is None:
            return ""
        return f" nach Anhörung {youth.forms.gen}"

    @property
    def funds_rule(self) -> FundsRule | None:
        return self.concept.funds_rule

    @property
    def follow_up_text(self) -> str:
        """The Folgekosten as the concept has them, beside the table of their scenarios."""
        return follow_up_text(self.follow_up, beside_table=True)

    @cached_property
    def ending_measures(self) -> dict[str, EndingMeasure]:
        """The measures with an end date, by id, for the Folgekosten: their grants end with them."""
        concept = self.concept
        return {
            m.id: EndingMeasure(
                concept.measure_number(m.id), m.title, m.period.end, m.status == "laufend", m.repeats, m.id
            )
            for m in concept.measures
            if m.period.end is not None
        }

    @property
    def span_label(self) -> str:
        """'Summe 2026–2027': a total over budget years says which years it adds (an adopted
        budget and a draft are not one binding figure); 'Gesamt' for a single year."""
        years = self.years
        return f"Summe {years[0]}–{years[-1]}" if len(years) > 1 else "Gesamt"

    @property
    def span_note(self) -> str:
        """What a sum over the years adds up, where its parts are not alike: 'Die Summe 2026–2027
        verbindet den beschlossenen Haushalt 2026 mit dem Entwurf 2027 und enthält beantragte,
        noch nicht bewilligte Erträge; sie ist eine Planungsgröße, kein Haushaltsansatz.' Empty
        where every year is adopted and every grant promised (finance review)."""
        return self._span_note(with_income=True)

    @property
    def expense_span_note(self) -> str:
        """:attr:`span_note` under a table of Aufwand alone (the Maßnahmenplan): it holds no
        Erträge, so it says nothing of grants applied for (Kämmerei review)."""
        return self._span_note(with_income=False)

    def _span_note(self, with_income: bool) -> str:
        years = self.years
        if len(years) < 2:
            return ""
        drafts = [y for y in years if not self.adopted(y)]
        adopted = [y for y in years if self.adopted(y)]
        pending = with_income and any(i.applied_for for i in self.income)
        promised = with_income and any(i.promised for i in self.income)
        parts = []
        # a year of the Finanzplanung is no draft (Berlin review: 'mit dem Entwurf 2028' for a year
        # entered as 'Planung', which the tables call Finanzplanung)
        entwurf = [str(y) for y in drafts if self.status(y) == "Entwurf"]
        planning = [str(y) for y in drafts if self.status(y) != "Entwurf"]
        unadopted = []
        if entwurf:
            unadopted.append(f"{'dem Entwurf' if len(entwurf) == 1 else 'den Entwürfen'} {enumeration(entwurf)}")
        if planning:
            unadopted.append(f"der Finanzplanung {enumeration(planning)}")
        if drafts and adopted:
            parts.append(
                f"verbindet den beschlossenen Haushalt {enumeration([str(y) for y in adopted])} mit "
                f"{enumeration(unadopted)}"
            )
        elif drafts:
            parts.append(f"beruht auf {enumeration(unadopted)}")
        # promised ones are not granted either (a finance committee member: the summary left out 46.000 €)
        if pending and promised:
            parts.append(f"enthält beantragte und zugesagte, noch nicht bewilligte {self.terms.income}")
        elif pending:
            parts.append(f"enthält beantragte, noch nicht bewilligte {self.terms.income}")
        elif promised:
            parts.append(f"enthält zugesagte, noch nicht schriftlich bewilligte {self.terms.income}")
        if not parts:
            return ""
        return f"Die {self.span_label} {enumeration(parts)}; sie ist eine Planungsgröße, kein Haushaltsansatz."

    # lines -----------------------------------------------------------------------------------

    @property
    def in_whole_euros(self) -> bool:
        """Every amount of Aufwand and Erträge is whole euros: the charts, which label whole euros,
        then round nothing (a reader asked what their 'gerundet' had rounded)."""
        amounts = [e.amount for e in self.expenses] + [i.amount for i in self.income]
        return all(amount == amount.to_integral_value() for amount in amounts)

    @cached_property
    def income_lines(self) -> list[Income]:
        """Erträge by year, then in the usual order of sources."""
        return sorted(self.income, key=lambda i: (i.year, INCOME_SOURCES.index(i.source), i.title))

    @cached_property
    def expense_lines(self) -> list[Expense]:
        """Aufwand by year, then by purpose in the order of the concept, then by kind."""
        order = {COORDINATION: 0} | {m.id: n for n, m in enumerate(self.concept.measures, start=1)}
        return sorted(self.expenses, key=lambda e: (e.year, order.get(e.purpose, 0), EXPENSE_KINDS.index(e.kind)))

    @cached_property
    def requirement_groups(self) -> list[tuple[Income, list[int]]]:
        """Erträge whose grant asks for cooperation, identical ones across years merged:
        (first line, years it applies to)."""
        asking = [i for i in self.income_lines if i.cooperation_requirements]
        return _grouped(asking, lambda i: _requirement_key(i)[:3])

    def grant_heading(self, grant: Income, years: list[int]) -> str:
        """A grant of :attr:`requirement_groups` as its list is headed: the source where the label
        does not name it, the label and the budget years ('Projektförderung der gesetzlichen
        Krankenkassen … (befristet bis 2027; Haushaltsjahre 2026 und 2027)') – 'Krankenkassen,
        Projektförderung der gesetzlichen Krankenkassen … (befristet bis 2027; 2026 und 2027)' said
        the source twice and left the years unexplained (coordinator review)."""
        stem = grant.source.split()[0].lower().removesuffix("e")[:4]
        shown = self.concept.municipality.source_label(grant.source)
        label = grant.label if stem in grant.label.lower() else f"{shown}, {grant.label}"
        budget_years = f"Haushaltsjahr{'e' if len(years) > 1 else ''} {enumeration([str(y) for y in years])}"
        # no Bescheid yet, so no Auflagen yet either (Kämmerei review); promised ones alike
        for standing, state in (("beantragt", "erst beantragt"), ("zugesagt", "zugesagt")):
            open_years = self._unsettled_years(grant, years, standing)
            if open_years:
                shown = "" if open_years == years else f"{enumeration([str(y) for y in open_years])} "
                budget_years += f"; {shown}{state}"
        return with_note(label, budget_years)

    def _unsettled_years(self, grant: Income, years: list[int], standing: str) -> list[int]:
        """The years of a grant of :attr:`requirement_groups` in which it stands so (beantragt,
        zugesagt): not yet granted in writing."""
        key = _requirement_key(grant)
        return [
            i.year
            for i in self.income_lines
            if i.standing == standing and i.year in years and _requirement_key(i) == key
        ]

    @property
    def requirements_not_granted(self) -> bool:
        """Whether a grant asking for cooperation is, in some year, not yet granted in writing."""
        return any(
            self._unsettled_years(grant, years, standing)
            for grant, years in self.requirement_groups
            for standing in ("beantragt", "zugesagt")
        )

    @cached_property
    def _own_grants(self) -> list[tuple[Expense, list[int]]]:
        """The municipality's own grants to Träger, the same grant across years merged (first
        line, years), in the order of the budget lines."""
        grants = [e for e in self.expense_lines if e.kind == "Zuwendung an Träger"]
        return _grouped(grants, lambda e: (e.recipient, e.title))

    @cached_property
    def own_requirements(self) -> list[tuple[tuple[str, ...], list[tuple[Expense, list[int]]]]]:
        """The municipality's own grants to Träger that ask for cooperation: grants with the same
        conditions share one list, so a reader sees a standard clause once, not once per Träger."""
        by_conditions: dict[tuple[str, ...], list[tuple[Expense, list[int]]]] = {}
        for grant, years in self._own_grants:
            if grant.cooperation_requirements:
                by_conditions.setdefault(tuple(grant.cooperation_requirements), []).append((grant, years))
        by_recipient = partial(_recipient_order, self.concept)
        return [(conditions, sorted(group, key=by_recipient)) for conditions, group in by_conditions.items()]

    @property
    def own_requirements_subject(self) -> tuple[str, bool]:
        """Which of the municipality's own grants ask for cooperation, as the subject of 'verlangen
        Zusammenarbeit im Netzwerk', and whether it is plural: 'die eigenen Bewilligungen …' where
        all do, 'die meisten …' where more than half do, else the count ('zwei von fünf eigenen
        Bewilligungen …'; a Bavarian review: 'die meisten' stood for two of five)."""
        things = "eigenen Bewilligungen und Leistungsvereinbarungen mit Trägern"
        # one grant to a Träger for a purpose is one, whatever its title says from year to year
        # ('Mobile Familienberatung Süd (ab 01.05.)' and '… Süd' made two; Brandenburg review:
        # 'eine der zehn' here, '1 von 5' in the Qualitätsdialog)
        asking = len({_one_grant(g) for _, group in self.own_requirements for g, _ in group})
        whole = len({_one_grant(g) for g, _ in self._own_grants})
        if asking == whole:
            return f"die {things}", True
        if asking * 2 > whole:
            return f"die meisten {things}", True
        if asking == 1:
            return f"eine der {number_word(whole)} {things}", False
        return share_in_words(asking, whole, things), True

    @cached_property
    def grants_without_requirements(self) -> list[str]:
        """The municipality's own grants to Träger that ask for no cooperation, as the chapter
        names them beside :attr:`own_requirements` ('Zuwendung … (Träger: Caritasverband …; 2026
        und 2027)'), so it does not claim that all of them do. (A grant always names its
        'empfaenger'; 'an Caritasverband' lacked its article, and names do not say theirs.)"""
        return [
            with_note(
                grant.title,
                f"Träger: {self.concept.organisation(cast(str, grant.recipient)).name}; "
                f"{enumeration([str(y) for y in years])}",
            )
            for grant, years in sorted(self._own_grants, key=partial(_recipient_order, self.concept))
            if not grant.cooperation_requirements
        ]

    @staticmethod
    def by_recipient(grants: list[tuple[Expense, list[int]]]) -> list[tuple[str, list[tuple[Expense, list[int]]]]]:
        """Grants of :attr:`own_requirements` per Träger, in their order: each Träger is named once
        with all its grants, not once per grant."""
        grouped: dict[str, list[tuple[Expense, list[int]]]] = {}
        for grant in grants:
            grouped.setdefault(grant[0].recipient or "", []).append(grant)
        return list(grouped.items())

    # committees ------------------------------------------------------------------------------

    @cached_property
    def committees(self) -> list[Committee]:
        """The committees responsible for Frühe Hilfen money, in the order of gremien.yaml."""
        ids = {e.committee for e in self.expenses} | {i.committee for i in self.income}
        return [c for c in self.concept.committees if c.id in ids]

    @cached_property
    def committee_nouns(self) -> CommitteeNouns:
        """What the committees holding the money are called: Ausschüsse, Bremen's Deputationen, or
        Gremien for a mixed group."""
        return committee_nouns(c.name for c in self.committees)


def _recipient_order(concept: Concept, grant: tuple[Expense, list[int]]) -> tuple[str, str]:
    expense = grant[0]
    return (concept.organisation(expense.recipient).name if expense.recipient else "", expense.title)


def _requirement_key(grant: Income) -> tuple[object, ...]:
    """What makes lines of several years one grant of :attr:`Budget.requirement_groups`."""
    return (grant.source, grant.label, grant.earmarking, tuple(grant.cooperation_requirements))


def _one_grant(grant: Expense) -> tuple[object, ...]:
    """What makes grant lines one grant to a Träger: recipient, purpose and committee."""
    return grant.recipient, grant.purpose, grant.committee


def _grouped(
    lines: Iterable[Income | Expense], key: Callable[..., tuple[object, ...]]
) -> list[tuple[Any, list[int]]]:
    """Lines merged across years where `key` and their cooperation requirements are the same:
    (first line, years)."""
    groups: dict[tuple[object, ...], tuple[Income | Expense, list[int]]] = {}
    for line in lines:
        groups.setdefault((*key(line), tuple(line.cooperation_requirements)), (line, []))[1].append(line.year)
    return list(groups.values())


def fte(size: Decimal) -> str:
    """A size in VZÄ as administrations write it: '3,0', '0,75' (never a bare '3')."""
    shown = number(size)
    return shown if "," in shown else number(size, 1)


class Effort:
    """Staff positions and network time: what actors spend and what the planning budgets."""

    def __init__(self, concept: Concept) -> None:
        self.concept = concept
        self.budgeted = concept.resources.budgeted_effort

    @property
    def fte_by_year(self) -> dict[int, Decimal]:
        """All positions' size in each budget year: a post that starts or grows later is counted
        from its year on, never summed across years."""
        positions = self.concept.resources.positions
        return {year: total(p.fte_in(year) for p in positions) for year in self.concept.budget.years}

    @property
    def fte_changes(self) -> bool:
        """Whether the staff's total differs between budget years."""
        return len(set(self.fte_by_year.values())) > 1

    @property
    def fte_phrase(self) -> str:
        """'insgesamt 5,85 Vollzeitäquivalenten (VZÄ)', or year by year where the total changes:
        '9,15 Vollzeitäquivalenten (VZÄ) im Jahr 2026 und 10,9 VZÄ im Jahr 2027'."""
        by_year = self.fte_by_year
        if not self.fte_changes:
            return f"insgesamt {fte(next(iter(by_year.values()), Decimal(0)))} Vollzeitäquivalenten (VZÄ)"
        parts = [
            f"{fte(size)} {'Vollzeitäquivalenten (VZÄ)' if index == 0 else 'VZÄ'} im Jahr {year}"
            for index, (year, size) in enumerate(by_year.items())
        ]
        return enumeration(parts)

    @property
    def fte_split(self) -> str:
        """'Im eigenen Stellenplan stehen davon 6,0 VZÄ im Jahr 2026 und 6,5 VZÄ im Jahr 2027; 3,15 VZÄ
        im Jahr 2026 und 4,4 VZÄ im Jahr 2027 sind Stellen bei anderen Trägern.' where some posts are
        another Träger's: the Kämmerei and the Personalamt need the effect on the Stellenplan, which
        the total that includes the Träger's posts hid (Kämmerei review); '' where all are own."""
        if not self.posts_elsewhere:
            return ""
        mine, others = self.own_fte_by_year, self.others_fte_by_year

        def phrase(sizes: dict[int, Decimal]) -> str:
            if len(set(sizes.values())) == 1:
                return f"{fte(next(iter(sizes.values()), Decimal(0)))} VZÄ"
            return enumeration([f"{fte(size)} VZÄ im Jahr {year}" for year, size in sizes.items()])

        if not any(mine.values()):
            return "Alle diese Stellen sind Stellen bei anderen Trägern; der eigene Stellenplan enthält keine."
        return f"Im eigenen Stellenplan stehen davon {phrase(mine)}; {phrase(others)} sind Stellen bei anderen Trägern."

    def fte_shown(self, position: Position) -> str:
        """'4,0', or '4,0; ab 2027: 4,5' / 'ab 2027: 0,75' where the size changes within the
        budget years."""
        years = self.concept.budget.years
        sizes = [(year, position.fte_in(year)) for year in years]
        shown = [] if sizes[0][1] == 0 else [fte(sizes[0][1])]
        for (_, before), (year, size) in zip(sizes, sizes[1:], strict=False):
            if size != before:
                shown.append(f"ab {year}: {fte(size)}")
        return "; ".join(shown) or fte(Decimal(0))

    @property
    def total_network_hours(self) -> Decimal:
        return total(a.network_hours for a in self.concept.actors)

    def budgeted_hours(self, actor_id: str) -> Decimal:
        return total(e.hours for e in self.budgeted if e.actor == actor_id)

    @property
    def total_budgeted_hours(self) -> Decimal:
        return total(e.hours for e in self.budgeted)

    @cached_property
    def budgeted_actors(self) -> frozenset[str]:
        """The ids of the actors some of whose network time the planning budgets."""
        return frozenset(e.actor for e in self.budgeted)

    @property
    def actors_without_budget(self) -> list[Actor]:
        """Actors who spend network time of which none is budgeted."""
        return [a for a in self.concept.actors if a.network_hours > 0 and a.id not in self.budgeted_actors]

    @property
    def fully_planned(self) -> bool:
        """Every actor's network time is planned in full – not only the hours added up (the
        coordination's surplus hid 14 actors without any; code review)."""
        return all(
            self.budgeted_hours(a.id) >= a.network_hours for a in self.concept.actors if a.network_hours > 0
        )

    def compensation(self, actor_id: str) -> str:
        """How an actor's budgeted time is compensated, in words."""
        return "; ".join(e.compensation for e in self.budgeted if e.actor == actor_id)

    def staff_cost(self, position_id: str, year: int | None = None) -> Decimal:
        """The Personalaufwand booked for a position, in a year or all years."""
        expenses = self.concept.resources.expenses
        return total(e.amount for e in expenses if e.position == position_id and _matches(e.year, year))

    def employer(self, position: Position) -> Organisation:
        return self.concept.organisation(position.employer)

    @property
    def staff_rows(self) -> list[tuple[Position, Organisation, list[Decimal | None]]]:
        """Every position with its employer and its Personalaufwand in each budget year; None
        where the municipality books no Personalaufwand for it (a Träger's position, paid
        through a Zuwendung; a year before its own post begins – Bavarian review: '0,00 €' for
        the new post's 2026 beside '–' for the Lotsin read as two different things), so the
        table does not claim it costs nothing."""
        years = self.concept.budget.years
        booked = {e.position for e in self.concept.resources.expenses if e.position}
        return [
            (p, self.employer(p), [(self.staff_cost(p.id, y) or None) if p.id in booked else None for y in years])
            for p in self.concept.resources.positions
        ]

    @property
    def posts_elsewhere(self) -> bool:
        """Whether some position is employed by another Träger than the municipality (its posts
        count as far as the municipality co-funds them; said only where there are any)."""
        return not all(self.in_own_plan(p) for p in self.concept.resources.positions)

    def in_own_plan(self, position: Position) -> bool:
        """Whether the post is the municipality's own (its Stellenplan), not another Träger's."""
        return self.employer(position).name == self.concept.municipality.youth_welfare_authority

    @property
    def own_fte_by_year(self) -> dict[int, Decimal]:
        """The size of the municipality's own posts in each budget year (:attr:`fte_by_year` of
        them alone)."""
        positions = [p for p in self.concept.resources.positions if self.in_own_plan(p)]
        return {year: total(p.fte_in(year) for p in positions) for year in self.concept.budget.years}

    @property
    def others_fte_by_year(self) -> dict[int, Decimal]:
        """The size of the other Träger's posts in each budget year: the rest of :attr:`fte_by_year`."""
        mine = self.own_fte_by_year
        return {year: size - mine[year] for year, size in self.fte_by_year.items()}

    @property
    def positions_paid_by_grant(self) -> bool:
        """Whether some position is not booked as own Personalaufwand."""
        return any(None in costs for _, _, costs in self.staff_rows)
