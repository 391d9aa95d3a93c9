"""German noun phrases for names of bodies, offices and people: articles, cases, numbers.

Documents name a committee inside sentences ("berichtet dem Jugendhilfeausschuss", "Beschluss
des Kreistages", "in der Stadtverordnetenversammlung"), so a bare name is not enough: it needs
its article and case. The gender comes from the name's head noun – the last part of a compound
(Jugendhilfe*ausschuss*, Stadtverordneten*versammlung*) or the first noun of a name with an
attribute (*Ausschuss* für Soziales, *Rat* der Stadt) – looked up in :data:`HEADS`. A head the
table does not know yields no forms, never a guessed article; :func:`committee_forms` then
names the body as „Gremium „X““, and a YAML field (``artikel``) can supply the gender.

:func:`definite` is the general entry: a name (a body, an office, a person's title) and, if
known, its gender → the four cases with the definite article and the contracted prepositions
(„im Kreistag“, „in der Stadtverordnetenversammlung“, „vom Landrat“, „von der
Oberbürgermeisterin“).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple

Gender = Literal["m", "f", "n"]
#: The article a user writes in YAML (``artikel: die``) → the gender it stands for.
ARTICLES: dict[str, Gender] = {"der": "m", "die": "f", "das": "n"}


@dataclass(frozen=True)
class Head:
    """A head noun: its gender, the genitive singular ending of a masculine or neuter noun
    ('es' in des Ausschusses, 's' in des Magistrats), and whether it is a weak masculine
    noun that takes -en in every case but the nominative (der Präsident, des Präsidenten)."""

    gender: Gender
    genitive: str = ""
    weak: bool = False
    #: A plural name ('Stadtteilrunden', a body meeting in every Sozialraum): die/der/den/die.
    plural: bool = False


_M_ES = Head("m", "es")
_M_S = Head("m", "s")
_N_S = Head("n", "s")
_F = Head("f")
_PLURAL = Head("f", plural=True)

#: Head nouns of the names of councils, committees, administrations and their heads, by the
#: lowercase ending a name (or its first noun) has. The longest matching ending counts, so
#: 'kreisausschuss' is an 'ausschuss' and 'magistrat' is not a 'rat'. Genitives follow the
#: usage of German council documents (des Kreistages, des Rates, des Magistrats); a compound of
#: 'Rat' as the Gemeindeordnungen write it: des Gemeinderats, des Stadtrats (BW review: the tool's
#: „des Gemeinderates“ stood beside the user's and the GemO's „des Gemeinderats“).
HEADS: dict[str, Head] = {
    # councils and committees
    "ausschuss": _M_ES,
    "tag": _M_ES,  # Kreistag, Städteregionstag
    "rat": _M_S,  # Stadtrat, Gemeinderat, Beirat; the bare 'Rat' in head_of
    "magistrat": _M_S,
    "senat": _M_S,
    "konvent": _M_S,
    "kreis": _M_ES,  # Arbeitskreis
    "zirkel": _M_S,
    "vorstand": _M_ES,
    "versammlung": _F,  # Stadtverordneten-, Bezirksverordneten-, Regionsversammlung
    "vertretung": _F,  # Gemeindevertretung
    "bürgerschaft": _F,
    "kommission": _F,
    "deputation": _F,  # städtische Deputation in Bremen (Gesetz über die Deputationen)
    "konferenz": _F,
    "gruppe": _F,  # Steuerungsgruppe
    "runde": _F,
    # plurals: bodies that meet in every Sozialraum ('Stadtteilrunden Frühe Hilfen' read as
    # 'zum Gremium „Stadtteilrunden …“'; a Netzwerkkoordinatorin)
    "runden": _PLURAL,
    "gruppen": _PLURAL,
    "konferenzen": _PLURAL,
    "arbeitskreise": _PLURAL,
    "verwaltung": _F,
    "stelle": _F,  # Koordinierungsstelle, Beratungsstelle
    "koordination": _F,  # Netzwerkkoordination
    "parlament": _N_S,
    "gremium": _N_S,
    "präsidium": _N_S,
    "kollegium": _N_S,
    "forum": _N_S,
    "plenum": _N_S,
    "amt": _N_S,  # Jugendamt, Bezirksamt
    "dezernat": _N_S,
    "bereich": _M_ES,  # Fachbereich
    "abteilung": _F,
    "referat": _N_S,  # not a 'rat'
    "sekretariat": _N_S,
    "büro": _N_S,
    # institutions, for 'beim Kinderschutzbund …' where a person's place is named (Lektorat: 'bei
    # „Kinderschutzbund Musterkreis – …“')
    "bund": _M_ES,  # Kinderschutzbund
    "verband": _M_ES,  # Caritasverband, Kreisverband
    "verein": _M_S,
    "dienst": _M_ES,  # Sozialdienst, Migrationsdienst
    "zentrum": _N_S,  # Familienzentrum
    "klinikum": _N_S,
    "haus": Head("n", "es"),  # Mehrgenerationenhaus
    "center": _N_S,  # Jobcenter
    "zentrale": _F,  # Hebammenzentrale
    "stätte": _F,  # Familienbildungsstätte
    "beratung": _F,  # Schwangerschaftsberatung
    # heads of the administration
    "landrat": _M_S,
    "landrätin": _F,
    "bürgermeister": _M_S,  # also Oberbürgermeister
    "bürgermeisterin": _F,
    "kreisdirektor": _M_S,
    "kreisdirektorin": _F,
    "präsident": Head("m", "en", weak=True),
    "präsidentin": _F,
    "dezernent": Head("m", "en", weak=True),
    "dezernentin": _F,
    "beigeordnete": _F,  # die Beigeordnete (der Beigeordnete declines like an adjective)
}

#: Words that end the name's leading noun group: prepositions and articles of an attribute
#: (Ausschuss *für* Soziales, Rat *der* Stadt).
_ATTRIBUTE_START = re.compile(
    r"^(für|der|des|dem|den|die|das|zur|zum|im|in|am|an|auf|bei|beim|von|vom|mit|und|über|gegen|nach|aus)$"
)
#: The ending a strong adjective has before a noun of each gender (Gemeinsamer Ausschuss,
#: Gemeinsame Kommission, Erweitertes Präsidium).
_STRONG_ENDING: dict[Gender, str] = {"m": "er", "f": "e", "n": "es"}
_DEFINITE = {
    "m": ("der", "des", "dem", "den"),
    "f": ("die", "der", "der", "die"),
    "n": ("das", "des", "dem", "das"),
}
_CONTRACTED = {
    "m": ("im", "vom", "zum", "beim"),
    "f": ("in der", "von der", "zur", "bei der"),
    "n": ("im", "vom", "zum", "beim"),
}
_PLURAL_ARTICLES = ("die", "der", "den", "die")
_PLURAL_PREPOSITIONS = ("in den", "von den", "zu den", "bei den")


@dataclass(frozen=True)
class Forms:
    """A name in the four cases with its definite article, and with the prepositions that
    contract with it: 'im Kreistag' / 'in der Stadtverordnetenversammlung'."""

    name: str
    nom: str
    gen: str
    dat: str
    acc: str
    im: str
    vom: str
    zum: str
    beim: str

    def __str__(self) -> str:
        return self.name

    @property
    def gender(self) -> Gender:
        """The gender its article shows: the pronouns that stand for the name follow it."""
        return _ARTICLE_GENDERS.get(self.nom.split(" ", 1)[0], "m")

    @property
    def pronoun(self) -> str:
        """'er', 'sie', 'es': the name as the subject of the next clause."""
        return {"m": "er", "f": "sie", "n": "es"}[self.gender]

    @property
    def pronoun_acc(self) -> str:
        """'ihn', 'sie', 'es'."""
        return {"m": "ihn", "f": "sie", "n": "es"}[self.gender]

    @property
    def pronoun_dat(self) -> str:
        """'ihm', 'ihr', 'ihm'."""
        return {"m": "ihm", "f": "ihr", "n": "ihm"}[self.gender]

    @property
    def possessive(self) -> str:
        """'sein' or 'ihr', the stem the caller inflects ('seine Sitzungen', 'in ihrer Sitzung')."""
        return "ihr" if self.gender == "f" else "sein"


#: The definite articles in the nominative and the gender each shows.
_ARTICLE_GENDERS: dict[str, Gender] = {"der": "m", "die": "f", "das": "n"}


#: Last words of the kinds of municipality that are masculine: der (Land-, Stadt-)Kreis, Bezirk,
#: Stadtstaat, Regionalverband; the others are feminine (Stadt, Kreisstadt, Region, Gemeinde).
_MASCULINE_KINDS = ("kreis", "bezirk", "stadtstaat", "verband")


def kind_gender(term: str) -> Gender:
    """The gender of a kind of municipality ('Landkreis', 'Große Kreisstadt') by its last word:
    one place for the articles messages and documents put before it."""
    last = term.split()[-1].lower() if term.split() else ""
    return "m" if last.endswith(_MASCULINE_KINDS) else "f"


def head_of(word: str) -> tuple[str, Head] | None:
    """The head noun a word ends with, by the longest ending in :data:`HEADS`."""
    lowered = word.lower()
    if lowered == "rat":
        return "rat", _M_ES  # des Rates
    endings = [e for e in HEADS if lowered.endswith(e)]
    if not endings:
        return None
    ending = max(endings, key=len)
    return ending, HEADS[ending]


def _genitive_ending(word: str, gender: Gender) -> str:
    """For a head the table does not know: -es after s, ß, x, z; -s otherwise; none for a
    feminine noun."""
    if gender == "f":
        return ""
    return "es" if re.search(r"(s|ß|x|z)$", word) else "s"


def _tokens(name: str) -> list[str]:
    """The words of a name, with a shortened compound kept whole: 'Sozial- und
    Gesundheitsausschuss' is one committee, whose head is its last part."""
    words = name.split(" ")
    tokens: list[str] = []
    while words:
        word = words.pop(0)
        while word.endswith("-") and len(words) >= 2 and words[0] in ("und", "oder"):
            word = f"{word} {words.pop(0)} {words.pop(0)}"
        tokens.append(word)
    return tokens


