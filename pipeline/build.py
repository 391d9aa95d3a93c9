"""The pipeline in one screen: load → validate → model → render → export."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.changes import ChangeSet, compare
from pipeline.errors import InvalidInput, Problem
from pipeline.export.docx import finish_docx
from pipeline.export.figures import figure_folder
from pipeline.export.files import output_lock, write_atomically
from pipeline.export.manifest import (
    MANIFEST,
    KeptCopy,
    keep_edited_drafts,
    manifest_bytes,
    read_manifest,
    remove_files,
    stale_files,
)
from pipeline.export.oparl import PublishedFile, paper_records, to_json
from pipeline.export.pandoc import run_pandoc
from pipeline.export.pdf import compile_pdf, epoch_of
from pipeline.load import LoadedInputs, load_folder
from pipeline.model import Concept
from pipeline.papers import PaperView, paper_views
from pipeline.provenance import InputLocation, Origin, bookmark, text_index
from pipeline.qualitaet.review import quality_reviews
from pipeline.render import (
    TEMPLATE_DIR,
    RenderedDocument,
    render_concept,
    render_measure_plan,
    render_paper,
    render_quality_dialogue,
    safe_file_part,
)

REFERENCE_DOCX = TEMPLATE_DIR / "referenz.docx"
COLUMN_FILTER = TEMPLATE_DIR / "filter" / "spaltenausrichtung.lua"
LITERAL_FILTER = TEMPLATE_DIR / "filter" / "typst_woertlich.lua"
METADATA_FILTER = TEMPLATE_DIR / "filter" / "metadaten.lua"

#: Folders the papers are written to, whole: what an earlier build left there and this one does
#: not write any more is outdated.
PAPER_FOLDERS = ("vorlagen", "vorlagen-nichtoeffentlich")

#: What `gesamtkonzept build --nur …` can narrow a build to.
PRODUCTS = ("konzept", "vorlagen", "qualitaet")


@dataclass(frozen=True)
class Checked:
    """A municipality's folder after validation: the model, its warnings, and the loaded files
    (which know where every value stands, for the provenance of the Word files)."""

    folder: Path
    loaded: LoadedInputs
    concept: Concept
    warnings: list[Problem]


def check_inputs(folder: Path, *, strict: bool = False) -> Checked:
    """Load and validate a municipality's folder.

    Raises InvalidInput listing every error – and, if `strict`, every warning as well.
    """
    from pipeline.validate import check

    loaded, problems = load_folder(folder)
    concept, warnings = check(loaded, problems)
    if strict and warnings:
        raise InvalidInput(warnings, strict=True)
    return Checked(folder, loaded, concept, warnings)


def check_folder(folder: Path, *, strict: bool = False) -> tuple[Concept, list[Problem]]:
    """The concept and its warnings (see :func:`check_inputs`)."""
    checked = check_inputs(folder, strict=strict)
    return checked.concept, checked.warnings


def load_concept(folder: Path) -> Concept:
    """Load and validate a municipality's folder; raises InvalidInput listing every error."""
    return check_folder(folder)[0]


def load_fassung(spec: str) -> Concept:
    """An earlier Fassung (a folder or REVISION:ORDNER from git), its problems marked as its own
    so nobody looks for them in the current inputs."""
    from pipeline.revisions import input_folder

    with input_folder(spec) as folder:
        try:
            return load_concept(folder)
        except InvalidInput as error:
            raise InvalidInput(
                [dataclasses.replace(p, file=f"[{spec}] {p.file}") for p in error.problems]
            ) from None


def _docx_args(doc: RenderedDocument) -> tuple[str, ...]:
    args = [
        f"--lua-filter={COLUMN_FILTER}",
        f"--lua-filter={METADATA_FILTER}",
        f"--reference-doc={REFERENCE_DOCX}",
        f"--metadata=lang:{doc.lang}",
    ]
    if doc.toc:
        args += ["--toc", "--toc-depth=2", "--metadata=toc-title:Inhalt"]
    if doc.numbered:
        args.append("--number-sections")
    return tuple(args)


