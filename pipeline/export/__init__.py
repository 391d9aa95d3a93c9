"""Stage 5, export: rendered documents into files – Word, PDF, OParl records, the manifest.

Entry points: :func:`convert` turns documents into Word and PDF bytes (:mod:`.to_docx`,
:mod:`.to_pdf`; the two chains run side by side), :func:`write_outputs` assembles a build's
whole file set and writes it (:func:`write_set`); :class:`Export` is the same in two steps, so a
batch can let a pool of workers convert the documents of several municipalities at once.
Exporters only read what render produced and the model; only :mod:`.files` touches the output
folder: one build at a time, the whole set as one step, what an interrupted build left completed
by the next one. A Word or PDF file whose inputs have not changed since the last build is kept
(:mod:`.cache`), and so is every other file whose bytes are the same: neither is written again.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import collector, products
from pipeline.errors import InvalidInput
from pipeline.export.cache import file_key
from pipeline.export.docx_check import accessibility_gaps
from pipeline.export.files import (
    Change,
    Committed,
    KeptCopy,
    commit,
    finish_interrupted,
    output_lock,
    remove_leftover_temps,
    sha256,
)
from pipeline.export.manifest import (
    MANIFEST,
    BuildRecord,
    DocumentIdentity,
    deliberated_files,
    keep_draft_manifest,
    manifest_bytes,
    papers_of_an_earlier_fassung,
    read_manifest,
    recorded_hash,
    recorded_key,
    stale_files,
)
from pipeline.export.oparl import oparl_files
from pipeline.findings import WARNING, Finding, at
from pipeline.formatting import german_date, safe_file_part
from pipeline.model.inputs import DELIBERATED_FOLDER, PaperFile
from pipeline.render import RenderedPaper, RenderedSet
from pipeline.render.document import RenderedDocument
from pipeline.render.provenance import InputLocation, Origin, bookmark

__all__ = [
    "BuildRecord",
    "Export",
    "Exported",
    "Written",
    "convert",
    "export_document",
    "write_outputs",
    "write_set",
]


@dataclass
class Exported:
    """Bytes by relative path, the provenance of every Word file's blocks, and what a
    screen-reader user would miss in the Word files (warnings naming the file)."""

    files: dict[str, bytes] = field(default_factory=dict)
    origins: dict[str, list[Origin]] = field(default_factory=dict)
    gaps: list[Finding] = field(default_factory=list)


def gaps_in(files: dict[str, bytes]) -> list[Finding]:
    """What a screen-reader user would miss in each Word file among `files`, as warnings."""
    return [gap for path, data in files.items() if path.endswith(".docx") for gap in _gaps_of(path, data)]


def _gaps_of(path: str, data: bytes) -> list[Finding]:
    return [Finding(at(path), gap, WARNING) for gap in accessibility_gaps(data)]


def convert(
    docs: list[RenderedDocument],
    index: dict[str, list[InputLocation]] | None = None,
    record: BuildRecord | None = None,
) -> Exported:
    """Word and PDF bytes of every document (nothing written yet); with the `record` of a build,
    each Word file carries the build's identity.

    The chains are independent; they run side by side (pandoc runs as a process, typst and
    lxml release the interpreter for most of their work).
    """
    from pipeline.export.to_docx import to_docx
    from pipeline.export.to_pdf import to_pdf

    index = index or {}
    result = Exported()
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        jobs = [(doc, pool.submit(to_docx, doc, index, record), pool.submit(to_pdf, doc)) for doc in docs]
        for doc, word, pdf in jobs:
            docx_path = doc.path(".docx")
            result.files[docx_path], result.origins[docx_path] = word.result()
            result.files[doc.path(".pdf")] = pdf.result()
    result.gaps = gaps_in(result.files)
    return result


def export_document(doc: RenderedDocument) -> dict[str, bytes]:
    """Word and PDF bytes of one document, by suffix."""
    files = convert([doc]).files
    return {suffix: files[doc.path(suffix)] for suffix in (".docx", ".pdf")}


def attachment_paths(papers: list[RenderedPaper]) -> dict[Path, str]:
    """Where the PDFs that papers attach from the inputs go: 'vorlagen/anlagen/<name>.pdf' (or
    beside the non-public papers if only those attach it), a number added where two different
    files share a name."""
    paths: dict[Path, str] = {}
    sources = [a.file for p in papers for a in p.view.attachments if a.file]
    for source in dict.fromkeys(sources):
        public = any(p.view.paper.public for p in papers if any(a.file == source for a in p.view.attachments))
        folder = f"{products.paper_folder(public)}/{products.ATTACHMENTS}"
        stem, number = safe_file_part(source.stem), 1
        while (candidate := f"{folder}/{stem}{f'-{number}' if number > 1 else ''}.pdf") in paths.values():
            number += 1
        paths[source] = candidate
    return paths


@dataclass(frozen=True)
class Written:
    """What a build wrote, the edited files it kept, and the outdated files it removed;
    `interrupted` is when an earlier build had started that was interrupted while writing and
    that this one completed first (its kept copies are among `kept`). `converted` and `reused`
    are the Word and PDF files (paths in the output folder) made anew and kept unchanged."""

    paths: list[Path]
    kept: list[KeptCopy]
    removed: list[Path]
    interrupted: dt.datetime | None = None
    converted: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    gaps: list[Finding] = field(default_factory=list)
    #: Outdated files left in place because someone changed them (:attr:`Committed.left`).
    left: list[Path] = field(default_factory=list)


def default_workers() -> int:
    """Workers converting documents side by side: one per core, at least two (pandoc runs as a
    process, typst and lxml release the interpreter for most of their work)."""
    return max(2, os.cpu_count() or 2)


@dataclass
class _File:
    """One Word or PDF file of a build: its key, and its bytes – kept from the output folder, or
    being made by a worker."""

    doc: RenderedDocument
    suffix: str
    key: str
    origins: list[Origin] = field(default_factory=list)
    identity: DocumentIdentity | None = None
    kept: bytes | None = None
    job: Future[tuple[bytes, list[Finding]]] | None = None

    @property
    def path(self) -> str:
        return self.doc.path(self.suffix)


def papers_overwritten(
    papers: list[RenderedPaper], output: Path, previous: dict[str, Any], record: BuildRecord
) -> list[Finding]:
    """Papers to build whose every sitting lies before the Stand and whose files in the output
    folder a build of an earlier Fassung wrote: that is the record of what the committees had,
    and this build would write this Fassung's numbers over it (Saxon year-later review: the
    adopted Beschlussvorlage rewritten, the agreement it attached removed). The build stops
    before anything is written; the paper belongs in vorlagen/beraten/."""
    recorded = papers_of_an_earlier_fassung(output, previous, record.version)
    found = []
    for rendered in papers:
        paper = rendered.view.paper
        last = paper.last_sitting
        if paper.number not in recorded or last is None or last >= record.stand:
            continue
        files = rendered.view.concept.files
        source = next(
            (name for name, f in files.items() if isinstance(f, PaperFile) and f.paper is paper), "vorlagen"
        )
        found.append(
            Finding(
                at(source),
                f"Die Vorlage {paper.number} wurde zuletzt am {german_date(last)} beraten, vor dem Stand dieser "
                f"Fassung ({german_date(record.stand)}); ihre Dateien im Ausgabeordner hat der Build der Fassung "
                f"{previous.get('fassung')} geschrieben ({recorded[paper.number]}). Dieser Build würde sie mit den "
                f"Angaben der Fassung {record.version} überschreiben und hat nichts geschrieben. Ist die Vorlage beraten, "
                f"bitte die Datei nach {DELIBERATED_FOLDER}/ verschieben: Dann bleiben ihre Dateien (mit ihren "
                "Anlagen), wie die Gremien sie hatten. Soll sie wirklich neu entstehen, zuerst ihre Dateien aus dem "
                "Ausgabeordner entfernen.",
            )
        )
    return found


def _unchanged(output: Path, previous: dict[str, Any], path: str, key: str) -> bytes | None:
    """The file's bytes in the output folder if the last build recorded this key for it and the
    file still has the bytes it recorded; else None."""
    recorded = recorded_hash(previous, path)
    if recorded is None or recorded_key(previous, path) != key:
        return None
    target = output / path
    try:
        data = target.read_bytes() if target.is_file() else None
    except OSError:
        return None
    return data if data is not None and sha256(data) == recorded else None


class Export:
    """A build's files in two steps: :meth:`start` locks the output folder, completes what an
    interrupted build left, decides which Word and PDF files to keep and hands the others to the
    workers (`pool`); :meth:`finish` waits for them and writes the set. Between the two, the
    caller may prepare the next municipality. `done` is called (from a worker) as each file is
    ready. What a screen-reader user would miss in a Word file comes back as warnings (`gaps`);
    if `strict`, they stop the build before anything is written. A `build_key` is recorded in
    the manifest for the next build to skip everything (:mod:`pipeline.unchanged`), unless
    there are gaps to report."""

    def __init__(
        self,
        rendered: RenderedSet,
        output: Path,
        record: BuildRecord,
        index: dict[str, list[InputLocation]] | None = None,
        *,
        strict: bool = False,
        build_key: str | None = None,
    ) -> None:
        self.rendered = rendered
        self.build_key = build_key
        self.strict = strict
        self.output = output
        self.record = record
        self.index = index or {}
        self.files: list[_File] = []
        self.interrupted: Committed | None = None
        self.previous: dict[str, Any] = {}
        self._stack = ExitStack()

    def start(self, pool: Executor, done: Callable[[], None] | None = None) -> None:
        self._stack.enter_context(output_lock(self.output))
        try:
            self.interrupted = finish_interrupted(self.output)
            self.previous = read_manifest(self.output)
            overwritten = papers_overwritten(self.rendered.papers, self.output, self.previous, self.record)
            if overwritten:
                raise InvalidInput(overwritten)
            for doc in self.rendered.documents:
                # the PDF first: it needs no bookmarks, and the concept's PDF is a build's longest job
                pdf = _File(doc, ".pdf", file_key(doc, ".pdf"))
                self._start(pdf, doc.body_html, pool, done)
                html, origins = bookmark(doc.body_html, self.index, own_file=doc.source_file)
                identity = DocumentIdentity.of(self.record, doc.path(".docx"), origins)
                word = _File(doc, ".docx", file_key(doc, ".docx", identity.properties()), origins, identity)
                self._start(word, html, pool, done)
                self.files += [word, pdf]
        except BaseException:
            self.close()
            raise

    def _start(self, made: _File, html: str, pool: Executor, done: Callable[[], None] | None) -> None:
        """Keep the file if the last build made it from the same key, else hand it to a worker."""
        made.kept = _unchanged(self.output, self.previous, made.path, made.key)
        if made.kept is None:
            made.job = pool.submit(_convert, made, html)
            if done:
                made.job.add_done_callback(lambda _: done())
        elif done:
            done()

    def finish(self) -> Written:
        """Wait for the workers and write the set; the folder's lock is released either way."""
        try:
            # made while the workers convert: the main thread would only wait for them
            pages_and_workbooks = _pages_and_workbooks(self.rendered)
            files: dict[str, bytes] = {}
            gaps: list[Finding] = []
            for made in self.files:
                data, found = made.job.result() if made.job else _kept(made)
                files[made.path] = data
                gaps += found
            origins = {made.path: made.origins for made in self.files if made.suffix == ".docx"}
            keys = {made.path: made.key for made in self.files}
            builds = {made.path: made.identity.build for made in self.files if made.identity}
            if self.strict and gaps:
                raise InvalidInput(gaps, strict=True)
            papers = self.rendered.papers
            copied = attachment_paths(papers)
            files.update({path: source.read_bytes() for source, path in copied.items()})
            files.update(oparl_files(papers, self.rendered.attachments, copied, files))
            files.update(pages_and_workbooks)
            folders = self.rendered.owned_folders
            build_key = None if gaps else self.build_key
            written = _write(
                self.output,
                files,
                self.record,
                origins,
                folders,
                keys,
                builds,
                self.previous,
                build_key,
                self.rendered.deliberated,
            )
        finally:
            self.close()
        done = self.interrupted
        return Written(
            written.written,
            [*(done.kept if done else []), *written.kept],
            written.removed,
            done.started if done else None,
            [made.path for made in self.files if made.job is not None],
            [made.path for made in self.files if made.job is None],
            gaps,
            written.left,
        )

    def run(self, pool: Executor | None = None) -> Written:
        """Both steps at once, on `pool` or on workers of its own, the model left alone by the
        garbage collector (:func:`model_left_alone`)."""
        with ExitStack() as stack:
            if pool is None:
                pool = stack.enter_context(ThreadPoolExecutor(max_workers=default_workers()))
            stack.enter_context(model_left_alone())
            self.start(pool)
            return self.finish()

    def close(self) -> None:
        """Give up: cancel what has not started, wait for the rest, release the lock."""
        for made in self.files:
            if made.job is not None and not made.job.cancel():
                made.job.exception()  # wait: the worker may still use the folder's name
        self._stack.close()

    @property
    def documents(self) -> int:
        """How many Word and PDF files the build makes or keeps."""
        return 2 * len(self.rendered.documents)


