"""The product page shows each badge with its evidence, the origin, the seller, and schema.org data."""

import json
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from oscar.core.loading import get_model

from catalogue import traceability
from catalogue.badges import verified_badges
from catalogue.models import ClaimStatus, Lot, LotStep, OcopCertificate, Product
from catalogue.templatetags.badge_tags import badge_facts_fetched
from tests.factories import factless_product, ocop_certificate

ProductReview = get_model("reviews", "ProductReview")

pytestmark = pytest.mark.django_db

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def product():
    """The first demo product, stripped of the facts that make badges."""
    return factless_product(origin_wording="thôn Tùng Luật, huyện Vĩnh Linh")


@pytest.fixture
def record(product):
    return next(record for record in product.stockrecords.all() if record.partner.is_approved)


@pytest.fixture
def enterprise(record):
    return record.partner


def earn_every_badge(product, enterprise):
    ocop_certificate(
        product,
        enterprise,
        decision_number="3981/QĐ-UBND",
        decision_date=timezone.localdate() - timedelta(days=90),
    )
    lot = Lot.objects.create(product=product, lot_code="VL-01", production_date=date(2026, 3, 1))
    LotStep.objects.create(lot=lot, position=1, event="Thu hoạch", date=date(2026, 3, 1))
    traceability.publish(lot)
    product.origin_status = ClaimStatus.VERIFIED
    product.is_provincial_specialty = True
    product.save()


def product_page(client, product):
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    return response


def expected_badges(response, product):
    """The badges, in the language the page was rendered in."""
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        return verified_badges(Product.objects.get(pk=product.pk))


def structured_data(response):
    """The page's schema.org Product (the page also has its breadcrumbs)."""
    scripts = [json.loads(script) for script in JSONLD.findall(response.content.decode())]
    (product,) = [data for data in scripts if data.get("@type") == "Product"]
    return product


def test_each_earned_badge_shows_its_label_explanation_and_evidence(client, product, enterprise):
    earn_every_badge(product, enterprise)
    response = product_page(client, product)
    html = response.content.decode()
    badges = expected_badges(response, product)
    assert [badge.code for badge in badges] == ["ocop-4", "verified-origin", "traceable", "specialty"]
    for badge in badges:
        assert f"product-badge--{badge.code}" in html
        assert escape(badge.label) in html
        assert escape(badge.explanation) in html
        assert f'class="product-badges__evidence" href="{escape(badge.evidence_url)}"' in html
    assert html.count('class="product-badges__evidence"') == 4


def test_a_product_without_verified_facts_shows_no_badge(client, product, enterprise):
    ocop_certificate(
        product,
        enterprise,
        stars=5,
        status=OcopCertificate.Status.PENDING,
        decision_date=timezone.localdate() - timedelta(days=10),
    )
    html = product_page(client, product).content.decode()
    assert "product-badge" not in html
    assert "product-badges__evidence" not in html


def test_the_origin_section_says_where_and_whether_the_department_verified_it(client, product):
    html = product_page(client, product).content.decode()
    assert 'id="origin"' in html
    section = html[html.index('id="origin"') :]
    assert product.origin_commune.name in section and product.origin_province.name in section
    assert product.origin_wording in section
    assert "product-origin__status--claimed" in section

    product.origin_status = ClaimStatus.VERIFIED
    product.save()
    assert "product-origin__status--verified" in product_page(client, product).content.decode()


def test_the_sold_by_card_names_the_enterprise_and_its_commune(client, product, enterprise):
    html = product_page(client, product).content.decode()
    card = html[html.index('class="card sold-by') :]
    assert enterprise.name in card
    assert reverse("enterprises:detail", kwargs={"slug": enterprise.slug}) in card
    if enterprise.commune:
        assert enterprise.commune.name in card[: card.index("</div>\n")]


