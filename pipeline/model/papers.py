"""Council papers: what one paper shows, derived from the concept.

A paper reads the same facts as the Gesamtkonzept, narrowed to the remit of the bodies that
discuss it: the Jugendhilfeausschuss sees the youth-welfare measures, the Gesundheitsausschuss the
health sector's, the Kreistag everything. Money is summed here, once, so the paper, its OParl
record and the tests agree with the concept to the cent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from pathlib import Path

from pipeline.formatting import (
    enumeration,
    enumeration_of_names,
    euro,
    german_date,
    number_word,
    of_decisions,
    sentence_end,
    sentence_start,
    signed_euro,
    with_note,
)
from pipeline.model.accounting import DOPPIK, MoneyTerms
from pipeline.model.concept import Concept
from pipeline.model.grammar import committee_forms, definite, title_with_article
from pipeline.model.inputs import (
    Actor,
    Committee,
    Consultation,
    Decision,
    Expense,
    Goal,
    Income,
    Indicator,
    Measure,
    Paper,
    PaperSigner,
    consulting_bodies_pay,
    source_label,
)
from pipeline.model.procedure import signs_in_own_right
from pipeline.model.reporting import REPORT_RANK, CommitteeReporting, Hearing, ReportingView, report_order
from pipeline.model.resources import (
    ITEM_LABEL,
    OWN_SHARE,
    AmountRow,
    AmountTable,
    Balance,
    FollowUpYear,
    ItemGroups,
    PendingGrants,
    by_purpose_and_year,
    deviation_kinds,
    follow_up_sentences,
    follow_up_years,
    fte,
    item_groups,
    once_only,
    pending_grants,
    prices_left_out,
    promised_grants,
    repeats,
    series,
    standing_in_columns,
    standing_of,
    time_limited,
    total,
    unsettled_lines,
    without_label,
)
from pipeline.model.types import COORDINATION, EXPENSE_KINDS, INCOME_SOURCES, REFERRAL, add_months

#: Titles of the attachments the tool generates itself.
GENERATED_TITLES = {
    "gesamtkonzept": "Gesamtkonzept Frühe Hilfen",
    "massnahmenplan": "Maßnahmenplan Frühe Hilfen",
    "kooperationsvereinbarung": "Kooperationsvereinbarung",
    "einverstaendniserklaerung": "Vordruck Einverständniserklärung und Schweigepflichtentbindung",
}


#: The generated attachments that are a Fassung of the concept: their title names it.
VERSIONED_ATTACHMENTS = frozenset({"gesamtkonzept", "massnahmenplan"})


def generated_title(kind: str, concept: Concept) -> str:
    """The title of a document the tool generates, as its title page and a paper's list of
    attachments give it: the agreement with the network's name ('Kooperationsvereinbarung
    Netzwerk frühe Kindheit'; Bavarian review: the list and the proposal named it differently)."""
    title = GENERATED_TITLES[kind]
    return f"{title} {concept.network_name}" if kind == "kooperationsvereinbarung" else title


Line = Income | Expense


#: The kind of Aufwand that is staff: its rise alone (pay) expands nothing.
STAFF = "Personal"
#: A rise of grants and Sachkosten up to this share continues what was there (prices, the
#: Träger's pay); beyond it, the purpose is expanded.
EXPANSION = Decimal("0.1")


#: „Die Landrätin wird beauftragt …“, „Der Kreisausschuss wird gebeten …“: whom a point of a
#: proposal commissions (its article and name), for the reservation's words and for validate.
COMMISSIONED = re.compile(r"\b(Der|Die|Das) ([^,.;]+?) wird (beauftragt|gebeten|ersucht)\b")


def growth_named(terms: MoneyTerms, finance_office: str) -> str:
    """What the list of what waits for the budget names, and what it leaves to the Kämmerei
    (Kämmerei review: M11's +2.200,00 € was listed, M9's +4.000,00 € not, and the papers said
    not why), in words a council member follows ('… oder ohne die Stellen um mehr als ein Zehntel
    teurer wird' was read twice and not understood; Bayern and RLP re-checks)."""
    return (
        f" Genannt sind Maßnahmen und Leistungen, die neu sind, mehr Stellen erhalten oder deren {terms.kind('Sachkosten')} "
        f"und Zuschüsse um mehr als ein Zehntel steigen; auch kleinere Erhöhungen kann {finance_office} bis dahin auf den "
        "Ansatz des Vorjahres begrenzen."
    )


@dataclass(frozen=True)
class Growth:
    """A purpose (a measure, the coordination) whose Aufwand is new in the year or grows beyond
    what the year before paid for: under vorläufige Haushaltsführung it waits for the budget."""

    label: str
    before: Decimal
    after: Decimal
    #: It adds staff (a new Personal line, or a post that grows in VZÄ): the Stellenplan of the
    #: year must be in force before it is filled.
    staff: bool
    #: The VZÄ of its posts the year before and in the year, where a post grows and nothing else
    #: expands: what waits is the added post, not the whole Aufwand, which also rises with pay.
    posts: tuple[Decimal, Decimal] | None = None
    #: 'alle vier Jahre' for a project that recurs (the network survey): not new, only due again.
    repeats: str | None = None
    #: What the year before paid for under the same purpose was of another kind or for another
    #: recipient (the rent of a meeting place, now a grant to the Träger running the centre): new
    #: as it is paid, not a rise (Kämmerei review: 'von 9.600,00 € auf 41.000,00 €').
    reshaped: bool = False
    #: The year before's Aufwand in a full year, where a line of it began during that year
    #: ('volles_jahr'): the rise to compare is from there.
    before_full_year: Decimal | None = None

    @property
    def shown(self) -> str:
        """'M11 Übergangsverfahren (neu, 4.000,00 €)', 'M6 … (von 120.000,00 € auf 160.000,00 €)',
        'M7 … (von 4,0 auf 4,5 VZÄ)' (a Kämmerei read the whole rise of M7 as waiting), 'M20 …
        (wiederkehrend alle vier Jahre, 3.000,00 €)' ('neu' beside 'alle vier Jahre wiederkehrend'
        in the Folgekosten, a Kreistag member's review)."""
        if not self.before:
            return (
                f"{self.label} ({f'wiederkehrend {self.repeats}' if self.repeats else 'neu'}, {euro(self.after)})"
            )
        if self.reshaped:
            return f"{self.label} (neu in anderer Form, {euro(self.after)}; im Vorjahr {euro(self.before)})"
        if self.posts:
            return f"{self.label} (von {fte(self.posts[0])} auf {fte(self.posts[1])} VZÄ)"
        full = f", im vollen Jahr {euro(self.before_full_year)}," if self.before_full_year else ""
        return f"{self.label} (von {euro(self.before)}{full} auf {euro(self.after)})"


def growth(expenses: list[Expense], year: int, concept: Concept) -> list[Growth]:
    """What is new or expanded in the year against the year before, per purpose: a purpose without
    Aufwand the year before, or one whose grants and Sachkosten rise by more than a tenth or whose
    posts grow (a rise of pay or prices alone continues what was there). A measure that began before
    the year is not new for want of a line the year before, and where the plan has no year before,
    the measures that begin in the year are new (Saarland review: with no year before, the
    paragraph on the vorläufige Haushaltsführung was left out though three measures began; with an
    incomplete year before, services running since 2014 were 'neu'). A line that began during the
    year before counts with its full year ('volles_jahr'): a measure begun in April is not expanded
    for its first whole year (NRW review: 'M2 … (von 6.000,00 € auf 8.000,00 €)' for 9/12 of 8.000 €)."""
    grouped = by_purpose_and_year(expenses)
    year_before = any(y == year - 1 for _, y in grouped)
    found = []
    for purpose in dict.fromkeys(p for p, y in grouped if y == year):
        then, now = grouped.get((purpose, year - 1), []), grouped[(purpose, year)]
        began = _began(concept, purpose)
        if not then and began is not None and began.year < year:
            continue  # running before the year: whatever the plan lacks, it is not new
        if not year_before and (began is None or began.year != year):
            continue  # nothing to compare with, and not begun in the year
        other_then = total(e.full_year or e.amount for e in then if e.kind != STAFF)
        other_now = _sum(e for e in now if e.kind != STAFF)
        posts = {e.position for e in now if e.kind == STAFF}
        new_posts = bool(posts - {e.position for e in then if e.kind == STAFF})
        grown_posts = any(
            p is not None and concept.position(p).fte_in(year) > concept.position(p).fte_in(year - 1)
            for p in posts
        )
        expanded = other_now > other_then * (1 + EXPANSION)
        paid = {(e.kind, e.recipient) for e in now if e.kind != STAFF}
        paid_then = {(e.kind, e.recipient) for e in then if e.kind != STAFF}
        reshaped = bool(paid_then and paid and expanded and not paid & paid_then)
        if then and not expanded and not new_posts and not grown_posts:
            continue
        sizes = None
        if grown_posts and not expanded and not new_posts:
            named = [concept.position(p) for p in posts if p is not None]
            sizes = (total(q.fte_in(year - 1) for q in named), total(q.fte_in(year) for q in named))
        measure = concept.budget.ending_measures.get(purpose)
        label = concept.purpose_label(purpose)
        found.append(
            Growth(
                label,
                _sum(then),
                _sum(now),
                new_posts or grown_posts,
                sizes,
                measure.repeats if measure else None,
                reshaped,
                _full_year(then),
            )
        )
    return found


def _full_year(lines: list[Expense]) -> Decimal | None:
    """The lines' Aufwand in a full year, where one of them began during the year; else None."""
    if not any(e.full_year for e in lines):
        return None
    return total(e.full_year or e.amount for e in lines)


#: Where the body's calendar ends with the sitting, a report falling due within this many months
#: of it is taken as due by it: the next sitting cannot come much sooner.
LAST_KNOWN_SITTING_MONTHS = 3


def _last_sitting_before(committee: Committee, sitting: dt.date, due: dt.date) -> bool:
    """The sitting is the body's last before a report falls due on `due`: its next recorded sitting
    comes after that day (or, with none recorded, the day is within a few months)."""
    later = [d for d in committee.meetings if d > sitting]
    if not later:
        return due <= add_months(sitting, LAST_KNOWN_SITTING_MONTHS)
    return due < min(later)


def _began(concept: Concept, purpose: str) -> dt.date | None:
    """The day the measure a purpose stands for began (its 'zeitraum.von'); None for a purpose that
    is no measure (the coordination)."""
    try:
        return concept.measure(purpose).period.start
    except KeyError:
        return None


def _sum(lines: Iterable[Line]) -> Decimal:
    return total(line.amount for line in lines)


def _lines_with_amounts(lines: Sequence[tuple[str, Decimal]]) -> str:
    """'7.000,00 €: A (M19), 4.000,00 €; B (M20), 3.000,00 €', or for one line '4.000,00 € für
    A (M19)' (its amount once, not twice)."""
    if len(lines) == 1:
        label, amount = lines[0]
        return f"{euro(amount)} für {label}"
    named = "; ".join(f"{label}, {euro(amount)}" for label, amount in lines)
    return f"{euro(total(amount for _, amount in lines))}: {named}"


def _principal(title: str) -> str:
    """'Die Oberbürgermeisterin', 'Der Landrat': the head for whom a deputy signs, with the article –
    by the title's head noun, else by its ending (a 'Regionalverbandsdirektorin' is no noun the
    table knows; code review: the line was dropped)."""
    forms = definite(title)
    if forms is not None:
        return sentence_start(forms.nom)
    first = title.split(" ", 1)[0]
    return f"{'Die' if first.endswith('in') else 'Der'} {title}"


