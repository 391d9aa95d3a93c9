"""Stage 2, validate: check the loaded files and assemble the concept, or say everything wrong.

Entry point: :func:`check`. In order:

1. each file against its model (:mod:`pipeline.model.inputs`), pydantic's complaints said in
   German (:mod:`.messages`); entries of a list that have errors are left out and the rest is
   parsed (:class:`.parsed.Kept`), so one wrong value hides nothing else;
2. the rules before the concept, on every entry that parsed: ids and references
   (:mod:`.references`), rules across files (:data:`.rules.CONSISTENCY`) and council procedure
   (:mod:`.council`);
3. the concept is assembled and the plausibility rules (:data:`.rules.WARNINGS`) look for what
   is possible but probably a mistake – also next to errors, from the entries that parsed and
   refer only to entries that did, as long as every required file parsed at least in part.

Every finding is located at the line and column of the value it concerns, and all of a run's
problems are reported together (:class:`~pipeline.errors.InvalidInput`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from pipeline.errors import InvalidInput
from pipeline.findings import WARNING, Finding, Path_, Place
from pipeline.load import LoadedInputs, SourceFile
from pipeline.load.yaml_source import indentation, quoted_for_yaml
from pipeline.model.concept import Concept
from pipeline.model.inputs import DELIBERATED_FOLDER, FORMAT, PAPER_FOLDER, REQUIRED_FILES, model_for
from pipeline.model.kinds import PLACEHOLDER_STATE, PLACEHOLDER_STATE_NOTE
from pipeline.model.paths import FOLDER
from pipeline.model.types import AS_WRITTEN, Item
from pipeline.validate import agreement, council, cross_cutting, dated, needs, norms, references, rules  # noqa: F401 (they add to rules)
from pipeline.validate.messages import problems_from
from pipeline.validate.parsed import Kept, Parsed, raw_entries
from pipeline.validate.references import meant_bodies

#: The rules that run on the parsed files before the concept exists; their findings are errors.
BEFORE_CONCEPT = (references.RULES, rules.CONSISTENCY, council.RULES)


@dataclass(frozen=True)
class Validated:
    """A municipality's inputs after validation: the concept and what looks implausible."""

    concept: Concept
    warnings: list[Finding]


def located(findings: Iterable[Finding], sources: dict[str, SourceFile], parsed: Parsed) -> list[Finding]:
    """Findings at the line and column of the value they concern, their paths as the files are
    written (an entry left out for its errors still counts in the numbering)."""
    result = []
    for found in findings:
        place = found.where
        path = parsed.original(place.file, place.path)
        source = sources[place.file]
        line, column = source.locate_within(path, found.within) if found.within else source.locate(path)
        result.append(replace(found, where=replace(place, path=path, line=line, column=column)))
    return result


def _outermost_entry(path: Path_) -> Path_ | None:
    """('massnahmen', 3) for an error at ('massnahmen', 3, 'kosten', 0, 'betrag'); None for a
    path through no list."""
    for index, part in enumerate(path):
        if isinstance(part, int):
            return path[: index + 1]
    return None


def _without(data: Any, dropped: set[Path_], kept: dict[Path_, list[int]], path: Path_ = ()) -> Any:
    """The data without the parts at `dropped`; `kept` records which entries each list kept."""
    if isinstance(data, dict):
        return {k: _without(v, dropped, kept, (*path, k)) for k, v in data.items() if (*path, k) not in dropped}
    if isinstance(data, list):
        indices = [i for i in range(len(data)) if (*path, i) not in dropped]
        if len(indices) < len(data):
            kept[path] = indices
        return [_without(data[i], dropped, kept, (*path, i)) for i in indices]
    return data


def _parse_without(source: SourceFile, folder: Path, dropped: frozenset[Path_]) -> tuple[Item | None, Kept]:
    """The file parsed without the parts at `dropped` and, while errors remain, without the parts
    they concern as well – an unknown key, else the outermost list entry the error lies in.
    None if an error lies outside every list."""
    model = model_for(source.name)
    while True:
        lists: dict[Path_, list[int]] = {}
        data = _without(source.data, set(dropped), lists)
        kept = Kept(lists, dropped)
        try:
            return model.model_validate(data, context={FOLDER: folder}), kept
        except ValidationError as error:
            parts = set()
            for item in error.errors():
                path = kept.original(tuple(item["loc"]))
                parts.add(path if item["type"] == "extra_forbidden" else _outermost_entry(path))
            if None in parts or parts <= dropped:
                return None, kept
            dropped = dropped | {p for p in parts if p is not None}


