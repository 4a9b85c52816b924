"""Fact blocks show only what the Department verified and what holds today."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.models import ClaimStatus
from cms.fact_blocks import FactProductsBlock
from places.models import Commune
from tests.cms.stories import draft_lot, publish_story, published_lot
from tests.factories import enterprise_of, ocop_certificate

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")


def html_of(client, story):
    response = client.get(story.url)
    assert response.status_code == 200
    return response.content.decode()


def section(html, marker):
    """The block of the page starting at ``marker``, up to the next section."""
    start = html.index(marker)
    return html[start : html.index("</section>", start)]


def test_an_enterprise_card_shows_an_approved_enterprise_with_its_facts(client, vendor1):
    enterprise = enterprise_of(vendor1)
    story = publish_story("Làng nghề", [("enterprise_card", {"enterprise": enterprise})])
    card = section(html_of(client, story), 'class="block-enterprise ')
    assert enterprise.name in card
    assert f"/enterprises/{enterprise.slug}/" in card
    assert "products on sale" in card or "sản phẩm" in card


def test_an_enterprise_no_longer_approved_shows_no_card(client, vendor1):
    enterprise = enterprise_of(vendor1)
    story = publish_story("Làng nghề", [("enterprise_card", {"enterprise": enterprise})])
    Partner.objects.filter(pk=enterprise.pk).update(status="suspended")
    assert 'class="block-enterprise ' not in html_of(client, story)


def test_a_lot_block_shows_the_published_lot_with_its_steps_links_and_qr(client):
    lot = published_lot()
    story = publish_story("Mùa thu hoạch", [("traceable_lot", {"lot": lot})])
    block = section(html_of(client, story), 'class="block-lot ')
    assert lot.lot_code in block
    assert lot.product.get_title() in block
    assert lot.steps.first().event in block
    assert "qr.svg" in block
    assert f"/10/{lot.lot_code}" in block or f"/trace/{lot.product_id}/{lot.lot_code}/" in block


def test_an_unpublished_lot_or_one_of_a_hidden_product_shows_nothing(client):
    lot = published_lot()
    draft = draft_lot(lot.product)
    story = publish_story("Mùa thu hoạch", [("traceable_lot", {"lot": draft})])
    assert 'class="block-lot ' not in html_of(client, story)
    story = publish_story("Mùa khác", [("traceable_lot", {"lot": lot})])
    Product.objects.filter(pk=lot.product_id).update(is_public=False)
    assert 'class="block-lot ' not in html_of(client, story)


@pytest.fixture
def empty_commune(db):
    """A commune of the home province no product comes from yet."""
    return (
        Commune.objects.filter(province__code=settings.MARKETPLACE_PROVINCE_CODE)
        .exclude(pk__in=Product.objects.exclude(origin_commune=None).values("origin_commune"))
        .order_by("code")
        .first()
    )


@pytest.fixture
def from_the_commune(empty_commune, django_capture_on_commit_callbacks):
    """Three products said to come from the commune: verified with stars in force, verified with
    lapsed stars, and only claimed with stars in force."""
    products = list(Product.objects.browsable().order_by("pk")[:3])
    long_ago = timezone.localdate() - timedelta(days=5 * 365)
    with django_capture_on_commit_callbacks(execute=True):  # the search index follows as they commit
        for product, status in zip(
            products, [ClaimStatus.VERIFIED, ClaimStatus.VERIFIED, ClaimStatus.CLAIMED], strict=True
        ):
            product.ocop_certificates.clear()
            product.origin_province = empty_commune.province
            product.origin_commune = empty_commune
            product.origin_status = status
            product.save()
        ocop_certificate(products[0], stars=4)
        ocop_certificate(products[1], stars=5, decision_date=long_ago, decision_number="1/QĐ-CŨ")
        ocop_certificate(products[2], stars=5)
        Product.objects.get(pk=products[0].pk).save()  # certificates reach the index with the product
    return products


def test_products_by_verified_origin_leave_out_claimed_origins(client, empty_commune, from_the_commune):
    verified, lapsed, claimed = from_the_commune
    body = [("fact_products", {"heading": "Từ xã", "origin_commune": empty_commune, "count": 8})]
    row = section(html_of(client, publish_story("Xã", body)), "block-products--facts")
    assert verified.get_title() in row
    assert lapsed.get_title() in row
    assert claimed.get_title() not in row


def test_products_by_stars_count_only_certificates_in_force(client, empty_commune, from_the_commune):
    verified, lapsed, claimed = from_the_commune
    body = [
        ("fact_products", {"heading": "OCOP", "origin_commune": empty_commune, "min_stars": "4", "count": 8})
    ]
    row = section(html_of(client, publish_story("Sao", body)), "block-products--facts")
    assert verified.get_title() in row
    assert lapsed.get_title() not in row
    assert claimed.get_title() not in row


def test_a_fact_products_block_needs_at_least_one_fact(in_english):
    block = FactProductsBlock()
    value = block.to_python({"heading": "Sản phẩm", "origin_commune": None, "min_stars": "", "sector": None})
    with pytest.raises(ValidationError) as raised:
        block.clean(value)
    assert "at least one fact" in str(raised.value.as_json_data())


def test_a_story_with_several_fact_blocks_costs_as_much_as_one(
    client, vendor1, vendor2, empty_commune, from_the_commune, django_assert_max_num_queries
):
    one = publish_story(
        "Một",
        [
            ("enterprise_card", {"enterprise": enterprise_of(vendor1)}),
            ("traceable_lot", {"lot": published_lot()}),
            ("fact_products", {"heading": "A", "origin_commune": empty_commune, "count": 4}),
        ],
    )
    first = published_lot()
    many = publish_story(
        "Nhiều",
        [
            ("enterprise_card", {"enterprise": enterprise_of(vendor1)}),
            ("enterprise_card", {"enterprise": enterprise_of(vendor2)}),
            ("traceable_lot", {"lot": first}),
            ("traceable_lot", {"lot": published_lot(exclude_product=first.product)}),
            ("fact_products", {"heading": "A", "origin_commune": empty_commune, "count": 4}),
            (
                "fact_products",
                {"heading": "B", "origin_commune": empty_commune, "min_stars": "4", "count": 4},
            ),
        ],
    )
    for story in (one, many):
        html_of(client, story)  # searches remembered, as a visitor after the first finds them
    counts = []
    for story in (one, many):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            html_of(client, story)
        counts.append(len(captured))
    assert counts[1] <= counts[0], counts
