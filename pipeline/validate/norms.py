"""Professional rules and legal norms in the users' own texts (warnings).

Every text field of every input file is read sentence by sentence (:func:`texts` walks the
parsed models, so a new field is covered without being listed here) and compared with the
checked facts of :mod:`pipeline.model.norms`: a norm cited as a duty it does not impose, a
norm named as the funding of a profession's work that does not pay for it, an age limit a
profession does not have, a Förderbereich of the Bundesstiftung with another area's title.
All of them are warnings: the text may be right for its Land, and `--streng` decides.
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from itertools import accumulate
from typing import NamedTuple

from pydantic import BaseModel

from pipeline.findings import WARNING, Finding, Path_, at
from pipeline.formatting import enumeration, german_date, in_state
from pipeline.model.abbreviations import STATE_LAWS, foreign_laws_in, glossary
from pipeline.model.accounting import DOPPIK
from pipeline.model.concept import Concept
from pipeline.model.grammar import definite
from pipeline.model.inputs import DELIBERATED_FOLDER, Paper, county_with_article, is_deliberated, with_article
from pipeline.model.norms import DUTIES, FUNDING_AREAS, NORMS_BY_CITATION, PROFESSIONS, Norm, Profession, StateRule
from pipeline.model.papers import paper_views
from pipeline.model.procedure import Procedure, kreis_word
from pipeline.model.types import COUNCIL_KINDS, EXECUTIVE_KINDS, Item
from pipeline.validate.rules import WARNINGS

#: Keys whose text names what an entry is about: a sentence without a subject of its own
#: ("Begleiten Familien bis …") speaks of it.
SUBJECT_KEYS = frozenset({"name", "titel", "bezeichnung", "betreff", "stelle"})


class Passage(NamedTuple):
    """One text of an input file: where it stands and what it says (a tuple: a large file has
    170,000 of them)."""

    file: str
    path: Path_
    text: str

    @property
    def entry(self) -> Path_:
        """The outermost list entry the text belongs to ('massnahmen', 3), or the object that
        holds it when it stands in no list ('vorlage',): the context of its sentences."""
        for index, part in enumerate(self.path):
            if isinstance(part, int):
                return self.path[: index + 1]
        return self.path[:-1]


@cache
def _keys(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(Python name, YAML key) of each field, once per model rather than once per entry."""
    return tuple((name, info.alias or name) for name, info in model.model_fields.items())


def _walk(value: object, path: Path_) -> Iterator[tuple[Path_, str]]:
    """Every string under `value` with its path, in order. A stack, not nested generators:
    each string passes through one frame, not one per level (5,000 measures have 170,000)."""
    stack: list[tuple[object, Path_]] = [(value, path)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            yield path, value
        elif isinstance(value, BaseModel):
            stack += reversed(
                [
                    (child, (*path, key))
                    for name, key in _keys(type(value))
                    if isinstance(child := getattr(value, name), str | BaseModel | list | tuple)
                ]
            )
        elif isinstance(value, list | tuple):
            stack += reversed(
                [
                    (item, (*path, index))
                    for index, item in enumerate(value)
                    if isinstance(item, str | BaseModel | list | tuple)
                ]
            )


def texts(files: Mapping[str, Item]) -> Iterator[Passage]:
    """Every string of every parsed file, with its path of YAML keys, in file order – but the
    papers already deliberated (vorlagen/beraten/): their texts are the record of what the
    committees had, no longer to be corrected."""
    for name in sorted(files):
        if is_deliberated(name):
            continue
        for path, text in _walk(files[name], ()):
            yield Passage(name, path, text)


def entries(passages: Iterable[Passage]) -> dict[tuple[str, Path_], list[Passage]]:
    """The passages grouped by file and entry."""
    grouped: dict[tuple[str, Path_], list[Passage]] = {}
    for passage in passages:
        grouped.setdefault((passage.file, passage.entry), []).append(passage)
    return grouped


@dataclass
class _Read:
    """The passages of the files last read and their entries: the rules here all read the same
    concept one after the other."""

    files: Mapping[str, Item] | None = None
    passages: tuple[Passage, ...] = ()
    entries: tuple[list[Passage], ...] = ()

    @cached_property
    def unique(self) -> list[str]:
        """Every text once, in order."""
        return list(dict.fromkeys(p.text for p in self.passages))

    @cached_property
    def joined(self) -> str:
        """All texts in one string, for a rule to look for its words once before it reads them one
        by one (170,000 texts of 5,000 measures: one search instead of 170,000)."""
        return "\n".join(self.unique)

    @cached_property
    def starts(self) -> list[int]:
        """Where each of :attr:`unique` begins in :attr:`joined`."""
        return list(accumulate((len(t) + 1 for t in self.unique[:-1]), initial=0))

    def containing(self, words: re.Pattern[str]) -> set[str]:
        """The texts in which `words` occur, found by one search over :attr:`joined` rather than
        one per text (5,000 measures: 170,000 texts). Only for
        patterns that cannot match a line break, so no match joins two texts."""
        return {self.unique[bisect_right(self.starts, m.start()) - 1] for m in words.finditer(self.joined)}


#: The last concept's passages, per thread: builds run side by side in one process (a batch, two
#: builds at once), and one build's texts must not change under another's rules.
_LAST = threading.local()


def read(concept: Concept) -> _Read:
    """The concept's passages and entries, read once for all rules of a run."""
    last: _Read | None = getattr(_LAST, "read", None)
    if last is None or last.files is not concept.files:
        passages = tuple(texts(concept.files))
        last = _LAST.read = _Read(concept.files, passages, tuple(entries(passages).values()))
    return last


# --- sentences ---------------------------------------------------------------------------------

#: Words before a full stop that does not end a sentence ("z. B. Familien", "Abs. 3").
ABBREVIATIONS = frozenset(
    {"z", "B", "u", "a", "d", "h", "i", "R", "o", "ä", "e", "V", "S", "ggf", "bzw", "Nr", "Abs", "vgl", "ca"}
    | {"inkl", "usw", "Art", "Std", "evtl", "gem", "lt", "max", "min", "Tel", "Dr", "Prof", "Mio", "Tsd"}
)
_SENTENCE_END = re.compile(r"[.!?](?=\s+[„\"(]?[A-ZÄÖÜ§])")
_LAST_WORD = re.compile(r"(\w+)$")


@lru_cache(maxsize=8192)
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of a text; abbreviations and ordinals ('bis zum 3. Lebensjahr') go on.
    Remembered, like the other readings of a text here: the same texts come back at every run
    of the rules."""
    found, start = [], 0
    for end in _SENTENCE_END.finditer(text):
        word = _LAST_WORD.search(text[start : end.start()])
        if word and (word[1] in ABBREVIATIONS or (word[1].isdigit() and len(word[1]) <= 2)):
            continue
        found.append(text[start : end.end()].strip())
        start = end.end()
    rest = text[start:].strip()
    return (*found, rest) if rest else tuple(found)


def excerpt(sentence: str, limit: int = 90) -> str:
    """A sentence as a message quotes it, shortened: enough to find it in a long text."""
    flat = " ".join(sentence.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + " …"


def around(sentence: str, word: str, limit: int = 90) -> str:
    """The sentence from a little before `word` where the excerpt would cut it off: a warning
    about a word quotes the word."""
    flat = " ".join(sentence.replace("\u00a0", " ").split())
    found = flat.find(word)
    if found < 0 or found + len(word) <= limit - 2:
        return flat
    start = flat.rfind(" ", 0, max(0, found - 30)) + 1
    return "… " + flat[start:]


def _word_warning(passage: Passage, word: str, message: str) -> Finding:
    """A warning about a word in a text, quoting the sentence it stands in from a little before
    the word (the rules on another Land's laws, bodies and institutions)."""
    sentence = next((s for s in sentences(passage.text) if word in s.replace("\u00a0", " ")), passage.text)
    return replace(text_warning(passage, around(sentence, word), message, label=f"'{word}'"), within=word)


def text_warning(
    passage: Passage, sentence: str, message: str, suggestion: str | None = None, label: str = "ebenso"
) -> Finding:
    """The text quoted, then why it is warned about; where several texts are warned about alike,
    the explanation stands once in the list and the others say `label` and point to it."""
    quoted = f"„{excerpt(sentence)}“"
    text = f"{quoted} – {message}"
    if suggestion:
        text += f" Vorschlag: „{suggestion}“"
    where = at(passage.file, *passage.path)
    return Finding(where, text, WARNING, suggestion=suggestion, brief=f"{quoted} – {label}", shared=message)


# --- norms -------------------------------------------------------------------------------------

_CITATION = re.compile(
    r"§§?\s*(?P<numbers>\d+[a-z]?(?:\s*(?:,|und|sowie|bis|–|-)\s*\d+[a-z]?)*)"
    r"(?:\s*(?:Abs\.|Absatz)\s*(?P<paragraph>\d+))?(?:\s*(?:Satz|S\.)\s*\d+)?(?:\s*Nr\.\s*\d+)?"
    r"\s*(?P<law>KKG|SGB\s*VIII|SGB\s*V(?!I)|StGB)\b"
)


@dataclass(frozen=True)
class Citation:
    """A norm as a sentence cites it: '§ 3 Abs. 3 KKG' is § 3 KKG, Absatz 3."""

    written: str
    norm: Norm
    paragraph: int | None

    @property
    def bindings(self) -> frozenset[str]:
        return frozenset(self.norm.bindings(self.paragraph))


@lru_cache(maxsize=8192)
def citations(sentence: str) -> tuple[Citation, ...]:
    """The norms of the table a sentence cites, in order."""
    found = []
    for match in _CITATION.finditer(sentence):
        law = re.sub(r"SGB\s*", "SGB ", match["law"])
        numbers = re.findall(r"\d+[a-z]?", match["numbers"])
        paragraph = int(match["paragraph"]) if match["paragraph"] and len(numbers) == 1 else None
        for number in numbers:
            norm = NORMS_BY_CITATION.get((law, number))
            if norm is not None:
                written = " ".join(match[0].split()) if len(numbers) == 1 else norm.citation
                found.append(Citation(written, norm, paragraph))
    return tuple(found)


_DUTY = re.compile(
    r"\b(?:verpflichtet|verpflichten|Verpflichtung|Pflicht|Pflichtaufgabe\w*|Pflichtleistung\w*|Meldepflicht\w*"
    r"|Pflichtbesuch\w*|muss|müssen|zwingend)\b"
)
_CLAIM = re.compile(r"\b(?:Anspruch|Rechtsanspruch|Ansprüche|anspruchsberechtigt)\b")
_NEGATED = re.compile(r"\b(?:kein\w*|nicht|ohne)\s+(?:\w+\s+)?$")
_REFLEXIVE = re.compile(r"^\s+sich\b")
_NEGATED_AFTER = re.compile(r"^\s+(?:\w+\s+)?nicht\b")


def _asserted(pattern: re.Pattern[str], sentence: str) -> str | None:
    """The first word of `pattern` the sentence asserts: not negated ('keine Meldepflicht',
    'eine Meldepflicht besteht nicht'), not a commitment the parties make themselves
    ('verpflichten sich')."""
    for match in pattern.finditer(sentence):
        before, after = sentence[max(0, match.start() - 30) : match.start()], sentence[match.end() :]
        if not _NEGATED.search(before) and not _REFLEXIVE.match(after) and not _NEGATED_AFTER.match(after):
            return match[0]
    return None


def overstated(sentence: str) -> list[tuple[Norm, str]]:
    """The norms a sentence makes more of than they say, each with the reason: '§ 3 KKG ist
    keine Muss-Vorschrift: … „verpflichtet“ sagt mehr als das Gesetz.' A duty is fine where
    another cited norm imposes one, a claim where one grants it."""
    cited = citations(sentence)
    if not cited:
        return []
    duty = _asserted(_DUTY, sentence)
    claim = _asserted(_CLAIM, sentence)
    if duty and any(c.bindings & DUTIES for c in cited):
        duty = None
    if claim and any("anspruch" in c.bindings for c in cited):
        claim = None
    found = []
    for citation in {c.norm.citation: c for c in cited}.values():
        norm, written = citation.norm, citation.written
        if duty:
            found.append(
                (norm, f"{written} ist keine Muss-Vorschrift: {norm.reading}. „{duty}“ sagt mehr als das Gesetz.")
            )
        elif claim:
            found.append(
                (norm, f"{written} gibt keinen Anspruch: {norm.reading}. „{claim}“ sagt mehr als das Gesetz.")
            )
    return found


@WARNINGS.rule("normen-verbindlichkeit")
def norms_as_binding_as_they_are(concept: Concept) -> Iterator[Finding]:
    """A norm cited as a duty ('verpflichtet', 'muss') that is a Soll- or Kann-Vorschrift, a
    Programmsatz or a Befugnis, or as a claim ('Anspruch') that grants none, says more than the
    law: § 3 KKG binds the Länder in the indicative and the Jugendamt only as a Soll-Vorschrift."""
    for passage in read(concept).passages:
        if "§" not in passage.text:
            continue
        for sentence in sentences(passage.text):
            for norm, message in overstated(sentence):
                yield text_warning(passage, sentence, message, norm.wording)


# --- professions -------------------------------------------------------------------------------


@cache
def _pattern(profession: Profession) -> re.Pattern[str]:
    return re.compile(profession.pattern)


@lru_cache(maxsize=8192)
def mentioned(text: str) -> tuple[Profession, ...]:
    """The professions of the table a text names."""
    return tuple(p for p in PROFESSIONS.values() if _pattern(p).search(text))


@WARNINGS.rule("finanzierung-der-fachkraefte")
def professions_funded_as_they_are(concept: Concept) -> Iterator[Finding]:
    """Some norms are often named as the funding of a profession's work although they do not
    pay for it: § 20a SGB V for Lotsendienste (only projects of the Krankenkassen), § 24d SGB V
    for Familienhebammen (only the regular Hebammenhilfe). An entry about the profession that
    cites such a norm should say what really pays (a project, the Wochenbett)."""
    for passages in read(concept).entries:
        if not any("§" in p.text for p in passages):
            continue
        professions = mentioned(" ".join(p.text for p in passages))
        misreadings = [m for p in professions for m in p.misreadings]
        if not misreadings:
            continue
        for passage in passages:
            if "§" not in passage.text:
                continue
            for sentence in sentences(passage.text):
                cited = {(c.norm.law, c.norm.number) for c in citations(sentence)}
                for misreading in misreadings:
                    if (misreading.law, misreading.number) in cited and not re.search(misreading.unless, sentence):
                        yield text_warning(passage, sentence, f"{misreading.explanation}.", misreading.wording)


_ORDINALS = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4, "fünften": 5, "sechsten": 6}
_CARDINALS = {
    "ein": 1,
    "eins": 1,
    "einem": 1,
    "einen": 1,
    "einer": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
}
_UNITS = {"geburtstag": 12.0, "lebensjahr": 12.0, "jahr": 12.0, "lebensmonat": 1.0, "monat": 1.0}
_ORD = r"(?P<ord>\d{1,2}\.|" + "|".join(_ORDINALS) + ")"
_CARD = r"(?P<card>\d{1,2}|" + "|".join(sorted(_CARDINALS, key=len, reverse=True)) + ")"
_UNIT = r"(?P<unit>Geburtstag|Lebensjahr|Lebensmonat|Lebenswoche|Jahr|Monat|Woche)\w*"
#: Upper age limits: 'bis zum ersten Geburtstag', 'im ersten Lebensjahr', 'bis zu drei Jahren',
#: 'Kinder unter drei Jahren', 'in den ersten drei Lebensjahren', '0 bis 3 Jahre'.
_AGE_LIMITS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\b(?:bis\s+(?:zum|zur)|im|vor\s+dem|mit\s+dem|zum)\s+(?:Ende\s+des\s+|Vollendung\s+des\s+)?{_ORD}\s+{_UNIT}",
        rf"\b(?:bis\s+(?:zu\s+|zum\s+Alter\s+von\s+)?|unter\s+|höchstens\s+|maximal\s+){_CARD}\s+{_UNIT}",
        rf"\bersten\s+{_CARD}\s+{_UNIT}",
        rf"\b\d\s*(?:bis|–|-)\s*{_CARD}\s*{_UNIT}",
    )
)
#: What every age limit has in it: a text without it states none.
_AGE_WORDS = re.compile(r"Geburtstag|Lebens|Jahr|Monat|Woche", re.IGNORECASE)
#: 'bis zum dritten' after an age with its noun: the same noun is meant.
_ELLIPTIC_LIMIT = re.compile(rf"\bbis\s+zum\s+{_ORD}(?=\s*(?:[.,;:()]|$))", re.IGNORECASE)
#: A sentence that names a rule of the Land: its age limit is the Land's, not a slip.
#: Or one that names the Bundesstiftung as what pays for it, as the warning asks (review of a city in
#: Mecklenburg-Vorpommern: naming it did not silence the warning).
_LAND_RULE = re.compile(r"Land\b|Landes\w+|Richtlinie|Fördergrundsätze|Förderrichtlinie|Bundesstiftung")


