"""The manifest beside the outputs: what each build wrote, from which inputs, and where every
paragraph of the Word files came from.

It lets `gesamtkonzept review` lead comments back to their source, and it lets a build notice
that a Word file in the output folder is no longer the one it wrote – someone edited it in
place – so that :mod:`.files` moves that copy aside instead of overwriting it – and that the
files of a paper removed from the inputs are unchanged and may go.

Every Word file carries its identity (:class:`DocumentIdentity`) in its custom document
properties: the Kommune, the Fassung, the id of the build that made it, its path in the output
folder and a digest of its provenance. The manifest records the same, so a returned draft is
matched with the build it came from, never with the most similar one. A Word file's build id
names what it was made of (Kommune, Fassung, Stand, path and provenance), not the whole set of
inputs: a build that keeps an unchanged file (:mod:`.cache`) keeps its id, and the same file made
afresh has the same bytes.

Each Word and PDF file's entry also records its key (``schluessel``, see :mod:`.cache`): what it
was converted from. A later build keeps a file whose key is unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.export.files import sha256
from pipeline.render.provenance import Origin
from pipeline.unchanged import ENTRY
from pipeline.unchanged import MANIFEST as MANIFEST  # the file's name, known before anything is built

#: Where a draft build keeps a copy of its manifest, under its build's id: drafts go round for
#: weeks while the folder is built again, and review compares each with the build it came from
#: (review of the drafts: the rebuilt folder had only the new manifest, and the coordinator's own
#: later edit came back as a colleague's change). Not one of the build's files: never removed.
DRAFT_MANIFESTS = ".entwurfsmanifeste"


def keep_draft_manifest(output: Path, build: str, manifest: bytes) -> None:
    """A copy of a draft build's manifest under its build's id `build` (see DRAFT_MANIFESTS), the latest of
    that build (a build of the concept alone, then of everything, share the id). A copy that cannot
    be written costs review a match, not the build its files."""
    from pipeline.errors import WriteFailure
    from pipeline.export.files import write_atomically

    if not re.fullmatch(r"[0-9a-f]{8,64}", build):
        return
    target = output / DRAFT_MANIFESTS / f"manifest-{build}.json"
    try:
        if not target.is_file() or target.read_bytes() != manifest:
            write_atomically({target: manifest})
    except (OSError, WriteFailure):
        return


TOOL = f"gesamtkonzept-fruehe-hilfen {__version__}"


def _canonical(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class BuildRecord:
    """What the manifest says about a build besides its files: whose concept, which Fassung,
    and a hash over the inputs it was built from (see pipeline.load.inputs_hash)."""

    municipality: str
    version: str
    stand: dt.date
    input_folder: str
    inputs_hash: str
    draft: bool = False

    @property
    def build_id(self) -> str:
        """The build's id: a hash over the tool's version and what the build was made of, so two
        builds of the same inputs carry the same id (and give the same bytes). Draft and final
        build share it – their text and provenance are the same – and so does a build into
        another folder."""
        made_of = {
            "werkzeug": TOOL,
            "kommune": self.municipality,
            "fassung": self.version,
            "stand": self.stand.isoformat(),
            "eingaben": self.inputs_hash,
        }
        return hashlib.sha256(_canonical(made_of)).hexdigest()[:16]


def provenance_digest(entries: list[dict[str, Any]]) -> str:
    """A hash over a Word file's provenance as the manifest lists it ('herkunft')."""
    return hashlib.sha256(_canonical(entries)).hexdigest()[:16]


#: Names of the custom document properties (docProps/custom.xml) that identify a Word file.
IDENTITY_PROPERTIES = {
    "municipality": "Gesamtkonzept-Kommune",
    "version": "Gesamtkonzept-Fassung",
    "build": "Gesamtkonzept-Build",
    "document": "Gesamtkonzept-Dokument",
    "provenance": "Gesamtkonzept-Herkunft",
}


