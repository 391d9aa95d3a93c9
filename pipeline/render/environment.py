"""The Jinja environment every template runs in, and what a template error tells the user.

Templates run sandboxed and read-only with strict undefined variables: a template asking for
something the model lacks stops the build with its file and line instead of leaving a gap, and
no template can change the model. Jinja's autoescaping makes every value from the inputs plain
text in the HTML, so Markdown, Typst, LaTeX, HTML or Jinja syntax typed by a user stays literal.
Filters and globals carry the German conventions (dates, money, counts in words); templates
format, they do not compute.
"""

from __future__ import annotations

import difflib
import hashlib
import math
import re
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from pipeline import formatting
from pipeline.errors import TemplateFailure
from pipeline.model import grammar
from pipeline.model.agreement import NAME_AND_ROLE
from pipeline.model.concept import Concept
from pipeline.model.resources import budget_label
from pipeline.model.topics import languages_shown
from pipeline.render.document import TEMPLATE_DIR, UNNUMBERED, figure_parts
from pipeline.render.provenance import SourceLines
from pipeline.user_cache import cache_folder

#: A table column: (title, width in per cent, alignment l/r/c).
Column = tuple[object, float, str]


def paragraphs(text: str, label: str | None = None) -> Markup:
    """Blank-line separated user text → escaped <p> blocks (single newlines become spaces); a
    `label` ('Rolle im Netzwerk:') opens the first in bold, on the same line, so it can never
    stand alone at the foot of a page."""
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text or "") if b.strip()]
    shown = [Markup("<p>{}</p>").format(b) for b in blocks]
    if label and blocks:
        shown[0] = Markup("<p><strong>{}</strong> {}</p>").format(label, blocks[0])
    return Markup("\n").join(shown)


def with_unit(value: Decimal | int | float, unit: str, places: int | None = None) -> str:
    """'1 Bericht pro Jahr', '2 Berichte pro Jahr': the unit in the number its value needs."""
    return formatting.with_unit(value, grammar.unit_for(value, unit), places)


def columns(titles: list[object], width: float, align: str = "l") -> list[Column]:
    """Equal-width table columns, e.g. one per measure in the Zuständigkeitsmatrix."""
    return [(title, width, align) for title in titles]


#: Room for a total over a span of years ('Summe 2026–2027'), the widest title of an amount table:
#: narrower, its header wrapped after the dash ('Summe 2026–/2027', finance review).
SPAN_TOTAL_WIDTH = 20


def amount_columns(first: str, titles: list[object], widest: float, share: float) -> list[Column]:
    """A label column and right-aligned amount columns sharing `share` per cent of the width,
    none wider than `widest`, a last column totalling a span of years at least
    :data:`SPAN_TOTAL_WIDTH`; the label column takes the rest."""
    width = min(widest, share / len(titles))
    last = max(width, SPAN_TOTAL_WIDTH) if "–" in str(titles[-1]) else width
    amounts = [*columns(titles[:-1], width, "r"), *columns(titles[-1:], last, "r")]
    return [(first, 100 - width * (len(titles) - 1) - last, "l"), *amounts]


def row_columns(fixed: list[Column], titles: list[object], share: float | None = None) -> list[Column]:
    """Fixed columns (title, width, alignment) followed by right-aligned amount columns sharing
    the rest of the width (or `share` per cent) equally."""
    rest = 100 - sum(width for _, width, _ in fixed) if share is None else share
    return [*fixed, *columns(titles, rest / len(titles), "r")] if titles else list(fixed)


