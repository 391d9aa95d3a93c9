"""Every kind of user-facing failure, one class each; the CLI turns them into German messages and
exit codes (1 for bad input or a failed build, 2 for a wrong call), never a traceback. Errors
not listed here are the tool's own bugs and stay loud.

Problems in the inputs are collected, not raised one by one (see :mod:`pipeline.findings`), so
a user sees every mistake of a run at once; :class:`InvalidInput` carries them all.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipeline.findings import Finding, summary


class GesamtkonzeptError(Exception):
    """Base of all errors caused by user input or set-up, shown without a traceback."""

    exit_code = 1


class InvalidInput(GesamtkonzeptError):
    """Stage load/validate: the inputs contain errors (or warnings, under --streng); nothing was
    written."""

    def __init__(self, problems: Iterable[Finding], *, strict: bool = False):
        self.problems = sorted(set(problems), key=lambda f: f.sort_key)
        self.strict = strict
        super().__init__(f"{summary(self.problems)} in den Eingaben")


class RevisionNotFound(GesamtkonzeptError):
    """Stage load: the folder or the git revision named on the command line does not exist."""

    exit_code = 2


class TemplateFailure(GesamtkonzeptError):
    """Stage render: a template asked for something the model lacks, or is itself broken."""


class ExportFailure(GesamtkonzeptError):
    """Stage export: pandoc or typst could not produce a file; earlier outputs stay untouched."""


class BuildLocked(GesamtkonzeptError):
    """Stage export: another build writes into the same output folder right now."""


class ReviewFailure(GesamtkonzeptError):
    """A returned draft cannot be read or matched with a build."""
