"""Stage 5, export: rendered documents into files – Word, PDF, OParl records, the manifest.

Entry points: :func:`convert` turns documents into Word and PDF bytes (:mod:`.to_docx`,
:mod:`.to_pdf`; the two chains run side by side), :func:`write_outputs` assembles a build's
whole file set and writes it (:func:`write_set`). Exporters only read what render produced and
the model; only :mod:`.files` touches the output folder: one build at a time, the whole set as
one step, what an interrupted build left completed by the next one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import products
from pipeline.errors import InvalidInput
from pipeline.export.docx_check import accessibility_gaps
from pipeline.export.files import (
    Change,
    KeptCopy,
    commit,
    finish_interrupted,
    output_lock,
    remove_leftover_temps,
)
from pipeline.export.manifest import (
    MANIFEST,
    BuildRecord,
    manifest_bytes,
    read_manifest,
    recorded_hash,
    stale_files,
)
from pipeline.export.oparl import oparl_files
from pipeline.export.to_docx import to_docx
from pipeline.export.to_html import to_html
from pipeline.export.to_pdf import to_pdf
from pipeline.export.to_xlsx import to_xlsx
from pipeline.findings import WARNING, Finding, at
from pipeline.formatting import safe_file_part
from pipeline.render import RenderedPaper, RenderedSet
from pipeline.render.document import RenderedDocument
from pipeline.render.provenance import InputLocation, Origin

__all__ = ["BuildRecord", "Exported", "Written", "convert", "export_document", "write_outputs", "write_set"]


@dataclass
class Exported:
    """Bytes by relative path, the provenance of every Word file's blocks, and what a
    screen-reader user would miss in the Word files (warnings naming the file)."""

    files: dict[str, bytes] = field(default_factory=dict)
    origins: dict[str, list[Origin]] = field(default_factory=dict)
    gaps: list[Finding] = field(default_factory=list)


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
    index = index or {}
    result = Exported()
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        jobs = [(doc, pool.submit(to_docx, doc, index, record), pool.submit(to_pdf, doc)) for doc in docs]
        for doc, word, pdf in jobs:
            docx_path = doc.path(".docx")
            result.files[docx_path], result.origins[docx_path] = word.result()
            result.files[doc.path(".pdf")] = pdf.result()
            result.gaps += [
                Finding(at(docx_path), gap, WARNING) for gap in accessibility_gaps(result.files[docx_path])
            ]
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
    """What a build wrote, the edited Word files it kept, and the outdated files it removed;
    `interrupted` is when an earlier build had started that was interrupted while writing and
    that this one completed first (its kept copies are among `kept`)."""

    paths: list[Path]
    kept: list[KeptCopy]
    removed: list[Path]
    interrupted: dt.datetime | None = None
    gaps: list[Finding] = field(default_factory=list)


def write_outputs(
    rendered: RenderedSet,
    output: Path,
    record: BuildRecord,
    index: dict[str, list[InputLocation]] | None = None,
    *,
    strict: bool = False,
) -> Written:
    """Convert a build's documents and write them with everything that belongs to them – the
    PDFs papers attach, their OParl records, the manifest – one build at a time. What a
    screen-reader user would miss in a Word file comes back as warnings (`gaps`); if `strict`,
    they stop the build before anything is written."""
    with output_lock(output):
        exported = convert(rendered.documents, index, record)
        if strict and exported.gaps:
            raise InvalidInput(exported.gaps, strict=True)
        files = exported.files
        copied = attachment_paths(rendered.papers)
        files.update({path: source.read_bytes() for source, path in copied.items()})
        files.update(oparl_files(rendered.papers, rendered.attachments, copied, files))
        files.update({doc.path(".html"): to_html(doc) for doc in rendered.pages})
        files.update({book.path(".xlsx"): to_xlsx(book) for book in rendered.workbooks})
        written = write_set(output, files, record, exported.origins, rendered.owned_folders)
        return dataclasses.replace(written, gaps=exported.gaps)


def write_set(
    output: Path,
    files: dict[str, bytes],
    record: BuildRecord,
    origins: dict[str, list[Origin]] | None = None,
    owned_folders: tuple[str, ...] = (),
) -> Written:
    """Write a build's files (bytes by path in `output`) and its manifest as one step; the
    caller holds the folder's lock (:func:`.files.output_lock`).

    First what an interrupted build left is completed or discarded (:mod:`.files`). Word files
    edited in the output folder since the last build are moved aside, never overwritten; files
    an earlier build wrote into a folder this build writes whole (`owned_folders`) and that it
    no longer makes are removed, unless changed since; the manifest records what was written
    and where each paragraph came from.
    """
    interrupted = finish_interrupted(output)
    previous = read_manifest(output)
    remove_leftover_temps(output, [*previous.get("dateien", {}), *files, MANIFEST])
    stale = stale_files(output, files, previous, owned_folders)
    manifest = manifest_bytes(previous, record, files, origins or {}, tuple(stale))
    changes = [
        *(
            Change(path, data, recorded_hash(previous, path), protect=path.endswith(".docx"))
            for path, data in files.items()
        ),
        *(Change(path, None, recorded_hash(previous, path)) for path in stale),
        Change(MANIFEST, manifest),
    ]
    done = commit(output, changes)
    if interrupted is None:
        return Written(done.written, done.kept, done.removed)
    return Written(done.written, [*interrupted.kept, *done.kept], done.removed, interrupted.started)
