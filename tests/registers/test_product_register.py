"""The Department's product register: a page of its filters, and the whole filtered register as
CSV and XLSX (prices in đồng as numbers, stars in force, sector), for reviewers and staff only."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.reports.registers import PRODUCT_COLUMNS
from tests.factories import enterprise_of, ocop_certificate, stocked_product
from tests.registers.reading import as_dicts, content, csv_rows, xlsx_sheet

pytestmark = pytest.mark.django_db

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
REGISTER = reverse("dashboard:registers-products")
HEADERS = [str(column.header) for column in PRODUCT_COLUMNS]
TITLE, CODE, ENTERPRISE, SECTOR, CATEGORY, PRICE, STOCK, STARS, ORIGIN, SPECIALTY, PUBLIC, CREATED = HEADERS


def canonical():
    return Product.objects.filter(parent=None)


def row_of(rows, product):
    return next(row for row in as_dicts(rows) if row[TITLE] == product.title)


def test_the_register_lists_every_product_for_a_reviewer(reviewing):
    response = reviewing.get(REGISTER)
    assert response.status_code == 200
    assert response.context["paginator"].count == canonical().count()
    page = response.content.decode()
    assert 'href="?export=csv"' in page and 'href="?export=xlsx"' in page


def test_the_csv_is_the_whole_register_with_prices_in_dong(reviewing, vendor1):
    enterprise = enterprise_of(vendor1)
    product = stocked_product(enterprise, stock=7, price=Decimal("125000"))
    rows = csv_rows(reviewing.get(REGISTER, {"export": "csv"}))
    assert rows[0] == HEADERS
    assert {"Tiêu đề", "Doanh nghiệp", "Danh mục", "Ngày tạo"} <= set(rows[0])
    assert len(rows) - 1 == canonical().count()
    row = row_of(rows, product)
    assert row[PRICE] == "125000"
    assert row[STOCK] == "7"
    assert row[ENTERPRISE] == enterprise.name
    assert row[CREATED] == timezone.localdate(product.date_created).strftime("%d/%m/%Y")
    assert row[PUBLIC] == "Có"


def test_the_sector_is_the_root_of_the_products_category(reviewing, vendor1):
    product = stocked_product(enterprise_of(vendor1))
    category = product.categories.order_by("path").first()
    sector = Category.objects.get(path=category.path[:4])
    row = row_of(csv_rows(reviewing.get(REGISTER, {"export": "csv"})), product)
    assert (row[SECTOR], row[CATEGORY]) == (sector.name, category.name)


def test_stars_are_the_best_certificate_in_force(reviewing, vendor1):
    product = stocked_product(enterprise_of(vendor1))
    product.ocop_certificates.clear()
    today = timezone.localdate()
    ocop_certificate(product, stars=3, decision_number="3/QĐ")
    ocop_certificate(
        product, stars=5, decision_number="5/QĐ", decision_date=today - datetime.timedelta(days=2000)
    )
    ocop_certificate(product, stars=4, decision_number="4/QĐ", status="pending")
    row = row_of(csv_rows(reviewing.get(REGISTER, {"export": "csv"})), product)
    assert row[STARS] == "3"


def test_the_xlsx_holds_amounts_in_dong_and_real_dates(reviewing, vendor1):
    product = stocked_product(enterprise_of(vendor1), price=Decimal("89500"))
    sheet = xlsx_sheet(reviewing.get(REGISTER, {"export": "xlsx"}))
    assert [cell.value for cell in sheet[1]] == HEADERS
    row = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == product.title)
    assert row[5].value == 89500 and isinstance(row[5].value, int)
    assert row[5].number_format == '#,##0 "₫"'
    assert isinstance(row[11].value, datetime.datetime) and row[11].number_format == "DD/MM/YYYY"


def test_the_export_holds_only_the_filtered_products(reviewing, vendor1, vendor2):
    enterprise = enterprise_of(vendor1)
    theirs = set(canonical().filter(stockrecords__partner=enterprise).values_list("title", flat=True))
    rows = as_dicts(csv_rows(reviewing.get(REGISTER, {"export": "csv", "enterprise": enterprise.pk})))
    assert {row[TITLE] for row in rows} == theirs
    assert {row[ENTERPRISE] for row in rows} == {enterprise.name}

    product = stocked_product(enterprise_of(vendor2))
    product.ocop_certificates.clear()
    ocop_certificate(product, stars=5, decision_number="55/QĐ")
    rows = as_dicts(csv_rows(reviewing.get(REGISTER, {"export": "csv", "stars": 5})))
    assert product.title in {row[TITLE] for row in rows}
    assert {row[STARS] for row in rows} == {"5"}
    rows = as_dicts(csv_rows(reviewing.get(REGISTER, {"export": "csv", "stars": 0})))
    assert rows and {row[STARS] for row in rows} == {""}

    sector = Category.objects.filter(depth=1).order_by("path").first()
    rows = as_dicts(csv_rows(reviewing.get(REGISTER, {"export": "csv", "sector": sector.pk})))
    assert {row[SECTOR] for row in rows} <= {sector.name}
    page = reviewing.get(REGISTER, {"sector": sector.pk})
    assert page.context["paginator"].count == len(rows)


@pytest.mark.parametrize("query", [{"enterprise": "abc"}, {"stars": "9"}, {"sector": "999999"}])
def test_bad_filters_give_a_message_never_a_file_nor_an_error(reviewing, query):
    for export in ("", "csv", "xlsx"):
        response = reviewing.get(REGISTER, {**query, "export": export} if export else query)
        assert response.status_code == 200
        assert "Content-Disposition" not in response
        assert response.context["form"].errors
        assert 'id="filter_errors"' in response.content.decode()


def test_the_export_costs_the_same_queries_however_many_products(
    reviewing, vendor1, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12) as few:
        content(reviewing.get(REGISTER, {"export": "csv"}))
    template = stocked_product(enterprise_of(vendor1))
    Product.objects.bulk_create(
        Product(title=f"Sản phẩm thêm {n}", slug=f"san-pham-them-{n}", product_class=template.product_class)
        for n in range(40)
    )
    with django_assert_max_num_queries(len(few)):
        rows = csv_rows(reviewing.get(REGISTER, {"export": "csv"}))
    assert len(rows) - 1 == canonical().count()


def test_platform_staff_may_export_too(client, django_user_model):
    operator = django_user_model.objects.create_user(
        username="van-hanh", email="van-hanh@example.vn", password="x", is_staff=True
    )
    client.force_login(operator)
    assert client.get(REGISTER).status_code == 200
    assert csv_rows(client.get(REGISTER, {"export": "csv"}))


@pytest.mark.parametrize("who", ["anonymous", "shopper", "vendor1"])
def test_enterprise_staff_shoppers_and_visitors_are_refused(client, who, request):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for query in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(REGISTER, query)
        assert response.status_code in (302, 403)
        assert "Content-Disposition" not in response