def _numbers_as_written(source: SourceFile, error: ValidationError) -> Any | None:
    """The file's data with each number that stands where text, a time or a date is expected
    replaced by the text as written: a Haushaltsstelle '4530.4140' is text, which YAML reads as
    the number 4530.414 (a Bavarian user got 35 errors showing '4530.414'); a Sitzungsbeginn
    16.30 is half past four, not 16.3; a date written 01.2027 is said as written, not as 1.2027.
    None where there is none."""
    found: dict[Path_, str] = {}
    for item in error.errors():
        value = item.get("input")
        if not isinstance(value, int | float) or isinstance(value, bool):
            continue
        path = tuple(item["loc"])
        written = source.written(path)
        if written is None:
            continue
        if (
            item["type"] == "string_type"
            or (item.get("ctx") or {}).get(AS_WRITTEN)
            or (item["type"] == "date_type" and written != str(value))  # 2027 stays a number
        ):
            found[path] = written
    return _with_values(source.data, found) if found else None


def _with_values(data: Any, values: dict[Path_, str], path: Path_ = ()) -> Any:
    """A copy of `data` with the values at the given paths replaced."""
    if path in values:
        return values[path]
    if isinstance(data, dict):
        return {k: _with_values(v, values, (*path, k)) for k, v in data.items()}
    if isinstance(data, list):
        return [_with_values(v, values, (*path, i)) for i, v in enumerate(data)]
    return data


def parse_file(source: SourceFile, folder: Path) -> tuple[Item | None, Kept | None, list[Finding], SourceFile]:
    """One loaded file parsed by its model, with every error in it, and the file as read (numbers
    where text is expected taken as written).

    With errors, the parts they concern are left out and the rest is parsed: the result is the
    partial file and what it kept. A file with an error outside every list is left out.
    """
    model = model_for(source.name)
    try:
        return model.model_validate(source.data, context={FOLDER: folder}), None, [], source
    except ValidationError as error:
        failed = error
    as_written = _numbers_as_written(source, failed)
    if as_written is not None:
        source = replace(source, data=as_written)
        try:
            return model.model_validate(source.data, context={FOLDER: folder}), None, [], source
        except ValidationError as error:
            failed = error
    problems = problems_from(failed, source, model)
    partial, kept = _parse_without(source, folder, frozenset())
    return partial, kept if partial is not None else None, problems, source


def parse_files(loaded: LoadedInputs) -> tuple[Parsed, list[Finding]]:
    """Each loaded file parsed by its model, as far as it parses, and every type error. A number
    where text is expected is taken as written, in `loaded` too (:func:`_numbers_as_written`)."""
    files: dict[str, Item] = {}
    partial: dict[str, Kept] = {}
    problems: list[Finding] = []
    for name, source in list(loaded.files.items()):
        model, kept, found, read = parse_file(source, loaded.folder)
        loaded.files[name] = read  # with numbers where text is expected as written, for every later step
        problems += found
        if model is not None:
            files[name] = model
        if kept is not None:
            partial[name] = kept
    raw = {name: source.data for name, source in loaded.files.items()}
    return Parsed(files, partial, raw), problems


def _concept(parsed: Parsed, loaded: LoadedInputs) -> tuple[Concept, Parsed] | None:
    """The concept, also from partial files, with the parsed files it was made of: an entry
    that refers to one left out for its errors (or to none at all) is left out as well, until
    every reference resolves. None while a required file did not parse at all."""
    while all(name in parsed.files for name in REQUIRED_FILES):
        more: dict[str, set[Path_]] = {}
        for file_name, _, _, path in references.dangling(parsed):
            entry = _outermost_entry(parsed.original(file_name, path))
            if entry is None:
                return None
            more.setdefault(file_name, set()).add(entry)
        if not more:
            return Concept.from_files(parsed.files), parsed
        files, partial = dict(parsed.files), dict(parsed.partial)
        for file_name, entries in more.items():
            before = partial[file_name].dropped if file_name in partial else frozenset()
            model, partial[file_name] = _parse_without(loaded.files[file_name], loaded.folder, before | entries)
            if model is None:
                return None
            files[file_name] = model
        parsed = Parsed(files, partial, parsed.raw)
    return None


def _plausibility(concept: Concept, parsed: Parsed, unreadable: frozenset[str] = frozenset()) -> list[Finding]:
    """The warnings about the concept, without the rules that would miss what a partial file
    left out, or a file that could not be read (`unreadable`)."""
    return [
        finding
        for rule in rules.WARNINGS
        if not any(_incomplete(parsed, name, unreadable) for name in rules.WHOLE_FILES.get(rule.name, ()))
        for finding in rule(concept)
    ]


