"""Strict YAML: one file's bytes into plain data that remembers where every value stands.

Every value keeps the line and column it came from, so later stages can point users at the exact
spot (``massnahmen.yaml:48:7``). Only plain YAML is accepted: PyYAML's safe loader without
explicit tags or aliases, bounded in size and depth, and duplicate keys are reported instead of
silently overwritten. Nothing here raises for a user's mistake: problems are returned.

A number with one dot before exactly three digits (``80.400``) stays the text it is: YAML would
read the float 80.4, but a German reader means eighty thousand four hundred. As text it fails
where a number is expected, and the message says how to write it (``80400``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml

from pipeline.findings import Finding, Place

Path_ = tuple[str | int, ...]

MAX_FILE_BYTES = 2 * 1024 * 1024
#: Far deeper than any input file needs (the deepest value sits at level six).
MAX_DEPTH = 30
STR_TAG = "tag:yaml.org,2002:str"
FLOAT_TAG = "tag:yaml.org,2002:float"
#: '80.400', '1.500': thousands with a German dot, which YAML would read as 80.4 and 1.5.
GERMAN_THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}\.\d{3}")
INT_TAG = "tag:yaml.org,2002:int"
#: Where a comma inside a value split an entry written in braces (a new user in NRW: '{bezeichnung:
#: Stelle (1,0 VZÄ), …}' and 'betrag: 195.500,00' gave fields '0 VZÄ)' and '00').
FLOW_COMMA = (
    "trennt jedes Komma zwei Felder – ein Text mit Komma gehört dort in Anführungszeichen "
    '(bezeichnung: "Stelle (1,0 VZÄ)"), ein Betrag ohne Komma (195500.00)'
)
#: An integer as people write it. YAML 1.1 reads more as numbers: '0750' as octal 488, '0x10' as
#: 16, '1_000', '1:30' (base 60) as 90 – a Betrag 0750 became 488 € and a phone number 01234567
#: another number (review with hostile input); those stay text, as written.
PLAIN_INTEGER = re.compile(r"[+-]?(?:0|[1-9]\d*)")


#: A plain scalar as a number is written: up to a space, comma, bracket or comment.
_PLAIN_TOKEN = re.compile(r"[^\s,\]}#]+")


def kept_as_text(tag: str, value: str) -> bool:
    """Whether a plain scalar YAML would read as a number stays the text the user wrote: German
    thousands ('80.400'), and numbers in notations nobody means in these files (octal, hex,
    base 60, with underscores)."""
    if tag == FLOAT_TAG:
        return bool(GERMAN_THOUSANDS.fullmatch(value)) or "_" in value or ":" in value
    return tag == INT_TAG and not PLAIN_INTEGER.fullmatch(value)


@dataclass
class SourceFile:
    """One parsed YAML file: its data and where each value and key stands in the text."""

    name: str
    data: Any
    value_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    text: str = ""

    def locate(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Line and column for a path, falling back to the nearest enclosing value."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        probe = tuple(path)
        while probe:
            if probe in self.value_positions:
                return self.value_positions[probe]
            probe = probe[:-1]
        return self.value_positions.get((), (1, 1))

    def written(self, path: Path_) -> str | None:
        """The plain scalar at `path` as the file writes it ('4530.4140', which YAML reads as the
        number 4530.414); None where the value is not a plain token at its place."""
        if path not in self.value_positions:
            return None
        line, column = self.value_positions[path]
        lines = self.text.splitlines()
        if line > len(lines):
            return None
        found = _PLAIN_TOKEN.match(lines[line - 1], column - 1)
        return found[0] if found else None

    def locate_within(self, path: Path_, needle: str) -> tuple[int, int]:
        """Line and column of `needle` inside the value at `path` – e.g. one character of a long
        text – or of the value itself where the file writes it otherwise (an escape such as
        "\\u202e" in double quotes)."""
        start = self.locate(path)
        if not needle or path not in self.value_positions:
            return start
        lines = self.text.splitlines(keepends=True)
        offset = sum(len(line) for line in lines[: start[0] - 1]) + start[1] - 1
        later = [p for p in (*self.value_positions.values(), *self.key_positions.values()) if p > start]
        end = len(self.text)
        if later:
            line, column = min(later)
            end = sum(len(text) for text in lines[: line - 1]) + column - 1
        found = self.text.find(needle, offset, end)
        if found < 0:
            return start
        before = self.text[:found]
        return before.count("\n") + 1, found - (before.rfind("\n") + 1) + 1


def _problem(name: str, line: int, column: int, message: str) -> Finding:
    return Finding(Place(name, (), line, column), message)


def _position(node: yaml.Node | yaml.Event) -> tuple[int, int]:
    mark = node.start_mark
    assert mark is not None  # the parser marks every event and node it makes
    return mark.line + 1, mark.column + 1


class Refused(Exception):
    """Something plain YAML data never needs (aliases, tags, deep nesting, odd keys)."""

    def __init__(self, where: yaml.Node | yaml.Event, reason: str):
        super().__init__(reason)
        self.position = _position(where)
        self.reason = reason


def _shown_tag(tag: str) -> str:
    """'tag:yaml.org,2002:python/object' → '!!python/object', as the user wrote it."""
    return tag.replace("tag:yaml.org,2002:", "!!", 1)


_NO_ANCHORS = "Verweise mit '&' und '*' (YAML-Anker) sind nicht erlaubt"


class _Strict(yaml.composer.Composer):
    """Composing that refuses aliases and explicit tags, mixed into a loader below.

    Refusing them before anything is built means an alias bomb ("billion laughs") costs no
    more than its own few lines, and no tag can ask for a Python object. Nesting is bounded so
    a file of ten thousand '[' cannot exhaust the interpreter's stack.
    """

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        # PyYAML passes a key node or None as `index` too; the stubs (and so this override) say int.
        peek_event: Callable[[], yaml.Event] = self.peek_event  # type: ignore[attr-defined]  # the parser's
        event = peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise Refused(event, f"{_NO_ANCHORS}; bitte den Wert ausschreiben")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            # 'titel: &Co Elterncafé' printed „Elterncafé“: '&Co' was taken for an anchor (re-check)
            raise Refused(
                event,
                f"'&{anchor}' ist für YAML ein Anker, kein Text; {_NO_ANCHORS}. Ein Wert, der mit '&' beginnt, "
                "bitte in Anführungszeichen setzen",
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            raise Refused(
                event, f"Sonder-Tags wie '{_shown_tag(tag)}' sind nicht erlaubt; bitte nur einfache Werte angeben"
            )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise Refused(event, f"Die Daten sind tiefer als {MAX_DEPTH} Ebenen verschachtelt")
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class StrictLoader(_Strict, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, strict: the reference every message is worded for."""


