"""Rules about the Kooperationsvereinbarung (netzwerk.yaml, section 'kooperationsvereinbarung').

A paper can attach the agreement or the consent form only if the inputs ask for them (an
error); who is meant to sign but has nobody who could, a representation that has no effect and
an organiser missing from the list of Träger are warnings: the agreement is still made, and the
message says what it does in the meantime.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from pipeline.findings import ERROR, WARNING, Finding, at
from pipeline.formatting import enumeration, german_date, in_state
from pipeline.model.concept import Concept
from pipeline.model.inputs import MunicipalityFile, NetworkFile
from pipeline.model.supervision import authority_line
from pipeline.validate.norms import STATE_WORDS
from pipeline.validate.parsed import Parsed
from pipeline.validate.rules import CONSISTENCY, WARNINGS

SECTION = "kooperationsvereinbarung"
NETWORK_FILE = "netzwerk.yaml"


@CONSISTENCY.rule("anlage-kooperationsvereinbarung")
def attached_agreement_exists(parsed: Parsed) -> Iterator[Finding]:
    """A paper attaches the agreement or the consent form only when netzwerk.yaml asks for them:
    without the section there is nothing to attach, and the paper would list a missing file."""
    network = parsed.get(NETWORK_FILE, NetworkFile)
    if network is None:
        return
    settings = network.agreement
    for name, paper in parsed.papers_to_build.items():
        for index, attachment in enumerate(paper.attachments):
            if attachment.generated in ("kooperationsvereinbarung", "einverstaendniserklaerung") and (
                settings is not None and settings.continues
            ):
                what = (
                    "die unterzeichnete Vereinbarung"
                    if attachment.generated == "kooperationsvereinbarung"
                    else "den Vordruck der früheren Fassung"
                )
                message = (
                    "Die Kooperationsvereinbarung gilt unverändert fort ('fortgeltend: ja' in netzwerk.yaml); der Build "
                    f"erzeugt sie und ihren Vordruck nicht neu. Bitte {what} als Datei anhängen ('datei' statt "
                    "'erzeugt') oder die Anlage streichen; ist die Vorlage schon beraten, gehört sie nach vorlagen/beraten/."
                )
            elif attachment.generated == "kooperationsvereinbarung" and settings is None:
                message = (
                    "Die Kooperationsvereinbarung wird nur erzeugt, wenn netzwerk.yaml einen Abschnitt "
                    f"'{SECTION}' hat. Bitte ihn anlegen (siehe README, Kooperationsvereinbarung) oder die "
                    "Anlage streichen."
                )
            elif attachment.generated == "einverstaendniserklaerung" and (
                settings is None or not settings.consent_form.make
            ):
                message = (
                    "Der Vordruck „Einverständniserklärung und Schweigepflichtentbindung“ wird nur mit dem Abschnitt "
                    f"'{SECTION}' in netzwerk.yaml erzeugt und nicht, wenn dort 'einverstaendniserklaerung' "
                    "'erzeugen: nein' sagt. Bitte das ändern oder die Anlage streichen."
                )
            else:
                continue
            yield Finding(at(name, "vorlage", "anlagen", index, "erzeugt"), message, ERROR)


@CONSISTENCY.rule("vereinbarung-fortgeltend")
def continuing_agreement_is_in_force(parsed: Parsed) -> Iterator[Finding]:
    """'fortgeltend: ja' says the agreement signed with an earlier Fassung goes on unchanged: one
    that takes effect only after the Stand (or whose start is not given) is this Fassung's new
    one, which the build would then never make (diff review)."""
    network = parsed.get(NETWORK_FILE, NetworkFile)
    municipality = parsed.get("kommune.yaml", MunicipalityFile)
    settings = network.agreement if network is not None else None
    if settings is None or not settings.continues or municipality is None:
        return
    stand = municipality.version.date
    if settings.start is not None and settings.start <= stand:
        return
    when = f"erst am {german_date(settings.start)}" if settings.start is not None else "ohne 'beginn'"
    yield Finding(
        at(NETWORK_FILE, SECTION, "fortgeltend"),
        f"'fortgeltend: ja' heißt: Die mit einer früheren Fassung unterzeichnete Vereinbarung gilt unverändert "
        f"weiter. Diese beginnt {when}, nach dem Stand ({german_date(stand)}) – sie ist die neue Vereinbarung dieser "
        "Fassung, die der Build dann nie erzeugte. Bitte 'beginn' auf den Tag setzen, an dem die geltende in Kraft "
        "trat, oder 'fortgeltend' entfernen.",
        ERROR,
    )


@WARNINGS.rule("kooperationsvereinbarung-unterzeichnende")
def someone_signs_for_each_signatory(concept: Concept) -> Iterator[Finding]:
    """Freelancers and volunteers sign through an organisation: one named under 'unterzeichnende'
    without a Träger or a representation has nobody who could sign for them."""
    agreement = concept.agreement
    if agreement is None:
        return
    named = agreement.settings.signatories
    for actor in agreement.without_signer:
        why = (
            "die Einrichtungen gehören zu verschiedenen Trägern ('einzelbeitritt'), und keiner ist unter "
            "'vertretungen' genannt"
            if actor.organisation_form == "Institution"
            else f"{actor.organisation_form} Tätige unterschreiben über eine Organisation, und sie haben keinen Träger"
        )
        yield Finding(
            at(NETWORK_FILE, SECTION, "unterzeichnende", named.index(actor.id)),
            f"Für '{actor.name}' kann niemand unterzeichnen: {why}. Die Vereinbarung nennt sie unter denen, die "
            "einzeln beitreten (Beitrittserklärung).",
            WARNING,
            suggestion=(
                # M-V review: named under 'einzelbeitritt' on purpose, the warning read as a mistake
                f"Sollen sie einzeln beitreten, '{actor.id}' aus 'unterzeichnende' streichen; sonst unter "
                "'vertretungen' eine Organisation nennen, die für sie unterzeichnet."
                if actor.id in agreement.settings.individual_accession
                else f"Unter 'vertretungen' eine Organisation aus 'traeger' nennen, die für sie unterzeichnet "
                f"(akteur: {actor.id}, durch: …), etwa einen Berufsverband oder einen Träger für seine eigenen "
                "Einrichtungen."
            ),
        )


@WARNINGS.rule("kooperationsvereinbarung-eigene-dienste")
def own_services_are_signed_for(concept: Concept) -> Iterator[Finding]:
    """A service of a signing Träger left out of 'unterzeichnende': the Träger signs as a party
    anyway, and the service cannot 'accede' to its own Träger's agreement (M-V review: the city's
    ASD was invited to join the city's agreement; re-check: a service of the signing DRK too)."""
    agreement = concept.agreement
    if agreement is None or not agreement.settings.signatories:
        return
    by_carrier: dict[str, list[Any]] = {}
    for actor in agreement.own_unsigned:
        signer = agreement.signer(actor)
        by_carrier.setdefault(signer.name if signer is not None else "", []).append(actor)
    for carrier, own in by_carrier.items():
        names = [f"'{a.id}' ({a.name})" for a in own]
        yield Finding(
            at(NETWORK_FILE, SECTION, "unterzeichnende"),
            f"{enumeration(names)} {'gehört' if len(own) == 1 else 'gehören'} zum Träger '{carrier}', der die "
            f"Vereinbarung ohnehin unterzeichnet, und {'steht' if len(own) == 1 else 'stehen'} nicht unter "
            "'unterzeichnende'. Die Vereinbarung nennt sie weder als gebunden noch lädt sie sie zum Beitritt ein.",
            WARNING,
            suggestion=f"Unter 'unterzeichnende' aufnehmen: {', '.join(a.id for a in own)}.",
        )


