"""Several municipalities in one run: which folders a call means, where their documents go,
what the run prints while it works, and that one municipality's errors stop no other."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.batch import Progress, Result, municipality_folders, output_folders
from pipeline.cli import main

from .conftest import EXAMPLE, edit_yaml, read_until


def _municipality(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "kommune.yaml").write_text("format: 2\n", encoding="utf-8")
    return folder


def test_a_folder_of_municipalities_stands_for_its_subfolders(tmp_path):
    land = tmp_path / "land"
    b, a = _municipality(land / "b-kreis"), _municipality(land / "a-stadt")
    (land / "notizen").mkdir()
    (land / ".versteckt").mkdir()
    single = _municipality(tmp_path / "einzeln")

    assert municipality_folders([single]) == ([single], False)
    assert municipality_folders([land]) == ([a, b], True)
    assert municipality_folders([single, land]) == ([single, a, b], True)
    assert municipality_folders([land / "notizen"]) == ([land / "notizen"], False)  # the build says what is wrong


def test_each_municipality_gets_its_own_output_folder_and_two_of_one_name_are_refused(tmp_path):
    a, b = _municipality(tmp_path / "land" / "kreis"), _municipality(tmp_path / "nachbarland" / "kreis")
    c = _municipality(tmp_path / "land" / "stadt")
    assert output_folders([a, c], tmp_path / "ziel") == {
        a: tmp_path / "ziel" / "kreis",
        c: tmp_path / "ziel" / "stadt",
    }
    assert output_folders([a], None) == {a: Path("outputs") / "kreis"}
    with pytest.raises(ValueError, match="heißen gleich"):
        output_folders([a, b], tmp_path / "ziel")
    result = CliRunner().invoke(main, ["build", str(a), str(b), "-o", str(tmp_path / "ziel")])
    assert result.exit_code == 2 and "heißen gleich" in result.output
    # alike in case or Unicode form: one folder on Windows and macOS (fuzz review)
    upper = _municipality(tmp_path / "land" / "Kreis")
    composed, decomposed = (_municipality(tmp_path / x / "Müster") for x in ("nfc", "nfd"))
    decomposed = decomposed.rename(decomposed.with_name("Mu\u0308ster"))
    for pair in ([a, upper], [composed, decomposed]):
        with pytest.raises(ValueError, match="unterscheiden sich nur in der Groß- und Kleinschreibung"):
            output_folders(pair, tmp_path / "ziel")
    # ß and ss are two names on every system (diff review)
    sharp, double = _municipality(tmp_path / "x" / "Weißenburg"), _municipality(tmp_path / "y" / "Weissenburg")
    assert len(output_folders([sharp, double], tmp_path / "ziel")) == 2


def test_the_progress_is_a_bar_on_a_terminal_and_plain_lines_elsewhere():
    stream = io.StringIO()
    progress = Progress(2, stream, terminal=False)
    progress.started(4)
    for _ in range(4):
        progress.document_done()
    progress.finished_one(
        Result(Path("inputs/a"), Path("out/a"), "A", files=4, converted=1, reused=3, seconds=2.0)
    )
    assert stream.getvalue() == "[1/2] inputs/a: vier Dateien (neu erzeugt 1, unverändert 3) in 2,0 s\n"
    assert "\x1b" not in stream.getvalue()

    terminal = io.StringIO()
    progress = Progress(2, terminal, terminal=True)
    progress.started(4)
    progress.document_done()
    progress.line("eine Meldung")
    shown = terminal.getvalue()
    assert "\r\x1b[Keine Meldung\n" in shown
    assert "1/8 Dokumente · 0/2 Kommunen · noch etwa" in progress.bar()  # 4 known, 4 expected for the other


def test_a_municipality_built_again_after_its_process_ended_is_counted_once():
    """The processes tell the run each document on a queue; a municipality whose process ended
    half-way is built again, and the bar counts it afresh instead of twice."""
    import queue

    from pipeline.batch import _relay

    events: queue.Queue[object] = queue.Queue()
    progress = Progress(2, io.StringIO(), terminal=False)
    for event in [
        ("begonnen", "inputs/a", 18),
        ("begonnen", "inputs/b", 18),
        *[("dokument", "inputs/a", None)] * 5,
        *[("dokument", "inputs/b", None)] * 18,
        ("begonnen", "inputs/a", 18),  # a's process ended: built again in a new one
        *[("dokument", "inputs/a", None)] * 18,
        None,
    ]:
        events.put(event)
    _relay(events, progress)
    assert (progress.started_municipalities, progress.documents, progress.done) == (2, 36, 36)
    assert "36/36 Dokumente" in progress.bar()


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])  # one process, or one process per worker
def test_a_batch_goes_on_past_a_broken_municipality_and_ends_with_a_summary(tmp_path, workers):
    land = tmp_path / "land"
    for name in ("nordkreis", "mittelkreis", "suedkreis"):
        shutil.copytree(EXAMPLE, land / name)
    edit_yaml(land / "nordkreis", "kommune.yaml", lambda d: d["kommune"].update(name="Landkreis Nordkreis"))
    broken = land / "mittelkreis" / "massnahmen.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("status: laufend", "status: läuft", 1))
    line = next(n for n, t in enumerate(broken.read_text(encoding="utf-8").splitlines(), 1) if "läuft" in t)

    result = CliRunner().invoke(
        main, ["build", str(land), "-o", str(tmp_path / "ziel"), "--nur", "konzept", "--arbeiter", workers]
    )
    assert result.exit_code == 1
    assert f"{land / 'mittelkreis'}/massnahmen.yaml:{line}:" in result.output
    rows = {r.split()[0] + " " + r.split()[1]: r for r in result.output.splitlines() if r.startswith("Landkreis ")}
    assert "fertig" in rows["Landkreis Nordkreis"] and "fertig" in rows["Landkreis Musterkreis"]
    assert any("mittelkreis" in r and "Fehler" in r for r in result.output.splitlines())
    assert "Zusammen: drei Kommunen, 2 fertig, 1 mit Fehlern" in result.output
    for name in ("nordkreis", "suedkreis"):
        manifest = json.loads((tmp_path / "ziel" / name / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["eingaben"]["ordner"] == name
        assert (tmp_path / "ziel" / name / "Gesamtkonzept_Musterkreis_2.0.pdf").is_file()
    assert not (tmp_path / "ziel" / "mittelkreis" / "manifest.json").exists()


@pytest.mark.slow
def test_the_processes_of_a_batch_report_every_document_to_the_progress(tmp_path):
    """Built in processes of their own, two municipalities still count their documents on the
    run's progress bar, and their results come back in the order of the folders."""
    from pipeline.batch import build_many
    from pipeline.build import Request

    folders = [tmp_path / "b-kreis", tmp_path / "a-kreis"]
    for folder in folders:
        shutil.copytree(EXAMPLE, folder)
    progress = Progress(2, io.StringIO(), terminal=False)
    outputs = {folder: tmp_path / "aus" / folder.name for folder in folders}
    results = build_many(folders, outputs, Request(only="konzept"), workers=2, progress=progress)
    assert [r.folder for r in results] == folders and all(r.ok and r.files == 2 for r in results)
    assert progress.documents == progress.done == 2 * 2  # each: the concept's Word file and PDF
    assert progress.finished == 2


