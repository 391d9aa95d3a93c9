"""Stage 4: turn the model into one intermediate document (HTML) through Jinja2 templates.

HTML is the one intermediate form: Jinja's autoescaping makes every value from the inputs plain
text, so Markdown, Typst, LaTeX, HTML or Jinja syntax typed by a user stays literal; pandoc then
writes Word and Typst from it. Templates run sandboxed and read-only with strict undefined
variables, so a template asking for something the model lacks stops the build with its name and
line instead of leaving a gap.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup

from pipeline import formatting
from pipeline.changes import ChangeSet
from pipeline.charts import stacked_bars
from pipeline.errors import TemplateFailure
from pipeline.formatting import safe_file_part
from pipeline.model import Concept
from pipeline.papers import GENERATED_TITLES, PaperView
from pipeline.provenance import SourceLines
from pipeline.qualitaet.review import QualityReview, quality_reviews

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"
CONCEPT_CHAPTERS = "konzept"
CONCEPT_TITLE = GENERATED_TITLES["gesamtkonzept"]
MEASURE_PLAN_TITLE = GENERATED_TITLES["massnahmenplan"]
QUALITY_TITLE = "Qualitätsdialog"
#: Colours of the statuses in charts; the text always names the status too.
STATUS_COLOURS = {
    "erfüllt": "#2e7d32",
    "teilweise": "#f2c94c",
    "offen": "#c62828",
    "nicht prüfbar": "#b0b0b0",
}


@dataclass(frozen=True)
class Figure:
    """A picture the body refers to by `name` (<img src="name">): SVG for the PDF, turned into
    PNG for Word; `alt` is its text alternative for screen readers."""

    name: str
    svg: str
    alt: str


@dataclass(frozen=True)
class RenderedDocument:
    """The intermediate form handed to the exporters: body plus what frames it.

    `layout` names the Typst page layout in templates/; `title_page` gives the document a page of
    its own for the title (and a table of contents when `toc` is set); `folder` is the subfolder of
    the output folder the files go to.
    """

    body_html: str
    title: str
    subtitle: str
    author: str
    subject: str
    keywords: str
    version: str
    date: date
    header_text: str
    footer_text: str
    file_stem: str
    category: str
    layout: str
    title_page: bool = False
    toc: bool = False
    numbered: bool = False
    folder: str = ""
    lang: str = "de-DE"
    logo: Path | None = None
    logo_alt: str = ""
    draft: bool = False
    figures: tuple[Figure, ...] = ()


def paragraphs(text: str) -> Markup:
    """Blank-line separated user text → escaped <p> blocks (single newlines become spaces)."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text or "") if b.strip()]
    return Markup("\n").join(Markup("<p>{}</p>").format(" ".join(b.split())) for b in blocks)


def columns(titles: list[str], width: float, align: str = "l") -> list[tuple[str, float, str]]:
    """Equal-width table columns, e.g. one per measure in the Zuständigkeitsmatrix."""
    return [(title, width, align) for title in titles]


def environment(template_dir: Path = TEMPLATE_DIR) -> jinja2.Environment:
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=[SourceLines],
    )
    env.filters.update(
        datum=formatting.german_date,
        euro=formatting.euro,
        zahlwort=formatting.number_word,
        euro_differenz=formatting.signed_euro,
        zahl=formatting.number,
        prozent=formatting.percent,
        mit_einheit=formatting.with_unit,
        absaetze=paragraphs,
        aufzaehlung=formatting.enumeration,
        satzanfang=formatting.sentence_start,
        turnus=formatting.every_years,
        monatsturnus=formatting.every_months,
    )
    env.globals.update(anzahl=formatting.count, spalten=columns)
    return env


def _shown(filename: str, template_dir: Path) -> str:
    try:
        return str(Path(filename).resolve().relative_to(template_dir.resolve().parent))
    except ValueError:
        return filename


