"""The only place that writes into the output folder: atomically, all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


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
