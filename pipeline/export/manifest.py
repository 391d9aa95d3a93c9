"""The manifest beside the outputs: what each build wrote, from which inputs, and where every
paragraph of the Word files came from.

It lets `gesamtkonzept review` lead comments back to their source, and it lets a build notice
that a Word file in the output folder is no longer the one it wrote – someone edited it in
place – so that :mod:`.files` moves that copy aside instead of overwriting it – and that the
files of a paper removed from the inputs are unchanged and may go.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.export.files import sha256
from pipeline.render.provenance import Origin

MANIFEST = "manifest.json"


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


def stale_files(
    output: Path, files: dict[str, bytes], previous: dict[str, Any], folders: tuple[str, ...]
) -> list[str]:
    """Files an earlier build wrote into folders this build writes whole (e.g. vorlagen/) that
    this build no longer produces – a paper removed from the inputs – and that nobody changed
    since: they would otherwise stay publishable beside the current papers."""
    return [
        path
        for path, entry in previous.get("dateien", {}).items()
        if path.split("/", 1)[0] in folders
        and path not in files
        and (output / path).is_file()
        and sha256((output / path).read_bytes()) == entry.get("sha256")
    ]


def manifest_bytes(
    previous: dict[str, Any],
    record: BuildRecord,
    files: dict[str, bytes],
    origins: dict[str, list[Origin]],
    forget: tuple[str, ...] = (),
) -> bytes:
    """This build's manifest; entries of files it did not write this time are kept, except
    those it removes (`forget`)."""
    written = {path: {"sha256": sha256(data), "groesse": len(data)} for path, data in files.items()}
    provenance = {path: [o.as_json() for o in found] for path, found in origins.items()}
    manifest = {
        "werkzeug": f"gesamtkonzept-fruehe-hilfen {__version__}",
        "kommune": record.municipality,
        "fassung": record.version,
        "stand": record.stand.isoformat(),
        "eingaben": {"ordner": record.input_folder, "sha256": record.inputs_hash},
        "entwurf": record.draft,
        "dateien": {**_without(previous.get("dateien", {}), forget), **written},
        "herkunft": {**_without(previous.get("herkunft", {}), forget), **provenance},
    }
    return (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode()


def _without(entries: dict[str, Any], forget: tuple[str, ...]) -> dict[str, Any]:
    return {path: entry for path, entry in entries.items() if path not in forget}
