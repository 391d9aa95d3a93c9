"""OParl 1.1 records of the council papers, so a council information system can import them.

For each paper one JSON file beside its PDF: an OParl object list (``{"data": [...]}``) with the
`Paper` (its `Consultation`s and `File`s embedded, as OParl outputs them), the `Organization`s it
refers to (the consulting bodies and the leading office) and a `Meeting` per consultation with the
paper's `AgendaItem` embedded. File objects describe the generated PDFs byte for byte (size,
SHA-512), so they are made from the bytes that are about to be written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pipeline import formatting
from pipeline.formatting import safe_file_part
from pipeline.model.concept import Concept
from pipeline.model.inputs import Committee
from pipeline.model.papers import PaperView
from pipeline.render import RenderedPaper
from pipeline.render.document import RenderedDocument

SCHEMA = "https://schema.oparl.org/1.1/"
LOCAL_TIME = ZoneInfo("Europe/Berlin")
PDF = "application/pdf"


@dataclass(frozen=True)
class PublishedFile:
    """A generated file as the council system will offer it."""

    name: str
    path: str  # relative to the output folder, with '/'
    data: bytes
    date: dt.date


def _slug(text: str) -> str:
    """A part of an object's URL: never cut short, so different names stay different ids."""
    return safe_file_part(text, limit=None).lower()


def _timestamp(day: dt.date, at: dt.time | None = None) -> str:
    return dt.datetime.combine(day, at or dt.time(0, 0), LOCAL_TIME).isoformat()


class Identifiers:
    """Stable URLs for every object, from the council system's base address."""

    def __init__(self, concept: Concept):
        self.base = concept.council_system.oparl_base.rstrip("/") + "/"
        self.files = concept.council_system.files_base.rstrip("/") + "/"
        self.body = f"{self.base}body/{_slug(concept.municipality.short_name)}"

    def of(self, kind: str, *parts: str) -> str:
        return f"{self.base}{kind}/" + "-".join(_slug(p) for p in parts)

    def meeting(self, committee: Committee, day: dt.date) -> str:
        return self.of("meeting", committee.id, day.isoformat())


def _file(ids: Identifiers, published: PublishedFile, paper_id: str) -> dict[str, Any]:
    file_name = published.path.rsplit("/", 1)[-1]
    return {
        "id": ids.of("file", published.path),
        "type": f"{SCHEMA}File",
        "name": published.name,
        "fileName": file_name,
        "mimeType": PDF,
        "date": published.date.isoformat(),
        "size": len(published.data),
        "sha512Checksum": hashlib.sha512(published.data).hexdigest(),
        "accessUrl": ids.files + published.path,
        "downloadUrl": ids.files + published.path,
        "paper": [paper_id],
        "created": _timestamp(published.date),
        "modified": _timestamp(published.date),
    }


def _agenda_order(number: str | None) -> int:
    """OParl needs the item's position as a number; '5.1' → 5. 0 while the agenda is open."""
    found = re.search(r"\d+", number or "")
    return int(found.group()) if found else 0


_DISTRICT_BODY = re.compile(r"Stadtbezirksrat|Bezirksvertretung|Ortschaftsrat|Ortsteilrat|Ortsbeirat|Ortsrat")


def _classification(committee: Committee, executive: bool) -> str:
    """OParl's free classification: a district's representation is no committee of the council."""
    if committee.is_council:
        return "Parlament"
    if executive:
        return "Verwaltungsorgan"
    if committee.kind == "Beirat":
        return "Beirat"
    if committee.kind != "Ortsbeirat":
        return "Ausschuss"
    # the Land's own word where the name has it: 'Stadtbezirksrat', 'Bezirksvertretung' (NI review)
    found = _DISTRICT_BODY.search(committee.name)
    return found[0] if found else "Ortsbeirat"


def _organization(ids: Identifiers, committee: Committee, executive: bool) -> dict[str, Any]:
    classification = _classification(committee, executive)
    return {
        "id": ids.of("organization", committee.id),
        "type": f"{SCHEMA}Organization",
        "body": ids.body,
        "name": committee.name,
        "organizationType": "Gremium",
        "classification": classification,
    }


def _office(ids: Identifiers, name: str) -> dict[str, Any]:
    return {
        "id": ids.of("organization", name),
        "type": f"{SCHEMA}Organization",
        "body": ids.body,
        "name": name,
        "organizationType": "Verwaltungsbereich",
        "classification": "Amt",
    }


