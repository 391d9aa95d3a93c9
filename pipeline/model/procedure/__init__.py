"""Council procedure per Land and kind of municipality, as data (``verfahren.yaml``).

Which body represents the citizens (Kreistag, Rat, Stadtverordnetenversammlung …), what the head
of the administration is called (Landrätin, Oberbürgermeister …), which body prepares the
council's decisions and whether the law demands it (Kreisausschuss in Niedersachsen, Magistrat in
Hessen …), and who submits papers. The validation of a paper's Beratungsfolge and the naming of
bodies in documents read it from here; every entry cites its legal basis. The local Hauptsatzung
may differ, so only what the law demands and a source confirms is checked as an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from pipeline.formatting import sentence_start
from pipeline.model.abbreviations import law_title
from pipeline.model.grammar import Gender
from pipeline.model.types import EXECUTIVE_KINDS, MunicipalityKind, State, package_yaml

DATA = Path(__file__).with_name("verfahren.yaml")

#: How binding the preparation by a body is: the law demands it, expects it, or allows it.
Duty = Literal["muss", "soll", "kann"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Body(_Data):
    """A body by its name and grammatical gender, with the names it also goes by locally."""

    name: str
    gender: Gender = Field(alias="genus")
    also: tuple[str, ...] = Field(default=(), alias="auch")
    legal_basis: str | None = Field(default=None, alias="rechtsgrundlage")
    source: str | None = Field(default=None, alias="quelle")
    verified: bool = Field(default=True, alias="geprueft")
    #: A collegial administration that resolves on submitting papers (the Magistrat); one that only
    #: deliberates their preparation (the Stadtvorstand, § 58 Abs. 3 Satz 2 GemO RLP) does not.
    resolves: bool = Field(default=True, alias="beschliesst")
    #: The provision under which the council's decisions are prepared in this collegial organ (the
    #: Stadtvorstand, § 58 Abs. 3 Satz 2 GemO RLP): a Beschlussvorlage passes it.
    prepares: str | None = Field(default=None, alias="bereitet_vor")
    #: The provision under which this collegial organ meets in private (the Kreisvorstand in
    #: Rheinland-Pfalz: „Die Sitzungen sind nicht öffentlich“, § 52 Abs. 2 LKO).
    private: str | None = Field(default=None, alias="nichtoeffentlich")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.also)


class Head(_Data):
    """The title of the head of the administration, in both forms."""

    male: str = Field(alias="m")
    female: str = Field(alias="w")

    @property
    def pair(self) -> str:
        """'Landrätin oder Landrat': the gender-fair form when the person is not named."""
        return f"{self.female} oder {self.male}"

    @property
    def pair_with_articles(self) -> str:
        """'die Landrätin oder der Landrat': the pair as the subject of a sentence."""
        return f"die {self.female} oder der {self.male}"


class Preparation(_Data):
    """The body that prepares the council's decisions, if the law names one."""

    body: str | None = Field(default=None, alias="gremium")
    gender: Gender | None = Field(default=None, alias="genus")
    duty: Duty = Field(alias="pflicht")
    first: bool = Field(default=False, alias="zuerst")
    #: What it prepares: the council's decisions, or all its deliberations – papers it only takes
    #: note of too (the Kreisausschuss in Bayern, Art. 26 Satz 2 LKrO).
    scope: Literal["Beschlüsse", "Verhandlungen", "Sitzungen"] = Field(default="Beschlüsse", alias="umfang")
    #: It also carries the decisions out (the Magistrat, § 66 Abs. 1 Satz 3 Nr. 2 HGO: „vorzubereiten
    #: und auszuführen“; a Stadtverordnete missed the half of the provision), not only prepares them.
    executes: bool = Field(default=False, alias="fuehrt_aus")
    #: The provision by which the body always meets in private (the Hauptausschuss in Niedersachsen).
    private: str | None = Field(default=None, alias="nichtoeffentlich")
    #: What the body does besides preparing, with its rule, for the table of hearings where it has
    #: no report cycle: 'koordiniert die Arbeit der Ausschüsse (§ 45b Abs. 1 GO)'.
    role: str | None = Field(default=None, alias="aufgabe")
    note: str | None = Field(default=None, alias="hinweis")
    #: Where local rules may let papers pass the body, in the law's words: the warning on a paper
    #: without it names the exception (Art. 26 Satz 3 LKrO in Bayern; Bavarian review).
    exception: str | None = Field(default=None, alias="ausnahme")
    legal_basis: str = Field(alias="rechtsgrundlage")
    source: str | None = Field(default=None, alias="quelle")
    verified: bool = Field(alias="geprueft")


class Submission(_Data):
    """Who submits papers to the council: the head of the administration or a collegial organ
    (Magistrat, Kreisausschuss in Hessen, Bezirksamt)."""

    by: Literal["Verwaltungsspitze", "Verwaltungsorgan"] = Field(alias="durch")
    legal_basis: str = Field(alias="rechtsgrundlage")
    verified: bool = Field(alias="geprueft")