#: What makes 'bis zu sechs Wochen' the child's age or the length of a Begleitung, not a waiting
#: time ('Wartezeit im Hafenviertel bis zu sechs Wochen' brought two warnings on the age a
#: Familienhebamme accompanies to; review in Niedersachsen).
_AGE_CUE = re.compile(r"Kind|Säugling|Baby|\balt\b|Alter|Geburt|Lebens|begleit", re.IGNORECASE)
_PLAIN_UNITS = ("jahr", "monat", "woche")
#: 'Familie mit Kind unter drei Jahren': whom a sentence speaks of, not how long anyone accompanies
#: (M-V review: a referral sentence was warned about as a Begleitung's limit) – unless it says so.
_WHO_IS_MEANT = re.compile(r"\bKind(?:er|ern)?\s+(?:im\s+Alter\s+)?$")


@lru_cache(maxsize=8192)
def age_limits(sentence: str) -> tuple[float, ...]:
    """The upper age limits a sentence states, in months of the child's age ('bis zum dritten'
    counts as years when the sentence names an age with its noun as well). A bare span ('bis zu
    sechs Wochen') counts only in a sentence about a child's age or a Begleitung."""
    found: dict[int, float] = {}
    cue = _AGE_CUE.search(sentence) is not None
    accompanies = "begleit" in sentence.lower()
    for pattern in _AGE_LIMITS:
        for match in pattern.finditer(sentence):
            if not cue and match["unit"].lower().startswith(_PLAIN_UNITS):
                continue
            if not accompanies and _WHO_IS_MEANT.search(sentence, 0, match.start()):
                continue
            groups = match.groupdict()
            if groups.get("ord"):
                count = _ordinal(groups["ord"])
            else:
                word = groups["card"]
                count = int(word) if word.isdigit() else _CARDINALS[word.lower()]
            unit = match["unit"].lower()
            months = next((m for u, m in _UNITS.items() if unit.startswith(u)), 12 / 52)
            found[match.end()] = count * months  # '0 bis 3 Jahre' is 'bis 3 Jahre' as well: once
    if found:
        found |= {m.end(): 12.0 * _ordinal(m["ord"]) for m in _ELLIPTIC_LIMIT.finditer(sentence)}
    return tuple(found[end] for end in sorted(found))


def _land_age_message(professions: list[Profession], land: StateRule, months: int, upper: float) -> str:
    """The Land's programme sets the age (`months`; Mecklenburg-Vorpommern: to the end of the 18th
    month; review of a city there: a Hessian 'bis zum ersten Geburtstag' was left unwarned) – for
    what the programme pays, not for every Begleitung in the Land (review of a city in M-V: the
    message read as the Land's law and came twice, once per profession)."""
    side = "darüber" if upper > months else "darunter"
    plural = enumeration([p.plural for p in professions])
    return (
        f"Im Landesprogramm {in_state(land.state)} begleiten {plural} Familien {land.accompanies}; die Grenze im "
        f"Text liegt {side}. Gilt die Begleitung aus diesem Programm, bitte die Grenze anpassen; wird sie anders "
        "finanziert (etwa aus Mitteln der Bundesstiftung), bitte das im Satz nennen."
    )


def _ordinal(word: str) -> int:
    """'3.' or 'dritten' → 3."""
    return int(word[:-1]) if word[0].isdigit() else _ORDINALS[word.lower()]


def _subject(passages: list[Passage], passage: Passage) -> str:
    """The texts that name what the passage's entry is about."""
    return " ".join(p.text for p in passages if p.path[:-1] == passage.entry and p.path[-1] in SUBJECT_KEYS)


@WARNINGS.rule("fachkraefte-alter")
def professions_within_their_age_range(concept: Concept) -> Iterator[Finding]:
    """An age limit that does not fit the profession a sentence speaks of (or, when it names
    none, the entry it stands in): Familien-Gesundheits- und Kinderkrankenpflegende may
    accompany families until the third birthday, Familienhebammen usually until the first.
    Practice differs by Land, so a sentence that names the Land's rule is left alone."""
    passages_read = read(concept)
    aged = passages_read.containing(_AGE_WORDS)
    for passages in passages_read.entries:
        for passage in passages:
            if passage.text not in aged:
                continue
            for sentence in sentences(passage.text):
                limits = age_limits(sentence)
                if not limits or _LAND_RULE.search(sentence):
                    continue
                professions = mentioned(sentence) or mentioned(_subject(passages, passage))
                upper = max(limits)
                by_land = [(p, p.rule_in(concept.municipality.state)) for p in professions]
                programme = [(p, rule) for p, rule in by_land if rule is not None and rule.months is not None]
                off = [p for p, rule in programme if upper != rule.months]
                if off:
                    rule = programme[0][1]
                    assert rule is not None and rule.months is not None
                    yield text_warning(passage, sentence, _land_age_message(off, rule, rule.months, upper))
                below: list[Profession] = []
                for profession, land in by_land:
                    if land is not None and land.months is not None:
                        continue
                    if profession.max_months is not None and upper > profession.max_months:
                        message = (
                            f"{profession.plural} begleiten Familien {profession.until_words}; die Grenze im Text "
                            "liegt darüber. Bitte prüfen."
                        )
                        yield text_warning(passage, sentence, message)
                    elif profession.until_months is not None and upper < profession.until_months:
                        below.append(profession)
                if below:
                    yield text_warning(passage, sentence, _below_message(below))