@dataclass(frozen=True)
class FinanceSummary:
    """Finanzielle Auswirkungen of one paper: Aufwand and Ertrag of its budget year in scope,
    the Zuschussbedarf that remains, and where the year's budget stands."""

    year: int
    status: str | None
    expenses: list[Expense]
    income: list[Income]
    later_expenses: list[Expense]
    later_income: list[Income]
    follow_up: str | None
    note: str | None
    decides: bool = True
    effects: tuple[FollowUpYear, ...] = ()
    #: The year's lines that do not recur (marked 'einmalig', or a project that ends that year),
    #: each as the Kämmerei reads it ('Netzwerkbefragung und Auswertung (M20)') with its amount.
    one_off: tuple[tuple[str, Decimal], ...] = ()
    #: Lines of projects that recur at an interval of years ('alle vier Jahre'), with label and amount.
    periodic: tuple[tuple[str, str, Decimal], ...] = ()
    #: The year's Aufwand of measures under way that end that year, per measure label: it does not
    #: recur either (the Babylotsendienst funded until 31.12.2027), though it is not one-off.
    limited: tuple[tuple[str, Decimal], ...] = ()
    #: The year's Aufwand of measures under way that end in a later year, per measure: 'davon
    #: 27.000,00 € für M7, befristet bis 31.12.2028' (BW review: counted 'jährlich wiederkehrend').
    limited_later: tuple[tuple[str, Decimal, dt.date], ...] = ()
    #: What is new or expanded against the year before, per purpose (:func:`growth`).
    growth: tuple[Growth, ...] = ()
    #: What is new or expanded in the year after the budget year: why its planned Aufwand lies
    #: above the recurring one (Sachsen-Anhalt review: 383.400 € recurring beside 499.100 € planned
    #: for 2028, and not a word of the Familienbegleitung growing from 3,0 to 4,5 VZÄ).
    growth_next: tuple[Growth, ...] = ()
    #: What the year's recurring lines that start during the year ('volles_jahr') cost more in a
    #: full year.
    full_year_more: Decimal = Decimal(0)
    #: The Land's rule on vorläufige Haushaltsführung ('§ 99 HGO'), where the table has one.
    provisional_rule: str | None = None
    #: The money is the Land's: a Bezirk's or city state's budget is a Haushaltsplan adopted by
    #: law (Art. 89 VvB), not a Haushaltssatzung (Berlin review).
    state_budget: bool = False
    #: What ends the provisional budget in the Land's words ('bekannt gemacht', 'erlassen' in
    #: Baden-Württemberg).
    budget_until: str = "bekannt gemacht"
    #: Who may hold smaller rises to the year before's amounts until then ('die Kämmerei'; in
    #: Hamburg 'die Finanzbehörde': a city state has no Kämmerei, Hamburg review).
    finance_office: str = "die Kämmerei"
    #: The Land's rule that the Haushaltssatzung is published only after the Jahresabschluss of the
    #: year before last went to the Rechnungsprüfungsamt (Sachsen-Anhalt), where it has one.
    publication_after_accounts: str | None = None
    #: The municipality's Land: a Freistaat names the source 'Land' so (:func:`source_label`).
    state: str = ""
    #: The own share's row label ('Zuschussbedarf (kommunaler Eigenanteil)').
    own_share: str = OWN_SHARE
    #: The Haushaltssatzung that holds the year: '2027', or '2027/2028' for a Doppelhaushalt.
    statute: str = ""
    #: The municipality as the subject of the provisional budget's sentence, and its pronoun:
    #: 'der Landkreis Musterkreis', 'er' (the law's words: „darf die Gemeinde … leisten“).
    subject: str = "die Kommune"
    pronoun: str = "sie"
    #: The Land's own words for what a doppischer provisional budget allows, if it has them.
    provisional_payments: str | None = None
    #: Aufwand and Erträge in scope the year before, where the plan has that year: what is new
    #: is what a Kämmerei asks first, not the whole amount.
    before: Balance | None = None
    #: The year's staff lines, each with its post's VZÄ ('Familienhebammen … (M6; 3,0 VZÄ)'): a
    #: council deciding on Personal of 529.500,00 € sees which posts it pays (Kämmerei review).
    staff: tuple[tuple[str, Decimal], ...] = ()
    #: The words of the budget (Aufwand and Erträge, or Ausgaben and Einnahmen).
    terms: MoneyTerms = DOPPIK
    #: What the whole budget's items are called ('Produkt', 'Haushaltsstelle' …).
    item_label: str = ITEM_LABEL
    #: The paper is decided (or dated) within its budget year: the provisional budget is no
    #: longer a case 'bei Beginn des Haushaltsjahres' but the state of things (Bavarian and RLP
    #: reviews: a paper of 12.01.2027 on a draft budget 2027 spoke of it as a possibility).
    in_year: bool = False
    #: The year's lines in scope the adopted budget does not hold (`planabweichung`), each as the
    #: Kämmerei reads it ('Babylotsendienst im Klinikum Döbelstein (M16)').
    deviations: tuple[tuple[str, Expense], ...] = ()

    @property
    def staff_total(self) -> Decimal:
        """The sum of :attr:`staff`: the Personal row of the year's Aufwand by kind."""
        return total(amount for _, amount in self.staff)

    @property
    def change(self) -> str:
        """'Aufwand +131.300,00 €, Zuschussbedarf +117.900,00 € gegenüber 2026'; empty without a
        year before."""
        if self.before is None:
            return ""
        after = self.balance
        return (
            f"{self.terms.expenses} {signed_euro(after.expenses - self.before.expenses)}, Zuschussbedarf "
            f"{signed_euro(after.subsidy - self.before.subsidy)} gegenüber {self.before.label}"
        )

    @property
    def provisional(self) -> str:
        """What a budget not yet published means for what begins in the year: under vorläufige
        Haushaltsführung only what the municipality is obliged to pay or cannot put off goes on –
        what continues as well – so a new grant or post waits for the budget (finance review of
        Neuhafen's paper). In the words the Länder's rules share ('bei Beginn des Haushaltsjahres
        noch nicht bekannt gemacht' – 'erlassen' in Baden-Württemberg –, 'finanzielle Leistungen'
        in Doppik, 'Ausgaben geleistet' in a kameral budget; reviews for Nordrhein-Westfalen, Bayern, BW
        and Thüringen). Empty where the budget is adopted, nothing is
        new or the Land's rule is not known."""
        if not (self.reserved and self.growth and self.provisional_rule):
            return ""
        lines = "; ".join(g.shown for g in self.growth)
        staff = (
            f" Stellenanteile, die der Stellenplan {self.year} neu vorsieht, können erst mit ihm besetzt werden."
            if any(g.staff for g in self.growth)
            else ""
        )
        if self.state_budget:
            case = (
                f"Solange der Haushaltsplan {self.budget_name} nicht festgestellt ist"
                if self.in_year
                else f"Ist der Haushaltsplan {self.budget_name} bei Beginn des Haushaltsjahres noch nicht festgestellt"
            )
            return (
                f"{case}, richtet sich die vorläufige Haushaltswirtschaft nach {self.provisional_rule}: In der Regel dürfen "
                f"{'bis dahin' if self.in_year else 'dann'} nur "
                "Ausgaben geleistet werden, die nötig sind, um bestehende Einrichtungen zu erhalten, beschlossene "
                "Maßnahmen durchzuführen und rechtlich begründete Verpflichtungen zu erfüllen. Diese "
                f"Beschränkung gilt auch für laufende Maßnahmen; was {self.year} neu hinzukommt oder ausgeweitet wird, kann in der "
                f"Regel erst beginnen, wenn der Haushaltsplan festgestellt ist: {lines}.{growth_named(self.terms, self.finance_office)}{staff}"
            )
        case = (
            f"Solange die Haushaltssatzung {self.budget_name} nicht {self.budget_until} ist"
            if self.in_year
            else f"Ist die Haushaltssatzung {self.budget_name} bei Beginn des Haushaltsjahres noch nicht {self.budget_until}"
        )
        return (
            f"{case}, gilt "
            f"die vorläufige Haushaltsführung ({self.provisional_rule}): {'Bis dahin' if self.in_year else 'Dann'} "
            f"darf {self.subject} nur "
            f"{self.provisional_payments or self.terms.payments}, zu denen {self.pronoun} rechtlich verpflichtet "
            "ist oder die für die Weiterführung notwendiger Aufgaben unaufschiebbar sind. Diese Beschränkung gilt auch "
            "für laufende Maßnahmen; was "
            f"{self.year} neu hinzukommt oder ausgeweitet wird, kann in der Regel erst beginnen, wenn die "
            f"Haushaltssatzung {self.budget_until} ist: {lines}.{growth_named(self.terms, self.finance_office)}{staff}{self._publication_after_accounts}"
        )

    @property
    def _publication_after_accounts(self) -> str:
        """' Die Haushaltssatzung 2027 darf erst bekannt gemacht werden, wenn der prüffähige
        Jahresabschluss 2025 dem Rechnungsprüfungsamt übergeben ist (§ 102 Abs. 3 KVG LSA).' – why a
        budget may stay provisional though adopted in time (review in Sachsen-Anhalt)."""
        rule = self.publication_after_accounts
        if rule is None:
            return ""
        return (
            f" Die Haushaltssatzung {self.budget_name} darf erst bekannt gemacht werden, wenn der prüffähige "
            f"Jahresabschluss {self.year - 2} dem Rechnungsprüfungsamt übergeben ist ({rule})."
        )

    @property
    def recurring(self) -> str:
        """'Von dem Aufwand 2027 (545.000,00 €) fallen 494.000,00 € jährlich wiederkehrend an;
        44.000,00 € betreffen die befristete Maßnahme M2 …; einmalig sind …': the Folgekosten
        start from what recurs. Empty where everything recurs."""
        if not (self.one_off or self.limited or self.periodic or self.limited_later):
            return ""
        once = total(amount for _, amount in self.one_off)
        ending = total(amount for _, amount in self.limited)
        now_and_then = total(amount for _, _, amount in self.periodic)
        whole = self.balance.expenses
        yearly = whole - once - ending - now_and_then
        # a service that starts during the year recurs with a full year's amount (Sachsen-Anhalt
        # review: '371.400,00 € jährlich wiederkehrend', 383.400,00 € in a full year)
        more = self.full_year_more
        full = f" (in einem vollen Jahr {euro(yearly + more)})" if more > 0 else ""
        later = enumeration(
            [
                # 'nur bis …': 'jährlich wiederkehrend …, davon …, befristet bis' read as a
                # contradiction (RLP re-check)
                f"{euro(amount)} für {label} nur bis zum {german_date(end)} (befristet)"
                for label, amount, end in self.limited_later
            ]
        )
        parts = [
            f"Von {self.terms.expenses_dat} {self.year} ({euro(whole)}) fallen {euro(yearly)} jährlich wiederkehrend "
            f"an{full}{f', davon {later}' if later else ''}"
        ]
        if self.limited:
            if len(self.limited) == 1:
                parts.append(f"{euro(ending)} betreffen die befristete Maßnahme {self.limited[0][0]}")
            else:
                named = enumeration([f"{label} ({euro(amount)})" for label, amount in self.limited])
                parts.append(f"{euro(ending)} betreffen die befristeten Maßnahmen {named}")
        for interval in dict.fromkeys(every for _, every, _ in self.periodic):
            these = [(label, amount) for label, every, amount in self.periodic if every == interval]
            parts.append(f"{interval} wiederkehrend sind {_lines_with_amounts(these)}")
        if self.one_off:
            parts.append(f"einmalig sind {_lines_with_amounts(self.one_off)}")
        return "; ".join(parts) + "."

    @property
    def effects_text(self) -> str:
        """The years after the plan in sentences, without the note on prices: that closes the whole
        cell, after the paper's own words (Stadtverordnete: the city's sentence on M12 came after it
        and read as an afterthought outside it)."""
        return follow_up_sentences(self.effects)

    @property
    def prices_note(self) -> str:
        """'Tarif- und Preissteigerungen sind … nicht eingerechnet.' where the cell names amounts of
        later years."""
        return prices_left_out(self.effects)

    @property
    def outlook(self) -> tuple[Balance, ...]:
        """The paper's year and the year after it in figures, where the lines show what changes
        then (:attr:`effects`): with the measures that end, once ending as planned and once going
        on without new grants. The Folgekosten say it in words; the Kämmerei wants the amounts of
        the Finanzplanungsjahre (review: 'ab 2028 um 5.000,00 € unter dem von 2027' left it to
        the reader to work out 361.500,00 €). Empty where the plan has the next year's lines
        itself or nothing changes."""
        following = next((e for e in self.effects if e.year == self.year + 1), None)
        later = {line.year for line in self.later_expenses} | {line.year for line in self.later_income}
        if following is None or self.year + 1 in later:
            return ()
        now = self.balance
        going_on = now.expenses + following.full_year_more - following.not_recurring
        income = now.income - total(i.amount for i in [*following.ending, *following.with_measures])
        since = f"ab {following.year}"
        if not following.measures:
            return now, Balance(since, going_on, income)
        numbers = enumeration([m.number for m in following.measures])
        one = len(following.measures) == 1
        rows = [now]
        if following.costs:
            ending = f"{since}, wenn {numbers} mit Ablauf der Laufzeit {'endet' if one else 'enden'}"
            rows.append(Balance(ending, going_on - total(following.costs), income))
        on = f"{since}, wenn {numbers} {'fortgeführt wird' if one else 'fortgeführt werden'}"
        rows.append(
            Balance(on + (" (ohne Anschlussförderung)" if following.with_measures else ""), going_on, income)
        )
        return tuple(rows)

    @property
    def balance(self) -> Balance:
        return Balance(str(self.year), _sum(self.expenses), _sum(self.income))

    @property
    def pending(self) -> PendingGrants | None:
        """The paper's Erträge of its year that are only applied for (a risk to name)."""
        return pending_grants(self.year, self.balance, self.income, self.state)

    @property
    def promised(self) -> PendingGrants | None:
        """The paper's Erträge of its year that are promised without a Bescheid."""
        return promised_grants(self.year, self.balance, self.income, self.state)

    @property
    def income_standing(self) -> str:
        """How far the year's Erträge are secured, after their sum: ', davon 151.800,00 € beantragt,
        noch nicht bewilligt; 12.000,00 € zugesagt, noch nicht schriftlich bewilligt; 6.000,00 €
        bewilligt' – every part named, so that they add up to the sum (a Hessian city's review: the
        6.000,00 € granted were named nowhere); ', zugesagt, noch nicht schriftlich bewilligt'
        where all are of one standing; nothing where all are granted."""
        parts = [
            (grants.amount, words)
            for grants, words in (
                (self.pending, "beantragt, noch nicht bewilligt"),
                (self.promised, "zugesagt, noch nicht schriftlich bewilligt"),
            )
            if grants
        ]
        if not parts:
            return ""
        granted = self.balance.income - total(amount for amount, _ in parts)
        if granted:
            parts.append((granted, "bewilligt"))
        if len(parts) == 1:
            return f", {parts[0][1]}"
        return ", davon " + "; ".join(f"{euro(amount)} {words}" for amount, words in parts)

    @property
    def follow_up_words(self) -> str:
        """The paper's own words on its Folgekosten ('jährlich wiederkehrend'): among the tool's
        sentences a sentence of their own, capitalised and ended – they ran into the note on prices
        ('… des Babylotsendienstes Tarif- und Preissteigerungen …', Sachsen-Anhalt and Berlin
        reviews). Alone in their cell they stay as written."""
        if not self.follow_up:
            return ""
        if not (self.recurring or self.later_years or self.effects):
            return self.follow_up
        return sentence_end(sentence_start(self.follow_up))

    @property
    def follow_up_named(self) -> bool:
        """The paper can say something about its Folgekosten: later years' amounts, what the
        lines themselves show (grants that end, full-year costs) or words; else 'nicht beziffert'."""
        return bool(self.later_expenses or self.later_income or self.effects or self.follow_up or self.one_off)

    @property
    def reserved(self) -> bool:
        """The year's budget is not adopted: the decision stands under Haushaltsvorbehalt."""
        return self.status != "beschlossen"

    @property
    def budget_state(self) -> str:
        """Where the money stands in the budget, in words for the table."""
        if self.status == "beschlossen":
            if self.deviations:
                lines = [line for _, line in self.deviations]
                amount = total(line.amount for line in lines)
                kinds = deviation_kinds(lines)
                # all of it beyond the budget: not 'veranschlagt bis auf' the whole amount (diff review)
                if amount >= self.balance.expenses and all(line.year == self.year for line in lines):
                    return f"im beschlossenen Haushalt {self.budget_name} nicht veranschlagt ({kinds})"
                return (
                    f"im beschlossenen Haushalt {self.budget_name} veranschlagt bis auf {euro(amount)} ({kinds})"
                )
            return f"im beschlossenen Haushalt {self.budget_name} veranschlagt"
        reservation = (
            "Beschluss unter Haushaltsvorbehalt"
            if self.decides
            else f"die Beträge stehen unter dem Vorbehalt der Beschlussfassung über den Haushalt {self.budget_name}"
        )
        if self.status == "Entwurf":
            return f"im Entwurf des Haushalts {self.budget_name} veranschlagt; {reservation}"
        if self.status == "Planung":
            return f"zur Haushaltsplanung {self.budget_name} angemeldet; {reservation}"
        return f"Stand des Haushalts {self.budget_name} nicht angegeben"

    @property
    def off_plan(self) -> str | None:
        """'nein; ein Deckungsvorschlag entfällt' where a paper that decides binds
        money the (draft) budget holds: the line a Kämmerei's form asks for on über- and
        außerplanmäßige Aufwendungen (Kämmerei review: the binding papers said where the money
        stands but not this); None where the money is only registered for the planning."""
        if not self.decides or self.status not in ("beschlossen", "Entwurf"):
            return None
        if self.deviations:
            # each amount with what it pays and how it is covered, as the form asks (Saxon review:
            # 'nein' stood there for amounts added after the Doppelhaushalt was adopted)
            return "ja: " + "; ".join(
                f"{euro(line.amount)} {line.deviation} für {label}"
                + (f" ({line.year})" if line.year != self.year else "")
                + f", Deckung: {line.cover or 'noch offen'}"
                for label, line in self.deviations
            )
        # a draft's lines hold only once it is adopted as drafted (code review)
        condition = "" if self.status == "beschlossen" else ", sofern der Haushalt wie im Entwurf beschlossen wird"
        return f"nein{condition}; ein Deckungsvorschlag entfällt"

    @property
    def budget_name(self) -> str:
        """'2027', or the Doppelhaushalt '2027/2028' that holds the year (Hamburg review: the
        reservation named 'den Haushalt 2027' beside 'die Haushaltssatzung 2027/2028')."""
        return self.statute or str(self.year)

    @property
    def by_source(self) -> list[tuple[str, Decimal]]:
        """Ertrag per source and the own share: together the Aufwand."""
        by_source: dict[str, list[Income]] = {}
        for line in self.income:
            by_source.setdefault(line.source, []).append(line)
        rows = [
            (source_label(s, self.state) + standing_of(by_source[s]), _sum(by_source[s]))
            for s in INCOME_SOURCES
            if s in by_source
        ]
        return [*rows, (self.own_share, self.balance.subsidy)]

    @property
    def by_kind(self) -> list[tuple[str, Decimal]]:
        present = {e.kind for e in self.expenses}
        return [
            (self.terms.kind(k), _sum(e for e in self.expenses if e.kind == k))
            for k in EXPENSE_KINDS
            if k in present
        ]

    @property
    def budget_items(self) -> list[str]:
        """The Produkte or Haushaltsstellen of the year's lines, in order."""
        return sorted({e.budget_item for e in self.expenses} | {i.budget_item for i in self.income})

    @property
    def _groups(self) -> ItemGroups:
        """The rows of :attr:`by_budget_item` (:func:`item_groups`)."""
        return item_groups(self.budget_items, self.terms, self.item_label, self.state_budget)

    @property
    def budget_items_shown(self) -> str:
        """The year's items for the paper's head table: up to two by name, more by the table that
        sums them up, or by their one Unterabschnitt where that table would have a single row."""
        items = self.budget_items
        if len(items) <= 2:
            return "; ".join(without_label(item, self.item_label) for item in items)
        groups = self.by_budget_item
        if len(groups) > 1:
            return f"mehrere, siehe Übersicht nach {self.budget_item_grouping}"
        return f"{groups[0].label} ({number_word(len(items))} {self.item_label}n)"

    @property
    def budget_item_heading(self) -> str:
        """The first column of :attr:`by_budget_item`: 'Unterabschnitt', 'Produkt' …"""
        return self._groups.heading

    @property
    def budget_item_grouping(self) -> str:
        """What :attr:`by_budget_item` groups by, after 'nach': 'Produkt und Haushaltsstelle' where
        the items are of both kinds."""
        heading = self.budget_item_heading
        return "Produkt und Haushaltsstelle" if heading == ITEM_LABEL else heading

    @property
    def by_budget_item(self) -> list[Balance]:
        """Aufwand, Erträge and Zuschussbedarf per Produkt or Haushaltsstelle (a Kämmerei reader
        found the table of Produkte with Aufwand only, while one committee's share spans two), per
        Unterabschnitt in a kameral budget (:func:`item_groups`)."""
        group = self._groups.of
        return [
            Balance(
                label,
                _sum(e for e in self.expenses if group[e.budget_item] == label),
                _sum(i for i in self.income if group[i.budget_item] == label),
            )
            for label in self._groups.labels
        ]

    @property
    def budget_items_total(self) -> Balance:
        """The sum under :attr:`by_budget_item`."""
        return Balance("Gesamt", self.balance.expenses, self.balance.income)

    @property
    def later_years(self) -> list[Balance]:
        """Aufwand and Ertrag of the same scope in the years after the budget year (Folgekosten)."""
        years = sorted({e.year for e in self.later_expenses} | {i.year for i in self.later_income})
        return [
            Balance(
                str(y),
                _sum(e for e in self.later_expenses if e.year == y),
                _sum(i for i in self.later_income if i.year == y),
            )
            for y in years
        ]


