"""The words of the municipality's budget: a doppischer Haushalt books **Aufwand** and
**Erträge** in Produkten, a kameraler one **Ausgaben** and **Einnahmen** at Haushaltsstellen.

Municipalities in Bayern, Thüringen and the city states may still keep the kameral budget, and a
Kämmerei reads "Aufwand" there as a word from another budget system (reviews of a Thuringian
Landkreis and of Bremerhaven). The amounts and sums are the same in both; only the words
differ – and their grammar: "der Aufwand steigt" is singular, "die Ausgaben steigen" plural.
So every sentence takes its nouns, articles and verb forms from one :class:`MoneyTerms`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from pipeline.formatting import enumeration

Accounting = Literal["doppisch", "kameral"]


@dataclass(frozen=True)
class MoneyTerms:
    """Nouns of one budget system in the forms sentences and table heads need."""

    #: 'Aufwand' / 'Ausgaben': a column head, 'Aufwand 2027', 'Summe Aufwand'.
    expenses: str
    #: 'der Aufwand' / 'die Ausgaben' (nominative).
    expenses_nom: str
    #: 'den Aufwand' / 'die Ausgaben' (accusative).
    expenses_acc: str
    #: 'dem Aufwand' / 'den Ausgaben' (dative).
    expenses_dat: str
    #: 'des Aufwands' / 'der Ausgaben' (genitive).
    expenses_gen: str
    #: Whether the expenses' noun is plural (the verb agrees with it).
    plural: bool
    #: 'Aufwandspositionen' / 'Ausgabepositionen': the list of every line.
    expense_lines: str
    #: 'Erträge' / 'Einnahmen'; both plural.
    income: str
    #: 'Erträgen' / 'Einnahmen' (dative plural).
    income_dat: str
    #: 'Ertrag' / 'Einnahme': one line of income.
    income_one: str
    #: 'Personalaufwand' / 'Personalausgaben'.
    staff: str
    #: 'Produkt' / 'Haushaltsstelle': where the budget holds the money.
    item: str
    #: 'Produkten' / 'Haushaltsstellen' (dative plural: 'in Produkten veranschlagt').
    items_dat: str
    #: 'Zuwendungen und Erstattungen' / 'Zuweisungen und Zuschüsse': what the income is.
    income_kinds: str
    #: 'Personal- und Sachkosten' / 'Personal- und Sachausgaben'.
    running_costs: str
    #: What a provisional budget still allows: 'finanzielle Leistungen erbringen' where the Land's
    #: words were not read, „Ausgaben leisten“ in a kameral budget (§ 61 Abs. 1 Nr. 1 ThürKO); the
    #: Länder whose doppisch words were read have them in verfahren.yaml ('vorlaeufig_leisten').
    payments: str
    #: Where a kameral budget books the Frühe Hilfen's money – staff, Sachkosten, grants to Träger,
    #: all current, none an investment: the 'Verwaltungshaushalt' (kameral papers name it). None
    #: for Doppik, whose Länder call that part differently: Ergebnishaushalt, but Ergebnisplan in
    #: Nordrhein-Westfalen and Schleswig-Holstein (review of a city in SH).
    budget_part: str | None
    #: 'kein Aufwand' / 'keine Ausgaben'.
    no_expenses: str
    #: 'eigenen Aufwand' / 'eigene Ausgaben' (accusative, after 'ohne').
    own_expenses_acc: str
    #: The kinds of expenses (ressourcen.yaml's 'art') as tables name them where the budget's words
    #: differ: 'Sachausgaben' for 'Sachkosten' in a kameral budget (a Thuringian Kämmerei read
    #: 'Sachkosten' beside 'Personal- und Sachausgaben' in the text as a slip).
    kind_names: tuple[tuple[str, str], ...] = ()
    #: 'Personalkosten' / 'Personalausgaben': staff as one of the kinds a sum is made of.
    staff_costs: str = "Personalkosten"

    def kind(self, kind: str) -> str:
        """The name of an expense kind in this budget's words: kind('Sachkosten') → 'Sachausgaben'."""
        return dict(self.kind_names).get(kind, kind)

    def cost_kinds(self, kinds: Collection[str]) -> str:
        """'Personal- und Sachkosten', or only the kinds a sum holds ('Personalkosten',
        'Personalkosten und Zuwendungen an Träger'): a coordination whose Sachkosten line pays
        the compensation alone was said to cost „(Personal- und Sachkosten)“ of its staff only."""
        if set(kinds) == {"Personal", "Sachkosten"}:
            return self.running_costs
        names = {
            "Personal": self.staff_costs,
            "Sachkosten": self.kind("Sachkosten"),
            "Zuwendung an Träger": self.kind("Zuwendungen an Träger"),
        }
        return enumeration([name for kind, name in names.items() if kind in kinds])

    @property
    def kinds_listed(self) -> str:
        """'Personal, Sachkosten und Zuwendungen an Träger': all kinds in a sentence."""
        return f"Personal, {self.kind('Sachkosten')} und {self.kind('Zuwendungen an Träger')}"

    def agree(self, singular: str, plural: str) -> str:
        """The form agreeing with the expenses' noun (a verb, a determiner): agree('steigt', 'steigen')."""
        return plural if self.plural else singular

    @property
    def balance_title(self) -> str:
        """'Aufwand, Erträge und Zuschussbedarf': the three columns of a balance."""
        return f"{self.expenses}, {self.income} und Zuschussbedarf"

    @property
    def funding_title(self) -> str:
        """'Finanzierung des Aufwands': a table or chart of the sources that pay for it."""
        return f"Finanzierung {self.expenses_gen}"

    @property
    def expenses_total(self) -> str:
        """'Aufwand gesamt': the totals row of a table that adds up to the expenses."""
        return f"{self.expenses} gesamt"

    @property
    def their_expenses_gen(self) -> str:
        """'ihres Aufwands' / 'ihrer Ausgaben'."""
        article, noun = self.expenses_gen.split(" ", 1)
        return f"{'ihres' if article == 'des' else 'ihrer'} {noun}"