def paper_records(view: PaperView, main: PublishedFile, auxiliary: list[PublishedFile]) -> dict[str, Any]:
    """The OParl object list of one paper."""
    ids = Identifiers(view.concept)
    paper = view.paper
    paper_id = ids.of("paper", paper.number)
    consultations, meetings = [], []
    for index, consultation in enumerate(paper.consultations, start=1):
        committee = view.concept.committee(consultation.committee)
        consultation_id = ids.of("consultation", paper.number, str(index))
        meeting_id = ids.meeting(committee, consultation.date)
        item_id = ids.of("agendaitem", committee.id, consultation.date.isoformat(), paper.number)
        consultations.append(
            {
                "id": consultation_id,
                "type": f"{SCHEMA}Consultation",
                "paper": paper_id,
                "agendaItem": item_id,
                "meeting": meeting_id,
                "organization": [ids.of("organization", committee.id)],
                "authoritative": consultation.role == "Entscheidung",
                "role": consultation.role,
            }
        )
        agenda_item = {
            "id": item_id,
            "type": f"{SCHEMA}AgendaItem",
            "meeting": meeting_id,
            "order": _agenda_order(consultation.agenda_number),
            "name": paper.subject,
            "public": paper.public and not view.concept.meets_in_private(committee, consultation.role),
            "consultation": consultation_id,
        }
        if consultation.agenda_number:
            agenda_item["number"] = consultation.agenda_number
        meeting = {
            "id": meeting_id,
            "type": f"{SCHEMA}Meeting",
            "name": f"{committee.name} – Sitzung am {formatting.german_date(consultation.date)}",
            "organization": [ids.of("organization", committee.id)],
            "agendaItem": [agenda_item],
        }
        if committee.start_time is not None:
            meeting["start"] = _timestamp(consultation.date, committee.start_time)
        meetings.append(meeting)
    record = {
        "id": paper_id,
        "type": f"{SCHEMA}Paper",
        "body": ids.body,
        "name": paper.subject,
        "reference": paper.number,
        "date": paper.date.isoformat(),
        "paperType": view.concept.paper_kind(paper.kind),
        "mainFile": _file(ids, main, paper_id),
        "auxiliaryFile": [_file(ids, a, paper_id) for a in auxiliary],
        "underDirectionOf": [ids.of("organization", paper.lead_office)],
        # the collegial organ that submits it (the PDF's 'Vorlage von Magistrat'), where it consults
        **_originator(ids, view),
        # the other papers of the same concept: they cite each other ('In derselben Sitzung')
        "relatedPaper": [ids.of("paper", p.number) for p in view.concept.papers if p.number != paper.number],
        "consultation": consultations,
        "keyword": ["Frühe Hilfen"],
        "created": _timestamp(paper.date),
        "modified": _timestamp(paper.date),
    }
    organizations = [_organization(ids, c, view.concept.is_executive(c)) for c in view.committees]
    organizations.append(_office(ids, paper.lead_office))
    return {"data": [record, *organizations, *_originator_people(ids, view), *meetings]}


def _originator(ids: Identifiers, view: PaperView) -> dict[str, list[str]]:
    """Who submits the paper, as its header says: 'originatorOrganization' for the collegial organ
    that resolves on it (Magistrat, Kreisausschuss in Hessen), else 'originatorPerson' for the
    head of the administration where kommune.yaml names her (Hessian review: the PDF said
    'Vorlage von Landrätin …', the record nobody); the office stands in 'underDirectionOf'."""
    if view.executive is not None:
        return {"originatorOrganization": [ids.of("organization", view.executive.id)]}
    person = view.submitting_person
    return {"originatorPerson": [ids.of("person", person[0])]} if person is not None else {}


def _originator_people(ids: Identifiers, view: PaperView) -> list[dict[str, Any]]:
    """Who submits the paper as an OParl Person, where a person does."""
    person = view.submitting_person
    if person is None:
        return []
    name, title = person
    return [
        {
            "id": ids.of("person", name),
            "type": f"{SCHEMA}Person",
            "body": ids.body,
            "name": name,
            "status": [title],
        }
    ]


def to_json(records: dict[str, Any]) -> bytes:
    return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _published(doc: RenderedDocument, files: dict[str, bytes], name: str) -> PublishedFile:
    path = doc.path(".pdf")
    return PublishedFile(name, path, files[path], doc.date)


def oparl_files(
    papers: list[RenderedPaper],
    attachments: dict[str, RenderedDocument],
    copied: dict[Path, str],
    files: dict[str, bytes],
) -> dict[str, bytes]:
    """One OParl record per paper beside its PDF, describing the PDFs as they are about to be
    written: the paper's own, the generated attachments and the PDFs copied from the inputs."""
    records = {}
    for paper in papers:
        doc = paper.document
        main = _published(doc, files, doc.title)
        auxiliary: list[PublishedFile] = []
        for a in paper.view.attachments:  # those with a file: generated, or copied from the inputs
            if a.generated:
                auxiliary.append(_published(attachments[a.generated], files, a.title))
            elif a.file:
                auxiliary.append(PublishedFile(a.title, copied[a.file], files[copied[a.file]], doc.date))
        records[doc.path(".oparl.json")] = to_json(paper_records(paper.view, main, auxiliary))
    return records
