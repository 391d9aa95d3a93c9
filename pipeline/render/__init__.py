"""Stage 4, render: the model through Jinja2 templates into the intermediate form (HTML).

Entry point: :func:`render_products`, which renders every document of the products asked for
(:mod:`pipeline.products`) into :class:`~.document.RenderedDocument` s: the Gesamtkonzept, the
council papers with the attachments they list, the Qualitätsdialog. One render function per
document kind sets its frame (titles, file name, folder, layout); the templates under
``templates/`` write the body and only read the model (:mod:`.environment`). The review list of
returned drafts is rendered the same way (:func:`render_revision_list`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pipeline import formatting, products
from pipeline.findings import UNKNOWN, Finding, Place
from pipeline.formatting import safe_file_part
from pipeline.model import colours, fonts
from pipeline.model.abbreviations import used_in
from pipeline.model.agreement import CONSENT_TITLE, Agreement
from pipeline.model.changes import ChangeSet
from pipeline.model.concept import Concept
from pipeline.model.papers import GENERATED_TITLES, PaperView, generated_title, paper_views
from pipeline.model.quality.assessment import QualityAssessment, assess
from pipeline.render.charts import stacked_bars
from pipeline.render.document import TEMPLATE_DIR, Design, Figure, RenderedDocument
from pipeline.render.environment import (
    CHAPTER_NUMBERS,
    TemplateSource,
    chapter_templates,
    is_front_matter,
    link_chapters,
    numbered,
    render_template,
)
from pipeline.render.figures import model_figures
from pipeline.render.fragments import fragment
from pipeline.render.needs import concept_figures
from pipeline.render.workbook import Workbook, workbook

CONCEPT_CHAPTERS = "konzept"
#: The chapter that lists the abbreviations the other chapters use; rendered after them.
ABBREVIATION_CHAPTER = "_abkuerzungen.html.j2"
CONCEPT_TITLE = GENERATED_TITLES["gesamtkonzept"]
MEASURE_PLAN_TITLE = GENERATED_TITLES["massnahmenplan"]
QUALITY_TITLE = "Qualitätsdialog"
#: The network's working copy of the Qualitätsdialog: its title and file names say so.
WORKING_COPY = "Arbeitsfassung"
#: Colours of the statuses in charts; the text always names the status too. Each keeps 3 : 1
#: against white (WCAG 1.4.11) and its label 4.5 : 1 (dark or white text, whichever reads better);
#: any two differ by more than 10 in lightness – a status left out brings others side by side –,
#: so they stay apart in black-and-white print, and no red beside green (figure review: erfüllt
#: and offen printed as one grey, and were a pair for readers with deuteranopia).
STATUS_COLOURS = {
    "erfüllt": "#1b3a5c",
    "teilweise": "#7296bc",
    "offen": "#c0562a",
    "nicht prüfbar": "#555555",
}


def design_of(concept: Concept) -> Design:
    """The look of every document of a municipality, from 'layout' in kommune.yaml."""
    layout = concept.layout
    return Design(
        primary=layout.primary,
        accent=layout.accent_colour,
        table_header=colours.header_fill(layout.primary),
        cover_line=layout.cover_line or "",
        cover_note=layout.cover_note or "",
        typeface=fonts.TYPEFACES[layout.typeface],
        heading_typeface=fonts.TYPEFACES[layout.headings_typeface],
    )


#: The longest running header that stays on one line in the smaller print of headers, in either
#: typeface (a serif runs wider): beyond it the publisher is named shortly.
HEADER_LENGTH = 95


def header_text(concept: Concept, title: str, publisher: str | None = None) -> str:
    """'Landkreis Musterkreis · Gesamtkonzept Frühe Hilfen': who publishes, then the document
    (the publisher as 'layout.kopfzeile' names it, if it does, unless the document names its own).
    Where 'layout.kopfzeile' and a long title would not fit one line, the municipality's name
    stands for the publisher (Neuhafen's header of the consent form wrapped onto two lines)."""
    first = publisher or concept.layout.header or concept.municipality.name
    if publisher is None and len(f"{first} · {title}") > HEADER_LENGTH:
        first = concept.municipality.name
    return f"{first} · {title}"


def concept_document(
    concept: Concept,
    body_html: str,
    *,
    title: str,
    stem: str,
    subject: str,
    keywords: str,
    footer_prefix: str = "",
    footer_suffix: str = "",
    footer: str | None = None,
    on: date | None = None,
    subtitle: str | None = None,
    publisher: str | None = None,
    **frame: Any,
) -> RenderedDocument:
    """A document that belongs to one Fassung of the concept: its frame names the Fassung and
    the Stand between `footer_prefix` and `footer_suffix` (or `footer`), its file name 'Gesamtkonzept_Musterkreis_2.0' the kind,
    municipality and Fassung; `on` dates it other than by the Stand, `subtitle` names more
    than the municipality, `publisher` heads the pages and the first page in place of the
    municipality's office."""
    municipality = concept.municipality
    version = concept.version
    stand = formatting.german_date(version.date)
    return RenderedDocument(
        body_html=body_html,
        title=title,
        subtitle=subtitle or municipality.name,
        # the sender line on the first page and the files' author: the publisher where the
        # document names one, so no line of it names the office instead
        author=(
            f"{concept.issuing_authority} · {publisher}"
            if publisher
            else concept.sender(municipality.youth_office)
        ),
        subject=f"{subject} – {municipality.name}",
        keywords=keywords,
        version=version.version,
        date=on or version.date,
        header_text=header_text(concept, title, publisher),
        footer_text=footer or f"{footer_prefix}Fassung {version.version} · Stand {stand}{footer_suffix}",
        file_stem=(f"{stem}_{safe_file_part(municipality.short_name)}_{safe_file_part(version.version)}"),
        logo=municipality.logo,
        logo_alt=f"Logo – {municipality.name}",
        design=design_of(concept),
        unbroken=unbroken_names(concept),
        **frame,
    )


#: The programme's name, never 'Frü-|he Hilfen' (layout review of a Kooperationsvereinbarung).
PROGRAMME_WORDS = ("Frühe", "Frühen")


def unbroken_names(concept: Concept) -> tuple[str, ...]:
    """The words of the municipality's name that the PDF never hyphenates: a hyphenation pattern
    knows no proper names and split 'Warnemark' as 'Warn-emark' (Mecklenburg-Vorpommern review).
    Words of five letters or more; the parts of a double name ('Saale-Bördeland') each; and the
    programme's name (:data:`PROGRAMME_WORDS`)."""
    words = re.split(r"[\s\-–/]+", concept.municipality.short_name)
    own = (w for w in words if len(w) >= 5 and w.isalpha())
    return tuple(dict.fromkeys([*own, *PROGRAMME_WORDS]))


def concept_chapters(
    concept: Concept,
    template_dir: TemplateSource = TEMPLATE_DIR,
    changes: ChangeSet | None = None,
    assessments: list[QualityAssessment] | None = None,
    figures: dict[str, Figure] | None = None,
) -> dict[str, str]:
    """Each chapter of the Gesamtkonzept as HTML, by template name.

    With `changes`, the Fortschreibung chapter lists what changed since the earlier Fassung.
    `assessments` are the quality results on the concept's Stand (computed here unless the
    caller already has them), one per dimension; `figures` the pictures by the key the
    templates use (``bilder.karte``), drawn here unless given.
    """
    quality = assess(concept) if assessments is None else assessments
    names = chapter_templates(template_dir, CONCEPT_CHAPTERS)
    pictures = all_figures(concept, quality) if figures is None else figures

    def render(numbers: dict[str, int] | None) -> dict[str, str]:
        context = {
            "k": concept,
            "aenderungen": changes,
            "q": quality,
            "bilder": pictures,
            CHAPTER_NUMBERS: numbers,
        }
        chapters = {
            name: render_template(template_dir, name, **context)
            for name in names
            if not name.endswith(ABBREVIATION_CHAPTER)
        }
        used = _abbreviations_in(chapters.values(), concept)
        for name in names:
            if name.endswith(ABBREVIATION_CHAPTER):  # lists what the other chapters use
                chapters[name] = render_template(template_dir, name, **context, abkuerzungen=used)
        return {name: chapters[name] for name in names}

    chapters = render(None)
    numbers = numbered(chapters)
    chapters_proper = [name for name in names if not is_front_matter(name)]
    if list(numbers.values()) != list(range(1, len(chapters_proper) + 1)):
        chapters = render(numbers)  # a chapter is left out: references count the ones there are
    return link_chapters(chapters)


def all_figures(concept: Concept, assessments: list[QualityAssessment]) -> dict[str, Figure]:
    """Every figure of the concept by the key its templates use (``bilder.zeitplan``)."""
    return concept_figures(concept) | model_figures(concept, assessments)


def render_concept(
    concept: Concept,
    template_dir: TemplateSource = TEMPLATE_DIR,
    changes: ChangeSet | None = None,
    assessments: list[QualityAssessment] | None = None,
) -> RenderedDocument:
    """All chapters of the Gesamtkonzept as one HTML body, plus the document's frame and figures."""
    assessments = assess(concept) if assessments is None else assessments
    figures = all_figures(concept, assessments)
    chapters = concept_chapters(concept, template_dir, changes, assessments, figures)
    return concept_document(
        concept,
        "\n".join(chapters.values()),
        title=CONCEPT_TITLE,
        footer_prefix=draft_prefix(concept),
        stem="Gesamtkonzept",
        subject="Systemübergreifendes Gesamtkonzept Frühe Hilfen",
        keywords="Frühe Hilfen; Gesamtkonzept; Netzwerk; KKG; Qualitätsentwicklung",
        category="Konzept",
        layout="konzept.typ",
        title_page=True,
        toc=True,
        numbered=True,
        figures=tuple(figures.values()),
    )


def draft_prefix(concept: Concept) -> str:
    """'Entwurf · ' before the Fassung on the cover and every page while the council is still to
    adopt it (layout review: published with the papers before the Kreistag's decision, the concept
    looked final); nothing once the decision is recorded, or where the inputs name none."""
    return "Entwurf · " if concept.awaiting_adoption else ""


def render_measure_plan(concept: Concept, template_dir: TemplateSource = TEMPLATE_DIR) -> RenderedDocument:
    """The Maßnahmenplan on its own, as an attachment to council papers."""
    return concept_document(
        concept,
        # with the abbreviations it uses: it travels on its own as an Anlage (Stadtverordnete: 'AWO',
        # 'FGKiKP' stood unexplained)
        _with_abbreviations(template_dir, "anlagen/massnahmenplan.html.j2", k=concept),
        title=MEASURE_PLAN_TITLE,
        stem="Massnahmenplan",
        subject="Maßnahmenplan zum Gesamtkonzept Frühe Hilfen",
        keywords="Frühe Hilfen; Maßnahmenplan; Gesamtkonzept",
        # a draft while the council is still to adopt it, as the concept (review from the signers' side)
        footer_prefix=f"{draft_prefix(concept)}Anlage zum Gesamtkonzept, ",
        category="Anlage",
        layout="dokument.typ",
        folder=products.PUBLIC_PAPERS,
    )


def _agreement_body(agreement: Agreement, template: str, template_dir: TemplateSource) -> str:
    return render_template(template_dir, f"vereinbarung/{template}.html.j2", k=agreement.concept, a=agreement)


def _agreement_document(agreement: Agreement, body: str, **frame: Any) -> RenderedDocument:
    """A document of the Kooperationsvereinbarung, in its folder beside the concept's Fassung."""
    return concept_document(
        agreement.concept, body, layout="dokument.typ", folder=products.AGREEMENT_FOLDER, **frame
    )


def render_agreement(agreement: Agreement, template_dir: TemplateSource = TEMPLATE_DIR) -> RenderedDocument:
    """The Kooperationsvereinbarung: parties, clauses, a signature block per party, annexes. Its
    footer carries a key of its text: two builds with other annexes looked alike on paper, and a
    signed page could not be matched to its text (review from the signers' side)."""
    concept = agreement.concept
    body = _agreement_body(agreement, "kooperationsvereinbarung", template_dir)
    return _agreement_document(
        agreement,
        body,
        title=generated_title("kooperationsvereinbarung", concept),
        stem="Kooperationsvereinbarung",
        subject=f"Kooperationsvereinbarung des {concept.network_name_gen}",
        keywords="Frühe Hilfen; Kooperationsvereinbarung; Netzwerk; § 3 KKG",
        # not for signing before the council adopted the concept it rests on (Rechtsamt's reading)
        footer_prefix=f"{draft_prefix(concept)}Grundlage: Gesamtkonzept Frühe Hilfen, ",
        footer_note=f"Textkennung {text_key(body)}",
        category="Kooperationsvereinbarung",
    )


def text_key(body_html: str) -> str:
    """Eight hex digits of the text a reader sees (not the markup): equal texts, equal keys."""
    # each text node apart: '<p>a</p><p>b</p>' is not the text 'ab'
    words = " ".join(" ".join(fragment(body_html).itertext()).split())
    return hashlib.sha256(words.encode("utf-8")).hexdigest()[:8]


#: Where the family writes its name on every page of the parents' form.
FAMILY_NAME_LINE = "_" * 18


def render_consent_form(agreement: Agreement, template_dir: TemplateSource = TEMPLATE_DIR) -> RenderedDocument:
    """The form parents fill in to let named network partners exchange defined information."""
    concept = agreement.concept
    return _agreement_document(
        agreement,
        _agreement_body(agreement, "einverstaendniserklaerung", template_dir),
        title=CONSENT_TITLE,
        subtitle=f"{concept.network_name} – {concept.municipality.name}",
        # the network's form, filled in at a clinic, a practice or a Träger: not headed by the
        # Jugendamt, which would put parents off and suggest it collects the data (city review)
        publisher=concept.network_name,
        stem="Einverstaendniserklaerung",
        subject="Vordruck: Einverständniserklärung und Schweigepflichtentbindung für Eltern",
        keywords="Frühe Hilfen; Einwilligung; Schweigepflichtentbindung; Datenschutz",
        # a line for the family's name on every page: the pages with the ticks belong to nobody
        # once separated or copied (data protection officer's review)
        footer=(
            # the network's name stands in the header; the footer keeps one line beside 'Seite 1 von 8'
            f"{draft_prefix(concept)}Vordruck, Stand {formatting.german_date(concept.version.date)} · "
            f"Name der Familie: {FAMILY_NAME_LINE}"
        ),
        category="Vordruck",
    )


def paper_file_stem(view: PaperView) -> str:
    """'JHA-2026-030_Kreistag': the paper's number and the body that decides it – for a paper that
    asks for no decision, the body it goes to first (the Jugendhilfeausschuss where it consults).
    A Kreistag's Beschlussvorlage named after the JHA misled the council's office (BW and
    Brandenburg reviews)."""
    deciding = view.deciding_committee
    body = view.concept.committee(deciding) if deciding is not None else view.lead_committee
    return f"{safe_file_part(view.paper.number)}_{safe_file_part(body.name)}"


def _abbreviations_in(bodies: Iterable[str], concept: Concept) -> list[tuple[str, str]]:
    """The abbreviations the text of these HTML bodies uses (tags left out), with their meaning;
    the laws of the municipality's Land among them."""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)) for body in bodies)
    own = ((a.short, a.meaning) for a in concept.municipality.abbreviations)
    return used_in(text, concept.municipality.state, own)


