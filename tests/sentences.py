"""Reading rendered documents for broken sentences: every sentence ends once, headings are no
sentences, and no field leaves a gap ('()', ', .', 'None').

The checks read the HTML intermediate block by block (headings, captions, paragraphs, list
items, table cells), as a reader meets them, so the fast tier can render the example any way
it likes – with every optional field empty, with every text at its longest – and still see each
sentence the way Word and the PDF show it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import lxml.html

from pipeline.model.concept import Concept
from pipeline.model.papers import paper_views
from pipeline.model.quality.assessment import assess
from pipeline.render import (
    concept_chapters,
    render_agreement,
    render_consent_form,
    render_measure_plan,
    render_paper,
    render_quality_dialogue,
)


def render_all(concept: Concept) -> dict[str, str]:
    """The body HTML of every document of a concept: its chapters, papers, the Maßnahmenplan,
    the Qualitätsdialog and – if the inputs ask for them – the Kooperationsvereinbarung and the
    consent form, by a readable name."""
    html = {name.removesuffix(".html.j2"): body for name, body in concept_chapters(concept).items()}
    for view in paper_views(concept):
        html[f"vorlage {view.paper.number}"] = render_paper(view).body_html
    html["anlage Maßnahmenplan"] = render_measure_plan(concept).body_html
    if concept.agreement is not None:
        html["kooperationsvereinbarung"] = render_agreement(concept.agreement).body_html
        html["einverständniserklärung"] = render_consent_form(concept.agreement).body_html
    for assessment in assess(concept):
        html[f"qualitätsdialog {assessment.catalog.dimension.id}"] = render_quality_dialogue(assessment).body_html
    return html


#: Abbreviations whose full stop does not end a sentence, so a lowercase word may follow.
ABBREVIATIONS = re.compile(
    r"\b(?:e\. ?V|z\. ?B|u\. ?a|d\. ?h|o\. ?ä|u\. ?ä|i\. ?d\. ?R|v\. ?a|s\. ?u|s\. ?o|bzw|ca|ggf|vgl|usw|"
    r"inkl|zzgl|evtl|gem|lt|Nr|Abs|Buchst|Std|Tab|Kap|Art|Dr|Prof|St|gGmbH|mbH)\.(?!\.)",
)
#: (name of the flaw, pattern) – what a sentence that ends once never contains.
FLAWS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("doppelter Punkt", re.compile(r"(?<![.…])\.\.(?!\.)")),
    ("Punkt nach Punkt", re.compile(r"[.!?:;,]\s+[.!?]")),
    ("Satzzeichen nach Komma", re.compile(r",\s*[.,;:]")),
    ("Leerzeichen vor Satzzeichen", re.compile(r"\s[.,;:](?!\d)")),
    ("leere Klammern", re.compile(r"\(\s*\)")),
    ("leere Anführungszeichen", re.compile(r"„\s*“")),
    ("None", re.compile(r"\b(?:None|none|null|undefined)\b")),
    ("Satzanfang klein", re.compile(r"(?<!\d)[.!?]\s+[a-zäöüß]")),
)
#: Where a sentence must end: a paragraph that is running text (not a label 'X: …' and not an
#: address block with line breaks).
SENTENCE_END = re.compile(r"[.!?:…][\"“”»)]*$")


def _text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _in_field(element: lxml.html.HtmlElement) -> bool:
    """A paragraph of a form field (templates/_formular.html.j2): a label or an entry on the line
    to fill in, no sentence."""
    parent = element.getparent()
    return parent is not None and parent.tag == "div" and "feld" in (parent.get("class") or "").split()


def _blocks(html: str) -> Iterator[tuple[str, str, lxml.html.HtmlElement]]:
    """(kind, text, element) of every block a reader meets: headings, captions, paragraphs,
    list items without paragraphs of their own, table cells, labels of form fields."""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    for element in root.iter("h1", "h2", "h3", "h4", "caption", "figcaption", "p", "li", "td", "th"):
        if element.tag == "li" and element.find(".//p") is not None:
            continue
        kind = "heading" if element.tag in ("h1", "h2", "h3", "h4", "caption", "figcaption") else element.tag
        yield ("label" if _in_field(element) else kind), _text(element), element


def _empty_headings(html: str) -> Iterator[str]:
    """Headings with nothing under them: the next block is a heading of the same or a higher
    level, or there is none (an optional section whose data are absent must leave no heading)."""
    root = lxml.html.fromstring(f"<div>{html}</div>")
    blocks = [e for e in root if isinstance(e.tag, str)]
    for index, element in enumerate(blocks):
        if element.tag not in ("h1", "h2", "h3", "h4"):
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or (following.tag in ("h1", "h2", "h3", "h4") and following.tag <= element.tag):
            yield f"leere Überschrift: {_text(element)}"


def flaws(html: str) -> list[str]:
    """Every broken sentence of a document, as 'what: text'."""
    found = list(_empty_headings(html))
    for kind, text, element in _blocks(html):
        if not text:
            continue
        plain = ABBREVIATIONS.sub(lambda m: m[0].replace(".", "·"), text)
        for name, pattern in FLAWS:
            if pattern.search(plain):
                found.append(f"{name}: {text}")
        if kind == "heading" and re.search(r"[.:;,]$", plain):
            found.append(f"Überschrift mit Satzzeichen am Ende: {text}")
        labelled = element.find("strong") is not None and (element.text or "").strip() == ""
        if kind == "p" and not labelled and element.find("br") is None and not SENTENCE_END.search(text):
            found.append(f"Absatz ohne Satzende: {text}")
    return found
