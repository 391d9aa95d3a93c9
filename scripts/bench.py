"""Benchmark (not a test): how long the commands take, and how they grow with the input.

`make bench` runs each measurement as a command of its own, as a user would run it, several
times, and takes the fastest run (the least disturbed by other programs on the machine):

- a yardstick: ten million additions in pure Python, to compare machines;
- `validate` of the example; a build of the concept alone and of all documents into an empty
  folder; the same build again with nothing changed; again after one measure's title changed;
  the same change saved while `gesamtkonzept watch` runs (its process and workers warm);
- a municipality of 500 measures (scripts/grosse_kommune.py): full build with its peak memory;
- 20 municipalities (copies of the example under other names) in one run with two workers;
- last, one of 5,000 measures: `validate`, and the full build (two and a half minutes, a concept
  of some 4,900 pages);
- then `make test-fast` and `make test` (tests spread over the cores), unless `--ohne-tests`.

It prints a table and writes it into README.md between the markers `<!-- laufzeiten:start -->`
and `<!-- laufzeiten:ende -->` (`--ohne-readme`: only print). `--schnell` leaves out the
500-, 5,000- and 20-municipality runs. Peak memory is the largest resident size of the Python
process, and in brackets that of its largest helper process (a typst worker or pandoc), which
run beside it.
"""

from __future__ import annotations

import compileall
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
START, END = "<!-- laufzeiten:start -->", "<!-- laufzeiten:ende -->"
EXAMPLE = ROOT / "inputs" / "musterkreis"
TITLE = "titel: Willkommensbesuche für Familien mit Neugeborenen\n"
RUNS = 3

#: Runs the command line in a process of its own and reports its peak memory on stderr. It imports
#: nothing the command would not: the typst workers and pandocs are stopped only where the build
#: started them.
RUNNER = (
    "import json, resource, sys\n"
    "from pipeline.cli import main\n"
    "try:\n"
    "    main(sys.argv[1:], standalone_mode=False)\n"
    "finally:\n"
    "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "    worker = sys.modules.get('pipeline.export.typst_worker')\n"
    "    if worker:\n"
    "        worker.stop_workers()\n"
    "    server = sys.modules.get('pipeline.export.pandoc')\n"
    "    if server:\n"
    "        server.stop_servers()\n"
    "    helpers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "    sys.stderr.write('\\nBENCH ' + json.dumps({'peak_kb': peak, 'helpers_kb': helpers}) + '\\n')\n"
)


#: The environment of a measured command: as on a user's machine, Python keeps the compiled
#: modules (some machines switch that off with PYTHONDONTWRITEBYTECODE, which would add the
#: compiling of every module to every call).
USER_ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def command(*args: str | Path) -> tuple[float, int, int]:
    """Wall time, peak memory (KB) of one `gesamtkonzept …` call and of its largest helper process
    (a typst worker or pandoc)."""
    started = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-c", RUNNER, *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=USER_ENVIRONMENT,
    )
    seconds = time.perf_counter() - started
    report = [line for line in process.stderr.splitlines() if line.startswith("BENCH ")]
    if process.returncode != 0 or not report:
        raise RuntimeError(f"gesamtkonzept {' '.join(map(str, args))} scheiterte:\n{process.stderr[-2000:]}")
    measured = json.loads(report[-1][6:])
    return seconds, measured["peak_kb"], measured["helpers_kb"]


#: A save in `gesamtkonzept watch`: the watcher's process builds the example, then the first
#: measure's title changes and it builds again – once to warm up, then RUNS times; it prints the
#: fastest of those rebuilds in seconds. The title alternates, so every save changes the text.
WATCH_RUNNER = (
    "import sys, time\n"
    "from concurrent.futures import ThreadPoolExecutor\n"
    "from pathlib import Path\n"
    "from pipeline.watch import Watcher\n"
    "folder, output, title, runs = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])\n"
    "plan = folder / 'massnahmen.yaml'\n"
    "text = plan.read_text(encoding='utf-8')\n"
    "watcher = Watcher(folder, output, echo=lambda line: None)\n"
    "times = []\n"
    "with ThreadPoolExecutor(max_workers=2) as pool:\n"
    "    watcher.build(pool)\n"
    "    for number in range(runs + 1):\n"
    "        changed = title.replace('Familien', 'alle Familien' if number % 2 == 0 else 'die Familien')\n"
    "        plan.write_text(text.replace(title, changed), encoding='utf-8')\n"
    "        started = time.perf_counter()\n"
    "        state = watcher.build(pool, [plan])\n"
    "        assert state.ok, state.headline\n"
    "        times.append(time.perf_counter() - started)\n"
    "print(min(times[1:]))\n"
)


