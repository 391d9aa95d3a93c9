"""`gesamtkonzept migrate`: a folder written for format 1 becomes a valid format-2 folder that
keeps every euro, every comment and the original files.

The old files (tests/fixtures/format1) are the example as it was before format 2; the sums are
recomputed here from them with plain YAML, independently of the migration."""

from __future__ import annotations

import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from pipeline.build import build, check_folder
from pipeline.cli import main

from .conftest import ROOT

OLD = ROOT / "tests" / "fixtures" / "format1" / "musterkreis"


@pytest.fixture
def old_copy(tmp_path) -> Path:
    folder = tmp_path / "musterkreis"
    shutil.copytree(OLD, folder)
    return folder


def _migrate(folder: Path):
    return CliRunner().invoke(main, ["migrate", str(folder)])


def _raw(folder: Path, name: str) -> dict:
    return yaml.safe_load((folder / name).read_text(encoding="utf-8"))


def _per_year(lines) -> Counter:
    sums: Counter = Counter()
    for line in lines:
        sums[line["jahr"]] += Decimal(str(line["betrag"]))
    return sums


def test_old_folder_is_refused_with_the_way_out(old_copy):
    result = CliRunner().invoke(main, ["validate", str(old_copy)])
    assert result.exit_code == 1
    assert "gesamtkonzept migrate" in result.output and "Traceback" not in result.output


def test_migrated_folder_validates_and_keeps_every_euro(old_copy):
    result = _migrate(old_copy)
    assert result.exit_code == 0, result.output
    assert "Von Format 1 auf Format 2" in result.output
    checked = check_folder(old_copy)  # raises on any error
    old_measures = _raw(OLD, "massnahmen.yaml")["massnahmen"]
    old_funding = _raw(OLD, "ressourcen.yaml")["finanzierung"]
    costs = [c for m in old_measures for c in m.get("kosten", [])]
    budget = checked.concept.budget
    assert {y: budget.expense_total(y) for y in budget.years} == dict(_per_year(costs))
    external = [x for x in old_funding if x["quelle"] != "Kommune"]
    assert {y: budget.income_total(y) for y in budget.years} == dict(_per_year(external))
    assert _raw(old_copy, "kommune.yaml")["format"] == 2
    # the coordination's own costs were not itemised in format 1: migrate says so, validate warns
    assert any("fuer: netzwerkkoordination" in str(w) for w in checked.warnings)
    assert "fuer: netzwerkkoordination" in result.output


def test_every_funding_line_of_the_foundation_names_its_area(old_copy):
    assert _migrate(old_copy).exit_code == 0
    income = _raw(old_copy, "ressourcen.yaml")["ertraege"]
    foundation = [x for x in income if x["quelle"] == "Bundesstiftung Frühe Hilfen"]
    assert foundation and all(x["foerderbereich"] in {"I", "II", "III"} for x in foundation)


def test_measures_are_led_by_institutions_and_the_old_lead_takes_part(old_copy):
    old_measures = {m["id"]: m for m in _raw(OLD, "massnahmen.yaml")["massnahmen"]}
    forms = {a["id"]: a["organisationsform"] for a in _raw(OLD, "akteure.yaml")["akteure"]}
    result = _migrate(old_copy)
    moved = [m for m in old_measures.values() if forms[m["federfuehrung"]] != "Institution"]
    assert moved
    for measure in _raw(old_copy, "massnahmen.yaml")["massnahmen"]:
        assert forms[measure["federfuehrung"]] == "Institution"
        before = old_measures[measure["id"]]["federfuehrung"]
        if before != measure["federfuehrung"]:
            assert before in measure["beteiligte"]
            assert f"'{measure['id']}' wurde von '{before}'" in result.output


def test_comments_stay_and_the_originals_are_kept(old_copy):
    originals = {p.name: p.read_bytes() for p in OLD.glob("*.yaml")}
    result = _migrate(old_copy)
    assert result.exit_code == 0
    backup = old_copy / "sicherung-format-1"
    for name, content in originals.items():
        if name in {"akteure.yaml", "kommune.yaml", "massnahmen.yaml", "ressourcen.yaml"}:
            assert (backup / name).read_bytes() == content
            assert f"umgeschrieben: {old_copy / name}" in result.output
        else:  # untouched files are neither rewritten nor copied
            assert (old_copy / name).read_bytes() == content and not (backup / name).exists()
    comments = [
        line.strip()
        for line in originals["ressourcen.yaml"].decode("utf-8").splitlines()
        if line.strip().startswith("# ")
    ]
    migrated = (old_copy / "ressourcen.yaml").read_text(encoding="utf-8")
    assert comments and all(c in migrated for c in comments)


def test_a_second_run_changes_nothing(old_copy):
    assert _migrate(old_copy).exit_code == 0
    before = {p: p.read_bytes() for p in old_copy.rglob("*") if p.is_file()}
    again = _migrate(old_copy)
    assert again.exit_code == 0 and "nichts zu tun" in again.output
    assert {p: p.read_bytes() for p in old_copy.rglob("*") if p.is_file()} == before


