"""Where every paragraph and table row of a document came from, so review comments lead back
to the YAML field or the template line to edit.

Two sources are combined. Templates are read with a small Jinja extension that writes the
template's name and line into each block tag (``<p data-quelle="konzept/06_massnahmen.html.j2:12">``);
user text is found by looking up the YAML strings a block contains. For the Word file, each block
gets a bookmark (``gk0001`` …) that survives editing in Word; the manifest lists what each
bookmark held and where it came from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import lxml.html
from jinja2.ext import Extension
from lxml.html import HtmlElement

from pipeline.findings import Path_, format_path
from pipeline.formatting import german_date
from pipeline.model.types import german_full_date
from pipeline.render.fragments import fragment, new_element

if TYPE_CHECKING:
    from pipeline.load import LoadedInputs
    from pipeline.load.yaml_source import SourceFile

#: Block elements that get a source and, in Word, a bookmark.
BLOCKS = ("p", "li", "tr", "h1", "h2", "h3", "caption", "figcaption", "dt")
BLOCK_TAG = re.compile(r"<(p|li|tr|h[1-3]|caption|figcaption|dt)(?=[\s>])")
ATTRIBUTE = "data-quelle"
KINDS = {
    "p": "Absatz",
    "li": "Listenpunkt",
    "tr": "Tabellenzeile",
    "h1": "Überschrift",
    "h2": "Überschrift",
    "h3": "Überschrift",
    "caption": "Tabellentitel",
    "figcaption": "Abbildungstitel",
    "dt": "Begriff",
}
#: Elements inside a block that start a block of their own (and a bookmark of their own).
NESTED_BLOCKS = {"ul", "ol", "p", "div", "table", "figure", "blockquote", "h1", "h2", "h3", "h4"}
#: YAML strings shorter than this are too common ('laufend', 'ja') to name a source.
MIN_MATCH = 8
MAX_SOURCES = 3


def _with_source(where: str) -> Callable[[re.Match[str]], str]:
    """A replacement for re.sub that writes `where` into the matched block tag."""
    return lambda m: f'{m.group(0)} {ATTRIBUTE}="{where}"'


class SourceLines(Extension):
    """Marks each block tag in a template with the template's name and line."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        if not name:
            return source
        return "".join(
            BLOCK_TAG.sub(_with_source(f"{name}:{number}"), line)
            for number, line in enumerate(source.splitlines(keepends=True), start=1)
        )


def normalized(text: str) -> str:
    return " ".join(text.split())


#: Cells of a table row are joined like this in the manifest and when reading Word files back.
CELL_SEPARATOR = " | "


def block_text(element: HtmlElement) -> str:
    """A block's text as Word will show it: line breaks as spaces, table cells separated."""
    if element.tag == "tr":
        return CELL_SEPARATOR.join(block_text(cell) for cell in element if cell.tag in ("td", "th"))
    for br in element.iter("br"):
        br.tail = " " + (br.tail or "")
    return normalized(element.text_content())


@dataclass(frozen=True)
class InputLocation:
    file: str
    field: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}"


@dataclass
class Origin:
    """One bookmarked block: its text as generated and where it came from."""

    mark: str
    kind: str
    chapter: str
    text: str
    template: str | None = None
    inputs: list[InputLocation] = field(default_factory=list)
    #: The inputs make up the block's text: the template only placed them.
    inputs_only: bool = False

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"marke": self.mark, "art": self.kind, "kapitel": self.chapter, "text": self.text}
        if self.template:
            data["dokumentvorlage"] = self.template
        if self.inputs:
            data["eingaben"] = [{"datei": i.file, "feld": i.field, "zeile": i.line} for i in self.inputs]
        if self.inputs_only:
            data["nur_eingaben"] = True
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Origin:
        return cls(
            data["marke"],
            data["art"],
            data["kapitel"],
            data["text"],
            data.get("dokumentvorlage", data.get("vorlage")),  # "vorlage" in manifests before 0.2
            [InputLocation(i["datei"], i["feld"], i["zeile"]) for i in data.get("eingaben", [])],
            bool(data.get("nur_eingaben", False)),
        )

    @property
    def where(self) -> str:
        """The place to edit: the YAML fields where they make up the block, else the template line
        that wrote it with the fields it holds – a YAML value found in a sentence of the template
        may be only a name in it (review of the drafts: a comment on a template's caption led to
        an indicator's unit alone)."""
        template = f"templates/{self.template}" if self.template else ""
        if self.inputs:
            fields = "; ".join(str(i) for i in self.inputs)
            # the template first where it wrote most of the block: a caption of the template naming
            # an indicator's unit led to the unit first (re-check of the review of the drafts)
            return f"{template} (darin: {fields})" if template and not self.inputs_only else fields
        return template or "erzeugt (Summe oder Zählung)"


