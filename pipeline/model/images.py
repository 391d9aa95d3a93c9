"""Images from the inputs (the logo), checked from their bytes before anything decodes them.

The size of a file says little about the memory its picture needs: a PNG of 300 KB can hold
50,000 × 50,000 pixels, gigabytes once decoded, and at 100,000 × 100,000 the PDF engine aborts
the whole process. PNG and JPEG state their pixel dimensions in their first bytes, so these are
read here without decoding anything, and the format is checked to be one the writers can read.
An SVG is read as XML without a DTD, entities or network, and may reference nothing outside
itself; pictures embedded in it as data count towards the same limit.
"""

from __future__ import annotations

import base64
import binascii
import re
import struct
import urllib.parse
import zlib
from collections.abc import Iterator

from lxml import etree

from pipeline.formatting import number

#: The most pixels an image may have: a logo needs far fewer (4 × 2.5 cm at 300 ppi are about
#: 0.2 megapixels), and decoding 40 megapixels takes some 160 MB.
MAX_PIXELS = 40_000_000

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: Allowed bit depths of each PNG colour type (PNG specification, table 11.1).
PNG_DEPTHS: dict[int, tuple[int, ...]] = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
#: JPEG frames the writers read: baseline, extended sequential and progressive, 8 bits each.
JPEG_READABLE = {0xC0, 0xC1, 0xC2}
#: The other frame markers: lossless, hierarchical and arithmetic-coded JPEG.
JPEG_UNREADABLE = {0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
#: Markers that stand alone, without a length: TEM, RST0–7, SOI.
JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8), 0xD8}
#: Pictures an SVG may embed as data.
EMBEDDABLE = {"image/png": "PNG", "image/jpeg": "JPEG", "image/jpg": "JPEG"}
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
#: url(...) in a style that does not point into the SVG itself (url(#verlauf) does).
EXTERNAL_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)


class ImageProblem(ValueError):
    """An image the documents cannot take; the message is the German sentence for users."""


def _pixels(width: int, height: int, subject: str) -> int:
    if width < 1 or height < 1:
        raise ImageProblem(f"{subject} gibt keine gültige Größe an ({width} × {height} Pixel).")
    if width * height > MAX_PIXELS:
        raise ImageProblem(
            f"{subject} ist {number(width)} × {number(height)} Pixel groß "
            f"({number(round(width * height / 1_000_000))} Megapixel); höchstens "
            f"{number(MAX_PIXELS // 1_000_000)} Megapixel sind möglich. Bitte das Bild verkleinern – für ein "
            "Logo genügen z. B. 1.500 Pixel Breite auch im Druck."
        )
    return width * height


def png_size(data: bytes, subject: str) -> tuple[int, int]:
    """Width and height from the header chunk (IHDR) that every PNG starts with."""
    if len(data) < 33 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ImageProblem(f"{subject} ist kein lesbares PNG-Bild (der Kopf der Datei fehlt).")
    length, width, height, depth, colour, compression, filtering, interlace = struct.unpack(
        ">I4xIIBBBBB", data[8:29]
    )
    if (
        length != 13
        or depth not in PNG_DEPTHS.get(colour, ())
        or compression != 0
        or filtering != 0
        or interlace not in (0, 1)
    ):
        raise ImageProblem(f"{subject} ist kein gültiges PNG-Bild (der Kopf der Datei ist fehlerhaft).")
    return width, height


def _cut_off(subject: str) -> ImageProblem:
    """A picture that ends before its end (PNG or JPEG cut off in copying)."""
    return ImageProblem(
        f"{subject} ist unvollständig oder beschädigt (die Datei bricht vor ihrem Ende ab). Bitte das Bild neu speichern."
    )


def png_complete(data: bytes, subject: str) -> None:
    """Every chunk whole with its checksum, the picture data a complete zlib stream and the end
    chunk present: a PNG cut off in copying passed its header check, and only the build failed, on
    a message naming no file or line (review with hostile input). The data is inflated piece by
    piece and thrown away, so a large picture costs no memory."""
    broken = _cut_off(subject)
    at, inflate = len(PNG_SIGNATURE), zlib.decompressobj()
    while at + 12 <= len(data):
        (length,) = struct.unpack_from(">I", data, at)
        kind, end = data[at + 4 : at + 8], at + 8 + length
        if end + 4 > len(data) or zlib.crc32(data[at + 4 : end]) != struct.unpack_from(">I", data, end)[0]:
            raise broken
        if kind == b"IDAT":
            try:
                inflate.decompress(data[at + 8 : end], 1 << 16)
                while inflate.unconsumed_tail:
                    inflate.decompress(inflate.unconsumed_tail, 1 << 16)
            except zlib.error:
                raise broken from None
        if kind == b"IEND":
            if not inflate.eof:
                raise broken
            return
        at = end + 4
    raise broken


def jpeg_complete(data: bytes, subject: str) -> None:
    """The JPEG's end marker after its picture data: a file cut off in copying lacks it."""
    start = data.find(b"\xff\xda")
    if start < 0 or data.rfind(b"\xff\xd9") < start:
        raise _cut_off(subject)