def test_structured_data_is_a_schema_org_product_with_its_offer(client, product, record, enterprise):
    product.description = "<p>Nước mắm <strong>cá cơm</strong> &amp; muối hạt</p>"
    product.save()
    data = structured_data(product_page(client, product))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Product"
    assert data["name"] == product.get_title()
    assert data["description"] == "Nước mắm cá cơm & muối hạt"
    assert data["brand"]["name"] == data["manufacturer"]["name"] == enterprise.name
    assert data["sku"]
    assert all(url.startswith("http://testserver/") for url in data["image"])
    assert len(data["image"]) == product.images.count()

    offer = data["offers"]
    assert offer["@type"] == "Offer"
    assert offer["priceCurrency"] == "VND"
    assert offer["price"] == f"{record.price:.0f}" and "." not in offer["price"]
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["url"] == "http://testserver" + product.get_absolute_url()
    assert offer["seller"] == {
        "@type": "Organization",
        "name": enterprise.name,
        "url": "http://testserver" + reverse("enterprises:detail", kwargs={"slug": enterprise.slug}),
    }


def test_structured_data_names_the_gtin_and_stock_running_out(client, product, record):
    product.gtin = "8930000000019"
    product.save()
    record.num_in_stock, record.num_allocated = 0, 0
    record.save()
    data = structured_data(product_page(client, product))
    assert data["gtin13"] == "8930000000019"
    assert data["offers"]["availability"] == "https://schema.org/OutOfStock"


def test_structured_data_rates_the_product_only_once_reviewed(client, product, shopper):
    product.reviews.all().delete()
    product.rating = None
    product.save()
    assert "aggregateRating" not in structured_data(product_page(client, product))

    ProductReview.objects.create(
        product=product, user=shopper, score=4, title="Ngon", body="Đậm đà.", status=ProductReview.APPROVED
    )
    rating = structured_data(product_page(client, product))["aggregateRating"]
    assert rating["@type"] == "AggregateRating"
    assert rating["ratingValue"] == 4.0 and rating["reviewCount"] == 1


def test_structured_data_cannot_end_the_script_element(client, product):
    product.title = "Mắm </script><script>alert(1)</script>"
    product.save()
    html = product_page(client, product).content.decode()
    assert "<script>alert(1)" not in html
    assert structured_data(product_page(client, product))["name"] == product.title


def test_card_badges_appear_on_the_catalogue_for_a_product_with_a_verified_certificate(client):
    response = client.get(reverse("catalogue:index"))
    product = response.context["products"][0]
    product.ocop_certificates.clear()
    assert "product-badge--ocop-" not in card(client, product)

    ocop_certificate(
        product, next(r.partner for r in product.stockrecords.all() if r.partner.is_approved), stars=5
    )
    assert "product-badge--ocop-5" in card(client, product)


def card(client, product):
    """The product's card on the first catalogue page."""
    html = client.get(reverse("catalogue:index")).content.decode()
    (found,) = [
        pod for pod in html.split('<article class="product_pod">')[1:] if product.get_absolute_url() in pod
    ]
    return found


def test_cards_show_badges_only_from_prefetched_facts(product, enterprise):
    earn_every_badge(product, enterprise)
    assert badge_facts_fetched(Product.objects.base_queryset().get(pk=product.pk))
    assert not badge_facts_fetched(Product.objects.get(pk=product.pk))


def test_product_page_costs_a_fixed_number_of_queries(
    client, product, enterprise, django_user_model, django_assert_max_num_queries
):
    earn_every_badge(product, enterprise)
    for n in range(4):
        author = django_user_model.objects.create_user(f"reader{n}", f"reader{n}@example.vn", "x")
        ProductReview.objects.create(
            product=product, user=author, title="Ngon", body="Ngon", score=5, status=ProductReview.APPROVED
        )
    assert product.images.exists() and product.lots.exists() and product.ocop_certificates.exists()
    product_page(client, product)  # warm caches shared by every page
    # The product with its class and origin, then one query each for its stock records (with their
    # enterprises and places), images, certificates, lots, lot steps and attribute values; the
    # first reviews with their authors; the menu and breadcrumb categories; recently viewed
    # products; the site and its settings. Never one per stock record, image, lot or review.
    with django_assert_max_num_queries(15):
        product_page(client, product)
