"""Format 1 → 2: money as Aufwand and Ertrag, Träger apart from actors, institutions lead.

What changes in the files:

- kommune.yaml: ``format: 2``.
- akteure.yaml: the Träger written as text at each actor become a list ``traeger`` of
  organisations with ids; each actor refers to its Träger by id.
- massnahmen.yaml: a measure's ``kosten`` become Aufwand in ressourcen.yaml (``fuer`` the
  measure); a measure led by a freelance or volunteer actor is led by an institution, the actor
  takes part.
- ressourcen.yaml: ``finanzierung`` splits into ``ertraege`` (every source but the municipality)
  and ``aufwand``; the municipality's own lines disappear, since its share is now computed
  (Zuschussbedarf = Aufwand − Ertrag); ``haushalt`` states each year's budget; positions name
  their Anstellungsträger.
- vorlagen/*.yaml: ``finanzierungslinien`` become ``positionen``; ``mittel_verfuegbar`` goes
  (the budget's state says it).
- kommune.yaml: ``konzept.beschluss`` written as a sentence stays, with a note: it now names a
  decision or paper by number, and cutting the text down would drop what only it says.

Where the old files do not say what the new format needs, the step chooses what is likely and
says so in a note; nothing it guesses is silent.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from pipeline.formatting import euro
from pipeline.model.types import COORDINATION, german_full_date

FOUNDATION = "Bundesstiftung Frühe Hilfen"
OWN = "Kommune"


def slug(text: str, taken: set[str]) -> str:
    """An id from a name, unique among `taken` (which it joins)."""
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.lower().replace(umlaut, plain)
    base = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(base) > 40:
        base = base[:41].rsplit("-", 1)[0]
    base = base or "eintrag"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _kind_of(name: str) -> str:
    """A Träger's kind from its name: a guess the notes name."""
    if re.search(r"Klinik|Krankenhaus|Praxis|Ärzt", name):
        return "Einrichtung des Gesundheitswesens"
    if re.search(
        r"e\.\s?V\.|gGmbH|[Vv]erband|[Ww]erk\b|Caritas|Diakon|Stiftung|pro familia|Kinderschutzbund", name
    ):
        return "freier Träger"
    if re.search(r"\b(Landkreis|Kreis|Stadt|Gemeinde|Region|Bezirk|Jobcenter)\b", name):
        return "öffentlicher Träger"
    if re.search(r"GmbH|AG\b", name):
        return "Unternehmen"
    return "freier Träger"


def _insert_before(mapping: CommentedMap, before: str, key: str, value: Any) -> None:
    position = list(mapping).index(before) if before in mapping else len(mapping)
    mapping.insert(position, key, value)