def test_an_earlier_backup_is_never_overwritten(old_copy):
    earlier = old_copy / "sicherung-format-1"
    earlier.mkdir()
    (earlier / "ressourcen.yaml").write_text("# eine frühere Sicherung\n", encoding="utf-8")
    result = _migrate(old_copy)
    assert result.exit_code == 0
    assert (earlier / "ressourcen.yaml").read_text(encoding="utf-8") == "# eine frühere Sicherung\n"
    assert (old_copy / "sicherung-format-1-2" / "ressourcen.yaml").read_bytes() == (
        OLD / "ressourcen.yaml"
    ).read_bytes()


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda f: (f / "kommune.yaml").unlink(), "keine kommune.yaml"),
        (lambda f: (f / "ziele.yaml").write_bytes(b"ziele: [\xff"), "nicht in UTF-8"),
        (lambda f: (f / "ziele.yaml").write_text("ziele: [", encoding="utf-8"), "gesamtkonzept validate"),
        # the file and line, not ruamel's class name „(ParserError)“ (fuzz review)
        (
            lambda f: (f / "ziele.yaml").write_text("ziele:\n  - id: a\n   titel: [\n", encoding="utf-8"),
            "ziele.yaml, Zeile 3: Die Datei ist kein gültiges YAML.",
        ),
    ],
)
def test_folders_that_cannot_be_migrated_are_left_alone(old_copy, prepare, message):
    prepare(old_copy)
    before = {p: p.read_bytes() for p in old_copy.rglob("*") if p.is_file()}
    result = _migrate(old_copy)
    assert result.exit_code != 0 and message in result.output
    assert "Traceback" not in result.output
    assert {p: p.read_bytes() for p in old_copy.rglob("*") if p.is_file()} == before


@pytest.mark.slow
def test_the_migrated_folder_builds(old_copy, tmp_path):
    assert _migrate(old_copy).exit_code == 0
    out = tmp_path / "ausgabe"
    build(old_copy, out)
    assert (out / "Gesamtkonzept_Musterkreis_2.0.pdf").is_file()
    assert len(list((out / "vorlagen").glob("*.oparl.json"))) == 4


def test_the_decision_text_stays_with_a_note_and_a_suggestion(old_copy):
    """format 1 wrote the decision on the concept as a sentence; it is kept (a rewrite could
    drop what only the text says), the notes and validate point to the number it mentions."""
    written = _raw(OLD, "kommune.yaml")["konzept"]["beschluss"]
    result = _migrate(old_copy)
    assert "'konzept.beschluss' nennt jetzt nur die Nummer" in result.output
    assert _raw(old_copy, "kommune.yaml")["konzept"]["beschluss"] == written
    warned = [w for w in check_folder(old_copy).warnings if w.where.field == "konzept.beschluss"]
    assert len(warned) == 1 and "(beschluss: JHA/2026/030)" in warned[0].message


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        (
            "kommune.yaml",
            lambda text: "- a\n- b\n",
            "kommune.yaml: Die Datei besteht nicht aus Abschnitten mit Feldern",
        ),
        ("kommune.yaml", lambda text: '"nur Text"\n', "kommune.yaml: Die Datei besteht nicht aus Abschnitten"),
        ("ressourcen.yaml", lambda text: text.replace("- id: ", "- idd: ", 1), "ein Eintrag ohne das Feld 'id'"),
        ("kommune.yaml", lambda text: "format: 1\nkommune: 5\n", "ein Wert anderer Art als erwartet"),
    ],
)
def test_a_folder_not_built_as_its_format_gets_a_message_not_a_traceback(old_copy, name, change, message):
    """migrate ended in KeyError, TypeError or AttributeError tracebacks on such folders (hostile-input
    sweep); it says what it met, exits with 1 and changes nothing."""
    path = old_copy / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    before = {p: p.read_bytes() for p in old_copy.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, ["migrate", str(old_copy)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # no other exception
    assert message in result.output and "Traceback" not in result.output
    assert {p: p.read_bytes() for p in old_copy.rglob("*") if p.is_file()} == before


def test_a_file_that_cannot_be_replaced_leaves_the_whole_folder_as_it_was(old_copy, monkeypatch):
    """migrate replaced kommune.yaml ('format: 2') and massnahmen.yaml (without their costs), then failed
    at a locked ressourcen.yaml: the next run said 'nichts zu tun' and validate found 34 errors (fuzz
    review). The renames done are reversed, the backup folder goes, and the message says so."""
    from pipeline.export import files

    before = {p: p.read_bytes() for p in old_copy.rglob("*") if p.is_file()}
    real_replace = files.os.replace

    def locked(source, target):
        if Path(target) == old_copy / "ressourcen.yaml":
            raise PermissionError(1, "Operation not permitted", str(target))
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", locked)
    result = _migrate(old_copy)
    monkeypatch.undo()
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "ressourcen.yaml konnte nicht geschrieben werden" in result.output
    assert "Es wurde nichts geändert." in result.output
    assert {p: p.read_bytes() for p in old_copy.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in old_copy.iterdir() if p.name.startswith(".")) == []
    assert _migrate(old_copy).exit_code == 0
    assert _raw(old_copy, "kommune.yaml")["format"] == 2


def test_a_stand_written_the_german_way_gives_the_budget_years_their_state(old_copy):
    """'stand: 15.10.2026' (as the tool now takes dates) broke migrate with a message about a
    missing entry: the year was read from its first four characters (diff review)."""
    kommune = old_copy / "kommune.yaml"
    kommune.write_text(
        kommune.read_text(encoding="utf-8").replace("stand: 2026-10-15", "stand: 15.10.2026"), encoding="utf-8"
    )
    result = _migrate(old_copy)
    assert result.exit_code == 0, result.output
    states = {entry["jahr"]: entry["stand"] for entry in _raw(old_copy, "ressourcen.yaml")["haushalt"]}
    assert {year for year, state in states.items() if state == "beschlossen"} == {y for y in states if y <= 2026}
    assert any(state == "Entwurf" for state in states.values())
