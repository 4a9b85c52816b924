"""Tax withheld for household businesses (Decree 117/2025/NĐ-CP): the rates in force, the ledger rows
of a sale and its refunds, the statement, and the platform's monthly declaration."""

import csv
import io
from datetime import date, datetime
from decimal import Decimal as D

import openpyxl
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.order import parcels
from marketplace.payouts import declaration, ledger, rules, statements, withholding
from marketplace.payouts.models import LedgerEntry
from marketplace.payouts.months import month_of, previous_month
from tests.factories import enterprise_of, parcel_of, shared_order

Parcel = get_model("order", "Parcel")
Partner = get_model("partner", "Partner")
Kind = LedgerEntry.Kind

THIS_MONTH = month_of(timezone.localdate())
HOUSEHOLD_ID = "044190000123"  # an owner's 12-digit personal identification number


# --- The rates in force --------------------------------------------------------------------


def periods():
    return withholding.configured_periods()


@pytest.mark.parametrize(
    ("kind", "day", "vat", "pit"),
    [
        ("household", date(2025, 6, 30), D(0), D(0)),  # the day before the Decree
        ("household", date(2025, 7, 1), D("0.01"), D("0.005")),  # its first day
        ("household", date(2026, 12, 31), D("0.01"), D("0.005")),
        ("company", date(2025, 7, 1), D(0), D(0)),
        ("cooperative", date(2026, 1, 15), D(0), D(0)),
        ("cooperative_group", date(2026, 1, 15), D(0), D(0)),
    ],
)
def test_the_rates_in_force_depend_on_the_kind_of_seller_and_the_day(kind, day, vat, pit):
    rates = withholding.rates_for(kind, day, periods())
    assert (rates.vat_rate, rates.pit_rate) == (vat, pit)
    assert rates.withholds == bool(vat)
    if vat:
        assert "117/2025/NĐ-CP" in rates.legal_basis


def test_a_new_period_takes_over_the_day_after_the_old_one_ends():
    old, new = (
        withholding.period_from(
            {"kinds": ["household"], "vat_rate": "0.01", "pit_rate": "0.005", "valid_from": "2025-07-01"}
            | {"valid_until": "2026-12-31"}
        ),
        withholding.period_from(
            {"kinds": ["household"], "vat_rate": "0.02", "pit_rate": "0.01", "valid_from": date(2027, 1, 1)}
        ),
    )
    assert withholding.rates_for("household", date(2026, 12, 31), [old, new]).vat_rate == D("0.01")
    assert withholding.rates_for("household", date(2027, 1, 1), [old, new]).vat_rate == D("0.02")


# --- The money rules -----------------------------------------------------------------------


def test_a_sale_withholds_on_its_whole_gross_each_tax_rounded_to_the_dong():
    sale = rules.split([(D("199999"), D("0.05"))], shipping=D("30000"), vat_rate="0.01", pit_rate="0.005")
    # gross 229 999: VAT 2 299.99 → 2 300, PIT 1 149.995 → 1 150, commission 9 999.95 → 10 000
    assert sale == rules.Split(D(229999), D(10000), D(216549), D(2300), D(1150))
    assert sale.net == sale.gross - sale.commission - sale.vat_withheld - sale.pit_withheld


@pytest.mark.parametrize(
    ("gross", "vat", "pit"), [(D(50), D(1), D(0)), (D(100), D(1), D(1)), (D(49), D(0), D(0))]
)
def test_withholding_rounds_halves_up(gross, vat, pit):
    sale = rules.split([(gross, D(0))], vat_rate=D("0.01"), pit_rate=D("0.005"))
    assert (sale.vat_withheld, sale.pit_withheld) == (vat, pit)


def test_a_part_of_a_sale_takes_back_its_share_of_the_tax_and_the_whole_takes_back_all():
    sale = rules.Split(D(200000), D(10000), D(187000), D(2000), D(1000))
    assert rules.part_of(sale, D(50000)) == rules.Split(D(50000), D(2500), D(46750), D(500), D(250))
    assert rules.part_of(sale, D(200000)) == sale
    assert sale.reversed() == rules.Split(D(-200000), D(-10000), D(-187000), D(-2000), D(-1000))


