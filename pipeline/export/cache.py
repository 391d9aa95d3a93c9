"""Which Word and PDF files a build must convert, and which it keeps as they are.

Each file is made from its rendered document (the intermediate HTML with its frame, figures and
logo), the files that convert it (Word: the reference document; PDF: the
Typst layouts and the fonts) and the tools (Word: pandoc, python-docx; PDF: typst; both: lxml
and this package); a Word file also from its provenance, which it carries as a digest. A hash over all of
that is the file's **key**, and the manifest records it beside the file's hash.

A build keeps a file whose key is the one the manifest recorded and that still has the bytes the
manifest recorded: it is neither converted nor written, so its time stays as it was. Anything
else – a changed text, template, layout, font or tool, a file edited or deleted in the
output folder – converts it again. There is no second copy of the bytes: the output folder is the
cache, read and written only under its lock (:mod:`.files`), so the kept file and the manifest
that vouches for it always belong together, and a build with the cache writes the same bytes as
one without.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import subprocess
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.render.document import TEMPLATE_DIR, RenderedDocument

#: The files besides the intermediate HTML that each kind of file is converted with, by suffix:
#: glob patterns in templates/.
RESOURCES: dict[str, tuple[str, ...]] = {
    ".docx": ("referenz.docx",),
    ".pdf": ("*.typ",),
}


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def _file_digest(path: Path, size: int, modified: int) -> str:
    """A file's hash, remembered while its size and time stay (a watching build reads the
    layouts and fonts once, not at every save)."""
    return _digest(path.read_bytes())


def file_digest(path: Path) -> str:
    status = path.stat()
    return _file_digest(path, status.st_size, status.st_mtime_ns)


def _files_digest(paths: Iterable[Path], root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): file_digest(path) for path in sorted(paths) if path.is_file()}


def resources(suffix: str) -> dict[str, str]:
    """The hash of every file a Word or PDF file is converted with, by name; the PDF's fonts
    among them."""
    folder = TEMPLATE_DIR
    found = _files_digest((p for pattern in RESOURCES[suffix] for p in folder.glob(pattern)), folder)
    if suffix == ".pdf":
        from pipeline.model import fonts

        for fonts_folder in fonts.font_directories():
            digests = _files_digest(fonts_folder.iterdir(), fonts_folder)
            found |= {f"schrift/{fonts_folder.parent.name}/{n}": d for n, d in digests.items()}
    return found


@cache
def pandoc_version() -> str:
    """pandoc's version, asked once per process."""
    from pipeline.export.pandoc import pandoc_path

    process = subprocess.run([pandoc_path(), "--version"], capture_output=True, check=False)
    first = process.stdout.decode("utf-8", "replace").splitlines()
    return first[0] if first else "unbekannt"


@cache
def tool_versions(suffix: str) -> dict[str, str]:
    """The versions of the tools that convert a Word or PDF file: pandoc makes only the Word
    file, the PDF's Typst markup is written by this package (:mod:`.to_typst`)."""
    import lxml.etree

    versions = {"gesamtkonzept": __version__, "lxml": lxml.etree.__version__}
    if suffix == ".docx":
        versions |= {"pandoc": pandoc_version(), "python-docx": importlib.metadata.version("python-docx")}
    else:
        versions["typst"] = importlib.metadata.version("typst")
    return versions


def document_fields(doc: RenderedDocument) -> dict[str, Any]:
    """Everything a rendered document consists of, as plain data: the logo by its bytes, the
    figures by their SVG."""
    fields: dict[str, Any] = {}
    for item in dataclasses.fields(doc):
        value = getattr(doc, item.name)
        if item.name == "logo":
            value = [value.suffix.lower(), file_digest(value)] if value else None
        elif item.name == "figures":
            value = [[f.name, _digest(f.svg.encode("utf-8")), f.summary, list(f.values), f.part] for f in value]
        elif item.name == "date":
            value = value.isoformat()
        elif item.name == "design":
            value = dataclasses.asdict(value)
        fields[item.name] = value
    return fields


@cache
def exporter_code() -> dict[str, str]:
    """The hash of every module of the export stage: a change in how a file is finished (made
    while developing, between two releases with the same version) converts it again."""
    folder = Path(__file__).resolve().parent
    return _files_digest(folder.glob("*.py"), folder)


def file_key(doc: RenderedDocument, suffix: str, identity: dict[str, str] | None = None) -> str:
    """The key of one Word or PDF file (see the module's description); a Word file's also
    covers the identity it carries, and with it a digest of its provenance."""
    made_of = {
        "datei": doc.path(suffix),
        "dokument": document_fields(doc),
        "werkzeuge": tool_versions(suffix),
        "programm": exporter_code(),
        "dateien": resources(suffix),
        "kennung": identity or {},
    }
    canonical = json.dumps(made_of, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _digest(canonical.encode("utf-8"))
