"""Any list as CSV or XLSX (marketplace.reports.exports): what a spreadsheet program reads back."""

import datetime
import io
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from openpyxl import load_workbook

from marketplace.reports.exports import (
    Column,
    csv_value,
    export_response,
    requested_format,
    sheet_title,
    xlsx_value,
)
from tests.registers.reading import content, csv_rows

COLUMNS = [
    Column(_("Name")),
    Column("Số lượng", "int"),
    Column("Doanh thu", "money"),
    Column("Tỷ lệ huỷ", "percent"),
    Column("Ngày", "date"),
    Column("Lúc", "datetime"),
]
MOMENT = datetime.datetime(2026, 3, 5, 20, 15, tzinfo=datetime.UTC)  # 03:15 on 6 March in Quảng Trị
ROWS = [
    ("Nước mắm Cửa Tùng", 1234, Decimal("1250000.40"), Decimal("0.125"), datetime.date(2026, 1, 9), MOMENT),
    ("Mật ong rừng", None, None, None, None, None),
]


def response(export_format, title="Doanh thu: tháng 1/2026", rows=ROWS):
    return export_response(export_format, title, COLUMNS, iter(rows), "doanh-thu")


@pytest.mark.parametrize(
    ("query", "expected"), [("csv", "csv"), ("xlsx", "xlsx"), ("pdf", None), ("", None), ("CSV", None)]
)
def test_only_csv_and_xlsx_are_asked_for(query, expected):
    assert requested_format(RequestFactory().get("/", {"export": query})) == expected
    assert requested_format(RequestFactory().get("/")) is None


def test_an_unknown_format_or_kind_is_refused():
    with pytest.raises(ValueError):
        export_response("pdf", "x", COLUMNS, [], "x")
    with pytest.raises(ValueError):
        Column("x", "currency")


def test_the_csv_starts_with_a_byte_order_mark_and_translated_headers():
    with translation.override("vi"):
        answer = response("csv")
        rows = csv_rows(answer)
    assert rows[0][0] == "Tên"
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    assert answer["Content-Disposition"] == 'attachment; filename="doanh-thu.csv"'
    assert answer["Cache-Control"] == "private, no-store"


def test_the_csv_writes_dates_day_first_and_whole_dong():
    with translation.override("vi"):
        _headers, full, empty = csv_rows(response("csv"))
    assert full == ["Nước mắm Cửa Tùng", "1234", "1250000", "12.5", "09/01/2026", "06/03/2026 03:15"]
    assert empty == ["Mật ong rừng", "", "", "", "", ""]


def test_the_xlsx_holds_numbers_and_dates_with_vietnamese_formats():
    answer = response("xlsx")
    assert answer["Content-Disposition"] == 'attachment; filename="doanh-thu.xlsx"'
    sheet = load_workbook(io.BytesIO(content(answer))).active
    header, full, empty = list(sheet.iter_rows())
    assert all(cell.font.bold for cell in header)
    assert [cell.value for cell in full] == [
        "Nước mắm Cửa Tùng",
        1234,
        1250000,
        0.125,
        datetime.datetime(2026, 1, 9),
        datetime.datetime(2026, 3, 6, 3, 15),
    ]
    assert [cell.number_format for cell in full[1:]] == [
        "#,##0",
        '#,##0 "₫"',
        "0.0%",
        "DD/MM/YYYY",
        "DD/MM/YYYY HH:MM",
    ]
    assert [cell.value for cell in empty[1:]] == [None] * 5
    assert sheet.freeze_panes == "A2"


def test_the_sheet_is_named_after_the_title_cleaned_for_excel():
    sheet = load_workbook(io.BytesIO(content(response("xlsx")))).active
    assert sheet.title == "Doanh thu  tháng 1 2026"
    assert sheet_title("a" * 40) == "a" * 31
    assert sheet_title("[]:*?/\\") == "Sheet"


def test_money_rounds_to_whole_dong():
    assert csv_value(Decimal("999.5"), "money") == "1000"
    assert xlsx_value(Decimal("999.5"), "money") == 1000
    assert xlsx_value(Decimal("0.25"), "percent") == 0.25
    assert csv_value(datetime.date(2026, 12, 31), "date") == "31/12/2026"


def test_a_long_csv_is_streamed_row_by_row():
    rows = ((f"Sản phẩm {n}", n, n * 1000, None, None, None) for n in range(10_000))
    answer = export_response("csv", "x", COLUMNS, rows, "x")
    assert answer.streaming
    lines = content(answer).decode().splitlines()
    assert len(lines) == 10_001 and lines[-1] == "Sản phẩm 9999,9999,9999000,,,"