def test_a_split_without_tax_is_as_before():
    assert rules.split([(D("50000"), D("0"))]) == rules.Split(D("50000"), D("0"), D("50000"))


# --- The ledger ----------------------------------------------------------------------------


@pytest.fixture
def household(vendor1):
    """vendor1's enterprise, registered as a household business (the demo makes it a company)."""
    enterprise = enterprise_of(vendor1)
    Partner.objects.filter(pk=enterprise.pk).update(kind="household", tax_code=HOUSEHOLD_ID)
    enterprise.refresh_from_db()
    return enterprise


def rows(parcel):
    return list(
        parcel.ledger_entries.order_by("pk").values_list(
            "kind", "gross", "commission", "vat_withheld", "pit_withheld", "net"
        )
    )


def totals(parcel):
    return [sum(row[i] for row in rows(parcel)) for i in range(1, 6)]


def expected_sale(parcel, vat_rate, pit_rate):
    commission = (parcel.lines_total * D("0.05")).quantize(D("1"))
    vat, pit = rules.round_dong(parcel.total * vat_rate), rules.round_dong(parcel.total * pit_rate)
    return (Kind.SALE, parcel.total, commission, vat, pit, parcel.total - commission - vat - pit)


@pytest.mark.django_db
def test_companies_and_cooperatives_are_not_withheld(shopper, vendor1, vendor2):
    order = shared_order(shopper, vendor1, vendor2)
    assert {enterprise_of(vendor1).kind, enterprise_of(vendor2).kind} == {"company", "cooperative"}
    for vendor in (vendor1, vendor2):
        parcel = parcel_of(order, vendor)
        assert rows(parcel) == [expected_sale(parcel, D(0), D(0))]


@pytest.mark.django_db
def test_a_household_sale_withholds_vat_1_and_pit_half_a_percent_of_its_revenue(
    shopper, vendor1, vendor2, household
):
    order = shared_order(shopper, vendor1, vendor2)
    parcel = parcel_of(order, vendor1)
    assert rows(parcel) == [expected_sale(parcel, D("0.01"), D("0.005"))]
    assert rows(parcel_of(order, vendor2)) == [expected_sale(parcel_of(order, vendor2), D(0), D(0))]


@pytest.mark.django_db
def test_a_full_refund_reverses_the_sale_with_its_tax_at_the_rate_of_the_sale(
    settings, shopper, vendor1, vendor2, household
):
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)
    settings.TAX_WITHHOLDING = [
        {"kinds": ["household"], "vat_rate": "0.05", "pit_rate": "0.02", "valid_from": "2025-07-01"}
    ]  # the law changes after the sale: the refund still gives back what the sale withheld
    parcels.move(parcel, Parcel.Status.CANCELLED, by=vendor1, note="Hết hàng")
    sale, reversal = rows(parcel)
    assert sale[3] > 0 and sale[4] > 0
    assert reversal == (Kind.REVERSAL, *(-amount for amount in sale[1:]))
    assert totals(parcel) == [0, 0, 0, 0, 0]


@pytest.mark.django_db
def test_a_partial_refund_takes_back_the_tax_in_proportion_then_the_reversal_the_rest(
    shopper, vendor1, vendor2, household
):
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)
    sale = rules.Split(*[rows(parcel)[0][i] for i in (1, 2, 5, 3, 4)])
    (refund,) = ledger.post_partial_refund([parcel], D(30000), note="Một hũ vỡ")
    part = rules.part_of(sale, D(30000))
    assert (refund.gross, refund.commission, refund.vat_withheld, refund.pit_withheld, refund.net) == (
        -part.gross,
        -part.commission,
        -part.vat_withheld,
        -part.pit_withheld,
        -part.net,
    )
    assert refund.vat_withheld == -rules.round_dong(sale.vat_withheld * D(30000) / sale.gross)
    parcels.move(parcel, Parcel.Status.CANCELLED, by=vendor1, note="Hết hàng")
    assert totals(parcel) == [0, 0, 0, 0, 0]


