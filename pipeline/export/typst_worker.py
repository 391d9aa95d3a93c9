"""typst compiles the PDFs (and draws the pictures for Word) in worker processes of their own,
each replaced after a number of compiles.

typst keeps what it has laid out in a cache inside the process that calls it. A worker keeps a
compiler for each of the last documents it compiled (:data:`COMPILERS_KEPT`, by their folder,
which :mod:`.to_pdf` keeps for a document while the build's process runs): compiling a document
again – a save in `gesamtkonzept watch` – lays out only what changed, the concept in about a
sixth of the time, with the same bytes. The build sends a compile to the worker that compiled the
same folder before, if that one is idle. In a long-running process the cache grew by about
100 MB per concept and settled only at about 1.3 GB; a worker whose memory passes
:data:`MEMORY_PER_WORKER_MB`, or that has done :data:`COMPILES_PER_WORKER` compiles, is
replaced and gives its memory back. And should typst abort its process (it does on some damaged
images), only the worker dies: the build reports the PDF as failed instead of vanishing.

A worker is this file run by Python in isolated mode: it loads the file and typst, nothing of the
build (multiprocessing, and ``-m`` with the package, would import most of the program into every
worker, a second per build). Requests and answers are pickled plain data on its stdin and stdout – paths,
the PDF's bytes, typst's messages as text – each with its length first.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import threading
from collections import OrderedDict
from functools import cache
from typing import IO, Any

#: Compiles (and drawings) a worker does at most before it is replaced (a full build of one
#: municipality has 9 PDFs and draws the pictures of about as many Word files).
COMPILES_PER_WORKER = 200
#: Memory (resident, in MB) above which a worker is replaced after its compile: typst's cache.
MEMORY_PER_WORKER_MB = 400
#: Compilers a worker keeps, one per document folder, the one used longest ago dropped first:
#: a municipality's PDFs, with room for a second one's.
COMPILERS_KEPT = 16
#: Workers at once: the build runs two chains side by side (Word and PDF), a batch two builds.
WORKERS = 2
_LENGTH = struct.Struct("!Q")


class CompileFailed(Exception):
    """typst refused the document; the message is typst's own, as text."""


class WorkerDied(Exception):
    """The worker process ended during a compile (typst aborted it)."""


# --- the worker's side -----------------------------------------------------------------------


@cache
def fonts(font_paths: tuple[str, ...]) -> Any:
    """The fonts of `font_paths` only (no system fonts, so every machine sets alike), read once
    per worker, for its compiles and drawings."""
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=list(font_paths))


#: The compilers of this worker by (main file, folder, fonts), the newest last.
_compilers: OrderedDict[tuple[Any, ...], Any] = OrderedDict()


def _compiler_key(request: dict[str, Any]) -> tuple[Any, ...]:
    return (request["main"], request["root"], tuple(request["font_paths"]))


def _compiler(request: dict[str, Any]) -> Any:
    """The compiler for the request's document: the one kept from its last compile if the
    folder and fonts are the same, else new. typst lays out again only what changed, also for a
    new compiler – its cache belongs to the process – as long as ``sys.inputs`` stay empty: the
    layout reads its values from a file (:mod:`.to_pdf`). Passed as ``sys.inputs``, they came
    to typst in a different order for each compiler, and every compile started from scratch."""
    import typst

    key = _compiler_key(request)
    compiler = _compilers.pop(key, None)
    if compiler is None:
        compiler = typst.Compiler(
            request["main"],
            root=request["root"],
            font_paths=fonts(tuple(request["font_paths"])),
            ignore_system_fonts=True,
        )
    _compilers[key] = compiler
    while len(_compilers) > COMPILERS_KEPT:
        _compilers.popitem(last=False)
    return compiler