@pytest.mark.slow
def test_sigterm_ends_a_batch_s_processes_and_leaves_no_half_written_municipality(tmp_path):
    """SIGTERM (or Ctrl-C) during a batch built in processes: the run ends with 130 within
    seconds, its processes with it; a municipality it was building has nothing written."""
    import signal
    import subprocess
    import sys

    land = tmp_path / "land"
    for number in range(6):
        shutil.copytree(EXAMPLE, land / f"kreis-{number}")
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "build",
        str(land),
        "-o",
        str(tmp_path / "aus"),
        "--arbeiter",
        "2",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    read_until(process, "[1/6]")
    assert process.stderr is not None
    process.send_signal(signal.SIGTERM)
    rest = process.stderr.read()
    assert process.wait(timeout=60) == 130
    assert "Abgebrochen." in rest and "Traceback" not in rest
    written = [folder for folder in (tmp_path / "aus").iterdir() if (folder / "manifest.json").exists()]
    for folder in (tmp_path / "aus").iterdir():
        files = [p.name for p in folder.iterdir() if not p.name.startswith(".")]
        assert folder in written or files == [], (folder, files)  # whole or nothing
    assert 1 <= len(written) < 6


def test_a_process_told_to_end_never_waits_for_the_pool_again(monkeypatch):
    """What the summary says where a batch's process gave no result, and how a process the run
    ends stops: during a build it ends the build (SystemExit, cleaned up by unwinding) and then
    leaves; idle, it leaves at once; never back to the pool's queue, whose lock a process that
    ended meanwhile may hold (a batch's SIGTERM test hung). A second signal does nothing."""
    from concurrent.futures.process import BrokenProcessPool

    import pipeline.batch as batch

    assert batch._process_failure(BrokenProcessPool()).startswith(
        "Ein Prozess des Laufs ist unerwartet beendet worden"
    )
    assert (
        batch._process_failure(ValueError("kaputt")) == "Unerwarteter Fehler (ValueError: kaputt). Bitte melden."
    )

    class Left(Exception):
        pass

    def leave() -> None:
        raise Left

    monkeypatch.setattr(batch, "_leave", leave)
    monkeypatch.setattr(batch, "_stopping", False)
    monkeypatch.setattr(batch, "_building", True)
    with pytest.raises(SystemExit):  # a build under way is ended
        batch._ended(15, None)
    batch._ended(15, None)  # the second: nothing
    monkeypatch.setattr(batch, "_stopping", False)
    monkeypatch.setattr(batch, "_building", False)
    with pytest.raises(Left):  # idle: leaves at once
        batch._ended(15, None)
    with pytest.raises(Left):  # and builds nothing more it was handed
        batch._build_one(Result(Path("x"), Path("y")), batch.Request(), False, 1)
    assert not batch._building


def _pool_processes(pid: int) -> list[int]:
    """The processes a batch builds in: its children that multiprocessing spawned (not its
    resource tracker)."""
    children = [
        int(child)
        for task in Path(f"/proc/{pid}/task").iterdir()
        for child in (task / "children").read_text().split()
    ]
    return [c for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads the process tree in /proc")
def test_a_batch_builds_again_what_a_process_the_system_ended_left_unbuilt(tmp_path):
    """A process of the batch killed (as the system does when memory runs out) broke the pool and
    left every municipality not done by then failed; they are built again, in one process."""
    import os
    import signal
    import subprocess
    import sys

    land = tmp_path / "land"
    for number in range(4):
        shutil.copytree(EXAMPLE, land / f"kreis-{number}")
    command = [sys.executable, "-m", "pipeline", "build", str(land), "-o", str(tmp_path / "aus")]
    process = subprocess.Popen(
        [*command, "--arbeiter", "2", "--nur", "konzept"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    read_until(process, "[1/4]")
    [victim, *_] = _pool_processes(process.pid)
    os.kill(victim, signal.SIGKILL)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "Zusammen: vier Kommunen, 4 fertig" in out and "Traceback" not in err
    for number in range(4):
        assert (tmp_path / "aus" / f"kreis-{number}" / "Gesamtkonzept_Musterkreis_2.0.pdf").is_file()
