"""Compiles the Typst body inside the layout of ``templates/<art>.typ`` to a tagged PDF/A-2a and
PDF/UA-1 file. The body is written from the intermediate HTML by :mod:`.to_typst`, every text a
string literal; pandoc takes no part in the PDF.

Everything the layout needs from the model (title, municipality, date) goes in as plain strings in
a JSON file beside the body (:data:`DATA_FILE`), so user text is never read as Typst markup – a
file and not typst's ``sys.inputs``, so that typst keeps what it has laid out across documents and
municipalities (see ``templates/gemeinsam.typ``); the logo is checked
again and copied into the compiler's root under a fixed name, and only that name is passed.
Fonts come from a pip package, so the PDF looks the same on every machine, and the timestamp is
the concept's Stand, so equal inputs give equal bytes. What typst still refuses reaches the user
as a short German sentence (:func:`typst_problem`), not as typst's English. The compile itself
runs in a worker process (:mod:`.typst_worker`), so typst's cache does not stay in the build's.
"""

from __future__ import annotations

import atexit
import json
import re
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time
from functools import cache
from pathlib import Path
from typing import Literal

from pipeline.errors import ExportFailure
from pipeline.export import typst_worker
from pipeline.export.to_typst import TypstBody, typst_body
from pipeline.model import fonts
from pipeline.model.images import ImageProblem, check_image
from pipeline.model.types import shown
from pipeline.render.document import TEMPLATE_DIR, RenderedDocument


@cache
def font_dirs() -> tuple[str, ...]:
    return tuple(str(folder) for folder in fonts.font_directories())


def checked_logo(path: Path) -> bytes:
    """The logo's bytes, checked once more right before typst decodes them: the file may have
    changed since validation, and an image too large aborts the whole process."""
    data = path.read_bytes()
    try:
        check_image(data, path.suffix, path.name)
    except ImageProblem as problem:
        raise ExportFailure(str(problem)) from None
    return data


def _character(quoted: str) -> str:
    """The first character of a string as typst quotes it ('"😀"', '"\\u{feff}"')."""
    text = quoted.strip('"')
    escaped = re.match(r"\\u\{([0-9a-fA-F]+)\}", text)
    return chr(int(escaped[1], 16)) if escaped else text[:1]


def typst_problem(error: Exception, picture: str = "Ein Bild (etwa das Logo)") -> str:
    """What typst complains about, as a short German sentence; typst's own (English) words
    only where no sentence fits, shortened to their first line. `picture` names the image a
    complaint about an image concerns."""
    text = str(error)
    glyph = re.search(r"the text `(\".*?\")` could not be displayed", text)
    if glyph:
        return f"Das Zeichen {shown(_character(glyph[1]))} können die Schriften des PDF ({fonts.FAMILIES}) nicht darstellen."
    codepoint = re.search(r"disallowed codepoint `(\".*?\")`", text)
    if codepoint:
        return f"Das Zeichen {shown(_character(codepoint[1]))} ist in einem barrierearmen PDF nicht erlaubt."
    if re.search(r"image|svg|decode", text, re.IGNORECASE):
        return (
            f"{picture} ist beschädigt oder in einer Form gespeichert, die Typst nicht lesen kann; "
            "bitte als PNG, JPEG oder SVG neu speichern."
        )
    first = " ".join(text.strip().splitlines()[0].split()) if text.strip() else type(error).__name__
    short = first if len(first) <= 120 else first[:120] + "…"
    return f"Die PDF-Engine Typst meldet einen unerwarteten Fehler (technisch: „{short}“)."


def epoch_of(doc: RenderedDocument) -> int:
    return int(datetime.combine(doc.date, time(0, 0), tzinfo=UTC).timestamp())


def logo_name(doc: RenderedDocument) -> str | None:
    """The logo's name inside typst's root: fixed by us, never taken from the inputs."""
    return f"logo{doc.logo.suffix.lower()}" if doc.logo else None


#: The layout's values from the model, in the document's folder (read by templates/gemeinsam.typ).
DATA_FILE = "angaben.json"


def data_file(values: dict[str, str]) -> bytes:
    """The layout's values as the layout reads them: JSON, every value a string."""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def typst_inputs(doc: RenderedDocument) -> dict[str, str]:
    logo = logo_name(doc)
    design = doc.design
    cover = {"titelzeile": design.cover_line, "titelhinweis": design.cover_note}
    return (
        ({"logo": logo, "logo_alt": doc.logo_alt} if logo else {})
        | ({"entwurf": "ENTWURF"} if doc.draft else {})
        | ({"fusszeile_zusatz": doc.footer_note} if doc.footer_note else {})
        | {key: text for key, text in cover.items() if text}
        | {
            "hauptfarbe": design.primary,
            "akzentfarbe": design.accent,
            "kopffarbe": design.table_header,
            "schrift": design.typeface.family,
            "schrift_ueberschriften": design.heading_typeface.family,
            "titel": doc.title,
            "untertitel": doc.subtitle,
            "autor": doc.author,
            "thema": doc.subject,
            "schlagworte": doc.keywords,
            "kopfzeile": doc.header_text,
            "fusszeile": doc.footer_text,
            "jahr": str(doc.date.year),
            "monat": str(doc.date.month),
            "tag": str(doc.date.day),
        }
    )


