"""`gesamtkonzept init`: the folder of a new municipality, with commented starter files.

The starter files (``templates/neue-kommune/``) are a minimal consistent set of every required
input file: one of each thing a file needs, connected by their ids, so the new folder validates
and builds from the first minute. Every text the user must replace says so ('bitte ersetzen');
comments in German explain each field. Nothing is asked: the folder's name, and optionally the
kind of municipality and its state, are all it needs. An existing folder with anything in it is
never touched.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import textwrap
from pathlib import Path
from typing import Any

import jinja2
import yaml

from pipeline.errors import FolderNotEmpty
from pipeline.export.files import write_new_folder
from pipeline.formatting import in_state, sentence_start
from pipeline.model.accounting import CHOICE, accounting_of
from pipeline.model.grammar import definite
from pipeline.model.inputs import REQUIRED_FILES
from pipeline.model.kinds import PLACEHOLDER_STATE, PLACEHOLDER_STATE_NOTE, youth_welfare_carrier
from pipeline.model.procedure import Procedure, kreis_genitive, kreis_word, procedure_for
from pipeline.model.types import CITIES_IN_A_KREIS, PREPARING_KINDS, add_months

#: The files `init` writes: every required one, and querschnitt.yaml with its chapters as
#: commented examples (only the evaluation, whose chapter is always there, is filled in).
STARTER_FILES: tuple[str, ...] = (*REQUIRED_FILES, "querschnitt.yaml")

STARTER_DIR = Path(__file__).resolve().parent.parent / "templates" / "neue-kommune"
#: Where the JSON Schemas lie that the first line of each file names for editors.
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "inputs" / "schema"

#: The council of each kind of municipality (id, name, kind); Stadtstaat and Bezirk have none
#: among the kinds of committee the tool knows.
COUNCILS: dict[str, tuple[str, str, str]] = {
    "Landkreis": ("kreistag", "Kreistag", "Kreistag"),
    "kreisfreie Stadt": ("rat", "Rat der Stadt", "Stadtrat"),
    "große kreisangehörige Stadt": ("rat", "Rat der Stadt", "Stadtrat"),
    "kreisangehörige Stadt": ("rat", "Rat der Stadt", "Stadtrat"),
}
#: How the name of a municipality begins, by its kind ('Landkreis Neustadt', 'Stadt Neustadt').
NAME_PREFIX: dict[str, str] = {
    "Landkreis": "Landkreis",
    "kreisfreie Stadt": "Stadt",
    "große kreisangehörige Stadt": "Stadt",
    "kreisangehörige Stadt": "Stadt",
    "Bezirk": "Bezirk",
}


def slug(name: str) -> str:
    """An id from a body's name: 'Stadtverordnetenversammlung' → 'stadtverordnetenversammlung'."""
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        name = name.lower().replace(umlaut, plain)
    return re.sub(r"[^a-z0-9]+", "-", name).strip("-")


#: Words before a municipality's own name ('Landkreis Beispielfeld', 'landkreis-saale-holzland'):
#: not part of its short name, or the name would say them twice ('Landkreis Landkreis-…').
KIND_WORDS = ("Landkreis", "Kreis", "Stadt", "Bezirk", "Gemeinde", "Hansestadt", "Universitätsstadt")


def short_name(folder: Path, name: str | None = None) -> str:
    """The short name for files and running text: the given name without the word for its kind
    ('Landkreis Beispielfeld' → 'Beispielfeld'), else the folder's name as a name ('neustadt' →
    'Neustadt', 'bad-homburg' → 'Bad-Homburg', 'landkreis-saale-holzland' → 'Saale-Holzland')."""
    kinds = "|".join(KIND_WORDS)
    if name:
        own = re.sub(rf"^(?:{kinds})\s+", "", name.strip())
        return own or name.strip()
    written = re.sub(r"(?:^|(?<=[- ]))\w", lambda letter: letter[0].upper(), folder.name.replace("_", " "))
    if written.casefold() in {kind.casefold() for kind in KIND_WORDS}:
        return UNNAMED  # a folder named 'kreis' names no municipality ('Kreis Kreis'; SH review)
    own = re.sub(rf"^(?:{kinds})[- ]+(?=\w)", "", written)
    return own or written


#: The short name where the folder's name is only the word for a kind of municipality: a
#: placeholder that validate points at, not a name made up.
UNNAMED = "Name (bitte ersetzen)"


def _schema_path(folder: Path) -> str:
    """The schema folder as seen from the new folder ('../schema' under inputs/)."""
    try:
        return Path(os.path.relpath(SCHEMA_DIR, folder.resolve())).as_posix()
    except ValueError:  # another drive (Windows): an absolute path still works for editors
        return SCHEMA_DIR.as_posix()


