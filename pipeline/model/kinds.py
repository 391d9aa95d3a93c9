"""What the command line needs to know before the model: the kinds of municipality and the
Länder it offers as choices, and the name of a municipality's main file; kept free of the
model's imports so that the command line starts quickly."""

from __future__ import annotations

from typing import Literal, get_args

#: The years inputs and the command line's dates may name.
FIRST_YEAR, LAST_YEAR = 1990, 2100


#: The first year a fact of the past may have: a long-standing offer ('seit 1985') or an old decision
#: (diff review: 1990 refused them); the plans and the budget keep FIRST_YEAR.
FIRST_PAST_YEAR = 1900


def outside_the_years(year: int, first: int = FIRST_YEAR) -> str:
    """'liegt außerhalb der Jahre 1990 bis 2100' for a year the inputs cannot mean, else ''."""
    return "" if first <= year <= LAST_YEAR else f"liegt außerhalb der Jahre {first} bis {LAST_YEAR}"


MunicipalityKind = Literal[
    "Landkreis",
    "kreisfreie Stadt",
    "große kreisangehörige Stadt",
    "kreisangehörige Stadt",
    "Stadtstaat",
    "Bezirk",
]
State = Literal[
    "Baden-Württemberg",
    "Bayern",
    "Berlin",
    "Brandenburg",
    "Bremen",
    "Hamburg",
    "Hessen",
    "Mecklenburg-Vorpommern",
    "Niedersachsen",
    "Nordrhein-Westfalen",
    "Rheinland-Pfalz",
    "Saarland",
    "Sachsen",
    "Sachsen-Anhalt",
    "Schleswig-Holstein",
    "Thüringen",
]

#: The Land `gesamtkonzept init` writes where none is chosen, and the comment beside it that marks
#: it as a placeholder: validate warns while both stand there.
PLACEHOLDER_STATE: str = get_args(State)[0]
PLACEHOLDER_STATE_NOTE = "# Platzhalter: bitte das eigene Bundesland eintragen"

#: The file that makes a folder a municipality's: read first, it may raise the size limit of
#: the others.
MUNICIPALITY_FILE = "kommune.yaml"

__all__ = ["MUNICIPALITY_FILE", "PLACEHOLDER_STATE", "PLACEHOLDER_STATE_NOTE", "MunicipalityKind", "State"]


#: Where a Land itself is the örtlicher Träger der Jugendhilfe for its Bezirke: its name and why
#: (Berlin is örtlicher and überörtlicher Träger at once, § 33 AG KJHG – the Senat's answer to a
#: Kleine Anfrage, juramagazin.de/72162.html).
STATE_AS_CARRIER = {
    "Berlin": ("Land Berlin", "§ 33 AG KJHG; das Bezirksamt vertritt es, § 36 Abs. 2 Buchst. a BezVG"),
    # § 1 AG SGB VIII Hamburg; § 2: die Bezirksämter nehmen die übertragenen Aufgaben wahr
    "Hamburg": ("Freie und Hansestadt Hamburg", "§ 1 AG SGB VIII; das Bezirksamt nimmt die Aufgaben wahr, § 2"),
}


def youth_welfare_carrier(kind: str, state: str | None, name: str) -> str:
    """The örtlicher Träger der Jugendhilfe a new municipality starts with: the Land for a Bezirk
    of Berlin or Hamburg (Berlin review: init wrote 'traeger: Bezirk Spreetal', which validate
    then flagged), else the municipality itself."""
    carrier = STATE_AS_CARRIER.get(state or "") if kind == "Bezirk" else None
    return carrier[0] if carrier else name