def _below_message(professions: list[Profession]) -> str:
    """One note for a sentence whose limit lies below what the professions it names may do –
    'Hinweis: Familienhebammen können Familien in der Regel bis zum ersten Geburtstag des Kindes, bei
    besonderem Bedarf bis zum dritten begleiten, Familien-Gesundheits- und Kinderkrankenpflegende
    (FGKiKP) bis zum dritten Geburtstag des Kindes; …' –, not one per profession on the same sentence
    (review in Niedersachsen)."""
    first, *others = professions
    more = "".join(f", {p.plural} {p.until_words}" for p in others)
    practice = "" if all(p.verified for p in professions) else "; die Praxis der Länder unterscheidet sich"
    return (
        f"Hinweis: {first.plural} können Familien {first.until_words} begleiten{more}{practice}. "
        "Gilt hier eine engere Regel des Landes, bitte sie im Satz nennen (z. B. „nach der Förderrichtlinie des "
        "Landes …“)."
    )


# --- Förderbereiche ------------------------------------------------------------------------------

_AREA = re.compile(
    r"\b(?P<word>Förderbereich|Leistungsbereich)\s+(?P<code>III|II|I|[123])\b(?P<after>[^.;\n]{0,100})"
)
_ROMAN = {"1": "I", "2": "II", "3": "III"}


def area_of_title(title: str) -> str | None:
    """The Förderbereich a title speaks of, by the keyword that comes first in it."""
    first: tuple[int, str] | None = None
    for area in FUNDING_AREAS.values():
        for keyword in area.keywords:
            found = re.search(re.escape(keyword), title, re.IGNORECASE)
            if found and (first is None or found.start() < first[0]):
                first = (found.start(), area.code)
    return first[1] if first else None


@WARNINGS.rule("foerderbereiche")
def funding_areas_named_right(concept: Concept) -> Iterator[Finding]:
    """The Bundesstiftung Frühe Hilfen has three Förderbereiche with official titles: a text that
    gives one area another's title, or says 'Leistungsbereich', reads wrong to the Land's funding
    office; so does an income line whose title names another area than its 'foerderbereich'."""
    for passage in read(concept).passages:
        if "bereich" not in passage.text:
            continue
        for match in _AREA.finditer(passage.text):
            code = _ROMAN.get(match["code"], match["code"])
            area = FUNDING_AREAS[code]
            if match["word"] == "Leistungsbereich":
                message = (
                    "Die Bundesstiftung Frühe Hilfen spricht von Förderbereichen, nicht von Leistungsbereichen."
                )
                yield text_warning(passage, match[0], message, area.name)
                continue
            meant = area_of_title(match["after"].lstrip(' :–-„"')[:80])
            if meant is not None and meant != code:
                message = (
                    f"Förderbereich {code} heißt „{area.title}“; der Titel im Text gehört zu Förderbereich {meant}. "
                    "Bitte Nummer oder Titel berichtigen."
                )
                yield text_warning(passage, match[0], message, area.name)
    for index, line in enumerate(concept.resources.income):
        named = {_ROMAN.get(m["code"], m["code"]) for m in _AREA.finditer(line.title)}
        if line.funding_area is not None and named and line.funding_area not in named:
            yield Finding(
                at("ressourcen.yaml", "ertraege", index, "bezeichnung"),
                f"Die Bezeichnung nennt Förderbereich {', '.join(sorted(named))}, eingetragen ist aber "
                f"'foerderbereich: {line.funding_area}'. Die Dokumente drucken den Titel zu 'foerderbereich' "
                f"({FUNDING_AREAS[line.funding_area].name}); bitte eines von beiden berichtigen.",
                WARNING,
            )


# --- the Land's own law ------------------------------------------------------------------------


@WARNINGS.rule("landesrecht-anderer-laender")
def laws_of_the_own_land(concept: Concept) -> Iterator[Finding]:
    """'§ 76 NKomVG' in a Bavarian Landkreis, 'HGO' in a city in Nordrhein-Westfalen: a text
    copied from another municipality keeps its Land's law, and a Kreistag member reads the
    procedure of the wrong Land. Only laws that one Land alone has count ('GO' is several)."""
    state = concept.municipality.state
    for passage in read(concept).passages:
        if "§" not in passage.text and "Art." not in passage.text:
            continue  # a law is cited by its paragraph or article
        for short, land in foreign_laws_in(passage.text, state):
            title = STATE_LAWS[land][short]
            yield _word_warning(
                passage,
                short,
                f"{short} ({title}) gilt {in_state(land)}; die Kommune liegt {in_state(state)} (kommune.yaml: bundesland). "
                "Bitte die Vorschrift des eigenen Landes nennen.",
            )


#: Words of the Doppik with no other meaning, and what a kameral budget says instead ('Aufwand'
#: also means effort – 'der Aufwand der Netzwerkarbeit' – and is left alone).
DOPPIK_WORDS = {
    "Aufwendungen": "Ausgaben",
    "Erträge": "Einnahmen",
    "Ergebnishaushalt": "Verwaltungshaushalt",
    "Ergebnisplan": "Verwaltungshaushalt",
    "Teilergebnisplan": "Verwaltungshaushalt",
}
_DOPPIK_WORD = re.compile(rf"\b(?:{'|'.join(DOPPIK_WORDS)})\b")


@WARNINGS.rule("doppik-begriffe-im-kameralen-haushalt")
def budget_words_of_the_own_accounting(concept: Concept) -> Iterator[Finding]:
    """'Aufwand und Erträge sind im Entwurf des Haushalts 2027 veranschlagt' in a paper of a kameral
    Landkreis, whose own tables said Ausgaben and Einnahmen (Thuringian review: the text came from a
    doppisch example). Each text once, at its first such word."""
    if concept.budget.terms is DOPPIK or _DOPPIK_WORD.search(read(concept).joined) is None:
        return
    for passage in read(concept).passages:
        found = _DOPPIK_WORD.search(passage.text)
        if found is not None:
            word = found[0]
            yield _word_warning(
                passage,
                word,
                f"„{word}“ ist ein Begriff der Doppik; der Haushalt ist kameral (ressourcen.yaml: rechnungswesen), "
                f"die Dokumente schreiben „{DOPPIK_WORDS[word]}“. Bitte den Text anpassen.",
            )


#: § 71 Abs. 3 SGB VIII, where the text speaks of hearing the Jugendhilfeausschuss: since the KJSG
#: (2021) the right stands in Abs. 4 Satz 2, Abs. 3 being the committee's remit (old Abs. 2).
_OLD_HEARING = re.compile(r"§\s*71\s*(?:Abs\.|Absatz)\s*3(?:\s*(?:Satz|S\.)\s*\d)?\s*SGB\s*VIII")
_HEARD = re.compile(r"gehört|anzuhören|anhör|Anhörung|zu hören", re.IGNORECASE)
#: A sentence on the committee's right to decide (old Abs. 3 Satz 1, now Abs. 4 Satz 1).
_DECIDES = re.compile(r"Beschlussrecht|beschließt|beschließen|entscheidet|entscheiden")
#: Words of the committee's remit, today's Abs. 3: a citation beside them is right (diff review).
_REMIT = re.compile(
    r"befasst|Befassung|Jugendhilfeplanung|Planung|Zuständigkeit|Angelegenheiten|Förderung der freien"
)


@WARNINGS.rule("jugendhilfeausschuss-zaehlung")
def youth_committee_hearing_counted_as_now(concept: Concept) -> Iterator[Finding]:
    """A paper's Begründung said 'nach § 71 Abs. 3 SGB VIII … zu hören', the tool's text on the same
    page '§ 71 Abs. 4 Satz 2 SGB VIII' (Saxon review): texts copied from papers before the KJSG keep
    the old numbering."""
    files = concept.paper_files
    # a Beschlussvorlage's legal basis: the committee's right to decide where it decides, else its hearing
    decided = {
        files[p.number]: any(
            c.role == "Entscheidung" and concept.committee(c.committee).kind == "Jugendhilfeausschuss"
            for c in p.consultations
        )
        for p in concept.papers
        if p.kind == "Beschlussvorlage" and p.number in files
    }
    for passage in read(concept).passages:
        if "71" not in passage.text:
            continue
        # the legal basis of a Beschlussvorlage is the committee's right to decide (NRW review: '§ 71 Abs. 3
        # SGB VIII i. V. m. § 5 AG-KJHG NRW' passed); elsewhere the sentence that speaks of hearing or
        # deciding – Abs. 3 on the committee's remit is right
        basis = passage.path == ("vorlage", "rechtsgrundlage") and passage.file in decided
        for sentence in [passage.text] if basis else sentences(passage.text):
            if _REMIT.search(sentence):
                continue  # the remit, today's Abs. 3
            heard = not decided[passage.file] if basis else _HEARD.search(sentence)
            if not (basis or heard or _DECIDES.search(sentence)):
                continue
            right, where = (
                ("vor Beschlüssen der Vertretung gehört zu werden", "Abs. 4 Satz 2")
                if heard
                else ("im Rahmen der bereitgestellten Mittel zu beschließen", "Abs. 4 Satz 1")
            )
            for found in _OLD_HEARING.finditer(sentence):
                yield _word_warning(
                    passage,
                    found[0],
                    f"„{found[0]}“: Ist das Recht des Jugendhilfeausschusses gemeint, {right}, steht es seit dem "
                    f"Kinder- und Jugendstärkungsgesetz (2021) in § 71 {where} SGB VIII; Abs. 3 ist die frühere "
                    "Zählung (heute: womit sich der Ausschuss befasst). Bitte anpassen.",
                )


#: Bavarian statutes count Articles, not Paragraphs: '§ 32 GO' in a Bavarian text is a slip or
#: copied from another Land (Bavarian city review: '§ 69 GO', '§ 17 AGSG' passed).
_PARAGRAPH_OF_A_BAVARIAN_LAW = re.compile(
    rf"§§?\s*\d+[a-z]?(?:\s*(?:Abs\.|Absatz)\s*\d+)?(?:\s*(?:Satz|S\.)\s*\d+)?(?:\s*Nr\.\s*\d+)?"
    rf"\s*({'|'.join(re.escape(short) for short in STATE_LAWS['Bayern'])})\b"
)


@WARNINGS.rule("artikel-in-bayern")
def bavarian_laws_count_articles(concept: Concept) -> Iterator[Finding]:
    """'§ 69 GO' in a Bavarian municipality: the Gemeindeordnung, Landkreisordnung and AGSG are
    cited by Article ('Art. 69 GO')."""
    if concept.municipality.state != "Bayern":
        return
    for passage in read(concept).passages:
        if "§" not in passage.text:
            continue
        for found in _PARAGRAPH_OF_A_BAVARIAN_LAW.finditer(passage.text):
            cited = found[0]
            yield _word_warning(
                passage,
                cited,
                f"Bayerische Gesetze ({found[1]}) zählen nach Artikeln, nicht nach Paragraphen. Vorschlag: "
                f"„Art. {cited.lstrip('§').strip()}“.",
            )


