"""Product cards: printed from card values, kept as fragments, and never stale (issue 17, point 2).

Every list of products shows the same card. A card is rendered once per product version,
language and badge day, then served from the cache; a sale, an edit, a certificate decision,
an expiry or an enterprise's suspension shows on the very next request. The page cache is
switched off here so that each request renders its cards.
"""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, translate_url
from django.urls.resolvers import URLResolver
from django.utils import timezone, translation
from oscar.core.loading import get_model

from catalogue import card_fragments, cards
from catalogue.models import OcopCertificate, ProductQuerySet
from search.views import ProductListView
from tests.factories import factless_product, ocop_certificate
from vendors import review
from vendors.models import EnterpriseStatus

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

CATALOGUE = reverse("catalogue:index")
CSRF_VALUE = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*')


@pytest.fixture(autouse=True)
def every_card_on_one_uncached_page(settings, monkeypatch):
    """The whole demo catalogue on one page, rendered anew on every request."""
    settings.PAGE_CACHE_ENABLED = False
    monkeypatch.setattr(ProductListView, "per_page", 100)


@pytest.fixture
def product():
    """A demo product without certificate, lot or verified origin, with stock to sell."""
    product = factless_product()
    record = seller_record(product)
    record.num_in_stock, record.num_allocated, record.price = 10, 0, Decimal(120000)
    record.save()
    return product


def seller_record(product):
    return next(record for record in product.stockrecords.all() if record.partner.is_approved)


def card(client, product, at=CATALOGUE, **params):
    """The product's card on the catalogue page ("" when the page does not list it), its CSRF
    token (different in every response) written as TOKEN."""
    html = CSRF_VALUE.sub(r"\1TOKEN", client.get(at, params).content.decode())
    pods = [
        pod for pod in html.split('<article class="product_pod">')[1:] if product.get_absolute_url() in pod
    ]
    return pods[0].split("</article>")[0] if pods else ""


def certificate_for(product, **fields):
    return ocop_certificate(product, seller_record(product).partner, **fields)


# --- What a card shows ---------------------------------------------------------------------


def test_a_card_shows_title_link_picture_price_stock_and_a_basket_form(client, product):
    shown = card(client, product)
    url = product.get_absolute_url()
    assert f'<a href="{url}" title="{product.get_title()}">' in shown
    assert f'alt="{product.get_title()}"' in shown
    assert '<img src="/media/' in shown
    assert '<p class="price_color">120.000 ₫</p>' in shown
    assert '<p class="instock availability">' in shown
    assert f'<form action="{reverse("basket:add", kwargs={"pk": product.pk})}" method="post">' in shown
    assert 'name="csrfmiddlewaretoken"' in shown
    assert '<input type="hidden" name="quantity" value="1"' in shown


def test_a_cached_card_carries_the_csrf_field_of_the_page_that_shows_it(product):
    products = list(Product.objects.for_cards().filter(pk=product.pk))
    (first,) = card_fragments.render_cards(products, csrf_field="<input name=csrfmiddlewaretoken value=AAA>")
    (second,) = card_fragments.render_cards(products, csrf_field="<input name=csrfmiddlewaretoken value=BBB>")
    assert "value=AAA" in first
    assert "value=BBB" in second and "AAA" not in second


# --- Cost ------------------------------------------------------------------------------------


def test_a_card_is_rendered_once_then_served_from_the_cache(client, product, monkeypatch):
    caches["default"].clear()
    built = []
    build = cards.build_cards
    monkeypatch.setattr(
        card_fragments, "build_cards", lambda products, *a: built.extend(products) or build(products, *a)
    )
    first = card(client, product)
    assert product.pk in [p.pk for p in built]
    built.clear()
    assert card(client, product) == first
    assert built == []


def test_a_list_page_reverses_as_many_urls_for_48_cards_as_for_4(client, monkeypatch):
    client.get(CATALOGUE)  # the site's own caches
    real = URLResolver._reverse_with_prefix
    reversed_ = {}
    for per_page in (4, 48):
        monkeypatch.setattr(ProductListView, "per_page", per_page)
        names = reversed_[per_page] = []
        monkeypatch.setattr(
            URLResolver,
            "_reverse_with_prefix",
            lambda self, name, *a, names=names, **k: names.append(name) or real(self, name, *a, **k),
        )
        caches["default"].clear()  # every card rendered anew
        assert client.get(CATALOGUE).content.count(b'class="product_pod"') == per_page
    # The product page and basket patterns once each for all the cards; the rest is the page's own.
    assert reversed_[48].count("detail") == reversed_[48].count("add") == 1
    assert len(reversed_[48]) == len(reversed_[4])


