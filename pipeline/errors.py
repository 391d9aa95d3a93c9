"""One error type per kind of user-facing failure; the CLI turns them into messages and exit codes.

Problems are collected, not raised one by one, so a user sees every mistake of a run at once.
A problem is an error (the inputs cannot be used) or a warning (they can, but look implausible).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from pydantic_core import PydanticCustomError

ERROR = "Fehler"
WARNING = "Warnung"
Severity = Literal["Fehler", "Warnung"]

#: pydantic error type of model checks whose message already is the German sentence for users.
GERMAN_MESSAGE = "meldung"


def refuse(message: str) -> PydanticCustomError:
    """Raise this inside a model check: the message reaches the user as it is written."""
    return PydanticCustomError(GERMAN_MESSAGE, message)


@dataclass(frozen=True, order=True)
class Problem:
    """A single finding in the inputs, located as precisely as the loader allows."""

    file: str
    line: int
    column: int
    message: str
    field: str = ""
    severity: Severity = ERROR

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        if self.severity == WARNING:
            where += ": Warnung"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def as_json(self) -> dict[str, str | int]:
        """German keys, like the YAML the user writes; for editors and scripts."""
        names = {
            "file": "datei",
            "line": "zeile",
            "column": "spalte",
            "field": "feld",
            "severity": "schweregrad",
            "message": "meldung",
        }
        values = asdict(self)
        return {german: values[name] for name, german in names.items()}


def summary(problems: list[Problem]) -> str:
    """'2 Fehler und 1 Warnung' – how many of each kind, for the last line of a report."""
    errors = sum(1 for p in problems if p.severity == ERROR)
    warnings = len(problems) - errors
    parts = [f"{errors} Fehler"] if errors else []
    if warnings:
        parts.append(f"{warnings} {'Warnung' if warnings == 1 else 'Warnungen'}")
    return " und ".join(parts) or "keine Probleme"


def format_path(path: tuple[str | int, ...]) -> str:
    """('massnahmen', 6, 'ziele', 1) → 'massnahmen[6].ziele[1]' (0-based, as YAML tools count)."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass(frozen=True)
class Finding:
    """What a rule found: the YAML value it concerns (file and field path) and a German
    sentence for the user; the validator turns it into a located :class:`Problem`."""

    file: str
    path: tuple[str | int, ...]
    message: str


class GesamtkonzeptError(Exception):
    """Base of all errors caused by user input or set-up, shown without a traceback."""

    exit_code = 1


class InvalidInput(GesamtkonzeptError):
    """The inputs contain errors (or warnings, under --streng); nothing was written."""

    def __init__(self, problems: list[Problem], *, strict: bool = False):
        self.problems = sorted(set(problems))
        self.strict = strict
        super().__init__(f"{summary(self.problems)} in den Eingaben")


class TemplateFailure(GesamtkonzeptError):
    """A template asked for something the model lacks, or is itself broken."""


class ExportFailure(GesamtkonzeptError):
    """pandoc or typst could not produce a file; earlier outputs stay untouched."""


class BuildLocked(GesamtkonzeptError):
    """Another build writes into the same output folder right now."""
