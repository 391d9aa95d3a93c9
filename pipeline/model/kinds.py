"""What the command line needs to know before the model: the kinds of municipality and the
Länder it offers as choices, and the name of a municipality's main file; kept free of the
model's imports so that the command line starts quickly."""

from __future__ import annotations

from typing import Literal

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

#: The file that makes a folder a municipality's: read first, it may raise the size limit of
#: the others.
MUNICIPALITY_FILE = "kommune.yaml"

__all__ = ["MUNICIPALITY_FILE", "MunicipalityKind", "State"]
