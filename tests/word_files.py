"""Small Word files written by hand, part by part, for the tests of returned drafts: whatever
a test needs – a bookmark, a comment range that never closes, an id that is no number, the
identity of a build or none – without a build, and readable by python-docx as well.

The identity is written as the build writes it (see README, "Entwürfe umlaufen lassen"), from
this description rather than from the code that produces it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
ROOT = Path(__file__).resolve().parent.parent

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>
</Types>"""
PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>
</Relationships>"""
DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
</Relationships>"""
CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title><dc:creator>{creator}</dc:creator>
<cp:lastModifiedBy>Katrin Lehmann</cp:lastModifiedBy></cp:coreProperties>"""
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def paragraph(text: str, mark: str | None = None) -> str:
    """A paragraph with one run, bookmarked like a generated block if `mark` is given."""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    if mark is None:
        return f"<w:p>{run}</w:p>"
    number = int(mark[2:])
    return f'<w:p><w:bookmarkStart w:id="{number}" w:name="{mark}"/>{run}<w:bookmarkEnd w:id="{number}"/></w:p>'


def document(*blocks: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>{"".join(blocks)}</w:body></w:document>'


def comments(*notes: tuple[str, str, str]) -> str:
    """comments.xml with (id, author, text) each."""
    body = "".join(
        f'<w:comment w:id={quoteattr(i)} w:author={quoteattr(a)} w:date="2026-11-20T10:00:00Z">'
        f"<w:p><w:r><w:t>{escape(t)}</w:t></w:r></w:p></w:comment>"
        for i, a, t in notes
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W}">{body}</w:comments>'
    )


def canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def digest(origins: list[dict[str, Any]]) -> str:
    """The digest of a file's provenance: SHA-256 over its manifest entries as canonical JSON,
    the first 16 hex digits."""
    return hashlib.sha256(canonical(origins)).hexdigest()[:16]


@dataclass
class Build:
    """A made-up build of one document: whose, which Fassung, its id, its blocks."""

    municipality: str
    version: str
    build: str
    document: str
    origins: list[dict[str, Any]]

    def properties(self) -> dict[str, str]:
        return {
            "Gesamtkonzept-Kommune": self.municipality,
            "Gesamtkonzept-Fassung": self.version,
            "Gesamtkonzept-Build": self.build,
            "Gesamtkonzept-Dokument": self.document,
            "Gesamtkonzept-Herkunft": digest(self.origins),
        }

    def manifest(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        data = {
            "werkzeug": "gesamtkonzept-fruehe-hilfen 0.2.0",
            "kommune": self.municipality,
            "fassung": self.version,
            "stand": "2026-10-15",
            "build": self.build,
            "eingaben": {"ordner": "x", "sha256": "0" * 64},
            "entwurf": True,
            "dateien": {self.document: {"sha256": "0" * 64, "groesse": 1, "build": self.build}},
            "herkunft": {self.document: self.origins},
        }
        path = folder / "manifest.json"
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    def blocks(self) -> list[str]:
        return [paragraph(o["text"], o["marke"]) for o in self.origins]


def origin(mark: str, text: str, source: str) -> dict[str, Any]:
    return {"marke": mark, "art": "Absatz", "kapitel": "Einleitung", "text": text, "dokumentvorlage": source}


def custom_xml(properties: dict[str, str]) -> str:
    props = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{n}" name={quoteattr(k)}>'
        f"<vt:lpwstr>{escape(v)}</vt:lpwstr></property>"
        for n, (k, v) in enumerate(properties.items(), start=2)
    )
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{props}</Properties>'


def word_file(
    document_xml: str | bytes,
    *,
    comments_xml: str | None = None,
    title: str = "Gesamtkonzept Frühe Hilfen",
    creator: str = "Netzwerkkoordination",
    properties: dict[str, str] | None = None,
) -> bytes:
    """A Word package with these parts (comments and custom properties only if given)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        archive.writestr("word/document.xml", document_xml)
        archive.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        archive.writestr("word/comments.xml", comments_xml or comments())
        archive.writestr("docProps/core.xml", CORE.format(title=escape(title), creator=escape(creator)))
        archive.writestr("docProps/custom.xml", custom_xml(properties or {}))
    return buffer.getvalue()


#: The memory a review may use, and the time it may take, in the resource cases.
MEMORY_LIMIT = 500 * 1024 * 1024


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def review_limited(*args: str, cwd: Path, timeout: float = 60, limit: int = MEMORY_LIMIT) -> Run:
    """`gesamtkonzept review ARGS` in a process of its own whose address space is limited
    (resource.setrlimit), killed after `timeout` seconds (subprocess.TimeoutExpired)."""
    return python_limited(["-m", "pipeline", "review", *args], cwd=cwd, timeout=timeout, limit=limit)


def python_limited(args: list[str], *, cwd: Path, timeout: float, limit: int = MEMORY_LIMIT) -> Run:
    def restrict() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    started = time.monotonic()
    process = subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        preexec_fn=restrict,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return Run(process.returncode, process.stdout, process.stderr, time.monotonic() - started)