#: Words that can only be adjectives ('Städtische', 'Beratender', 'Gemeinsames'): before a noun the
#: table does not know, they are declined when the user gave the article; 'Familie Nord' is not.
_ADJECTIVE = re.compile(r"(isch|lich|ig|end|sam|bar)(e|er|es)$")


def _split(name: str, gender_known: bool = False) -> tuple[list[str], str, str] | None:
    """'Gemeinsamer Ausschuss für Jugend' → (['Gemeinsamer'], 'Ausschuss', ' für Jugend'):
    the adjectives before the head, the head word, and the rest as written (an apposition or an
    attribute that keeps its case). None if the name has no capitalised leading word, or if it
    starts like an adjective before a noun the table does not know and the caller does not know
    the gender either (with the user's ``artikel`` the first word after those that can only be
    adjectives is the head; Bremen review:
    'Städtische Deputation …' fell back to 'Gremium „…“')."""
    words = _tokens(name)
    group: list[str] = []
    for word in words:
        if _ATTRIBUTE_START.match(word) or not word[:1].isupper():
            break
        group.append(word)
    if not group:
        return None
    known = [i for i, word in enumerate(group) if head_of(word) is not None]
    if known:
        index = known[0]
    elif len(group) > 1 and re.search(r"(er|es|e)$", group[0]):
        leading = next((i for i, word in enumerate(group) if not _ADJECTIVE.search(word)), len(group))
        if not gender_known or not 0 < leading < len(group):
            return None  # 'Gemeinsamer Foo': an adjective before an unknown noun, or a noun?
        index = leading  # the first word after the adjectives
    else:
        index = 0  # 'Netzwerk Nord': the noun first, an apposition after it
    rest = name[len(" ".join(words[: index + 1])) :]
    return group[:index], group[index], rest


