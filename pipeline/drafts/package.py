"""Reading a returned Word file within bounds.

A draft comes back from outside: by mail, from a shared drive, from whoever had it. Before a
byte of it is parsed, this module makes sure it cannot hold the machine:

- only a regular file is opened (a FIFO, a device or a folder is refused before anything is
  read from it), and it is opened without blocking, so nothing swapped in at the last moment
  can make it wait;
- the ZIP directory is checked before Python's zipfile reads it (its size and number of
  entries), and each part read is checked for its declared size and compression ratio before
  it is inflated, and for its actual size while it is;
- XML is parsed without entities, without network access and with libxml2's limits for huge
  trees left on; elements and attributes are counted while parsing and a part with too many
  is refused.

Only the parts review needs are read: the package relationships, the main document with its
relationships and comments, the core and the custom properties. Images and everything else in
the package are never inflated. Every failure is a :class:`ReviewFailure` in German that names
the file; no libxml2 or zipfile message reaches the user.
"""

from __future__ import annotations

import os
import posixpath
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from lxml import etree

from pipeline.errors import ReviewFailure
from pipeline.formatting import number

KiB, MiB = 1024, 1024 * 1024

#: The Word file itself (images included; they are never read).
MAX_FILE_BYTES = 256 * MiB
#: The ZIP directory and its entries: Word writes a few dozen.
MAX_DIRECTORY_BYTES = 4 * MiB
MAX_ENTRIES = 10_000
#: One XML part once inflated: a few hundred pages edited in Word stay well below.
MAX_PART_BYTES = 32 * MiB
#: Inflated size over compressed size, for parts larger than RATIO_FROM: XML compresses about
#: tenfold, a ZIP bomb a thousandfold.
MAX_RATIO = 100
RATIO_FROM = 1 * MiB
#: Elements and attributes of all parts read, which bounds the memory the trees take.
MAX_NODES = 1_000_000

PACKAGE_RELS = "_rels/.rels"
RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = f"{{{RELS_NS}}}Relationship"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC_NS = "http://purl.org/dc/elements/1.1/"

#: The start of a file in Microsoft's compound format: a .doc, or a password-protected .docx.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
EOCD, EOCD64, EOCD64_LOCATOR = b"PK\x05\x06", b"PK\x06\x06", b"PK\x06\x07"
#: The start of a PDF (review of the drafts: one sent back as PDF was called 'etwas anderes').
PDF_MAGIC = b"%PDF"
#: A ZIP whose first entry is OpenDocument's 'mimetype' (stored first, uncompressed).
ODT_MAGIC = b"PK\x03\x04"
ODT_MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument.text"


def _is_opendocument(stream: IO[bytes]) -> bool:
    """Whether the ZIP starts with OpenDocument's mimetype entry (LibreOffice's own format)."""
    stream.seek(30)
    found = stream.read(len(ODT_MIMETYPE)) == ODT_MIMETYPE
    stream.seek(8)
    return found


CHUNK = 64 * KiB


def _size(value: int) -> str:
    return f"{number(round(value / MiB, 1))} MB" if value >= MiB else f"{number(value // KiB)} KB"


@contextmanager
def open_regular(path: Path, limit: int, what: str) -> Iterator[IO[bytes]]:
    """A regular file opened for reading, or a ReviewFailure in German: no FIFO, device or
    folder is ever read from, and none can make the open wait (O_NONBLOCK)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ReviewFailure(f"{path}: {what} nicht gefunden.") from None
    except IsADirectoryError:
        raise ReviewFailure(f"{path}: ist ein Ordner, keine {what}.") from None
    except PermissionError:
        raise ReviewFailure(f"{path}: keine Berechtigung, die {what} zu lesen.") from None
    except OSError as error:
        raise ReviewFailure(f"{path}: {what} lässt sich nicht öffnen ({error.strerror or 'Fehler'}).") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReviewFailure(f"{path}: ist ein Ordner, keine {what}.")
        if not stat.S_ISREG(info.st_mode):
            raise ReviewFailure(
                f"{path}: ist keine gewöhnliche Datei (sondern z. B. eine Pipe oder ein Gerät) und wird "
                f"nicht gelesen. Bitte die {what} selbst angeben."
            )
        if info.st_size > limit:
            raise ReviewFailure(
                f"{path}: die {what} ist mit {_size(info.st_size)} größer als die Grenze von {_size(limit)}."
            )
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as stream:
        yield stream


def read_regular(path: Path, limit: int, what: str) -> bytes:
    """A regular file's bytes, at most `limit` of them (see :func:`open_regular`)."""
    with open_regular(path, limit, what) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise ReviewFailure(f"{path}: die {what} ist größer als die Grenze von {_size(limit)}.")
    return data


