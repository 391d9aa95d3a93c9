"""Stage 2, validate: check the loaded files and assemble the concept, or say everything wrong.

Entry point: :func:`check`. In order:

1. each file against its model (:mod:`pipeline.model.inputs`), pydantic's complaints said in
   German (:mod:`.messages`);
2. the rules before the concept, on the files that parsed: ids and references
   (:mod:`.references`), rules across files (:data:`.rules.CONSISTENCY`) and council procedure
   (:mod:`.council`);
3. with no errors, the concept is assembled and the plausibility rules
   (:data:`.rules.WARNINGS`) look for what is possible but probably a mistake.

Every finding is located at the line and column of the value it concerns, and all of a run's
problems are reported together (:class:`~pipeline.errors.InvalidInput`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import chain

from pydantic import ValidationError

from pipeline.errors import InvalidInput
from pipeline.findings import Finding
from pipeline.load import LoadedInputs, SourceFile
from pipeline.model.concept import Concept
from pipeline.model.inputs import REQUIRED_FILES, model_for
from pipeline.model.paths import FOLDER
from pipeline.model.types import Item
from pipeline.validate import council, references, rules
from pipeline.validate.messages import problems_from
from pipeline.validate.parsed import Parsed

#: The rules that run on the parsed files before the concept exists; their findings are errors.
BEFORE_CONCEPT = (references.RULES, rules.CONSISTENCY, council.RULES)


@dataclass(frozen=True)
class Validated:
    """A municipality's inputs after validation: the concept and what looks implausible."""

    concept: Concept
    warnings: list[Finding]


def located(findings: Iterable[Finding], sources: dict[str, SourceFile]) -> list[Finding]:
    """Findings at the line and column of the value they concern."""
    result = []
    for found in findings:
        place = found.where
        line, column = sources[place.file].locate(place.path)
        result.append(replace(found, where=replace(place, line=line, column=column)))
    return result


def parse_files(loaded: LoadedInputs) -> tuple[dict[str, Item], list[Finding]]:
    """Each loaded file parsed by its model; a file with errors is left out."""
    files: dict[str, Item] = {}
    problems: list[Finding] = []
    for name, source in loaded.files.items():
        model = model_for(name)
        try:
            files[name] = model.model_validate(source.data, context={FOLDER: loaded.folder})
        except ValidationError as error:
            problems.extend(problems_from(error, source, model))
    return files, problems


def check(loaded: LoadedInputs, problems: Iterable[Finding] = (), *, strict: bool = False) -> Validated:
    """The concept and the warnings about it, or :class:`InvalidInput` with every error (and,
    if `strict`, every warning as well).

    Warnings are looked for once there are no errors: the rules rely on a consistent concept.
    """
    found = list(problems)
    files, type_errors = parse_files(loaded)
    found += type_errors
    parsed = Parsed(files)
    found += located(chain.from_iterable(ruleset.run(parsed) for ruleset in BEFORE_CONCEPT), loaded.files)
    if found or any(name not in files for name in REQUIRED_FILES):
        raise InvalidInput(found)
    concept = Concept.from_files(files)
    warnings = sorted(located(rules.WARNINGS.run(concept), loaded.files), key=lambda f: f.sort_key)
    if strict and warnings:
        raise InvalidInput(warnings, strict=True)
    return Validated(concept, warnings)
