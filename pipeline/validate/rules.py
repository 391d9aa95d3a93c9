"""Rules across files (errors) and plausibility rules (warnings).

:data:`CONSISTENCY` checks what no single file can: every budget year's state, who leads measures, the
goal hierarchy, the Fortschreibung after the Stand. Its findings are errors; its rules check
entry by entry, so they also run on what parsed of a file with errors. :data:`WARNINGS`
looks at a valid concept for what is possible but probably a mistake (a goal without measures,
a total with a zero too many); `--streng` turns them into errors. A new rule is a function
registered with ``@WARNINGS.rule("name")`` that yields findings; its test gives it data that
passes and data that fails.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from pipeline.findings import ERROR, WARNING, Finding, Path_, RuleSet, at
from pipeline.formatting import (
    agree,
    count,
    enumeration,
    enumeration_of_names,
    euro,
    german_date,
    in_state,
    number,
    number_word,
    sentence_start,
    with_unit,
)
from pipeline.model.accounting import CHOICE, DOPPIK, DOPPIK_RULES, KAMERAL_STATES
from pipeline.model.concept import Concept
from pipeline.model.grammar import definite
from pipeline.model.inputs import (
    DELIBERATED_FOLDER,
    ActorFile,
    Expense,
    GoalFile,
    Income,
    MeasureFile,
    MunicipalityFile,
    ResourceFile,
    county_with_article,
    name_gender,
)
from pipeline.model.papers import paper_views
from pipeline.model.procedure import kreis_word
from pipeline.model.resources import (
    budget_section,
    by_purpose_and_year,
    ends_by,
    names_chapter,
    product_of,
    same_line,
    total,
)
from pipeline.model.types import COORDINATION, EXECUTIVE_KINDS
from pipeline.validate.parsed import Parsed, raw_entries

CONSISTENCY: RuleSet[Parsed] = RuleSet("Regeln über mehrere Dateien")
WARNINGS: RuleSet[Concept] = RuleSet("Plausibilität")

#: Plausibility rules that look for what is missing, and the files they must see whole: while
#: entries of these are left out for their errors, the rule would warn about their absence.
WHOLE_FILES: dict[str, tuple[str, ...]] = {
    "ziele-mit-massnahmen": ("ziele.yaml", "massnahmen.yaml"),
    "zielgruppen-mit-zielen": ("ziele.yaml",),
    "ertraege-im-rahmen": ("ressourcen.yaml",),
    "netzwerkkoordination-im-aufwand": ("ressourcen.yaml",),
    # an Ertrag left out for a faulty measure it funds is no missing one (review in Niedersachsen:
    # the warning had the user add an Ertrag that was there, or strike the Förderverfahren)
    "foerderverfahren-mit-ertrag": ("ressourcen.yaml",),
    # a paper left out for its errors is no unknown number (Brandenburg review: the warning had the
    # user correct a number that was right)
    "konzeptbeschluss": ("gremien.yaml", "vorlagen/"),
    # a line left out for its error is no missing one (NRW review: „enthält keine Zeile für M1“ beside the
    # error in M1's line)
    "aufwand-im-folgejahr": ("ressourcen.yaml",),
    "positionen-ertrag-ohne-aufwand": ("ressourcen.yaml", "vorlagen/"),
}


def error(file: str, path: Path_, message: str) -> Finding:
    return Finding(at(file, *path), message, ERROR)


def warning(file: str, path: Path_, message: str) -> Finding:
    return Finding(at(file, *path), message, WARNING)


# --- across files (errors) ---------------------------------------------------------------------


@CONSISTENCY.rule("haushaltsjahre")
def budget_years_listed(parsed: Parsed) -> Iterator[Finding]:
    """Every year with Aufwand or Ertrag says where its budget stands (beschlossen, Entwurf,
    Planung), and says it once: papers need it for the Haushaltsvorbehalt."""
    resources = parsed.get("ressourcen.yaml", ResourceFile, partial=True)
    if not resources:
        return
    listed: dict[int, int] = {}
    for index, entry in enumerate(resources.budget_years):
        if entry.year in listed:
            yield error(
                "ressourcen.yaml",
                ("haushalt", index, "jahr"),
                f"Das Haushaltsjahr {entry.year} steht schon bei haushalt[{listed[entry.year]}].",
            )
        listed.setdefault(entry.year, index)
    lists: tuple[tuple[str, Sequence[Expense | Income]], ...] = (
        ("aufwand", resources.expenses),
        ("ertraege", resources.income),
    )
    # a year whose entry was left out for its own error ('stand' as a list, the year in quotes)
    # is listed all the same: the error is reported there, once
    named = _written_years(parsed.raw.get("ressourcen.yaml"))
    for key, lines in lists:
        for index, line in enumerate(lines):
            if line.year not in listed and line.year not in named:
                yield error(
                    "ressourcen.yaml",
                    (key, index, "jahr"),
                    f"Für {line.year} fehlt unter 'haushalt' der Stand des Haushalts (beschlossen, Entwurf "
                    "oder Planung).",
                )


@CONSISTENCY.rule("planabweichung")
def deviations_only_from_an_adopted_budget(parsed: Parsed) -> Iterator[Finding]:
    """Über- and außerplanmäßig are measured against the Ansätze of an adopted budget; a draft's
    amounts are still changed in it (Saxon year-later review: a paper said 'außerplanmäßig: nein'
    for amounts added after the Doppelhaushalt was adopted – `planabweichung` says it)."""
    resources = parsed.get("ressourcen.yaml", ResourceFile, partial=True)
    if not resources:
        return
    states = {entry.year: entry.status for entry in resources.budget_years}
    for index, line in enumerate(resources.expenses):
        state = states.get(line.year)
        if line.deviation is not None and state is not None and state != "beschlossen":
            yield error(
                "ressourcen.yaml",
                ("aufwand", index, "planabweichung"),
                f"Der Haushalt {line.year} ist noch nicht beschlossen ({state}); {line.deviation} kann ein Betrag "
                "erst gegenüber dem beschlossenen Haushalt sein. Bitte den Betrag für den Haushalt anmelden und "
                "'planabweichung' streichen.",
            )


def _written_years(data: Any) -> set[int]:
    """The years of ressourcen.yaml's 'haushalt' as written, valid entries or not."""
    years = {entry.get("jahr") for entry in raw_entries(data, ("haushalt",)) or []}
    return {
        int(year) for year in years if isinstance(year, int) or (isinstance(year, str) and year.strip().isdigit())
    }


@CONSISTENCY.rule("positionen-eindeutig")
def budget_line_ids_unique(parsed: Parsed) -> Iterator[Finding]:
    """Aufwand and Ertrag share one set of ids: a paper names its lines by them."""
    resources = parsed.get("ressourcen.yaml", ResourceFile, partial=True)
    if not resources:
        return
    expenses = {e.id for e in resources.expenses}
    for index, line in enumerate(resources.income):
        if line.id in expenses:
            yield error(
                "ressourcen.yaml",
                ("ertraege", index, "id"),
                f"Die Kennung '{line.id}' ist schon bei einem Aufwand vergeben; Aufwand und Erträge brauchen "
                "verschiedene Kennungen.",
            )


@CONSISTENCY.rule("federfuehrung-einrichtung")
def measures_led_by_institutions(parsed: Parsed) -> Iterator[Finding]:
    """Only an organisation leads a measure: freelancers and volunteers take part, but the
    responsibility lies with an institution (their Träger, for instance)."""
    actors = parsed.get("akteure.yaml", ActorFile, partial=True)
    measures = parsed.get("massnahmen.yaml", MeasureFile, partial=True)
    if not actors or not measures:
        return
    forms = {a.id: (a.name, a.organisation_form) for a in actors.actors}
    for index, measure in enumerate(measures.measures):
        name, form = forms.get(measure.lead, ("", "Institution"))
        if form != "Institution":
            yield error(
                "massnahmen.yaml",
                ("massnahmen", index, "federfuehrung"),
                f"'{name}' ist {form} tätig und kann eine Maßnahme nicht federführend verantworten. Bitte die "
                "Einrichtung eintragen, die sie trägt (als Akteur mit Organisationsform 'Institution'), und "
                f"'{measure.lead}' unter 'beteiligte' führen.",
            )


@CONSISTENCY.rule("zielhierarchie")
def goal_hierarchy(parsed: Parsed) -> Iterator[Finding]:
    """Handlungsziele belong to a Wirkungsziel; Wirkungsziele stand on their own."""
    goal_file = parsed.get("ziele.yaml", GoalFile, partial=True)
    if goal_file:
        goals = goal_file.goals
        kinds = {g.id: g.kind for g in goals}
        for index, goal in enumerate(goals):
            path = ("ziele", index, "uebergeordnet")
            if goal.parent and goal.kind == "Wirkungsziel":
                yield error(
                    "ziele.yaml",
                    path,
                    "Ein Wirkungsziel hat kein übergeordnetes Ziel; nur Handlungsziele "
                    "werden einem Wirkungsziel zugeordnet.",
                )
            elif goal.parent and kinds.get(goal.parent) == "Handlungsziel":
                yield error(
                    "ziele.yaml",
                    path,
                    f"'{goal.parent}' ist ein Handlungsziel; übergeordnet kann nur ein Wirkungsziel sein.",
                )


@CONSISTENCY.rule("fortschreibung-nach-stand")
def update_after_stand(parsed: Parsed) -> Iterator[Finding]:
    """The next Fortschreibung lies after the Stand of this one."""
    municipality = parsed.get("kommune.yaml", MunicipalityFile, partial=True)
    if municipality:
        version = municipality.version
        if version.update.next_date <= version.date:
            yield error(
                "kommune.yaml",
                ("konzept", "fortschreibung", "naechste"),
                "Die nächste Fortschreibung muss nach dem Stand des Konzepts liegen.",
            )


#: What `gesamtkonzept init` writes into every text the user has to replace.
PLACEHOLDER = "bitte ersetzen"


