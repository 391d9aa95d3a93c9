"""XLSX: the finance department's workbook (:mod:`pipeline.render.workbook`) written with
XlsxWriter.

Numbers are numbers in € and date formats, totals and differences are formulas (with their
value stored too, so previews and programs that do not calculate show the right figure), and
so are the summaries' amounts: sums over the line items (SUMPRODUCT, :class:`Formula`), so a
changed line carries through to every sheet. The header row of every sheet is frozen and
repeats on every printed page. Text from the inputs is always written as text: '=…' in a title
never becomes a formula, a web address never a link. The file's dates are the concept's Stand,
so equal inputs give equal bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from typing import Any

from pipeline.render.workbook import COLUMN_ABOVE, COLUMN_YEAR, Column, Formula, Sheet, Value, Workbook

EURO = '#,##0.00\\ "€";-#,##0.00\\ "€";"–"'
#: A change, with its sign as the concept writes it ('+39.000,00 €').
SIGNED_EURO = '+#,##0.00\\ "€";-#,##0.00\\ "€";"–"'
DATE = "dd.mm.yyyy"
INTEGER = "0"
#: Vollzeitäquivalente: two decimals, shown with the reader's decimal comma.
FTE = "0.00"


def _letter(index: int) -> str:
    """'A' for column 0, 'AA' for column 26."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _number(value: Value) -> float:
    if isinstance(value, Formula):
        return float(value.value)
    return float(value) if isinstance(value, Decimal | int) else 0.0


#: '{Erträge:Betrag}' (a column of another sheet) or '{Haushaltsjahr}' (this row's cell).
_PLACEHOLDER = re.compile(r"\{([^{}:]+)(?::([^{}]+))?\}")