#: How the titles of a Land's laws name it besides its name ('Hessisches Kinder- und
#: Jugendhilfegesetzbuch', 'AG-KJHG NRW'): the stems of its adjective and its short form (code
#: review: the first four letters of the name missed 'Sächsisches').
STATE_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "Baden-Württemberg": ("Baden-Württembergisch",),
    "Bayern": ("Bayerisch",),
    "Berlin": ("Berliner",),
    "Brandenburg": ("Brandenburgisch",),
    "Bremen": ("Bremisch", "Brem"),
    "Hamburg": ("Hamburgisch",),
    "Hessen": ("Hessisch",),
    "Mecklenburg-Vorpommern": ("M-V",),
    "Niedersachsen": ("Niedersächsisch", "Nds."),
    "Nordrhein-Westfalen": ("NRW", "Nordrhein-Westfälisch"),
    "Rheinland-Pfalz": ("Rheinland-Pfälzisch",),
    "Saarland": ("Saarländisch",),
    "Sachsen": ("Sächsisch",),
    "Sachsen-Anhalt": ("LSA",),
    "Schleswig-Holstein": ("Schleswig-Holsteinisch",),
    "Thüringen": ("Thüringer", "Thür"),
}


class TwoOfficials(_Data):
    """Who may sign together, two of them, in the head's stead, with the provision (§ 54 Abs. 2
    GemO: „zwei vertretungsberechtigte Gemeindebedienstete“); the dative as the table spells it,
    so the form need not inflect a plural it was given as prose (code review)."""

    who: str = Field(alias="wer")
    dative: str = Field(alias="dativ")
    legal_basis: str = Field(alias="rechtsgrundlage")

    @property
    def clause(self) -> str:
        """'zwei vertretungsberechtigte Gemeindebedienstete gemeinsam (§ 54 Abs. 2 GemO)'."""
        return f"zwei {self.who} gemeinsam ({self.legal_basis})"


