"""`gesamtkonzept migrate`: bring a municipality's folder up to the current input format.

Folders written for an earlier version keep working: each step rewrites the files of one
format into the next (:mod:`.format2`: format 1 → 2), keeping comments and the order of keys
(the files are read and written with ruamel.yaml's round trip), and says what it could not
infer and must be checked or filled in. The originals are kept in a folder
``sicherung-format-N/`` inside the municipality's folder (the loader ignores it), and the new
files are written all at once.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from pipeline.errors import GesamtkonzeptError, WriteFailure, os_reason
from pipeline.export.files import write_atomically
from pipeline.migrate import format2
from pipeline.model.inputs import FORMAT

#: One step per format: it changes the loaded files in place and returns its notes.
STEPS: dict[int, Callable[[dict[str, Any]], list[str]]] = {1: format2.migrate}


class MigrationFailure(GesamtkonzeptError):
    """The folder cannot be migrated (not a municipality, unreadable YAML, unknown format)."""


@dataclass
class Migration:
    """What migrate did: from which format to which, the files it rewrote, where it kept the
    originals, and the notes on what must be checked or filled in."""

    folder: Path
    old: int
    new: int
    written: list[Path] = field(default_factory=list)
    backup: Path | None = None
    notes: list[str] = field(default_factory=list)


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # long texts stay on their line, as the user wrote them
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _names(folder: Path) -> list[str]:
    names = [p.name for p in sorted(folder.glob("*.yaml"))]
    papers = folder / "vorlagen"
    if papers.is_dir():
        names += [f"vorlagen/{p.name}" for p in sorted(papers.iterdir()) if p.suffix.lower() in (".yaml", ".yml")]
    return names


def _free_name(path: Path) -> Path:
    """`path`, or `path-2`, `path-3` … if a backup from an earlier run is there: never overwrite one."""
    candidate, number = path, 2
    while candidate.exists():
        candidate, number = path.with_name(f"{path.name}-{number}"), number + 1
    return candidate


def _what_broke(error: Exception) -> str:
    """What a migration step met, in words: a missing field by its name, else the kind of slip."""
    if isinstance(error, KeyError) and error.args:
        return f"ein Eintrag ohne das Feld '{error.args[0]}'"
    if isinstance(error, (TypeError, AttributeError)):
        return "ein Wert anderer Art als erwartet (etwa eine Zahl, wo eine Liste oder ein Abschnitt mit Feldern steht)"
    return "ein Eintrag fehlt oder verweist auf einen, den es nicht gibt"


def format_of(files: dict[str, Any]) -> int:
    municipality = files.get("kommune.yaml")
    written = municipality.get("format", 1) if isinstance(municipality, dict) else 1
    if not isinstance(written, int) or isinstance(written, bool) or written < 1:
        raise MigrationFailure(f"'format' in kommune.yaml ist keine Versionsnummer: {written!r}.")
    return written


def migrate(folder: Path) -> Migration:
    """Rewrite the folder's files into the current format; a folder already in it is left alone."""
    if not (folder / "kommune.yaml").is_file():
        raise MigrationFailure(f"In {folder} liegt keine kommune.yaml: Ist das der Ordner einer Kommune?")
    yaml = _yaml()
    try:
        texts = {name: (folder / name).read_text(encoding="utf-8") for name in _names(folder)}
    except UnicodeDecodeError as error:
        raise MigrationFailure(
            f"Eine Datei in {folder} ist nicht in UTF-8 gespeichert (Byte {error.start}); bitte zuerst "
            "`gesamtkonzept validate` aufrufen."
        ) from None
    except OSError as error:
        raise MigrationFailure(f"{error.filename}: {os_reason(error)}") from None
    files: dict[str, Any] = {}
    for name, text in texts.items():
        try:
            files[name] = yaml.load(text)
        except Exception as error:  # ruamel's parser errors have no common base worth naming
            mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
            where = f"{name}, Zeile {mark.line + 1}" if mark is not None else name
            # the file and line, not ruamel's class name (fuzz review: „(ParserError)“)
            raise MigrationFailure(
                f"{where}: Die Datei ist kein gültiges YAML. Bitte zuerst `gesamtkonzept validate` aufrufen und "
                "die gemeldeten Fehler beheben; es wurde nichts geändert."
            ) from None
    not_mappings = [name for name, data in files.items() if not isinstance(data, dict)]
    if not_mappings:
        raise MigrationFailure(
            f"{', '.join(not_mappings)}: Die Datei besteht nicht aus Abschnitten mit Feldern ('kommune:', "
            "'massnahmen:' …), wie jede Eingabedatei. Bitte prüfen; es wurde nichts geändert."
        )
    old = format_of(files)
    if old > FORMAT:
        raise MigrationFailure(f"Der Ordner hat das Format {old}; dieses Werkzeug kennt nur bis Format {FORMAT}.")
    result = Migration(folder, old, FORMAT)
    if old == FORMAT:
        return result
    for version in range(old, FORMAT):
        try:
            result.notes += STEPS[version](files)
        except (KeyError, TypeError, AttributeError, IndexError, StopIteration, ValueError) as error:
            # a file not built as the format says: the step met it without a check of its own
            # (hostile-input sweep: an entry without 'id', 'kosten: 5', 'kommune: 5' ended in tracebacks)
            raise MigrationFailure(
                f"Die Dateien passen nicht zum Aufbau des Formats {version}: {_what_broke(error)}. Bitte "
                "korrigieren und migrate erneut aufrufen; es wurde nichts geändert."
            ) from None
    out: dict[Path, bytes] = {}
    for name, data in files.items():
        buffer = io.StringIO()
        yaml.dump(data, buffer)
        if buffer.getvalue() != texts.get(name):
            out[folder / name] = buffer.getvalue().encode("utf-8")
    result.backup = _free_name(folder / f"sicherung-format-{old}")
    backups = {result.backup / name: texts[name].encode("utf-8") for name in texts if folder / name in out}
    try:
        write_atomically(backups)
        result.written = write_atomically(out)
    except WriteFailure as failure:
        if not failure.restored:  # the backup is the other copy of the originals: it stays
            raise MigrationFailure(
                f"{failure} Der Ordner ist nur teilweise umgestellt; die bisherigen Dateien liegen in {result.backup}."
            ) from None
        shutil.rmtree(result.backup, ignore_errors=True)  # every file as it was: the copies are not needed
        raise MigrationFailure(f"{failure} Es wurde nichts geändert.") from None
    return result
