"""Returned drafts: what reviewers commented and changed, and where to make each change.

A Word draft comes back with comments, tracked changes and sometimes plain edits. Every
generated paragraph and table row carries a bookmark (see pipeline/render/provenance.py); the manifest
of the build says what each bookmark held and which YAML field or template line produced it.
This module reads a returned copy and lists each comment and change with its chapter, the old
and new text, who made it and the source location to edit. Several copies merge into one list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from docx import Document
from docx.comments import Comment
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn
from lxml import etree

from pipeline.errors import ReviewFailure
from pipeline.export.manifest import MANIFEST, read_manifest
from pipeline.render.provenance import CELL_SEPARATOR, Origin, normalized

W_P, W_T, W_DEL_TEXT = qn("w:p"), qn("w:t"), qn("w:delText")
W_INS, W_DEL, W_TR, W_TC = qn("w:ins"), qn("w:del"), qn("w:tr"), qn("w:tc")
W_BOOKMARK, W_NAME = qn("w:bookmarkStart"), qn("w:name")
W_AUTHOR, W_DATE, W_ID = qn("w:author"), qn("w:date"), qn("w:id")
HEADING_NUMBER = re.compile(r"^\d+(\.\d+)*\s+")
MARK = re.compile(r"^gk\d{4}$")


#: What makes two findings the same: kind, bookmark, old and new text, comment.
RevisionKey = tuple[str, str | None, str, str, str | None]


@dataclass
class RevisionItem:
    """One comment or change, and where to make it."""

    kind: str
    chapter: str
    old: str
    new: str
    source: str
    mark: str | None = None
    comment: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    copies: list[str] = field(default_factory=list)
    position: int = 0

    @property
    def key(self) -> RevisionKey:
        return self.kind, self.mark, self.old, self.new, self.comment

    def as_yaml(self) -> dict[str, Any]:
        data = {
            "art": self.kind,
            "kapitel": self.chapter,
            "von": ", ".join(self.authors),
            "datum": self.date,
            "kommentar": self.comment,
            "alt": self.old,
            "neu": self.new,
            "quelle": self.source,
            "marke": self.mark,
            "exemplare": self.copies,
        }
        return {k: v for k, v in data.items() if v not in (None, "", [])}


# --- reading the Word file ---------------------------------------------------------------------


def _inside(node: etree._Element, tags: set[str], stop: etree._Element) -> bool:
    parent = node.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _texts(paragraph: etree._Element, *, accepted: bool) -> str:
    """The paragraph as it was (accepted=False: deletions back, insertions out) or as it would
    be with every tracked change accepted."""
    parts: list[str] = []
    for node in paragraph.iter(W_T, W_DEL_TEXT, qn("w:tab"), qn("w:br")):
        if node.tag in (qn("w:tab"), qn("w:br")):
            parts.append(" ")
        elif node.tag == W_DEL_TEXT:
            parts.append("" if accepted else (node.text or ""))
        elif _inside(node, {W_INS}, paragraph) and not accepted:
            continue
        else:
            parts.append(node.text or "")
    return normalized("".join(parts))


def _row(paragraph: etree._Element) -> etree._Element | None:
    parent = paragraph.getparent()
    while parent is not None and parent.tag != W_TR:
        parent = parent.getparent()
    return parent


def _block_text(paragraph: etree._Element, *, accepted: bool) -> str:
    """A paragraph's text, or, inside a table, its whole row's, cells separated as in the
    manifest."""
    row = _row(paragraph)
    if row is None:
        return _texts(paragraph, accepted=accepted)
    cells = [" ".join(_texts(p, accepted=accepted) for p in cell.iter(W_P)) for cell in row.iter(W_TC)]
    return CELL_SEPARATOR.join(normalized(c) for c in cells)


def _marks(paragraph: etree._Element) -> list[str]:
    names = (b.get(W_NAME) or "" for b in paragraph.iter(W_BOOKMARK))
    return [name for name in names if MARK.match(name)]


@dataclass
class Draft:
    """A returned Word file: its paragraphs in order, each with its bookmark if it has one."""

    name: str
    document: DocumentObject
    paragraphs: list[etree._Element] = field(default_factory=list)
    mark_of: dict[int, str] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Draft:
        try:
            document = Document(str(path))
        except Exception as error:  # python-docx raises several kinds for damaged files
            raise ReviewFailure(f"{path}: keine lesbare Word-Datei ({error}).") from None
        draft = cls(path.name, document, list(document.element.body.iter(W_P)))
        for paragraph in draft.paragraphs:
            marks = _marks(paragraph)
            row = _row(paragraph)
            if not marks and row is not None:
                marks = [m for p in row.iter(W_P) for m in _marks(p)]
            if marks:
                draft.mark_of[id(paragraph)] = marks[0]
        return draft

    def marked(self) -> dict[str, etree._Element]:
        """Bookmark → the (first) paragraph holding it."""
        found: dict[str, etree._Element] = {}
        for paragraph in self.paragraphs:
            mark = self.mark_of.get(id(paragraph))
            if mark and mark not in found:
                found[mark] = paragraph
        return found

    @property
    def editor(self) -> str:
        return self.document.core_properties.last_modified_by or "unbekannt"


# --- matching a draft with its build ------------------------------------------------------------


def _comparable(origin: Origin, paragraph: etree._Element) -> tuple[str, str]:
    """(generated text, text in the draft before tracked changes), comparable."""
    current = _block_text(paragraph, accepted=False)
    if origin.kind == "Überschrift" and HEADING_NUMBER.sub("", current) == origin.text:
        current = origin.text  # the chapter number Word puts in front
    return origin.text, current


def _unchanged(origin: Origin, paragraph: etree._Element) -> bool:
    generated, current = _comparable(origin, paragraph)
    return generated == current


def best_origins(draft: Draft, manifests: Iterable[Path]) -> list[Origin]:
    """The build this draft came from: the manifest entry whose bookmarks it shares most,
    even when the reviewer renamed the file."""
    marked = draft.marked()
    best: list[Origin] = []
    score = 0
    for manifest_path in manifests:
        for entries in read_manifest(manifest_path.parent).get("herkunft", {}).values():
            origins = [Origin.from_json(e) for e in entries]
            same = sum(1 for o in origins if o.mark in marked and _unchanged(o, marked[o.mark]))
            if same > score:
                best, score = origins, same
    return best


def candidate_manifests(draft_path: Path, given: Path | None) -> list[Path]:
    """The manifest named, the one beside the draft or a folder above (papers lie in
    vorlagen/), and those of the output folders."""
    found = [given] if given else []
    found += [folder / MANIFEST for folder in list(draft_path.resolve().parents)[:2]]
    found += sorted(Path("outputs").glob(f"*/{MANIFEST}"))
    return [p for p in dict.fromkeys(found) if p.is_file()]


# --- the review list ----------------------------------------------------------------------------


def _source(origin: Origin | None) -> str:
    return origin.where if origin else "Quelle unbekannt (nicht im Manifest)"


def _comments(draft: Draft, by_mark: dict[str, Origin]) -> list[RevisionItem]:
    """Each Word comment with the text it is attached to."""
    body = draft.document.element.body
    spans: dict[str, list[str]] = {}
    anchor: dict[str, etree._Element | None] = {}
    open_ids: set[str] = set()
    current_paragraph: etree._Element | None = None
    for node in body.iter():
        if node.tag == W_P:
            current_paragraph = node
        elif node.tag == qn("w:commentRangeStart"):
            open_ids.add(node.get(W_ID))
            anchor.setdefault(node.get(W_ID), current_paragraph)
            spans.setdefault(node.get(W_ID), [])
        elif node.tag == qn("w:commentRangeEnd"):
            open_ids.discard(node.get(W_ID))
        elif node.tag == W_T and not _inside(node, {W_DEL}, body):
            for comment_id in open_ids:
                spans[comment_id].append(node.text or "")
    items = []
    for comment in _all_comments(draft.document):
        comment_id = str(comment.comment_id)
        paragraph = anchor.get(comment_id)
        mark = draft.mark_of.get(id(paragraph)) if paragraph is not None else None
        origin = by_mark.get(mark) if mark else None
        when = comment.timestamp.strftime("%d.%m.%Y") if comment.timestamp else None
        items.append(
            RevisionItem(
                "Kommentar",
                origin.chapter if origin else "",
                normalized("".join(spans.get(comment_id, []))),
                "",
                _source(origin),
                mark,
                normalized(comment.text),
                [comment.author or "unbekannt"],
                when,
                [draft.name],
            )
        )
    return items


def _all_comments(document: DocumentObject) -> list[Comment]:
    """The comments of a file that has any (asking python-docx otherwise adds an empty part)."""
    if not any(rel.reltype.endswith("/comments") for rel in document.part.rels.values()):
        return []
    return list(document.comments)


def _tracked(draft: Draft, by_mark: dict[str, Origin]) -> list[RevisionItem]:
    """Paragraphs with tracked insertions or deletions: before and after, by whom."""
    items = []
    for paragraph in draft.paragraphs:
        changes = list(paragraph.iter(W_INS, W_DEL))
        if not changes:
            continue
        mark = draft.mark_of.get(id(paragraph))
        origin = by_mark.get(mark) if mark else None
        authors = list(dict.fromkeys(c.get(W_AUTHOR) or "unbekannt" for c in changes))
        stamps = (c.get(W_DATE) for c in changes)
        dates = sorted(stamp for stamp in stamps if stamp)
        when = f"{dates[-1][8:10]}.{dates[-1][5:7]}.{dates[-1][:4]}" if dates else None
        items.append(
            RevisionItem(
                "Änderung (nachverfolgt)",
                origin.chapter if origin else "",
                _texts(paragraph, accepted=False),
                _texts(paragraph, accepted=True),
                _source(origin),
                mark,
                None,
                authors,
                when,
                [draft.name],
            )
        )
    return items


def _untracked(draft: Draft, origins: list[Origin]) -> list[RevisionItem]:
    """Blocks edited without tracking, or deleted, found by comparing with the build."""
    marked = draft.marked()
    items = []
    for origin in origins:
        if origin.mark not in marked:
            items.append(
                RevisionItem(
                    "Gelöscht (ohne Nachverfolgung)",
                    origin.chapter,
                    origin.text,
                    "",
                    _source(origin),
                    origin.mark,
                    None,
                    [draft.editor],
                    None,
                    [draft.name],
                )
            )
            continue
        generated, current = _comparable(origin, marked[origin.mark])
        if generated != current:
            items.append(
                RevisionItem(
                    "Änderung (ohne Nachverfolgung)",
                    origin.chapter,
                    generated,
                    current,
                    _source(origin),
                    origin.mark,
                    None,
                    [draft.editor],
                    None,
                    [draft.name],
                )
            )
    return items


def read_draft(path: Path, manifest: Path | None = None) -> list[RevisionItem]:
    draft = Draft.read(path)
    origins = best_origins(draft, candidate_manifests(path, manifest))
    if not origins:
        raise ReviewFailure(
            f"{path.name}: kein passendes Manifest gefunden. Bitte mit --manifest den Pfad zur "
            "manifest.json des Builds angeben, aus dem der Entwurf stammt."
        )
    by_mark = {o.mark: o for o in origins}
    order = {o.mark: n for n, o in enumerate(origins)}
    items = _comments(draft, by_mark) + _tracked(draft, by_mark) + _untracked(draft, origins)
    for item in items:
        item.position = order.get(item.mark or "", len(order))
    return sorted(items, key=lambda i: (i.position, i.kind))


def merge(lists: Iterable[list[RevisionItem]]) -> list[RevisionItem]:
    """Several returned copies as one list: equal findings once, with every reviewer and copy."""
    merged: dict[RevisionKey, RevisionItem] = {}
    for items in lists:
        for item in items:
            if item.key in merged:
                known = merged[item.key]
                merged[item.key] = replace(
                    known,
                    authors=list(dict.fromkeys(known.authors + item.authors)),
                    copies=list(dict.fromkeys(known.copies + item.copies)),
                )
            else:
                merged[item.key] = item
    return sorted(merged.values(), key=lambda i: (i.position, i.kind))