#: Bodies whose name tells a Land or kind of municipality apart ('Rat', 'Stadtrat' and
#: 'Bürgerschaft' are also common words or titles and stay out, as does 'Senat': Berlin's texts
#: name the Senatsverwaltung, Hamburg's the Senat of the Freie und Hansestadt).
BODY_WORDS = (
    *(kind for kind in COUNCIL_KINDS if kind not in ("Rat", "Stadtrat", "Gemeinderat", "Bürgerschaft")),
    *(kind for kind in EXECUTIVE_KINDS if kind != "Senat"),
    "Kreisausschuss",
)
#: After a body's name, what makes it another municipality's: 'Kreistag des Nachbarkreises',
#: 'Stadtvertretung Lindenau', 'Kreisausschuss des Landkreises X – Gesundheitsamt' (code review).
_OTHERS_BODY = re.compile(r"\s+(?:des\s|[A-ZÄÖÜ][a-zäöüß])")
#: The Landkreis' bodies a kreisangehörige Stadt's texts may well name (the Kreis runs its
#: Gesundheitsamt, its Kreistag decides on the Frühförderung).
COUNTY_BODIES = frozenset({"Kreistag", "Kreisausschuss"})
#: A body's kind as a word in its name ('Ausschuss für Jugendhilfe' → 'Ausschuss').
_BODY_WORD = re.compile(rf"\b({'|'.join(BODY_WORDS)})")


@WARNINGS.rule("gremien-anderer-laender")
def bodies_of_the_own_land(concept: Concept) -> Iterator[Finding]:
    """'Der Magistrat wird beauftragt …' in a city in Nordrhein-Westfalen, a 'Kreistag' in a
    kreisfreie Stadt: a text that names a body neither gremien.yaml nor the Land's procedure
    knows was written for another municipality (NRW review: the papers' proposals kept the
    Magistrat after it had left gremien.yaml)."""
    procedure = concept.procedure
    if procedure is None:
        return
    known = {*procedure.council.names, procedure.preparation.body or ""}
    known |= {procedure.executive.name} if procedure.executive else set()
    known |= {procedure.authority} if procedure.authority else set()  # a Hamburg Bezirk's Bezirksamt
    land_bodies = known.copy()
    # the entries of gremien.yaml for such bodies: warned about there already (rule
    # 'verwaltungsorgan-nach-landesrecht'), not again as a text that names them (code review)
    foreign = set()
    for index, committee in enumerate(concept.committees):
        # a collegial organ the Land does not have is warned about in gremien.yaml: its name in the
        # texts is warned about at once, not after the entry is gone (Bavarian review: two rounds)
        # so is a council the Land calls otherwise ('Stadtverordnetenversammlung' of a city in M-V)
        if (committee.kind in EXECUTIVE_KINDS and committee.kind not in land_bodies) or (
            committee.kind in COUNCIL_KINDS and committee.kind not in procedure.council.names
        ):
            foreign.add(("gremien", index))
            continue
        known |= {committee.kind, *_BODY_WORD.findall(committee.name)}
    if concept.municipality.in_a_kreis:
        known |= COUNTY_BODIES
    # the council's other names in the Land's law, where gremien.yaml gives it one: 'Die Stadtvertretung
    # beschließt' in a city whose Hauptsatzung calls it Bürgerschaft (review of a city in M-V)
    council = concept.council
    renamed = (
        set(procedure.council.names) - {council.kind} - set(_BODY_WORD.findall(council.name))
        if council is not None and council.kind in procedure.council.names
        else set()
    )
    known -= renamed
    place = f"{concept.kind_term} {in_state(concept.municipality.state)}"  # "Stadtkreis" in BW
    texts = read(concept)
    unknown = [word for word in BODY_WORDS if word not in known and word in texts.joined]
    if not unknown:
        return
    for passage in texts.passages:
        if not any(word in passage.text for word in unknown):
            continue
        if passage.file == "gremien.yaml" and passage.path[:2] in foreign:
            continue
        for word in dict.fromkeys(
            m[1] for m in _BODY_WORD.finditer(passage.text) if not _OTHERS_BODY.match(passage.text, m.end())
        ):
            if word in known:
                continue
            if word in renamed and council is not None:
                yield _word_warning(
                    passage,
                    word,
                    f"Der Text nennt '{word}'; die Vertretung heißt hier nach gremien.yaml '{council.name}'. "
                    "Bitte so nennen.",
                )
                continue
            # a collegial organ the Land lacks: the head prepares and carries out (review in Brandenburg:
            # 'das eigene Gremium' suggested there was one)
            instead = (
                _without_executive(procedure)
                if word in EXECUTIVE_KINDS and procedure.executive is None
                else "Bitte das eigene Gremium nennen."
            )
            yield _word_warning(
                passage,
                word,
                f"Der Text nennt '{word}'; für diese Kommune ({place}) führt gremien.yaml kein solches Gremium, "
                f"und das Landesrecht kennt es hier nicht. {instead}",
            )


@WARNINGS.rule("gremium-des-kreises")
def bodies_of_the_city_only(concept: Concept) -> Iterator[Finding]:
    """A kreisangehörige Stadt listing a committee of its Kreis: everything in gremien.yaml is the
    city's – its papers are brought in by the city's head, the concept counts it among the city's
    bodies, its reports fall due as the city's (NRW review: the Kreis's health committee got a paper
    „Vorlage von: Bürgermeisterin“ and „vier Gremien“ of the city, unwarned)."""
    municipality = concept.municipality
    if not municipality.in_a_kreis:
        return
    # by the Kreis's full name or a genitive ('des Kreises', 'des Main-Kinzig-Kreises'), never the bare
    # place word: Kreis Düren and the city of Düren share it (diff review)
    county = municipality.county or ""
    forms = definite(county) if county else None
    names = [name for name in (county, forms.gen.split(" ", 1)[-1] if forms else "") if name]
    for index, committee in enumerate(concept.committees):
        if not (_OF_A_COUNTY.search(committee.name) or any(name in committee.name for name in names)):
            continue
        yield Finding(
            at("gremien.yaml", "gremien", index, "name"),
            f"Ist „{committee.name}“ ein Gremium des Kreises? Die Gremien in gremien.yaml behandelt das Werkzeug "
            "als Gremien der Stadt: Ihre Vorlagen bringt die Verwaltungsspitze der Stadt ein, das Konzept zählt sie "
            "zu den zuständigen Gremien der Stadt, und ihre Berichte werden als Berichte der Stadt fällig. Bitte "
            "den Eintrag entfernen; was die Stadt dem Kreis berichtet, gehört in den Text (etwa in "
            "konzept.beteiligungsprozess oder die Beschreibung der Maßnahme).",
            WARNING,
        )


#: The Kreis's head by title, as a city's texts may name it.
_COUNTY_HEADS = ("Landrätin", "Landrat")
#: A word that speaks of a Kreis, once its bodies and heads are taken out: 'der Kreis Erlenbruch',
#: 'des Landkreises', 'das Kreisjugendamt', 'des Nachbarkreises', 'der Hochsauerlandkreis' (diff review) –
#: not a circle of people ('Arbeitskreis', 'Gesprächskreis': re-check) nor the 'Kreislauf'.
_KREIS_WORD = re.compile(r"\b(\w*?)[Kk]reis(\w*)")
_CIRCLES = frozenset(
    {
        "arbeits", "gesprächs", "stuhl", "freundes", "eltern", "helfer", "helferinnen", "personen", "teilnehmer",
        "teilnehmenden", "qualitäts", "lese", "spiel", "mütter", "väter", "familien", "interessenten", "kunden",
        "bekannten", "experten", "fach", "unter", "halb", "voll", "teil", "nutzer", "adressaten", "träger",
    }
)  # fmt: skip


def _names_a_county(text: str) -> bool:
    return any(
        m[1].lower() not in _CIRCLES and not (not m[1] and m[2].startswith("lauf"))
        for m in _KREIS_WORD.finditer(text)
    )


#: A name that says it is a Kreis's: 'des Kreises …', 'des Main-Kinzig-Kreises'.
_OF_A_COUNTY = re.compile(r"[Kk]reises\b")
_COUNTY_WORD = re.compile(rf"\b({'|'.join((*COUNTY_BODIES, *_COUNTY_HEADS))})(?:e?s)?\b")


#: A person's name after a Kreis's head, first name and surname ('Landrat Wolfgang Spelthahn',
#: 'Landrätin Prof. Dr. Eva von Reis'): one Landrat is meant, the city's Kreis's, not a copied
#: 'der Landrat'. A surname alone ('Landrat Spelthahn') is not told from a noun after a missing
#: comma ('den Landrat Berichte vorzulegen') and stays asked about.
_PERSON_NAME = re.compile(
    r" (?:(?:Prof|Dr)\. )*[A-ZÄÖÜ][\w-]+ (?:(?:von|van|de|zu)(?: der| dem)? )?[A-ZÄÖÜ][\w-]+"
)


def _place_word(county: str) -> str | None:
    """The place a Kreis is named after ('Düren' of 'Kreis Düren'), where its name has one."""
    kind, _, place = county.partition(" ")
    return place if kind in ("Kreis", "Landkreis") and place else None


def _place_after(text: str, word: re.Match[str], place: re.Pattern[str] | None) -> bool:
    """Whether the Kreis's place (`place`, :func:`_place_word` as a pattern) follows its body or
    head ('Kreistag Düren'): in the city of Düren the bare place word is the city's too, so it
    names the Kreis only right there."""
    return place is not None and place.match(text, word.end()) is not None


def _person_after(text: str, word: re.Match[str]) -> bool:
    """Whether a person's name follows a Kreis's head ('Landrat Wolfgang Spelthahn')."""
    return word[1] in _COUNTY_HEADS and _PERSON_NAME.match(text, word.end()) is not None


def _said_elsewhere(file: str, path: Path_) -> bool:
    """A committee's name (rule 'gremium-des-kreises' asks whether it is the Kreis's) and the head's
    title (the head's own rule suggests the city's): told once there, not here too (user test:
    two warnings at one place, one asking to add the Kreis to the city's own head's title)."""
    return (file == "gremien.yaml" and len(path) == 3 and path[0] == "gremien" and path[2] == "name") or (
        file == "kommune.yaml" and path[-1:] == ("amtsbezeichnung",)
    )


