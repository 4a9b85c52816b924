"""The product page a shopper reads on a phone: price with tax included and no tax or UPC rows, the
pictures sized and loaded in turn, the enterprise that sells it, the badges, the lots and the origin."""

import re
from datetime import date
from urllib.parse import quote

import pytest
from django.urls import reverse

from catalogue import traceability
from catalogue.badges import trace_url
from catalogue.models import Lot, LotStep
from tests.factories import factless_product
from tests.visible_text import visible_texts

pytestmark = pytest.mark.django_db

IMAGES = re.compile(r'<img [^>]*class="product-gallery__image"[^>]*>')


@pytest.fixture
def product():
    return factless_product(upc="OCOP-UPC-0042")


@pytest.fixture
def enterprise(product):
    return next(record.partner for record in product.stockrecords.all() if record.partner.is_approved)


def page(client, product):
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def published_lot(product, code, made):
    lot = Lot.objects.create(product=product, lot_code=code, production_date=made)
    LotStep.objects.create(lot=lot, position=1, event="Thu hoạch", date=made)
    return traceability.publish(lot)


def test_a_shopper_sees_the_price_with_tax_included_and_no_tax_or_upc_rows(client, in_english, product):
    html = page(client, product)
    texts = " ".join(visible_texts(html))
    for oscar_row in ("UPC", "OCOP-UPC-0042", "excl. tax", "incl. tax", "Tax", "Product Type"):
        assert oscar_row not in texts
    price = product.stockrecords.first().price
    assert f'class="product-page__price price_color">{price:,.0f}'.replace(",", ".") in html
    assert "₫" in html[html.index("product-page__price") :][:60]


def test_the_pictures_have_their_size_and_only_the_first_loads_at_once(client, product):
    images = IMAGES.findall(page(client, product))
    assert images, "the product page shows its pictures"
    assert all('width="600"' in image and 'height="600"' in image for image in images)
    assert 'loading="lazy"' not in images[0]
    assert all('loading="lazy"' in image for image in images[1:])


def test_the_enterprise_card_names_the_seller_and_links_its_storefront(
    client, in_english, product, enterprise
):
    html = page(client, product)
    card = html[html.index('class="card sold-by enterprise-card"') :]
    card = card[: card.index('class="product-page__details"')]
    storefront = reverse("enterprises:detail", kwargs={"slug": enterprise.slug})
    assert enterprise.name in card
    assert f'class="btn btn-outline-primary btn-sm enterprise-card__storefront" href="{storefront}"' in card


def test_traceable_lots_are_listed_newest_first_each_linking_its_page(client, product):
    older = published_lot(product, "VL-01", date(2026, 1, 5))
    newer = published_lot(product, "VL-02", date(2026, 3, 1))
    Lot.objects.create(product=product, lot_code="VL-03", production_date=date(2026, 4, 1))  # a draft
    html = page(client, product)
    links = re.findall(r'class="product-lots__link" href="([^"]+)"', html)
    assert links == [trace_url(newer, product), trace_url(older, product)]


def test_a_product_without_a_traceable_lot_has_no_lots_section(client, product):
    assert 'id="lots"' not in page(client, product)


def test_the_sections_come_in_the_order_a_phone_reads_them(client, product):
    product.description = "<p>Đậm đà.</p>"
    product.save()
    published_lot(product, "VL-01", date(2026, 1, 5))
    html = page(client, product)
    order = [
        'id="product_gallery"',
        "product-page__title",
        "product-page__price",
        "add_to_basket_form",
        "sold-by enterprise-card",
        'id="origin"',
        'id="lots"',
        'id="product_description"',
        'id="reviews"',
    ]
    positions = [html.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_the_origin_links_the_communes_place_page_when_there_is_one(client, product):
    from cms.place_pages import PlacePage

    place = PlacePage.objects.live().filter(commune__isnull=False).first()
    if place is None:
        pytest.skip("the demo province has no place page")
    product.origin_commune = place.commune
    product.origin_province = place.commune.province
    product.save()
    origin = page(client, product)
    origin = origin[origin.index('class="product-origin__place"') :]
    assert f'<a href="{place.get_url()}">' in origin[: origin.index("</dd>")]


def test_the_page_loads_its_own_styles(client, product):
    assert "/static/css/product-page.css" in page(client, product)


def test_a_signed_out_shopper_is_offered_to_sign_in_to_keep_the_product_in_a_wish_list(
    client, in_english, product
):
    html = page(client, product)
    path = product.get_absolute_url()
    link = re.search(r'<a class="[^"]*btn-wishlist[^"]*" href="([^"]+)">([^<]+)</a>', html)
    assert link.group(2) == "Sign in to keep it in a wish list"
    assert link.group(1) == reverse("customer:login") + "?next=" + quote(path)  # back here afterwards
    assert 'disabled="disabled"' not in html
