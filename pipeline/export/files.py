"""The only place that writes into the output folder: atomically, all or nothing, one build at
a time; and the one that creates a new municipality's folder (`init`), all at once."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from pipeline.errors import BuildLocked

if sys.platform == "win32":  # Windows has no flock; it locks a byte range instead
    import msvcrt
else:
    import fcntl

LOCK_NAME = ".gesamtkonzept.lock"


def write_atomically(outputs: dict[Path, bytes]) -> list[Path]:
    """Write every file to a temporary name first, then rename them all into place.

    A failure before the renames leaves every earlier output exactly as it was.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for target, data in outputs.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
            staged.append((Path(temp_name), target))
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.chmod(temp_name, 0o644)
    except BaseException:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
        raise
    for temp, target in staged:
        os.replace(temp, target)
    return [target for _, target in staged]


def write_new_folder(folder: Path, files: dict[str, bytes]) -> None:
    """Create `folder` with `files` (names relative to it) all at once: they are written into a
    hidden folder beside it, which is then renamed; on any failure nothing is left behind. An
    empty folder that is already there (perhaps the current one) is filled as atomically as
    :func:`write_atomically` writes."""
    if folder.is_dir():
        write_atomically({folder / name: data for name, data in files.items()})
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}."))
    try:
        for name, data in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(staging, 0o755)
        os.replace(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _try_lock(fd: int) -> bool:
    """An exclusive lock on the open file without waiting; False if someone else holds it."""
    try:
        if sys.platform == "win32":
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Let only one build at a time write into `folder`; a second one stops at once.

    The operating system drops the lock when its process ends, however it ends, so a lock
    file left behind by a crashed run never blocks. The file's time says since when it is held.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if not _try_lock(fd):
            since = datetime.fromtimestamp(os.fstat(fd).st_mtime).strftime("%d.%m.%Y, %H:%M:%S Uhr")
            raise BuildLocked(
                f"Im Ordner {folder} läuft bereits ein Build (seit {since}). Bitte warten, bis er "
                "fertig ist, und dann erneut starten – oder einen anderen Zielordner wählen."
            )
        os.utime(path)
        yield
    finally:
        os.close(fd)
