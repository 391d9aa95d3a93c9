"""Chapters refer to each other by name, not by number: a new chapter renumbers every reference."""

from __future__ import annotations

import re
import shutil

import pytest

from pipeline.render.document import TEMPLATE_DIR
from pipeline.render.environment import chapter_number, chapter_templates


def test_references_follow_the_order_of_the_chapter_files(tmp_path):
    names = [n.split("/", 1)[1].removesuffix(".html.j2") for n in chapter_templates(TEMPLATE_DIR, "konzept")]
    names = [n for n in names if not n.startswith("00")]  # the front matter carries no number
    assert chapter_number(TEMPLATE_DIR, "ressourcen") == names.index("12_ressourcen") + 1
    assert chapter_number(TEMPLATE_DIR, "einleitung") == 1
    copy = tmp_path / "vorlagen"
    shutil.copytree(TEMPLATE_DIR, copy)
    (copy / "konzept" / "03a_bedarf.html.j2").write_text('<h1 id="bedarf">Bedarf</h1>\n', encoding="utf-8")
    assert chapter_number(copy, "bedarf") == names.index("03_ausgangslage") + 2
    assert chapter_number(copy, "ressourcen") == chapter_number(TEMPLATE_DIR, "ressourcen") + 1


def test_no_chapter_text_names_a_chapter_by_its_number():
    for path in (TEMPLATE_DIR / "konzept").glob("*.html.j2"):
        text = path.read_text(encoding="utf-8")
        assert "Kapitel 1" not in text and not any(f"Kapitel {n}" in text for n in range(2, 10)), path.name


def test_the_abbreviation_list_explains_what_the_text_uses():
    from pipeline.model.abbreviations import used_in

    found = dict(
        used_in("Nach § 8a SGB VIII berät der ASD; die U-Untersuchung U4. ASDs und BSFHler zählen nicht.")
    )
    assert set(found) == {"SGB", "ASD", "U-Untersuchung", "U1 bis U9"}
    series = dict(
        used_in("Sie erinnert an die U2 bis U7a und zitiert § 203 StGB sowie die DSGVO; U10 und KU1 nicht.")
    )
    assert set(series) == {"U1 bis U9", "StGB", "DSGVO"}
    law = "Nds. AG SGB\u00a0VIII: Landesrecht"  # as the typography sets it
    assert "Nds. AG SGB VIII" in dict(used_in(law, "Niedersachsen"))
    assert "Nds. AG SGB VIII" not in dict(used_in(law, "Hessen"))  # only a Land's own laws
    assert found["ASD"] == "Allgemeiner Sozialer Dienst"


def test_the_abbreviations_are_listed_alphabetically():
    """A reader looks an abbreviation up like a word in a dictionary: 'Kita' before 'KKG' and
    'LSN', whatever the capitals; umlauts as their vowel ('ÖGD' with the O)."""
    from pipeline.model.abbreviations import STATE_LAWS, glossary

    def key(short: str) -> str:
        return short.casefold().translate(str.maketrans("äöü", "aou"))

    for state in (None, *STATE_LAWS):
        shorts = list(glossary(state))
        assert shorts == sorted(shorts, key=key), state


def test_a_total_over_years_gets_room_for_its_title():
    """'Summe 2026–2027' wrapped after its dash in 19 % (finance review): the column of a total over
    a span of years takes at least SPAN_TOTAL_WIDTH from the label column; a plain 'Summe' does not."""
    from pipeline.render.environment import SPAN_TOTAL_WIDTH, amount_columns

    spanned = amount_columns("Quelle", [2026, 2027, "Summe 2026–2027"], 19, 57)
    assert [w for _, w, _ in spanned][1:] == [19, 19, SPAN_TOTAL_WIDTH]
    assert sum(w for _, w, _ in spanned) == 100
    plain = amount_columns("Quelle", [2026, 2027, "Summe"], 19, 57)
    assert [w for _, w, _ in plain] == [43, 19, 19, 19]


def test_the_legal_bases_name_paragraph_4_kkg_and_the_land_s_own_law():
    """§ 4 KKG carries the ways to the Jugendamt; the Land's law implementing the SGB VIII
    (Jugendamt, Jugendhilfeausschuss) is the one a Kreistag or Stadtverordnete looks up, named by
    its title at the first mention, as federal law is (language review: 'HKJGB' stood there alone), and
    explained in the list of abbreviations."""
    import lxml.html

    from pipeline.build import check_folder
    from pipeline.model.abbreviations import glossary
    from pipeline.render import concept_chapters

    from .conftest import ROOT

    for folder, law, title in (
        ("musterkreis", "Nds. AG SGB VIII", "Niedersächsisches Gesetz zur Ausführung des Achten Buchs"),
        ("neuhafen", "HKJGB", "Hessisches Kinder- und Jugendhilfegesetzbuch"),
    ):
        concept = check_folder(ROOT / "inputs" / folder).concept
        html = concept_chapters(concept)["konzept/01_einleitung.html.j2"]
        items = [" ".join(li.text_content().split()) for li in lxml.html.fromstring(html).iter("li")]
        assert any(i.startswith("§ 4 KKG: Beratung und Übermittlung von Informationen") for i in items)
        # the health side and the claim to advice (Netzwerkkoordinatorin: half the actors are from the
        # health system, SGB V was missing; § 8b SGB VIII stood only in the chapters)
        assert any(i.startswith("§ 8b SGB VIII: Anspruch von Personen, die beruflich mit Kindern") for i in items)
        # the health side: who the network should include, the doctors' duty to point to local support,
        # the pregnancy counselling's duty to take part (health-sector review)
        assert any(i.startswith("§§ 24d und 26 SGB V: ärztliche Betreuung und Hebammenhilfe") for i in items)
        assert any("Hinweise auf regionale Unterstützungsangebote für Eltern und Kind" in i for i in items)
        assert any("Angehörige der Heilberufe (Abs. 2)" in i for i in items if i.startswith("§ 3 KKG"))
        assert any(
            i.startswith("§ 4 Abs. 2 Schwangerschaftskonfliktgesetz (SchKG): Die Beratungsstellen") for i in items
        )
        state = concept.municipality.state
        # the title names the Land: no „in Hessen“ after it
        assert f"{title}" in " ".join(
            items
        ) and f"({law}): Landesrecht zur Ausführung des SGB VIII; es regelt" in (" ".join(items))
        assert law in glossary(state)
        # the Kommunalverfassung by which council and preparing body deliberate (Stadtverordnete:
        # the HGO was missing), from the Land's checked data: bases, bodies, and whose decisions
        procedure = concept.procedure
        council, preparing = concept.council.forms.nom, concept.preparing_committee.forms.nom
        pronoun = "ihre" if procedure.council.gender == "f" else "seine"
        # one law named once ('§§ 7, 45 und 76 Abs. 1 NKomVG'; Lektorat), and the Magistrat carries
        # the decisions out too (§ 66 Abs. 1 Satz 3 Nr. 2 HGO; a Stadtverordnete)
        (own, law), (its, same) = (
            re.fullmatch(r"§§? (.+) (\S+)", b).groups()
            for b in (procedure.council.legal_basis, procedure.preparation.legal_basis)
        )
        assert law == same
        does = {"Niedersachsen": "vorbereitet", "Hessen": "vorbereitet und ausführt"}[concept.municipality.state]
        assert (
            f"§§ {own} und {its} {law}: {council} als gewählte Vertretung und {preparing}, der {pronoun} "
            f"Beschlüsse {does}; wie sie dieses Konzept beraten" in " ".join(items)
        )


