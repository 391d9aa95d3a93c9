"""Which build a returned draft came from.

Every Word file of a build carries its identity in its custom properties
(:class:`pipeline.export.manifest.DocumentIdentity`: Kommune, Fassung, build id, path, digest of
its provenance), and the manifest records the build id of each file and its provenance. A draft
is read against the manifest that recorded its build for its file – searched beside the draft,
in the folder above and in outputs/*/ – and against no other: not the most similar one, not one
of another Kommune. If none fits, review says so and names `--manifest`.

`--manifest PFAD` names the manifest: used even if it describes another build of the same
Kommune (review then notes that differences may come from changes since the draft), refused
if it is another Kommune's.

Drafts of builds before the identity existed (or whose custom properties a reviewer removed)
are matched by their bookmarks as before, but only with manifests of a Kommune their core
properties (title, subject, author) name – every build writes the Kommune's name there –, and
review notes how it matched them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.drafts.package import read_regular
from pipeline.drafts.word import Draft, unchanged
from pipeline.errors import ReviewFailure
from pipeline.export.manifest import DRAFT_MANIFESTS, MANIFEST, DocumentIdentity, provenance_digest
from pipeline.render.provenance import Origin

#: A manifest is a few hundred KB; one this large is not a manifest.
MAX_MANIFEST_BYTES = 8 * 1024 * 1024


@dataclass
class Manifest:
    """A build's manifest as review needs it."""

    path: Path
    municipality: str
    version: str
    build: str
    files: dict[str, Any]
    provenance: dict[str, Any]
    #: The inputs folder's name and the fingerprint of the inputs the build read.
    inputs: tuple[str, str] = ("", "")

    def build_of(self, document: str) -> str | None:
        entry = self.files.get(document)
        found = entry.get("build") if isinstance(entry, dict) else None
        return found if isinstance(found, str) else None

    def digest_of(self, document: str) -> str | None:
        entries = self.provenance.get(document)
        return provenance_digest(entries) if isinstance(entries, list) else None

    def origins(self, document: str) -> list[Origin]:
        """What each bookmark of the document held and where it came from, checked."""
        try:
            origins = [Origin.from_json(entry) for entry in self.provenance[document]]
        except (KeyError, TypeError, AttributeError, ValueError):
            origins = []
        if not origins or not all(_well_formed(o) for o in origins):
            raise ReviewFailure(
                f"{self.path}: das Manifest ist beschädigt (die Herkunft von {document} ist unvollständig). "
                "Bitte den Build wiederholen oder mit --manifest ein anderes angeben."
            )
        return origins

    def documents(self) -> list[str]:
        return [d for d, entries in self.provenance.items() if isinstance(entries, list)]


def _well_formed(origin: Origin) -> bool:
    texts = (origin.mark, origin.kind, origin.chapter, origin.text)
    return (
        all(isinstance(t, str) for t in texts)
        and isinstance(origin.template, str | None)
        and all(
            isinstance(i.file, str) and isinstance(i.field, str) and isinstance(i.line, int) for i in origin.inputs
        )
    )


def load_manifest(path: Path) -> Manifest:
    """A manifest read within bounds; a ReviewFailure in German if it is none."""
    data = read_regular(path, MAX_MANIFEST_BYTES, "Manifest-Datei")
    try:
        content = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        content = None
    if not isinstance(content, dict) or not isinstance(content.get("herkunft"), dict):
        raise ReviewFailure(f"{path}: ist kein Manifest eines Builds (manifest.json) oder ist beschädigt.")
    files = content.get("dateien")

    def text(key: str) -> str:
        value = content.get(key)
        return value if isinstance(value, str) else ""

    return Manifest(
        path,
        text("kommune"),
        text("fassung"),
        text("build"),
        files if isinstance(files, dict) else {},
        content["herkunft"],
        _inputs_of(content.get("eingaben")),
    )


def _inputs_of(recorded: Any) -> tuple[str, str]:
    """('musterkreis', 'c58213…') from the manifest's 'eingaben', or empty strings."""
    if not isinstance(recorded, dict):
        return "", ""
    folder, digest = recorded.get("ordner"), recorded.get("sha256")
    return (folder if isinstance(folder, str) else "", digest if isinstance(digest, str) else "")


def candidate_manifests(draft_path: Path, given: Path | None) -> list[Path]:
    """The manifest named, the one beside the draft or a folder above (papers lie in
    vorlagen/), and those of the output folders."""
    found = [given] if given else []
    folders = [*list(draft_path.resolve().parents)[:2], *sorted(Path("outputs").glob("*/"))]
    found += [folder / MANIFEST for folder in folders]
    # then the manifests kept of earlier draft builds: a draft sent round before the last build
    found += [kept for folder in folders for kept in sorted((folder / DRAFT_MANIFESTS).glob("manifest-*.json"))]
    return [p for p in dict.fromkeys(found) if p.is_file()]


def _found_manifests(paths: Iterable[Path]) -> list[Manifest]:
    """The manifests found by searching; one that cannot be read is passed over."""
    manifests = []
    for path in paths:
        try:
            manifests.append(load_manifest(path))
        except ReviewFailure:
            continue
    return manifests


def _best_by_bookmarks(draft: Draft, manifests: Iterable[Manifest]) -> tuple[Manifest, str, list[Origin]] | None:
    """The document whose bookmarks the draft shares most, unchanged – for drafts that carry no
    identity, and only among manifests already known to be of the right Kommune."""
    marked = draft.marked()
    best: tuple[Manifest, str, list[Origin]] | None = None
    score = 0
    for manifest in manifests:
        for document in manifest.documents():
            try:
                origins = manifest.origins(document)
            except ReviewFailure:
                continue  # a damaged entry of another document is no reason to stop
            same = sum(1 for o in origins if o.mark in marked and unchanged(draft, o, marked[o.mark]))
            if same > score:
                best, score = (manifest, document, origins), same
    return best


