"""Several municipalities in one run: `gesamtkonzept build` with several folders, or with a folder
of municipalities (each subfolder with a kommune.yaml) – a Land's youth office building all its
districts' concepts.

One process checks and renders one municipality after the other while a pool of workers converts
the documents of the municipalities already rendered (:class:`pipeline.export.Export`), so the
cores stay busy with pandoc and typst. A municipality with errors is reported and the run goes on;
at the end a table says how each one went. What the run prints while it works (:class:`Progress`)
is a progress bar with documents, municipalities and the time still to go on a terminal, and one
plain line per municipality otherwise (a log, a CI job).
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from pipeline.build import Request, check_folder, prepare_export
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
    problems through `report`, one line each) and the others are built all the same. At most
    `workers` + 1 municipalities are rendered and waiting for their documents at a time."""
    progress = progress or Progress(len(folders))
    say = report or progress.line
    results: list[Result] = []
    waiting: deque[tuple[Result, Export]] = deque()

    def fail(result: Result, error: GesamtkonzeptError) -> None:
        if isinstance(error, InvalidInput):
            for line in listing(error.problems):
                say(f"{result.folder}/{line}")
            result.error = f"{summary(error.problems)} in den Eingaben"
        else:
            result.error = str(error)
        finish(result)

    def finish(result: Result) -> None:
        result.seconds = time.perf_counter() - result.started
        progress.finished_one(result)

    def complete(result: Result, export: Export) -> None:
        try:
            written = export.finish()
        except GesamtkonzeptError as error:
            fail(result, error)
            return
        result.converted, result.reused = len(written.converted), len(written.reused)
        result.files = result.converted + result.reused
        finish(result)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for folder in folders:
            result = Result(folder, outputs[folder], folder.resolve().name)
            results.append(result)
            try:
                checked = check_folder(folder, strict=strict)
                result.name = checked.concept.municipality.name
                result.warnings = len(checked.warnings)
                for line in listing(checked.warnings):
                    say(f"{folder}/{line}")
                export = prepare_export(checked, result.output, request or Request())
                progress.started(export.documents)
                export.start(pool, progress.document_done)
            except GesamtkonzeptError as error:
                fail(result, error)
                continue
            waiting.append((result, export))
            while len(waiting) > workers:
                complete(*waiting.popleft())
        while waiting:
            complete(*waiting.popleft())
    progress.close()
    return results


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
