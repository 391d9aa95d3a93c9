"""HTML fragments parsed and elements made by a parser of the calling thread's own.

lxml.html's functions all use one parser of the module. A build parses a document's HTML in a
worker thread (the PDF's Typst markup) while the main thread parses and bookmarks the next
document's for Word; a libxml2 parser used by two threads corrupts its memory (builds died with
'free(): invalid pointer' or a segmentation fault inside lxml.html in about one run of twelve).
So every thread parses, and makes its elements, with a parser only it uses.

The writers of the PDF's and the Word file's bodies only read the tree: they get plain lxml
elements (:func:`plain_fragment`). lxml.html asks a Python function for the class of every
element each time the code touches one – over a million calls, about half a second, for a
concept of 500 measures.
"""

from __future__ import annotations

import threading
from typing import Any, cast

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

_own = threading.local()


def _parser() -> lxml.html.HTMLParser:
    parser: lxml.html.HTMLParser | None = getattr(_own, "parser", None)
    if parser is None:
        parser = _own.parser = lxml.html.HTMLParser()
    return parser


def _plain_parser() -> etree.HTMLParser:
    parser: etree.HTMLParser | None = getattr(_own, "plain_parser", None)
    if parser is None:
        parser = _own.plain_parser = etree.HTMLParser()
    return parser


def plain_fragment(html: str, parent: str = "div") -> etree._Element:
    """The fragment's blocks as the children of one element `parent`, as :func:`fragment` parses
    them, but as plain lxml elements (no methods of lxml.html, read much faster)."""
    parser = _plain_parser()
    # a list (its first item the text before the first element, if any); the stubs say otherwise
    elements = cast(list[Any], lxml.html.fragments_fromstring(html, parser=parser))
    root: etree._Element = parser.makeelement(parent, {})
    if elements and isinstance(elements[0], str):
        root.text = elements.pop(0)
    root.extend(elements)
    return root


def fragment(html: str, parent: str = "div") -> HtmlElement:
    """The fragment's blocks as the children of one element `parent`."""
    root: HtmlElement = lxml.html.fragment_fromstring(html, create_parent=parent, parser=_parser())
    return root


def new_element(tag: str, attributes: dict[str, str] | None = None) -> HtmlElement:
    """An empty element to put into a parsed fragment."""
    made: HtmlElement = _parser().makeelement(tag, attributes or {})
    return made
