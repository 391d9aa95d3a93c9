"""Validation: every problem located as datei.yaml:ZEILE:SPALTE, in German, nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main

from .conftest import ROOT


def _validate(folder: Path):
    return CliRunner().invoke(main, ["validate", str(folder)])


def _position_of(path: Path, needle: str, *, value: bool = True) -> tuple[int, int]:
    """Line and column (1-based) of the first occurrence of `needle` in the file text,
    pointing at the value after 'key: ' when value is True."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            column = line.index(needle) + 1
            if value and ": " in needle:
                column += needle.index(": ") + 2
            return number, column
    raise AssertionError(f"{needle!r} not in {path}")


def _replace_first(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_example_is_valid():
    result = _validate(ROOT / "inputs" / "musterkreis")
    assert result.exit_code == 0, result.output
    assert "gültig" in result.output


@pytest.mark.parametrize(
    ("file", "old", "new", "field", "fragment"),
    [
        ("massnahmen.yaml", "federfuehrung: familienbildung\n", "federfuehrung: familienbildungg\n",
         "massnahmen[0].federfuehrung",
         "Akteur 'familienbildungg' gibt es nicht in akteure.yaml. Meinten Sie 'familienbildung'?"),
        ("kommune.yaml", "einwohner: 131000", "einwohner: viele", "kommune.einwohner",
         "Hier wird eine ganze Zahl erwartet"),
        ("kommune.yaml", "stand: 2026-10-15", "stand: 15.10.2026", "konzept.stand",
         "Datum im Format JJJJ-MM-TT"),
        ("massnahmen.yaml", "status: laufend", "status: läuft", "massnahmen[0].status",
         "Erlaubt sind: 'geplant', 'laufend' oder 'abgeschlossen'"),
    ],
)
def test_value_problems_point_at_the_value(example_copy, file, old, new, field, fragment):
    path = example_copy / file
    _replace_first(path, old, new)
    line, column = _position_of(path, new.strip())
    result = _validate(example_copy)
    assert result.exit_code == 1
    assert f"{file}:{line}:{column}: {field}: " in result.output
    assert fragment in result.output
    assert "Traceback" not in result.output


def test_unknown_key_gets_a_suggestion_and_missing_field_is_named(example_copy):
    path = example_copy / "akteure.yaml"
    _replace_first(path, "    sektor:", "    sektr:")
    line, column = _position_of(path, "sektr:", value=False)
    result = _validate(example_copy)
    assert result.exit_code == 1
    assert (f"akteure.yaml:{line}:{column}: akteure[0].sektr: 'sektr' ist hier kein bekanntes "
            "Feld. Meinten Sie 'sektor'?") in result.output
    assert "akteure[0].sektor: Pflichtfeld 'sektor' fehlt (Sektor)." in result.output


def test_duplicate_ids_and_keys_are_reported(example_copy, raw_inputs):
    groups = raw_inputs["zielgruppen.yaml"]["zielgruppen"]
    first, second = groups[0]["id"], groups[1]["id"]
    path = example_copy / "zielgruppen.yaml"
    _replace_first(path, f"id: {second}\n", f"id: {first}\n")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("zielgruppen:\n", "zielgruppen:\nzielgruppen:\n", 1),
                    encoding="utf-8")
    result = _validate(example_copy)
    assert result.exit_code == 1
    assert f"Die Kennung '{first}' ist bereits vergeben" in result.output
    assert "Das Feld 'zielgruppen' steht doppelt" in result.output


def test_missing_file_and_broken_yaml(example_copy):
    (example_copy / "gremien.yaml").unlink()
    (example_copy / "ziele.yaml").write_text("ziele:\n\t- id: x\n", encoding="utf-8")
    result = _validate(example_copy)
    assert result.exit_code == 1
    assert "gremien.yaml:1:1: Die Datei fehlt" in result.output
    assert "ziele.yaml:2:1: Die Datei ist kein gültiges YAML: Tabulatorzeichen" in result.output


def test_python_tags_are_refused_not_executed(example_copy):
    (example_copy / "ziele.yaml").write_text(
        "ziele: !!python/object/apply:os.system ['echo gehackt']\n", encoding="utf-8")
    result = _validate(example_copy)
    assert result.exit_code == 1
    assert "ziele.yaml:1:8: Die Datei ist kein gültiges YAML: Sonder-Tags" in result.output


