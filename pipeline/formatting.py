"""German number, money and date conventions, shared by every document kind.

Non-breaking spaces keep '1.234,56 €' and '12,5 %' together at line ends.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

NBSP = "\u00a0"


def plain_spaces(text: str) -> str:
    """The no-break spaces the typography set ('SGB\u00a0VIII', '§\u202f8a') as plain ones: for
    finding a word the way it was written."""
    return text.replace(NBSP, " ").replace("\u202f", " ")


#: A hyphen no line ends on (Word writes it as its own, pipeline/export/docx_finish.py).
NB_HYPHEN = "\u2011"
#: An Ergänzungsstrich ('Ärztinnen und -ärzte', 'Netzwerkpartnerinnen und -partner'): a hyphen
#: after a space and before a letter. A line ending on it leaves it alone ('und -' / 'ärzte').
SUFFIX_HYPHEN = re.compile(r"(?<=\s)-(?=[^\W\d_])")


def suffix_hyphens_unbroken(text: str) -> str:
    """Each Ergänzungsstrich as a non-breaking hyphen, so it stays with its word on one line: done
    by the exporters, as the typesetting of a line; the intermediate HTML keeps the plain hyphen
    that the inputs have."""
    return SUFFIX_HYPHEN.sub(NB_HYPHEN, text)


def _group(digits: str) -> str:
    """'1234567' → '1.234.567'."""
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ".".join(groups)


def decimal_places(value: Decimal | int | float) -> int:
    """How many decimals a value needs without trailing zeros: 4.0 → 0, 3.50 → 1."""
    amount = Decimal(str(value)).normalize()
    if amount == amount.to_integral():
        return 0
    exponent = amount.as_tuple().exponent
    assert isinstance(exponent, int)  # 'n', 'N' or 'F' only for NaN and infinity, never amounts
    return max(0, -exponent)


def number(value: Decimal | int | float, places: int | None = None) -> str:
    """German number: thousands with '.', decimals with ','. Trailing zeros vanish if places is None."""
    amount = Decimal(str(value))
    if places is None:
        places = decimal_places(amount)
    quantum = Decimal(1).scaleb(-places)
    amount = amount.quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "−" if amount < 0 else ""
    whole, _, fraction = f"{abs(amount):f}".partition(".")
    text = _group(whole)
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


#: A number as Germans write it: thousands grouped with '.' or a space, decimals after ','; a
#: currency after it is allowed ('41.237,85 €').
GERMAN_NUMBER = re.compile(
    r"(?P<sign>[+-]?)(?P<whole>\d{1,3}(?:[. \u00a0\u202f]\d{3})+|\d+)(?:,(?P<fraction>\d+))?"
    r"(?:\s*(?:€|EUR|Euro))?"
)


def plain_number(text: str) -> str | None:
    """How to write a number given in German style ('41.237,85', '80.400', '12,5', '1.200 €')
    so that YAML reads it as meant: '41237.85', '80400', '12.5', '1200'. None if the text is
    no such number, or already written plainly."""
    found = GERMAN_NUMBER.fullmatch(text.strip())
    if not found:
        priced = re.fullmatch(r"([+-]?\d+(?:\.\d+)?)\s*(?:€|EUR|Euro)", text.strip())
        return priced[1] if priced else None
    whole = re.sub(r"[. \u00a0\u202f]", "", found["whole"])
    fraction = f".{found['fraction']}" if found["fraction"] else ""
    plain = f"{found['sign']}{whole}{fraction}"
    return None if plain == text.strip() else plain


def number_advice(text: str, *, amounts: bool = False) -> str | None:
    """How to write a number given in German style, as a sentence for messages: 'Beträge ohne
    Tausenderpunkt und mit Dezimalpunkt schreiben: 41237.85.'; None for any other text."""
    plain = plain_number(text)
    if plain is None:
        return None
    without = [
        name
        for name, present in (
            ("Tausenderpunkt", re.search(r"\d[. \u00a0\u202f]\d{3}", text)),
            ("Währungszeichen", re.search(r"(€|EUR|Euro)\s*$", text)),
        )
        if present
    ]
    how = [f"ohne {' und '.join(without)}"] if without else []
    if "," in text:
        how.append("mit Dezimalpunkt")
    return f"{'Beträge' if amounts else 'Zahlen'} {' und '.join(how)} schreiben: {plain}."


