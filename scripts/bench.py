"""Benchmark (not a test): how long a build of the example takes, and where the time goes.

`make bench` prints the median of several builds and of each stage: the concept alone, and all
documents (concept, papers with attachments, quality dialogue) as `make concept` builds them.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.build import build, build_concept, export_document, load_concept  # noqa: E402
from pipeline.render import render_concept  # noqa: E402

EXAMPLE = ROOT / "inputs" / "musterkreis"
RUNS = 5


def timed(function, *args):
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def main() -> None:
    stages: dict[str, list[float]] = {
        "laden+prüfen": [],
        "rendern": [],
        "exportieren": [],
        "gesamt": [],
        "alle Dokumente": [],
    }
    build_concept(EXAMPLE, Path(tempfile.mkdtemp()))  # warm-up: imports, font scan
    for _ in range(RUNS):
        concept, t_load = timed(load_concept, EXAMPLE)
        doc, t_render = timed(render_concept, concept)
        _, t_export = timed(export_document, doc)
        _, t_total = timed(build_concept, EXAMPLE, Path(tempfile.mkdtemp()))
        _, t_all = timed(build, EXAMPLE, Path(tempfile.mkdtemp()))
        for key, value in zip(stages, (t_load, t_render, t_export, t_total, t_all), strict=True):
            stages[key].append(value)
    for key, values in stages.items():
        print(f"{key:>14}: {statistics.median(values) * 1000:7.0f} ms (Median aus {RUNS})")


if __name__ == "__main__":
    main()
