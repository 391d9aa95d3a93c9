"""The command line speaks German, also where click and the operating system have their say:
a wrong call keeps click's exit code 2, but its usage line and message are German, and no
English text of the system reaches users on its own."""

from __future__ import annotations

import errno

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import os_reason

from .conftest import read_until

#: click's English, as it would show a wrong call.
ENGLISH = ("Usage:", "Try ", "Error:", "Invalid value", "is not one of", "Missing argument", "No such", "Options")


@pytest.mark.parametrize(
    ("args", "german"),
    [
        (
            ["build", "inputs/musterkreis", "--nur", "alles"],
            "Ungültiger Wert für '--nur': 'alles' ist nicht vorgesehen",
        ),
        (["build"], "Es fehlt das Argument 'ORDNER...'."),
        (["validate", "inputs/musterkreis", "--schnell"], "Die Option '--schnell' gibt es nicht."),
        (["validte", "inputs/musterkreis"], "Den Befehl 'validte' gibt es nicht. Meinten Sie 'validate'?"),
        (["validate", "a", "b"], "Ein Argument zu viel: b."),
        (["build", "inputs/musterkreis", "--nur"], "Die Option '--nur' braucht einen Wert."),
        (
            ["init", "x", "--art", "Dorf"],
            "'Dorf' ist nicht vorgesehen; erlaubt sind 'Landkreis', 'kreisfreie Stadt'",
        ),
    ],
)
def test_a_wrong_call_is_refused_in_german_with_exit_code_2(args, german):
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert german in result.output
    assert "Fehler: " in result.output
    assert not [word for word in ENGLISH if word in result.output], result.output


def test_usage_and_help_are_german():
    result = CliRunner().invoke(main, ["build"])
    assert "Aufruf: main build [OPTIONEN] ORDNER" in result.output
    assert "Hilfe zum Aufruf: 'main build --hilfe'." in result.output
    help_text = CliRunner().invoke(main, ["--hilfe"]).output
    for german in (
        "Aufruf: main [OPTIONEN] BEFEHL [ARGUMENTE]...",
        "Optionen:",
        "Befehle:",
        "Diese Hilfe anzeigen",
    ):
        assert german in help_text
    assert not [word for word in ENGLISH if word in help_text], help_text


@pytest.mark.parametrize(
    ("number", "german"),
    [
        (errno.EPERM, "Das Betriebssystem erlaubt diesen Vorgang nicht"),
        (errno.EBUSY, "wird gerade von einem anderen Programm benutzt"),
        (errno.ENAMETOOLONG, "Der Datei- oder Pfadname ist zu lang."),
        (errno.EEXIST, "existiert bereits"),
        (errno.ENOTEMPTY, "Der Ordner ist nicht leer."),
        (errno.EXDEV, "zwischen verschiedenen Laufwerken"),
    ],
)
def test_common_os_errors_are_said_in_german(number, german):
    import os

    reason = os_reason(OSError(number, os.strerror(number)))
    assert german in reason
    assert os.strerror(number) not in reason


def test_an_unknown_os_error_keeps_its_english_only_in_parentheses():
    assert os_reason(OSError(errno.ECONNREFUSED, "Connection refused")) == (
        f"Das Betriebssystem meldet einen Fehler (Nr. {errno.ECONNREFUSED}: Connection refused)."
    )
    assert os_reason(OSError("something odd")) == "Das Betriebssystem meldet einen Fehler (something odd)."


def test_the_cli_reports_an_os_error_in_german(tmp_path):
    too_long = tmp_path / ("x" * 300)
    result = CliRunner().invoke(main, ["schema", "-o", str(too_long)])
    assert result.exit_code == 1
    assert "kommune.schema.json konnte nicht geschrieben werden: " in result.output  # the real file
    assert "Der Datei- oder Pfadname ist zu lang." in result.output
    assert "File name too long" not in result.output


def test_an_interrupted_command_says_so_and_exits_with_130(monkeypatch, tmp_path):
    """Ctrl-C (and SIGTERM, turned into it) ends a command with 'Abgebrochen.' and the exit code
    shells expect for an interrupt, not click's 1 (hostile-input sweep)."""

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("pipeline.build.check_folder", interrupted)
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 130
    assert result.output.strip().endswith("Abgebrochen.")