def _with_abbreviations(template_dir: TemplateSource, name: str, k: Concept, **context: Any) -> str:
    """A document whose end lists the abbreviations its text uses: rendered once without the
    list to find them, and again with it where there are any (a council member has no
    concept's list at hand: 'FGKiKP', 'VZÄ')."""
    body = render_template(template_dir, name, k=k, **context, abkuerzungen=[])
    used = _abbreviations_in([body], k)
    return render_template(template_dir, name, k=k, **context, abkuerzungen=used) if used else body


def render_paper(view: PaperView, template_dir: TemplateSource = TEMPLATE_DIR) -> RenderedDocument:
    """One council paper: header block, Beschlussvorschlag, Sachverhalt, finances, Anlagen."""
    paper = view.paper
    municipality = view.concept.municipality
    kind = view.concept.paper_kind(paper.kind)
    title = f"{kind} {paper.number}"
    publisher = view.concept.sender(paper.lead_office)  # the office in charge, on every page
    return RenderedDocument(
        body_html=_with_abbreviations(template_dir, "vorlage/vorlage.html.j2", k=view.concept, v=view),
        title=title,
        subtitle=paper.subject,
        author=publisher,
        subject=paper.subject,
        keywords=f"Frühe Hilfen; {kind}; {paper.number}",
        version=paper.number,
        date=paper.date,
        header_text=header_text(view.concept, title, publisher),
        footer_text=f"{title} vom {formatting.german_date(paper.date)}",
        file_stem=paper_file_stem(view),
        category=kind,
        layout="dokument.typ",
        folder=products.paper_folder(paper.public),
        logo=municipality.logo,
        logo_alt=f"Logo – {municipality.name}",
        design=design_of(view.concept),
        unbroken=unbroken_names(view.concept),
        source_file=view.concept.paper_files.get(paper.number, ""),
    )


