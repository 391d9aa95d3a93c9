"""What a build makes, declared once: each product with the folder its files go to.

`gesamtkonzept build --nur …` offers exactly these keys; render names each document's folder
from here, and export knows which folders a product writes whole (so files of papers removed
from the inputs can be removed too). A new product is one entry here and one render function.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Folders of the output folder.
TOP = ""
PUBLIC_PAPERS = "vorlagen"
NON_PUBLIC_PAPERS = "vorlagen-nichtoeffentlich"
QUALITY = "qualitaet"
AGREEMENT_FOLDER = "kooperationsvereinbarung"
#: Where the PDFs that papers attach from the inputs go, inside the papers' folder.
ATTACHMENTS = "anlagen"


@dataclass(frozen=True)
class Product:
    """One kind of output: its key for `--nur`, what it is (for help texts), its folders, and
    whether it writes them whole (an earlier build's file there that this one no longer makes
    is outdated)."""

    key: str
    label: str
    folders: tuple[str, ...]
    owns_folders: bool = False


CONCEPT = Product("konzept", "das Gesamtkonzept", (TOP,))
PAPERS = Product(
    "vorlagen",
    "die Vorlagen für die Gremien (mit ihren Anlagen)",
    (PUBLIC_PAPERS, NON_PUBLIC_PAPERS),
    owns_folders=True,
)
QUALITY_DIALOGUE = Product("qualitaet", "den Qualitätsdialog", (QUALITY,))
#: Only made when netzwerk.yaml has a section 'kooperationsvereinbarung'; the folder holds the
#: agreement and the consent form for parents, nothing else, so the product writes it whole.
AGREEMENT = Product(
    "kooperationsvereinbarung",
    "die Kooperationsvereinbarung (mit dem Vordruck für Eltern)",
    (AGREEMENT_FOLDER,),
    owns_folders=True,
)

#: The concept as one self-contained HTML page for the network's website, beside the PDF.
WEB_PAGE = Product("webseite", "das Gesamtkonzept als eine HTML-Seite für die Website", (TOP,))
#: Maßnahmenplan and the funding tables as an XLSX workbook for the Kämmerei.
WORKBOOK = Product("tabellen", "Maßnahmenplan und Finanzen als Excel-Arbeitsmappe für die Kämmerei", (TOP,))

#: Every product, in the order a build makes them.
PRODUCTS: tuple[Product, ...] = (CONCEPT, PAPERS, AGREEMENT, QUALITY_DIALOGUE, WEB_PAGE, WORKBOOK)


def product(key: str) -> Product:
    return next(p for p in PRODUCTS if p.key == key)


def paper_folder(public: bool) -> str:
    """Public papers are published; non-public ones stay apart, with their attachments."""
    return PUBLIC_PAPERS if public else NON_PUBLIC_PAPERS
