"""The console page: who may open it, the period form, its fixed number of queries, and its exports."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from marketplace.dashboard.province.tables import TABLES, table

from . import data

pytestmark = pytest.mark.django_db

CONSOLE = reverse("dashboard:province-console")
VIETNAMESE_FIRST_HEADER = {
    "sales-by-commune": "Xã, phường",
    "enterprises-by-commune": "Xã, phường",
    "sales-by-month": "Tháng",
}


@pytest.fixture
def reviewing(client, reviewer):
    client.force_login(reviewer)
    return client


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_a_reviewer_sees_the_province_figures_with_charts_and_their_tables(reviewing):
    data.province()
    response = reviewing.get(CONSOLE)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="report-chart"') >= 10
    assert html.count('<table class="sr-only">') == html.count('class="report-chart"')
    assert 'data-figure="sales"' in html and "₫" in html
    assert "@media print" in html


def test_a_reviewers_dashboard_home_is_the_console(reviewing):
    response = reviewing.get(reverse("dashboard:index"), follow=True)
    assert response.redirect_chain == [(CONSOLE, 302)]
    assert 'id="console_headline"' in response.content.decode()


def test_an_operator_sees_the_console(client, admin_user):
    client.force_login(admin_user)
    assert client.get(CONSOLE).status_code == 200


@pytest.mark.parametrize("who", ["shopper", "vendor1", None])
def test_shoppers_enterprise_staff_and_visitors_are_refused(client, request, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(CONSOLE)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response["Location"]
    export = client.get(CONSOLE, {"export": "csv", "table": "sales-by-commune"})
    assert export.status_code in (302, 403)


def test_the_period_follows_the_dates_chosen(reviewing):
    response = reviewing.get(CONSOLE, {"date_from": "2026-01-01", "date_to": "2026-01-31"})
    period = response.context["figures"].period
    assert (period.start.isoformat(), period.end.isoformat()) == ("2026-01-01", "2026-01-31")


def test_the_quick_choice_last_twelve_months_is_taken(reviewing):
    response = reviewing.get(CONSOLE, {"quick": "last_12_months"})
    period = response.context["figures"].period
    assert (period.end - period.start).days > 330


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "31/31/2026"},
        {"date_from": "2026-02-10", "date_to": "2026-01-01"},
        {"date_from": "1900-01-01", "date_to": "2026-01-01"},
        {"quick": "forever"},
    ],
)
def test_a_bad_period_is_told_and_this_months_figures_shown(reviewing, query):
    response = reviewing.get(CONSOLE, query)
    assert response.status_code == 200
    assert messages_of(response)
    assert response.context["form"].errors
    assert response.context["figures"].period.start.day == 1


def test_the_page_asks_as_many_queries_with_twice_the_data(reviewing):
    data.province()
    reviewing.get(CONSOLE)  # warm the caches of the menu and the session
    with CaptureQueriesContext(connection) as once:
        assert reviewing.get(CONSOLE).status_code == 200
    data.province()
    with CaptureQueriesContext(connection) as twice:
        assert reviewing.get(CONSOLE).status_code == 200
    assert len(twice.captured_queries) == len(once.captured_queries)
    assert len(once.captured_queries) < 40


def read_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def read_xlsx(response):
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_table_downloads_as_csv_and_xlsx_with_vietnamese_headers(reviewing, name):
    data.province()
    query = {"quick": "last_12_months", "table": name}
    figures = reviewing.get(CONSOLE, {"quick": "last_12_months"}).context["figures"]
    _title, columns, rows = table(name, figures)
    csv_rows = read_csv(reviewing.get(CONSOLE, {**query, "export": "csv"}))
    xlsx_response = reviewing.get(CONSOLE, {**query, "export": "xlsx"})
    assert xlsx_response["Content-Type"].startswith("application/vnd.openxmlformats")
    xlsx_rows = read_xlsx(xlsx_response)
    assert csv_rows[0] == xlsx_rows[0] == [str(column.header) for column in columns]
    if name in VIETNAMESE_FIRST_HEADER:  # the headers whose msgid the catalogue already translates
        assert csv_rows[0][0] == VIETNAMESE_FIRST_HEADER[name]
    assert len(csv_rows) == len(xlsx_rows) == len(rows) + 1
    assert len(rows) > 0
    money = [index for index, column in enumerate(columns) if column.kind == "money"]
    for (label, *_rest), csv_row, xlsx_row in zip(rows, csv_rows[1:], xlsx_rows[1:], strict=True):
        assert csv_row[0] == xlsx_row[0] == str(label)
    for index in money:
        assert sum(int(row[index]) for row in csv_rows[1:]) == sum(row[index] for row in xlsx_rows[1:])


def test_an_unknown_table_or_format_is_told_not_a_500(reviewing):
    response = reviewing.get(CONSOLE, {"export": "csv", "table": "passwords"})
    assert response.status_code == 200
    assert messages_of(response)
    response = reviewing.get(CONSOLE, {"export": "pdf", "table": "sales-by-month"})
    assert response.status_code == 200
    assert messages_of(response)


def test_the_monthly_report_is_a_pdf_with_the_month_its_figures_and_vietnamese_headings(reviewing):
    from pypdf import PdfReader

    today = data.province()
    month = f"{today:%Y-%m}"
    response = reviewing.get(reverse("dashboard:province-report", kwargs={"month": month}))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    figures = reviewing.get(CONSOLE).context["figures"]  # this month so far: the same period
    assert f"{today:%m/%Y}" in text
    assert "Xã, phường" in text or "Thẻ" in text  # a chart's Vietnamese words, diacritics intact
    assert str(figures.sales.parcels) in text
    assert str(figures.members) in text


@pytest.mark.parametrize("month", ["2026-13", "1999-01", "2999-01", "tháng-một"])
def test_a_report_of_no_such_month_is_not_found(reviewing, month):
    response = reviewing.get(reverse("dashboard:province-report", kwargs={"month": month}))
    assert response.status_code == 404


def test_the_report_is_refused_to_enterprise_staff(client, vendor1):
    client.force_login(vendor1)
    response = client.get(reverse("dashboard:province-report", kwargs={"month": "2026-01"}))
    assert response.status_code in (302, 403)