class BindingDeclaration(_Data):
    """The form of a declaration that obliges the municipality (Verpflichtungserklärung), such as
    its signature under the Kooperationsvereinbarung: who signs, how, and with what. Without this
    form the municipality is not bound (outside the day-to-day business of the administration)."""

    form: Literal["Schriftform", "Textform"]
    electronic: str | None = Field(default=None, alias="elektronisch")
    signatories: tuple[str, ...] = Field(alias="unterschriften", min_length=1)
    by_hand: bool = Field(alias="handschriftlich")
    seal: bool = Field(alias="dienstsiegel")
    official_title: bool = Field(alias="amtsbezeichnung")
    legal_basis: str = Field(alias="rechtsgrundlage")
    source: str = Field(alias="quelle")
    verified: bool = Field(alias="geprueft")
    note: str | None = Field(default=None, alias="hinweis")
    #: The provision is the Gemeinden's, applied to a Landkreis whose own was not found (§ 62 KSVG in
    #: the Saarland): the documents say so ('entsprechend § 62 KSVG (Vorschrift für die Gemeinden)')
    #: instead of citing it as the Landkreis' law (Saarland review).
    analogous: bool = Field(default=False, alias="entsprechend")
    #: Who may sign together in the head's stead, with the provision: 'zwei vertretungsberechtigte
    #: Gemeindebedienstete gemeinsam (§ 54 Abs. 2 GemO)' (the form said only 'In Vertretung').
    two_officials: TwoOfficials | None = Field(default=None, alias="zwei_bedienstete")
    #: The provision that asks a deputy signing on the head's line to mark the representation
    #: (§ 73 Abs. 3 KVG LSA); elsewhere 'In Vertretung' is the practice, not the law (NRW review:
    #: the form read as if § 64 GO NRW demanded it).
    deputy_mark: str | None = Field(default=None, alias="vertretungszusatz")
    #: Who may sign on a power of attorney in the same form, with the provision: 'auf Grund einer
    #: Vollmacht in dieser Form auch Gemeindebedienstete (Art. 38 Abs. 2 Satz 3 GO)'.
    power_of_attorney: str | None = Field(default=None, alias="vollmacht")

    def roles(self, head: Head, title: str | None = None) -> tuple[str, ...]:
        """Who signs, one role per signature, the head named by both titles: 'Landrätin oder
        Landrat oder allgemeine Vertretung', 'Weiteres Mitglied des Kreisausschusses' – or by the
        `title` of the person in office where the municipality names her ('Landrätin')."""
        roles = tuple(sentence_start(role.replace("{spitze}", title or head.pair)) for role in self.signatories)
        two = self.two_officials
        if two is None or len(roles) != 1:
            return roles
        # where two officials may sign together, the block has a line for the second (review in
        # Sachsen-Anhalt: § 73 Abs. 2 KVG LSA was named, but there was nowhere to sign)
        return (
            f"{roles[0]} (oder eine oder einer von zwei {two.dative})",
            f"Nur wenn zwei {two.who} gemeinsam unterzeichnen: die oder der zweite",
        )

    @property
    def deputy_may_sign_first(self) -> bool:
        """Whether the first line names a deputy beside the head ('{spitze} oder allgemeine
        Vertretung'), as every Land's entry in verfahren.yaml words it where the law allows one."""
        first = self.signatories[0]
        return " oder " in first and "vertretung" in first.lower()

    @property
    def requirements(self) -> str:
        """How the municipality signs, in the words of a form: 'Form nach § 71 Abs. 2 HGO:
        handschriftlich unterzeichnet, mit Dienstsiegel.'"""
        if self.by_hand:
            parts = ["handschriftlich unterzeichnet"]
        else:
            parts = ["schriftlich" if self.form == "Schriftform" else "in Textform"]
        if self.official_title:
            parts.append("mit Amtsbezeichnung")
        if self.seal:
            parts.append("mit Dienstsiegel")
        electronic = f"; alternativ {self.electronic}" if self.electronic else ""
        # the head's name stands on the first line: a deputy signing there says so (§ 73 Abs. 3
        # KVG LSA asks for „ein das Vertretungsverhältnis kennzeichnender Zusatz“; review in LSA)
        two = f"; vertreten können auch {self.two_officials.clause}" if self.two_officials else ""
        proxy = f" Unterzeichnen können {self.power_of_attorney}." if self.power_of_attorney else ""
        mark = (
            # the provisions ask for „ein das Vertretungsverhältnis kennzeichnender Zusatz“, not for
            # these words (review of a Stadtkreis: § 54 Abs. 3 GemO BW prescribes no wording)
            f"setzt sie einen Zusatz, der die Vertretung kennzeichnet (üblich: „In Vertretung“), und ihren eigenen "
            f"Namen darunter ({self.deputy_mark})"
            if self.deputy_mark
            else "setzt sie den üblichen Zusatz „In Vertretung“ und ihren eigenen Namen darunter"
        )
        # a sentence with its verb, not 'dann wie üblich mit …' (language review)
        deputy = f" Unterzeichnet die Vertretung, {mark}{two}." if self.deputy_may_sign_first else ""
        # where more than one signs, each signature is needed: Brandenburg's second line read as
        # optional (§ 57 Abs. 2 Satz 2 BbgKVerf: „und einer Stellvertretung“; review in Brandenburg)
        together = " Erforderlich sind beide Unterschriften." if len(self.signatories) == 2 else ""
        return f"Form {self.after_form}: {', '.join(parts)}{electronic}.{deputy}{proxy}{together}"

    @property
    def after_form(self) -> str:
        """'nach § 71 Abs. 2 HGO', or 'entsprechend § 62 KSVG (Vorschrift für die Gemeinden)'."""
        if self.analogous:
            return f"entsprechend {self.legal_basis} (Vorschrift für die Gemeinden)"
        return f"nach {self.legal_basis}"


class FundsRule(_Data):
    """Where the council provides no money: a Hamburg Bezirksversammlung counts as the
    Vertretungskörperschaft of §§ 70, 71 SGB VIII except for providing the means (§ 2 Abs. 2 AG SGB
    VIII), the Jugendhilfeausschuss decides within the means assigned to the Bezirksamt (§ 8 AG SGB
    VIII), and the Bürgerschaft fixes the Haushaltsplan (Art. 66 Abs. 2 HV). Hamburg review: the
    concept had the Bezirksversammlung decide on further and additional money."""

    #: After the Jugendhilfeausschuss decides: 'im Rahmen der dem Bezirksamt … zugewiesenen Mittel (§ 8 …)'.
    youth_within: str = Field(alias="jugendhilfeausschuss")
    #: Who alone provides more: 'die Bürgerschaft'.
    provider: str = Field(alias="bereitgestellt_durch")
    #: The budget it does so with, a masculine noun without article: 'Haushaltsplan der Freien und Hansestadt Hamburg'.
    budget: str = Field(alias="haushalt")
    legal_basis: str = Field(alias="rechtsgrundlage")
    source: str = Field(alias="quelle")

    def only_by(self, money: str) -> str:
        """'zusätzliche Mittel kann grundsätzlich nur die Bürgerschaft mit dem Haushaltsplan …
        bereitstellen': 'grundsätzlich', as over- and unplanned spending the Senat approves
        stays possible (Art. 68 Abs. 2 HV; Hamburg re-check: 'nur' overstated it)."""
        return f"{money} kann grundsätzlich nur {self.provider} mit dem {self.budget} bereitstellen"


