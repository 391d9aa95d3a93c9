"""Runs pandoc (shipped by pypandoc-binary): it writes the Word file from the document tree
that :mod:`.to_pandoc` builds from the intermediate HTML.

The tree goes in as JSON, in which every text is a plain string; pandoc never reads markup.

pandoc stays running between Word files (``pandoc lua pandoc_server.lua``): starting it took
about 0,06 s CPU per document – half a second per build, ten seconds for a batch of twenty
municipalities – while writing the file itself is the same work either way, byte for byte. Like
typst's workers (:mod:`.typst_worker`), an idle pandoc waits in a queue and is replaced after
:data:`FILES_PER_SERVER` files, so a long `watch` gives its memory back. Should one end during a
file, that file is written by a pandoc of its own, as before.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from pipeline.errors import ExportFailure
from pipeline.export.typst_worker import stop_process

#: The Lua program of a pandoc that stays.
SERVER_SCRIPT = Path(__file__).with_name("pandoc_server.lua")
#: Word files a pandoc writes before it is replaced (a build of one municipality has nine).
FILES_PER_SERVER = 40
#: Idle pandocs kept at once: a build converts two documents side by side.
SERVERS = 2


@cache
def pandoc_path() -> str:
    try:
        import pypandoc

        return cast(str, pypandoc.get_pandoc_path())  # pypandoc has no type information
    except (ImportError, OSError) as error:
        raise ExportFailure(
            "pandoc wurde nicht gefunden. Bitte 'make setup' ausführen (installiert pypandoc-binary)."
        ) from error


#: pandoc's Haskell runtime reserves a 64 MB heap at start ("-H64m" built in) and touches it,
#: which costs each run more system time than a Word file needs; 16 MB is enough for the
#: concept and saves about a fifth of pandoc's time. Only the runtime reads it, so a pandoc built
#: without runtime options just ignores it.
PANDOC_HEAP = "-H16m"


@dataclass(frozen=True)
class WordRequest:
    """What pandoc needs for one Word file: the document tree (pandoc's JSON), the reference
    document with the styles, the language, whether it has a table of contents, the figures by
    the names the tree uses, and the time the file says it was made (SOURCE_DATE_EPOCH keeps the
    output reproducible)."""

    tree: str
    reference_doc: Path
    lang: str
    toc: bool
    figures: tuple[tuple[str, str], ...]
    epoch: int

    @property
    def metadata(self) -> dict[str, str]:
        return {"lang": self.lang} | ({"toc-title": "Inhalt"} if self.toc else {})

    def environment(self) -> dict[str, str]:
        return {**os.environ, "SOURCE_DATE_EPOCH": str(self.epoch), "GHCRTS": PANDOC_HEAP}


def word_file(request: WordRequest) -> bytes:
    """The Word file, written by a pandoc that stays (or, if that one ends, by one of its own).
    Only on POSIX: elsewhere the pipes may translate line ends in the file's bytes. A pandoc that
    cannot run the program (without `pandoc lua`) is not tried again."""
    if os.name != "posix" or _unavailable.is_set():
        return _run_once(request)
    try:
        server = _idle.get_nowait()
    except queue.Empty:
        server = _Server()
    try:
        answer = server.convert(request)
    except _ServerGone:
        if server.files == 0:
            _unavailable.set()  # it never answered: this pandoc cannot serve
        server.stop()
        return _run_once(request)
    except BaseException:  # Ctrl-C or a tree that cannot be encoded: the pipe is in an unknown state
        server.stop()
        raise
    if server.files < FILES_PER_SERVER and _idle.qsize() < SERVERS:
        _idle.put(server)
    else:
        server.stop()
    if isinstance(answer, str):
        raise ExportFailure(f"pandoc (docx) ist gescheitert: {answer}")
    return answer


def _run_once(request: WordRequest) -> bytes:
    """One pandoc for one Word file, its figures in a folder of their own."""
    with tempfile.TemporaryDirectory(prefix="gesamtkonzept-bilder-") as folder:
        for name, svg in request.figures:
            (Path(folder) / name).write_text(svg, encoding="utf-8")
        command = [
            pandoc_path(),
            "--from=json",
            "--to=docx",
            f"--reference-doc={request.reference_doc}",
            f"--resource-path={folder}",
            *(f"--metadata={key}:{value}" for key, value in request.metadata.items()),
            *(["--toc", "--toc-depth=2"] if request.toc else []),
        ]
        process = subprocess.run(
            command, input=request.tree.encode("utf-8"), capture_output=True, env=request.environment()
        )
    if process.returncode != 0:
        message = process.stderr.decode("utf-8", "replace").strip()
        raise ExportFailure(f"pandoc (docx) ist gescheitert: {message}")
    return process.stdout


class _ServerGone(Exception):
    """The pandoc that stays ended (or never started) during a file."""


class _Server:
    """A pandoc running :data:`SERVER_SCRIPT`. It has its own process group: Ctrl-C stops the
    build, which then closes the pipe, instead of killing pandoc in the middle of a file."""

    def __init__(self) -> None:
        try:
            self.process: subprocess.Popen[bytes] | None = subprocess.Popen(
                [pandoc_path(), "lua", str(SERVER_SCRIPT)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # pandoc's warnings: the answers carry its errors
                env={**os.environ, "GHCRTS": PANDOC_HEAP},
                process_group=0 if os.name == "posix" else None,  # elsewhere: as before
            )
        except OSError:
            self.process = None
        self.files = 0

    def convert(self, request: WordRequest) -> bytes | str:
        """The Word file's bytes, or pandoc's message if it refused the document."""
        process = self.process
        if process is None or process.stdin is None or process.stdout is None:
            raise _ServerGone
        tree = request.tree.encode("utf-8")
        media = [(name, svg.encode("utf-8")) for name, svg in request.figures]
        header = {
            "size": len(tree),
            "reference_doc": str(request.reference_doc),
            "toc": request.toc,
            "toc_depth": 2,
            "meta": request.metadata,
            "media": [{"name": name, "mime": "image/svg+xml", "size": len(data)} for name, data in media],
            "env": request.environment(),
        }
        try:
            process.stdin.write(json.dumps(header).encode("utf-8") + b"\n" + tree + b"".join(d for _, d in media))
            process.stdin.flush()
            status, size = process.stdout.readline().split()
            body = process.stdout.read(int(size))
        except (OSError, ValueError):
            raise _ServerGone from None
        if len(body) < int(size):
            raise _ServerGone
        self.files += 1
        return body if status == b"OK" else body.decode("utf-8", "replace").strip()

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)


#: Idle pandocs; a Word file takes one (or starts one) and gives it back.
_idle: queue.SimpleQueue[_Server] = queue.SimpleQueue()
#: Set once a pandoc ended before its first answer: Word files are then written one pandoc each.
_unavailable = threading.Event()


@atexit.register
def stop_servers() -> None:
    """Ends the idle pandocs (at exit, and before a benchmark counts their memory)."""
    while True:
        try:
            _idle.get_nowait().stop()
        except queue.Empty:
            return