@contextmanager
def model_left_alone() -> Iterator[None]:
    """While the documents are converted, what exists when this begins – the inputs, the model,
    the rendered documents, all needed until the files are written – is kept out of the garbage
    collector's rounds (gc.freeze), and the collector makes no rounds of its own
    (:func:`pipeline.collector.paused`); both are taken back afterwards. The conversions make
    millions of short-lived objects (lxml's, python-docx's, pandoc's document tree), and each
    round walked all that lived at the time again: with the model frozen, 20 municipalities built
    with two workers took 3,5–4 s less CPU (of 50); without rounds, a build of 500 measures takes
    0,6–1,3 s less (of 14), and the Word tree of a concept of 5,000 measures is made in 3 s
    instead of 6,4. Garbage is still freed: refcounts free what is not circular, and the Word
    files, whose parts refer to each other, are collected as each large one is saved
    (:mod:`.docx_finish`); a build of 500 measures peaks about 25 MB higher."""
    gc.freeze()
    try:
        with collector.paused():
            yield
    finally:
        gc.unfreeze()


def _pages_and_workbooks(rendered: RenderedSet) -> dict[str, bytes]:
    """The web page and the workbook of a build: made from the model at once, no conversion
    worth keeping."""
    from pipeline.export.to_html import to_html
    from pipeline.export.to_xlsx import to_xlsx

    files = {doc.path(".html"): to_html(doc) for doc in rendered.pages}
    files.update({book.path(".xlsx"): to_xlsx(book) for book in rendered.workbooks})
    return files


