"""Command line: `gesamtkonzept build|validate|check|plan|diff|review|schema|init`.

Each command runs stages of the pipeline (:mod:`pipeline.build`) and prints what they found
(:mod:`pipeline.terminal`). Known errors become German messages and exit codes (1 invalid input
or a failed build, 2 a wrong call), never a traceback; unknown errors stay loud.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import json
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

import click

from pipeline import click_german
from pipeline.errors import GesamtkonzeptError, InvalidInput, os_reason
from pipeline.findings import Finding, listing, summary
from pipeline.formatting import count, number
from pipeline.model.kinds import PLACEHOLDER_STATE, MunicipalityKind, State, outside_the_years
from pipeline.products import AGREEMENT_FOLDER, PRODUCTS, PUBLIC_PAPERS, QUALITY_DIALOGUE

# Before any option is declared: click words some of its help texts when an option is made.
click_german.install()


#: The commands that write files: only after them does a failure say that nothing was written
#: (Schleswig-Holstein review: 'validate' said so, though it never writes anything).
WRITING_COMMANDS = frozenset({"build", "init", "migrate", "schema", "review"})


def _report(error: GesamtkonzeptError, command: str | None = None) -> None:
    if isinstance(error, InvalidInput):
        for line in listing(error.problems):
            click.echo(line, err=True)
        strict = " (mit --streng zählen Warnungen als Fehler)" if error.strict else ""
        nothing = " Es wurde nichts geschrieben." if command is None or command in WRITING_COMMANDS else ""
        click.echo(f"{summary(error.problems)} gefunden{strict}.{nothing}", err=True)
    else:
        click.echo(f"Fehler: {error}", err=True)


def _show_warnings(warnings: list[Finding]) -> None:
    """Warnings go to stderr like errors, but the run goes on."""
    for line in listing(warnings):
        click.echo(line, err=True)


def _json_report(folder: Path, problems: list[Finding], valid: bool, to_confirm: list[str] | None = None) -> str:
    """The messages for editors and scripts; for valid inputs also the provisions for the legal
    office to confirm (`zu_pruefen`, as the text output names them)."""
    report: dict[str, Any] = {"ordner": str(folder), "gueltig": valid, "probleme": [p.as_json() for p in problems]}
    if to_confirm is not None:
        report["zu_pruefen"] = to_confirm
    return json.dumps(report, ensure_ascii=False, indent=2)


class _Command(click.Command):
    """A command whose usage line says '[OPTIONEN]'."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIONEN]")
        super().__init__(*args, **kwargs)


class _Group(click.Group):
    command_class = _Command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GesamtkonzeptError as error:
            _report(error, ctx.invoked_subcommand)
            sys.exit(error.exit_code)
        except KeyboardInterrupt:
            # Ctrl-C, or SIGTERM (see _terminate): what is written is whole (files are replaced
            # atomically), the work folders go with the process's exit; 130 as shells expect
            click.echo("\nAbgebrochen.", err=True)
            sys.exit(130)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"Fehler beim Lesen oder Schreiben: {where}{os_reason(error)}", err=True)
            sys.exit(1)


FOLDER = click.Path(file_okay=False, path_type=Path)
STRICT = click.option(
    "--streng", is_flag=True, help="Warnungen wie Fehler behandeln: Exit-Code 1, nichts wird geschrieben."
)


if TYPE_CHECKING:
    from pipeline.build import Request
    from pipeline.model.concept import Concept

    _DateParamType = click.ParamType[dt.date]
else:  # click before 8.4 has no generic ParamType; the pinned range starts at 8.1
    _DateParamType = click.ParamType


