"""The only place that writes into a build's output folder: one build at a time, and its file
set becomes visible as one step. However a build ends, the folder holds the complete old set or
the complete new one, files and manifest together – at once if the build finishes or fails, and
from the start of the next build if it was killed.

How :func:`commit` writes a build's set, with a journal in `.gesamtkonzept-neu/journal.json`:

1. **Plan.** The journal lists every change: each file to write (with the hash the last build
   recorded for it and the new one), each outdated file to remove, and each edited Word file
   to move aside (`X.bearbeitet-….docx`, as for a PDF, workbook or web page). It is saved as *vorbereitet*.
2. **Stage.** The new bytes go into a folder `.gesamtkonzept-neu/` inside the folder each file
   belongs to, flushed to disk. Nothing visible has changed yet.
3. **Commit point.** The journal is saved as *bereit*. Every save is written beside the
   journal and renamed over it, so the switch is one rename.
4. **Apply.** Renames only, file by file: an edited Word file to its name beside; the file a new
   one replaces (or an outdated one) into the staging folder, kept there until the end; then the
   new file into place. The manifest comes last.
5. **Clean up.** The journal is saved as *fertig*; the staging folders go, the journal last.

A failure before 3 removes the staging folders: nothing visible changed. A rename failing in 4
(a file open in another program on Windows, missing rights) reverses the renames done so far,
so the old set is back, and the error names the real file. A build ended with Ctrl+C or SIGTERM
while writing is undone the same way, so the folder never shows the folders or files of a set
it did not finish (a batch's SIGTERM test found empty new subfolders). A process that dies
(killed, power cut) leaves the journal: the next build, under the same lock and before anything else
(:func:`finish_interrupted`), completes a *bereit* journal – every step can be repeated, so it
also completes a half-completed completion – discards a *vorbereitet* one and cleans up, so no
hidden files stay behind. Its own check for edited Word files then compares files and a
manifest that belong together again, and reports only real edits.

Only the files the journal lists are touched. The folder also holds what is not the build's to
move: files people put there, edited drafts moved aside, the files of products a `--nur` build
does not make, and the lock file. That is why the set is not written into a fresh folder and
swapped in: the swap would have to carry all of those along, Windows cannot rename a folder
while a file in it is open, and no system but Linux and macOS (each with its own call) can
exchange two folders in one step. Renaming one file over another in the same folder is one
step on Linux, macOS and Windows alike; staging inside each file's own folder keeps every
rename on one drive, even where a subfolder links to another one. The staging folders only
ever hold the build's own files – new ones, and old ones no one has edited – so removing them
never loses anyone's work.

Small sets that are no build's (`schema`, the review list) use :func:`write_atomically`; a new
municipality's folder (`init`) is created whole from a staging folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import astuple, dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline.errors import BuildLocked, WriteFailure, os_reason
from pipeline.unchanged import STAGING

if sys.platform == "win32":  # Windows has no flock; it locks a byte range instead
    import msvcrt
else:
    import fcntl

LOCK_NAME = ".gesamtkonzept.lock"
#: The staging folder inside every folder a build writes into (STAGING); the output folder's
#: own one holds the journal.
JOURNAL = "journal.json"
PREPARED, READY, DONE = "vorbereitet", "bereit", "fertig"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_hash(path: Path) -> str | None:
    """The hash of a regular file's bytes; None if there is none (missing, or a folder)."""
    return sha256(path.read_bytes()) if path.is_file() else None


@dataclass(frozen=True)
class Change:
    """One file of a build's set, by its path in the output folder ('vorlagen/X.pdf'): new bytes
    for it, or – `data` None – its removal.

    `recorded` is the hash the last build recorded for the file. A removal only takes a file
    that still has it. A protected file (every file of a build but its manifest: people edit Word
    files in place, annotate PDFs, add notes to the workbook) that has neither that hash nor the
    new one is moved aside, never replaced.
    """

    path: str
    data: bytes | None
    recorded: str | None = None
    protect: bool = False


@dataclass(frozen=True)
class KeptCopy:
    """A Word file edited in the output folder, moved aside before the new one took its place."""

    original: Path
    kept: Path


@dataclass(frozen=True)
class Committed:
    """What a commit did: files written, edited files kept, outdated files removed – and, for an
    interrupted build completed later, when that build had started."""

    written: list[Path]
    kept: list[KeptCopy]
    removed: list[Path]
    started: dt.datetime | None = None
    #: Outdated files not removed because someone changed them since the build that made them.
    left: list[Path] = field(default_factory=list)


