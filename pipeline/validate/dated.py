"""Texts that speak of a time already past as if it were still ahead (warnings).

The tool writes its own sentences for each Fassung; the texts of the YAML files it takes as they
are. A year later „Die Kooperationsvereinbarung wird bis Mitte 2027 neu unterzeichnet“ or „Über
die Landesförderung entscheidet das Land voraussichtlich im ersten Quartal 2027“ stand in a
concept of October 2027 (year-later reviews). A time named in a text – a date, a month, a
quarter, a season, the beginning, middle or end of a year – is read as the last day it can mean;
where that day lies before the Stand and the sentence is not told in the past, the text is
warned about; a start ('ab Juli 2027') only where the sentence plans it ('… ist geplant'). Spans
('von 2025 bis 2027', '2022 bis 2024'), 'seit März' and the records of what was decided, reported
or discussed then (a decision's wording, the state of one carried out, the reports, the
Qualitätsdialoge, the papers already deliberated) are left alone: they stay true.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from pipeline.findings import WARNING, Finding, at
from pipeline.formatting import german_date
from pipeline.model.concept import Concept
from pipeline.model.inputs import PaperFile
from pipeline.validate.norms import Passage, around, excerpt, fassung_number, read, sentences, text_warning
from pipeline.validate.rules import WARNINGS

MONTHS = (
    *("Januar", "Februar", "März", "April", "Mai", "Juni"),
    *("Juli", "August", "September", "Oktober", "November", "Dezember"),
)
_MONTH = "|".join(MONTHS)
#: The last month of a season as a plan means it ('im Herbst 2027': by the end of November).
SEASON_ENDS = {"Frühjahr": 5, "Frühling": 5, "Sommer": 8, "Herbst": 11}
#: The last day of 'Anfang', 'Mitte' of a year (month, day); 'Ende' and none: 31 December.
YEAR_PARTS = {"Anfang": (3, 31), "Beginn": (3, 31), "Mitte": (6, 30)}
ORDINALS = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "1.": 1, "2.": 2, "3.": 3, "4.": 4}

#: A time a plan names, after the word that introduces it ('bis Mitte 2027', 'im ersten Quartal
#: 2027', 'zum 01.04.2027', 'zum 1. Januar 2027', 'für das erste Halbjahr 2027', 'im November und
#: Dezember 2026', 'ab Juli 2027', 'am 10.12.2026').
_TIME = re.compile(
    r"\b(?P<lead>(?i:bis)(?:\s+(?:zum|zur|spätestens))?|(?i:spätestens)(?:\s+(?:zum|im|bis))?|(?i:im|in|zum)|(?i:für)(?:\s+(?:das|den))?"
    r"|(?i:ab)(?:\s+(?:dem|der))?|(?i:am))"
    r"\s+(?:"
    r"(?P<day>\d{1,2})\.(?P<dmonth>\d{1,2})\.(?P<dyear>20\d\d)"
    rf"|(?P<nday>\d{{1,2}})\.\s+(?P<nmonth>{_MONTH})\s+(?P<nyear>20\d\d)"
    r"|(?P<ordinal>ersten|zweiten|dritten|vierten|erste|zweite|dritte|vierte|[1-4]\.)\s+"
    r"(?P<unit>Quartal|Halbjahr)(?:e?s)?\s+(?:des\s+Jahres\s+)?(?P<pyear>20\d\d)"
    r"|(?P<season>Frühjahr|Frühling|Sommer|Herbst)\s+(?P<syear>20\d\d)"
    rf"|(?:(?P<part>Anfang|Beginn|Mitte|Ende)\s+)?(?:(?P<month>{_MONTH})(?:\s+(?:und|oder|bis|/)\s+(?P<month2>{_MONTH}))?\s+)?"
    r"(?:(?:des\s+)?Jahr(?:es)?\s+)?(?P<year>20\d\d)(?![\d/–-])"
    r"|(?P<yearpart>Jahresanfang|Jahresbeginn|Jahresmitte|Jahresende)\s+(?P<yyear>20\d\d)"
    r")"
)
#: A span or a start: the time before 'bis' ('2022 bis 2024', 'von Oktober 2024 bis März 2025').
_SPAN_BEFORE = re.compile(rf"(?:\b20\d\d|\d\.|\b(?:{_MONTH}))\s*$")
#: A sentence told in the past: its auxiliaries, common strong pasts ('stieg', 'beschloss'), the
#: participles 'ist …' forms its perfect with – and 'reicht', after which 'bis' tells how far data
#: reaches ('Die Statistik reicht bis 2026'), not a deadline.
_PAST = re.compile(
    r"\b(?:wurden?|worden|war|waren|hatten?|hat|haben|gab|fand|fanden|lag|lagen"
    r"|lief|liefen|endete|endeten|dauerte|dauerten|galt|galten|stieg|stiegen|sank|sanken|begann|begannen"
    r"|blieb|blieben|kam|kamen|reicht|reichen|beschloss|nahm|nahmen|trat|traten|sprach|sprachen|empfahl|empfahlen"
    r"|beriet|berieten|entschied|ging|gingen|schloss|unterschrieb|erschien|erschienen|hielt|hielten|bot|boten"
    r"|gestartet|angelaufen|eingegangen|ausgelaufen|beigetreten|eingetreten|gelungen|geschehen"
    r"|gewesen|geblieben|entstanden|hinzugekommen|ausgeschieden|abgelaufen|verstrichen)\b"
)
#: A verb in the simple past ('betreute', 'begleiteten'): a word of small letters ending in -te
#: (or -teten) that no noun follows – 'die geplante Stelle' is no past. Some words end so and are
#: none ('heute', 'bitte', 'die erste').
_WEAK_PAST = re.compile(
    r"\b(?!(?:heute|bitte|erste|zweite|dritte|vierte|letzte|nächste|meiste|gesamte|beste|weite)\b)"
    r"[a-zäöüß]{3,}(?:te|teten)\b(?!\s+[A-ZÄÖÜ0-9])"
)
#: Words that tell a sentence speaks of what is still to come: only with them does a time after
#: 'im', 'zum' or 'für das' count ('Im Mai 2026 befragte das Jugendamt …' is history; 'bis Mitte
#: 2027' is a deadline either way).
_AHEAD = re.compile(
    r"\b(?:soll|sollen|sollte|sollten|voraussichtlich|geplant\w*|vorgesehen\w*|sobald|künftig|zukünftig"
    r"|beabsichtigt|angestrebt|wird|werden|erwartet|plant|planen|vorbereitet"
    r"|zur\s+(?:Beschlussfassung|Entscheidung|Beratung))\b"
)
#: Words of a plan, for a start ('ab Juli 2027 geplant'): 'wird ab 2027 angeboten' tells what is
#: done from then on and stays true.
_PLANNED = re.compile(
    r"\b(?:soll|sollen|sollte|sollten|voraussichtlich|geplant\w*|vorgesehen\w*|sobald|beabsichtigt|angestrebt)\b"
)
_DAY = re.compile(rf"\d{{1,2}}\.(?:\d{{1,2}}\.|\s+(?:{_MONTH})\s+)\d{{4}}")
#: Records of what was decided or discussed then: their words stay as they were.
_RECORDS = frozenset({"dialoge"})
#: Keys whose text names or sources something rather than telling what happens: 'am' before a day
#: there dates it ('Belegung der Notunterkünfte am 31.12.2025').
NAMING_KEYS = frozenset({"quelle", "titel", "betreff", "thema", "bezeichnung", "name", "kurztitel"})
#: A participle after the time, before its noun: 'das bis Ende 2026 befristete Projekt' describes.
_ATTRIBUTE_AFTER = re.compile(r"\s+[a-zäöüß]+(?:te|ten|tes|ter|tem)\s+[A-ZÄÖÜ]")
#: 'hat … vorzulegen', 'haben … zu melden': an obligation ahead, not a perfect (diff review).
_OBLIGED = re.compile(r"\b(?:hat|haben)\b(?=.*\b(?:zu\s+[a-zäöüß]+en|[a-zäöüß]+zu[a-zäöüß]+en)\b)")


def _told_in_the_past(sentence: str) -> bool:
    """Whether the sentence tells what happened: then its times are history, not plans."""
    if _OBLIGED.search(sentence):
        sentence = re.sub(r"\b(?:hat|haben)\b", "", sentence)
    return bool(_PAST.search(sentence) or _WEAK_PAST.search(sentence))


def last_day(match: re.Match[str]) -> dt.date | None:
    """The last day the time of `match` can mean: 'Mitte 2027' 30.06.2027, 'im ersten Quartal
    2027' 31.03.2027, 'im November und Dezember 2026' 31.12.2026; None for a date that does not
    exist."""
    if match["dyear"] or match["nyear"]:
        year, month = (
            (match["dyear"], int(match["dmonth"]))
            if match["dyear"]
            else (match["nyear"], MONTHS.index(match["nmonth"]) + 1)
        )
        try:
            return dt.date(int(year), month, int(match["day"] or match["nday"]))
        except ValueError:
            return None
    if match["pyear"]:
        number = ORDINALS.get(match["ordinal"]) or ORDINALS[match["ordinal"] + "n"]
        return _month_end(int(match["pyear"]), number * (3 if match["unit"] == "Quartal" else 6))
    if match["syear"]:
        return _month_end(int(match["syear"]), SEASON_ENDS[match["season"]])
    if match["yyear"]:
        part = match["yearpart"].removeprefix("Jahres").capitalize()
        month, day = YEAR_PARTS.get(part, (12, 31))
        return dt.date(int(match["yyear"]), month, day)
    year = int(match["year"])
    month_name = match["month2"] or match["month"]
    if month_name:
        month = MONTHS.index(month_name) + 1
        if match["part"] in ("Anfang", "Beginn") and not match["month2"]:
            return dt.date(year, month, 10)
        if match["part"] == "Mitte" and not match["month2"]:
            return dt.date(year, month, 20)
        return _month_end(year, month)
    month, day = YEAR_PARTS.get(match["part"] or "", (12, 31))
    return dt.date(year, month, day)


#: The first month of a season as a plan means it ('ab Herbst 2027': from September).
SEASON_STARTS = {"Frühjahr": 3, "Frühling": 3, "Sommer": 6, "Herbst": 9}
#: The first day of 'Anfang', 'Mitte', 'Ende' of a year (month, day).
YEAR_PART_STARTS = {"Anfang": (1, 1), "Beginn": (1, 1), "Mitte": (7, 1), "Ende": (10, 1)}


def first_day(match: re.Match[str]) -> dt.date | None:
    """The first day the time of `match` can mean, for a start: 'ab Juli 2027' 01.07.2027, 'ab
    dem zweiten Halbjahr 2027' 01.07.2027; None for a date that does not exist."""
    if match["dyear"] or match["nyear"]:
        return last_day(match)
    if match["pyear"]:
        number = ORDINALS.get(match["ordinal"]) or ORDINALS[match["ordinal"] + "n"]
        size = 3 if match["unit"] == "Quartal" else 6
        return dt.date(int(match["pyear"]), (number - 1) * size + 1, 1)
    if match["syear"]:
        return dt.date(int(match["syear"]), SEASON_STARTS[match["season"]], 1)
    if match["yyear"]:
        part = match["yearpart"].removeprefix("Jahres").capitalize()
        return dt.date(int(match["yyear"]), *YEAR_PART_STARTS.get(part, (1, 1)))
    year = int(match["year"])
    if match["month"]:
        day = {"Mitte": 15, "Ende": 20}.get(match["part"] or "", 1) if not match["month2"] else 1
        return dt.date(year, MONTHS.index(match["month"]) + 1, day)
    return dt.date(year, *YEAR_PART_STARTS.get(match["part"] or "", (1, 1)))