@WARNINGS.rule("kooperationsvereinbarung-vertretungen")
def representations_take_effect(concept: Concept) -> Iterator[Finding]:
    """A representation matters only for an actor the agreement is signed for."""
    agreement = concept.agreement
    if agreement is None or not agreement.settings.signatories:
        return
    for index, representation in enumerate(agreement.settings.representations):
        if representation.actor not in agreement.settings.signatories:
            yield Finding(
                at(NETWORK_FILE, SECTION, "vertretungen", index, "akteur"),
                f"'{concept.actor(representation.actor).name}' steht nicht unter 'unterzeichnende'; die Vertretung "
                "bleibt ohne Wirkung.",
                WARNING,
            )


@WARNINGS.rule("kooperationsvereinbarung-traeger")
def organiser_among_the_organisations(concept: Concept) -> Iterator[Finding]:
    """The örtlicher Träger der Jugendhilfe signs once for all its institutions only if the list
    of Träger names it as kommune.yaml does; otherwise it would sign twice, under two names."""
    agreement = concept.agreement
    if agreement is None or agreement.organiser_organisation is not None:
        return
    name = concept.municipality.youth_welfare_authority
    public = [o for o in concept.organisations if o.public]
    if public:
        yield Finding(
            at("akteure.yaml", "traeger"),
            f"Unter 'traeger' heißt kein Träger '{name}' wie der Träger der öffentlichen Jugendhilfe in "
            f"kommune.yaml. Die Kooperationsvereinbarung führt '{name}' und '{public[0].name}' daher als zwei "
            "Parteien.",
            WARNING,
            suggestion=f"Den Namen angleichen (name: {name}), wenn derselbe Träger gemeint ist.",
        )


