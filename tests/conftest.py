"""Shared fixtures, in tiers (see CONTRIBUTING.md):

- the example municipality held in memory (:class:`Inputs`): edit a file's text or data, validate,
  render – milliseconds, no folder, no CLI;
- the example's concept, validated once per session;
- one real build of the example (pandoc and typst run, nothing mocked), shared by every test
  that opens the Word and PDF files; tests that need it are marked ``slow``.
"""

from __future__ import annotations

import copy
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from pipeline import load, validate
from pipeline.build import build, check_folder
from pipeline.errors import InvalidInput
from pipeline.findings import Finding
from pipeline.load.yaml_source import SourceFile, parse_yaml

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "inputs" / "musterkreis"
CONCEPT = "Gesamtkonzept_Musterkreis_2.0"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--golden-neu",
        action="store_true",
        help="Die Golden-Dateien (tests/golden/) aus der aktuellen Ausgabe neu schreiben.",
    )


#: Fixtures that run pandoc and typst: a test using one is slow, whether it says so or not.
BUILDING_FIXTURES = {"built", "hostile", "draft_build"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if BUILDING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


# --- the example in memory --------------------------------------------------------------------


def example_texts() -> dict[str, bytes]:
    """The example's input files by name, as bytes."""
    names = [p.relative_to(EXAMPLE).as_posix() for p in sorted(EXAMPLE.rglob("*.yaml"))]
    return {name: (EXAMPLE / name).read_bytes() for name in names}


_PARSED: dict[tuple[str, bytes], tuple[SourceFile | None, list[Finding]]] = {}


def _parsed(name: str, raw: bytes) -> tuple[SourceFile | None, list[Finding]]:
    """parse_yaml, remembered: an unchanged file is parsed once per session (the loader never
    changes what it returns)."""
    key = (name, raw)
    if key not in _PARSED:
        _PARSED[key] = parse_yaml(name, raw)
    return _PARSED[key]


class Inputs:
    """A municipality's input files in memory, starting as the example: change a file's text or
    data, then validate as `gesamtkonzept validate` would (paths in the inputs, such as the logo,
    still resolve against the example's folder)."""

    def __init__(self, texts: dict[str, bytes], folder: Path = EXAMPLE) -> None:
        self.texts = dict(texts)
        self.folder = folder

    # changing files

    def text(self, name: str) -> str:
        return self.texts[name].decode("utf-8")

    def replace(self, name: str, old: str, new: str) -> Inputs:
        """Replace the first `old` in a file's text; it must be there."""
        text = self.text(name)
        assert old in text, f"{old!r} not in {name}"
        self.texts[name] = text.replace(old, new, 1).encode("utf-8")
        return self

    def write(self, name: str, text: str | bytes) -> Inputs:
        self.texts[name] = text.encode("utf-8") if isinstance(text, str) else text
        return self

    def remove(self, name: str) -> Inputs:
        del self.texts[name]
        return self

    def edit(self, name: str, change: Callable[[Any], Any]) -> Inputs:
        """Load a file's data, let `change` modify it, write it back as YAML."""
        data = yaml.safe_load(self.text(name))
        change(data)
        return self.write(name, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))

    def edit_paper(self, name: str, change: Callable[[Any], Any]) -> Inputs:
        """Edit the 'vorlage' section of vorlagen/<name>."""
        return self.edit(f"vorlagen/{name}", lambda data: change(data["vorlage"]))

    def position_of(self, name: str, needle: str, *, value: bool = True) -> tuple[int, int]:
        """Line and column (1-based) of the first `needle` in a file, pointing at the value after
        'key: ' when value is True."""
        for number, line in enumerate(self.text(name).splitlines(), start=1):
            if needle in line:
                column = line.index(needle) + 1
                if value and ": " in needle:
                    column += needle.index(": ") + 2
                return number, column
        raise AssertionError(f"{needle!r} not in {name}")

    # validating

    def loaded(self) -> tuple[load.LoadedInputs, list[Finding]]:
        files: dict[str, SourceFile] = {}
        problems: list[Finding] = []
        for name, raw in self.texts.items():
            source, found = _parsed(name, raw)
            problems += found
            if source is not None:
                files[name] = source
        return load.LoadedInputs(self.folder, files), problems

    def check(self, *, strict: bool = False) -> validate.Validated:
        """The validated concept and its warnings; raises InvalidInput like the CLI would."""
        loaded, problems = self.loaded()
        return validate.check(loaded, problems, strict=strict)

    def problems(self) -> list[str]:
        """Every error as the CLI prints it ('datei.yaml:ZEILE:SPALTE: feld: Meldung'); [] if
        the inputs are valid (warnings are not errors)."""
        try:
            self.check()
        except InvalidInput as error:
            return [str(p) for p in error.problems]
        return []

    def warnings(self) -> list[Finding]:
        return self.check().warnings

    def save(self, folder: Path) -> Path:
        """Write the files into a folder (with the example's other files, e.g. the logo)."""
        shutil.copytree(EXAMPLE, folder)
        for path in folder.rglob("*.yaml"):
            path.unlink()
        for name, raw in self.texts.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(raw)
        return folder


