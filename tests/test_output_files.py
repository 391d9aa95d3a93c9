"""A build's file set appears as one step: whenever a build dies, the folder holds the complete
old set or the complete new one (files and manifest together) once the next build has started,
no hidden files stay behind, nothing is reported edited that nobody edited, and edited Word
files are moved aside, never lost. Errors name the real file, in German.

The file-set writer (:func:`pipeline.export.write_set`) runs on small byte contents (no pandoc).
A kill is simulated at every rename by letting `os.replace` raise an exception no handler
catches, as a killed process runs no handler; one test kills a real process with SIGKILL, one a
real build. Waiting for the disk (`os.fsync`) is left out here, which keeps the tests fast: what
a killed process wrote stays with the system, only a power cut could lose it, and no test makes
one.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.build import build
from pipeline.cli import main
from pipeline.errors import WriteFailure
from pipeline.export import BuildRecord, Written, write_set
from pipeline.export.files import LOCK_NAME, STAGING, finish_interrupted, output_lock, sha256, write_atomically
from pipeline.unchanged import ENTRY, MANIFEST

from .conftest import CONCEPT, EXAMPLE, ROOT

RECORD_ARGS = ("Musterkreis", "2.0", dt.date(2026, 11, 23), "kommune", "0" * 64)

#: The earlier build: the concept, papers (a folder it writes whole), the quality dialogue.
OLD = {
    "Konzept.docx": b"Konzept, alte Fassung",
    "Konzept.pdf": b"%PDF alt",
    "vorlagen/A.docx": b"Vorlage A alt",
    "vorlagen/A.pdf": b"%PDF A alt",
    "vorlagen/B.docx": b"Vorlage B, gibt es bald nicht mehr",
    "vorlagen/anlagen/x.pdf": b"%PDF Anlage",
    "qualitaet/Q.docx": b"Qualitaetsdialog",
}
#: This build (like `--nur konzept --nur vorlagen`): changes, drops B, adds C and a new folder.
NEW = {
    "Konzept.docx": b"Konzept, neue Fassung",
    "Konzept.pdf": b"%PDF neu",
    "vorlagen/A.docx": b"Vorlage A neu",
    "vorlagen/A.pdf": b"%PDF A neu",
    "vorlagen/C.docx": b"Vorlage C, neu dazu",
    "vorlagen/anlagen/x.pdf": b"%PDF Anlage",
    "vorlagen-nichtoeffentlich/D.pdf": b"%PDF D",
}
#: The build after, from changed inputs: every Word file differs from both.
LATER = {**NEW, **{path: data + b", spaeter" for path, data in NEW.items() if path.endswith(".docx")}}
OWNED = ("vorlagen", "vorlagen-nichtoeffentlich")
#: What is in the folder but not the build's: never touched.
USERS = {
    "notiz.txt": b"eigene Notiz",
    "Konzept.bearbeitet-2026-01-05_0930.docx": b"frueher beiseitegelegt",
    "vorlagen/.versteckt": b"von jemandem",
}


class Killed(BaseException):
    """The process dies here: no `except` or cleanup of the pipeline's runs."""


@pytest.fixture(autouse=True)
def _no_waiting_for_the_disk(monkeypatch):
    monkeypatch.setattr(os, "fsync", lambda fd: None)


def write(out: Path, files: dict[str, bytes], owned: tuple[str, ...] = OWNED) -> Written:
    """A build's writing step, as `write_outputs` runs it after converting."""
    with output_lock(out):
        return write_set(out, dict(files), BuildRecord(*RECORD_ARGS), owned_folders=owned)


def contents(out: Path) -> dict[str, bytes]:
    """Every file in the folder (hidden ones too, the lock file aside), by relative path."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and p.name != LOCK_NAME
    }


def manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def expected_set(files: dict[str, bytes]) -> dict[str, bytes]:
    """A complete set, the manifest aside: the build's files, the other product's file (not
    rebuilt), the users' files."""
    return {**files, "qualitaet/Q.docx": OLD["qualitaet/Q.docx"], **USERS}