if yaml.__with_libyaml__:
    from yaml._yaml import CParser


class _Unsure(Exception):
    """The fast reader met something the strict one decides (and words the message for)."""


#: The tags the safe loader gives plain scalars that the fast reader builds itself; any other
#: (a merge key '<<', '=') is left to the strict reader.
_BUILT = frozenset(
    {STR_TAG, FLOAT_TAG} | {f"tag:yaml.org,2002:{kind}" for kind in ("null", "bool", "int", "timestamp")}
)


class _FastReader:
    """One pass over libyaml's events (C) that builds the data and its positions directly: no
    node tree, no second walk. It reads only what :class:`StrictLoader` reads without complaint,
    to the same data and positions (a test compares them for every example file); anything else
    – an alias, a tag, deep nesting, a key that is no word, a duplicate key, a second document,
    an impossible date – raises :class:`_Unsure`, and the strict reader reads the file again.

    The loop is written out in one function with its names local: it runs once per value (a
    file of 5,000 measures has 400,000), and calls and attribute look-ups per value were most
    of a large file's validation."""

    def __init__(self, name: str, text: str) -> None:
        self.source = SourceFile(name, None, text=text)
        self.parser = CParser(text)
        resolver: Any = yaml.resolver.Resolver()  # untyped in PyYAML's stubs
        self.resolve: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = resolver.resolve
        self.constructor = yaml.constructor.SafeConstructor()

    def read(self) -> SourceFile | None:
        get_event: Callable[[], Any] = self.parser.get_event  # events, told apart by their type
        values = self.source.value_positions
        keys = self.source.key_positions
        #: Open collections: [container, its path, for a mapping the key waiting for its value
        #: (None: the next scalar is a key), the keys seen (None for a sequence)].
        stack: list[list[Any]] = []
        root: list[Any] = []
        tags = _Tags(self.resolve)
        documents = 0
        while (event := get_event()) is not None:
            kind = type(event)
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Unsure
                continue
            if kind is yaml.AliasEvent:
                raise _Unsure
            if (
                kind is not yaml.ScalarEvent
                and kind is not yaml.MappingStartEvent
                and kind is not yaml.SequenceStartEvent
            ):
                continue  # stream and document ends
            if event.tag is not None or getattr(event, "anchor", None) is not None or len(stack) >= MAX_DEPTH:
                raise _Unsure
            mark = event.start_mark
            frame = stack[-1] if stack else None
            if frame is not None and frame[3] is not None and frame[2] is None:  # a key
                if (
                    kind is not yaml.ScalarEvent
                    or tags.of(event) != STR_TAG
                    or event.value in frame[3]
                    or _SPLIT_CENTS.fullmatch(event.value)  # '50 €' of 'betrag: 6.500,50 €' in { … }
                ):
                    raise _Unsure
                frame[3].add(event.value)
                frame[2] = event.value
                keys[(*frame[1], event.value)] = (mark.line + 1, mark.column + 1)
                continue
            if frame is None:
                path: Path_ = ()
            elif frame[3] is not None:
                path = (*frame[1], frame[2])
            else:
                path = (*frame[1], len(frame[0]))
            values[path] = (mark.line + 1, mark.column + 1)
            if kind is yaml.ScalarEvent:
                value: Any = self._scalar(event, tags.of(event))
            else:
                value = {} if kind is yaml.MappingStartEvent else []
            if frame is None:
                root.append(value)
            elif frame[3] is not None:
                frame[0][frame[2]] = value
                frame[2] = None
            else:
                frame[0].append(value)
            if kind is not yaml.ScalarEvent:
                stack.append([value, path, None, set() if kind is yaml.MappingStartEvent else None])
        if not root:
            return None
        self.source.data = root[0]
        return self.source

    def _scalar(self, event: yaml.ScalarEvent, tag: str) -> Any:
        if tag == STR_TAG or kept_as_text(tag, event.value):
            return event.value
        if tag not in _BUILT:
            raise _Unsure
        node = yaml.ScalarNode(tag, event.value, style=event.style)
        try:
            return self.constructor.yaml_constructors[tag](self.constructor, node)
        except ValueError:  # an impossible date
            raise _Unsure from None