#: Adjectives made of a place's name with '-er', which are never declined ('des Berliner
#: Hebammenverbandes', not 'des Berlinen …'; diff review of the Berlin fixture): the capitals of the
#: Länder and the largest cities.
PLACE_ADJECTIVES = frozenset(
    {
        "Berliner", "Hamburger", "Bremer", "Münchner", "Kölner", "Frankfurter", "Stuttgarter", "Düsseldorfer",
        "Dresdner", "Leipziger", "Nürnberger", "Mainzer", "Kieler", "Schweriner", "Potsdamer", "Magdeburger",
        "Erfurter", "Saarbrücker", "Wiesbadener", "Dortmunder", "Essener", "Bremerhavener", "Rostocker",
        "Hallenser", "Chemnitzer", "Bochumer", "Bielefelder", "Bonner", "Mannheimer", "Karlsruher", "Augsburger",
    }
)  # fmt: skip


def _inflect_adjective(word: str, gender: Gender) -> tuple[str, str] | None:
    """'Gemeinsamer' (m) → ('Gemeinsame', 'Gemeinsamen'): the weak forms after a definite
    article (nominative and accusative of f/n; every other case), or None if the word does not
    end as a strong adjective of that gender does; a place's adjective stays as it is."""
    if word in PLACE_ADJECTIVES:
        return word, word
    ending = _STRONG_ENDING[gender]
    if not word.endswith(ending) or len(word) <= len(ending) + 2:
        return None
    stem = word[: -len(ending)]
    return f"{stem}e", f"{stem}en"