class LargeCity(_Data):
    """What a Land calls a große kreisangehörige Stadt, where its law names it otherwise (Große
    Kreisstadt, große selbständige Stadt, Sonderstatus-Stadt), and its head's title where it
    differs from a kreisangehörige Stadt's (reviews of a Lower Saxon and a Baden-Württemberg city:
    the concept said 'große kreisangehörige Stadt', messages 'die Bürgermeisterin')."""

    term: str = Field(alias="bezeichnung")
    #: After 'in einer': 'Großen Kreisstadt', 'großen selbständigen Stadt'.
    dative: str = Field(alias="dativ")
    legal_basis: str = Field(alias="rechtsgrundlage")
    source: str = Field(alias="quelle")
    head: Head | None = Field(default=None, alias="spitze")


class LargeCityThreshold(_Data):
    """From how many inhabitants a kreisangehörige Stadt is to be made a große kreisangehörige Stadt
    by law (§ 4 Abs. 3 Satz 2 GO NRW: more than 60.000), so the inputs' 'art' can be questioned."""

    population: int = Field(alias="einwohner")
    legal_basis: str = Field(alias="rechtsgrundlage")
    source: str = Field(alias="quelle")


class Hearing(_Data):
    """A council of residents the municipality must hear (the Ausländerbeirat in Hessen, § 88
    Abs. 2 HGO): on which matters, under which provision."""

    council: str = Field(alias="beirat")
    #: The predicate, in the law's words: 'ist in allen wichtigen Angelegenheiten zu hören, die …'.
    duty: str = Field(alias="pflicht")
    legal_basis: str = Field(alias="rechtsgrundlage")
    source: str | None = Field(default=None, alias="quelle")
    verified: bool = Field(default=True, alias="geprueft")