@WARNINGS.rule("einverstaendniserklaerung-datenschutzkontakt")
def consent_form_names_a_data_protection_contact(concept: Concept) -> Iterator[Finding]:
    """Art. 13 Abs. 1 Buchst. b DSGVO: a form that collects consent names the data protection
    officer's contact. Without one on the form or in querschnitt.yaml, the line is left out."""
    agreement = concept.agreement
    if agreement is None or not agreement.has_consent_form or agreement.data_protection_contact:
        return
    yield Finding(
        at(NETWORK_FILE, SECTION, "einverstaendniserklaerung", "datenschutzkontakt"),
        "Der Vordruck „Einverständniserklärung und Schweigepflichtentbindung“ nennt keine Ansprechperson für den "
        "Datenschutz. Eltern müssen erfahren, wie sie die oder den Datenschutzbeauftragten erreichen (Art. 13 "
        "Abs. 1 Buchst. b DSGVO).",
        WARNING,
        suggestion=(
            "Unter 'einverstaendniserklaerung' einen 'datenschutzkontakt' mit Anschrift, Telefon und E-Mail angeben "
            "oder in querschnitt.yaml unter 'datenschutz' die 'datenschutzbeauftragte' nennen."
        ),
    )


#: How an authority's name shows its Land: the Land's name or adjective as a word of its own, not in
#: a street ('Sachsenring', 'Berliner Straße'); the city states too (code review).
_AUTHORITY_LANDS = {
    **STATE_WORDS,
    "Berlin": ("Berlin", "Berliner"),
    "Bremen": ("Bremen", "Bremisch", "Bremische"),
    "Hamburg": ("Hamburg", "Hamburgisch", "Hamburgische"),
}
_AUTHORITY_WORD = re.compile(
    r"\b("
    + "|".join(
        re.escape(w) for w in sorted({w for ws in _AUTHORITY_LANDS.values() for w in ws}, key=len, reverse=True)
    )
    + r")(?:e|es|er|en|em)?\b(?!\s*[-–]?\s*(?:Straße|Str\.|Ring|Weg|Platz|Allee|Damm|Ufer))"
)
_LAND_OF_WORD = {word: land for land, words in _AUTHORITY_LANDS.items() for word in words}


@WARNINGS.rule("aufsichtsbehoerde-des-landes")
def supervisory_authority_of_the_own_land(concept: Concept) -> Iterator[Finding]:
    """The consent form's supervisory authority is the municipality's Land's: one copied from
    another Land's form (Bavarian review: the Lower Saxon commissioner passed) sends parents'
    complaints to an authority that is not responsible."""
    agreement = concept.agreement
    own = concept.municipality.state
    named = agreement.settings.consent_form.authority if agreement is not None else None
    if not named:
        return
    lands = [_LAND_OF_WORD[found] for found in _AUTHORITY_WORD.findall(named)]
    other = next((land for land in lands if land != own), None)
    if other is not None:
        yield Finding(
            at(NETWORK_FILE, SECTION, "einverstaendniserklaerung", "aufsichtsbehoerde"),
            f"'aufsichtsbehoerde' nennt eine Behörde {in_state(other)}; die Kommune liegt {in_state(own)}. Beschwerden "
            f"der Eltern gehen an die Behörde des eigenen Landes: {authority_line(own)}.",
            WARNING,
            suggestion="'aufsichtsbehoerde' weglassen (dann nennt der Vordruck die des Landes) oder sie angleichen.",
        )


