"""Whether a build has nothing to do: the same inputs, program and packages as the last build
into the same folder, whose files are all still as it wrote them.

Each document's own key (:mod:`pipeline.export.cache`) decides which Word and PDF files to
convert again; to know it, the inputs must be checked and every document rendered. Before all
that, one **build key** over everything a build is made of answers the commonest question of
someone who saves and builds again – has anything changed at all? – in the time it takes to
read the files:

- every file in the municipality's folder (its YAML, pictures and template overrides), by name
  and content, and the folder's name;
- the program: every module of the package and every file in ``templates/``;
- the installed packages by name and version (pandoc, typst, python-docx, the fonts, …) and
  Python's version;
- what was asked for (``--nur``, ``--entwurf``, ``--arbeitsfassung``, ``--streng``).

The last build records its key in the manifest (``buildschluessel``) with the files it made
or kept, and only when it showed no warning: a build that would have something to say is run
in full. The key is taken before the inputs are read, so a file saved during a build leaves a
key that no longer fits. Nothing here imports the model, the templates or the converters.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE.parent / "templates"
MANIFEST = "manifest.json"
#: The folder a build writes its files into before it moves them in place (see
#: pipeline.export.files): while it exists, the output folder is being written.
STAGING = ".gesamtkonzept-neu"
#: The manifest's entry for the build key.
ENTRY = "buildschluessel"


def _files(folder: Path, skip: Path | None = None) -> Iterator[Path]:
    """Every regular file below `folder` (links followed to files, not into folders), in a
    fixed order; nothing below `skip` (an output folder inside the input folder)."""
    for root, folders, names in os.walk(folder):
        here = Path(root)
        folders[:] = sorted(f for f in folders if skip is None or (here / f).resolve() != skip)
        for name in sorted(names):
            path = here / name
            if path.is_file():
                yield path


def _digest_files(folder: Path, skip: Path | None = None) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in _files(folder, skip)
        if "__pycache__" not in path.parts
    }


def _installed_packages() -> list[str]:
    """The installed distributions by name and version, as the folders of their metadata
    name them (an upgrade of pandoc's, typst's or any other package changes the list)."""
    found: set[str] = set()
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found.update(n for n in names if n.endswith((".dist-info", ".egg-info")))
    return sorted(found)


def build_key(folder: Path, output: Path, request: dict[str, Any]) -> str:
    """The hash over everything a build of `folder` with `request` is made of (see above)."""
    made_of = {
        "ordner": folder.resolve().name,
        "eingaben": _digest_files(folder, output.resolve()),
        "programm": _digest_files(PACKAGE),
        "vorlagen": _digest_files(TEMPLATES),
        "pakete": _installed_packages(),
        "python": sys.version,
        "auftrag": request,
    }
    canonical = json.dumps(made_of, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def unchanged_files(output: Path, key: str) -> list[str] | None:
    """The Word and PDF files of the last build into `output` if it had this key and every
    file it made or kept still has the bytes the manifest recorded; None if the build must run."""
    if (output / STAGING).exists():
        return None
    try:
        manifest = json.loads((output / MANIFEST).read_text(encoding="utf-8"))
        entry, recorded = manifest[ENTRY], manifest["dateien"]
        if entry["schluessel"] != key:
            return None
        paths = list(entry["dateien"])
        for path in paths:
            if Path(path).is_absolute() or ".." in Path(path).parts:
                return None
            if hashlib.sha256((output / path).read_bytes()).hexdigest() != recorded[path]["sha256"]:
                return None
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return [path for path in paths if "schluessel" in recorded[path]]