@WARNINGS.rule("kreis-in-texten-der-stadt")
def the_county_named_as_such(concept: Concept) -> Iterator[Finding]:
    """'Der Kreistag beauftragt den Landrat …' in a city's texts where no Kreis is named: copied
    from a Kreis's concept. A kreisangehörige Stadt may name the Kreistag and the Landrat of its
    Kreis (it runs the Gesundheitsamt), so these words were let pass in all its texts, a Rat's
    decision among them (NRW review); a kreisfreie Stadt's texts were checked for the Kreistag
    only. Where the passage names a Kreis ('des Kreises Erlenbruch', 'der Landkreis'), it is the
    Kreis's; a paper's proposal has its own rule ('verwaltungsspitze-beauftragen')."""
    procedure = concept.procedure
    municipality = concept.municipality
    if procedure is None or procedure.head.male == "Landrat":
        return
    county_name = municipality.county if municipality.in_a_kreis else None
    forms = definite(county_name) if county_name else None
    county = forms.gen if forms else ""
    texts = read(concept)
    if not _COUNTY_WORD.search(texts.joined):
        return
    council = concept.council
    place_word = _place_word(county_name) if county_name else None
    place = re.compile(rf" {re.escape(place_word)}\b") if place_word else None
    for passage in texts.passages:
        if passage.path[:2] == ("vorlage", "beschlussvorschlag") or _said_elsewhere(passage.file, passage.path):
            continue
        words = list(_COUNTY_WORD.finditer(passage.text))
        named_head = any(_person_after(passage.text, m) for m in words)  # then every 'Landrat' is that one
        unnamed = [m for m in words if not (named_head and m[1] in _COUNTY_HEADS)]
        rest = _COUNTY_WORD.sub("", passage.text)
        if (
            not unnamed
            or _names_a_county(rest)
            or (municipality.county and municipality.county in rest)
            or any(_place_after(passage.text, m, place) for m in words)
        ):
            continue
        found = unnamed[0]
        word = found[1]
        if word in COUNTY_BODIES and not municipality.in_a_kreis:
            continue  # a kreisfreie Stadt's: rule 'gremien-anderer-laender'
        if word in COUNTY_BODIES:
            # a council still called the Kreistag is no city's (user test: 'Die Vertretung der Stadt ist der Kreistag')
            city_council = council if council is not None and council.kind not in COUNTY_BODIES else None
            named = definite(city_council.name) if city_council else None
            own = (
                f"Die Vertretung der Stadt ist {named.nom if named else city_council.name}" if city_council else ""
            )
        else:
            own = f"Die Verwaltung der Stadt leitet {procedure.head.pair_with_articles}"
        article = "die" if word.endswith("in") else "der"  # 'die Landrätin' (diff review: 'der Landrätin')
        meant = f"{article} {word} {county}" if county else f"{article} {word} eines Kreises"
        yield _word_warning(
            passage,
            word,
            f"Der Text nennt '{word}', aber keinen Kreis. {own + '. ' if own else ''}Ist {meant} gemeint, bitte den "
            "Kreis dazuschreiben.",
        )


def _without_executive(procedure: Procedure) -> str:
    """Who acts where the Land has no collegial organ: the body that prepares the council's
    decisions where there is one (the Verwaltungsausschuss in Niedersachsen, § 76 Abs. 1 NKomVG),
    else the head; and who carries them out (code review: the head alone was named everywhere)."""
    head = procedure.head.pair_with_articles
    # a body that only may prepare (the Hauptausschuss in NRW, 'kann') is not the one that does: there
    # the head prepares and carries out the council's decisions (§ 62 Abs. 2 GO NRW; NRW review)
    body = procedure.preparation.body if procedure.preparation.duty == "muss" else None
    forms = definite(body, procedure.preparation.gender or "m") if body else None
    if body:
        prepares = f"bereitet {forms.nom if forms else body} die Beschlüsse vor und {head} führt sie aus"
    else:
        prepares = f"bereitet {head} die Beschlüsse vor und führt sie aus"
    return f"Hier {prepares}; bitte so nennen oder „die Verwaltung“ schreiben."


#: How texts name a Land's institutions ('Landesamt für Statistik Niedersachsen', 'Hessisches
#: Statistisches Landesamt'): the Land's name and its adjective's stem. The city states stay out:
#: 'Berliner Straße' or 'Hamburger Allee' are addresses anywhere.
STATE_WORDS: dict[str, tuple[str, ...]] = {
    "Baden-Württemberg": ("Baden-Württemberg", "Baden-Württembergisch"),
    "Bayern": ("Bayern", "Bayerisch"),
    "Brandenburg": ("Brandenburg", "Brandenburgisch"),
    "Hessen": ("Hessen", "Hessisch"),
    "Mecklenburg-Vorpommern": ("Mecklenburg-Vorpommern",),
    "Niedersachsen": ("Niedersachsen", "Niedersächsisch"),
    "Nordrhein-Westfalen": ("Nordrhein-Westfalen", "NRW", "Nordrhein-Westfälisch"),
    "Rheinland-Pfalz": ("Rheinland-Pfalz", "Rheinland-Pfälzisch"),
    "Saarland": ("Saarland", "Saarländisch"),
    "Sachsen": ("Sachsen", "Sächsisch"),
    "Sachsen-Anhalt": ("Sachsen-Anhalt",),
    "Schleswig-Holstein": ("Schleswig-Holstein", "Schleswig-Holsteinisch"),
    "Thüringen": ("Thüringen", "Thüringer"),
}
#: Words that make a Land's name an institution's: 'Kassenärztliche Vereinigung Hessen', 'Land
#: Niedersachsen' – a clinic 'in Hessen' or a project 'NRW hilft' is no finding (code review).
_INSTITUTION = (
    r"(?:Landesamts?|Landesamt für Statistik|Statistik|Vereinigung|KV|\w*[Kk]ammer|Ministerium\w*|"
    r"\w*[Vv]erband(?:es)?|Landesjugendamt\w*|Landesregierung|Landes|Land|Freistaats?|Freistaates)"
)
_STREET = r"(?!\s+(?:Straße|Str\.|Allee|Platz|Weg|Ring|Damm|Chaussee|Ufer)\b)"


def _state_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """An adjective with its ending before a noun that is no street ('Hessisches Landesamt', not
    'Thüringer Straße'); the name after a word of an institution ('… Vereinigung Hessen'), the
    name alone in its group."""
    adjectives = [w for w in words if w.endswith(("isch", "er"))]
    names = [w for w in words if w not in adjectives]
    patterns = []
    if adjectives:
        alternatives = "|".join(
            re.escape(w) + ("(?:e|es|er|en|em)?" if w.endswith("isch") else "") for w in adjectives
        )
        patterns.append(re.compile(rf"\b(?:{alternatives})\b{_STREET}(?=\s+[A-ZÄÖÜ])"))
    if names:
        alternatives = "|".join(re.escape(w) for w in names)
        patterns.append(re.compile(rf"\b{_INSTITUTION}\s+({alternatives})\b(?!-\w)"))
    return tuple(patterns)


@cache
def _patterns_of(state: str) -> tuple[re.Pattern[str], ...]:
    """The patterns of one Land, compiled when a text is first checked for it: a run checks one
    Land, and compiling all sixteen cost `validate` a hundredth of a second at every start."""
    return _state_patterns(STATE_WORDS[state])


def state_word_in(text: str, state: str) -> str | None:
    """The word by which a text names the Land's institution, if it does."""
    for pattern in _patterns_of(state):
        found = pattern.search(text)
        if found is not None:
            return found[found.lastindex] if found.lastindex else found[0]
    return None


@WARNINGS.rule("land-anderer-laender")
def institutions_of_the_own_land(concept: Concept) -> Iterator[Finding]:
    """'Landesamt für Statistik Niedersachsen' as the source of a Bavarian Landkreis' births,
    'Kassenärztliche Vereinigung Hessen' in a city in Nordrhein-Westfalen: a text naming another
    Land was likely copied from another municipality (NRW review). A neighbour's institution
    may be meant – the warning asks to check, `--streng` decides."""
    own = concept.municipality.state
    texts = read(concept)
    others = [
        state
        for state in STATE_WORDS
        if state != own
        and any(word in texts.joined for word in STATE_WORDS[state])
        and state_word_in(texts.joined, state)  # 'Sachsen' is in every 'Niedersachsen'
    ]
    for passage in texts.passages:
        for state in others:
            if not any(word in passage.text for word in STATE_WORDS[state]):
                continue
            word = state_word_in(passage.text, state)
            if word is None:
                continue
            yield _word_warning(
                passage,
                word,
                f"Der Text nennt '{word}'{'' if word == state else f' ({state})'}; die Kommune liegt {in_state(own)}. "
                "Stammt er aus den Unterlagen einer anderen Kommune, bitte die Stelle des eigenen Landes nennen.",
            )


@dataclass(frozen=True)
class Counterparts:
    """What the other Länder call a thing, with the words that introduce it in a message: the
    two belong together, so a term cannot borrow another's introduction (code review)."""

    what: str
    names: Mapping[str, str]


@dataclass(frozen=True)
class LandTerm:
    """A title or kind of municipality only some Länder have: how texts write it, where it
    exists, and what the same thing is called in the other Länder where known."""

    pattern: re.Pattern[str]
    states: tuple[str, ...]
    basis: str
    instead: Counterparts | None = None

    @property
    def hint(self) -> str:
        """Letters every match contains, for a plain look before the pattern: the texts of 5,000
        measures are searched once per term (a regular expression each took 0,12 s)."""
        return _hint(self.pattern.pattern)


@cache
def _hint(pattern: str) -> str:
    """The longest run of plain letters in a pattern (outside groups and classes)."""
    plain = re.sub(r"\\b|\(\?:[^)]*\)[?*+]?|\[[^\]]*\][?*+]?|.[?*]", "\0", pattern).replace("\\.", ".")
    runs: list[str] = re.findall(r"[\w. ]+", plain)
    return max(runs, key=lambda run: len(run.strip())).strip()