def definite(name: str, gender: Gender | None = None) -> Forms | None:
    """The name with its definite article in every case, e.g. 'Jugendhilfeausschuss' →
    der Jugendhilfeausschuss, des Jugendhilfeausschusses, dem …, den …; 'im …'.

    The gender comes from the head noun, or from `gender` where the caller knows it (a
    committee's ``artikel``, a person's title). None when neither tells it, or when the name
    starts with words that cannot be declined safely."""
    parts = _split(" ".join(name.split()), gender_known=gender is not None)
    if parts is None:
        return None
    adjectives, word, rest = parts
    found = head_of(word)
    head = found[1] if found else None
    if head is not None and head.plural and gender in (None, "f"):
        return None if adjectives else _plural(name, word, rest)
    chosen = gender or (head.gender if head else None)
    if chosen is None:
        return None
    if head is None or head.gender != chosen:
        head = Head(chosen, _genitive_ending(word, chosen))
    weak_adjectives: list[tuple[str, str]] = []
    for adjective in adjectives:
        inflected = _inflect_adjective(adjective, chosen)
        if inflected is None:
            return None
        weak_adjectives.append(inflected)

    def phrase(case: int) -> str:
        # case: 0 nominative, 1 genitive, 2 dative, 3 accusative
        short = case == 0 or (case == 3 and chosen != "m")
        adjs = [nom if short else other for nom, other in weak_adjectives]
        noun = word
        if head.weak and case or case == 1:
            noun += head.genitive
        return " ".join([*adjs, noun]) + rest

    articles = _DEFINITE[chosen]
    cases = [f"{articles[c]} {phrase(c)}" for c in range(4)]
    contracted = [f"{p} {phrase(2)}" for p in _CONTRACTED[chosen]]
    return Forms(name, *cases, *contracted)


def title_with_article(title: str) -> str:
    """'die Landrätin', 'der Oberbürgermeister': a head's title with its article – by the feminine
    ending where the table of heads does not know the title."""
    forms = definite(title)
    return forms.nom if forms else f"{'die' if title.endswith('in') else 'der'} {title}"