def consistent(out: Path) -> bool:
    """The manifest's files are exactly those on disk, byte for byte (the manifest itself aside)."""
    recorded = manifest(out)["dateien"]
    return all(
        (out / path).is_file() and sha256((out / path).read_bytes()) == entry["sha256"]
        for path, entry in recorded.items()
    )


@contextlib.contextmanager
def dying_at_rename(number: int, ending: type[BaseException] = Killed) -> Iterator[list[tuple[str, str]]]:
    """The process dies at the `number`-th rename (0: the first), or is ended there by `ending`
    (Ctrl+C, SIGTERM) once; yields the renames done."""
    done: list[tuple[str, str]] = []
    real = os.replace
    ended = []

    def rename(source, target):
        if len(done) == number and (ending is Killed or not ended):
            ended.append(number)
            raise ending
        real(source, target)
        done.append((str(source), str(target)))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "replace", rename)
        yield done


def renames_of_a_build(tmp_path) -> int:
    """How many renames writing NEW over OLD takes."""
    out = tmp_path / "zaehlen"
    write(out, OLD)
    with dying_at_rename(10_000) as done:
        write(out, NEW)
    return len(done)


def without_manifest(files: dict[str, bytes]) -> dict[str, bytes]:
    return {p: d for p, d in files.items() if p != "manifest.json"}


def earlier_build(out: Path) -> Path:
    """`out` after the earlier build, with the users' files put into it."""
    write(out, OLD)
    for path, data in USERS.items():
        (out / path).write_bytes(data)
    return out


@pytest.fixture
def earlier(tmp_path) -> Path:
    return earlier_build(tmp_path / "out")


# --- the set appears as one step --------------------------------------------------------------


def test_a_build_replaces_the_set_and_leaves_only_its_files(earlier):
    result = write(earlier, NEW)
    assert without_manifest(contents(earlier)) == expected_set(NEW)
    assert consistent(earlier)
    assert "vorlagen/B.docx" not in manifest(earlier)["dateien"]
    assert "qualitaet/Q.docx" in manifest(earlier)["dateien"]  # not rebuilt, still recorded
    assert result.kept == [] and result.removed == [earlier / "vorlagen" / "B.docx"]
    same = [path for path, data in NEW.items() if OLD.get(path) == data]  # already there: not written again
    assert same == ["vorlagen/anlagen/x.pdf"]
    assert sorted(result.paths) == sorted(earlier / p for p in [*NEW, "manifest.json"] if p not in same)
    assert not list(earlier.rglob(f"*{STAGING}*"))


def test_a_kill_at_any_rename_leaves_the_old_or_the_new_set(earlier, tmp_path):
    """The build dies at each rename in turn (its journal's ones included); the next build
    first completes or discards what it left: the complete old or new set, files and manifest
    consistent, no hidden file anywhere, no edit reported – then writes its own set."""
    total = renames_of_a_build(tmp_path)
    old_state = contents(earlier)
    write(earlier, NEW)
    new_state = contents(earlier)
    outcomes = set()
    for number in range(total):
        out = earlier_build(tmp_path / f"tot-{number}")
        with dying_at_rename(number) as done, pytest.raises(Killed):
            write(out, NEW)
        assert len(done) == number

        with output_lock(out):  # what the next build does first
            completed = finish_interrupted(out)
        state = contents(out)
        assert state in (old_state, new_state), f"nach {number} Umbenennungen: {sorted(state)}"
        assert consistent(out)
        outcomes.add("neu" if completed else "alt")
        assert completed is None or completed.kept == []

        later = write(out, LATER)  # from changed inputs: no Word file is as either build wrote it
        assert later.kept == [], f"nach {number} Umbenennungen"
        assert without_manifest(contents(out)) == expected_set(LATER)
        assert consistent(out)
    assert outcomes == {"alt", "neu"}  # both sides of the commit point were hit