def status_figure(assessment: QualityAssessment) -> Figure:
    """The overview chart of a quality assessment for the network's working copy: one stacked
    bar of statuses per theme."""
    catalog = assessment.catalog
    statuses = assessment.statuses
    rows = [(f"{catalog.theme_number(t)} {t.title}", assessment.counts(t)) for t in catalog.themes]
    series = [
        (f"{status} ({n})", STATUS_COLOURS[status])
        for status, n in zip(statuses, assessment.counts(), strict=True)
    ]
    title = f"Stand der Daten je Thema der Qualitätsdimension {catalog.dimension.number}"
    values = tuple(
        f"{label}: " + ", ".join(f"{n} {status}" for status, n in zip(statuses, counts, strict=True) if n) + "."
        for label, counts in rows
    )
    # 'Zielaussagen' as the caption and the text count them: the concept's 'Ziele' are Z1 … Z4 (figure review)
    chart = stacked_bars(rows, series, ("Zielaussage", "Zielaussagen"), title)
    return Figure("statusuebersicht.svg", chart, f"{title} als gestapeltes Balkendiagramm.", values=values)


def source_lines(assessment: QualityAssessment, locate: Callable[[Place], Place]) -> dict[Finding, str]:
    """For the working copy: where each observation stands in the inputs ('Quelle: gremien.yaml,
    Zeile 34: gremien[1].berichte'), or where the missing fact belongs."""
    lines = {}
    for result in assessment.results:
        for found in result.evidence:
            places = "; ".join(locate(p).reference for p in found.places)
            lines[found] = (
                f"Angabe fehlt – einzutragen in: {places}" if found.level == UNKNOWN else f"Quelle: {places}"
            )
    return lines