def euro(value: Decimal | int | float) -> str:
    """'1.234,56 €' – always two decimals, as budgets are written."""
    return f"{number(value, 2)}{NBSP}€"


#: The gaps that take a no-break space (:func:`bind_citations`). Each pattern matches the space
#: alone and looks back at what stands before it: a pattern that begins with a space lets the
#: regex engine jump from space to space (five to ten times faster over a whole document than
#: matching the word before it at every position).
_CITATION_GAP = re.compile(
    r" (?:(?:(?<=§ )|(?<=Abs\. )|(?<=Nr\. )|(?<=Art\. )|(?<=SGB ))(?=[0-9IVX])|(?<=Buchst\. )(?=[a-z]\b)|(?<=Satz )(?=\d))"
)
#: The last part of a citation and the law it names ('Abs. 1 KKG', 'Buchst. a DSGVO', 'SGB VIII'
#: counts as one): '§ 4 Abs. 1 | KKG).' left the law alone on the next line. The parts before
#: may break between them ('§ 8a | Abs. 4 SGB VIII'), or a citation would not fit a narrow column.
_CITATION_LAW = re.compile(
    r"((?:§§?|Abs\.|Nr\.|Art\.|Satz|Buchst\.)\u00a0(?:[0-9]+[a-z]?|[a-z])) "
    r"(?=[A-ZÄÖÜ][a-zäöü]*[A-ZÄÖÜ][A-Za-zÄÖÜäöü]*\b)"
)
#: 'Telefon 069', 'Tel. 0123' and an area code before its number ('069 4711-1100').
_PHONE_GAP = re.compile(
    r" (?=\d)(?:(?<=Telefon )|(?<=Tel\. )"
    r"|(?<=(?<![\d.,])0\d\d )|(?<=(?<![\d.,])0\d{3} )|(?<=(?<![\d.,])0\d{4} )|(?<=(?<![\d.,])0\d{5} ))"
)


#: An amount and its unit: '7.200,00 €', '45 Euro', '23,6 %', '0,25 VZÄ'; a day and its month
#: ('31. März').
_UNIT_GAP = re.compile(
    r" (?:(?<=\d )(?=(?:€|%|Euro\b|EUR\b|VZÄ\b))"
    r"|(?<=\d\. )(?=(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b))"
)
#: The series letter of a council paper and its number: 'M 184/2026', 'B 64/2026'.
_PAPER_GAP = re.compile(
    r" (?=\d{1,5}/\d{4}\b)"
    r"(?:(?<=(?<![\w-])[A-ZÄÖÜ] )|(?<=(?<![\w-])[A-ZÄÖÜ]{2} )|(?<=(?<![\w-])[A-ZÄÖÜ]{3} ))"
)
#: A chapter, table or figure and its number ('Kapitel 23', in the HTML 'Kapitel <a …>23</a>'):
#: 'Kapitel' at a line's end and '23.' alone on the next read as two things.
_CHAPTER_GAP = re.compile(
    r" (?=<a |\d)(?:(?<=\bKapitel )|(?<=\bKapiteln )|(?<=\bTabelle )|(?<=\bAbbildung )|(?<=\bAnlage ))"
)
#: A goal's or measure's number and the first word of its title ('M4 Onlineportal'). The pattern
#: begins with the letter, not with a look before it, so the engine skips to each M and Z (as
#: one pattern with the chapters, looking back at every position, it took a quarter of a second
#: over a concept of 500 measures).
_ITEM_GAP = re.compile(r"([MZ](?<![\w.-][MZ])\d+(?:\.\d+)*) (?=[A-ZÄÖÜ„])")
#: Abbreviations of two letters with points, which a line break tears apart ('e. V.', 'z. B.').
_ABBREVIATION_GAP = re.compile(r" (?<=(?<![\w.])[ezduo]\. )(?=[VBhaäg]\.)")


