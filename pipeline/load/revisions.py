"""Earlier Fassungen: an input folder as it was in a git revision.

Municipalities that keep their inputs in git can compare against any earlier state
(`v1.0:inputs/musterkreis`, `HEAD~3:inputs/musterkreis`) without checking it out: the files are
copied out of git into a temporary folder and loaded like any other.

What a repository holds is not trusted any more than the inputs themselves: the revision is
resolved to an object id first (a revision that starts with '-' never reaches git as an option),
file names are read NUL-separated (umlauts and spaces as they are), and a name that would lead
out of the temporary folder ('..', an absolute path) or a symbolic link is refused.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import RevisionNotFound

#: Modes of the tree entries that are files (plain and executable).
FILE_MODES = {"100644", "100755"}


def _git(root: Path, *args: str) -> bytes | None:
    """git's output, or None if git says no (its English reason is not for users)."""
    process = subprocess.run(["git", "-C", str(root), *args], capture_output=True)
    return process.stdout if process.returncode == 0 else None


@dataclass(frozen=True)
class Entry:
    """One file of a tree: its path inside the folder as parts, and its blob."""

    parts: tuple[str, ...]
    blob: str


def _entries(listing: bytes, spec: str) -> list[Entry]:
    """The files of `git ls-tree -r -z`: '<mode> <type> <object>\\t<path>\\0' each."""
    entries = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, raw_path = record.partition(b"\t")
        mode, kind, blob = meta.decode("ascii").split(" ")
        name = os.fsdecode(raw_path)
        parts = tuple(raw_path.split(b"/"))
        if raw_path.startswith(b"/") or any(part in (b"", b".", b"..") for part in parts):
            raise RevisionNotFound(
                f"In '{spec}' gibt es einen Dateinamen, der aus dem Ordner herausführt ('{name}'). "
                "So ein Eintrag entsteht nicht durch gewöhnliches Arbeiten mit git; die Fassung wird nicht gelesen."
            )
        if kind == "blob" and mode in FILE_MODES:
            entries.append(Entry(tuple(os.fsdecode(part) for part in parts), blob))
        elif kind == "blob":
            raise RevisionNotFound(
                f"'{name}' ist in '{spec}' ein symbolischer Verweis; Fassungen aus git werden nur mit "
                "gewöhnlichen Dateien gelesen."
            )
        # submodules (kind 'commit') hold no input files
    return entries


def _write(root: Path, entry: Entry, target: Path, spec: str) -> None:
    """Copy one blob out of git into the temporary folder, streamed, never outside it."""
    name = "/".join(entry.parts)
    path = target.joinpath(*entry.parts)
    if not path.resolve().is_relative_to(target.resolve()):  # e.g. 'C:' or '\\' on Windows
        raise RevisionNotFound(f"In '{spec}' führt der Dateiname '{name}' aus dem Ordner heraus.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as stream:  # never over a file written before (e.g. 'A' and 'a')
            process = subprocess.run(
                ["git", "-C", str(root), "cat-file", "blob", entry.blob], stdout=stream, stderr=subprocess.DEVNULL
            )
    except OSError:
        raise RevisionNotFound(
            f"Die Datei '{name}' aus '{spec}' lässt sich hier nicht anlegen (gibt es einen zweiten Eintrag "
            "desselben Namens, etwa in anderer Groß- und Kleinschreibung?)."
        ) from None
    if process.returncode != 0:
        raise RevisionNotFound(f"git konnte die Datei '{name}' aus '{spec}' nicht lesen.")


@contextmanager
def input_folder(spec: str) -> Iterator[Path]:
    """A folder path as it is, or 'REVISION:ORDNER' as a temporary copy from git."""
    if Path(spec).is_dir() or ":" not in spec:
        if not Path(spec).is_dir():
            raise RevisionNotFound(f"Der Ordner '{spec}' existiert nicht.")
        yield Path(spec)
        return
    revision, _, folder = spec.partition(":")
    if not revision or revision.startswith("-"):
        raise RevisionNotFound(
            f"'{revision}' ist keine Revision. Bitte z. B. 'HEAD~1:{folder}' oder 'v1.0:{folder}' angeben."
        )
    try:
        top = _git(Path.cwd(), "rev-parse", "--show-toplevel")
    except FileNotFoundError:
        top = None
    if top is None:
        raise RevisionNotFound(f"'{spec}' sieht aus wie REVISION:ORDNER, aber hier ist kein git-Repository.")
    root = Path(os.fsdecode(top.rstrip(b"\n")))
    try:
        relative = Path(folder).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise RevisionNotFound(f"Der Ordner '{folder}' liegt nicht im git-Repository {root}.") from None
    tree = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{tree}}")
    if tree is None:
        raise RevisionNotFound(f"Die Revision '{revision}' gibt es in diesem git-Repository nicht.")
    subtree = tree.decode("ascii").strip()
    if relative != ".":
        found = _git(root, "rev-parse", "--verify", "--quiet", f"{subtree}:{relative}")
        kind = _git(root, "cat-file", "-t", found.decode("ascii").strip()) if found else None
        if found is None or kind is None or kind.strip() != b"tree":
            raise RevisionNotFound(f"In der Revision '{revision}' gibt es den Ordner '{folder}' nicht.")
        subtree = found.decode("ascii").strip()
    listing = _git(root, "ls-tree", "-r", "-z", subtree)
    entries = _entries(listing or b"", spec)
    if not entries:
        raise RevisionNotFound(f"In der Revision '{revision}' ist der Ordner '{folder}' leer.")
    with tempfile.TemporaryDirectory(prefix="gesamtkonzept-fassung-") as temp:
        target = Path(temp) / (Path(relative).name or "fassung")
        target.mkdir()
        for entry in entries:
            _write(root, entry, target, spec)
        yield target