class PastTime(NamedTuple):
    """A time a text names as still ahead, before the Stand: its words, the day it was over (or,
    for a start, the day it began), and whether it is a start ('ab Juli 2027')."""

    words: str
    day: dt.date
    start: bool = False


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def past_times(sentence: str, stand: dt.date, *, days: bool = True) -> Iterator[PastTime]:
    """The times a sentence names as still ahead that lie wholly before `stand` ('bis Mitte 2027',
    with its last day), and the starts it plans that lie before it ('ab Juli 2027 geplant', with
    their first day). Nothing for a sentence told in the past; with `days` False, 'am' before a
    day is no plan (a source's 'Belegung am 31.12.2025', a title)."""
    if _told_in_the_past(sentence):
        return
    ahead, planned = _AHEAD.search(sentence) is not None, _PLANNED.search(sentence) is not None
    for match in _TIME.finditer(sentence):
        lead, words = match["lead"].lower(), " ".join(match[0].split())
        if lead.startswith("ab"):
            start = first_day(match) if planned else None
            if start is not None and start < stand:
                yield PastTime(words, start, start=True)
            continue
        day_named = bool(match["dyear"] or match["nyear"])
        if lead == "am" and not (day_named and days):
            continue  # 'am' only before a day ('am 10.12.2026 entscheidet der Kreistag')
        deadline = lead.startswith(("bis", "spätestens", "am"))
        if deadline and _SPAN_BEFORE.search(sentence[: match.start()]):
            continue
        if _ATTRIBUTE_AFTER.match(sentence, match.end()):
            continue
        if not (deadline or ahead) or (
            lead.startswith("für") and match["year"] and not (match["month"] or match["part"])
        ):
            continue
        day = last_day(match)
        if day is not None and day < stand:
            yield PastTime(words, day)


