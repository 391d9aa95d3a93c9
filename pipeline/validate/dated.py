"""Texts that speak of a time already past as if it were still ahead (warnings).

The tool writes its own sentences for each Fassung; the texts of the YAML files it takes as they
are. A year later „Die Kooperationsvereinbarung wird bis Mitte 2027 neu unterzeichnet“ or „Über
die Landesförderung entscheidet das Land voraussichtlich im ersten Quartal 2027“ stand in a
concept of October 2027 (year-later reviews). A time named in a text – a date, a month, a
quarter, a season, the beginning, middle or end of a year – is read as the last day it can mean;
where that day lies before the Stand and the sentence is not told in the past, the text is
warned about. Spans ('von 2025 bis 2027', '2022 bis 2024'), starts ('ab 2027', 'seit März') and
the records of what was decided or discussed then (a decision's wording, the Qualitätsdialoge)
are left alone: they stay true.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

from pipeline.findings import Finding
from pipeline.formatting import german_date
from pipeline.model.concept import Concept
from pipeline.validate.norms import Passage, around, read, sentences, text_warning
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
#: 2027', 'zum 01.04.2027', 'für das erste Halbjahr 2027', 'im November und Dezember 2026').
_TIME = re.compile(
    r"\b(?P<lead>bis(?:\s+(?:zum|zur|spätestens))?|spätestens(?:\s+(?:zum|im|bis))?|im|in|zum|für(?:\s+(?:das|den))?)"
    r"\s+(?:"
    r"(?P<day>\d{1,2})\.(?P<dmonth>\d{1,2})\.(?P<dyear>20\d\d)"
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
#: A sentence told in the past: its auxiliaries, and the participles 'ist … ' forms its perfect with.
_PAST = re.compile(
    r"\b(?:wurden?|worden|war|waren|hatten?|hat|haben|gab|fand|fanden|lag|lagen"
    r"|lief|liefen|endete|endeten|dauerte|dauerten|galt|galten"
    r"|erfolgt|gestartet|angelaufen|eingegangen|ausgelaufen|beigetreten|eingetreten|gelungen|geschehen"
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
    r"|beabsichtigt|angestrebt|wird|werden|erwartet|plant|planen|vorbereitet)\b"
)
#: Records of what was decided or discussed then: their words stay as they were.
_RECORDS = frozenset({"dialoge"})


def last_day(match: re.Match[str]) -> dt.date | None:
    """The last day the time of `match` can mean: 'Mitte 2027' 30.06.2027, 'im ersten Quartal
    2027' 31.03.2027, 'im November und Dezember 2026' 31.12.2026; None for a date that does not
    exist."""
    if match["dyear"]:
        try:
            return dt.date(int(match["dyear"]), int(match["dmonth"]), int(match["day"]))
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


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def past_times(sentence: str, stand: dt.date) -> Iterator[tuple[str, dt.date]]:
    """The times a sentence names as still ahead that lie wholly before `stand`: the words
    ('bis Mitte 2027') and their last day. Nothing for a sentence told in the past."""
    if _PAST.search(sentence) or _WEAK_PAST.search(sentence):
        return
    ahead = _AHEAD.search(sentence) is not None
    for match in _TIME.finditer(sentence):
        deadline = match["lead"].startswith(("bis", "spätestens"))
        if deadline and _SPAN_BEFORE.search(sentence[: match.start()]):
            continue
        if not (deadline or ahead) or (match["lead"].startswith("für") and (match["year"] or match["dyear"])):
            continue
        day = last_day(match)
        if day is not None and day < stand:
            yield " ".join(match[0].split()), day


def _is_record(passage: Passage) -> bool:
    """A decision's wording and the dialogues of past years: what was said then."""
    return passage.path[0] in _RECORDS or (passage.path[0] == "beschluesse" and passage.path[-1] == "inhalt")


@WARNINGS.rule("termin-vorbei")
def times_past_told_as_ahead(concept: Concept) -> Iterator[Finding]:
    """A text that names a time before the Stand as still ahead was written a Fassung earlier
    (year-later reviews: „bis Mitte 2027 … neu unterzeichnet“, „voraussichtlich im ersten Quartal
    2027“ in a concept of October 2027)."""
    stand = concept.version.date
    for passage in read(concept).passages:
        if "20" not in passage.text or _is_record(passage):
            continue
        for sentence in sentences(passage.text):
            found = list(past_times(sentence, stand))
            if not found:
                continue
            words, day = found[0]
            yield text_warning(
                passage,
                around(sentence, words),
                f"Der Text nennt „{words}“, als stünde es noch bevor; diese Zeit war am {german_date(day)} vorbei, "
                f"vor dem Stand ({german_date(stand)}). Aus einer früheren Fassung übernommen? "
                "Bitte schreiben, was geschehen ist, oder den Termin anpassen.",
            )


#: A Fassung named as the present one: 'Mit der Fassung 3.0 bündeln …', 'Die Fassung 3.0 setzt …',
#: '… wird an die Fassung 3.0 angepasst', 'in dieser Fassung 3.0' – not 'der Fassung 2.0' in the
#: genitive ('Die Maßnahmen der Fassung 2.0 sind umgesetzt' stays true).
_PRESENT_FASSUNG = re.compile(
    r"(?:^|(?<=[\s(„]))(?:[Mm]it\s+der|[Mm]it\s+dieser|[Dd]ie|[Dd]iese|an\s+die|[Ii]n\s+dieser)"
    r"\s+(?:vorliegenden\s+|neuen\s+|aktuellen\s+)?Fassung\s+(\d+(?:\.\d+)*)\b"
)


@WARNINGS.rule("text-nennt-fruehere-fassung")
def texts_name_an_earlier_fassung_as_this_one(concept: Concept) -> Iterator[Finding]:
    """A text of the concept's own files that speaks of another Fassung as the present one was
    taken over from the earlier Fassung (year-later review: „Mit der Fassung 3.0 bündeln …“ in
    the Fassung 3.1). The papers have their own rule (vorlage-nennt-andere-fassung)."""
    current = concept.version.version.strip()
    for passage in read(concept).passages:
        if "Fassung" not in passage.text or passage.file.startswith("vorlagen/") or _is_record(passage):
            continue
        for sentence in sentences(passage.text):
            if _PAST.search(sentence) or _WEAK_PAST.search(sentence):
                continue
            match = next((m for m in _PRESENT_FASSUNG.finditer(sentence) if m[1] != current), None)
            if match is not None:
                yield text_warning(
                    passage,
                    around(sentence, match[0]),
                    f"Der Text nennt „{match[0]}“ wie die jetzige; dieses Konzept ist die Fassung {current}. "
                    "Aus einer früheren Fassung übernommen? Bitte den Satz anpassen.",
                )
