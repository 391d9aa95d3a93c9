"""Command line: `gesamtkonzept build|validate`. Known errors become German messages and exit
codes (1 invalid input, 2 usage), never a traceback; unknown errors stay loud."""

from __future__ import annotations

import errno
import sys
import time
from pathlib import Path

import click

from pipeline.errors import GesamtkonzeptError, InvalidInput
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
        count = len(error.problems)
        click.echo(
            f"{count} {'Problem' if count == 1 else 'Probleme'} gefunden. Es wurde nichts "
            "geschrieben.", err=True,
        )
    else:
        click.echo(f"Fehler: {error}", err=True)


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


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--hilfe", "--help"]})
@click.version_option(package_name="gesamtkonzept-fruehe-hilfen", message="%(version)s")
def main() -> None:
    """Gesamtkonzept Frühe Hilfen aus den YAML-Dateien einer Kommune erzeugen."""


@main.command()
@click.argument("ordner", type=FOLDER)
def validate(ordner: Path) -> None:
    """Prüft die Eingaben in ORDNER, ohne etwas zu schreiben."""
    from pipeline.build import load_concept

    concept = load_concept(ordner)
    counts = [
        count(len(concept.target_groups), "Zielgruppe", "Zielgruppen"),
        count(len(concept.goals), "Ziel", "Ziele", "ein"),
        count(len(concept.measures), "Maßnahme", "Maßnahmen"),
        count(len(concept.actors), "Akteur", "Akteure", "ein"),
        count(len(concept.papers), "Vorlage", "Vorlagen"),
    ]
    click.echo(f"{ordner}: gültig – {', '.join(counts)}.")


@main.command()
@click.argument("ordner", type=FOLDER)
@click.option("-o", "--ausgabe", "ausgabe", type=FOLDER, default=None,
              help="Zielordner (Standard: outputs/<Ordnername>).")
@click.option("--nur", type=click.Choice(["konzept", "vorlagen"]), default=None,
              help="Nur das Gesamtkonzept oder nur die Vorlagen (mit ihren Anlagen) erzeugen.")
def build(ordner: Path, ausgabe: Path | None, nur: str | None) -> None:
    """Erzeugt das Gesamtkonzept und die Vorlagen aus ORDNER als Word- und PDF-Dateien."""
    from pipeline.build import build as build_all

    started = time.perf_counter()
    target = ausgabe or Path("outputs") / ordner.name
    written = build_all(ordner, target, nur)
    for path in written:
        click.echo(f"geschrieben: {path}")
    click.echo(f"fertig in {time.perf_counter() - started:.1f} s")
