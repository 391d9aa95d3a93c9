"""Runs pandoc (shipped by pypandoc-binary) on the intermediate HTML.

Metadata goes in as ``-M`` values, which pandoc takes as
plain strings, never as markup.
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


def run_pandoc(
    html: str, target: str, args: tuple[str, ...], epoch: int, metadata: dict[str, str] | None = None
) -> bytes:
    """Convert the HTML body into `target`; SOURCE_DATE_EPOCH keeps the output reproducible.
    `metadata` (title, subtitle, author, date) reaches templates/filter/metadaten.lua through
    the environment, as plain text."""
    env = {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(epoch),
        **{f"GESAMTKONZEPT_META_{key.upper()}": value for key, value in (metadata or {}).items()},
    }
    command = [pandoc_path(), "--from=html", f"--to={target}", *args]
    process = subprocess.run(command, input=html.encode("utf-8"), capture_output=True, env=env)
    if process.returncode != 0:
        message = process.stderr.decode("utf-8", "replace").strip()
        raise ExportFailure(f"pandoc ({target}) ist gescheitert: {message}")
    return process.stdout
