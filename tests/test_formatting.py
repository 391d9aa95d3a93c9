from datetime import date
from decimal import Decimal

import pytest

from pipeline.formatting import (
    agree,
    all_of,
    bracketed,
    count,
    decimal_places,
    euro,
    german_date,
    in_running_text,
    number,
    of_decisions,
    percent,
    sentence_end,
    share_in_words,
    share_word,
    single_stops,
    with_unit,
)

NBSP = "\u00a0"


def test_money_uses_german_separators_and_two_decimals():
    assert euro(Decimal("1234.56")) == f"1.234,56{NBSP}€"
    assert euro(1234567) == f"1.234.567,00{NBSP}€"
    assert euro(Decimal("0.5")) == f"0,50{NBSP}€"


def test_numbers_group_thousands_and_drop_trailing_zeros():
    assert number(131400) == "131.400"
    assert number(Decimal("1.50")) == "1,5"
    assert number(Decimal("2.345"), 2) == "2,35"
    assert number(999) == "999"


def test_dates_and_percentages():
    assert german_date(date(2026, 11, 23)) == "23.11.2026"
    assert german_date(date(2027, 1, 5)) == "05.01.2027"
    assert percent(Decimal("12.456")) == f"12,5{NBSP}%"
    assert with_unit(Decimal("85"), "%") == f"85{NBSP}%"
    assert with_unit(Decimal("850"), "Familien") == f"850{NBSP}Familien"


def test_counts_in_words_up_to_twelve():
    assert count(1, "Maßnahme", "Maßnahmen") == "eine Maßnahme"
    assert count(4, "Zielgruppe", "Zielgruppen") == "vier Zielgruppen"
    assert count(15, "Akteur", "Akteure") == "15 Akteure"
    assert count(1, "Gremium", "Gremien", "einem") == "einem Gremium"


def test_counts_agree_with_their_verb():
    assert count(1, "Maßnahme", "Maßnahmen", verb=("ist geplant", "sind geplant")) == "eine Maßnahme ist geplant"
    assert count(2, "Maßnahme", "Maßnahmen", verb=("ist geplant", "sind geplant")) == "zwei Maßnahmen sind geplant"
    assert count(0, "Maßnahme", "Maßnahmen", verb=("läuft", "laufen")) == "keine Maßnahmen laufen"
    assert count(16, "", "", verb=("läuft", "laufen")) == "16 laufen"
    assert agree(1, "hat", "haben") == "hat"
    assert agree(Decimal("1.5"), "hat", "haben") == "haben"


def test_a_sentence_ends_once():
    assert sentence_end("Jobcenter") == "Jobcenter."
    assert sentence_end("Kinderschutzbund Musterkreis e. V.") == "Kinderschutzbund Musterkreis e. V."
    assert sentence_end("Onlineportal „Familienwegweiser“") == "Onlineportal „Familienwegweiser“."
    assert sentence_end("Ist das offen?") == "Ist das offen?"
    assert single_stops("Ohne: Caritas e. V.. Bitte ergänzen.") == "Ohne: Caritas e. V. Bitte ergänzen."
    assert single_stops("Und so weiter...") == "Und so weiter..."
    # a path's '..' is no double stop (hostile-input sweep: '../base/logo.svg' quoted as './base/logo.svg')
    assert single_stops("Der Pfad '../base/logo.svg' führt hinaus.") == "Der Pfad '../base/logo.svg' führt hinaus."


def test_citations_never_break_between_sign_and_number():
    from pipeline.formatting import NBSP, bind_citations

    assert bind_citations("nach § 8a Abs. 4 SGB VIII und §§ 1 bis 3") == (
        f"nach §{NBSP}8a Abs.{NBSP}4{NBSP}SGB{NBSP}VIII und §§{NBSP}1 bis 3"
    )
    assert bind_citations("das §-Zeichen, Nr. x") == "das §-Zeichen, Nr. x"


def test_a_chapter_or_measure_stays_with_its_number():
    """'Kapitel / 23.' and 'M4 / Onlineportal' stood apart at line ends in Word."""
    from pipeline.formatting import NBSP, bind_citations

    assert (
        bind_citations('beschreibt Kapitel <a href="#x">23</a>.')
        == f'beschreibt Kapitel{NBSP}<a href="#x">23</a>.'
    )
    assert bind_citations("Tabelle 3 und Anlage 2") == f"Tabelle{NBSP}3 und Anlage{NBSP}2"
    assert (
        bind_citations("M4 Onlineportal; Z2.1 Passgenaue Hilfen")
        == f"M4{NBSP}Onlineportal; Z2.1{NBSP}Passgenaue Hilfen"
    )
    assert bind_citations("Ziele: Z1, Z2 und M4 sowie Kapitel zwei") == "Ziele: Z1, Z2 und M4 sowie Kapitel zwei"