def render_quality_dialogue(
    assessment: QualityAssessment,
    template_dir: TemplateSource = TEMPLATE_DIR,
    *,
    working_copy: bool = False,
    locate: Callable[[Place], Place] | None = None,
) -> RenderedDocument:
    """The paper for the quality dialogue: the goals with the hints from the data, prepared
    questions. The paper for politicians names no files, fields or grades; the network's
    `working_copy` adds where each hint stands in the inputs (at its line, with `locate`) and
    the status of each goal with its chart."""
    concept = assessment.concept
    dimension = assessment.catalog.dimension
    figure = status_figure(assessment) if working_copy else None
    sources = source_lines(assessment, locate or (lambda place: place)) if working_copy else None
    suffix = f" – {WORKING_COPY}" if working_copy else ""
    return concept_document(
        concept,
        render_template(
            template_dir,
            "qualitaetsdialog/qualitaetsdialog.html.j2",
            k=concept,
            r=assessment,
            bild=figure,
            quelle=sources.get if sources is not None else None,
        ),
        title=f"{QUALITY_TITLE}: {dimension.title}{suffix}",
        stem=f"Qualitaetsdialog-Dimension-{dimension.number}" + (f"-{WORKING_COPY}" if working_copy else ""),
        subject=(
            f"Gesprächsunterlage zur Qualitätsdimension {dimension.number} „{dimension.title}“ der Frühen Hilfen"
            + (f" ({WORKING_COPY} für das Netzwerk)" if working_copy else "")
        ),
        keywords=f"Frühe Hilfen; Qualitätsdialog; Qualitätsrahmen; {dimension.title}",
        footer=(f"{WORKING_COPY} für das Netzwerk" if working_copy else "Gesprächsunterlage")
        + f" · Datenstand {formatting.german_date(assessment.reference_date)}",
        on=assessment.reference_date,
        category=QUALITY_TITLE,
        layout="dokument.typ",
        folder=products.QUALITY,
        figures=(figure,) if figure else (),
    )