def bind_citations(text: str) -> str:
    """'§ 4 KKG', 'Abs. 3', 'Nr. 2', 'Buchst. a' with a no-break space, so a line never ends on the sign
    and starts with its number – in the documents' own text and in every text the user wrote. Phone
    numbers are kept whole the same way ('Telefon 069 4711-1100'): a number split over two lines
    is dialled wrong; and so are amounts with their unit ('7.200,00 €', '23,6 %', '0,25 VZÄ') and
    a day with its month ('31. März'), as the
    documents' own amounts are written; a paper's number ('M 184/2026'), whose letter alone at
    the end of a line reads as a word; a chapter's, table's, goal's or measure's number
    ('Kapitel 23', 'M4 Onlineportal'); and abbreviations of two parts ('e. V.', 'z. B.', 'u. a.',
    'd. h.', 'o. ä.'), which read as two words when torn apart."""
    text = _CITATION_GAP.sub(NBSP, text)
    text = _CITATION_LAW.sub(lambda m: f"{m.group(1)}{NBSP}", text)
    text = _UNIT_GAP.sub(NBSP, text)
    text = _PAPER_GAP.sub(NBSP, text)
    text = _CHAPTER_GAP.sub(NBSP, text)
    text = _ITEM_GAP.sub(lambda m: f"{m.group(1)}{NBSP}", text)
    text = _ABBREVIATION_GAP.sub(NBSP, text)
    return _PHONE_GAP.sub(NBSP, text)


def with_note(text: str, note: str) -> str:
    """'Titel (Zusatz)', but 'Titel (befristet bis 2027; 2026 und 2027)' where the text already
    ends in parentheses – never two pairs in a row."""
    text = text.rstrip()
    if text.endswith(")"):
        return f"{text[:-1]}; {note})"
    return f"{text} ({note})"


def bracketed(text: str) -> str:
    """'(Gesamtkonzept Frühe Hilfen, Fassung 1.0)' for 'Gesamtkonzept Frühe Hilfen (Fassung 1.0)':
    no brackets inside brackets (a Stadtverordnete read '(… (Fassung 1.0))' in a table)."""
    return "(" + re.sub(r"\s*\(([^()]*)\)", r", \1", text.strip()) + ")"


def euro_or_dash(value: Decimal | int | float | None) -> str:
    """A table cell that may have no amount at all: '–' rather than a misleading '0,00 €'."""
    return "–" if value is None else euro(value)


def amount_or_dash(value: Decimal | int | float | None) -> str:
    """A cell of a table of amounts by year: '–' where there is none that year (a measure not yet
    begun read '0,00 €' beside '4.000,00 €'; Lektorat), as in the table of posts."""
    return euro_or_dash(value or None)


def signed_euro(value: Decimal | int | float) -> str:
    """A change in money: '+1.234,56 €', '−500,00 €', '±0,00 €'."""
    sign = "+" if value > 0 else ("±" if value == 0 else "")
    return f"{sign}{euro(value)}"


def percent(value: Decimal | int | float, places: int = 1) -> str:
    return f"{number(value, places)}{NBSP}%"


def german_date(value: date) -> str:
    """'23.11.2026'."""
    return value.strftime("%d.%m.%Y")


def with_unit(value: Decimal | int | float, unit: str, places: int | None = None) -> str:
    """A measured value with its unit: '12,5 %', '850 Familien'; `places` fixes the decimals
    (values compared in one row are written alike: '4,0 VZÄ' beside '3,5 VZÄ')."""
    if unit.strip() == "%":
        return f"{number(value, places)}{NBSP}%"
    return f"{number(value, places)}{NBSP}{unit}"


def sentence_start(text: str) -> str:
    """'im Landkreis X' → 'Im Landkreis X' (unlike |capitalize, the rest stays as it is)."""
    return text[:1].upper() + text[1:]


#: Words that open a noun phrase of their own: after them the first word was a noun
#: ('Alleinerziehende und ihre Kinder').
_DETERMINERS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "eines",
        "ihre",
        "ihr",
        "ihren",
        "seine",
        "sein",
        "deren",
        "alle",
    ]
)
_LINKS = frozenset({"und", "oder", "sowie"})
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