def jpeg_size(data: bytes, subject: str) -> tuple[int, int]:
    """Width and height from the frame header (SOF), found by walking the JPEG's markers."""
    broken = ImageProblem(f"{subject} ist kein lesbares JPEG-Bild (der Kopf der Datei ist fehlerhaft).")
    if not data.startswith(b"\xff\xd8"):
        raise broken
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise broken
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte before a marker
            at += 1
            continue
        if marker in JPEG_STANDALONE:
            at += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image or start of the picture data before any frame
            break
        (length,) = struct.unpack_from(">H", data, at + 2)
        if length < 2:
            raise broken
        if marker in JPEG_UNREADABLE:
            raise ImageProblem(
                f"{subject} ist ein JPEG in einer seltenen Form (verlustfrei, hierarchisch oder "
                "arithmetisch kodiert), die Word und die PDF-Erzeugung nicht lesen. Bitte als gewöhnliches "
                "JPEG oder als PNG speichern."
            )
        if marker in JPEG_READABLE:
            if at + 9 > len(data):
                raise broken
            precision, height, width = struct.unpack_from(">BHH", data, at + 4)
            if precision != 8:
                raise ImageProblem(
                    f"{subject} ist ein JPEG mit {precision} Bit je Farbwert; lesbar sind nur 8 Bit. "
                    "Bitte als gewöhnliches JPEG oder als PNG speichern."
                )
            return width, height
        at += 2 + length
    raise broken


def _data_uri(reference: str, name: str) -> tuple[str, bytes]:
    """The media type and bytes of a 'data:' URI."""
    header, comma, payload = reference.partition(",")
    if not comma:
        raise ImageProblem(f"Das SVG-Bild '{name}' enthält ein eingebettetes Bild, das sich nicht lesen lässt.")
    media_type = header[5:].split(";")[0].strip().lower()
    try:
        if header.lower().endswith(";base64"):
            return media_type, base64.b64decode("".join(payload.split()), validate=True)
        return media_type, urllib.parse.unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        raise ImageProblem(
            f"Das SVG-Bild '{name}' enthält ein eingebettetes Bild, das sich nicht lesen lässt."
        ) from None


def _references(root: etree._Element) -> Iterator[str]:
    """Every href of the SVG's elements, plain or xlink."""
    for element in root.iter(etree.Element):
        for attribute in ("href", XLINK_HREF):
            value = element.get(attribute)
            if value is not None:
                yield value.strip()


def _styles(root: etree._Element) -> Iterator[str]:
    """Every piece of CSS in the SVG: style elements and all attribute values (fill="url(…)")."""
    for element in root.iter(etree.Element):
        if etree.QName(element).localname == "style":
            yield element.text or ""
        yield from (str(value) for value in element.attrib.values())


def svg_pixels(data: bytes, name: str) -> int:
    """The pixels of the pictures an SVG embeds, after checking it references nothing outside."""
    if re.search(rb"<!(DOCTYPE|ENTITY)", data, re.IGNORECASE):
        raise ImageProblem(
            f"Das SVG-Bild '{name}' enthält eine Dokumenttyp-Angabe (<!DOCTYPE …> oder <!ENTITY …>). Sie "
            "wird für das Bild nicht gebraucht und kann auf fremde Dateien verweisen: bitte die Zeile "
            "löschen (oder das Bild als „einfaches SVG“ speichern)."
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno or 1
        raise ImageProblem(f"Das SVG-Bild '{name}' ist kein gültiges XML (Fehler in Zeile {line}).") from None
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        raise ImageProblem(f"Die Datei '{name}' ist kein SVG-Bild: sie beginnt nicht mit <svg>.")
    pixels = 0
    for reference in _references(root):
        if reference.startswith("#"):
            continue
        if not reference.lower().startswith("data:"):
            raise ImageProblem(
                f"Das SVG-Bild '{name}' verweist auf eine andere Datei oder Adresse ('{reference[:80]}'). "
                "Bitte das Bild so speichern, dass alles darin enthalten ist (Bilder „eingebettet“)."
            )
        media_type, embedded = _data_uri(reference, name)
        if media_type not in EMBEDDABLE:
            raise ImageProblem(
                f"Das SVG-Bild '{name}' enthält ein eingebettetes Bild vom Typ '{media_type or 'unbekannt'}'; "
                "möglich sind eingebettete PNG- und JPEG-Bilder."
            )
        subject = f"Ein in '{name}' eingebettetes Bild"
        width, height = raster_size(embedded, subject, EMBEDDABLE[media_type])
        pixels += _pixels(width, height, subject)
    if any(EXTERNAL_URL.search(style) or "@import" in style.lower() for style in _styles(root)):
        raise ImageProblem(
            f"Das SVG-Bild '{name}' lädt in seinen Stilangaben (url(…) oder @import) etwas von außerhalb. "
            "Bitte das Bild so speichern, dass alles darin enthalten ist."
        )
    return pixels


def raster_size(data: bytes, subject: str, kind: str) -> tuple[int, int]:
    """Width and height of a PNG or JPEG, from its header."""
    return png_size(data, subject) if kind == "PNG" else jpeg_size(data, subject)


def check_image(data: bytes, suffix: str, name: str) -> None:
    """Raise :class:`ImageProblem` unless the PDF and Word writers can take the image safely:
    a readable PNG or JPEG of at most MAX_PIXELS, or an SVG that references nothing outside
    itself and embeds no more than MAX_PIXELS."""
    suffix = suffix.lower()
    if suffix == ".svg":
        if svg_pixels(data, name) > MAX_PIXELS:
            raise ImageProblem(
                f"Das SVG-Bild '{name}' enthält eingebettete Bilder mit zusammen mehr als "
                f"{number(MAX_PIXELS // 1_000_000)} Megapixeln. Bitte die Bilder darin verkleinern."
            )
        return
    subject = f"Das Bild '{name}'"
    width, height = raster_size(data, subject, "PNG" if suffix == ".png" else "JPEG")
    _pixels(width, height, subject)
    (png_complete if suffix == ".png" else jpeg_complete)(data, subject)
