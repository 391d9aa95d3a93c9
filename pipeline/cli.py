"""Command line: `gesamtkonzept build|validate|schema`. Known errors become German messages and
exit codes (1 invalid input, 2 usage), never a traceback; unknown errors stay loud."""

from __future__ import annotations

import errno
import json
import sys
import time
from pathlib import Path

import click

from pipeline.errors import GesamtkonzeptError, InvalidInput, Problem, summary
from pipeline.formatting import count

OS_REASONS = {
    errno.ENOENT: "Datei oder Ordner nicht gefunden.",
    errno.EACCES: "Keine Berechtigung.",
    errno.ENOTDIR: "Ein Teil des Pfads ist eine Datei, kein Ordner.",
    errno.EISDIR: "Das ist ein Ordner, keine Datei.",
    errno.ENOSPC: "Kein Speicherplatz mehr frei.",
    errno.EROFS: "Das Ziel ist schreibgeschützt.",
}


def _report(error: GesamtkonzeptError) -> None:
    if isinstance(error, InvalidInput):
        for problem in error.problems:
            click.echo(str(problem), err=True)
        strict = " (mit --streng zählen Warnungen als Fehler)" if error.strict else ""
        click.echo(f"{summary(error.problems)} gefunden{strict}. Es wurde nichts geschrieben.",
                   err=True)
    else:
        click.echo(f"Fehler: {error}", err=True)


def _show_warnings(warnings: list[Problem]) -> None:
    """Warnings go to stderr like errors, but the run goes on."""
    for warning in warnings:
        click.echo(str(warning), err=True)


def _json_report(folder: Path, problems: list[Problem], valid: bool) -> str:
    return json.dumps({"ordner": str(folder), "gueltig": valid,
                       "probleme": [p.as_json() for p in problems]}, ensure_ascii=False, indent=2)


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except GesamtkonzeptError as error:
            _report(error)
            sys.exit(error.exit_code)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            reason = OS_REASONS.get(error.errno, error.strerror or str(error))
            click.echo(f"Fehler beim Lesen oder Schreiben: {where}{reason}", err=True)
            sys.exit(1)


FOLDER = click.Path(file_okay=False, path_type=Path)
STRICT = click.option("--streng", is_flag=True,
                      help="Warnungen wie Fehler behandeln: Exit-Code 1, nichts wird geschrieben.")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--hilfe", "--help"]})
@click.version_option(package_name="gesamtkonzept-fruehe-hilfen", message="%(version)s")
def main() -> None:
    """Gesamtkonzept Frühe Hilfen aus den YAML-Dateien einer Kommune erzeugen."""


@main.command()
@click.argument("ordner", type=FOLDER)
@STRICT
@click.option("--format", "ausgabeformat", type=click.Choice(["text", "json"]), default="text",
              help="'json': alle Meldungen als JSON auf der Standardausgabe (für Editoren und Skripte).")
def validate(ordner: Path, streng: bool, ausgabeformat: str) -> None:
    """Prüft die Eingaben in ORDNER, ohne etwas zu schreiben."""
    from pipeline.build import check_folder

    if ausgabeformat == "json":
        try:
            _, warnings = check_folder(ordner, strict=streng)
        except InvalidInput as error:
            click.echo(_json_report(ordner, error.problems, valid=False))
            sys.exit(error.exit_code)
        click.echo(_json_report(ordner, warnings, valid=True))
        return
    concept, warnings = check_folder(ordner, strict=streng)
    _show_warnings(warnings)
    counts = [
        count(len(concept.target_groups), "Zielgruppe", "Zielgruppen"),
        count(len(concept.goals), "Ziel", "Ziele", "ein"),
        count(len(concept.measures), "Maßnahme", "Maßnahmen"),
        count(len(concept.actors), "Akteur", "Akteure", "ein"),
    ]
    noted = f"; {summary(warnings)}" if warnings else ""
    click.echo(f"{ordner}: gültig – {', '.join(counts)}{noted}.")


@main.command()
@click.argument("ordner", type=FOLDER)
@click.option("-o", "--ausgabe", "ausgabe", type=FOLDER, default=None,
              help="Zielordner (Standard: outputs/<Ordnername>).")
@STRICT
def build(ordner: Path, ausgabe: Path | None, streng: bool) -> None:
    """Erzeugt das Gesamtkonzept aus ORDNER als Word- und PDF-Datei."""
    from pipeline.build import check_folder, write_concept

    started = time.perf_counter()
    target = ausgabe or Path("outputs") / ordner.name
    concept, warnings = check_folder(ordner, strict=streng)
    _show_warnings(warnings)
    if warnings:
        click.echo(f"{summary(warnings)} – das Konzept wird trotzdem erzeugt (mit --streng nicht).",
                   err=True)
    written = write_concept(concept, target)
    for path in written:
        click.echo(f"geschrieben: {path}")
    click.echo(f"fertig in {time.perf_counter() - started:.1f} s")


@main.command()
@click.option("-o", "--ausgabe", "ausgabe", type=FOLDER, default=Path("inputs") / "schema",
              show_default=True, help="Zielordner der Schemadateien.")
def schema(ausgabe: Path) -> None:
    """Schreibt je Eingabedatei ein JSON-Schema, mit dem Editoren Felder vorschlagen und prüfen."""
    from pipeline.schema import write_schemas

    for path in write_schemas(ausgabe):
        click.echo(f"geschrieben: {path}")