def _not_on_misspelt_bodies(warnings: list[Finding], parsed: Parsed) -> list[Finding]:
    """The warnings without those on a paper that miss the body its misspelt reference means:
    they read the paper without the faulty entry (Berlin review: 'sozges' for 'soz-ges' in the
    Beratungsfolge brought, beside the error and its 'Meinten Sie', two warnings that the
    Ausschuss für Soziales und Gesundheit was missing from it). Other warnings on the paper stay."""
    entries = raw_entries(parsed.raw.get("gremien.yaml"), ("gremien",)) or []
    names = {str(e.get("id")): str(e.get("name")) for e in entries}
    meant = {
        (file, names[body])
        for file, body in meant_bodies(parsed)
        if file.startswith("vorlagen/") and body in names
    }
    return [w for w in warnings if not any(f == w.where.file and f"'{n}'" in w.message for f, n in meant)]


def _incomplete(parsed: Parsed, name: str, unreadable: frozenset[str]) -> bool:
    """Whether a file (or, for a name ending in '/', any file of that folder) lost entries, was
    left out whole for its errors, or could not be read."""
    known = {*parsed.raw, *unreadable}
    names = [n for n in known if n.startswith(name)] if name.endswith("/") else [name]
    return any(
        n in parsed.partial or n in unreadable or (n in parsed.raw and n not in parsed.files) for n in names
    )


def format_problem(loaded: LoadedInputs) -> Finding | None:
    """A folder written in another version of the input format: one clear message instead of
    every field that moved."""
    source = loaded.files.get("kommune.yaml")
    if source is None or not isinstance(source.data, dict):
        return None
    written = source.data.get("format", 1)
    if written == FORMAT:
        return None
    line, column = source.locate(("format",), key=True) if "format" in source.data else (1, 1)
    if isinstance(written, int) and not isinstance(written, bool) and 1 <= written < FORMAT:
        message = (
            f"Dieser Ordner ist im Eingabeformat {written} geschrieben (dieses Werkzeug liest Format {FORMAT}). "
            f"Bitte einmal `gesamtkonzept migrate {loaded.folder}` ausführen: es schreibt die Dateien um, "
            "behält Kommentare und sagt, was danach noch zu ergänzen ist."
        )
    elif isinstance(written, int) and not isinstance(written, bool) and written > FORMAT:
        message = (
            f"Dieser Ordner ist im Eingabeformat {written} geschrieben, dieses Werkzeug kennt nur bis Format "
            f"{FORMAT}. Bitte das Werkzeug aktualisieren."
        )
    else:
        message = f"'format' muss eine Versionsnummer sein (derzeit {FORMAT}); gefunden: {written!r}."
    return Finding(Place("kommune.yaml", ("format",), line, column), message)


LAND_PATH: Path_ = ("kommune", "bundesland")


def unread_paper_folders(loaded: LoadedInputs) -> list[Finding]:
    """A folder of YAML files inside vorlagen/ other than beraten/: never read, so its papers
    neither build nor count as reports (year-later review: papers moved to 'vorlagen/archiv-2026/'
    vanished silently, and plan called their reports overdue)."""
    papers = loaded.folder / PAPER_FOLDER
    if not papers.is_dir():
        return []
    deliberated = DELIBERATED_FOLDER.rpartition("/")[2]
    return [
        Finding(
            Place(f"{PAPER_FOLDER}/{sub.name}/", (), 0, 0),
            f"Dieser Ordner wird nicht gelesen: Seine Vorlagen werden weder erzeugt noch als Berichte gezählt. "
            f"Beratene Vorlagen gehören nach {DELIBERATED_FOLDER}/, zu erzeugende direkt nach {PAPER_FOLDER}/.",
            WARNING,
        )
        for sub in sorted(papers.iterdir())
        if sub.is_dir()
        and sub.name != deliberated
        and not sub.name.startswith(".")
        and any(p.suffix.lower() in (".yaml", ".yml") for p in sub.rglob("*"))
    ]


#: A '#' after a space that a sign other than a space follows ('Raum #3', '#Elternzeit'): YAML
#: reads it as the start of a comment, though people who write comments write '# '.
_COMMENT_GLUED = re.compile(r"[ \t]#(?=[^\s#])")
_CUT_BY_COMMENT = re.compile(r"([ \t]+)#(\S.*?)\s*$")