@pytest.mark.parametrize("ending", [KeyboardInterrupt, SystemExit])
def test_a_build_ended_while_writing_leaves_the_old_set_and_nothing_else(earlier, tmp_path, ending):
    """Ctrl+C or SIGTERM at any rename (the journal's ones included): the process lives on, so
    the build undoes what it did before it ends – no new subfolder, no staging folder, no
    journal for the next build; the old set, consistent. (A batch ended by SIGTERM left empty
    new subfolders of a municipality it was writing.)"""
    total = renames_of_a_build(tmp_path)
    old_state = contents(earlier)
    for number in range(total - 1):
        out = earlier_build(tmp_path / f"beendet-{number}")
        with dying_at_rename(number, ending), pytest.raises(ending):
            write(out, NEW)
        assert contents(out) == old_state, f"nach {number} Umbenennungen"
        assert not list(out.rglob(f"*{STAGING}*")) and not (out / "vorlagen-nichtoeffentlich").exists()
        assert consistent(out)
        assert write(out, NEW).interrupted is None
    out = earlier_build(tmp_path / "beendet-zuletzt")  # at the journal's last save: the set is complete
    with dying_at_rename(total - 1, ending), pytest.raises(ending):
        write(out, NEW)
    visible = {path: data for path, data in contents(out).items() if STAGING not in path}
    assert without_manifest(visible) == expected_set(NEW) and consistent(out)


def test_a_kill_while_completing_an_interrupted_build_is_completed_later(earlier, tmp_path):
    middle = renames_of_a_build(tmp_path) // 2  # past the commit point, files of both sets in place
    with dying_at_rename(middle), pytest.raises(Killed):
        write(earlier, NEW)
    for number in range(4):  # the next builds die too, early in completing it
        with dying_at_rename(number), pytest.raises(Killed):
            write(earlier, NEW)
    result = write(earlier, LATER)
    assert result.interrupted is not None and result.kept == []
    assert without_manifest(contents(earlier)) == expected_set(LATER)
    assert consistent(earlier)


def test_an_edited_draft_survives_a_kill_at_any_rename_and_is_reported_once(tmp_path):
    total = renames_of_a_build(tmp_path)
    edited = "Vorlage A, von Hand ergänzt".encode()
    for number in range(total + 1):
        out = tmp_path / f"bearbeitet-{number}"
        write(out, OLD)
        (out / "vorlagen" / "A.docx").write_bytes(edited)
        reports = []
        with dying_at_rename(number), contextlib.suppress(Killed):
            reports += write(out, NEW).kept
        reports += write(out, NEW).kept
        asides = sorted((out / "vorlagen").glob("A.bearbeitet-*.docx"))
        assert [p.read_bytes() for p in asides] == [edited], f"nach {number} Umbenennungen"
        assert [(r.original, r.kept) for r in reports] == [(out / "vorlagen" / "A.docx", asides[0])]
        assert (out / "vorlagen" / "A.docx").read_bytes() == NEW["vorlagen/A.docx"]
        assert consistent(out)


def test_a_build_dies_by_sigkill_between_renames(earlier):
    """A real process, killed by the system before the commit point, then one killed after it;
    the next build completes the second."""
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("SIGKILL gibt es nur auf Linux und macOS")
    script = textwrap.dedent(
        f"""
        import datetime, os, signal, sys
        from pathlib import Path
        from pipeline.export import BuildRecord, write_set
        from pipeline.export.files import output_lock
        count, real = [0], os.replace
        def rename(source, target):
            if count[0] == int(sys.argv[2]):
                os.kill(os.getpid(), signal.SIGKILL)
            count[0] += 1
            real(source, target)
        os.replace = rename
        out = Path(sys.argv[1])
        with output_lock(out):
            write_set(out, {NEW!r}, BuildRecord(*{RECORD_ARGS!r}), owned_folders={OWNED!r})
        """
    )
    old_state = contents(earlier)

    def killed_at(number: int) -> str:
        run = subprocess.run([sys.executable, "-c", script, str(earlier), str(number)], cwd=ROOT)
        assert run.returncode == -signal.SIGKILL
        return json.loads((earlier / STAGING / "journal.json").read_text(encoding="utf-8"))["stand"]

    assert killed_at(1) == "vorbereitet"  # renaming the journal to 'bereit': before the commit point
    assert {p: d for p, d in contents(earlier).items() if STAGING not in p} == old_state
    assert killed_at(5) == "bereit"  # the first build's staging discarded, then its own renames
    result = write(earlier, LATER)
    assert result.interrupted is not None and result.kept == []
    assert without_manifest(contents(earlier)) == expected_set(LATER)
    assert consistent(earlier)