def memory_mb() -> int:
    """This process's resident memory in MB (its peak where the system tells no more, 0 where it
    tells nothing: then only the number of compiles replaces a worker)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 2**20
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import resource
    except ImportError:
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 2**20 if sys.platform == "darwin" else peak // 2**10


def _compile_here(request: dict[str, Any]) -> tuple[bytes, list[str]] | list[bytes] | str:
    """The PDF and typst's warnings – or, asked for PNG, a picture of every page – or typst's
    error as text (its exception type need not survive pickling)."""
    import typst

    try:
        if "ppi" in request:
            drawn: Any = typst.compile(
                request["main"],
                root=request["root"],
                format="png",
                ppi=request["ppi"],
                font_paths=fonts(tuple(request["font_paths"])),
                ignore_system_fonts=True,
            )
            # typst gives one PNG for a page and a list for several
            pages = drawn if isinstance(drawn, list) else [drawn]
            return [bytes(page) for page in pages]
        pdf, warnings = _compiler(request).compile_with_warnings(
            pdf_standards=request["standards"], timestamp=request["epoch"]
        )
    except Exception as error:  # typst raises plain RuntimeError-like errors
        if "ppi" not in request:  # a compiler that failed is not trusted again
            _compilers.pop(_compiler_key(request), None)
        return str(error) or type(error).__name__
    return bytes(pdf), [str(w) for w in warnings]


def _send(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LENGTH.pack(len(data)) + data)
    stream.flush()


def _receive(stream: IO[bytes]) -> Any:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        raise EOFError
    (size,) = _LENGTH.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)  # noqa: S301 – only our own processes write to the pipe


def serve() -> None:
    """The worker's loop: one request after the other until its stdin closes. Ctrl-C in the
    terminal reaches the worker too; the build handles it and closes the pipe, so the worker
    ignores it (it printed a traceback under the build's own message)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # answers go to the pipe the build reads; anything else that writes to stdout (typst's native
    # code included) goes to stderr instead of into the answers
    sink = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    source = sys.stdin.buffer
    while True:
        try:
            request = _receive(source)
        except EOFError:
            return
        try:
            _send(sink, (_compile_here(request), memory_mb()))
        except OSError:  # the build is gone (killed): nobody reads the answer
            return


# --- the build's side ------------------------------------------------------------------------


class _Worker:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            # by its path, isolated: the worker loads this file and typst, not the package around it
            [sys.executable, "-I", __file__],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self.compiles = 0
        self.memory_mb = 0
        #: The document folders whose compilers the worker keeps (as it does: the newest last).
        self.folders: OrderedDict[str, None] = OrderedDict()

    def run(self, request: dict[str, Any]) -> Any:
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            _send(self.process.stdin, request)
            answer, self.memory_mb = _receive(self.process.stdout)
        except (EOFError, OSError):
            self.stop()
            raise WorkerDied("Der Prozess der PDF-Engine ist unerwartet beendet worden.") from None
        self.compiles += 1
        if "ppi" not in request:
            self.folders.pop(request["root"], None)
            self.folders[request["root"]] = None
            while len(self.folders) > COMPILERS_KEPT:
                self.folders.popitem(last=False)
        return answer

    @property
    def worn(self) -> bool:
        """Whether the worker should give its memory back: replaced instead of kept."""
        return self.compiles >= COMPILES_PER_WORKER or self.memory_mb >= MEMORY_PER_WORKER_MB

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        stop_process(self.process)


def stop_process(process: subprocess.Popen[bytes]) -> None:
    """Ends a helper process that reads requests until its stdin closes – a typst worker, a pandoc
    that stays (:mod:`.pandoc`): closes its pipes and waits, and kills it after five seconds."""
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):  # the process is gone: nothing left to flush to
                stream.close()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class _IdleWorkers:
    """The idle workers. A compile takes the one that compiled its document's folder before (it
    keeps the compiler), else any, else none (and starts one), and gives it back afterwards."""

    def __init__(self) -> None:
        self._workers: list[_Worker] = []
        self._lock = threading.Lock()

    def take(self, folder: str | None = None) -> _Worker | None:
        with self._lock:
            for index, worker in enumerate(self._workers):
                if folder in worker.folders:
                    return self._workers.pop(index)
            return self._workers.pop() if self._workers else None

    def get_nowait(self) -> _Worker:
        worker = self.take()
        if worker is None:
            raise queue.Empty
        return worker

    def put(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.append(worker)

    def qsize(self) -> int:
        with self._lock:
            return len(self._workers)


_idle = _IdleWorkers()


@atexit.register
def stop_workers() -> None:
    """Ends the idle workers (at exit, and before a benchmark counts their memory)."""
    while (worker := _idle.take()) is not None:
        worker.stop()


def _run(request: dict[str, Any]) -> Any:
    """typst's answer to `request`, from an idle worker (the one that compiled its folder before,
    if idle) or a new one; typst's error raised."""
    worker = _idle.take(request["root"]) or _Worker()
    answer = worker.run(request)
    if not worker.worn and worker.alive and _idle.qsize() < WORKERS:
        _idle.put(worker)
    else:
        worker.stop()
    if isinstance(answer, str):
        raise CompileFailed(answer)
    return answer


def compile_pdf(
    main: str, root: str, epoch: int, standards: list[str], font_paths: tuple[str, ...]
) -> tuple[bytes, list[str]]:
    """The PDF of `main` (inside `root`) and typst's warnings, compiled in a worker."""
    request = {
        "main": main,
        "root": root,
        "epoch": epoch,
        "standards": standards,
        "font_paths": list(font_paths),
    }
    pdf: tuple[bytes, list[str]] = _run(request)
    return pdf


def draw_pngs(main: str, root: str, ppi: int, font_paths: tuple[str, ...]) -> list[bytes]:
    """Every page of `main` (inside `root`) as PNG, drawn in a worker: the pictures for Word. In
    the build's own process typst kept about 250 MB for the 27 charts of a concept of 500
    measures, for as long as the process ran."""
    pages: list[bytes] = _run({"main": main, "root": root, "ppi": ppi, "font_paths": list(font_paths)})
    return pages


if __name__ == "__main__":
    serve()