class _Tags:
    """The tag YAML gives a plain scalar, remembered for short ones: field names, numbers, dates
    and choices repeat in every entry, and resolving runs a list of patterns each time."""

    #: Longer values (descriptions) seldom repeat; they are resolved each time.
    REMEMBERED = 40

    def __init__(self, resolve: Callable[[type[yaml.Node], str, tuple[bool, bool]], str]) -> None:
        self.resolve = resolve
        self.known: dict[tuple[str, tuple[bool, bool]], str] = {}

    def of(self, event: yaml.ScalarEvent) -> str:
        value, implicit = event.value, event.implicit
        if len(value) > self.REMEMBERED:
            return self.resolve(yaml.ScalarNode, value, implicit)
        key = (value, implicit)
        tag = self.known.get(key)
        if tag is None:
            tag = self.known[key] = self.resolve(yaml.ScalarNode, value, implicit)
        return tag


def read_fast(name: str, text: str) -> SourceFile | None:
    """The file as libyaml reads it (:class:`_FastReader`); None where the strict reader must
    read it (also an empty file or one without libyaml: the strict reader says what is wrong)."""
    if not yaml.__with_libyaml__:  # pragma: no cover - PyYAML without libyaml
        return None
    try:
        return _FastReader(name, text).read()
    except (_Unsure, yaml.YAMLError):
        return None


#: The cents of a German amount that a comma in { … } made a field name: '00' or '50 €'.
_SPLIT_CENTS = re.compile(r"(\d{1,2})\s*(?:€|EUR|Euro)?")


def _split_amount(previous: tuple[yaml.Node, yaml.Node] | None, key_node: yaml.Node) -> str | None:
    """'betrag: 78.400,00' inside { … }: the comma ends the field, and '00' stands as the next
    field's name. Said as the amount it is, with the field and how to write it (Saarland review:
    the message named neither and gave another number as its example). None for anything else."""
    if (
        previous is None
        or not isinstance(key_node, yaml.ScalarNode)
        or not (cents := _SPLIT_CENTS.fullmatch(key_node.value))
    ):
        return None
    field, value = previous
    if not isinstance(field, yaml.ScalarNode) or not isinstance(value, yaml.ScalarNode):
        return None
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+|\d+", value.value):
        return None
    written = f"{value.value},{key_node.value}"
    right = f"{value.value.replace('.', '')}.{cents[1]}"  # '6.500,50 €': the euro sign too (NRW review)
    return (
        f"'{field.value}: {written}' ist kein Betrag: in {{ … }} trennt jedes Komma zwei Felder. Bitte "
        f"{field.value}: {right} schreiben (ohne Tausenderpunkt{'' if cents[0] == cents[1] else ' und Währung'}, "
        "Dezimalpunkt statt Komma)"
    )


