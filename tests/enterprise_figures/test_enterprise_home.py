"""An enterprise's own figures on its dashboard home, each equal to a count done here in Python over
the enterprise's own parcels, order lines, ledger rows, reviews and certificates, and nothing of
another enterprise's.
"""

import csv
import io
from collections import defaultdict
from decimal import Decimal as D

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from marketplace.dashboard.enterprise_figures import last_months, months_of_year
from marketplace.payouts.ledger import SOLD
from marketplace.payouts.models import LedgerEntry
from marketplace.payouts.months import month_of

from .conftest import review, trade

Parcel = get_model("order", "Parcel")
Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")
OcopCertificate = get_model("catalogue", "OcopCertificate")

pytestmark = pytest.mark.django_db

HOME = reverse("dashboard:index")


def home(client, user, **params):
    client.force_login(user)
    response = client.get(HOME, params)
    assert response.status_code == 200
    return response


def local_month(moment):
    return month_of(timezone.localtime(moment).date())


def expected_months(enterprises, months):
    """{month: [parcels, sales, commission, net]} counted over the enterprises' own objects."""
    table = {month: [0, D(0), D(0), D(0)] for month in months}
    for parcel in Parcel.objects.filter(enterprise__in=enterprises):
        month = local_month(parcel.date_created)
        if parcel.status in SOLD and month in table:
            table[month][0] += 1
            table[month][1] += parcel.lines_total + parcel.shipping_charge
    for entry in LedgerEntry.objects.filter(enterprise__in=enterprises):
        month = local_month(entry.date)
        if entry.kind != LedgerEntry.Kind.PAYOUT and month in table:
            table[month][2] += entry.commission
            table[month][3] += entry.net
    return table


def expected_best(enterprises, months, count=5):
    sold = defaultdict(lambda: [0, D(0)])
    for parcel in Parcel.objects.filter(enterprise__in=enterprises, status__in=SOLD):
        if local_month(parcel.date_created) in months:
            for line in parcel.lines:
                sold[line.product_id][0] += line.quantity
                sold[line.product_id][1] += line.line_price_incl_tax
    ranked = sorted(sold.items(), key=lambda item: (-item[1][0], -item[1][1], item[0]))
    return [(pk, units, value) for pk, (units, value) in ranked[:count]]


def own_product_ids(enterprises):
    ids = set()
    for product in Product.objects.filter(stockrecords__partner__in=enterprises):
        ids.add(product.pk)
        if product.parent_id:
            ids.add(product.parent_id)
    return ids


def test_each_month_shows_the_enterprises_parcels_sales_commission_and_net(client, vendor1, history):
    figures = home(client, vendor1).context["period_figures"]
    months = last_months(timezone.localdate())
    expected = expected_months([history.own], months)
    shown = {row.month: [row.parcels, row.sales, row.commission, row.net] for row in figures.months}
    assert [row.month for row in figures.months] == months
    assert shown == expected
    assert sum(parcels for parcels, *_ in expected.values()) > 0
    this_month = expected[months[-1]]
    assert this_month[3] != this_month[1]  # the ledger's net, not the sales, and no payout taken off


def test_a_parcel_cancelled_next_month_earns_in_one_month_and_gives_back_in_the_next(
    client, vendor1, history
):
    figures = home(client, vendor1).context["period_figures"]
    reversals = LedgerEntry.objects.filter(enterprise=history.own, kind=LedgerEntry.Kind.REVERSAL)
    assert reversals.exists()
    assert figures.totals.net == sum(
        row[3] for row in expected_months([history.own], last_months(timezone.localdate())).values()
    )


def test_the_best_products_are_the_most_units_sold_in_the_period(client, vendor1, history):
    figures = home(client, vendor1).context["period_figures"]
    months = last_months(timezone.localdate())
    best = [(row["product_id"], row["units"], row["value"]) for row in figures.best_products]
    assert best == expected_best([history.own], months)
    assert history.other_product.pk not in [pk for pk, _units, _value in best]


def test_ratings_count_only_published_reviews_of_the_enterprises_products(client, vendor1, history):
    figures = home(client, vendor1).context["period_figures"]
    ids = own_product_ids([history.own])
    published = [
        r for r in ProductReview.objects.filter(status=ProductReview.APPROVED) if r.product_id in ids
    ]
    assert figures.rating_count == len(published)
    assert figures.rating_average == pytest.approx(D(sum(r.score for r in published)) / len(published))
    by_product = defaultdict(list)
    for r in published:
        by_product[r.product_id].append(r.score)
    lowest = sorted(
        by_product.items(), key=lambda item: (sum(item[1]) / len(item[1]), -len(item[1]), item[0])
    )
    assert [(rated.product_id, rated.reviews) for rated in figures.lowest_rated] == [
        (pk, len(scores)) for pk, scores in lowest[:3]
    ]


