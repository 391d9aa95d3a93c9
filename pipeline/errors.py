"""One error type per kind of user-facing failure; the CLI turns them into messages and exit codes.

Problems are collected, not raised one by one, so a user sees every mistake of a run at once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """A single finding in the inputs, located as precisely as the loader allows."""

    file: str
    line: int
    column: int
    message: str
    field: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class GesamtkonzeptError(Exception):
    """Base of all errors caused by user input or set-up, shown without a traceback."""

    exit_code = 1


class InvalidInput(GesamtkonzeptError):
    """The inputs contain one or more problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(f"{len(self.problems)} Problem(e) in den Eingaben")


class TemplateFailure(GesamtkonzeptError):
    """A template asked for something the model lacks, or is itself broken."""


class ExportFailure(GesamtkonzeptError):
    """pandoc or typst could not produce a file; earlier outputs stay untouched."""