def _docx_metadata(doc: RenderedDocument) -> dict[str, str]:
    """The title block of the Word file; author and date only under a title page."""
    metadata = {"title": doc.title, "subtitle": doc.subtitle}
    if doc.title_page:
        metadata |= {"author": doc.author, "date": doc.footer_text}
    return metadata


def _word(doc: RenderedDocument, index: dict[str, list[InputLocation]]) -> tuple[bytes, list[Origin]]:
    """The Word file, every block bookmarked, and where each bookmarked block came from."""
    html, origins = bookmark(doc.body_html, index)
    with figure_folder(doc.figures) as figures:
        args = (*_docx_args(doc), f"--resource-path={figures}")
        raw = run_pandoc(html, "docx", args, epoch_of(doc), _docx_metadata(doc))
    return finish_docx(raw, doc), origins


def _pdf(doc: RenderedDocument) -> bytes:
    typst_args = (f"--lua-filter={COLUMN_FILTER}", f"--lua-filter={LITERAL_FILTER}", "--wrap=preserve")
    body = run_pandoc(doc.body_html, "typst", typst_args, epoch_of(doc)).decode("utf-8")
    return compile_pdf(body, doc, doc.layout)


def output_path(doc: RenderedDocument, suffix: str) -> str:
    """Where a document's file goes, relative to the output folder, with '/'."""
    name = f"{doc.file_stem}{suffix}"
    return f"{doc.folder}/{name}" if doc.folder else name


@dataclass
class Exported:
    """Bytes by relative path, and the provenance of every Word file's blocks."""

    files: dict[str, bytes] = field(default_factory=dict)
    origins: dict[str, list[Origin]] = field(default_factory=dict)


def export_documents(
    docs: Iterable[RenderedDocument], index: dict[str, list[InputLocation]] | None = None
) -> Exported:
    """Word and PDF bytes of every document (nothing written yet).

    The chains are independent; they run side by side (pandoc runs as a process, typst and
    lxml release the interpreter for most of their work).
    """
    index = index or {}
    result = Exported()
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        jobs = [(doc, pool.submit(_word, doc, index), pool.submit(_pdf, doc)) for doc in docs]
        for doc, word, pdf in jobs:
            docx_path = output_path(doc, ".docx")
            result.files[docx_path], result.origins[docx_path] = word.result()
            result.files[output_path(doc, ".pdf")] = pdf.result()
    return result


def export_document(doc: RenderedDocument) -> dict[str, bytes]:
    """Word and PDF bytes of one document, by suffix."""
    files = export_documents([doc]).files
    return {suffix: files[output_path(doc, suffix)] for suffix in (".docx", ".pdf")}


def _published(doc: RenderedDocument, files: dict[str, bytes], name: str) -> PublishedFile:
    path = output_path(doc, ".pdf")
    return PublishedFile(name, path, files[path], doc.date)


def attachment_paths(views: list[PaperView]) -> dict[Path, str]:
    """Where the PDFs that papers attach from the inputs go: 'vorlagen/anlagen/<name>.pdf' (or
    beside the non-public papers if only those attach it), a number added where two different
    files share a name."""
    paths: dict[Path, str] = {}
    for source in dict.fromkeys(a.file for view in views for a in view.attachments if a.file):
        public = any(view.paper.public for view in views if any(a.file == source for a in view.attachments))
        folder = PAPER_FOLDERS[0] if public else PAPER_FOLDERS[1]
        stem, number = safe_file_part(source.stem), 1
        while (candidate := f"{folder}/anlagen/{stem}{f'-{number}' if number > 1 else ''}.pdf") in paths.values():
            number += 1
        paths[source] = candidate
    return paths


