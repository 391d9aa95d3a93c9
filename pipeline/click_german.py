"""click's own words in German: usage lines, help headings and the messages of a wrong call.

click marks its texts for translation with gettext (``_("Usage:")``) and binds ``_`` and
``ngettext`` once in each of its modules. :func:`install` points those names at the table
below, so an unknown option or an invalid ``--nur`` value is refused in German – with click's
exit code 2 as before. A text missing from the table (a newer click may add one) stays English
rather than failing; a test names the texts a wrong call shows.
"""

from __future__ import annotations

import importlib

#: click's message ids (as in its source) and their German wording, with the same placeholders.
GERMAN: dict[str, str] = {
    # usage and help
    "Usage:": "Aufruf:",
    "Options": "Optionen",
    "Commands": "Befehle",
    "Positional arguments": "Argumente",
    "Show this message and exit.": "Diese Hilfe anzeigen und beenden.",
    "Show the version and exit.": "Die Version anzeigen und beenden.",
    "default: {default}": "Standard: {default}",
    "(dynamic)": "(veränderlich)",
    "env var: {var}": "Umgebungsvariable: {var}",
    "required": "Pflicht",
    "deprecated": "veraltet",
    "Choose from:\n\t{choices}": "Zur Wahl stehen:\n\t{choices}",
    "file": "Datei",
    "directory": "Ordner",
    "path": "Pfad",
    # errors
    "Error: {message}": "Fehler: {message}",
    "Try '{command} {option}' for help.": "Hilfe zum Aufruf: '{command} {option}'.",
    "Aborted!": "Abgebrochen.",
    "Missing command.": "Es fehlt ein Befehl.",
    "No such command {name!r}.": "Den Befehl {name!r} gibt es nicht.",
    "No such option {name!r}.": "Die Option {name!r} gibt es nicht.",
    "Missing argument": "Es fehlt das Argument",
    "Missing option": "Es fehlt die Option",
    "Missing parameter": "Es fehlt die Angabe",
    "Missing {param_type}": "Es fehlt: {param_type}",
    "Missing parameter: {param_name}": "Es fehlt die Angabe {param_name}",
    "Invalid value for {param_hint}: {message}": "Ungültiger Wert für {param_hint}: {message}",
    "Invalid value: {message}": "Ungültiger Wert: {message}",
    "Option {name!r} does not take a value.": "Die Option {name!r} nimmt keinen Wert an.",
    "Argument {name!r} takes {nargs} values.": "Das Argument {name!r} braucht {nargs} Werte.",
    "Value must be an iterable.": "Hier werden mehrere Werte erwartet.",
    "{value!r} is not a valid {number_type}.": "{value!r} ist keine gültige Zahl.",
    "{value} is not in the range {range}.": "{value} liegt nicht im Bereich {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} ist weder ja noch nein. Verstanden werden: {states}"
    ),
    "{name} {filename!r} does not exist.": "{name} {filename!r} gibt es nicht.",
    "{name} {filename!r} is a file.": "{name} {filename!r} ist eine Datei, kein Ordner.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} ist ein Ordner, keine Datei.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} lässt sich nicht lesen.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} lässt sich nicht schreiben.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} lässt sich nicht ausführen.",
    "Could not open file {filename!r}: {message}": "Die Datei {filename!r} lässt sich nicht öffnen: {message}",
    "unknown error": "unbekannter Fehler",
}

#: The same for texts with a singular and a plural form: (singular, plural) → German pair.
GERMAN_PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"): (
        "Ein Argument zu viel: {args}.",
        "Zu viele Argumente: {args}.",
    ),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."): (
        "Die Option {name!r} braucht einen Wert.",
        "Die Option {name!r} braucht {nargs} Werte.",
    ),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."): (
        "{value!r} ist nicht vorgesehen; erlaubt ist {choice}.",
        "{value!r} ist nicht vorgesehen; erlaubt sind {choices}.",
    ),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"): (
        "Meinten Sie {possibility}?",
        "(Meinten Sie eine davon: {possibilities}?)",
    ),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."): (
        "Braucht {nargs} Werte, angegeben ist einer.",
        "Braucht {nargs} Werte, angegeben sind {len}.",
    ),
}

#: click's modules that bind ``_`` or ``ngettext`` for their texts.
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")


def gettext(message: str) -> str:
    """click's text in German, or as it is where the table has none."""
    return GERMAN.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """click's text with a number in German, in the form that fits `n`."""
    one, many = GERMAN_PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else many


def install() -> None:
    """Let click speak German from now on (in this process); calling it again changes nothing."""
    for name in CLICK_MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a click without this module: its texts stay as they are
            continue
        if hasattr(module, "_"):
            setattr(module, "_", gettext)  # noqa: B010 – a module's global, not an attribute of ours
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", ngettext)  # noqa: B010