def _scalar(value: str) -> str:
    """A text as a YAML value: as it is where YAML reads it back unchanged, else in quotes
    (JSON's quoted strings are valid YAML)."""
    try:
        plain = yaml.safe_load(value) == value and not re.search(r"[:#'\"]", value)
    except yaml.YAMLError:
        plain = False
    return value if plain else json.dumps(value, ensure_ascii=False)


def _usual_bodies(procedure: Procedure | None, state: str | None) -> dict[str, str] | None:
    """What the Land's procedure table says of the bodies that usually prepare the council's
    decisions where the law does not require one (Saxon review: the starter folder said nothing of
    the Kreisausschuss as beschließender Ausschuss), with a kind of body to show as an example."""
    preparation = procedure.preparation if procedure is not None else None
    note = preparation.note if preparation is not None else None
    if procedure is None or preparation is None or state is None or not note:
        return None
    example = preparation.body or next((k for k in PREPARING_KINDS if k in note), None)
    # a note that cites its provisions itself takes no second citation after them ('… (§ 48 Abs. 1
    # KVG LSA) (§§ 48 Abs. 3, 49 KVG LSA)', review in Sachsen-Anhalt)
    basis = f" ({preparation.legal_basis})" if preparation.legal_basis and "§" not in note else ""
    forms = definite(preparation.body, preparation.gender) if preparation.body else None
    if not note.endswith("."):  # a list of bodies ('beschließende und beratende Ausschüsse …')
        lead = f"Die Beschlüsse der Vertretung bereiten {in_state(state)} vor: {note}{basis}."
    else:  # a sentence of its own (Berlin review: 'bereiten in Berlin vor: Der Jugendhilfeausschuss
        # ist …' broke off mid-sentence); a remark on the sources ('… nicht gelesen') is left out
        lead = "" if "gelesen" in note else note
    executive = procedure.executive is not None and procedure.executive.name == example and forms is not None
    if executive and forms is not None:
        submits = procedure.submission
        brings = (
            f"{sentence_start(forms.nom)} bringt die Vorlagen bei der Vertretung ein ({submits.legal_basis}) und "
            f"steht in der Beratungsfolge vorn; {forms.pronoun} ist kein Ausschuss der Vertretung, also ohne 'beschliessend'."
            if submits.by == "Verwaltungsorgan"
            else f"{sentence_start(forms.nom)} ist kein Ausschuss der Vertretung, also ohne 'beschliessend'."
        )
        text = f"{lead} {brings}".strip()
    else:
        text = (
            f"{lead} Bitte wie in {procedure.statute} eintragen; einen beschließenden Ausschuss mit 'beschliessend: "
            "true', einen beratenden mit 'beschliessend: false' und, wo er nicht öffentlich vorberät, "
            "'nichtoeffentlich: true'."
        ).strip()
    return {"comment": _comment(text), "example": example or "", "decides": "" if executive else "true"}


def _comment(text: str) -> str:
    """A text as comment lines under an entry of the starter files, wrapped as they are."""
    return textwrap.fill(text, 96, initial_indent="  # ", subsequent_indent="  # ")


def _deliberating_executive(procedure: Procedure | None, state: str | None) -> dict[str, str] | None:
    """A collegial administration through which the council's papers pass without resolving on
    them (the Stadtvorstand, § 58 Abs. 3 Satz 2 GemO RLP), as a commented pattern: a new user
    learnt of it only from a warning (RLP review)."""
    executive = procedure.executive if procedure is not None else None
    if executive is None or state is None or executive.resolves or not executive.prepares:
        return None
    forms = definite(executive.name, executive.gender)
    assert forms is not None  # a gender is given, so the name declines
    text = (
        f"{sentence_start(in_state(state))} wird die Vorbereitung der Beschlüsse der Vertretung {forms.im} beraten "
        f"({executive.prepares}); Beschlussvorlagen an die Vertretung gehen durch {forms.pronoun_acc} ('rolle: "
        f"Vorberatung'). Ob {forms.pronoun} öffentlich tagt, bitte mit 'nichtoeffentlich' angeben."
    )
    return {
        "comment": _comment(text),
        "id": slug(executive.name),
        "name": executive.name,
    }