#: The general deputy of a Landrat by the Land's title (Wikipedia, 'Erster Kreisbeigeordneter':
#: Kreisdirektor NRW § 47 KrO, Erster Landesbeamter BW, Erster Kreisbeigeordneter HE/RP/SL, Erster
#: Kreisrat NI § 108 Abs. 1 Nr. 4 NKomVG, Erster Beigeordneter BB/LSA, hauptamtliche Beigeordnete
#: SN/TH), and municipal forms of one
#: Land (Samtgemeinde §§ 97 ff. NKomVG; Verbandsgemeinde in RP and LSA). Hessian and
#: Baden-Württemberg reviews: 'Erster Kreisrat' and 'Samtgemeinde' stayed in copied texts.
_DEPUTY_TITLES = Counterparts(
    "Die allgemeine Vertretung heißt hier in der Regel",
    {
        "Niedersachsen": "Erste Kreisrätin oder Erster Kreisrat",
        "Nordrhein-Westfalen": "Kreisdirektorin oder Kreisdirektor",
        "Baden-Württemberg": "Erste Landesbeamtin oder Erster Landesbeamter",
        "Hessen": "Erste Kreisbeigeordnete oder Erster Kreisbeigeordneter",
        "Rheinland-Pfalz": "Erste Kreisbeigeordnete oder Erster Kreisbeigeordneter",
        "Saarland": "Erste Kreisbeigeordnete oder Erster Kreisbeigeordneter",
        "Brandenburg": "Erste Beigeordnete oder Erster Beigeordneter",
        # § 67 Abs. 1 KVG LSA (anwalt24.de/gesetze/kvg_lsa/67): the Beigeordnete, „Erste“ where the Hauptsatzung
        # has several; without one, an employee the Vertretung chose (review of a Landkreis in Sachsen-Anhalt)
        "Sachsen-Anhalt": "Erste Beigeordnete oder Erster Beigeordneter (bei einer oder einem einzigen Beigeordneten "
        "ohne „Erste“; ohne Beigeordnete eine Beschäftigte oder ein Beschäftigter, die die Vertretung bestimmt, "
        "§ 67 Abs. 1 KVG LSA)",
        "Sachsen": "Beigeordnete oder Beigeordneter",
        "Thüringen": "Beigeordnete oder Beigeordneter",
    },
)
#: What the Länder call the union of small Gemeinden that a Samtgemeinde is in Niedersachsen (review
#: in Sachsen-Anhalt: the warning named no word of its own; § 2 Abs. 3 KVG LSA, umwelt-online). The
#: others from the Länder's municipal codes as commonly known, not read paragraph by paragraph.
_MUNICIPAL_UNIONS = Counterparts(
    "Gemeinden, die ihre Verwaltung zusammenlegen, bilden hier",
    {
        "Sachsen-Anhalt": "Verbandsgemeinden (§ 2 Abs. 3 KVG LSA) – oder es sind Einheitsgemeinden",
        "Rheinland-Pfalz": "Verbandsgemeinden",
        "Brandenburg": "Ämter oder (seit 2019) Verbandsgemeinden",
        "Mecklenburg-Vorpommern": "Ämter",
        "Schleswig-Holstein": "Ämter",
        "Bayern": "Verwaltungsgemeinschaften",
        "Sachsen": "Verwaltungsverbände oder Verwaltungsgemeinschaften",
        "Thüringen": "Verwaltungsgemeinschaften",
        "Baden-Württemberg": "Gemeindeverwaltungsverbände oder vereinbarte Verwaltungsgemeinschaften",
    },
)
LAND_TERMS = (
    # Schleswig-Holstein: „Die Hauptsatzung kann für die erste Stellvertreterin oder den ersten Stellvertreter …
    # die Amtsbezeichnung Erste Kreisrätin oder Erster Kreisrat vorsehen“ – an honorary Kreistag member (§ 48
    # Abs. 1 KrO, kreis-rendsburg-eckernfoerde.de; review of a Kreis there: the warning said it was Lower Saxon)
    LandTerm(
        re.compile(r"\bErste[nrs]? Kreisr(?:ätin|at(?:e?s)?)\b"),
        ("Niedersachsen", "Schleswig-Holstein"),
        "§ 108 Abs. 1 Nr. 4 NKomVG; in Schleswig-Holstein die erste ehrenamtliche Stellvertretung, § 48 Abs. 1 KrO",
        _DEPUTY_TITLES,
    ),
    LandTerm(
        re.compile(r"\bKreisdirektor(?:in|s|en)?\b"), ("Nordrhein-Westfalen",), "§ 47 KrO NRW", _DEPUTY_TITLES
    ),
    LandTerm(
        re.compile(r"\bErste[nrs]? Landesbeamt(?:in|e[nr]?)\b"),
        ("Baden-Württemberg",),
        "§ 42 Abs. 5 LKrO",
        _DEPUTY_TITLES,
    ),
    LandTerm(
        re.compile(r"\bErste[nrs]? Kreisbeigeordnet(?:e[nr]?)?\b"),
        ("Hessen", "Rheinland-Pfalz", "Saarland"),
        "Kommunalrecht dieser Länder",
        _DEPUTY_TITLES,
    ),
    LandTerm(
        re.compile(r"\bSamtgemeinde(?:n)?\b"),
        ("Niedersachsen",),
        "§§ 97 ff. NKomVG",
        _MUNICIPAL_UNIONS,
    ),
    # the Länder's statistics offices by their abbreviations, as sources cite them ('LSN, Geburten
    # 2025'; Thüringen, Brandenburg and Rheinland-Pfalz reviews: only the spelled-out name was found)
    LandTerm(re.compile(r"\bLSN\b"), ("Niedersachsen",), "Landesamt für Statistik Niedersachsen"),
    LandTerm(re.compile(r"\bIT\.NRW\b"), ("Nordrhein-Westfalen",), "Information und Technik Nordrhein-Westfalen"),
    LandTerm(re.compile(r"\bHSL\b"), ("Hessen",), "Hessisches Statistisches Landesamt"),
    LandTerm(re.compile(r"\bLfStat\b"), ("Bayern",), "Bayerisches Landesamt für Statistik"),
    LandTerm(re.compile(r"\bTLS\b"), ("Thüringen",), "Thüringer Landesamt für Statistik"),
    # Niedersachsen's Beratungs- und Interventionsstellen bei häuslicher Gewalt (M-V, Thüringen and
    # Brandenburg reviews: "BISS" stayed in copied texts; M-V has Interventionsstellen)
    LandTerm(
        re.compile(r"\bBISS\b"), ("Niedersachsen",), "Beratungs- und Interventionsstellen bei häuslicher Gewalt"
    ),
    # the Landkreis's authority by its name in these Länder (Art. 37 Abs. 1 LKrO in Bayern, § 1 Abs. 4
    # SächsLKrO, § 111 Abs. 1 ThürKO, the LKrO in Baden-Württemberg; verfahren.yaml 'behoerde'), and
    # as the Saarland's Landkreise call theirs (Landratsamt Saarlouis; review re-check, the KSVG not
    # read); Brandenburg review: „Landratsamt Havelland-Süd, Amt für Jugend und Familie“ passed unwarned
    LandTerm(
        re.compile(r"\bLandratsamt(?:e?s)?\b"),
        ("Baden-Württemberg", "Bayern", "Sachsen", "Thüringen", "Saarland"),
        "als Behörde des Landkreises",
        Counterparts(
            "Die Behörde des Landkreises heißt hier",
            {
                "Rheinland-Pfalz": "Kreisverwaltung (§ 41 Abs. 1 Satz 2 LKO)",
                "Brandenburg": "in der Regel Kreisverwaltung",
            },
        ),
    ),
    LandTerm(
        re.compile(r"\bVerbandsgemeinde(?:n)?\b"),
        ("Rheinland-Pfalz", "Sachsen-Anhalt"),
        "Kommunalrecht dieser Länder",
    ),
)


#: A word of two capitals or more ('KVJS', 'SkF', 'TVöD'): an abbreviation, unless it is defined
#: where it stands ('… Zentrum Bayern Familie und Soziales (ZBFS)', after an opening bracket), part
#: of a number ('JHA/2024/038', 'GRDrs 412/2026', 'IT.NRW') or of a name in quotation marks.
_ABBREVIATION = re.compile(
    r"(?<![\w@./(-])([A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*)(?:-[A-ZÄÖÜ\d][\wÄÖÜäöüß]*)*"
    r"(?![\w@]|\.\w|[/ ]?\d)"
)
#: An abbreviation defined where it stands: '(ZBFS)' after the name, '(UN-KRK)' with its parts.
_DEFINED = re.compile(r"\(([A-ZÄÖÜ][A-Za-zÄÖÜäöüß-]*[A-ZÄÖÜ][A-Za-zÄÖÜäöüß]*)\)")
#: Not abbreviations: a name with a capital inside after a syllable ('WhatsApp', 'YouTube',
#: 'ChatGPT'), a word in capitals of five letters or with an umlaut ('STÄRKE', 'ELTERN-AG').
_NAME_LIKE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}[A-ZÄÖÜ].*|[A-ZÄÖÜ]{5,}|[A-Z]*[ÄÖÜ][A-ZÄÖÜ]*")
_QUOTED = re.compile(r"„[^“]*“")
#: Numbers of papers and decisions with the word before them: 'JHA-IV/2025/031', 'GRDrs 412/2026'.
_NUMBERED = re.compile(r"(?:\S+ )?\S*/\d\S*")
_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
#: Capitals that need no explanation in an administration's text.
_PLAIN_CAPITALS = frozenset(
    {"GmbH", "PDF", "EU", "UN", "DIN", "ISO", "IT", "PC", "URL", "QR", "WLAN", "KI", "EDV", "DDR", "SARS", "KiTa"}
)


@WARNINGS.rule("abkuerzungen-unerklaert")
def abbreviations_explained(concept: Concept) -> Iterator[Finding]:
    """An abbreviation in the inputs' texts that neither the tool's list nor kommune.yaml's
    'abkuerzungen' explains stands unexplained in every document (BW review: 'KVJS', 'GRDrs' and
    Bavarian 'TVöD SuE' were not in the list, and nothing said so). Warned once, where it first
    stands."""
    own = [a.short for a in concept.municipality.abbreviations]
    known = set(glossary(concept.municipality.state)) | set(own)
    known |= {short for laws in STATE_LAWS.values() for short in laws}  # another Land's: their own rule
    texts = read(concept)
    passages = texts.passages
    known |= {part for m in _DEFINED.findall(texts.joined) for part in (m, *m.split("-"))}
    several = [short for short in known if " " in short]  # 'TVöD SuE' as one

    def unexplained(text: str) -> Iterator[str]:
        for found in _ABBREVIATION.finditer(text):
            word = found[1]  # 'TV' of 'TV-L': explained where the whole is (Berlin review)
            if word in known or found[0] in known or word in _PLAIN_CAPITALS or _ROMAN_NUMERAL.fullmatch(word):
                continue
            if not _NAME_LIKE.fullmatch(word):
                yield word

    # one look at all texts at once, then only at those holding a word found there: reading each of
    # the 70,000 texts of a large plan took half a second
    candidates = set(unexplained(texts.joined))
    seen: set[str] = set()
    for passage in passages if candidates else ():
        if passage.path[:2] == ("kommune", "abkuerzungen") or not any(w in passage.text for w in candidates):
            continue
        text = _NUMBERED.sub(" ", _QUOTED.sub(" ", passage.text))
        for short in several:
            text = text.replace(short, " ")
        for word in unexplained(text):
            if word in seen:
                continue
            seen.add(word)
            yield _word_warning(
                passage,
                word,
                f"Das Abkürzungsverzeichnis erklärt '{word}' nicht. Bitte in kommune.yaml unter 'abkuerzungen' "
                f"eintragen ({{kurz: {word}, bedeutung: …}}) oder hier ausschreiben; ist es ein Name, ihn in "
                "Anführungszeichen setzen („…“).",
            )


#: 'Erste Beigeordnete' in a Stadtkreis or Große Kreisstadt of Baden-Württemberg: there the title
#: is 'Bürgermeister' (§ 49 Abs. 3 Satz 2 GemO, landesrecht-bw.de, read 2026-12-06; BW review: an
#: „Erste Beigeordnete“ signing a Stadtkreis's paper passed unwarned).
_FIRST_DEPUTY = re.compile(r"\bErste[nrs]? Beigeordnete[nr]?\b")
_FIRST_DEPUTY_TITLE = {
    "Baden-Württemberg": (
        ("kreisfreie Stadt", "große kreisangehörige Stadt"),
        "In Stadtkreisen und Großen Kreisstädten führt die oder der Erste Beigeordnete die Amtsbezeichnung "
        "Bürgermeisterin oder Bürgermeister (§ 49 Abs. 3 Satz 2 GemO); den weiteren Beigeordneten kann der "
        "Gemeinderat sie verleihen (Satz 4). Bitte so bezeichnen.",
    )
}


