"""Stage 1, load: read a municipality's folder of YAML files into plain data with positions.

Entry point: :func:`load_folder`. Which files a folder holds is declared once, in
:data:`pipeline.model.inputs.INPUTS`; each is parsed by :mod:`.yaml_source` (strict YAML that
remembers the line and column of every value). Missing and unreadable files, links that lead out
of the folder and broken YAML become findings, never exceptions, so the validator can report
everything at once.
:mod:`.revisions` reads an earlier Fassung from git.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import os_reason
from pipeline.findings import EVERY, Finding, Place
from pipeline.load.yaml_source import MAX_FILE_BYTES, SourceFile, parse_yaml
from pipeline.model.inputs import (
    DELIBERATED_FOLDER,
    FILE_SIZE_FIELD,
    FOLDERS,
    MAX_FILE_SIZE_MIB,
    OPTIONAL_FILES,
    REQUIRED_FILES,
)
from pipeline.model.kinds import MUNICIPALITY_FILE

__all__ = ["LoadedInputs", "SourceFile", "inputs_hash", "load_folder", "load_texts"]


@dataclass
class LoadedInputs:
    """All files of one municipality, keyed by their name in the folder ('vorlagen/x.yaml')."""

    folder: Path
    files: dict[str, SourceFile]

    @property
    def paths(self) -> list[Path]:
        return [self.folder / name for name in self.files]

    def locate(self, place: Place) -> Place:
        """The place at the line of its key in the loaded file, so a reader finds it; a path
        through every entry of a list ('gremien[].berichte') points at the list, a place in a
        file not loaded (a pattern such as 'vorlagen/*.yaml') or not yet written stays as it is."""
        source = self.files.get(place.file)
        path = place.path[: place.path.index(EVERY)] if EVERY in place.path else place.path
        if source is None or not path or (path not in source.key_positions and path not in source.value_positions):
            return place
        line, column = source.locate(path, key=True)
        return dataclasses.replace(place, line=line, column=column)


def _problem(name: str, message: str) -> Finding:
    return Finding(Place(name, (), 1, 1), message)


def _folder_problem(folder: Path, message: str) -> Finding:
    """A problem of the folder itself: no line and column to name ('/pfad:1:1:' at a folder puzzled a
    tester)."""
    return Finding(Place(str(folder), (), 0, 0), message)


def _read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """At most one byte more than the limit, so a huge file is never read whole."""
    with path.open("rb") as stream:
        return stream.read(limit + 1)


def size_limit(municipality: SourceFile | None) -> int:
    """The size limit of the other input files in bytes: as kommune.yaml sets it
    ('pruefung: dateigroesse_mib') if that is a whole number in the allowed range, else the
    default (the model reports a wrong value with its line)."""
    value: object = municipality.data if municipality is not None else None
    for key in FILE_SIZE_FIELD:
        value = value.get(key) if isinstance(value, dict) else None
    if type(value) is int and 1 <= value <= MAX_FILE_SIZE_MIB:
        return value * 1024 * 1024
    return MAX_FILE_BYTES


def _yaml_files(folder: Path) -> list[Path]:
    """The YAML files of an optional folder ('.yaml' or '.yml', any case), without hidden files
    such as the '._x.yaml' that macOS leaves on network drives."""
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in (".yaml", ".yml")
    )


def _names(folder: Path) -> list[str]:
    """The input files present, in the order of the registry, then each folder's files."""
    singles = [n for n in (*REQUIRED_FILES, *OPTIONAL_FILES) if (folder / n).is_file()]
    subfolders = (*FOLDERS, DELIBERATED_FOLDER)
    return singles + [f"{sub}/{path.name}" for sub in subfolders for path in _yaml_files(folder / sub)]


def load_texts(folder: Path, texts: dict[str, bytes]) -> tuple[LoadedInputs, list[Finding]]:
    """Parse files given as bytes by name, as if they lay in `folder` (for tests and tools that
    hold inputs in memory); paths inside the inputs are still resolved against `folder`."""
    first = parse_yaml(MUNICIPALITY_FILE, texts[MUNICIPALITY_FILE]) if MUNICIPALITY_FILE in texts else None
    return _parsed(folder, texts, first)