def render_revision_list(
    items: list[Any],
    copies: list[str],
    today: date,
    notes: list[str] | None = None,
    template_dir: TemplateSource = TEMPLATE_DIR,
) -> RenderedDocument:
    """The Überarbeitungsliste of returned drafts, grouped by chapter in the document's order."""
    sections: dict[str, list[Any]] = {}  # the points under each heading, in order (drafts.merge sets them)
    for item in items:
        sections.setdefault(item.section, []).append(item)
    title = "Überarbeitungsliste"
    return RenderedDocument(
        body_html=render_template(
            template_dir,
            "ueberarbeitung/liste.html.j2",
            abschnitte=list(sections.items()),
            anzahl_punkte=len(items),
            exemplare=copies,
            hinweise=notes or [],
        ),
        title=title,
        subtitle=", ".join(copies),
        author="Netzwerkkoordination Frühe Hilfen",
        subject=f"Überarbeitungsliste zu {', '.join(copies)}",
        keywords="Frühe Hilfen; Überarbeitung; Kommentare",
        version="",
        date=today,
        header_text=title,
        footer_text=f"{title} vom {formatting.german_date(today)}",
        file_stem=f"Ueberarbeitungsliste_{safe_file_part(Path(copies[0]).stem)}",
        category=title,
        layout="dokument.typ",
    )