@dataclass(frozen=True)
class _Prefixes:
    """Strings of the index that begin alike (their first `known` characters), told apart by
    the characters after: many inputs begin with 'Familien…' or an id's 'familien', and checking
    each of them at every such word took seconds in a concept of 500 measures."""

    known: int
    short: frozenset[str]
    #: The lengths of the strings in `short`: each is looked up by the text's slice of its length,
    #: not compared one by one (5,000 measures' titles alike in their first characters made that
    #: quadratic).
    lengths: tuple[int, ...]
    longer: dict[str, _Prefixes]

    def collect(self, text: str, at: int, found: set[str]) -> None:
        """Add those that stand in `text` at `at` as whole words: 'Landkreis' (a municipality's
        kind) is not in 'Die Landkreise und kreisfreien Städte …' (review of the drafts: a legal
        paragraph of a template was credited to 'kommune.art')."""
        for length in self.lengths:
            candidate = text[at : at + length]
            if candidate in self.short and _ends_a_word(text, at + length):
                found.add(candidate)
        if self.longer:
            deeper = self.longer.get(text[at : at + 2 * self.known])
            if deeper is not None:
                deeper.collect(text, at, found)


def _ends_a_word(text: str, end: int) -> bool:
    """Whether a match ending before `end` ends a word of `text` (or ends with a sign)."""
    return end >= len(text) or not (text[end].isalnum() and text[end - 1].isalnum())


def _as_words(string: str, text: str) -> bool:
    """Whether `string` stands in `text` beginning and ending words (as :class:`TextIndex` finds it)."""
    at = text.find(string)
    while at >= 0:
        starts = at == 0 or not (text[at - 1].isalnum() and text[at].isalnum())
        if starts and _ends_a_word(text, at + len(string)):
            return True
        at = text.find(string, at + 1)
    return False


#: Strings that begin alike and are simply each compared.
_FEW = 8


def _prefixes(strings: list[str], known: int) -> _Prefixes:
    """`strings` (all alike in their first `known` characters) grouped by twice as many."""
    if len(strings) <= _FEW:
        return _Prefixes(known, frozenset(strings), _lengths(strings), {})
    step = 2 * known
    groups: dict[str, list[str]] = {}
    for string in strings:
        if len(string) >= step:
            groups.setdefault(string[:step], []).append(string)
    short = [string for string in strings if len(string) < step]
    longer = {start: _prefixes(group, step) for start, group in groups.items()}
    return _Prefixes(known, frozenset(short), _lengths(short), longer)


def _lengths(strings: list[str]) -> tuple[int, ...]:
    return tuple(sorted({len(string) for string in strings}))


class TextIndex(dict[str, list[InputLocation]]):
    """Every longer string of the inputs (whitespace normalized) → where it is written; finds the
    strings a block contains by their first characters, so the cost grows with the text, not
    with text times strings."""

    @cached_property
    def by_start(self) -> dict[str, _Prefixes]:
        starts: dict[str, list[str]] = {}
        for string in self:
            starts.setdefault(string[:MIN_MATCH], []).append(string)
        return {start: _prefixes(strings, MIN_MATCH) for start, strings in starts.items()}

    def within(self, text: str) -> list[str]:
        """The strings of the index that occur in `text`, each once. A string of the inputs
        begins a word of the text (or with a sign, like '„'), so only those places are looked at,
        not every character."""
        starts = self.by_start
        found: set[str] = set()
        for i in _word_starts(text):
            group = starts.get(text[i : i + MIN_MATCH])
            if group is not None:
                group.collect(text, i, found)
        return sorted(found, key=self.order.__getitem__)  # in the index's order, as before

    @cached_property
    def order(self) -> dict[str, int]:
        return {string: number for number, string in enumerate(self)}

    def records(self, string: str) -> dict[tuple[str, str], InputLocation]:
        """The records a string's places lie in (:func:`_records`), worked out once per string:
        a value written in thousands of places is looked up, not compared with each."""
        known = self._records.get(string)
        if known is None:
            known = self._records[string] = _records(self[string])
        return known

    @cached_property
    def _records(self) -> dict[str, dict[tuple[str, str], InputLocation]]:
        return {}

    def places_in(self, string: str, file: str) -> list[InputLocation]:
        """A string's places in one file, worked out once per string and file (a paper's blocks ask
        for their own file's places of every value they hold)."""
        key = (string, file)
        known = self._in_file.get(key)
        if known is None:
            known = self._in_file[key] = [place for place in self[string] if place.file == file]
        return known

    @cached_property
    def _in_file(self) -> dict[tuple[str, str], list[InputLocation]]:
        return {}

    def sources(self, text: str, own_file: str) -> tuple[list[InputLocation], bool]:
        """:func:`_inputs_in` for a block, worked out once per text and file: the same rows and
        sentences stand in the concept, its web page and the papers (half the blocks of a concept
        of 500 measures)."""
        key = (text, own_file)
        known = self._sources.get(key)
        if known is None:
            known = self._sources[key] = _inputs_in(text, self, own_file)
        return list(known[0]), known[1]

    @cached_property
    def _sources(self) -> dict[tuple[str, str], tuple[list[InputLocation], bool]]:
        return {}