def _quoted(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def column_ranges(workbook: Workbook) -> dict[tuple[str, str], str]:
    """Every column's data cells, by sheet and header, as a formula refers to them from another
    sheet ("'Erträge'!$D$2:$D$11"). The range reaches the total row where there is one: a line
    the Kämmerei inserts above it is inside and counted (the total row itself meets no condition:
    its year and committee cells hold the label or nothing)."""
    ranges = {}
    for spec in workbook.sheets:
        last = max(len(spec.rows) + 1 + (spec.total_label is not None), 2)
        for index, column in enumerate(spec.columns):
            letter = _letter(index)
            ranges[(spec.name, column.header)] = f"{_quoted(spec.name)}!${letter}$2:${letter}${last}"
    return ranges


def _formula(
    formula: Formula,
    position: dict[str, int],
    excel_row: int,
    ranges: dict[tuple[str, str], str],
    col: int,
    year_header: bool = True,
) -> str:
    """The formula with its placeholders filled in for a row of its sheet, whose columns stand at
    `position` (by header), in column `col`, whose header holds the year :data:`COLUMN_YEAR` asks
    for – as a number (`year_header`), or ending a text ('Aufwand 2026')."""

    def filled(found: re.Match[str]) -> str:
        if found[0] == COLUMN_YEAR:
            return f"{_letter(col)}$1" if year_header else f"VALUE(RIGHT({_letter(col)}$1,4))"
        if found[0] == COLUMN_ABOVE:
            return f"{_letter(col)}$2:{_letter(col)}{excel_row - 1}"
        if found[2] is not None:
            return ranges[(found[1], found[2])]
        return f"${_letter(position[found[1]])}{excel_row}"

    return "=" + _PLACEHOLDER.sub(filled, formula.template)


#: A year heading a column whose formulas read it: a whole number, nothing else (web review).
YEAR_HEADER_RULE: dict[str, Any] = {
    "validate": "integer",
    "criteria": "between",
    "minimum": 2000,
    "maximum": 2100,
    "error_title": "Haushaltsjahr als Zahl",
    "error_message": "Bitte nur das Jahr als Zahl eintragen (z. B. 2028): Die Formeln der Spalte lesen es.",
}


def _year_header(column: Column) -> bool:
    """Whether a column is headed by its year alone, written as a number."""
    return column.year is not None and column.header == str(column.year)


class _Formats:
    """The workbook's cell formats, made once."""

    def __init__(self, book: Any) -> None:
        header = {"bold": True, "bg_color": "#DCE6F0", "text_wrap": True, "valign": "top", "border": 1}
        self.header = book.add_format(header)
        # a year heading a column: a number, set left as the other headers
        self.header_year = book.add_format(header | {"num_format": INTEGER, "align": "left"})
        self.text = book.add_format({"text_wrap": True, "valign": "top"})
        self.euro = book.add_format({"num_format": EURO, "valign": "top"})
        self.integer = book.add_format({"num_format": INTEGER, "valign": "top"})
        self.date = book.add_format({"num_format": DATE, "valign": "top"})
        self.total_text = book.add_format({"bold": True, "top": 1, "text_wrap": True})
        self.total_euro = book.add_format({"bold": True, "top": 1, "num_format": EURO})
        self.signed = book.add_format({"num_format": SIGNED_EURO, "valign": "top"})
        self.total_signed = book.add_format({"bold": True, "top": 1, "num_format": SIGNED_EURO})
        self.total_blank = book.add_format({"top": 1})
        self.total_integer = book.add_format({"bold": True, "top": 1, "num_format": INTEGER})
        self.fte = book.add_format({"num_format": FTE, "valign": "top"})
        self.total_fte = book.add_format({"bold": True, "top": 1, "num_format": FTE})

    def of(self, column: Column) -> Any:
        kinds = {
            "euro": self.euro,
            "signed": self.signed,
            "integer": self.integer,
            "date": self.date,
            "fte": self.fte,
        }
        return kinds.get(column.kind, self.text)

    def total(self, column: Column) -> Any:
        return {"signed": self.total_signed, "fte": self.total_fte}.get(column.kind, self.total_euro)


def _write_cell(sheet: Any, row: int, col: int, column: Column, value: Value, formats: _Formats) -> None:
    if value is None or value == "":
        sheet.write_blank(row, col, None, formats.of(column))
    elif column.kind == "date" and isinstance(value, dt.date):
        sheet.write_datetime(row, col, dt.datetime.combine(value, dt.time()), formats.date)
    elif column.kind in ("euro", "signed", "integer", "fte") and isinstance(value, Decimal | int):
        sheet.write_number(row, col, _number(value), formats.of(column))
    else:
        sheet.write_string(row, col, str(value), formats.text)


#: The characters a list to pick from may have when written into the validation itself
#: (Excel's limit); a longer list is left out rather than cut.
LIST_LIMIT = 255


#: A sheet with more rows than this offers filters.
FILTER_FROM = 5

#: Characters of column width that print legibly across a landscape A4 page.
PRINT_WIDTH = 180


#: Points per line of wrapped text (Calibri 11), and characters of text per unit of column
#: width (the width of a digit): text wrapped at spaces fills its lines by about one character
#: per unit in LibreOffice's wider fallback font, more in Calibri, so no line is estimated too long.
LINE_HEIGHT = 15
CHARACTERS_PER_WIDTH = 1.0


def _lines(columns: list[Column], values: list[Value], *, every_kind: bool = False, bold: bool = False) -> int:
    """The lines the row's longest wrapped text takes: the row is set that high, since
    LibreOffice and a printout do not fit rows to wrapped text by themselves (Kämmerei review:
    the line items printed text over text). A header row wraps in every column (`every_kind`);
    bold text runs wider."""
    per_width = CHARACTERS_PER_WIDTH * (BOLD_NARROWER if bold else 1)
    return max(
        (
            _wrapped_lines(value, max(1, int(column.width * per_width)))
            for column, value in zip(columns, values, strict=True)
            if (every_kind or column.kind == "text") and isinstance(value, str) and value
        ),
        default=1,
    )


#: Bold text takes about a tenth more room than regular text.
BOLD_NARROWER = 0.9


def _wrapped_lines(text: str, characters: int) -> int:
    """Lines of `text` wrapped at spaces into lines of `characters` (a longer word on its own)."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > characters:
            lines, used = lines + 1, 0
        used = len(word) if not used else used + 1 + len(word)
        while used > characters:  # a word too long for the cell runs on
            lines, used = lines + 1, used - characters
    return lines


def _fit_row(sheet: Any, row: int, lines: int) -> None:
    if lines > 1:
        sheet.set_row(row, LINE_HEIGHT * lines)


def _listable(choices: tuple[str, ...]) -> bool:
    """Whether the values fit into a list written into the validation: within Excel's limit and
    without commas, which separate the values there."""
    return bool(choices) and sum(len(c) + 1 for c in choices) <= LIST_LIMIT and not any("," in c for c in choices)


def _write_sheet(
    book: Any, spec: Sheet, formats: _Formats, ranges: dict[tuple[str, str], str], footer: str = ""
) -> None:
    sheet = book.add_worksheet(spec.name)
    columns = list(spec.columns)
    if spec.row_total:
        # as wide as its header ('Summe 2026–2027') needs in bold, so the header row stays one line
        columns.append(Column(spec.row_total, "euro", max(16, round(len(spec.row_total) * 1.2) + 2), summed=True))
    position = {c.header: i for i, c in enumerate(columns)}
    summed_inputs = [i for i, c in enumerate(spec.columns) if c.kind == "euro"]
    for col, column in enumerate(columns):
        sheet.set_column(col, col, column.width)
        if _year_header(column):
            sheet.write_number(0, col, column.year, formats.header_year)
            # the column's formulas read the year: typed as text ('2028 (Entwurf)') they found nothing
            sheet.data_validation(0, col, 0, col, YEAR_HEADER_RULE)
        else:
            sheet.write_string(0, col, column.header, formats.header)
    _fit_row(sheet, 0, _lines(columns, [c.header for c in columns], every_kind=True, bold=True))
    first = 1  # the first data row, 0-based; in Excel's numbering row 2

    def write_row(row: int, values: list[Value], checked: bool = False) -> None:
        excel_row = row + 1
        euro = formats.total_euro if checked else formats.euro
        for col, (column, value) in enumerate(zip(spec.columns, values, strict=True)):
            if column.difference:
                a, b = (f"{_letter(position[h])}{excel_row}" for h in column.difference)
                # the stored result: the row's own, or worked out where it gives none (a check row)
                minuend, subtrahend = (_number(values[position[h]]) for h in column.difference)
                amount = _number(value) if value is not None else minuend - subtrahend
                sheet.write_formula(row, col, f"={a}-{b}", euro, amount)
            elif isinstance(value, Formula):
                filled = _formula(value, position, excel_row, ranges, col, _year_header(column))
                sheet.write_formula(row, col, filled, euro, _number(value))
            elif checked and isinstance(value, str):
                sheet.write_string(row, col, value, formats.total_text)
            elif checked and isinstance(value, int):
                sheet.write_number(row, col, value, formats.total_integer)
            else:
                _write_cell(sheet, row, col, column, value, formats)

    for index, values in enumerate(spec.rows):
        row = first + index
        excel_row = row + 1
        write_row(row, values)
        _fit_row(sheet, row, _lines(spec.columns, values))
        if spec.row_total:
            cells = f"{_letter(summed_inputs[0])}{excel_row}:{_letter(summed_inputs[-1])}{excel_row}"
            amount = sum((_number(values[i]) for i in summed_inputs), 0.0)
            sheet.write_formula(row, len(columns) - 1, f"=SUM({cells})", formats.euro, amount)
    if spec.total_label is not None:
        total_row = first + len(spec.rows)
        # the label runs on over the blank cells beside it ('Summe 2026–2027 (Planungsgröße, …)'
        # broke mid-word in the narrow year column)
        span = 1 + next((i for i, c in enumerate(columns[1:]) if c.summed), len(columns) - 1)
        if span > 1:
            sheet.merge_range(total_row, 0, total_row, span - 1, spec.total_label, formats.total_text)
        label_column = Column(spec.total_label, "text", sum(c.width for c in columns[:span]))
        for col, column in enumerate(columns):
            if col == 0:
                if span == 1:
                    sheet.write_string(total_row, 0, spec.total_label, formats.total_text)
            elif col < span:
                continue
            elif column.summed:
                letter = _letter(col)
                amount = sum((_column_value(spec, columns, col, r) for r in range(len(spec.rows))), 0.0)
                if spec.rows:
                    # down to the row above the total, wherever it is after rows are inserted;
                    # SUBTOTAL(109, …) adds the rows a filter shows, SUM would add hidden ones too
                    cells = f"{letter}{first + 1}:INDEX({letter}:{letter},ROW()-1)"
                    sheet.write_formula(total_row, col, f"=SUBTOTAL(109,{cells})", formats.total(column), amount)
                else:
                    sheet.write_number(total_row, col, 0, formats.total(column))
            else:
                sheet.write_blank(total_row, col, None, formats.total_blank)
        _fit_row(sheet, total_row, _lines([label_column], [spec.total_label], bold=True))
    checks_from = first + len(spec.rows) + (spec.total_label is not None) + 1  # after an empty row
    for index, values in enumerate(spec.checks):
        write_row(checks_from + index, values, checked=True)
        _fit_row(sheet, checks_from + index, _lines(spec.columns, values, bold=True))
    # the Kämmerei filters by year, Produkt or committee; the totals row stays outside. A summary
    # of a few rows gets no filter buttons: nothing to filter, only clutter (Kämmerei review)
    if len(spec.rows) > FILTER_FROM:
        sheet.autofilter(0, 0, len(spec.rows), len(columns) - 1)
    if spec.rows:
        for col, column in enumerate(columns):
            if _listable(column.choices):
                rule: dict[str, Any] = {"validate": "list", "source": list(column.choices)}
                if column.off_list:  # allowed, but with a warning why it matters
                    rule |= {
                        "error_type": "warning",
                        "error_title": "Nicht in der Liste",
                        "error_message": column.off_list,
                    }
                sheet.data_validation(first, col, len(spec.rows), col, rule)
    sheet.freeze_panes(1, spec.frozen_columns)
    sheet.repeat_rows(0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    # a sheet wider than a landscape page prints two pages wide with its frozen columns on both,
    # not one page shrunk to some 40 % (Kämmerei review of the line items)
    wide = sum(c.width for c in columns) > PRINT_WIDTH
    sheet.fit_to_pages(2 if wide else 1, 0)
    if wide:
        sheet.repeat_columns(0, spec.frozen_columns - 1)
    sheet.set_header(f'&L&"-,Bold"{_escaped(spec.title)}')
    sheet.set_footer(_footer(footer))


def _column_value(spec: Sheet, columns: list[Column], col: int, row: int) -> float:
    """The value a column holds in a row, for the cached result of a sum (the row total column
    adds the euro columns)."""
    if col < len(spec.columns):
        return _number(spec.rows[row][col])
    return sum((_number(v) for c, v in zip(spec.columns, spec.rows[row], strict=True) if c.kind == "euro"), 0.0)


#: Excel's limit for a header or footer, control codes included.
FOOTER_LIMIT = 255
PAGE_NUMBER = "&RSeite &P von &N"


def _footer(text: str) -> str:
    """The footer: `text` on the left, shortened with '…' where a long name would pass Excel's
    limit (Excel and XlsxWriter drop a footer that does), the page number on the right."""
    if not text:
        return "&LSeite &P von &N"
    room = FOOTER_LIMIT - len("&L") - len(PAGE_NUMBER)
    shown = text
    while len(_escaped(shown)) > room:
        shown = text[: len(shown.removesuffix("…")) - 1].rstrip() + "…"
    return f"&L{_escaped(shown)}{PAGE_NUMBER}"


def _escaped(text: str) -> str:
    """Text for a header or footer, where '&' starts a control code."""
    return text.replace("&", "&&")


def to_xlsx(workbook: Workbook) -> bytes:
    """The workbook as XLSX bytes."""
    import xlsxwriter

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    created = dt.datetime.combine(workbook.date, dt.time())
    book.set_properties(
        {
            "title": workbook.title,
            "author": workbook.author,
            "company": workbook.author,
            "created": created,
            "comments": "Erzeugt aus den Eingabedateien; Summen, Übersichten und Zuschussbedarf sind Formeln über die Positionen.",
        }
    )
    book.set_custom_property("Sprache", "de-DE")
    formats = _Formats(book)
    ranges = column_ranges(workbook)
    for sheet in workbook.sheets:
        _write_sheet(book, sheet, formats, ranges, workbook.footer)
    book.close()
    return buffer.getvalue()
