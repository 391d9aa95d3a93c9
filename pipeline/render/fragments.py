"""HTML fragments parsed and elements made by a parser of the calling thread's own.

lxml.html's functions all use one parser of the module. A build parses a document's HTML in a
worker thread (the PDF's Typst markup) while the main thread parses and bookmarks the next
document's for Word; a libxml2 parser used by two threads corrupts its memory (builds died with
'free(): invalid pointer' or a segmentation fault inside lxml.html in about one run of twelve).
So every thread parses, and makes its elements, with a parser only it uses.
"""

from __future__ import annotations

import threading

import lxml.html
from lxml.html import HtmlElement

_own = threading.local()


def _parser() -> lxml.html.HTMLParser:
    parser: lxml.html.HTMLParser | None = getattr(_own, "parser", None)
    if parser is None:
        parser = _own.parser = lxml.html.HTMLParser()
    return parser


def fragment(html: str, parent: str = "div") -> HtmlElement:
    """The fragment's blocks as the children of one element `parent`."""
    root: HtmlElement = lxml.html.fragment_fromstring(html, create_parent=parent, parser=_parser())
    return root


def new_element(tag: str, attributes: dict[str, str] | None = None) -> HtmlElement:
    """An empty element to put into a parsed fragment."""
    made: HtmlElement = _parser().makeelement(tag, attributes or {})
    return made