def matrix_columns(first: str, titles: list[object], share: float = 74, widest: float = 100) -> list[Column]:
    """A label column and narrow centred columns sharing `share` per cent of the width (the
    Zuständigkeitsmatrix: one per measure), none wider than `widest` per cent, widths cut to a
    tenth of a per cent: with few measures the label column keeps the rest, so the actors' names
    need fewer lines."""
    width = min(widest, math.floor(share / len(titles) * 10) / 10)
    return [(first, 100 - width * len(titles), "l"), *columns(titles, width, "c")]


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Templates compiled once and kept on disk: compiling them took a third of a build that
    changed nothing. Jinja recompiles a template whose text changed; the key also covers what
    shapes the compiled code beyond the text (the extension marking lines, Jinja's version)."""

    def __init__(self, directory: Path) -> None:
        super().__init__(str(directory))
        source = Path(__file__).with_name("provenance.py").read_bytes() + jinja2.__version__.encode()
        self.salt = hashlib.sha256(source).hexdigest()[:16]

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{self.salt}:{name}", filename)


#: How many compiled templates the cache keeps: every version of the tool and every folder of
#: own templates adds its own, so the oldest beyond this number are removed (compiled again
#: when needed). A build uses about 60.
KEPT_COMPILED = 2000


def compiled_templates() -> jinja2.BytecodeCache | None:
    """The cache of compiled templates in the user's cache folder (:mod:`pipeline.user_cache`);
    None where there is none to be had: templates are then compiled."""
    folder = cache_folder("vorlagen", KEPT_COMPILED, ".cache")
    return _CompiledTemplates(folder) if folder else None


#: The folder in a municipality's inputs whose templates replace the project's of the same name.
OVERRIDE_FOLDER = "templates"


@dataclass(frozen=True)
class Templates:
    """Where the templates of a build come from: the project's folder and, if the municipality
    has one, its own folder (inputs/<k>/templates/), whose files replace the project's templates
    of the same name – a chapter, a block file such as _bausteine.html.j2 – for it alone."""

    folder: Path = TEMPLATE_DIR
    overrides: Path | None = None
    #: The names of the municipality's own templates: part of the key of the shared environment,
    #: so a template added while watching replaces the project's at the next build.
    names: tuple[str, ...] = ()

    @classmethod
    def of(cls, inputs: Path, folder: Path = TEMPLATE_DIR) -> Templates:
        """The templates for a municipality's input folder: with its own, if it has any."""
        own = inputs / OVERRIDE_FOLDER
        if not own.is_dir():
            return cls(folder)
        return cls(folder, own.resolve(), tuple(jinja2.FileSystemLoader(str(own)).list_templates()))


#: A template folder, or a folder with a municipality's own templates over it.
TemplateSource = Path | Templates


def _templates(source: TemplateSource) -> Templates:
    return source if isinstance(source, Templates) else Templates(source)


def _replaced_only(templates: Templates) -> None:
    """Each of a municipality's own templates must replace one of the project: a misspelt name
    would otherwise be ignored (or become a chapter of its own) without a word."""
    if templates.overrides is None:
        return
    project = set(jinja2.FileSystemLoader(str(templates.folder)).list_templates())
    own = jinja2.FileSystemLoader(str(templates.overrides)).list_templates()
    for name in own:
        if name.endswith(".j2") and name not in project:
            similar = difflib.get_close_matches(name, sorted(project), n=1)
            hint = f" Gemeint ist vielleicht '{similar[0]}'." if similar else ""
            raise TemplateFailure(
                f"{_shown(str(templates.overrides / name), templates)}: Eine Dokumentvorlage '{name}' gibt es im "
                f"Werkzeug nicht, diese Datei ersetzt also keine.{hint} Eigene Dokumentvorlagen tragen den Namen "
                "und Unterordner der Vorlage, die sie ersetzen, z. B. 'konzept/01_einleitung.html.j2'."
            )


def environment(template_dir: TemplateSource = TEMPLATE_DIR) -> jinja2.Environment:
    """One environment per template folder (and municipality's own templates), shared by every
    document of a build."""
    return _environment(_templates(template_dir))


class _Sandbox(ImmutableSandboxedEnvironment):
    """The read-only sandbox, remembering which attributes are safe: Jinja's answer depends only
    on the object's type and the attribute's name (a name with an underscore, a function's
    internals, a method that changes a list, set or dict), and asking it anew on every access
    took a fifth of the time to render a concept of 500 measures."""

    def __init__(self, **options: object) -> None:
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: object, attr: str, value: object) -> bool:
        key = (type(obj), attr)
        known = self._safe.get(key)
        if known is None:
            known = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return known