# --- a build's documents -----------------------------------------------------------------------


@dataclass(frozen=True)
class RenderedPaper:
    """A council paper's view (for its OParl record and attachments) and its document."""

    view: PaperView
    document: RenderedDocument


@dataclass(frozen=True)
class RenderedSet:
    """Every document of a build: generated attachments by kind ('gesamtkonzept',
    'massnahmenplan'), the papers, the quality dialogues, and the folders the build writes whole."""

    attachments: dict[str, RenderedDocument] = field(default_factory=dict)
    papers: list[RenderedPaper] = field(default_factory=list)
    dialogues: list[RenderedDocument] = field(default_factory=list)
    owned_folders: tuple[str, ...] = ()
    #: Documents also (or only) written as one self-contained HTML page, and workbooks (XLSX).
    pages: list[RenderedDocument] = field(default_factory=list)
    workbooks: list[Workbook] = field(default_factory=list)
    #: The numbers of the papers already deliberated (vorlagen/beraten/): not built again, their
    #: files in the output folder left as they are (:func:`pipeline.export.manifest.deliberated_files`).
    deliberated: tuple[str, ...] = ()

    @property
    def documents(self) -> list[RenderedDocument]:
        """All documents, in the order they are converted and written."""
        return [*self.attachments.values(), *(p.document for p in self.papers), *self.dialogues]


