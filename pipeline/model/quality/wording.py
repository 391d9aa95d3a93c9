"""The municipality's own bodies in the words of the catalogs.

The NZFH writes for every kind of municipality at once ("Kreistag oder Rat", "Jugendhilfe-,
Gesundheits- und Sozialausschuss"). A paper for one municipality names its own bodies, as
gremien.yaml records them: the council is the body that oversees every sector and takes the
final decisions (Kreistag, Stadtrat, Gemeinderat); the specialised committees are found by their
remit (``sektoren``, or the default of their kind), so one combined Ausschuss für Soziales und
Gesundheit covers two of the three fields of an integrated planning.

Catalog texts carry placeholders (:data:`~.catalog.PLACEHOLDERS`) that :func:`body_wording` fills.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipeline.formatting import enumeration
from pipeline.model.inputs import Committee

if TYPE_CHECKING:
    from pipeline.model.concept import Concept

#: The three fields whose committees plan Frühe Hilfen together (Jugendhilfe, Gesundheit, Soziales).
PLANNING_SECTORS = ("Kinder- und Jugendhilfe", "Gesundheitswesen", "Soziales")
#: Where the council is named when gremien.yaml lists none: the legal term for Kreistag and Rat.
NO_COUNCIL = "in der kommunalen Vertretung"
#: Bodies whose name starts with a feminine noun take 'in der'; every other one (Kreistag, Rat,
#: Stadtrat, Ausschuss) 'im'.
FEMININE_ENDINGS = ("versammlung", "vertretung", "schaft", "kommission", "konferenz", "runde")


def council(concept: Concept) -> Committee | None:
    """The council of gremien.yaml: the body that oversees everything and decides finally."""
    return next((c for c in concept.committees if c.oversees_all and c.is_council), None)


def planning_committees(concept: Concept) -> dict[str, list[Committee]]:
    """Per field of the integrated planning, the specialised committees responsible for it
    (bodies that oversee everything – council, main committees – are left out)."""
    return {
        sector: [c for c in concept.committees if not c.oversees_all and sector in c.remit]
        for sector in PLANNING_SECTORS
    }


def planners(concept: Concept) -> list[Committee]:
    """The specialised committees of the integrated planning, each once, in gremien.yaml's order."""
    found = {c.id for group in planning_committees(concept).values() for c in group}
    return [c for c in concept.committees if c.id in found]


def in_body(name: str) -> str:
    """'im Kreistag', 'im Rat der Stadt Musterstadt', 'in der Stadtverordnetenversammlung'."""
    first = name.split()[0].lower() if name.split() else ""
    return f"{'in der' if first.endswith(FEMININE_ENDINGS) else 'im'} {name}"


def body_wording(concept: Concept) -> dict[str, str]:
    """The text for each placeholder of the catalogs, from this municipality's bodies."""
    body = council(concept)
    committees = planners(concept)
    bezirk = concept.municipality.is_bezirk  # no Kommune (Berlin and Hamburg reviews)
    return {
        "im_rat": in_body(body.name) if body else NO_COUNCIL,
        "fachausschuesse": f" (hier: {enumeration([c.name for c in committees])})" if committees else "",
        "in_der_kommune": "im Bezirk" if bezirk else "in der Kommune",
        "der_kommune": "des Bezirks" if bezirk else "der Kommune",
        "kommunalpolitik": concept.municipality.politics,
    }