def _template_location(error: BaseException, template_dir: Path) -> str:
    """'templates/konzept/05_ziele.html.j2:12' from a Jinja error or its traceback."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return f"{_shown(error.filename, template_dir)}:{error.lineno}"
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{_shown(frame.filename, template_dir)}:{frame.lineno}"
    return "Vorlage"


def render_template(env: jinja2.Environment, name: str, **context: object) -> str:
    template_dir = Path(env.loader.searchpath[0])  # type: ignore[union-attr]
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound as error:
        raise TemplateFailure(f"Vorlage '{error.name}' nicht gefunden in {template_dir}.") from None
    except (
        jinja2.TemplateError,
        SecurityError,
        AttributeError,
        TypeError,
        KeyError,
        StopIteration,
        ArithmeticError,
        ValueError,
    ) as error:
        where = _template_location(error, template_dir)
        raise TemplateFailure(f"{where}: Fehler in der Vorlage: {error}") from None


def chapter_templates(env: jinja2.Environment, folder: str) -> list[str]:
    """Chapter templates of a document kind, in file-name order (01_…, 02_…)."""
    return sorted(
        name
        for name in env.list_templates(extensions=["j2"])
        if name.startswith(folder + "/") and not Path(name).name.startswith("_")
    )


def concept_document(
    concept: Concept,
    body_html: str,
    *,
    title: str,
    stem: str,
    subject: str,
    keywords: str,
    footer_prefix: str = "",
    footer: str | None = None,
    on: date | None = None,
    **frame,
) -> RenderedDocument:
    """A document that belongs to one Fassung of the concept: its frame names the Fassung and
    the Stand (or `footer`), its file name 'Gesamtkonzept_Musterkreis_2.0' the kind,
    municipality and Fassung; `on` dates it other than by the Stand."""
    municipality = concept.municipality
    version = concept.version
    stand = formatting.german_date(version.date)
    return RenderedDocument(
        body_html=body_html,
        title=title,
        subtitle=municipality.name,
        author=f"{municipality.youth_welfare_authority}, {municipality.youth_office}",
        subject=f"{subject} – {municipality.name}",
        keywords=keywords,
        version=version.version,
        date=on or version.date,
        header_text=f"{municipality.name} · {title}",
        footer_text=footer or f"{footer_prefix}Fassung {version.version} · Stand {stand}",
        file_stem=(f"{stem}_{safe_file_part(municipality.short_name)}_{safe_file_part(version.version)}"),
        logo=municipality.logo,
        logo_alt=f"Logo – {municipality.name}",
        **frame,
    )


def render_concept(
    concept: Concept,
    template_dir: Path = TEMPLATE_DIR,
    changes: ChangeSet | None = None,
    reviews: list[QualityReview] | None = None,
) -> RenderedDocument:
    """All chapters of the Gesamtkonzept as one HTML body, plus the document's frame.

    With `changes`, the Fortschreibung chapter lists what changed since the earlier Fassung.
    `reviews` are the quality findings on the concept's Stand (computed here unless the caller
    already has them), keyed for the templates by the dimension's id.
    """
    env = environment(template_dir)
    reviews = quality_reviews(concept) if reviews is None else reviews
    quality = {r.catalog.dimension.id: r for r in reviews}
    chapters = [
        render_template(env, name, k=concept, aenderungen=changes, q=quality)
        for name in chapter_templates(env, CONCEPT_CHAPTERS)
    ]
    return concept_document(
        concept,
        "\n".join(chapters),
        title=CONCEPT_TITLE,
        stem="Gesamtkonzept",
        subject="Systemübergreifendes Gesamtkonzept Frühe Hilfen",
        keywords="Frühe Hilfen; Gesamtkonzept; Netzwerk; KKG; Qualitätsentwicklung",
        category="Konzept",
        layout="konzept.typ",
        title_page=True,
        toc=True,
        numbered=True,
    )


def render_measure_plan(concept: Concept, template_dir: Path = TEMPLATE_DIR) -> RenderedDocument:
    """The Maßnahmenplan on its own, as an attachment to council papers."""
    env = environment(template_dir)
    return concept_document(
        concept,
        render_template(env, "anlagen/massnahmenplan.html.j2", k=concept),
        title=MEASURE_PLAN_TITLE,
        stem="Massnahmenplan",
        subject="Maßnahmenplan zum Gesamtkonzept Frühe Hilfen",
        keywords="Frühe Hilfen; Maßnahmenplan; Gesamtkonzept",
        footer_prefix="Anlage zum Gesamtkonzept, ",
        category="Anlage",
        layout="dokument.typ",
        folder="vorlagen",
    )


def paper_file_stem(view: PaperView) -> str:
    """'JHA-2026-030_Jugendhilfeausschuss': the paper's number and the body it goes to first."""
    return f"{safe_file_part(view.paper.number)}_{safe_file_part(view.lead_committee.name)}"