def aside_name(path: Path, word: str = "bearbeitet") -> Path:
    """'X.docx' → 'X.bearbeitet-2026-11-23_1930.docx', from when the file was last changed."""
    changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
    candidate = path.with_name(f"{path.stem}.{word}-{changed:%Y-%m-%d_%H%M}{path.suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.{word}-{changed:%Y-%m-%d_%H%M}-{number}{path.suffix}")
        number += 1
    return candidate


def keep_earlier_list(path: Path, data: bytes | None) -> Path | None:
    """A review list written before that the new one would replace, renamed to 'X.bisher-….docx'
    (from when it was last changed) and that name; None where there is none or it holds these
    very bytes. People mark the points they have worked through in the Word list, and running
    review again overwrote those marks (review of the drafts)."""
    if data is None or not path.is_file() or path.read_bytes() == data:
        return None
    candidate = aside_name(path, "bisher")
    try:
        path.rename(candidate)
    except OSError as error:
        raise WriteFailure(f"{path} ließ sich nicht umbenennen: {os_reason(error, writing=True)}") from error
    return candidate


# --- the journal ------------------------------------------------------------------------------


def _folder(path: str) -> str:
    """'vorlagen/anlagen/x.pdf' → 'vorlagen/anlagen'; a file at the top → ''."""
    parent = PurePosixPath(path).parent.as_posix()
    return "" if parent == "." else parent


@dataclass(frozen=True)
class _Entry:
    """One change as the journal keeps it; `new` is the hash of the new bytes (None: remove the
    file), `aside` where an edited Word file goes, planned before anything moved."""

    number: int
    path: str
    new: str | None
    recorded: str | None
    protect: bool
    aside: str | None

    #: The journal's keys (German, like the manifest's) for the fields, in order.
    KEYS = ("nr", "pfad", "sha256", "bisher", "schuetzen", "beiseite")

    def as_json(self) -> dict[str, Any]:
        return dict(zip(self.KEYS, astuple(self), strict=True))

    @classmethod
    def from_json(cls, record: dict[str, Any]) -> _Entry:
        return cls(*(record[key] for key in cls.KEYS))

    def staging(self, output: Path) -> Path:
        return output / _folder(self.path) / STAGING

    def target(self, output: Path) -> Path:
        return output / self.path

    def staged(self, output: Path) -> Path:
        return self.staging(output) / f"{self.number}.neu"

    def backup(self, output: Path) -> Path:
        return self.staging(output) / f"{self.number}.alt"