#: An adjective whose first half stands cut short before 'und'/'oder' and a noun after it
#: ('Kinder- und Jugendärztliche Praxen'); by the adjective's suffix, so that a noun stays
#: ('Kinder- und Jugendhilfe Musterstadt', 'Kinder- und Jugendärztinnen und -ärzte').
_SHARED_ADJECTIVE = re.compile(
    r"([A-ZÄÖÜ][a-zäöüß]+-) (und|oder) ([A-ZÄÖÜ][a-zäöüß]*(?:lich|isch|ig)(?:e|en|er|es|em)) ([A-ZÄÖÜ].*)"
)


def in_running_text(name: str) -> str:
    """A group's name inside a sentence: 'Werdende Eltern' → 'werdende Eltern', 'Neu zugewanderte
    Familien' → 'neu zugewanderte Familien', 'Junge und alleinerziehende Eltern' → 'junge und …':
    the first word is lowered where it is an adjective or adverb before the group's noun, that is,
    where only lower-case adjectives and 'und'/'oder' stand between it and the next capitalised
    word. Names that begin with a noun ('Familien mit Neugeborenen', 'Alleinerziehende und ihre
    Kinder', 'Kinder- und Jugendärztinnen') stay as they are."""
    if shared := _SHARED_ADJECTIVE.fullmatch(name):
        # 'Kinder- und Jugendärztliche Praxen': one adjective in two halves (RLP re-check)
        return f"{shared[1].lower()} {shared[2]} {shared[3].lower()} {shared[4]}"
    words = name.split(" ")
    first = words[0]
    if len(words) < 2 or not first[:1].isupper() or not first[1:].isalpha() or not first[1:].islower():
        return name  # a noun cut short ('Kinder-'), a list ('Schwangere, …'), an abbreviation
    between = 0
    for word in words[1:]:
        if word[:1].isupper():
            adjective = between > 0 or first.endswith("e")
            return first[:1].lower() + name[1:] if adjective else name
        if word in _DETERMINERS or not word.isalpha() or not (word in _LINKS or word.endswith(_ADJECTIVE_ENDINGS)):
            return name
        between += word not in _LINKS  # 'Kindertagesstätten und Familienzentren': two nouns
    return name


#: What ends a sentence, possibly followed by closing quotes or a bracket.
_SENTENCE_END = re.compile(r"[.!?…][\"“”»«’)]*$")


#: Two full stops where one sentence ended: a name ending in an abbreviation ('… e. V.') before
#: the stop of the sentence around it. An ellipsis ('...') is no such pair, nor a path's '..'
#: ('../base/logo.svg' was quoted as './base/logo.svg'; hostile-input sweep).
_DOUBLE_STOP = re.compile(r"(?<![.…/\s'‚„\"])\.\.(?![./\\\w])")


def sentence_end(text: str) -> str:
    """The text with one full stop at its end: 'Jobcenter' → 'Jobcenter.', but a text that
    already ends a sentence ('… Musterkreis e. V.', '… offen?') stays as it is."""
    text = text.rstrip()
    return text if not text or _SENTENCE_END.search(text) else f"{text}."


def single_stops(text: str) -> str:
    """Every sentence of a composed text ending once: '… Kinderschutzbund e. V..' → '… e. V.'."""
    return _DOUBLE_STOP.sub(".", text)