#: Where a word or a sign begins: no letter or digit just before, or none here.
_WORD_START = re.compile(r"(?<!\w)|(?=\W)")


def _word_starts(text: str) -> list[int]:
    return [m.start() for m in _WORD_START.finditer(text, 0, max(0, len(text) - MIN_MATCH + 1))]


def text_index(loaded: LoadedInputs) -> TextIndex:
    """Every longer string of the inputs (whitespace normalized) → where it is written."""
    index = TextIndex()

    def walk(file: str, node: Any, path: Path_, source: SourceFile) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(file, value, path + (key,), source)
        elif isinstance(node, list):
            for number, value in enumerate(node):
                walk(file, value, path + (number,), source)
        elif isinstance(node, dt.date):
            # a date as the documents print it: a table row of dates is found at its record (review
            # of the drafts: a changed date in the Beratungsfolge led to another row's fields)
            index.setdefault(german_date(node), []).append(
                InputLocation(file, format_path(path), source.locate(path)[0])
            )
        elif isinstance(node, str) and (as_date := german_full_date(node)) is not None:
            walk(file, as_date, path, source)  # '1.3.2027' stands in the documents as 01.03.2027 (diff review)
        elif isinstance(node, str) and len(normalized(node)) >= MIN_MATCH:
            line = source.locate(path)[0]
            index.setdefault(normalized(node), []).append(InputLocation(file, format_path(path), line))
            # a text of several paragraphs (a foreword) stands in Word as several: each is found
            # by itself, or its paragraphs were credited to a name they happen to contain
            paragraphs = [part for part in re.split(r"\n\s*\n", node) if len(normalized(part)) >= MIN_MATCH]
            if len(paragraphs) > 1:
                offset = 0
                for part in paragraphs:
                    start = node.index(part, offset)
                    offset = start + len(part)
                    where = InputLocation(file, format_path(path), line + node.count("\n", 0, start))
                    index.setdefault(normalized(part), []).append(where)

    for name, source in loaded.files.items():
        walk(name, source.data, (), source)
    return index


def _inputs_in(
    text: str, index: dict[str, list[InputLocation]], own_file: str = ""
) -> tuple[list[InputLocation], bool]:
    """The YAML places whose text the block contains, longest first, none inside another; and
    whether they make up (nearly) all of it – then no template line is worth naming beside them.
    A value written in several places is credited to the one nearest the block's other values,
    or in the document's own file (:func:`_nearest`)."""
    within = index.within(text) if isinstance(index, TextIndex) else [s for s in index if _as_words(s, text)]
    # longest first, none inside another; of those the document's own fields first (a paper's row
    # of its Beratungsfolge is its own), at most MAX_SOURCES
    found = sorted(within, key=len, reverse=True)
    # each value's places in the document's own file, looked up once for the three uses below
    own = {string: _places_in(index, string, own_file) for string in found}
    kept = _outermost(found, own)
    covered = bool(kept) and sum(len(s) for s in kept) >= COVERED * len(text)
    # the places of all values the block holds, those with fewest places first (in the document's own
    # file, where it has one): each is taken nearest the ones placed before it (a row's date places
    # the row, its role then follows)
    placed: dict[str, InputLocation] = {}
    context: list[InputLocation] = []
    for string in sorted(found, key=lambda s: (len(own[s]) or len(index[s]), len(index[s]))):
        place = _nearest(string, index, context, own_file, own[string])
        placed[string] = place
        context.append(place)
    return [placed[s] for s in kept], covered


def _outermost(found: list[str], own: dict[str, list[InputLocation]]) -> list[str]:
    """Of a block's values (`found`, longest first), those named as its sources: none inside
    another, the ones in the document's own file first, at most MAX_SOURCES. It stops as soon as no
    later value could change the choice: a block naming thousands of values (a row listing every
    measure) compared each with all the longer ones before it, a third of the bookmarking of a
    concept of 5,000 measures."""
    own_to_come = sum(1 for string in found if own[string])
    whole: list[str] = []
    own_whole = 0
    for candidate in found:
        is_own = bool(own[candidate])
        if not any(candidate in longer for longer in whole):
            whole.append(candidate)
            own_whole += is_own
        own_to_come -= is_own
        if own_whole >= MAX_SOURCES or (own_to_come == 0 and len(whole) >= MAX_SOURCES):
            break
    return sorted(whole, key=lambda string: not own[string])[:MAX_SOURCES]


