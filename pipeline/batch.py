"""Several municipalities in one run: `gesamtkonzept build` with several folders, or with a folder
of municipalities (each subfolder with a kommune.yaml) – a Land's youth office building all its
districts' concepts.

With several workers, each builds one municipality after the other in a process of its own
(:func:`_in_processes`): Python runs one thread at a time per process, and checking, rendering
and finishing the Word files – about 1,5 s per municipality – kept one process's interpreter busy
for the whole run while the second core waited (20 municipalities: 31 s of 37). The processes tell
the run each document they finish, so the progress bar counts documents as before. With one worker,
one process checks and renders one municipality after the other while its pool converts the
documents of those already rendered (:class:`pipeline.export.Export`). Each process keeps its own
typst workers, which lay out again only what differs from the municipality before (see
``templates/gemeinsam.typ``). A municipality with errors is reported and the run goes on;
at the end a table says how each one went. What the run prints while it works (:class:`Progress`)
is a progress bar with documents, municipalities and the time still to go on a terminal, and one
plain line per municipality otherwise (a log, a CI job).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import sys
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from pipeline.build import Checked, Request, check_folder, prepare_export
from pipeline.errors import GesamtkonzeptError, InvalidInput
from pipeline.findings import listing, summary
from pipeline.formatting import count, number
from pipeline.model.kinds import MUNICIPALITY_FILE

if TYPE_CHECKING:
    from pipeline.export import Export


def municipality_folders(arguments: Iterable[Path]) -> tuple[list[Path], bool]:
    """The municipalities' folders the arguments name, and whether this is a batch: a folder
    with a kommune.yaml is one municipality; a folder without one whose subfolders have one
    stands for those subfolders (in name order). Anything else is passed on as it is, so the
    build reports what is wrong with it."""
    folders: list[Path] = []
    parents = False
    for argument in arguments:
        children = (
            sorted(c for c in argument.iterdir() if c.is_dir() and (c / MUNICIPALITY_FILE).is_file())
            if argument.is_dir() and not (argument / MUNICIPALITY_FILE).is_file()
            else []
        )
        parents |= bool(children)
        folders += children or [argument]
    return folders, parents or len(folders) > 1


def output_folders(folders: list[Path], target: Path | None) -> dict[Path, Path]:
    """Each municipality's output folder: ZIEL/<name of its folder>, or outputs/<name>. Two
    folders of the same name would write into one: a ValueError names them."""
    names: dict[str, Path] = {}
    for folder in folders:
        # alike in case or Unicode form: one folder on Windows and macOS (fuzz review)
        # lower(), not casefold(): 'Weißenburg' and 'Weissenburg' are two folders there too (diff review)
        name = unicodedata.normalize("NFC", folder.resolve().name).lower()
        if name in names and names[name].resolve() != folder.resolve():
            alike = (
                "heißen gleich"
                if names[name].resolve().name == folder.resolve().name
                else (
                    "unterscheiden sich nur in der Groß- und Kleinschreibung oder in der Schreibweise der Umlaute; unter "
                    "Windows und macOS wären ihre Zielordner derselbe Ordner"
                )
            )
            raise ValueError(
                f"Die Ordner {names[name]} und {folder} {alike}; ihre Dokumente landeten im selben Zielordner."
            )
        names[name] = folder
    outputs = {folder: (target or Path("outputs")) / folder.resolve().name for folder in folders}
    for folder, output in outputs.items():
        outside_inputs(folder, output)
    return outputs


def outside_inputs(folder: Path, output: Path) -> None:
    """A ValueError if the output folder is the municipality's folder or lies inside it: Word and
    PDF files would stand among its YAML files, the papers beside its papers in vorlagen/ (a
    reviewer's 'build kreis-x -o kreis-x' was accepted without a word)."""
    inputs, target = folder.resolve(), output.resolve()
    if target == inputs or inputs in target.parents:
        raise ValueError(
            f"Der Zielordner {output} {'ist' if target == inputs else 'liegt im'} Ordner der Eingaben {folder}: "
            "Dort stünden Word- und PDF-Dateien "
            f"zwischen den YAML-Dateien. Bitte einen Zielordner außerhalb wählen, z. B. outputs/{inputs.name}."
        )
    # a folder the build writes into that is the inputs' folder (one named 'vorlagen', built with -o
    # its parent) or leads there (a link): the papers would stand among the YAML files, and a later
    # build removed an attachment of the inputs as outdated (fuzz review)
    for name in _written_folders():
        inside = (output / name).resolve()
        if inside == inputs or inputs in inside.parents or inside in inputs.parents:
            raise ValueError(
                f"Der Build schreibt in den Ordner {output / name}, und das ist der Ordner der Eingaben {folder} "
                f"(oder führt dorthin): Dort stünden Word- und PDF-Dateien zwischen den YAML-Dateien. Bitte einen "
                f"Zielordner wählen, der den Ordner der Eingaben nicht enthält, z. B. outputs/{inputs.name}."
            )


def _written_folders() -> list[str]:
    """Every folder below the output folder that a build writes into."""
    from pipeline.products import ATTACHMENTS, NON_PUBLIC_PAPERS, PRODUCTS, PUBLIC_PAPERS

    folders = [folder for product in PRODUCTS for folder in product.folders if folder]
    return [*dict.fromkeys(folders), *(f"{papers}/{ATTACHMENTS}" for papers in (PUBLIC_PAPERS, NON_PUBLIC_PAPERS))]


@dataclass
class Result:
    """How one municipality's build went."""

    folder: Path
    output: Path
    name: str = ""
    files: int = 0
    converted: int = 0
    reused: int = 0
    warnings: int = 0
    seconds: float = 0.0
    error: str | None = None
    started: float = field(default_factory=time.perf_counter)

    @property
    def ok(self) -> bool:
        return self.error is None


class Progress:
    """What a batch prints while it works; safe to call from the workers. On a terminal one
    line at the bottom shows the documents done, the municipalities done and the time still to
    go, redrawn at most five times a second; other lines are printed above it."""

    def __init__(self, municipalities: int, stream: TextIO | None = None, terminal: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.terminal = self.stream.isatty() if terminal is None else terminal
        self.municipalities = municipalities
        self.finished = 0
        self.started_municipalities = 0
        self.documents = 0
        self.done = 0
        self.begun = time.perf_counter()
        self._lock = threading.Lock()
        self._drawn = 0.0

    def started(self, documents: int) -> None:
        with self._lock:
            self.started_municipalities += 1
            self.documents += documents
            self._draw()

    def forget(self, documents: int, done: int) -> None:
        """Take back a municipality begun before: it is built again and counts afresh."""
        with self._lock:
            self.started_municipalities -= 1
            self.documents -= documents
            self.done -= done

    def document_done(self) -> None:
        with self._lock:
            self.done += 1
            self._draw()

    def finished_one(self, result: Result) -> None:
        with self._lock:
            self.finished += 1
            if not self.terminal:
                self._print(f"[{self.finished}/{self.municipalities}] {result_line(result)}")
            self._draw(force=True)

    def line(self, text: str) -> None:
        with self._lock:
            self._print(text)
            self._draw(force=True)

    def close(self) -> None:
        with self._lock:
            if self.terminal:
                self.stream.write("\r\x1b[K")
                self.stream.flush()

    def remaining(self) -> float | None:
        """Seconds still to go: the time per document so far, times the documents not yet done,
        counting for the municipalities not yet rendered as many as the others had on average."""
        if not self.done or not self.started_municipalities:
            return None
        expected = self.documents + (self.municipalities - self.started_municipalities) * (
            self.documents / self.started_municipalities
        )
        elapsed = time.perf_counter() - self.begun
        return max(0.0, elapsed / self.done * (expected - self.done))

    def bar(self, width: int = 24) -> str:
        expected = self.documents + (self.municipalities - self.started_municipalities) * (
            self.documents / max(1, self.started_municipalities)
        )
        share = min(1.0, self.done / expected) if expected else 0.0
        filled = round(share * width)
        left = self.remaining()
        eta = f" · noch etwa {_clock(left)}" if left is not None else ""
        return (
            f"[{'#' * filled}{'-' * (width - filled)}] {self.done}/{round(expected)} Dokumente · "
            f"{self.finished}/{self.municipalities} Kommunen{eta}"
        )

    def _print(self, text: str) -> None:
        if self.terminal:
            self.stream.write("\r\x1b[K")
        self.stream.write(text + "\n")
        self.stream.flush()

    def _draw(self, *, force: bool = False) -> None:
        now = time.perf_counter()
        if not self.terminal or (not force and now - self._drawn < 0.2):
            return
        self._drawn = now
        self.stream.write("\r\x1b[K" + self.bar()[: shutil.get_terminal_size((100, 24)).columns - 1])
        self.stream.flush()


def _clock(seconds: float) -> str:
    """'0:42', '12:05' – minutes and seconds."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def result_line(result: Result) -> str:
    """One municipality's outcome in a line."""
    if not result.ok:
        return f"{result.folder}: Fehler – {result.error}"
    return (
        f"{result.folder}: {count(result.files, 'Datei', 'Dateien')} (neu erzeugt {result.converted}, "
        f"unverändert {result.reused}) in {number(result.seconds, 1)} s"
    )


def build_many(
    folders: list[Path],
    outputs: dict[Path, Path],
    request: Request | None = None,
    *,
    strict: bool = False,
    workers: int = 2,
    progress: Progress | None = None,
    report: Callable[[str], None] | None = None,
) -> list[Result]:
    """Build every folder into its output folder; a municipality with errors is reported (its
    problems through `report`, one line each) and the others are built all the same. With
    several `workers`, as many municipalities are built at once, each in a process of its own;
    with one, one process renders the next municipality while it converts the last."""
    progress = progress or Progress(len(folders))
    run = _Run(outputs, request or Request(), strict, workers, progress, report or progress.line)
    results = _in_processes(folders, run) if workers > 1 and len(folders) > 1 else _in_one_process(folders, run)
    progress.close()
    return results


@dataclass(frozen=True)
class _Run:
    """How a batch runs: where each folder's documents go, what is built, how strictly, by how
    many workers, shown on which progress bar, with whose lines said where."""

    outputs: dict[Path, Path]
    request: Request
    strict: bool
    workers: int
    progress: Progress
    say: Callable[[str], None]


def _failed(result: Result, error: GesamtkonzeptError, say: Callable[[str], None]) -> None:
    """Note why a municipality failed; its problems in the inputs each on a line of their own."""
    if isinstance(error, InvalidInput):
        for line in listing(error.problems):
            say(f"{result.folder}/{line}")
        result.error = f"{summary(error.problems)} in den Eingaben"
    else:
        result.error = str(error)


def _checked(result: Result, strict: bool, say: Callable[[str], None]) -> Checked:
    """The municipality's folder checked, its warnings said, their number noted."""
    checked = check_folder(result.folder, strict=strict)
    result.name = checked.concept.municipality.name
    result.warnings = len(checked.warnings)
    for line in listing(checked.warnings):
        say(f"{result.folder}/{line}")
    return checked


def _written(result: Result, export: Export) -> None:
    """Wait for the municipality's documents, write them, note how many were made and kept."""
    written = export.finish()
    result.converted, result.reused = len(written.converted), len(written.reused)
    result.files = result.converted + result.reused


def _in_one_process(folders: list[Path], run: _Run) -> list[Result]:
    """One municipality after the other in this process; at most `workers` + 1 are rendered and
    waiting for their documents at a time."""
    outputs, request, strict, progress, say = run.outputs, run.request, run.strict, run.progress, run.say
    results: list[Result] = []
    waiting: deque[tuple[Result, Export]] = deque()

    def fail(result: Result, error: GesamtkonzeptError) -> None:
        _failed(result, error, say)
        finish(result)

    def finish(result: Result) -> None:
        result.seconds = time.perf_counter() - result.started
        progress.finished_one(result)

    def complete(result: Result, export: Export) -> None:
        try:
            _written(result, export)
        except GesamtkonzeptError as error:
            fail(result, error)
            return
        finish(result)

    with ThreadPoolExecutor(max_workers=run.workers) as pool:
        for folder in folders:
            result = Result(folder, outputs[folder], folder.resolve().name)
            results.append(result)
            try:
                export = prepare_export(_checked(result, strict, say), result.output, request)
                progress.started(export.documents)
                export.start(pool, progress.document_done)
            except GesamtkonzeptError as error:
                fail(result, error)
                continue
            waiting.append((result, export))
            while len(waiting) > run.workers:
                complete(*waiting.popleft())
        while waiting:
            complete(*waiting.popleft())
    return results


# --- several processes ------------------------------------------------------------------------

#: Where a municipality's process tells the run what it did, naming its folder:
#: ("begonnen", folder, documents) when a municipality is rendered, ("dokument", folder, None) per
#: document done.
_events: Any = None


def _in_processes(folders: list[Path], run: _Run) -> list[Result]:
    """`workers` processes, each building one municipality after the other (:func:`_build_one`);
    what they say is printed as each municipality is done, in the order they finish. A process
    that fails fails its municipality only. A process that ends (the system ran out of memory and
    ended it) breaks the pool: the municipalities not done by then are built again, one after
    the other in a single process. On Ctrl-C or SIGTERM the processes are ended as a single
    build is: what they wrote is whole."""
    import multiprocessing

    from pipeline.export import default_workers

    # spawn: a forked copy of this process would inherit its threads' locks (and the pipes of its
    # typst workers); a new interpreter imports only the pipeline
    context = multiprocessing.get_context("spawn")
    events = context.Queue()
    relay = threading.Thread(target=_relay, args=(events, run.progress), daemon=True)
    relay.start()
    results = [Result(folder, run.outputs[folder], folder.resolve().name) for folder in folders]
    waiting = list(range(len(results)))
    try:
        for processes in (min(run.workers, len(folders)), 1):
            # the conversions of all processes together: as many as a single build runs
            threads = max(1, default_workers() // processes)
            waiting = _in_pool(context, events, processes, threads, results, waiting, run)
            if not waiting:
                break
        for number in waiting:
            results[number].error = _process_failure(BrokenProcessPool())
            run.progress.finished_one(results[number])
    except BaseException:
        for process in multiprocessing.active_children():  # SIGTERM: each ends its build (_ended)
            with contextlib.suppress(OSError):  # already gone
                process.terminate()
        raise
    finally:
        events.put(None)
        relay.join()
    return results


def _in_pool(
    context: Any, events: Any, processes: int, threads: int, results: list[Result], waiting: list[int], run: _Run
) -> list[int]:
    """Build the municipalities at the positions `waiting` in a pool of `processes`, each result
    replaced by the one its process gives back; the positions of those left unbuilt because a
    process of the pool ended."""
    pool = ProcessPoolExecutor(processes, context, initializer=_process_started, initargs=(events,))
    broken: list[int] = []
    try:
        jobs = {pool.submit(_build_one, results[n], run.request, run.strict, threads): n for n in waiting}
        for job in as_completed(jobs):
            number = jobs[job]
            try:
                results[number], lines = job.result()
            except BrokenProcessPool:  # built again in the next pool
                broken.append(number)
                continue
            except Exception as error:  # the build failed unexpectedly: this one only
                results[number].error, lines = _process_failure(error), []
            for line in lines:
                run.say(line)
            run.progress.finished_one(results[number])
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # not waiting for the processes: they are ended
        raise
    pool.shutdown()
    return sorted(broken)


def _process_failure(error: BaseException) -> str:
    """Why a municipality's process gave no result, for the summary."""
    if isinstance(error, BrokenProcessPool):  # not built even in a pool of its own
        return (
            "Ein Prozess des Laufs ist unerwartet beendet worden, die Kommune blieb ungebaut. Bitte erneut bauen."
        )
    return f"Unerwarteter Fehler ({type(error).__name__}: {error}). Bitte melden."


def _relay(events: Any, progress: Progress) -> None:
    """Pass what the processes tell on to the progress bar, until told None; a bar that cannot
    be drawn (a closed terminal) does not stop the reading, or the processes could not end. A
    municipality begun again (its process ended, :func:`_in_processes`) is counted afresh: what
    the ended process counted for it is taken back."""
    counted: dict[str, tuple[int, int]] = {}  # folder → documents begun, documents done
    while (event := events.get()) is not None:
        kind, folder, number = event
        with contextlib.suppress(Exception):
            documents, done = counted.get(folder, (0, 0))
            if kind == "begonnen":
                if folder in counted:
                    progress.forget(documents, done)
                counted[folder] = (number, 0)
                progress.started(number)
            else:
                counted[folder] = (documents, done + 1)
                progress.document_done()


def _process_started(events: Any) -> None:
    """A municipality's process: where it tells the run what it does. Ctrl-C is the run's to
    handle; SIGTERM (the run ending it) ends its build as Ctrl-C ends a single one – files
    whole, work folders removed – and the process without a traceback."""
    global _events
    _events = events
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _ended)


def _ended(signum: int, frame: object) -> None:
    """SIGTERM from the run (or from outside): a build under way is ended as Ctrl-C ends a single
    one and the process leaves after it (:func:`_build_one`); an idle process leaves at once. It
    never goes back to the pool's queue: a process that ended meanwhile may have left its lock
    taken, and waiting for it kept the run from ending (a batch's SIGTERM test hung in CI). A
    second signal (the pool ends every process when one has ended) does not cut short the cleanup
    the first one began."""
    global _stopping
    if _stopping:
        return
    _stopping = True
    if _building:
        raise SystemExit(130)
    _leave()


#: Whether this process was told to end, and whether it is building a municipality.
_stopping = False
_building = False


def _leave() -> None:
    """End this process: its exit functions run (the work folders go), and the pool notices the
    process is gone – the run then builds again what was not done (:func:`_in_processes`)."""
    getattr(atexit, "_run_exitfuncs")()  # noqa: B009 – CPython's own, not in the typed stubs
    os._exit(130)


def _build_one(result: Result, request: Request, strict: bool, threads: int) -> tuple[Result, list[str]]:
    """One municipality built in a process of the batch, its documents converted on `threads`
    threads: how it went, and the lines to print. Ended during the build, the process leaves
    once the build has cleaned up (nothing half-written stays)."""
    from pipeline.export import model_left_alone

    global _building
    if _stopping:
        _leave()
    _building = True
    try:
        result.started = time.perf_counter()
        lines: list[str] = []
        try:
            export = prepare_export(_checked(result, strict, lines.append), result.output, request)
            _events.put(("begonnen", str(result.folder), export.documents))
            with ThreadPoolExecutor(max_workers=threads) as pool, model_left_alone():
                export.start(pool, lambda: _events.put(("dokument", str(result.folder), None)))
                _written(result, export)
        except GesamtkonzeptError as error:
            _failed(result, error, lines.append)
        result.seconds = time.perf_counter() - result.started
        return result, lines
    except SystemExit:  # ended during the build (_ended): cleaned up by now
        _leave()
        raise  # not reached: _leave ends the process
    finally:
        _building = False


def summary_table(results: list[Result], seconds: float) -> list[str]:
    """The table at the end of a batch: one row per municipality, and the totals."""
    from pipeline.terminal import columns

    rows = [("Kommune", "Ordner", "Ergebnis", "Dateien", "neu", "unverändert", "Warnungen", "Dauer")]
    for r in results:
        rows.append(
            (
                r.name,
                str(r.folder),
                "fertig" if r.ok else "Fehler",
                str(r.files) if r.ok else "–",
                str(r.converted) if r.ok else "–",
                str(r.reused) if r.ok else "–",
                str(r.warnings),
                f"{number(r.seconds, 1)} s",
            )
        )
    failed = [r for r in results if not r.ok]
    files = sum(r.files for r in results)
    total = (
        f"Zusammen: {count(len(results), 'Kommune', 'Kommunen', 'eine')}, {len(results) - len(failed)} fertig"
        + (f", {len(failed)} mit Fehlern" if failed else "")
        + f"; {count(files, 'Datei', 'Dateien')} in {number(seconds, 1)} s."
    )
    return [*columns(rows), "", total]