class GermanDate(_DateParamType):
    """A date written JJJJ-MM-TT or TT.MM.JJJJ, refused with a German message (exit code 2)."""

    name = "JJJJ-MM-TT"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        for form in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                date = dt.datetime.strptime(value, form).date()
            except ValueError:
                continue
            # the years the inputs allow (types.Year): 0001-01-01 ended in a traceback where the
            # reporting calendar counted back from it (hostile-input sweep)
            outside = outside_the_years(date.year)
            if outside:
                self.fail(f"'{value}' {outside}.", param, ctx)
            return date
        self.fail(f"'{value}' ist kein Datum, z. B. 2026-11-23 oder 23.11.2026.", param, ctx)


MUNICIPALITY_KINDS: list[str] = list(get_args(MunicipalityKind))
STATES: list[str] = list(get_args(State))

#: `check --fail-on LEVEL` fails on these statuses: 'offen' only on open goals, 'teilweise' on
#: everything short of erfüllt (what the data cannot show is not shown to be fulfilled).
FAILING = {"offen": {"offen"}, "teilweise": {"teilweise", "offen", "nicht prüfbar"}}


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--hilfe", "--help"]},
    options_metavar="[OPTIONEN]",
    subcommand_metavar="BEFEHL [ARGUMENTE]...",
)
@click.version_option(package_name="gesamtkonzept-fruehe-hilfen", message="%(version)s")
def main() -> None:
    """Gesamtkonzept Frühe Hilfen aus den YAML-Dateien einer Kommune erzeugen."""
    _stacks_on_crash()
    with contextlib.suppress(ValueError):  # only the main thread may set it (not so in every test runner)
        signal.signal(signal.SIGTERM, _terminate)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM (a service manager, `kill`) ends a build as Ctrl-C does: it ended at once, with a
    worker's traceback and the typst work folder left in /tmp (hostile-input sweep)."""
    raise KeyboardInterrupt


