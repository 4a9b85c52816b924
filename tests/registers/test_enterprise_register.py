"""The enterprise review list handed on as CSV and XLSX: the whole filtered list, in Vietnamese,
dates as dd/mm/yyyy, counts as numbers, and only for the Department."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.reports.registers import ENTERPRISE_COLUMNS
from tests.factories import enterprise_of, ocop_certificate
from tests.registers.reading import as_dicts, content, csv_rows, xlsx_rows, xlsx_sheet
from vendors.models import EnterpriseStatus

pytestmark = pytest.mark.django_db

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
QUEUE = reverse("dashboard:enterprise-review-list")
HEADERS = [str(column.header) for column in ENTERPRISE_COLUMNS]


def by_name(rows):
    return {row["Tên"]: row for row in as_dicts(rows)}


def test_the_csv_holds_every_enterprise_with_vietnamese_headers(reviewing):
    rows = csv_rows(reviewing.get(QUEUE, {"export": "csv"}))
    assert rows[0] == HEADERS
    assert {"Tên", "Loại hình", "Trạng thái", "Mã số thuế", "Xã, phường"} <= set(rows[0])
    assert len(rows) - 1 == Partner.objects.count()  # the whole list, not a page of 25


def test_an_approved_enterprise_shows_its_dates_and_counts(reviewing, vendor1):
    enterprise = enterprise_of(vendor1)
    listed = Product.objects.browsable().filter(stockrecords__partner=enterprise).distinct().count()
    Partner.objects.filter(pk=enterprise.pk).update(
        date_submitted=datetime.datetime(2026, 3, 5, 20, 0, tzinfo=datetime.UTC)
    )
    approved = enterprise.status_changes.filter(to_status=EnterpriseStatus.APPROVED).latest("date_created")
    row = by_name(csv_rows(reviewing.get(QUEUE, {"export": "csv"})))[enterprise.name]
    assert row["Trạng thái"] == str(EnterpriseStatus.APPROVED.label)
    assert row[HEADERS[10]] == "06/03/2026"  # 20:00 UTC is the next morning in Quảng Trị
    assert row[HEADERS[11]] == timezone.localdate(approved.date_created).strftime("%d/%m/%Y")
    assert row[HEADERS[12]] == str(listed)
    assert int(row[HEADERS[13]]) == sum(
        1
        for certificate in enterprise.ocop_certificates.all()
        if certificate.status == "verified"
        and certificate.decision_date <= timezone.localdate() < certificate.expires_on
    )


def test_a_new_certificate_in_force_is_counted_and_a_lapsed_one_is_not(reviewing, vendor1):
    enterprise = enterprise_of(vendor1)
    before = int(by_name(csv_rows(reviewing.get(QUEUE, {"export": "csv"})))[enterprise.name][HEADERS[13]])
    product = Product.objects.browsable().filter(stockrecords__partner=enterprise).first()
    ocop_certificate(product, enterprise, decision_number="1/QĐ-UBND")
    ocop_certificate(
        product,
        enterprise,
        decision_number="2/QĐ-UBND",
        decision_date=timezone.localdate() - datetime.timedelta(days=2000),
    )
    after = int(by_name(csv_rows(reviewing.get(QUEUE, {"export": "csv"})))[enterprise.name][HEADERS[13]])
    assert after == before + 1


def test_the_xlsx_holds_real_dates_and_numbers(reviewing, vendor1):
    enterprise = enterprise_of(vendor1)
    response = reviewing.get(QUEUE, {"export": "xlsx", "status": EnterpriseStatus.APPROVED})
    sheet = xlsx_sheet(response)
    header = [cell.value for cell in sheet[1]]
    assert header == HEADERS
    row = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == enterprise.name)
    approved = row[11]
    assert isinstance(approved.value, datetime.datetime) and approved.number_format == "DD/MM/YYYY"
    assert isinstance(row[12].value, int) and row[12].number_format == "#,##0"


def test_the_export_keeps_the_lists_filters(reviewing):
    expected = set(Partner.objects.filter(status=EnterpriseStatus.SUBMITTED).values_list("name", flat=True))
    assert expected
    for export_format, read in (("csv", csv_rows), ("xlsx", xlsx_rows)):
        rows = read(reviewing.get(QUEUE, {"export": export_format, "status": EnterpriseStatus.SUBMITTED}))
        assert {row[0] for row in rows[1:]} == expected
        assert {row[2] for row in rows[1:]} == {str(EnterpriseStatus.SUBMITTED.label)}


def test_the_page_offers_both_exports_with_its_filters(reviewing):
    page = reviewing.get(QUEUE, {"status": EnterpriseStatus.SUBMITTED, "page": 1}).content.decode()
    assert f'href="?status={EnterpriseStatus.SUBMITTED}&amp;export=csv"' in page
    assert f'href="?status={EnterpriseStatus.SUBMITTED}&amp;export=xlsx"' in page
    assert "Excel (XLSX)" in page


def test_bad_filters_export_nothing_and_say_so(reviewing):
    response = reviewing.get(QUEUE, {"export": "csv", "status": "<script>"})
    assert response.status_code == 200
    assert "Content-Disposition" not in response
    assert response.context["form"].errors
    assert [str(m) for m in response.context["messages"]]


def test_an_unknown_format_shows_the_list(reviewing):
    response = reviewing.get(QUEUE, {"export": "pdf"})
    assert response.status_code == 200 and "Content-Disposition" not in response


def test_the_export_costs_the_same_queries_however_many_enterprises(reviewing, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as few:
        content(reviewing.get(QUEUE, {"export": "csv"}))
    Partner.objects.bulk_create(
        Partner(name=f"Hộ kinh doanh thêm {n}", slug=f"them-{n}", status=EnterpriseStatus.REJECTED)
        for n in range(40)
    )
    with django_assert_max_num_queries(len(few)):
        rows = csv_rows(reviewing.get(QUEUE, {"export": "csv"}))
    assert len(rows) - 1 == Partner.objects.count()


@pytest.mark.parametrize("who", ["anonymous", "shopper", "vendor1"])
def test_only_the_department_exports_enterprises(client, who, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for export_format in ("csv", "xlsx"):
        response = client.get(QUEUE, {"export": export_format})
        assert response.status_code in (302, 403)
        assert "Content-Disposition" not in response
