"""Every page a shopper opens costs at most 15 SQL queries, anonymous or signed in, however many
basket lines, enterprises and reviews it shows (issue 17, "Fast pages").

Measured in the heavy case: a 12-line basket from 12 enterprises (the visitor's cookie basket, or
the signed-in shopper's own), a product with a lot, a verified certificate and 5 published
reviews other shoppers voted on (the shopper too, on one), and for the shopper unread
notifications, a wishlist and an order. Pages are built afresh, with any page cache off; each is
opened once before it is counted, as the process's first page also fills caches kept across
requests.

"""

import pytest
from django.conf import settings as django_settings
from django.core.signing import Signer
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from marketplace.demo.builders import PROVINCE_CODE
from tests.catalogue.test_product_page import earn_every_badge
from tests.checkout.conftest import Checkout
from tests.checkout.test_query_counts import products_of_new_enterprises
from tests.factories import enterprise_of, factless_product, place_order, stocked_product

Basket = get_model("basket", "Basket")
Category = get_model("catalogue", "Category")
Notification = get_model("communication", "Notification")
ProductReview = get_model("reviews", "ProductReview")
Vote = get_model("reviews", "Vote")
WishList = get_model("wishlists", "WishList")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15
PUBLISHED = ProductReview.APPROVED
LINES = 12
REVIEWS = 5


@pytest.fixture
def heavy(settings, vendor1, shopper, django_user_model):
    """The heavy case's records; pages measured as they are built (no page cache)."""
    settings.PAGE_CACHE_ENABLED = False
    model = stocked_product(enterprise_of(vendor1))
    products = products_of_new_enterprises(enterprise_of(vendor1), model, LINES)
    product = factless_product()
    earn_every_badge(product, next(r.partner for r in product.stockrecords.all() if r.partner.is_approved))
    users = django_user_model.objects
    voters = [users.create_user(f"voter{n}", f"voter{n}@example.vn", "x") for n in range(3)]
    for n in range(REVIEWS):
        author = users.create_user(f"reader{n}", f"reader{n}@example.vn", "x")
        review = ProductReview.objects.create(
            product=product, user=author, title=f"Ngon {n}", body="Ngon", score=5, status=PUBLISHED
        )
        for voter in voters[: n % 3 + 1]:
            Vote.objects.create(review=review, user=voter, delta=Vote.UP)
    Vote.objects.create(review=review, user=shopper, delta=Vote.UP)
    for n in range(3):
        Notification.objects.create(recipient=shopper, subject=f"Tin {n}", body="Đơn hàng đã giao")
    wishlist = WishList.objects.create(owner=shopper, name="Quà Tết", visibility=WishList.PUBLIC)
    for item in products[:4]:
        wishlist.add(item)
    return {
        "products": products,
        "product": product,
        "order": place_order(shopper, confirm=True),
        "wishlist": wishlist,
    }


def fill_basket(client, products, owner=None):
    """A basket holding one of each product: the owner's, or the client's cookie basket."""
    basket = Basket.objects.create(owner=owner)
    basket.strategy = Selector().strategy()
    for item in products:
        basket.add_product(item, 1)
    if owner is None:
        client.cookies[django_settings.OSCAR_BASKET_COOKIE_OPEN] = Signer().sign(basket.id)


@pytest.fixture(params=["anonymous", "signed in"])
def visitor(request, client, heavy, shopper):
    """Who looks: a visitor with a cookie basket, or the shopper signed in with their own basket."""
    if request.param == "signed in":
        Basket.objects.filter(owner=shopper, status=Basket.OPEN).delete()
        fill_basket(client, heavy["products"], owner=shopper)
        client.force_login(shopper)
    else:
        fill_basket(client, heavy["products"])
    return request.param


def shopper_pages(heavy, visitor):
    """(name, address) of every page a shopper opens outside checkout (a wishlist's own page is
    its owner's: anyone else gets a 404)."""
    product, order, wishlist = heavy["product"], heavy["order"], heavy["wishlist"]
    storefront = heavy["products"][0].stockrecords.get().partner
    search = reverse("search:search")
    return [
        ("home", "/"),
        ("catalogue", reverse("catalogue:index")),
        ("category", Category.objects.filter(depth=1).order_by("path").first().get_absolute_url()),
        ("product", product.get_absolute_url()),
        ("reviews", reverse("catalogue:reviews-list", args=[product.slug, product.pk])),
        ("search", f"{search}?q=mat+ong"),
        ("search with filters", f"{search}?q=mat+ong&province={PROVINCE_CODE}&badge=verified-origin"),
        ("storefront", reverse("enterprises:detail", kwargs={"slug": storefront.slug})),
        ("enterprises", reverse("enterprises:list")),
        ("autocomplete", f"{reverse('search:suggest')}?q=mat+o"),
        ("basket", reverse("basket:summary")),
        ("account", reverse("customer:summary")),
        ("profile", reverse("customer:profile-view")),
        ("order history", reverse("customer:order-list")),
        ("order", reverse("customer:order", kwargs={"order_number": order.number})),
        ("wishlists", reverse("customer:wishlists-list")),
        *[("wishlist", reverse("customer:wishlists-detail", kwargs={"key": wishlist.key}))]
        * (visitor == "signed in"),
        ("shared wishlist", reverse("wishlists:detail", kwargs={"key": wishlist.key})),
        ("notifications", reverse("customer:notifications-inbox")),
    ]


CHECKOUT_STEPS = [
    ("shipping address", "checkout:shipping-address"),
    ("shipping method", "checkout:shipping-method"),
    ("payment method", "checkout:payment-method"),
    ("preview", "checkout:preview"),
]


def queries_of(client, address):
    """The queries the page at ``address`` runs, opened a second time."""
    client.get(address)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code in (200, 302), (address, response.status_code)
    return len(captured)


def page_costs(client, heavy, visitor):
    """{page: queries} for every page, checkout's steps last (once the shopper is at the preview)."""
    costs = {name: queries_of(client, address) for name, address in shopper_pages(heavy, visitor)}
    checkout = Checkout(client, email="guest@example.vn" if visitor == "anonymous" else None).start()
    assert checkout.address().status_code == 302
    assert checkout.delivery().status_code == 302
    assert checkout.pay_by("cod").status_code == 302
    costs.update({name: queries_of(client, reverse(url)) for name, url in CHECKOUT_STEPS})
    return costs


def test_every_page_costs_at_most_15_queries(client, heavy, visitor):
    costs = page_costs(client, heavy, visitor)

    over = {page: queries for page, queries in costs.items() if queries > MAX_QUERIES}
    assert not over, f"over {MAX_QUERIES} queries ({visitor}): {over}; all: {costs}"
