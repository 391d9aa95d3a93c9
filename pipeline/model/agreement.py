"""The Kooperationsvereinbarung: who signs it, for which institutions, and what each brings in.

§ 3 Abs. 3 KKG: the network soll be organised by the örtlicher Träger der Jugendhilfe, and the
participants sollen lay down the principles of their cooperation in agreements. Agreements are
signed by organisations, not by the actors of the network: a Träger signs once for all its
institutions, an institution without a Träger for itself, and freelance or volunteer groups
only through an organisation that can sign for them (their Träger, or an association named under
``vertretungen``). Who is meant to sign is the section ``kooperationsvereinbarung`` in
netzwerk.yaml; without it there is no agreement (:attr:`Concept.agreement` is None).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING

from pipeline.model.inputs import Actor, AgreementSettings, Goal, Measure, NetworkBody, Organisation
from pipeline.model.norms import NORMS_BY_CITATION
from pipeline.model.types import add_months

if TYPE_CHECKING:
    from pipeline.model.concept import Concept

#: The sentence of § 3 Abs. 3 KKG the agreement answers, in the law's words (research/normen.yaml,
#: kkg_3, Wortlaut Abs. 3, checked against bundestag/gesetze k/kkg, Fassung 2016; Abs. 3 is
#: unchanged by the KJSG).
AGREEMENTS_IN_THE_LAW = (
    "Die Beteiligten sollen die Grundsätze für eine verbindliche Zusammenarbeit in Vereinbarungen "
    "festlegen (§ 3 Abs. 3 Satz 2 KKG)."
)
#: What parents may allow to pass when the inputs name nothing else.
DEFAULT_CONSENT_DATA: tuple[str, ...] = (
    "Name, Anschrift und Telefonnummer",
    "Name und Geburtsdatum des Kindes oder der errechnete Geburtstermin",
    "Anlass der Vermittlung und die gewünschte Unterstützung",
    "Rückmeldung, ob der Kontakt zustande gekommen ist",
)
#: The sector whose actors work with figures, not with families: not offered on the consent form.
ADMINISTRATION = "Verwaltung"


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

    @property
    def names_its_actors(self) -> bool:
        """The signature block names the institutions it is for, unless the party is one."""
        return not self.own and bool(self.actors)


@dataclass(frozen=True)
class Contribution:
    """What one actor brings into the network, read from the other files: the measures it leads
    or takes part in, the network bodies it chairs or sits in."""

    actor: Actor
    led: tuple[Measure, ...]
    joined: tuple[Measure, ...]
    chaired: tuple[NetworkBody, ...]
    member_of: tuple[NetworkBody, ...]

    @property
    def meetings_per_year(self) -> int:
        """Sittings a year of the bodies it chairs or sits in: the time it commits to."""
        return sum(b.meetings_per_year for b in (*self.chaired, *self.member_of))

    @property
    def hours(self) -> Decimal:
        return self.actor.network_hours


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
        public = [o for o in named if o.kind == "öffentlicher Träger"]
        return next(iter(public or named), None)

    def signer(self, actor: Actor) -> Organisation | Actor | None:
        """Who signs for an actor: the organisation named under 'vertretungen', else its Träger,
        else – if it is an institution – the actor itself; freelancers and volunteers without
        either have nobody who could sign for them."""
        represented = {r.actor: r.by for r in self.settings.representations}
        key = represented.get(actor.id) or actor.carrier
        if key is not None:
            return self.concept.organisation(key)
        return actor if actor.organisation_form == "Institution" else None

    def _meant_to_sign(self, actor: Actor) -> bool:
        if self.settings.signatories:
            return actor.id in self.settings.signatories
        return actor.organisation_form == "Institution" or self.signer(actor) is not None

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
        for actor in self.signing_actors:
            signer = self.signer(actor)
            own = isinstance(signer, Actor)
            key = f"akteur:{actor.id}" if own else signer.id if signer is not None else ""
            groups.setdefault(key, []).append(actor)
            names[key] = (signer.name if signer is not None else "", own)
        organiser_key = organiser.id if organiser is not None else ""
        head = Party(
            organiser_key,
            organiser.name if organiser else self.concept.municipality.youth_welfare_authority,
            tuple(groups.pop(organiser_key, [])),
            organiser=True,
        )
        return [head] + [
            Party(key, names[key][0], tuple(actors), own=names[key][1]) for key, actors in groups.items()
        ]

    @property
    def organiser(self) -> Party:
        return self.parties[0]

    @property
    def organiser_nominative(self) -> str:
        """The organiser as the subject of a sentence: 'der Landkreis Musterkreis' when it is the
        municipality itself, else its name as written."""
        municipality = self.concept.municipality
        return municipality.nominative if self.organiser.name == municipality.name else self.organiser.name

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
    def volunteers_sign(self) -> bool:
        """Volunteers are no Berufsgeheimnisträger: their Träger binds them to confidentiality."""
        return any(a.organisation_form == "ehrenamtlich-zivilgesellschaftlich" for a in self.signing_actors)

    # what each brings in ------------------------------------------------------------------------

    def contribution(self, actor: Actor) -> Contribution:
        concept = self.concept
        bodies = concept.network.bodies
        return Contribution(
            actor,
            tuple(m for m in concept.measures if m.lead == actor.id),
            tuple(m for m in concept.measures if actor.id in m.participants and m.lead != actor.id),
            tuple(b for b in bodies if b.chair == actor.id),
            tuple(b for b in bodies if actor.id in b.members and b.chair != actor.id),
        )

    @property
    def goals(self) -> list[Goal]:
        """The goals the partners pursue together: the concept's Wirkungsziele (all goals where
        it has none)."""
        return self.concept.impact_goals or self.concept.goals

    @property
    def legal_basis(self) -> list[str]:
        """The sentences of the preamble on the law, in the wording the norms table checked: what
        Frühe Hilfen are (§ 1 Abs. 4 KKG), the network (§ 3 KKG, a Programmsatz with a Soll in
        Abs. 3), and that its principles soll be agreed."""
        return [
            NORMS_BY_CITATION[("KKG", "1")].wording,
            NORMS_BY_CITATION[("KKG", "3")].wording,
            AGREEMENTS_IN_THE_LAW,
        ]

    @property
    def child_protection(self) -> list[str]:
        """What holds regardless of consent, in the norms table's wording: § 4 KKG is a Befugnis,
        § 8a SGB VIII the Jugendamt's duty."""
        return [NORMS_BY_CITATION[("KKG", "4")].wording, NORMS_BY_CITATION[("SGB VIII", "8a")].wording]

    @property
    def confidentiality(self) -> str:
        return NORMS_BY_CITATION[("StGB", "203")].wording

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
        """The next review: with the next Fortschreibung, or a cycle after the start."""
        if self.reviewed_with_update:
            return self.concept.version.update.next_date
        return add_months(self.start, 12 * self.review_years) if self.start else None

    @property
    def notice_months(self) -> int:
        return self.settings.notice_months

    # the consent form ---------------------------------------------------------------------------

    @property
    def has_consent_form(self) -> bool:
        return self.settings.consent_form.make

    @property
    def consent_places(self) -> list[Actor]:
        """The places parents may allow to exchange data, in the order of akteure.yaml: those
        named, else every actor outside the administration."""
        named = self.settings.consent_form.places
        if named:
            return [a for a in self.concept.actors if a.id in named]
        return [a for a in self.concept.actors if a.sector != ADMINISTRATION]

    @property
    def consent_data(self) -> list[str]:
        return list(self.settings.consent_form.data or DEFAULT_CONSENT_DATA)

    @property
    def annexes(self) -> list[str]:
        """The agreement's annexes, in order; the consent form is a document of its own."""
        annexes = ["Beiträge der Partnerinnen und Partner", "Netzwerkgremien und Abstimmungswege"]
        if self.has_consent_form:
            annexes.append("Vordruck „Einverständniserklärung und Schweigepflichtentbindung“ (eigenes Dokument)")
        return annexes


def agreement_of(concept: Concept) -> Agreement | None:
    """The agreement the inputs ask for; None without the section in netzwerk.yaml."""
    settings = concept.network.agreement
    return Agreement(concept, settings) if settings is not None else None
