"""Command line: `gesamtkonzept build|validate|check|plan|diff|review|schema`. Known errors become
German messages and exit codes (1 invalid input, 2 usage), never a traceback; unknown errors
stay loud."""

from __future__ import annotations

import datetime as dt
import errno
import json
import shutil
import sys
import time
from datetime import date
from pathlib import Path

import click

from pipeline.errors import GesamtkonzeptError, InvalidInput, Problem, summary
from pipeline.formatting import count, number

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
        click.echo(f"{summary(error.problems)} gefunden{strict}. Es wurde nichts geschrieben.", err=True)
    else:
        click.echo(f"Fehler: {error}", err=True)


def _show_warnings(warnings: list[Problem]) -> None:
    """Warnings go to stderr like errors, but the run goes on."""
    for warning in warnings:
        click.echo(str(warning), err=True)


def _json_report(folder: Path, problems: list[Problem], valid: bool) -> str:
    return json.dumps(
        {"ordner": str(folder), "gueltig": valid, "probleme": [p.as_json() for p in problems]},
        ensure_ascii=False,
        indent=2,
    )


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
STRICT = click.option(
    "--streng", is_flag=True, help="Warnungen wie Fehler behandeln: Exit-Code 1, nichts wird geschrieben."
)


class GermanDate(click.ParamType):
    """A date written JJJJ-MM-TT or TT.MM.JJJJ, refused with a German message (exit code 2)."""

    name = "JJJJ-MM-TT"

    def convert(self, value, param, ctx):  # type: ignore[override]
        if isinstance(value, dt.date):
            return value
        for form in ("%Y-%m-%d", "%d.%m.%Y"):
            try:
                return dt.datetime.strptime(value, form).date()
            except ValueError:
                continue
        self.fail(f"'{value}' ist kein Datum, z. B. 2026-11-23 oder 23.11.2026.", param, ctx)


#: `check --fail-on LEVEL` fails on these statuses: 'offen' only on open goals, 'teilweise' on
#: everything short of erfüllt (what the data cannot show is not shown to be fulfilled).
FAILING = {"offen": {"offen"}, "teilweise": {"teilweise", "offen", "nicht prüfbar"}}


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--hilfe", "--help"]})
@click.version_option(package_name="gesamtkonzept-fruehe-hilfen", message="%(version)s")
def main() -> None:
    """Gesamtkonzept Frühe Hilfen aus den YAML-Dateien einer Kommune erzeugen."""


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
        count(len(concept.papers), "Vorlage", "Vorlagen"),
    ]
    noted = f"; {summary(warnings)}" if warnings else ""
    click.echo(f"{ordner}: gültig – {', '.join(counts)}{noted}.")


@main.command()
@click.argument("ordner", type=FOLDER)
@click.option(
    "-o", "--ausgabe", "ausgabe", type=FOLDER, default=None, help="Zielordner (Standard: outputs/<Ordnername>)."
)
@click.option(
    "--nur",
    type=click.Choice(["konzept", "vorlagen", "qualitaet"]),
    default=None,
    help="Nur das Gesamtkonzept, nur die Vorlagen (mit ihren Anlagen) oder nur den Qualitätsdialog erzeugen.",
)
@click.option(
    "--vergleich",
    metavar="FASSUNG",
    default=None,
    help="Frühere Fassung (Ordner oder REVISION:ORDNER); das Konzept nennt die Änderungen.",
)
@click.option("--entwurf", is_flag=True, help="Als Entwurf: „ENTWURF“ auf jeder Seite, Zeilennummern in Word.")
@STRICT
def build(
    ordner: Path, ausgabe: Path | None, nur: str | None, vergleich: str | None, entwurf: bool, streng: bool
) -> None:
    """Erzeugt Gesamtkonzept, Vorlagen und Qualitätsdialog aus ORDNER als Word- und PDF-Dateien."""
    from pipeline.build import check_inputs, load_fassung, write_outputs
    from pipeline.changes import compare

    started = time.perf_counter()
    target = ausgabe or Path("outputs") / ordner.resolve().name
    checked = check_inputs(ordner, strict=streng)
    _show_warnings(checked.warnings)
    if checked.warnings:
        click.echo(
            f"{summary(checked.warnings)} – die Dokumente werden trotzdem erzeugt (mit --streng nicht).", err=True
        )
    changes = compare(load_fassung(vergleich), checked.concept) if vergleich else None
    result = write_outputs(checked, target, nur, changes=changes, draft=entwurf)
    for removed in result.removed:
        click.echo(f"entfernt (keine Vorlage mehr dazu): {removed}", err=True)
    for kept in result.kept:
        click.echo(
            f"Bearbeitete Fassung gesichert: {kept.original.name} → {kept.kept.name} (sie "
            "wich vom letzten Build ab)",
            err=True,
        )
    written = result.paths
    for path in written:
        click.echo(f"geschrieben: {path}")
    click.echo(f"fertig in {number(time.perf_counter() - started, 1)} s")


