"""pandoc stays running between Word files (pipeline/export/pandoc.py): the same bytes as a pandoc
of its own, a refused document reported in German, a pandoc that ends replaced by one of its own."""

from __future__ import annotations

import io
import os
import signal
import time
import zipfile

import docx
import pytest

from pipeline.errors import ExportFailure
from pipeline.export import pandoc
from pipeline.export.to_docx import REFERENCE_DOCX
from pipeline.export.to_pandoc import pandoc_json

pytestmark = pytest.mark.slow

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#7fa7d1"/></svg>'


def _request(
    text: str, *, toc: bool = False, epoch: int = 1_800_000_000, lang: str = "de-DE"
) -> pandoc.WordRequest:
    html = (
        f"<h1 id='a'>Überschrift</h1><p>{text}</p>"
        "<figure><img src='balken.svg' alt='Ein Balken'><figcaption>Abbildung</figcaption></figure>"
    )
    return pandoc.WordRequest(
        tree=pandoc_json(html, {"title": "Probe", "subtitle": ""}),
        reference_doc=REFERENCE_DOCX,
        lang=lang,
        toc=toc,
        figures=(("balken.svg", SVG),),
        epoch=epoch,
    )


def _texts(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs if p.text]


def test_the_pandoc_that_stays_writes_what_a_pandoc_of_its_own_writes():
    """Byte for byte, with the figure, the table of contents, the language and the date; one
    pandoc serves several files, each with its own SOURCE_DATE_EPOCH."""
    pandoc.stop_servers()
    requests = [
        _request("Grüße – <b>&lt;b&gt;</b> {{ x }}", toc=True),
        _request("Zweiter Text", epoch=1_700_000_000),
    ]
    served = [pandoc.word_file(r) for r in requests]
    server = pandoc._idle.get_nowait()
    assert server.files == 2  # both from one process
    pandoc._idle.put(server)
    assert served == [pandoc._run_once(r) for r in requests]
    assert "Grüße – <b> {{ x }}" in _texts(served[0])
    with zipfile.ZipFile(io.BytesIO(served[0])) as word:
        assert any(name.startswith("word/media/") and name.endswith(".svg") for name in word.namelist())
        assert (
            "<w:lang " in word.read("word/styles.xml").decode()
            or "de-DE" in word.read("word/settings.xml").decode()
        )


def test_a_refused_document_is_reported_in_german_and_the_pandoc_serves_on():
    pandoc.stop_servers()
    broken = pandoc.WordRequest(
        tree='{"pandoc-api-version": [1, 23, 1], "meta": {}, "blocks": 5}',
        reference_doc=REFERENCE_DOCX,
        lang="de-DE",
        toc=False,
        figures=(),
        epoch=0,
    )
    with pytest.raises(ExportFailure) as failure:
        pandoc.word_file(broken)
    assert str(failure.value).startswith("pandoc (docx) ist gescheitert: ")
    server = pandoc._idle.get_nowait()
    assert server.process is not None and server.process.poll() is None
    pandoc._idle.put(server)
    assert "Danach" in _texts(pandoc.word_file(_request("Danach")))


def test_a_pandoc_that_ends_is_replaced_by_one_of_its_own():
    """Killed between two files (out of memory, say), the next file is written all the same."""
    pandoc.stop_servers()
    pandoc.word_file(_request("Erster"))
    server = pandoc._idle.get_nowait()
    assert server.process is not None
    os.kill(server.process.pid, signal.SIGKILL)
    server.process.wait()
    pandoc._idle.put(server)
    second = _request("Zweiter")
    assert pandoc.word_file(second) == pandoc._run_once(second)


def test_ctrl_c_reaches_the_build_not_pandoc():
    """pandoc has a process group of its own: Ctrl-C in the terminal stops the build, which then
    closes the pipe, instead of killing pandoc in the middle of a file."""
    pandoc.stop_servers()
    pandoc.word_file(_request("Probe"))
    server = pandoc._idle.get_nowait()
    assert server.process is not None
    assert os.getpgid(server.process.pid) != os.getpgid(0)  # the terminal signals the build's group
    pandoc._idle.put(server)
    pandoc.stop_servers()
    time.sleep(0.05)
    assert server.process.returncode == 0  # it ended because its input ended


def test_a_pandoc_is_replaced_after_its_files(monkeypatch):
    monkeypatch.setattr(pandoc, "FILES_PER_SERVER", 2)
    pandoc.stop_servers()
    started: list[int] = []
    original = pandoc._Server.__init__

    def counting(self):
        original(self)
        started.append(self.process.pid)

    monkeypatch.setattr(pandoc._Server, "__init__", counting)
    made = [pandoc.word_file(_request("Gleich")) for _ in range(5)]
    assert len(set(made)) == 1
    assert len(started) == 3 and len(set(started)) == 3  # 2 + 2 + 1 files


def test_a_pandoc_that_cannot_serve_is_not_tried_again(monkeypatch, tmp_path):
    """A pandoc without the program it needs (here: the Lua file missing) ends before its first
    answer: the file is written by a pandoc of its own, and later files go that way directly."""
    pandoc.stop_servers()
    monkeypatch.setattr(pandoc, "SERVER_SCRIPT", tmp_path / "fehlt.lua")
    monkeypatch.setattr(pandoc, "_unavailable", pandoc.threading.Event())
    started: list[int] = []
    original = pandoc._Server.__init__

    def counting(self):
        original(self)
        started.append(1)

    monkeypatch.setattr(pandoc._Server, "__init__", counting)
    request = _request("Ohne Server")
    assert pandoc.word_file(request) == pandoc._run_once(request)
    assert pandoc._unavailable.is_set()
    assert pandoc.word_file(request) == pandoc._run_once(request)
    assert len(started) == 1