def test_hidden_files_earlier_versions_left_are_removed(earlier):
    leftovers = ["vorlagen/.A.docx.k3j_x9q2", ".Konzept.pdf.abcdefgh", ".manifest.json.0a1b2c3d"]
    strangers = [".notiz.txt.abcdefgh", "vorlagen/.A.docx.zu-lang-1", "vorlagen/.A.docx.kurz"]
    for path in [*leftovers, *strangers]:
        (earlier / path).write_bytes(b"x")
    write(earlier, NEW)
    assert not any((earlier / path).exists() for path in leftovers)
    assert all((earlier / path).exists() for path in strangers)


# --- errors name the real file ----------------------------------------------------------------


@contextlib.contextmanager
def refusing_renames_to(target: Path, times: int) -> Iterator[None]:
    """The system refuses to put a file at `target` `times` times, naming its temporary file as
    systems do ("Operation not permitted")."""
    real, refused = os.replace, []

    def rename(source, to):
        if Path(to) == target and len(refused) < times:
            refused.append(source)
            raise PermissionError(errno.EPERM, "Operation not permitted", str(source))
        real(source, to)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "replace", rename)
        yield


def test_a_refused_rename_restores_the_old_set_and_names_the_file(earlier):
    before = contents(earlier)
    with refusing_renames_to(earlier / "vorlagen" / "A.pdf", times=1), pytest.raises(WriteFailure) as error:
        write(earlier, NEW)
    message = str(error.value)
    assert message.startswith(
        f"{earlier / 'vorlagen' / 'A.pdf'} konnte nicht geschrieben werden: Keine Berechtigung"
    )
    assert "Ist die Datei in einem anderen Programm geöffnet (etwa in Word)?" in message
    assert message.endswith(f"Die bisherigen Dateien in {earlier} sind unverändert.")
    assert STAGING not in message and "Operation" not in message
    assert contents(earlier) == before
    assert not (earlier / "vorlagen-nichtoeffentlich").exists()  # the folder it had created


def test_when_even_undoing_fails_the_next_build_completes_the_set(earlier):
    refused = refusing_renames_to(earlier / "vorlagen" / "A.pdf", times=2)  # and putting it back
    with refused, pytest.raises(WriteFailure) as error:
        write(earlier, NEW)
    assert str(error.value).endswith(
        f"Der Ordner {earlier} ist unvollständig; der nächste Build schließt das Schreiben ab."
    )
    result = write(earlier, LATER)
    assert result.interrupted is not None and result.kept == []
    assert without_manifest(contents(earlier)) == expected_set(LATER)
    assert consistent(earlier)


def test_a_folder_where_a_file_belongs_fails_and_changes_nothing(earlier):
    (earlier / "vorlagen" / "C.docx").mkdir()
    before = contents(earlier)
    with pytest.raises(WriteFailure) as error:
        write(earlier, NEW)
    assert str(error.value).startswith(f"{earlier / 'vorlagen' / 'C.docx'} konnte nicht geschrieben werden: ")
    if sys.platform != "win32":  # Windows calls it a refusal
        assert "Das ist ein Ordner, keine Datei." in str(error.value)
    assert str(error.value).endswith(f"Die bisherigen Dateien in {earlier} sind unverändert.")
    assert contents(earlier) == before
    assert (earlier / "vorlagen" / "C.docx").is_dir()
    assert not list(earlier.rglob(f"*{STAGING}*"))


def test_a_file_where_a_folder_belongs_fails_and_stays(earlier):
    blocker = earlier / "vorlagen-nichtoeffentlich"
    blocker.write_bytes(b"eine Datei, kein Ordner")
    before = contents(earlier)
    with pytest.raises(WriteFailure) as error:
        write(earlier, NEW)
    assert str(error.value).startswith(f"In den Ordner {blocker} kann nicht geschrieben werden: ")
    assert str(error.value).endswith(f"Die bisherigen Dateien in {earlier} sind unverändert.")
    assert contents(earlier) == before


