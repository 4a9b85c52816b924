"""What every shopper page pays before its own content (issue 17): the mini basket in two queries
however many lines, the site's offers kept until one changes, and the signed-in shopper loaded in
one query with their unread notifications, permissions and enterprises; every change shows on the
next page."""

from datetime import timedelta
from decimal import Decimal
from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from tests.checkout.test_query_counts import products_of_new_enterprises
from tests.factories import enterprise_of, stocked_product
from tests.marketplace.test_page_queries import fill_basket

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Notification = get_model("communication", "Notification")
Range = get_model("offer", "Range")

pytestmark = pytest.mark.django_db

PAGE = "/enterprises/"


@pytest.fixture(autouse=True)
def pages_built_afresh(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def products(vendor1):
    model = stocked_product(enterprise_of(vendor1))
    return products_of_new_enterprises(enterprise_of(vendor1), model, 12)


def queries_of(client, address=PAGE):
    client.get(address)  # the process's first page fills what is kept across requests
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return response, [query["sql"] for query in captured]


def test_a_twelve_line_basket_from_twelve_enterprises_costs_a_page_what_a_one_line_basket_does(
    client, products, django_user_model
):
    fill_basket(client, products[:1])
    _, one_line = queries_of(client)
    fill_basket(client, products)
    response, twelve_lines = queries_of(client)

    assert len(twelve_lines) == len(one_line)
    assert response.wsgi_request.basket.num_lines == 12


def test_the_mini_basket_shows_each_lines_picture_price_and_total_from_two_queries(client, products):
    fill_basket(client, products)
    client.get(PAGE)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(PAGE)
        basket = response.wsgi_request.basket
        lines = basket.all_lines()
        pictures = [line.product.primary_image() for line in lines]
        total = basket.total_incl_tax
    selects = [query["sql"] for query in captured]
    assert len([sql for sql in selects if sql.startswith('SELECT "basket_')]) == 2  # the basket, its lines
    prefetched = ('SELECT "catalogue_productimage', 'SELECT "partner_stockrecord')
    assert not [sql for sql in selects if sql.startswith(prefetched)]
    assert not [sql for sql in selects if "offer_conditionaloffer" in sql]
    assert len(pictures) == 12 and total == sum(line.line_price_incl_tax for line in lines)


# --- The signed-in shopper ------------------------------------------------------------------


def signed_in(client, user):
    client.force_login(user)
    return client


def test_a_signed_in_shoppers_page_knows_their_notifications_permissions_and_enterprises_from_one_query(
    client, vendor1
):
    Notification.objects.create(recipient=vendor1, subject="Đơn mới", body="Có đơn hàng mới")
    response, queries = queries_of(signed_in(client, vendor1))

    user_queries = [sql for sql in queries if 'FROM "auth_user"' in sql]
    assert len(user_queries) == 1
    asked_apart = [
        sql
        for sql in queries
        if 'FROM "auth_user"' not in sql
        and any(
            table in sql
            for table in ("communication_notification", "auth_permission", "partner_partner_users")
        )
    ]
    assert asked_apart == []
    page = response.content.decode()
    assert 'badge-warning">1<' in page
    assert reverse("dashboard:index") in page
    assert response.wsgi_request.user.staff_enterprise_ids == {enterprise_of(vendor1).pk}


def test_a_notification_read_shows_on_the_next_page(client, shopper):
    note = Notification.objects.create(recipient=shopper, subject="Tin", body="Đơn hàng đã giao")
    assert 'badge-warning">1<' in signed_in(client, shopper).get(PAGE).content.decode()

    note.date_read = timezone.now()
    note.save()

    assert "badge-warning" not in client.get(PAGE).content.decode()


def test_a_permission_granted_shows_on_the_next_page(client, shopper):
    content = reverse("wagtailadmin_home")
    assert content not in signed_in(client, shopper).get(PAGE).content.decode()

    shopper.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )

    assert content in client.get(PAGE).content.decode()


def test_joining_an_approved_enterprise_shows_the_dashboard_on_the_next_page(client, shopper, vendor1):
    dashboard = reverse("dashboard:index")
    assert dashboard not in signed_in(client, shopper).get(PAGE).content.decode()

    enterprise_of(vendor1).users.add(shopper)

    response = client.get(PAGE)
    assert dashboard in response.content.decode()
    assert response.wsgi_request.user.staff_enterprise_ids == {enterprise_of(vendor1).pk}


# --- The site's offers ----------------------------------------------------------------------


def site_offer(**dates):
    """10% off everything, for every shopper."""
    everything = Range.objects.create(name="Tất cả", includes_all_products=True)
    return ConditionalOffer.objects.create(
        name="Giảm 10% mùa Tết",
        offer_type=ConditionalOffer.SITE,
        condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=10),
        **dates,
    )


def discounts_on_basket_page(client):
    basket = client.get(reverse("basket:summary")).wsgi_request.basket
    return [discount["name"] for discount in basket.offer_discounts], basket.total_discount


def test_an_offer_created_shows_on_the_next_basket_page(client, products, django_capture_on_commit_callbacks):
    fill_basket(client, products[:2])
    assert discounts_on_basket_page(client) == ([], Decimal("0"))

    with django_capture_on_commit_callbacks(execute=True):
        site_offer()

    names, discount = discounts_on_basket_page(client)
    assert names == ["Giảm 10% mùa Tết"] and discount > 0


def test_an_offer_ended_by_hand_is_gone_from_the_next_basket_page(
    client, products, django_capture_on_commit_callbacks
):
    fill_basket(client, products[:2])
    offer = site_offer()
    assert discounts_on_basket_page(client)[0] == ["Giảm 10% mùa Tết"]

    with django_capture_on_commit_callbacks(execute=True):
        offer.end_datetime = timezone.now() - timedelta(minutes=1)
        offer.save()

    assert discounts_on_basket_page(client) == ([], Decimal("0"))


def test_an_offer_runs_only_between_its_dates_without_anything_saved(client, products):
    fill_basket(client, products[:2])
    start = timezone.now() + timedelta(hours=1)
    site_offer(start_datetime=start, end_datetime=start + timedelta(hours=1))
    assert discounts_on_basket_page(client)[0] == []

    with mock.patch("marketplace.basket.offers.now", return_value=start + timedelta(minutes=30)):
        assert discounts_on_basket_page(client)[0] == ["Giảm 10% mùa Tết"]
    with mock.patch("marketplace.basket.offers.now", return_value=start + timedelta(hours=2)):
        assert discounts_on_basket_page(client)[0] == []