def texts_cut_by_comments(loaded: LoadedInputs) -> list[Finding]:
    """A value on whose line ' #' and a sign follow: YAML drops the rest of the line as a comment,
    so 'Babylotsendienst #1 im Klinikum' reached the documents as 'Babylotsendienst', and
    'hauptfarbe: #7a0000' left the colour empty (the default one printed), without a word said
    (reliability review, diff review). A warning, as a comment written '#so' is still a comment;
    written '# so', it is left alone. A text written over several lines is cut where its last
    line is."""
    found: list[Finding] = []
    for name, source in loaded.files.items():
        if "#" not in source.text:
            continue
        lines = source.text.splitlines()
        suspect = [number for number, line in enumerate(lines, 1) if _COMMENT_GLUED.search(line)]
        if not suspect:
            continue
        starts = sorted((position, path) for path, position in source.value_positions.items())
        lines_of = [position[0] for position, _ in starts]
        for number in suspect:
            first, after = bisect_left(lines_of, number), bisect_left(lines_of, number + 1)
            for position, path in starts[first:after]:
                cut = _cut_by_comment(name, path, _value_at(source.data, path), lines[number - 1], position)
                if cut is not None:
                    found.append(cut)
            if first == after and first > 0:  # no value starts on the line: a text's later line?
                position, path = starts[first - 1]
                cut = _continuation_cut(name, path, _value_at(source.data, path), lines, position, number)
                if cut is not None:
                    found.append(cut)
    return found


def _continuation_cut(
    name: str, path: Path_, value: Any, lines: list[str], position: tuple[int, int], number: int
) -> Finding | None:
    """The warning for a plain text over several lines that a glued comment ends on line
    `number` ('beschreibung: Ein langer Text' / '  über #3 Dinge', or a line '  #2 eines …' of
    its own): the value ends with the words before the '#', or with the line above (user test)."""
    start_line, column = position
    first = lines[start_line - 1][column - 1 :]
    if not isinstance(value, str) or not value or first[:1] in "\"'|>":
        return None
    text = lines[number - 1]
    cut = _CUT_BY_COMMENT.search(text)
    if cut is None:
        return None
    before = " ".join(text[: cut.start()].split())
    if not before:  # the line is all comment: is it indented like the text above, right below its end?
        above = first if number - 1 == start_line else lines[number - 2]
        if not above.strip() or indentation(text) <= indentation(lines[start_line - 1]):
            return None
        before = " ".join(above.split())
    if not value.endswith(before):
        return None
    where = Place(name, path, number, cut.start() + len(cut[1]) + 1)
    return _text_cut(where, before, _without_comment(cut[2]), "nach einem Leerzeichen oder am Anfang einer Zeile")


def _text_cut(where: Place, before: str, rest: str, after: str, suggestion: str = "") -> Finding:
    """The warning for a text whose `rest` a glued comment cut off after `before`; `after` says
    where YAML starts a comment, `suggestion` the whole value in quotes (': "…"'), if known."""
    return Finding(
        where,
        f"Nach „{before}“ steht „#{rest}“: YAML liest alles ab einem „#“ {after} als Kommentar, in den Dokumenten "
        f"fehlt es. Gehört es zum Text, bitte den ganzen Wert in Anführungszeichen setzen{suggestion}. Ist es ein "
        "Kommentar, nach dem „#“ ein Leerzeichen schreiben.",
        WARNING,
    )


#: What stands where an empty value is: a comment glued to its '#' ('hauptfarbe: #7a0000').
_EMPTY_BY_COMMENT = re.compile(r"([ \t]*)#(\S.*?)\s*$")
#: A colour as the layout takes it: a value YAML read as a comment, never meant as one.
_COLOUR = re.compile(r"[0-9a-fA-F]{6}")


def _without_comment(rest: str) -> str:
    """What stands after a glued '#' up to a comment written as such ('#a3243b  # Strich' →
    'a3243b'): the suggestion is copied as it is (user test: the comment landed in the value)."""
    return re.split(r"\s+#(?:\s|$)", rest, maxsplit=1)[0].rstrip()


