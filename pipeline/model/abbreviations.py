"""Abbreviations the documents may use, with their meaning: the concept's list shows those that
occur in its text, so it never explains one the reader does not meet nor misses one they do."""

from __future__ import annotations

import re

#: Abbreviation → meaning, in the order of the list: alphabetical, as a reader looks one up.
ABBREVIATIONS: dict[str, str] = {
    "ASD": "Allgemeiner Sozialer Dienst",
    "AWO": "Arbeiterwohlfahrt",
    "BISS": "Beratungs- und Interventionsstelle bei häuslicher Gewalt",
    "BSFH": "Bundesstiftung Frühe Hilfen",
    "DRK": "Deutsches Rotes Kreuz",
    "DSGVO": "Datenschutz-Grundverordnung",
    "EFB": "Erziehungs- und Familienberatung",
    "FGKiKP": "Familien-Gesundheits- und Kinderkrankenpflegende",
    "gGmbH": "gemeinnützige Gesellschaft mit beschränkter Haftung",
    "HGO": "Hessische Gemeindeordnung",
    "HKJGB": "Hessisches Kinder- und Jugendhilfegesetzbuch",
    "HKO": "Hessische Landkreisordnung",
    "Kita": "Kindertagesstätte",
    "KJSG": "Kinder- und Jugendstärkungsgesetz",
    "KKG": "Gesetz zur Kooperation und Information im Kinderschutz",
    "LSN": "Landesamt für Statistik Niedersachsen",
    # Source: lexaris.io, Landesrecht Niedersachsen (Nds. AG SGB VIII, zuletzt geändert 23.03.2022).
    "Nds. AG SGB VIII": (
        "Niedersächsisches Gesetz zur Ausführung des Achten Buchs des Sozialgesetzbuchs und zur "
        "Niedersächsischen Kinder- und Jugendkommission"
    ),
    "NKomVG": "Niedersächsisches Kommunalverfassungsgesetz",
    "NZFH": "Nationales Zentrum Frühe Hilfen",
    "ÖGD": "Öffentlicher Gesundheitsdienst",
    "SchKG": "Schwangerschaftskonfliktgesetz",
    "SGB": "Sozialgesetzbuch",
    "StGB": "Strafgesetzbuch",
    "U-Untersuchung": "Früherkennungsuntersuchung für Kinder (U1 bis U9)",
    "U1 bis U9": "Früherkennungsuntersuchungen für Kinder von der Geburt bis zum Alter von etwa fünf Jahren",
    "VZÄ": "Vollzeitäquivalente",
}


#: Abbreviations that stand for a series and occur as any of its members ('U2 bis U7', 'U7a').
SERIES: dict[str, str] = {"U1 bis U9": r"U[1-9]a?"}


#: Each abbreviation as a word of its own: no letter, digit or hyphen before, no letter after.
_PATTERNS = {
    short: re.compile(rf"(?<![\w-])(?:{SERIES.get(short) or re.escape(short)})(?!\w)") for short in ABBREVIATIONS
}


def used_in(text: str) -> list[tuple[str, str]]:
    """The abbreviations that occur in a text as words of their own ('SGB VIII', 'U-Untersuchung';
    not 'SGBs' inside another word), with their meaning. A plain look for the letters comes
    first: the pattern reads a long text to its end only where they occur. Non-breaking spaces
    ('SGB\u00a0VIII', set by the typography) count as spaces."""
    text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return [
        (short, meaning)
        for short, meaning in ABBREVIATIONS.items()
        if (short in SERIES or short in text) and _PATTERNS[short].search(text)
    ]
