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

#: What the operating system means by its error numbers, said in German, so that its English
#: text (strerror) never reaches users on its own. By name: not every system knows every number.
_OS_REASONS_BY_NAME: dict[str, str] = {
    "ENOENT": "Datei oder Ordner nicht gefunden.",
    "EACCES": "Keine Berechtigung.",
    "EPERM": "Keine Berechtigung: Das Betriebssystem erlaubt diesen Vorgang nicht (fehlende Rechte oder geschützte Datei).",
    "ENOTDIR": "Ein Teil des Pfads ist eine Datei, kein Ordner.",
    "EISDIR": "Das ist ein Ordner, keine Datei.",
    "EEXIST": "Die Datei oder der Ordner existiert bereits.",
    "ENOTEMPTY": "Der Ordner ist nicht leer.",
    "EBUSY": "Die Datei oder das Gerät wird gerade von einem anderen Programm benutzt.",
    "ETXTBSY": "Die Datei wird gerade von einem anderen Programm benutzt.",
    "ENAMETOOLONG": "Der Datei- oder Pfadname ist zu lang.",
    "ELOOP": "Zu viele Verknüpfungen hintereinander (oder eine Verknüpfung auf sich selbst).",
    "ENOSPC": "Kein Speicherplatz mehr frei.",
    "EDQUOT": "Das Speicherkontingent ist erschöpft.",
    "EFBIG": "Die Datei ist zu groß für dieses Laufwerk.",
    "EROFS": "Das Ziel ist schreibgeschützt.",
    "EMFILE": "Zu viele Dateien gleichzeitig geöffnet.",
    "ENFILE": "Zu viele Dateien gleichzeitig geöffnet.",
    "EXDEV": "Verschieben zwischen verschiedenen Laufwerken ist hier nicht möglich.",
    "EIO": "Ein- oder Ausgabefehler des Laufwerks (Datenträger oder Netzlaufwerk prüfen).",
    "EAGAIN": "Die Datei ist vorübergehend nicht verfügbar; bitte später erneut versuchen.",
    "ENOMEM": "Nicht genug Arbeitsspeicher.",
    "EINVAL": "Der Pfad oder Dateiname ist hier nicht zulässig.",
    "ESTALE": "Die Verbindung zum Netzlaufwerk ist veraltet; bitte neu verbinden.",
    "ETIMEDOUT": "Zeitüberschreitung beim Zugriff (Netzlaufwerk?).",
}
OS_REASONS: dict[int, str] = {
    getattr(errno, name): reason for name, reason in _OS_REASONS_BY_NAME.items() if hasattr(errno, name)
}


#: Windows' own codes where its errno says too little: another program has the file open.
_SHARING_VIOLATIONS = {32, 33}


def os_reason(error: OSError, *, writing: bool = False) -> str:
    """A German sentence for an error of the operating system; an unknown one gets a general
    sentence with the system's own words at most in parentheses. When `writing`, a refusal
    comes with its likeliest cause: another program has the file open."""
    if getattr(error, "winerror", None) in _SHARING_VIOLATIONS:
        return "Die Datei ist in einem anderen Programm geöffnet; bitte dort schließen."
    known = OS_REASONS.get(error.errno or 0)
    if known:
        if writing and error.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
            known += " Ist die Datei in einem anderen Programm geöffnet (etwa in Word)? Dann bitte dort schließen."
        return known
    detail = error.strerror or (str(error) if error.errno is None else "")
    number = f"Nr. {error.errno}" if error.errno else ""
    inside = ": ".join(part for part in (number, detail) if part)
    return "Das Betriebssystem meldet einen Fehler" + (f" ({inside})." if inside else ".")


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

    #: Every earlier file is as it was (:func:`pipeline.export.files.write_atomically`).
    restored: bool = True


class ReviewFailure(GesamtkonzeptError):
    """A returned draft cannot be read or matched with a build."""


class FolderNotEmpty(GesamtkonzeptError):
    """`init`: the folder for a new municipality exists and holds something; nothing is written."""

    exit_code = 2