def watch_rebuild(base: Path) -> float:
    """The fastest rebuild after a save in watch mode (:data:`WATCH_RUNNER`)."""
    folder = retitled(base)
    process = subprocess.run(
        [sys.executable, "-c", WATCH_RUNNER, str(folder), str(base / "titel" / "vorschau"), TITLE, str(RUNS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=USER_ENVIRONMENT,
    )
    if process.returncode != 0:
        raise RuntimeError(f"watch scheiterte:\n{process.stderr[-2000:]}")
    return float(process.stdout.split()[-1])


def fastest(runs: int, prepare: Callable[[], list[str | Path]]) -> tuple[float, int, int]:
    """The fastest of `runs` calls; `prepare` sets up each one and returns its arguments."""
    results = [command(*prepare()) for _ in range(runs)]
    return min(results)


#: A fixed piece of pure Python: its time says how fast the machine is, so that tables of two
#: machines (or of one machine on a busy day) can be compared.
YARDSTICK = "s = 0\nfor i in range(10_000_000):\n    s += i\n"


def yardstick() -> float:
    """Seconds for YARDSTICK, the fastest of RUNS runs, in this interpreter."""
    best = float("inf")
    for _ in range(RUNS):
        started = time.perf_counter()
        exec(compile(YARDSTICK, "<bench>", "exec"), {})
        best = min(best, time.perf_counter() - started)
    return best


def fresh(base: Path, name: str) -> Path:
    folder = base / name
    shutil.rmtree(folder, ignore_errors=True)
    return folder


def retitled(base: Path) -> Path:
    """A copy of the example whose first measure's title is about to change."""
    folder = fresh(base, "titel") / "musterkreis"
    shutil.copytree(EXAMPLE, folder)
    return folder


def measure(base: Path, large: bool) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []

    def row(label: str, seconds: float, peak: int | None = None, helpers: int | None = None) -> None:
        memory = f" · {round(peak / 1024)} MB" if peak else ""
        memory += f" (Hilfsprozess bis {round(helpers / 1024)} MB)" if helpers else ""
        rows.append((label, f"{seconds:.2f} s{memory}".replace(".", ",")))
        print(f"{label:<55} {rows[-1][1]}", flush=True)

    row("Bezugsgröße: 10 Mio. Additionen in Python (Rechnertempo)", yardstick())
    command("validate", EXAMPLE)  # warm-up: imports, compiled templates, font scan
    command("build", EXAMPLE, "-o", fresh(base, "aufwaermen"), "--nur", "konzept")
    row("validate (Beispiel)", *fastest(RUNS, lambda: ["validate", EXAMPLE]))
    row(
        "build --nur konzept, leerer Zielordner",
        *fastest(RUNS, lambda: ["build", EXAMPLE, "-o", fresh(base, "k"), "--nur", "konzept"]),
    )
    row(
        "build, alle Dokumente, leerer Zielordner",
        *fastest(RUNS, lambda: ["build", EXAMPLE, "-o", fresh(base, "a")]),
    )
    row("build, nichts geändert", *fastest(RUNS, lambda: ["build", EXAMPLE, "-o", base / "a"]))

    def title_changed() -> list[str | Path]:
        folder = retitled(base)
        out = base / "titel" / "ausgabe"
        command("build", folder, "-o", out)
        plan = folder / "massnahmen.yaml"
        plan.write_text(
            plan.read_text(encoding="utf-8").replace(TITLE, TITLE.replace("Familien", "alle Familien"))
        )
        return ["build", folder, "-o", out]

    row("build, Titel einer Maßnahme geändert", *fastest(RUNS, title_changed))
    row("watch: Titel einer Maßnahme geändert und gespeichert, bis alles neu steht", watch_rebuild(base))
    if not large:
        return rows

    sys.path.insert(0, str(ROOT / "scripts"))
    from grosse_kommune import scale

    scale(EXAMPLE, base / "m500", 500)
    row(
        "500 Maßnahmen: build, leerer Zielordner (Spitzenspeicher)",
        *fastest(1, lambda: ["build", base / "m500", "-o", fresh(base, "m500-aus")]),
    )
    land = fresh(base, "land")
    for number in range(1, 21):
        shutil.copytree(EXAMPLE, land / f"kreis-{number:02d}")
        municipality = land / f"kreis-{number:02d}" / "kommune.yaml"
        municipality.write_text(
            municipality.read_text(encoding="utf-8").replace(
                "name: Landkreis Musterkreis", f"name: Landkreis Muster{number:02d}"
            )
        )
    row(
        "20 Kommunen, zwei Arbeiter, leerer Zielordner",
        *fastest(2, lambda: ["build", land, "-o", fresh(base, "land-aus"), "--arbeiter", "2"]),
    )
    # the 5,000 measures last: for a while after their build (about 13 GB given back by typst's
    # worker and the build) the machine ran the 20 municipalities up to 2 s slower
    scale(EXAMPLE, base / "m5000", 5000)
    row("5.000 Maßnahmen: validate", *fastest(1, lambda: ["validate", base / "m5000"]))
    # about 11 GB in typst's worker: where the machine has less, the row says so and the table is written
    try:
        built = fastest(1, lambda: ["build", base / "m5000", "-o", fresh(base, "m5000-aus")])
    except RuntimeError as failure:
        print(failure, file=sys.stderr)
        rows.append(("5.000 Maßnahmen: build, leerer Zielordner (Spitzenspeicher)", "gescheitert (Speicher?)"))
    else:
        row("5.000 Maßnahmen: build, leerer Zielordner (Spitzenspeicher)", *built)
    return rows


def tests() -> list[tuple[str, str]]:
    """`make test-fast` and `make test` as a developer runs them (the latter with format check,
    lint and type check), once each."""
    rows = []
    for label, target in (
        ("make test-fast (ohne pandoc und Typst)", "test-fast"),
        ("make test (alles wie in CI)", "test"),
    ):
        started = time.perf_counter()
        process = subprocess.run(["make", "-s", target], cwd=ROOT, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        summary = [line for line in process.stdout.splitlines() if " passed" in line or " failed" in line]
        outcome = summary[-1] if summary else "?"
        rows.append((label, f"{seconds:.0f} s ({outcome.strip('= ')})"))
        print(f"{label:<55} {rows[-1][1]}", flush=True)
    return rows


def table(rows: list[tuple[str, str]]) -> str:
    cores = os.cpu_count() or 1
    lines = [
        f"`make bench` am {dt.date.today():%d.%m.%Y} auf {cores} Kernen (schnellster von {RUNS} Läufen; "
        "Großes ein Lauf, Batch zwei):",
        "",
        "| Messung | Dauer |",
        "|---|---|",
        *(f"| {label} | {value} |" for label, value in rows),
    ]
    return "\n".join(lines)


def update_readme(text: str) -> None:
    readme = README.read_text(encoding="utf-8")
    head, found, rest = readme.partition(START)
    if not found:
        raise SystemExit(f"README.md hat keine Marke {START}")
    _, _, tail = rest.partition(END)
    README.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def main() -> None:
    # the bytecode as a user's first run leaves it: where Python writes none (PYTHONDONTWRITEBYTECODE,
    # as on CI machines) or the files changed since, every command compiled the modules it imports
    compileall.compile_dir(ROOT / "pipeline", quiet=1)
    base = Path(tempfile.mkdtemp(prefix="gesamtkonzept-bench-"))
    try:
        rows = measure(base, large="--schnell" not in sys.argv)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    if "--ohne-tests" not in sys.argv:
        rows += tests()
    text = table(rows)
    print("\n" + text)
    if "--ohne-readme" not in sys.argv:
        update_readme(text)
        print("README aktualisiert")


if __name__ == "__main__":
    main()
