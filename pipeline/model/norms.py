"""Legal norms, professions and the Bundesstiftung's Förderbereiche, as checked facts.

The documents and the validator need the same few facts a Jugendamt would otherwise correct by
hand: how binding a norm is (a Muss-, Soll- or Kann-Vorschrift, a Programmsatz, a Befugnis),
which children a profession accompanies and with which qualification, and the official names
of the Förderbereiche. Each entry cites where it was checked (the research in
``research/normen.yaml`` and ``normen-notizen.md``, 2026); ``verified=False`` marks what the
sources support only as common practice, so that rules built on it only warn and the documents
say "je nach Land".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, get_args

from pipeline.model.types import FREE_STATES

#: How binding a norm is: "muss" a bound duty ("hat … zu"), "soll" a duty in the regular case,
#: "kann" discretion, "anspruch" a claim of a person, "befugnis" a permission, "definition" a
#: legal definition, "programmsatz" an objective mandate in the indicative with no one bound,
#: "verbot" a prohibition, "recht" a right.
Binding = Literal["muss", "soll", "kann", "anspruch", "befugnis", "definition", "programmsatz", "verbot", "recht"]
#: Kinds under which a sentence may say that someone is obliged ("verpflichtet", "muss").
DUTIES: frozenset[Binding] = frozenset({"muss", "verbot"})

_HAUFE = "https://haufe.de/sozialwesen/sgb-office-professional/"
_BUNDESTAG_KKG = "bundestag/gesetze: k/kkg/index.md (Commit d2c90e48, Fassung 2016)"
_BLJA_8A = "http://www.blja.bayern.de/service/bibliothek/fachliche-empfehlungen/umsetzungschutzauftrag.php"


#: Who the local Träger der Jugendhilfe is, said generally; the agreement names the municipality
#: where it is the Träger itself (:attr:`pipeline.model.agreement.Agreement.legal_basis`).
GENERIC_ORGANISER = "also bei der Gebietskörperschaft, die das Jugendamt unterhält"


@dataclass(frozen=True)
class Norm:
    """One paragraph of a law: its binding force as a whole and per Absatz where they differ,
    what it says in a sentence the documents may use, and how to write it when a text made it
    stronger than it is."""

    law: str
    number: str
    title: str
    binding: Binding
    paraphrase: str
    reading: str
    wording: str
    sources: tuple[str, ...]
    paragraphs: Mapping[int, Binding] = field(default_factory=dict)
    verified: bool = True

    @property
    def citation(self) -> str:
        """'§ 3 KKG'."""
        return f"§ {self.number} {self.law}"

    def bindings(self, paragraph: int | None = None) -> frozenset[Binding]:
        """How binding the cited part is: one Absatz, or all of them when none is named."""
        if paragraph is not None and paragraph in self.paragraphs:
            return frozenset({self.paragraphs[paragraph]})
        return frozenset({self.binding, *self.paragraphs.values()})


NORMS: tuple[Norm, ...] = (
    Norm(
        "KKG",
        "1",
        "Kinderschutz und staatliche Mitverantwortung",
        "definition",
        "Frühe Hilfen sind ein möglichst frühzeitiges, koordiniertes und multiprofessionelles Angebot für Mütter "
        "und Väter sowie schwangere Frauen und werdende Väter, vor allem in den ersten Lebensjahren des Kindes "
        "(§ 1 Abs. 4 KKG).",
        "Abs. 4 bestimmt, was Frühe Hilfen sind; eine Pflicht oder einen Anspruch begründet er nicht",
        "Frühe Hilfen richten sich nach § 1 Abs. 4 KKG an (werdende) Eltern ab der Schwangerschaft und in den "
        "ersten Lebensjahren des Kindes.",
        (
            "https://www.buzer.de/gesetz/10032/a174469.htm (Wortlaut § 1 KKG nach KJSG)",
            _HAUFE + "jung-kkg-1-kinderschutz-und-staatliche-verantwortung_idesk_PI434_HI3702887.html",
        ),
        {4: "definition"},
    ),
    Norm(
        "KKG",
        "2",
        "Information der Eltern über Unterstützungsangebote in Fragen der Kindesentwicklung",
        "soll",
        "Eltern sowie werdende Mütter und Väter sollen über die Beratungs- und Hilfeangebote vor Ort informiert "
        "werden; die zuständige Stelle ist befugt, ihnen ein persönliches Gespräch anzubieten, auf Wunsch auch "
        "zu Hause.",
        "Abs. 1 ist eine Soll-Vorschrift, Abs. 2 eine Befugnis der zuständigen Stelle; für Eltern ist der "
        "Besuch ein Angebot",
        "Eltern sollen über die Angebote vor Ort informiert werden (§ 2 Abs. 1 KKG); das Jugendamt ist befugt, "
        "ihnen ein persönliches Gespräch anzubieten, auf Wunsch auch zu Hause (§ 2 Abs. 2 KKG).",
        (
            _BUNDESTAG_KKG,
            _HAUFE + "jung-kkg-2-information-der-eltern-ueber-unterstuetzungsangebote-in-fragen-der-"
            "kindesentwicklung_idesk_PI434_HI3702933.html",
        ),
        {1: "soll", 2: "befugnis"},
    ),
    Norm(
        "KKG",
        "3",
        "Rahmenbedingungen für verbindliche Netzwerkstrukturen im Kinderschutz",
        "programmsatz",
        "In den Ländern werden, insbesondere in den Frühen Hilfen, verbindliche Strukturen der Zusammenarbeit im "
        "Kinderschutz aufgebaut und weiterentwickelt; das Netzwerk soll, sofern Landesrecht nichts anderes "
        "bestimmt, vom örtlichen Träger der Jugendhilfe organisiert werden.",
        "Abs. 1 ist ein Programmsatz an die Länder („werden … aufgebaut“) ohne bestimmten Verpflichteten, Abs. 3 "
        "eine Soll-Vorschrift unter dem Vorbehalt des Landesrechts",
        "Nach § 3 KKG werden in den Ländern verbindliche Netzwerkstrukturen im Kinderschutz, insbesondere in den "
        "Frühen Hilfen, aufgebaut; die Organisation des Netzwerks soll – sofern Landesrecht nichts anderes "
        f"bestimmt – beim örtlichen Träger der Jugendhilfe liegen, {GENERIC_ORGANISER} (§ 3 Abs. 3 KKG).",
        (
            _BUNDESTAG_KKG + " – Wortlaut Abs. 1, 3, 4",
            _HAUFE + "jung-kkg-3-rahmenbedingungen-fuer-verbindliche-netzwerkstrukturen-im-kinderschutz_idesk_"
            "PI434_HI3702965.html",
        ),
        {1: "programmsatz", 2: "soll", 3: "soll", 4: "soll"},
    ),
    Norm(
        "KKG",
        "4",
        "Beratung und Übermittlung von Informationen durch Geheimnisträger bei Kindeswohlgefährdung",
        "befugnis",
        "Berufsgeheimnisträgerinnen und -träger sollen bei gewichtigen Anhaltspunkten für eine Gefährdung "
        "zunächst mit den Eltern sprechen, haben Anspruch auf Beratung durch eine insoweit erfahrene Fachkraft "
        "und sind befugt, das Jugendamt zu informieren.",
        "die Information des Jugendamts ist eine Befugnis (Abs. 3), keine Meldepflicht; nur Heilberufe sollen "
        "bei dringender Gefahr unverzüglich informieren",
        "Berufsgeheimnisträgerinnen und -träger sind nach § 4 Abs. 3 KKG befugt, das Jugendamt zu informieren; "
        "zuvor sollen sie mit den Eltern sprechen und können sich von einer insoweit erfahrenen Fachkraft "
        "beraten lassen.",
        (
            _BUNDESTAG_KKG,
            "https://lexante.net/de/kkg/4 (aktueller Abs. 1)",
            _HAUFE + "jung-kkg-4-beratung-und-uebermittlung-von-informatione-1-allgemeines_idesk_PI434_"
            "HI3712247.html",
        ),
        {1: "soll", 2: "anspruch", 3: "befugnis", 4: "soll"},
    ),
    Norm(
        "SGB VIII",
        "8a",
        "Schutzauftrag bei Kindeswohlgefährdung",
        "muss",
        "Werden dem Jugendamt gewichtige Anhaltspunkte für eine Gefährdung bekannt, hat es das Risiko im "
        "Zusammenwirken mehrerer Fachkräfte einzuschätzen.",
        "eine Muss-Vorschrift für das Jugendamt",
        "Das Jugendamt hat bei gewichtigen Anhaltspunkten das Gefährdungsrisiko einzuschätzen (§ 8a SGB VIII).",
        (
            "https://dijuf.de/handlungsfelder/kjsg/kjsg-faq/kinderschutz (Wortlaut Abs. 1 mit KJSG)",
            _BLJA_8A + " (Abs. 4: Vereinbarungen mit den Trägern von Einrichtungen und Diensten)",
        ),
        {1: "muss", 4: "muss"},
    ),
    Norm(
        "SGB VIII",
        "8b",
        "Fachliche Beratung und Begleitung zum Schutz von Kindern und Jugendlichen",
        "anspruch",
        "Wer beruflich mit Kindern in Kontakt steht, hat bei der Einschätzung einer Gefährdung Anspruch auf "
        "Beratung durch eine insoweit erfahrene Fachkraft.",
        "ein Anspruch der beruflich mit Kindern befassten Personen, keine Pflicht",
        "Fachkräfte haben nach § 8b SGB VIII Anspruch auf Beratung durch eine insoweit erfahrene Fachkraft.",
        ("https://blja.bayern.de/service/bibliothek/fachliche-empfehlungen/anwendung8b20131022.php",),
    ),
    Norm(
        "SGB VIII",
        "16",
        "Allgemeine Förderung der Erziehung in der Familie",
        "soll",
        "Müttern und Vätern sowie schwangeren Frauen und werdenden Vätern sollen Beratung und Hilfe in Fragen der "
        "Partnerschaft und des Aufbaus elterlicher Erziehungs- und Beziehungskompetenzen angeboten werden.",
        "eine Soll-Vorschrift ohne individuellen Rechtsanspruch",
        "Nach § 16 SGB VIII sollen Eltern und werdenden Eltern Leistungen der allgemeinen Förderung der "
        "Erziehung in der Familie angeboten werden.",
        (
            "bundestag/gesetze: s/sgb_8/index.md (Commit d2c90e48, Fassung 2016) – Abs. 3",
            "https://familienbildung.info/grundlagen/gesetzliche-grundlagen/",
        ),
    ),
    Norm(
        "SGB VIII",
        "71",
        "Jugendhilfeausschuss, Landesjugendhilfeausschuss",
        "recht",
        "Der Jugendhilfeausschuss hat Beschlussrecht im Rahmen der bereitgestellten Mittel, soll vor jeder "
        "Beschlussfassung der Vertretungskörperschaft in Fragen der Jugendhilfe gehört werden und hat das Recht, "
        "Anträge zu stellen (seit dem KJSG in Abs. 4).",
        "Abs. 4 gibt dem Jugendhilfeausschuss Rechte; seine Anhörung ist eine Soll-Vorschrift",
        "Der Jugendhilfeausschuss soll vor der Beschlussfassung des Kreistags oder Rats gehört werden und hat das "
        "Recht, Anträge zu stellen (§ 71 Abs. 4 SGB VIII).",
        (
            "https://bezirksverwaltungsrecht.berlin/kommentar-zum-bezirksverwaltungsgesetz/33-jugendhilfeausschuss",
            _HAUFE + "jung-sgbviii-71-jugendhilfeausschuss-landesjugendhi-216-beschlussrecht_idesk_PI434_"
            "HI1418805.html",
        ),
        {4: "soll"},
        verified=False,
    ),
    Norm(
        "SGB VIII",
        "79",
        "Gesamtverantwortung, Grundausstattung",
        "muss",
        "Die Träger der öffentlichen Jugendhilfe haben die Gesamt- und Planungsverantwortung; sie sollen "
        "gewährleisten, dass verbindliche Strukturen der Zusammenarbeit aufgebaut und weiterentwickelt werden.",
        "Abs. 1 ist eine Muss-, Abs. 2 eine Soll-Vorschrift",
        "Das Jugendamt trägt die Gesamtverantwortung (§ 79 Abs. 1 SGB VIII) und soll gewährleisten, dass "
        "verbindliche Strukturen der Zusammenarbeit aufgebaut werden (§ 79 Abs. 2 SGB VIII).",
        (
            "https://aok.de/fk/rps/sozialversicherung/rechtsdatenbank/ (§ 79 SGB VIII, aktueller Wortlaut mit "
            "Änderungshinweisen KJSG)",
        ),
        {1: "muss", 2: "soll", 3: "muss"},
    ),
    Norm(
        "SGB VIII",
        "79a",
        "Qualitätsentwicklung in der Kinder- und Jugendhilfe",
        "muss",
        "Die Träger der öffentlichen Jugendhilfe haben Grundsätze und Maßstäbe für die Qualität, auch der "
        "Zusammenarbeit mit anderen Institutionen, weiterzuentwickeln, anzuwenden und regelmäßig zu überprüfen.",
        "eine Muss-Vorschrift",
        "Das Jugendamt hat die Qualität der Zusammenarbeit weiterzuentwickeln und zu überprüfen (§ 79a SGB VIII).",
        ("https://www.hessischer-jugendring.de/kindeswohl/bundeskinderschutzgesetz/paragraf-79a",),
    ),
    Norm(
        "SGB VIII",
        "80",
        "Jugendhilfeplanung",
        "muss",
        "Die Träger der öffentlichen Jugendhilfe haben den Bestand festzustellen, den Bedarf zu ermitteln und "
        "die notwendigen Vorhaben rechtzeitig und ausreichend zu planen.",
        "Abs. 1 ist eine Muss-, Abs. 2 eine Soll-Vorschrift",
        "Der Träger der öffentlichen Jugendhilfe hat Bestand und Bedarf festzustellen und die Vorhaben zu planen "
        "(§ 80 Abs. 1 SGB VIII).",
        ("https://www.gesetze-im-internet.de/sgb_8/__80.html (über einen Spiegel gelesen)",),
        {1: "muss", 2: "soll"},
    ),
    Norm(
        "SGB VIII",
        "81",
        "Strukturelle Zusammenarbeit mit anderen Stellen und öffentlichen Einrichtungen",
        "muss",
        "Die Träger der öffentlichen Jugendhilfe haben mit anderen Stellen, darunter dem Gesundheitswesen, "
        "zusammenzuarbeiten; die Pflicht trifft nur das Jugendamt.",
        "eine Muss-Vorschrift, die nur das Jugendamt bindet",
        "Das Jugendamt hat mit den Stellen des Gesundheitswesens zusammenzuarbeiten (§ 81 Nr. 5 SGB VIII).",
        (
            "https://www.kinder-jugendhilfe.info/allgemeine-rahmenbedingungen/gesellschaft/kinder-und-"
            "jugendhilfe-schnittstellen-der-kooperation",
        ),
    ),
    Norm(
        "SGB V",
        "20a",
        "Leistungen zur Gesundheitsförderung und Prävention in Lebenswelten",
        "kann",
        "Die Krankenkassen fördern gesundheitsförderliche Strukturen in Lebenswelten, kassenübergreifend und auf "
        "der Grundlage der Landesrahmenvereinbarungen; die Leistungen sind Kann-Leistungen ohne Anspruch "
        "Einzelner und ohne Vergütung für Lotsendienste.",
        "Kann-Leistungen der Krankenkassen für Strukturen in Lebenswelten, kein Anspruch und keine "
        "Regelfinanzierung",
        "Die Krankenkassen beteiligen sich projektbezogen im Rahmen der Gesundheitsförderung in Lebenswelten "
        "(§ 20a SGB V).",
        (
            "https://haufe.de/personal/haufe-personal-office-platin/leitfaden-praevention-handlungsfelder-und-"
            "kriterien-nac-41-gesetzliche-grundlagen_idesk_PI42323_HI15521470.html",
            "https://www.seeyou-hamburg.de/kooperationen-beratung/politik-kommunalverwaltung/",
        ),
        {1: "kann", 2: "kann"},
    ),
    Norm(
        "SGB V",
        "24d",
        "Ärztliche Betreuung und Hebammenhilfe",
        "anspruch",
        "Versicherte haben in der Schwangerschaft, bei und nach der Entbindung Anspruch auf ärztliche Betreuung "
        "und Hebammenhilfe; im Wochenbett bis zwölf Wochen nach der Geburt, danach auf ärztliche Anordnung.",
        "ein Anspruch der Versicherten auf Hebammenhilfe, nicht auf Begleitung durch Familienhebammen",
        "Die Hebammenhilfe im Wochenbett ist bis zwölf Wochen nach der Geburt eine Leistung der Krankenkassen "
        "(§ 24d SGB V).",
        (
            "https://haufe.de/personal/haufe-personal-office-platin/sommer-sgbv-24d-aerztliche-betreuung-und-"
            "hebammenhilfe-23-hebammenhilfe_idesk_PI42323_HI3502633.html",
        ),
    ),
    Norm(
        "SGB V",
        "134a",
        "Versorgung mit Hebammenhilfe",
        "muss",
        "Der GKV-Spitzenverband schließt mit den Berufsverbänden der Hebammen Verträge über die Hebammenhilfe; "
        "abrechnen können nur Hebammen, die dem Vertrag angehören.",
        "eine Pflicht der Vertragsparteien zur regulären Hebammenhilfe, nicht zu den Frühen Hilfen",
        "Die reguläre Hebammenhilfe rechnen Hebammen nach dem Hebammenhilfevertrag ab (§ 134a SGB V).",
        ("https://gkv-spitzenverband.de/krankenversicherung/ambulante_leistungen/hebammen_geburtshaeuser/",),
    ),
    Norm(
        "StGB",
        "203",
        "Verletzung von Privatgeheimnissen",
        "verbot",
        "Wer als Angehörige oder Angehöriger bestimmter Berufe ein anvertrautes Geheimnis unbefugt offenbart, "
        "macht sich strafbar; § 4 KKG ist die Befugnis, die eine Information des Jugendamts erlaubt.",
        "ein Verbot unbefugter Offenbarung",
        "Berufsgeheimnisträgerinnen und -träger dürfen Anvertrautes nur befugt offenbaren (§ 203 Abs. 1 StGB).",
        ("https://lexetius.de/StGB/203,1",),
    ),
)

#: The norms by law and paragraph number: ('KKG', '3').
NORMS_BY_CITATION: dict[tuple[str, str], Norm] = {(n.law, n.number): n for n in NORMS}


# --- professions -------------------------------------------------------------------------------

ProfessionId = Literal[
    "hebamme",
    "familienhebamme",
    "fgkikp",
    "babylotse",
    "kinderaerztin",
    "gynaekologin",
    "fruehfoerderung",
    "erziehungsberatung",
    "schwangerschaftsberatung",
    "familienpatin",
]
PROFESSION_IDS: tuple[str, ...] = get_args(ProfessionId)


@dataclass(frozen=True)
class FundingMisreading:
    """A norm often named as the funding of a profession's work although it is not: a text
    about the profession that cites it needs the words of `unless` (e.g. 'Projekt')."""

    law: str
    number: str
    explanation: str
    wording: str
    unless: str


@dataclass(frozen=True)
class Profession:
    """A profession of the Frühe Hilfen: names (gender-fair), which children it accompanies,
    its qualification and how its work is usually paid for. `until_months` is the age up to
    which it usually accompanies, `max_months` the age beyond which it does not; both are
    thresholds for warnings, since practice differs by Land."""

    id: str
    singular: str
    plural: str
    pattern: str
    accompanies: str
    qualification: str
    funding: tuple[str, ...]
    sources: tuple[str, ...]
    until_months: int | None = None
    max_months: int | None = None
    until_words: str = ""
    misreadings: tuple[FundingMisreading, ...] = ()
    verified: bool = True
    #: Where a Land's programme sets other ages, what the concept of a municipality there says.
    in_states: tuple[StateRule, ...] = ()

    @property
    def volunteers(self) -> bool:
        """Done by volunteers, not by professionals: the concept heads them 'Ehrenamtliche', not
        'Fachkräfte' (Saxon review: 'Fachkräfte: Familienpatinnen … Qualifikation: keine
        Fachausbildung')."""
        return self.qualification.startswith("keine Fachausbildung")

    @property
    def profile(self) -> str:
        """What the concept says of the profession in a measure: whom, how long, qualified how."""
        return self.profile_in("")

    def rule_in(self, state: str) -> StateRule | None:
        """The Land's own rule for this profession, where the table has one."""
        return next((r for r in self.in_states if r.state == state), None)

    def profile_in(self, state: str, described: str = "") -> str:
        """The profile as it holds in one Land: a document for one municipality never says
        "je nach Land"; a Freistaat's rules are 'des Freistaates' (Bavarian review). Where the
        measure's own description (`described`) says how long it accompanies, the usual span is
        left out: 'meist bis zum dritten Lebensjahr' under 'im ersten Lebensjahr' read as a
        contradiction (Bavarian review)."""
        rule = self.rule_in(state)
        accompanies = rule.accompanies if rule is not None else self.accompanies
        qualification = self.qualification
        if state in FREE_STATES:
            qualification = re.sub(
                r"\bdes Landes\b", "des Freistaates", qualification
            )  # not 'des Landesprogramms'
        if _SPAN_SAID.search(described):
            return f"{self.plural}. Qualifikation: {qualification}."
        return f"{self.plural} begleiten Familien {accompanies}. Qualifikation: {qualification}."


#: A description that says itself how long a measure accompanies ('im ersten Lebensjahr', 'bis zum
#: dritten Geburtstag', 'in den ersten sechs Lebensmonaten').
_SPAN_SAID = re.compile(r"Lebensjahr|Geburtstag|Lebensmonat|Lebenswoche", re.IGNORECASE)


@dataclass(frozen=True)
class StateRule:
    """A Land's own rule for a profession, with where it was checked; `months` is its age limit."""

    state: str
    accompanies: str
    source: str
    months: int | None = None


#: Landesprogramm Familienhebammen und FGKiKP in Mecklenburg-Vorpommern: since 1 January 2025 from
#: birth to the end of the 18th month (before: the first year).
_MV_PROGRAMME = StateRule(
    "Mecklenburg-Vorpommern",
    "ab der Geburt bis zum Ende des 18. Lebensmonats des Kindes (Landesprogramm Mecklenburg-Vorpommern)",
    "https://dhz-online.de/news/detail/artikel/familienhebammen-unterstuetzen-jetzt-laenger (Ministerium für "
    "Soziales, Gesundheit und Sport Mecklenburg-Vorpommern, 11.01.2025: Grundsätze des Landesprogramms)",
    months=18,
)


_NZFH_PROFILES = "https://fruehehilfen.de/qualitaetsentwicklung-fruehe-hilfen/qualifizierung/kompetenzprofile"

PROFESSIONS: dict[str, Profession] = {
    p.id: p
    for p in (
        Profession(
            "hebamme",
            "Hebamme",
            "Hebammen",
            r"(?<![\w-])Hebamme",
            "ab der Schwangerschaft, im Wochenbett bis zwölf Wochen nach der Geburt als Leistung der "
            "Krankenkassen, darüber hinaus auf ärztliche Anordnung",
            "staatliche Erlaubnis nach dem Hebammengesetz („Hebamme“ gilt seit 2020 für alle Geschlechter)",
            ("gesetzliche Krankenversicherung (§ 24d SGB V, Hebammenhilfevertrag nach § 134a SGB V)",),
            (
                "https://haufe.de/personal/haufe-personal-office-platin/sommer-sgbv-24d-aerztliche-betreuung-und-"
                "hebammenhilfe-23-hebammenhilfe_idesk_PI42323_HI3502633.html",
            ),
        ),
        Profession(
            "familienhebamme",
            "Familienhebamme",
            "Familienhebammen",
            r"Familienhebamme|FamHeb\b",
            "ab der Schwangerschaft, in der Regel bis zum ersten Geburtstag des Kindes, bei besonderem Bedarf bis "
            "zum dritten",
            "Hebamme mit Zusatzqualifikation für die Frühen Hilfen nach dem Kompetenzprofil Familienhebammen des "
            "NZFH und den Regelungen des Landes",
            (
                "Bundesstiftung Frühe Hilfen, Förderbereich II",
                "kommunale Mittel",
                "Landesprogramme",
            ),
            (
                "https://familienplanung.de/service/lexikon/familienhebamme (bis ein Jahr, bei besonderem Bedarf "
                "bis drei Jahre)",
                "https://www.life-hdh.de/familienhebamme/ (zitiert fruehehilfen.de)",
                _NZFH_PROFILES,
            ),
            until_months=12,
            max_months=36,
            until_words="in der Regel bis zum ersten Geburtstag des Kindes, bei besonderem Bedarf bis zum dritten",
            in_states=(_MV_PROGRAMME,),
            misreadings=(
                FundingMisreading(
                    "SGB V",
                    "24d",
                    "§ 24d SGB V deckt nur die reguläre Hebammenhilfe (Wochenbett bis zwölf Wochen), nicht die "
                    "längere psychosoziale Begleitung durch Familienhebammen",
                    "Die Begleitung durch Familienhebammen wird aus Mitteln der Bundesstiftung Frühe Hilfen "
                    "(Förderbereich II), des Landes oder der Kommune finanziert.",
                    r"Wochenbett|Hebammenhilfe\b",
                ),
                FundingMisreading(
                    "SGB V",
                    "134a",
                    "§ 134a SGB V regelt die Abrechnung der regulären Hebammenhilfe, nicht die Begleitung durch "
                    "Familienhebammen",
                    "Die Begleitung durch Familienhebammen wird aus Mitteln der Bundesstiftung Frühe Hilfen "
                    "(Förderbereich II), des Landes oder der Kommune finanziert.",
                    r"Wochenbett|Hebammenhilfe\b",
                ),
            ),
        ),
        Profession(
            "fgkikp",
            "Familien-Gesundheits- und Kinderkrankenpflegerin oder -pfleger (FGKiKP)",
            "Familien-Gesundheits- und Kinderkrankenpflegende (FGKiKP)",
            r"FGKiKP|Familien-Gesundheits-\s*und\s+Kinderkrankenpfleg|Familienkinderkrankenpfleg",
            "ab der Geburt bis zum dritten Geburtstag des Kindes",
            "Gesundheits- und Kinderkrankenpflege mit Zusatzqualifikation nach dem Kompetenzprofil Familien-"
            "Gesundheits- und Kinderkrankenpflegerinnen und -pfleger des NZFH und den Regelungen des Landes",
            ("Bundesstiftung Frühe Hilfen, Förderbereich II", "kommunale Mittel", "Landesprogramme"),
            (
                "https://www.fruehehilfen.de/qualitaetsentwicklung-fruehe-hilfen/qualifizierung/leistungsprofil/ "
                "(Gesundheitsorientierte Familienbegleitung: Familien mit Kindern von 0 bis 3 Jahren)",
                "http://www.heinrich-schwestern.de/schwesternschaft/aktuelles/fgkikp-und-famheb.html (SH: bis zum "
                "Ende des dritten Lebensjahres)",
                "https://familieninfo-mv.de/blog/fruehe-hilfen-anlaufstelle-fuer-junge-eltern (MV: bis zum ersten "
                "Geburtstag)",
                "https://www.jugendhilfeportal.de/material/kompetenzprofil-familien-gesundheits-und-"
                "kinderkrankenpflegerinnen-und-pfleger-in-den-fruehen-hilf/",
            ),
            until_months=36,
            max_months=36,
            until_words="bis zum dritten Geburtstag des Kindes",
            verified=False,
            in_states=(_MV_PROGRAMME,),
        ),
        Profession(
            "babylotse",
            "Babylotsin oder Babylotse",
            "Babylotsinnen und Babylotsen",
            r"(?i)(?<!pi)lots(?:e|in)",
            "rund um die Geburt bis zur Vermittlung in "
            "passende Angebote; eine längere Begleitung gehört nicht dazu",
            "Fachkräfte der Sozialen Arbeit oder aus Gesundheitsberufen mit Qualifizierung für den Lotsendienst "
            "(z. B. nach dem Modell Babylotse der Stiftung SeeYou)",
            (
                "keine gesetzliche Regelfinanzierung: Bundesstiftung Frühe Hilfen, Land, Kommune, Stiftungen und "
                "Spenden; Krankenkassen nur über Projekte oder einzelne Verträge",
            ),
            (
                "https://www.seeyou-hamburg.de/kooperationen-beratung/politik-kommunalverwaltung/",
                "https://www.caritas-os.de/pressemitteilungen/sicherer-start-ins-familienleben-ab-dem-ersten-leb/"
                "2766645/",
            ),
            misreadings=(
                FundingMisreading(
                    "SGB V",
                    "20a",
                    "Lotsendienste haben im SGB V keine Regelfinanzierung; § 20a SGB V erlaubt den Krankenkassen "
                    "nur Kann-Leistungen für Strukturen in Lebenswelten",
                    "Die Krankenkassen beteiligen sich projektbezogen im Rahmen der Gesundheitsförderung in "
                    "Lebenswelten (§ 20a SGB V) am Lotsendienst, befristet bis …",
                    r"(?i)projekt",
                ),
            ),
        ),
        Profession(
            "kinderaerztin",
            "Kinder- und Jugendärztin oder -arzt",
            "Kinder- und Jugendärztinnen und -ärzte",
            r"Kinder- und Jugendärzt|Kinderärzt|Pädiat",
            "ab der Geburt; in den Frühen Hilfen vor allem bei den Früherkennungsuntersuchungen der ersten "
            "Lebensjahre",
            "Fachärztin oder Facharzt für Kinder- und Jugendmedizin",
            ("gesetzliche Krankenversicherung; die Mitarbeit im Netzwerk ist meist nicht vergütet",),
            ("normen.yaml: berufe.kinderaerztin (Allgemeinwissen, nicht gezielt recherchiert)",),
            verified=False,
        ),
        Profession(
            "gynaekologin",
            "Frauenärztin oder Frauenarzt",
            "Frauenärztinnen und -ärzte",
            r"Frauenärzt|[Gg]ynäkolog",
            "in der Schwangerschaft und im Wochenbett",
            "Fachärztin oder Facharzt für Frauenheilkunde und Geburtshilfe",
            ("gesetzliche Krankenversicherung (§ 24d SGB V)",),
            (
                "https://haufe.de/personal/haufe-personal-office-platin/sommer-sgbv-24d-aerztliche-betreuung-und-"
                "hebammenhilfe-1-allgemeines_idesk_PI42323_HI3502626.html",
            ),
        ),
        Profession(
            "fruehfoerderung",
            "Fachkraft der Frühförderung",
            "Fachkräfte der interdisziplinären Frühförderung",
            r"Frühförder",
            "ab der Geburt bis zum Schuleintritt",
            "interdisziplinäre Teams aus Heilpädagogik, Therapieberufen, Psychologie und Medizin",
            ("Komplexleistung Frühförderung nach dem SGB IX (Krankenkasse und Träger der Eingliederungshilfe)",),
            (_BUNDESTAG_KKG + " (§ 3 Abs. 2: Frühförderstellen als Netzwerkpartner)",),
            verified=False,
        ),
        Profession(
            "erziehungsberatung",
            "Fachkraft der Erziehungsberatung",
            "Fachkräfte der Erziehungs- und Familienberatung",
            r"Erziehungsberat|Erziehungs- und Familienberat",
            # the Frühe Hilfen's part of its work, not its whole span up to 27 years (Bavarian review:
            # 'bis zur Vollendung des 27. Lebensjahres' under a service for crying babies)
            "ab der Schwangerschaft, in den Frühen Hilfen vor allem Eltern mit Säuglingen und Kleinkindern",
            "Fachkräfte verschiedener Fachrichtungen mit unterschiedlichen methodischen Ansätzen (§ 28 SGB VIII)",
            ("Kinder- und Jugendhilfe (kommunal, teils Land)",),
            ("bundestag/gesetze: s/sgb_8/index.md (Fassung 2016, § 28)",),
        ),
        Profession(
            "schwangerschaftsberatung",
            "Fachkraft der Schwangerschaftsberatung",
            "Fachkräfte der Schwangerschafts- und Schwangerschaftskonfliktberatung",
            r"Schwangerschafts(?:konflikt)?beratung",
            "ab der Schwangerschaft, auch nach der Geburt",
            "Fachkräfte staatlich anerkannter Beratungsstellen nach §§ 3 und 8 SchKG",
            ("Land (Förderung der Beratungsstellen nach dem SchKG)",),
            (_BUNDESTAG_KKG + " (§ 3 Abs. 2, § 4 Abs. 1 Nr. 5)", "https://lexetius.de/StGB/203,1"),
            verified=False,
        ),
        Profession(
            "familienpatin",
            "Familienpatin oder Familienpate",
            "Familienpatinnen und Familienpaten",
            r"Familienpat",
            # 'bis zum dritten Geburtstag' as the documents say elsewhere ('dritten Lebensjahr' read as
            # ambiguous); no second colon after 'Qualifikation:' (Saxon review)
            "ab der Schwangerschaft oder der Geburt, je nach Träger meist bis zum dritten Geburtstag",
            "keine Fachausbildung; Ehrenamtliche mit Schulung und fachlicher Begleitung durch hauptamtliche "
            "Fachkräfte",
            ("Bundesstiftung Frühe Hilfen, Förderbereich II", "kommunale Mittel", "Stiftungen und Spenden"),
            (
                _BUNDESTAG_KKG + " (§ 3 Abs. 4 Satz 2: Einbeziehung ehrenamtlicher Strukturen)",
                "http://www.kinderschutz-niedersachsen.de/index.cfm?uuid=931E3495D66C8309091BC395293B96A9",
            ),
            verified=False,
        ),
    )
}


# --- Bundesstiftung Frühe Hilfen --------------------------------------------------------------

FundingAreaCode = Literal["I", "II", "III"]


@dataclass(frozen=True)
class FundingArea:
    """A Förderbereich of the Bundesstiftung Frühe Hilfen: its official title, a short form and
    the words by which a text's title shows which area it means."""

    code: str
    title: str
    short: str
    keywords: tuple[str, ...]

    @property
    def name(self) -> str:
        """'Förderbereich I „Maßnahmen zur Sicherstellung der Netzwerkstrukturen in den Frühen Hilfen“',
        the numeral bound to its word by a no-break space."""
        return f"Förderbereich\u00a0{self.code} „{self.title}“"


#: The nine quality dimensions of the NZFH's Qualitätsrahmen Frühe Hilfen (2016, revised as 2.0),
#: by number (DOMAIN.md; the fifth is the seed's). The concept plans a Qualitätsdialog on each
#: (review by a Landeskoordinierungsstelle: only the fifth was worked through, the others not named).
QUALITY_DIMENSIONS: dict[int, str] = {
    1: "Grundidee",
    2: "Zielbestimmung",
    3: "Netzwerk",
    4: "Planung",
    5: "Politisch-strukturelle Verankerung",
    6: "Qualifizierung und interprofessionelles Lernen",
    7: "Zusammenarbeit mit der Familie",
    8: "Qualität von Angeboten",
    9: "Dokumentation und Evaluation",
}

FUNDING_AREAS: dict[str, FundingArea] = {
    a.code: a
    for a in (
        FundingArea(
            "I",
            "Maßnahmen zur Sicherstellung der Netzwerkstrukturen in den Frühen Hilfen",
            "Netzwerke Frühe Hilfen",
            ("Netzwerk", "Koordination"),
        ),
        FundingArea(
            "II",
            "Psychosoziale Unterstützung von Familien durch spezifische Angebote Früher Hilfen",
            "Psychosoziale Unterstützung von Familien",
            ("Psychosozial", "Unterstützung von Familien", "Familienbegleitung"),
        ),
        FundingArea(
            "III",
            "Erprobung innovativer Maßnahmen und Implementierung erfolgreicher Modelle",
            "Erprobung innovativer Maßnahmen",
            ("Erprobung", "innovativ", "Modell"),
        ),
    )
}
#: Where the titles of the Förderbereiche were checked.
FUNDING_AREA_SOURCES: tuple[str, ...] = (
    "NZFH / Geschäftsstelle der Bundesstiftung: Wissenschaftlicher Bericht 2020 „Qualität in den Frühen Hilfen“, "
    "Inhaltsverzeichnis (https://9dok.net/document/yd7rv50j-hilfen-fr%C3%BChen-qualit%C3%A4t.html)",
    "FIM-Leistungsbeschreibung „Bundesstiftung Frühe Hilfen (Kinder-/Jugendschutz) Bewilligung“ "
    "(https://stage.schema.fim.fitko.net/services/99041023017000)",
)


# --- child protection: the procedure when there are gewichtige Anhaltspunkte --------------------

_HAUFE_KKG4 = _HAUFE + "jung-kkg-4-beratung-und-uebermittlung-von-informatione-"
_ECHO = (
    _HAUFE_KKG4 + "24-informationspflicht-gegenueber-berufsgeheimnistraeger-sog-echo-effekt-nach-abs4_idesk_"
    "PI434_HI15093151.html (Abs. 4, Soll-Vorschrift, nur gegenüber Personen nach Abs. 1)"
)
_BLJA_JAS = "https://blja.bayern.de/unterstuetzung/jugendsozialarbeit/jas_handbuch/30 (§ 4 Abs. 4 KKG, Inhalt)"


@dataclass(frozen=True)
class Step:
    """One step of the procedure at gewichtige Anhaltspunkte für eine Kindeswohlgefährdung, as
    the concept states it: the sentence cites the Absatz it rests on, and says no more than the
    norm's binding force for that Absatz (a test reads each sentence like a user's text)."""

    law: str
    number: str
    paragraph: int
    sentence: str
    sources: tuple[str, ...]

    @property
    def norm(self) -> Norm:
        return NORMS_BY_CITATION[self.law, self.number]

    @property
    def binding(self) -> Binding:
        """How binding the step is: the Absatz's binding force."""
        return self.norm.paragraphs.get(self.paragraph, self.norm.binding)


#: The grounds of passing on what parents consent to, for the concept's chapter and § 6 of the
#: agreement alike (reader review: only § 203 StGB, § 4 KKG and § 8a SGB VIII were named there,
#: while the consent form names the DSGVO): consent under Art. 6 Abs. 1 Buchst. a DSGVO, explicit
#: consent for health data under Art. 9 Abs. 2 Buchst. a, withdrawal under Art. 7 Abs. 3; the
#: Sozialgeheimnis of the Sozialleistungsträger (§ 35 SGB I, §§ 67 ff. SGB X) and, in the Kinder-
#: und Jugendhilfe, §§ 61 ff. SGB VIII (§ 65: entrusted data) – the finance review read 'only the
#: DSGVO' where the Jugendamt and the Jobcenter pass on Sozialdaten.
#: In two parts: a church Träger's own law replaces the first only (Art. 91 DSGVO), the agreement
#: says so between them (Agreement.consent_law).
CONSENT_LAW_DSGVO = (
    "Rechtsgrundlage einer Weitergabe mit Einwilligung ist Art. 6 Abs. 1 Buchst. a DSGVO, für Angaben zur "
    "Gesundheit die ausdrückliche Einwilligung nach Art. 9 Abs. 2 Buchst. a DSGVO; Eltern können ihre "
    "Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3 DSGVO)."
)
SOCIAL_DATA_LAW = (
    "Für Sozialdaten, die Sozialleistungsträger wie das Jugendamt oder das Jobcenter weitergeben, gelten zudem das "
    "Sozialgeheimnis (§ 35 SGB I) und die §§ 67 ff. SGB X, in der Kinder- und Jugendhilfe die §§ 61 ff. SGB VIII, "
    "für anvertraute Angaben besonders § 65 SGB VIII."
)
CONSENT_LAW = f"{CONSENT_LAW_DSGVO} {SOCIAL_DATA_LAW}"

#: Berufsgeheimnisträgerinnen und -träger (§ 4 Abs. 1 KKG, among them the health professions):
#: talk, get advice, inform, hear back. A Befugnis, no Meldepflicht (normen-notizen.md 2.7).
SECRET_KEEPER_STEPS: tuple[Step, ...] = (
    Step(
        "KKG",
        "4",
        1,
        "Zunächst sollen sie die Situation mit dem Kind und den Eltern erörtern und auf Hilfen hinwirken, "
        "soweit der wirksame Schutz des Kindes dadurch nicht in Frage gestellt wird (§ 4 Abs. 1 KKG).",
        (
            "https://lexante.net/de/kkg/4 (aktueller Abs. 1)",
            _HAUFE_KKG4 + "1-allgemeines_idesk_PI434_HI3712247.html",
        ),
    ),
    Step(
        "KKG",
        "4",
        2,
        "Zur Einschätzung der Gefährdung haben sie gegenüber dem Jugendamt Anspruch auf Beratung durch eine "
        "insoweit erfahrene Fachkraft; die Angaben zur Familie werden dafür pseudonymisiert (§ 4 Abs. 2 KKG).",
        (_BUNDESTAG_KKG + " (Abs. 2 Satz 1 im Wortlaut)",),
    ),
    Step(
        "KKG",
        "4",
        3,
        "Lässt sich die Gefährdung so nicht abwenden und halten sie ein Tätigwerden des Jugendamts für erforderlich, "
        "sind sie befugt, das Jugendamt zu informieren und ihm die dafür erforderlichen Daten mitzuteilen. Die "
        "Betroffenen werden vorher darauf hingewiesen, es sei denn, das stellt den wirksamen Schutz des Kindes in "
        "Frage (§ 4 Abs. 3 KKG). Ärztinnen und Ärzte, Hebammen und andere Angehörige der Heilberufe sollen das "
        "Jugendamt unverzüglich informieren, wenn nach ihrer Einschätzung eine dringende Gefahr für das Kind das "
        "Tätigwerden des Jugendamts erfordert (§ 4 Abs. 3 Satz 3 KKG).",
        (
            _BUNDESTAG_KKG + " (Abs. 3 Satz 1 im Wortlaut)",
            _HAUFE_KKG4 + "233-unverzueglich-benachrichtigungspflicht-nach-satz3_idesk_PI434_HI15093150.html",
        ),
    ),
    Step(
        "KKG",
        "4",
        4,
        "Das Jugendamt soll der Person, die es informiert hat, zeitnah zurückmelden, ob es die gewichtigen "
        "Anhaltspunkte bestätigt sieht und ob es zum Schutz des Kindes tätig geworden ist und noch tätig ist "
        "(§ 4 Abs. 4 KKG).",
        (_ECHO, _BLJA_JAS),
    ),
)

#: The Kinder- und Jugendhilfe: the services of the Träger (by agreement) and the Jugendamt itself.
YOUTH_WELFARE_STEPS: tuple[Step, ...] = (
    Step(
        "SGB VIII",
        "8a",
        4,
        # in three sentences, not one of 63 words (Lektorat)
        "Fachkräfte der Einrichtungen und Dienste, mit deren Trägern das Jugendamt eine Vereinbarung zum "
        "Schutzauftrag geschlossen hat, schätzen bei gewichtigen Anhaltspunkten das Gefährdungsrisiko ein und "
        "ziehen dazu eine insoweit erfahrene Fachkraft beratend hinzu. Eltern und Kind beziehen sie ein, soweit das "
        "den wirksamen Schutz des Kindes nicht in Frage stellt. Ist die Gefährdung anders nicht abzuwenden, "
        "informieren sie das Jugendamt (§ 8a Abs. 4 SGB VIII).",
        (_BLJA_8A,),
    ),
    Step(
        "SGB VIII",
        "8a",
        1,
        "Das Jugendamt schätzt das Gefährdungsrisiko im Zusammenwirken mehrerer Fachkräfte ein, bezieht Eltern "
        "und Kind ein, soweit das den wirksamen Schutz des Kindes nicht in Frage stellt, und beteiligt "
        "Berufsgeheimnisträgerinnen und -träger, die es informiert haben, in geeigneter Weise, soweit das "
        "fachlich erforderlich ist (§ 8a Abs. 1 SGB VIII).",
        ("https://dijuf.de/handlungsfelder/kjsg/kjsg-faq/kinderschutz (Wortlaut Abs. 1 mit KJSG)",),
    ),
)

#: Who may ask an insoweit erfahrene Fachkraft for advice, by the legal basis a municipality names
#: (the choices of 'kinderschutz.fachberatung[].fuer'): whom it covers, and the Absatz to cite.
AdviceBasis = Literal["§ 4 KKG", "§ 8a SGB VIII", "§ 8b SGB VIII"]


@dataclass(frozen=True)
class AdviceClaim:
    """Who has a claim to (or, under an agreement, calls in) an insoweit erfahrene Fachkraft;
    `on_youth_office`: the claim is against the Träger der öffentlichen Jugendhilfe (§ 4 Abs. 2
    KKG, § 8b Abs. 1 SGB VIII), so a freier Träger giving the advice does it on its behalf."""

    who: str
    citation: str
    on_youth_office: bool = True


ADVICE_CLAIMS: dict[str, AdviceClaim] = {
    "§ 4 KKG": AdviceClaim(
        "Berufsgeheimnisträgerinnen und -träger wie Ärztinnen und Ärzte, Hebammen und Beratungsfachkräfte",
        "§ 4 Abs. 2 KKG",
    ),
    "§ 8a SGB VIII": AdviceClaim(
        "Fachkräfte der Einrichtungen und Dienste mit einer Vereinbarung zum Schutzauftrag",
        "§ 8a Abs. 4 SGB VIII",
        on_youth_office=False,  # the Träger's own agreement provides the advice
    ),
    "§ 8b SGB VIII": AdviceClaim(
        "alle, die beruflich mit Kindern in Kontakt stehen, etwa Kindertagespflegepersonen",
        "§ 8b Abs. 1 SGB VIII",
    ),
}