def test_a_short_name_that_is_not_the_start_of_the_name_is_said_where_the_places_are_introduced():
    """Tables and maps use a Sozialraum's short name; 'Hafenviertel' for 'Altstadt und
    Hafenviertel' would leave a reader asking whether the Altstadt is covered."""
    import lxml.html

    from pipeline.build import check_folder
    from pipeline.render import concept_chapters

    from .conftest import ROOT

    concept = check_folder(ROOT / "inputs" / "neuhafen").concept
    html = concept_chapters(concept)["konzept/03_ausgangslage.html.j2"]
    first_cells = [" ".join(td.text_content().split()) for td in lxml.html.fromstring(html).xpath("//tr/td[1]")]
    for space in concept.municipality.social_spaces:
        shown = next(c for c in first_cells if c.startswith(space.name))
        assert (shown == space.name) == space.name.startswith(space.label), shown
    assert "Altstadt und Hafenviertel (kurz: Hafenviertel)" in first_cells


def test_the_summary_names_the_goals_whose_indicators_stand_still_fall_or_lag_behind():
    """'einer ist unverändert (Ziel Z4.1)': a council member asks 'which one?' about every reading
    that is not on its way – recomputed from the indicators' readings."""
    import lxml.html

    from pipeline.build import check_folder
    from pipeline.render import concept_chapters

    from .conftest import ROOT

    concept = check_folder(ROOT / "inputs" / "neuhafen").concept
    html = concept_chapters(concept)["konzept/00b_kurzfassung.html.j2"]
    text = " ".join(lxml.html.fromstring(html).text_content().split())
    still = [g for g, i in concept.indicator_pairs if i.assessment == "unverändert"]
    assert still
    labels = concept.goal_labels(list(dict.fromkeys(g.id for g in still)))
    assert f"unverändert ({'zu Ziel' if len(labels) == 1 else 'zu den Zielen'} {labels[0]}" in text


@pytest.mark.parametrize(
    ("state", "laws"),
    [
        (
            "Bayern",
            (
                "Art. 15 Abs. 1 GDG: Ärztinnen und Ärzte sowie Hebammen teilen",
                "Art. 11 GDG: Die Gesundheitsämter",
                "(KoKi – Netzwerk frühe Kindheit). Der Freistaat fördert seit 2009",
            ),
        ),
        ("Rheinland-Pfalz", ("§§ 5 bis 10 LKindSchuG: Einladungs- und Erinnerungsverfahren",)),
        (
            "Brandenburg",
            (
                "§§ 6 und 7 BbgGDG: Die Landkreise und kreisfreien Städte schützen",
                "Netzwerk Gesunde Kinder (Landesprogramm). Das Land fördert seit 2006",
            ),
        ),
        ("Mecklenburg-Vorpommern", ("§§ 15 und 15b ÖGDG M-V: Die Gesundheitsämter beraten Säuglinge",)),
        (
            "Hessen",
            ("Kindergesundheitsschutz-Gesetz (Hessen): Die Teilnahme an den Früherkennungsuntersuchungen",),
        ),
        # the Gesundheitsamt's own law (health-sector review: the NGöGD was missing)
        ("Niedersachsen", ("§ 5 NGöGD: Die Landkreise und kreisfreien Städte schützen und fördern besonders",)),
        (
            "Baden-Württemberg",
            ("§ 1 Kinderschutzgesetz Baden-Württemberg: Die Eltern sind verpflichtet, die Teilnahme",),
        ),
    ],
)
def test_the_legal_bases_name_the_lands_child_health_law(inputs, state, laws):
    """Bavarian city review: Art. 15 GDG (the duty to inform the Jugendamt) stood only in the chapter
    on child protection, Art. 11 GDG (the U-Untersuchungen, the Gesundheitsamt and the Jugendamt) not at
    all; a Landkreis in RP missed its LKindSchuG's invitations to the U-Untersuchungen."""
    from pipeline.render import concept_chapters

    inputs.edit("kommune.yaml", lambda d: d["kommune"].update(bundesland=state))
    concept = inputs.check(strict=False).concept
    html = next(v for name, v in concept_chapters(concept).items() if "01_einleitung" in name)
    bases, after = html.split('id="rechtsgrundlagen"', 1)[1].replace("\u00a0", " ").split("</ul>", 1)
    # a Land's programme of grants follows the list of laws, it is no legal basis (language review)
    programme = after.split("</p>", 1)[0] if "selbst keine Rechtsvorschrift" in after.split("<h2", 1)[0] else ""
    for law in laws:
        assert law in (programme if "fördert seit" in law else bases)
    assert bool(programme) == (state in ("Bayern", "Brandenburg"))
    assert ("GDG:" in bases) == (state in ("Bayern", "Brandenburg"))
    assert ("LKindSchuG:" in bases) == (state == "Rheinland-Pfalz")
    # the Kommunalverfassung only where its provision was read (not yet in Brandenburg and M-V)
    council = concept.procedure.council
    # by its sections, the law named once where the preparing body's provision is of the same law
    cited = re.fullmatch(r"(§§? .+) (\S+)", council.legal_basis)
    own, law = cited.groups() if cited else (council.legal_basis, "")
    shown = re.search(rf">{re.escape(own)}( und [^;:<]+)? ?{re.escape(law)}[;:]", bases)
    assert bool(shown) == council.verified
    assert council.verified == (state not in ("Brandenburg", "Mecklenburg-Vorpommern"))


