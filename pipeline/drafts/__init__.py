"""Returned drafts: what reviewers commented and changed, and where to make each change.

A Word draft comes back with comments, tracked changes and sometimes plain edits. Every
generated paragraph and table row carries a bookmark (see pipeline/render/provenance.py); the manifest
of the build says what each bookmark held and which YAML field or template line produced it.
This module reads a returned copy and lists each comment and change with its chapter, the old
and new text, who made it and the source location to edit. Several copies merge into one list.

Three steps, a module each: :mod:`.package` opens the Word file within bounds (only a regular
file, no ZIP bomb, no entities, a limit on elements and attributes), :mod:`.word` reads it in
one pass, linear in its size, and :mod:`.builds` finds the build it came from by the identity
the file carries – never the most similar manifest, never one of another municipality. This
module lists the comments and changes and merges the copies.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pipeline.drafts.builds import Manifest, match_build
from pipeline.drafts.word import MAX_ITEMS, Draft, Paragraph, comparable, german_date, too_many
from pipeline.errors import ReviewFailure
from pipeline.formatting import count, number
from pipeline.render.provenance import CELL_SEPARATOR, Origin

#: Word and PDF of the Überarbeitungsliste: typst needs some hundred bytes of memory per
#: character of a long list, so a longer one is written as YAML only.
MAX_PRINTED_ITEMS = 2_000
MAX_PRINTED_CHARACTERS = 200_000

#: What makes two findings the same: bookmark, old and new text, comment – whatever the kind,
#: so an edit tracked in one copy and accepted in another is listed once (review of the drafts).
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
    #: The document of the build it belongs to ('vorlagen/JHA-2026-030_Kreistag.docx').
    document: str = ""
    #: A comment's thread (its own number, a reply's the comment's it answers, plus one), 0 for the
    #: rest: a reply follows its comment, not the next comment on the same block.
    thread: int = 0
    #: The heading it is listed under: its chapter, named with its document where the list holds
    #: points of several ('JHA-2026-030_Kreistag – Beschlussvorschlag'); before a document's first
    #: chapter (a paper's head) 'Anfang' (set by :func:`merge`).
    section: str = ""

    @property
    def key(self) -> RevisionKey:
        return self.document, self.mark, self.old, self.new, self.comment

    @property
    def changed_words(self) -> str:
        """What changed between old and new, word by word, where both are there and the change is
        a part of a longer text: '„aus 2024“ eingefügt' (review of the drafts: in a paragraph of 90
        words the coordinator compared both texts by eye); '' otherwise."""
        if not self.old or not self.new or self.comment or not self.kind.startswith("Änderung"):
            return ""
        return word_changes(self.old, self.new)

    @property
    def tracked(self) -> bool:
        """Recorded by Word with its author and date, not found by comparing with the build."""
        return self.kind.endswith("(nachverfolgt)")

    def as_yaml(self) -> dict[str, Any]:
        data = {
            "art": self.kind,
            "geaendert": self.changed_words,
            "kapitel": self.chapter,
            "von": ", ".join(self.authors),
            "datum": self.date,
            "kommentar": self.comment,
            "alt": self.old,
            "neu": self.new,
            "quelle": self.source,
            "marke": self.mark,
            "dokument": self.document,
            "exemplare": self.copies,
        }
        return {k: v for k, v in data.items() if v not in (None, "", [])}


def word_changes(old: str, new: str) -> str:
    """The words changed from `old` to `new`, each change as the reader says it: '„aus 2024“
    eingefügt', '„alle“ gestrichen', '„Verlässliche“ durch „Verständliche und verlässliche“ ersetzt';
    '' where the texts are short (both in view at once) or changed throughout."""
    before, after = old.split(), new.split()
    if max(len(before), len(after)) < MIN_WORDS_FOR_CHANGES:
        return ""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    if matcher.ratio() < MIN_SHARED:
        return ""  # changed throughout: both texts are read whole
    parts = []
    for op, a, b, c, d in matcher.get_opcodes():
        removed, added = " ".join(before[a:b]), " ".join(after[c:d])
        if op == "insert":
            parts.append(f"„{added}“ eingefügt")
        elif op == "delete":
            parts.append(f"„{removed}“ gestrichen")
        elif op == "replace":
            parts.append(f"„{removed}“ durch „{added}“ ersetzt")
    shown = "; ".join(parts)
    return shown if parts and len(shown) <= MAX_CHANGES_SHOWN else ""


#: Texts of fewer words are read whole; a summary of changes longer than this is no help.
MIN_WORDS_FOR_CHANGES = 12
MAX_CHANGES_SHOWN = 300
#: The share of words two texts must have in common for their changes to be named one by one.
MIN_SHARED = 0.5


# --- the review list ----------------------------------------------------------------------------


#: Where a block has no bookmark of the build (review of the drafts: 'Quelle unbekannt (nicht im
#: Manifest)' meant nothing to a coordinator).
NO_SOURCE = "keine Quelle: eine Stelle ohne Textmarke des Builds, etwa das Deckblatt oder ein Bild"


def _source(origin: Origin | None) -> str:
    # (the title page, the logo, a text box: nothing the build bookmarked – in words for the reader)
    return origin.where if origin else NO_SOURCE


def _comments(draft: Draft, by_mark: dict[str, Origin]) -> list[RevisionItem]:
    """Each Word comment with the text it is attached to; a reply right after the comment it
    answers, named as the answer to it, without the quote again (review of the drafts: a reply
    stood as a comment of its own, its 'bleibt so' easily taken for a new request)."""
    items = []
    authors = {comment.number: comment.author for comment in draft.comments}
    for comment in draft.comments:
        thread = comment.parent if comment.parent is not None else comment.number
        paragraph = draft.ranges.anchors.get(thread)
        mark = draft.mark_of.get(paragraph.number) if paragraph is not None else None
        origin = by_mark.get(mark) if mark else None
        if origin is None and paragraph is not None:
            # on a picture, which has no bookmark of its own: the caption under it
            origin = _caption_after(draft, paragraph, by_mark)
            mark = origin.mark if origin else mark
        done = " (als erledigt markiert)" if comment.done else ""
        if comment.parent is None:
            kind, quote, text = f"Kommentar{done}", draft.ranges.quoted(comment.number), comment.text
            if not quote and origin is not None and origin.kind == "Abbildungstitel":
                quote = f"Bild: „{origin.text}“"  # a picture has no text to quote: its caption
        else:
            kind, quote = f"{REPLY}{done}", ""
            text = f"Antwort auf den Kommentar von {authors.get(comment.parent, 'unbekannt')}: {comment.text}"
        items.append(
            RevisionItem(
                kind,
                origin.chapter if origin else "",
                quote,
                "",
                _sources_of_range(draft, thread, by_mark) or _source(origin),
                mark,
                text,
                [comment.author],
                comment.date,
                [draft.name],
                thread=thread + 1,
            )
        )
    return items


def _sources_of_range(draft: Draft, comment: int, by_mark: dict[str, Origin]) -> str:
    """The sources of every block a comment's range spans, where it spans more than one (review of
    the drafts: a comment over three paragraphs, asking to merge them, named the first one's
    source only); '' where it lies in one block."""
    first, last = draft.ranges.anchors.get(comment), draft.ranges.last_anchors.get(comment)
    if first is None or last is None or last.number <= first.number:
        return ""
    origins = []
    for paragraph in draft.paragraphs[first.number : last.number + 1]:
        mark = draft.mark_of.get(paragraph.number)
        origin = by_mark.get(mark) if mark else None
        if origin is not None and origin not in origins:
            origins.append(origin)
    if len(origins) < 2:
        return ""
    shown = list(dict.fromkeys(o.where for o in origins[:MAX_RANGE_SOURCES]))
    more = len(origins) - MAX_RANGE_SOURCES
    return " | ".join(shown) + (
        f" | und {count(more, 'weiterer Absatz', 'weitere Absätze', 'ein')}" if more > 0 else ""
    )


#: The blocks of a comment's range named with their source; the rest are counted.
MAX_RANGE_SOURCES = 6


def _caption_after(draft: Draft, paragraph: Paragraph, by_mark: dict[str, Origin]) -> Origin | None:
    """The caption right after a paragraph without bookmark – the picture it names (review of the
    drafts: a comment on a figure came out '[ohne Kapitel]', its source unknown, at the list's
    end); None where the next bookmarked block is no caption."""
    for later in draft.paragraphs[paragraph.number + 1 : paragraph.number + 3]:
        mark = draft.mark_of.get(later.number)
        if mark:
            origin = by_mark.get(mark)
            return origin if origin is not None and origin.kind == "Abbildungstitel" else None
    return None


#: A reply's kind (listed after the comment it answers: :attr:`RevisionItem.thread`).
REPLY = "Kommentar – Antwort"


def _tracked_kind(paragraph: Paragraph) -> str:
    """'Neu', 'Gelöscht' or 'Änderung' with tracking: a paragraph deleted or typed in whole is
    not called a change (review of the drafts: 'Änderung (nachverfolgt)' with 'neu: –')."""
    if paragraph.moved == "hierher" and not paragraph.original:
        return "Verschoben hierher (nachverfolgt)"
    if paragraph.moved == "von hier" and not paragraph.accepted:
        return "Verschoben von hier (nachverfolgt)"
    if not paragraph.original:
        return "Neu (nachverfolgt)"
    return "Gelöscht (nachverfolgt)" if not paragraph.accepted else "Änderung (nachverfolgt)"


def _row_kind(old: str, new: str) -> str:
    """'Zeile gelöscht', 'Zeile eingefügt' or a change, for a table row changed with tracking."""
    if not old.replace(CELL_SEPARATOR.strip(), "").strip():
        return "Zeile eingefügt (nachverfolgt)"
    if not new.replace(CELL_SEPARATOR.strip(), "").strip():
        return "Zeile gelöscht (nachverfolgt)"
    return "Änderung (nachverfolgt)"


def _in_directory(paragraph: Paragraph) -> bool:
    """A line of the table of contents or a list of tables: Word fills them in from the headings."""
    return paragraph.in_field or paragraph.style.startswith(_LIST_STYLES)


def _tracked(draft: Draft, by_mark: dict[str, Origin]) -> list[RevisionItem]:
    """Paragraphs with tracked insertions or deletions: before and after, by whom. The lines of
    the directories Word updated with tracking on make one entry, not one each (review of the
    drafts: 104 entries 'Vorwort' → 'Vorwort 3' after the table of contents was updated, as the
    README asks); a paragraph whose text the changes leave as it was (only its paragraph mark
    was inserted, as Word records a new paragraph after it) is no change."""
    items = []
    before: Origin | None = None
    directory: list[Paragraph] = []
    rows_done: set[int] = set()
    for paragraph in draft.paragraphs:
        mark = draft.mark_of.get(paragraph.number)
        origin = by_mark.get(mark) if mark else None
        if paragraph.changes and _in_directory(paragraph) and not origin:
            directory.append(paragraph)
            continue
        if not paragraph.changes or paragraph.original == paragraph.accepted:
            before = origin or before
            continue
        row = paragraph.row
        if row is not None and id(row) in rows_done:
            continue
        # a table row once, with all its cells, as the build and an accepted copy compare it (review
        # of the drafts: a row deleted with tracking came as one entry per cell, and an edited cell
        # did not merge with the same edit accepted in another copy)
        changed = draft.row_paragraphs(row) if row is not None else [paragraph]
        if row is not None:
            rows_done.add(id(row))
        old_text, new_text = (
            (draft.row_text(row), draft.row_text(row, accepted=True))
            if row is not None
            else (paragraph.original, paragraph.accepted)
        )
        authors, date = _who_and_when(change for p in changed for change in p.changes)
        # a paragraph inserted with tracking has no bookmark: placed after the block before it,
        # not '[ohne Kapitel]' (review of the drafts)
        placed = origin or before
        source = _source(origin) if origin or before is None else _after(before)
        items.append(
            RevisionItem(
                _row_kind(old_text, new_text) if row is not None else _tracked_kind(paragraph),
                placed.chapter if placed else "",
                old_text,
                new_text,
                source,
                mark or (before.mark if before else None),
                None,
                authors,
                date,
                [draft.name],
            )
        )
        before = origin or before
    if directory:
        authors, date = _who_and_when(change for p in directory for change in p.changes)
        items.append(
            RevisionItem(
                DIRECTORIES,
                "",
                "",
                f"{count(len(directory), 'Zeile', 'Zeilen', 'eine')} der Verzeichnisse mit Nachverfolgung neu "
                "eingefügt oder gelöscht (Inhalts-, Tabellen- oder Abbildungsverzeichnis)",
                "nichts zu übernehmen: Word füllt die Verzeichnisse aus den Überschriften; die Änderungen dort annehmen",
                None,
                None,
                authors,
                date,
                [draft.name],
            )
        )
    return items


def _who_and_when(changes: Iterable[tuple[str, str]]) -> tuple[list[str], str | None]:
    """The authors of tracked changes (author, date stamp), each once, and the latest day."""
    listed = list(changes)
    dates = sorted(stamp for _, stamp in listed if german_date(stamp))
    return list(dict.fromkeys(author for author, _ in listed)), german_date(dates[-1]) if dates else None


#: The one entry for all lines of the directories Word updated with tracking on.
DIRECTORIES = "Verzeichnisse aktualisiert (nachverfolgt)"


def _untracked(draft: Draft, origins: list[Origin]) -> list[RevisionItem]:
    """Blocks edited without tracking, or deleted, found by comparing with the build."""
    marked = draft.marked()
    items = []
    for origin in origins:
        if origin.mark in marked:
            kind, (generated, current) = "Änderung", comparable(draft, origin, marked[origin.mark])
        else:
            kind, generated, current = "Gelöscht", origin.text, ""
        if origin.mark not in marked or generated != current:
            items.append(
                RevisionItem(
                    f"{kind} (ohne Nachverfolgung)",
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


def _moved(draft: Draft, origins: list[Origin], by_mark: dict[str, Origin]) -> list[RevisionItem]:
    """Blocks cut and pasted elsewhere without tracking: Word carries their bookmarks along, so
    they stand out of the build's order. The longest run of bookmarks still in order stays; each
    other one is listed where it stands now (review of the drafts: such a move was not reported)."""
    order = {o.mark: n for n, o in enumerate(origins)}
    sequence: list[tuple[int, str, Origin | None]] = []  # (build order, mark, block before it now)
    before: Origin | None = None
    seen: set[str] = set()  # a table row's mark stands at each of its cells
    for paragraph in draft.paragraphs:
        mark = draft.mark_of.get(paragraph.number)
        if mark in order and mark not in seen and not paragraph.changes and not paragraph.in_form:
            seen.add(mark)
            sequence.append((order[mark], mark, before))
        if mark in by_mark:
            before = by_mark[mark]
    kept = _in_order(sequence)
    items = []
    for position, (_, mark, now_after) in enumerate(sequence):
        if position in kept:
            continue
        origin = by_mark[mark]
        where = f"jetzt nach „{_short(now_after.text)}“ ({now_after.chapter})" if now_after else "jetzt am Anfang"
        items.append(
            RevisionItem(
                "Verschoben (ohne Nachverfolgung)",
                origin.chapter,
                origin.text,
                where,
                _source(origin),
                mark,
                None,
                [draft.editor],
                None,
                [draft.name],
            )
        )
    return items


def _in_order(sequence: list[tuple[int, str, Origin | None]]) -> set[int]:
    """The positions of the longest run of `sequence` increasing in build order (patience sort)."""
    tails: list[int] = []  # position ending the best run of each length
    previous: list[int] = [-1] * len(sequence)
    for position, (rank, _, _) in enumerate(sequence):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if sequence[tails[middle]][0] < rank:
                low = middle + 1
            else:
                high = middle
        previous[position] = tails[low - 1] if low else -1
        if low == len(tails):
            tails.append(position)
        else:
            tails[low] = position
    kept, at = set(), tails[-1] if tails else -1
    while at >= 0:
        kept.add(at)
        at = previous[at]
    return kept


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:59] + "…"


#: Styles of the generated lists Word fills in when its fields are updated (English and German
#: style ids): their lines are no one's new text.
_LIST_STYLES = ("TOC", "Verzeichnis", "TableofFigures", "Abbildungsverzeichnis", "Inhaltsverzeichnis")


def _added(draft: Draft, by_mark: dict[str, Origin]) -> list[RevisionItem]:
    """Paragraphs typed in without tracking: text without any of the build's bookmarks, after
    the first of them, outside tables and the fields Word fills in (a new chapter, a paragraph
    added to the Vorwort – review read them as nothing changed). Each is placed after the
    generated block before it, whose source is where the text can go."""
    items: list[RevisionItem] = []
    before: Origin | None = None
    started = False
    beyond = 1  # the last listed one, once it counts the rest
    for paragraph in draft.paragraphs:
        mark = draft.mark_of.get(paragraph.number)
        if mark:
            started, before = True, by_mark.get(mark, before)
            continue
        text = paragraph.original
        if (
            not started
            or not text
            or paragraph.changes
            or paragraph.row is not None
            or paragraph.in_field
            or paragraph.style.startswith(_LIST_STYLES)
        ):
            continue
        if len(items) == MAX_NEW:
            beyond += 1
            items[-1] = replace(
                items[-1],
                kind=MORE_NEW,
                old="",
                new=f"{number(beyond)} weitere neue Absätze, nicht einzeln aufgeführt",
            )
            continue
        where = _after(before) if before else "neu"
        items.append(
            RevisionItem(
                "Neu (ohne Nachverfolgung)",
                before.chapter if before else "",
                "",
                text,
                where,
                before.mark if before else None,
                None,
                [draft.editor],
                None,
                [draft.name],
            )
        )
    return items


#: New paragraphs listed one by one; the last entry counts the rest instead (a pasted document).
MAX_NEW = 200
MORE_NEW = "Neu (ohne Nachverfolgung, zusammengefasst)"


def _after(before: Origin) -> str:
    """Where new text goes: after the generated block before it, whose source is named."""
    return f"neu nach „{_short(before.text)}“ – {before.where}"


@dataclass
class DraftReview:
    """What one returned copy holds, and what the reader should know about how it was read."""

    items: list[RevisionItem]
    notes: list[str] = field(default_factory=list)
    manifest: Manifest | None = None


def read_draft(path: Path, manifest: Path | None = None) -> DraftReview:
    """One returned copy: its comments and changes, each with where to make it."""
    draft = Draft.read(path)
    if len(draft.comments) + sum(1 for p in draft.paragraphs if p.changes) > MAX_ITEMS:
        raise too_many(str(path))
    match = match_build(draft, path, manifest)
    origins = match.origins
    by_mark = {o.mark: o for o in origins}
    order = {o.mark: n for n, o in enumerate(origins)}
    items = (
        _comments(draft, by_mark)
        + _tracked(draft, by_mark)
        + _untracked(draft, origins)
        + _moved(draft, origins, by_mark)
        + _added(draft, by_mark)
    )
    for item in items:
        item.position = order.get(item.mark or "", len(order))
        item.document = match.document
    return DraftReview(sorted(items, key=lambda i: (i.position, i.thread, i.kind)), match.notes, match.manifest)


def merge(lists: Iterable[list[RevisionItem]]) -> list[RevisionItem]:
    """Several returned copies as one list: equal findings once, with every reviewer and copy."""
    merged: dict[RevisionKey, RevisionItem] = {}
    for items in lists:
        for item in items:
            if item.key in merged:
                known = merged[item.key]
                # the tracked one keeps its kind, author and date: the accepted copy's editor is only
                # who saved it last
                first, second = (item, known) if item.tracked and not known.tracked else (known, item)
                merged[item.key] = replace(
                    first,
                    authors=list(dict.fromkeys(first.authors + second.authors)),
                    copies=list(dict.fromkeys(known.copies + item.copies)),
                )
            else:
                merged[item.key] = item
    # each document's points together, in the order the drafts were given (review of the drafts: a
    # concept and a paper read together were interleaved by bookmark number)
    documents = {
        document: rank for rank, document in enumerate(dict.fromkeys(i.document for i in merged.values()))
    }
    ordered = sorted(merged.values(), key=lambda i: (documents[i.document], i.position, i.thread, i.kind))
    several = len(documents) > 1
    return [replace(item, section=_heading(item.document, item.chapter, several)) for item in ordered]


def _heading(document: str, chapter: str, several: bool) -> str:
    if not several:
        return chapter or "Ohne Kapitel"
    return f"{Path(document).stem} – {chapter or 'Anfang'}"


@dataclass
class Reviewed:
    """The merged list of all copies that could be read, the notes on how each was matched, the
    copies read, and why the others could not be."""

    items: list[RevisionItem]
    notes: list[str]
    read: list[Path]
    failures: list[str]
    #: The builds the drafts were compared with, each once.
    manifests: list[Manifest] = field(default_factory=list)


def review_drafts(paths: Iterable[Path], manifest: Path | None = None) -> Reviewed:
    """Every copy read and merged into one list. A copy that cannot be read (a PDF, another
    build's draft) is reported and the others are still listed (review of the drafts: one PDF
    among five drafts stopped the run, nothing was written); a copy given twice is read once.
    Only when no copy can be read is that the error."""
    reviews: list[DraftReview] = []
    read: list[Path] = []
    failures: list[str] = []
    notes: list[str] = []
    seen: set[Path] = set()
    for path in paths:
        same = path.resolve()
        if same in seen:
            notes.append(f"{path}: zweimal angegeben, einmal ausgewertet.")
            continue
        seen.add(same)
        try:
            reviews.append(read_draft(path, manifest))
        except ReviewFailure as failure:
            failures.append(str(failure))
            continue
        read.append(path)
    if not reviews:
        raise ReviewFailure("\n".join(failures))
    notes = [note for r in reviews for note in r.notes] + notes
    manifests = list({r.manifest.path: r.manifest for r in reviews if r.manifest is not None}.values())
    return Reviewed(merge(r.items for r in reviews), notes, read, failures, manifests)


def too_long_to_print(items: list[RevisionItem]) -> str | None:
    """Why the list is too long for Word and PDF (see MAX_PRINTED_ITEMS), or None."""
    characters = sum(len(i.old) + len(i.new) + len(i.comment or "") for i in items)
    if len(items) <= MAX_PRINTED_ITEMS and characters <= MAX_PRINTED_CHARACTERS:
        return None
    return (
        f"Die Überarbeitungsliste ist mit {number(len(items))} Punkten und {number(characters)} Zeichen zu lang "
        f"für Word und PDF (höchstens {number(MAX_PRINTED_ITEMS)} Punkte und {number(MAX_PRINTED_CHARACTERS)} "
        "Zeichen); geschrieben wird nur die YAML-Datei."
    )