@WARNINGS.rule("einverstaendniserklaerung-ohne-gesundheitsangaben")
def places_without_health_data_are_on_the_form(concept: Concept) -> Iterator[Finding]:
    """A place named under 'ohne_gesundheitsangaben' that has no box on the form, or is a volunteer
    place (volunteers never receive health data), changes nothing: probably a slip."""
    agreement = concept.agreement
    if agreement is None or not agreement.has_consent_form:
        return
    on_form = {a.id for a in agreement.consent_places}
    for index, actor_id in enumerate(agreement.settings.consent_form.no_health_data):
        actor = concept.actor(actor_id)
        if actor_id not in on_form:
            why = "hat kein Kästchen auf dem Vordruck (siehe 'stellen')"
        elif agreement.volunteer(actor):
            why = "ist ehrenamtlich; Ehrenamtliche erhalten ohnehin keine Angaben zur Gesundheit"
        else:
            continue
        yield Finding(
            at(NETWORK_FILE, SECTION, "einverstaendniserklaerung", "ohne_gesundheitsangaben", index),
            f"'{actor.name}' {why}; der Eintrag bleibt ohne Wirkung.",
            WARNING,
        )


@WARNINGS.rule("kooperationsvereinbarung-luecke")
def no_gap_between_the_agreements(concept: Concept) -> Iterator[Finding]:
    """The earlier agreement ending before this one begins leaves days when none binds; an actor's
    date on or after this one's start is no signature of the earlier one, which is what the date
    records (diff review: the concept invented a 'vorige Vereinbarung' from such dates)."""
    agreement = concept.agreement
    if agreement is None or agreement.start is None:
        return
    start, ends = agreement.start, agreement.previous_ends
    if ends is not None and ends < start - dt.timedelta(days=1):
        yield Finding(
            at(NETWORK_FILE, SECTION, "bisherige_endet"),
            f"Die bisherige Vereinbarung endet am {german_date(ends)}, diese beginnt erst am {german_date(start)}: "
            "Dazwischen bindet keine Vereinbarung. Bitte die Daten prüfen.",
            WARNING,
        )
    for index, actor in enumerate(concept.actors):
        if actor.agreement_signed is not None and actor.agreement_signed >= start:
            yield Finding(
                at("akteure.yaml", "akteure", index, "kooperationsvereinbarung"),
                f"Das Datum {german_date(actor.agreement_signed)} liegt nicht vor dem Beginn der Kooperationsvereinbarung "
                f"dieser Fassung ({german_date(start)}). Hier steht die Unterschrift unter die frühere Vereinbarung; "
                "wer die Vereinbarung dieser Fassung unterzeichnet, steht in netzwerk.yaml unter 'unterzeichnende'. "
                "Gab es keine frühere, bitte das Datum streichen.",
                WARNING,
            )


#: A branch of an association by its name ('Kreisgruppe Musterkreis im Hebammenverband …').
_BRANCH = re.compile(r"(Kreis|Regional|Orts|Bezirks)gruppe\b")


@WARNINGS.rule("kooperationsvereinbarung-untergliederung")
def parties_are_legal_persons(concept: Concept) -> Iterator[Finding]:
    """A Kreisgruppe or Regionalgruppe of an association is mostly no legal person of its own and
    cannot sign a contract; the association does, by its board (§ 26 BGB). Review from the
    Rechtsamt's side: the example's party was the „Kreisgruppe Musterkreis im Hebammenverband“."""
    agreement = concept.agreement
    if agreement is None:
        return
    index = {o.id: i for i, o in enumerate(concept.organisations)}
    for party in agreement.partners:
        if _BRANCH.match(party.name) and party.key in index:
            yield Finding(
                at("akteure.yaml", "traeger", index[party.key], "name"),
                f"„{party.name}“ unterzeichnet die Kooperationsvereinbarung. Eine Kreis- oder Regionalgruppe ist "
                "meist keine eigene Rechtsperson und kann dann nicht selbst Vertragspartei sein; das ist der "
                "Verband, vertreten durch seinen Vorstand. Bitte mit dem Verband klären und als Namen den "
                "unterzeichnenden Verband eintragen, etwa „Hebammenverband Niedersachsen e. V. (Kreisgruppe "
                "Musterkreis)“.",
                WARNING,
            )


#: Words of a general box that may carry health data: a referral's reason, findings, a course.
_MAY_BE_HEALTH = re.compile(
    r"\b(Anlass|Grund|Befund\w*|Diagnose\w*|Verlauf|Beobachtung\w*|Gesundheit|gesundheitlich\w*|"
    r"Schwangerschaft\w*|Wochenbett|Geburt|Entwicklung|psych\w*|Sucht\w*)\b",
    re.IGNORECASE,
)
#: What excludes health data from a general box.
_WITHOUT_HEALTH = "ohne Angaben zur Gesundheit"