def test_every_lands_youth_welfare_act_is_spelled_out_once_with_its_short_name():
    """The legal bases name each Land's act by its title and short name, with one pair of brackets
    ('Jugendförderungsgesetz (JuFöG)', not '… (Erstes Gesetz …) (JuFöG)'), and say the Land only
    where neither names it (language review)."""
    import typing

    from pipeline.model.abbreviations import law_title
    from pipeline.model.procedure import procedure_for
    from pipeline.model.types import State

    seen = 0
    for state in typing.get_args(State):
        for kind in ("Landkreis", "kreisfreie Stadt", "Bezirk"):
            procedure = procedure_for(state, kind)
            if procedure is None:
                continue
            seen += 1
            named = procedure.youth_welfare_act_named
            title = law_title(procedure.youth_welfare_act, state)
            assert title, (state, procedure.youth_welfare_act)
            assert named == f"{title.split(' (')[0]} ({procedure.youth_welfare_act})"
            assert named.count("(") == 1, named
    assert seen > 25
    sh = procedure_for("Schleswig-Holstein", "Landkreis")
    assert sh is not None and sh.youth_welfare_act_named == "Jugendförderungsgesetz (JuFöG)"
    assert not sh.youth_welfare_act_names_state
    bavaria = procedure_for("Bayern", "Landkreis")
    assert bavaria is not None and not bavaria.youth_welfare_act_names_state
    hesse = procedure_for("Hessen", "Landkreis")
    assert hesse is not None and hesse.youth_welfare_act_names_state
    # 'in Bayern' etc. is added only where neither the short name nor the title says the Land
    unnamed = {
        state
        for state in typing.get_args(State)
        for kind in ("Landkreis", "kreisfreie Stadt", "Bezirk")
        if (p := procedure_for(state, kind)) is not None and not p.youth_welfare_act_names_state
    }
    assert unnamed == {"Bayern", "Berlin", "Saarland", "Schleswig-Holstein"}


def test_the_funding_procedure_of_each_grant_is_a_table_of_its_own(inputs):
    """Review by a Landeskoordinierungsstelle: neither concept named the Land's Richtlinie, the approving
    authority, the application deadline or the Verwendungsnachweis. 'foerderverfahren' in
    ressourcen.yaml is one row each; one for a source without income is warned about."""
    import lxml.html

    from pipeline.render import concept_chapters

    concept = inputs.check().concept
    procedure = concept.resources.procedures[0]
    assert [p.source for p in concept.resources.procedures] == ["Bundesstiftung Frühe Hilfen", "Land"]
    html = next(v for name, v in concept_chapters(concept).items() if "12_ressourcen" in name)
    root = lxml.html.fromstring(html)
    rows = [[" ".join(td.text_content().split()) for td in tr.iter("td")] for tr in root.iter("tr")]
    (row,) = [r for r in rows if r and r[0] == "Bundesstiftung Frühe Hilfen" and len(r) == 5]
    assert row[1] == f"{procedure.basis}. Bewilligung: {procedure.authority}"
    assert row[2:] == [procedure.application, procedure.proof, concept.actor(procedure.responsible).name]

    def without_income(data):
        data["foerderverfahren"].append({**data["foerderverfahren"][0], "mittelgeber": "Kreis"})

    inputs.edit("ressourcen.yaml", without_income)
    (warning,) = [w for w in inputs.warnings() if "Förderverfahren beschrieben" in w.message]
    assert warning.message.startswith("Für 'Kreis' ist ein Förderverfahren beschrieben, aber kein Ertrag")
    # money only applied for whose procedure is not described (Kämmerei review: the Land's 45.000,00 €)
    assert not [w for w in inputs.warnings() if "erst beantragt, aber unter 'foerderverfahren'" in w.message]
    inputs.edit("ressourcen.yaml", lambda d: d["foerderverfahren"].__delitem__(1))
    (warning,) = [w for w in inputs.warnings() if "erst beantragt, aber unter 'foerderverfahren'" in w.message]
    line = next(
        i for i in inputs.check(strict=False).concept.resources.income if i.applied_for and i.source == "Land"
    )
    assert (
        warning.message.startswith(f"'{line.title}' ist für {line.year} erst beantragt")
        and "für 'Land'" in warning.message
    )
    assert warning.where.path[-1] == "quelle"


