"""Earlier Fassungen: an input folder as it was in a git revision.

Municipalities that keep their inputs in git can compare against any earlier state
(`v1.0:inputs/musterkreis`, `HEAD~3:inputs/musterkreis`) without checking it out: the files are
read with `git show` into a temporary folder and loaded like any other.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.errors import RevisionNotFound


def _git(root: Path, *args: str) -> bytes:
    process = subprocess.run(["git", "-C", str(root), *args], capture_output=True)
    if process.returncode != 0:
        reason = process.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionNotFound(f"git: {reason[-1] if reason else 'unbekannter Fehler'}")
    return process.stdout


@contextmanager
def input_folder(spec: str) -> Iterator[Path]:
    """A folder path as it is, or 'REVISION:ORDNER' as a temporary copy from git."""
    if Path(spec).is_dir() or ":" not in spec:
        if not Path(spec).is_dir():
            raise RevisionNotFound(f"Der Ordner '{spec}' existiert nicht.")
        yield Path(spec)
        return
    revision, _, folder = spec.partition(":")
    try:
        root = Path(_git(Path.cwd(), "rev-parse", "--show-toplevel").decode().strip())
    except (RevisionNotFound, FileNotFoundError):
        raise RevisionNotFound(
            f"'{spec}' sieht aus wie REVISION:ORDNER, aber hier ist kein git-Repository."
        ) from None
    try:
        relative = Path(folder).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise RevisionNotFound(f"Der Ordner '{folder}' liegt nicht im git-Repository {root}.") from None
    names = _git(root, "ls-tree", "-r", "--name-only", revision, "--", relative).decode()
    if not names.strip():
        raise RevisionNotFound(f"In der Revision '{revision}' gibt es den Ordner '{folder}' nicht.")
    with tempfile.TemporaryDirectory(prefix="gesamtkonzept-fassung-") as temp:
        target = Path(temp) / Path(relative).name
        for name in names.splitlines():
            path = target / Path(name).relative_to(relative)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(_git(root, "show", f"{revision}:{name}"))
        yield target