def render_paper(view: PaperView, template_dir: Path = TEMPLATE_DIR) -> RenderedDocument:
    """One council paper: header block, Beschlussvorschlag, Sachverhalt, finances, Anlagen."""
    env = environment(template_dir)
    paper = view.paper
    municipality = view.concept.municipality
    title = f"{paper.kind} {paper.number}"
    return RenderedDocument(
        body_html=render_template(env, "vorlage/vorlage.html.j2", k=view.concept, v=view),
        title=title,
        subtitle=paper.subject,
        author=f"{municipality.name}, {paper.lead_office}",
        subject=paper.subject,
        keywords=f"Frühe Hilfen; {paper.kind}; {paper.number}",
        version=paper.number,
        date=paper.date,
        header_text=f"{municipality.name} · {title}",
        footer_text=f"{title} vom {formatting.german_date(paper.date)}",
        file_stem=paper_file_stem(view),
        category=paper.kind,
        layout="dokument.typ",
        folder="vorlagen" if paper.public else "vorlagen-nichtoeffentlich",
        logo=municipality.logo,
        logo_alt=f"Logo – {municipality.name}",
    )


def render_review(
    items: list, copies: list[str], today: date, template_dir: Path = TEMPLATE_DIR
) -> RenderedDocument:
    """The review list of returned drafts, grouped by chapter in the order of the document."""
    env = environment(template_dir)
    chapters = list(dict.fromkeys(i.chapter for i in items))
    sections = [(chapter, [i for i in items if i.chapter == chapter]) for chapter in chapters]
    title = "Überarbeitungsliste"
    return RenderedDocument(
        body_html=render_template(
            env, "ueberarbeitung/liste.html.j2", abschnitte=sections, anzahl_punkte=len(items), exemplare=copies
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


def status_figure(review: QualityReview) -> Figure:
    """The overview chart of a quality review: one stacked bar of statuses per theme."""
    catalog = review.catalog
    rows = [(f"{catalog.theme_number(t)} {t.title}", review.counts(t)) for t in catalog.themes]
    series = [
        (f"{status} ({n})", STATUS_COLOURS[status])
        for status, n in zip(review.statuses, review.counts(), strict=True)
    ]
    title = f"Befunde je Thema der Qualitätsdimension {catalog.dimension.number}"
    alt = f"{title} als gestapeltes Balkendiagramm. " + " ".join(
        f"{label}: "
        + ", ".join(f"{n} {status}" for status, n in zip(review.statuses, counts, strict=True) if n)
        + "."
        for label, counts in rows
    )
    return Figure("statusuebersicht.svg", stacked_bars(rows, series, ("Ziel", "Ziele"), title), alt)


def render_quality_dialogue(review: QualityReview, template_dir: Path = TEMPLATE_DIR) -> RenderedDocument:
    """The paper for the quality dialogue: chart, findings with evidence, prepared questions."""
    env = environment(template_dir)
    concept = review.concept
    dimension = review.catalog.dimension
    figure = status_figure(review)
    return concept_document(
        concept,
        render_template(env, "qualitaetsdialog/qualitaetsdialog.html.j2", k=concept, r=review, bild=figure),
        title=f"{QUALITY_TITLE}: {dimension.title}",
        stem=f"Qualitaetsdialog-Dimension-{dimension.number}",
        subject=(
            f"Gesprächsunterlage zur Qualitätsdimension {dimension.number} „{dimension.title}“ der Frühen Hilfen"
        ),
        keywords=f"Frühe Hilfen; Qualitätsdialog; Qualitätsrahmen; {dimension.title}",
        footer=f"Gesprächsunterlage · Datenstand {formatting.german_date(review.reference_date)}",
        on=review.reference_date,
        category=QUALITY_TITLE,
        layout="dokument.typ",
        folder="qualitaet",
        figures=(figure,),
    )