def _directory_size(stream: IO[bytes], name: str) -> None:
    """Check the ZIP directory's declared size and number of entries before zipfile reads it
    (zipfile reads the directory whole and makes an object of every entry). The end records
    are found as zipfile finds them: at the very end, else the last one in the final 64 KB;
    a ZIP64 end record, if there is one, counts."""
    stream.seek(0, os.SEEK_END)
    size = stream.tell()
    tail_start = max(0, size - (22 + 0xFFFF))
    stream.seek(tail_start)
    tail = stream.read(22 + 0xFFFF)
    at = len(tail) - 22 if tail[-22:-18] == EOCD and tail[-2:] == b"\0\0" else tail.rfind(EOCD)
    if at < 0 or len(tail) - at < 22:
        raise ReviewFailure(f"{name}: ist keine Word-Datei (.docx), sondern etwas anderes (kein ZIP-Archiv).")
    entries, directory = struct.unpack("<2xHI", tail[at + 8 : at + 16])
    locator = tail_start + at - 20
    if locator >= 56:
        stream.seek(locator)
        if stream.read(4) == EOCD64_LOCATOR:
            stream.seek(locator - 56)
            record = stream.read(56)
            if record[:4] == EOCD64:
                entries, directory = struct.unpack("<QQ", record[32:48])
    if entries > MAX_ENTRIES or directory > MAX_DIRECTORY_BYTES:
        raise ReviewFailure(
            f"{name}: das ZIP-Verzeichnis ist zu groß ({number(entries)} Einträge, {_size(directory)}); "
            "eine Word-Datei hat einige Dutzend. Die Datei wird nicht gelesen."
        )
    stream.seek(0)


@dataclass
class WordPackage:
    """An opened Word file: its parts by name, read on demand within the limits."""

    name: str
    archive: zipfile.ZipFile
    entries: dict[str, zipfile.ZipInfo]
    nodes: int = 0
    parsed: dict[str, etree._Element] = field(default_factory=dict)

    # --- parts ------------------------------------------------------------------------------

    def has(self, part: str) -> bool:
        return part.lower() in self.entries

    def _inflate(self, part: str) -> Iterator[bytes]:
        """The part's bytes in chunks, refused before inflating if its declared size or ratio
        is beyond the limits, and while inflating if more comes than declared."""
        info = self.entries[part.lower()]
        where = f"{self.name}: Teil {info.filename}"
        if info.flag_bits & 0x1:
            raise ReviewFailure(f"{where} ist verschlüsselt. Bitte die Datei ohne Kennwort speichern.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ReviewFailure(f"{where} ist mit einem Verfahren gepackt, das Word nicht verwendet.")
        if info.file_size > MAX_PART_BYTES:
            raise ReviewFailure(
                f"{where} wäre entpackt {_size(info.file_size)} groß, mehr als die Grenze von "
                f"{_size(MAX_PART_BYTES)}. Die Datei wird nicht gelesen."
            )
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ReviewFailure(
                f"{where} würde sich beim Entpacken um mehr als das {MAX_RATIO}-Fache vergrößern "
                "(eine ZIP-Bombe?). Die Datei wird nicht gelesen."
            )
        inflated = 0
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(CHUNK):
                    inflated += len(chunk)
                    if inflated > min(info.file_size, MAX_PART_BYTES):
                        raise ReviewFailure(f"{where} ist größer als angegeben. Die Datei wird nicht gelesen.")
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, OSError):
            raise ReviewFailure(f"{where} ist beschädigt und lässt sich nicht entpacken.") from None

    def xml(self, part: str) -> etree._Element:
        """A part parsed as XML: no entities resolved, no network, libxml2's limits on, and
        elements and attributes counted against MAX_NODES."""
        key = part.lower()
        if key in self.parsed:
            return self.parsed[key]
        where = f"{self.name}: Teil {self.entries[key].filename}"
        parser = etree.XMLPullParser(
            events=("start",), resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False
        )
        try:
            for chunk in self._inflate(part):
                parser.feed(chunk)
                for _event, element in parser.read_events():
                    if isinstance(element, etree._Element):
                        self.nodes += 1 + len(element.attrib)
                if self.nodes > MAX_NODES:
                    raise ReviewFailure(
                        f"{where} hat mehr als {number(MAX_NODES)} Elemente und Attribute – mehr, als ein "
                        "Entwurf braucht. Die Datei wird nicht gelesen."
                    )
            root = parser.close()
        except etree.XMLSyntaxError as error:
            raise ReviewFailure(f"{where}: {_xml_problem(error)}") from None
        # Word writes no document type: one with entities lost the text after '&xxe;' unresolved,
        # without a word (hostile-input sweep)
        if getattr(root.getroottree().docinfo, "doctype", ""):  # not in the stubs
            raise ReviewFailure(
                f"{where} enthält eine Dokumenttyp-Deklaration (DOCTYPE); so schreibt Word nicht. "
                "Die Datei wird nicht gelesen."
            )
        self.parsed[key] = root
        return root

    # --- relationships ----------------------------------------------------------------------

    def related(self, source: str, relation: str | tuple[str, ...]) -> str | None:
        """The part `source` points to with a relationship of this type (the first), or None."""
        folder, base = posixpath.split(source)
        rels = posixpath.join(folder, "_rels", f"{base}.rels")
        if not self.has(rels):
            return None
        kinds = (relation,) if isinstance(relation, str) else relation
        for rel in self.xml(rels).iter(REL):
            if rel.get("Type") in kinds and rel.get("TargetMode", "Internal") != "External":
                target = rel.get("Target") or ""
                path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
                path = posixpath.normpath(path)
                if path.startswith("../") or path in (".", ".."):
                    raise ReviewFailure(f"{self.name}: eine Beziehung in {rels} zeigt aus dem Paket hinaus.")
                return path
        return None