#: Archival PDF/A-2a and accessible PDF/UA-1 at once: typst writes the tagged structure, the
#: pdfaid and pdfuaid identification and the XMP extension schema PDF/A asks for pdfuaid.
PDF_STANDARDS: tuple[Literal["a-2a"], Literal["ua-1"]] = ("a-2a", "ua-1")


def to_pdf(doc: RenderedDocument) -> bytes:
    """The document as a tagged PDF/A-2a and PDF/UA-1: HTML → Typst markup (:mod:`.to_typst`)
    → PDF (typst)."""
    body = typst_body(doc.body_html, doc.unbroken, doc.design.typeface.arial_width)
    return compile_pdf(body.markup, doc, doc.layout, body)


def compile_pdf(
    body_typst: str, doc: RenderedDocument, layout: str = "konzept.typ", listed: TypstBody | None = None
) -> bytes:
    """The PDF of a Typst body in `layout`; `listed` tells the layout how many tables and
    pictures its lists hold (none without it)."""
    with document_folder(f"{doc.path('.pdf')}\n{layout}") as root:
        files = {
            "main.typ": (TEMPLATE_DIR / layout).read_bytes(),
            "gemeinsam.typ": (TEMPLATE_DIR / "gemeinsam.typ").read_bytes(),
            "inhalt.typ": body_typst.encode("utf-8"),
            **{figure.name: figure.svg.encode("utf-8") for figure in doc.figures},
        }
        if doc.logo and (name := logo_name(doc)):
            files[name] = checked_logo(doc.logo)
        values = typst_inputs(doc) | (listed.directory_inputs() if listed else {})
        try:
            pdf, warnings = _compiled(root, files | {DATA_FILE: data_file(values)}, epoch_of(doc))
            if any(UNSETTLED in warning for warning in warnings):
                simple = values | {"platzierung": "einfach"}
                pdf, _ = _compiled(root, files | {DATA_FILE: data_file(simple)}, epoch_of(doc))
            return pdf
        except typst_worker.CompileFailed as error:
            raise ExportFailure(
                f"Das PDF „{doc.path('.pdf')}“ ließ sich nicht erzeugen. {typst_problem(error)}"
            ) from None
        except typst_worker.WorkerDied:
            raise ExportFailure(
                f"Das PDF „{doc.path('.pdf')}“ ließ sich nicht erzeugen: Die PDF-Engine Typst ist dabei abgebrochen, "
                "etwa an einem beschädigten Bild. Die übrigen Dokumente sind davon nicht betroffen."
            ) from None


#: Document folders kept for compiling again, the one used longest ago removed first.
FOLDERS_KEPT = 32
_folders: OrderedDict[str, Path] = OrderedDict()
_busy: set[str] = set()
_folders_lock = threading.Lock()


@contextmanager
def document_folder(document: str) -> Iterator[Path]:
    """The folder typst compiles `document` in: the same one each time while the build's process
    runs (a typst worker keeps its compiler for it and lays out again only what changed, see
    :mod:`.typst_worker`), removed when the process ends. If that folder is in use (two builds of
    one document at once), a folder of its own for this compile."""
    with _folders_lock:
        if document in _busy:
            kept = None
        else:
            kept = _folders.pop(document, None) or Path(
                tempfile.mkdtemp(prefix="gesamtkonzept-", dir=_work_folder())
            )
            _folders[document] = kept
            _busy.add(document)
            # the oldest ones go, never one a compile is using (a long concept in a batch)
            idle = [name for name in _folders if name not in _busy]
            for name in idle[: max(0, len(_folders) - FOLDERS_KEPT)]:
                shutil.rmtree(_folders.pop(name), ignore_errors=True)
    if kept is None:
        with tempfile.TemporaryDirectory(prefix="gesamtkonzept-") as work:
            yield Path(work)
        return
    try:
        yield kept
    finally:
        with _folders_lock:
            _busy.discard(document)


@cache
def _work_folder() -> str:
    """The process's folder for the document folders, removed at its end."""
    folder = tempfile.mkdtemp(prefix="gesamtkonzept-typst-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _fill(root: Path, files: dict[str, bytes]) -> None:
    """The folder holds exactly `files` (by name): changed ones written, others removed."""
    for path in root.iterdir():
        if path.name not in files:
            path.unlink()
    for name, data in files.items():
        target = root / name
        if not (target.is_file() and target.read_bytes() == data):
            target.write_bytes(data)


#: What typst warns when its layout did not settle within its iterations: page numbers in the
#: table of contents and the lists may then be wrong. Where the placement of tables and figures
#: (gemeinsam.typ, platziert) keeps a document from settling, it is set again without it – a
#: table may then begin with one row at a page's foot, but every page number is right.
UNSETTLED = "did not converge"


def _compiled(root: Path, files: dict[str, bytes], epoch: int) -> tuple[bytes, list[str]]:
    """The PDF and typst's warnings of `files` in the folder `root`, compiled in a worker
    process (:mod:`.typst_worker`)."""
    _fill(root, files)
    return typst_worker.compile_pdf(str(root / "main.typ"), str(root), epoch, list(PDF_STANDARDS), font_dirs())