def _kept(made: _File) -> tuple[bytes, list[Finding]]:
    """A file kept from the last build, and what a screen-reader user would miss in it."""
    data = made.kept or b""
    return data, _gaps_of(made.path, data) if made.suffix == ".docx" else []


def _convert(made: _File, bookmarked_html: str) -> tuple[bytes, list[Finding]]:
    """One file made by a worker, and what a screen-reader user would miss in it (the converters
    load only when a file needs converting)."""
    if made.suffix == ".docx":
        from pipeline.export.to_docx import docx_of

        data = docx_of(made.doc, bookmarked_html, made.identity)
        return data, _gaps_of(made.path, data)
    from pipeline.export.to_pdf import to_pdf

    return to_pdf(made.doc), []


def write_outputs(
    rendered: RenderedSet,
    output: Path,
    record: BuildRecord,
    index: dict[str, list[InputLocation]] | None = None,
    pool: Executor | None = None,
    *,
    strict: bool = False,
) -> Written:
    """Convert a build's documents and write them with everything that belongs to them – the
    PDFs papers attach, their OParl records, the web page and workbook, the manifest – one
    build at a time. Word and PDF files whose key is unchanged are kept (:mod:`.cache`); with
    `strict`, gaps in accessibility stop the build before anything is written."""
    return Export(rendered, output, record, index, strict=strict).run(pool)


