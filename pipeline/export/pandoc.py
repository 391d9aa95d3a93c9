"""Runs pandoc (shipped by pypandoc-binary) on the intermediate HTML.

Both conversions a build needs (Word and Typst) start at once as two processes, so a build pays
for one pandoc start-up in wall time. Metadata goes in as ``-M`` values, which pandoc takes as
plain strings, never as markup.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.errors import ExportFailure


@cache
def pandoc_path() -> str:
    try:
        import pypandoc

        return pypandoc.get_pandoc_path()
    except (ImportError, OSError) as error:
        raise ExportFailure(
            "pandoc wurde nicht gefunden. Bitte 'make setup' ausführen (installiert "
            "pypandoc-binary)."
        ) from error


@dataclass(frozen=True)
class PandocJob:
    """One conversion of the HTML body into a target format."""

    target: str
    args: tuple[str, ...] = ()
    output: Path | None = None


def run_pandoc(html: str, jobs: list[PandocJob], epoch: int) -> list[bytes]:
    """Run the jobs concurrently; return each job's output bytes in order."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    processes = []
    for job in jobs:
        command = [pandoc_path(), "--from=html", f"--to={job.target}", *job.args]
        command += ["--output", str(job.output)] if job.output else []
        processes.append(subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=env,
        ))
    results = []
    for job, process in zip(jobs, processes, strict=True):
        out, err = process.communicate(html.encode("utf-8"))
        if process.returncode != 0:
            message = err.decode("utf-8", "replace").strip()
            raise ExportFailure(f"pandoc ({job.target}) ist gescheitert: {message}")
        results.append(job.output.read_bytes() if job.output else out)
    return results
