"""One kind of rule and one kind of finding, for every check the tool makes.

Validation errors and warnings, the rules of council procedure, the reporting calendar's notices
and the goals of the quality dimensions all work the same way: a :class:`Rule` looks at a
subject (the parsed input files, one council paper, the concept, the concept on a Stichtag) and
yields :class:`Finding` s. A finding says where in the inputs it points (:class:`Place`), how
it counts (a severity, or the status of a quality goal), what was found and, where it can, what
would change it. Rules of one kind are collected in a :class:`RuleSet`, which runs them in the
order they were registered.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from pipeline.formatting import count, single_stops

Path_ = tuple[str | int, ...]

#: How a validation finding counts: an error makes the inputs unusable, a warning flags what is
#: possible but probably a mistake.
Severity = Literal["Fehler", "Warnung"]
ERROR: Severity = "Fehler"
WARNING: Severity = "Warnung"

#: How far a goal of a quality dimension is reached, from best to worst; 'nicht prüfbar' when the
#: data cannot say.
Status = Literal["erfüllt", "teilweise", "offen", "nicht prüfbar"]
FULFILLED: Status = "erfüllt"
PARTIAL: Status = "teilweise"
OPEN: Status = "offen"
UNKNOWN: Status = "nicht prüfbar"
#: Display order, best first.
STATUSES: tuple[Status, ...] = (FULFILLED, PARTIAL, OPEN, UNKNOWN)

Level = Severity | Status

#: A path part meaning 'every entry of the list': Place("akteure.yaml", ("akteure", EVERY, "rolle")).
EVERY = "[]"


def format_path(path: Path_) -> str:
    """('massnahmen', 6, 'ziele', 1) → 'massnahmen[6].ziele[1]' (0-based, as YAML tools count);
    EVERY stands for all entries: 'akteure[].rolle'."""
    text = ""
    for part in path:
        if isinstance(part, int) or part == EVERY:
            text += EVERY if part == EVERY else f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class Place:
    """Where a finding points in the inputs: a file, the field path inside it and, once the
    validator has looked it up in the YAML text, line and column (0 while unknown)."""

    file: str
    path: Path_ = ()
    line: int = 0
    column: int = 0

    @property
    def field(self) -> str:
        return format_path(self.path)

    @property
    def located(self) -> bool:
        return self.line > 0

    def __str__(self) -> str:
        """'gremien.yaml: gremien[1].berichte' – how a reader finds the data."""
        return f"{self.file}: {self.field}" if self.path else self.file

    @property
    def reference(self) -> str:
        """'gremien.yaml, Zeile 34: gremien[1].berichte' once located, else as str()."""
        if not self.located:
            return str(self)
        where = f"{self.file}, Zeile {self.line}"
        return f"{where}: {self.field}" if self.path else where


@dataclass(frozen=True)
class Finding:
    """What a rule found: where, how it counts, the German sentence for the reader and, where
    known, what would change it. `level` None marks context that informs but does not count
    (an observation of a quality rule that is neither good nor bad). `also` names further
    places the finding rests on. `brief` is the message without its long lists, for a table of
    one line per goal that the full message follows (a reader met the same ten names three times).
    `overdue` names, for a report whose body has met since it fell due without hearing it, that
    body as a sentence's subject ('die Stadtverordnetenversammlung'): a meeting takes it up first;
    `planned`, where such a report is prepared already, the day of the sitting it is for and the
    papers prepared: a reader of the overview asked whether anything was done. `shared` is an
    explanation several warnings give alike (the same word in several texts): the list gives it
    in full once and, at the other places, the `brief` pointing there (:func:`explained_once`)."""

    where: Place
    message: str
    level: Level | None = ERROR
    suggestion: str | None = None
    also: tuple[Place, ...] = ()
    brief: str | None = None
    overdue: str | None = None
    planned: tuple[dt.date, tuple[str, ...]] | None = None
    shared: str | None = None
    #: Which report is overdue, as a sentence lists it ('der Bericht über die Umsetzung des
    #: Beschlusses SA/2022/019'): 'Zwei Berichte sind überfällig' said not which (council member).
    report: str | None = None
    #: Text inside the value that the finding is about (a word in a text of many lines): the
    #: message points at its line, not at the field's (user test: line 10 for a word in line 15).
    within: str | None = None

    def __post_init__(self) -> None:
        """Messages are composed from names, and a name may end in an abbreviation ('… e. V.')
        right where the sentence ends: each sentence still ends once."""
        object.__setattr__(self, "message", single_stops(self.message))
        if self.brief:
            object.__setattr__(self, "brief", single_stops(self.brief))
        if self.suggestion:
            object.__setattr__(self, "suggestion", single_stops(self.suggestion))

    @property
    def short(self) -> str:
        """The message where the full one stands elsewhere in the same paper: its brief, if any."""
        return self.brief or self.message

    @property
    def places(self) -> tuple[Place, ...]:
        return (self.where, *self.also)

    @property
    def source(self) -> str:
        """Every place the finding rests on: 'gremien.yaml: gremien[].berichte; vorlagen/*.yaml'."""
        return "; ".join(str(p) for p in self.places)

    @property
    def sort_key(self) -> tuple[str, int, int, str, str, str]:
        """By file, line and column, so a report reads from top to bottom of each file."""
        place = self.where
        return (place.file, place.line, place.column, self.message, place.field, self.level or "")

    def __str__(self) -> str:
        """'massnahmen.yaml:48:7: Warnung: massnahmen[2].status: …' – for the terminal."""
        place = self.where
        where = f"{place.file}:{place.line}:{place.column}" if place.located else place.file
        if self.level == WARNING:
            where += ": Warnung"
        return f"{where}: {place.field}: {self.message}" if place.path else f"{where}: {self.message}"

    def as_json(self) -> dict[str, str | int]:
        """German keys, like the YAML the user writes; for editors and scripts."""
        place = self.where
        return {
            "datei": place.file,
            "zeile": place.line,
            "spalte": place.column,
            "feld": place.field,
            "schweregrad": self.level or "",
            "meldung": self.message,
        }


def explained_once(findings: list[Finding]) -> list[Finding]:
    """The findings in their order, an explanation they share given in full at the first place
    only: the later ones quote their own text (their brief) and name that place (a reader of the
    warnings met the same paragraph about 'Kreistag' seven times, once per text naming it)."""
    first: dict[str, Place] = {}
    repeats = Counter(f.shared for f in findings if f.shared is not None)
    listed = []
    for finding in findings:
        shared = finding.shared
        if shared is None or first.setdefault(shared, finding.where) is finding.where:
            others = repeats[shared] - 1 if shared is not None else 0
            if others:  # how far it reaches, before the reader meets the other places
                more = count(others, "weiteren Stelle", "weiteren Stellen", one="einer")
                finding = dataclasses.replace(
                    finding, message=f"{finding.message} Ebenso an {more} (siehe unten)."
                )
            listed.append(finding)
            continue
        proposal = f" Vorschlag: „{finding.suggestion}“" if finding.suggestion else ""
        place = first[shared]
        where = f"{place.file}, Zeile {place.line}" if place.located else str(place)
        told = f"{finding.short}: siehe die Warnung zu {where}.{proposal}"
        listed.append(dataclasses.replace(finding, message=told))
    return listed


def listing(findings: list[Finding]) -> list[str]:
    """The findings as lines for a reader of the terminal, errors before warnings (a new user had to
    find two errors among fourteen warnings), each shared explanation once (:func:`explained_once`);
    the model and the JSON report keep every message whole."""
    ordered = [f for f in findings if f.level != WARNING] + [f for f in findings if f.level == WARNING]
    return [str(finding) for finding in explained_once(ordered)]


def at(file: str, *path: str | int) -> Place:
    """Place('gremien.yaml', ('gremien', 0)) written as at('gremien.yaml', 'gremien', 0)."""
    return Place(file, tuple(path))


def summary(findings: Iterable[Finding]) -> str:
    """'2 Fehler und 1 Warnung' – how many of each kind, for the last line of a report."""
    levels = [f.level for f in findings]
    errors = levels.count(ERROR)
    warnings = levels.count(WARNING)
    parts = [f"{errors} Fehler"] if errors else []
    if warnings:
        parts.append(f"{warnings} {'Warnung' if warnings == 1 else 'Warnungen'}")
    return " und ".join(parts) or "keine Probleme"


S = TypeVar("S")
Check = Callable[[S], Iterable[Finding]]


@dataclass(frozen=True)
class Rule(Generic[S]):
    """A named check on one kind of subject; its docstring says what it checks and why."""

    name: str
    check: Callable[[S], Iterable[Finding]]

    @property
    def description(self) -> str:
        return (self.check.__doc__ or "").strip().split("\n\n")[0]

    def __call__(self, subject: S) -> list[Finding]:
        return list(self.check(subject))


class RuleSet(Generic[S]):
    """The rules of one kind, registered with ``@rules.rule("name")`` and run in that order."""

    def __init__(self, title: str) -> None:
        self.title = title
        self._rules: dict[str, Rule[S]] = {}

    def rule(self, name: str) -> Callable[[Check[S]], Check[S]]:
        def register(check: Check[S]) -> Check[S]:
            if name in self._rules:
                raise ValueError(f"{self.title}: die Regel '{name}' gibt es schon")
            self._rules[name] = Rule(name, check)
            return check

        return register

    def __getitem__(self, name: str) -> Rule[S]:
        return self._rules[name]

    def __contains__(self, name: object) -> bool:
        return name in self._rules

    def __iter__(self) -> Iterator[Rule[S]]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    @property
    def names(self) -> list[str]:
        return list(self._rules)

    def run(self, subject: S) -> list[Finding]:
        """Every rule's findings, rule after rule."""
        return [finding for rule in self for finding in rule(subject)]