DOPPIK = MoneyTerms(
    expenses="Aufwand",
    expenses_nom="der Aufwand",
    expenses_acc="den Aufwand",
    expenses_dat="dem Aufwand",
    expenses_gen="des Aufwands",
    plural=False,
    expense_lines="Aufwandspositionen",
    income="Erträge",
    income_dat="Erträgen",
    income_one="Ertrag",
    staff="Personalaufwand",
    item="Produkt",
    items_dat="Produkten",
    income_kinds="Zuwendungen und Erstattungen",
    running_costs="Personal- und Sachkosten",
    payments="finanzielle Leistungen erbringen",
    budget_part=None,
    no_expenses="kein Aufwand",
    own_expenses_acc="eigenen Aufwand",
)

KAMERALISTIK = MoneyTerms(
    expenses="Ausgaben",
    expenses_nom="die Ausgaben",
    expenses_acc="die Ausgaben",
    expenses_dat="den Ausgaben",
    expenses_gen="der Ausgaben",
    plural=True,
    expense_lines="Ausgabepositionen",
    income="Einnahmen",
    income_dat="Einnahmen",
    income_one="Einnahme",
    staff="Personalausgaben",
    item="Haushaltsstelle",
    items_dat="Haushaltsstellen",
    income_kinds="Zuweisungen und Zuschüsse",
    running_costs="Personal- und Sachausgaben",
    staff_costs="Personalausgaben",
    payments="Ausgaben leisten",
    budget_part="Verwaltungshaushalt",
    no_expenses="keine Ausgaben",
    own_expenses_acc="eigene Ausgaben",
    # the Gruppierungsplan's words: Sachausgaben, Zuschüsse (Hauptgruppe 7, „Zuweisungen und Zuschüsse“)
    kind_names=(
        ("Sachkosten", "Sachausgaben"),
        ("Zuwendung an Träger", "Zuschuss an Träger"),
        ("Zuwendungen an Träger", "Zuschüsse an Träger"),
    ),
)