def _parsed(
    folder: Path, texts: dict[str, bytes], first: tuple[SourceFile | None, list[Finding]] | None
) -> tuple[LoadedInputs, list[Finding]]:
    """Every file parsed, kommune.yaml (`first`, parsed already) setting the others' size limit."""
    limit = size_limit(first[0] if first else None)
    files: dict[str, SourceFile] = {}
    problems: list[Finding] = []
    for name, raw in texts.items():
        source, found = first if first and name == MUNICIPALITY_FILE else parse_yaml(name, raw, limit)
        problems.extend(found)
        if source is not None:
            files[name] = source
    return LoadedInputs(folder, files), problems


def _missing(folder: Path, name: str) -> str:
    """Why a required file is not read, with what lies there instead: a folder, a link that leads
    nowhere, or the file under another spelling ('Ziele.yaml', 'ziele.yml'; hostile-input sweep: all
    of them were only 'Die Datei fehlt')."""
    path = folder / name
    if path.is_dir():
        return f"Unter dem Namen {name} liegt im Ordner {folder} ein Ordner, keine Datei."
    if path.is_symlink():
        return f"{name} im Ordner {folder} ist ein Verweis, der zu keiner Datei führt."
    stem = name.removesuffix(".yaml").casefold()
    similar = sorted(
        p.name
        for p in folder.iterdir()
        if p.is_file()
        and p.name != name
        and p.stem.casefold() == stem
        and p.suffix.casefold() in (".yaml", ".yml")
    )
    if similar:
        return f"Die Datei fehlt im Ordner {folder}; dort liegt {similar[0]}. Bitte in {name} umbenennen."
    return f"Die Datei fehlt im Ordner {folder}."


def load_folder(folder: Path) -> tuple[LoadedInputs, list[Finding]]:
    """Read every expected input file of a municipality; missing files become problems."""
    if not folder.is_dir():
        return LoadedInputs(folder, {}), [_folder_problem(folder, "Der Ordner der Kommune existiert nicht.")]
    if not any((folder / name).is_file() for name in REQUIRED_FILES):  # e.g. inputs/schema
        return LoadedInputs(folder, {}), [
            _folder_problem(
                folder,
                "Hier liegt keine der Eingabedateien "
                f"({', '.join(REQUIRED_FILES)}). Ist das der Ordner einer "
                "Kommune, z. B. inputs/musterkreis?",
            )
        ]
    problems = [_problem(name, _missing(folder, name)) for name in REQUIRED_FILES if not (folder / name).is_file()]
    texts: dict[str, bytes] = {}
    root = folder.resolve()
    limit = MAX_FILE_BYTES
    first: tuple[SourceFile | None, list[Finding]] | None = None
    for name in _names(folder):
        real = (folder / name).resolve()
        if not real.is_relative_to(root):
            problems.append(
                _problem(
                    name,
                    f"Die Datei ist ein Verweis auf '{real}' außerhalb des Ordners der Kommune. "
                    "Bitte die Datei selbst in den Ordner legen (kopieren statt verlinken).",
                )
            )
            continue
        try:
            texts[name] = _read_bounded(folder / name, limit)
        except OSError as error:
            problems.append(_problem(name, f"Die Datei lässt sich nicht lesen: {os_reason(error)}"))
            continue
        if name == MUNICIPALITY_FILE:  # read first: it sets the limit of the others
            first = parse_yaml(name, texts[name])
            limit = size_limit(first[0])
    loaded, found = _parsed(folder, texts, first)
    return loaded, problems + found


def inputs_hash(folder: Path, paths: Iterable[Path]) -> str:
    """One hash over the files a build read (names relative to the folder, and contents), so a
    manifest tells whether a build came from the inputs at hand. Every file lies inside the
    folder: the loader refuses links leading out of it, and so do paths in the inputs."""
    root = folder.resolve()
    digest = hashlib.sha256()
    for path in sorted({p.resolve() for p in paths}):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).hexdigest().encode("ascii"))
    return digest.hexdigest()