def write_set(
    output: Path,
    files: dict[str, bytes],
    record: BuildRecord,
    origins: dict[str, list[Origin]] | None = None,
    owned_folders: tuple[str, ...] = (),
) -> Written:
    """Write a build's files (bytes by path in `output`) and its manifest as one step; the
    caller holds the folder's lock (:func:`.files.output_lock`).

    First what an interrupted build left is completed or discarded (:mod:`.files`). Files
    edited in the output folder since the last build are moved aside, never overwritten; files
    an earlier build wrote into a folder this build writes whole (`owned_folders`) and that it
    no longer makes are removed, unless changed since; files whose bytes are already there stay
    untouched; the manifest records what was written and where each paragraph came from.
    """
    interrupted = finish_interrupted(output)
    done = _write(output, files, record, origins or {}, owned_folders, {}, {}, read_manifest(output))
    if interrupted is None:
        return Written(done.written, done.kept, done.removed, left=done.left)
    return Written(
        done.written, [*interrupted.kept, *done.kept], done.removed, interrupted.started, left=done.left
    )


def _write(
    output: Path,
    files: dict[str, bytes],
    record: BuildRecord,
    origins: dict[str, list[Origin]],
    owned_folders: tuple[str, ...],
    keys: dict[str, str],
    builds: dict[str, str],
    previous: dict[str, Any],
    build_key: str | None = None,
    deliberated: tuple[str, ...] = (),
) -> Committed:
    """The set written, after what an interrupted build left is dealt with (:func:`write_set`)."""
    remove_leftover_temps(output, [*previous.get("dateien", {}), *files, MANIFEST])
    stale = stale_files(output, files, previous, owned_folders, deliberated_files(output, previous, deliberated))
    manifest = manifest_bytes(previous, record, files, origins, tuple(stale), keys, builds, build_key)
    changes = [
        *(
            # every file: a PDF annotated, notes in the workbook were replaced unasked (fuzz review)
            Change(path, data, recorded_hash(previous, path), protect=True)
            for path, data in files.items()
            if not _in_place(output, path, data, previous)
        ),
        *(Change(path, None, recorded_hash(previous, path)) for path in stale),
        *([] if _in_place(output, MANIFEST, manifest, previous) else [Change(MANIFEST, manifest)]),
    ]
    done = commit(output, changes) if changes else Committed([], [], [])
    if record.draft:  # after the build's own files: a build that fails leaves no copy behind
        keep_draft_manifest(output, record.build_id, manifest)
    return done


def _in_place(output: Path, path: str, data: bytes, previous: dict[str, Any]) -> bool:
    """Whether the output folder holds these very bytes at `path` already, as the last build
    recorded them (the manifest: as it is): then the file is not written again."""
    target = output / path
    new = sha256(data)
    if path != MANIFEST and recorded_hash(previous, path) != new:
        return False
    try:
        return target.is_file() and target.stat().st_size == len(data) and sha256(target.read_bytes()) == new
    except OSError:
        return False