def test_a_citation_holds_together_up_to_the_law_it_names():
    """'(§ 4 Abs. 1 | KKG).' left 'KKG).' alone on a line (Neuhafen p. 48): the law stays with
    the last part of the citation, the parts before may break apart (a narrow column could not
    hold the whole); words after a number stay free."""
    from pipeline.formatting import NBSP, bind_citations

    assert bind_citations("(§ 4 Abs. 1 KKG).") == f"(§{NBSP}4 Abs.{NBSP}1{NBSP}KKG)."
    assert bind_citations("Art. 6 Abs. 1 Buchst. a DSGVO") == f"Art.{NBSP}6 Abs.{NBSP}1 Buchst.{NBSP}a{NBSP}DSGVO"
    assert bind_citations("§ 78 Abs. 2 Satz 1 NKomVG") == f"§{NBSP}78 Abs.{NBSP}2 Satz{NBSP}1{NBSP}NKomVG"
    assert bind_citations("nach § 4 regelt das Gesetz, ein Satz über Satz 2 hinaus") == (
        f"nach §{NBSP}4 regelt das Gesetz, ein Satz über Satz{NBSP}2 hinaus"
    )


def test_phone_numbers_are_never_split_over_two_lines():
    from pipeline.formatting import NBSP, bind_citations

    assert bind_citations("Notdienst, Telefon 069 4711-1100.") == f"Notdienst, Telefon{NBSP}069{NBSP}4711-1100."
    assert bind_citations("unter 0123 4567-300 (Team)") == f"unter 0123{NBSP}4567-300 (Team)"
    # years, amounts and decimals stay as they are
    assert bind_citations("2026 0123 und 0,5 10 und 0 10") == "2026 0123 und 0,5 10 und 0 10"
    # an area code has three to six digits, never inside a longer number; 'Tel.' too
    assert (
        bind_citations("012345 678, 0123456 78, 1069 4711, Tel. 069")
        == f"012345{NBSP}678, 0123456 78, 1069 4711, Tel.{NBSP}069"
    )


def test_amounts_in_the_users_texts_keep_their_unit_on_the_same_line():
    from pipeline.formatting import NBSP, bind_citations

    assert (
        bind_citations("45,00 € je Stunde (7.200,00 € im Jahr)")
        == f"45,00{NBSP}€ je Stunde (7.200,00{NBSP}€ im Jahr)"
    )
    assert (
        bind_citations("23,6 % der Kinder, 12 Euro, 3 EUR") == f"23,6{NBSP}% der Kinder, 12{NBSP}Euro, 3{NBSP}EUR"
    )
    assert bind_citations("Euro und € ohne Zahl, 12 Euroscheine") == "Euro und € ohne Zahl, 12 Euroscheine"
    # staff in full-time equivalents and a day with its month (Word review: '0,25 | VZÄ', '31. | März')
    assert bind_citations("0,25 VZÄ bis 31. März") == f"0,25{NBSP}VZÄ bis 31.{NBSP}März"
    assert bind_citations("Punkt 3. Mehr, 2. Märzwoche") == "Punkt 3. Mehr, 2. Märzwoche"


def test_abbreviations_of_two_parts_stay_on_one_line():
    """'e. / V.' at a line end reads as two words (Tabelle 28 of both examples had it)."""
    from pipeline.formatting import NBSP, bind_citations

    assert bind_citations("Caritasverband e. V., z. B. und u. a.") == (
        f"Caritasverband e.{NBSP}V., z.{NBSP}B. und u.{NBSP}a."
    )
    assert bind_citations("Sie u. alle, Haus e.V.") == "Sie u. alle, Haus e.V."  # no abbreviation, or no gap


@pytest.mark.parametrize(
    ("name", "in_text"),
    [
        ("Werdende Eltern und Familien mit Neugeborenen", "werdende Eltern und Familien mit Neugeborenen"),
        ("Junge und alleinerziehende Eltern", "junge und alleinerziehende Eltern"),
        ("Neu zugewanderte Familien", "neu zugewanderte Familien"),
        ("Freiberufliche Hebammen", "freiberufliche Hebammen"),
        # names that begin with a noun keep it
        ("Familien in Armut und psychosozial belastenden Lebenslagen", None),
        ("Alleinerziehende und ihre Kinder", None),
        ("Schwangere, werdende Eltern und Familien mit Neugeborenen", None),
        ("Kinder- und Jugendärztinnen und -ärzte", None),
        # one adjective in two halves (RLP re-check: 'Kinder- und Jugendärztliche Praxen' mid-sentence)
        ("Kinder- und Jugendärztliche Praxen", "kinder- und jugendärztliche Praxen"),
        ("Kinder- und Jugendpsychiatrische Praxis Dr. Roth", "kinder- und jugendpsychiatrische Praxis Dr. Roth"),
        ("Kinder- und Jugendhilfe Musterstadt", None),
        ("Eltern Neugeborener", None),
        ("Kindertagesstätten und Familienzentren", None),
        ("ASD", None),
    ],
)
def test_a_group_s_name_inside_a_sentence(name, in_text):
    """'… richten sich an fünf Zielgruppen: werdende Eltern …, junge und alleinerziehende Eltern':
    an adjective at the start of a name is written small inside a sentence, a noun never."""
    assert in_running_text(name) == (in_text or name)