@dataclass(frozen=True)
class DocumentIdentity:
    """Where a Word file came from, as it carries it in its custom document properties: whose
    concept and Fassung, the build id, its path in the output folder and a digest of what its
    bookmarks held (:func:`provenance_digest`)."""

    municipality: str
    version: str
    build: str
    document: str
    provenance: str

    @classmethod
    def of(cls, record: BuildRecord, document: str, origins: list[Origin]) -> DocumentIdentity:
        """The identity of a Word file: its build id is a hash over the tool's version, the
        Kommune, Fassung and Stand, the file's path and its provenance – everything the file says
        and where it came from, and nothing else of the inputs. Draft and final file share it."""
        provenance = provenance_digest([o.as_json() for o in origins])
        made_of = {
            "werkzeug": TOOL,
            "kommune": record.municipality,
            "fassung": record.version,
            "stand": record.stand.isoformat(),
            "dokument": document,
            "herkunft": provenance,
        }
        build = hashlib.sha256(_canonical(made_of)).hexdigest()[:16]
        return cls(record.municipality, record.version, build, document, provenance)

    def properties(self) -> dict[str, str]:
        """Property name → value, in a fixed order."""
        return {name: getattr(self, key) for key, name in IDENTITY_PROPERTIES.items()}

    @classmethod
    def from_properties(cls, properties: dict[str, str]) -> DocumentIdentity | None:
        """The identity in a file's custom properties; None if one of them is missing (a file
        of an older build, or a reviewer removed them)."""
        values = {key: properties.get(name, "").strip() for key, name in IDENTITY_PROPERTIES.items()}
        if not all(values.values()):
            return None
        return cls(**values)


def read_manifest(output: Path) -> dict[str, Any]:
    """The previous build's manifest, or an empty one (first build, or a damaged file)."""
    try:
        data = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def recorded_hash(manifest: dict[str, Any], path: str) -> str | None:
    recorded: str | None = manifest.get("dateien", {}).get(path, {}).get("sha256")
    return recorded


def recorded_key(manifest: dict[str, Any], path: str) -> str | None:
    """The key the last build recorded for a Word or PDF file (:mod:`.cache`)."""
    entry = manifest.get("dateien", {}).get(path)
    key = entry.get("schluessel") if isinstance(entry, dict) else None
    return key if isinstance(key, str) else None


def stale_files(
    output: Path,
    files: dict[str, bytes],
    previous: dict[str, Any],
    folders: tuple[str, ...],
    kept: frozenset[str] = frozenset(),
) -> list[str]:
    """Files an earlier build wrote into folders this build writes whole (e.g. vorlagen/) that
    this build no longer produces – a paper removed from the inputs: they would otherwise stay
    publishable beside the current papers. Not those `kept` (the files of papers already
    deliberated: :func:`deliberated_files`). Those changed since are among them: the commit leaves
    them in place and names them (:attr:`.files.Committed.left`), and the manifest forgets them,
    so they are named once."""
    return [
        path
        for path in previous.get("dateien", {})
        if path.split("/", 1)[0] in folders
        and path not in files
        and path not in kept
        and (output / path).is_file()
    ]


#: The suffix of a paper's OParl record, of two parts.
OPARL_SUFFIX = ".oparl.json"


def _stem(path: str) -> str:
    """'vorlagen/JHA-2026-030_Kreistag' for '…_Kreistag.pdf', '….oparl.json' and '….docx'; the
    Fassung in a name stays ('…_Musterkreis_2.0' of '…_Musterkreis_2.0.pdf')."""
    if path.endswith(OPARL_SUFFIX):
        return path.removesuffix(OPARL_SUFFIX)
    return path.rsplit(".", 1)[0] if "." in path.rpartition("/")[2] else path


def _file_names(data: Any) -> Iterator[str]:
    """Every 'fileName' in an OParl record (the paper's file and its attachments)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "fileName" and isinstance(value, str):
                yield value
            else:
                yield from _file_names(value)
    elif isinstance(data, list):
        for value in data:
            yield from _file_names(value)


def _references(data: Any) -> set[str]:
    """The paper numbers ('reference') an OParl record describes."""
    items = data.get("data", [data]) if isinstance(data, dict) else []
    return {
        item["reference"] for item in items if isinstance(item, dict) and isinstance(item.get("reference"), str)
    }


def _paper_records(output: Path, recorded: list[str]) -> Iterator[tuple[str, Any]]:
    """The OParl records among the files an earlier build recorded, read (unreadable ones left out)."""
    for path in recorded:
        if not path.endswith(OPARL_SUFFIX):
            continue
        try:
            yield path, json.loads((output / path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue


def papers_of_an_earlier_fassung(output: Path, previous: dict[str, Any], version: str) -> dict[str, str]:
    """The papers whose files in the output folder an earlier build of another Fassung wrote: their
    numbers, each with its OParl record's path. Empty where the last build was of `version`."""
    if previous.get("fassung") in (None, version):
        return {}
    return {
        number: path
        for path, data in _paper_records(output, list(previous.get("dateien", {})))
        for number in sorted(_references(data))
    }


