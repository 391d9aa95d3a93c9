"""Command line: `gesamtkonzept build|validate|check`. Known errors become German messages and
exit codes (1 invalid input, 2 usage), never a traceback; unknown errors stay loud."""

from __future__ import annotations

import datetime as dt
import errno
import json
import shutil
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


class GermanDate(click.ParamType):
    """A date written JJJJ-MM-TT, refused with a German message (exit code 2)."""

    name = "JJJJ-MM-TT"

    def convert(self, value, param, ctx):  # type: ignore[override]
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.fail(f"'{value}' ist kein Datum im Format JJJJ-MM-TT, z. B. 2026-11-23.", param, ctx)


#: `check --fail-on LEVEL` fails on these statuses: 'offen' only on open goals, 'teilweise' on
#: everything short of erfüllt (what the data cannot show is not shown to be fulfilled).
FAILING = {"offen": {"offen"}, "teilweise": {"teilweise", "offen", "nicht prüfbar"}}


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
@click.option("--nur", type=click.Choice(["konzept", "vorlagen", "qualitaet"]), default=None,
              help="Nur das Gesamtkonzept, nur die Vorlagen (mit ihren Anlagen) oder nur den "
                   "Qualitätsdialog erzeugen.")
def build(ordner: Path, ausgabe: Path | None, nur: str | None) -> None:
    """Erzeugt Gesamtkonzept, Vorlagen und Qualitätsdialog aus ORDNER als Word- und PDF-Dateien."""
    from pipeline.build import build as build_all

    started = time.perf_counter()
    target = ausgabe or Path("outputs") / ordner.name
    written = build_all(ordner, target, nur)
    for path in written:
        click.echo(f"geschrieben: {path}")
    click.echo(f"fertig in {time.perf_counter() - started:.1f} s")


@main.command()
@click.argument("ordner", type=FOLDER)
@click.option("--format", "ausgabeformat", type=click.Choice(["text", "json"]), default="text",
              help="Tabelle für Menschen (text) oder Daten für Programme (json).")
@click.option("--fail-on", "fail_on", type=click.Choice(list(FAILING)), default=None,
              help="Mit Exit-Code 1 enden, wenn ein Ziel 'offen' ist (offen) oder nicht "
                   "erfüllt (teilweise).")
@click.option("--stichtag", type=GermanDate(), default=None,
              help="Datum, auf das sich die Prüfung bezieht (Standard: Stand des Konzepts).")
def check(ordner: Path, ausgabeformat: str, fail_on: str | None, stichtag: dt.date | None) -> None:
    """Prüft ORDNER an den Zielen der Qualitätsdimensionen (Qualitätsdialog)."""
    from pipeline.build import load_concept
    from pipeline.qualitaet.review import quality_reviews
    from pipeline.qualitaet.terminal import review_table

    concept = load_concept(ordner)
    reviews = quality_reviews(concept, stichtag)
    if ausgabeformat == "json":
        records = [r.as_record() for r in reviews]
        click.echo(json.dumps({"kommune": concept.municipality.name,
                               "qualitaetsdimensionen": records}, ensure_ascii=False, indent=2))
    else:
        width = shutil.get_terminal_size((100, 24)).columns
        for review in reviews:
            click.echo("\n".join(review_table(review, width)))
    if fail_on and any(f.status in FAILING[fail_on] for r in reviews for f in r.findings):
        sys.exit(1)