def _places_in(index: dict[str, list[InputLocation]], string: str, file: str) -> list[InputLocation]:
    """A value's places in one file ([] without a file)."""
    if not file:
        return []
    if isinstance(index, TextIndex):
        return index.places_in(string, file)
    return [place for place in index[string] if place.file == file]


def _nearest(
    string: str,
    index: dict[str, list[InputLocation]],
    context: list[InputLocation],
    own_file: str,
    own: list[InputLocation],
) -> InputLocation:
    """Of the places a value is written in, the one in the same record as a value of the block
    placed before ('vorlage.beratungsfolge[1].rolle' beside '….beratungsfolge[1].datum'), else one
    in the document's own file (a paper's number is its 'vorlage.nummer', not the concept's
    'beschluss'), else the first (review of the drafts: the first place a value stood in the
    inputs won, another record or another paper)."""
    places = index[string]
    if len(places) == 1:
        return places[0]
    records = index.records(string) if isinstance(index, TextIndex) else _records(places)

    def beside(others: Iterable[InputLocation]) -> InputLocation | None:
        for other in others:
            for record in _record_keys(other):
                if record in records:
                    return records[record]
        return None

    if own:  # the document's own file first: its record beside another value there, else its first
        return beside(c for c in context if c.file == own_file) or own[0]
    return beside(context) or places[0]


def _record_keys(place: InputLocation) -> list[tuple[str, str]]:
    """The records a place lies in, innermost first: ('vorlagen/….yaml', 'vorlage.beratungsfolge[1]'),
    then the records around it."""
    ends = [m.end() for m in _LIST_INDEX.finditer(place.field)]
    return [(place.file, place.field[:end]) for end in reversed(ends)]


def _records(places: list[InputLocation]) -> dict[tuple[str, str], InputLocation]:
    """Each record the places lie in → the first place in it."""
    found: dict[tuple[str, str], InputLocation] = {}
    for place in places:
        for record in _record_keys(place):
            found.setdefault(record, place)
    return found


#: A list index in a field's path as format_path writes it ('[1]').
_LIST_INDEX = re.compile(r"\[\d+\]")


#: The share of a block's text its YAML strings must make up for the block to be theirs alone.
COVERED = 0.9


def _wrap_inline(target: HtmlElement, mark: str) -> HtmlElement | None:
    """Put the block's own inline content (up to a nested list or paragraph, which get their
    own bookmarks) into a bookmark span; None if there is no such content."""
    leading: list[HtmlElement] = []
    for child in target:
        if child.tag in NESTED_BLOCKS:
            break
        leading.append(child)
    if not (target.text or "").strip() and not any(normalized(c.text_content() + (c.tail or "")) for c in leading):
        return None
    span = new_element("span", {"id": mark})
    span.text, target.text = target.text, None
    for child in leading:
        span.append(child)
    target.insert(0, span)
    return span


def bookmark(
    html: str, index: dict[str, list[InputLocation]], prefix: str = "gk", own_file: str = ""
) -> tuple[str, list[Origin]]:
    """The HTML with a bookmark span in every block, and the origin of each block; `own_file` the
    inputs file the document is about (a paper's), whose places come first among equals."""
    root = fragment(html)
    origins: list[Origin] = []
    chapter = ""
    for element in list(root.iter(*BLOCKS)):
        parent = element.getparent()
        if element.tag == "p" and parent is not None and parent.tag in ("td", "th"):
            continue  # counted with the table row around it
        mark = f"{prefix}{len(origins) + 1:04d}"
        target = element.find("td") if element.tag == "tr" else element
        if target is None:
            target = element.find("th")
        span = _wrap_inline(target, mark)
        if span is None:
            continue
        text = block_text(element if element.tag == "tr" else span)
        if element.tag == "dt":  # a term and its description stand in one paragraph in Word
            described = element.getnext()
            if described is not None and described.tag == "dd":
                text = normalized(f"{text} {block_text(described)}")
        if element.tag == "h1":
            chapter = text
        inputs, covered = (
            index.sources(text, own_file) if isinstance(index, TextIndex) else _inputs_in(text, index, own_file)
        )
        origins.append(Origin(mark, KINDS[element.tag], chapter, text, element.get(ATTRIBUTE), inputs, covered))
    inner = (root.text or "") + "".join(lxml.html.tostring(child, encoding="unicode") for child in root)
    return inner, origins