def _xml_problem(error: etree.XMLSyntaxError) -> str:
    """A libxml2 error in German, with its place but without libxml2's English text."""
    line, column = error.position if error.position else (error.lineno or 0, 0)
    place = f" (Zeile {line}, Spalte {column})" if line else ""
    if getattr(error, "code", None) == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
        return f"zu tief verschachtelt oder mit zu langem Text{place}; so schreibt Word nicht. Die Datei wird nicht gelesen."
    return f"kein wohlgeformtes XML{place}. Die Datei ist beschädigt."


@contextmanager
def open_package(path: Path) -> Iterator[WordPackage]:
    """A returned Word file, opened within the limits (see the module's description)."""
    name = str(path)
    with open_regular(path, MAX_FILE_BYTES, "Word-Datei") as stream:
        head = stream.read(8)
        if head == OLE_MAGIC:
            raise ReviewFailure(
                f"{name}: ist eine Word-Datei im alten Format (.doc) oder mit Kennwort geschützt. Bitte in "
                "Word ohne Kennwort als „Word-Dokument (*.docx)“ speichern."
            )
        if head.startswith(PDF_MAGIC):
            raise ReviewFailure(
                f"{name}: ist eine PDF-Datei. Kommentare und Änderungen liest review nur aus Word-Dateien (.docx); "
                "bitte die Word-Datei des Entwurfs zurückschicken lassen."
            )
        if head.startswith(ODT_MAGIC) and _is_opendocument(stream):
            raise ReviewFailure(
                f"{name}: ist ein OpenDocument-Text (.odt). Bitte in LibreOffice „Speichern unter“ als "
                "„Word 2007–365 (.docx)“ speichern."
            )
        _directory_size(stream, name)
        try:
            archive = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, OSError):
            raise ReviewFailure(f"{name}: ist keine Word-Datei (.docx) – das ZIP-Archiv ist beschädigt.") from None
        with archive:
            infos = archive.infolist()
            entries: dict[str, zipfile.ZipInfo] = {}
            for info in infos:
                if info.filename.lower() in entries:
                    raise ReviewFailure(f"{name}: der Teil {info.filename} steht zweimal im ZIP-Archiv.")
                entries[info.filename.lower()] = info
            if len(entries) > MAX_ENTRIES:
                raise ReviewFailure(f"{name}: das ZIP-Archiv hat mehr als {number(MAX_ENTRIES)} Einträge.")
            yield WordPackage(name, archive, entries)