def _index_positions(
    node: yaml.Node,
    path: Path_,
    source: SourceFile,
    problems: list[Finding],
) -> None:
    """Walk the node tree once, recording positions and flagging duplicate keys; numbers
    YAML would misread are kept as text (:func:`kept_as_text`)."""
    source.value_positions[path] = _position(node)
    if isinstance(node, yaml.ScalarNode) and (kept_as_text(node.tag, node.value) or _impossible_date(node)):
        node.tag = STR_TAG
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        previous: tuple[yaml.Node, yaml.Node] | None = None
        for key_node, value_node in node.value:
            amount = _split_amount(previous, key_node) if node.flow_style else None
            if amount is not None:
                raise Refused(key_node, amount)
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag.endswith(":merge"):
                # '<<' got 'Feldnamen müssen Wörter sein', which did not fit (fuzz review)
                raise Refused(
                    key_node,
                    "'<<' (Felder eines anderen Abschnitts übernehmen) kennen die Eingabedateien nicht; bitte die "
                    "Felder hier ausschreiben",
                )
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != STR_TAG:
                raise Refused(
                    key_node,
                    "Feldnamen müssen Wörter sein (z. B. 'name:'), keine Zahlen, Daten, ja/nein oder Listen"
                    + (f"; in {{ … }} {FLOW_COMMA}" if node.flow_style else ""),
                )
            previous = (key_node, value_node)
            key = key_node.value
            line, column = _position(key_node)
            if key in seen:
                problems.append(
                    _problem(
                        source.name,
                        line,
                        column,
                        f"Das Feld '{key}' steht doppelt in diesem Abschnitt "
                        f"(zuerst in Zeile {seen[key]}). Bitte nur einmal angeben.",
                    )
                )
            seen.setdefault(key, line)
            source.key_positions[path + (key,)] = (line, column)
            _index_positions(value_node, path + (key,), source, problems)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_positions(item, path + (index,), source, problems)


#: Builds dates for :func:`_impossible_date` (it keeps no state between values).
_DATES = yaml.constructor.SafeConstructor()


def _impossible_date(node: yaml.ScalarNode) -> bool:
    """A scalar YAML reads as a date that does not exist (2026-02-30). It stays text, so the
    field reports it like any other wrong value and the rest of the file is still checked (it
    used to make the whole file unreadable, hiding every other mistake in it)."""
    if not node.tag.endswith(":timestamp"):
        return False
    try:
        _DATES.construct_yaml_timestamp(node)
    except ValueError:
        return True
    return False


#: PyYAML's most common complaints, said so that a person without YAML knowledge can act.
YAML_REASONS: tuple[tuple[str, str], ...] = (
    ("found character '\\t'", "Tabulatorzeichen sind in YAML nicht erlaubt; bitte mit Leerzeichen einrücken"),
    (
        "mapping values are not allowed",
        "Ein ':' steht an einer unerwarteten Stelle; Texte, die ': ' enthalten, bitte in Anführungszeichen setzen",
    ),
    ("could not find expected ':'", "Hier fehlt ein ':' zwischen Feldname und Wert"),
    ("expected <block end>", "Die Einrückung passt nicht zu den Zeilen darüber"),
    ("expected '<document start>'", "Die Einrückung passt nicht zu den Zeilen darüber"),
    ("did not find expected", "Die Einrückung passt nicht zu den Zeilen darüber"),
    (
        "found unexpected end of stream",
        "Die Datei endet mitten in einem Wert; fehlt ein schließendes Anführungszeichen?",
    ),
    ("but got '<stream end>'", "Eine Klammer '[' oder '{' wird nicht geschlossen"),
    (
        "unknown escape character",
        "Nach '\\' steht ein unbekanntes Zeichen; für einen Rückstrich bitte einfache Anführungszeichen verwenden",
    ),
    ("but found another document", "Die Datei enthält mehrere Dokumente ('---'); erlaubt ist nur eines"),
    # values that begin with a sign YAML reads as its own (re-check: English messages)
    (
        "expected alphabetic or numeric character",
        "Ein Wert, der mit '&' oder '*' beginnt, bitte in Anführungszeichen setzen",
    ),
    (
        "expected a comment or a line break",
        "Nach '|' oder '>' beginnt ein Text erst in der nächsten Zeile; ein Wert, der mit diesem Zeichen beginnt, "
        "bitte in Anführungszeichen setzen",
    ),
    (
        "expected chomping or indentation indicators",
        "Nach '|' oder '>' beginnt ein Text erst in der nächsten Zeile; ein Wert, der mit diesem Zeichen beginnt, "
        "bitte in Anführungszeichen setzen",
    ),
    (
        "mapping keys are not allowed here",
        "Ein Wert, der mit '? ' beginnt, bitte in Anführungszeichen setzen",
    ),
    (
        "sequence entries are not allowed here",
        "Ein '- ' steht hier, wo ein Wert stehen muss: Listeneinträge stehen in eigenen Zeilen unter dem Feld; "
        "ein Text, der mit '- ' beginnt, bitte in Anführungszeichen setzen",
    ),
    (
        "that cannot start any token",
        "Ein Wert darf nicht mit diesem Zeichen beginnen; bitte den Wert in Anführungszeichen setzen",
    ),
)


