"""Review of damaged drafts, many at once: `python -m tests.fuzz_review DRAFT SEED COUNT`.

Writes COUNT mutated copies of DRAFT beside it, one after the other – bytes of the ZIP file
flipped, cut or inserted; parts removed, renamed, declared larger than they are; XML bytes
flipped, cut, doubled, or hostile snippets inserted (ids that are no number, unclosed tags,
entities, deep nesting, broken UTF-8) – and reviews each as `gesamtkonzept review` does. The
process is meant to run under a memory limit (tests/test_review_safety.py sets one). Prints one
JSON line: how many copies were read, refused with a ReviewFailure, and every other exception
with its traceback and the mutation that caused it – and every refusal that does not name the
copy or passes on an English message of a library.
"""

from __future__ import annotations

import io
import json
import random
import struct
import sys
import traceback
import zipfile
from pathlib import Path

from pipeline.drafts import review_drafts
from pipeline.errors import ReviewFailure
from pipeline.terminal import revision_lines

SNIPPETS = [
    b'<w:commentRangeStart w:id="abc"/>',
    b'<w:commentRangeStart w:id="7"/>',
    b'<w:commentRangeEnd w:id="7"/>',
    b'<w:commentReference w:id="99999999999999999999999999"/>',
    b'<w:comment w:id="x1" w:author="Fuzz" w:date="kein Datum"><w:p><w:r><w:t>F</w:t></w:r></w:p></w:comment>',
    b'<w:ins w:id="1" w:author="Fuzz" w:date="2026-99-99T99:99:99Z"><w:r><w:t>neu</w:t></w:r></w:ins>',
    b'<w:del w:author="Fuzz"><w:r><w:delText>alt</w:delText></w:r></w:del>',
    b'<w:bookmarkStart w:id="1" w:name="gk0001"/>',
    b"<w:p>",
    b"</w:p>",
    b"<w:tr><w:tc><w:p><w:r><w:t>Zelle</w:t></w:r></w:p></w:tc></w:tr>",
    b"<w:tc>",
    b"<w:p>" * 300,
    b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    b"&a;&b;",
    b'<!ENTITY x SYSTEM "file:///etc/passwd">&x;',
    b"<![CDATA[",
    b"]]>",
    b"\x00",
    b"\xff\xfe\xc3",
    b"\xf0\x9f\x98\x80",
    b'<?xml version="1.0" encoding="bogus"?>',
    b'xmlns:w="urn:anders"',
    b'Target="../../../etc/passwd"',
    b'Target="/word/document.xml"',
    b'TargetMode="External"',
    b'name="Gesamtkonzept-Build"><vt:lpwstr>0000000000000000</vt:lpwstr>',
]
#: What libxml2, zipfile or python-docx say; none of it may reach a user.
ENGLISH = ("Package not found", "line ", "column ", "zip file", "CRC", "Error -3", "mismatch", "expected")
XML_PARTS = [
    "word/document.xml",
    "word/comments.xml",
    "word/_rels/document.xml.rels",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/custom.xml",
    "[Content_Types].xml",
]


def _members(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _zipped(members: list[tuple[zipfile.ZipInfo, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for info, content in members:
            archive.writestr(info.filename, content)
    return buffer.getvalue()


def _xml_mutation(rng: random.Random, content: bytes) -> tuple[str, bytes]:
    at = rng.randrange(max(1, len(content)))
    kind = rng.choice(["flip", "cut", "double", "insert", "insert", "insert", "attribute"])
    if kind == "flip":
        return kind, content[:at] + bytes([content[at] ^ (1 << rng.randrange(8))]) + content[at + 1 :]
    if kind == "cut":
        return kind, content[:at] + content[at + rng.randrange(1, 400) :]
    if kind == "double":
        piece = content[at : at + rng.randrange(1, 2000)]
        return kind, content[:at] + piece * rng.randrange(2, 20) + content[at:]
    if kind == "attribute":
        quote = content.find(b'"', at)
        end = content.find(b'"', quote + 1) if quote >= 0 else -1
        if end < 0:
            return kind, content
        value = rng.choice([b"abc", b"-1", b"", b"9" * 30, b"&#0;", b"gk9999", b"\xc3("])
        return kind, content[: quote + 1] + value + content[end:]
    snippet = rng.choice(SNIPPETS)
    tag = content.find(b"<", at)
    at = tag if tag >= 0 and rng.random() < 0.8 else at
    return f"insert {snippet[:40]!r}", content[:at] + snippet + content[at:]


def _declared(data: bytes, member: str, size: int) -> bytes:
    """The ZIP file with another uncompressed size declared for a member."""
    out = bytearray(data)
    name = member.encode()
    central = out.find(b"PK\x01\x02")
    while central >= 0:
        if out[central + 46 : central + 46 + len(name)] == name:
            out[central + 24 : central + 28] = struct.pack("<I", size)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def mutate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """One mutation of a Word file: what was done, and the bytes."""
    members = _members(data)
    names = [info.filename for info, _ in members]
    choice = rng.random()
    if choice < 0.55:
        part = rng.choice([n for n in XML_PARTS if n in names])
        what, content = _xml_mutation(rng, {i.filename: c for i, c in members}[part])
        changed = [(i, content if i.filename == part else c) for i, c in members]
        return f"{part}: {what}", _zipped(changed, rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    if choice < 0.65:
        part = rng.choice(names)
        return f"ohne {part}", _zipped([(i, c) for i, c in members if i.filename != part])
    if choice < 0.7:
        part = rng.choice(names)
        renamed = [
            (zipfile.ZipInfo(i.filename.upper() if i.filename == part else i.filename), c) for i, c in members
        ]
        return f"{part} umbenannt", _zipped(renamed)
    if choice < 0.75:
        part = rng.choice(names)
        size = rng.choice([0, 1, 2**31, 2**32 - 1, 40 * 1024 * 1024])
        return f"{part} mit Größe {size}", _declared(data, part, size)
    if choice < 0.85:
        out = bytearray(data)
        for _ in range(rng.randrange(1, 10)):
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        return "Bytes der ZIP-Datei gekippt", bytes(out)
    if choice < 0.95:
        return "ZIP-Datei abgeschnitten", data[: rng.randrange(len(data))]
    at = rng.randrange(len(data))
    return "Bytes in die ZIP-Datei eingefügt", data[:at] + rng.randbytes(rng.randrange(1, 5000)) + data[at:]


def run(base: Path, seed: int, count: int) -> dict[str, object]:
    rng = random.Random(seed)
    data = base.read_bytes()
    target = base.with_name("Mutation.docx")
    read = refused = 0
    failures = []
    for number in range(count):
        what, mutated = mutate(rng, data)
        target.write_bytes(mutated)
        try:
            items = review_drafts([target]).items
            revision_lines(items, [target.name])
            read += 1
        except ReviewFailure as error:
            refused += 1
            if target.name not in str(error):
                failures.append(f"{number} ({what}): Meldung nennt den Entwurf nicht: {error}")
            if any(english in str(error) for english in ENGLISH):
                failures.append(f"{number} ({what}): Meldung auf Englisch: {error}")
        except BaseException:  # everything else is what this test looks for
            failures.append(f"{number} ({what}):\n{traceback.format_exc()}")
    return {"gelesen": read, "abgelehnt": refused, "fehler": failures}


if __name__ == "__main__":
    draft, seed, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    print(json.dumps(run(draft, seed, count), ensure_ascii=False))
