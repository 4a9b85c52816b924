"""The enterprise's side: its hidden product says why, it asks for a review once corrected, and it can
neither decide on listings nor act on another enterprise's product."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue import moderation
from catalogue.models import HidingReason, ListingStatus
from tests.factories import enterprise_of

from .conftest import REASON

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")

pytestmark = pytest.mark.django_db


def product_page(product):
    return reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})


def correction_url(product):
    return reverse("dashboard:ocop-listing-correction", kwargs={"pk": product.pk})


def ask_review(client, product, note="Đã bỏ câu “chữa bách bệnh” khỏi mô tả."):
    seen = product.listing_decisions.order_by("-pk").values_list("pk", flat=True).first() or 0
    return client.post(correction_url(product), {"seen_change": seen, "note": note}, follow=True)


def test_a_hidden_product_shows_the_category_and_reason_and_the_request_form(
    staff, listing, reviewer, in_english
):
    moderation.hide(listing, HidingReason.WRONG_ORIGIN, REASON, by=reviewer)
    html = staff.get(product_page(listing)).content.decode()
    assert 'id="listing_hidden"' in html
    assert "Wrong origin" in html and REASON in html
    assert 'id="listing_correction_form"' in html


def test_a_listed_product_shows_no_moderation(staff, listing):
    html = staff.get(product_page(listing)).content.decode()
    assert 'id="listing_hidden"' not in html


def test_the_product_list_marks_hidden_listings(staff, listing, reviewer, in_english):
    moderation.hide(listing, HidingReason.OTHER, REASON, by=reviewer)
    html = staff.get(reverse("dashboard:catalogue-product-list"), {"title": listing.title}).content.decode()
    assert "Hidden by the Department" in html


def test_the_enterprise_asks_for_a_review_with_a_note(staff, listing, reviewer):
    moderation.hide(listing, HidingReason.MISLEADING_CLAIM, REASON, by=reviewer)
    response = ask_review(staff, listing)
    assert response.status_code == 200
    listing.refresh_from_db()
    assert listing.listing_status == ListingStatus.CORRECTION_SUBMITTED
    assert 'id="listing_correction_sent"' in response.content.decode()
    assert not Product.objects.browsable().filter(pk=listing.pk).exists()  # still hidden until restored


def test_a_request_without_a_note_changes_nothing_and_says_why(staff, listing, reviewer):
    moderation.hide(listing, HidingReason.MISLEADING_CLAIM, REASON, by=reviewer)
    response = ask_review(staff, listing, note="  ")
    assert response.status_code == 200
    listing.refresh_from_db()
    assert listing.listing_status == ListingStatus.HIDDEN
    assert any(message.level_tag == "error" for message in response.context["messages"])


def test_a_listed_product_cannot_be_sent_for_review(staff, listing):
    response = ask_review(staff, listing)
    assert response.status_code == 200
    listing.refresh_from_db()
    assert listing.is_listed and not listing.listing_decisions.exists()


def test_a_request_is_refused_twice_on_the_same_page(staff, listing, reviewer):
    moderation.hide(listing, HidingReason.MISLEADING_CLAIM, REASON, by=reviewer)
    seen = listing.listing_decisions.get().pk
    staff.post(correction_url(listing), {"seen_change": seen, "note": "Lần một."})
    staff.post(correction_url(listing), {"seen_change": seen, "note": "Lần hai."})
    assert listing.listing_decisions.count() == 2


def test_an_enterprise_cannot_act_on_another_enterprises_product(client, vendor2, listing, reviewer):
    assert not listing.stockrecords.filter(partner=enterprise_of(vendor2)).exists()
    moderation.hide(listing, HidingReason.MISLEADING_CLAIM, REASON, by=reviewer)
    client.force_login(vendor2)
    response = client.post(correction_url(listing), {"seen_change": 1, "note": "Không phải của tôi."})
    assert response.status_code == 404
    listing.refresh_from_db()
    assert listing.listing_status == ListingStatus.HIDDEN


def test_a_shopper_cannot_ask_for_a_review(client, shopper, listing, reviewer):
    moderation.hide(listing, HidingReason.MISLEADING_CLAIM, REASON, by=reviewer)
    client.force_login(shopper)
    response = client.post(correction_url(listing), {"seen_change": 1, "note": "x"})
    assert response.status_code in (302, 403)
    listing.refresh_from_db()
    assert listing.listing_status == ListingStatus.HIDDEN


def test_the_page_creating_a_product_shows_no_moderation(staff):
    product_class = ProductClass.objects.order_by("pk").first()
    url = reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": product_class.slug})
    response = staff.get(url)
    assert response.status_code == 200
    assert 'id="listing_hidden"' not in response.content.decode()
