"""Cached pages are the same for everyone but for each shopper's own parts: their account links,
their basket, their messages, their wish lists, stock alerts and votes, their recently viewed
products, and the CSRF token and script nonce of their own request."""

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.page_cache import placeholders
from tests.factories import add_to_basket
from vendors.models import EnterpriseStatus

ProductAlert = get_model("customer", "ProductAlert")
ProductReview = get_model("reviews", "ProductReview")
StockRecord = get_model("partner", "StockRecord")
Vote = get_model("reviews", "Vote")
WishList = get_model("wishlists", "WishList")

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
NONCE = re.compile(r'<script nonce="([^"]+)"')


@pytest.fixture
def product():
    record = (
        StockRecord.objects.filter(partner__status=EnterpriseStatus.APPROVED, num_in_stock__gt=5)
        .select_related("product")
        .order_by("pk")
        .first()
    )
    return record.product


def twice(client, url):
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    return response


def test_a_signed_in_shopper_gets_the_cached_page_with_their_own_account_links_and_basket(
    client, shopper, product
):
    url = product.get_absolute_url()
    visitor_page = twice(client, url).content.decode()
    assert 'id="logout_link"' not in visitor_page

    client.force_login(shopper)
    add_to_basket(client, product, quantity=2)
    response = client.get(url)
    page = response.content.decode()
    assert response["X-Page-Cache"] == "hit"
    assert 'id="logout_link"' in page
    assert "Add to wish list" in page or "Thêm vào danh sách" in page
    assert 'disabled="disabled" title=' not in page  # not the visitor's "sign in first" button
    mini_basket = page.split('class="basket-mini')[1].split('class="btn-group"')[0]
    assert not re.search(r"(?<![\d.])0 ₫", mini_basket)  # not the visitor's empty basket


def test_a_visitor_after_a_shopper_sees_nothing_of_theirs(client, shopper, product):
    url = product.get_absolute_url()
    client.force_login(shopper)
    twice(client, url)
    client.logout()
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert 'id="logout_link"' not in response.content.decode()
    assert shopper.email not in response.content.decode()


def test_a_message_for_the_shopper_shows_on_a_cached_page(client, product):
    url = product.get_absolute_url()
    twice(client, url)
    added = add_to_basket(client, product)
    assert added.status_code == 302
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert 'class="alert' in response.content.decode()
    assert 'class="alert' not in client.get(url).content.decode()  # shown once


def test_each_request_gets_its_own_csrf_token_and_nonce_and_the_form_works(client, product):
    from django.test import Client

    url = product.get_absolute_url()
    first = twice(client, url)
    other = Client(enforce_csrf_checks=True).get(url)
    assert other["X-Page-Cache"] == "hit"
    assert placeholders.CSRF_TOKEN not in other.content.decode()
    assert placeholders.NONCE not in other.content.decode()
    nonce = NONCE.search(other.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in other["Content-Security-Policy"]
    assert NONCE.search(first.content.decode()).group(1) != nonce

    browser = Client(enforce_csrf_checks=True)
    page = browser.get(url)
    token = TOKEN.search(page.content.decode()).group(1)
    answer = browser.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1, "csrfmiddlewaretoken": token}
    )
    assert answer.status_code == 302


def test_each_language_has_its_own_cached_page(client, product, in_english):
    url = product.get_absolute_url()
    english = twice(client, url).content.decode()
    assert "Add to cart" in english
    client.cookies.pop("django_language", None)
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    vietnamese = client.get(url).content.decode()
    assert "Add to cart" not in vietnamese


def test_recently_viewed_products_are_the_shoppers_own(client, product):
    other = (
        StockRecord.objects.filter(partner__status=EnterpriseStatus.APPROVED, num_in_stock__gt=0)
        .exclude(product=product)
        .select_related("product")
        .first()
        .product
    )
    twice(client, product.get_absolute_url())
    twice(client, other.get_absolute_url())
    page = client.get(product.get_absolute_url()).content.decode()
    assert other.get_absolute_url() in page