def test_all_problems_at_once_sorted_by_file_and_line(example_copy):
    _replace_first(example_copy / "massnahmen.yaml", "status: laufend", "status: x")
    _replace_first(example_copy / "akteure.yaml", "    sektor:", "    sektr:")
    _replace_first(example_copy / "kommune.yaml", "einwohner: 131000", "einwohner: -5")
    result = _validate(example_copy)
    lines = [line for line in result.output.splitlines() if ".yaml:" in line]
    files = [line.split(":")[0] for line in lines]
    assert files == sorted(files)
    assert {"akteure.yaml", "kommune.yaml", "massnahmen.yaml"} <= set(files)
    assert "Probleme gefunden. Es wurde nichts geschrieben." in result.output


def test_invalid_build_writes_nothing_and_shows_no_traceback(example_copy, tmp_path):
    _replace_first(example_copy / "massnahmen.yaml", "status: laufend", "status: x")
    out = tmp_path / "out"
    process = subprocess.run(
        [sys.executable, "-m", "pipeline", "build", str(example_copy), "-o", str(out)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert process.returncode == 1
    assert "Traceback" not in process.stderr
    assert "massnahmen.yaml:" in process.stderr
    assert not out.exists()


def test_usage_error_exits_with_2():
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2


def test_unwritable_output_is_a_clear_error(tmp_path):
    blocker = tmp_path / "datei"
    blocker.write_text("kein Ordner")
    result = CliRunner().invoke(
        main, ["build", str(ROOT / "inputs" / "musterkreis"), "-o", str(blocker / "aus")])
    assert result.exit_code == 1
    assert "Fehler beim Lesen oder Schreiben" in result.output
    assert "kein Ordner" in result.output
    assert blocker.read_text() == "kein Ordner"


def test_leitbild_needs_text_or_national_reference(example_copy):
    from .conftest import edit_yaml

    def strip(data):
        data["leitbild"] = {"bezug_nzfh": False}

    edit_yaml(example_copy, "kommune.yaml", strip)
    line, _ = _position_of(example_copy / "kommune.yaml", "bezug_nzfh: false", value=False)
    result = _validate(example_copy)
    assert result.exit_code == 1
    assert f"kommune.yaml:{line}:" in result.output
    assert "leitbild: Bitte 'bezug_nzfh: true' setzen oder einen eigenen Leitbild-Text angeben." \
        in result.output


def test_non_utf8_file_names_the_position(example_copy):
    path = example_copy / "zielgruppen.yaml"
    path.write_bytes("zielgruppen:\n  - id: a\n    name: Fr\u00fche Hilfen\n".encode("latin-1"))
    result = _validate(example_copy)
    assert result.exit_code == 1
    assert "zielgruppen.yaml:3:13: Die Datei ist nicht UTF-8-kodiert" in result.output


@pytest.mark.parametrize(
    ("file", "old", "new", "fragment"),
    [
        ("kommune.yaml", "stand: 2026-10-15", "stand: 2026-02-30",
         "Das Datum '2026-02-30' gibt es nicht."),
        ("kommune.yaml", "kurzname: Musterkreis", "kurzname: &x Musterkreis\n  k2: *x",
         "YAML-Anker"),
        ("kommune.yaml", "kurzname: Musterkreis", 'kurzname: "Muster\\x0bkreis"',
         "Stelle 7 ein unsichtbares Steuerzeichen"),
        ("kommune.yaml", "kinder_unter_3_sgb2: 380", "kinder_unter_3_sgb2: 5000",
         "'kinder_unter_3_sgb2' kann nicht größer sein als 'kinder_unter_3'."),
    ],
)
def test_hardened_inputs_fail_with_a_message(example_copy, file, old, new, fragment):
    _replace_first(example_copy / file, old, new)
    result = _validate(example_copy)
    assert result.exit_code == 1
    assert fragment in result.output
    assert "Traceback" not in result.output


def test_period_must_run_forward(example_copy, raw_inputs):
    def swap(data):
        data["massnahmen"][0]["zeitraum"] = {"von": "2027-01-01", "bis": "2026-01-01"}

    from .conftest import edit_yaml

    edit_yaml(example_copy, "massnahmen.yaml", swap)
    result = _validate(example_copy)
    assert "massnahmen[0].zeitraum: Das Ende ('bis') liegt vor dem Beginn ('von')." in result.output