def _records(concept: Concept) -> Callable[[Passage], bool]:
    """Whether a text is a record of what was said then: a decision's wording, the state of one
    carried out ('umgesetzt'), the reports to the bodies, the dialogues of past years, and the
    papers whose sittings all lie before the Stand (still in vorlagen/, they are to be moved, not
    edited; their own warning says so)."""
    stand = concept.version.date
    committees = concept.files.get("gremien.yaml")
    done = {i for i, d in enumerate(getattr(committees, "decisions", [])) if d.status == "umgesetzt"}
    deliberated = {
        name
        for name, file in concept.files.items()
        if isinstance(file, PaperFile) and (last := file.paper.last_sitting) is not None and last < stand
    }

    def is_record(passage: Passage) -> bool:
        path = passage.path
        if passage.file in deliberated or path[0] in _RECORDS or "berichte" in path:
            return True
        return path[0] == "beschluesse" and (path[-1] == "inhalt" or path[1] in done)

    return is_record


@WARNINGS.rule("termin-vorbei")
def times_past_told_as_ahead(concept: Concept) -> Iterator[Finding]:
    """A text that names a time before the Stand as still ahead was written a Fassung earlier
    (year-later reviews: „bis Mitte 2027 … neu unterzeichnet“, „voraussichtlich im ersten Quartal
    2027“ in a concept of October 2027)."""
    stand = concept.version.date
    is_record = _records(concept)
    for passage in read(concept).passages:
        if "20" not in passage.text or is_record(passage):
            continue
        days = passage.path[-1] not in NAMING_KEYS
        for sentence in sentences(passage.text):
            past = next(past_times(sentence, stand, days=days), None)
            if past is None:
                continue
            if past.start:
                said = (
                    f"Der Text nennt „{past.words}“ als geplanten Beginn; der {german_date(past.day)} lag vor dem Stand "
                    f"({german_date(stand)}). Hat es begonnen? "
                )
            elif _DAY.search(past.words):  # a day, not a time that ends on one ('zum 01.01.2027')
                said = (
                    f"Der Text nennt „{past.words}“, als stünde es noch bevor; der Tag lag vor dem Stand "
                    f"({german_date(stand)}). "
                )
            else:
                said = (
                    f"Der Text nennt „{past.words}“, als stünde es noch bevor; diese Zeit endete am {german_date(past.day)}, "
                    f"vor dem Stand ({german_date(stand)}). "
                )
            yield text_warning(
                passage,
                around(sentence, past.words),
                said
                + "Aus einer früheren Fassung übernommen? Bitte schreiben, was geschehen ist, oder den Termin anpassen.",
            )