def _plural(name: str, word: str, rest: str) -> Forms:
    """A plural name: the dative adds -n where the noun does not end in it (den Arbeitskreisen)."""
    dative = word if word.endswith("n") else f"{word}n"
    nouns = (word, word, dative, word)
    cases = [f"{article} {noun}{rest}" for article, noun in zip(_PLURAL_ARTICLES, nouns, strict=True)]
    contracted = [f"{p} {dative}{rest}" for p in _PLURAL_PREPOSITIONS]
    return Forms(name, *cases, *contracted)


def at_name(name: str) -> str:
    """'beim Caritasverband …', 'bei der Koordinierungsstelle …' – or 'bei „…“' where the name
    cannot be declined safely (an institution as a person's place: 'ist das „Caritas-
    Migrationsdienst …“' equated a person with an institution; Netzwerkkoordinatorin)."""
    forms = definite(name)
    return forms.beim if forms else f"bei „{name}“"


def committee_forms(name: str, article: str | None = None) -> Forms:
    """A committee's name in every case. Where neither the name nor its ``artikel`` tells the
    gender, the name stands in quotes after 'Gremium', which is always right:
    'dem Gremium „Netzwerk XY“' rather than a guessed article."""
    forms = definite(name, ARTICLES.get(article or ""))
    if forms is not None:
        return forms
    quoted = definite(f"Gremium „{name}“")
    assert quoted is not None  # 'Gremium' is in HEADS
    return Forms(name, *(getattr(quoted, f) for f in ("nom", "gen", "dat", "acc", "im", "vom", "zum", "beim")))


# --- number ------------------------------------------------------------------------------------

#: Plural nouns of units and counted things → singular, for '1 Bericht pro Jahr' rather than
#: '1 Berichte pro Jahr'. Words with a regular ending are handled by :data:`_SINGULAR_ENDINGS`.
SINGULARS: dict[str, str] = {
    "Akteure": "Akteur",
    "Anfragen": "Anfrage",
    "Angebote": "Angebot",
    "Ausschüsse": "Ausschuss",
    "Berichte": "Bericht",
    "Beschlüsse": "Beschluss",
    "Besuche": "Besuch",
    "Betriebe": "Betrieb",
    "Bezirke": "Bezirk",
    "Einsätze": "Einsatz",
    "Einwohnerinnen und Einwohner": "Einwohnerin oder Einwohner",
    "Fachkräfte": "Fachkraft",
    "Familien": "Familie",
    "Fälle": "Fall",
    "Geburten": "Geburt",
    "Gespräche": "Gespräch",
    "Gremien": "Gremium",
    "Gruppen": "Gruppe",
    "Hausbesuche": "Hausbesuch",
    "Hebammen": "Hebamme",
    "Jahre": "Jahr",
    "Kinder": "Kind",
    "Kitas": "Kita",
    "Kliniken": "Klinik",
    "Kontakte": "Kontakt",
    "Kreise": "Kreis",
    "Kurse": "Kurs",
    "Lotsinnen": "Lotsin",
    "Mitglieder": "Mitglied",
    "Monate": "Monat",
    "Mütter": "Mutter",
    "Orte": "Ort",
    "Partner": "Partner",
    "Paten": "Pate",
    "Personen": "Person",
    "Plätze": "Platz",
    "Praxen": "Praxis",
    "Praxisstandorte": "Praxisstandort",
    "Projekte": "Projekt",
    "Punkte": "Punkt",
    "Quartiere": "Quartier",
    "Schulen": "Schule",
    "Sitzungen": "Sitzung",
    "Sozialräume": "Sozialraum",
    "Sprachen": "Sprache",
    "Stadtteile": "Stadtteil",
    "Standorte": "Standort",
    "Stellen": "Stelle",
    "Stunden": "Stunde",
    "Säuglinge": "Säugling",
    "Tage": "Tag",
    "Teile": "Teil",
    "Termine": "Termin",
    "Treffen": "Treffen",
    "Träger": "Träger",
    "Unterkünfte": "Unterkunft",
    "Väter": "Vater",
    "Werktage": "Werktag",
    "Wochen": "Woche",
    "Zentren": "Zentrum",
}
#: Plural endings whose singular is certain: -ungen → -ung, -schaften → -schaft …
_SINGULAR_ENDINGS = (
    ("ungen", "ung"),
    ("heiten", "heit"),
    ("keiten", "keit"),
    ("schaften", "schaft"),
    ("innen", "in"),
    ("stellen", "stelle"),
    ("beratungen", "beratung"),
)