def test_the_quality_chapter_plans_a_dialogue_on_each_dimension(inputs):
    """Review by a Landeskoordinierungsstelle: the concept named the Qualitätsrahmen but worked through
    its fifth dimension only. The chapter lists all nine with when the network talks about each
    ('dialoge' in qualitaet.yaml); the fifth comes with every version as its own paper."""
    import lxml.html

    from pipeline.model.norms import QUALITY_DIMENSIONS
    from pipeline.render import concept_chapters

    concept = inputs.check().concept
    html = next(v for name, v in concept_chapters(concept).items() if "15_qualitaet" in name)
    rows = [
        [" ".join(td.text_content().split()) for td in tr.iter("td")]
        for tr in lxml.html.fromstring(html).iter("tr")
    ]
    dimensions = {r[0]: r[1] for r in rows if r and r[0][:1].isdigit() and " " in r[0]}
    assert list(dimensions) == [f"{n} {title}" for n, title in QUALITY_DIMENSIONS.items()]
    planned = {d.dimension: d for d in concept.quality_ratings.dialogues}
    assert planned and 5 not in planned
    for number, title in QUALITY_DIMENSIONS.items():
        shown = dimensions[f"{number} {title}"]
        if number in planned:
            state = "geführt" if planned[number].year < concept.version.date.year else "geplant"
            assert shown == f"{planned[number].year} {state} ({planned[number].form})"
        elif number == 5:
            assert shown.startswith("mit jeder Fassung des Konzepts")
        else:
            assert shown == "noch nicht geplant"
    inputs.edit("qualitaet.yaml", lambda d: d["dialoge"].append({"dimension": 10, "jahr": 2027}))
    assert [p for p in inputs.problems() if "dialoge[3].dimension" in p]


def test_the_sectors_begin_with_youth_welfare_then_health():
    """Chapter 9 and the tables by sector: the steering Kinder- und Jugendhilfe first, then the
    health system (alphabetically the Jugendamt came fourth, after Bildung and Frühförderung; a
    Netzwerkkoordinatorin), every sector of the actors once."""
    from pipeline.build import check_folder

    from .conftest import ROOT

    for folder in ("musterkreis", "neuhafen"):
        concept = check_folder(ROOT / "inputs" / folder).concept
        sectors = concept.sectors
        assert sectors[:2] == ["Kinder- und Jugendhilfe", "Gesundheitswesen"]
        assert sorted(sectors) == sorted({a.sector for a in concept.actors})


def test_a_coordination_post_paid_by_a_measure_says_where_its_cost_stands():
    """Stadt Lindenbrück (tests/fixtures/lindenbrueck): the table of the Netzwerkkoordination's posts
    listed 1,0 and 0,75 VZÄ, the sentence below it the Aufwand of the 1,0 alone – the 0,75 VZÄ are
    booked to M1 (NRW review). The row says so."""
    import lxml.html
    import yaml

    from pipeline.build import check_folder
    from pipeline.render import concept_chapters

    from .conftest import ROOT

    folder = ROOT / "tests" / "fixtures" / "lindenbrueck"
    data = yaml.safe_load((folder / "ressourcen.yaml").read_text(encoding="utf-8"))
    concept = check_folder(folder).concept
    measures = {m.id: concept.measure_number(m.id) for m in concept.measures}
    expected = {}
    for post in data["personal"]:
        if post["akteur"] != "netzwerkkoordination":
            continue
        booked = sorted(
            {
                measures[e["fuer"]]
                for e in data["aufwand"]
                if e.get("stelle") == post["id"] and e["fuer"] in measures
            }
        )
        expected[post["stelle"]] = (
            f"{post['stelle']} (Aufwand bei {' und '.join(booked)})" if booked else post["stelle"]
        )
    assert any("Aufwand bei" in v for v in expected.values())
    html = concept_chapters(concept)["konzept/07a_netzwerkkoordination.html.j2"]
    rows = lxml.html.fromstring(f"<div>{html}</div>").xpath("//table[.//th[.='Anstellungsträger']]//tr[td]/td[1]")
    assert [r.text_content().replace("\xa0", " ") for r in rows] == list(expected.values())


def test_actors_without_conditions_are_named_once_per_group():
    """'… Besondere Rahmenbedingungen sind nicht beschrieben.' stood 17 times under as many actors and
    read like placeholder text (Saxon review): the actors without are named in one sentence per group."""
    import lxml.html

    from pipeline.build import check_folder
    from pipeline.render import concept_chapters

    from .conftest import ROOT

    concept = check_folder(ROOT / "tests" / "fixtures" / "lindenbrueck").concept
    html = concept_chapters(concept)["konzept/11_rahmenbedingungen.html.j2"]
    text = lxml.html.fromstring(f"<div>{html}</div>").text_content()
    without = [a for a in concept.actors if not a.conditions]
    assert without and "Besondere Rahmenbedingungen sind nicht beschrieben." not in text
    groups = {a.organisation_form for a in without}
    assert text.count("Besondere Rahmenbedingungen sind nicht beschrieben für: ") + text.count(
        "Ohne Angaben zu besonderen Rahmenbedingungen: "
    ) == len(groups)
    for actor in without:
        # in running text: 'freiberufliche Hebammen' (Netzwerkkoordinatorin)
        assert text.count(actor.name_in_text) == 1, actor.name_in_text
    assert "freiberufliche Hebammen" in text and "Freiberufliche Hebammen" not in text


def test_actors_missing_from_the_matrix_are_named_below_it():
    """The Zuständigkeitsmatrix showed 15 of 18 actors without a word on the others (Saxon review):
    those in no measure are named under it."""
    import lxml.html
    import yaml

    from pipeline.build import check_folder
    from pipeline.render import concept_chapters

    from .conftest import ROOT

    concept = check_folder(ROOT / "tests" / "fixtures" / "lindenbrueck").concept
    raw = yaml.safe_load(
        (ROOT / "tests" / "fixtures" / "lindenbrueck" / "massnahmen.yaml").read_text(encoding="utf-8")
    )
    involved = {a for m in raw["massnahmen"] for a in [m["federfuehrung"], *m.get("beteiligte", [])]}
    missing = [a.name for a in concept.actors if a.id not in involved]
    assert missing
    html = concept_chapters(concept)["konzept/07_akteure.html.j2"]
    text = " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())
    assert (
        f"An keiner Maßnahme dieser Fassung beteiligt und deshalb nicht in der Matrix sind: {'; '.join(missing)}."
        in text
    )