def starter_files(folder: Path, kind: str, state: str | None, name: str | None, today: dt.date) -> dict[str, str]:
    """The text of each starter file for a new municipality in `folder`; without a `state`,
    the first one stands as a placeholder, marked as such."""
    short = short_name(folder.resolve(), name)
    council = COUNCILS.get(kind)
    procedure = procedure_for(state or PLACEHOLDER_STATE, kind)
    # a Kreis in Nordrhein-Westfalen or Schleswig-Holstein is no 'Landkreis' (NRW and SH reviews)
    prefix = (
        procedure.local_term
        if procedure is not None and procedure.local_term == "Kreis"
        else NAME_PREFIX.get(kind)
    )
    full = name or " ".join(p for p in (prefix, short) if p)
    preparing = None
    if procedure is not None:
        name_of_council = procedure.council.name
        council = (slug(name_of_council), name_of_council, name_of_council)
        body = procedure.preparation.body
        if body is not None and procedure.preparation.duty == "muss":
            preparing = {
                "id": slug(body),
                "name": body,
                "kind": body,
                "prepares": _prepares(procedure.preparation.scope, procedure.preparation.legal_basis),
            }
    usual_bodies = _usual_bodies(procedure, state) if preparing is None else None
    deliberating = _deliberating_executive(procedure, state)
    head_titles = (
        f"{procedure.head.female}  # oder: {procedure.head.male}"
        if procedure is not None
        else "Landrätin  # oder: Landrat, Oberbürgermeisterin, Bürgermeister …"
    )
    values: dict[str, Any] = {
        "schema": _schema_path(folder),
        "name": full,
        "carrier": youth_welfare_carrier(kind, state, full),
        "short_name": short,
        "kind": kind,
        "state": state or PLACEHOLDER_STATE,
        "state_chosen": state is not None,
        "state_note": PLACEHOLDER_STATE_NOTE,
        "year": today.year,
        "year_start": dt.date(today.year, 1, 1).isoformat(),
        "stand": today.isoformat(),
        "next_update": add_months(today, 60).isoformat(),
        "council": dict(zip(("id", "name", "kind"), council, strict=True)) if council else None,
        # a city in a Kreis starts with the Kreis's network as a neighbour, by the Land's word for it
        "in_a_kreis": kind in CITIES_IN_A_KREIS,
        "kreis": kreis_word(state or PLACEHOLDER_STATE),
        "kreis_genitive": kreis_genitive(state or PLACEHOLDER_STATE),
        "preparing": preparing,
        # a Finanzausschuss the Land's law requires (§ 36 Abs. 2 KV M-V; review of a city in
        # Mecklenburg-Vorpommern: the starter had none, and validate warned about every paper binding money)
        "finance_rule": procedure.finance_committee if procedure is not None else None,
        "usual_bodies": usual_bodies,
        "deliberating": deliberating,
        "head_titles": head_titles,
        "statute": procedure.statute if procedure is not None else "der Hauptsatzung",
        # the budget system: the Land's where it has one, Doppik as a choice to check where it
        # lets the municipality choose (Bayern, Thüringen)
        "accounting": accounting_of(state or PLACEHOLDER_STATE, None),
        "accounting_choice": CHOICE.get(state or PLACEHOLDER_STATE),
    }
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(STARTER_DIR),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["yaml"] = _scalar
    return {file: env.get_template(f"{file}.j2").render(values) for file in STARTER_FILES}


def _prepares(scope: str, basis: str) -> str:
    """What the preparing body prepares, for its comment in gremien.yaml: a Kreisausschuss that
    prepares the Kreistag's sittings prepares every paper to it (Thuringian review: the comment
    said Beschlussvorlagen, validate asked for it on an Informationsvorlage too)."""
    if scope == "Beschlüsse":
        return f"die Beschlüsse der Vertretung vor ({basis}); Beschlussvorlagen an die\n  # Vertretung brauchen"
    return (
        f"die {scope} der Vertretung vor ({basis}); jede Vorlage an die Vertretung, auch\n"
        "  # eine, die sie nur zur Kenntnis nimmt, braucht"
    )


def create(
    folder: Path, *, kind: str, state: str | None, name: str | None = None, today: dt.date | None = None
) -> list[Path]:
    """Write the starter files into the new folder `folder`, all at once or not at all.

    Refuses (:class:`FolderNotEmpty`) if `folder` exists and is not an empty folder.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "eine Datei" if not folder.is_dir() else "ein Ordner, der nicht leer ist"
        raise FolderNotEmpty(
            f"{folder} ist bereits {what}; 'init' überschreibt nichts. Bitte einen neuen Ordner "
            "angeben, z. B. inputs/meinkreis."
        )
    files = starter_files(folder, kind, state, name, today or dt.date.today())
    write_new_folder(folder, {file: text.encode("utf-8") for file, text in files.items()})
    return [folder / file for file in files]
