"""The manifest beside the outputs: what each build wrote, from which inputs, and where every
paragraph of the Word files came from.

It lets `gesamtkonzept review` lead comments back to their source, and it lets a build notice
that a Word file in the output folder is no longer the one it wrote – someone edited it in
place – and keep that copy instead of overwriting it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.model import Concept
from pipeline.provenance import Origin

MANIFEST = "manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def inputs_hash(folder: Path) -> str:
    """One hash over every file of the municipality's folder (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(sha256(path.read_bytes()).encode("ascii"))
    return digest.hexdigest()


def read_manifest(output: Path) -> dict[str, Any]:
    """The previous build's manifest, or an empty one (first build, or a damaged file)."""
    try:
        data = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def origins_of(manifest: dict[str, Any], file_name: str) -> list[Origin]:
    """The bookmarked blocks of one Word file, by its name (with or without folder)."""
    for path, entries in manifest.get("herkunft", {}).items():
        if path == file_name or path.rsplit("/", 1)[-1] == file_name:
            return [Origin.from_json(e) for e in entries]
    return []


def recorded_hash(manifest: dict[str, Any], path: str) -> str | None:
    return manifest.get("dateien", {}).get(path, {}).get("sha256")


def manifest_bytes(previous: dict[str, Any], concept: Concept, folder: Path,
                   files: dict[str, bytes], origins: dict[str, list[Origin]],
                   draft: bool) -> bytes:
    """This build's manifest; entries of files it did not write this time are kept."""
    written = {path: {"sha256": sha256(data), "groesse": len(data)}
               for path, data in files.items()}
    provenance = {path: [o.as_json() for o in found] for path, found in origins.items()}
    manifest = {
        "werkzeug": f"gesamtkonzept-fruehe-hilfen {__version__}",
        "kommune": concept.municipality.name,
        "fassung": concept.version.version,
        "stand": concept.version.date.isoformat(),
        "eingaben": {"ordner": folder.name, "sha256": inputs_hash(folder)},
        "entwurf": draft,
        "dateien": {**previous.get("dateien", {}), **written},
        "herkunft": {**previous.get("herkunft", {}), **provenance},
    }
    return (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode()


@dataclass(frozen=True)
class KeptCopy:
    """A Word file edited in the output folder, moved aside before the new one is written."""

    original: Path
    kept: Path


def _aside_name(path: Path) -> Path:
    """'X.docx' → 'X.bearbeitet-2026-11-23_1930.docx', from when the file was last changed."""
    changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
    candidate = path.with_name(f"{path.stem}.bearbeitet-{changed:%Y-%m-%d_%H%M}{path.suffix}")
    number = 2
    while candidate.exists():
        candidate = path.with_name(
            f"{path.stem}.bearbeitet-{changed:%Y-%m-%d_%H%M}-{number}{path.suffix}")
        number += 1
    return candidate


def keep_edited_drafts(output: Path, files: dict[str, bytes],
                       previous: dict[str, Any]) -> list[KeptCopy]:
    """Move aside every Word file about to be replaced that differs from what the last build
    wrote (or that no build recorded) and from what this build writes."""
    kept = []
    for path, data in files.items():
        target = output / path
        if target.suffix != ".docx" or not target.is_file():
            continue
        current = sha256(target.read_bytes())
        if current in (recorded_hash(previous, path), sha256(data)):
            continue
        aside = _aside_name(target)
        os.replace(target, aside)
        kept.append(KeptCopy(target, aside))
    return kept