def _cut_by_comment(
    name: str, path: Path_, value: Any, line_text: str, position: tuple[int, int]
) -> Finding | None:
    """The finding for a value at `position` whose line a glued comment ends, if it does: an error
    for a colour left empty ('hauptfarbe: #7a0000': the default colour printed), else a warning."""
    line, column = position
    written = line_text[column - 1 :]
    if value is None:
        empty = _EMPTY_BY_COMMENT.fullmatch(written)
        if empty is None:
            return None
        meant = _without_comment(empty[2])
        where = Place(name, path, line, column + len(empty[1]))
        if _COLOUR.fullmatch(meant):
            return Finding(
                where,
                f"YAML liest „#{meant}“ als Kommentar, die Farbe bliebe leer. Farben bitte in Anführungszeichen "
                f'schreiben: "#{meant}".',
            )
        what = "Der Listeneintrag ist leer" if isinstance(path[-1], int) else f"Das Feld '{path[-1]}' ist leer"
        return Finding(
            where,
            f"{what}, weil YAML „#{meant}“ als Kommentar liest (ein „#“ nach einem Leerzeichen beginnt einen "
            f"Kommentar). Ist es der Wert, bitte in Anführungszeichen setzen: {quoted_for_yaml('#' + meant)}.",
            WARNING,
        )
    if not isinstance(value, str) or not value or written[:1] in "\"'|>" or not written.startswith(value):
        return None
    cut = _CUT_BY_COMMENT.fullmatch(written, len(value))
    if cut is None:
        return None
    rest = _without_comment(cut[2])
    where = Place(name, path, line, column + len(value) + len(cut[1]))
    whole = quoted_for_yaml(f"{value}{cut[1]}#{rest}")
    return _text_cut(where, value, rest, "nach einem Leerzeichen", f": {whole}")


def _value_at(data: Any, path: Path_) -> Any:
    """The value at `path` in a file's data (None where the path leads nowhere)."""
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def land_placeholder(loaded: LoadedInputs) -> Finding | None:
    """The Land `init` put in as a placeholder, still there: the procedure in the committees,
    the laws cited and the names of bodies follow it, so a Landkreis in Thüringen would get
    Baden-Württemberg's in every paper while validate said 'gültig' (review of a new Landkreis).
    Told by init's comment beside the value, which PyYAML does not keep: whoever enters
    their Land or keeps this one on purpose deletes the comment."""
    source = loaded.files.get("kommune.yaml")
    if source is None or LAND_PATH not in source.value_positions:
        return None
    line, column = source.locate(LAND_PATH)
    lines = source.text.splitlines()
    if line > len(lines) or PLACEHOLDER_STATE_NOTE not in lines[line - 1]:
        return None
    land = source.data["kommune"]["bundesland"]
    if land != PLACEHOLDER_STATE:
        return None  # changed, only the comment left behind
    return Finding(
        Place("kommune.yaml", LAND_PATH, line, column),
        f"Das Bundesland „{land}“ ist noch der Platzhalter, den `gesamtkonzept init` eingetragen hat. Nach dem "
        "Bundesland richten sich das Verfahren in den Gremien, die zitierten Landesgesetze und die Namen der "
        "Gremien in allen Dokumenten. Bitte das eigene Bundesland eintragen und den Kommentar „# Platzhalter …“ "
        f"dahinter löschen – auch wenn es {land} ist.",
        WARNING,
    )


def check(loaded: LoadedInputs, problems: Iterable[Finding] = (), *, strict: bool = False) -> Validated:
    """The concept and the warnings about it, or :class:`InvalidInput` with every error and
    every warning that could be looked for (if `strict`, warnings alone are enough)."""
    outdated = format_problem(loaded)
    if outdated is not None:
        raise InvalidInput([*problems, outdated])
    problems = list(problems)
    found = list(problems)
    parsed, type_errors = parse_files(loaded)
    found += type_errors
    early = located(chain.from_iterable(ruleset.run(parsed) for ruleset in BEFORE_CONCEPT), loaded.files, parsed)
    found += [f for f in early if f.level != WARNING]
    assembled = _concept(parsed, loaded)
    warnings = [f for f in early if f.level == WARNING]
    if (placeholder := land_placeholder(loaded)) is not None:
        warnings.append(placeholder)
    warnings += unread_paper_folders(loaded)
    cut_by_comments = texts_cut_by_comments(loaded)
    warnings += [f for f in cut_by_comments if f.level == WARNING]
    found += [f for f in cut_by_comments if f.level != WARNING]
    if assembled:
        concept, whole = assembled
        unreadable = frozenset(p.where.file for p in problems if p.level != WARNING)
        warnings += located(_plausibility(concept, whole, unreadable), loaded.files, whole)
    warnings = sorted(_not_on_misspelt_bodies(warnings, parsed), key=lambda f: f.sort_key)
    if found or assembled is None or not parsed.complete:
        raise InvalidInput(found + warnings)
    if strict and warnings:
        raise InvalidInput(warnings, strict=True)
    return Validated(concept, warnings)
