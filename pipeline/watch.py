"""`gesamtkonzept watch ORDNER`: build again at every save, and show the result in the browser.

The watcher looks at the municipality's folder and at the templates every fraction of a second
(modification time and size of each file; polling needs no extra package and works the same on
network drives, where change notifications often fail). When something changed and has stayed
unchanged for one more look – an editor saving several files, or writing a file in two steps –
it checks the inputs and builds. Problems appear at once, worded as `validate` words them; the
output folder keeps the last good set. Only the Word and PDF files whose content changed are
converted again (:mod:`pipeline.export.cache`), so a save usually costs a second or less.

A small web server on this computer only (127.0.0.1) serves the output folder and a page that
lists the documents, shows the concept's PDF and the problems of the last build, and reloads
itself when a build finished. Ctrl-C stops watching and the server.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pipeline.build import Request, check_folder, prepare_export
from pipeline.errors import GesamtkonzeptError, InvalidInput
from pipeline.export.manifest import MANIFEST, read_manifest
from pipeline.findings import listing, summary
from pipeline.formatting import number
from pipeline.render.document import TEMPLATE_DIR

#: Names editors and systems write beside the files they save, which are no inputs.
IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".bak")


def _watched(path: Path) -> bool:
    return not path.name.startswith(".") and not path.name.endswith(IGNORED_SUFFIXES)


def snapshot(folders: Iterable[Path], skip: Iterable[Path] = ()) -> dict[Path, tuple[int, int]]:
    """Time and size of every file below `folders` (hidden files and folders, editors' backup
    files and the folders in `skip` left out)."""
    left_out = {s.resolve() for s in skip}
    found: dict[Path, tuple[int, int]] = {}

    def walk(folder: Path) -> None:
        try:
            entries = list(folder.iterdir())
        except OSError:
            return
        for entry in entries:
            if not _watched(entry) or entry.resolve() in left_out:
                continue
            try:
                if entry.is_dir():
                    walk(entry)
                elif entry.is_file():
                    status = entry.stat()
                    found[entry] = (status.st_mtime_ns, status.st_size)
            except OSError:
                continue

    for folder in folders:
        walk(folder)
    return found


def changed_files(before: dict[Path, tuple[int, int]], after: dict[Path, tuple[int, int]]) -> list[Path]:
    """Files added, removed or changed between two snapshots."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


@dataclass
class State:
    """The last build as the preview page shows it; `number` counts finished builds, and the
    page reloads when it changes."""

    number: int = 0
    ok: bool = True
    build: str = ""
    when: str = ""
    headline: str = "Der erste Build läuft …"
    lines: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"stand": self.number, "gueltig": self.ok, "build": self.build}


@dataclass
class Watcher:
    """Watches a municipality's folder (and the templates) and builds into `output`."""

    folder: Path
    output: Path
    request: Request = Request()
    strict: bool = False
    echo: Callable[[str], None] = print
    state: State = field(default_factory=State)

    def watched_folders(self) -> list[Path]:
        return [self.folder, self.request.template_dir or TEMPLATE_DIR]

    def build(self, pool: ThreadPoolExecutor, changed: list[Path] | None = None) -> State:
        """Check and build once; problems are shown, never raised."""
        started = time.perf_counter()
        now = dt.datetime.now().strftime("%H:%M:%S")
        what = f"Änderung: {', '.join(_shown(p, self.folder) for p in changed[:3])}" if changed else "Start"
        if changed and len(changed) > 3:
            what += f" und {len(changed) - 3} weitere"
        lines: list[str] = []
        try:
            checked = check_folder(self.folder, strict=self.strict)
            lines = listing(checked.warnings)
            written = prepare_export(checked, self.output, self.request).run(pool)
            lines += [str(gap) for gap in written.gaps]
        except InvalidInput as error:
            lines = listing(error.problems)
            headline = f"{summary(error.problems)} – die Vorschau zeigt weiter den letzten gültigen Stand."
            return self._finished(False, now, what, headline, lines)
        except GesamtkonzeptError as error:
            return self._finished(False, now, what, f"Fehler: {error}", [])
        seconds = number(time.perf_counter() - started, 1)
        headline = (
            f"neu erzeugt {len(written.converted)}, unverändert {len(written.reused)} Word- und PDF-Dateien "
            f"({seconds} s)"
            + (f"; {summary([*checked.warnings, *written.gaps])}" if checked.warnings or written.gaps else "")
        )
        return self._finished(True, now, what, headline, lines)

    def _finished(self, ok: bool, when: str, what: str, headline: str, lines: list[str]) -> State:
        for line in lines:
            self.echo(line)
        self.echo(f"{when}  {what} – {headline}")
        build = str(read_manifest(self.output).get("build", ""))
        self.state = State(self.state.number + 1, ok, build, when, headline, lines)
        return self.state

    def run(
        self,
        stop: threading.Event,
        interval: float = 0.5,
        on_build: Callable[[State], None] | None = None,
        workers: int | None = None,
    ) -> None:
        """Build, then build again after every change until `stop` is set."""
        from pipeline.export import default_workers

        skip = [self.output]
        with ThreadPoolExecutor(max_workers=workers or default_workers()) as pool:
            seen = snapshot(self.watched_folders(), skip)
            state = self.build(pool)
            if on_build:
                on_build(state)
            while not stop.wait(interval):
                now = snapshot(self.watched_folders(), skip)
                if now == seen:
                    continue
                while not stop.wait(interval):  # settled: unchanged for one more look
                    later = snapshot(self.watched_folders(), skip)
                    if later == now:
                        break
                    now = later
                if stop.is_set():
                    break
                changed, seen = changed_files(seen, now), now
                state = self.build(pool, changed)
                if on_build:
                    on_build(state)