def test_staff_see_pages_rendered_for_them(client, admin_user, product):
    url = product.get_absolute_url()
    twice(client, url)
    client.force_login(admin_user)
    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}) in response.content.decode()


def test_a_history_of_only_this_product_changes_nothing_and_costs_one_query(
    client, product, django_assert_max_num_queries
):
    url = product.get_absolute_url()
    twice(client, url)  # the history cookie now names this product only
    with django_assert_max_num_queries(1):  # the content revision
        response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert "<!--personal:recently-viewed-->" in response.content.decode()


VOTE_FORM = 'class="vote_agree"'


def test_a_shopper_is_asked_whether_a_review_helped_until_they_voted_on_it(
    client, shopper, product, django_user_model
):
    author = django_user_model.objects.create_user("author", "author@example.vn", "x")
    review = ProductReview.objects.create(
        product=product, user=author, title="Ngon", body="Ngon", score=5, status=ProductReview.APPROVED
    )
    url = product.get_absolute_url()
    assert VOTE_FORM not in twice(client, url).content.decode()  # a visitor signs in first

    client.force_login(shopper)
    assert VOTE_FORM in client.get(url).content.decode()
    Vote.objects.create(review=review, user=shopper, delta=Vote.UP)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert VOTE_FORM not in response.content.decode()


@pytest.fixture
def sold_out(product):
    product.stockrecords.update(num_in_stock=0, num_allocated=0)
    return product


def test_on_a_sold_out_product_a_visitor_gives_an_email_and_a_shopper_sees_their_own_alert(
    client, shopper, sold_out
):
    url = sold_out.get_absolute_url()
    visitor_page = twice(client, url).content.decode()
    assert 'id="alert_form"' in visitor_page
    assert 'type="text" name="email"' in visitor_page

    client.force_login(shopper)
    shopper_page = client.get(url)
    assert shopper_page["X-Page-Cache"] == "hit"
    assert 'type="text" name="email"' not in shopper_page.content.decode()  # Oscar's hidden field
    assert 'id="alert_form"' in shopper_page.content.decode()

    ProductAlert.objects.create(product=sold_out, user=shopper, status=ProductAlert.ACTIVE)
    with_alert = client.get(url).content.decode()
    assert 'id="alert_form"' not in with_alert
    client.logout()
    assert 'id="alert_form"' in client.get(url).content.decode()


def test_the_wish_list_button_names_the_shoppers_lists_that_hold_the_product(client, shopper, product):
    holding = WishList.objects.create(owner=shopper, name="Quà Tết")
    holding.add(product)
    WishList.objects.create(owner=shopper, name="Đặc sản")
    client.force_login(shopper)
    page = twice(client, product.get_absolute_url()).content.decode()

    remove = reverse(
        "customer:wishlists-remove-product", kwargs={"key": holding.key, "product_pk": product.pk}
    )
    assert remove in page and "Quà Tết" in page
    assert "Đặc sản" in page  # offered to add to


def test_a_review_says_by_you_to_its_author_only(client, shopper, product, django_user_model):
    ProductReview.objects.create(
        product=product, user=shopper, title="Thơm", body="Thơm", score=5, status=ProductReview.APPROVED
    )
    reader = django_user_model.objects.create_user("reader", "reader@example.vn", "x")
    url = product.get_absolute_url()
    byline = f"<strong>{ProductReview.objects.get(user=shopper).reviewer_name}</strong>"
    assert byline in twice(client, url).content.decode()

    client.force_login(shopper)
    authors_page = client.get(url)
    assert authors_page["X-Page-Cache"] == "hit"
    assert byline not in authors_page.content.decode()
    assert "Bạn đã đánh giá" in authors_page.content.decode()

    client.force_login(reader)
    assert byline in client.get(url).content.decode()