#: A value that opens a quotation mark: after 'feld: ' or '- ' (group 1: the mark).
_OPENS_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"][^:#]*:\s+)?(["'])""")


def _unclosed_quote(text: str, up_to: int) -> tuple[int, int] | None:
    """Line and column of the first value up to line `up_to` whose quotation mark its line does
    not close: YAML then reads on to the next mark, and its complaint stands far below (two
    reviewers: the end of the file, or 'Einrückung' at a comment's apostrophe)."""
    for number, line in enumerate(text.splitlines()[:up_to], start=1):
        found = _OPENS_QUOTE.match(line)
        if found is None:
            continue
        mark, rest = found[1], line[found.end() :]
        closed = re.search(r'(?<!\\)"', rest) if mark == '"' else re.search(r"'(?!')", rest.replace("''", ""))
        if closed is None:
            return number, found.start(1) + 1
    return None


#: A line that gives a field a value in the line itself ('titel: Text', '- titel: Text').
_FIELD_WITH_VALUE = re.compile(r"^(\s*(?:-\s+)?)([^\s#'\"-][^:#]*):\s+[^\s#|>&*!]")
#: A line that starts with a field name.
_FIELD_NAME = re.compile(r"^(\s*)([^\s#'\"-][^:#]*):(?:\s|$)")