@cache
def _environment(templates: Templates) -> jinja2.Environment:
    _replaced_only(templates)
    project = jinja2.FileSystemLoader(str(templates.folder))
    loader: jinja2.BaseLoader = (
        jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(templates.overrides)), project])
        if templates.overrides is not None
        else project
    )
    env = _Sandbox(
        loader=loader,
        bytecode_cache=compiled_templates(),
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
        euro_oder_strich=formatting.euro_or_dash,
        betrag_oder_strich=formatting.amount_or_dash,
        mit_zusatz=formatting.with_note,
        zahlwort=formatting.number_word,
        anteil=formatting.share_word,
        alle=formatting.all_of,
        euro_differenz=formatting.signed_euro,
        zahl=formatting.number,
        prozent=formatting.percent,
        mit_einheit=with_unit,
        absaetze=paragraphs,
        aufzaehlung=formatting.enumeration,
        aufzaehlung_namen=formatting.enumeration_of_names,
        satzanfang=formatting.sentence_start,
        satzmitte=formatting.in_running_text,
        satzende=formatting.sentence_end,
        turnus=formatting.every_years,
        monatsturnus=formatting.every_months,
        sprachen=languages_shown,
        haushaltsstand=budget_label,
        teile=figure_parts,
        im_land=formatting.in_state,
        bei_name=grammar.at_name,
        der_beschluesse=formatting.of_decisions,
    )
    env.globals.update(
        anzahl=formatting.count,
        numerus=formatting.agree,
        spalten=columns,
        betragsspalten=amount_columns,
        matrixspalten=matrix_columns,
        zeilenspalten=row_columns,
        kapitel=_chapter_reference(templates),
        vorlagen=formatting.papers_text,
        namenszeile=NAME_AND_ROLE,
    )
    return env


def _shown(filename: str, templates: Templates) -> str:
    """A template's file as the user finds it: 'templates/konzept/05_ziele.html.j2', a
    municipality's own as 'neuhafen/templates/konzept/01_einleitung.html.j2'."""
    path = Path(filename).resolve()
    bases = [templates.folder.resolve().parent]
    if templates.overrides is not None:
        bases.insert(0, templates.overrides.parent.parent)
    for base in bases:
        if path.is_relative_to(base):
            return str(path.relative_to(base))
    return filename


def _template_location(error: BaseException, template_dir: Templates) -> str:
    """'templates/konzept/05_ziele.html.j2:12' from a Jinja error or its traceback."""
    if isinstance(error, jinja2.TemplateSyntaxError) and error.filename:
        return f"{_shown(error.filename, template_dir)}:{error.lineno}"
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".j2"):
            return f"{_shown(frame.filename, template_dir)}:{frame.lineno}"
    return "Dokumentvorlage"


def render_template(template_dir: TemplateSource, name: str, **context: object) -> str:
    """One template rendered with the model; a broken template becomes a TemplateFailure that
    names its file and line ('Dokumentvorlage', never 'Vorlage', which means a council paper) –
    a municipality's own template by its path in the inputs."""
    templates = _templates(template_dir)
    env = environment(templates)
    concept = context.get("k")
    if isinstance(concept, Concept):
        # the money words of the municipality's budget system, which every money table needs
        context.setdefault("w", concept.budget.terms)
    try:
        return formatting.bind_citations(env.get_template(name).render(**context))
    except jinja2.TemplateNotFound as error:
        raise TemplateFailure(f"Dokumentvorlage '{error.name}' nicht gefunden in {templates.folder}.") from None
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
        where = _template_location(error, templates)
        raise TemplateFailure(f"{where}: Fehler in der Dokumentvorlage: {_short(str(error))}") from None


#: How much of Jinja's own message a template error shows: a message may carry the whole
#: model's representation (a filter given an object), tens of thousands of characters.
MESSAGE_LENGTH = 300


def _short(message: str) -> str:
    return message if len(message) <= MESSAGE_LENGTH else message[:MESSAGE_LENGTH].rstrip() + " …"


def chapter_number(template_dir: TemplateSource, name: str) -> int:
    """The number of a concept chapter by its template's name without the order prefix
    ('ressourcen' for 12_ressourcen.html.j2): chapters refer to each other this way, so a new
    chapter between two others renumbers every reference."""
    stems = [_stem(c) for c in chapter_templates(template_dir, "konzept")]
    if name not in stems:
        raise jinja2.TemplateRuntimeError(f"Ein Kapitel '{name}' gibt es nicht; bekannt: {', '.join(stems)}.")
    chapters = [_stem(c) for c in chapter_templates(template_dir, "konzept") if not is_front_matter(c)]
    return chapters.index(name) + 1 if name in chapters else 0


