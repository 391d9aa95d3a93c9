"""The data-protection supervisory authority of each Land, for the parents' consent form.

Art. 13 Abs. 2 Buchst. d DSGVO: whoever collects personal data tells the person of the right to
complain to a supervisory authority. A form that names it only as "die Aufsichtsbehörde des
Landes" leaves parents to find it themselves, so the form names the authority with its address.
The names follow the office holder's title on the authority's own pages ("Der Landesbeauftragte"
or "Die Landesbeauftragte") and change with the person; ``einverstaendniserklaerung.
aufsichtsbehoerde`` in netzwerk.yaml overrides the entry.

Sources (checked 2026-12): Niedersachsen on the authority's privacy notice
(https://www.lfd.niedersachsen.de/wir_ueber_uns/datenschutzerklaerung/datenschutzerklaerung-56146.html),
Hessen on https://datenschutz.hessen.de and the encyclopedia entry on the authority; the other Länder
from the privacy notices of public websites that name them with address, compared across several
notices (e.g. a table of all sixteen authorities in a public legal-texts generator, 2025/26).
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.model.types import State


@dataclass(frozen=True)
class Authority:
    """A supervisory authority by its official name and postal address."""

    name: str
    address: str
    also: str = ""
    checked_on_own_site: bool = False

    @property
    def line(self) -> str:
        """'Der Hessische Beauftragte …, Gustav-Stresemann-Ring 1, 65189 Wiesbaden'; a second
        authority of the Land after a semicolon."""
        return f"{self.name}, {self.address}" + (f"; {self.also}" if self.also else "")


AUTHORITIES: dict[State, Authority] = {
    "Baden-Württemberg": Authority(
        "Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Baden-Württemberg",
        "Lautenschlagerstraße 20, 70173 Stuttgart",
    ),
    # Bayern supervises public and private bodies separately; a consent between a Jugendamt and
    # freie Träger or practices touches both, so the form names both.
    "Bayern": Authority(
        "Der Bayerische Landesbeauftragte für den Datenschutz",
        "Wagmüllerstraße 18, 80538 München (für öffentliche Stellen wie das Jugendamt)",
        "Bayerisches Landesamt für Datenschutzaufsicht, Promenade 18, 91522 Ansbach (für freie Träger, Praxen und "
        "andere nicht öffentliche Stellen)",
    ),
    "Berlin": Authority(
        "Berliner Beauftragte für Datenschutz und Informationsfreiheit", "Alt-Moabit 59–61, 10555 Berlin"
    ),
    "Brandenburg": Authority(
        "Die Landesbeauftragte für den Datenschutz und für das Recht auf Akteneinsicht Brandenburg",
        "Stahnsdorfer Damm 77, 14532 Kleinmachnow",
    ),
    "Bremen": Authority(
        "Die Landesbeauftragte für Datenschutz und Informationsfreiheit der Freien Hansestadt Bremen",
        "Arndtstraße 1, 27570 Bremerhaven",
    ),
    "Hamburg": Authority(
        "Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit",
        "Ludwig-Erhard-Straße 22, 20459 Hamburg",
    ),
    "Hessen": Authority(
        "Der Hessische Beauftragte für Datenschutz und Informationsfreiheit",
        "Gustav-Stresemann-Ring 1, 65189 Wiesbaden",
        checked_on_own_site=True,
    ),
    "Mecklenburg-Vorpommern": Authority(
        "Der Landesbeauftragte für Datenschutz und Informationsfreiheit Mecklenburg-Vorpommern",
        # the Postanschrift of its own privacy notice (datenschutz-mv.de/datenschutzerklaerung); Werderstraße
        # 74a is the Dienststelle (review of a city in Mecklenburg-Vorpommern)
        "Schloss Schwerin, Lennéstraße 1, 19053 Schwerin",
        checked_on_own_site=True,
    ),
    "Niedersachsen": Authority(
        "Der Landesbeauftragte für den Datenschutz Niedersachsen",
        "Prinzenstraße 5, 30159 Hannover",
        checked_on_own_site=True,
    ),
    "Nordrhein-Westfalen": Authority(
        "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen",
        "Kavalleriestraße 2–4, 40213 Düsseldorf",
    ),
    "Rheinland-Pfalz": Authority(
        "Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz",
        "Hintere Bleiche 34, 55116 Mainz",
    ),
    "Saarland": Authority(
        "Unabhängiges Datenschutzzentrum Saarland", "Fritz-Dobisch-Straße 12, 66111 Saarbrücken"
    ),
    # the authority's own page asks for its postal address only (visitors: Maternistraße 17);
    # Devrientstraße 5 was never its address (datenschutz.sachsen.de; review of a Saxon Landkreis)
    "Sachsen": Authority(
        "Die Sächsische Datenschutz- und Transparenzbeauftragte", "Postfach 11 01 32, 01330 Dresden"
    ),
    # Christina Maria Rost, elected 24.04.2024 (landtag.sachsen-anhalt.de, Lexikon); the office's
    # address (datenschutzarchiv.org, LfD Sachsen-Anhalt; Sachsen-Anhalt review: the form named the
    # old one in the Leiterstraße)
    "Sachsen-Anhalt": Authority(
        "Die Landesbeauftragte für den Datenschutz Sachsen-Anhalt", "Otto-von-Guericke-Straße 34a, 39104 Magdeburg"
    ),
    "Schleswig-Holstein": Authority(
        "Unabhängiges Landeszentrum für Datenschutz Schleswig-Holstein", "Holstenstraße 98, 24103 Kiel"
    ),
    "Thüringen": Authority(
        "Der Thüringer Landesbeauftragte für den Datenschutz und die Informationsfreiheit",
        "Häßlerstraße 8, 99096 Erfurt",
    ),
}


#: The federal commissioner: supervises the Jobcenter that are gemeinsame Einrichtungen of the
#: Bundesagentur and a Kreis or city (§ 50 Abs. 4 SGB II; the commissioner's own page on
#: complaints about a Jobcenter, bfdi.bund.de, checked 2026-12), not the municipal ones.
FEDERAL = Authority(
    "Die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit",
    "Graurheindorfer Straße 153, 53117 Bonn",
)
#: The norm that gives the federal commissioner the Jobcenter of § 44b SGB II.
FEDERAL_BASIS = "§ 50 Abs. 4 SGB II"


def authority_line(state: State) -> str:
    """The authority of a Land as the form names it, with its address."""
    return AUTHORITIES[state].line
