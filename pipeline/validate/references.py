"""References between files: every id is unique and every reference names an existing item.

References are found generically: fields typed with a :class:`~pipeline.model.types.Ref` hold
ids of another kind, and :data:`~pipeline.model.inputs.ID_SOURCES` says which list defines
them. A dangling reference gets the closest known id as a suggestion.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from pipeline.findings import Finding, Path_, RuleSet, at, format_path
from pipeline.formatting import number
from pipeline.model.inputs import ID_SOURCES, QualityFile
from pipeline.model.types import ID_PATTERN, KIND_LABELS
from pipeline.validate.parsed import COMBINED_IDS, PROJECT_IDS, Parsed, raw_entries

RULES: RuleSet[Parsed] = RuleSet("Kennungen und Verweise")


def repeated(values: list[str]) -> Iterator[tuple[int, int]]:
    """(index, index of its first occurrence) for every value the list already had before."""
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in first:
            yield index, first[value]
        first.setdefault(value, index)


@RULES.rule("eindeutige-kennungen")
def unique_ids(parsed: Parsed) -> Iterator[Finding]:
    """An id names one item; a second one would make every reference to it ambiguous."""
    known = parsed.known_ids
    for kind, (file_name, path) in ID_SOURCES.items():
        for index, first in repeated(known.get(kind, [])):
            entry = format_path(parsed.original(file_name, (*path, first)))
            yield Finding(
                at(file_name, *path, index, "id"),
                f"Die Kennung '{known[kind][index]}' ist bereits vergeben (bei {entry}). Kennungen müssen "
                "eindeutig sein.",
            )


def unresolved(parsed: Parsed, known: dict[str, list[str]]) -> Iterator[tuple[str, str, str, Path_]]:
    """(file, kind, id, path) of every reference in the parsed files to an id not `known`;
    kinds whose file is missing or unreadable are not checked."""
    ids = {kind: set(values) for kind, values in known.items()}
    for file_name, kind, ref, path in parsed.references:
        if kind in ids and ref not in ids[kind]:
            yield file_name, kind, ref, path


def dangling(parsed: Parsed) -> Iterator[tuple[str, str, str, Path_]]:
    """References between the parsed entries that name none of them – an error, or an entry
    left out for its own errors: either way, the concept cannot be put together."""
    return unresolved(parsed, parsed.known_ids)


@RULES.rule("verweise")
def references_exist(parsed: Parsed) -> Iterator[Finding]:
    """Every reference names an item that exists, or the documents would show a gap. Entries
    left out for other errors still exist: only a wrong id is reported."""
    known = parsed.declared_ids
    numbers = _decision_numbers(parsed)
    for file_name, kind, ref, path in unresolved(parsed, known):
        label = KIND_LABELS[kind]
        close = _closest(ref, known[kind])
        tip = (
            f" Meinten Sie '{close}'?" if close else (_by_name(parsed, kind, ref) or _other_kind(known, kind, ref))
        )
        refused = _refused_id(ref, known[kind])
        if refused:  # the entry meant has an id of its own mistake (NRW review: it was suggested back)
            close, tip = (
                refused,
                f" Gemeint ist wohl der Eintrag '{refused}', dessen Kennung selbst ungültig ist (siehe dort).",
            )
        numbered = numbers.get(ref) if kind == "beschluss" else None
        if numbered:  # 'JHA/2026/007' where the id 'jha-2026-007' belongs (review of a new Landkreis)
            tip = (
                f" Hier steht die Kennung (id) des Beschlusses, nicht seine Nummer: gemeint ist wohl '{numbered}'."
            )
        # each once: a duplicated id, reported by its own rule, listed twice (hostile-input sweep)
        ids = list(dict.fromkeys(known[kind]))
        listed = ", ".join(ids[:8]) + (", …" if len(ids) > 8 else "")
        where = PROJECT_IDS.get(kind) or (COMBINED_IDS[kind][0] if kind in COMBINED_IDS else ID_SOURCES[kind][0])
        known_ones = f" Bekannt: {listed}." if listed else " Dort ist noch kein Eintrag."
        if kind in ("massnahme", "zweck") and not close:
            # deleting a finished measure is what a yearly update does (year-later review)
            known_ones += (
                " Wurde sie gelöscht? Eine beendete Maßnahme bleibt mit 'status: abgeschlossen' stehen: "
                "Aufwand und Berichte früherer Jahre verweisen weiter auf sie."
            )
        yield Finding(at(file_name, *path), f"{label} '{ref}' gibt es nicht in {where}.{tip}{known_ones}")


@RULES.rule("verweise-doppelt")
def references_once(parsed: Parsed) -> Iterator[Finding]:
    """A list of references names each item once: twice, the documents said „Z1, Z1.1, Z1.1“ or
    „Beteiligt: Familienzentren; Familienzentren“, and 70,000 copies of one goal made a PDF of a
    thousand pages (fuzz review)."""
    lists: dict[tuple[str, Path_], list[tuple[str, str, Path_]]] = {}
    for file_name, kind, ref, path in parsed.references:
        if path and isinstance(path[-1], int):
            lists.setdefault((file_name, path[:-1]), []).append((kind, ref, path))
    for (file_name, _), entries in lists.items():
        for index, first in repeated([ref for _, ref, _ in entries]):
            kind, ref, path = entries[index]
            yield Finding(
                at(file_name, *path),
                f"{KIND_LABELS[kind]} '{ref}' steht in dieser Liste doppelt (schon als {number(first + 1)}. "
                "Eintrag). Bitte nur einmal nennen.",
            )


#: An id refused for its own spelling is no suggestion.
_VALID_ID = re.compile(ID_PATTERN)


def _refused_id(ref: str, ids: list[str]) -> str | None:
    """The refused id a reference most likely means, where it is closer than any valid one."""
    close = difflib.get_close_matches(ref, ids, n=1, cutoff=0.6)
    return close[0] if close and not _VALID_ID.fullmatch(close[0]) else None


def _closest(ref: str, ids: list[str]) -> str | None:
    """The known id a misspelt reference most likely means ('soz-ges' for 'sozges'), if any – never
    one that is itself refused ('familienwegweiser-ü'; NRW review)."""
    close = difflib.get_close_matches(ref, [i for i in ids if _VALID_ID.fullmatch(i)], n=1, cutoff=0.6)
    return close[0] if close else None


def meant_bodies(parsed: Parsed) -> set[tuple[str, str]]:
    """(file, committee id) for each misspelt committee reference and the committee
    :func:`references_exist` proposes for it ('Meinten Sie …?')."""
    known = parsed.declared_ids
    return {
        (file_name, meant)
        for file_name, kind, ref, _ in unresolved(parsed, known)
        if kind == "gremium" and (meant := _closest(ref, known[kind])) is not None
    }


def _other_kind(known: dict[str, list[str]], kind: str, ref: str) -> str:
    """' 'steuerungsgruppe' ist die Kennung eines Eintrags in netzwerk.yaml (Netzwerkgremium); …'
    where the reference names an entry of another kind (Sachsen-Anhalt review: a report path 'an'
    the Steuerungsgruppe, where an actor is asked for, got only the list of actors)."""
    other = next((k for k in ID_SOURCES if k != kind and ref in known.get(k, ())), None)
    if other is None or kind not in ID_SOURCES:
        return ""
    return (
        f" '{ref}' ist die Kennung eines Eintrags in {ID_SOURCES[other][0]} ({KIND_LABELS[other]}); hier ist einer "
        f"aus {ID_SOURCES[kind][0]} gefragt ({KIND_LABELS[kind]})."
    )


def _by_name(parsed: Parsed, kind: str, ref: str) -> str:
    """' Meinten Sie 'fa' (Finanzausschuss)?' where a reference resembles an entry's name rather
    than its id (Brandenburg review: 'finanzauschuss' got no hint, the id being 'fa')."""
    if kind not in ID_SOURCES:
        return ""
    file_name, path = ID_SOURCES[kind]
    entries = raw_entries(parsed.raw.get(file_name), path) or []
    names = {
        str(e["name"]).casefold(): (str(e["id"]), str(e["name"]))
        for e in entries
        if isinstance(e.get("id"), str) and isinstance(e.get("name"), str)
    }
    close = difflib.get_close_matches(ref.casefold().replace("-", " "), list(names), n=1, cutoff=0.8)
    if close:
        return f" Meinten Sie '{names[close[0]][0]}' ({names[close[0]][1]})?"
    # 'sozialausschuss' for the 'Ausschuss für Soziales, Integration und Gesundheit' (id 'soz'): a
    # reference built of a word of the name and its head noun, where just one name fits (Hamburg review)
    stem, heads = ref.casefold().replace("-", ""), ("ausschuss", "versammlung", "gruppe", "konferenz", "kreis")
    head = next((h for h in heads if stem.endswith(h) and len(stem) - len(h) >= 4), None)
    if head is None:
        return ""
    word = stem.removesuffix(head)
    fitting = [
        pair
        for name, pair in names.items()
        if head in name and any(w.startswith(word) for w in re.findall(r"\w+", name))
    ]
    return f" Meinten Sie '{fitting[0][0]}' ({fitting[0][1]})?" if len(fitting) == 1 else ""


def _decision_numbers(parsed: Parsed) -> dict[str, str]:
    """The decisions of gremien.yaml as written: number → id."""
    entries = raw_entries(parsed.raw.get("gremien.yaml"), ("beschluesse",)) or []
    return {
        str(e["nummer"]): e["id"] for e in entries if isinstance(e.get("id"), str) and e.get("nummer") is not None
    }


@RULES.rule("eine-einschaetzung-je-ziel")
def one_rating_per_goal(parsed: Parsed) -> Iterator[Finding]:
    """qualitaet.yaml: two ratings of one goal would contradict each other in the documents."""
    ratings = parsed.get("qualitaet.yaml", QualityFile)
    if ratings is None:
        return
    goals = [r.goal for r in ratings.ratings]
    for index, first in repeated(goals):
        yield Finding(
            at("qualitaet.yaml", "einschaetzungen", index, "ziel"),
            f"Zum Ziel '{goals[index]}' gibt es schon eine Einschätzung (bei "
            f"{format_path(parsed.original('qualitaet.yaml', ('einschaetzungen', first)))}). Bitte je Ziel nur "
            "eine Einschätzung angeben.",
        )