#: Templates of the front matter (Vorwort, Das Wichtigste in Kürze) start with this: they stand
#: before chapter 1, and their headings carry no number.
FRONT_MATTER = "00"
#: A heading without a number, as the chapter templates write it.
UNNUMBERED_CLASS = f'class="{UNNUMBERED}"'


def is_front_matter(template: str) -> bool:
    """Whether a concept template belongs to the front matter ('konzept/00b_kurzfassung.html.j2')."""
    return Path(template).name.startswith(FRONT_MATTER)


#: The context variable with the numbers of the chapters a concept has (see :func:`numbered`).
CHAPTER_NUMBERS = "kapitelnummern"


def _stem(template: str) -> str:
    """'ressourcen' for 'konzept/12_ressourcen.html.j2'."""
    return Path(template).name.removesuffix(".html.j2").split("_", 1)[-1]


def _chapter_reference(template_dir: TemplateSource) -> Callable[..., Markup]:
    """The template global `kapitel("name")`: a chapter's number by its template's name, counted
    among the chapters this concept has when the renderer knows them, else in file order.

    The number is a link to the chapter (see :func:`link_chapters`): Word makes it a
    cross-reference field that renumbers with the chapters, the PDF a link to the heading."""

    @jinja2.pass_context
    def kapitel(context: jinja2.runtime.Context, name: str) -> Markup:
        numbers = context.get(CHAPTER_NUMBERS)
        if numbers is None:
            return _chapter_link(name, chapter_number(template_dir, name))
        if name not in numbers:
            chapter_number(template_dir, name)  # an unknown name says which ones there are
            raise jinja2.TemplateRuntimeError(
                f"Das Kapitel '{name}' fehlt in diesem Konzept (seine Angaben sind leer); bitte den Verweis nur "
                "setzen, wenn es das Kapitel gibt."
            )
        return _chapter_link(name, numbers[name])

    return kapitel


#: A reference to a chapter before its heading's id is known: `<a data-kapitel="ziele">5</a>`.
CHAPTER_LINK = re.compile(r'<a data-kapitel="([a-z0-9_]+)">(\d+)</a>')
H1_START = re.compile(r"<h1(?=[\s>])([^>]*)>")


def _chapter_link(name: str, number: int) -> Markup:
    return Markup('<a data-kapitel="{}">{}</a>').format(name, number)


def link_chapters(chapters: dict[str, str]) -> dict[str, str]:
    """Point every chapter reference at its chapter's first heading: the heading's id, or one
    given here (``kapitel-<name>``) where a template wrote none."""
    targets: dict[str, str] = {}
    linked: dict[str, str] = {}
    for template, html in chapters.items():
        stem = _stem(template)
        heading = H1_START.search(html)
        if heading is None:
            linked[template] = html
            continue
        found = re.search(r'\bid="([^"]+)"', heading[1])
        if found:
            targets[stem] = found[1]
        else:
            targets[stem] = f"kapitel-{stem.replace('_', '-')}"
            html = f'{html[: heading.start()]}<h1 id="{targets[stem]}"{heading[1]}>{html[heading.end() :]}'
        linked[template] = html

    def target(match: re.Match[str]) -> str:
        return f'<a href="#{targets[match[1]]}">{match[2]}</a>' if match[1] in targets else match[2]

    return {template: CHAPTER_LINK.sub(target, html) for template, html in linked.items()}


def numbered(chapters: dict[str, str]) -> dict[str, int]:
    """The number of each chapter a concept has, from the rendered chapters in file order: a
    template that rendered no numbered heading of the first level is left out (an optional
    chapter whose data are absent, the front matter), one that rendered several counts for each."""
    numbers: dict[str, int] = {}
    count = 0
    for template, html in chapters.items():
        headings = len([h for h in re.findall(r"<h1[\s>][^>]*", html) if UNNUMBERED_CLASS not in h])
        if headings:
            numbers[_stem(template)] = count + 1
        count += headings
    return numbers


def chapter_templates(template_dir: TemplateSource, folder: str) -> list[str]:
    """Chapter templates of a document kind, in file-name order (01_…, 02_…)."""
    return sorted(
        name
        for name in environment(template_dir).list_templates(extensions=["j2"])
        if name.startswith(folder + "/") and not Path(name).name.startswith("_")
    )