class Procedure(_Data):
    """Council procedure of one kind of municipality in one Land."""

    state: State = Field(alias="land")
    kind: MunicipalityKind = Field(alias="art")
    local_term: str | None = Field(default=None, alias="bezeichnung")
    #: The kind's dative after 'in einer' where it is a local term ('Großen Kreisstadt').
    local_term_dative: str | None = None
    #: For a kreisangehörige Stadt: the große kreisangehörige Stadt's name and head in this Land.
    large_city: LargeCity | None = Field(default=None, alias="grosse_stadt")
    large_city_from: LargeCityThreshold | None = Field(default=None, alias="grosse_stadt_ab")
    council: Body = Field(alias="vertretung")
    head: Head = Field(alias="spitze")
    executive: Body | None = Field(default=None, alias="verwaltungsorgan")
    preparation: Preparation = Field(alias="vorbereitung")
    submission: Submission = Field(alias="einbringung")
    youth_welfare_law: str = Field(alias="jugendhilfegesetz")
    provisional_budget: str | None = Field(default=None, alias="vorlaeufige_haushaltsfuehrung")
    #: The rule for a doppischer Haushalt where the Land has its own (Thüringen: § 10 ThürKDG in place
    #: of § 61 ThürKO, which § 52a Satz 4 ThürKO switches off for Doppik).
    provisional_budget_doppik: str | None = Field(default=None, alias="vorlaeufige_haushaltsfuehrung_doppisch")
    #: Who adopts the budget, as the concept's chapter on resource planning says it, where it is
    #: not the council (a Hamburg Bezirk: the Bürgerschaft, Art. 66 Abs. 2 HV).
    budget_clause: str | None = Field(default=None, alias="haushalt_beschluss")
    #: Who fixes the budget after the council has resolved on it, as a clause that follows: in
    #: Berlin the Abgeordnetenhaus by the Haushaltsgesetz (Berlin review).
    budget_law: str | None = Field(default=None, alias="haushalt_feststellung")
    #: Where the council provides no money and the Jugendhilfeausschuss decides within the means
    #: assigned (Hamburg).
    funds: FundsRule | None = Field(default=None, alias="mittel")
    #: What names the council's committees, after 'wie in': 'der Hauptsatzung' by default; a Hamburg
    #: Bezirksversammlung has a Geschäftsordnung (§ 12 Abs. 2 BezVG; Hamburg review).
    statute: str = Field(default="der Hauptsatzung", alias="satzung")
    #: What the Land's law adds on the Jugendhilfeausschuss, as an entry of the legal bases
    #: (Berlin: it is also the BVV's committee for Jugend; Berlin review).
    youth_committee_law: str | None = Field(default=None, alias="jugendhilfeausschuss_land")
    #: The rule by which the council's committees meet in private (§ 172 Abs. 2 KSVG, Saarland);
    #: the Jugendhilfeausschuss meets in public under federal law.
    committees_private: str | None = Field(default=None, alias="ausschuesse_nichtoeffentlich")
    #: The rule by which a committee's sitting that only prepares the council's decision
    #: (Vorberatung) is as a rule held in private (§ 37 Abs. 5 Satz 2 SächsLKrO).
    advisory_sittings_private: str | None = Field(default=None, alias="vorberatung_nichtoeffentlich")
    #: Whether that rule means every sitting that prepares a decision ('Sitzung', Sachsen) or the
    #: committees that only prepare ('Ausschuss', § 43 Abs. 1 Satz 3 ThürKO: a beschließender
    #: Ausschuss sits in public even where it prepares a paper; Thüringen review).
    advisory_private_by: Literal["Sitzung", "Ausschuss"] = Field(default="Sitzung", alias="vorberatung_nach")
    #: The rule by which a Finanzausschuss prepares the decisions the budget's execution needs
    #: (§ 36 Abs. 2 KV M-V), so a paper binding money passes it (or the Hauptausschuss the
    #: Hauptsatzung may give its tasks).
    finance_committee: str | None = Field(default=None, alias="finanzausschuss")
    #: What the Land's law calls a committee that only advises: 'vorberatender Ausschuss' in Bayern
    #: (Art. 29 Abs. 1 Satz 1 LKrO, Art. 32 Abs. 1 GO; a Bavarian re-check read 'beratender').
    advisory_committee: str = Field(default="beratender Ausschuss", alias="beratender_ausschuss")
    #: Kinds of body the Land's law does not know here (no Kreisausschuss in Schleswig-Holstein).
    absent_bodies: tuple[str, ...] = Field(default=(), alias="ohne_gremien")
    #: The rule by which the head of the administration reports to the council and its committees
    #: on how their decisions are carried out ('§ 101 Abs. 3 Satz 3 ThürKO'), where it was read.
    execution_reports: str | None = Field(default=None, alias="vollzugsbericht")
    #: What ends the provisional budget in the Land's words: the Haushaltssatzung 'bekannt
    #: gemacht' (most Länder), 'erlassen' (§ 83 Abs. 1 GemO BW), 'in Kraft' (§ 61 ThürKO) or
    #: 'wirksam' (§ 116 Abs. 1 NKomVG), 'öffentlich bekannt gemacht' (§ 99 Abs. 1 GemO RLP).
    budget_until: Literal["bekannt gemacht", "öffentlich bekannt gemacht", "erlassen", "in Kraft", "wirksam"] = (
        Field(default="bekannt gemacht", alias="vorlaeufig_bis")
    )
    #: Who may hold smaller rises to the year before's amounts while the budget is provisional:
    #: 'die Kämmerei', in Hamburg 'die Finanzbehörde' (a city state has no Kämmerei; Hamburg review).
    finance_office: str = Field(default="die Kämmerei", alias="finanzverwaltung")
    #: Where the Haushaltssatzung may be published only once the prüffähige Jahresabschluss of the
    #: year before last has gone to the Rechnungsprüfungsamt, the rule ('§ 102 Abs. 3 KVG LSA',
    #: since the budget 2025): it keeps many budgets provisional into the year (review in Sachsen-Anhalt).
    publication_after_accounts: str | None = Field(default=None, alias="bekanntmachung_nach_jahresabschluss")
    #: What a doppischer provisional budget still allows, in the Land's words where they were read:
    #: „Aufwendungen entstehen lassen und Auszahlungen leisten“ (§ 116 Abs. 1 Nr. 1 NKomVG),
    #: „Aufwendungen und Auszahlungen leisten“ (§ 71 BbgKVerf); else :attr:`MoneyTerms.payments`.
    provisional_payments: str | None = Field(default=None, alias="vorlaeufig_leisten")
    #: The words of `provisional_payments` hold for a kameral budget too (Art. 69 GO in Bayern).
    provisional_payments_kameral: bool = Field(default=False, alias="vorlaeufig_leisten_kameral")
    binding_declaration: BindingDeclaration | None = Field(default=None, alias="verpflichtungserklaerung")
    #: The authority through which the municipality acts, where the Land names it ('Landratsamt'
    #: in Bayern, Art. 37 Abs. 1 LKrO): the sender of its documents.
    authority: str | None = Field(default=None, alias="behoerde")
    #: The papers' kinds as the Land's council offices call them, where they differ ('Vorlage zur
    #: Beschlussfassung' in a Berlin BVV).
    paper_kinds: dict[str, str] = Field(default_factory=dict, alias="vorlagenarten")
    #: The council of residents the municipality must hear, where the Land's law says so.
    hearing: Hearing | None = Field(default=None, alias="beirat_anhoerung")

    @property
    def youth_welfare_act(self) -> str:
        """The Land's law implementing the SGB VIII by its short name ('HKJGB', 'Nds. AG SGB
        VIII'), without the note on the provision the table draws on."""
        return self.youth_welfare_law.split(" (")[0]

    @property
    def youth_welfare_act_named(self) -> str:
        """The act spelled out at its first mention, as the legal bases name federal law:
        'Hessisches Kinder- und Jugendhilfegesetzbuch (HKJGB)' (language review: 'HKJGB' and
        'AGSG' stood there unexplained); the short name alone where the title is unknown."""
        title = law_title(self.youth_welfare_act, self.state)
        # a title's own note ('Jugendförderungsgesetz (Erstes Gesetz …)') stays in the list of
        # abbreviations: two brackets in a row read badly
        return f"{title.split(' (')[0]} ({self.youth_welfare_act})" if title else self.youth_welfare_act

    @property
    def youth_welfare_act_names_state(self) -> bool:
        """Whether the act's name or title already says whose it is ('Hessisches …',
        'AG-KJHG NRW'), so the sentence need not add 'in Hessen'."""
        named = self.youth_welfare_act_named
        return any(word in named for word in (self.state, *STATE_ADJECTIVES.get(self.state, ())))

    def paper_kind(self, kind: str) -> str:
        """'Beschlussvorlage', or what the Land calls it ('Vorlage zur Beschlussfassung')."""
        return self.paper_kinds.get(kind, kind)

    @property
    def own_youth_office_basis(self) -> str | None:
        """'§ 1 Abs. 2 Nds. AG SGB VIII': the provision that makes a kreisangehörige Stadt the
        örtlicher Träger der Jugendhilfe (örtliche Träger are Kreise and kreisfreie Städte), or
        the Land Berlin that of its Bezirke (§ 33 AG KJHG), as the table's note on the Land's act
        gives it; None for other kinds or without one."""
        if self.kind not in ("kreisangehörige Stadt", "Bezirk") or " (§ " not in self.youth_welfare_law:
            return None
        paragraph = self.youth_welfare_law.split(" (", 1)[1].split(":")[0].rstrip(")")
        return f"{paragraph} {self.youth_welfare_act}"

    @property
    def submitting_executive(self) -> Body | None:
        """The collegial organ that submits the papers (Magistrat, Kreisausschuss in Hessen,
        Bezirksamt); None where the head of the administration does."""
        return self.executive if self.submission.by == "Verwaltungsorgan" else None

    @property
    def submitter(self) -> str:
        """Who submits papers, named for a paper's header: 'Magistrat' or 'Landrätin oder Landrat'."""
        executive = self.submitting_executive
        return executive.name if executive is not None else self.head.pair

    def provisional_words(self, doppik: bool) -> str | None:
        """What a provisional budget still allows, in the Land's words where they were read for
        the municipality's budget system (else the budget's own words apply)."""
        return self.provisional_payments if doppik or self.provisional_payments_kameral else None

    def provisional_rule(self, doppik: bool) -> str | None:
        """The Land's rule on vorläufige Haushaltsführung for the municipality's budget system:
        a doppischer budget follows its own rule where the Land has one (Thüringen)."""
        if doppik and self.provisional_budget_doppik:
            return self.provisional_budget_doppik
        return self.provisional_budget