def _stacks_on_crash() -> None:
    """A crash in native code (typst, lxml) ends the process without a word; this at least leaves
    the threads' Python stacks on stderr for a report. Not where stderr is no real file (a test
    runner capturing the output)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        faulthandler.enable()


@main.command()
@click.argument("ordner", type=FOLDER)
@STRICT
@click.option(
    "--format",
    "ausgabeformat",
    type=click.Choice(["text", "json"]),
    default="text",
    help="'json': alle Meldungen als JSON auf der Standardausgabe (für Editoren und Skripte).",
)
def validate(ordner: Path, streng: bool, ausgabeformat: str) -> None:
    """Prüft die Eingaben in ORDNER, ohne etwas zu schreiben."""
    from pipeline.build import check_folder

    if ausgabeformat == "json":
        try:
            checked = check_folder(ordner, strict=streng)
        except InvalidInput as error:
            click.echo(_json_report(ordner, error.problems, valid=False))
            sys.exit(error.exit_code)
        click.echo(
            _json_report(ordner, checked.warnings, valid=True, to_confirm=checked.concept.provisions_to_confirm)
        )
        return
    checked = check_folder(ordner, strict=streng)
    concept, warnings = checked.concept, checked.warnings
    _show_warnings(warnings)
    counts = [
        count(len(concept.target_groups), "Zielgruppe", "Zielgruppen"),
        count(len(concept.goals), "Ziel", "Ziele", "ein"),
        count(len(concept.measures), "Maßnahme", "Maßnahmen"),
        count(len(concept.actors), "Akteur", "Akteure", "ein"),
        count(len(concept.papers), "Vorlage", "Vorlagen"),
    ]
    _show_provisions_to_confirm(concept)
    noted = f"; {summary(warnings)}" if warnings else ""
    # '.' said nothing of which folder was valid (hostile-input sweep): then its name
    shown = ordner if ordner.name else Path(ordner.resolve().name)
    click.echo(f"{shown}: gültig – {', '.join(counts)}{noted}.")


def _show_provisions_to_confirm(concept: Concept) -> None:
    """The provisions the documents cite that the tool has not read in the law's own text: not a
    warning (nothing in the inputs would change it), a note for the legal office."""
    provisions = concept.provisions_to_confirm
    if provisions:
        click.echo(
            "Zur Prüfung durch das Rechtsamt – die Dokumente nennen diese Vorschriften, deren Wortlaut das "
            "Werkzeug nicht im Gesetzestext gelesen hat:",
            err=True,
        )
        for provision in provisions:
            click.echo(f"  {provision}", err=True)


ONLY = click.option(
    "--nur",
    type=click.Choice([p.key for p in PRODUCTS]),
    default=None,
    help="Nur " + ", nur ".join(p.label for p in PRODUCTS[:-1]) + f" oder nur {PRODUCTS[-1].label} erzeugen.",
)
DRAFT = click.option(
    "--entwurf", is_flag=True, help="Als Entwurf: „ENTWURF“ auf jeder Seite, Zeilennummern in Word."
)
WORKING_COPY = click.option(
    "--arbeitsfassung",
    is_flag=True,
    help="Den Qualitätsdialog zusätzlich als Arbeitsfassung für das Netzwerk: mit Datei, Zeile und Feld zu "
    "jedem Hinweis.",
)


def _working_copy_fits(arbeitsfassung: bool, nur: str | None) -> None:
    if arbeitsfassung and nur not in (None, QUALITY_DIALOGUE.key):
        raise click.UsageError(
            f"--arbeitsfassung gehört zum Qualitätsdialog; mit --nur {nur} gibt es keinen.",
            click.get_current_context(),
        )


@main.command()
@click.argument("ordner", type=FOLDER, nargs=-1, required=True)
@click.option(
    "-o",
    "--ausgabe",
    "ausgabe",
    type=FOLDER,
    default=None,
    help="Zielordner (Standard: outputs/<Ordnername>); bei mehreren Kommunen je Kommune ein Unterordner darin.",
)
@ONLY
@click.option(
    "--vergleich",
    metavar="FASSUNG",
    default=None,
    help="Frühere Fassung (Ordner oder REVISION:ORDNER); das Konzept nennt die Änderungen.",
)
@DRAFT
@WORKING_COPY
@STRICT
@click.option(
    "--arbeiter",
    type=click.IntRange(1, 64),
    default=None,
    help="So viele Dokumente (bei mehreren Kommunen: so viele Kommunen, je in einem eigenen Prozess) werden "
    "gleichzeitig erzeugt (Standard: einer je Prozessorkern, mindestens zwei).",
)
def build(
    ordner: tuple[Path, ...],
    ausgabe: Path | None,
    nur: str | None,
    vergleich: str | None,
    entwurf: bool,
    arbeitsfassung: bool,
    streng: bool,
    arbeiter: int | None,
) -> None:
    """Erzeugt Gesamtkonzept, Vorlagen und Qualitätsdialog aus ORDNER als Word- und PDF-Dateien.

    Mehrere ORDNER, oder ein Ordner, dessen Unterordner je eine Kommune enthalten (mit
    kommune.yaml), werden nacheinander geprüft und gemeinsam erzeugt; eine Kommune mit Fehlern
    hält die anderen nicht auf. Am Ende steht eine Übersicht.
    """
    from pipeline.batch import municipality_folders
    from pipeline.build import Request

    _working_copy_fits(arbeitsfassung, nur)
    folders, batch = municipality_folders(ordner)
    if batch and vergleich:
        raise click.UsageError(
            "--vergleich nennt die frühere Fassung einer Kommune; mit mehreren Kommunen geht das nicht.",
            click.get_current_context(),
        )
    request = Request(nur, earlier=vergleich, draft=entwurf, working_copy=arbeitsfassung, strict=streng)
    if batch:
        _build_many(folders, ausgabe, request, streng, arbeiter)
    else:
        _build_one(folders[0], ausgabe, request, streng, arbeiter)


def _build_one(ordner: Path, ausgabe: Path | None, request: Request, streng: bool, arbeiter: int | None) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from pipeline.unchanged import unchanged_files

    started = time.perf_counter()
    target = ausgabe or Path("outputs") / ordner.resolve().name
    _outside_inputs(ordner, target)
    key = _whole_build_key(ordner, target, request)
    unchanged = unchanged_files(target, key) if key else None
    if unchanged is not None:
        documents = len(unchanged)
        click.echo(
            f"Word und PDF: alle {documents} Dateien unverändert (seit dem letzten Build hat sich nichts geändert)."
        )
        click.echo(f"fertig in {number(time.perf_counter() - started, 1)} s")
        return
    from pipeline.build import check_folder, prepare_export
    from pipeline.export import default_workers

    checked = check_folder(ordner, strict=streng)
    _show_warnings(checked.warnings)
    _show_provisions_to_confirm(checked.concept)
    if checked.warnings:
        click.echo(
            f"{summary(checked.warnings)} – die Dokumente werden trotzdem erzeugt (mit --streng nicht).", err=True
        )
    export = prepare_export(checked, target, request)
    export.build_key = None if checked.warnings else key
    with ThreadPoolExecutor(max_workers=arbeiter or default_workers()) as pool:
        result = export.run(pool)
    _show_warnings(result.gaps)
    if result.interrupted:
        click.echo(
            f"Der Build vom {result.interrupted:%d.%m.%Y, %H:%M} Uhr wurde beim Schreiben unterbrochen; "
            "seine Dateien sind jetzt vollständig übernommen.",
            err=True,
        )
    from pipeline.terminal import removal_line

    for removed in result.removed:
        click.echo(removal_line(removed, result.paths, AGREEMENT_FOLDER not in removed.parts), err=True)
    for left in result.left:
        click.echo(
            f"nicht entfernt, weil seit dem letzten Build bearbeitet: {left} – der Build erzeugt diese Datei nicht "
            "mehr; bitte prüfen, ob sie noch veröffentlicht werden soll",
            err=True,
        )
    for kept in result.kept:
        # a copy with internal notes in the folder published as a whole would go out with it (diff review)
        published = kept.kept.is_relative_to(target / PUBLIC_PAPERS)
        click.echo(
            f"Bearbeitete Fassung gesichert: {kept.original.name} → {kept.kept.name} (sie wich vom letzten Build ab)"
            + (
                f"; sie liegt in {PUBLIC_PAPERS}/, das veröffentlicht wird – bitte vor dem Hochladen entfernen"
                if published
                else ""
            ),
            err=True,
        )
    for written in result.paths:
        click.echo(f"geschrieben: {written}")
    rebuilt = _rebuilt_line(result)
    if rebuilt:
        click.echo(rebuilt)
    click.echo(f"fertig in {number(time.perf_counter() - started, 1)} s")


def _outside_inputs(ordner: Path, target: Path) -> None:
    from pipeline.batch import outside_inputs

    try:
        outside_inputs(ordner, target)
    except ValueError as error:
        raise click.UsageError(str(error), click.get_current_context()) from None


def _whole_build_key(ordner: Path, target: Path, request: Request) -> str | None:
    """The key that lets a build with nothing changed skip everything (:mod:`pipeline.unchanged`);
    none when the build compares with an earlier Fassung, which may change on its own."""
    from pipeline.unchanged import build_key

    if request.earlier is not None:
        return None
    asked = {"nur": request.only, "entwurf": request.draft, "arbeitsfassung": request.working_copy}
    return build_key(ordner, target, {**asked, "streng": request.strict})


def _rebuilt_line(result: Any) -> str:
    """What a build converted and what it kept: Word and PDF files whose text, templates and
    tools are as at the last build stay as they are."""
    converted, reused = result.converted, len(result.reused)
    if not converted and not reused:  # '--nur tabellen': no Word or PDF file at all
        return ""
    if not reused:
        if len(converted) == 1:
            return "Word und PDF: die eine Datei neu erzeugt."
        return f"Word und PDF: alle {len(converted)} Dateien neu erzeugt."
    if not converted:
        return (
            f"Word und PDF: alle {reused} Dateien unverändert (seit dem letzten Build hat sich nichts geändert)."
        )
    return (
        f"Word und PDF: neu erzeugt {', '.join(converted)}; {reused} weitere unverändert "
        "(ihr Inhalt, ihre Vorlagen und Werkzeuge sind dieselben wie beim letzten Build)."
    )


def _build_many(
    folders: list[Path], ausgabe: Path | None, request: Request, streng: bool, arbeiter: int | None
) -> None:
    from pipeline.batch import Progress, build_many, output_folders, summary_table
    from pipeline.export import default_workers

    started = time.perf_counter()
    try:
        outputs = output_folders(folders, ausgabe)
    except ValueError as error:
        raise click.UsageError(str(error), click.get_current_context()) from None
    results = build_many(
        folders,
        outputs,
        request,
        strict=streng,
        workers=arbeiter or default_workers(),
        progress=Progress(len(folders)),
    )
    click.echo("\n".join(summary_table(results, time.perf_counter() - started)))
    if any(not r.ok for r in results):
        sys.exit(1)


@main.command()
@click.argument("ordner", type=FOLDER)
@click.option(
    "-o", "--ausgabe", "ausgabe", type=FOLDER, default=None, help="Zielordner (Standard: outputs/<Ordnername>)."
)
@ONLY
@DRAFT
@WORKING_COPY
@STRICT
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port der Vorschau im Browser (belegt: der nächste freie; 0: irgendein freier).",
)
@click.option("--ohne-vorschau", is_flag=True, help="Nur bauen, keine Vorschau im Browser anbieten.")
@click.option(
    "--intervall",
    type=click.FloatRange(0.05, 60),
    default=0.5,
    show_default=True,
    help="So viele Sekunden zwischen zwei Blicken auf die Dateien.",
)
def watch(
    ordner: Path,
    ausgabe: Path | None,
    nur: str | None,
    entwurf: bool,
    arbeitsfassung: bool,
    streng: bool,
    port: int,
    ohne_vorschau: bool,
    intervall: float,
) -> None:
    """Baut ORDNER bei jedem Speichern einer Eingabedatei oder Dokumentvorlage neu, zeigt Probleme
    sofort und bietet eine Vorschau im Browser an, die sich selbst aktualisiert. Beenden mit Strg+C."""
    import threading

    from pipeline.build import Request
    from pipeline.watch import Watcher, preview_server

    _working_copy_fits(arbeitsfassung, nur)
    if not ordner.is_dir():  # it said so and went on watching nothing (hostile-input sweep)
        raise click.BadParameter(f"Der Ordner '{ordner}' existiert nicht.", param_hint="ORDNER")
    target = ausgabe or Path("outputs") / ordner.resolve().name
    _outside_inputs(ordner, target)
    request = Request(nur, draft=entwurf, working_copy=arbeitsfassung, strict=streng)
    watcher = Watcher(ordner, target, request, streng, echo=lambda line: click.echo(line, err=True))
    server = None if ohne_vorschau else preview_server(target, lambda: watcher.state, port)
    if server is not None:
        host, chosen = server.server_address[:2]
        click.echo(f"Vorschau: http://{host!s}:{chosen}/ (nur auf diesem Rechner)", err=True)
    stop = threading.Event()
    try:  # from the first line on: a stop right after it ended the command as interrupted (exit 130)
        click.echo(f"Beobachte {ordner} und die Dokumentvorlagen; beenden mit Strg+C.", err=True)
        watcher.run(stop, intervall)
    except KeyboardInterrupt:
        stop.set()
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
    click.echo("Beobachtung beendet.", err=True)


@main.command()
@click.argument("ordner", type=FOLDER)
@click.option(
    "--stichtag", type=GermanDate(), default=None, help="Bezugsdatum (Standard: heute), z. B. 2026-11-23."
)
def plan(ordner: Path, stichtag: dt.date | None) -> None:
    """Berichtskalender: welches Gremium wann einen Bericht über Frühe Hilfen braucht."""
    from pipeline.build import check_folder
    from pipeline.model.reporting import ReportingView
    from pipeline.terminal import plan_lines

    concept = check_folder(ordner).concept
    click.echo("\n".join(plan_lines(ReportingView(concept, stichtag or dt.date.today()))))


@main.command()
@click.argument("alt")
@click.argument("neu")
def diff(alt: str, neu: str) -> None:
    """Zeigt, was sich zwischen zwei Fassungen geändert hat.

    ALT und NEU sind Eingabeordner oder REVISION:ORDNER aus git, z. B. v1.0:inputs/musterkreis.
    """
    from pipeline.build import load_fassung
    from pipeline.model.changes import compare
    from pipeline.terminal import diff_lines

    click.echo("\n".join(diff_lines(compare(load_fassung(alt), load_fassung(neu)))))


@main.command()
@click.argument("ordner", type=FOLDER)
@click.option(
    "--art",
    type=click.Choice([*MUNICIPALITY_KINDS, "Kreis"]),
    default="Landkreis",
    show_default=True,
    help="Art der Gebietskörperschaft ('Kreis' wie in Nordrhein-Westfalen und Schleswig-Holstein gilt als 'Landkreis').",
)
@click.option(
    "--bundesland",
    type=click.Choice(STATES),
    default=None,
    help="Bundesland (Standard: ein Platzhalter, der in kommune.yaml zu prüfen ist).",
)
@click.option("--name", default=None, help="Name der Kommune, z. B. 'Landkreis Neustadt' (Standard: aus ORDNER).")
def init(ordner: Path, art: str, bundesland: str | None, name: str | None) -> None:
    """Legt ORDNER für eine neue Kommune an: alle Eingabedateien mit Erläuterungen und
    Platzhaltern, die gleich gültig sind und sich erzeugen lassen."""
    from pipeline.scaffold import UNNAMED, create, short_name

    # 'Kreis' as Nordrhein-Westfalen and Schleswig-Holstein say it (Schleswig-Holstein review)
    for path in create(ordner, kind="Landkreis" if art == "Kreis" else art, state=bundesland, name=name):
        click.echo(f"angelegt: {path}")
    unchosen = "" if bundesland else f" Das Bundesland ist ein Platzhalter ({PLACEHOLDER_STATE}): bitte prüfen."
    # a folder's name has no umlauts ('elbhoehe'): the name derived from it is said (Hamburg review)
    short = short_name(ordner.resolve())
    if name:
        derived = ""
    elif short == UNNAMED:
        derived = (
            f" Der Ordnername „{ordner.name}“ nennt nur die Art der Kommune, keinen Namen: bitte in kommune.yaml "
            "'name' und 'kurzname' eintragen oder beim Anlegen '--name' angeben."
        )
    else:
        derived = (
            f" Der Name „{short}“ ist aus dem Ordnernamen abgeleitet: bitte in kommune.yaml prüfen (Umlaute, ß) "
            "oder beim Anlegen '--name' angeben."
        )
    click.echo(
        f"Die Dateien enthalten Platzhalter: Texte mit „bitte ersetzen“ und alle Zahlen.{unchosen}{derived}\n"
        f"Nächste Schritte: die Dateien ausfüllen, dann 'gesamtkonzept validate {ordner}' und "
        f"'gesamtkonzept build {ordner}'."
    )


@main.command()
@click.argument("ordner", type=FOLDER)
def migrate(ordner: Path) -> None:
    """Schreibt die Dateien in ORDNER in das aktuelle Eingabeformat um (Kommentare bleiben) und
    nennt, was danach zu prüfen oder zu ergänzen ist."""
    from pipeline.migrate import migrate as run

    result = run(ordner)
    if result.old == result.new:
        click.echo(f"{ordner}: schon im aktuellen Eingabeformat {result.new}; nichts zu tun.")
        return
    for path in result.written:
        click.echo(f"umgeschrieben: {path}")
    click.echo(f"Die bisherigen Dateien liegen in {result.backup}.")
    click.echo(f"\nVon Format {result.old} auf Format {result.new}. Bitte prüfen und ergänzen:")
    for note in result.notes:
        click.echo(f"- {note}")
    click.echo(f"\nDanach: gesamtkonzept validate {ordner}")


@main.command()
@click.option(
    "-o",
    "--ausgabe",
    "ausgabe",
    type=FOLDER,
    default=Path("inputs") / "schema",
    show_default=True,
    help="Zielordner der Schemadateien.",
)
def schema(ausgabe: Path) -> None:
    """Schreibt je Eingabedatei ein JSON-Schema, mit dem Editoren Felder vorschlagen und prüfen."""
    from pipeline.export.files import write_atomically
    from pipeline.model.schema import schema_files

    for path in write_atomically({ausgabe / name: data for name, data in schema_files().items()}):
        click.echo(f"geschrieben: {path}")


@main.command()
@click.argument("entwuerfe", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--manifest",
    type=click.Path(path_type=Path),
    default=None,
    help="manifest.json des Builds, aus dem die Entwürfe stammen (Standard: wird über die Kennung im Entwurf gesucht).",
)
@click.option(
    "-o",
    "--ausgabe",
    type=FOLDER,
    default=None,
    help="Ordner für die Überarbeitungsliste (Standard: der Ordner des ersten Entwurfs).",
)
def review(entwuerfe: tuple[Path, ...], manifest: Path | None, ausgabe: Path | None) -> None:
    """Liest zurückgekommene Word-Entwürfe und listet Kommentare und Änderungen mit der Stelle,
    an der sie einzuarbeiten sind (als Text, YAML, Word und PDF)."""
    import yaml

    from pipeline.drafts import review_drafts, too_long_to_print
    from pipeline.export import export_document
    from pipeline.export.files import keep_earlier_list, write_atomically
    from pipeline.render import render_revision_list
    from pipeline.terminal import revision_lines

    reviewed = review_drafts(entwuerfe, manifest)
    changed = [n for m in reviewed.manifests if (n := _inputs_changed(m))]
    items, notes = reviewed.items, list(dict.fromkeys(reviewed.notes + changed))  # each note once
    # the drafts that could not be read, in the list too: it is what the coordinator works from
    unread = [f"Nicht ausgewertet: {failure}" for failure in reviewed.failures]
    copies = [path.name for path in reviewed.read]
    click.echo("\n".join(revision_lines(items, copies)))
    doc = render_revision_list(items, copies, dt.date.today(), notes + unread)
    target = ausgabe or entwuerfe[0].parent
    listing = yaml.safe_dump([i.as_yaml() for i in items], allow_unicode=True, sort_keys=False, width=100).encode(
        "utf-8"
    )
    too_long = too_long_to_print(items)
    outputs = {".yaml": listing, **({} if too_long else export_document(doc))}
    for note in [*notes, *([too_long] if too_long else [])]:
        click.echo(f"Hinweis: {note}", err=True)
    files = {target / f"{doc.file_stem}{suffix}": data for suffix, data in outputs.items()}
    # the Word list and the YAML one: people mark what they have done in either (fuzz review: the YAML
    # with the coordinator's notes was replaced unasked)
    earlier = [
        kept
        for suffix in (".docx", ".yaml")
        if (kept := keep_earlier_list(target / f"{doc.file_stem}{suffix}", outputs.get(suffix))) is not None
    ]
    for path in write_atomically(files):
        click.echo(f"geschrieben: {path}")
    for kept in earlier:
        click.echo(f"Die bisherige Liste (vielleicht mit Vermerken darin) bleibt erhalten als: {kept}")
    # the drafts that could not be read, last and as errors: the list holds the others
    for failure in reviewed.failures:
        click.echo(f"Fehler: {failure}", err=True)
    if reviewed.failures:
        click.echo(
            f"{number(len(reviewed.failures))} von {number(len(reviewed.failures) + len(reviewed.read))} "
            "Entwürfen nicht ausgewertet (siehe oben).",
            err=True,
        )
        sys.exit(1)


def _inputs_changed(manifest: Any) -> str:
    """A note where the inputs a draft's build read have changed since: the lines review names
    may have moved; the fields stay right (review of the drafts: line numbers went stale without a
    word once the coordinator worked in the first returned draft). The folder is looked for as
    inputs/NAME beside the output folders or in the working folder; '' where it is not found, not
    valid or unchanged."""
    from pipeline.build import check_folder
    from pipeline.errors import GesamtkonzeptError
    from pipeline.load import inputs_hash

    name, recorded = manifest.inputs
    if not name or not recorded:
        return ""
    root = manifest.path.resolve().parent
    # the inputs beside the output folders first: another folder of that name in the working folder
    # is not the one built from (review of the drafts)
    candidates = [*(up / "inputs" / name for up in root.parents[:3]), Path("inputs") / name]
    folder = next((c for c in candidates if (c / "kommune.yaml").is_file()), None)
    if folder is None:
        return ""
    stale = "Die Zeilenangaben der Quellen können sich verschoben haben; die genannten Felder gelten weiter."
    try:
        checked = check_folder(folder)
    except InvalidInput:
        # mid-edit: the build's inputs were valid, so these have changed (review of the drafts: silent)
        return (
            f"Die Eingaben in {folder} sind derzeit nicht gültig (`gesamtkonzept validate {folder}` nennt die "
            f"Fehler) und wurden also seit dem Build geändert, mit dem verglichen wurde. {stale}"
        )
    except GesamtkonzeptError:
        return ""
    if inputs_hash(checked.folder, checked.read_files) == recorded:
        return ""
    return f"Die Eingaben in {folder} wurden seit dem Build geändert, mit dem verglichen wurde: {stale}"


@main.command()
@click.argument("ordner", type=FOLDER)
@click.option(
    "--format",
    "ausgabeformat",
    type=click.Choice(["text", "json"]),
    default="text",
    help="Tabelle für Menschen (text) oder Daten für Programme (json).",
)
@click.option(
    "--fail-on",
    "fail_on",
    type=click.Choice(list(FAILING)),
    default=None,
    help="Mit Exit-Code 1 enden, wenn ein Ziel 'offen' ist (offen) oder nicht erfüllt (teilweise).",
)
@click.option(
    "--stichtag",
    type=GermanDate(),
    default=None,
    help="Datum, auf das sich die Prüfung bezieht (Standard: Stand des Konzepts).",
)
def check(ordner: Path, ausgabeformat: str, fail_on: str | None, stichtag: dt.date | None) -> None:
    """Prüft ORDNER an den Zielen der Qualitätsdimensionen (Qualitätsdialog)."""
    from pipeline.build import check_folder
    from pipeline.model.quality.assessment import assess
    from pipeline.terminal import assessment_table

    concept = check_folder(ordner).concept
    assessments = assess(concept, stichtag)
    if ausgabeformat == "json":
        records = [a.as_record() for a in assessments]
        click.echo(
            json.dumps(
                {"kommune": concept.municipality.name, "qualitaetsdimensionen": records},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        width = shutil.get_terminal_size((100, 24)).columns
        for assessment in assessments:
            click.echo("\n".join(assessment_table(assessment, width)))
    if fail_on and any(r.status in FAILING[fail_on] for a in assessments for r in a.results):
        sys.exit(1)
