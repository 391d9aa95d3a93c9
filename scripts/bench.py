"""Benchmark (not a test): how long a build of the example takes, where the time goes, and how
long the two test tiers run.

`make bench` prints the median of several builds and of each stage – the concept alone and all
documents (concept, papers with attachments, quality dialogue) as `make concept` builds them –
and then times `pytest -m "not slow"` (make test-fast) and the whole suite (the tests of
make test). `--ohne-tests` leaves the test tiers out.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import load, validate  # noqa: E402
from pipeline.build import build  # noqa: E402
from pipeline.export import export_document  # noqa: E402
from pipeline.render import render_concept  # noqa: E402

EXAMPLE = ROOT / "inputs" / "musterkreis"
RUNS = 5


def timed(function: Callable[..., Any], *args: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = function(*args)
    return result, time.perf_counter() - started


def check_example() -> validate.Validated:
    loaded, problems = load.load_folder(EXAMPLE)
    return validate.check(loaded, problems)


def builds() -> None:
    stages: dict[str, list[float]] = {
        "laden+prüfen": [],
        "rendern": [],
        "exportieren": [],
        "nur Konzept": [],
        "alle Dokumente": [],
    }
    build(EXAMPLE, Path(tempfile.mkdtemp()), "konzept")  # warm-up: imports, font scan
    for _ in range(RUNS):
        validated, t_load = timed(check_example)
        doc, t_render = timed(render_concept, validated.concept)
        _, t_export = timed(export_document, doc)
        _, t_concept = timed(build, EXAMPLE, Path(tempfile.mkdtemp()), "konzept")
        _, t_all = timed(build, EXAMPLE, Path(tempfile.mkdtemp()))
        for key, value in zip(stages, (t_load, t_render, t_export, t_concept, t_all), strict=True):
            stages[key].append(value)
    for key, values in stages.items():
        print(f"{key:>16}: {statistics.median(values) * 1000:7.0f} ms (Median aus {RUNS})")


def tests() -> None:
    pytest = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider"]
    for label, extra in (("make test-fast", ["-m", "not slow"]), ("alle Tests", [])):
        started = time.perf_counter()
        process = subprocess.run([*pytest, *extra], cwd=ROOT, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        outcome = process.stdout.strip().splitlines()[-1] if process.stdout.strip() else "?"
        print(f"{label:>16}: {seconds:7.1f} s ({outcome})")


def main() -> None:
    builds()
    if "--ohne-tests" not in sys.argv:
        tests()


if __name__ == "__main__":
    main()