def _shown(path: Path, folder: Path) -> str:
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return path.name


# --- the preview --------------------------------------------------------------------------------


def documents(output: Path) -> list[tuple[str, str | None, str | None]]:
    """(name, PDF, Word file) of every document the last build recorded, paths relative to the
    output folder, the concept first."""
    files = [p for p in read_manifest(output).get("dateien", {}) if p.endswith((".pdf", ".docx"))]
    stems = dict.fromkeys(p.rsplit(".", 1)[0] for p in files)
    found = [
        (
            stem,
            f"{stem}.pdf" if f"{stem}.pdf" in files else None,
            f"{stem}.docx" if f"{stem}.docx" in files else None,
        )
        for stem in stems
    ]
    return sorted(found, key=lambda d: ("/" in d[0], d[0]))


def index_page(output: Path, state: State) -> str:
    """The preview page: status, problems, the documents, and the first PDF shown."""
    docs = documents(output)
    rows = "\n".join(
        f"<li>{html.escape(name)}: "
        + " ".join(
            f'<a href="{href}">{label}</a>'
            for href, label in (
                (f"#{quote(pdf)}" if pdf else None, "PDF"),
                (quote(word) if word else None, "Word"),
            )
            if href
        )
        + "</li>"
        for name, pdf, word in docs
    )
    first = next((pdf for _, pdf, _ in docs if pdf), None)
    viewer = '<iframe title="Vorschau des PDF"></iframe>' if first else ""
    problems = "".join(f"<li>{html.escape(line)}</li>" for line in state.lines)
    status = "gueltig" if state.ok else "fehler"
    return f"""<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Vorschau – {html.escape(output.name)}</title>
<style>
body {{ font-family: sans-serif; margin: 0; display: flex; height: 100vh; }}
nav {{ width: 26em; overflow: auto; padding: 1em; box-sizing: border-box; border-right: 1px solid #ccc; }}
iframe {{ flex: 1; border: 0; height: 100%; }}
.fehler {{ color: #a40000; }} .gueltig {{ color: #1b5e20; }}
li {{ margin-bottom: .4em; }}
</style></head>
<body><nav>
<h1>Vorschau</h1>
<p class="{status}"><strong>{html.escape(state.when)}</strong> {html.escape(state.headline)}</p>
{f"<h2>Meldungen</h2><ul>{problems}</ul>" if problems else ""}
<h2>Dokumente</h2><ul>{rows}</ul>
<p><small>Die Seite lädt sich neu, sobald ein Build fertig ist.</small></p>
</nav>{viewer}
<script>
const stand = {state.number};
const erstes = {json.dumps(quote(first) if first else "")};
function zeige() {{
  const ansicht = document.querySelector("iframe");
  const pfad = location.hash ? location.hash.slice(1) : erstes;
  if (ansicht && pfad) ansicht.src = pfad + "?stand=" + stand;
}}
window.addEventListener("hashchange", zeige);
zeige();
setInterval(async () => {{
  try {{
    const antwort = await fetch("/__stand", {{cache: "no-store"}});
    if ((await antwort.json()).stand !== stand) location.reload();
  }} catch (fehler) {{}}
}}, 1000);
</script></body></html>
"""


def preview_server(output: Path, state: Callable[[], State], port: int = 8000) -> ThreadingHTTPServer:
    """A web server on 127.0.0.1 serving the output folder, the preview page at '/' and the
    current build number at '/__stand'; it runs in a thread of its own until shutdown()."""

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(output), **kwargs)

        def do_GET(self) -> None:  # noqa: N802 – the name http.server calls
            path = self.path.split("?", 1)[0]
            if path in ("/", "/index.html"):
                self._send(index_page(output, state()).encode("utf-8"), "text/html; charset=utf-8")
            elif path == "/__stand":
                self._send(json.dumps(state().as_json()).encode(), "application/json")
            elif path.rsplit("/", 1)[-1].startswith(".") or path.endswith(MANIFEST + ".neu"):
                self.send_error(HTTPStatus.NOT_FOUND)
            else:
                super().do_GET()

        def end_headers(self) -> None:
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 – http.server's name
            return

    output.mkdir(parents=True, exist_ok=True)
    last: OSError | None = None
    for candidate in [port] if port == 0 else range(port, port + 20):
        try:
            server = ThreadingHTTPServer(("127.0.0.1", candidate), Handler)
            break
        except OSError as error:  # in use: try the next one
            last = error
    else:
        raise OSError(f"Kein freier Port ab {port} für die Vorschau") from last
    threading.Thread(target=server.serve_forever, name="vorschau", daemon=True).start()
    return server