def singular(noun: str) -> str | None:
    """The singular of a plural noun, or None if it is not known for certain; compounds end
    like their last part ('Fachausschüsse' → 'Fachausschuss')."""
    if noun in SINGULARS:
        return SINGULARS[noun]
    for plural, single in SINGULARS.items():
        if noun.endswith(plural.lower()):
            return noun[: -len(plural)] + single.lower()
    for plural, single in _SINGULAR_ENDINGS:
        if noun.endswith(plural):
            return noun[: -len(plural)] + single
    return None


def unit_for(amount: object, unit: str) -> str:
    """The unit of a measured value in the number the value needs: '1 Bericht pro Jahr',
    '2 Berichte pro Jahr', '1,5 Stellen'. Only exactly one takes the singular; a unit whose
    first word has no known singular stays as written."""
    if amount != 1:
        return unit
    whole = SINGULARS.get(unit)
    if whole:
        return whole
    pair = re.match(r"(\w+)innen und (\1)\b(.*)", unit)  # 'Teilnehmerinnen und Teilnehmer'
    if pair:
        return f"{pair[1]}in oder {pair[1]}{pair[3]}"
    first, _, rest = unit.partition(" ")
    single = singular(first)
    return f"{single} {rest}".rstrip() if single else unit


class CommitteeNouns(NamedTuple):
    """What a group of committees is called: 'Ausschuss', 'Ausschüsse', 'welcher'."""

    singular: str
    plural: str
    #: the interrogative before the singular: 'welcher Ausschuss', 'welche Deputation'
    which: str
    #: after 'nach' in a table's title: 'zuständigem Ausschuss', 'zuständiger Deputation'
    responsible_dat: str


#: By the nouns their names end in: Bremen's städtische Deputationen are no Ausschüsse (review of
#: the Stadtgemeinde Bremen: the resource planning spoke of 'Ausschüssen' for Deputationen); a mixed
#: group, or one with a council in it, is 'Gremien'.
_COMMITTEE_NOUNS = (
    ("deputation", CommitteeNouns("Deputation", "Deputationen", "welche", "zuständiger Deputation")),
    ("ausschuss", CommitteeNouns("Ausschuss", "Ausschüsse", "welcher", "zuständigem Ausschuss")),
)
_BODIES = CommitteeNouns("Gremium", "Gremien", "welches", "zuständigem Gremium")


def _head_noun(name: str) -> str | None:
    """The head noun of a body's name as :data:`HEADS` has it ('ausschuss' for 'Ausschuss für
    Soziales' and 'Jugendhilfeausschuss'; 'tag' for 'Kreistag (nach Ausschussberatung)'), by
    the same reading as its declension, not by any word that occurs in it (code review)."""
    parts = _split(name, gender_known=True)
    found = head_of(parts[1]) if parts else None
    return found[0] if found else None


def committee_nouns(names: Iterable[str]) -> CommitteeNouns:
    """Ausschüsse where every name is a committee's, Deputationen where every one is a
    Deputation's, else Gremien."""
    kinds = {dict(_COMMITTEE_NOUNS).get(_head_noun(name) or "") for name in names}
    only = kinds.pop() if len(kinds) == 1 else None
    return only or _BODIES
