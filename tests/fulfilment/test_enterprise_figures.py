"""Enterprise staff see their parcels and their own figures; the pages about whole orders are the
operator's.

One order holds a line of vendor1's and one of vendor2's: vendor1's dashboard home, parcel list,
parcel detail and statement CSV show vendor1's share of it (its parcel: goods and shipping), and
neither vendor2's share nor the whole order's total.
"""

import csv
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model
from oscar.templatetags.currency_filters import currency

from marketplace.payment.cancellation import cancel_parcel
from tests.factories import parcel_of, place_order, product_of, shared_order

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

# Queries of an enterprise's home, however many parcels and products it has: the session and
# user, the menu's permission checks, and its figures (sales, parcels by status, products, stock;
# over the chosen period: by month from parcels and from the ledger, best products, ratings,
# lowest rated, certificates).
HOME_QUERIES = 14


@pytest.fixture
def order(shopper, vendor1, vendor2):
    return shared_order(shopper, vendor1, vendor2)


@pytest.fixture
def shares(order, vendor1, vendor2):
    """(vendor1's parcel, vendor2's parcel) of the shared order."""
    return parcel_of(order, vendor1), parcel_of(order, vendor2)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def assert_only_own_share(html, order, own, other):
    assert currency(own.total) in html
    for foreign in (other.total, other.lines_total, order.total_incl_tax, order.total_excl_tax):
        assert currency(foreign) not in html


def test_amounts_are_shown_in_dong_with_dots_between_thousands():
    assert currency(252000) == "252.000 ₫"


def test_the_home_of_an_enterprise_shows_its_own_sales_and_parcels(client, vendor1, order, shares):
    own, other = shares
    client.force_login(vendor1)
    response = client.get(reverse("dashboard:index"))
    html = response.content.decode()
    assert_only_own_share(html, order, own, other)
    sales = html[html.index('id="enterprise_sales"') :]
    assert sales.count(currency(own.total)) == 3  # last 24 hours, all time, average
    assert 'data-status="confirmed">1<' in html
    figures = response.context["figures"]
    assert (figures.sales, figures.sold_parcels) == (own.total, 1)
    assert (figures.sales_last_day, figures.average_parcel) == (own.total, own.total)
    assert figures.products == Product.objects.filter(stockrecords__partner__users=vendor1).distinct().count()


def test_parcels_not_sold_or_sold_and_cancelled_are_no_sales(client, shopper, vendor1, vendor2, shares):
    own, _other = shares
    cancel_parcel(own, by=vendor1, reason="Hết hàng")
    unpaid = parcel_of(shared_order(shopper, vendor1, vendor2, confirm=False), vendor1)
    client.force_login(vendor1)
    figures = client.get(reverse("dashboard:index")).context["figures"]
    assert (figures.sales, figures.sold_parcels) == (0, 0)
    counts = {status: n for status, _label, n in figures.parcels_by_status}
    assert (counts[own.Status.CANCELLED], counts[unpaid.status]) == (1, 1)


def test_the_parcel_list_shows_only_the_enterprises_share(client, vendor1, order, shares):
    own, other = shares
    client.force_login(vendor1)
    html = page(client, reverse("dashboard:parcel-list"))
    assert own.number in html
    assert other.number not in html
    assert_only_own_share(html, order, own, other)


def test_the_parcel_page_shows_the_parcels_lines_shipping_and_total(client, vendor1, order, shares):
    own, other = shares
    client.force_login(vendor1)
    html = page(client, reverse("dashboard:parcel-detail", kwargs={"number": own.number}))
    for amount in (own.lines_total, own.shipping_charge, own.total):
        assert currency(amount) in html
    assert_only_own_share(html, order, own, other)
    assert other.lines.get().title not in html


def test_the_statement_csv_holds_only_the_enterprises_sale(client, vendor1, order, shares):
    own, other = shares
    enterprise = own.enterprise
    today = timezone.localdate()
    url = reverse(
        "dashboard:payout-statement-csv",
        kwargs={"enterprise": enterprise.pk, "year": today.year, "month": today.month},
    )
    client.force_login(vendor1)
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    sales = [row for row in rows if row[2] == own.number]
    assert [row[4] for row in sales] == [f"{own.total:.0f}"]
    for foreign in (other.total, order.total_incl_tax):
        assert f"{foreign:.0f}" not in text
    assert other.number not in text


def order_pages(order, line):
    return {
        "order list": reverse("dashboard:order-list"),
        "order statistics": reverse("dashboard:order-stats"),
        "order detail": reverse("dashboard:order-detail", kwargs={"number": order.number}),
        "line detail": reverse(
            "dashboard:order-line-detail", kwargs={"number": order.number, "line_id": line.pk}
        ),
    }


def test_order_pages_open_for_the_operator(client, admin_user, order):
    client.force_login(admin_user)
    for name, url in order_pages(order, order.lines.first()).items():
        assert client.get(url).status_code == 200, name
    html = page(client, reverse("dashboard:order-detail", kwargs={"number": order.number}))
    assert 'name="order_action" value="refund"' in html
    assert currency(order.total_incl_tax) in html