def test_a_network_with_a_name_of_its_own_is_called_so_everywhere():
    """Bavaria's networks are the KoKi's 'Netzwerk frühe Kindheit': the concept said 'Netzwerk Frühe
    Hilfen', and the paper's list of attachments named the agreement otherwise than its proposal
    (Bavarian review). netzwerk.yaml's 'name' is used in chapters, agreement and papers."""
    import lxml.html
    import yaml

    from pipeline.model.papers import paper_views
    from pipeline.render import concept_chapters, render_agreement, render_paper

    from .conftest import fixture_inputs

    inputs = fixture_inputs("altmuehlau")
    name = yaml.safe_load(inputs.text("netzwerk.yaml"))["name"]
    assert name == "Netzwerk frühe Kindheit"
    concept = inputs.check().concept

    def text(html: str) -> str:
        return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())

    chapters = concept_chapters(concept)
    assert f"Das {name} arbeitet in" in text(chapters["konzept/08_netzwerk.html.j2"])
    assert f"Koordiniert wird das {name} vom Jugendamt" in text(chapters["konzept/01_einleitung.html.j2"])
    # (the heading on the joint network names the two fields of work, not the network)
    joint = "Gemeinsames Netzwerk Frühe Hilfen und Kinderschutz"
    assert all("Netzwerk Frühe Hilfen" not in text(html).replace(joint, "") for html in chapters.values())
    agreement = render_agreement(concept.agreement)
    assert agreement.title == f"Kooperationsvereinbarung {name}"
    (paper,) = [v for v in paper_views(concept) if "kooperationsvereinbarung" in v.generated_attachments]
    assert f"Kooperationsvereinbarung {name}" in [a.title for a in paper.attachments]
    assert "Netzwerk Frühe Hilfen" not in text(render_paper(paper).body_html)
    # a name that sentences cannot decline is refused at its place
    problems = inputs.replace("netzwerk.yaml", f"name: {name}", "name: KoKi-Netz").problems()
    assert [
        p
        for p in problems
        if p.startswith("netzwerk.yaml:") and ": name: 'KoKi-Netz': Der Name des Netzwerks beginnt" in p
    ]


def test_a_municipalitys_own_abbreviations_are_explained_where_used():
    """Stadt Rheinfurt's papers wrote 'SkF' and 'TVöD SuE' that no list explained (RLP review):
    kommune.yaml 'abkuerzungen' adds them to the lists of the documents whose text uses them."""
    import lxml.html
    import yaml

    from pipeline.model.papers import paper_views
    from pipeline.render import render_paper

    from .conftest import fixture_inputs

    inputs = fixture_inputs("rheinfurt")
    own = yaml.safe_load(inputs.text("kommune.yaml"))["kommune"]["abkuerzungen"]
    concept = inputs.check().concept
    for view in paper_views(concept):
        html = render_paper(view).body_html
        root = lxml.html.fromstring(f"<div>{html}</div>")
        listed = [
            " ".join(dt.text_content().split())
            for dt in root.xpath("//h1[@id='abkuerzungen']/following-sibling::dl[1]/dt")
        ]
        body = " ".join(root.text_content().split())
        for entry in own:
            used = entry["kurz"] in body.split("Abkürzungen")[0]
            assert (entry["kurz"] in listed) == used, (view.paper.number, entry["kurz"])
    assert any(
        "SkF" in " ".join(lxml.html.fromstring(f"<div>{render_paper(v).body_html}</div>").text_content().split())
        for v in paper_views(concept)
    )


def test_a_post_not_yet_begun_shows_no_costs_rather_than_zero():
    """Landkreis Altmühlau's new KoKi post begins in 2027: the table of posts gave '0,00 €' for 2026
    beside '–' for a post paid by a grant (Bavarian review); a year without own Personalaufwand is '–'."""
    import lxml.html

    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    concept = fixture_inputs("altmuehlau").check().concept
    html = concept_chapters(concept)["konzept/12_ressourcen.html.j2"]
    root = lxml.html.fromstring(f"<div>{html}</div>")
    rows = [[td.text_content() for td in tr] for tr in root.xpath("//table[caption='Personalstellen']//tr[td]")]
    later = [r for r in rows if r[2].startswith("ab 2027")]
    assert later and all(r[3] == "–" for r in later)
    assert not any("0,00" in cell for r in rows for cell in r[3:] if cell.startswith("0,00"))


def test_an_own_abbreviation_of_several_words_explains_its_parts():
    """Rheinfurt explains 'TVöD SuE' itself; with TVöD and SuE in the tool's list too, its
    concept would have listed all three. The parts count only where they stand alone."""
    from pipeline.model.abbreviations import used_in

    own = [("TVöD SuE", "Tarifvertrag für den öffentlichen Dienst – Sozial- und Erziehungsdienst")]
    assert [s for s, _ in used_in("Stelle nach S 14 TVöD SuE", "Rheinland-Pfalz", own)] == ["TVöD SuE"]
    listed = [s for s, _ in used_in("S 14 TVöD SuE; Verwaltung nach TVöD", "Rheinland-Pfalz", own)]
    assert listed == ["TVöD", "TVöD SuE"]
    assert [s for s, _ in used_in("S 14 TVöD SuE", "Bayern")] == ["SuE", "TVöD"]