def enumeration(items: list[str]) -> str:
    """['a', 'b', 'c'] → 'a, b und c'."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " und " + items[-1]


#: 'JHA-Beschluss 21/2025', 'Beschluss 12/2026': a number that names itself a Beschluss.
_SELF_NAMED = re.compile(r"\b(\w+-)?Beschluss\b")


def of_decisions(numbers: list[str]) -> str:
    """'des Beschlusses KT/2026/014', 'der Beschlüsse A und B' – and 'des JHA-Beschlusses 21/2025'
    for a number that is called a Beschluss itself (Berlin review: 'des Beschlusses JHA-Beschluss
    21/2025' three times in one paper)."""
    if len(numbers) != 1:
        return f"der Beschlüsse {enumeration(numbers)}"
    number = str(numbers[0])
    if _SELF_NAMED.search(number):
        return "des " + _SELF_NAMED.sub(lambda m: m.group(0) + "es", number, count=1)
    return f"des Beschlusses {number}"


def enumeration_of_names(items: list[str]) -> str:
    """Names in a list: 'a, b und c', but with semicolons when a name has its own 'und' or comma
    ('Steuerungsgruppe; Qualitätszirkel Frühe Hilfen und Gesundheit; Arbeitskreis Vielfalt und
    Zugang'), so that the reader can tell where one name ends; two such names are joined by
    'sowie' ('Jugendhilfeausschuss sowie Ausschuss für Soziales und Gesundheit'), which reads as
    a sentence where a lone semicolon would not – unless a name has a comma of its own."""
    items = [str(i) for i in items]
    if any(" und " in i or "," in i or ";" in i for i in items):
        return (
            " sowie ".join(items)
            if len(items) == 2 and not any("," in i or ";" in i for i in items)
            else "; ".join(items)
        )
    return enumeration(items)


NUMBER_WORDS = (
    "keine",
    "eine",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
)


#: Counts up to this are words in prose, larger ones digits.
NUMBER_WORDS_UP_TO = 12


def number_word(amount: int, one: str = "eine") -> str:
    """A count in prose: words up to twelve ('vier'), digits above; `one` is the form a single
    item needs ('ein', 'einer' …)."""
    if amount == 1:
        return one
    return NUMBER_WORDS[amount] if 0 <= amount <= NUMBER_WORDS_UP_TO else number(amount)


def share_in_words(part: int, whole: int, plural: str, one: str | None = None) -> str:
    """'sieben von acht Zuwendungen', '16 von 22 Akteuren': in words where the whole is twelve or
    less, as prose has counts (Lektorat: '7 von 8' broke the rule); a part of one in the caller's
    form of 'one' ('eine von vier Zuwendungen', 'einem von sechs Akteuren'; Hamburg and Saarland
    reviews: 'verlangen 1 von 4 Zuwendungen') and none as its negation ('keine von sieben
    Zuwendungen' – the verb then in the singular), else in digits where it would need a gender."""
    if whole <= NUMBER_WORDS_UP_TO and part > 1:
        return f"{number_word(part)} von {number_word(whole)} {plural}"
    if whole <= NUMBER_WORDS_UP_TO and part == 1 and one is not None:
        return f"{one} von {number_word(whole)} {plural}"
    if part == 0 and one is not None and whole > 1:  # 'verlangen 0 von 7 Zuwendungen' (Saxon year-later review)
        return f"k{one} von {number_word(whole)} {plural}"
    return f"{number(part)} von {number(whole)} {plural}"


def part_number(amount: int, whole: int, one: str = "eine") -> str:
    """A part of a whole in prose: in digits where the whole is written in digits – '21 Maßnahmen:
    16 laufen, 3 sind geplant', not 'drei' beside '16' (Lektorat) –, else as :func:`number_word`."""
    return number(amount) if whole > NUMBER_WORDS_UP_TO and amount > 0 else number_word(amount, one)


#: The pronoun that stands for the one item of a whole, by the form of 'one' its noun takes.
_WHOLE_OF_ONE = {"eine": "sie", "einer": "er", "eines": "es", "ein": "er"}


def share_word(amount: int, whole: int, one: str = "eine") -> str:
    """How many of a whole, in prose: 'drei' of five, but 'alle' of three, 'beide' of two and
    the pronoun for a single one ('Eine Maßnahme: sie läuft', not 'eine läuft'); `one` as in
    :func:`number_word`, its pronoun by that form ('eine' → 'sie', 'einer' → 'er')."""
    if amount != whole or amount < 1:
        return part_number(amount, whole, one)
    return {1: _WHOLE_OF_ONE.get(one, one), 2: "beide"}.get(amount, "alle")


def all_of(amount: int) -> str:
    """'alle drei', 'alle 21' – but 'beide' for two ('alle zwei Akteure' reads as a slip); the
    caller says a single one in the singular."""
    return "beide" if amount == 2 else f"alle {number_word(amount)}"


def agree(amount: int | float | Decimal, singular: str, plural: str) -> str:
    """The form a word takes next to a number: the singular for exactly one, the plural for
    any other amount, zero included ('1 ist', '0 sind', '2 sind')."""
    return singular if amount == 1 else plural


def count(
    amount: int,
    singular: str,
    plural: str,
    one: str = "eine",
    verb: tuple[str, str] | None = None,
    of_whole: int = 0,
) -> str:
    """'vier Zielgruppen', 'eine Maßnahme', '15 Akteure' (words up to twelve, as in prose; in
    digits as a part `of_whole` where that whole is written in digits: '3 Akteure' beside
    '13 von 22');
    with `verb` (singular, plural) also the verb that agrees: 'eine Maßnahme ist geplant',
    'drei Maßnahmen sind geplant'. Empty nouns leave only number and verb: 'drei laufen'.

    `one` is the article the sentence needs for a single item: 'ein', 'einem', 'einer' …
    """
    words = [part_number(amount, of_whole, one), agree(amount, singular, plural)]
    if verb:
        words.append(agree(amount, *verb))
    return " ".join(w for w in words if w)


def every_months(months: int) -> str:
    """Reporting cycle in words: 'jährlich', 'halbjährlich', 'alle 18 Monate'."""
    named = {1: "monatlich", 3: "vierteljährlich", 6: "halbjährlich", 12: "jährlich"}
    if months in named:
        return named[months]
    if months % 12 == 0:
        return every_years(months // 12)
    return f"alle {months} Monate"


def years_and_months(months: int) -> str:
    """A span in words: 'fünf Jahre und elf Monate', 'vier Jahre', 'elf Monate', 'ein Jahr und ein Monat'."""
    years, rest = divmod(months, 12)
    parts = [count(years, "Jahr", "Jahre", "ein")] if years else []
    parts += [count(rest, "Monat", "Monate", "ein")] if rest or not years else []
    return " und ".join(parts)


def every_years(years: int) -> str:
    """Update cycle in words: 'jährlich', 'alle drei Jahre'."""
    return "jährlich" if years == 1 else f"alle {count(years, 'Jahr', 'Jahre')}"


def safe_file_part(text: str, limit: int | None = 60) -> str:
    """A piece of a file name (or URL) that is safe everywhere: ASCII letters, digits, '.', '-',
    '_'; umlauts spelled out. `limit` keeps file names short; identifiers pass None."""
    for umlaut, plain in (
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("Ä", "Ae"),
        ("Ö", "Oe"),
        ("Ü", "Ue"),
        ("ß", "ss"),
    ):
        text = text.replace(umlaut, plain)
    # one hyphen for a run ('Sozial- und Gesundheitsausschuss' gave 'Sozial--und-…'; SH review)
    text = re.sub(r"-{2,}", "-", re.sub(r"[^A-Za-z0-9._-]+", "-", text)).strip(".-_")
    if limit is not None and len(text) > limit:
        # at a word's end where one is near: '…-des-Kreises', not '…-des-Kreises-Erlenbruc' (NRW review)
        cut = text[: limit + 1].rstrip(".-_")
        if len(cut) > limit:
            cut = cut[:limit]
            end = max(cut.rfind("-"), cut.rfind("_"))
            cut = cut[:end] if end >= limit // 2 else cut
        text = cut.rstrip(".-_")
    return text or "unbenannt"


def papers_text(numbers: list[str] | tuple[str, ...]) -> str:
    """'Vorlage M 184/2026', 'Vorlagen GV/2026/004 und SA/2026/041'."""
    return f"{'Vorlage' if len(numbers) == 1 else 'Vorlagen'} {enumeration(list(numbers))}"


def in_state(state: str) -> str:
    """'in Bayern', 'im Saarland': a Land after 'in' (the Saarland takes its article; Saarland review:
    'In einem Landkreis in Saarland')."""
    return f"im {state}" if state == "Saarland" else f"in {state}"