def test_the_command_line_names_the_file_in_german(tmp_path):
    (tmp_path / "akteure.schema.json").mkdir()
    result = CliRunner().invoke(main, ["schema", "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert f"Fehler: {tmp_path / 'akteure.schema.json'} konnte nicht geschrieben werden: " in result.output
    assert "Traceback" not in result.output
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file


def test_small_sets_leave_no_temporary_file_when_a_rename_fails(tmp_path, monkeypatch):
    real, calls = os.replace, []

    def rename(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(source))
        real(source, target)

    monkeypatch.setattr(os, "replace", rename)
    (tmp_path / "c.yaml").write_bytes(b"c alt")
    with pytest.raises(WriteFailure) as error:
        write_atomically({tmp_path / "a.yaml": b"a", tmp_path / "c.yaml": b"c", tmp_path / "b.yaml": b"b"})
    assert (
        str(error.value) == f"{tmp_path / 'c.yaml'} konnte nicht geschrieben werden: Kein Speicherplatz mehr frei."
    )
    # the renames done are reversed: a set is written whole or not at all (fuzz review: migrate)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.yaml"]
    assert (tmp_path / "c.yaml").read_bytes() == b"c alt"
    calls.clear()
    with pytest.raises(WriteFailure):
        write_atomically({tmp_path / "c.yaml": b"c", tmp_path / "b.yaml": b"b"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.yaml"]
    assert (tmp_path / "c.yaml").read_bytes() == b"c alt"


def test_an_earlier_file_that_cannot_be_put_back_keeps_its_copy_and_is_named(tmp_path, monkeypatch):
    """A rollback whose put-back failed too (the file locked) removed the only copy of the earlier
    file, and migrate then deleted its backup as well (diff review)."""
    real = os.replace

    def rename(source, target):
        # 'b.yaml' cannot be written; 'a.yaml', replaced first, cannot be put back either
        if Path(target).name == "b.yaml" or (Path(target).name == "a.yaml" and ".alt." in Path(source).name):
            raise PermissionError(13, "Permission denied", str(target))
        real(source, target)

    (tmp_path / "a.yaml").write_bytes(b"a alt")
    monkeypatch.setattr(os, "replace", rename)
    with pytest.raises(WriteFailure) as error:
        write_atomically({tmp_path / "a.yaml": b"a neu", tmp_path / "b.yaml": b"b"})
    monkeypatch.undo()
    assert not error.value.restored
    (kept,) = tmp_path.glob("a.bisher-*.yaml")
    assert kept.read_bytes() == b"a alt"
    assert (
        f"Nicht zurückgestellt: {tmp_path / 'a.yaml'} (die frühere Fassung liegt als {kept.name} daneben)."
        in str(error.value)
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.yaml", kept.name])


# --- a real build -----------------------------------------------------------------------------


@pytest.mark.slow
def test_a_build_killed_while_renaming_is_completed_by_the_next(built, tmp_path):
    out = tmp_path / "out"
    build(EXAMPLE, out, "konzept")
    with dying_at_rename(12), pytest.raises(Killed):  # past the commit point, amid the papers
        build(EXAMPLE, out)
    assert (out / STAGING / "journal.json").is_file()

    result = CliRunner().invoke(main, ["build", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wurde beim Schreiben unterbrochen; seine Dateien sind jetzt vollständig übernommen." in result.output
    assert "Bearbeitete Fassung gesichert" not in result.output
    completed, whole = contents(out), contents(built)
    assert completed.keys() == whole.keys()
    assert {p: d for p, d in completed.items() if p != MANIFEST} == {
        p: d for p, d in whole.items() if p != MANIFEST
    }
    recorded = manifest(out)
    assert recorded.pop(ENTRY)["dateien"] == sorted(manifest(built)["dateien"])  # the command line's key
    assert recorded == manifest(built)
    assert consistent(out)
    assert f"{CONCEPT}.docx" in manifest(out)["dateien"]
