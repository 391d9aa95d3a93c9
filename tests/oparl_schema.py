"""JSON Schemas of the OParl 1.1 object types the council-paper export writes.

Transcribed for the tests from the OParl 1.1 specification (chapter "Schema" and the schema files
of the OParl/spec repository, https://schema.oparl.org/1.1/): the required properties, the
properties each type defines with their JSON types, and the fixed `type` URL. Properties the
specification does not define are refused (`additionalProperties: false`), so the export cannot
invent fields. Formats are checked with patterns: `url`, `date` (JJJJ-MM-TT) and `date-time`
(ISO 8601 with time zone).
"""

from __future__ import annotations

URL = {"type": "string", "pattern": r"^https?://\S+$"}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DATE_TIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"}
STRING = {"type": "string"}
BOOLEAN = {"type": "boolean"}
INTEGER = {"type": "integer"}
URLS = {"type": "array", "items": URL}
STRINGS = {"type": "array", "items": STRING}

#: Properties every OParl 1.1 object may carry.
COMMON = {
    "id": URL,
    "license": STRING,
    "keyword": STRINGS,
    "created": DATE_TIME,
    "modified": DATE_TIME,
    "web": URL,
    "deleted": BOOLEAN,
}


def _object(name: str, properties: dict, required: tuple[str, ...] = ()) -> dict:
    return {
        "type": "object",
        "required": ["id", "type", *required],
        "additionalProperties": False,
        "properties": {**COMMON, "type": {"const": f"https://schema.oparl.org/1.1/{name}"}, **properties},
    }


FILE = _object(
    "File",
    {
        "name": STRING,
        "fileName": STRING,
        "mimeType": STRING,
        "date": DATE,
        "size": INTEGER,
        "sha1Checksum": STRING,
        "sha512Checksum": STRING,
        "text": STRING,
        "accessUrl": URL,
        "downloadUrl": URL,
        "externalServiceUrl": URL,
        "masterFile": URL,
        "derivativeFile": URLS,
        "fileLicense": URL,
        "meeting": URLS,
        "agendaItem": URLS,
        "paper": URLS,
    },
    ("accessUrl",),
)

CONSULTATION = _object(
    "Consultation",
    {
        "paper": URL,
        "agendaItem": URL,
        "meeting": URL,
        "organization": URLS,
        "authoritative": BOOLEAN,
        "role": STRING,
    },
)

AGENDA_ITEM = _object(
    "AgendaItem",
    {
        "meeting": URL,
        "number": STRING,
        "order": INTEGER,
        "name": STRING,
        "public": BOOLEAN,
        "consultation": URL,
        "result": STRING,
        "resolutionText": STRING,
        "resolutionFile": FILE,
        "auxiliaryFile": {"type": "array", "items": FILE},
        "start": DATE_TIME,
        "end": DATE_TIME,
    },
    ("order",),
)

PAPER = _object(
    "Paper",
    {
        "body": URL,
        "name": STRING,
        "reference": STRING,
        "date": DATE,
        "paperType": STRING,
        "relatedPaper": URLS,
        "superordinatedPaper": URLS,
        "subordinatedPaper": URLS,
        "mainFile": FILE,
        "auxiliaryFile": {"type": "array", "items": FILE},
        "location": {"type": "array"},
        "originatorPerson": URLS,
        "underDirectionOf": URLS,
        "originatorOrganization": URLS,
        "consultation": {"type": "array", "items": CONSULTATION},
    },
)

MEETING = _object(
    "Meeting",
    {
        "name": STRING,
        "meetingState": STRING,
        "cancelled": BOOLEAN,
        "start": DATE_TIME,
        "end": DATE_TIME,
        "location": {"type": "object"},
        "organization": URLS,
        "participant": URLS,
        "invitation": FILE,
        "resultsProtocol": FILE,
        "verbatimProtocol": FILE,
        "auxiliaryFile": {"type": "array", "items": FILE},
        "agendaItem": {"type": "array", "items": AGENDA_ITEM},
    },
)

ORGANIZATION = _object(
    "Organization",
    {
        "body": URL,
        "name": STRING,
        "membership": URLS,
        "meeting": URL,
        "consultation": URL,
        "shortName": STRING,
        "post": STRINGS,
        "subOrganizationOf": URL,
        "organizationType": STRING,
        "classification": STRING,
        "startDate": DATE,
        "endDate": DATE,
        "website": URL,
        "location": {"type": "object"},
        "externalBody": URL,
    },
)

PERSON = _object(
    "Person",
    {
        "body": URL,
        "name": STRING,
        "familyName": STRING,
        "givenName": STRING,
        "formOfAddress": STRING,
        "affix": STRING,
        "title": STRINGS,
        "gender": STRING,
        "phone": STRINGS,
        "email": STRINGS,
        "location": URL,
        "locationObject": {"type": "object"},
        "status": STRINGS,
        "membership": {"type": "array"},
        "life": STRING,
        "lifeSource": STRING,
    },
)

SCHEMAS = {"Paper": PAPER, "Meeting": MEETING, "Organization": ORGANIZATION, "Person": PERSON}