def _names_municipality(draft: Draft, municipality: str) -> bool:
    """Whether the draft's core properties (title, subject, author) name the Kommune."""
    if not municipality:
        return False
    pattern = re.compile(rf"(?<![\w-]){re.escape(municipality)}(?![\w-])")
    return any(pattern.search(draft.core.get(key, "")) for key in ("title", "subject", "creator"))


@dataclass
class BuildMatch:
    """The build a draft is compared with, and what the reader should know about the match."""

    manifest: Manifest
    document: str
    origins: list[Origin]
    notes: list[str] = field(default_factory=list)


def _exact(manifest: Manifest, identity: DocumentIdentity) -> bool:
    return (
        manifest.build_of(identity.document) == identity.build
        and manifest.digest_of(identity.document) == identity.provenance
    )


def _describe(identity: DocumentIdentity) -> str:
    return f"{identity.municipality}, Fassung {identity.version}, Build {identity.build}"


HOW_TO_NAME = "Bitte mit --manifest PFAD die manifest.json des Builds angeben, aus dem der Entwurf stammt."


def _match_given(draft: Draft, path: Path, manifest: Manifest) -> BuildMatch:
    """The manifest named with --manifest: used as told, unless it is another Kommune's."""
    identity = draft.identity
    if identity is not None:
        if _exact(manifest, identity):
            return BuildMatch(manifest, identity.document, manifest.origins(identity.document))
        if manifest.municipality != identity.municipality:
            raise ReviewFailure(
                f"{path}: ist ein Entwurf von {identity.municipality} (Fassung {identity.version}), das "
                f"Manifest {manifest.path} gehört zu {manifest.municipality or 'keiner Kommune'}. Bitte die "
                f"manifest.json aus dem Ausgabeordner von {identity.municipality} angeben."
            )
        note = (
            f"{path.name} stammt aus dem Build {identity.build}, {manifest.path} beschreibt einen anderen "
            f"Build von {manifest.municipality} (Fassung {manifest.version or '?'}, Build {manifest.build or '?'}): "
            "Abweichungen können auch aus Änderungen seit dem Entwurf stammen."
        )
        if identity.document in manifest.documents():
            return BuildMatch(manifest, identity.document, manifest.origins(identity.document), [note])
        best = _best_by_bookmarks(draft, [manifest])
        if best is None:
            raise ReviewFailure(f"{path}: passt zu keinem Dokument in {manifest.path}. {HOW_TO_NAME}")
        return BuildMatch(*best, [note])
    best = _best_by_bookmarks(draft, [manifest])
    if best is None:
        raise ReviewFailure(f"{path}: passt zu keinem Dokument in {manifest.path}. {HOW_TO_NAME}")
    notes = [f"{path.name} trägt keine Kennung seines Builds (älterer Build); abgeglichen über die Textmarken."]
    if draft.core and not _names_municipality(draft, manifest.municipality):
        notes.append(
            f"{path.name}: die Dokumenteigenschaften nennen {manifest.municipality or 'die Kommune des Manifests'} "
            "nicht – gehört das Manifest wirklich zu diesem Entwurf?"
        )
    return BuildMatch(*best, notes)


def _match_found(draft: Draft, path: Path, manifests: list[Manifest]) -> BuildMatch:
    """A manifest found by searching: the one that recorded the draft's build, nothing else."""
    identity = draft.identity
    if identity is not None:
        for manifest in manifests:
            if _exact(manifest, identity):
                return BuildMatch(manifest, identity.document, manifest.origins(identity.document))
        same = [m for m in manifests if m.municipality == identity.municipality]
        if same:
            raise ReviewFailure(
                f"{path}: stammt aus dem Build {identity.build} ({identity.municipality}, Fassung "
                f"{identity.version}); {same[0].path} beschreibt einen anderen Build derselben Kommune "
                f"(Fassung {same[0].version or '?'}, Build {same[0].build or '?'}) – seit dem Entwurf wurde neu "
                f"gebaut. {HOW_TO_NAME} Wer mit dem neuen Build vergleichen will: --manifest {same[0].path} "
                "(Änderungen der Eingaben seit dem Entwurf erscheinen dann als Änderungen ohne Nachverfolgung)."
            )
        raise ReviewFailure(
            f"{path}: kein passendes Manifest gefunden – keines der gefundenen gehört zu {_describe(identity)} "
            f"(gesucht neben dem Entwurf, im Ordner darüber und in outputs/). {HOW_TO_NAME}"
        )
    own = [m for m in manifests if _names_municipality(draft, m.municipality)]
    best = _best_by_bookmarks(draft, own)
    if best is None:
        raise ReviewFailure(
            f"{path}: kein passendes Manifest gefunden. Der Entwurf trägt keine Kennung seines Builds "
            "(älterer Build oder entfernte Dokumenteigenschaften), und keines der gefundenen Manifeste gehört "
            f"zu der Kommune, die seine Dokumenteigenschaften nennen. {HOW_TO_NAME}"
        )
    manifest = best[0]
    return BuildMatch(
        *best,
        [
            f"{path.name} trägt keine Kennung seines Builds (älterer Build); abgeglichen über die Textmarken "
            f"mit {manifest.path} ({manifest.municipality})."
        ],
    )


def match_build(draft: Draft, path: Path, given: Path | None = None) -> BuildMatch:
    """The build the draft came from (see the module's description)."""
    if given is not None:
        return _match_given(draft, path, load_manifest(given))
    return _match_found(draft, path, _found_manifests(candidate_manifests(path, None)))