def _oparl_files(
    views: list[PaperView],
    papers: list[RenderedDocument],
    attachments: dict[str, RenderedDocument],
    copied: dict[Path, str],
    files: dict[str, bytes],
) -> dict[str, bytes]:
    """One OParl record per paper, describing the PDFs as they are about to be written."""
    records = {}
    for view, doc in zip(views, papers, strict=True):
        main = _published(doc, files, doc.title)
        auxiliary = [
            _published(attachments[a.generated], files, a.title)
            if a.generated
            else PublishedFile(a.title, copied[a.file], files[copied[a.file]], doc.date)
            for a in view.attachments
            if a.has_file
        ]
        records[output_path(doc, ".oparl.json")] = to_json(paper_records(view, main, auxiliary))
    return records


@dataclass(frozen=True)
class Written:
    """What a build wrote, the edited Word files it kept, and the outdated files it removed."""

    paths: list[Path]
    kept: list[KeptCopy]
    removed: list[Path]


def write_outputs(
    checked: Checked,
    output: Path,
    only: str | None = None,
    template_dir: Path = TEMPLATE_DIR,
    changes: ChangeSet | None = None,
    draft: bool = False,
) -> Written:
    """Render and export a validated concept and its council papers, one build at a time.

    `only` narrows the build to one of PRODUCTS; papers always come with the attachments they
    list, so their OParl records describe files that exist. With `changes`
    the concept lists what changed since an earlier Fassung; `draft` marks every page as
    ENTWURF and numbers the lines of the Word files. Word files edited in the output folder
    since the last build are moved aside, never overwritten; the manifest records what was
    written and where each paragraph came from.
    """
    concept = checked.concept
    wanted = {only} if only else set(PRODUCTS)
    with output_lock(output):
        views = paper_views(concept) if "vorlagen" in wanted else []
        needed = {kind for view in views for kind in view.generated_attachments}
        reviews = quality_reviews(concept)
        attachments: dict[str, RenderedDocument] = {}
        if "konzept" in wanted or "gesamtkonzept" in needed:
            attachments["gesamtkonzept"] = render_concept(concept, template_dir, changes, reviews)
        if "massnahmenplan" in needed:
            attachments["massnahmenplan"] = render_measure_plan(concept, template_dir)
        papers = [render_paper(view, template_dir) for view in views]
        dialogues = (
            [render_quality_dialogue(review, template_dir) for review in reviews] if "qualitaet" in wanted else []
        )
        docs = [dataclasses.replace(doc, draft=draft) for doc in [*attachments.values(), *papers, *dialogues]]
        exported = export_documents(docs, text_index(checked.loaded))
        files = exported.files
        copied = attachment_paths(views)
        files.update({path: source.read_bytes() for source, path in copied.items()})
        files.update(_oparl_files(views, papers, attachments, copied, files))
        previous = read_manifest(output)
        rewritten = PAPER_FOLDERS if "vorlagen" in wanted else ()
        stale = stale_files(output, files, previous, rewritten)
        files[MANIFEST] = manifest_bytes(
            previous, concept, checked.loaded, files, exported.origins, draft, tuple(stale)
        )
        kept = keep_edited_drafts(output, files, previous)
        paths = write_atomically({output / path: data for path, data in files.items()})
        remove_files(output, stale)
        return Written(paths, kept, [output / path for path in stale])


def build(
    folder: Path,
    output: Path,
    only: str | None = None,
    template_dir: Path = TEMPLATE_DIR,
    earlier: str | Path | None = None,
    *,
    strict: bool = False,
    draft: bool = False,
) -> list[Path]:
    """Check a municipality's folder and build its documents (see :func:`write_outputs`);
    `earlier` is the input folder of an earlier Fassung to compare with."""
    checked = check_inputs(folder, strict=strict)
    changes = compare(load_fassung(str(earlier)), checked.concept) if earlier is not None else None
    return write_outputs(checked, output, only, template_dir, changes, draft).paths


def build_concept(
    folder: Path, output: Path, template_dir: Path = TEMPLATE_DIR, *, strict: bool = False
) -> list[Path]:
    """Build only the Gesamtkonzept (Word and PDF)."""
    return build(folder, output, "konzept", template_dir, strict=strict)
