"""Runs pandoc (shipped by pypandoc-binary): it writes the Word file from the document tree
that :mod:`.to_pandoc` builds from the intermediate HTML.

The tree goes in as JSON, in which every text is a plain string; pandoc never reads markup.
"""

from __future__ import annotations

import os
import subprocess
from functools import cache
from typing import cast

from pipeline.errors import ExportFailure


@cache
def pandoc_path() -> str:
    try:
        import pypandoc

        return cast(str, pypandoc.get_pandoc_path())  # pypandoc has no type information
    except (ImportError, OSError) as error:
        raise ExportFailure(
            "pandoc wurde nicht gefunden. Bitte 'make setup' ausführen (installiert pypandoc-binary)."
        ) from error


#: pandoc's Haskell runtime reserves a 64 MB heap at start ("-H64m" built in) and touches it,
#: which costs each run more system time than a Word file needs; 16 MB is enough for the
#: concept and saves about a fifth of pandoc's time. Only the runtime reads it, so a pandoc built
#: without runtime options just ignores it.
PANDOC_HEAP = "-H16m"


def run_pandoc(tree: str, target: str, args: tuple[str, ...], epoch: int) -> bytes:
    """Convert the document tree (pandoc's JSON) into `target`; SOURCE_DATE_EPOCH keeps the
    output reproducible."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch), "GHCRTS": PANDOC_HEAP}
    command = [pandoc_path(), "--from=json", f"--to={target}", *args]
    process = subprocess.run(command, input=tree.encode("utf-8"), capture_output=True, env=env)
    if process.returncode != 0:
        message = process.stderr.decode("utf-8", "replace").strip()
        raise ExportFailure(f"pandoc ({target}) ist gescheitert: {message}")
    return process.stdout