#: A Fassung named as the present one: 'Mit der Fassung 3.0 bündeln …', 'Die Fassung 3.0 setzt …',
#: '… wird an die Fassung 3.0 angepasst', 'in dieser Fassung 3.0' – not 'der Fassung 2.0' in the
#: genitive ('Die Maßnahmen der Fassung 2.0 sind umgesetzt' stays true) but for a draft ('Der Entwurf der
#: Fassung 2.0 liegt vor', said of the Fassung adopted since).
#: 'als die Fassung 2.0' compares; 'die mit der Fassung 2.0 eingeführte' describes.
_COMPARED = re.compile(r"\bals\s*$")
_ARTICLE = re.compile(r"\b[Dd](?:ie|er|as)\s*$")


def _compared_or_attributed(sentence: str, match: re.Match[str]) -> bool:
    before = sentence[: match.start()]
    return bool(_COMPARED.search(before) or (match[0].lower().startswith("mit") and _ARTICLE.search(before)))


_PRESENT_FASSUNG = re.compile(
    r"(?:^|(?<=[\s(„]))(?:[Mm]it\s+der|[Mm]it\s+dieser|[Dd]ie|[Dd]iese|an\s+die|[Ii]n\s+dieser|[Ee]ntwurfs?\s+der)"
    r"\s+(?:vorliegenden\s+|neuen\s+|aktuellen\s+)?Fassung\s+(\d+(?:\.\d+)*)\b"
)