def test_a_list_page_costs_the_same_queries_for_4_cards_and_for_48(client, monkeypatch):
    client.get(CATALOGUE)  # the site's own caches
    counts = {}
    for per_page in (4, 48):
        monkeypatch.setattr(ProductListView, "per_page", per_page)
        caches["default"].clear()  # every card rendered anew
        with CaptureQueriesContext(connection) as queries:
            client.get(CATALOGUE, {"sort_by": "newest"})
        counts[per_page] = len(queries)
    assert counts[4] == counts[48] <= 15


def test_a_list_page_whose_cards_are_cached_loads_no_product_for_them(client, monkeypatch):
    """Cached cards are found by their products' versions, read in one query: the products are
    only loaded for the cards not rendered yet, so a page costs the same for 4 cached cards as for 48."""
    loads = []
    for_cards = ProductQuerySet.for_cards
    monkeypatch.setattr(ProductQuerySet, "for_cards", lambda self: loads.append(self) or for_cards(self))
    counts = {}
    for per_page in (4, 48):
        monkeypatch.setattr(ProductListView, "per_page", per_page)
        client.get(CATALOGUE)  # the site's own caches, and this page's cards
        loads.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(CATALOGUE).content.count(b'class="product_pod"') == per_page
        counts[per_page] = len(queries)
        assert loads == []
    assert counts[4] == counts[48]


def test_cached_cards_cost_one_query_whatever_their_number():
    for n in (2, 24):
        ids = list(Product.objects.browsable().order_by("pk").values_list("pk", flat=True)[:n])
        rendered = card_fragments.render_cards(ids)
        with CaptureQueriesContext(connection) as queries:
            assert card_fragments.render_cards(ids) == rendered
        assert len(rendered) == n and len(queries) == 1


def test_cards_of_products_loaded_without_their_facts_cost_the_same_queries_for_2_as_for_8():
    """A shopper's history or recommendations come as plain products: their facts are fetched once."""
    counts = {}
    for n in (2, 8):
        products = list(Product.objects.browsable().order_by("pk")[:n])
        caches["default"].clear()
        with CaptureQueriesContext(connection) as queries:
            shown = card_fragments.render_cards(products)
        assert len(shown) == n and all('class="product_pod"' in html for html in shown)
        counts[n] = len(queries)
    assert counts[2] == counts[8]


# --- Never stale --------------------------------------------------------------------------------


def test_a_new_price_shows_on_the_next_request(client, product):
    assert "120.000 ₫" in card(client, product)
    record = seller_record(product)
    record.price = Decimal(99000)
    record.save()
    assert '<p class="price_color">99.000 ₫</p>' in card(client, product)


def test_a_sold_out_product_offers_no_basket_form_on_the_next_request(client, product):
    assert "<form" in card(client, product)
    record = seller_record(product)
    record.num_allocated = record.num_in_stock  # every unit sold, awaiting dispatch
    record.save()
    shown = card(client, product)
    assert "<form" not in shown
    assert '<span class="btn btn-secondary btn-block disabled">' in shown
    assert "instock" not in shown


def test_an_edited_title_shows_on_the_next_request(client, product):
    card(client, product)
    product.title = "Nước mắm cốt Cửa Tùng thượng hạng"
    product.save()
    assert 'title="Nước mắm cốt Cửa Tùng thượng hạng"' in card(client, product)


def test_a_certificate_verified_by_the_department_shows_its_stars_on_the_next_request(client, product):
    certificate = certificate_for(product, status=OcopCertificate.Status.PENDING)
    assert "product-badge--ocop-" not in card(client, product)
    # A bare update: no save signal, no date changed anywhere but the certificate's status.
    OcopCertificate.objects.filter(pk=certificate.pk).update(status=OcopCertificate.Status.VERIFIED)
    assert "product-badge--ocop-4" in card(client, product)


def test_stars_disappear_on_the_certificates_expiry_day_without_any_change(client, product, monkeypatch):
    today = timezone.localdate()
    certificate_for(product, status=OcopCertificate.Status.VERIFIED, valid_until=today + timedelta(days=1))
    assert "product-badge--ocop-4" in card(client, product)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today + timedelta(days=1))
    assert "product-badge--ocop-" not in card(client, product)


def test_a_suspended_enterprises_product_leaves_the_lists_on_the_next_request(client, product, reviewer):
    assert card(client, product)
    for record in product.stockrecords.all():
        if record.partner.is_approved:
            review.move(
                record.partner, EnterpriseStatus.SUSPENDED, by=reviewer, reason="Kiểm tra an toàn thực phẩm"
            )
    assert card(client, product) == ""


def test_each_language_gets_its_own_card(client, product):
    vietnamese = card(client, product)
    english_catalogue = translate_url(CATALOGUE, "en")
    with translation.override("en"):  # its cards link to the products' English addresses
        english = card(client, product, at=english_catalogue)
    assert 'data-loading-text="Đang thêm..."' in vietnamese
    assert 'data-loading-text="Adding..."' in english and "Thêm vào giỏ hàng" not in english
    assert card(client, product) == vietnamese