@pytest.mark.slow
def test_sigterm_ends_the_tool_as_ctrl_c_does(tmp_path):
    """SIGTERM (a service manager, `kill`) ended a build at once, with a typst worker's traceback and
    its work folder left in /tmp (hostile-input sweep): now it ends like Ctrl-C. Shown on `watch`,
    which runs until it is stopped and then says so."""
    import shutil
    import signal
    import subprocess
    import sys

    from .conftest import EXAMPLE

    folder = tmp_path / "kommune"
    shutil.copytree(EXAMPLE, folder)
    command = [
        sys.executable,
        "-m",
        "pipeline",
        "watch",
        str(folder),
        "-o",
        str(tmp_path / "aus"),
        "--ohne-vorschau",
    ]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    read_until(process, "Beobachte ")
    assert process.stderr is not None
    process.send_signal(signal.SIGTERM)
    rest = process.stderr.read()
    assert process.wait(timeout=60) == 0
    assert "Beobachtung beendet." in rest and "Traceback" not in rest


def test_watch_on_a_missing_folder_stops_at_once(tmp_path):
    """'watch nichtda' said the folder did not exist and went on watching nothing (hostile-input sweep)."""
    result = CliRunner().invoke(main, ["watch", str(tmp_path / "nichtda"), "--ohne-vorschau"])
    assert result.exit_code == 2 and "existiert nicht" in result.output


def test_a_build_without_word_or_pdf_files_does_not_count_none():
    """'build --nur tabellen' ended 'Word und PDF: alle 0 Dateien neu erzeugt.' (hostile-input sweep)."""
    from types import SimpleNamespace

    from pipeline.cli import _rebuilt_line

    assert _rebuilt_line(SimpleNamespace(converted=[], reused=[])) == ""
    assert (
        _rebuilt_line(SimpleNamespace(converted=["a.docx"], reused=[]))
        == "Word und PDF: die eine Datei neu erzeugt."
    )


def test_validating_the_current_folder_names_it(monkeypatch):
    """'validate .' answered '.: gültig – …' (hostile-input sweep): the folder's name instead."""
    from .conftest import EXAMPLE

    monkeypatch.chdir(EXAMPLE)
    result = CliRunner().invoke(main, ["validate", "."])
    assert result.exit_code == 0 and result.output.splitlines()[-1].startswith(f"{EXAMPLE.name}: gültig – ")


def test_a_missing_folder_is_named_without_a_line(tmp_path):
    """'/pfad/gibtsnicht:1:1: Der Ordner der Kommune existiert nicht.' – a folder has no line 1
    (NRW new user)."""
    missing = tmp_path / "gibtsnicht"
    result = CliRunner().invoke(main, ["validate", str(missing)])
    assert result.exit_code == 1 and f"{missing}: Der Ordner der Kommune existiert nicht." in result.output
    assert f"{missing}:1:1" not in result.output


def test_provisions_not_read_in_the_law_are_named_for_the_legal_office():
    """The documents cite § 71 Abs. 2 HGO for the city's signature and § 88 Abs. 2 HGO for the
    Ausländerbeirat, which the procedure table marks as not read in the law's own text: validate
    names them for the legal office to confirm – not as a warning, which '--streng' would make
    an error nothing in the inputs could remove. A Land whose provisions are read names none."""
    from .conftest import EXAMPLE, ROOT

    city = CliRunner().invoke(main, ["validate", "--streng", str(ROOT / "inputs" / "neuhafen")])
    assert city.exit_code == 0
    lines = city.output.splitlines()
    start = lines.index(
        "Zur Prüfung durch das Rechtsamt – die Dokumente nennen diese Vorschriften, deren Wortlaut das "
        "Werkzeug nicht im Gesetzestext gelesen hat:"
    )
    assert lines[start + 1] == "  § 88 Abs. 2 HGO – die Pflicht, den Ausländerbeirat zu hören"
    assert lines[start + 2].startswith(
        "  § 71 Abs. 2 HGO – die Form der Unterschrift für die Stadt Neuhafen am Main unter der "
        "Kooperationsvereinbarung. Wortlaut nur in der Wiedergabe des BGH"
    )
    county = CliRunner().invoke(main, ["validate", str(EXAMPLE)])
    assert county.exit_code == 0 and "Rechtsamt" not in county.output
    # for editors and scripts too (diff review: missing from the JSON output)
    import json

    report = json.loads(
        CliRunner().invoke(main, ["validate", "--format", "json", str(ROOT / "inputs" / "neuhafen")]).stdout
    )
    assert report["zu_pruefen"][0] == "§ 88 Abs. 2 HGO – die Pflicht, den Ausländerbeirat zu hören"