@dataclass
class _Journal:
    """The plan of one build's commit and how far it got (`stand`); paths relative to `output`."""

    output: Path
    entries: list[_Entry]
    created: list[str] = field(default_factory=list)
    started: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))
    state: str = PREPARED

    @property
    def path(self) -> Path:
        return self.output / STAGING / JOURNAL

    @property
    def staging_folders(self) -> list[Path]:
        """Every staging folder the commit uses, the output folder's own one (with the journal)
        last."""
        folders = dict.fromkeys(e.staging(self.output) for e in self.entries if _folder(e.path))
        return [*folders, self.output / STAGING]

    def save(self, state: str) -> None:
        record = {
            "stand": state,
            "begonnen": self.started.isoformat(),
            "angelegt": self.created,
            "dateien": [entry.as_json() for entry in self.entries],
        }
        _write_synced(
            self.path.with_name(JOURNAL + ".neu"), json.dumps(record, ensure_ascii=False, indent=1).encode()
        )
        os.replace(self.path.with_name(JOURNAL + ".neu"), self.path)
        _sync_folder(self.path.parent)
        self.state = state

    @classmethod
    def load(cls, output: Path) -> _Journal | None:
        """The journal an interrupted build left, or None if there is none (or none whole)."""
        try:
            record: dict[str, Any] = json.loads((output / STAGING / JOURNAL).read_text(encoding="utf-8"))
            return cls(
                output,
                [_Entry.from_json(entry) for entry in record["dateien"]],
                list(record["angelegt"]),
                dt.datetime.fromisoformat(record["begonnen"]),
                record["stand"],
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None


def _write_synced(path: Path, data: bytes) -> None:
    """Write a file and wait until it is on the disk; readable by everyone, like all outputs."""
    with open(path, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())
    os.chmod(path, 0o644)


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut, where the system allows it (not Windows)."""
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        with suppress(OSError):  # some file systems cannot sync a folder; the rename has happened
            os.fsync(fd)
    finally:
        os.close(fd)


class _Renames:
    """Renames done so far, to reverse them if a later one fails."""

    def __init__(self) -> None:
        self.done: list[tuple[Path, Path]] = []

    def __call__(self, source: Path, target: Path) -> None:
        os.replace(source, target)
        self.done.append((source, target))

    def undo(self) -> None:
        while self.done:
            source, target = self.done[-1]
            os.replace(target, source)
            self.done.pop()


@dataclass
class _Applied:
    kept: list[KeptCopy] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    left: list[Path] = field(default_factory=list)


def _apply(entry: _Entry, output: Path, rename: _Renames, applied: _Applied) -> None:
    """Step 4 for one file. Repeatable: what is already done is left as it is."""
    target = entry.target(output)
    if entry.new is None:
        current = _file_hash(target)
        if entry.recorded is not None and current == entry.recorded and not entry.backup(output).exists():
            rename(target, entry.backup(output))
            applied.removed.append(target)
        elif current is not None and current != entry.recorded:
            applied.left.append(target)  # someone's edits: never removed, but said (fuzz review)
        return
    staged = entry.staged(output)
    if not staged.exists():
        return  # already in place
    if target.is_file():
        if entry.protect and _file_hash(target) not in (entry.recorded, entry.new):
            planned = output / entry.aside if entry.aside else None
            aside = planned if planned and not planned.exists() else aside_name(target)
            rename(target, aside)
            applied.kept.append(KeptCopy(target, aside))
        else:
            rename(target, entry.backup(output))
    rename(staged, target)


def _remove_staging(journal: _Journal, *, created: bool) -> None:
    """Step 5, or discarding a commit: remove the staging folders (and, if `created`, the
    folders the commit created, where empty); the journal goes last, only once the others
    are gone, so a later build still finds what is left."""
    for folder in journal.staging_folders[:-1]:
        shutil.rmtree(folder, ignore_errors=True)
    if created:
        for name in reversed(journal.created):
            with suppress(OSError):  # not empty: someone put something there
                (journal.output / name).rmdir()
    if any(folder.exists() for folder in journal.staging_folders[:-1]):
        return
    journal.path.unlink(missing_ok=True)
    shutil.rmtree(journal.output / STAGING, ignore_errors=True)


def _missing_folders(output: Path, paths: Iterable[str]) -> list[str]:
    """The folders below `output` that files at `paths` need and that do not exist yet,
    parents first."""
    missing: dict[str, None] = {}
    for path in paths:
        parents = PurePosixPath(path).parents
        for parent in reversed([p.as_posix() for p in parents if p.as_posix() != "."]):
            if not (output / parent).is_dir():
                missing[parent] = None
    return list(missing)


#: How a build is ended from outside while the process lives on to clean up: Ctrl+C, and SIGTERM
#: (a single build turns it into KeyboardInterrupt, a batch's process into SystemExit).
ENDED = (KeyboardInterrupt, SystemExit)


def commit(output: Path, changes: list[Change]) -> Committed:
    """Write `changes` into `output` as one step, in their order (the manifest last), as the
    module docstring describes. The caller holds the folder's lock and has called
    :func:`finish_interrupted`.

    Raises WriteFailure naming the file that could not be written; the old set is then intact.
    """
    entries = []
    for number, change in enumerate(changes, 1):
        target = output / change.path
        current = _file_hash(target) if change.protect else None
        new = sha256(change.data) if change.data is not None else None
        edited = current is not None and current not in (change.recorded, new)
        aside = aside_name(target).relative_to(output).as_posix() if edited else None
        entries.append(_Entry(number, change.path, new, change.recorded, change.protect, aside))
    journal = _Journal(output, entries, _missing_folders(output, (c.path for c in changes)))
    data = {c.path: c.data for c in changes}

    folders = [*(output / name for name in journal.created), *journal.staging_folders]
    failing = output  # what an error is about: a folder, or the real file (never a staged one)
    try:  # 1–3: nothing visible changes
        journal.path.parent.mkdir(exist_ok=True)
        journal.save(PREPARED)
        for failing in folders:
            failing.mkdir(exist_ok=True)
        for entry in entries:
            failing = entry.target(output)
            if (content := data[entry.path]) is not None:
                _write_synced(entry.staged(output), content)
        failing = output
        journal.save(READY)
    except (OSError, *ENDED) as error:
        _remove_staging(journal, created=True)
        if not isinstance(error, OSError):
            raise
        folder = failing == output or failing in folders
        raise _failure(failing, error, output, unchanged=True, folder=folder) from error

    rename, applied = _Renames(), _Applied()
    try:  # 4
        for entry in entries:
            failing = entry.target(output)
            _apply(entry, output, rename, applied)
    except (OSError, *ENDED) as error:
        try:
            rename.undo()
        except OSError:
            if not isinstance(error, OSError):
                raise error from None  # the journal stays 'bereit': the next build completes the set
            raise _failure(failing, error, output, unchanged=False) from error
        _discard(journal)
        if not isinstance(error, OSError):
            raise
        raise _failure(failing, error, output, unchanged=True) from error
    _finish(journal)
    return Committed(
        [e.target(output) for e in entries if e.new is not None], applied.kept, applied.removed, left=applied.left
    )


def _discard(journal: _Journal) -> None:
    """After the renames were reversed: only new files are left in the staging folders."""
    try:
        journal.save(PREPARED)
    except OSError:
        return  # still 'bereit': the next build completes the commit instead
    _remove_staging(journal, created=True)


def _finish(journal: _Journal) -> None:
    """Step 5. The set is complete; a failure here only leaves work for the next build."""
    try:
        for folder in dict.fromkeys(e.target(journal.output).parent for e in journal.entries):
            _sync_folder(folder)  # the renames are on the disk before the journal says so
        journal.save(DONE)
    except OSError:
        return
    _remove_staging(journal, created=False)


def finish_interrupted(output: Path) -> Committed | None:
    """Complete or discard what an interrupted build left in `output`; call it under the folder's
    lock before writing. Returns what it completed, with the kept copies of edited Word files the
    interrupted build had moved aside (nobody has reported them yet), or None.

    Raises WriteFailure if a file cannot be renamed now (say, it is open in another program);
    the journal stays, and the next build tries again.
    """
    if not (output / STAGING).is_dir():
        return None
    journal = _Journal.load(output)
    if journal is None:  # interrupted before its first journal: nothing but the staging folder exists
        shutil.rmtree(output / STAGING, ignore_errors=True)
        return None
    if journal.state == PREPARED:
        _remove_staging(journal, created=True)
        return None
    completed = None
    if journal.state == READY:
        applied = _Applied()
        for entry in journal.entries:
            if entry.aside and (output / entry.aside).is_file():
                applied.kept.append(KeptCopy(entry.target(output), output / entry.aside))
        for entry in journal.entries:
            try:
                _apply(entry, output, _Renames(), applied)
            except OSError as error:
                raise WriteFailure(
                    f"Ein unterbrochener Build in {output} (begonnen {_when(journal.started)}) ließ "
                    f"sich nicht abschließen: {entry.target(output)} konnte nicht geschrieben werden: "
                    f"{os_reason(error, writing=True)} Der nächste Build versucht es erneut."
                ) from error
        written = [e.target(output) for e in journal.entries if e.new is not None]
        completed = Committed(written, applied.kept, applied.removed, journal.started)
    _finish(journal)
    return completed


def _when(moment: dt.datetime) -> str:
    return f"{moment:%d.%m.%Y, %H:%M:%S} Uhr"


def _failure(
    failing: Path, error: OSError, output: Path, *, unchanged: bool, folder: bool = False
) -> WriteFailure:
    """The error of a commit, naming the real file or folder (never a staged one) and what state
    it left."""
    if failing.name == STAGING:
        failing = failing.parent
    what = f"In den Ordner {failing} kann nicht" if folder else f"{failing} konnte nicht"
    if unchanged:
        outcome = f"Die bisherigen Dateien in {output} sind unverändert."
    else:
        outcome = f"Der Ordner {output} ist unvollständig; der nächste Build schließt das Schreiben ab."
    return WriteFailure(f"{what} geschrieben werden: {os_reason(error, writing=True)} {outcome}")


# --- hidden files earlier versions left -------------------------------------------------------


def remove_leftover_temps(output: Path, paths: Iterable[str]) -> list[Path]:
    """Remove the temporary files `.X.docx.abc123` that builds before the journal left beside
    their files `X.docx` when interrupted; only names of files a build writes are matched."""
    by_folder: dict[str, set[str]] = {}
    for path in paths:
        by_folder.setdefault(_folder(path), set()).add(PurePosixPath(path).name)
    removed = []
    for folder, names in by_folder.items():
        alternatives = "|".join(map(re.escape, sorted(names)))
        pattern = re.compile(rf"\.(?:{alternatives})\.[a-z0-9_]{{8}}")
        if not (output / folder).is_dir():
            continue
        for candidate in (output / folder).glob(".*"):
            if pattern.fullmatch(candidate.name) and candidate.is_file():
                candidate.unlink(missing_ok=True)
                removed.append(candidate)
    return removed


# --- small sets, and the lock -----------------------------------------------------------------


def write_atomically(outputs: dict[Path, bytes]) -> list[Path]:
    """Write every file to a temporary name beside it first, then rename them all into place.

    For small sets that are no build's (the JSON schemas, a review list, a migrated folder). A
    failure leaves every earlier file exactly as it was – also one in the renames: those done are
    reversed from copies kept beside (fuzz review: a file migrate could not replace left the folder
    half converted) –; no temporary file stays, and the error names the real file.
    """
    staged: list[tuple[Path, Path]] = []
    copies: list[Path] = []
    replaced: list[tuple[Path | None, Path]] = []  # (the earlier file's copy, None if it was new; target)
    try:
        for target, data in outputs.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
            staged.append((Path(temp_name), target))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temp_name, 0o644)
        for temp, target in staged:
            copy = None
            if target.is_file():
                handle, copy_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.alt.")
                os.close(handle)
                copy = Path(copy_name)
                copies.append(copy)
                shutil.copy2(target, copy)
            os.replace(temp, target)
            replaced.append((copy, target))
    except OSError as error:
        kept = _put_back(replaced)
        copies = [copy for copy in copies if copy not in kept.values()]
        message = f"{target} konnte nicht geschrieben werden: {os_reason(error, writing=True)}"
        if kept:  # an earlier file that could not be put back: its copy stays, and the message names it
            named = "; ".join(
                f"{path} (die frühere Fassung liegt als {copy.name} daneben)" for path, copy in kept.items()
            )
            message += f" Nicht zurückgestellt: {named}."
        failure = WriteFailure(message)
        failure.restored = not kept
        raise failure from error
    finally:
        for leftover in (*(temp for temp, _ in staged), *copies):
            leftover.unlink(missing_ok=True)
    return [target for _, target in staged]


def _put_back(replaced: list[tuple[Path | None, Path]]) -> dict[Path, Path]:
    """Undo the renames of :func:`write_atomically`: each earlier file from its copy, a new one
    removed. Returns the targets it could not put back, with the copy of their earlier file, renamed
    so it is not taken for a temporary file (diff review: the copy was removed with the others)."""
    kept: dict[Path, Path] = {}
    for copy, target in reversed(replaced):
        try:
            if copy is None:
                target.unlink()
            else:
                os.replace(copy, target)
        except OSError:
            if copy is not None:
                aside = aside_name(copy.with_name(target.name), "bisher")
                with suppress(OSError):
                    copy = copy.rename(aside)
                kept[target] = copy
    return kept


def write_new_folder(folder: Path, files: dict[str, bytes]) -> None:
    """Create `folder` with `files` (names relative to it) all at once: they are written into a
    hidden folder beside it, which is then renamed; on any failure nothing is left behind. An
    empty folder that is already there (perhaps the current one) is filled as atomically as
    :func:`write_atomically` writes."""
    if folder.is_dir():
        write_atomically({folder / name: data for name, data in files.items()})
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(staging, 0o755)
        os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _try_lock(fd: int) -> bool:
    """An exclusive lock on the open file without waiting; False if someone else holds it."""
    try:
        if sys.platform == "win32":
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Let only one build at a time write into `folder`; a second one stops at once.

    The operating system drops the lock when its process ends, however it ends, so a lock
    file left behind by a crashed run never blocks. The file's time says since when it is held.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            since = _when(dt.datetime.fromtimestamp(os.fstat(fd).st_mtime))
            raise BuildLocked(
                f"Im Ordner {folder} läuft bereits ein Build (seit {since}). Bitte warten, bis er "
                "fertig ist, und dann erneut starten – oder einen anderen Zielordner wählen."
            )
        os.utime(path)
        yield
    finally:
        os.close(fd)