class YouthCommitteeRule(_Data):
    legal_basis: str = Field(alias="rechtsgrundlage")
    source: str = Field(alias="quelle")


class ReportingDuty(_Data):
    """A Land's duty for some professions to inform the Jugendamt, beyond the Befugnis of § 4 Abs. 3
    KKG: who must, what, and by which provision (Art. 15 Abs. 1 GDG in Bayern)."""

    provision: str = Field(alias="vorschrift")
    professions: str = Field(alias="berufe")
    #: What they must do, as the rest of a sentence after the professions: 'teilen … mit'.
    duty: str = Field(alias="pflicht")
    source: str = Field(alias="quelle")
    #: What the parents' form says of being told before, where the law says something of it: § 4
    #: Abs. 3 KKG's „vorab hinweisen“ belongs to the Befugnis, not to the Land's duty (language
    #: review: after „sagt sie es Ihnen“ the Bavarian duty left it open).
    parents: str | None = Field(default=None, alias="eltern")

    @property
    def sentence(self) -> str:
        """'Ärztinnen und Ärzte sowie Hebammen teilen … unverzüglich dem Jugendamt mit (Art. 15 Abs. 1 GDG).'"""
        return f"{self.professions} {self.duty} ({self.provision})."


class NetworkLaw(_Data):
    """A Land's own rule on the local child-protection networks, where it has one beside § 3 KKG
    (whose Abs. 3 yields to Landesrecht): the provision and what it asks of the Jugendamt."""

    provision: str = Field(alias="vorschrift")
    content: str = Field(alias="inhalt")
    source: str = Field(alias="quelle")
    #: How a sentence names a law cited without a paragraph, with its article ('das Saarländische
    #: Kinderschutzgesetz (SKG)'; re-check of the Saarland review: 'gilt im Saarland zudem SKG:').
    named: str | None = Field(default=None, alias="genannt")
    #: How the list of legal bases heads it, where the provision is an abbreviation only ('SKG: …'
    #: stood alone among '§ 4 Abs. 2 Schwangerschaftskonfliktgesetz (SchKG): …'; Saarland re-check).
    title: str | None = Field(default=None, alias="titel")
    #: Whether the rule sets up a network (with members and steering) or only asks for working
    #: together (§ 14 Abs. 3 ThürKJHAG: „vernetzte Zusammenarbeit“): then § 3 KKG is the network's basis.
    sets_up_network: bool = Field(default=True, alias="netzwerk")

    @property
    def in_sentence(self) -> str:
        """The provision as a sentence names it: '§ 9 Landeskinderschutzgesetz NRW', 'das
        Saarländische Kinderschutzgesetz (SKG)'."""
        return self.named or self.provision

    @property
    def listed(self) -> str:
        """The provision at the head of its entry in the list of legal bases."""
        return self.title or self.provision

    @property
    def network_basis(self) -> str:
        """What a network rests on, in brackets after its name: '§ 3 LKindSchuG', or '§ 3 KKG;
        ergänzend § 14 Abs. 3 ThürKJHAG' (review of a Thuringian Landkreis: 'ein Netzwerk
        Kinderschutz (§ 14 Abs. 3 ThürKJHAG)' cited a rule that sets up none)."""
        return self.provision if self.sets_up_network else f"§ 3 KKG; ergänzend {self.provision}"