@WARNINGS.rule("amtsbezeichnung-erste-beigeordnete")
def first_deputy_titled_by_the_land(concept: Concept) -> Iterator[Finding]:
    """'Erste Beigeordnete' where the Land gives her another title in the municipality's kind."""
    rule = _FIRST_DEPUTY_TITLE.get(concept.municipality.state)
    if rule is None or concept.municipality.kind not in rule[0]:
        return
    texts = read(concept)
    if "Beigeordnete" not in texts.joined:
        return
    for passage in texts.passages:
        found = _FIRST_DEPUTY.search(passage.text)
        if found:
            yield _word_warning(passage, found[0], rule[1])


#: What a city's texts say of tasks a Landkreis holds: the Gesundheitsamt (run by the Kreise and
#: kreisfreie Städte; in Hessen hlfgp.hessen.de, elsewhere alike) and the Jobcenter as zugelassener
#: kommunaler Träger – the municipal Träger of the SGB II are „die kreisfreien Städte und Kreise“
#: (§ 6 Abs. 1 Satz 1 Nr. 2 SGB II, lexetius.com). Review of a Hessian Sonderstatusstadt: the
#: Hessian example turned kreisangehörig kept its 'Stadtgesundheitsamt' 35 times, unwarned.
#: How a text makes the city run the Gesundheitsamt.
_CITY_HEALTH_OFFICE = re.compile(
    r"\b(Stadtgesundheitsamt\w*|städtischen? Gesundheitsamt\w*|Gesundheitsamt der Stadt)"
)
_COUNTY_TASKS = (
    (_CITY_HEALTH_OFFICE, "Das Gesundheitsamt führen die Kreise und kreisfreien Städte"),
    (
        # 'Kommunales Jobcenter Neuhafen' (NRW review of a kreisangehörige Stadt: passed unwarned)
        re.compile(
            r"\b(Stadt ist zugelassener kommunaler Träger|städtischen? Jobcenter\w*|Jobcenter der Stadt"
            r"|[Kk]ommunale[sn]? Jobcenter\w*(?! (?:des|im) (?:Land)?[Kk]reis))"
        ),
        "Kommunale Träger der Grundsicherung sind die kreisfreien Städte und Kreise (§ 6 Abs. 1 Satz 1 Nr. 2 "
        "SGB II); nur sie können als kommunale Träger zugelassen werden (§ 6a SGB II)",
    ),
)


#: The Land's own word on who runs the Gesundheitsamt, where a city in a Kreis would look for it:
#: Niedersachsen excludes its große selbständige Städte and selbständige Gemeinden (§ 2 Abs. 1 Satz 3
#: NGöGD, as a review of a große selbständige Stadt read it on umwelt-online.de and voris; not read
#: here). Baden-Württemberg's is in _CITY_HEALTH_OFFICES below.
_HEALTH_OFFICE_LAW = {
    "Niedersachsen": "In Niedersachsen führen die Landkreise und kreisfreien Städte das Gesundheitsamt; die "
    "Zuständigkeit der großen selbständigen Städte und der selbständigen Gemeinden ist ausgeschlossen "
    "(§ 2 Abs. 1 Satz 3 NGöGD)",
}


@WARNINGS.rule("aufgaben-des-kreises")
def county_tasks_in_a_city_of_the_kreis(concept: Concept) -> Iterator[Finding]:
    """A kreisangehörige Stadt's texts that make the city run the Gesundheitsamt or the kommunale
    Jobcenter were written for a kreisfreie Stadt: its Landkreis holds both, as a partner of another
    Träger."""
    if not concept.municipality.in_a_kreis:
        return
    state = concept.municipality.state
    own = _HEALTH_OFFICE_LAW.get(state) or (
        _CITY_HEALTH_OFFICES[state].law if state in _CITY_HEALTH_OFFICES else None
    )
    facts = [(p, own if own and p is _CITY_HEALTH_OFFICE else fact) for p, fact in _COUNTY_TASKS]
    yield from _county_offices_run_by_the_city(concept, [fact for _, fact in facts])
    texts = read(concept)
    tasks = [(pattern, fact) for pattern, fact in facts if pattern.search(texts.joined)]
    for passage in texts.passages if tasks else ():
        for pattern, fact in tasks:
            found = pattern.search(passage.text)
            if found:
                yield _word_warning(
                    passage,
                    found[0],
                    f"{fact}; die Kommune ist {concept.kind_with_article}. Bitte prüfen, ob der Kreis "
                    "gemeint ist (als Akteur mit eigenem 'traeger').",
                )


_HEALTH_OFFICE = re.compile(r"gesundheitsamt|gesundheitsämter", re.IGNORECASE)
#: An actor that is the Gesundheitsamt or the Jobcenter, in the order of :data:`_COUNTY_TASKS`.
_COUNTY_OFFICES = (_HEALTH_OFFICE, re.compile(r"jobcenter", re.IGNORECASE))


def _run_by_the_city(concept: Concept, office: re.Pattern[str], fact: str) -> Iterator[Finding]:
    """A warning at the 'traeger' of each actor named like `office` whose Träger is the
    municipality itself: `fact` says who runs such an office instead."""
    city = {o.id for o in concept.organisations if o.name == concept.municipality.name}
    for index, actor in enumerate(concept.actors):
        if office.search(actor.name) and actor.carrier in city:
            yield Finding(
                at("akteure.yaml", "akteure", index, "traeger"),
                f"'{actor.name}' hat als Träger die Stadt. {fact}",
                WARNING,
            )


def _county_offices_run_by_the_city(concept: Concept, facts: list[str]) -> Iterator[Finding]:
    """The Gesundheitsamt or the Jobcenter among a kreisangehörige Stadt's actors with the city as
    Träger: the agreement would have the Oberbürgermeisterin sign for the Kreis's services, the
    concept name the city their Träger (review of a große selbständige Stadt: the texts' warnings
    were followed, the actors' Träger stayed the city, unwarned)."""
    municipality = concept.municipality
    county = county_with_article(municipality.county, "dat", f"dem {kreis_word(municipality.state)}")
    for office, fact in zip(_COUNTY_OFFICES, facts, strict=True):
        yield from _run_by_the_city(
            concept,
            office,
            f"{fact}; die Kommune ist {concept.kind_with_article}. Bitte als Akteur mit eigenem 'traeger' "
            f"({county}) eintragen.",
        )


@dataclass(frozen=True)
class _HealthOffices:
    """Which kreisfreie Städte of a Land run a Gesundheitsamt of their own, the law that says so,
    and who runs it for the others."""

    cities: tuple[str, ...]
    law: str
    instead: str


#: Baden-Württemberg: Gesundheitsämter are „die unteren Verwaltungsbehörden in den Landkreisen und
#: den Stadtkreisen Stuttgart, Mannheim und Heilbronn“ (§ 2 Abs. 1 Nr. 3 ÖGDG, anwalt24.de; the city
#: of Heidelberg's service pages say the same): in the six other Stadtkreise the Landratsamt of the
#: Landkreis around the city runs it (review of a Stadtkreis: the Hessian example's city office passed).
#: Bayern: the Landratsämter are the (staatliche) Gesundheitsämter; of the kreisfreien Städte only
#: München, Nürnberg, Augsburg, Ingolstadt and Memmingen run kommunale Gesundheitsämter, for the
#: others it is the Landratsamt that surrounds the city or bears its name, for Erlangen that of
#: Erlangen-Höchstadt, for Schwabach that of Roth (Art. 1 Abs. 2 GDG, gesetze.legal/bayern/gdg/1;
#: bayernportal.de: „71 staatliche … und 5 kommunale Gesundheitsämter“; review of a Bavarian city).
_CITY_HEALTH_OFFICES = {
    "Baden-Württemberg": _HealthOffices(
        ("Stuttgart", "Mannheim", "Heilbronn"),
        "In Baden-Württemberg sind nur die Landratsämter und die Stadtkreise Stuttgart, Mannheim und Heilbronn "
        "Gesundheitsämter (§ 2 Abs. 1 Nr. 3 ÖGDG)",
        "das Landratsamt des umliegenden Landkreises. Bitte als Akteur mit eigenem 'traeger' (dem Landkreis) "
        "eintragen.",
    ),
    "Bayern": _HealthOffices(
        ("München", "Nürnberg", "Augsburg", "Ingolstadt", "Memmingen"),
        "In Bayern sind die Landratsämter staatliche Gesundheitsämter; von den kreisfreien Städten führen nur "
        "München, Nürnberg, Augsburg, Ingolstadt und Memmingen ein eigenes (Art. 1 Abs. 2 GDG)",
        "das Landratsamt, dessen Gebiet die Stadt umschließt oder das ihren Namen trägt (für Erlangen das "
        "Landratsamt Erlangen-Höchstadt, für Schwabach das Landratsamt Roth). Bitte als Akteur mit eigenem "
        "'traeger' (dem Freistaat Bayern) eintragen.",
    ),
    # „Die Landkreise unterhalten Gesundheitsämter …; Satz 1 gilt entsprechend für die kreisfreien Städte,
    # deren Stadtverwaltungen gemäß § 2 Abs. 2 oder 3 zu unteren Gesundheitsbehörden bestimmt worden sind“
    # (§ 4 Abs. 1 ÖGdG, anwalt24.de/gesetze/oegdg-2/4 und lexsoft, gelesen 12/2026); keine kreisfreie Stadt
    # ist so bestimmt – 24 Gesundheitsämter bei 24 Landkreisen (RLP-Review einer kreisfreien Stadt).
    "Rheinland-Pfalz": _HealthOffices(
        (),
        "In Rheinland-Pfalz unterhalten die Landkreise die Gesundheitsämter (§ 4 Abs. 1 ÖGdG); eine kreisfreie "
        "Stadt nur, wenn ihre Stadtverwaltung zur unteren Gesundheitsbehörde bestimmt ist (§ 2 Abs. 2 oder 3 ÖGdG)",
        "die Kreisverwaltung des Landkreises, der das Gesundheitsamt für die Stadt unterhält. Bitte als Akteur "
        "mit eigenem 'traeger' (dem Landkreis) eintragen.",
    ),
}


@WARNINGS.rule("gesundheitsamt-im-stadtkreis")
def health_office_of_a_stadtkreis(concept: Concept) -> Iterator[Finding]:
    """A kreisfreie Stadt in Baden-Württemberg, Bayern or Rheinland-Pfalz that runs no Gesundheitsamt of its own
    (:data:`_CITY_HEALTH_OFFICES`), whose actors or texts make the city run it: a Landratsamt
    runs it, a partner with its own Träger, budget and data."""
    municipality = concept.municipality
    offices = _CITY_HEALTH_OFFICES.get(municipality.state)
    if offices is None or municipality.kind != "kreisfreie Stadt":
        return
    if any(city in municipality.name for city in offices.cities):
        return
    fact = f"{offices.law}; für {with_article(municipality.name, 'acc')} ist es {offices.instead}"
    run = list(_run_by_the_city(concept, _HEALTH_OFFICE, fact))
    yield from run
    # the actor warned about at its Träger is not warned about again at its name (re-check: two long
    # messages for one entry)
    warned = {finding.where.path[:2] for finding in run}
    for passage in read(concept).passages:
        if passage.file == "akteure.yaml" and tuple(passage.path[:2]) in warned:
            continue
        found = _CITY_HEALTH_OFFICE.search(passage.text)
        if found:
            yield _word_warning(passage, found[0], fact)


