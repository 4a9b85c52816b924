"""Any list as a file an official can hand on: CSV or XLSX, in the page's language, dates as
dd/mm/yyyy and amounts in whole đồng.

A list is its columns (a header and a kind) and its rows of Python values in column order; the
kind says how a value is written. CSV carries a byte-order mark so that spreadsheet programs read
the Vietnamese as UTF-8, and amounts as plain whole numbers that any locale reads as numbers; XLSX
carries real dates and numbers with the Vietnamese display formats. Both are written row by row,
so an export of 100,000 rows holds one row in memory at a time (XLSX through openpyxl's
write-only mode).
"""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMATS = ("csv", "xlsx")
KINDS = ("text", "int", "money", "percent", "date", "datetime")

DATE = "%d/%m/%Y"
DATETIME = "%d/%m/%Y %H:%M"
XLSX_FORMATS = {
    "int": "#,##0",
    "money": '#,##0 "₫"',
    "percent": "0.0%",
    "date": "DD/MM/YYYY",
    "datetime": "DD/MM/YYYY HH:MM",
}
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class Column:
    header: str  # may be lazy: translated when written
    kind: str = "text"

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"Unknown column kind {self.kind!r}")


def requested_format(request):
    """The export asked for by ``?export=csv|xlsx``, or None for the page itself (and for anything else)."""
    value = request.GET.get("export", "")
    return value if value in FORMATS else None


def local(value):
    """A datetime in the province's time, naive (spreadsheets know no time zones)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(tzinfo=None)


def csv_value(value, kind):
    if value is None:
        return ""
    if kind == "money":
        return f"{Decimal(value):.0f}"
    if kind == "percent":
        return f"{Decimal(value) * 100:.1f}"
    if kind == "datetime" and isinstance(value, datetime.datetime):
        return local(value).strftime(DATETIME)
    if kind in ("date", "datetime") and isinstance(value, datetime.date):
        return value.strftime(DATE)
    return str(value)


def xlsx_value(value, kind):
    if value is None:
        return None
    if kind == "money":
        return int(Decimal(value).quantize(Decimal(1)))
    if kind in ("int", "percent"):
        return value if isinstance(value, (int, float)) else float(value)
    if kind == "datetime" and isinstance(value, datetime.datetime):
        return local(value)
    if kind in ("date", "datetime") and isinstance(value, datetime.date):
        return value
    return str(value)


def csv_lines(columns, rows):
    """The CSV file line by line: a byte-order mark and the headers first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values):
        writer.writerow(values)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield "\ufeff" + line([str(column.header) for column in columns])
    for row in rows:
        yield line([csv_value(value, column.kind) for value, column in zip(row, columns, strict=True)])


def sheet_title(title):
    """A title Excel accepts as a sheet name: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if char in "[]:*?/\\" else char for char in str(title)).strip()
    return cleaned[:31] or "Sheet"


def xlsx_bytes(title, columns, rows):
    """The XLSX workbook: one sheet named after ``title``, bold headers, Vietnamese formats."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title(title))
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns):
        width = 14 if column.kind != "text" else 32
        sheet.column_dimensions[get_column_letter(index + 1)].width = max(width, len(str(column.header)) + 2)
    bold = Font(bold=True)
    headers = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=str(column.header))
        cell.font = bold
        headers.append(cell)
    sheet.append(headers)
    for row in rows:
        cells = []
        for value, column in zip(row, columns, strict=True):
            cell = WriteOnlyCell(sheet, value=xlsx_value(value, column.kind))
            if column.kind in XLSX_FORMATS:
                cell.number_format = XLSX_FORMATS[column.kind]
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def export_response(export_format, title, columns, rows, filename):
    """The list as a download: ``filename`` without extension, ASCII (it names the file saved)."""
    if export_format not in FORMATS:
        raise ValueError(f"Unknown export format {export_format!r}")
    disposition = f'attachment; filename="{filename}.{export_format}"'
    if export_format == "csv":
        response = StreamingHttpResponse(csv_lines(columns, rows), content_type=CONTENT_TYPES["csv"])
    else:
        response = HttpResponse(xlsx_bytes(title, columns, rows), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = disposition
    response["Cache-Control"] = "private, no-store"
    return response