@WARNINGS.rule("einverstaendniserklaerung-angaben-gesundheit")
def general_data_without_health(concept: Concept) -> Iterator[Finding]:
    """A general box ('angaben') whose data may be health data – the reason a clinic or the
    Suchtberatung refers a family – lets them pass to every ticked place without the explicit
    consent the health boxes ask for (Art. 9 Abs. 2 Buchst. a DSGVO; review of Neuhafen's form:
    „Anlass der Übergabe“ without the exclusion the default has)."""
    agreement = concept.agreement
    if agreement is None or not agreement.has_consent_form:
        return
    for index, entry in enumerate(agreement.settings.consent_form.data):
        # only the exclusion itself silences it, not any word on health (diff review: „auch Angaben zur
        # Gesundheit von Mutter und Kind“ passed)
        if _MAY_BE_HEALTH.search(entry.replace(_WITHOUT_HEALTH, "")) and _WITHOUT_HEALTH not in entry:
            yield Finding(
                at(NETWORK_FILE, SECTION, "einverstaendniserklaerung", "angaben", index),
                f"„{entry}“ kann Angaben zur Gesundheit enthalten (etwa der Anlass, aus dem eine Klinik oder die "
                "Suchtberatung vermittelt); sie dürfen nur mit ausdrücklicher Einwilligung fließen (Art. 9 DSGVO). "
                "Bitte „(ohne Angaben zur Gesundheit)“ ergänzen und Gesundheitliches unter 'gesundheitsangaben' "
                "aufführen.",
                WARNING,
            )


#: What an actor's own text says when it is a Jobcenter of the Bundesagentur and a Kreis or city.
_JOINT_INSTITUTION = re.compile(r"gemeinsame[n]? Einrichtung|§\s*44b\s+SGB\s*II\b", re.IGNORECASE)


@WARNINGS.rule("datenschutzaufsicht-gemeinsame-einrichtung")
def joint_jobcenter_under_federal_supervision(concept: Concept) -> Iterator[Finding]:
    """A Jobcenter described as a gemeinsame Einrichtung (§ 44b SGB II) answers to the federal
    commissioner (§ 50 Abs. 4 SGB II); without 'datenschutzaufsicht_bund' the consent form sends
    parents who complain about it to the Land's authority, which cannot help them."""
    for index, actor in enumerate(concept.actors):
        text = " ".join((actor.name, actor.role, *actor.responsibilities, actor.conditions or ""))
        if not actor.federal_supervision and "Jobcenter" in text and _JOINT_INSTITUTION.search(text):
            yield Finding(
                at("akteure.yaml", "akteure", index, "datenschutzaufsicht_bund"),
                f"'{actor.name}' ist nach seiner Beschreibung eine gemeinsame Einrichtung (§ 44b SGB II); für sie ist "
                "die Bundesbeauftragte für den Datenschutz zuständig, nicht die Aufsichtsbehörde des Landes "
                "(§ 50 Abs. 4 SGB II). Der Vordruck für Eltern nennt sie nur mit 'datenschutzaufsicht_bund: ja'.",
                WARNING,
                suggestion="datenschutzaufsicht_bund: ja",
            )


@WARNINGS.rule("gemeinsame-einrichtung-unterschreibt-selbst")
def joint_jobcenter_signs_itself(concept: Concept) -> Iterator[Finding]:
    """A Jobcenter that is a gemeinsame Einrichtung is an authority of its own, represented by
    its Geschäftsführung (§ 44d Abs. 1 SGB II): neither the Kreis nor the Bundesagentur signs for
    it (Berlin review: the Land Berlin signed 'für: … Jobcenter')."""
    agreement = concept.agreement
    if agreement is None:
        return
    for index, actor in enumerate(concept.actors):
        if actor.federal_supervision and actor.carrier:
            yield Finding(
                at("akteure.yaml", "akteure", index, "traeger"),
                f"'{actor.name}' ist eine gemeinsame Einrichtung und wird durch ihre Geschäftsführung vertreten "
                "(§ 44d Abs. 1 SGB II); ihr Träger unterschreibt nicht für sie. Bitte 'traeger' leer lassen, dann "
                "unterschreibt sie die Kooperationsvereinbarung selbst.",
                WARNING,
            )
