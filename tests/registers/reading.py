"""Reading an export back as an official's spreadsheet program would: CSV decoded, XLSX loaded."""

import csv
import io

from openpyxl import load_workbook


def content(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def is_download(response, extension):
    return response.status_code == 200 and response["Content-Disposition"].endswith(f'.{extension}"')


def csv_rows(response):
    """The CSV's rows, headers first, after checking the byte-order mark spreadsheets need."""
    assert is_download(response, "csv")
    text = content(response).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_sheet(response):
    """The XLSX's only sheet."""
    assert is_download(response, "xlsx")
    workbook = load_workbook(io.BytesIO(content(response)))
    assert len(workbook.worksheets) == 1
    return workbook.worksheets[0]


def xlsx_rows(response):
    """The sheet's cell values, headers first."""
    return [list(row) for row in xlsx_sheet(response).iter_rows(values_only=True)]


def as_dicts(rows):
    headers, *body = rows
    return [dict(zip(headers, row, strict=True)) for row in body]
