"""Abbreviations the documents may use, with their meaning: the concept's list shows those that
occur in its text, so it never explains one the reader does not meet nor misses one they do."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from pipeline.formatting import plain_spaces

#: Abbreviation → meaning, in the order of the list: alphabetical, as a reader looks one up.
ABBREVIATIONS: dict[str, str] = {
    "ASD": "Allgemeiner Sozialer Dienst",
    "AWO": "Arbeiterwohlfahrt",
    "BISS": "Beratungs- und Interventionsstelle bei häuslicher Gewalt",
    "BSFH": "Bundesstiftung Frühe Hilfen",
    "DRK": "Deutsches Rotes Kreuz",
    "DSG-EKD": "Kirchengesetz über den Datenschutz der Evangelischen Kirche in Deutschland",
    "DSGVO": "Datenschutz-Grundverordnung",
    "EFB": "Erziehungs- und Familienberatung",
    "EKD": "Evangelische Kirche in Deutschland",
    "FGKiKP": "Familien-Gesundheits- und Kinderkrankenpflegende",
    "gGmbH": "gemeinnützige Gesellschaft mit beschränkter Haftung",
    "Kita": "Kindertagesstätte",
    "KJSG": "Kinder- und Jugendstärkungsgesetz",
    "KDG": "Gesetz über den Kirchlichen Datenschutz",
    "KKG": "Gesetz zur Kooperation und Information im Kinderschutz",
    "LSN": "Landesamt für Statistik Niedersachsen",
    "NRW": "Nordrhein-Westfalen",
    "NZFH": "Nationales Zentrum Frühe Hilfen",
    "ÖGD": "Öffentlicher Gesundheitsdienst",
    "SchKG": "Schwangerschaftskonfliktgesetz",
    "SGB": "Sozialgesetzbuch",
    "StGB": "Strafgesetzbuch",
    "SuE": "Sozial- und Erziehungsdienst (Tarifbereich des TVöD)",
    "TV-L": "Tarifvertrag für den öffentlichen Dienst der Länder",
    "TVöD": "Tarifvertrag für den öffentlichen Dienst",
    "U-Untersuchung": "Früherkennungsuntersuchung für Kinder (U1 bis U9)",
    "U1 bis U9": "Früherkennungsuntersuchungen für Kinder von der Geburt bis zum Alter von etwa fünf Jahren",
    "VZÄ": "Vollzeitäquivalente",
}


#: The laws of each Land by the abbreviation its documents use (the procedure table's legal bases,
#: verfahren.yaml), with their titles: a Land's documents explain only its own – 'LKrO' is a
#: different law in Stuttgart than in Munich, and 'GO' one in Munich and another in Kiel.
#: Titles checked 12/2026 on the Länder's portals or copies of them (landesrecht-bw.de, gesetze.io,
#: gesetze-bayern.de, bravors.brandenburg.de, recht.nrw.de, revosax.sachsen.de, lexaris.io …).
STATE_LAWS: dict[str, dict[str, str]] = {
    "Baden-Württemberg": {
        "GemO": "Gemeindeordnung für Baden-Württemberg",
        "LKJHG": "Kinder- und Jugendhilfegesetz für Baden-Württemberg",
        "LKrO": "Landkreisordnung für Baden-Württemberg",
    },
    "Bayern": {
        "AGSG": "Gesetz zur Ausführung der Sozialgesetze",
        "GDG": "Gesundheitsdienstgesetz",
        "GO": "Gemeindeordnung für den Freistaat Bayern",
        # blja.bayern.de: „Landesförderprogramm Koordinierende Kinderschutzstellen (KoKi – Netzwerk frühe Kindheit)“
        "KoKi": "Koordinierende Kinderschutzstelle – Netzwerk frühe Kindheit (Landesförderprogramm)",
        "LKrO": "Landkreisordnung für den Freistaat Bayern",
    },
    "Berlin": {
        "AG KJHG": (
            "Gesetz zur Ausführung des Kinder- und Jugendhilfegesetzes und zur Förderung der Beteiligung und "
            "Demokratiebildung junger Menschen (Jugendhilfe- und Jugendfördergesetz)"
        ),
        "BezVG": "Bezirksverwaltungsgesetz",
        "VvB": "Verfassung von Berlin",
    },
    "Brandenburg": {
        # löst seit dem 01.08.2024 das AGKJHG ab (mbjs-fachportal.brandenburg.de)
        # bravors.brandenburg.de/de/gesetze-212921: „Brandenburgisches Gesundheitsdienstgesetz - BbgGDG“
        "BbgGDG": "Brandenburgisches Gesundheitsdienstgesetz",
        "BbgKJG": "Brandenburgisches Kinder- und Jugendgesetz",
        "BbgKVerf": "Kommunalverfassung des Landes Brandenburg",
    },
    "Bremen": {
        "BremAGKJHG": "Gesetz zur Ausführung des Kinder- und Jugendhilfegesetzes im Lande Bremen",
        "LV": "Landesverfassung der Freien Hansestadt Bremen",
        "VerfBrhv": "Verfassung für die Stadt Bremerhaven",
    },
    "Hamburg": {
        "AG SGB VIII": "Hamburgisches Gesetz zur Ausführung des Achten Buches Sozialgesetzbuch – Kinder- und Jugendhilfe",
        "BezVG": "Bezirksverwaltungsgesetz",
        "HV": "Verfassung der Freien und Hansestadt Hamburg",
    },
    "Hessen": {
        "HGO": "Hessische Gemeindeordnung",
        "HKJGB": "Hessisches Kinder- und Jugendhilfegesetzbuch",
        "HKO": "Hessische Landkreisordnung",
    },
    "Mecklenburg-Vorpommern": {
        "KJHG-Org M-V": "Landesjugendhilfeorganisationsgesetz Mecklenburg-Vorpommern",
        "KV M-V": "Kommunalverfassung für das Land Mecklenburg-Vorpommern",
        # justiz-nrw.wolterskluwer-online.de (§ 15 ÖGDG M-V, Titel)
        "ÖGDG M-V": "Gesetz über den Öffentlichen Gesundheitsdienst im Land Mecklenburg-Vorpommern",
    },
    "Niedersachsen": {
        "NGöGD": "Niedersächsisches Gesetz über den öffentlichen Gesundheitsdienst",
        "NKomVG": "Niedersächsisches Kommunalverfassungsgesetz",
        # Source: lexaris.io, Landesrecht Niedersachsen (Nds. AG SGB VIII, zuletzt geändert 23.03.2022).
        "Nds. AG SGB VIII": (
            "Niedersächsisches Gesetz zur Ausführung des Achten Buchs des Sozialgesetzbuchs und zur "
            "Niedersächsischen Kinder- und Jugendkommission"
        ),
    },
    "Nordrhein-Westfalen": {
        "AG-KJHG NRW": "Erstes Gesetz zur Ausführung des Kinder- und Jugendhilfegesetzes (Nordrhein-Westfalen)",
        "GO NRW": "Gemeindeordnung für das Land Nordrhein-Westfalen",
        "KrO NRW": "Kreisordnung für das Land Nordrhein-Westfalen",
    },
    "Rheinland-Pfalz": {
        "AGKJHG": "Landesgesetz zur Ausführung des Kinder- und Jugendhilfegesetzes",
        "GemO": "Gemeindeordnung (Rheinland-Pfalz)",
        # kommunalbrevier.de: „Landesgesetz zum Schutz von Kindeswohl und Kindergesundheit (LKindSchuG)“
        "LKindSchuG": "Landesgesetz zum Schutz von Kindeswohl und Kindergesundheit",
        "LKO": "Landkreisordnung (Rheinland-Pfalz)",
    },
    "Saarland": {
        "AG KJHG": "Erstes Gesetz zur Ausführung des Kinder- und Jugendhilfegesetzes (Gesetz Nr. 1317)",
        "KSVG": "Kommunalselbstverwaltungsgesetz",
        "SKG": "Saarländisches Kinderschutzgesetz (Gesetz zur Stärkung des Schutzes von Kindern und Jugendlichen im Saarland)",
    },
    "Sachsen": {
        "LJHG": "Landesjugendhilfegesetz",
        "SächsGemO": "Gemeindeordnung für den Freistaat Sachsen",
        # revosax.sachsen.de/vorschrift_gesamt/10848/28629.html: Artikel 1 des Gesetzes vom 19.06.2009
        "SächsKiSchG": "Sächsisches Kindergesundheits- und Kinderschutzgesetz",
        "SächsLKrO": "Landkreisordnung für den Freistaat Sachsen",
    },
    "Sachsen-Anhalt": {
        "KJHG-LSA": "Kinder- und Jugendhilfegesetz des Landes Sachsen-Anhalt",
        "KVG LSA": "Kommunalverfassungsgesetz des Landes Sachsen-Anhalt",
        # the Land's own short form, alone too ('Kinderschutzgesetz LSA', 'GVBl. LSA'): it was
        # warned about as unexplained (review of a Landkreis in Sachsen-Anhalt)
        "LSA": "Land Sachsen-Anhalt",
    },
    "Schleswig-Holstein": {
        "GO": "Gemeindeordnung für Schleswig-Holstein",
        "JuFöG": "Jugendförderungsgesetz (Erstes Gesetz zur Ausführung des Kinder- und Jugendhilfegesetzes)",
        "KrO": "Kreisordnung für Schleswig-Holstein",
    },
    "Thüringen": {
        # lexaris.de 1320366: „Thüringer Gesetz über die kommunale Doppik (ThürKDG)“
        "ThürKDG": "Thüringer Gesetz über die kommunale Doppik",
        "ThürKJHAG": "Thüringer Kinder- und Jugendhilfe-Ausführungsgesetz",
        "ThürKO": "Thüringer Gemeinde- und Landkreisordnung (Thüringer Kommunalordnung)",
    },
}


#: Law abbreviations several Länder use for laws of their own, or that a text may use loosely
#: ('GO' for any Gemeindeordnung): they tell no Land apart.
SHARED_LAW_NAMES = frozenset(
    {
        "GO",
        "GemO",
        "KrO",
        "LKO",
        "LKrO",
        "BezVG",
        "AGKJHG",
        "AG KJHG",
        "AG-KJHG",
        "AG SGB VIII",
        "LJHG",
        "LKJHG",
        "HV",
    }
)


@cache
def _foreign_laws(state: str) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """The laws only other Länder have, by abbreviation → Land, and one pattern for all of them."""
    owners: dict[str, set[str]] = {}
    for land, laws in STATE_LAWS.items():
        for short in laws:
            owners.setdefault(short, set()).add(land)
    foreign = {
        short: next(iter(lands))
        for short, lands in owners.items()
        if len(lands) == 1 and state not in lands and short not in SHARED_LAW_NAMES
    }
    if not foreign:
        return foreign, None
    alternatives = "|".join(
        re.escape(s).replace("\\ ", "[ \u00a0]") for s in sorted(foreign, key=len, reverse=True)
    )
    return foreign, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def foreign_laws_in(text: str, state: str) -> list[tuple[str, str]]:
    """The laws of other Länder a text cites, as (abbreviation, its Land): '§ 76 NKomVG' in a
    Bavarian Landkreis is copied from elsewhere."""
    foreign, pattern = _foreign_laws(state)
    if pattern is None or not any(short in text or short.replace(" ", "\u00a0") in text for short in foreign):
        return []  # a plain look first: the pattern is slow on 170,000 texts that cite none
    found = dict.fromkeys(m[0].replace("\u00a0", " ") for m in pattern.finditer(text))
    return [(short, foreign[short]) for short in found]


def law_title(short: str, state: str) -> str | None:
    """The title of a Land's law by the short name a table gives it, also where the name carries
    the Land ('AG-KJHG NRW', 'LJHG Sachsen'); None where the table does not know it."""
    laws = STATE_LAWS.get(state, {})
    for known in sorted(laws, key=len, reverse=True):
        if short == known or short.startswith(known + " "):
            return laws[known]
    return None


def _lookup_key(short: str) -> str:
    """Dictionary order: 'Kita' before 'KKG', whatever the capitals; umlauts as their vowel."""
    return short.casefold().translate(str.maketrans("äöü", "aou"))


@cache
def glossary(state: str | None = None) -> dict[str, str]:
    """The abbreviations a document of this Land may explain, in the order of the list."""
    merged = {**ABBREVIATIONS, **STATE_LAWS.get(state or "", {})}
    return {short: merged[short] for short in sorted(merged, key=_lookup_key)}


#: Abbreviations that stand for a series and occur as any of its members ('U2 bis U7', 'U7a').
SERIES: dict[str, str] = {"U1 bis U9": r"U[1-9]a?"}


@cache
def _pattern(short: str) -> re.Pattern[str]:
    """The abbreviation as a word of its own: no letter, digit or hyphen before, no letter after."""
    return re.compile(rf"(?<![\w-])(?:{SERIES.get(short) or re.escape(short)})(?!\w)")


def used_in(text: str, state: str | None = None, own: Iterable[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """The abbreviations that occur in a text as words of their own ('SGB VIII', 'U-Untersuchung';
    not 'SGBs' inside another word), with their meaning. A plain look for the letters comes
    first: the pattern reads a long text to its end only where they occur. Non-breaking spaces
    ('SGB\u00a0VIII', set by the typography) count as spaces. The laws of the `state` count with
    the general abbreviations (:data:`STATE_LAWS`), and the municipality's `own` ones (kommune.yaml
    'abkuerzungen'; RLP review: 'SkF' and 'TVöD SuE' stood unexplained) with, and before, them."""
    text = plain_spaces(text)
    explained = dict(own)
    terms = {**glossary(state), **explained}
    # the parts of an own abbreviation of several words ('TVöD SuE') are explained with it, not again
    several = [short for short in explained if " " in short]
    parts = text
    for short in several:
        parts = parts.replace(short, " ")

    def occurs(short: str) -> bool:
        where = text if short in several else parts
        return (short in SERIES or short in where) and bool(_pattern(short).search(where))

    return [(short, terms[short]) for short in sorted(terms, key=_lookup_key) if occurs(short)]