def test_certificates_show_days_to_expiry_and_stand_out_when_expiring_or_expired(client, vendor1, history):
    response = home(client, vendor1)
    figures = response.context["period_figures"]
    today = timezone.localdate()
    verified = OcopCertificate.objects.filter(enterprise=history.own, status=OcopCertificate.Status.VERIFIED)
    expected = sorted((c.expires_on, c.pk, (c.expires_on - today).days) for c in verified)
    assert [(item.expiry, item.certificate.pk, item.days_left) for item in figures.certificates] == expected
    states = {item.certificate.decision_number: item.state for item in figures.certificates}
    assert states["IN-FORCE/QĐ-UBND"] == "in_force"
    assert states["SOON/QĐ-UBND"] == "expiring"
    assert states["LAPSED/QĐ-UBND"] == "expired"
    assert "PENDING/QĐ-UBND" not in states
    html = response.content.decode()
    assert 'data-state="expiring"' in html and 'data-state="expired"' in html
    assert reverse("dashboard:ocop-certificate-list") in html


def test_nothing_of_another_enterprise_appears_on_the_home(client, vendor1, history):
    html = home(client, vendor1).content.decode()
    months = last_months(timezone.localdate())
    assert history.own_products[0].get_title() in html
    assert history.other_product.get_title() not in html
    assert "OTHER-ENTERPRISE/QĐ-UBND" not in html
    for _parcels, sales, commission, net in expected_months([history.other], months).values():
        for amount in (sales, commission, net):
            if amount:
                assert currency(amount) not in html
    for _pk, _units, value in expected_best([history.other], months):
        assert currency(value) not in html


def test_a_person_working_for_two_enterprises_sees_the_figures_of_both(client, vendor1, history):
    history.other.users.add(vendor1)
    figures = home(client, vendor1).context["period_figures"]
    months = last_months(timezone.localdate())
    both = [history.own, history.other]
    assert {row.month: [row.parcels, row.sales, row.commission, row.net] for row in figures.months} == (
        expected_months(both, months)
    )
    assert [(r["product_id"], r["units"], r["value"]) for r in figures.best_products] == expected_best(
        both, months
    )


def test_a_year_shows_its_months(client, vendor1, history):
    today = timezone.localdate()
    last_year = today.year - 1
    response = home(client, vendor1, period=str(last_year))
    figures = response.context["period_figures"]
    months = months_of_year(last_year, today)
    assert [row.month for row in figures.months] == months
    shown = {row.month: [row.parcels, row.sales, row.commission, row.net] for row in figures.months}
    assert shown == expected_months([history.own], months)
    this_year = home(client, vendor1, period=str(today.year)).context["period_figures"]
    assert [row.month for row in this_year.months] == months_of_year(today.year, today)


@pytest.mark.parametrize("period", ["abc", "1999", "2026-01", "<script>"])
def test_a_bad_period_gets_a_message_and_the_last_12_months(client, vendor1, history, period):
    response = home(client, vendor1, period=period)
    figures = response.context["period_figures"]
    assert [row.month for row in figures.months] == last_months(timezone.localdate())
    assert len(list(get_messages(response.wsgi_request))) == 1
    assert "<script>" not in response.content.decode()


def test_the_monthly_table_exports_as_xlsx_and_csv(client, vendor1, history):
    months = last_months(timezone.localdate())
    expected = expected_months([history.own], months)
    client.force_login(vendor1)
    response = client.get(HOME, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 1 + len(months)
    read = {row[0].date(): [row[1], D(row[2]), D(row[3]), D(row[4])] for row in rows[1:]}
    assert read == expected
    response = client.get(HOME, {"export": "csv"})
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert lines[1][0] == months[0].strftime("%d/%m/%Y")
    assert [D(line[2]) for line in lines[1:]] == [expected[month][1] for month in months]


def test_a_bad_export_value_shows_the_page(client, vendor1, history):
    response = home(client, vendor1, export="pdf")
    assert response["Content-Type"].startswith("text/html")


def test_the_home_takes_the_same_queries_however_much_the_enterprise_sells(
    client, vendor1, vendor2, shopper, history, django_user_model
):
    client.force_login(vendor1)
    client.get(HOME)
    with CaptureQueriesContext(connection) as before:
        client.get(HOME)
    trade(shopper, history.own_products, history.other_product, rounds=2)
    reader = django_user_model.objects.create_user(username="reader9", email="r9@example.vn", password="x")
    review(history.own_products[2], reader, 2)
    with CaptureQueriesContext(connection) as after:
        response = client.get(HOME)
    assert response.status_code == 200
    assert len(after) == len(before)


def test_reviewers_and_operators_get_no_enterprise_figures(client, admin_user, vendor1, history):
    response = home(client, admin_user, export="csv")
    assert response["Content-Type"].startswith("text/html")
