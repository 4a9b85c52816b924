"""Shoppers read the enterprise's record, and the "Trusted enterprise" badge with its evidence,
on its storefront and on the enterprise card of its product pages."""

from dataclasses import replace

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from tests.factories import enterprise_of
from tests.vendors.test_trusted_enterprise import AT_THE_EDGE
from vendors.models import EnterpriseStatus

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

TAGS = "vendors.track_record.templatetags.enterprise_record_tags"


@pytest.fixture(autouse=True)
def uncached_records():
    cache.clear()


@pytest.fixture
def trusted(monkeypatch, vendor1):
    """vendor1's enterprise with a record at every threshold of the badge."""
    enterprise = enterprise_of(vendor1)
    record = replace(AT_THE_EDGE, enterprise_id=enterprise.pk)
    monkeypatch.setattr(f"{TAGS}.record_of", lambda _enterprise: record)
    return enterprise


def storefront_of(client, enterprise):
    with translation.override("en"):
        return client.get(reverse("enterprises:detail", kwargs={"slug": enterprise.slug}))


def test_the_storefront_shows_the_trusted_badge_and_the_figures_that_earned_it(client, trusted):
    page = storefront_of(client, trusted).content.decode()
    assert "Trusted enterprise" in page
    assert "Why this enterprise is trusted" in page
    assert "20 parcels confirmed in the last 90 days." in page
    assert "90 % of 20 parcels" in page


def test_the_product_page_shows_its_enterprise_record_on_the_enterprise_card(client, trusted):
    product = Product.objects.browsable().filter(stockrecords__partner=trusted).order_by("pk").first()
    with translation.override("en"):
        page = client.get(product.get_absolute_url()).content.decode()
    card = page[page.index("enterprise-card") :]
    assert "Trusted enterprise" in card
    assert "Rating from verified buyers" in card


def test_an_enterprise_without_enough_orders_reads_so_not_0_or_100_percent(client):
    newcomer = Partner.objects.create(name="Hợp tác xã Mới", slug="htx-moi", status=EnterpriseStatus.APPROVED)
    page = storefront_of(client, newcomer).content.decode()
    assert "Not enough orders yet" in page
    assert "Not enough reviews yet" in page
    assert "Trusted enterprise</p>" not in page
    assert "How an enterprise earns" in page


def test_the_enterprise_list_marks_trusted_enterprises_from_records_counted_for_the_page(client, monkeypatch):
    counted = []

    def records_of(enterprises):
        counted.append(len(enterprises))
        return {
            enterprise.pk: replace(AT_THE_EDGE, enterprise_id=enterprise.pk) for enterprise in enterprises
        }

    monkeypatch.setattr(f"{TAGS}.records_of", records_of)
    with translation.override("en"):
        page = client.get(reverse("enterprises:list")).content.decode()
    assert len(counted) == 1 and counted[0] > 1  # the whole page at once
    assert page.count("Trusted enterprise") == counted[0]