@pytest.mark.django_db
def test_a_sale_before_the_decree_withholds_nothing(shopper, vendor1, vendor2, household):
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2, confirm=False), vendor1)
    before = ledger.sale_split(parcel, date(2025, 6, 30))
    on_the_day = ledger.sale_split(parcel, date(2025, 7, 1))
    assert (before.vat_withheld, before.pit_withheld) == (0, 0)
    assert on_the_day.vat_withheld == rules.round_dong(parcel.total * D("0.01"))


@pytest.mark.django_db
def test_a_sale_booked_without_withholding_still_reverses_exactly(shopper, vendor1, vendor2, household):
    """A row from before the change (the migration's 0 withheld) of a seller now withheld."""
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2, confirm=False), vendor1)
    Parcel.objects.filter(pk=parcel.pk).update(status=Parcel.Status.CONFIRMED)
    parcel.refresh_from_db()
    LedgerEntry.objects.create(
        enterprise=household, parcel=parcel, kind=Kind.SALE, gross=D(100000), commission=D(5000), net=D(95000)
    )
    parcels.move(parcel, Parcel.Status.CANCELLED, by=vendor1, note="Hết hàng")
    assert rows(parcel)[1] == (Kind.REVERSAL, D(-100000), D(-5000), D(0), D(0), D(-95000))
    assert totals(parcel) == [0, 0, 0, 0, 0]


# --- Statements and the declaration ---------------------------------------------------------


@pytest.fixture
def month_of_sales(shopper, vendor1, vendor2, household):
    """Three household sales this month, one of them refunded in full and one in part."""
    sold = [parcel_of(shared_order(shopper, vendor1, vendor2), vendor1) for _ in range(3)]
    parcels.move(sold[0], Parcel.Status.CANCELLED, by=vendor1, note="Hết hàng")
    ledger.post_partial_refund([sold[1]], D(20000))
    return household


def month_rows(enterprise):
    return LedgerEntry.objects.filter(enterprise=enterprise).exclude(kind=Kind.PAYOUT)


def ledger_sums(enterprise):
    entries = month_rows(enterprise)
    names = ("gross", "vat_withheld", "pit_withheld")
    return [sum(getattr(entry, name) for entry in entries) for name in names]


@pytest.mark.django_db
def test_the_statement_shows_gross_commission_tax_withheld_and_net(client, vendor1, month_of_sales):
    statement = statements.statement(month_of_sales, THIS_MONTH)
    gross, vat, pit = ledger_sums(month_of_sales)
    assert (statement.gross, statement.vat_withheld, statement.pit_withheld) == (gross, vat, pit)
    assert vat > 0 and pit > 0
    assert statement.net == statement.gross - statement.commission - vat - pit
    client.force_login(vendor1)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    url = reverse(
        "dashboard:payout-statement",
        kwargs={"enterprise": month_of_sales.pk, "year": THIS_MONTH.year, "month": THIS_MONTH.month},
    )
    html = client.get(url, follow=True).content.decode()
    assert 'id="month_vat_withheld"' in html and "VAT withheld" in html
    body = client.get(url + "csv/", follow=True).content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(body)))
    assert table[0][6:9] == ["VAT withheld", "PIT withheld", "Net"]
    month_totals = next(row for row in table if row[1] == "Month's totals")
    assert [D(value) for value in month_totals[4:9]] == [
        statement.gross,
        statement.commission,
        vat,
        pit,
        statement.net,
    ]


def declaration_url(month=THIS_MONTH, **query):
    return reverse("dashboard:payout-declaration"), {"month": f"{month:%Y-%m}", **query}


@pytest.mark.django_db
def test_the_declaration_sums_the_months_withheld_tax_per_household(month_of_sales):
    result = declaration.declaration(THIS_MONTH)
    (line,) = result.lines  # the company and the cooperative have nothing withheld
    assert line.enterprise == month_of_sales
    assert [line.revenue, line.vat_withheld, line.pit_withheld] == ledger_sums(month_of_sales)
    assert line.sales == 3
    assert declaration.declaration(previous_month(THIS_MONTH)).lines == []