def _columns(rows: list[tuple[str, ...]]) -> list[str]:
    """Plain text table: every column as wide as its widest cell."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]


@main.command()
@click.argument("ordner", type=FOLDER)
@click.option(
    "--stichtag", type=GermanDate(), default=None, help="Bezugsdatum (Standard: heute), z. B. 2026-11-23."
)
def plan(ordner: Path, stichtag: dt.date | None) -> None:
    """Berichtskalender: welches Gremium wann einen Bericht über Frühe Hilfen braucht."""
    from pipeline.build import load_concept
    from pipeline.formatting import german_date
    from pipeline.reporting import notices, planned_papers, schedule

    concept = load_concept(ordner)
    on = stichtag or date.today()
    click.echo(f"Berichtskalender Frühe Hilfen – {concept.municipality.name}, Stichtag {german_date(on)}\n")
    rows = [("Gremium", "Turnus", "Letzter Bericht", "Fällig bis", "Nächste Vorlage")]
    for item in schedule(concept, on):
        papers = ", ".join(f"{p.paper.number} ({p.role})" for p in item.next_papers)
        rows.append(
            (
                item.committee.name,
                item.cycle,
                german_date(item.last_report) if item.last_report else "noch keiner",
                german_date(item.due) if item.last_report else "sofort",
                f"{german_date(item.next_papers[0].date)}: {papers}" if papers else "keine geplant",
            )
        )
    click.echo("\n".join(_columns(rows)))
    upcoming = [p for p in planned_papers(concept) if p.date > on]
    click.echo("\nGeplante Beratungen")
    if upcoming:
        click.echo(
            "\n".join(
                _columns(
                    [
                        (german_date(p.date), p.committee.name, p.paper.number, p.paper.kind, p.role)
                        for p in upcoming
                    ]
                )
            )
        )
    else:
        click.echo("keine")
    found = notices(concept, on)
    click.echo("\nHinweise")
    for notice in found:
        click.echo(f"Warnung: {notice.file}: {notice.message}")
    if not found:
        click.echo("keine – alle Gremien sind im Berichtsturnus.")


@main.command()
@click.argument("alt")
@click.argument("neu")
def diff(alt: str, neu: str) -> None:
    """Zeigt, was sich zwischen zwei Fassungen geändert hat.

    ALT und NEU sind Eingabeordner oder REVISION:ORDNER aus git, z. B. v1.0:inputs/musterkreis.
    """
    from pipeline.build import load_fassung
    from pipeline.changes import compare
    from pipeline.formatting import euro, german_date, signed_euro

    changes = compare(load_fassung(alt), load_fassung(neu))
    click.echo(
        f"Änderungen von Fassung {changes.old_version} (Stand {german_date(changes.old_date)}) "
        f"zu Fassung {changes.new_version} (Stand {german_date(changes.new_date)})"
    )
    if changes.empty:
        click.echo("\nKeine Änderungen an Zielgruppen, Zielen, Maßnahmen, Akteuren und Finanzierung.")
    for kind in (k for k in changes.kinds if k.any):
        click.echo(
            f"\n{kind.plural}: {len(kind.added)} neu, {len(kind.removed)} entfallen, {len(kind.changed)} geändert"
        )
        for item in kind.added:
            click.echo(f"  + {item.label} ({item.id})")
        for item in kind.removed:
            click.echo(f"  - {item.label} ({item.id})")
        for item in kind.changed:
            click.echo(f"  ~ {item.label} ({item.id}): " + "; ".join(f.summary for f in item.fields))
    if changes.budget:
        click.echo("\nFinanzierung nach Quelle und Jahr")
        click.echo(
            "\n".join(
                _columns(
                    [
                        (c.source, str(c.year), euro(c.old), "→", euro(c.new), f"({signed_euro(c.delta)})")
                        for c in changes.budget
                    ]
                )
            )
        )


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
    from pipeline.schema import write_schemas

    for path in write_schemas(ausgabe):
        click.echo(f"geschrieben: {path}")


@main.command()
@click.argument("entwuerfe", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="manifest.json des Builds (Standard: wird gesucht).",
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

    from pipeline.build import export_document
    from pipeline.drafts import merge, review_draft
    from pipeline.export.files import write_atomically
    from pipeline.render import render_review

    items = merge(review_draft(path, manifest) for path in entwuerfe)
    copies = [path.name for path in entwuerfe]
    for item in items:
        who = ", ".join(item.authors) + (f", {item.date}" if item.date else "")
        click.echo(f"[{item.chapter or 'ohne Kapitel'}] {item.kind} ({who})")
        if item.comment:
            click.echo(f"  Kommentar: {item.comment}")
        click.echo(f"  bisher: {item.old or '–'}")
        if item.new or item.kind.startswith("Änderung"):
            click.echo(f"  neu:    {item.new or '–'}")
        click.echo(f"  Quelle: {item.source}")
    click.echo(
        f"{count(len(items), 'Punkt', 'Punkte', 'ein')} in {count(len(copies), 'Entwurf', 'Entwürfen', 'einem')}."
    )
    doc = render_review(items, copies, date.today())
    target = ausgabe or entwuerfe[0].parent
    listing = yaml.safe_dump([i.as_yaml() for i in items], allow_unicode=True, sort_keys=False, width=100).encode(
        "utf-8"
    )
    files = {
        target / f"{doc.file_stem}{suffix}": data
        for suffix, data in {".yaml": listing, **export_document(doc)}.items()
    }
    for path in write_atomically(files):
        click.echo(f"geschrieben: {path}")


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
    from pipeline.build import load_concept
    from pipeline.qualitaet.review import quality_reviews
    from pipeline.qualitaet.terminal import review_table

    concept = load_concept(ordner)
    reviews = quality_reviews(concept, stichtag)
    if ausgabeformat == "json":
        records = [r.as_record() for r in reviews]
        click.echo(
            json.dumps(
                {"kommune": concept.municipality.name, "qualitaetsdimensionen": records},
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        width = shutil.get_terminal_size((100, 24)).columns
        for review in reviews:
            click.echo("\n".join(review_table(review, width)))
    if fail_on and any(f.status in FAILING[fail_on] for r in reviews for f in r.findings):
        sys.exit(1)
