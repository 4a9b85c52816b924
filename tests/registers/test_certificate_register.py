"""The certificate review list and the expiry watchlist handed on as CSV and XLSX, with their filters."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.reports.registers import CERTIFICATE_COLUMNS
from tests.factories import enterprise_of
from tests.ocop_reminders.certificates import OcopCertificate, Status, lapsing
from tests.registers.reading import as_dicts, content, csv_rows, xlsx_sheet

pytestmark = pytest.mark.django_db

REVIEW = reverse("dashboard:ocop-review-list")
WATCHLIST = reverse("dashboard:ocop-expiry-list")
HEADERS = [str(column.header) for column in CERTIFICATE_COLUMNS]
NUMBER, DECIDED, ENTERPRISE, PRODUCTS, STARS, SCORE, EVALUATION, ISSUER, STATUS, LAPSES, DAYS = HEADERS


@pytest.fixture
def only_new_certificates(db):
    OcopCertificate.objects.update(status=Status.REVOKED)


def test_the_review_list_exports_every_certificate_in_vietnamese(reviewing):
    rows = csv_rows(reviewing.get(REVIEW, {"export": "csv"}))
    assert rows[0] == HEADERS
    assert {"Số quyết định", "Ngày quyết định", "Doanh nghiệp", "Sản phẩm", "Số sao"} <= set(rows[0])
    assert len(rows) - 1 == OcopCertificate.objects.count()


def test_a_certificate_row_says_what_the_decision_says(reviewing, vendor1):
    enterprise = enterprise_of(vendor1)
    today = timezone.localdate()
    certificate = lapsing(enterprise, today, 45, stated=True, number="9876/QĐ-UBND", stars=5)
    certificate.products.set(enterprise.stockrecords.values_list("product", flat=True)[:2])
    titles = sorted(certificate.products.values_list("title", flat=True))
    row = next(
        row
        for row in as_dicts(csv_rows(reviewing.get(REVIEW, {"export": "csv"})))
        if row[NUMBER] == "9876/QĐ-UBND"
    )
    assert row[DECIDED] == certificate.decision_date.strftime("%d/%m/%Y")
    assert row[ENTERPRISE] == enterprise.name
    assert row[PRODUCTS] == "; ".join(titles)
    assert row[STARS] == "5"
    assert row[ISSUER] == "UBND tỉnh Quảng Trị"
    assert row[STATUS] == str(Status.VERIFIED.label)
    assert row[LAPSES] == (today + datetime.timedelta(days=45)).strftime("%d/%m/%Y")
    assert row[DAYS] == "45"


def test_a_pending_certificate_has_no_days_left(reviewing, vendor1):
    lapsing(enterprise_of(vendor1), timezone.localdate(), 45, status=Status.PENDING, number="5555/QĐ-UBND")
    rows = as_dicts(csv_rows(reviewing.get(REVIEW, {"export": "csv", "status": Status.PENDING})))
    row = next(row for row in rows if row[NUMBER] == "5555/QĐ-UBND")
    assert row[DAYS] == "" and row[LAPSES]
    assert {row[STATUS] for row in rows} == {str(Status.PENDING.label)}


def test_the_review_lists_filters_are_the_exports(reviewing, vendor1):
    enterprise = enterprise_of(vendor1)
    expected = set(
        OcopCertificate.objects.filter(enterprise=enterprise, stars=4).values_list(
            "decision_number", flat=True
        )
    )
    sheet = xlsx_sheet(reviewing.get(REVIEW, {"export": "xlsx", "enterprise": enterprise.pk, "stars": 4}))
    assert [cell.value for cell in sheet[1]] == HEADERS
    rows = list(sheet.iter_rows(min_row=2))
    assert {row[0].value for row in rows} == expected
    for row in rows:
        assert isinstance(row[1].value, datetime.datetime) and row[1].number_format == "DD/MM/YYYY"
        assert row[4].value == 4


def test_the_watchlist_exports_its_window_only(reviewing, vendor1, only_new_certificates):
    enterprise, today = enterprise_of(vendor1), timezone.localdate()
    for days in (-10, 0, 5, 29, 31, 200):
        lapsing(enterprise, today, days, number=f"{days + 1000}/QĐ-UBND")
    rows = as_dicts(csv_rows(reviewing.get(WATCHLIST, {"export": "csv", "window": "30"})))
    assert [(row[NUMBER], row[DAYS]) for row in rows] == [("1005/QĐ-UBND", "5"), ("1029/QĐ-UBND", "29")]
    rows = as_dicts(csv_rows(reviewing.get(WATCHLIST, {"export": "csv", "window": "expired"})))
    assert [row[DAYS] for row in rows] == ["-10", "0"]


def test_the_watchlist_offers_both_exports_and_refuses_bad_filters(reviewing):
    page = reviewing.get(WATCHLIST, {"window": "30"}).content.decode()
    assert 'href="?window=30&amp;export=csv"' in page and 'href="?window=30&amp;export=xlsx"' in page
    response = reviewing.get(WATCHLIST, {"window": "soon", "export": "xlsx"})
    assert response.status_code == 200 and "Content-Disposition" not in response
    assert response.context["form"].errors and list(response.context["messages"])
    response = reviewing.get(REVIEW, {"stars": "seven", "export": "csv"})
    assert response.status_code == 200 and "Content-Disposition" not in response


def test_the_exports_cost_the_same_queries_however_many_certificates(
    reviewing, vendor1, django_assert_max_num_queries
):
    enterprise, today = enterprise_of(vendor1), timezone.localdate()
    with django_assert_max_num_queries(12) as few_review:
        content(reviewing.get(REVIEW, {"export": "csv"}))
    with django_assert_max_num_queries(12) as few_watch:
        content(reviewing.get(WATCHLIST, {"export": "xlsx"}))
    products = list(enterprise.stockrecords.values_list("product", flat=True)[:3])
    for n in range(30):
        lapsing(enterprise, today, n, number=f"{n}/QĐ-UBND-thêm").products.set(products)
    with django_assert_max_num_queries(len(few_review)):
        rows = csv_rows(reviewing.get(REVIEW, {"export": "csv"}))
    assert len(rows) - 1 == OcopCertificate.objects.count()
    with django_assert_max_num_queries(len(few_watch)):
        content(reviewing.get(WATCHLIST, {"export": "xlsx"}))


@pytest.mark.parametrize("who", ["anonymous", "shopper", "vendor1"])
def test_only_the_department_exports_certificates(client, who, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for url in (REVIEW, WATCHLIST):
        response = client.get(url, {"export": "csv"})
        assert response.status_code in (302, 403)
        assert "Content-Disposition" not in response