def test_enterprise_staff_are_sent_from_order_pages_to_their_parcels(client, vendor1, order, shares):
    own, _other = shares
    client.force_login(vendor1)
    line = order.lines.get(partner=own.enterprise)
    expected = {
        "order list": reverse("dashboard:parcel-list"),
        "order statistics": reverse("dashboard:parcel-list"),
        "order detail": reverse("dashboard:parcel-detail", kwargs={"number": own.number}),
        "line detail": reverse("dashboard:parcel-detail", kwargs={"number": own.number}),
    }
    for name, url in order_pages(order, line).items():
        response = client.get(url)
        assert (response.status_code, response["Location"]) == (302, expected[name]), name


def test_order_pages_beyond_the_enterprises_parcels_are_refused(client, vendor1, vendor2, shopper, order):
    vendor2_only = place_order(shopper, {product_of(vendor2): 1}, confirm=True)
    client.force_login(vendor1)
    refused = [
        reverse("dashboard:order-detail", kwargs={"number": vendor2_only.number}),
        reverse(
            "dashboard:order-line-detail",
            kwargs={"number": order.number, "line_id": order.lines.get(partner__users=vendor2).pk},
        ),
        reverse("dashboard:order-detail-note", kwargs={"number": order.number, "note_id": 1}),
        reverse("dashboard:order-shipping-address", kwargs={"number": order.number}),
        f"/dashboard/orders/{order.number}/lines/{10**20}/",
    ]
    for url in refused:
        assert client.get(url).status_code == 403, url
    for url in ("/dashboard/orders/%00/", "/dashboard/orders/%00/lines/1/"):
        assert client.get(url).status_code in (400, 403), url


def test_enterprise_staff_can_neither_download_nor_change_orders(client, vendor1, order):
    client.force_login(vendor1)
    response = client.post(
        reverse("dashboard:order-list"),
        {"action": "download_selected_orders", "selected_order": [order.pk]},
    )
    assert response.status_code == 403
    assert "csv" not in response.get("Content-Type", "")
    response = client.post(
        reverse("dashboard:order-detail", kwargs={"number": order.number}),
        {"order_action": "change_order_status", "new_status": "Cancelled"},
    )
    assert response.status_code == 403
    order.refresh_from_db()
    assert order.status != "Cancelled"


def dashboard_links(html):
    return set(re.findall(r'href="(/dashboard/[^"#]*)"', html.replace("&amp;", "&")))


def test_every_dashboard_link_on_an_enterprises_pages_opens(client, vendor1, shares):
    own, _other = shares
    client.force_login(vendor1)
    pages = (
        reverse("dashboard:index"),
        reverse("dashboard:parcel-list"),
        reverse("dashboard:parcel-detail", kwargs={"number": own.number}),
    )
    links = set().union(*(dashboard_links(page(client, url)) for url in pages))
    assert reverse("dashboard:parcel-list") in links
    assert not {reverse("dashboard:order-list"), reverse("dashboard:order-stats")} & links
    closed = {url: code for url in sorted(links) if (code := client.get(url).status_code) != 200}
    assert closed == {}


def test_the_operators_menu_keeps_the_order_pages(client, admin_user):
    client.force_login(admin_user)
    links = dashboard_links(page(client, reverse("dashboard:index")))
    assert {reverse("dashboard:order-list"), reverse("dashboard:order-stats")} <= links


def test_the_home_lists_low_stock_with_a_link_to_the_product(client, vendor1):
    product = product_of(vendor1)
    record = StockRecord.objects.get(product=product, partner__users=vendor1)
    record.low_stock_threshold = record.num_in_stock + 1
    record.save()
    client.force_login(vendor1)
    response = client.get(reverse("dashboard:index"))
    assert response.context["figures"].low_stock_count == 1
    assert reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}) in response.content.decode()


def test_the_home_of_an_enterprise_takes_the_same_queries_however_much_it_sells(
    client, shopper, vendor1, vendor2, django_assert_max_num_queries
):
    for _ in range(3):
        shared_order(shopper, vendor1, vendor2)
    for record in StockRecord.objects.filter(partner__users=vendor1)[:3]:
        record.low_stock_threshold = record.num_in_stock + 1
        record.save()
    client.force_login(vendor1)
    with django_assert_max_num_queries(HOME_QUERIES):
        response = client.get(reverse("dashboard:index"))
    assert response.context["figures"].sold_parcels == 3
    assert response.context["figures"].low_stock_count == 3


def test_reviewers_find_the_province_console_on_the_home_and_no_enterprise_figures(client, reviewer):
    client.force_login(reviewer)
    response = client.get(reverse("dashboard:index"), follow=True)
    assert response.redirect_chain == [(reverse("dashboard:province-console"), 302)]
    assert 'id="enterprise_sales"' not in response.content.decode()