class LandRule(_Data):
    """A Land's rule the concept's legal bases name by provision and content: its law on
    children's health (the Früherkennungsuntersuchungen, the Gesundheitsamt's part in child
    protection), or its programme for the networks (KoKi in Bayern)."""

    provision: str = Field(alias="vorschrift")
    content: str = Field(alias="inhalt")
    source: str = Field(alias="quelle")


class ProcedureTable(_Data):
    youth_committee: YouthCommitteeRule = Field(alias="jugendhilfeausschuss")
    network_laws: dict[State, NetworkLaw] = Field(default_factory=dict, alias="kinderschutznetzwerke")
    reporting_duties: dict[State, ReportingDuty] = Field(default_factory=dict, alias="meldepflichten")
    health_laws: dict[State, LandRule] = Field(default_factory=dict, alias="kindergesundheit")
    network_programmes: dict[State, LandRule] = Field(default_factory=dict, alias="netzwerkprogramme")
    #: A Land's law on child protection that sets up no local network but bears on the network's work
    #: (the Kinderschutzstrukturgesetz of Mecklenburg-Vorpommern: the Zentrale Stelle für Kinderschutz).
    child_protection_laws: dict[State, LandRule] = Field(default_factory=dict, alias="kinderschutzgesetze")
    procedures: tuple[Procedure, ...] = Field(alias="verfahren")


#: Kinds of municipality that follow the procedure of another kind in the table.
SAME_AS = {"große kreisangehörige Stadt": "kreisangehörige Stadt"}


@cache
def table() -> ProcedureTable:
    return ProcedureTable.model_validate(package_yaml(DATA.read_text(encoding="utf-8")))


@cache
def procedure_for(state: str, kind: str) -> Procedure | None:
    """The procedure of a kind of municipality in a Land, or None where the table has none
    (then nothing is checked and the documents use the names from gremien.yaml only). A große
    kreisangehörige Stadt follows the kreisangehörige Stadt's, under the name and with the head's
    title its Land gives it."""
    wanted = SAME_AS.get(kind, kind)
    found = next((p for p in table().procedures if p.state == state and p.kind == wanted), None)
    large = found.large_city if found is not None and kind != wanted else None
    if found is None or large is None:
        return found
    return found.model_copy(
        update={"local_term": large.term, "local_term_dative": large.dative, "head": large.head or found.head}
    )


def kreis_word(state: str) -> str:
    """What the Land calls its Kreise: 'Kreis' in Nordrhein-Westfalen and Schleswig-Holstein,
    as the table names them, else 'Landkreis'."""
    county = procedure_for(state, "Landkreis")
    return "Kreis" if county is not None and county.local_term == "Kreis" else "Landkreis"


def kreis_genitive(state: str) -> str:
    """'des Landkreises', 'des Kreises' (:func:`kreis_word`)."""
    return f"des {kreis_word(state)}es"


def is_executive(kind: str, procedure: Procedure | None) -> bool:
    """A collegial administration (Magistrat, Bezirksamt, the Kreisausschuss in Hessen), not a
    political body: it resolves on papers but is no audience for reports and holds no budget."""
    executive = procedure.executive if procedure is not None else None
    return kind in EXECUTIVE_KINDS or (executive is not None and kind == executive.name)


