"""`gesamtkonzept watch`: what counts as a change, the preview in the browser, and a real watch
that builds again after a save, shows a broken file at once and stops when told."""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
import urllib.error
import urllib.request

import pytest
from docx import Document

from pipeline.build import Request
from pipeline.export.manifest import MANIFEST
from pipeline.watch import State, Watcher, changed_files, preview_server, snapshot

from .conftest import EXAMPLE


def test_a_change_is_a_file_added_removed_or_saved_but_no_editor_backup(tmp_path):
    folder = tmp_path / "kommune"
    (folder / "vorlagen").mkdir(parents=True)
    (folder / "ziele.yaml").write_text("a: 1\n")
    before = snapshot([folder])
    (folder / ".ziele.yaml.swp").write_text("vim")
    (folder / "ziele.yaml~").write_text("alt")
    (folder / ".git").mkdir()
    (folder / ".git" / "index").write_text("x")
    assert changed_files(before, snapshot([folder])) == []

    (folder / "vorlagen" / "neu.yaml").write_text("b: 2\n")
    (folder / "ziele.yaml").write_text("a: 22\n")
    assert changed_files(before, snapshot([folder])) == [folder / "vorlagen" / "neu.yaml", folder / "ziele.yaml"]
    out = folder / "ausgabe"
    out.mkdir()
    (out / "x.pdf").write_text("%PDF")
    assert folder / "ausgabe" / "x.pdf" not in snapshot([folder], skip=[out])


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def test_the_preview_serves_the_documents_and_the_build_number_on_this_computer_only(tmp_path):
    out = tmp_path / "ausgabe"
    (out / "vorlagen").mkdir(parents=True)
    (out / "Gesamtkonzept_X.pdf").write_bytes(b"%PDF-Konzept")
    (out / "Gesamtkonzept_X.docx").write_bytes(b"PK")
    (out / "vorlagen" / "V-1.pdf").write_bytes(b"%PDF-Vorlage")
    (out / ".gesamtkonzept.lock").write_bytes(b"")
    files = ["vorlagen/V-1.pdf", "Gesamtkonzept_X.pdf", "Gesamtkonzept_X.docx"]
    (out / MANIFEST).write_text(json.dumps({"build": "abc", "dateien": {f: {} for f in files}}), encoding="utf-8")
    state = State(3, False, "abc", "12:00:00", "1 Fehler", ["ziele.yaml:3:1: Fehler & <Zeichen>"])
    server = preview_server(out, lambda: state, port=0)
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        base = f"http://127.0.0.1:{port}"
        status, kind, page = _get(base + "/")
        text = page.decode("utf-8")
        assert status == 200 and kind.startswith("text/html")
        assert text.index("Gesamtkonzept_X") < text.index("vorlagen/V-1")  # the concept first
        assert 'href="#Gesamtkonzept_X.pdf"' in text and 'href="Gesamtkonzept_X.docx"' in text
        assert "ziele.yaml:3:1: Fehler &amp; &lt;Zeichen&gt;" in text  # problems shown, as text
        assert "const stand = 3;" in text
        assert json.loads(_get(base + "/__stand")[2]) == {"stand": 3, "gueltig": False, "build": "abc"}
        assert _get(base + "/vorlagen/V-1.pdf?stand=3")[2] == b"%PDF-Vorlage"
        assert _get(base + "/.gesamtkonzept.lock")[0] == 404
    finally:
        server.shutdown()
        server.server_close()


def _wait(condition, seconds: float = 300) -> None:
    ends = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < ends, "zu lange gewartet"
        time.sleep(0.05)


@pytest.mark.slow
def test_watch_builds_again_after_a_save_and_shows_a_broken_file_at_once(tmp_path):
    folder, out = tmp_path / "musterkreis", tmp_path / "ausgabe"
    shutil.copytree(EXAMPLE, folder)
    said: list[str] = []
    states: list[State] = []
    watcher = Watcher(folder, out, Request("konzept"), echo=said.append)
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, args=(stop, 0.05, states.append), daemon=True)
    thread.start()
    try:
        _wait(lambda: len(states) == 1)
        assert states[0].ok, said
        plan = folder / "massnahmen.yaml"
        text = plan.read_text(encoding="utf-8")
        plan.write_text(
            text.replace(
                "titel: Babylotsendienst im Klinikum Musterstadt", "titel: Babylotsendienst im Kreisklinikum"
            )
        )
        _wait(lambda: len(states) == 2)
        assert states[1].ok and "neu erzeugt 2" in states[1].headline
        concept = Document(str(out / "Gesamtkonzept_Musterkreis_2.0.docx"))
        assert any("Babylotsendienst im Kreisklinikum" in p.text for p in concept.paragraphs)

        kept = (out / "Gesamtkonzept_Musterkreis_2.0.pdf").read_bytes()
        plan.write_text(text.replace("status: laufend", "status: läuft", 1), encoding="utf-8")
        os.utime(plan)
        _wait(lambda: len(states) == 3)
        assert not states[2].ok
        assert any(line.startswith("massnahmen.yaml:") and "läuft" in line for line in states[2].lines)
        assert any("massnahmen.yaml:" in line for line in said)
        assert (out / "Gesamtkonzept_Musterkreis_2.0.pdf").read_bytes() == kept  # the last good set stays
    finally:
        stop.set()
        thread.join(60)
    assert not thread.is_alive()