def _indented_into_text(lines: list[str], line: int) -> tuple[str, int, str] | None:
    """The field above a line that starts a field but is indented deeper than it (a
    reviewer: 'beschreibung:' two spaces too far was reported as a misplaced ':'): YAML reads
    it as the rest of that field's text. Gives the line's field name, and the line number and
    field name of the field above."""
    here = _FIELD_NAME.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if here is None:
        return None
    above = next(
        (n for n in range(line - 1, 0, -1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")),
        None,
    )
    field = _FIELD_WITH_VALUE.match(lines[above - 1]) if above else None
    if above is None or field is None or len(here[1]) <= len(field[1]):
        return None
    return here[2].strip(), above, field[2].strip()


#: A field whose ':' has no space after it ('titel:Willkommen'): YAML reads the line as one word.
_GLUED_COLON = re.compile(r"^\s*(?:-\s+)?([a-z_][a-z0-9_]*):([^\s:/].*)$")


def _glued_colon(lines: list[str], line: int) -> tuple[int, str, str] | None:
    """The line at or just above `line` that glues a field's name to its value: YAML complains only
    at the line after, of a missing ':' (re-check: the most common typo got the wrong line and cause)."""
    for number in (line - 1, line):
        if 0 < number <= len(lines):
            found = _GLUED_COLON.match(lines[number - 1])
            if found is not None:
                return number, found[1], found[2].strip()
    return None


def indentation(line: str) -> int:
    """How many spaces (or tabs) a line begins with."""
    return len(line) - len(line.lstrip())


#: A list entry whose '-' has no space after it ('-id: x'): YAML reads '-id' as a word.
_DASH_WITHOUT_SPACE = re.compile(r"^\s*-[^\s\-]")


def _as_deep_as_above(lines: list[str], line: int) -> bool:
    """Whether a line is indented no deeper than the line above it: a list entry, not the
    continuation of a text ('beschreibung: …' / '  -Hausbesuche: …'; diff review)."""
    above = next((lines[n - 1] for n in range(line - 1, 0, -1) if lines[n - 1].strip()), None)
    return above is not None and indentation(lines[line - 1]) <= indentation(above)


#: A quoted text in a flow collection: its brackets do not count.
_QUOTED_TEXT = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'')


def _unclosed_bracket(raw: str, opened: Any, failed: Any, text: str) -> tuple[int, int, str] | None:
    """Where a '[' or '{' opens that its value does not close: PyYAML says in English what it
    expected, at the line after (NRW review). Only where the bracket is not closed before the
    place YAML gave up – a mistake inside closed brackets is another (diff review)."""
    for closing, opening, kind in (("]", "[", "eckige"), ("}", "{", "geschweifte")):
        if f"expected ',' or '{closing}'" not in raw or opened is None:
            continue
        if failed is not None and hasattr(opened, "index") and hasattr(failed, "index"):
            line_end = text.find("\n", failed.index)
            between = _QUOTED_TEXT.sub("", text[opened.index : line_end if line_end >= 0 else len(text)])
            if between.count(closing) >= between.count(opening):
                # closed: the mistake is inside (diff review: '[a, "Kita Sonne" e.V.]' was called unclosed)
                return (
                    failed.line + 1,
                    failed.column + 1,
                    f"Die Datei ist kein gültiges YAML: In der Klammer '{opening} … {closing}' fehlt hier ein Komma, "
                    "oder ein Eintrag enthält ': ' oder Anführungszeichen mitten im Text; solche Einträge bitte "
                    "ganz in Anführungszeichen setzen.",
                )
        return (
            opened.line + 1,
            opened.column + 1,
            f"Die Datei ist kein gültiges YAML: Die {kind} Klammer '{opening}' hier wird nicht geschlossen; "
            f"bitte '{closing}' am Ende des Werts ergänzen (Einträge darin durch Kommas trennen).",
        )
    return None


def quoted_for_yaml(value: str) -> str:
    """`value` as YAML reads it back whole: in double quotes where it holds neither a quotation
    mark nor a backslash (an escape there: 'C:\\Daten\\neu'), else in single quotes, an apostrophe
    in it written twice (diff review: 'Sag "Hallo" und 'so'' was suggested)."""
    if '"' not in value and "\\" not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


def _quote_ended_early(line: str) -> tuple[int, str, int] | None:
    """The column of a quotation mark that ends a value before its line does ('titel: "Zirkel
    "Frühe Hilfen" mit Praxen"', "titel: 'Elterncafé 'Kleine Hände' im Zentrum'"), the mark and
    where the value opens (an index of the line); None if there is none: YAML then says the
    indentation is wrong (NRW review, re-check)."""
    found = _OPENS_QUOTE.match(line)
    if found is None:
        return None
    mark = found[1]
    after = line[found.end() :]
    # in '…' an apostrophe is written twice (''), in "…" a quotation mark escaped (\")
    closing = re.search(r'(?<!\\)"', after) if mark == '"' else re.search(r"'(?!')", after.replace("''", "\0\0"))
    if closing is None:
        return None
    rest = line[found.end() + closing.end() :]
    # nothing after it, a comment, the end of a flow entry, or a quoted key ('"titel": x'; diff review)
    if not rest.strip() or rest.lstrip()[0] in "#,]}:":
        return None
    return found.end() + closing.start() + 1, mark, found.start(1)


#: A value that YAML reads as a list or a mapping in brackets, and text after its closing bracket:
#: 'titel: [Entwurf] Elterncafé' (re-check).
_TEXT_AFTER_BRACKETS = re.compile(
    r"^\s*(?:-\s+)?(?:[^\s#'\"\[{][^:#]*:\s+)?(\[[^\[\]]*\]|\{[^{}]*\})[ \t]*([^\s#,\]}].*)$"
)


def _text_after_brackets(line: str) -> tuple[int, str] | None:
    """The column of the bracket that opens such a value, and the whole value as written."""
    found = _TEXT_AFTER_BRACKETS.match(line)
    if found is None:
        return None
    return found.start(1) + 1, line[found.start(1) :].rstrip()


#: A field whose text follows in the lines below it ('beschreibung: >-', '- text: |'), or a list
#: entry that is such a text ('- >-').
_BLOCK_TEXT = re.compile(r"^(\s*(?:-\s+)?)(?:([^\s#'\"-][^:#]*):\s+)?[|>][-+0-9]*\s*(?:#.*)?$")
#: A line of the file's structure, not of a text: a field, a list entry, a quoted field name.
_STRUCTURE = re.compile(r"""^\s*(?:-(?:\s|$)|(?:"[^"]*"|'[^']*'|[^\s#'"-][^:#]*):(?:\s|$))""")
#: How far above YAML's complaint the field of a text is looked for (a text of some paragraphs).
_BLOCK_TEXT_LINES = 60


def _block_text_not_indented(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """Where a line of the text of a field with '|' or '>' (or of a list entry '- >-') is indented
    too little: YAML ends the text there, takes the line for a field and complains of a missing
    ':' at or below it (re-check, user test: a middle line, the last one, a list entry). The line,
    its column and the German sentence; None where a field or list entry ends the text as it may,
    or no such text stands above."""
    for header in range(min(line, len(lines)), max(0, line - _BLOCK_TEXT_LINES), -1):
        found = _BLOCK_TEXT.match(lines[header - 1])
        if found is None:
            continue
        depth = len(found[1])  # the text must stand deeper than its field (or the entry's '- ')
        field = found[2].strip() if found[2] else None
        of_text = (
            f"zum Text zu '{field}' (Zeile {header})"
            if field
            else f"zum Text des Listeneintrags in Zeile {header}"
        )
        deeper = (
            f"Der Text zu '{field}' (Zeile {header}) muss tiefer eingerückt sein als '{field}'"
            if field
            else f"Der Text des Listeneintrags in Zeile {header} muss tiefer eingerückt sein als dessen '-'"
        )
        content: int | None = None
        for number in range(header + 1, line + 1):
            text = lines[number - 1]
            if not text.strip():
                continue
            if content is None:
                if text.lstrip().startswith("#"):
                    continue
                if indentation(text) > depth:
                    content = indentation(text)
                    continue
                if _STRUCTURE.match(text):
                    return None
                return (
                    number,
                    indentation(text) + 1,
                    f"{deeper}, z. B. um zwei Leerzeichen mehr.",
                )
            if indentation(text) < content:
                if _STRUCTURE.match(text) or text.lstrip().startswith("#"):
                    return None
                return (
                    number,
                    indentation(text) + 1,
                    f"Diese Zeile gehört wohl {of_text}, ist aber weniger eingerückt als dessen erste Zeile; "
                    "bitte genauso weit einrücken wie die übrigen Zeilen des Texts.",
                )
        return None
    return None


def _yaml_problem(name: str, error: yaml.YAMLError, text: str = "") -> Finding:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    quote = _unclosed_quote(text, line)
    if quote is not None:
        return _problem(
            name,
            *quote,
            "Die Datei ist kein gültiges YAML: Das Anführungszeichen hier wird in dieser Zeile nicht geschlossen; "
            "bitte am Ende des Werts ergänzen.",
        )
    raw = str(error)
    lines = text.splitlines()
    bracket = _unclosed_bracket(raw, getattr(error, "context_mark", None), mark, text)
    if bracket is not None:
        return _problem(name, *bracket)
    glued = _glued_colon(lines, line) if ("expected ':'" in raw or "mapping values" in raw) else None
    if glued is not None:
        number, key, value = glued
        return _problem(
            name,
            number,
            indentation(lines[number - 1]) + len(key) + 2,
            f"Die Datei ist kein gültiges YAML: Nach '{key}:' fehlt ein Leerzeichen ('{key}: {value}').",
        )
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if _DASH_WITHOUT_SPACE.match(here) and _as_deep_as_above(lines, line):
        return _problem(
            name,
            line,
            here.index("-") + 1,
            "Die Datei ist kein gültiges YAML: Nach dem '-' eines Listeneintrags fehlt ein Leerzeichen "
            f"('- {here.lstrip()[1:].strip()}').",
        )
    early = _quote_ended_early(here)
    if early is not None:
        column, mark, opening = early
        # the text meant: from the opening mark to the last one of the line (user test: give the value)
        inner = here[opening + 1 : here.rstrip().rfind(mark)]
        meant = quoted_for_yaml(inner.replace("''", "'") if mark == "'" else inner)
        which = (
            "Dieses Anführungszeichen beendet den Text"
            if mark == '"'
            else "Dieser Apostroph beendet den Text in '…'"
        )
        return _problem(
            name,
            line,
            column,
            f"Die Datei ist kein gültiges YAML: {which}, der Rest der Zeile bleibt übrig. Ist alles ein Text, bitte so "
            f"schreiben: {meant} (Anführungszeichen im Text lassen sich auch als „…“ schreiben).",
        )
    bracketed = _text_after_brackets(here)
    if bracketed is not None:
        column, value = bracketed
        quoted = quoted_for_yaml(value)
        kind, closing = ("eine Liste", "]") if value[0] == "[" else ("ein Abschnitt", "}")
        return _problem(
            name,
            line,
            column,
            f"Die Datei ist kein gültiges YAML: Ein Wert, der mit '{value[0]}' beginnt, ist für YAML {kind}; nach der "
            f"schließenden '{closing}' darf nichts mehr stehen. Ist er ein Text, bitte in Anführungszeichen setzen: "
            f"{quoted}.",
        )
    unindented = _block_text_not_indented(lines, line) if "could not find expected ':'" in raw else None
    if unindented is not None:
        return _problem(name, *unindented[:2], f"Die Datei ist kein gültiges YAML: {unindented[2]}")
    deeper = _indented_into_text(lines, line) if "mapping values are not allowed" in raw else None
    if deeper is not None:
        key, above, field = deeper
        return _problem(
            name,
            line,
            1,
            f"Die Datei ist kein gültiges YAML: '{key}' ist weiter eingerückt als '{field}' in Zeile {above} und "
            f"gilt darum als Fortsetzung von dessen Text. Ist '{key}' ein eigenes Feld, bitte genauso weit "
            f"einrücken wie '{field}'.",
        )
    reason = next(
        (german for english, german in YAML_REASONS if english in raw), getattr(error, "problem", None) or raw
    )
    return _problem(
        name,
        line,
        column,
        f"Die Datei ist kein gültiges YAML: {reason.rstrip('.')}{'' if reason.endswith('?') else '.'}",
    )


def _reader_problem(name: str, text: str, error: yaml.reader.ReaderError) -> Finding:
    """Characters YAML itself refuses (e.g. BEL from pasted text), located in the file."""
    before = text[: error.position]
    line = before.count("\n") + 1
    column = error.position - (before.rfind("\n") + 1) + 1
    code = error.character if isinstance(error.character, int) else ord(error.character)
    return _problem(
        name,
        line,
        column,
        f"Die Datei enthält ein unsichtbares Steuerzeichen (U+{code:04X}), oft aus "
        "kopiertem Text. Bitte entfernen.",
    )


def _decode(name: str, raw: bytes) -> tuple[str | None, list[Finding]]:
    """UTF-8 text, or a problem naming the line and column of the first bad byte."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            _problem(
                name, line, column, "Die Datei ist nicht UTF-8-kodiert. Bitte im Editor als 'UTF-8' speichern."
            )
        ]


def _parse(loader_class: Callable[[str], Any], name: str, text: str) -> tuple[SourceFile | None, list[Finding]]:
    problems: list[Finding] = []
    try:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, [_problem(name, 1, 1, "Die Datei ist leer; sie muss Angaben enthalten.")]
            source = SourceFile(name, None, text=text)
            _index_positions(node, (), source, problems)
            source.data = loader.construct_document(node)
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as error:
        return None, [_reader_problem(name, text, error)]
    except yaml.YAMLError as error:
        return None, [_yaml_problem(name, error, text)]
    except Refused as refused:
        line, column = refused.position
        return None, [_problem(name, line, column, f"Die Datei ist kein gültiges YAML: {refused.reason}.")]
    return source, problems


def too_large(name: str, limit: int) -> Finding:
    """A file over the size limit; kommune.yaml raises the limit for very large municipalities."""
    return _problem(
        name,
        1,
        1,
        f"Die Datei ist größer als {limit // 1024} KiB. Ist es die richtige Datei? (Für sehr große Kommunen "
        "lässt sich die Grenze in kommune.yaml unter 'pruefung: dateigroesse_mib' erhöhen.)",
    )


def parse_yaml(name: str, raw: bytes, limit: int = MAX_FILE_BYTES) -> tuple[SourceFile | None, list[Finding]]:
    """Parse one file's bytes (at most `limit` of them); never raises for user mistakes, returns
    problems instead. The fast reader (libyaml) reads first; whatever it is unsure of is read
    again by the pure-Python loader, whose findings count."""
    if len(raw) > limit:
        return None, [too_large(name, limit)]
    text, problems = _decode(name, raw)
    if text is None:
        return None, problems
    # libyaml takes tabs inside values and a byte order mark inside the text, which PyYAML refuses
    if "\t" not in text and "\ufeff" not in text:
        source = read_fast(name, text)
        if source is not None:
            return source, []
    return _parse(StrictLoader, name, text)
