"""Stage 1: read a municipality's folder of YAML files into plain data with source positions.

Every value keeps the line and column it came from, so later stages can point users at the exact
spot (``massnahmen.yaml:48:7``). Only plain YAML is accepted: PyYAML's safe loader, no tags
beyond the standard ones, and duplicate keys are reported instead of silently overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import Problem

Path_ = tuple[str | int, ...]

#: The input files of a municipality, in the order they are read and documented.
INPUT_FILES: tuple[str, ...] = (
    "kommune.yaml",
    "zielgruppen.yaml",
    "ziele.yaml",
    "massnahmen.yaml",
    "akteure.yaml",
    "netzwerk.yaml",
    "ressourcen.yaml",
    "gremien.yaml",
)

#: Optional single files: read when present, never missed when absent.
OPTIONAL_FILES: tuple[str, ...] = ("qualitaet.yaml",)

#: Optional folders with any number of files of one kind: one council paper per file.
PAPER_FOLDER = "vorlagen"
OPTIONAL_FOLDERS: tuple[str, ...] = (PAPER_FOLDER,)

MAX_FILE_BYTES = 2 * 1024 * 1024


@dataclass
class SourceFile:
    """One parsed YAML file: its data and where each value and key stands in the text."""

    name: str
    data: Any
    value_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column for a path, falling back to the nearest enclosing value."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        probe = tuple(path)
        while probe:
            if probe in self.value_positions:
                return self.value_positions[probe]
            probe = probe[:-1]
        return self.value_positions.get((), (1, 1))


@dataclass
class LoadedInputs:
    """All files of one municipality, keyed by file name."""

    folder: Path
    files: dict[str, SourceFile]


def _position(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class AliasFound(Exception):
    """YAML anchors and aliases (&name, *name) are refused: they can loop or explode."""

    def __init__(self, node: yaml.Node):
        self.node = node


def _index_positions(
    node: yaml.Node, path: Path_, source: SourceFile, problems: list[Problem],
    visited: set[int] | None = None,
) -> None:
    """Walk the node tree once, recording positions and flagging duplicate keys."""
    visited = set() if visited is None else visited
    if id(node) in visited:
        raise AliasFound(node)
    visited.add(id(node))
    source.value_positions[path] = _position(node)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            line, column = _position(key_node)
            if key in seen:
                problems.append(
                    Problem(source.name, line, column,
                            f"Das Feld '{key}' steht doppelt in diesem Abschnitt "
                            f"(zuerst in Zeile {seen[key]}). Bitte nur einmal angeben.")
                )
            seen.setdefault(key, line)
            source.key_positions[path + (key,)] = (line, column)
            _index_positions(value_node, path + (key,), source, problems, visited)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_positions(item, path + (index,), source, problems, visited)


def _impossible_date(loader: yaml.SafeLoader, node: yaml.Node) -> yaml.Node | None:
    """The first scalar that YAML reads as a date but that is no real date."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":timestamp"):
            try:
                loader.construct_yaml_timestamp(node)
            except ValueError:
                return node
        return None
    children = node.value if isinstance(node, yaml.SequenceNode) else [
        child for pair in node.value for child in pair]
    for child in children:
        found = _impossible_date(loader, child)
        if found is not None:
            return found
    return None


def _yaml_problem(name: str, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    reason = getattr(error, "problem", None) or str(error)
    if "found character '\\t'" in str(error):
        reason = "Tabulatorzeichen sind in YAML nicht erlaubt; bitte mit Leerzeichen einrücken"
    elif "could not determine a constructor" in str(error):
        reason = "Sonder-Tags (beginnend mit '!') sind nicht erlaubt; bitte nur einfache Werte angeben"
    return Problem(name, line, column, f"Die Datei ist kein gültiges YAML: {reason}.")


def parse_yaml(name: str, raw: bytes) -> tuple[SourceFile | None, list[Problem]]:
    """Parse one file's bytes; never raises for user mistakes, returns problems instead."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(name, 1, 1, f"Die Datei ist größer als {MAX_FILE_BYTES // 1024} KiB.")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [Problem(name, line, column,
                              "Die Datei ist nicht UTF-8-kodiert. Bitte im Editor als "
                              "'UTF-8' speichern.")]
    problems: list[Problem] = []
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, [Problem(name, 1, 1, "Die Datei ist leer.")]
            source = SourceFile(name, None)
            _index_positions(node, (), source, problems)
            try:
                source.data = loader.construct_document(node)
            except ValueError:  # e.g. 2026-02-30: looks like a date but does not exist
                bad = _impossible_date(loader, node)
                line, column = _position(bad) if bad else (1, 1)
                text = bad.value if bad else ""
                return None, [Problem(name, line, column,
                                      f"Das Datum '{text}' gibt es nicht. Bitte prüfen "
                                      "(Format JJJJ-MM-TT).")]
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        return None, [_yaml_problem(name, error)]
    except AliasFound as found:
        line, column = _position(found.node)
        return None, [Problem(name, line, column,
                              "Verweise mit '&' und '*' (YAML-Anker) sind nicht erlaubt; "
                              "bitte den Wert ausschreiben.")]
    return source, problems


def load_folder(folder: Path) -> tuple[LoadedInputs, list[Problem]]:
    """Read every expected input file of a municipality; missing files become problems."""
    problems: list[Problem] = []
    files: dict[str, SourceFile] = {}
    if not folder.is_dir():
        return LoadedInputs(folder, files), [
            Problem(str(folder), 1, 1, "Der Ordner der Kommune existiert nicht.")
        ]
    for name in INPUT_FILES:
        if not (folder / name).is_file():
            problems.append(Problem(name, 1, 1, f"Die Datei fehlt im Ordner {folder}."))
    names = [n for n in (*INPUT_FILES, *OPTIONAL_FILES) if (folder / n).is_file()] + [
        f"{sub}/{path.name}" for sub in OPTIONAL_FOLDERS
        for path in sorted((folder / sub).glob("*.yaml")) if path.is_file()
    ]
    for name in names:
        source, found = parse_yaml(name, (folder / name).read_bytes())
        problems.extend(found)
        if source is not None:
            files[name] = source
    return LoadedInputs(folder, files), problems
