"""Every kind of user-facing failure, one class each; the CLI turns them into German messages and
exit codes (1 for bad input or a failed build, 2 for a wrong call), never a traceback. Errors
not listed here are the tool's own bugs and stay loud.

Problems in the inputs are collected, not raised one by one (see :mod:`pipeline.findings`), so
a user sees every mistake of a run at once; :class:`InvalidInput` carries them all.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable

from pipeline.findings import Finding, summary

#: What the operating system's errors mean, in the words users read.
OS_REASONS = {
    errno.ENOENT: "Datei oder Ordner nicht gefunden.",
    errno.EACCES: "Keine Berechtigung.",
    errno.EPERM: "Keine Berechtigung (die Datei ist geschützt oder gesperrt).",
    errno.EBUSY: "Die Datei wird gerade von einem anderen Programm benutzt.",
    errno.ENOTDIR: "Ein Teil des Pfads ist eine Datei, kein Ordner.",
    errno.EISDIR: "Das ist ein Ordner, keine Datei.",
    errno.EEXIST: "Dort gibt es schon eine Datei oder einen Ordner.",
    errno.ENOSPC: "Kein Speicherplatz mehr frei.",
    errno.EROFS: "Das Ziel ist schreibgeschützt.",
    errno.ENAMETOOLONG: "Der Pfad ist zu lang.",
    errno.EIO: "Der Datenträger meldet einen Lese- oder Schreibfehler.",
    errno.EXDEV: "Quelle und Ziel liegen auf verschiedenen Laufwerken.",
    errno.EMFILE: "Zu viele Dateien gleichzeitig geöffnet.",
}
if hasattr(errno, "EDQUOT"):  # not on Windows
    OS_REASONS[errno.EDQUOT] = "Das Speicherkontingent ist aufgebraucht."

#: Windows' own codes where its errno says too little: another program has the file open.
_SHARING_VIOLATIONS = {32, 33}


def os_reason(error: OSError, *, writing: bool = False) -> str:
    """The German reason for an error of the operating system (its own text if unknown); when
    `writing`, with the likeliest cause of a refusal: another program has the file open."""
    if getattr(error, "winerror", None) in _SHARING_VIOLATIONS:
        return "Die Datei ist in einem anderen Programm geöffnet; bitte dort schließen."
    reason = OS_REASONS.get(error.errno or 0, error.strerror or str(error))
    if writing and error.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        reason += " Ist die Datei in einem anderen Programm geöffnet (etwa in Word)? Dann bitte dort schließen."
    return reason


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


class WriteFailure(GesamtkonzeptError):
    """Stage export: a file could not be written; the message names it (never a temporary name)
    and says whether the earlier files are intact."""


class ReviewFailure(GesamtkonzeptError):
    """A returned draft cannot be read or matched with a build."""