@WARNINGS.rule("begriffe-anderer-laender")
def terms_of_the_own_land(concept: Concept) -> Iterator[Finding]:
    """'Erster Kreisrat' under a Hessian paper, 'Samtgemeinden' in a Bavarian Landkreis: a title
    or kind of municipality that only other Länder have was copied from another municipality's
    texts (Hessian and Baden-Württemberg reviews). A warning: a neighbour's may be meant."""
    own = concept.municipality.state
    texts = read(concept)
    joined = texts.joined
    terms = [t for t in LAND_TERMS if own not in t.states and t.hint in joined and t.pattern.search(joined)]
    for passage in texts.passages:
        for term in terms:
            found = term.pattern.search(passage.text) if term.hint in passage.text else None
            if found is None:
                continue
            instead = term.instead.names.get(own) if term.instead else None
            yield _word_warning(
                passage,
                found[0],
                f"'{found[0]}' gibt es {enumeration([in_state(s) for s in term.states])} ({term.basis}); die Kommune liegt "
                f"{in_state(own)}. "
                + (
                    f"{term.instead.what}: {instead}."
                    if term.instead and instead
                    else "Bitte die Bezeichnung des eigenen Landes verwenden."
                ),
            )


# --- papers taken over from an earlier Fassung ---------------------------------------------------

_FASSUNG = re.compile(r"\bFassung\s+(\d+(?:\.\d+)*)")
#: A decision still to come on a Fassung: 'Über die Fassung 2.0 entscheidet der Kreistag', 'Der
#: Kreistag beschließt das Gesamtkonzept in der Fassung 2.0'.
_DECIDES_ON = re.compile(
    r"\b[Üü]ber\s+die\s+Fassung\s+(\d+(?:\.\d+)*)\s+(?:entscheid|berät|berat|beschließ)"
    r"|\bbeschließ\w*[\s,]+[^.;:]{0,80}?\bFassung\s+(\d+(?:\.\d+)*)"
    # 'empfiehlt dem Kreistag, das Gesamtkonzept in der Fassung 2.0 zu beschließen'
    r"|\bFassung\s+(\d+(?:\.\d+)*)\)?\s+(?:\w+\s+){0,3}?(?:zu\s+beschließen|zuzustimmen|wird\s+beschlossen)"
)
#: The number at the head of a Fassung ('2.1' of '2.1 (Entwurf)').
_VERSION_NUMBER = re.compile(r"\d+(?:\.\d+)*")


def fassung_number(concept: Concept) -> str:
    """This Fassung as texts cite it: the number at the head of 'fassung' ('2.1' of '2.1
    (Entwurf)'), or the whole of it where it has none."""
    head = _VERSION_NUMBER.match(concept.version.version.strip())
    return head[0] if head else concept.version.version


@WARNINGS.rule("vorlage-nennt-andere-fassung")
def paper_names_another_fassung(concept: Concept) -> Iterator[Finding]:
    """A paper to build that asks for a decision on another Fassung than this one, or a
    Beschlussvorlage whose texts name only earlier ones, was taken over from the paper of an
    earlier Fassung (year-later review: the new Beschlussvorlage for 2.1 said „Über die Fassung
    2.0 entscheidet der Kreistag“). A text naming this Fassung beside it ('die Fortschreibung der
    Fassung 2.0 (Fassung 2.1)') and a Sachstand on the adopted Fassung stay unremarked."""
    current = fassung_number(concept)
    stand = concept.version.date
    building = {v.paper.number: v.paper for v in paper_views(concept)}
    files = {name: building[number] for number, name in concept.paper_files.items() if number in building}
    named: dict[str, list[tuple[Passage, str]]] = {}
    for passage in read(concept).passages:
        if passage.file not in files or "Fassung" not in passage.text:
            continue
        named.setdefault(passage.file, []).extend((passage, m[1]) for m in _FASSUNG.finditer(passage.text))
        if f"Fassung {current}" in passage.text.replace("\u00a0", " "):
            continue
        for match in _DECIDES_ON.finditer(passage.text):
            version = match[1] or match[2] or match[3]
            if version != current:
                yield Finding(
                    at(passage.file, *passage.path),
                    f"Hier soll über die Fassung {version} entschieden werden; das Konzept ist die Fassung {current}. "
                    "Aus der Vorlage der früheren Fassung übernommen? Bitte Fassung und Jahreszahlen im Text prüfen.",
                    WARNING,
                )
    for file, found in named.items():
        if files[file].kind != "Beschlussvorlage" or any(version == current for _, version in found):
            continue
        passage, version = found[0]
        yield Finding(at(file, *passage.path), _earlier_papers_text(files[file], version, current, stand), WARNING)


def _earlier_papers_text(paper: Paper, version: str, current: str, stand: dt.date) -> str:
    """What to do with a Beschlussvorlage that names only another Fassung: if its sittings are
    all past, it is most likely the earlier Fassung's own paper, to be moved rather than edited
    (Saxon year-later review: the adopted paper was offered for rewriting, and a build then
    replaced its files)."""
    said = f"Die Vorlage nennt die Fassung {version}, nirgends aber die Fassung {current}, über die sie entscheiden lässt."
    last = paper.last_sitting
    if last is not None and last < stand:
        return (
            f"{said} Sie wurde zuletzt am {german_date(last)} beraten: Ist sie die Vorlage der früheren Fassung, "
            f"bitte sie nach {DELIBERATED_FOLDER}/ verschieben (dort bleibt sie, wie die Gremien sie hatten) und in "
            "kommune.yaml unter 'beschluss' die Vorlage dieser Fassung eintragen."
        )
    return f"{said} Ist der Text aus der Vorlage der früheren Fassung übernommen? Bitte die Fassung und die Jahreszahlen im Text prüfen."


# --- texts a year behind ------------------------------------------------------------------------

#: 'im Entwurf des Haushalts 2027', 'Entwurf des Haushaltsplanes 2027', 'Entwurf zum Kreishaushalt
#: 2027', 'Entwurf des Doppelhaushalts 2027/2028', 'Haushaltsentwurf (für) 2027', 'Haushaltsplan-Entwurf
#: 2027' (re-check review: several of these went unnoticed).
_BUDGET_DRAFT = re.compile(
    r"\b(?:Entwurfs?\s+(?:des|zum)\s+\w*[Hh]aushalt(?:s|es|splans|splanes)?"
    r"|\w*[Hh]aushalt(?:s|splan)?-?[Ee]ntwurfs?)\s+(?:für\s+(?:das\s+Jahr\s+)?)?(\d{4})\b"
)


@WARNINGS.rule("text-nennt-haushaltsentwurf")
def texts_name_a_draft_since_adopted(concept: Concept) -> Iterator[Finding]:
    """A text that speaks of a year's draft budget once ressourcen.yaml has it adopted was written
    a Fassung earlier (year-later review: „die Mittel sind im Entwurf des Haushalts 2027
    veranschlagt“ in October 2027, the Haushalt 2027 adopted)."""
    adopted = {y.year for y in concept.resources.budget_years if y.status == "beschlossen"}
    if not adopted:
        return
    for passage in read(concept).passages:
        if "ntwurf" not in passage.text:
            continue
        for match in _BUDGET_DRAFT.finditer(passage.text):
            if int(match[1]) in adopted:
                yield Finding(
                    at(passage.file, *passage.path),
                    f"Der Text nennt „{match[0]}“; der Haushalt {match[1]} ist nach ressourcen.yaml beschlossen. "
                    "Aus einer früheren Fassung übernommen? Bitte den Text anpassen.",
                    WARNING,
                )


@WARNINGS.rule("ertrag-noch-beantragt")
def grants_still_applied_for_in_their_year(concept: Concept) -> Iterator[Finding]:
    """A grant still 'beantragt' for a year half over at the Stand, its budget adopted, or for a
    year gone by: the concept tells the council it may fall away ('ohne sie stiege der
    Zuschussbedarf …'), which a Kämmerei reads as news in October (year-later review)."""
    stand = concept.version.date
    adopted = {y.year for y in concept.resources.budget_years if y.status == "beschlossen"}
    for index, line in enumerate(concept.resources.income):
        late = line.year < stand.year or (line.year == stand.year and stand.month > 6 and line.year in adopted)
        if line.applied_for and late:
            yield Finding(
                at("ressourcen.yaml", "ertraege", index, "beantragt"),
                f"Der Ertrag ist für {line.year} noch als beantragt eingetragen; der Stand ({german_date(stand)}) liegt "
                f"{'nach diesem Haushaltsjahr' if line.year < stand.year else 'in der zweiten Hälfte dieses Haushaltsjahres'}"
                ". Ist er inzwischen bewilligt oder zugesagt?",
                WARNING,
            )


# --- measures cited by number -------------------------------------------------------------------

_CITED_MEASURE = re.compile(r"\(M(\d{1,3})\)")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{5,}")


def _title_words(title: str) -> set[str]:
    """The words of five letters or more that name a measure ('Familienzentrum', 'Mainbogen')."""
    return {w.casefold() for w in _WORD.findall(title)} - {"frühe", "hilfen", "familien"}


@WARNINGS.rule("massnahmennummer-im-text")
def measures_cited_by_another_number(concept: Concept) -> Iterator[Finding]:
    """'Familienzentrum Mainbogen (M12)' where that measure is M13: the numbers follow the order of
    massnahmen.yaml, and a measure inserted before it renumbered the text's measure (Hessian
    year-later review: the new Beschlussvorlage cited the Babytreffs' number). Only where the words
    before the number name one measure clearly and another than the number's."""
    titles = [(concept.measure_number(m.id), m.title, _title_words(m.title)) for m in concept.measures]
    numbers = {number for number, _, _ in titles}
    for passage in read(concept).passages:
        if "(M" not in passage.text:
            continue
        for match in _CITED_MEASURE.finditer(passage.text):
            cited = f"M{match[1]}"
            before = {
                w.casefold() for w in _WORD.findall(passage.text[max(0, match.start() - 80) : match.start()])
            }
            scored = sorted(
                ((len(words & before), number, title) for number, title, words in titles), reverse=True
            )
            (best, number, title), runner_up = scored[0], scored[1][0] if len(scored) > 1 else 0
            if best < 2 or best == runner_up or number == cited:
                continue
            yield Finding(
                at(passage.file, *passage.path),
                f"Der Text nennt „({cited})“ nach den Worten von „{title}“; diese Maßnahme ist {number}"
                + ("" if cited in numbers else f", ein {cited} gibt es nicht")
                + ". Die Nummern folgen der Reihenfolge in massnahmen.yaml: ist davor eine Maßnahme hinzugekommen "
                "oder entfallen? Bitte die Nummer im Text prüfen.",
                WARNING,
            )