def fixture_inputs(name: str) -> Inputs:
    """A municipality of tests/fixtures (written by reviewers as new users: 'lindenbrueck' in NRW,
    'muldenaue' in Sachsen, 'altmuehlau' in Bayern, 'rheinfurt' in Rheinland-Pfalz, 'neckarbrunn'
    in Baden-Württemberg, 'havelland-sued' in Brandenburg, 'saale-boerdeland' in Sachsen-Anhalt,
    'warnemark' in Mecklenburg-Vorpommern, 'spreetal' a Berlin Bezirk, 'elbhoehe' a Hamburg Bezirk,
    'bliestal' in the Saarland, 'wesertal' a kreisfreie Stadt in Niedersachsen) in memory."""
    return folder_inputs(ROOT / "tests" / "fixtures" / name)


def folder_inputs(folder: Path) -> Inputs:
    """A municipality's folder (its YAML files) in memory, to edit without copying the folder."""
    texts = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}
    return Inputs(texts, folder)


@pytest.fixture(scope="session")
def _example_texts() -> dict[str, bytes]:
    return example_texts()


@pytest.fixture
def inputs(_example_texts: dict[str, bytes]) -> Inputs:
    """The example municipality in memory, for one test to change."""
    return Inputs(_example_texts)


@pytest.fixture(scope="session")
def concept():
    return check_folder(EXAMPLE).concept


@pytest.fixture(scope="session")
def raw_inputs() -> dict[str, dict]:
    """The example's YAML as plain data, read independently of the pipeline's loader."""
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in EXAMPLE.glob("*.yaml")}


# --- folders ----------------------------------------------------------------------------------


@pytest.fixture
def example_copy(tmp_path) -> Path:
    """A private copy of the example that a test may edit."""
    target = tmp_path / "kommune"
    shutil.copytree(EXAMPLE, target)
    return target


def edit_yaml(folder: Path, name: str, change) -> None:
    """Load a file of a copied example, let `change` modify the data, write it back."""
    path = folder / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --- the one real build -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The output folder of one full build of the example (concept, papers, quality dialogue)."""
    out = tmp_path_factory.mktemp("musterkreis")
    build(EXAMPLE, out)
    return out


@pytest.fixture(scope="session")
def concept_files(built) -> dict[str, Path]:
    """The Gesamtkonzept's files by suffix."""
    return {suffix: built / f"{CONCEPT}{suffix}" for suffix in (".docx", ".pdf")}


def three_times_the_measures(data: dict[str, Any]) -> None:
    """massnahmen.yaml with each measure twice more, under new ids and titles (63 measures in
    the example): a plan large enough to be split into parts."""
    originals = data["massnahmen"]
    data["massnahmen"] = originals + [
        {**copy.deepcopy(m), "id": f"{m['id']}-{k}", "titel": f"{m['titel']} {k}"}
        for k in (2, 3)
        for m in originals
    ]


def with_violence_advice(data: dict[str, Any]) -> None:
    """querschnitt.yaml with the BISS as a second insoweit erfahrene Fachkraft, limited to one
    occasion (under the Träger's own § 8a Abs. 4 agreements)."""
    data["kinderschutz"]["fachberatung"].append(
        {
            "akteur": "biss",
            "fuer": ["§ 8a SGB VIII"],
            "nur_bei": "Gefährdung im Zusammenhang mit häuslicher Gewalt",
            "kontakt": "Telefon 0123 4567-800",
        }
    )


def read_until(process: subprocess.Popen[str], beginning: str) -> None:
    """Read what a command prints on stderr up to its first line beginning with `beginning` (what
    comes before, such as warnings, is passed over): the moment a test signals it."""
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith(beginning):
            return
    raise AssertionError(f"Keine Zeile beginnt mit {beginning!r}.")
