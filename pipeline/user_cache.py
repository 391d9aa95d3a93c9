"""The user's cache folder (``~/.cache/gesamtkonzept``, or under ``$XDG_CACHE_HOME``): what the
tool derives from content alone and can make again at any time – compiled templates
(:mod:`pipeline.render.environment`), the pictures for Word (:mod:`pipeline.export.figures`).
Each entry is named by a hash of everything that made it, so an entry is never stale, only
unused; the oldest beyond a number are removed, and the folder may be deleted at any time.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from functools import cache
from pathlib import Path


def cache_folder(name: str, keep: int, suffix: str) -> Path | None:
    """The cache's subfolder `name`, private to the user, with at most about `keep` entries
    ending in `suffix` (the oldest beyond removed once per process); None where there is none to
    be had (no home folder, no rights): the caller then makes everything anew."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    folder = Path(base) / "gesamtkonzept" / name
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not os.access(folder, os.W_OK):
            return None
    except (OSError, RuntimeError):
        return None
    _prune_once(folder, keep, suffix)
    return folder


@cache
def _prune_once(folder: Path, keep: int, suffix: str) -> None:
    """Remove the oldest entries beyond `keep` (a file another build removes at the same time is
    simply gone)."""
    try:
        with os.scandir(folder) as entries:
            files = [(entry.stat().st_mtime, entry.path) for entry in entries if entry.name.endswith(suffix)]
    except OSError:
        return
    for _, path in sorted(files, reverse=True)[keep:]:
        with contextlib.suppress(OSError):
            os.remove(path)


def read_entry(folder: Path | None, name: str) -> bytes | None:
    """An entry's bytes, or None if there is none (or it cannot be read)."""
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write_entry(folder: Path | None, name: str, data: bytes) -> None:
    """Keep an entry: written beside and renamed, so a reader at the same time sees it whole or
    not at all; a cache that cannot be written is simply not used."""
    if folder is None:
        return
    with contextlib.suppress(OSError):
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".neu-")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, folder / name)
        except OSError:
            with contextlib.suppress(OSError):
                os.remove(temporary)