#: A berufsmäßiges Stadtratsmitglied (Referentin, Referent) in Bayern moves papers of its own
#: area in its own right, not for the Oberbürgermeisterin: beratende Stimme in its area (Art. 40
#: GO), an Antragsrecht of its own (BayVGH, 16.07.1980, 4 B 616/79; Bavarian city review).
_OWN_RIGHT_IN_BAYERN = re.compile(r"[Bb]erufsmäßige[rs]? (?:Stadtr|Gemeinder)|[Rr]eferent(?:in)?\b")


def signs_in_own_right(state: str, title: str) -> bool:
    """Whether one with this title submits papers in their own right, not for the head (a
    Bavarian Referentin, :data:`_OWN_RIGHT_IN_BAYERN`)."""
    return state == "Bayern" and _OWN_RIGHT_IN_BAYERN.search(title) is not None


def resolves_on_papers(kind: str, procedure: Procedure | None) -> bool:
    """Whether a body of this kind is a collegial administration that resolves on submitting a
    paper – not the Land's executive where that only deliberates (Stadtvorstand in Rheinland-Pfalz)."""
    executive = procedure.executive if procedure is not None else None
    if executive is not None and executive.name == kind and not executive.resolves:
        return False
    return is_executive(kind, procedure)


def child_protection_law(state: State) -> LandRule | None:
    """The Land's law on child protection beside its network rule, where the table has one."""
    return table().child_protection_laws.get(state)


def network_law(state: State) -> NetworkLaw | None:
    """The Land's law on local child-protection networks ('§ 9 Landeskinderschutzgesetz NRW'),
    or None where the networks rest on § 3 KKG alone (as far as the research found)."""
    return table().network_laws.get(state)


@dataclass(frozen=True)
class Association:
    """A Gemeindeverband that is örtlicher Träger in a Landkreis's stead and follows its rules,
    under a name, a council and a head of its own: the documents call it what it is, not
    'Landkreis', and its council's name is no other Landkreis's."""

    state: str
    #: What it is called, and how its name begins: 'Region' ('Region Hannover').
    term: str
    council: str
    head: tuple[str, str]


#: Reviews of the Region Hannover and the Regionalverband Saarbrücken: the concept said
#: '(Landkreis, Saarland)' and validate refused the head's title. The Region Hannover „ist
#: Gemeindeverband und Gebietskörperschaft“ with a Regionspräsidentin (§ 3 Abs. 1 NKomVG, book copy;
#: mi.niedersachsen.de); the Regionalverband „ist Gemeindeverband und Gebietskörperschaft“ (§ 194
#: Abs. 3 KSVG, anwalt24.de) led by the Regionalverbandsdirektorin (§ 213 KSVG, haufe.de); the
#: StädteRegion Aachen has a Städteregionstag and a Städteregionsrat (not read in its law).
ASSOCIATIONS = (
    Association("Niedersachsen", "Region", "Regionsversammlung", ("Regionspräsident", "Regionspräsidentin")),
    Association(
        "Saarland",
        "Regionalverband",
        "Regionalversammlung",
        ("Regionalverbandsdirektor", "Regionalverbandsdirektorin"),
    ),
    Association(
        "Nordrhein-Westfalen",
        "Städteregion",
        "Städteregionstag",
        ("Städteregionsrat", "Städteregionsrätin"),
    ),
)
#: The councils only these associations have: no alternative name of any other Landkreis.
ASSOCIATION_COUNCILS = frozenset(a.council for a in ASSOCIATIONS)


def association_of(state: str, name: str, kind: str) -> Association | None:
    """The Gemeindeverband a Landkreis entry of this name is, by its name's first word in any
    spelling ('StädteRegion Aachen'); None for any other kind or name."""
    if kind != "Landkreis":
        return None
    lowered = name.casefold()
    return next(
        (a for a in ASSOCIATIONS if a.state == state and lowered.startswith(f"{a.term.casefold()} ")), None
    )


def reporting_duty(state: State) -> ReportingDuty | None:
    """The Land's duty to inform the Jugendamt (Bayern: Art. 15 Abs. 1 GDG), or None where § 4 KKG
    gives a Befugnis only (as far as the research found)."""
    return table().reporting_duties.get(state)


def health_law(state: State) -> LandRule | None:
    """The Land's law on children's health beside the Frühe Hilfen (Art. 11 GDG in Bayern), or
    None where the table has none."""
    return table().health_laws.get(state)


def network_programme(state: State) -> LandRule | None:
    """The Land's own programme for the networks of Frühe Hilfen (KoKi in Bayern), for the legal
    bases: a Förderrichtlinie, no law, but what the Jugendamt's network rests on there."""
    return table().network_programmes.get(state)


def youth_committee_basis() -> str:
    """'§ 71 Abs. 4 Satz 2 SGB VIII': the Jugendhilfeausschuss is heard before the council decides."""
    return table().youth_committee.legal_basis