def test_a_bezirk_without_an_agreement_yet_reads_as_its_inputs_say():
    """Bezirk Spreetal (Berlin review) and Hansestadt Warnemark (M-V review), written by reviewers:
    a year entered as 'Planung' is the Finanzplanung, not 'der Entwurf 2028'; two decisions in one
    state are 'beide' ('Zwei Beschlüsse …: zwei in Umsetzung'); where no actor signed an earlier
    agreement, the key figures name no 'bisherige Kooperationsvereinbarung' with 0 bound to it;
    an indicator of one clinic reads '1 Klinik', not '1 Kliniken'; the next report names the paper
    'Vorlage zur Beschlussfassung', not 'Beschlussvorlage'."""
    import lxml.html
    import yaml

    from pipeline.model.grammar import unit_for
    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    inputs = fixture_inputs("spreetal")
    budget = {y["jahr"]: y["stand"] for y in yaml.safe_load(inputs.text("ressourcen.yaml"))["haushalt"]}
    assert budget == {2027: "beschlossen", 2028: "Planung"}
    concept = inputs.check().concept
    chapters = concept_chapters(concept)

    def text(name: str) -> str:
        return " ".join(lxml.html.fromstring(f"<div>{chapters[name]}</div>").text_content().split())

    summary = text("konzept/00b_kurzfassung.html.j2")
    assert "verbindet den beschlossenen Haushalt 2027 mit der Finanzplanung 2028" in summary
    assert "Entwurf 2028" not in summary
    decisions = yaml.safe_load(inputs.text("gremien.yaml"))["beschluesse"]
    assert len(decisions) == 2 and len({d["umsetzungsstatus"] for d in decisions}) == 1
    assert "Zwei Beschlüsse betreffen die Frühen Hilfen; beide sind in Umsetzung." in summary
    assert not concept.bound_by_agreement and concept.agreement is not None
    situation = text("konzept/03_ausgangslage.html.j2")
    assert "bisherige Kooperationsvereinbarung" not in situation
    assert "erstmals mit dieser Fassung, in Kraft ab" in situation
    assert unit_for(1, "Kliniken") == "Klinik" and unit_for(2, "Kliniken") == "Kliniken"
    # the paper by the name Berlin's council offices give it, as the paper calls itself
    anchoring = text("konzept/13_politische_verankerung.html.j2")
    assert "(Vorlage zur Beschlussfassung DS/0042/XX)" in anchoring and "Beschlussvorlage" not in anchoring


@pytest.mark.parametrize(
    ("name", "coordinated", "sits"),
    [
        (
            "wesertal",
            "Koordiniert wird das Netzwerk Frühe Hilfen vom Jugendamt; zuständig ist die Koordinierungsstelle Frühe "
            "Hilfen im Fachbereich Jugend und Familie.",
            "die Netzwerkkoordination (Kapitel 10) liegt beim Fachbereich Jugend und Familie – Jugendamt.",
        ),
        (
            "bliestal",
            "hat als örtlicher Träger der öffentlichen Jugendhilfe die Koordinierungsstelle Frühe Hilfen im "
            "Kreisjugendamt als Netzwerkkoordination Frühe Hilfen eingerichtet.",
            "die Netzwerkkoordination (Kapitel 10) liegt beim Kreisjugendamt Bliestal-Hochwald.",
        ),
    ],
)
def test_an_office_called_jugendamt_is_named_once(name, coordinated, sits):
    """Reviews in Niedersachsen and the Saarland: 'vom Jugendamt (Fachbereich Jugend und Familie –
    Jugendamt)', '… im Jugendamt (Kreisjugendamt Bliestal-Hochwald) die Koordinierungsstelle Frühe
    Hilfen im Kreisjugendamt …', and the contact block gave the Fachbereich three times."""
    import lxml.html

    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    chapters = concept_chapters(fixture_inputs(name).check().concept)
    text = " ".join(lxml.html.fromstring(f"<div>{''.join(chapters.values())}</div>").text_content().split())
    assert coordinated in text and sits in text
    assert "Jugendamt (Fachbereich" not in text and "Jugendamt (Kreisjugendamt" not in text
    contact = lxml.html.fromstring(f"<div>{chapters['konzept/01_einleitung.html.j2']}</div>")
    block = [p for p in contact.iter("p") if "Telefon" in p.text_content() or "E-Mail" in p.text_content()]
    assert block and all(p.text_content().count("Jugendamt") <= 1 for p in block)


def test_the_summary_names_the_sittings_prepared_for_every_overdue_report():
    """Review in Niedersachsen: 'Dem Ausschuss für Soziales und Gesundheit (fällig seit dem
    13.06.2026) und dem Rat (fällig seit dem 24.06.2025) steht je ein Bericht aus' – chapter 20 and
    `plan` named the sittings and papers prepared, the summary (read first, often alone) did not."""
    import lxml.html

    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    concept = fixture_inputs("wesertal").check().concept
    html = concept_chapters(concept)["konzept/00b_kurzfassung.html.j2"]
    text = " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())
    assert (
        "Dem Ausschuss für Soziales und Gesundheit (fällig seit dem 13.06.2026; vorgesehen für die Sitzung am "
        "28.01.2027, Vorlagen BV/2026/0412 und IV/2027/0035) und dem Rat (fällig seit dem 24.06.2025; vorgesehen "
        "für die Sitzung am 25.02.2027, Vorlage BV/2026/0412) steht je ein Bericht aus." in text
    )


def test_the_own_requirements_say_auch_only_after_the_grants_with_requirements():
    """Saarland review: 'Auch eine der drei eigenen Bewilligungen … verlangt Zusammenarbeit' opened
    the section where no grant to the Landkreis carried requirements – 'auch' had nothing before it."""
    import lxml.html

    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    def sentence(name: str) -> str:
        html = concept_chapters(fixture_inputs(name).check().concept)["konzept/12_ressourcen.html.j2"]
        text = " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())
        return text.split("Zweckbindung und Kooperationsauflagen", 1)[1]

    assert sentence("bliestal").lstrip().startswith("Eine der drei eigenen Bewilligungen")
    assert "Auch eine der vier eigenen Bewilligungen" in sentence("elbhoehe")