class Step:
    """The migration of one folder's files, with the notes it collects."""

    def __init__(self, files: dict[str, Any]) -> None:
        self.files = files
        self.notes: list[str] = []
        self.kommune: CommentedMap = files["kommune.yaml"]
        self.actors: CommentedSeq = files["akteure.yaml"]["akteure"]
        self.measures: CommentedSeq = files["massnahmen.yaml"]["massnahmen"]
        self.resources: CommentedMap = files["ressourcen.yaml"]
        self.funding: dict[str, CommentedMap] = {
            line["id"]: line for line in self.resources.get("finanzierung", [])
        }
        self.organisations: dict[str, str] = {}  # name → id
        self.organisation_list = CommentedSeq()
        self.org_ids: set[str] = set()
        self.expenses = CommentedSeq()
        self.expense_ids = set(self.funding)

    def note(self, text: str) -> None:
        self.notes.append(text)

    def run(self) -> list[str]:
        self.mark_format()
        self.separate_organisations()
        self.move_costs()
        self.institutions_lead()
        self.split_funding()
        self.name_employers()
        self.papers()
        self.adoption_reference()
        return self.notes

    # kommune.yaml ----------------------------------------------------------------------------

    def mark_format(self) -> None:
        self.kommune.insert(0, "format", 2, comment="Version des Eingabeformats")

    # akteure.yaml ----------------------------------------------------------------------------

    def organisation(self, name: str) -> str:
        """The id of a Träger by its name, added to the list at first use."""
        if name not in self.organisations:
            org = CommentedMap()
            org["id"] = self.organisations[name] = slug(name, self.org_ids)
            org["name"] = name
            org["art"] = _kind_of(name)
            self.organisation_list.append(org)
        return self.organisations[name]

    def separate_organisations(self) -> None:
        own = " ".join(str(self.kommune.get("kommune", {}).get("traeger", "")).split())
        merged = []
        for actor in self.actors:
            text = actor.get("traeger")
            if isinstance(text, str) and text.strip():
                name = " ".join(text.split())
                if own and name != own and name.startswith(own + ","):
                    merged.append(f"'{name}'")
                    name = own
                actor["traeger"] = self.organisation(name)
        if merged:
            self.note(
                f"akteure.yaml: {', '.join(dict.fromkeys(merged))} gehören zum Träger der öffentlichen Jugendhilfe "
                f"und sind jetzt ein Träger: '{own}' (die Abteilung steht beim Akteur)."
            )
        akteure = self.files["akteure.yaml"]
        _insert_before(akteure, "akteure", "traeger", self.organisation_list)
        if self.organisation_list:
            self.note(
                f"akteure.yaml: {len(self.organisation_list)} Träger aus den Angaben der Akteure als eigene Liste "
                "'traeger' angelegt; ihre Art ('art') ist aus dem Namen geschätzt – bitte prüfen."
            )

    # massnahmen.yaml -------------------------------------------------------------------------

    def _lead_org(self, measure: CommentedMap) -> str | None:
        actor = next((a for a in self.actors if a.get("id") == measure.get("federfuehrung")), None)
        return actor.get("traeger") if actor is not None else None

    def move_costs(self) -> None:
        guessed = 0
        for measure in self.measures:
            for cost in measure.pop("kosten", None) or []:
                line: dict[str, Any] = self.funding.get(cost.get("finanzierung"), {})
                expense = CommentedMap()
                expense["id"] = slug(f"{measure['id']}-{cost['jahr']}", self.expense_ids)
                org = self._lead_org(measure)
                public = org is None or _kind_of(next(n for n, i in self.organisations.items() if i == org)) == (
                    "öffentlicher Träger"
                )
                expense["art"] = "Sachkosten" if public else "Zuwendung an Träger"
                expense["bezeichnung"] = measure.get("titel", measure["id"])
                expense["jahr"] = cost["jahr"]
                expense["betrag"] = cost["betrag"]
                expense["fuer"] = measure["id"]
                expense["haushaltsstelle"] = line.get("haushaltsstelle", "bitte ergänzen")
                expense["ausschuss"] = line.get("ausschuss", "bitte ergänzen")
                if not public:
                    expense["empfaenger"] = org
                self.expenses.append(expense)
                guessed += 1
        if guessed:
            self.note(
                f"ressourcen.yaml: {guessed} Kosten der Maßnahmen als Aufwand übernommen (Haushaltsstelle und "
                "Ausschuss aus der früheren Finanzierungslinie). Die Art ist geschätzt – 'Zuwendung an Träger', "
                "wo ein freier Träger die Maßnahme verantwortet, sonst 'Sachkosten'; Personalkosten bitte als "
                "'Personal' mit 'stelle' eintragen."
            )

    def institutions_lead(self) -> None:
        by_id = {a["id"]: a for a in self.actors}
        coordination = next(
            (a["id"] for a in self.actors if "netzwerkkoordination" in str(a.get("id", "")).lower()),
            next((a["id"] for a in self.actors if a.get("organisationsform") == "Institution"), None),
        )
        for measure in self.measures:
            lead = by_id.get(measure.get("federfuehrung"))
            if lead is None or lead.get("organisationsform") == "Institution":
                continue
            org = lead.get("traeger")
            institution = next(
                (
                    a["id"]
                    for a in self.actors
                    if org and a.get("traeger") == org and a.get("organisationsform") == "Institution"
                ),
                coordination,
            )
            if institution is None:
                continue
            participants = measure.setdefault("beteiligte", CommentedSeq())
            if lead["id"] not in participants:
                participants.insert(0, lead["id"])
            measure["federfuehrung"] = institution
            self.note(
                f"massnahmen.yaml: '{measure['id']}' wurde von '{lead['id']}' ({lead.get('organisationsform')}) "
                f"geleitet; federführend ist jetzt vorläufig '{institution}', '{lead['id']}' ist beteiligt. Bitte "
                "die Einrichtung eintragen, die das Angebot tatsächlich trägt."
            )

    # ressourcen.yaml -------------------------------------------------------------------------

    def split_funding(self) -> None:
        income = CommentedSeq()
        own: dict[int, Decimal] = {}
        for line in self.resources.get("finanzierung", []):
            if line.get("quelle") == OWN:
                own[line["jahr"]] = own.get(line["jahr"], Decimal(0)) + Decimal(str(line.get("betrag", 0)))
                continue
            if line.get("quelle") == FOUNDATION:
                area = re.search(r"Förderbereich\s+(III|II|I)\b", str(line.get("bezeichnung", "")))
                line.insert(list(line).index("quelle") + 1, "foerderbereich", area.group(1) if area else "I")
                if not area:
                    self.note(
                        f"ressourcen.yaml: Beim Ertrag '{line['id']}' der Bundesstiftung ist der Förderbereich nicht "
                        "erkennbar; vorläufig 'I' eingetragen – bitte prüfen."
                    )
            income.append(line)
        years = sorted({line["jahr"] for line in self.funding.values()} | {e["jahr"] for e in self.expenses})
        stand = self.kommune.get("konzept", {}).get("stand")
        stand_year = _year_of(stand) or years[0]
        budget = CommentedSeq()
        for year in years:
            entry = CommentedMap()
            entry["jahr"] = year
            entry["stand"] = "beschlossen" if year <= stand_year else "Entwurf"
            budget.append(entry)
        self.resources.insert(0, "haushalt", budget)
        _insert_before(self.resources, "finanzierung", "aufwand", self.expenses)
        _insert_before(self.resources, "finanzierung", "ertraege", income)
        self._keep_comments("finanzierung", "ertraege")
        del self.resources["finanzierung"]
        self.note(
            "ressourcen.yaml: 'finanzierung' ist aufgeteilt in 'aufwand' und 'ertraege'. Der Stand der Haushalte "
            f"unter 'haushalt' ist geschätzt (bis {stand_year} beschlossen, danach Entwurf) – bitte prüfen."
        )
        if own:
            amounts = "; ".join(f"{y}: {euro(v)}" for y, v in sorted(own.items()))
            self.note(
                f"ressourcen.yaml: Die Eigenmittel der Kommune ({amounts}) sind keine Finanzierungslinie mehr: der "
                "Eigenanteil wird jetzt als Zuschussbedarf (Aufwand − Ertrag) berechnet. Aufwand, den diese Mittel "
                "bezahlt haben und der keiner Maßnahme zugeordnet war – etwa die Stelle der Netzwerkkoordination "
                f"(fuer: {COORDINATION}) –, bitte unter 'aufwand' ergänzen."
            )
        dropped = [e.pop("finanzierung") for e in self.resources.get("netzwerkaufwand", []) if "finanzierung" in e]
        if dropped:
            self.note(
                "ressourcen.yaml: Bei 'netzwerkaufwand' entfällt der Verweis auf eine Finanzierungslinie; "
                "wer mag, verweist mit 'aufwand' auf die Aufwandsposition, aus der der Ausgleich bezahlt wird."
            )

    def _keep_comments(self, old: str, new: str) -> None:
        """Comments under a key that goes (e.g. '# --- Haushaltsjahr 2026 ---') move to its successor."""
        if old in self.resources.ca.items:
            self.resources.ca.items[new] = self.resources.ca.items.pop(old)
            self.resources[new].ca.comment = self.resources[old].ca.comment

    def name_employers(self) -> None:
        by_id = {a["id"]: a for a in self.actors}
        municipality = self.kommune.get("kommune", {}).get("traeger") or self.kommune.get("kommune", {}).get(
            "name"
        )
        ids: set[str] = set()
        for position in self.resources.get("personal", []):
            actor = by_id.get(position.get("akteur"), {})
            org = actor.get("traeger") or self.organisation(" ".join(str(municipality).split()))
            position.insert(0, "id", slug(str(position.get("stelle", "stelle")), ids))
            position.insert(list(position).index("akteur"), "anstellungstraeger", org)
            position.pop("finanzierung", None)
        if self.resources.get("personal"):
            self.note(
                "ressourcen.yaml: Jede Personalstelle nennt jetzt ihren Anstellungsträger ('anstellungstraeger'), "
                "übernommen vom Träger des Akteurs; 'akteur' ist der Akteur, für den die Stelle arbeitet. Die "
                "Verweise auf Finanzierungslinien entfallen; Personalkosten bitte als Aufwand der Art 'Personal' "
                "mit 'stelle' eintragen."
            )

    # vorlagen/*.yaml -------------------------------------------------------------------------

    def papers(self) -> None:
        for name, data in self.files.items():
            if not name.startswith("vorlagen/") or not isinstance(data, dict):
                continue
            finances = (data.get("vorlage") or {}).get("finanzen")
            if not isinstance(finances, CommentedMap):
                continue
            if finances.pop("mittel_verfuegbar", None) is not None:
                self.note(
                    f"{name}: 'mittel_verfuegbar' entfällt; ob die Mittel veranschlagt sind, sagt 'haushalt'."
                )
            lines = finances.pop("finanzierungslinien", None)
            if lines:
                chosen = CommentedSeq()
                for line_id in lines:
                    named: dict[str, Any] = self.funding.get(line_id, {})
                    if named.get("quelle") == OWN:
                        chosen += [
                            e["id"]
                            for e in self.expenses
                            if e["jahr"] == named.get("jahr") and e["ausschuss"] == named.get("ausschuss")
                        ]
                    else:
                        chosen.append(line_id)
                finances.insert(1, "positionen", chosen)
                self.note(
                    f"{name}: 'finanzierungslinien' heißen jetzt 'positionen' (Aufwand und Erträge); bitte prüfen."
                )

    # kommune.yaml: the decision on this Fassung ------------------------------------------------

    def adoption_reference(self) -> None:
        """'konzept.beschluss' now names a decision or a paper by its number, and the concept
        builds the sentence from it. A text is left as it is (it still shows, as a note) and
        not cut down to a number it mentions: its dates may say something the paper does not."""
        written = (self.kommune.get("konzept") or {}).get("beschluss")
        if isinstance(written, str) and " " in written.strip():
            self.note(
                "kommune.yaml: 'konzept.beschluss' nennt jetzt nur die Nummer eines Beschlusses (gremien.yaml) "
                "oder einer Vorlage (vorlagen/), z. B. 'JHA/2026/030'; der Text bleibt stehen, bis er ersetzt "
                "wird (validate schlägt die Nummer vor)."
            )


def migrate(files: dict[str, Any]) -> list[str]:
    """Rewrite the files of one folder from format 1 to 2, in place; the notes say what to check."""
    return Step(files).run()


def _year_of(stand: object) -> int | None:
    """The year of a Stand as format 1 may hold it: a date, or text – '2026-10-15' in quotes,
    '15.10.2026' (diff review: its first four characters were taken for the year)."""
    if stand is None or hasattr(stand, "year"):
        return getattr(stand, "year", None)
    written = german_full_date(str(stand))
    if written is not None:
        return written.year
    found = re.match(r"[0-9]{4}", str(stand).strip())
    return int(found[0]) if found else None