TERMS: dict[Accounting, MoneyTerms] = {"doppisch": DOPPIK, "kameral": KAMERALISTIK}

#: Länder whose municipalities (Landkreise, Städte and Gemeinden alike) choose their budget system,
#: with the rule that lets them (law texts read by a research helper, 2026-12-04: Art. 55 Abs. 4
#: LKrO and Art. 63 Abs. 2 GO in Bayern, gesetze-bayern.de/anwalt24.de/lexmea.de; § 52a ThürKO –
#: Verwaltungsbuchführung the rule, Doppik by Hauptsatzung – and § 1 Satz 2 ThürKDG for the
#: Landkreise, haufe.de/umwelt-online.de).
CHOICE: dict[str, str] = {
    "Bayern": "KommHV-Kameralistik; für Landkreise Art. 55 Abs. 4 LKrO",
    "Thüringen": "§ 52a ThürKO, § 1 ThürKDG",
}
#: City states whose budget – and so a Bezirk's or Bremerhaven's – is kameral: Einnahmen and
#: Ausgaben (Art. 85 Abs. 1 VvB; Bremerhaven's Haushaltssatzung 2024 sets its plan „in Einnahme
#: und Ausgabe“, lexaris.de). Hamburg keeps a doppischer Produkthaushalt since 2015.
KAMERAL_STATES: dict[str, str] = {"Berlin": "Art. 85 Abs. 1 VvB", "Bremen": "Landeshaushaltsordnung Bremen"}
#: Where the Land prescribes Doppik, the rule where it was read in the law's text (the other
#: Länder prescribe it too; their rule was not confirmed): kameral there is a mistake.
DOPPIK_RULES: dict[str, str] = {
    "Baden-Württemberg": "§ 77 Abs. 3 GemO",
    "Hessen": "§ 92 Abs. 3 HGO",
    "Niedersachsen": "§ 110 Abs. 3 NKomVG",
    "Nordrhein-Westfalen": "§ 1 Abs. 1 NKFEG",
    "Sachsen-Anhalt": "Art. 1 § 1 NKHR-Gesetz LSA",
    # Art. 9 Abs. 1 Kommunalhaushalte-Harmonisierungsgesetz SH: kameral only until 2023
    "Schleswig-Holstein": "Art. 9 Abs. 1 Kommunalhaushalte-Harmonisierungsgesetz (kameral nur bis 2023)",
}


#: The city states: their budgets follow the Land's budget law, which has neither Ergebnis- nor
#: Verwaltungshaushalt in the municipal sense (Berlin's Haushaltsplan by Kapitel and Titel).
CITY_STATES = frozenset({"Berlin", "Bremen", "Hamburg"})


#: Where the Land's law makes kameral budgeting the rule a municipality may leave for Doppik:
#: „Die Haushaltswirtschaft ist nach den Grundsätzen der Verwaltungsbuchführung zu führen“, Doppik
#: only where the Hauptsatzung says so (§ 52a Satz 1 und 2 ThürKO, haufe.de; review of a kreisfreie
#: Stadt in Thüringen: an unset field gave the documents Doppik's words).
KAMERAL_BY_DEFAULT = frozenset({"Thüringen"})


def accounting_of(state: str, chosen: Accounting | None) -> Accounting:
    """The budget system the documents speak of: the one ressourcen.yaml names, else the city
    state's (kameral in Berlin and Bremen) or the Land's rule (kameral in Thüringen), else Doppik –
    validate asks the municipalities of a Land that lets them choose to name theirs."""
    if chosen is not None:
        return chosen
    return "kameral" if state in KAMERAL_STATES or state in KAMERAL_BY_DEFAULT else "doppisch"