@pytest.mark.parametrize(
    ("name", "said"),
    [
        (
            "bliestal",
            "Dem Kreistag steht seit dem 28.06.2024 ein Bericht aus; vorgesehen ist er für die Sitzung am 08.03.2027 "
            "(Vorlage BV/2026/118)",
        ),
        # due, not overdue (the Stadtrat has not met since): the paper of a later sitting, not only the
        # next sitting without it (RLP re-check: that read as if it passed without the report too)
        (
            "rheinfurt",
            "fällig ist der Bericht an den Stadtrat (seit dem 15.12.2024; vorgesehen für die Sitzung am 25.02.2027, "
            "Vorlage DS 2026/0815)",
        ),
    ],
)
def test_the_summary_names_the_sitting_planned_for_the_report_when_it_is_not_the_next(name, said):
    """Re-check of the Saarland review: 'Dem Kreistag steht seit dem 28.06.2024 ein Bericht aus' –
    the Kreistag's next sitting has no paper, the one of 08.03.2027 decides on the concept; chapter
    20 and `plan` named it."""
    import lxml.html

    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    html = concept_chapters(fixture_inputs(name).check().concept)["konzept/00b_kurzfassung.html.j2"]
    text = " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())
    assert said in text


def test_the_paths_table_says_whether_it_holds_recommendations():
    """Netzwerkkoordinatorin: 'Vereinbarte Abstimmungswege' over a row marked 'Empfehlung'
    contradicted itself. Bezirk Spreetal has binding paths only, Stadt Lindenbrück one recommendation."""
    import lxml.html

    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    def captions(name: str) -> list[str]:
        concept = fixture_inputs(name).check().concept
        html = "".join(concept_chapters(concept).values())
        return [c.text_content() for c in lxml.html.fromstring(f"<div>{html}</div>").iter("caption")]

    assert "Vereinbarte Abstimmungswege" in captions("spreetal")
    assert "Vereinbarte und empfohlene Abstimmungswege" in captions("lindenbrueck")


def test_the_requirements_bind_volunteers_time_only_as_far_as_they_can():
    """Netzwerkkoordinatorin of Stadt Lindenbrück: chapter 15 imposed 'Verbindliche Teilnahme an
    Steuerungsgruppe oder Netzwerkkonferenz' on everyone 'unabhängig davon, ob … ehrenamtlich', while
    the agreement says the volunteers' Träger does not commit their time. The time follows the
    freelancers' work and the volunteers' means; the requirements themselves (consent) hold for all."""
    import lxml.html

    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    concept = fixture_inputs("lindenbrueck").check().concept
    assert {"freiberuflich", "ehrenamtlich-zivilgesellschaftlich"} <= set(concept.organisation_forms)
    html = concept_chapters(concept)["konzept/10_anforderungen.html.j2"]
    text = " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())
    assert "unabhängig davon" not in text
    assert (
        "Sie gelten für alle Beteiligten; wie viel Zeit sie für die Netzwerkarbeit einsetzen, richtet sich bei "
        "freiberuflich Tätigen nach ihrem Arbeitsalltag und bei Ehrenamtlichen nach ihren eigenen Möglichkeiten."
    ) in text


def test_one_grant_for_the_coordination_over_the_years_is_named_once():
    """Bavarian Kreisrat: 'Hinzu kommt eine Zuwendung des Freistaates Bayern (Förderung Koordinierende
    Kinderschutzstelle (KoKi – …), 2,0 VZÄ): 33.000,00 € im Jahr 2026 … Hinzu kommt eine Zuwendung des
    Freistaates Bayern (…)' – one grant of two years whose title names the posts it pays, twice, with
    brackets inside brackets."""
    from .conftest import fixture_inputs

    concept = fixture_inputs("altmuehlau").check().concept
    bavarian = [p for p in concept.coordination_grant_phrases if p.startswith("des Freistaates Bayern")]
    assert len(bavarian) == 1
    (phrase,) = bavarian
    assert "im Jahr 2026 (" in phrase and "im Jahr 2027 (" in phrase
    inside = phrase.split(": ", 1)[1]
    assert all(part.count("(") <= 1 for part in inside.split(" und 3"))  # one pair of brackets per year


def test_the_income_table_adds_up_each_year_under_its_lines(raw_inputs):
    """Kämmerei review: the table of Erträge listed twelve grants without a sum; the year's total stood
    only in other tables. Each year's sum from ressourcen.yaml, under the year's last line."""
    from decimal import Decimal

    import lxml.html

    from pipeline.build import check_folder
    from pipeline.formatting import euro
    from pipeline.render import concept_chapters

    from .conftest import EXAMPLE

    concept = check_folder(EXAMPLE).concept
    root = lxml.html.fromstring(f"<div>{concept_chapters(concept)['konzept/12_ressourcen.html.j2']}</div>")
    table = next(t for t in root.iter("table") if t.find("caption").text_content().startswith("Erträge"))
    rows = [[c.text_content() for c in tr] for tr in table.iter("tr")][1:]
    sums = {}
    for line in raw_inputs["ressourcen.yaml"]["ertraege"]:
        sums[line["jahr"]] = sums.get(line["jahr"], Decimal(0)) + Decimal(str(line["betrag"]))
    # 'Erträge 2026 insgesamt', not 'Summe': one total line per table, the others are the years' (PDF as Word)
    shown = {int(r[0].split()[1]): r[1] for r in rows if r[0].endswith(" insgesamt")}
    assert shown == {year: euro(amount) for year, amount in sums.items()}
    # each under its year's last line
    years = [r[0] for r in rows]
    for year in sums:
        assert (
            years.index(f"Erträge {year} insgesamt") == max(i for i, y in enumerate(years) if y == str(year)) + 1
        )