def deliberated_files(output: Path, previous: dict[str, Any], numbers: tuple[str, ...]) -> frozenset[str]:
    """The files an earlier build wrote for the papers already deliberated (by their numbers):
    each one's own (Word, PDF, OParl record) and the attachments its OParl record names, each with
    its Word file – the Maßnahmenplan of the Fassung the committee had. They stay as they are when
    a later Fassung builds its own (year-later review: the 2026 paper's Maßnahmenplan 2.0 was
    removed as 'keine Vorlage mehr dazu'). Found by the number each record names, not by a file
    name made from today's inputs (a committee renamed since changes it). Where a paper's record
    cannot be read (deleted, edited by hand), every file an earlier build recorded stays: better
    an outdated file left than the one a committee decided on removed."""
    if not numbers:
        return frozenset()
    recorded = list(previous.get("dateien", {}))
    wanted: set[str] = set()
    found: set[str] = set()
    for path, data in _paper_records(output, recorded):
        described = _references(data) & set(numbers)
        if not described:
            continue
        found |= described
        names = set(_file_names(data))  # file names without their folder: attachments lie elsewhere too
        wanted |= {_stem(path)} | {_stem(p) for p in recorded if p.rpartition("/")[2] in names}
    if found != set(numbers):
        return frozenset(recorded)
    return frozenset(path for path in recorded if _stem(path) in wanted)


def manifest_bytes(
    previous: dict[str, Any],
    record: BuildRecord,
    files: dict[str, bytes],
    origins: dict[str, list[Origin]],
    forget: tuple[str, ...] = (),
    keys: dict[str, str] | None = None,
    builds: dict[str, str] | None = None,
    build_key: str | None = None,
) -> bytes:
    """This build's manifest; entries of files it did not make this time are kept, except
    those it removes (`forget`). `keys` are the keys of the Word and PDF files, `builds` the
    build ids the Word files carry (other files belong to this build); `build_key`, if given,
    lets the next build with the same key skip everything (:mod:`pipeline.unchanged`)."""
    keys, builds = keys or {}, builds or {}
    written = {
        path: {
            "sha256": sha256(data),
            "groesse": len(data),
            "build": builds.get(path, record.build_id),
            **({"schluessel": keys[path]} if path in keys else {}),
        }
        for path, data in files.items()
    }
    provenance = {path: [o.as_json() for o in found] for path, found in origins.items()}
    manifest = {
        "werkzeug": TOOL,
        "kommune": record.municipality,
        "fassung": record.version,
        "stand": record.stand.isoformat(),
        "build": record.build_id,
        "eingaben": {"ordner": record.input_folder, "sha256": record.inputs_hash},
        "entwurf": record.draft,
        "dateien": {**_without(previous.get("dateien", {}), forget), **written},
        "herkunft": {**_without(previous.get("herkunft", {}), forget), **provenance},
    }
    if build_key is not None:
        manifest[ENTRY] = {"schluessel": build_key, "dateien": sorted(files)}
    return (_readable(manifest) + "\n").encode()


#: How deep the manifest is laid out over lines: the files and each file's blocks one per line.
_LINES_DEPTH = 3


def _readable(value: Any, depth: int = 0) -> str:
    """JSON with one line per file and per block (what a reader looks for), each written by
    Python's fast encoder: indenting every value took 1 s of a build of 500 measures."""
    items = value.items() if isinstance(value, dict) else value if isinstance(value, list) else ()
    if depth >= _LINES_DEPTH or not any(
        isinstance(v, (dict, list)) for v in (value.values() if isinstance(value, dict) else items)
    ):
        return json.dumps(value, ensure_ascii=False)
    inner = " " * (depth + 1)
    if isinstance(value, dict):
        lines = [f"{inner}{json.dumps(key, ensure_ascii=False)}: {_readable(v, depth + 1)}" for key, v in items]
        return "{\n" + ",\n".join(lines) + "\n" + " " * depth + "}"
    lines = [f"{inner}{_readable(v, depth + 1)}" for v in items]
    return "[\n" + ",\n".join(lines) + "\n" + " " * depth + "]"


def _without(entries: dict[str, Any], forget: tuple[str, ...]) -> dict[str, Any]:
    return {path: entry for path, entry in entries.items() if path not in forget}