def _placeholders(data: Any) -> Iterator[Path_]:
    """The paths of the texts in a file's data that still say 'bitte ersetzen', in file order.
    A stack, not nested generators: each of the 250,000 values of 5,000 measures passes through
    one frame, not one per level."""
    stack: list[tuple[Any, Path_]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if PLACEHOLDER in value.casefold():
                yield path
        elif isinstance(value, dict):
            stack += reversed([(child, (*path, key)) for key, child in value.items()])
        elif isinstance(value, list):
            stack += reversed([(child, (*path, index)) for index, child in enumerate(value)])


@CONSISTENCY.rule("platzhalter")
def placeholders_left(parsed: Parsed) -> Iterator[Finding]:
    """A text from `init` still to be replaced would be printed as it is ('Zusammenarbeit im
    Netzwerk (bitte ersetzen)' in a table of the concept) while validate said 'gültig': one
    warning per file, at the first of them (review of a new Landkreis)."""
    for name, data in sorted(parsed.raw.items()):
        found = list(_placeholders(data))
        if found:
            others = len(found) - 1
            more = (
                f", in dieser Datei außerdem {'ein weiterer' if others == 1 else f'{number_word(others)} weitere'}"
                if others
                else ""
            )
            yield warning(
                name,
                found[0],
                f"Hier steht noch ein Platzhalter („{PLACEHOLDER}“){more}; so erschiene er in den Dokumenten. "
                "Bitte durch eigene Angaben ersetzen oder den Eintrag löschen.",
            )


# --- plausibility (warnings) -------------------------------------------------------------------


#: How a name says the kind of the body it names: a Kreis, or a city.
_NAMED_AS_COUNTY = ("Landkreis ", "Kreis ")
_NAMED_AS_CITY = ("Stadt ", "Hansestadt ", "Universitätsstadt ", "Landeshauptstadt ")


@WARNINGS.rule("name-und-art")
def name_fits_the_kind(concept: Concept) -> Iterator[Finding]:
    """A name that says another kind than 'art': a user turning the example into a city changed
    'art' and kept „Landkreis Musterkreis“, and the documents said „Der Landkreis Musterkreis gehört
    dem Kreis … an“ (user test)."""
    municipality = concept.municipality
    name, kind = municipality.name, municipality.kind
    says_county = name.startswith(_NAMED_AS_COUNTY)
    says_city = name.startswith(_NAMED_AS_CITY)
    if (says_county and "Stadt" in kind) or (says_city and kind == "Landkreis"):
        yield warning(
            "kommune.yaml",
            ("kommune", "name"),
            f"Der Name „{name}“ passt nicht zur Art „{kind}“; die Dokumente nennen die Kommune mit diesem Namen. "
            "Bitte den Namen oder die Art prüfen.",
        )


@WARNINGS.rule("ziele-mit-massnahmen")
def goals_have_measures(concept: Concept) -> Iterator[Finding]:
    """A goal no measure works towards stays a wish; a Wirkungsziel counts as served through
    the measures of its Handlungsziele."""
    served = {goal for measure in concept.measures for goal in measure.goals}
    served |= {g.parent for g in concept.goals if g.id in served and g.parent}
    for index, goal in enumerate(concept.goals):
        if goal.id not in served:
            yield warning(
                "ziele.yaml",
                ("ziele", index, "id"),
                f"Zum Ziel '{goal.id}' trägt keine Maßnahme bei. Bitte in massnahmen.yaml "
                "bei mindestens einer Maßnahme unter 'ziele' eintragen.",
            )


@WARNINGS.rule("zielgruppen-mit-zielen")
def target_groups_have_goals(concept: Concept) -> Iterator[Finding]:
    """A target group that no goal addresses is described but not served."""
    served = {group for goal in concept.goals for group in goal.target_groups}
    for index, group in enumerate(concept.target_groups):
        if group.id not in served:
            yield warning(
                "zielgruppen.yaml",
                ("zielgruppen", index, "id"),
                f"Die Zielgruppe '{group.id}' wird von keinem Ziel angesprochen. Bitte in "
                "ziele.yaml bei mindestens einem Ziel unter 'zielgruppen' eintragen.",
            )


@WARNINGS.rule("jahressummen")
def yearly_totals_plausible(concept: Concept) -> Iterator[Finding]:
    """A yearly total far above the configured bound is most often a typo (a zero too many)."""
    bound = concept.checks.yearly_total_warning
    hint = (
        f"– mehr als die Prüfgrenze von {euro(bound)}. Bitte die Beträge prüfen (die Grenze "
        "steht in kommune.yaml unter 'pruefung: jahressumme_warnung_ab')."
    )
    budget = concept.budget
    kinds: tuple[tuple[str, Sequence[Expense | Income], str, Callable[[int], Decimal]], ...] = (
        ("aufwand", concept.resources.expenses, "Der Aufwand", budget.expense_total),
        ("ertraege", concept.resources.income, "Die Erträge", budget.income_total),
    )
    for key, lines, what, sum_of in kinds:
        for year in sorted({line.year for line in lines}):
            amount = sum_of(year)
            if amount > bound:
                index = next(i for i, line in enumerate(lines) if line.year == year)
                yield warning(
                    "ressourcen.yaml",
                    (key, index, "betrag"),
                    f"{what} für {year} {'beträgt' if key == 'aufwand' else 'betragen'} zusammen {euro(amount)} {hint}",
                )


@WARNINGS.rule("deckung-fehlt")
def deviation_with_cover(concept: Concept) -> Iterator[Finding]:
    """A Betrag beyond the adopted budget needs a Deckungsvorschlag before the council may decide
    it; without one the papers say 'Deckung: noch offen'."""
    # in the budget's words: Ausgaben in a kameral one (diff review)
    needs = (
        "Über- und außerplanmäßige Ausgaben brauchen"
        if concept.budget.terms.plural
        else "Über- und außerplanmäßiger Aufwand braucht"
    )
    for index, line in enumerate(concept.resources.expenses):
        if line.deviation is not None and line.cover is None and concept.budget.adopted(line.year):
            yield warning(
                "ressourcen.yaml",
                ("aufwand", index, "planabweichung"),
                f"Für die {euro(line.amount)}, die {line.deviation} sind, fehlt die 'deckung': {needs} einen "
                "Deckungsvorschlag (die Vorlagen schreiben sonst „Deckung: noch offen“). Bitte mit der Kämmerei "
                "klären und eintragen.",
            )


@WARNINGS.rule("ertraege-im-rahmen")
def income_within_expenses(concept: Concept) -> Iterator[Finding]:
    """Income cannot exceed what it pays for: in a year overall (the Zuschussbedarf would be
    negative) and for the measures a grant is bound to."""
    budget = concept.budget
    income = concept.resources.income
    for year in budget.years:
        if budget.subsidy(year) < 0 and any(i.year == year for i in income):
            index = next(i for i, line in enumerate(income) if line.year == year)
            yield warning(
                "ressourcen.yaml",
                ("ertraege", index, "betrag"),
                f"Die Erträge {year} ({euro(budget.income_total(year))}) übersteigen den Aufwand "
                f"({euro(budget.expense_total(year))}). Fehlt Aufwand, etwa für die Netzwerkkoordination?",
            )
    for index, line in enumerate(income):
        if not line.purposes:
            continue
        bound_to = total(budget.cost_of(p, line.year) for p in line.purposes)
        if line.amount > bound_to:
            shown = enumeration([concept.purpose_label(p) for p in line.purposes])
            yield warning(
                "ressourcen.yaml",
                ("ertraege", index, "betrag"),
                f"Der Ertrag '{line.id}' ({euro(line.amount)}) ist gebunden an {shown}, deren Aufwand {line.year} "
                f"aber nur {euro(bound_to)} beträgt.",
            )


@WARNINGS.rule("ertrag-im-bereich-des-aufwands")
def income_where_its_expenses_are(concept: Concept) -> Iterator[Finding]:
    """A grant bound to measures sits with the committee that holds their Aufwand that year: in
    another committee's area, each committee's Zuschussbedarf is wrong by its amount – one too
    high, the other too low (review of a Bavarian city: a Förderbereich-II grant for M7 sat in
    another product and committee than M7's Aufwand, unwarned)."""
    expenses = concept.resources.expenses
    for index, line in enumerate(concept.resources.income):
        if not line.purposes:
            continue
        holding = {e.committee for e in expenses if e.purpose in line.purposes and e.year == line.year}
        if not holding or line.committee in holding:
            continue
        names = enumeration([f"'{concept.committee(c).name}'" for c in sorted(holding)])
        yield warning(
            "ressourcen.yaml",
            ("ertraege", index, "ausschuss"),
            f"Der Ertrag '{line.id}' fördert {enumeration([concept.purpose_label(p) for p in line.purposes])}, "
            f"deren Aufwand {line.year} {agree(len(holding), 'beim Gremium', 'bei den Gremien')} {names} steht; "
            f"der Ertrag steht bei '{concept.committee(line.committee).name}'. So stimmt der Zuschussbedarf "
            f"{'beider' if len(holding) == 1 else 'der beteiligten Gremien'} nicht. Bitte 'ausschuss' und "
            "'haushaltsstelle' prüfen.",
        )


@WARNINGS.rule("ertrag-vom-kreis")
def income_from_the_kreis_only_in_a_kreis(concept: Concept) -> Iterator[Finding]:
    """'quelle: Kreis' is what a Kreis pays a city within it that is örtlicher Träger der
    Jugendhilfe; a Landkreis or a kreisfreie Stadt has no Kreis above it (a slip for 'Land' or
    'Dritte')."""
    if concept.municipality.in_a_kreis:
        return
    for index, line in enumerate(concept.resources.income):
        if line.source == "Kreis":
            yield warning(
                "ressourcen.yaml",
                ("ertraege", index, "quelle"),
                f"'quelle: Kreis' steht für den Kostenersatz, den ein Landkreis (in Nordrhein-Westfalen und "
                f"Schleswig-Holstein: Kreis) einer kreisangehörigen Stadt mit eigenem Jugendamt leistet; "
                f"für {concept.municipality.accusative} selbst gibt es diesen Ersatz nicht. Bitte 'Land' oder 'Dritte' "
                "eintragen.",
            )


@WARNINGS.rule("ertrag-vom-land-in-hamburg")
def no_income_from_the_land_in_a_hamburg_bezirk(concept: Concept) -> Iterator[Finding]:
    """In Hamburg Land and Gemeinde are one (Art. 4 HV): what a Fachbehörde assigns the Bezirksamt
    is a Zweck- or Rahmenzuweisung of the Haushaltsplan (§ 37 BezVG), the money the Zuschussbedarf
    stands for – entered as 'quelle: Land', the documents counted it twice, as an Ertrag beside the
    share of the Freie und Hansestadt (Hamburg review: 173.100 € where 293.100 € came from the
    Hamburg budget)."""
    funds = concept.funds_rule
    if funds is None:
        return
    for index, line in enumerate(concept.resources.income):
        if line.source == "Land":
            yield warning(
                "ressourcen.yaml",
                ("ertraege", index, "quelle"),
                f"In Hamburg sind Zuweisungen einer Fachbehörde an das Bezirksamt (Zweck- oder Rahmenzuweisungen, "
                f"§ 37 BezVG) Mittel aus dem {funds.budget}, kein Ertrag von außen; sie gehören zum "
                "Anteil aus dem Hamburger Haushalt, den der Zuschussbedarf zeigt. Bitte den Ertrag "
                f"'{line.id}' streichen (der Aufwand bleibt stehen) oder, wenn das Geld nicht aus dem "
                "Hamburger Haushalt kommt, die richtige Quelle eintragen ('Bundesstiftung Frühe Hilfen', 'Dritte').",
            )


def _county_dative(county: str | None, state: str) -> str:
    """'dem Landkreis Leinetal', 'dem Märkischen Kreis', 'der Region Hannover'; without a name (or
    one that tells no gender) 'einem Landkreis' (the Land's word)."""
    return county_with_article(county, "dat", f"einem {kreis_word(state)}")


def _county_relative(county: str | None) -> str:
    """The relative clause's start after the Kreis: 'der für sein', after a Region 'die für ihr'."""
    return "die für ihr" if county and name_gender(county) == "f" else "der für sein"


@WARNINGS.rule("netzwerk-des-kreises")
def city_names_the_kreis_network(concept: Concept) -> Iterator[Finding]:
    """A city in a Kreis runs its own network; the Kreis, örtlicher Träger for the rest of its
    area, runs another (§ 3 Abs. 2 KKG). Where families cross – the city's clinic, its counselling
    – the two must agree who hands over whom (review of a große selbständige Stadt: half the
    births in the city's clinic came from the Kreis, and nothing said where they go)."""
    if not concept.municipality.in_a_kreis or concept.network.neighbours:
        return
    yield warning(
        "netzwerk.yaml",
        (),
        f"{sentence_start(concept.municipality.nominative)} gehört "
        f"{_county_dative(concept.municipality.county, concept.municipality.state)} an, "
        f"{_county_relative(concept.municipality.county)} übriges Gebiet selbst örtlicher Träger der Jugendhilfe ist und "
        "ein eigenes Netzwerk Frühe Hilfen "
        "koordiniert. Bitte unter 'nachbarnetzwerke' beschreiben, wie beide Netzwerke zusammenarbeiten – etwa an wen "
        "Familien aus dem übrigen Kreisgebiet, die in der Stadt entbinden oder Hilfe suchen, vermittelt werden und wer "
        "das übernimmt.",
    )


#: The day before which a measure must not have existed to be funded by the Bundesstiftung (its
#: Land's rules: „Maßnahmen …, die nicht schon am 1. 1. 2012 bestanden haben“, Nr. 4.2 RL Frühe
#: Hilfen Niedersachsen 2022, voris.wolterskluwer-online.de, as a Landeskoordinierungsstelle
#: review read it; the same cut-off in a Richtlinie of Mecklenburg-Vorpommern from the
#: Bundesinitiative; other Länder not read).
FUNDED_FROM = dt.date(2012, 1, 1)


@WARNINGS.rule("bundesstiftung-vor-2012")
def foundation_funds_no_measure_older_than_2012(concept: Concept) -> Iterator[Finding]:
    """Bundesstiftung money for a measure running since before 2012 (review by a
    Landeskoordinierungsstelle: Neuhafen's Familienhebammen „seit 01.01.2010“ were paid from
    Förderbereich II): the Länder's rules fund only what did not yet exist then, or its expansion."""
    for index, line in enumerate(concept.resources.income):
        if line.source != "Bundesstiftung Frühe Hilfen":
            continue
        older = [m for m in concept.measures if m.id in line.purposes and m.period.start < FUNDED_FROM]
        for measure in older:
            yield warning(
                "ressourcen.yaml",
                ("ertraege", index, "fuer"),
                f"'{line.id}' fördert die Maßnahme „{concept.measure_labels([measure.id])[0]}“, die seit dem "
                f"{german_date(measure.period.start)} läuft. Förderrichtlinien der Länder schließen in der Regel "
                "Maßnahmen aus, die schon am 01.01.2012 bestanden (so Nr. 4.2 der Richtlinie Frühe Hilfen in "
                "Niedersachsen); gefördert werden kann ihr späterer Ausbau. Bitte in der Beschreibung der Maßnahme "
                "sagen, welcher Teil neu ist, oder die Förderung mit der Bewilligungsstelle klären.",
            )


@WARNINGS.rule("foerderverfahren-mit-ertrag")
def funding_procedure_has_income(concept: Concept) -> Iterator[Finding]:
    """A funding procedure described for a source that brings no income in any year is a leftover
    (or the income is missing): the chapter would describe an application nobody makes."""
    sources = {line.source for line in concept.resources.income}
    for index, procedure in enumerate(concept.resources.procedures):
        if procedure.source not in sources:
            yield warning(
                "ressourcen.yaml",
                ("foerderverfahren", index, "mittelgeber"),
                f"Für '{procedure.source}' ist ein Förderverfahren beschrieben, aber kein Ertrag eingetragen. Bitte "
                "den Ertrag ergänzen oder das Förderverfahren streichen.",
            )


@WARNINGS.rule("beantragt-ohne-foerderverfahren")
def applied_for_without_procedure(concept: Concept) -> Iterator[Finding]:
    """Where the inputs describe how grants are applied for, a source whose money is only applied
    for needs its procedure too: whether the Zuschussbedarf holds depends on who decides and by
    when (Kämmerei review: the chapter named the Bundesstiftung's procedure, not the Land's, whose
    45.000,00 € were just as much only applied for). Once per source, at its first such line."""
    described = {procedure.source for procedure in concept.resources.procedures}
    if not described:
        return
    warned: set[str] = set()
    for index, line in enumerate(concept.resources.income):
        if not line.applied_for or line.source in described or line.source in warned:
            continue
        warned.add(line.source)
        yield warning(
            "ressourcen.yaml",
            ("ertraege", index, "quelle"),
            f"'{line.title}' ist für {line.year} erst beantragt, aber unter 'foerderverfahren' ist für "
            f"'{line.source}' nicht beschrieben, wer bewilligt, bis wann beantragt und wann die Verwendung "
            "nachgewiesen wird. Bitte ergänzen: Danach schätzt die Kämmerei ein, wie sicher der Ertrag ist.",
        )


@WARNINGS.rule("federfuehrung-und-personal")
def lead_employs_the_staff(concept: Concept) -> Iterator[Finding]:
    """A measure whose own staff (Aufwand 'Personal' with its post) another Träger employs than the
    one its lead belongs to: reviews of a Große Kreisstadt and a große selbständige Stadt found
    the city's Familienhebammen (366.500 €) „federführend: Landratsamt – Gesundheitsamt“, unwarned.
    Once per measure; freelancers' leads without a Träger are left alone."""
    posts = {p.id: p for p in concept.resources.positions}
    measures = {m.id: (i, m) for i, m in enumerate(concept.measures)}
    staffed: dict[str, set[str]] = {}
    for line in concept.resources.expenses:
        if line.kind == "Personal" and line.position in posts and line.purpose in measures:
            staffed.setdefault(line.purpose, set()).add(line.position)
    for measure_id, post_ids in staffed.items():
        index, measure = measures[measure_id]
        lead = concept.actor(measure.lead)
        if lead.carrier is None:
            continue
        elsewhere = sorted(p for p in post_ids if posts[p].employer != lead.carrier)
        if not elsewhere:
            continue
        employers = enumeration(sorted({concept.organisation(posts[p].employer).name for p in elsewhere}))
        yield warning(
            "massnahmen.yaml",
            ("massnahmen", index, "federfuehrung"),
            f"Die Maßnahme „{concept.measure_labels([measure.id])[0]}“ leitet '{lead.name}' (Träger: "
            f"{concept.organisation(lead.carrier).name}); ihr Personal ({enumeration([posts[p].title for p in elsewhere])}) "
            f"stellt aber {employers}. Bitte prüfen, ob die Federführung bei einer Stelle dieses Anstellungsträgers "
            "liegt oder die Stellen dem Träger der Federführung zugeordnet sind.",
        )


@WARNINGS.rule("netzwerkkoordination-im-aufwand")
def coordination_is_costed(concept: Concept) -> Iterator[Finding]:
    """The Netzwerkkoordination is the core of every network and a condition of the
    Bundesstiftung's funding: its staff cost belongs in the Aufwand."""
    expenses = concept.resources.expenses
    if any(e.purpose == COORDINATION for e in expenses):
        return
    yield warning(
        "ressourcen.yaml",
        ("aufwand",),
        "Für die Netzwerkkoordination ist kein Aufwand eingetragen (fuer: netzwerkkoordination). Bitte die "
        "Personal- und Sachkosten der Koordinierungsstelle ergänzen; sonst fehlen sie in allen Summen.",
    )


#: Hours a full-time post works in a year, at most (39 hours a week, without leave and holidays
#: about 1.600–1.700): more network hours than that per VZÄ cannot be the post's own.
FULL_TIME_HOURS = 1700


@WARNINGS.rule("netzwerkaufwand-ueber-stellen")
def coordination_hours_beyond_its_posts(concept: Concept) -> Iterator[Finding]:
    """The coordination's network hours (akteure.yaml) beyond what its posts (ressourcen.yaml)
    can work in a year: a Berlin reviewer found 2.400 hours for a post of 1,0 VZÄ in the concept
    and in the agreement the partners sign, beside 1.600 hours planned."""
    actor = concept.coordination_actor
    if actor is None:
        return
    posts = [p for p in concept.resources.positions if p.actor == actor.id]
    year = concept.version.date.year
    fte = sum((p.fte_in(year) for p in posts), Decimal(0))
    if not posts or fte <= 0 or actor.network_hours <= fte * FULL_TIME_HOURS:
        return
    index = concept.actors.index(actor)
    yield warning(
        "akteure.yaml",
        ("akteure", index, "netzwerkaufwand_stunden"),
        f"{number(actor.network_hours)} Stunden Netzwerkarbeit im Jahr für „{actor.name}“ sind mehr, als "
        f"{'ihre Stelle' if len(posts) == 1 else 'ihre Stellen'} mit {with_unit(fte, 'VZÄ', 1)} (ressourcen.yaml, personal) "
        f"im Jahr arbeiten können: eine Vollzeitstelle hat höchstens rund {number(FULL_TIME_HOURS)} Arbeitsstunden. "
        "Die Zahl steht so im Konzept und in der Kooperationsvereinbarung; bitte prüfen.",
    )


@WARNINGS.rule("laufend-ohne-aufwand")
def running_measures_without_a_later_year(concept: Concept) -> Iterator[Finding]:
    """Running measures with Aufwand in a year of the plan and none in a later one they still run
    in, in one warning per such year: that year's totals are too low, and the Beschlussvorschlag
    names them (Brandenburg review: Havelland-Süd's 2028 lacked six running measures, about
    160.000 €, while the same paper called 644.000 € 'jährlich wiederkehrend')."""
    grouped = by_purpose_and_year(concept.resources.expenses)  # once: a scan per measure was quadratic
    years = sorted({year for _, year in grouped})
    lacking: dict[int, list[str]] = {}
    for measure in concept.measures:
        if measure.status != "laufend" or measure.repeats is not None:
            continue
        recurring = [y for y in years if any(not e.once for e in grouped.get((measure.id, y), []))]
        end = measure.period.end.year if measure.period and measure.period.end else None
        for year in years:
            if (
                recurring
                and year > recurring[0]
                and (end is None or year <= end)
                and (measure.id, year) not in grouped
            ):
                lacking.setdefault(year, []).append(f"{concept.measure_number(measure.id)} {measure.title}")
    for year, named in lacking.items():
        yield warning(
            "ressourcen.yaml",
            ("aufwand",),
            f"{sentence_start(count(len(named), 'laufende Maßnahme', 'laufende Maßnahmen', 'eine', verb=('hat', 'haben')))} für {year} "
            f"keinen Aufwand, obwohl sie in den Jahren davor Aufwand {'hat' if len(named) == 1 else 'haben'} und "
            f"{year} {'weiterläuft' if len(named) == 1 else 'weiterlaufen'}: {enumeration_of_names(named)}. Die "
            f"Summen für {year} sind damit zu niedrig, und Konzept und Vorlagen nennen sie so. Bitte den Aufwand "
            f"{year} eintragen oder das Ende {'der Maßnahme' if len(named) == 1 else 'der Maßnahmen'} ('zeitraum.bis' in "
            "massnahmen.yaml) setzen.",
        )


#: Words by which a line's title says it pays people for their time ('Aufwandsentschädigung
#: Hebammen', 'Honorare Qualitätszirkel'): such a line may count as the compensation whole.
_COMPENSATION_WORDS = ("entschädigung", "ausgleich", "honorar", "vergütung", "pauschale", "sitzungsgeld")


@WARNINGS.rule("ausgleich-aus-sammelposition")
def compensation_from_a_general_line(concept: Concept) -> Iterator[Finding]:
    """A netzwerkaufwand entry that names a line of the coordination's budget makes that whole
    line, in every year, the compensation for other actors' network time. Where the line also
    pays the conference and the office (Neckarbrunn: 'Netzwerkkonferenz, Öffentlichkeitsarbeit
    und Geschäftsbedarf', 6.500 € a year, for about 500 € of midwives' allowances), the concept
    told the council that the coordination paid the midwives 20.100 €."""
    budget = concept.budget
    lines = {e.id: e for e in concept.resources.expenses}
    for index, effort in enumerate(concept.resources.budgeted_effort):
        line = lines.get(effort.expense or "")
        if line is None or effort.actor == COORDINATION or not budget.is_compensation(line):
            continue
        if any(word in line.title.casefold() for word in _COMPENSATION_WORDS):
            continue
        continued = [e for e in concept.resources.expenses if same_line(e) == same_line(line)]
        amounts = enumeration(
            [f"{euro(e.amount)} im Jahr {e.year}" for e in sorted(continued, key=lambda e: e.year)]
        )
        yield warning(
            "ressourcen.yaml",
            ("netzwerkaufwand", index, "aufwand"),
            f"Die Position „{line.title}“ der Netzwerkkoordination zählt damit in jedem Jahr ganz als "
            f"Ausgleich für Netzwerkarbeit ({amounts}), nicht als Aufwand der Netzwerkkoordination, und das "
            "Konzept sagt, die Netzwerkkoordination zahle diesen Betrag als Ausgleich. Wird aus der Position "
            "nur ein Teil dafür bezahlt, den Ausgleich als eigene Position in 'aufwand' eintragen (z. B. "
            "'bezeichnung: Aufwandsentschädigung Hebammen') und hier deren id nennen – oder 'aufwand' hier "
            "weglassen und den Ausgleich unter 'ausgleich' beschreiben.",
        )


#: A compensation that says only that there is none: 'keine Vergütung', 'nicht vergütet.'
_NO_COMPENSATION = re.compile(
    r"(keine|ohne)\s+(vergütung|bezahlung|aufwandsentschädigung|ausgleich)|kein\s+ausgleich"
    r"|nicht\s+(vergütet|abgegolten|bezahlt|ausgeglichen)|unentgeltlich|unvergütet",
)


@WARNINGS.rule("ausgleich-ohne-ausgleich")
def compensation_that_is_none(concept: Concept) -> Iterator[Finding]:
    """A netzwerkaufwand entry whose 'ausgleich' says only that there is none ('keine Vergütung'):
    the concept counted its hours among those the planning provides for, the Qualitätsdialog found
    no compensation (reviews in Sachsen-Anhalt and Brandenburg: 'eingeplant 8 – keine Vergütung')."""
    for index, effort in enumerate(concept.resources.budgeted_effort):
        if not _NO_COMPENSATION.fullmatch(effort.compensation.strip().rstrip(".").casefold()):
            continue
        actor = concept.actor(effort.actor)
        yield warning(
            "ressourcen.yaml",
            ("netzwerkaufwand", index, "ausgleich"),
            f"Als Ausgleich für „{actor.name}“ steht nur „{effort.compensation}“: Das Konzept zählt die "
            f"{number(effort.hours, 0)} Stunden trotzdem zu denen, die die Ressourcenplanung vorsieht (Tabelle „Zeit "
            "der Akteure für die Netzwerkarbeit“). Ist für die Zeit nichts vereinbart, den Eintrag aus "
            "'netzwerkaufwand' entfernen: Dann nennt das Konzept sie als nicht eingeplant. Sonst unter 'ausgleich' "
            "nennen, was vereinbart ist (z. B. Fortbildungspunkte oder Fahrtkostenerstattung).",
        )


_DOUBLE_BUDGET = re.compile(r"(\d{4})/(\d{2}|\d{4})")


def _double_budget_years(statute: str) -> tuple[int, int] | None:
    """'2027/2028' or '2027/28' → (2027, 2028); None for another way of writing it."""
    found = _DOUBLE_BUDGET.fullmatch(statute.strip())
    if found is None:
        return None
    first, second = int(found[1]), int(found[2])
    return first, (first // 100 * 100 + second if len(found[2]) == 2 else second)


@WARNINGS.rule("doppelhaushalt")
def double_budget_holds_both_years(concept: Concept) -> Iterator[Finding]:
    """A Doppelhaushalt '2027/2028' is one Haushaltssatzung for two consecutive years: both years
    name it and stand alike (adopted together), or the papers would cite a Satzung that does not
    hold the year."""
    years = concept.resources.budget_years
    by_year = {y.year: y for y in years}
    for index, entry in enumerate(years):
        if entry.statute is None:
            continue
        where = ("haushalt", index, "doppelhaushalt")
        found = _double_budget_years(entry.statute)
        first, second = found or (0, 0)
        if not found or second != first + 1 or entry.year not in (first, second):
            hint = "" if found else " (Schreibweise 'JJJJ/JJJJ' oder 'JJJJ/JJ')"
            yield warning(
                "ressourcen.yaml",
                where,
                f"'{entry.statute}' ist kein Doppelhaushalt, der {entry.year} umfasst{hint}. Bitte beide Jahre "
                f"angeben, etwa '{entry.year}/{entry.year + 1}'.",
            )
            continue
        other = by_year.get(second if entry.year == first else first)
        if other is None or (other.statute, other.status) == (entry.statute, entry.status):
            continue
        if other.statute == entry.statute and other.year < entry.year:
            continue  # a pair that differs in its Stand only is told once, from its first year listed
        yield warning(
            "ressourcen.yaml",
            where,
            f"Der Doppelhaushalt {entry.statute} umfasst auch {other.year}; dort bitte ebenso "
            f"'doppelhaushalt: {entry.statute}' und denselben Stand ('{entry.status}') eintragen.",
        )


@WARNINGS.rule("doppelhaushalt-ohne-aufwand")
def double_budget_planned_in_both_years(concept: Concept) -> Iterator[Finding]:
    """Where one year of a Doppelhaushalt has Aufwand and the other none, a paper reserves the
    funds 'im Haushalt 2027/2028' with one year's amounts (Saxon review): the Kämmerei misses the
    second year's."""
    planned = {e.year for e in concept.resources.expenses}
    t = concept.budget.terms
    for index, entry in enumerate(concept.resources.budget_years):
        years = _double_budget_years(entry.statute) if entry.statute else None
        if years is None or entry.year in planned or not planned & set(years):
            continue
        yield warning(
            "ressourcen.yaml",
            ("haushalt", index, "jahr"),
            f"Der Doppelhaushalt {entry.statute} umfasst {entry.year}, ressourcen.yaml enthält für {entry.year} "
            f"aber keine {t.expense_lines}. Die Vorlagen behalten dann Mittel im Haushalt "
            f"{entry.statute} nur mit den Beträgen des anderen Jahres vor; bitte {t.expenses_acc} für "
            f"{entry.year} eintragen.",
        )


@WARNINGS.rule("aufwand-im-folgejahr")
def running_measures_costed_in_every_year(concept: Concept) -> Iterator[Finding]:
    """A measure that runs on into a budget year, or the coordination, with recurring Aufwand in
    the year before but none in that year: its line for the year is missing, and every sum of the
    year is too low (Brandenburg review: six running measures had no line for 2028; the Kreistag's
    reservation named 514.100,00 € of Aufwand for 2028, about 160.000 € too little, beside
    '644.000,00 € jährlich wiederkehrend' on the same paper)."""
    expenses = concept.resources.expenses
    recurring = {(e.purpose, e.year) for e in expenses if not e.once}
    costed = {(e.purpose, e.year) for e in expenses}
    listed = {entry.year for entry in concept.resources.budget_years}
    t = concept.budget.terms
    for index, entry in enumerate(concept.resources.budget_years):
        year = entry.year
        if year - 1 not in listed:
            continue
        if entry.statute and _double_budget_years(entry.statute) and all(e.year != year for e in expenses):
            continue  # a Doppelhaushalt's year without any line: doppelhaushalt-ohne-aufwand says so
        first_day = dt.date(year, 1, 1)
        missing = ["die Netzwerkkoordination"] if _uncosted(COORDINATION, year, recurring, costed) else []
        missing += [
            f"{concept.measure_number(m.id)} {m.title}"
            for m in concept.measures
            if m.status != "abgeschlossen"
            and m.repeats is None
            and (m.period.end is None or m.period.end >= first_day)
            and _uncosted(m.id, year, recurring, costed)
        ]
        # the compensation for network time is a line of the coordination's of its own: the
        # coordination's other lines going on did not cover it (review re-check: the midwives'
        # 4.800 € were missing for 2028 and the concept said „0,00 € im Jahr 2028“)
        paid_before = [
            e for e in expenses if e.year == year - 1 and not e.once and concept.budget.is_compensation(e)
        ]
        if paid_before and not any(e.year == year and concept.budget.is_compensation(e) for e in expenses):
            missing.append(f"den Ausgleich für Netzwerkarbeit („{paid_before[0].title}“)")
        if not missing:
            continue
        several = len(missing) > 1
        yield warning(
            "ressourcen.yaml",
            ("haushalt", index, "jahr"),
            f"Für {year} enthält 'aufwand' keine Zeile für {enumeration(missing)}, obwohl sie über "
            f"{year - 1} hinaus {'laufen' if several else 'läuft'} und {year - 1} wiederkehrende"
            f"{'' if t.plural else 'n'} {t.expenses} {'haben' if several else 'hat'}. Alle Summen für {year}, "
            f"auch im Haushaltsvorbehalt der Vorlagen, sind dann zu niedrig. Bitte die Zeilen für {year} "
            "ergänzen; endet eine Maßnahme vorher, bei ihr 'bis' eintragen.",
        )


def _uncosted(purpose: str, year: int, recurring: set[tuple[str, int]], costed: set[tuple[str, int]]) -> bool:
    """Recurring Aufwand in the year before, none at all in `year`."""
    return (purpose, year - 1) in recurring and (purpose, year) not in costed


@WARNINGS.rule("rechnungswesen")
def accounting_of_the_land(concept: Concept) -> Iterator[Finding]:
    """The documents write Aufwand and Erträge or Ausgaben and Einnahmen as the budget does: where
    the Land lets its municipalities choose, they must say which (the tool cannot know); where it
    prescribes one system, the other is a mistake (reviews of a Thuringian Landkreis and Bremerhaven)."""
    state, chosen = concept.municipality.state, concept.resources.accounting
    t = concept.budget.terms
    where = ("rechnungswesen",)
    if chosen is None and state in CHOICE:
        yield warning(
            "ressourcen.yaml",
            where,
            f"{sentence_start(in_state(state))} führen Kommunen ihren Haushalt doppisch oder kameral ({CHOICE[state]}). Bitte angeben, "
            f"welches Rechnungswesen gilt: 'rechnungswesen: doppisch' (Aufwand und Erträge) oder "
            f"'rechnungswesen: kameral' (Ausgaben und Einnahmen). Bis dahin schreiben die Dokumente "
            f"„{t.expenses}“ und „{t.income}“.",
        )
    elif chosen == "kameral" and state not in CHOICE and state not in KAMERAL_STATES:
        rule = f" ({DOPPIK_RULES[state]})" if state in DOPPIK_RULES else ""
        yield warning(
            "ressourcen.yaml",
            where,
            f"{sentence_start(in_state(state))} führen die Kommunen ihren Haushalt doppisch{rule}; 'rechnungswesen: kameral' "
            "passt nicht dazu. Bitte prüfen.",
        )
    elif chosen == "doppisch" and state in KAMERAL_STATES:
        yield warning(
            "ressourcen.yaml",
            where,
            f"Der Haushalt des Landes {state} ist kameral ({KAMERAL_STATES[state]}): Einnahmen und Ausgaben. "
            "'rechnungswesen: doppisch' passt nicht dazu. Bitte prüfen.",
        )
    # a kameral budget has Haushaltsstellen, no Produkte (Bavarian review: 'Produkt 36.30.01' passed)
    if t is not DOPPIK:
        lines = [("aufwand", i, e.budget_item) for i, e in enumerate(concept.resources.expenses)]
        lines += [("ertraege", i, e.budget_item) for i, e in enumerate(concept.resources.income)]
        # the placeholder of a new folder ('Produkt oder Haushaltsstelle (bitte ersetzen)') is warned about as such
        product = next(
            (line for line in lines if line[2].startswith("Produkt") and PLACEHOLDER not in line[2]), None
        )
        if product is not None:
            key, index, item = product
            yield warning(
                "ressourcen.yaml",
                (key, index, "haushaltsstelle"),
                f"'{item}': Ein kameraler Haushalt veranschlagt in Haushaltsstellen (etwa 'HHSt. 4510.7180'), "
                "nicht in Produkten. Bitte die Haushaltsstellen eintragen oder 'rechnungswesen' prüfen.",
            )


#: Units that say 'per cent' (a target of 120 with 'einheit: Prozent' passed unnoticed).
PERCENT_UNITS = ("%", "Prozent", "v. H.", "vH")


@WARNINGS.rule("prozentwerte")
def percentages_in_range(concept: Concept) -> Iterator[Finding]:
    """A share in per cent lies between 0 and 100; anything else is usually a slipped digit."""
    keys = (("baseline", "ausgangswert"), ("target", "zielwert"), ("current", "istwert"))
    for g_index, goal in enumerate(concept.goals):
        for i_index, indicator in enumerate(goal.indicators):
            if indicator.unit.strip() not in PERCENT_UNITS:
                continue
            for name, key in keys:
                value = getattr(indicator, name)
                if value is not None and not 0 <= value <= 100:
                    yield warning(
                        "ziele.yaml",
                        ("ziele", g_index, "indikatoren", i_index, key),
                        f"Ein Anteil in % liegt zwischen 0 und 100; angegeben ist {value}.",
                    )


#: Units of an indicator that counts the partners of the network one by one.
_PARTNER_UNITS = ("Akteur", "Akteure", "Partner", "Partnerinnen und Partner", "Netzwerkpartnerinnen und -partner")


@WARNINGS.rule("kennzahl-kooperationsvereinbarung")
def agreement_indicator_matches_the_actors(concept: Concept) -> Iterator[Finding]:
    """An indicator that counts the partners of the Kooperationsvereinbarung says the same as the
    concept's own count from akteure.yaml, which chapters 3 and 11 print: reviews of both
    examples found „17 Akteure“ in the goals' table beside „15 gebunden“ – the indicator counted
    the groups signed for jointly, whose signature binds nobody. Only a count of actors (unit
    'Akteure'; a share of Kitas is something else) is compared: its current value of the Stand's
    year with the actors who had signed by the day it was taken, and its Ausgangswert of an
    earlier year with those who had signed by that year's end (NRW review: „6 Partner (2025)“
    beside „gebunden 0“, no actor having a date of signing)."""
    year = concept.version.date.year
    for g_index, goal in enumerate(concept.goals):
        for i_index, indicator in enumerate(goal.indicators):
            if "Kooperationsvereinbarung" not in indicator.name or indicator.unit.strip() not in _PARTNER_UNITS:
                continue
            if _SECTOR_WORD.search(indicator.name):
                continue  # the partners of one sector ('… des Gesundheitswesens …'): a part, not the count
            where = ("ziele", g_index, "indikatoren", i_index)
            if indicator.current is not None and indicator.current_year == year:
                day = indicator.measured_on or concept.version.date
                message = _count_differs(
                    concept, f"Der Istwert {number(indicator.current)}", indicator.current, day
                )
                if message:
                    yield warning("ziele.yaml", (*where, "istwert"), message)
            first = indicator.baseline_year
            if first is not None and first < year:
                # taken on a day of that year nobody says: any count the year saw will do
                seen = {len(concept.bound_on(dt.date(first, 1, 1))), len(concept.bound_on(dt.date(first, 12, 31)))}
                if not min(seen) <= indicator.baseline <= max(seen):
                    what = f"Der Ausgangswert {number(indicator.baseline)} ({first})"
                    message = _count_differs(concept, what, indicator.baseline, dt.date(first, 12, 31))
                    yield warning("ziele.yaml", (*where, "ausgangswert"), message)


#: A sector named in an indicator (Brandenburg review: „Partnerinnen und Partner des
#: Gesundheitswesens mit unterzeichneter Kooperationsvereinbarung“ was compared with all actors).
_SECTOR_WORD = re.compile(
    r"Gesundheit|Jugendhilfe|Sozial|Frühförder|Bildung|Zivilgesellschaft|Verwaltung|Ehrenamt"
)


def _count_differs(concept: Concept, what: str, value: Decimal | int, day: dt.date) -> str:
    """Why `value` (`what`: 'Der Istwert 14') is not the number of actors bound on `day`, or ''."""
    bound = concept.bound_on(day)
    if value == len(bound):
        return ""
    jointly = concept.signed_jointly_on(day)
    groups = (
        f"; {'die Gruppe' if len(jointly) == 1 else f'die {number_word(len(jointly))} Gruppen'}, für die "
        f"gemeinsam unterzeichnet wurde, zählt das Konzept nicht mit, weil die gemeinsame Unterschrift die einzelnen "
        "Mitglieder nicht bindet"
        if jointly and value == len(bound) + len(jointly)
        else ""
    )
    dates = (
        " Fehlt bei den Akteuren das Datum ihrer Unterschrift ('kooperationsvereinbarung' in akteure.yaml), "
        "bitte dort eintragen."
        if not bound and not jointly
        else ""
    )
    return (
        f"{what} weicht von der Zahl ab, die das Konzept aus akteure.yaml nennt: Am "
        f"{german_date(day)} {agree(len(bound), 'war', 'waren')} "
        f"{count(len(bound), 'Akteur', 'Akteure', 'ein')} an die {concept.bound_by_label} gebunden{groups}. "
        f"Bitte den Wert angleichen; zählt der Indikator etwas anderes, bitte eine Einheit angeben, die "
        f"sagt, was er zählt (etwa 'Einrichtungen').{dates}"
    )


@WARNINGS.rule("fortschreibung-im-turnus")
def update_within_cycle(concept: Concept) -> Iterator[Finding]:
    """The next update should come within the stated cycle, or the cycle is not the real one."""
    version = concept.version
    due = version.cycle_end
    if version.update.next_date > due:
        yield warning(
            "kommune.yaml",
            ("konzept", "fortschreibung", "naechste"),
            f"Bei einer Fortschreibung alle {version.update.cycle_years} Jahre wäre sie "
            f"bis zum {german_date(due)} fällig, geplant ist sie erst für den "
            f"{german_date(version.update.next_date)}.",
        )


@WARNINGS.rule("status-und-zeitraum")
def status_matches_period(concept: Concept) -> Iterator[Finding]:
    """The status of a measure should agree with its period, seen from the concept's Stand."""
    stand = concept.version.date
    shown = german_date(stand)
    for index, measure in enumerate(concept.measures):
        start, end = measure.period.start, measure.period.end
        message = None
        if measure.status == "abgeschlossen" and (end is None or end > stand):
            message = (
                f"Die Maßnahme ist 'abgeschlossen', ihr Zeitraum endet aber nicht bis zum "
                f"Stand des Konzepts ({shown}). Bitte 'bis' oder 'status' prüfen."
            )
        elif measure.status == "laufend" and end is not None and end < stand:
            message = (
                f"Die Maßnahme ist 'laufend', ihr Zeitraum endete aber am {german_date(end)}, "
                f"vor dem Stand des Konzepts ({shown}). Ist sie 'abgeschlossen', oder läuft sie länger "
                "(dann 'bis' anpassen)?"
            )
        elif measure.status == "laufend" and start > stand:
            message = (
                f"Die Maßnahme ist 'laufend', ihr Beginn ({german_date(start)}) liegt aber nach "
                f"dem Stand des Konzepts ({shown}). Ist sie noch 'geplant'?"
            )
        elif measure.status == "geplant" and start < stand:
            message = (
                f"Die Maßnahme ist 'geplant', ihr Beginn ({german_date(start)}) liegt aber vor "
                f"dem Stand des Konzepts ({shown}). Läuft sie schon?"
            )
        if message:
            yield warning("massnahmen.yaml", ("massnahmen", index, "status"), message)


@WARNINGS.rule("beschluss-umgesetzt-massnahme-geplant")
def implemented_decision_has_no_planned_measure(concept: Concept) -> Iterator[Finding]:
    """A decision 'umgesetzt' ends the reports on its implementation (the papers say so) – not
    while a measure it concerns has not even begun (consistency review: a decision 'umgesetzt'
    beside a measure of it still to come). A measure that runs on after the decision set it up,
    or a grant paid over years once granted, may well count as implemented: not warned about."""
    measures = {m.id: m for m in concept.measures}
    for index, decision in enumerate(concept.decisions):
        if decision.status != "umgesetzt":
            continue
        planned = [
            f"{concept.measure_number(m.id)} „{m.title}“"
            for m in (measures.get(i) for i in decision.measures)
            if m is not None and m.status == "geplant"
        ]
        if planned:
            yield warning(
                "gremien.yaml",
                ("beschluesse", index, "umsetzungsstatus"),
                f"Der Beschluss {decision.number} ist als 'umgesetzt' eingetragen, aber "
                f"{enumeration(planned)} {'ist' if len(planned) == 1 else 'sind'} noch geplant. Ein umgesetzter "
                "Beschluss braucht keine Berichte über seine Umsetzung mehr; ist er noch 'in Umsetzung'?",
            )


@WARNINGS.rule("oeffentlichkeit-verwaltungsorgan")
def executive_sittings_said(concept: Concept) -> Iterator[Finding]:
    """A collegial administration (Stadtvorstand, Bezirksamt …) whose sittings the Land's table gives
    no rule for: the Beratungsfolge and OParl would show it as public, as a council committee (RLP
    review: the Stadtvorstand appeared public, the Kreisvorstand under § 52 Abs. 2 LKO not). The user
    says which, in gremien.yaml."""
    for index, committee in enumerate(concept.committees):
        # (a city state's Senat is its government, no body of council sittings)
        if committee.kind not in EXECUTIVE_KINDS or committee.kind == "Senat" or committee.private is not None:
            continue
        if concept.private_by_law(committee) is not None:
            continue
        # a body the Land does not know as its administration's board is warned about to be removed
        # (council.py); asking whether it sits in public came beside it (Hamburg review)
        procedure = concept.procedure
        if procedure is not None and (procedure.executive is None or procedure.executive.name != committee.kind):
            continue
        forms = committee.forms
        yield warning(
            "gremien.yaml",
            ("gremien", index, "art"),
            f"Ob {committee.forms.nom} öffentlich tagt, ist im Werkzeug nicht hinterlegt; ohne Angabe zeigen "
            f"Beratungsfolge und OParl {forms.possessive}e Sitzungen als öffentlich. Bitte 'nichtoeffentlich: true' "
            f"eintragen, wenn {forms.pronoun} nicht öffentlich tagt, sonst 'nichtoeffentlich: false'.",
        )


@WARNINGS.rule("zustaendigkeit-der-gremien")
def committees_have_a_remit(concept: Concept) -> Iterator[Finding]:
    """A body of kind 'Sonstiges' oversees nothing until its sectors are named, so papers to it
    would report no measures."""
    for index, committee in enumerate(concept.committees):
        if not committee.remit:
            yield warning(
                "gremien.yaml",
                ("gremien", index, "art"),
                f"Für '{committee.name}' (Art 'Sonstiges') sind keine Sektoren "
                "angegeben; Vorlagen an dieses Gremium zeigen dann keine Maßnahmen. "
                "Bitte unter 'sektoren' die Bereiche nennen, für die es zuständig ist.",
            )


@WARNINGS.rule("artikel-der-gremien")
def committee_names_decline(concept: Concept) -> Iterator[Finding]:
    """Sentences name a body with its article ('dem Jugendhilfeausschuss'); where the name does
    not show it, documents fall back to 'Gremium „X“', and the article would read better."""
    for index, committee in enumerate(concept.committees):
        if committee.article is None and definite(committee.name) is None:
            yield warning(
                "gremien.yaml",
                ("gremien", index, "name"),
                f"Zu „{committee.name}“ kennt das Werkzeug den Artikel nicht; die Dokumente schreiben "
                f"deshalb „{committee.forms.nom}“. Bitte unter 'artikel' der, die oder das angeben.",
            )


@WARNINGS.rule("oeffentlich-trotz-landesrecht")
def public_where_the_law_says_private(concept: Concept) -> Iterator[Finding]:
    """'nichtoeffentlich: false' for a body the Land's law has meet in private: right where the
    Hauptsatzung may open its sittings (§ 113 Abs. 4 Satz 4 KV M-V), wrong where it may not –
    the tool cannot tell, so the paper prints it public and the user is asked to check."""
    for index, committee in enumerate(concept.committees):
        if committee.private is not False:
            continue
        rule = concept.private_by_law(committee)
        advisory = concept.private_by_law(committee, "Vorberatung")
        if rule is not None:
            what = f"tagt {committee.forms.nom} nicht öffentlich"
        elif advisory is not None:  # the law speaks of the sittings that prepare a decision only
            rule, what = advisory, f"sind Vorberatungen {committee.forms.im} nicht öffentlich"
        else:
            continue
        yield warning(
            "gremien.yaml",
            ("gremien", index, "nichtoeffentlich"),
            f"Nach {rule} {what}; mit 'nichtoeffentlich: false' nennen die Vorlagen die Sitzungen öffentlich. Das "
            "stimmt nur, wo das Gesetz der Hauptsatzung oder Geschäftsordnung erlaubt, anderes zu bestimmen. "
            "Bitte prüfen.",
        )


#: A reference to a decision or a paper: 'JHA/2026/030', 'KT-2021-041', 'kt-2021-041'.
_NUMBER = re.compile(r"[A-Za-zÄÖÜäöü0-9]+(?:[/.-][A-Za-zÄÖÜäöü0-9]+)+")


@WARNINGS.rule("konzeptbeschluss")
def adoption_is_a_reference(concept: Concept) -> Iterator[Finding]:
    """'konzept.beschluss' names a decision or a paper, and the documents build the sentence
    from its date, body and status. A text written for earlier versions is shown as written,
    as a note, until it is replaced by the number it mentions."""
    written = concept.version.decision
    if not written or concept.adoption is not None:
        return
    known = {d.number for d in concept.decisions} | {d.id for d in concept.decisions}
    known |= {p.number for p in concept.papers}
    named = [n for n in dict.fromkeys(_NUMBER.findall(written)) if n in known]
    hint = (
        f"Gemeint ist wohl {enumeration(named)}: bitte nur die Nummer eintragen (beschluss: {named[0]})."
        if len(named) == 1
        else "Bitte die Nummer eines Beschlusses aus gremien.yaml (beschluesse) oder einer Vorlage aus "
        "vorlagen/ eintragen."
    )
    yield warning(
        "kommune.yaml",
        ("konzept", "beschluss"),
        f"'beschluss' nennt keinen Beschluss und keine Vorlage, sondern „{written}“. {hint} Den Satz "
        "über den Beschluss bildet das Werkzeug dann aus Datum, Gremium und Stand (beschlossen oder "
        "vorgesehen); bis dahin erscheint der Text unverändert als Angabe.",
    )


@WARNINGS.rule("konzeptbeschluss-vor-stand")
def adoption_after_stand(concept: Concept) -> Iterator[Finding]:
    """A decision still to come cannot lie before the Stand of the Fassung it decides: the
    concept said 'Diese Fassung soll am 25.03.2026 im Kreistag beschlossen werden' under a Stand
    of 05.12.2026 (review of a new Landkreis whose committee dates were last year's)."""
    adoption, stand = concept.adoption, concept.version.date
    if adoption is None or adoption.status != "geplant" or adoption.date is None or adoption.date >= stand:
        return
    yield warning(
        "kommune.yaml",
        ("konzept", "beschluss"),
        f"Nach der {adoption.kind} {adoption.number} soll über diese Fassung am {german_date(adoption.date)} "
        f"entschieden werden – vor ihrem Stand ({german_date(stand)}). Ist die Entscheidung schon gefallen, "
        "bitte den Beschluss in gremien.yaml (beschluesse) eintragen und hier seine Nummer; ist es die Vorlage "
        f"einer früheren Fassung, gehört sie nach {DELIBERATED_FOLDER}/, und hier steht die Vorlage dieser Fassung; "
        "sonst die Sitzungstermine in der Beratungsfolge der Vorlage prüfen.",
    )


@WARNINGS.rule("vorlage-nach-konzeptbeschluss")
def papers_after_the_planned_adoption(concept: Concept) -> Iterator[Finding]:
    """A paper dated after the sitting that is to adopt this Fassung still cites the draft ('des
    Entwurfs der Fassung 2.0'): has the decision been taken? (Sachsen-Anhalt review: a
    Sachstandsbericht of 15.04.2027 spoke of the draft, the Kreistag deciding on 25.03.2027.)"""
    adoption = concept.adoption
    if adoption is None or adoption.status != "geplant" or adoption.date is None:
        return
    files = concept.paper_files
    later = [p for p in concept.papers if p.number != adoption.number and p.date > adoption.date]
    for paper in later:
        yield warning(
            files[paper.number],
            ("vorlage", "datum"),
            f"Die Vorlage ist vom {german_date(paper.date)}, nach der Sitzung, in der die Fassung "
            f"{concept.version.version} beschlossen werden soll ({german_date(adoption.date)}, {adoption.kind} "
            f"{adoption.number}); bis dahin gilt die Fassung in den Dokumenten als Entwurf. Ist der Beschluss "
            "gefasst, bitte ihn in "
            "gremien.yaml (beschluesse) eintragen und in kommune.yaml unter konzept.beschluss seine Nummer.",
        )


@WARNINGS.rule("positionen-ertrag-ohne-aufwand")
def chosen_income_with_its_expenses(concept: Concept) -> Iterator[Finding]:
    """A paper that names its lines ('positionen') and chooses an income bound to measures whose
    Aufwand it leaves out: the grant counts against the paper's Aufwand alone, so its Zuschussbedarf
    is too low – the very amount its Haushaltsvorbehalt names (NRW review: a Land grant for the
    Elterncafé and the Babylotsendienst, a paper on the Lotsendienst showed 8.000,00 € of own share)."""
    files = concept.paper_files
    income = {line.id: line for line in concept.resources.income}
    expenses = {line.id: line for line in concept.resources.expenses}
    for paper in concept.papers:
        if paper.finances is None or not paper.finances.lines or paper.number not in files:
            continue
        chosen = set(paper.finances.lines)
        paid = {(e.year, e.purpose) for e in expenses.values() if e.id in chosen}
        for index, line_id in enumerate(paper.finances.lines):
            line = income.get(line_id)
            if line is None or line.year != paper.finances.budget_year:  # another year: an error of its own
                continue
            left_out = [p for p in line.purposes if (line.year, p) not in paid]
            if not left_out:
                continue
            labels = enumeration(concept.purpose_labels(left_out))
            # a line to take in only where the year has one (diff review)
            lines_exist = any(e.year == line.year and e.purpose in left_out for e in expenses.values())
            remedy = (
                "den Aufwand dazu unter 'positionen' aufnehmen oder den Ertrag" if lines_exist else "den Ertrag"
            )
            yield warning(
                files[paper.number],
                ("vorlage", "finanzen", "positionen", index),
                f"Der Ertrag '{line_id}' ({euro(line.amount)}, {line.year}) ist auch für {labels} bestimmt, deren "
                f"Aufwand die Vorlage nicht nennt: Er mindert dann allein den Aufwand der Vorlage, und ihr "
                f"Zuschussbedarf fällt zu niedrig aus. Bitte {remedy} in ressourcen.yaml nach Maßnahmen aufteilen.",
            )


@WARNINGS.rule("anlage-geschuetzt")
def attachments_unprotected(concept: Concept) -> Iterator[Finding]:
    """An attached PDF protected by a password goes out with the council's papers unreadable (fuzz
    review); one with restrictions only opens everywhere. Which it is, only decrypting tells: a
    warning asks to check (diff review: refusing both refused Förderbescheide everyone can read)."""
    from pipeline.model.paths import is_protected

    files = concept.paper_files
    for paper in concept.papers:
        for index, attachment in enumerate(paper.attachments):
            if (
                attachment.file is None
                or paper.number not in files
                or not is_protected(attachment.file.read_bytes())
            ):
                continue
            yield warning(
                files[paper.number],
                ("vorlage", "anlagen", index, "datei"),
                f"Die PDF-Datei '{attachment.file.name}' ist geschützt (mit einem Kennwort oder mit Einschränkungen "
                "beim Drucken oder Kopieren). Bitte prüfen, ob sie sich ohne Kennwort öffnen lässt – sonst können "
                "die Gremienmitglieder sie nicht lesen –, und wenn nötig bei der Stelle, die sie erstellt hat, eine "
                "Fassung ohne Kennwort erbitten.",
            )


@WARNINGS.rule("vorlage-berichtet-von-selbst")
def reports_named_where_a_decision_is_asked(concept: Concept) -> Iterator[Finding]:
    """A Beschlussvorlage without 'beschluesse' reports on every open decision of its bodies, and its
    proposal gains a point taking note of that report: a paper on the Babylotsendienst took note of
    the Rat's decision asking for the concept, unasked (NRW review). Said once, with how to choose."""
    files = concept.paper_files
    for view in paper_views(concept):
        paper = view.paper
        if paper.kind != "Beschlussvorlage" or paper.chooses_decisions or paper.number not in files:
            continue
        reported = [d.number for _, decisions in view.reports_back for d in decisions]
        if not reported:
            continue
        which = (
            f"des Beschlusses {reported[0]}" if len(reported) == 1 else f"der Beschlüsse {enumeration(reported)}"
        )
        yield warning(
            files[paper.number],
            ("vorlage",),
            f"Die Vorlage berichtet über die Umsetzung {which}, und ihr Beschlussvorschlag nimmt diesen Bericht "
            "zur Kenntnis: Ohne 'beschluesse' berichtet eine Vorlage über alle offenen Beschlüsse der Gremien ihrer "
            "Beratungsfolge. Bitte die Beschlüsse nennen, über die sie berichten soll, oder 'beschluesse: []' "
            "eintragen, wenn keine.",
        )


#: The longest title a heading and a table cell carry well; more belongs in the description.
LONGEST_TITLE = 150


@WARNINGS.rule("titel-zu-lang")
def titles_short_enough(concept: Concept) -> Iterator[Finding]:
    """A measure's title stands in headings, the Maßnahmenplan, figures and finance tables, a target
    group's name in every table of groups: a title of 915 characters passed and stood 30 times in the
    concept, a cell of 40 lines (NRW review)."""
    named = [
        *(("massnahmen.yaml", ("massnahmen", i, "titel"), m.title) for i, m in enumerate(concept.measures)),
        *(("zielgruppen.yaml", ("zielgruppen", i, "name"), g.name) for i, g in enumerate(concept.target_groups)),
    ]
    for file, path, title in named:
        if len(title) > LONGEST_TITLE:
            what = "Der Titel" if path[-1] == "titel" else "Der Name"
            yield warning(
                file,
                path,
                f"{what} ist {number(len(title))} Zeichen lang; er steht in Überschriften und Tabellen. Bitte "
                f"auf höchstens {LONGEST_TITLE} Zeichen kürzen und Einzelheiten in 'beschreibung' schreiben.",
            )


#: A word of a measure's title long enough to name it in a paper's subject ('Babylotsendienst').
_NAMING_WORD = re.compile(r"\b[A-ZÄÖÜ][a-zäöüß]{9,}\b")


@WARNINGS.rule("betreff-nennt-fehlende-massnahme")
def subject_names_a_measure_the_paper_leaves_out(concept: Concept) -> Iterator[Finding]:
    """A paper that chooses its measures by the committees' remit and names in its subject a
    measure it does not report on (Sachsen-Anhalt review: 'Sachstand … – Babylotsendienst und
    Familienbegleitung' to the JHA, while both measures lay with the Sozialausschuss and the
    table of measures left them out)."""
    files = concept.paper_files
    for view in paper_views(concept):
        if view.paper.measures or "massnahmen" not in view.paper.blocks:
            continue
        reported = {m.id for m in view.measures}
        subject = view.paper.subject
        missing = [
            m
            for m in concept.measures
            if m.id not in reported and any(w in subject for w in _NAMING_WORD.findall(m.title))
        ]
        if missing:
            labels = concept.measure_labels([m.id for m in missing])
            yield warning(
                files[view.paper.number],
                ("vorlage", "betreff"),
                f"Der Betreff nennt {enumeration(labels)}, die Vorlage berichtet aber nicht darüber: sie wählt ihre "
                "Maßnahmen nach der Zuständigkeit der Gremien der Beratungsfolge. Bitte unter 'massnahmen' die "
                "Maßnahmen nennen, über die sie berichten soll, oder den Betreff anpassen.",
            )


#: A sentence that announces a report or a consultation still to come.
_ANNOUNCES = re.compile(r"(Bericht|bericht|Beratung|berat|Beteiligung|vorgelegt|vorlegen)")
_PENDING = re.compile(r"(noch aus|vorgesehen|geplant|\bwird am\b|\bwerden am\b|\bsoll am\b)")


@WARNINGS.rule("umsetzungsstand-ohne-termine")
def progress_leaves_dates_to_papers(concept: Concept) -> Iterator[Finding]:
    """A planned report on a decision is a fact of the council papers, and the documents name
    it from there. Written into 'umsetzungsstand', it goes stale and reappears in the very paper
    that is this report, saying the report is still missing."""
    view = concept.reporting
    for index, decision in enumerate(concept.decisions):
        planned = view.planned_report_on(decision)
        if planned is None or not decision.progress:
            continue
        sentences = re.split(r"(?<=[.!?])\s+", decision.progress)
        announcing = [s for s in sentences if _ANNOUNCES.search(s) and _PENDING.search(s)]
        if announcing:
            yield warning(
                "gremien.yaml",
                ("beschluesse", index, "umsetzungsstand"),
                f"Der Umsetzungsstand von {decision.number} kündigt einen Bericht oder eine Beratung an "
                f"(„{announcing[0]}“). Die Vorlage {planned.paper.number} berichtet am "
                f"{german_date(planned.date)} {planned.committee.forms.dat} über die Umsetzung; die "
                "Dokumente nennen diesen Termin selbst, und in der Vorlage wäre der Satz falsch. Bitte "
                "hier nur beschreiben, was umgesetzt ist.",
            )


@WARNINGS.rule("vereinbarung-schon-in-kraft")
def agreement_in_force_before_the_stand(concept: Concept) -> Iterator[Finding]:
    """An agreement in force before the Stand was signed as an earlier Fassung wrote it: built
    again, its text follows this Fassung (its measures, their numbers, the duties) under the old
    date – a text nobody signed (Hessian year-later review)."""
    agreement = concept.agreement
    since = agreement.in_force_since if agreement is not None else None
    if since is None or agreement is None or agreement.settings.continues:
        return
    yield warning(
        "netzwerk.yaml",
        ("kooperationsvereinbarung", "beginn"),
        f"Die Kooperationsvereinbarung gilt seit dem {german_date(since)}, vor dem Stand dieser Fassung "
        f"({german_date(concept.version.date)}). Der Build schreibt ihren Text mit den Angaben dieser Fassung "
        "(Maßnahmen, ihre Nummern, Pflichten); unterschrieben wurde der Text, der damals galt. Soll eine neue "
        "Vereinbarung abgeschlossen werden, bitte 'beginn' auf ihren Beginn setzen. Gilt die bisherige unverändert "
        "weiter, 'fortgeltend: ja' eintragen: Dann erzeugt der Build sie nicht neu, ihre Dateien im Ausgabeordner "
        "bleiben, und das Konzept beschreibt sie weiter (Beginn, Laufzeit, Vertragsparteien, Vordruck).",
    )


@WARNINGS.rule("vorlage-schon-beraten")
def papers_of_an_earlier_fassung(concept: Concept) -> Iterator[Finding]:
    """A paper whose every sitting lies before the concept's Stand was deliberated on what an
    earlier Fassung said: built again, it would say this Fassung's numbers under its old date and
    number, over the files the committees had (year-later review: the Kreistag's paper of 2026
    put the Haushaltsvorbehalt on 2028). Under vorlagen/beraten/ it still counts as a report."""
    stand = concept.version.date
    files = concept.paper_files
    adoption = concept.adoption.number if concept.adoption is not None else None
    for view in paper_views(concept):
        last = view.paper.last_sitting
        if last is None or last >= stand or view.paper.number == adoption:
            continue  # the paper to adopt this Fassung: its own warning says the Stand is past its sitting
        yield warning(
            files[view.paper.number],
            ("vorlage", "beratungsfolge"),
            f"Die Vorlage {view.paper.number} wurde zuletzt am {german_date(last)} beraten, vor dem Stand "
            f"dieser Fassung ({german_date(stand)}). Der Build schreibt sie mit den Angaben der Fassung "
            f"{concept.version.version}; Dateien eines früheren Builds, die den Gremien vorlagen, ersetzt er damit. Ist "
            f"sie beraten, bitte die Datei in den Ordner {DELIBERATED_FOLDER}/ verschieben: Dort zählt sie weiter als "
            "Bericht an die Gremien, wird aber nicht mehr erzeugt, und ihre Dateien im Ausgabeordner bleiben, wie sie "
            "sind.",
        )


@WARNINGS.rule("ertrag-fuer-ungleich-lange-massnahmen")
def grant_for_measures_of_different_ends(concept: Concept) -> Iterator[Finding]:
    """A grant that ends ('befristet_bis') and pays for measures of which some end with it and
    some go on cannot be read in the Folgekosten: how much of it is missing from the next year
    depends on how it is split between them, which only the inputs can say."""
    ending = concept.budget.ending_measures
    for index, line in enumerate(concept.resources.income):
        if line.limited_until is None or len(line.purposes) < 2:
            continue
        ends = {p for p in line.purposes if ends_by(ending, p, line.limited_until)}
        if ends and len(ends) < len(line.purposes):
            shown = enumeration([concept.purpose_label(p) for p in line.purposes if p in ends])
            others = enumeration([concept.purpose_label(p) for p in line.purposes if p not in ends])
            yield warning(
                "ressourcen.yaml",
                ("ertraege", index, "fuer"),
                f"Der Ertrag '{line.id}' ist befristet und fördert {shown}, die mit ihm "
                f"{agree(len(ends), 'endet', 'enden')}, zusammen mit {others}, die "
                f"{agree(len(line.purposes) - len(ends), 'weiterläuft', 'weiterlaufen')}. Für die Folgekosten ist offen, welcher Teil danach fehlt: Bitte "
                "den Ertrag in zwei Einträge teilen, je mit dem Betrag für die endenden und die weiterlaufenden "
                "Maßnahmen.",
            )


@WARNINGS.rule("anlagen-der-vereinbarung")
def agreement_with_its_consent_form(concept: Concept) -> Iterator[Finding]:
    """The Kooperationsvereinbarung names the consent form as its Anlage and relies on it (§ 6):
    a paper that asks to conclude the agreement attaches both, or the council decides on a text
    whose annex it has not seen."""
    agreement = concept.agreement
    if agreement is None or not agreement.has_consent_form:
        return
    files = concept.paper_files
    for paper in concept.papers:
        generated = [a.generated for a in paper.attachments]
        if "kooperationsvereinbarung" in generated and "einverstaendniserklaerung" not in generated:
            yield warning(
                files[paper.number],
                ("vorlage", "anlagen"),
                "Die Vorlage fügt die Kooperationsvereinbarung an, aber nicht deren Anlage, den Vordruck "
                "„Einverständniserklärung und Schweigepflichtentbindung“. Bitte unter 'anlagen' auch "
                "'- erzeugt: einverstaendniserklaerung' eintragen.",
            )


@WARNINGS.rule("folgekosten")
def follow_up_costs_named(concept: Concept) -> Iterator[Finding]:
    """A Beschlussvorlage shows the council its Folgekosten: the amounts of later years in
    ressourcen.yaml, grants that end ('befristet_bis') or expenses that start during the year
    ('volles_jahr'), or 'folgekosten' in words ('keine', 'jährlich wiederkehrend rund 48.000 €').
    Without any, the paper prints 'nicht beziffert', which a Kämmerei reads as a gap."""
    files = concept.paper_files
    for view in paper_views(concept):
        finances = view.finances
        if finances is None or not finances.decides or finances.follow_up_named:
            continue
        yield warning(
            files[view.paper.number],
            ("vorlage", "finanzen"),
            f"Die Beschlussvorlage nennt keine Folgekosten: ressourcen.yaml hat nach {finances.year} keine "
            "Beträge in ihrem Zuständigkeitsbereich, und 'folgekosten' fehlt. Im Dokument stünde „nicht "
            "beziffert“. Bitte die Folgekosten in Worten angeben (z. B. 'jährlich wiederkehrend rund "
            "48.000 €' oder 'keine') oder die Beträge der Folgejahre in ressourcen.yaml eintragen.",
        )


@WARNINGS.rule("beteiligung-bei-standardauswahl")
def ordered_bodies_consulted_by_default(concept: Concept) -> Iterator[Finding]:
    """A paper that names no 'beschluesse' reports on every decision of its bodies; where one of
    those ordered another body's involvement, that body belongs in its Beratungsfolge as it would
    for a paper naming the decision (Bavarian and RLP reviews: the rule looked at named ones only)."""
    files = concept.paper_files
    for view in paper_views(concept):
        if view.paper.chooses_decisions:
            continue  # named decisions: the rule beteiligung-nach-beschluss looks at them
        consulted = {c.committee for c in view.paper.consultations}
        for decision in view.decisions_reported_back:
            missing = [concept.committee(c) for c in decision.involve if c not in consulted]
            if missing:
                yield warning(
                    files[view.paper.number],
                    ("vorlage", "beratungsfolge"),
                    f"Die Vorlage berichtet über den Beschluss {decision.number}, der vorsieht, "
                    f"{enumeration([m.forms.acc for m in missing])} zu beteiligen; "
                    f"{'es fehlt' if len(missing) == 1 else 'sie fehlen'} in der Beratungsfolge. Bitte ergänzen "
                    "oder unter 'beschluesse' die Beschlüsse nennen, über die die Vorlage berichtet.",
                )


@WARNINGS.rule("konzept-nichtoeffentlich")
def concept_papers_public(concept: Concept) -> Iterator[Finding]:
    """A paper that brings the Gesamtkonzept to the bodies, marked not public: the council and its
    committees sit in public, and the Gemeinde- and Kreisordnungen exclude the public only where the
    public good or an individual's legitimate interests require it – rarely for a framework with
    budget funds (Brandenburg review: 'oeffentlich: false' at the Kreistag's paper passed unasked)."""
    files = concept.paper_files
    for paper in concept.papers:
        if paper.public or "konzept" not in paper.blocks:
            continue
        yield warning(
            files[paper.number],
            ("vorlage", "oeffentlich"),
            "Die Vorlage bringt das Gesamtkonzept in die Gremien und ist als nicht öffentlich eingetragen. "
            "Vertretung und Ausschüsse beraten öffentlich; ausgeschlossen wird die Öffentlichkeit nur, wo das "
            "öffentliche Wohl oder berechtigte Interessen Einzelner es verlangen. Ist die Vorlage öffentlich, "
            "'oeffentlich: ja' eintragen; sonst den Grund in der Begründung nennen.",
        )


@WARNINGS.rule("bericht-an-einem-sitzungstag")
def reports_on_sitting_days(concept: Concept) -> Iterator[Finding]:
    """A report of gremien.yaml dated after the Stand, or on a day the body's calendar shows no
    sitting, is probably a typing error: it counts as the body's last report, and an overdue one
    vanished from every document (Brandenburg review: '2027-01-20' for 2024). A calendar of
    coming sittings only tells nothing about past days."""
    stand = concept.version.date
    for index, committee in enumerate(concept.committees):
        first = min(committee.meetings, default=None)
        for entry, report in enumerate(committee.reports):
            where = ("gremien", index, "berichte", entry, "datum")
            if report.date > stand:
                yield warning(
                    "gremien.yaml",
                    where,
                    f"Der Bericht „{report.topic}“ ist auf den {german_date(report.date)} datiert, nach dem Stand "
                    f"des Konzepts ({german_date(stand)}); er zählt so als letzter Bericht an "
                    f"{committee.forms.acc}. Ist das Datum vertippt? Ein geplanter Bericht gehört als Vorlage "
                    "nach vorlagen/.",
                )
            elif first is not None and first <= report.date and report.date not in committee.meetings:
                yield warning(
                    "gremien.yaml",
                    where,
                    f"Am {german_date(report.date)} hat {committee.forms.nom} laut 'sitzungen' nicht getagt. "
                    "Bitte das Datum des Berichts oder die Sitzungstermine prüfen.",
                )


@WARNINGS.rule("beschluesse-ohne-baustein")
def named_decisions_shown(concept: Concept) -> Iterator[Finding]:
    """A paper that names decisions to report on but whose blocks leave out 'beschluesse' shows
    no report on them: it neither counts as that report nor takes note of it (BW review: the
    proposal took note of a report on GRDrs 377/2025 the paper did not hold)."""
    files = concept.paper_files
    for paper in concept.papers:
        if paper.named_decisions and "beschluesse" not in paper.blocks:
            named = [d.number for d in concept.decisions if d.id in paper.named_decisions]
            which = f"den Beschluss {named[0]}" if len(named) == 1 else f"die Beschlüsse {enumeration(named)}"
            yield warning(
                files[paper.number],
                ("vorlage", "beschluesse"),
                f"Die Vorlage nennt {which}, zeigt aber keinen Bericht über ihre Umsetzung: 'bausteine' "
                "enthält 'beschluesse' nicht. So gilt sie nicht als dieser Bericht. Bitte 'beschluesse' "
                "unter 'bausteine' ergänzen oder die Liste 'beschluesse' weglassen.",
            )


@WARNINGS.rule("ertrag-im-produkt-des-aufwands")
def grants_stand_where_their_costs_stand(concept: Concept) -> Iterator[Finding]:
    """A grant for measures booked under another Produkt or Haushaltsstelle than every line of their
    Aufwand that year: the table by Produkt shows one with the costs and no grant, the other with the
    grant and less cost (Saxon review: M3's Aufwand in 41.40.01, its grants in 36.30.01)."""
    kameral = concept.budget.terms is not DOPPIK

    def place(item: str) -> str:
        """Where a line stands: its Haushaltsstelle's Unterabschnitt in a kameral budget (Einnahmen
        and Ausgaben never share a Haushaltsstelle there; Bavarian review), else the item."""
        return (budget_section(item) or item) if kameral else product_of(item)

    items: dict[tuple[str, int], set[str]] = {}
    for expense in concept.resources.expenses:
        items.setdefault((expense.purpose, expense.year), set()).add(expense.budget_item)
    for index, line in enumerate(concept.resources.income):
        costs = set().union(*(items.get((p, line.year), set()) for p in line.purposes)) if line.purposes else set()
        if not costs or place(line.budget_item) in {place(c) for c in costs}:
            continue
        if kameral:
            unit, units = (
                ("Kapitel", "Kapiteln")
                if names_chapter(line.budget_item)
                else ("Unterabschnitt", "Unterabschnitten")
            )
            message = (
                f"Die Einnahme „{line.title}“ ({line.year}) steht in „{line.budget_item}“, die Ausgaben, für die "
                f"sie bestimmt ist, in {enumeration([f'„{i}“' for i in sorted(costs)])} – in einem anderen "
                f"{unit}. Die Übersicht nach {units} zeigt dann bei dem einen die Ausgaben ohne die "
                "Einnahme, bei dem anderen die Einnahme ohne die Ausgaben. Bitte prüfen, ob beide im "
                f"selben {unit} veranschlagt sind."
            )
        else:
            message = (
                f"Der Ertrag „{line.title}“ ({line.year}) steht in „{line.budget_item}“, der Aufwand, für den er "
                f"bestimmt ist, in {enumeration([f'„{i}“' for i in sorted(costs)])}. Die Übersicht nach Produkten "
                "zeigt dann bei dem einen den Aufwand ohne den Ertrag, bei dem anderen den Ertrag ohne den Aufwand. "
                "Bitte prüfen, ob beide im selben Produkt oder bei derselben Haushaltsstelle veranschlagt sind."
            )
        yield warning("ressourcen.yaml", ("ertraege", index, "haushaltsstelle"), message)
