"""The pipeline in one screen: load → validate → model → render → export.

:func:`build` is what `gesamtkonzept build` runs; :func:`check_folder` is its first half (what
`validate`, `check`, `plan` and `diff` need). Each stage is a package with one entry point:

1. :func:`pipeline.load.load_folder` reads the YAML files with the position of every value;
2. :func:`pipeline.validate.check` checks them and assembles the model;
3. :class:`pipeline.model.Concept` and its views are the single source of truth;
4. :func:`pipeline.render.render_products` writes each document as HTML through the templates;
5. :func:`pipeline.export.write_outputs` converts them into Word and PDF and writes the set.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import collector, products
from pipeline.errors import InvalidInput
from pipeline.findings import Finding, at

if TYPE_CHECKING:  # the stages load when a build needs them: a build with nothing changed needs none
    from concurrent.futures import Executor

    from pipeline import export, load
    from pipeline.model.concept import Concept

#: Asked for by name, the agreement needs its section; without --nur a build just leaves it out.
NO_AGREEMENT = Finding(
    at("netzwerk.yaml", "kooperationsvereinbarung"),
    "Ohne den Abschnitt 'kooperationsvereinbarung' in netzwerk.yaml gibt es keine Kooperationsvereinbarung. "
    "Schon 'kooperationsvereinbarung: {}' erzeugt sie aus den übrigen Angaben (siehe README).",
)
AGREEMENT_CONTINUES = Finding(
    at("netzwerk.yaml", "kooperationsvereinbarung", "fortgeltend"),
    "Die Kooperationsvereinbarung gilt unverändert fort ('fortgeltend: ja'): Der Build erzeugt sie nicht neu, "
    "ihre unterzeichneten Dateien im Ausgabeordner bleiben. Für eine neue Vereinbarung 'fortgeltend' entfernen.",
)


@dataclass(frozen=True)
class Checked:
    """A municipality's folder after validation: the model, its warnings, and the loaded files
    (which know where every value stands, for the provenance of the Word files)."""

    folder: Path
    loaded: load.LoadedInputs
    concept: Concept
    warnings: list[Finding]

    @property
    def read_files(self) -> list[Path]:
        """Every file the inputs consist of: the YAML files, the logo and attached PDFs."""
        return [*self.loaded.paths, *self.concept.referenced_files]


@collector.paused()  # what is loaded (and the stages' modules) lives on: see pipeline.collector
def check_folder(folder: Path, *, strict: bool = False) -> Checked:
    """Stages 1–3: load and validate a municipality's folder into the concept.

    Raises InvalidInput listing every error – and, if `strict`, every warning as well.
    """
    from pipeline import load, validate

    loaded, problems = load.load_folder(folder)
    validated = validate.check(loaded, problems, strict=strict)
    return Checked(folder, loaded, validated.concept, validated.warnings)


def load_fassung(spec: str | Path) -> Concept:
    """An earlier Fassung (a folder or REVISION:ORDNER from git), its problems marked as its own
    so nobody looks for them in the current inputs."""
    from pipeline.load.revisions import input_folder

    with input_folder(str(spec)) as folder:
        try:
            return check_folder(folder).concept
        except InvalidInput as error:
            raise InvalidInput(
                [
                    dataclasses.replace(p, where=dataclasses.replace(p.where, file=f"[{spec}] {p.where.file}"))
                    for p in error.problems
                ]
            ) from None


def build_record(checked: Checked, *, draft: bool = False) -> export.BuildRecord:
    """What the manifest says about this build: whose concept, which Fassung, from which inputs."""
    from pipeline import export, load

    concept = checked.concept
    return export.BuildRecord(
        municipality=concept.municipality.name,
        version=concept.version.version,
        stand=concept.version.date,
        input_folder=checked.folder.resolve().name,
        inputs_hash=load.inputs_hash(checked.folder, checked.read_files),
        draft=draft,
    )


@dataclass(frozen=True)
class Request:
    """What a build is asked to make: the products (keys of pipeline.products; one or several,
    all by default), from which templates, compared with which earlier Fassung (an input folder
    or REVISION:ORDNER: the concept lists what changed since), as a draft, and the
    Qualitätsdialog also as the network's working copy (naming the line of each source); with
    `strict`, gaps in the Word files' accessibility stop the build before anything is written."""

    only: str | Iterable[str] | None = None
    template_dir: Path | None = None
    earlier: str | Path | None = None
    draft: bool = False
    working_copy: bool = False
    strict: bool = False


@collector.paused()  # the rendered documents live until they are written
def prepare_export(checked: Checked, output: Path, request: Request = Request()) -> export.Export:
    """Stage 4 for a checked folder, and stage 5 ready to start: render what `request` asks for,
    to be converted and written into the output folder `output`."""
    from pipeline import export, render
    from pipeline.model.changes import compare
    from pipeline.render.document import TEMPLATE_DIR
    from pipeline.render.environment import Templates
    from pipeline.render.provenance import text_index

    only = request.only
    changes = compare(load_fassung(request.earlier), checked.concept) if request.earlier is not None else None
    keys = [only] if isinstance(only, str) else list(only or (p.key for p in products.PRODUCTS))
    if only is not None and products.AGREEMENT.key in keys and checked.concept.agreement is None:
        raise InvalidInput([NO_AGREEMENT])
    agreement = checked.concept.agreement
    if (
        only is not None
        and keys == [products.AGREEMENT.key]
        and agreement is not None
        and agreement.settings.continues
    ):
        raise InvalidInput([AGREEMENT_CONTINUES])
    rendered = render.render_products(
        checked.concept,
        keys,
        Templates.of(checked.folder, request.template_dir or TEMPLATE_DIR),
        changes,
        draft=request.draft,
        working_copy=request.working_copy,
        locate=checked.loaded.locate,
    )
    record = build_record(checked, draft=request.draft)
    return export.Export(rendered, output, record, text_index(checked.loaded), strict=request.strict)


def write_documents(
    checked: Checked,
    output: Path,
    only: str | Iterable[str] | None = None,
    template_dir: Path | None = None,
    earlier: str | Path | None = None,
    *,
    draft: bool = False,
    working_copy: bool = False,
    strict: bool = False,
    pool: Executor | None = None,
) -> export.Written:
    """Stages 4–5 for a checked folder (see :class:`Request`): render, convert what changed
    since the last build into `output` (on `pool`, if given) and write the set."""
    request = Request(only, template_dir, earlier, draft, working_copy, strict)
    return prepare_export(checked, output, request).run(pool)


def build(
    folder: Path,
    output: Path,
    only: str | Iterable[str] | None = None,
    template_dir: Path | None = None,
    earlier: str | Path | None = None,
    *,
    strict: bool = False,
    draft: bool = False,
    working_copy: bool = False,
) -> export.Written:
    """The whole pipeline: check a municipality's folder and write its documents."""
    checked = check_folder(folder, strict=strict)
    return write_documents(
        checked, output, only, template_dir, earlier, draft=draft, working_copy=working_copy, strict=strict
    )
