"""A build with nothing changed skips everything: one key over the inputs, the program, the
templates, the packages and what was asked for decides it before any stage loads, and only
when the last build's files are all still as it wrote them."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import unchanged
from pipeline.cli import main
from pipeline.unchanged import ENTRY, MANIFEST, STAGING, build_key, unchanged_files

from .conftest import EXAMPLE, edit_yaml
from .test_warnings import _new_goal

ASKED = {"nur": None, "entwurf": False, "arbeitsfassung": False, "streng": False}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "musterkreis"
    shutil.copytree(EXAMPLE, copy)
    return copy


def test_the_key_follows_every_input_file_and_what_was_asked(folder, tmp_path):
    out = tmp_path / "out"
    key = build_key(folder, out, ASKED)
    assert build_key(folder, out, dict(ASKED)) == key
    (folder / "massnahmen.yaml").write_text((folder / "massnahmen.yaml").read_text() + "\n", encoding="utf-8")
    edited = build_key(folder, out, ASKED)
    assert edited != key
    (folder / "templates").mkdir()
    (folder / "templates" / "einleitung.md.j2").write_text("Eigene Einleitung", encoding="utf-8")
    assert build_key(folder, out, ASKED) != edited
    assert build_key(folder, out, ASKED | {"entwurf": True}) != build_key(folder, out, ASKED)
    assert build_key(folder, out, ASKED | {"nur": "konzept"}) != build_key(folder, out, ASKED)


def test_the_key_follows_the_templates_and_the_program(folder, tmp_path, monkeypatch):
    out = tmp_path / "out"
    key = build_key(folder, out, ASKED)
    templates = tmp_path / "vorlagen"
    shutil.copytree(unchanged.TEMPLATES, templates)
    monkeypatch.setattr(unchanged, "TEMPLATES", templates)
    assert build_key(folder, out, ASKED) == key
    (templates / "konzept.typ").write_text((templates / "konzept.typ").read_text() + "\n", encoding="utf-8")
    assert build_key(folder, out, ASKED) != key
    monkeypatch.setattr(unchanged, "TEMPLATES", unchanged.PACKAGE.parent / "templates")
    monkeypatch.setattr(unchanged, "_installed_packages", lambda: ["typst-99.0.dist-info"])
    assert build_key(folder, out, ASKED) != key


def test_an_output_folder_inside_the_inputs_is_not_an_input(folder):
    out = folder / "ausgabe"
    key = build_key(folder, out, ASKED)
    out.mkdir()
    (out / "Gesamtkonzept.pdf").write_bytes(b"%PDF")
    assert build_key(folder, out, ASKED) == key


def _recorded(out: Path, key: str, files: dict[str, bytes], converted: tuple[str, ...]) -> None:
    """An output folder as a build with `key` leaves it."""
    out.mkdir(parents=True, exist_ok=True)
    entries = {}
    for path, data in files.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
        entries[path] = {"sha256": hashlib.sha256(data).hexdigest()}
        if path in converted:
            entries[path]["schluessel"] = "k-" + path
    manifest = {"dateien": entries, ENTRY: {"schluessel": key, "dateien": sorted(files)}}
    (out / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


FILES = {"a.docx": b"word", "a.pdf": b"pdf", "vorlagen/anlage.pdf": b"anlage", "a.xlsx": b"xlsx"}


def test_the_files_of_the_last_build_are_kept_only_as_it_wrote_them(tmp_path):
    out = tmp_path / "out"
    _recorded(out, "k", FILES, ("a.docx", "a.pdf"))
    assert unchanged_files(out, "k") == ["a.docx", "a.pdf"]
    assert unchanged_files(out, "anders") is None
    (out / "a.xlsx").write_bytes(b"bearbeitet")
    assert unchanged_files(out, "k") is None
    (out / "a.xlsx").unlink()
    assert unchanged_files(out, "k") is None


def test_an_unfinished_or_odd_output_folder_means_a_full_build(tmp_path):
    out = tmp_path / "out"
    _recorded(out, "k", FILES, ("a.docx",))
    (out / STAGING).mkdir()
    assert unchanged_files(out, "k") is None
    (out / STAGING).rmdir()
    (out / MANIFEST).write_text("{kaputt", encoding="utf-8")
    assert unchanged_files(out, "k") is None
    _recorded(out, "k", {"../x.docx": b"x"}, ())
    assert unchanged_files(out, "k") is None
    assert unchanged_files(tmp_path / "leer", "k") is None


# --- the command line ------------------------------------------------------------------------


def _build(folder: Path, out: Path, *more: str):
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), *more])
    assert result.exit_code == 0, result.output
    return result.output


def _times(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_build_with_nothing_changed_loads_no_stage_and_touches_nothing(folder, tmp_path):
    out = tmp_path / "out"
    first = _build(folder, out, "--nur", "vorlagen")
    assert "neu erzeugt" in first
    before = _times(out)
    runner = (
        "import sys\nfrom pipeline.cli import main\n"
        "main(sys.argv[1:], standalone_mode=False)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[:2] in (['pipeline', 'model'], "
        "['pipeline', 'render'], ['pipeline', 'export'], ['pipeline', 'validate'])))\n"
    )
    again = subprocess.run(
        [sys.executable, "-c", runner, "build", str(folder), "-o", str(out), "--nur", "vorlagen"],
        capture_output=True,
        text=True,
        check=True,
    )
    documents = sum(p.endswith((".docx", ".pdf")) and "anlagen/" not in p for p in before)
    assert f"Word und PDF: alle {documents} Dateien unverändert" in again.stdout
    assert again.stdout.strip().endswith("['pipeline.model', 'pipeline.model.kinds']")
    assert _times(out) == before
    assert "neu erzeugt" in _build(folder, out)  # all documents: another request


@pytest.mark.slow
def test_a_build_with_warnings_runs_in_full_each_time(folder, tmp_path):
    edit_yaml(folder, "ziele.yaml", _new_goal)
    out = tmp_path / "out"
    _build(folder, out, "--nur", "qualitaet")
    assert ENTRY not in json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(out), "--nur", "qualitaet"])
    assert "Warnung" in result.output and "unverändert" in result.output