def statute_years(statute: str) -> list[int]:
    """The years of a Doppelhaushalt's name: '2027/2028' and '2027/28' → [2027, 2028]."""
    found = re.fullmatch(r"\s*(\d{4})\s*/\s*(\d{2}|\d{4})\s*", statute)
    if found is None:
        return []
    first, second = int(found[1]), found[2]
    return [first, int(second) if len(second) == 4 else first // 100 * 100 + int(second)]


@dataclass(frozen=True)
class Change:
    """Aufwand and Zuschussbedarf of one committee in the year before and in the budget year."""

    label: str
    before: Balance
    after: Balance


@dataclass(frozen=True)
class ResourcePlan:
    """Abgestimmte Ressourcenplanung: the money of the budget year by source and responsible
    committee, its change against the year before, and each committee's lines."""

    year: int
    previous_year: int | None
    committees: list[Committee]
    by_source: AmountTable
    #: One per committee, then the total ("Gesamt"); empty without a year before.
    changes: list[Change]
    lines: list[tuple[Committee, list[Expense], list[Income], Balance]]
    #: What changed most in the Aufwand against the year before, by purpose (label, change).
    drivers: list[tuple[str, Decimal]] = field(default_factory=list)
    #: The change of all other purposes together, where :attr:`drivers` names only the largest.
    other_changes: Decimal | None = None
    #: The words of the budget (Aufwand and Erträge, or Ausgaben and Einnahmen).
    terms: MoneyTerms = DOPPIK

    @property
    def change_sentence(self) -> str:
        """Why the Aufwand changes against the year before, in words a Kämmerei can check:
        'Der Aufwand steigt um 68.800,00 € (von … auf …), vor allem durch M6 … (+40.000,00 €) …;
        die übrigen Änderungen ergeben zusammen +18.500,00 €. Die Erträge sinken um 800,00 €, der
        Zuschussbedarf steigt um 69.600,00 €.' – the named changes and the rest add up to the
        change. Empty without a year before."""
        if not self.changes:
            return ""
        before, after = self.changes[-1].before, self.changes[-1].after
        moved, t = after.expenses - before.expenses, self.terms
        if moved == 0:
            text = f"{sentence_start(t.expenses_nom)} {t.agree('bleibt', 'bleiben')} mit {euro(after.expenses)} gleich"
        else:
            rises = t.agree("steigt", "steigen") if moved > 0 else t.agree("sinkt", "sinken")
            text = (
                f"{sentence_start(t.expenses_nom)} {rises} um {euro(abs(moved))} (von "
                f"{euro(before.expenses)} auf {euro(after.expenses)})"
            )
        rest_named = bool(self.drivers) and moved != 0 and self.other_changes is not None
        if self.drivers and moved != 0:
            shown = [f"{label} ({signed_euro(change)})" for label, change in self.drivers]
            text += f", {'vor allem' if len(shown) > 1 else 'allein'} durch {enumeration(shown)}"
            if self.other_changes:
                text += f"; die übrigen Änderungen ergeben zusammen {signed_euro(self.other_changes)}"
            elif self.other_changes is not None:
                text += "; die übrigen Änderungen gleichen sich aus"
        income, subsidy = after.income - before.income, after.subsidy - before.subsidy
        money = [
            *(
                [f"die {t.income} {'steigen' if income > 0 else 'sinken'} um {euro(abs(income))}"]
                if income
                else []
            ),
            *(
                [f"der Zuschussbedarf {'steigt' if subsidy > 0 else 'sinkt'} um {euro(abs(subsidy))}"]
                if subsidy
                else []
            ),
        ]
        if money:
            rest = ", ".join(money)
            if rest_named:  # after the rest of the changes, the money in a sentence of its own
                text += f". {rest[0].upper()}{rest[1:]}"
            else:
                text += f"{'; ' if income else ', '}{rest}"
        return text + "."


@dataclass(frozen=True)
class ListedAttachment:
    """An Anlage as the paper lists it: generated by the tool, a PDF of the user's, or a title."""

    title: str
    generated: str | None
    file: Path | None

    @property
    def has_file(self) -> bool:
        return bool(self.generated or self.file)


@dataclass(frozen=True)
class PaperView:
    """One council paper together with everything it shows from the concept."""

    concept: Concept
    paper: Paper

    @property
    def deciding_committee(self) -> str | None:
        """The body that decides the paper (its 'Entscheidung' in the Beratungsfolge), if any."""
        decision = self.paper.decision
        return decision.committee if decision is not None else None

    @property
    def of_concept(self) -> str:
        """'des Gesamtkonzepts', or 'des Entwurfs der Fassung 3.0 des Gesamtkonzepts' in a paper
        written before that Fassung is adopted: its goals and measures are proposed, not in force
        (a Stadtverordnete: B 64/2026 cited the draft's numbering as if it applied)."""
        adoption = self.concept.adoption
        adopted = adoption is None or (
            adoption.status == "beschlossen" and adoption.date is not None and adoption.date <= self.paper.date
        )
        return (
            "des Gesamtkonzepts"
            if adopted
            else f"des Entwurfs der Fassung {self.concept.version.version} des Gesamtkonzepts"
        )

    # who signs it --------------------------------------------------------------------------

    @property
    def executive(self) -> Committee | None:
        """The collegial organ that submits papers in this Land (Magistrat, Kreisausschuss in
        Hessen, Bezirksamt), where it resolves on this one: a paper it never dealt with is not
        its paper, and its header, signature and OParl record say so alike (Hessian review)."""
        if self.concept.submitting_executive is None:
            return None
        return next((c for c in self.committees if self.concept.is_executive(c)), None)

    @property
    def submitter(self) -> str | None:
        """Who submits the paper, for its header: the collegial organ where it resolves on the
        paper ('Kreisausschuss'), one who signs it in their own right (a Bavarian Referent), else
        the head of the administration ('Landrätin Dr. Anna Berger')."""
        if self.executive is not None:
            return self.concept.submitter
        own = self.own_right_signer
        if own is not None:
            # Bavarian review: the header said 'Vorlage von Oberbürgermeisterin …' above a Referent's
            # signature without 'In Vertretung'
            return f"{own.name}, {own.title}"
        return self.concept.head_submitter

    @property
    def submitting_person(self) -> tuple[str, str] | None:
        """Name and title of who submits the paper as a person – one who signs it in their own
        right, else the head of the administration; None where a collegial organ submits it or
        kommune.yaml names nobody. One choice for the header and the OParl record."""
        if self.executive is not None:
            return None
        own, head = self.own_right_signer, self.concept.municipality.head
        if own is not None:
            return own.name, own.title
        return (head.name, head.title) if head is not None else None

    @property
    def own_right_signer(self) -> PaperSigner | None:
        """The signer where they submit the paper in their own right, not for the head."""
        signer = self.paper.signer
        if signer is None or signer.for_the_head:
            return None
        return signer if signs_in_own_right(self.concept.municipality.state, signer.title) else None

    @property
    def signature(self) -> list[str]:
        """The signature block at the end, line by line: where a collegial organ submits the
        paper its name with the article ('Der Magistrat'), then the head of the administration
        by name and title ('Dr. Anna Berger', 'Landrätin'), or whoever the paper names as
        signing instead (a Dezernentin; the general deputy 'In Vertretung'); empty if neither is
        known."""
        executive, head = self.concept.submitting_executive, self.concept.municipality.head
        signer = self.paper.signer
        lines = []
        if executive is not None and self.executive is not None and not self.is_draft:  # its own paper
            lines.append(sentence_start(committee_forms(executive.name).nom))
        if signer is not None:
            # for whom a deputy signs, above 'In Vertretung': 'Die Oberbürgermeisterin' (NRW review:
            # 'In Vertretung / Tobias Reinhardt / Beigeordneter' left it to the reader to guess)
            marker = signer.for_the_head
            if marker and head is not None and not lines:
                lines.append(_principal(head.title))
            lines += [*([marker] if marker else []), signer.name, signer.title]
        elif head is not None:
            lines += [head.name, head.title]
        return lines

    @property
    def executive_sitting(self) -> tuple[Committee, dt.date] | None:
        """The collegial organ that submits papers in its own name (Magistrat) and the day it
        resolves on this one (:attr:`executive`); None where it does not."""
        body = self.executive
        if body is None:
            return None
        return body, next(c.date for c in self.paper.consultations if c.committee == body.id)

    @property
    def is_draft(self) -> bool:
        """Dated before the collegial organ's sitting on it: the department's draft to the
        Magistrat, not yet the Magistrat's paper (Hessian review: signed 'Der Magistrat' above
        'Vorbehaltlich des Beschlusses des Magistrats', a state the Büro would send back)."""
        sitting = self.executive_sitting
        return sitting is not None and sitting[1] > self.paper.date

    @property
    def stage(self) -> str:
        """The paper's state for its header: 'Entwurf für die Sitzung des Magistrats am
        02.11.2026' before the organ resolves on it, 'vom Magistrat am 02.11.2026 beschlossen'
        after; empty where no collegial organ resolves on it."""
        sitting = self.executive_sitting
        if sitting is None:
            return ""
        body, day = sitting
        if self.is_draft:
            return f"Entwurf für die Sitzung {body.forms.gen} am {german_date(day)}"
        return f"{sentence_start(body.forms.vom)} am {german_date(day)} beschlossen"

    # who discusses it ----------------------------------------------------------------------

    @cached_property
    def committees(self) -> list[Committee]:
        """The bodies of the Beratungsfolge, each once, in order of consultation."""
        ids = list(dict.fromkeys(c.committee for c in self.paper.consultations))
        return [self.concept.committee(i) for i in ids]

    @cached_property
    def audience(self) -> list[Committee]:
        """The political bodies of the Beratungsfolge: whose remit and money the paper covers. A
        Magistrat that resolves on every paper first is no audience and holds no budget."""
        political = [c for c in self.committees if not self.concept.is_executive(c)]
        return political or self.committees

    @property
    def audience_genitive(self) -> str:
        """'des Ausschusses für Gesundheit' for one political body, else 'der Gremien der
        Beratungsfolge'."""
        return self.audience[0].forms.gen if len(self.audience) == 1 else "der Gremien der Beratungsfolge"

    @property
    def scope_phrase(self) -> str:
        """What the paper's finances cover, after 'der gesamte Aufwand 2027': 'der Frühen Hilfen'
        where the council is consulted (it answers for all of it), else 'in der fachlichen Zuständigkeit des
        Ausschusses …' – not 'der Gremien der Beratungsfolge' for a Magistrat or a finance
        committee that answers for no product (review of a Hessian paper)."""
        if self._chosen is None and any(c.oversees_all for c in self.audience):
            return "der Frühen Hilfen"
        return f"in der fachlichen Zuständigkeit {self.audience_genitive}"

    @property
    def scope_note(self) -> str:
        """'Zuständigkeit des Jugendhilfeausschusses' for the titles of the finance tables of a paper
        that shows a committee's share, '' for one that shows all of it: a Gemeinderat member
        quoted the Eigenanteil of a table titled 'Mittel der Frühen Hilfen' – the share of the
        Jugendhilfeausschuss, 51.900,00 € below the whole (BW review)."""
        whole = self.scope_phrase == "der Frühen Hilfen"
        return "" if whole else f"Zuständigkeit {self.audience_genitive}"

    @property
    def expenses_beyond_measures(self) -> bool:
        """The paper's Aufwand holds more than its measures' (the coordination, other measures):
        the measures' sum must say that it is not the whole."""
        finances = self.finances
        return finances is not None and finances.balance.expenses != self.measure_costs_in_scope

    @property
    def unreported_costs_in_scope(self) -> list[str]:
        """Measures the paper's finances pay for but does not report on, with their Aufwand
        ('M14 Qualitätszirkel … (2.600,00 €)'): the sentence under the measures' sum names them,
        so the gap to the total adds up."""
        if self.finances is None:
            return []
        shown = {m.id for m in self.measures}
        others = [m for m in self.concept.measures if m.id not in shown]
        costs = [(m, self.measure_cost_in_scope(m)) for m in others]
        return [f"{self.concept.measure_number(m.id)} {m.title} ({euro(cost)})" for m, cost in costs if cost]

    @property
    def coordination_cost_in_scope(self) -> Decimal:
        """The Netzwerkkoordination's own Aufwand in the paper's budget year and scope."""
        return self._coordination_in_scope(compensation=False)

    @property
    def compensation_in_scope(self) -> Decimal:
        """What the coordination's budget pays other actors for their network time, in the paper's
        budget year and scope (said apart: it is not what the coordination costs)."""
        return self._coordination_in_scope(compensation=True)

    @property
    def included_in_total(self) -> list[str]:
        """What the total Aufwand in the paper's scope holds beyond the measures it reports on
        ('der Netzwerkkoordination mit 102.000,00 €', 'des Ausgleichs für Netzwerkarbeit mit
        7.600,00 €', 'der hier nicht berichteten Maßnahme M14 …'), so the gap to the total adds up."""
        coordination, compensation, others = (
            self.coordination_cost_in_scope,
            self.compensation_in_scope,
            self.unreported_costs_in_scope,
        )
        parts = (
            [f"der Netzwerkkoordination mit {euro(coordination)}{self._coordination_kinds}"]
            if coordination
            else []
        )
        parts += [f"des Ausgleichs für Netzwerkarbeit mit {euro(compensation)}"] if compensation else []
        if others:
            noun = "Maßnahme" if len(others) == 1 else "Maßnahmen"
            parts.append(f"der hier nicht berichteten {noun} {enumeration_of_names(others)}")
        return parts

    @property
    def _coordination_kinds(self) -> str:
        """' (Personal 97.300,00 €, Sachkosten 8.200,00 €)' where the coordination's Aufwand is of
        several kinds: a table of posts shows the post's 82.600,00 € alone, and a reader could not
        tell how 105.500,00 € came about (a Kreistag member's review)."""
        kinds: dict[str, Decimal] = {}
        for line in self._coordination_lines(compensation=False):
            kinds[line.kind] = kinds.get(line.kind, Decimal(0)) + line.amount
        if len(kinds) < 2:
            return ""
        terms = self.concept.budget.terms
        return " (" + ", ".join(f"{terms.kind(k)} {euro(amount)}" for k, amount in kinds.items()) + ")"

    def _coordination_in_scope(self, *, compensation: bool) -> Decimal:
        return _sum(self._coordination_lines(compensation=compensation))

    def _coordination_lines(self, *, compensation: bool) -> list[Expense]:
        """The Netzwerkkoordination's lines in the paper's year and scope: its own Aufwand, or
        (`compensation`) what it pays other actors for their network time."""
        finances = self.finances
        if finances is None:
            return []
        budget = self.concept.budget
        return [
            e for e in finances.expenses if e.purpose == COORDINATION and budget.is_compensation(e) == compensation
        ]

    @property
    def lead_committee(self) -> Committee:
        """The leading body (in OParl terms, and in the file name): the Jugendhilfeausschuss where it
        consults – Frühe Hilfen are youth-welfare matters (§ 71 SGB VIII) – else the first political
        body of the Beratungsfolge."""
        youth = [c for c in self.audience if c.kind == "Jugendhilfeausschuss"]
        return (youth or self.audience)[0]

    @property
    def consultation_rows(self) -> list[tuple[object, Committee, str]]:
        return [(c.date, self.concept.committee(c.committee), c.role) for c in self.paper.consultations]

    def consultation_label(self, committee: Committee, role: str) -> str:
        """A body in the Beratungsfolge: its name, whether it decides or advises where gremien.yaml
        says so, and 'nicht öffentlich' where a public paper is discussed in private there."""
        notes = [
            note
            for note in (
                self.concept.deciding_note(committee),
                "nicht öffentlich"
                if self.paper.public and self.concept.meets_in_private(committee, role)
                else None,
            )
            if note
        ]
        return f"{committee.name} ({', '.join(notes)})" if notes else committee.name

    @property
    def alongside(self) -> list[list[str]]:
        """For each consultation (in the order of :meth:`consultation_rows`), the other papers on
        Frühe Hilfen the same body debates the same day: 'JHA/2026/030' – a Kreistag member
        missed the link between three papers on one agenda. Empty for the sittings of the
        executive, which decides on submitting papers rather than debating them."""
        concept = self.concept
        return [
            []
            if concept.is_executive(concept.committee(c.committee))
            else [
                p.number
                for p in concept.papers
                if p.number != self.paper.number
                and any(o.committee == c.committee and o.date == c.date for o in p.consultations)
            ]
            for c in self.paper.consultations
        ]

    @property
    def youth_committee_rights(self) -> str:
        """'Der Jugendhilfeausschuss soll vor der Beschlussfassung der Stadtverordnetenversammlung
        gehört werden und hat das Recht, Anträge an sie zu stellen (§ 71 Abs. 4 Satz 2 SGB VIII).' under the
        Beratungsfolge of a Beschlussvorlage the council decides after the Jugendhilfeausschuss
        has consulted: a member reads what the committee's word weighs (review of M 184/2026)."""
        council = self.concept.council
        if self.paper.kind != "Beschlussvorlage" or council is None:
            return ""
        consultations = self.paper.consultations
        deciding = [c.date for c in consultations if c.committee == council.id and c.role == "Entscheidung"]
        youth = [
            c
            for c in consultations
            if self.concept.committee(c.committee).kind == "Jugendhilfeausschuss"
            and deciding
            and c.date < deciding[0]
        ]
        if not youth:
            return ""
        name = self.concept.committee(youth[0].committee).forms
        article = council.forms.acc.split()[0]  # die Stadtverordnetenversammlung, den Kreistag, das Gremium
        to_it = {"die": "an sie", "den": "an ihn", "das": "an es"}.get(article, f"an {council.forms.acc}")
        return (
            f"{sentence_start(name.nom)} soll vor der Beschlussfassung {council.forms.gen} gehört werden und hat das "
            f"Recht, Anträge {to_it} zu stellen (§ 71 Abs. 4 Satz 2 SGB VIII)."
        )

    @property
    def hearing_rights(self) -> list[str]:
        """What weighs the word of a council of residents this paper is put to ('Der
        Ausländerbeirat ist in allen wichtigen Angelegenheiten zu hören, …'), beside the
        Jugendhilfeausschuss' rights under the Beratungsfolge."""
        return [self.concept.hearing_of(c) for c in self.committees if c.is_heard_only]

    @cached_property
    def remit(self) -> set[str]:
        return {sector for c in self.audience for sector in c.remit}

    @property
    def remit_named(self) -> list[str]:
        """The sectors of :attr:`remit` that actors of the network belong to, in order, for the
        sentences naming them: 'aus den Bereichen Bildung, …' named a sector with no actor (Bavarian
        and RLP reviews); all of the remit where none has one."""
        present = {a.sector for a in self.concept.actors}
        return sorted(s for s in self.remit if s in present) or sorted(self.remit)

    @property
    def lead_sectors(self) -> list[str]:
        """The sectors of :attr:`remit` whose actors lead the reported measures, in order: the
        sentence on the measures named the bodies' whole remit (M-V review: 'aus den Bereichen
        Bildung, …' where no measure had a lead from Bildung)."""
        leads = {self.concept.actor(m.lead).sector for m in self.measures}
        return sorted(s for s in self.remit if s in leads)

    @property
    def funded_only(self) -> list[Measure]:
        """Reported measures led from outside the bodies' remit: in the paper for their money."""
        return [
            m for m in self.measures if self.concept.actor(m.lead).sector not in self.remit and self._in_remit(m)
        ]

    @property
    def oversees_all(self) -> bool:
        return any(c.oversees_all for c in self.audience)

    # what it reports on --------------------------------------------------------------------

    @cached_property
    def decisions(self) -> list[Decision]:
        """Chosen decisions, or every decision of the consulting bodies, oldest first."""
        if self.paper.chooses_decisions:  # '[]': none (NRW review: no way to say so)
            chosen = [d for d in self.concept.decisions if d.id in self.paper.named_decisions]
        else:
            ids = {c.id for c in self.audience}
            chosen = [d for d in self.concept.decisions if d.committee in ids]
        return sorted(chosen, key=lambda d: d.date)

    @property
    def reports_back(self) -> list[tuple[Committee, list[Decision]]]:
        """The bodies this paper reports to on their own decisions not yet implemented: for them
        the paper is itself the report on the implementation (and must never call it missing)."""
        open_ = [d for d in self.decisions_reported_back if not self._reported_shortly_before(d)]
        return [
            (c, [d for d in open_ if d.committee == c.id])
            for c in self.committees
            if any(d.committee == c.id for d in open_)
        ]

    def _reported_shortly_before(self, decision: Decision) -> bool:
        """Another paper reported on the decision to its body at a sitting before this paper's,
        within the body's cycle (a year without one): this paper shows the state, but is not the
        report again (Hamburg review: the Sachstandsbericht of 11.11. was the report on 22-0456,
        the Beschlussvorlage in the JHA four weeks later announced it once more)."""
        here = [c.date for c in self.paper.consultations if c.committee == decision.committee]
        if not here:
            return False
        sitting = min(here)
        cycle = self.concept.committee(decision.committee).report_cycle_months or 12
        since = add_months(sitting, -cycle)
        mine = report_order(self.paper, decision)
        return any(
            other.number != self.paper.number
            and any(
                c.committee == decision.committee
                and (since < c.date < sitting or (c.date == sitting and report_order(other, decision) < mine))
                for c in other.consultations
            )
            # the decisions it reports on by the same rule as this paper's (not written out again)
            and decision in PaperView(self.concept, other).decisions_reported_back
            for other in self.concept.papers
        )

    def _report_on(self, decisions: list[Decision]) -> str:
        """'Bericht zur Umsetzung der Beschlüsse A und B', or empty where the author's points already
        name every such decision (then they take note of it themselves)."""
        numbers = [d.number for d in decisions]
        if all(any(n in point for point in self.paper.proposal) for n in numbers):
            return ""
        return f"Bericht zur Umsetzung {of_decisions(numbers)}"

    @staticmethod
    def _in_sitting(committee: Committee, sitting: Consultation) -> str:
        """'in seiner Sitzung am 12.11.2026', 'in ihrer …' for a body named with 'die'."""
        return f"in {committee.forms.possessive}er Sitzung am {german_date(sitting.date)}"

    def _noting(self, committee: Committee, decisions: list[Decision], when: str = "") -> str:
        """'… nimmt {when}den Bericht zur Umsetzung der Beschlüsse A und B zur Kenntnis.', or empty
        where the author's points already name every such decision."""
        report = self._report_on(decisions)
        return f"{sentence_start(committee.forms.nom)} nimmt {when}den {report} zur Kenntnis." if report else ""

    @property
    def report_noted(self) -> str:
        """'Die Stadtverordnetenversammlung nimmt den Bericht zur Umsetzung der Beschlüsse M 212/2020
        und M 288/2025 zur Kenntnis.': a point of the Beschlussvorschlag where a Beschlussvorlage
        is also the report to the deciding body on its own decisions (a member missed the point
        that takes note of it). Empty where the author's points already name every such decision."""
        if self.paper.kind != "Beschlussvorlage":
            return ""
        deciding = {c.committee for c in self.paper.consultations if c.role == "Entscheidung"}
        noted = [self._noting(c, ds) for c, ds in self.reports_back if c.id in deciding]
        return noted[0] if noted else ""

    @property
    def proposal_heading(self) -> str:
        """'Beschlussvorschlag des Magistrats' where a collegial organ resolves on the paper first
        (Hessen, Berlin): the proposal is its own, and what the committees recommend is theirs to
        resolve (a Hessian Stadtverordnete: the paper anticipated three committees' votes)."""
        return (
            f"Beschlussvorschlag {self.concept.reports_of}" if self.executive is not None else "Beschlussvorschlag"
        )

    @property
    def reports_given(self) -> list[str]:
        """'Der Bericht zur Umsetzung der Beschlüsse M 188/2024 und M 61/2025 wird dem
        Jugendhilfeausschuss in seiner Sitzung am 12.11.2026 zur Kenntnis gegeben.': where a
        Beschlussvorlage is also the report to a body that only prepares the decision, that body
        receives it with the procedure, apart from the points – its taking note is its own, not
        the council's (Kreistag review: nothing let the JHA take note of its reports; a Hessian
        re-check under a Magistrat's proposal, and reviews in Schleswig-Holstein, Brandenburg and
        Sachsen-Anhalt: 'Der Jugendhilfeausschuss nimmt … zur Kenntnis' above the points stood in
        the text the Kreistag votes on, with 'empfehlen dem Kreistag' anticipating the committees)."""
        if self.paper.kind != "Beschlussvorlage":
            return []
        sittings = {c.committee: c for c in self.paper.consultations if c.role not in ("Entscheidung", REFERRAL)}
        given: list[str] = []
        for committee, decisions in self.reports_back:
            report = self._report_on(decisions) if committee.id in sittings else ""
            if report:
                when = self._in_sitting(committee, sittings[committee.id])
                given.append(f"Der {report} wird {committee.forms.dat} {when} zur Kenntnis gegeben.")
        return given

    @property
    def catches_up(self) -> str:
        """'Die Vorlage ist zugleich der regelmäßige Bericht an den Ausschuss für Soziales und
        Teilhabe (zuletzt befasst am 11.03.2021) und berichtet über die Umsetzung des Beschlusses
        SA/2022/019.': the overdue reports this paper brings, said where the paper is read (a
        Kreistag member: the concept named them overdue, the papers that bring them did not), as
        what the paper is. Not when they fell due: the cycle is the network's own planning in
        gremien.yaml, no council resolved it, and a public paper of the head of administration does
        not confess a delay (reviews in Niedersachsen, Hamburg and the Saarland; the concept, the
        Qualitätsdialog and `plan` say it). A report on a decision of the same body due on the same
        day is part of the regular report, not a second one (Mecklenburg-Vorpommern). A regular
        report is brought by one paper of the sitting – a Sachstandsbericht before an
        Informationsvorlage before the others –, a report on a decision by the paper that reports
        on it."""
        view = ReportingView(self.concept, self.paper.date)
        regular: list[str] = []
        for consultation in self.paper.consultations:
            committee = self.concept.committee(consultation.committee)
            reporting = view.of(committee)
            if self._due_by(reporting, consultation.date) and self._brings_report(committee.id, consultation.date):
                before = _last_dealt(reporting.last_report, view.last_hearing(committee.id))
                regular.append(f"an {committee.forms.acc}{before}")
        apart = [
            decision.number
            for decision, _ in view.overdue_decision_reports
            if (planned := view.planned_report_on(decision)) is not None
            and planned.paper.number == self.paper.number
        ]
        if not (regular or apart):
            return ""
        text = "Die Vorlage ist " + ("zugleich " if self.paper.kind == "Beschlussvorlage" else "")
        if regular:
            text += f"der regelmäßige Bericht {enumeration(regular)}"
            if apart:
                text += " und berichtet über die Umsetzung " + of_decisions(apart)
        else:
            text += "der Bericht über die Umsetzung " + of_decisions(apart)
        return text + "."

    @staticmethod
    def _due_by(reporting: CommitteeReporting, sitting: dt.date) -> bool:
        """The body's regular report is overdue, or falls due by the sitting (a Jugendhilfeausschuss
        member: the Jahresbericht called itself only the Sozialausschuss' report, whose was overdue,
        while the JHA's, due since November, was what the JHA was to receive with it) or before the
        body meets again (NRW review: the JHA's report due on 06.11.2026 went unnamed in the paper of
        its sitting on 05.11.2026, which the concept's reporting plan counted as that report)."""
        cycle = reporting.committee.report_cycle_months
        if reporting.overdue:
            return True
        if reporting.last_report is None or not cycle:
            return False
        return reporting.due <= sitting or _last_sitting_before(reporting.committee, sitting, reporting.due)

    def _brings_report(self, committee: str, sitting: dt.date) -> bool:
        """Whether this paper is the one of a sitting that brings the body its regular report."""
        papers = [
            p
            for p in self.concept.papers
            if any(c.committee == committee and c.date == sitting for c in p.consultations)
        ]
        papers.sort(key=lambda p: (REPORT_RANK.get(p.kind, 2), p.number))
        return bool(papers) and papers[0].number == self.paper.number

    @property
    def reports_back_unnamed(self) -> list[tuple[Committee, list[Decision]]]:
        """:attr:`reports_back` but for those whose decisions the subject already names ('Bericht
        zur Umsetzung des Beschlusses SA/2022/019'): the paper need not say it twice."""
        return [(c, ds) for c, ds in self.reports_back if not all(d.number in self.paper.subject for d in ds)]

    def shows_decision(self, decision_id: str) -> bool:
        """Whether the paper holds the report on this decision: it shows decisions ('beschluesse'
        among its blocks) and this one among them. One rule for the reporting plan and the
        Qualitätsdialog (BW review: the dialogue announced the report on GRDrs 377/2025 in GRDrs
        412/2026, which named it without the block and so held none)."""
        return "beschluesse" in self.paper.blocks and decision_id in self._decision_ids

    @cached_property
    def _decision_ids(self) -> frozenset[str]:
        return frozenset(d.id for d in self.decisions)

    @property
    def decisions_reported_back(self) -> list[Decision]:
        """The decisions of :attr:`reports_back`, oldest first; none where the paper shows no
        report on decisions (its blocks leave out 'beschluesse': a Gemeinderat's proposal took note
        of a report on GRDrs 377/2025 that the paper did not hold; BW review)."""
        if "beschluesse" not in self.paper.blocks:
            return []
        consulted = {c.id for c in self.committees}
        return [d for d in self.decisions if d.status != "umgesetzt" and d.committee in consulted]

    def _in_remit(self, measure: Measure) -> bool:
        """Led from the bodies' sectors, or funded from their funds."""
        return self.concept.actor(measure.lead).sector in self.remit or measure.id in self._funded_here

    @cached_property
    def _funded_here(self) -> frozenset[str]:
        """The purposes with Aufwand in the bodies' remit, found in one pass over the lines (asked
        per measure, the scan of all lines for each was quadratic)."""
        ids = {c.id for c in self.audience}
        return frozenset(e.purpose for e in self.concept.resources.expenses if e.committee in ids)

    @cached_property
    def measures(self) -> list[Measure]:
        """Chosen measures, or those led from the bodies' sectors or funded by them, and those of
        the decisions the paper reports on (Sachsen-Anhalt review: a Sachstandsbericht on
        JHA/2025/031 and the Babylotsen left out the Babylotsen, led by the Klinikum and paid from
        the health committee's funds; BW review alike)."""
        if self.paper.measures:
            return [m for m in self.concept.measures if m.id in self.paper.measures]
        decided = self._measures_of_decisions
        return [m for m in self.concept.measures if self._in_remit(m) or m.id in decided]

    @cached_property
    def _measures_of_decisions(self) -> frozenset[str]:
        """The measures of the decisions the paper shows (none where it shows no decisions)."""
        if "beschluesse" not in self.paper.blocks:
            return frozenset()
        return frozenset(m for d in self.decisions for m in d.measures)

    @property
    def by_decision_only(self) -> list[Measure]:
        """Reported measures neither led from the bodies' remit nor funded by them: in the paper
        for a decision it reports on."""
        return [m for m in self.measures if not self.paper.measures and not self._in_remit(m)]

    @property
    def decisions_of_measures_by_decision(self) -> list[str]:
        """The numbers of the shown decisions that bring :attr:`by_decision_only` into the paper."""
        ids = {m.id for m in self.by_decision_only}
        return [d.number for d in self.decisions if ids & set(d.measures)]

    @cached_property
    def goals(self) -> list[Goal]:
        """Goals the reported measures contribute to, in the order of the concept."""
        ids = {g for m in self.measures for g in m.goals}
        return [g for g in self.concept.numbered_goals if g.id in ids]

    @property
    def indicators(self) -> list[tuple[Goal, Indicator]]:
        return [(g, i) for g in self.goals for i in g.indicators]

    @property
    def actors(self) -> list[Actor]:
        """Network partners from the sectors the bodies oversee."""
        return [a for a in self.concept.actors if a.sector in self.remit]

    @property
    def budget_year(self) -> int | None:
        return self.paper.finances.budget_year if self.paper.finances else None

    @property
    def reported_costs(self) -> list[tuple[str, Decimal]]:
        """A paper without finances of its own that reports on measures: what those cost in the
        paper's year and after ('2027 (Haushaltsentwurf)', 232.500,00 €), so the committee sees
        the money behind the report (finance review)."""
        budget = self.concept.budget
        costs = [(y, total(budget.cost_of(m.id, y) for m in self.measures)) for y in self._reported_years]
        return [(budget.year_label(y), cost) for y, cost in costs if cost]

    @property
    def reported_mostly(self) -> str | None:
        """'2027 215.000,00 € auf M6 Gesundheitsorientierte Familienbegleitung' where one of the
        reported measures makes up most of the last year's cost: the committee on SGB II read the
        232.500,00 € as spent on its families, 90 % of it M6 for all families under strain (a
        Kreistag member's review)."""
        budget = self.concept.budget
        years = [y for y in self._reported_years if any(budget.cost_of(m.id, y) for m in self.measures)]
        if not years or len(self.measures) < 2:
            return None
        year = years[-1]
        costs = [(budget.cost_of(m.id, year), m) for m in self.measures]
        largest, measure = max(costs, key=lambda pair: pair[0])
        whole = total(cost for cost, _ in costs)
        if largest * 2 <= whole:
            return None
        return (
            f"von den {euro(whole)} des Jahres {year} entfallen {euro(largest)} auf "
            f"{self.concept.measure_number(measure.id)} {measure.title}"
        )

    @property
    def _reported_years(self) -> list[int]:
        return [y for y in self.concept.budget.years if y >= self.paper.date.year]

    @property
    def reported_items(self) -> str:
        """Where the costs of :attr:`reported_costs` stand, and which committee answers for them:
        'Produkt 36.30.01 Frühe Hilfen (zuständig: Jugendhilfeausschuss)' – the committee reading the report
        need not be the one that decides on the money (finance review); the items of one committee
        named together, the committee once ('HHSt. 4510.4140 und HHSt. 4510.7180 (zuständig: …)',
        a Kämmerei read the same committee after every Haushaltsstelle)."""
        ids = {m.id for m in self.measures}
        years = set(self._reported_years)
        lines = [e for e in self.concept.resources.expenses if e.purpose in ids and e.year in years and e.amount]
        # per item the committees answering for its lines; items with the same ones together. One
        # item with lines of two committees stood twice, and '; ' left the second half without a verb
        # (Saxon review: 'in Produkt 41.40.01 (zuständig: …); Produkt 41.40.01 und … (zuständig: …).')
        committees_of: dict[str, list[str]] = {}
        for line in lines:
            names = committees_of.setdefault(line.budget_item, [])
            name = self.concept.committee(line.committee).name
            if name not in names:
                names.append(name)
        groups: dict[tuple[str, ...], list[str]] = {}
        for item, names in committees_of.items():
            groups.setdefault(tuple(names), []).append(item)
        return " sowie in ".join(
            f"{enumeration(items)} (zuständig{' je nach Maßnahme' if len(names) > 1 else ''}: {enumeration(list(names))})"
            for names, items in groups.items()
        )

    def measure_cost(self, measure: Measure) -> Decimal:
        return self.concept.budget.cost_of(measure.id, self.budget_year)

    @property
    def measures_without_cost(self) -> list[str]:
        """'M6 Frühe Hilfen im Jobcenter' …: the paper's measures without own Aufwand in its
        budget year, named where its table of Aufwand leaves them out (a reader counted 14 rows
        for 18 measures the paper reports on) – those that run in that year: a measure ended in
        2025 was said to be carried out 'mit ihrem vorhandenen Personal' in 2027."""
        return self._without_cost("läuft")

    @property
    def measures_ended_before(self) -> list[str]:
        """The paper's measures ended before its budget year: no Aufwand there, nor work."""
        return self._without_cost("vorher")

    @property
    def measures_starting_after(self) -> list[str]:
        """The paper's measures that begin only after its budget year."""
        return self._without_cost("nachher")

    def _without_cost(self, when: str) -> list[str]:
        """The labels of the measures without Aufwand in the budget year, by when they run
        against it ('vorher', 'läuft', 'nachher'; without a budget year all 'läuft')."""
        year = self.budget_year
        return self.concept.measure_labels(
            [
                m.id
                for m in self.measures
                if not self.measure_cost(m) and (_against(m, year) if year is not None else "läuft") == when
            ]
        )

    def measure_cost_in_scope(self, measure: Measure) -> Decimal:
        """The part of a measure's Aufwand the paper's finances sum up."""
        year = self.budget_year
        lines = self._expenses_by_purpose.get((measure.id, year), []) if year is not None else []
        return _sum(e for e in lines if self._in_scope(e))

    @cached_property
    def _expenses_by_purpose(self) -> dict[tuple[str, int], list[Expense]]:
        """The Aufwand by measure and year, grouped once: a scan of every line per measure made a
        paper on 500 measures quadratic."""
        return by_purpose_and_year(self.concept.resources.expenses)

    @property
    def responsible_beside(self) -> list[str]:
        """'der Jugendhilfeausschuss': the committees responsible for the part of the reported
        measures' Aufwand outside this paper's scope, each once (a reader read 'andere Gremien'
        where one committee was meant)."""
        ids = {m.id for m in self.measures}
        committees = dict.fromkeys(
            e.committee
            for e in self.concept.resources.expenses
            if e.purpose in ids and e.year == self.budget_year and not self._in_scope(e)
        )
        return [self.concept.committee(c).forms.nom for c in committees]

    @property
    def measure_costs(self) -> Decimal:
        return total(self.measure_cost(m) for m in self.measures)

    @property
    def measure_costs_in_scope(self) -> Decimal:
        return total(self.measure_cost_in_scope(m) for m in self.measures)

    @property
    def costs_split(self) -> bool:
        """Some reported measures are paid partly from money other bodies are responsible for."""
        return any(self.measure_cost(m) != self.measure_cost_in_scope(m) for m in self.measures)

    # money ---------------------------------------------------------------------------------

    @cached_property
    def _chosen(self) -> set[tuple[object, ...]] | None:
        """The series of the lines the paper names itself, or None when it names none."""
        finances = self.paper.finances
        if finances is None or not finances.lines:
            return None
        concept = self.concept
        named: list[Line] = [
            *(i for i in concept.resources.income if i.id in finances.lines),
            *(e for e in concept.resources.expenses if e.id in finances.lines),
        ]
        return {series(line) for line in named}

    def _in_scope(self, line: Line) -> bool:
        if self._chosen is not None:
            return series(line) in self._chosen
        return consulting_bodies_pay(line.committee, self.audience)

    @cached_property
    def finances(self) -> FinanceSummary | None:
        finances = self.paper.finances
        if finances is None:
            return None
        year = finances.budget_year
        budget = self.concept.budget
        expenses = [e for e in budget.expense_lines if self._in_scope(e)]
        income = [i for i in budget.income_lines if self._in_scope(i)]
        # the year's lines that do not recur every year: one-off, or a project that returns at an interval
        not_yearly = [
            (self.concept.expense_label(e), repeats(e, budget.ending_measures) or "", e.amount)
            for e in expenses
            if e.year == year and once_only(e, budget.ending_measures)
        ]
        effects = tuple(
            follow_up_years(
                expenses,
                income,
                year,
                budget.ending_measures,
                budget.expense_lines,
                budget.income_lines,
                terms=budget.terms,
                council=budget.continuation_decider,
                funds=budget.funds_rule,
                heard=budget.continuation_hearing,
            )
        )
        procedure = self.concept.procedure
        return FinanceSummary(
            year,
            budget.status(year),
            [e for e in expenses if e.year == year],
            [i for i in income if i.year == year],
            [e for e in expenses if e.year > year],
            [i for i in income if i.year > year],
            finances.follow_up,
            finances.note,
            decides=self.paper.kind == "Beschlussvorlage",
            effects=effects,
            one_off=tuple((label, amount) for label, every, amount in not_yearly if not every),
            periodic=tuple(line for line in not_yearly if line[1]),
            limited=self._limited(expenses, year, {m.label for e in effects for m in e.measures}),
            limited_later=self._limited_later(expenses, year),
            full_year_more=total(
                e.full_year - e.amount
                for e in expenses
                if e.year == year
                and e.full_year is not None
                and not time_limited(e, self.concept.budget.ending_measures)
            ),
            growth=tuple(growth(expenses, year, self.concept)),
            growth_next=tuple(growth(expenses, year + 1, self.concept)),
            before=_year_before(expenses, income, year, budget.years),
            provisional_rule=(
                procedure.provisional_rule(budget.terms is DOPPIK) if procedure is not None else None
            ),
            state_budget=self.concept.state_budget,
            budget_until=procedure.budget_until if procedure is not None else "bekannt gemacht",
            finance_office=procedure.finance_office if procedure is not None else "die Kämmerei",
            publication_after_accounts=procedure.publication_after_accounts if procedure is not None else None,
            state=self.concept.municipality.state,
            own_share=self.concept.municipality.own_share_label,
            statute=budget.statute(year),
            subject=self.concept.municipality.subject,
            pronoun=self.concept.municipality.pronoun,
            provisional_payments=(
                procedure.provisional_words(budget.terms is DOPPIK) if procedure is not None else None
            ),
            staff=tuple(
                (self._post_label(e, year), e.amount) for e in expenses if e.year == year and e.kind == STAFF
            ),
            terms=budget.terms,
            item_label=budget.item_label,
            in_year=self._read_on.year >= year,
            # every year of the Haushaltssatzung the paper names: a Doppelhaushalt 2027/2028 holds
            # the 2028 lines too (diff review: a 2028 line außerplanmäßig, the paper of 2027 said 'nein')
            deviations=tuple(
                (self.concept.expense_label(e), e)
                for e in expenses
                if e.deviation and budget.statute(e.year) == budget.statute(year)
            ),
        )

    @property
    def _read_on(self) -> dt.date:
        """When the paper's decision falls, or its date without one: what its sentences on the
        budget year say is read then."""
        decision = self.paper.decision
        return decision.date if decision is not None else self.paper.date

    def _post_label(self, expense: Expense, year: int) -> str:
        """A staff line as the Kämmerei reads it, with the VZÄ of its post where the line's own
        title does not give them."""
        label = self.concept.expense_label(expense)
        if expense.position is None or "VZÄ" in label:
            return label
        return with_note(label, f"{fte(self.concept.position(expense.position).fte_in(year))} VZÄ")

    def _limited(
        self, expenses: list[Expense], year: int, named_after: set[str]
    ) -> tuple[tuple[str, Decimal], ...]:
        """The Aufwand of measures under way that end in `year`, per measure: by its number
        alone where the Folgekosten go on to name it with its end (`named_after`: 'M2 … ist bis
        31.12.2027 befristet'), else by its label."""
        ending = self.concept.budget.ending_measures
        return tuple(
            (
                self.concept.measure_number(purpose)
                if ending[purpose].label in named_after
                else ending[purpose].label,
                _sum(lines),
            )
            for (purpose, _), lines in by_purpose_and_year(
                e for e in expenses if e.year == year and time_limited(e, ending)
            ).items()
        )

    def _limited_later(self, expenses: list[Expense], year: int) -> tuple[tuple[str, Decimal, dt.date], ...]:
        """The year's Aufwand of measures under way that end after it, per measure by its number
        (the Folgekosten name them in full where they end)."""
        ending = self.concept.budget.ending_measures
        later = [
            e
            for e in expenses
            if e.year == year
            and (m := ending.get(e.purpose)) is not None
            and m.end.year > year
            and not once_only(e, ending)
        ]
        return tuple(
            (self.concept.measure_number(purpose), _sum(lines), ending[purpose].end)
            for (purpose, _), lines in by_purpose_and_year(later).items()
        )

    @property
    def budget_reservation(self) -> str | None:
        """The Haushaltsvorbehalt as a last point of the Beschlussvorschlag, when the budget year is
        not adopted and the author has not written such a point already; where the costs go on
        after the budget year (later years, Folgekosten), it holds for the following budgets too,
        and where grants of its years are only applied for ('beantragt'), it says what happens if
        they are refused – those of every year of a Doppelhaushalt (Hamburg review: 137.000 € of
        2028 applied for, the point named 2028's Zuschussbedarf without a word of it). Where the
        budget year is adopted but a later year the paper names is not, the reservation holds for
        that year (Niedersachsen review: the Rat bound itself to the 2028 increase before the
        Haushaltssatzung 2028)."""
        finances = self.finances
        if finances is None or any("vorbehalt" in point.lower() for point in self.paper.proposal):
            return None
        if not finances.reserved:
            return self._later_reservation(finances)
        later = " und in den folgenden Haushaltsjahren" if finances.later_years or finances.effects else ""
        balance = finances.balance  # the amounts, so the decision says what it reserves
        t = finances.terms.expenses
        # a Doppelhaushalt: each of its years (Saxon review: '… im Haushalt 2027/2028 (Aufwand 588.100,00 €, …)'
        # gave 2027's amounts as the two years')
        statute = statute_years(finances.statute) or [finances.year]
        known = {str(finances.year): balance} | {b.label: b for b in finances.later_years}
        amounts = _amounts_by_year([known[str(y)] for y in statute if str(y) in known], t, len(statute) > 1)
        reservation = (
            f"Die Umsetzung steht unter dem Vorbehalt der Bereitstellung der Mittel im Haushalt {finances.budget_name}"
            f" ({amounts}){later}"
        )
        return reservation + self._grants_reservation(finances, statute) + "."

    def _later_reservation(self, finances: FinanceSummary) -> str | None:
        """'Die Umsetzung im Haushaltsjahr 2028 steht unter dem Vorbehalt der Bereitstellung der
        Mittel im Haushalt 2028 (Aufwand …, Zuschussbedarf …).' for the later years the paper names
        whose budget is not adopted; None where there are none."""
        budget = self.concept.budget
        open_years = [b for b in finances.later_years if budget.status(int(b.label)) != "beschlossen"]
        if not open_years:
            return None
        amounts = _amounts_by_year(open_years, finances.terms.expenses, len(open_years) > 1)
        labels = [b.label for b in open_years]
        which = "im Haushaltsjahr" if len(labels) == 1 else "in den Haushaltsjahren"
        # the two years of one Doppelhaushalt are one budget (not 'in den Haushalten 2028/2029 und 2028/2029')
        statutes = list(dict.fromkeys(budget.statute(int(y)) for y in labels))
        where = "im Haushalt" if len(statutes) == 1 else "in den Haushalten"
        reservation = (
            f"Die Umsetzung {which} {enumeration(labels)} steht unter dem Vorbehalt der Bereitstellung der Mittel "
            f"{where} {enumeration(statutes)} ({amounts})"
        )
        return reservation + self._grants_reservation(finances, [int(y) for y in labels]) + "."

    def _grants_reservation(self, finances: FinanceSummary, years: list[int]) -> str:
        """'. Werden die beantragten Fördermittel (…) ganz oder teilweise nicht bewilligt, legt …
        vor' for the grants of `years` without a Bescheid; empty where all are granted. The
        measures go on without them, as the Finanzielle Auswirkungen say: a reservation of the
        approval would make the whole decision void (Kämmerei review); who presents the adjustment
        to whom, not a passive naming nobody (Stadtverordnete); promised grants without a Bescheid
        too (Kämmerei: 46.000 € of them had no procedure)."""
        lines = (*finances.income, *finances.later_income)
        pending = pending_grants(finances.year, finances.balance, lines, finances.state, years)
        promised = promised_grants(finances.year, finances.balance, lines, finances.state, years)
        if not (pending or promised):
            return ""
        executive = self.executive
        who = executive.forms.nom if executive is not None else self._commissioned
        to, purpose, council = self._adjustment(unsettled_lines(pending, promised))
        return (
            f". Werden {_unsettled_grants(pending, promised, finances.year)} ganz oder teilweise nicht "
            f"bewilligt, legt {who}{to} eine Anpassung der betroffenen Maßnahmen{purpose} vor{council}"
        )

    @property
    def _commissioned(self) -> str:
        """Who the proposal's points commission ('die Landrätin' from „Die Landrätin wird
        beauftragt …“), else the head of the administration by title, else 'die Verwaltung': the
        generated point used the author's words (Brandenburg review: three points commissioned
        „die Landrätin“, the reservation „die Verwaltung“)."""
        for point in self.paper.proposal:
            named = COMMISSIONED.match(point.strip())
            if named:
                return f"{named[1].lower()} {named[2]}"
        head = self.concept.municipality.head
        return title_with_article(head.title) if head is not None else "die Verwaltung"

    def _adjustment(self, unsettled: tuple[Income, ...]) -> tuple[str, str, str]:
        """To whom the adjustment goes when grants fail, before and after 'eine Anpassung der
        betroffenen Maßnahmen' (' dem Kreistag', ' zur Beschlussfassung'), and what follows the
        sentence – along the concept's route (:meth:`Concept.adjustment_route`): each committee
        whose measures lose grants advises (a Hessian council member: the Ausschuss für Soziales
        und Gesundheit, whose Familienhebammen the grants pay, was left out)."""
        deciding = self.deciding_committee
        council = self.concept.committee(deciding) if deciding is not None else None
        route = self.concept.adjustment_route(unsettled, council) if council is not None else None
        if route is None:
            return "", " zur Beschlussfassung", ""
        prepared = route.prepared
        preparing = f"{prepared.forms.dat} zur Vorbereitung und " if prepared is not None else ""
        decides = f"{preparing}{route.deciding.forms.dat} zur Beschlussfassung"
        own = self.concept.general_advisers(self.paper, route)
        advising = (*route.advising, *own)
        youth = route.youth_within_funds
        if youth is not None:
            steps = [f"Anhörung {youth.forms.gen}"]
            if route.council_advised_by or own:
                steps.append(f"Vorberatung {enumeration([c.forms.im for c in (*route.council_advised_by, *own)])}")
            if prepared is not None:
                steps.append(f"Vorbereitung durch {prepared.forms.acc}")
            decides = f"beschließt {route.deciding.forms.nom} nach {enumeration(steps)}"
            funds = self.concept.funds_rule
            tail = (
                # Hamburg: the Bezirksversammlung provides no money
                f"; ändert die Anpassung Ziele des Gesamtkonzepts, {decides}. "
                f"{funds.only_by('Mittel über den Haushaltsansatz hinaus')}"
                if funds is not None
                else "; ändert die Anpassung Ziele des Gesamtkonzepts oder braucht sie Mittel über den "
                f"Haushaltsansatz hinaus, {decides}"
            )
            return f" {youth.forms.dat}", " zur Beschlussfassung", tail
        if not advising:
            if prepared is not None:
                return "", f" {decides}", ""
            return f" {route.deciding.forms.dat}", " zur Beschlussfassung", ""
        named = enumeration([c.forms.dat for c in advising])
        joined = "," if prepared is not None else " und"
        return "", f" {named} zur Vorberatung{joined} {decides}", ""

    def adjustment_deciders_for(self, pending: PendingGrants | None, promised: PendingGrants | None) -> str:
        """:meth:`Concept.adjustment_deciders_for` along this paper's way: the bodies of general
        remit it passes advise too, as the reservation's point names them (Schleswig-Holstein
        review: the point named the Hauptausschuss, the Finanzielle Auswirkungen of the same paper
        did not)."""
        return self.concept.adjustment_deciders_for(pending, promised, self.paper)

    @property
    def committees_without_funding(self) -> list[Committee]:
        """Consulting committees (not the council) that hold no Frühe Hilfen money yet."""
        funded = {c.id for c in self.concept.budget.committees}
        return [
            c
            for c in self.audience
            if c.id not in funded
            and not c.oversees_all
            and c.kind != "Finanzausschuss"  # it never has a Fachbudget
        ]

    @property
    def sources_in_plan(self) -> bool:
        """The paper's own table of sources would repeat the joint plan's 'Gesamt' column (same
        year, same amounts): a paper with both shows it once (review of Neuhafen's I 27/2026)."""
        finances = self.finances
        if finances is None or "ressourcenplanung" not in self.paper.blocks:
            return False
        plan = self.resource_plan
        return plan.year == finances.year and [(r.label, r.total) for r in plan.by_source.rows] == [
            (label, amount) for label, amount in finances.by_source
        ]

    @cached_property
    def resource_plan(self) -> ResourcePlan:
        """The joint resource planning: who is responsible for which money, in the budget year
        (the paper's, else the latest) and the year before it where the data has it."""
        budget = self.concept.budget
        year = self.budget_year or max(budget.years)
        previous = year - 1 if year - 1 in budget.years else None
        committees = budget.committees
        rows = [
            AmountRow(
                self.concept.municipality.source_label(source)
                + standing_in_columns(budget.income_of(year, source=source), {c.id: c.name for c in committees}),
                tuple(budget.income_total(year, source=source, committee=c.id) for c in committees),
                budget.income_total(year, source=source),
            )
            for source in budget.sources
            # a source only of other years is no row of this year's table (Sachsen-Anhalt review:
            # 'Dritte | – | – | 0,00 €', the Dritte funding 2028 only)
            if budget.income_total(year, source=source)
        ]
        rows.append(
            AmountRow(
                self.concept.municipality.own_share_label,
                tuple(budget.subsidy(year, committee=c.id) for c in committees),
                budget.subsidy(year),
            )
        )
        table = AmountTable(
            tuple(c.name for c in committees),
            tuple(rows),
            tuple(budget.expense_total(year, committee=c.id) for c in committees),
            budget.expense_total(year),
        )
        changes = []
        if previous is not None:
            changes = [
                Change(
                    c.name,
                    Balance(
                        str(previous),
                        budget.expense_total(previous, committee=c.id),
                        budget.income_total(previous, committee=c.id),
                    ),
                    Balance(
                        str(year),
                        budget.expense_total(year, committee=c.id),
                        budget.income_total(year, committee=c.id),
                    ),
                )
                for c in committees
            ]
            changes.append(Change("Gesamt", budget.balance(previous), budget.balance(year)))
        lines = [
            (
                c,
                [e for e in budget.expense_lines if e.committee == c.id and e.year == year],
                [i for i in budget.income_lines if i.committee == c.id and i.year == year],
                Balance(
                    c.name, budget.expense_total(year, committee=c.id), budget.income_total(year, committee=c.id)
                ),
            )
            for c in committees
        ]
        drivers, others = self._drivers(previous, year)
        return ResourcePlan(
            year, previous, committees, table, changes, lines, drivers, others, self.concept.budget.terms
        )

    def _drivers(
        self, previous: int | None, year: int, most: int = 3
    ) -> tuple[list[tuple[str, Decimal]], Decimal | None]:
        """The purposes (measures, the coordination) whose Aufwand changed most against the year
        before, largest first; `most` of them, more where others changed by as much as the last
        named (Kämmerei review: naming M7 but not M11 and M19, each +4.000 €, looked arbitrary),
        and all that change where there are no more – and the change of the others together
        (None if none is left out), so the named and the rest add up to the change a Kämmerei
        checks."""
        if previous is None:
            return [], None
        budget, concept = self.concept.budget, self.concept
        purposes = dict.fromkeys(e.purpose for e in budget.expense_lines if e.year in (previous, year))
        changes = [(p, budget.cost_of(p, year) - budget.cost_of(p, previous)) for p in purposes]
        changes = sorted((c for c in changes if c[1]), key=lambda c: -abs(c[1]))
        cut = min(most, len(changes))
        while 0 < cut < len(changes) and abs(changes[cut][1]) == abs(changes[cut - 1][1]):
            cut += 1
        rest = changes[cut:]
        others = sum((c for _, c in rest), Decimal(0)) if rest else None
        return [(concept.purpose_label(p), change) for p, change in changes[:cut]], others

    # attachments ---------------------------------------------------------------------------

    @property
    def attachments(self) -> list[ListedAttachment]:
        return [
            ListedAttachment(a.title or self._generated_title(a.generated or ""), a.generated, a.file)
            for a in self.paper.attachments
        ]

    def _generated_title(self, kind: str) -> str:
        """A generated attachment as the list and the OParl record name it: the concept and the
        Maßnahmenplan with their Fassung and Stand, as their files are named – the papers of two
        Fassungen listed the same title, twice in the Ratsinformationssystem (Saxon year-later
        review)."""
        title = generated_title(kind, self.concept)
        if kind not in VERSIONED_ATTACHMENTS:
            return title
        version = self.concept.version
        return f"{title}, Fassung {version.version}, Stand {german_date(version.date)}"

    @property
    def generated_attachments(self) -> list[str]:
        return [a.generated for a in self.paper.attachments if a.generated]


def paper_views(concept: Concept) -> list[PaperView]:
    """The papers to build: not those already deliberated (vorlagen/beraten/)."""
    return [PaperView(concept, p) for p in concept.papers if p.number not in concept.deliberated]


def _against(measure: Measure, year: int) -> str:
    """When a measure runs against a year: ended before it ('vorher'), begins after it
    ('nachher'), or touches it ('läuft')."""
    period = measure.period
    if period.end is not None and period.end.year < year:
        return "vorher"
    return "nachher" if period.start.year > year else "läuft"


def _year_before(expenses: list[Expense], income: list[Income], year: int, years: Iterable[int]) -> Balance | None:
    """Aufwand and Erträge in scope the year before, for the change against it; None where the plan
    has no such year, or where that year's chosen Erträge exceed its Aufwand – they pay for lines the
    paper leaves out, and the change would read as if the own share had been negative (NRW review:
    „Zuschussbedarf +20.000,00 € gegenüber 2026“)."""
    if year - 1 not in years:
        return None
    before = Balance(
        str(year - 1),
        _sum(e for e in expenses if e.year == year - 1),
        _sum(i for i in income if i.year == year - 1),
    )
    return before if before.subsidy >= 0 else None


def _amounts_by_year(balances: list[Balance], expenses_term: str, labelled: bool) -> str:
    """'Aufwand 545.000,00 €, Zuschussbedarf 366.500,00 €' for one year, '2027: Aufwand …; 2028:
    Aufwand …' for several or for a year of a Doppelhaushalt (Saxon review: '… im Haushalt
    2027/2028 (Aufwand 588.100,00 €, …)' gave 2027's amounts as the two years')."""
    parts = [f"{expenses_term} {euro(b.expenses)}, Zuschussbedarf {euro(b.subsidy)}" for b in balances]
    if not labelled:
        return "; ".join(parts)
    return "; ".join(f"{b.label}: {part}" for b, part in zip(balances, parts, strict=True))


def _last_dealt(last_report: dt.date | None, last_hearing: Hearing | None) -> str:
    """' (zuletzt befasst am 24.06.2021)' where the last report was the body's last dealing with
    the Frühe Hilfen – a report or the adoption of the concept (re-check: '(vorheriger Bericht am
    …)' named the adoption of Fassung 1.0 a report) –, ' (letzter Bericht am 22.06.2023)' where
    it decided on them since (a Stadtverordnete: the assembly had voted on M 288/2025 in December
    2025, the paper said 'zuletzt befasst am 22.06.2023')."""
    if last_report is None:
        return ""
    if last_hearing is not None and last_hearing.date > last_report:
        return f" (letzter Bericht am {german_date(last_report)})"
    return f" (zuletzt befasst am {german_date(last_report)})"


def _unsettled_grants(pending: PendingGrants | None, promised: PendingGrants | None, year: int) -> str:
    """The grants without a Bescheid as the Haushaltsvorbehalt names them: 'die beantragten
    Fördermittel (Bundesstiftung Frühe Hilfen und Land Niedersachsen)', with promised ones
    'beantragte oder zugesagte Fördermittel (beantragt: …; zugesagt: …)'. Grants of another year
    than the paper's (`year`) come with their amounts – the Finanzielle Auswirkungen tell only
    the paper's year (Hamburg review: 137.000 € for 2028 were named without year or sum)."""
    if pending and promised:
        return (
            f"beantragte oder zugesagte Fördermittel (beantragt: {_named_grants(pending, year)}; "
            f"zugesagt: {_named_grants(promised, year)})"
        )
    if pending:
        return f"die beantragten Fördermittel ({_named_grants(pending, year)})"
    assert promised is not None
    return f"die zugesagten Fördermittel ({_named_grants(promised, year)})"


def _named_grants(grants: PendingGrants, year: int) -> str:
    """'Bundesstiftung Frühe Hilfen', or where a year other than `year` is among them 'Bundesstiftung
    Frühe Hilfen, 137.000,00 € für 2028' ('…, zusammen 50.000,00 € für 2027 und …' for several)."""
    by_year: dict[int, Decimal] = {}
    for line in grants.lines:
        by_year[line.year] = by_year.get(line.year, Decimal(0)) + line.amount
    if set(by_year) == {year}:
        return enumeration(grants.sources)
    amounts = [f"{euro(amount)} für {y}" for y, amount in sorted(by_year.items())]
    together = "zusammen " if len(grants.sources) > 1 else ""
    return f"{enumeration(grants.sources)}, {together}{enumeration(amounts)}"