@pytest.mark.django_db
def test_a_refund_reduces_the_month_it_is_made_in(shopper, vendor1, vendor2, household):
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2, confirm=False), vendor1)
    last_month = previous_month(THIS_MONTH)
    sold = rules.Split(D(100000), D(5000), D(93500), D(1000), D(500))
    for kind, split, when in [
        (Kind.SALE, sold, timezone.make_aware(datetime(last_month.year, last_month.month, 28, 10))),
        (Kind.REVERSAL, sold.reversed(), timezone.now()),
    ]:
        LedgerEntry.objects.create(
            enterprise=household,
            parcel=parcel,
            kind=kind,
            gross=split.gross,
            commission=split.commission,
            vat_withheld=split.vat_withheld,
            pit_withheld=split.pit_withheld,
            net=split.net,
            date=when,
        )
    (sale_month,) = declaration.declaration(last_month).lines
    assert (sale_month.revenue, sale_month.vat_withheld, sale_month.pit_withheld, sale_month.sales) == (
        100000,
        1000,
        500,
        1,
    )
    (refund_month,) = declaration.declaration(THIS_MONTH).lines
    refunded = (refund_month.revenue, refund_month.vat_withheld, refund_month.pit_withheld)
    assert refunded == (-100000, -1000, -500)
    assert refund_month.sales == 0


@pytest.mark.django_db
@pytest.mark.usefixtures("in_english")
def test_the_operator_downloads_the_declaration_as_csv_and_xlsx(client, admin_user, month_of_sales):
    client.force_login(admin_user)
    url, query = declaration_url()
    page = client.get(url, query)
    assert page.status_code == 200
    assert HOUSEHOLD_ID in page.content.decode()
    gross, vat, pit = ledger_sums(month_of_sales)

    body = b"".join(client.get(url, {**query, "export": "csv"}).streaming_content).decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(body)))
    assert table[0] == [
        "Seller",
        "Tax code",
        "Address",
        "Revenue",
        "VAT withheld",
        "PIT withheld",
        "Number of sales",
    ]
    assert table[1][:2] == [month_of_sales.name, HOUSEHOLD_ID]
    assert table[1][3:] == [f"{gross:.0f}", f"{vat:.0f}", f"{pit:.0f}", "3"]
    assert table[-1][0] == "Total" and table[-1][3:] == table[1][3:]

    response = client.get(url, {**query, "export": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[1][1] == HOUSEHOLD_ID
    assert values[1][3:] == [gross, vat, pit, 3]
    assert values[-1][3:] == [gross, vat, pit, 3]


@pytest.mark.django_db
def test_enterprise_staff_cannot_see_the_declaration(client, vendor1, month_of_sales):
    client.force_login(vendor1)
    url, query = declaration_url()
    for extra in ({}, {"export": "csv"}):
        response = client.get(url, {**query, **extra})
        assert response.status_code in (302, 403)
        body = b"".join(getattr(response, "streaming_content", [response.content]))
        assert HOUSEHOLD_ID.encode() not in body


@pytest.mark.django_db
@pytest.mark.usefixtures("in_english")
def test_a_bad_month_or_format_is_explained_and_exports_nothing(client, admin_user, month_of_sales):
    client.force_login(admin_user)
    url, _query = declaration_url()
    for query in ({"month": "2026-13", "export": "csv"}, {"month": f"{THIS_MONTH:%Y-%m}", "export": "pdf"}):
        response = client.get(url, query, follow=True)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        assert [str(message) for message in response.context["messages"]]


@pytest.mark.django_db
def test_the_payouts_list_links_operators_to_the_declaration(client, admin_user, vendor1, month_of_sales):
    client.force_login(admin_user)
    assert b'id="tax_withheld"' in client.get(reverse("dashboard:payout-list")).content
    client.force_login(vendor1)
    assert b'id="tax_withheld"' not in client.get(reverse("dashboard:payout-list")).content