@WARNINGS.rule("text-nennt-fruehere-fassung")
def texts_name_an_earlier_fassung_as_this_one(concept: Concept) -> Iterator[Finding]:
    """A text of the concept's own files that speaks of another Fassung as the present one was
    taken over from the earlier Fassung (year-later review: „Mit der Fassung 3.0 bündeln …“ in
    the Fassung 3.1). The papers have their own rule (vorlage-nennt-andere-fassung)."""
    current = fassung_number(concept)
    is_record = _records(concept)
    for passage in read(concept).passages:
        if "Fassung" not in passage.text or passage.file.startswith("vorlagen/") or is_record(passage):
            continue
        for sentence in sentences(passage.text):
            # told in the past, set beside this Fassung, compared ('anders als die Fassung 2.0') or in
            # force since (diff review: 'Die Fassung 2.1 ersetzt die Fassung 2.0', '… gilt seit …')
            flat = sentence.replace("\u00a0", " ")
            if _told_in_the_past(sentence) or f"Fassung {current}" in flat or re.search(r"\bseit\b", flat):
                continue
            match = next(
                (
                    m
                    for m in _PRESENT_FASSUNG.finditer(sentence)
                    if m[1] != current and not _compared_or_attributed(sentence, m)
                ),
                None,
            )
            if match is not None:
                yield text_warning(
                    passage,
                    around(sentence, match[0]),
                    f"Der Text spricht von „{match[0]}“ wie von der jetzigen Fassung; dieses Konzept ist die Fassung {current}. "
                    "Aus einer früheren Fassung übernommen? Bitte den Satz anpassen.",
                )


#: What a description says of a measure still under way or ahead: once it is finished, a reader
#: takes it for news ('Die Kooperationsvereinbarung … wird überarbeitet und … neu unterzeichnet'). Not
#: 'werden', often a relative clause that stays true ('die jährlich aktualisiert werden').
_UNDER_WAY = re.compile(r"\b(?:wird|soll|sollen|geplant\w*|vorgesehen\w*|künftig|zukünftig|voraussichtlich)\b")


@WARNINGS.rule("abgeschlossen-noch-bevorstehend")
def finished_measures_told_as_ahead(concept: Concept) -> Iterator[Finding]:
    """A measure set 'abgeschlossen' whose description still says what is being done or will be
    done was finished without its text (Saxon year-later review: „… wird überarbeitet und von
    allen Partnerinnen und Partnern … neu unterzeichnet“, finished, eleven of eighteen signed)."""
    for index, measure in enumerate(concept.measures):
        if measure.status != "abgeschlossen" or not measure.description:
            continue
        sentence = next(
            (s for s in sentences(measure.description) if _UNDER_WAY.search(s) and not _told_in_the_past(s)),
            None,
        )
        if sentence is not None:
            yield Finding(
                at("massnahmen.yaml", "massnahmen", index, "beschreibung"),
                f"„{excerpt(sentence)}“ – Die Maßnahme ist abgeschlossen; die Beschreibung sagt noch, was geschieht "
                "oder geschehen soll. Bitte beschreiben, was umgesetzt wurde.",
                WARNING,
            )