def test_values_compared_in_one_row_are_written_alike():
    """'3,5 VZÄ → 4,0 VZÄ (Ziel 4,5 VZÄ)': an indicator's values share the decimals of the most
    precise one, so a whole number does not look less exact than its neighbours."""
    assert with_unit(Decimal("4"), "VZÄ", 1) == f"4,0{NBSP}VZÄ"
    assert with_unit(Decimal("4"), "VZÄ") == f"4{NBSP}VZÄ"
    assert decimal_places(Decimal("3.50")) == 1 and decimal_places(Decimal("4.0")) == 0


def test_a_paper_s_series_letter_stays_with_its_number():
    """'M' alone at the end of a line and '184/2026' on the next read as two things."""
    from pipeline.formatting import NBSP, bind_citations

    assert bind_citations("Vorlage M 184/2026 und B 64/2026.") == f"Vorlage M{NBSP}184/2026 und B{NBSP}64/2026."
    # numbers without a space, and words before a fraction that is no paper number, stay as they are
    assert bind_citations("KT/2025/088, GA 12/20, Teil A 1/2026x") == "KT/2025/088, GA 12/20, Teil A 1/2026x"


def test_names_of_their_own_with_und_or_commas_stay_apart():
    from pipeline.formatting import enumeration_of_names

    assert enumeration_of_names(["A", "B", "C"]) == "A, B und C"
    pair = ["Jugendhilfeausschuss", "Ausschuss für Soziales und Gesundheit"]
    assert enumeration_of_names(pair) == "Jugendhilfeausschuss sowie Ausschuss für Soziales und Gesundheit"
    # a name with a comma of its own: 'sowie' after it would need a comma to close the clause
    qualified = ["Familienzentren, soweit ihr Träger nicht unterzeichnet hat", "Freiberufliche Hebammen"]
    assert enumeration_of_names(qualified) == "; ".join(qualified)
    assert enumeration_of_names(["A und B", "C", "D"]) == "A und B; C; D"


@pytest.mark.parametrize(
    ("amount", "whole", "one", "expected"),
    [
        (3, 5, "eine", "drei"),
        (1, 4, "einer", "einer"),
        (1, 1, "eine", "sie"),
        (1, 1, "einer", "er"),
        (1, 1, "eines", "es"),
        (2, 2, "eine", "beide"),
        (7, 7, "eines", "alle"),
        (14, 20, "eine", "14"),
    ],
)
def test_a_share_of_the_whole_is_named_as_such(amount, whole, one, expected):
    """'zwei Gremien zuständig; zwei davon …' read as a slip: all of a whole are 'alle'/'beide'."""
    assert share_word(amount, whole, one) == expected


def test_all_of_two_are_both():
    assert [all_of(n) for n in (2, 3, 21)] == ["beide", "alle drei", "alle 21"]


def test_a_file_name_part_has_one_hyphen_where_the_name_had_several_marks():
    """'Sozial- und Gesundheitsausschuss' made 'SGA-2027-004_Sozial--und-Gesundheitsausschuss.pdf'
    (Schleswig-Holstein review)."""
    from pipeline.formatting import safe_file_part

    assert safe_file_part("Sozial- und Gesundheitsausschuss") == "Sozial-und-Gesundheitsausschuss"
    assert safe_file_part("Haupt- und Finanzausschuss") == "Haupt-und-Finanzausschuss"
    assert safe_file_part("KT-BV/2027/012") == "KT-BV-2027-012"