def render_products(
    concept: Concept,
    keys: Iterable[str],
    template_dir: TemplateSource = TEMPLATE_DIR,
    changes: ChangeSet | None = None,
    *,
    draft: bool = False,
    working_copy: bool = False,
    locate: Callable[[Place], Place] | None = None,
) -> RenderedSet:
    """The documents of the products asked for; papers always come with the attachments they
    list, so their OParl records describe files that exist. `draft` marks every page as ENTWURF
    and numbers the lines of the Word files. `working_copy` adds the network's working copy of
    the Qualitätsdialog, its sources at the lines `locate` finds."""
    wanted = set(keys)
    views = paper_views(concept) if products.PAPERS.key in wanted else []
    needed = {kind for view in views for kind in view.generated_attachments}
    assessments = assess(concept)
    attachments: dict[str, RenderedDocument] = {}
    if products.CONCEPT.key in wanted or "gesamtkonzept" in needed:
        attachments["gesamtkonzept"] = render_concept(concept, template_dir, changes, assessments)
    if "massnahmenplan" in needed:
        attachments["massnahmenplan"] = render_measure_plan(concept, template_dir)
    attachments |= agreement_documents(concept.agreement, wanted, needed, template_dir)
    papers = [RenderedPaper(view, render_paper(view, template_dir)) for view in views]
    dialogues = (
        [render_quality_dialogue(a, template_dir) for a in assessments]
        + (
            [render_quality_dialogue(a, template_dir, working_copy=True, locate=locate) for a in assessments]
            if working_copy
            else []
        )
        if products.QUALITY_DIALOGUE.key in wanted
        else []
    )
    # the folder of an agreement that continues is not the build's: its signed files stay
    continues = concept.agreement is not None and concept.agreement.settings.continues
    owned = tuple(
        f
        for p in products.PRODUCTS
        if p.key in wanted and p.owns_folders
        for f in p.folders
        if not (continues and f == products.AGREEMENT_FOLDER)
    )
    pages = []
    if products.WEB_PAGE.key in wanted:
        pages.append(
            attachments.get("gesamtkonzept") or render_concept(concept, template_dir, changes, assessments)
        )
    workbooks = [workbook(concept)] if products.WORKBOOK.key in wanted else []
    done = tuple(sorted(concept.deliberated)) if products.PAPERS.key in wanted else ()
    rendered = RenderedSet(attachments, papers, dialogues, owned, pages, workbooks, done)
    return _marked_as_draft(rendered) if draft else rendered


def agreement_documents(
    agreement: Agreement | None, wanted: set[str], needed: set[str], template_dir: TemplateSource = TEMPLATE_DIR
) -> dict[str, RenderedDocument]:
    """The Kooperationsvereinbarung and the consent form, by kind, when the product is asked for
    or a paper attaches them – and only if the inputs have the section for them and it is not the
    one signed with an earlier Fassung that continues ('fortgeltend')."""
    if agreement is None or agreement.settings.continues:
        return {}  # the one signed with an earlier Fassung stays as it was signed
    whole = products.AGREEMENT.key in wanted
    documents = {}
    if whole or "kooperationsvereinbarung" in needed:
        documents["kooperationsvereinbarung"] = render_agreement(agreement, template_dir)
    if agreement.has_consent_form and (whole or "einverstaendniserklaerung" in needed):
        documents["einverstaendniserklaerung"] = render_consent_form(agreement, template_dir)
    return documents


def _marked_as_draft(rendered: RenderedSet) -> RenderedSet:
    def mark(doc: RenderedDocument) -> RenderedDocument:
        return dataclasses.replace(doc, draft=True)

    return RenderedSet(
        {kind: mark(doc) for kind, doc in rendered.attachments.items()},
        [RenderedPaper(p.view, mark(p.document)) for p in rendered.papers],
        [mark(d) for d in rendered.dialogues],
        rendered.owned_folders,
        [mark(d) for d in rendered.pages],
        rendered.workbooks,
    )