def test_the_table_of_bodies_gives_their_next_dealing_with_the_fruehe_hilfen():
    """Stadtkreis Neckarbrunn (BW review): the table gave the Verwaltungsausschuss' next sitting in
    the calendar (12.11.2026), the paper's Beratungsfolge its dealing with the Frühen Hilfen
    (03.12.2026): the column gives that, with the papers."""
    import lxml.html

    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    concept = fixture_inputs("neckarbrunn").check(strict=False).concept
    html = concept_chapters(concept)["konzept/13_politische_verankerung.html.j2"]
    rows = {
        " ".join(r[0].text_content().split()): " ".join(r[-1].text_content().split())
        for r in lxml.html.fromstring(f"<div>{html}</div>").iter("tr")
        if r[0].tag == "td"
    }
    va = next(value for name, value in rows.items() if name.startswith("Verwaltungsausschuss"))
    assert va == "03.12.2026 (Vorlage GRDrs 412/2026)", rows


def test_the_staff_total_says_how_much_of_it_is_the_own_stellenplan():
    """„9,15 VZÄ … 10,9 VZÄ“ included the Träger's posts; the Kämmerei and the Personalamt need the
    own Stellenplan's share (Kämmerei review: 6,0 → 6,5 VZÄ stood nowhere). Recomputed from the
    YAML: the posts whose employer is the city, in each year with the size it has then."""
    from decimal import Decimal

    import lxml.html
    import yaml

    from pipeline.build import check_folder
    from pipeline.model.resources import fte
    from pipeline.render import concept_chapters

    from .conftest import ROOT

    folder = ROOT / "inputs" / "neuhafen"
    posts = yaml.safe_load((folder / "ressourcen.yaml").read_text(encoding="utf-8"))["personal"]

    def size(post: dict, year: int) -> Decimal:
        changes = sorted((c["jahr"], c["vzae"]) for c in post.get("vzae_ab", []) if c["jahr"] <= year)
        return Decimal(str(changes[-1][1] if changes else post["vzae"]))

    own = {
        y: sum((size(p, y) for p in posts if p["anstellungstraeger"] == "stadt"), Decimal(0)) for y in (2026, 2027)
    }
    every = {y: sum((size(p, y) for p in posts), Decimal(0)) for y in (2026, 2027)}
    chapter = concept_chapters(check_folder(folder).concept)["konzept/12_ressourcen.html.j2"]
    text = " ".join(lxml.html.fromstring(chapter).text_content().split())
    assert (
        f"Im eigenen Stellenplan stehen davon {fte(own[2026])} VZÄ im Jahr 2026 und {fte(own[2027])} VZÄ im Jahr "
        f"2027; {fte(every[2026] - own[2026])} VZÄ im Jahr 2026 und {fte(every[2027] - own[2027])} VZÄ im Jahr 2027 "
        "sind Stellen bei anderen Trägern."
    ) in text


def test_the_contact_names_the_office_once_however_the_address_writes_it():
    """Hamburg review: „Bezirksamt Elbhöhe – Fachamt Jugend- und Familienhilfe“ as a line of its own,
    and again in the address as „Bezirksamt Elbhöhe, Fachamt Jugend- und Familienhilfe, …“."""
    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    concept = fixture_inputs("elbhoehe").check(strict=False).concept
    municipality = concept.municipality
    assert " – " in municipality.youth_office and municipality.office_in_address
    html = concept_chapters(concept)["konzept/01_einleitung.html.j2"]
    contact = html.split('id="kontakt"')[1].split("</div>")[0]
    assert contact.count(municipality.youth_office) == 0 and contact.count("Bezirksamt Elbhöhe") == 1
    elsewhere = municipality.model_copy(update={"youth_office": "Bezirksamt Elbhöhe – Fachamt Familie"})
    assert not elsewhere.office_in_address


def test_one_of_a_kind_is_said_in_the_singular():
    """Reviews in Baden-Württemberg and Sachsen-Anhalt: „in einem Format; die folgenden Abschnitte
    zeigen“, „steht ein Termin fest; sie gehören zu …“, „aus Förderungen, die 2027 enden:
    Bürgerstiftung …“ (one grant), „eines gibt es nur in einzelnen Sozialräumen; eines davon soll …“."""
    import lxml.html
    import yaml

    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    def text_of(name: str) -> str:
        concept = fixture_inputs(name).check().concept
        html = " ".join(concept_chapters(concept).values())
        return " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())

    inputs = fixture_inputs("neckarbrunn")
    cross = yaml.safe_load(inputs.text("querschnitt.yaml"))
    assert len(cross["elternbeteiligung"]["formate"]) == 1
    text = text_of("neckarbrunn")
    assert "Beteiligt werden sie in einem Format; der folgende Abschnitt zeigt, wie und wann" in text
    assert "steht ein Termin fest, für eines der zwei Angebote." in text
    assert "aus einer Förderung, die 2027 endet: Bürgerstiftung Neckarbrunn" in text
    assert "sie gehören zu" not in text and "Förderungen, die 2027 enden" not in text
    saale = text_of("saale-boerdeland")
    assert (
        "eines gibt es nur in einzelnen Sozialräumen; es soll auf weitere Sozialräume ausgeweitet werden." in saale
    )


def test_the_measure_plan_counts_a_few_measures_in_words():
    """NRW review: „für jede der 8 Maßnahmen“ in Lindenbrück's Maßnahmenplan, „acht“ everywhere else."""
    import lxml.html

    from pipeline.formatting import number_word
    from pipeline.render import render_measure_plan

    from .conftest import fixture_inputs

    concept = fixture_inputs("lindenbrueck").check().concept
    assert 1 < len(concept.measures) <= 12
    html = render_measure_plan(concept).body_html
    text = " ".join(lxml.html.fromstring(f"<div>{html}</div>").text_content().split())
    assert f"Er zeigt für jede der {number_word(len(concept.measures))} Maßnahmen, zu welchen Zielen" in text