def test_a_long_file_name_part_ends_with_a_whole_word():
    """'…-des-Kreises-Erlenbruc.pdf' (NRW review): cut at the last word that fits, a word longer than
    half the limit where it must."""
    from pipeline.formatting import safe_file_part

    name = "Ausschuss für Gesundheit und Soziales des Kreises Erlenbruch"
    assert safe_file_part(name) == "Ausschuss-fuer-Gesundheit-und-Soziales-des-Kreises"
    assert safe_file_part(name, None) == "Ausschuss-fuer-Gesundheit-und-Soziales-des-Kreises-Erlenbruch"
    assert safe_file_part("Kinder" * 12) == ("Kinder" * 12)[:60]
    assert safe_file_part(name[:55] + ". Weiter") == "Ausschuss-fuer-Gesundheit-und-Soziales-des-Kreises-Erlen"


def test_a_decision_named_by_its_number_takes_the_genitive_once():
    """Bezirk Spreetal (Berlin review): its JHA numbers decisions 'JHA-Beschluss 21/2025', and a
    paper read 'des Beschlusses JHA-Beschluss 21/2025' three times."""
    assert of_decisions(["KT/2026/014"]) == "des Beschlusses KT/2026/014"
    assert of_decisions(["JHA-Beschluss 21/2025"]) == "des JHA-Beschlusses 21/2025"
    assert of_decisions(["Beschluss 12/2026"]) == "des Beschlusses 12/2026"
    assert of_decisions(["A", "B 2/2025"]) == "der Beschlüsse A und B 2/2025"
    # a word merely beginning with it is no name of its own
    assert of_decisions(["Beschlussvorlage 3"]) == "des Beschlusses Beschlussvorlage 3"


def test_a_berlin_paper_names_the_jha_s_decision_by_its_own_number():
    """The Spreetal paper that also reports on 'JHA-Beschluss 21/2025' says 'des JHA-Beschlusses
    21/2025' wherever it names that report (procedure, summary, decisions chapter)."""
    import lxml.html

    from pipeline.model.papers import paper_views
    from pipeline.render import render_paper

    from .conftest import fixture_inputs

    concept = fixture_inputs("spreetal").check().concept
    texts = [
        " ".join(lxml.html.fromstring(f"<div>{render_paper(view).body_html}</div>").text_content().split())
        for view in paper_views(concept)
    ]
    named = [t for t in texts if "21/2025" in t]
    assert named
    for text in named:
        assert "Beschlusses JHA-Beschluss" not in text
    assert any("über die Umsetzung des JHA-Beschlusses 21/2025" in t for t in named)


def test_one_of_a_few_is_written_as_a_word_in_the_callers_form():
    """Hamburg and Saarland reviews: 'Im Jahr 2027 verlangen 1 von 4 Zuwendungen …'."""
    assert share_in_words(1, 4, "Zuwendungen", "eine") == "eine von vier Zuwendungen"
    assert share_in_words(1, 6, "Akteuren", "einen") == "einen von sechs Akteuren"  # für, bindet: accusative
    assert share_in_words(1, 4, "Zuwendungen") == "1 von 4 Zuwendungen"  # no form given: no guessed gender
    assert share_in_words(3, 4, "Zuwendungen", "eine") == "drei von vier Zuwendungen"
    assert share_in_words(1, 22, "Akteuren", "einem") == "1 von 22 Akteuren"  # digits beside digits (Lektorat)
    # none in words, the verb then in the singular (Saxon year-later review: 'verlangen 0 von 7 Zuwendungen')
    assert share_in_words(0, 7, "Zuwendungen", "eine") == "keine von sieben Zuwendungen"
    assert share_in_words(0, 22, "Akteuren", "einem") == "keinem von 22 Akteuren"


def test_the_quality_chapter_agrees_with_one_grant_and_all_sectors():
    """Hamburg review: 'Im Jahr 2027 verlangen 1 von 4 Zuwendungen' and 'aus sechs von sechs Sektoren'."""
    import lxml.html

    from pipeline.render import concept_chapters

    from .conftest import fixture_inputs

    chapters = concept_chapters(fixture_inputs("elbhoehe").check().concept)
    text = " ".join(lxml.html.fromstring(f"<div>{''.join(chapters.values())}</div>").text_content().split())
    assert "Im Jahr 2027 verlangt eine von vier Zuwendungen an Träger" in text
    assert "aus allen sechs Sektoren" in text and "sechs von sechs" not in text


def test_brackets_never_nest():
    """A Stadtverordnete: 'Vorbereitung des Beschlusses BV/2021/0345 des Rates (Gesamtkonzept Frühe
    Hilfen (Fassung 1.0))' in the table of hearings."""
    assert bracketed("Gesamtkonzept Frühe Hilfen (Fassung 1.0)") == "(Gesamtkonzept Frühe Hilfen, Fassung 1.0)"
    assert bracketed("Babylotsen (M2) im Klinikum (ab 2027)") == "(Babylotsen, M2 im Klinikum, ab 2027)"
    assert bracketed("Frühe Hilfen") == "(Frühe Hilfen)"
