"""The Kooperationsvereinbarung: who signs it, for which institutions, and what each brings in.

§ 3 Abs. 3 KKG: the network soll be organised by the örtlicher Träger der Jugendhilfe, and the
participants sollen lay down the principles of their cooperation in agreements. Agreements are
signed by organisations, not by the actors of the network: a Träger signs once for all its
institutions, an institution without a Träger for itself, and freelance or volunteer groups
only through an organisation that can sign for them (their Träger, or an association named under
``vertretungen``). Nobody can bind what is not theirs: a Träger signs only for its own
institutions, and an association of a profession signs as its representative, so groups of
several Träger (``einzelbeitritt``) and freelancers accede one by one with a Beitrittserklärung.
Who is meant to sign is the section ``kooperationsvereinbarung`` in netzwerk.yaml; without it
there is no agreement (:attr:`Concept.agreement` is None).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from pipeline.formatting import (
    count,
    enumeration,
    enumeration_of_names,
    german_date,
    in_state,
    sentence_end,
    sentence_start,
    with_note,
)
from pipeline.model.grammar import definite
from pipeline.model.inputs import (
    Actor,
    AgreementSettings,
    Coordination,
    CoordinationPath,
    Goal,
    Measure,
    NetworkBody,
    Organisation,
    SocialSpace,
    names_in_line,
    with_article,
)
from pipeline.model.norms import (
    CONSENT_LAW,
    CONSENT_LAW_DSGVO,
    GENERIC_ORGANISER,
    NORMS_BY_CITATION,
    SECRET_KEEPER_STEPS,
    SOCIAL_DATA_LAW,
    YOUTH_WELFARE_STEPS,
    Step,
)
from pipeline.model.procedure import BindingDeclaration, procedure_for
from pipeline.model.supervision import FEDERAL, FEDERAL_BASIS, authority_line
from pipeline.model.types import INSTITUTION, VOLUNTEERS, add_months

if TYPE_CHECKING:
    from pipeline.model.concept import Concept

#: The sentence of § 3 Abs. 3 KKG the agreement answers, in the law's words (research/normen.yaml,
#: kkg_3, Wortlaut Abs. 3, checked against bundestag/gesetze k/kkg, Fassung 2016; Abs. 3 is
#: unchanged by the KJSG).
AGREEMENTS_IN_THE_LAW = (
    "Die Beteiligten sollen die Grundsätze für eine verbindliche Zusammenarbeit in Vereinbarungen "
    "festlegen (§ 3 Abs. 3 Satz 2 KKG)."
)
#: How long the signed form is kept: as proof of the consent (Art. 7 Abs. 1 DSGVO), by the place
#: that took it and the places that received a copy (data protection officer's review: unsaid).
CONSENT_KEPT = (
    "Diese Erklärung bewahren die Stelle, die sie aufnimmt, und die Stellen, die eine Kopie erhalten, als "
    "Nachweis Ihrer Einwilligung auf, solange sie Angaben auf ihrer Grundlage gespeichert haben."
)
#: What parents may allow to pass when the inputs name nothing else.
DEFAULT_CONSENT_DATA: tuple[str, ...] = (
    "Name, Anschrift und Telefonnummer",
    "Name und Geburtsdatum des Kindes oder der errechnete Geburtstermin",
    # 'ohne Angaben zur Gesundheit': from the Suchtberatung or the Kinderklinik, the reason is health data
    # (Art. 9 DSGVO), which the form asks for apart (data protection officer's review)
    "Anlass der Vermittlung (ohne Angaben zur Gesundheit) und die gewünschte Unterstützung",
    "Rückmeldung, ob der Kontakt zustande gekommen ist",
)
#: Health data parents may allow to pass when the inputs name nothing else: data of a special
#: category (Art. 9 DSGVO) need a consent of their own, so the form lists them apart.
DEFAULT_HEALTH_DATA: tuple[str, ...] = (
    # the mother's and the child's apart: one box for both let a mother release the child's check-ups only
    # with her own history (data protection officer's review)
    "Angaben zu meiner Gesundheit aus Schwangerschaft, Geburt und Wochenbett, auch zur seelischen Gesundheit",
    "Beobachtungen zur Gesundheit und Entwicklung meines Kindes, etwa aus den Früherkennungsuntersuchungen "
    "(U-Untersuchungen)",
    # what a 'Verlauf' holds, said: a release of confidences must name what it covers (§ 203 StGB)
    "Wie die Begleitung bisher verlief: wie oft die Fachkraft die Familie getroffen hat, bei welchen Fragen sie "
    "geholfen hat und was noch offen ist",
)
#: The data-protection laws of the churches, which their Träger follow instead of the DSGVO's
#: national rules and under their own supervision (Art. 91 DSGVO).
CHURCH_LAWS = {
    "katholisch": "Das Gesetz über den Kirchlichen Datenschutz (KDG)",
    "evangelisch": "Das Kirchengesetz über den Datenschutz der EKD (DSG-EKD)",
}
#: The same laws in the genitive, after 'die entsprechenden Bestimmungen'.
CHURCH_LAW_GENITIVES = {
    "katholisch": "des Gesetzes über den Kirchlichen Datenschutz (KDG)",
    "evangelisch": "des Kirchengesetzes über den Datenschutz der EKD (DSG-EKD)",
}


def consent_law_for(organisations: Iterable[Organisation], actors: Iterable[Actor]) -> str:
    """The legal basis of a transfer with consent, with the church laws of the `actors`' Träger
    in place of the DSGVO's articles where any is a church's (Art. 91 DSGVO) – the same sentence in
    the agreement (its signing actors) and the concept (all actors; a Netzwerkkoordinatorin found
    the church law in the one and not in the other)."""
    carriers = {a.carrier for a in actors if a.carrier}
    churches = sorted({o.church for o in organisations if o.church and o.id in carriers})
    if not churches:
        return CONSENT_LAW
    laws = " oder ".join(CHURCH_LAW_GENITIVES[c] for c in churches)
    # right after the DSGVO's articles, which alone it replaces: after the sentence on Sozialdaten it
    # read as exempting church Träger from § 35 SGB I and § 65 SGB VIII (Lektorat)
    church = (
        "Für Partnerinnen und Partner, die kirchlichem Datenschutzrecht unterliegen (Art. 91 DSGVO), gelten "
        f"statt der genannten Artikel der DSGVO die entsprechenden Bestimmungen {laws}."
    )
    return f"{CONSENT_LAW_DSGVO} {church} {SOCIAL_DATA_LAW}"


def consent_form_rule(organisations: Iterable[Organisation], subject: str) -> str:
    """How a consent is taken, as a whole sentence with its `subject` ('die Partnerinnen und
    Partner', 'die Fachkräfte'): written or electronic; a catholic Träger in writing (§ 8 Abs. 2 KDG,
    kdg.info; data protection officer's review: the KDG knows no electronic form); orally only
    where special circumstances demand it (§ 67b Abs. 2 SGB X), then recorded. A whole sentence:
    wrapped into two others' frames, the fragment left 'fest ein' behind (code review)."""
    catholic = any(o.church == "katholisch" for o in organisations)
    kdg = (
        " (Träger, die dem Gesetz über den Kirchlichen Datenschutz unterliegen, schriftlich, § 8 Abs. 2 KDG)"
        if catholic
        else ""
    )
    return (
        f"{sentence_start(subject)} holen die Einwilligung schriftlich oder elektronisch ein{kdg}; nur wo besondere "
        "Umstände eine andere Form angemessen machen, mündlich – dann halten sie Datum und Umfang fest."
    )


#: The church supervisory authority where there is one for the whole church, with its address (Art.
#: 13 Abs. 2 Buchst. d DSGVO asks to name it): since 1 January 2025 the Beauftragte für den Datenschutz
#: der EKD is the only one under the DSG-EKD (artikel91.eu, 02.01.2025; address on datenschutz.ekd.de;
#: data protection officer's review). The Catholic Church has several, by diocese (not looked up).
CHURCH_AUTHORITIES = {
    "evangelisch": (
        "Aufsicht für Stellen der evangelischen Kirche und der Diakonie ist der Beauftragte für den Datenschutz der "
        "EKD, Lange Laube 20, 30159 Hannover"
    ),
}
#: The legal grounds of the exchange the form allows (Art. 6 Abs. 1 Buchst. a and Art. 9 Abs. 2
#: Buchst. a DSGVO; § 203 StGB as in research/normen.yaml, stgb_203).
CONSENT_GROUNDS = (
    "Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 Buchst. a DSGVO), für Angaben zur Gesundheit Ihre "
    "ausdrückliche Einwilligung (Art. 9 Abs. 2 Buchst. a DSGVO); Ihre Entbindung von der Schweigepflicht erlaubt "
    "den Stellen, Anvertrautes weiterzugeben (§ 203 StGB)."
)
#: Records that outlive the help: § 630f Abs. 3 BGB (Behandelnde keep the patient record ten years
#: after the treatment ends; midwives' Berufsordnungen say the same).
STATUTORY_RETENTION = (
    "Längere gesetzliche Aufbewahrungspflichten gehen vor: Ärztinnen und Ärzte, Hebammen und andere Angehörige "
    "der Heilberufe bewahren ihre Behandlungsdokumentation zehn Jahre nach Abschluss der Behandlung auf (§ 630f Abs. 3 BGB)."
)
#: The sector whose actors work with figures, not with families: not offered on the consent form.
ADMINISTRATION = "Verwaltung"


#: The title of the parents' consent form the tool makes (its own document, Anlage of the agreement).
CONSENT_TITLE = "Einverständniserklärung und Schweigepflichtentbindung"


@dataclass(frozen=True)
class Party:
    """One signature under the agreement: an organisation (or an institution signing for itself)
    and the actors of the network it signs for. `organiser` is the örtlicher Träger der
    Jugendhilfe, who organises the network; `own` an institution without a Träger."""

    key: str
    name: str
    actors: tuple[Actor, ...]
    organiser: bool = False
    own: bool = False
    partly: frozenset[str] = frozenset()
    #: How many persons sign for it together ('traeger[].unterschriften').
    signatures: int = 1

    @property
    def of_phrase(self) -> str:
        """'der Kreisgruppe Musterkreis im Hebammenverband …' after 'Die Unterschrift', or 'von
        „…“' where the name cannot be declined safely (Lektorat: the name stood in quotes
        without its article)."""
        forms = definite(self.name)
        return forms.gen if forms else f"von „{self.name}“"

    @property
    def by_phrase(self) -> str:
        """'von der Kreisgruppe …', 'vom Hebammenverband …' after 'mitunterzeichnet', or 'von „…“'
        ('von dem Sächsischen Hebammenverband'; Saxon review)."""
        forms = definite(self.name)
        return forms.vom if forms else f"von „{self.name}“"

    @property
    def names_its_actors(self) -> bool:
        """The signature block names the institutions it is for, unless the party is one."""
        return not self.own and bool(self.actors)

    def signs_partly(self, actor: Actor) -> bool:
        """It signs for an actor whose institutions or members accede one by one: a Träger for
        its own institutions of the group, an association as the representative of a profession."""
        return actor.id in self.partly

    @property
    def signed_for(self) -> list[str]:
        """What the party signs for, as the table and the signature block name it: 'die eigene
        Einrichtung' for an institution without a Träger, else its actors, each with how far it
        signs; names after the first as inside a line ('… und ehrenamtliche Stadtteilmütter')."""
        if self.own:
            return [OWN_INSTITUTION]
        # a profession's members accede one by one: the party does not sign for them, it promotes
        # their accession ('Unterzeichnet für: Freiberufliche Hebammen (ohne die Einzelnen zu
        # binden …)' contradicted itself; Netzwerkkoordinatorin)
        promoted = {a.id for a in self.promoted_groups}  # once: a Träger of thousands of actors
        signed = [a for a in self.actors if a.id not in promoted]
        names = [
            f"{name} ({INSTITUTIONS_PARTLY})" if self.signs_partly(a) else name
            for name, a in zip(names_in_line(signed), signed, strict=True)
        ]
        return names or [OWN_ORGANISATION]

    @property
    def promotion(self) -> str:
        """'Wirbt bei den Angehörigen der Gruppe „Freiberufliche Hebammen“ für den Beitritt mit eigener
        Unterschrift.':
        a sentence of its own beside what the party signs for (a re-check: after 'Unterzeichnet
        für:' it broke the syntax); '' where it promotes nothing."""
        promoted = self.promoted_groups
        if not promoted:
            return ""
        groups = enumeration([f"„{a.name}“" for a in promoted])
        return (
            # 'in den Gruppen werben' is no German idiom (Netzwerkkoordinatorin)
            f"Wirbt bei den Angehörigen {'der Gruppe' if len(promoted) == 1 else 'der Gruppen'} {groups} für den "
            "Beitritt mit eigener Unterschrift."
        )

    @property
    def promoted_groups(self) -> list[Actor]:
        """The groups of a profession it signs 'partly' for: their members accede one by one."""
        return [a for a in self.actors if self.signs_partly(a) and a.organisation_form != INSTITUTION]


#: The field under a signature, before what the signer adds (Funktion or Amtsbezeichnung).
NAME_IN_CAPITALS = "Name in Druckbuchstaben"
#: The label under a signature where no Land's rule asks for the Amtsbezeichnung (every form's
#: default, templates/_formular.html.j2 included).
NAME_AND_ROLE = f"{NAME_IN_CAPITALS}, Funktion"
#: What an institution without a Träger signs for: itself.
OWN_INSTITUTION = "die eigene Einrichtung"


def accedes_one_by_one(actor: Actor, named: Collection[str] = ()) -> bool:
    """Whether no one signature can bind the actor as a whole: a group named under
    'einzelbeitritt' (`named`: institutions of several Träger), several institutions without a
    common Träger, freelancers and volunteers without a Träger. Their members accede one by one;
    a joint signature for them, under this agreement or an earlier one, binds none of them."""
    if actor.id in named:
        return True
    if actor.organisation_form == INSTITUTION:
        # several institutions without a common Träger (74 Kitas): no one signs for them all (code review:
        # without a new agreement and its 'einzelbeitritt' they counted as bound)
        return actor.carrier is None and (actor.facilities or 1) > 1
    return actor.carrier is None


#: How far a Träger's signature reaches for a group of institutions that accede one by one.
INSTITUTIONS_PARTLY = "nur die Einrichtungen in eigener Trägerschaft; die übrigen treten einzeln bei"
#: What an organisation signs for that signs for no actor as a whole (an association of
#: freelancers): itself. Not 'als Vertretung' of the members: readers took it for an agency that
#: binds them (legal review); not 'als Berufsvertretung' either (a Hebammennetz is none).
OWN_ORGANISATION = "die eigene Organisation"


@dataclass(frozen=True)
class Contribution:
    """What one actor brings into the network, read from the other files: the measures it leads
    or takes part in, the network bodies it chairs or sits in."""

    actor: Actor
    led: tuple[Measure, ...]
    joined: tuple[Measure, ...]
    chaired: tuple[NetworkBody, ...]
    member_of: tuple[NetworkBody, ...]
    #: It names a contact person for every Sozialraum (``ansprechpersonen_je_sozialraum``): it
    #: sits in a body that meets per Sozialraum in all of them, not in one.
    everywhere: bool = False
    #: The names of the Sozialräume it works in, by id, where akteure.yaml names them.
    spaces: Mapping[str, str] = field(default_factory=dict)

    def spaces_in(self, body: NetworkBody) -> list[str]:
        """The names of the body's Sozialräume it sits in, where it works in several but not in
        all of them (a Hebammenzentrale with consultations in two of four: counted with one
        Sozialraum, it promised nine sittings where the grant asks for its work in both)."""
        if self.everywhere or len(body.social_spaces) < 2:
            return []
        shared = [self.spaces[s] for s in body.social_spaces if s in self.spaces]
        return shared if 1 < len(shared) < len(body.social_spaces) else []

    def sittings_as_member(self, body: NetworkBody) -> int:
        """A body's sittings a year for a member: in every Sozialraum where it meets apart for a
        member with a contact person in each or working in all, in its Sozialräume for one
        working in several, else in one."""
        if self.everywhere or (body.social_spaces and set(body.social_spaces) <= self.spaces.keys()):
            return body.sittings
        return body.meetings_per_year * max(1, len(self.spaces_in(body)))

    @property
    def meetings_per_year(self) -> int:
        """Sittings a year of the bodies it chairs or sits in: the time it commits to. A body
        that meets per Sozialraum counts in every Sozialraum for the chair (and see
        :meth:`sittings_as_member`)."""
        member = sum(self.sittings_as_member(b) for b in self.member_of)
        return sum(b.sittings for b in self.chaired) + member

    @property
    def member_labels(self) -> list[str]:
        """The bodies it sits in, each with the Sozialräume it sits in where those are some of
        the body's: 'Stadtteilrunden Frühe Hilfen in den Sozialräumen Altstadt und Hafenviertel
        sowie Nordstadt' (in parentheses, two stood side by side with the count of sittings)."""
        labels = []
        for body in self.member_of:
            named = self.spaces_in(body)
            labels.append(f"{body.name} in den Sozialräumen {enumeration_of_names(named)}" if named else body.name)
        return labels

    @property
    def hours(self) -> Decimal:
        return self.actor.network_hours

    @property
    def meetings_phrase(self) -> str:
        """'zusammen neun Sitzungen im Jahr' for several bodies, 'zwei Sitzungen im Jahr' for one;
        where a member sits in a body that meets per Sozialraum, it says that its Sozialraum's
        sittings are counted (a reader found some partners counted with all Stadtteilrunden,
        others with one, and no reason given)."""
        bodies = len(self.chaired) + len(self.member_of)
        sittings = count(self.meetings_per_year, "Sitzung", "Sitzungen", "eine")
        # which sittings a body meeting per Sozialraum counts with is said once, at the head of
        # Anlage 1 (Agreement.counted_per_space): here it stood in eight entries (Netzwerkkoordinatorin)
        return f"{'zusammen ' if bodies > 1 else ''}{sittings} im Jahr"

    @property
    def counted_in_some_spaces(self) -> list[NetworkBody]:
        """The bodies meeting per Sozialraum that count for this member with the sittings of one
        Sozialraum or of some (not for the chair, nor for a member in each)."""
        return [b for b in self.member_of if len(b.social_spaces) > 1 and self.sittings_as_member(b) < b.sittings]


@dataclass(frozen=True)
class Signatory:
    """One signature of the municipality: who signs (as the law names them) and, where known,
    the name printed on the line ('Dr. Anna Berger, Landrätin')."""

    role: str
    name: str = ""


def is_county_name(name: str) -> bool:
    """A public Träger named as a Kreis: 'Landkreis Musterkreis', 'Kreis Lippe', 'Rhein-Sieg-Kreis',
    'Bodenseekreis' (code review: only the first two were known). Not the Region Hannover, whose
    head is no Landrat. A Kreis is assumed to lie in the municipality's Land."""
    first = name.split()[0] if name.split() else ""
    return first in ("Landkreis", "Kreis") or (first.lower().endswith("kreis") and len(first) > len("kreis"))


@dataclass(frozen=True)
class MunicipalSignature:
    """How the municipality signs the agreement when the law of its Land prescribes a form for
    declarations that oblige it (pipeline/model/procedure, 'verpflichtungserklaerung'): every
    signature the law asks for, the rule in a sentence (with the seal, where it asks for one) and
    the rule's citation after 'Form' ('nach § 71 Abs. 2 HGO')."""

    signatories: tuple[Signatory, ...]
    requirements: str
    legal_basis: str
    #: what each signer adds under the signature: the Amtsbezeichnung where the law asks for it
    #: (review of a Landkreis in Rheinland-Pfalz: „Funktion“ invites 'Dezernent …', VV Nr. 1 zu
    #: § 43 LKO admits „nur die gesetzlich vorgeschriebene Amtsbezeichnung“)
    name_label: str = NAME_AND_ROLE


def _name_label(rule: BindingDeclaration) -> str:
    """The label under a signature of the municipality: with the Amtsbezeichnung where the Land
    demands it."""
    return f"{NAME_IN_CAPITALS}, Amtsbezeichnung" if rule.official_title else NAME_AND_ROLE


@dataclass(frozen=True)
class Agreement:
    """The Kooperationsvereinbarung of a concept, as its settings and the other files make it."""

    concept: Concept
    settings: AgreementSettings

    # who signs ----------------------------------------------------------------------------------

    @cached_property
    def organiser_organisation(self) -> Organisation | None:
        """The örtlicher Träger der Jugendhilfe in the list of Träger: a public Träger named like
        kommune.traeger (any Träger of that name if none is public)."""
        name = self.concept.municipality.youth_welfare_authority
        named = [o for o in self.concept.organisations if o.name == name]
        public = [o for o in named if o.public]
        return next(iter(public or named), None)

    def signer(self, actor: Actor) -> Organisation | Actor | None:
        """Who signs for an actor: the organisation named under 'vertretungen', else its Träger,
        else – if it is a single institution – the actor itself; freelancers and volunteers
        without either, and groups of institutions without one, have nobody who could sign for
        all of them."""
        key = self._represented.get(actor.id) or actor.carrier
        if key is not None:
            return self.concept.organisation(key)
        return actor if actor.organisation_form == INSTITUTION and not self.joins_individually(actor) else None

    @cached_property
    def _represented(self) -> dict[str, str]:
        return {r.actor: r.by for r in self.settings.representations}

    def joins_individually(self, actor: Actor) -> bool:
        """Its institutions, practices or members accede one by one: a group named under
        'einzelbeitritt' (institutions of several Träger), freelancers and volunteers without a
        Träger, and a freelance group an association signs for – an association represents a
        profession, it cannot bind its members."""
        return accedes_one_by_one(actor, self._named_individually)

    @cached_property
    def _named_individually(self) -> frozenset[str]:
        return frozenset(self.settings.individual_accession)

    @cached_property
    def _named_signatories(self) -> frozenset[str]:
        """The actors named under 'unterzeichnende', looked up once per actor (a list scanned per
        actor made an agreement of 5,000 actors quadratic)."""
        return frozenset(self.settings.signatories)

    def _meant_to_sign(self, actor: Actor) -> bool:
        if self.settings.signatories:
            return actor.id in self._named_signatories
        institution = actor.organisation_form == INSTITUTION and not self.joins_individually(actor)
        return institution or self.signer(actor) is not None

    @cached_property
    def signing_actors(self) -> list[Actor]:
        """The actors the agreement is signed for, in the order of akteure.yaml."""
        return [a for a in self.concept.actors if self._meant_to_sign(a) and self.signer(a) is not None]

    @property
    def without_signer(self) -> list[Actor]:
        """Actors named under 'unterzeichnende' for whom nobody can sign (a validator warning)."""
        return [a for a in self.concept.actors if self._meant_to_sign(a) and self.signer(a) is None]

    @cached_property
    def parties(self) -> list[Party]:
        """The organiser first (it signs whoever else does), then every other signer in the order
        its first actor has in akteure.yaml."""
        organiser = self.organiser_organisation
        groups: dict[str, list[Actor]] = {}
        names: dict[str, tuple[str, bool]] = {}
        signatures: dict[str, int] = {}
        for actor in self.signing_actors:
            signer = self.signer(actor)
            own = isinstance(signer, Actor)
            key = f"akteur:{actor.id}" if own else signer.id if signer is not None else ""
            groups.setdefault(key, []).append(actor)
            names[key] = (signer.name if signer is not None else "", own)
            signatures[key] = signer.signatures if isinstance(signer, Organisation) else 1
        partly = frozenset(a.id for a in self.signing_actors if self.joins_individually(a))
        organiser_key = organiser.id if organiser is not None else ""
        head = Party(
            organiser_key,
            organiser.name if organiser else self.concept.municipality.youth_welfare_authority,
            tuple(groups.pop(organiser_key, [])),
            organiser=True,
            partly=partly,
        )
        return [head] + [
            Party(key, names[key][0], tuple(actors), own=names[key][1], partly=partly, signatures=signatures[key])
            for key, actors in groups.items()
        ]

    @property
    def organiser(self) -> Party:
        return self.parties[0]

    @property
    def organiser_nominative(self) -> str:
        """The organiser as the subject of a sentence: 'der Landkreis Musterkreis', 'das Land
        Berlin' (for a Bezirk; Berlin review), else its name as written."""
        return with_article(self.organiser.name, "nom")

    @property
    def organiser_dative(self) -> str:
        """The organiser after 'gegenüber': 'dem Landkreis Musterkreis', or its name as written;
        a Land that is Träger for a Bezirk with the Bezirksamt that represents it (a notice to
        'dem Land Berlin' would not say which of its Jugendämter; Berlin review)."""
        dative = with_article(self.organiser.name, "dat")
        if self.organiser.name != self.concept.municipality.name and self.concept.municipality.is_bezirk:
            return f"{dative}, {self.concept.represented_by}" if self.concept.represented_by else dative
        return dative

    @property
    def municipal_signature(self) -> MunicipalSignature | None:
        """The form of the organiser's signature where it is the municipality and the law of its
        Land prescribes one for declarations that oblige it (e.g. § 71 Abs. 2 HGO: two signatures
        and the Dienstsiegel); None where the table has no rule, and the municipality signs once
        like everyone else. The head of the administration, when named, is printed on the first
        line."""
        concept = self.concept
        procedure = concept.procedure
        if procedure is None or procedure.binding_declaration is None:
            return None
        if self.organiser.name != concept.municipality.name:
            return None
        rule, head = procedure.binding_declaration, concept.municipality.head
        first = f"{head.name}, {head.title}" if head is not None else ""
        roles = rule.roles(procedure.head, head.title if head is not None else None)
        signatories = tuple(Signatory(role, first if i == 0 else "") for i, role in enumerate(roles))
        return MunicipalSignature(signatories, rule.requirements, rule.after_form, _name_label(rule))

    def partner_signature(self, party: Party) -> MunicipalSignature | None:
        """The form of a partner's signature where it is a Landkreis of the same Land – a
        kreisangehörige Stadt runs the network, the Kreis signs for its Gesundheitsamt or its
        Frühförderung – and the Land prescribes one for a Kreis' binding declarations (§ 86 Abs. 2
        NKomVG): the Kreis is bound only in that form (review of a kreisangehörige Stadt)."""
        rule = self._county_rule(party)
        if rule is None:
            return None
        procedure = procedure_for(self.concept.municipality.state, "Landkreis")
        assert procedure is not None  # a rule comes from a procedure
        signatories = tuple(Signatory(role, "") for role in rule.roles(procedure.head))
        return MunicipalSignature(signatories, rule.requirements, rule.after_form, _name_label(rule))

    def partner_role(self, party: Party) -> str:
        """Who signs for a partner where the law says it: a Jobcenter that is a gemeinsame
        Einrichtung by its Geschäftsführung (§ 44d Abs. 1 SGB II; review of a Große Kreisstadt: its
        block asked for a „Funktion“ like any other); empty for the others."""
        if party.own and any(a.federal_supervision for a in party.actors):
            return "vertreten durch die Geschäftsführerin oder den Geschäftsführer (§ 44d Abs. 1 SGB II)"
        return ""

    def _county_rule(self, party: Party) -> BindingDeclaration | None:
        """The binding form of a partner that is a public Träger named as a Kreis of the Land."""
        if party.organiser or party.own or not party.key:
            return None
        organisation = next((o for o in self.concept.organisations if o.id == party.key), None)
        if organisation is None or not organisation.public or not is_county_name(organisation.name):
            return None
        procedure = procedure_for(self.concept.municipality.state, "Landkreis")
        return procedure.binding_declaration if procedure is not None else None

    @property
    def counties_binding(self) -> list[tuple[str, str]]:
        """The partners that are Kreise with a form for binding declarations, as (name, rule): a
        change of the annexes that adds to their duties needs that form too."""
        found = []
        for party in self.partners:
            rule = self._county_rule(party)
            if rule is not None:
                found.append((party.name, rule.after_form))
        return found

    @property
    def binding_rule(self) -> str | None:
        """'nach § 71 Abs. 2 HGO': the rule on declarations that oblige the municipality, where it
        organises the network and its Land has one – a change of the annexes that adds to its
        duties needs that form, not just the consent of an Amt (legal review)."""
        signature = self.municipal_signature
        return signature.legal_basis if signature is not None else None

    @property
    def partners(self) -> list[Party]:
        """Every party but the organiser."""
        return self.parties[1:]

    @property
    def not_signing(self) -> list[Actor]:
        """Actors of the network the agreement is not signed for: they may join later."""
        signing = {a.id for a in self.signing_actors}
        return [a for a in self.concept.actors if a.id not in signing]

    @property
    def acceding(self) -> list[Actor]:
        """Groups nobody signs for, whose institutions, practices or members accede one by one."""
        return [a for a in self.not_signing if self.joins_individually(a)]

    @property
    def invited(self) -> list[Actor]:
        """Everyone else who takes part without signing: invited to accede as well – but not a
        service of a Träger that signs as a party anyway (M-V review: the city's ASD and its Kita
        department 'sind eingeladen beizutreten' to the city's agreement; the re-check: a service of
        the signing DRK too); validate asks to name them under 'unterzeichnende',
        :attr:`own_unsigned`."""
        own = {a.id for a in self.own_unsigned}
        return [a for a in self.not_signing if not self.joins_individually(a) and a.id not in own]

    @property
    def own_unsigned(self) -> list[Actor]:
        """Services of a signing Träger (the organiser's or another party's) that 'unterzeichnende'
        leaves out."""
        signing = {s.id for a in self.signing_actors if isinstance(s := self.signer(a), Organisation)}
        if self.organiser_organisation is not None:
            signing.add(self.organiser_organisation.id)
        return [
            a
            for a in self.not_signing
            if not self.joins_individually(a)
            and isinstance(signer := self.signer(a), Organisation)
            and signer.id in signing
        ]

    @property
    def acceding_named(self) -> list[str]:
        """Every group whose members accede one by one, as the clause on accession names them: a
        group of institutions a Träger signs for in part says which of them accede."""
        return [self._acceding_name(a) for a in self.accession_groups]

    @property
    def now_acceding_named(self) -> list[str]:
        """:attr:`now_acceding`, named as in the clause on accession."""
        return [self._acceding_name(a) for a in self.now_acceding]

    def _acceding_name(self, actor: Actor) -> str:
        if self._partly_signed(actor):
            # for which their Träger has not signed – a Träger signing for other services does not
            # bind its Familienzentren (legal review: „soweit ihr Träger nicht unterzeichnet hat“
            # read as binding those of every Träger that signs at all)
            # several Träger: 'haben' (a Stadtverordnete read one Träger of them all in 'hat')
            return f"{actor.name}, deren Träger nicht für sie unterzeichnet haben"
        return actor.name

    def _partly_signed(self, actor: Actor) -> bool:
        """A group of institutions some of whose Träger sign for theirs (the city for its own
        Familienzentren): only the others accede one by one."""
        return actor.organisation_form == INSTITUTION and actor.id in {a.id for a in self.signing_actors}

    @property
    def now_acceding_partly_signed(self) -> bool:
        """Some of :attr:`now_acceding` are signed for by their Träger: a sentence that has them
        all accede one by one says 'soweit nicht ihr Träger für sie unterzeichnet' (a reader of a
        paper found the city's own Familienzentren sent to accede alone)."""
        return any(self._partly_signed(a) for a in self.now_acceding)

    @property
    def bound_actors(self) -> list[Actor]:
        """The actors the signatures bind as a whole: not the groups whose members accede one by
        one, even where a Träger or an association signs for some of them."""
        return [a for a in self.concept.actors if self.bound(a)]

    @property
    def unbound_groups(self) -> list[Actor]:
        """The actors the signatures do not bind as a whole because their members accede one by
        one: a paper names them beside the count of those bound (a Kreistag member had to work out
        '18 der 22' and still did not learn which four were left)."""
        return [a for a in self.concept.actors if not self.bound(a) and self.joins_individually(a)]

    @property
    def unbound_others(self) -> list[Actor]:
        """The actors neither bound nor acceding one by one: they do not take part in the agreement."""
        return [a for a in self.concept.actors if not self.bound(a) and not self.joins_individually(a)]

    @property
    def binding_none(self) -> list[Party]:
        """Parties whose signature binds no actor as a whole: an association signing for a
        profession whose members accede one by one (counted among the signers, not among what
        the signatures bind – the reviews read the two counts as contradicting each other)."""
        return [p for p in self.partners if p.actors and not any(self.bound(a) for a in p.actors)]

    @property
    def further_acceding_named(self) -> list[str]:
        """:attr:`acceding_named` without the groups :attr:`now_acceding_named` already names."""
        already = set(self.now_acceding_named)
        return [n for n in self.acceding_named if n not in already]

    @property
    def newly_bound(self) -> list[Actor]:
        """Bound by the new signatures, though they had not signed the earlier agreement. Where
        no service of the organiser has a date of the earlier signature, the inputs record only
        the partners' signatures: the Jugendamt's coordination and ASD and the Kreis's
        Gesundheitsamt then belonged to the network it organises all along, and are not new
        (Brandenburg review: they stood under „Neu gebunden“). Where some have one (Musterkreis),
        a service without it joined the network since."""
        own = {a.id for a in self.organiser.actors}
        recorded = any(a.agreement_signed is not None for a in self.organiser.actors)
        return [a for a in self.bound_actors if a.agreement_signed is None and (recorded or a.id not in own)]

    @property
    def now_acceding(self) -> list[Actor]:
        """Signed the earlier agreement as a whole; under the new one each member accedes alone."""
        return [a for a in self._signed_before_not_bound if self.joins_individually(a)]

    @property
    def no_longer_bound(self) -> list[Actor]:
        """Signed the earlier agreement; no signature of the new one binds them."""
        return [a for a in self._signed_before_not_bound if not self.joins_individually(a)]

    @property
    def replaces(self) -> dt.date | None:
        """The day the network's earlier agreement was first signed, if there is one: this one
        replaces it, and § 8 says so (two agreements side by side would bind nobody clearly)."""
        signed = [a.agreement_signed for a in self.concept.actors_with_agreement if a.agreement_signed]
        return min(signed) if signed else None

    @property
    def _signed_before_not_bound(self) -> list[Actor]:
        return [a for a in self.concept.actors_with_agreement if not self.bound(a)]

    @property
    def accession_groups(self) -> list[Actor]:
        """Every group whose members accede one by one, signed for in part or not at all: the
        boxes of the Beitrittserklärung."""
        return [a for a in self.concept.actors if self.joins_individually(a)]

    @cached_property
    def _signing_ids(self) -> frozenset[str]:
        return frozenset(a.id for a in self.signing_actors)

    def bound(self, actor: Actor) -> bool:
        """The signature of its party binds the actor as a whole (asked of every path: the ids of
        those signing once, not per question – quadratic in a network of 5,000 actors)."""
        return actor.id in self._signing_ids and not self.joins_individually(actor)

    def is_recommendation(self, path: CoordinationPath) -> bool:
        """A path that starts at someone not bound by a signature is a recommendation until they
        sign or accede."""
        return not self.bound(self.concept.actor(path.sender))

    @property
    def recommendations(self) -> list[CoordinationPath]:
        return [p for p in self.concept.network.paths if self.is_recommendation(p)]

    def volunteer(self, actor: Actor) -> bool:
        """Volunteers give their time freely: their Träger cannot promise it."""
        return actor.organisation_form == VOLUNTEERS

    @property
    def volunteers_sign(self) -> bool:
        """Volunteers are no Berufsgeheimnisträger: their Träger binds them to confidentiality."""
        return any(self.volunteer(a) for a in self.signing_actors)

    def areas_for(self, actor: Actor) -> list[SocialSpace]:
        """The Sozialräume an actor names a contact person for (``ansprechpersonen_je_sozialraum``)."""
        if actor.id not in self.settings.contacts_per_area:
            return []
        return list(self.concept.municipality.social_spaces)

    # what each brings in ------------------------------------------------------------------------

    @property
    def in_force_from(self) -> dt.date:
        """The first day the agreement binds: its start, else the concept's Stand (it is signed
        after that)."""
        return self.start or self.concept.version.date

    @property
    def in_force_since(self) -> dt.date | None:
        """The day it took effect, where that lies on or before the concept's Stand: a Fassung
        written a year later no longer asks for signatures ('Unterzeichnen sollen …' stood in the
        concept after it had been signed and in force for months; year-later review)."""
        start = self.start
        return start if start is not None and start <= self.concept.version.date else None

    @property
    def measures_in_force(self) -> list[Measure]:
        """The measures partners can commit to: not finished, not ended before the agreement
        takes effect (a reader found M4, finished in 2025, among an agreement's duties from 2027)."""
        begins = self.in_force_from
        return [
            m
            for m in self.concept.measures
            if m.status != "abgeschlossen" and (m.period.end is None or m.period.end >= begins)
        ]

    def measure_label(self, measure: Measure) -> str:
        """'M2 Babylotsen (bis 31.12.2027)': a measure that ends says so, since the agreement
        runs longer; a planned one says it is planned and from when ('M11 … (geplant ab
        01.03.2027)'), since a partner cannot promise to lead what may not come (review from the
        signers' side: planned measures read as unconditional commitments)."""
        label = self.concept.measure_labels([measure.id])[0]
        period = measure.period
        note = ""
        if measure.status == "geplant":
            note = f"geplant ab {german_date(period.start)}"
        if period.end:
            note = f"{note} bis {german_date(period.end)}" if note else f"bis {german_date(period.end)}"
        return f"{label} ({note})" if note else label

    def measure_list(self, measures: tuple[Measure, ...]) -> str:
        """The measures of a contribution, each as :meth:`measure_label` gives it."""
        return "; ".join(self.measure_label(m) for m in measures)

    @property
    def counted_per_space(self) -> str:
        """The sentence at the head of Anlage 1 on which sittings of a body that meets per
        Sozialraum a contribution counts ('' where no contribution counts so): a reader found some
        partners counted with all Stadtteilrunden, others with one, and no reason given."""
        contributions = [self.contribution(a) for a in self.concept.actors]
        bodies = {b.id: b.name for c in contributions for b in c.counted_in_some_spaces}
        if not bodies:
            return ""
        # 'Bei …, für …, nur …': 'Von Gremien … sind bei Partnerinnen …' read clumsily (re-check)
        opening = (
            f"Bei Gremien, die je Sozialraum tagen ({enumeration_of_names(list(bodies.values()))}), sind für "
        )
        if any(c.spaces_in(b) for c in contributions for b in c.member_of):
            return opening + (
                "Partnerinnen und Partner, die nicht in allen Sozialräumen mitarbeiten, die Sitzungen der bei "
                "ihnen genannten Sozialräume gezählt, sonst die eines Sozialraums."
            )
        return opening + (
            "Partnerinnen und Partner, die nur in einem Sozialraum mitarbeiten, nur die Sitzungen dieses Sozialraums "
            "gezählt."
        )

    def contribution(self, actor: Actor) -> Contribution:
        leads, joins, chairs, members = self._shares.get(actor.id, ([], [], [], []))
        return Contribution(
            actor,
            tuple(leads),
            tuple(joins),
            tuple(chairs),
            tuple(members),
            everywhere=bool(self.areas_for(actor)),
            spaces=self._space_names(actor),
        )

    def _space_names(self, actor: Actor) -> dict[str, str]:
        return {s: self.concept.social_space(s).name for s in actor.social_spaces}

    @cached_property
    def _shares(self) -> dict[str, tuple[list[Measure], list[Measure], list[NetworkBody], list[NetworkBody]]]:
        """Per actor: the measures in force it leads and those it takes part in, the bodies it
        chairs and those it is a member of – gathered in one pass, not per actor (a network of
        5,000 actors and measures made that quadratic)."""
        found: dict[str, tuple[list[Measure], list[Measure], list[NetworkBody], list[NetworkBody]]] = {}

        def of(actor_id: str) -> tuple[list[Measure], list[Measure], list[NetworkBody], list[NetworkBody]]:
            return found.setdefault(actor_id, ([], [], [], []))

        for m in self.measures_in_force:
            of(m.lead)[0].append(m)
            for participant in dict.fromkeys(m.participants):
                if participant != m.lead:
                    of(participant)[1].append(m)
        for body in self.concept.network.bodies:
            of(body.chair)[2].append(body)
            for member in dict.fromkeys(body.members):
                if member != body.chair:
                    of(member)[3].append(body)
        return found

    @property
    def goals(self) -> list[Goal]:
        """The goals the partners pursue together: the concept's Wirkungsziele (all goals where
        it has none)."""
        return self.concept.impact_goals or self.concept.goals

    @property
    def legal_basis(self) -> list[str]:
        """The sentences of the preamble on the law: what Frühe Hilfen are (§ 1 Abs. 4 KKG), the
        network (§ 3 KKG, a Programmsatz with a Soll in Abs. 3) in the wording the norms table
        checked, the Land's own rule on the networks in the table's summary of it, and that the
        principles soll be agreed."""
        # § 3 Abs. 3 KKG defers to Landesrecht: where the Land has a network law, the agreement
        # names it (review of a Saxon Landkreis: only the concept knew § 1 Abs. 2 SächsKiSchG)
        law = self.concept.network_law
        # a sentence, not a label with a colon (review in Sachsen-Anhalt); a rule that sets up no network
        # (§ 14 Abs. 3 ThürKJHAG) is not said to hold 'für die Netzwerke' (language review)
        where = in_state(self.concept.municipality.state)
        lead = (
            f"Für die Netzwerke gilt {where} zudem"
            if law is None or law.sets_up_network
            else f"Ergänzend gilt {where}"
        )
        land = [f"{lead} {law.in_sentence}: {sentence_end(law.content)}"] if law is not None else []
        return [
            NORMS_BY_CITATION[("KKG", "1")].wording,
            self._network_organiser,
            *land,
            *self._beside_child_protection,
            AGREEMENTS_IN_THE_LAW,
        ]

    @property
    def _beside_child_protection(self) -> list[str]:
        """Which network the agreement is for, where a Netzwerk Kinderschutz of its own exists beside
        it: a partner reading the Land's law on child-protection networks thought to join that one
        (Netzwerkkoordinatorin of Stadt Lindenbrück)."""
        topics = self.concept.topics
        section = topics.child_protection
        network = section.network if section is not None else None
        if network is None or network.joint or not network.name:
            return []
        bodies = topics.shared_bodies
        via = f" über {enumeration([b.forms.acc for b in bodies])}" if bodies else ""
        name = network.name.strip()
        other = f"dem {name}" if network.called_network else f"dem Netzwerk Kinderschutz „{name}“"
        return [f"Diese Vereinbarung gilt für das {self.concept.network_name}; mit {other} ist es{via} verbunden."]

    @property
    def _network_organiser(self) -> str:
        """§ 3 KKG as the norms table words it, the Träger named where the municipality is it
        ('also bei der Stadt Neuhafen am Main', not 'bei der Gebietskörperschaft, die das Jugendamt
        unterhält'; Netzwerkkoordinatorin)."""
        wording = NORMS_BY_CITATION[("KKG", "3")].wording
        municipality = self.concept.municipality
        if not municipality.is_own_carrier:
            return wording
        return wording.replace(GENERIC_ORGANISER, f"also {municipality.at_phrase}")

    @property
    def consent_law(self) -> str:
        """The legal basis of a transfer with consent – for church Träger among the partners their
        church's law in place of the DSGVO's articles (legal review of a Caritasverband: the agreement
        named the DSGVO for everyone while its own consent form told parents otherwise)."""
        return consent_law_for(self.concept.organisations, self.signing_actors)

    @property
    def secret_keeper_steps(self) -> tuple[Step, ...]:
        """§ 4 KKG as the concept's chapter on child protection states it: talk to the parents,
        get advice, and only if that cannot avert the danger a Befugnis to inform the Jugendamt
        (the health professions soll inform at urgent danger); the Jugendamt's feedback."""
        return SECRET_KEEPER_STEPS

    @property
    def inside_youth_office(self) -> list[Actor]:
        """Partners whose staff belong to the Jugendamt: § 4 KKG does not apply to them."""
        return self.concept.topics.inside_youth_office

    @property
    def youth_welfare_steps(self) -> tuple[Step, ...]:
        """§ 8a Abs. 4 and Abs. 1 SGB VIII: the Träger's agreements and the Jugendamt's duty."""
        return YOUTH_WELFARE_STEPS

    @property
    def confidentiality(self) -> str:
        return NORMS_BY_CITATION[("StGB", "203")].wording

    @property
    def organiser_role(self) -> str:
        """Under the organiser's name in its signature block: the örtlicher Träger der Jugendhilfe
        and who represents it – or, where it also signs for services outside the Jugendamt
        (Gesundheitsamt, Sozialpsychiatrischer Dienst), that it signs for those too: a reader
        found the Gesundheitsamt signed for 'als Träger der Jugendhilfe, Fachbereich Jugend'."""
        concept = self.concept
        role = "Örtlicher Träger der öffentlichen Jugendhilfe"
        # not the groups it only promotes: freelance doctors are none of its services (Netzwerkkoordinatorin)
        promoted = {a.id for a in self.organiser.promoted_groups}
        beyond = [a for a in self.organiser.actors if not self.of_youth_office(a) and a.id not in promoted]
        if beyond:
            role += " und Träger der weiteren genannten Dienste"
        if concept.represented_by:
            return f"{role}, {concept.represented_by}"
        return role if beyond else f"{role}, {concept.municipality.youth_office}"

    @property
    def bodies_led_by_others(self) -> list[NetworkBody]:
        """The network bodies someone other than the coordination chairs: the coordination does
        not invite to them (a reader found it promised for the Qualitätszirkel, led by the
        Gesundheitsamt). Empty where the inputs name no coordination actor."""
        coordination = self.concept.coordination_actor
        if coordination is None:
            return []
        return [b for b in self.concept.network.bodies if b.chair != coordination.id]

    @property
    def chaired_by_others(self) -> str:
        """'des Qualitätszirkels Familienbegleitung (DRK-Kreisverband Havelland-Süd)': the bodies
        someone else chairs, in the genitive, each with its chair – for „Sie unterstützt die Leitung
        … bei Einladung und Vorbereitung“ (Brandenburg review: „Die Leitung des übrigen Gremiums
        unterstützt sie“ read as the chair supporting the coordination, and named no body)."""

        def led(body: NetworkBody) -> str:
            chair = self.concept.actor(body.chair).name_in_text
            # a chair named with brackets between dashes: never brackets in brackets (review re-check)
            return f"{body.forms.gen} – {chair} –" if "(" in chair else f"{body.forms.gen} ({chair})"

        return enumeration([led(b) for b in self.bodies_led_by_others])

    @property
    def steering_group(self) -> NetworkBody | None:
        """The body that prepares reviews: the Steuerungsgruppe, if the network has one."""
        return next((b for b in self.concept.network.bodies if b.kind == "Steuerungsgruppe"), None)

    # duration and review ------------------------------------------------------------------------

    @property
    def start(self) -> dt.date | None:
        return self.settings.start

    @property
    def term_years(self) -> int | None:
        return self.settings.term_years

    @property
    def previous_ends(self) -> dt.date | None:
        """The earliest day the notice of the agreement this one replaces takes effect, as the
        inputs give it under its own rules ('bisherige_endet'); None where they do not. Six months
        after the start, assumed, read as a promise nobody had made (Saxon review)."""
        return self.settings.previous_end

    @property
    def end(self) -> dt.date | None:
        """The last day of a fixed term that starts on a known day."""
        if self.start is None or self.term_years is None:
            return None
        return add_months(self.start, 12 * self.term_years) - dt.timedelta(days=1)

    @property
    def reviewed_with_update(self) -> bool:
        """Without a cycle of its own, the agreement is reviewed with each Fortschreibung."""
        return self.settings.review_years is None

    @property
    def review_years(self) -> int:
        return self.settings.review_years or self.concept.version.update.cycle_years

    @property
    def next_review(self) -> dt.date | None:
        """The next review: with the next Fortschreibung, or by the last day of a cycle after the
        start (from 01.01.2027 every two years: by 31.12.2028)."""
        if self.reviewed_with_update:
            return self.concept.version.update.next_date
        if self.start is None:
            return None
        return add_months(self.start, 12 * self.review_years) - dt.timedelta(days=1)

    @property
    def notice_months(self) -> int:
        return self.settings.notice_months

    # the consent form ---------------------------------------------------------------------------

    @property
    def has_consent_form(self) -> bool:
        return self.settings.consent_form.make

    @property
    def coordination(self) -> Coordination:
        return self.concept.municipality.coordination

    def contact_line(self, person: bool = True) -> str:
        """The coordination's contact in one line, each part once: an address that repeats the
        department the position already names leaves it out; the phone number stays in one piece."""
        coordination = self.coordination
        contact = coordination.contact
        parts = [coordination.position] + ([coordination.person] if person else [])
        if contact.address:
            parts += [p for p in contact.address.split(", ") if p not in coordination.position]
        if contact.phone:
            parts.append("Telefon\u00a0" + contact.phone.replace(" ", "\u00a0"))
        if contact.email:
            parts.append(f"E-Mail {contact.email}")
        return ", ".join(parts)

    @property
    def at_coordination(self) -> str:
        """'bei der Koordinierungsstelle Frühe Hilfen': where parents can withdraw their consent."""
        forms = definite(self.coordination.position)
        return forms.beim if forms else f"bei der Netzwerkkoordination ({self.coordination.position})"

    def consent_label(self, actor: Actor) -> str:
        """A place as parents need to read it: the Jugendamt's service says it is the Jugendamt,
        and so do the coordination and the services employed there ('… (im Jugendamt)'): parents
        must know who receives their data (Art. 13 DSGVO; legal review)."""
        office = self.concept.topics.youth_office
        if office is not None and actor.id == office.id and "Jugendamt" not in actor.name:
            return f"Jugendamt – {actor.name}"
        if self.of_youth_office(actor) and "Jugendamt" not in actor.name:
            return with_note(actor.name, "im Jugendamt")
        return actor.name

    def never_gets_health_data(self, actor: Actor) -> bool:
        """A place the network named never to receive health data (volunteers are said apart): its
        box says so, where parents tick it (plain-language review: the rule stood only in the
        information to keep, after the signature)."""
        return actor.id in self.settings.consent_form.no_health_data and not self.volunteer(actor)

    def of_youth_office(self, actor: Actor) -> bool:
        """The Jugendamt's own service, the coordination or a service employed there."""
        concept = self.concept
        own = (concept.coordination_actor, concept.topics.youth_office)
        return actor.in_youth_office or any(a is not None and a.id == actor.id for a in own)

    def collective(self, actor: Actor) -> bool:
        """A box that stands for several people or institutions: parents name the one they mean –
        not for volunteers, whom their Träger chooses after the referral (plain-language review: a
        Patin's name cannot be written in before she is found, so the box could never count)."""
        if self.volunteer(actor):
            return False
        return actor.organisation_form != INSTITUTION or self.joins_individually(actor)

    def consent_box(self, actor: Actor) -> str:
        """The text of a place's box: its name, for volunteers the Träger that chooses one for the
        family, for a place that never gets health data that it does not."""
        label = self.consent_label(actor)
        if self.volunteer(actor) and actor.carrier:
            carrier = self.concept.organisation(actor.carrier).name
            return f"{label} (Vermittlung: {carrier}; ohne Angaben zur Gesundheit)"
        return f"{label} (ohne Angaben zur Gesundheit)" if self.never_gets_health_data(actor) else label

    @property
    def volunteer_places(self) -> list[Actor]:
        """Volunteers among the places on the form: they receive no health data, since they are
        no Berufsgeheimnisträger (the concept routes them through their coordination)."""
        return [a for a in self.consent_places if self.volunteer(a)]

    @property
    def volunteer_controllers(self) -> list[str]:
        """'Ehrenamtliche Stadtteilmütter: Caritasverband …': who answers for the data a volunteer
        receives – the Träger that accompanies them; volunteers are no controllers of their own
        (Art. 4 Nr. 7 DSGVO; a data protection reader of Neuhafen's form)."""
        return [
            f"{a.name}: {self.concept.organisation(a.carrier).name}" for a in self.volunteer_places if a.carrier
        ]

    @property
    def places_without_health_data(self) -> list[str]:
        """The boxes of places that never receive health data, whatever the parents tick, quoted as
        the form names them ('„Kommunales Jobcenter Neuhafen“': a name without its article
        reads wrong in a sentence): those the network named (an authority like the Jobcenter needs none to place a family), in the
        order of the form; volunteers are said apart, with their reason."""
        return [f"„{self.consent_label(a)}“" for a in self.consent_places if self.never_gets_health_data(a)]

    @property
    def health_data(self) -> list[str]:
        named = self.settings.consent_form.health_data
        return list(DEFAULT_HEALTH_DATA if named is None else named)

    @property
    def consent_duration(self) -> str:
        """'ein Jahr', 'sechs Monate', '18 Monate': how long a consent holds at most."""
        months = self.settings.consent_form.max_months
        if months % 12 == 0:
            return count(months // 12, "Jahr", "Jahre", "ein")
        return count(months, "Monat", "Monate", "einen")

    @property
    def retention(self) -> list[str]:
        """How long the places keep the data, and the longer duties to keep records that no
        consent form can shorten."""
        form = self.settings.consent_form
        own = form.retention
        if own is None:
            own = "Die Stellen löschen die Angaben, sobald sie sie für die Unterstützung nicht mehr brauchen"
            if form.deletion_years:
                # whose Begleitung: each place's own (data protection officer's review)
                own += (
                    f", spätestens {count(form.deletion_years, 'Jahr', 'Jahre', 'ein')} nach dem Ende ihrer "
                    "eigenen Begleitung"
                )
            own += "."
        return [own, STATUTORY_RETENTION, CONSENT_KEPT]

    @property
    def consent_grounds(self) -> str:
        return CONSENT_GROUNDS

    @property
    def data_protection_contact(self) -> str | None:
        """Whom parents ask about data protection (Art. 13 Abs. 1 Buchst. b DSGVO): the contact
        on the form, else the officer the concept names."""
        own = self.settings.consent_form.contact
        if own:
            return own
        section = self.concept.topics.data_protection
        return section.officer if section else None

    @property
    def supervisory_authority(self) -> str:
        """Where parents can complain (Art. 13 Abs. 2 Buchst. d DSGVO), with the address."""
        return self.settings.consent_form.authority or authority_line(self.concept.municipality.state)

    @property
    def federal_supervision(self) -> str:
        """'Für das Jobcenter … ist die Bundesbeauftragte … zuständig': a Jobcenter that is a
        gemeinsame Einrichtung answers to the federal commissioner, not to the Land's authority
        the form names (a reader of the Bavarian form). Empty where no place on the form is one."""
        places = [f"„{self.consent_label(a)}“" for a in self.consent_places if a.federal_supervision]
        if not places:
            return ""
        which = "die Stelle" if len(places) == 1 else "die Stellen"
        return (
            f"Für {which} {enumeration_of_names(places)} ist stattdessen zuständig ({FEDERAL_BASIS}): "
            f"{sentence_end(FEDERAL.line)}"
        )

    @property
    def church_supervision(self) -> str:
        """'Für … gilt kirchliches Datenschutzrecht …': places run by a church Träger follow their
        church's law and supervision, not the Land's commissioner the form names (a reader of
        Neuhafen's form: Diakonie and Caritas). Empty where no place on the form is one."""
        by_law: dict[str, list[str]] = {}
        for actor in self.consent_places:
            carrier = self.concept.organisation(actor.carrier) if actor.carrier else None
            if carrier is not None and carrier.church:
                by_law.setdefault(carrier.church, []).append(actor.name_in_text)
        if not by_law:
            return ""
        laws = " ".join(
            sentence_end(f"{CHURCH_LAWS[church]} gilt für: {enumeration_of_names(names)}")
            for church, names in sorted(by_law.items())
        )
        authorities = [CHURCH_AUTHORITIES[church] for church in sorted(by_law) if church in CHURCH_AUTHORITIES]
        named = " ".join(sentence_end(a) for a in authorities)
        others = set(by_law) - set(CHURCH_AUTHORITIES)
        # 'die übrigen' read as every other place, the city's own too (review in Brandenburg): by their law
        under = enumeration([CHURCH_LAWS[church].rsplit("(", 1)[1].rstrip(")") for church in sorted(others)])
        # every church place is told 'nicht bei der staatlichen Aufsichtsbehörde', the named authority's too
        # (code review: with both churches, the evangelical places lacked it)
        if others and authorities:
            rest = (
                f"Über diese Stellen beschweren Sie sich dort, über die Stellen nach dem {under} bei ihrer kirchlichen "
                "Datenschutzaufsicht, die sie Ihnen nennen – nicht bei der staatlichen Aufsichtsbehörde."
            )
        elif others:
            rest = (
                "Über diese Stellen beschweren Sie sich bei ihrer kirchlichen Datenschutzaufsicht, die sie Ihnen "
                "nennen, nicht bei der staatlichen Aufsichtsbehörde."
            )
        else:
            rest = "Über diese Stellen beschweren Sie sich dort, nicht bei der staatlichen Aufsichtsbehörde."
        parts = [
            "Für Stellen in kirchlicher Trägerschaft gilt kirchliches Datenschutzrecht mit eigener Aufsicht.",
            laws,
        ]
        return " ".join(part for part in [*parts, named, rest] if part)

    @property
    def network_forms(self) -> list[str]:
        """The network's own consent forms in the concept (querschnitt.yaml) by their quoted
        titles. One titled like the generated form is that one, named once (BW review: § 6 offered
        „Einverständniserklärung und Schweigepflichtentbindung“ twice)."""
        section = self.concept.topics.data_protection
        if section is None:
            return []
        same = CONSENT_TITLE.casefold() if self.has_consent_form else None
        return [f"„{f.title}“" for f in section.forms if f.title.strip().casefold() != same]

    @property
    def consent_places(self) -> list[Actor]:
        """The places parents may allow to exchange data, in the order of akteure.yaml: those
        named, else every actor outside the administration."""
        named = self.settings.consent_form.places
        if named:
            return [a for a in self.concept.actors if a.id in named]
        return [a for a in self.concept.actors if a.sector != ADMINISTRATION]

    @property
    def referring_place(self) -> Actor | None:
        """The Netzwerkkoordination where it is a place on the form: families reach a service
        through it (Klinikum → Netzwerkkoordination → Familienhebammen), which the star around the
        place that takes the form forbids – the parents may allow that one hand-on with a box of its
        own (review from the signers' side: the main referral route broke the form's promise)."""
        actor = self.concept.coordination_actor
        return actor if actor is not None and actor in self.consent_places else None

    @property
    def consent_data(self) -> list[str]:
        return list(self.settings.consent_form.data or DEFAULT_CONSENT_DATA)

    @property
    def annexes(self) -> list[tuple[str, str]]:
        """The agreement's annexes as (key, title), in order; the consent form is a document of
        its own."""
        annexes = [
            ("beitraege", "Beiträge der Partnerinnen und Partner"),
            ("netzwerk", "Netzwerkgremien und Abstimmungswege"),
            ("beitritt", "Beitrittserklärung"),
        ]
        if self.has_consent_form:
            annexes.append(
                # with its Stand: partners sign to keep what the form promises, so which form (Rechtsamt)
                (
                    "vordruck",
                    "Vordruck „Einverständniserklärung und Schweigepflichtentbindung“ (eigenes Dokument, Stand "
                    f"{german_date(self.concept.version.date)})",
                )
            )
        return annexes

    def annex(self, key: str) -> str:
        """'Anlage 3': an annex by its key, numbered as the list of annexes has it."""
        return f"Anlage {[k for k, _ in self.annexes].index(key) + 1}"


def agreement_of(concept: Concept) -> Agreement | None:
    """The agreement the inputs ask for; None without the section in netzwerk.yaml."""
    settings = concept.network.agreement
    return Agreement(concept, settings) if settings is not None else None
