"""The Department's listing pages: a search of every listing, the corrections queue, and the decision
on one listing; nobody else reaches them, and bad input is answered with a message."""

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from catalogue import moderation
from catalogue.models import HidingReason, ListingStatus
from marketplace.dashboard.decisions import latest_change_id

from .conftest import REASON

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

LIST = reverse("dashboard:ocop-listing-list")
CORRECTIONS = reverse("dashboard:ocop-listing-corrections")


def detail(product):
    return reverse("dashboard:ocop-listing-detail", kwargs={"pk": product.pk})


def decide(client, product, to_status, **data):
    seen = latest_change_id(moderation.LISTING_MODERATION, product)
    return client.post(detail(product), {"to_status": to_status, "seen_change": seen, **data}, follow=True)


def test_the_verification_menu_offers_listings(reviewing):
    response = reviewing.get(reverse("dashboard:ocop-origin-list"))
    assert f'href="{LIST}"' in response.content.decode()


def test_a_reviewer_finds_a_listing_by_title_upc_or_enterprise(reviewing, listing):
    seller = listing.stockrecords.first().partner
    for text in (listing.title[:8], seller.name[:6]):
        response = reviewing.get(LIST, {"text": text})
        assert response.status_code == 200
        assert listing in response.context["products"] or response.context["paginator"].count > 25
    if listing.upc:
        response = reviewing.get(LIST, {"text": listing.upc})
        assert listing in response.context["products"]


def test_the_listing_search_asks_no_more_queries_for_a_full_page_than_for_a_few_rows(
    reviewing, listing, django_assert_max_num_queries
):
    reviewing.get(LIST)
    with django_assert_max_num_queries(20) as few:
        response = reviewing.get(LIST, {"text": listing.title})
    assert len(response.context["products"]) < 5
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = reviewing.get(LIST, {"status": "listed"})
    assert len(response.context["products"]) == 25


def test_bad_filter_values_are_answered_with_a_message_never_an_error(reviewing):
    response = reviewing.get(LIST, {"status": "gone", "text": "x" * 500})
    assert response.status_code == 200
    assert 'id="filter_errors"' in response.content.decode()
    assert reviewing.get(LIST, {"page": "abc"}).status_code in (200, 404)
    assert reviewing.get(LIST, {"page": "9999"}).status_code in (200, 404)


def test_a_reviewer_hides_a_listing_with_a_category_and_a_reason(reviewing, listing, mailoutbox):
    response = decide(
        reviewing, listing, ListingStatus.HIDDEN, category=HidingReason.PROHIBITED_GOODS, reason=REASON
    )
    assert response.status_code == 200
    listing.refresh_from_db()
    assert listing.listing_status == ListingStatus.HIDDEN
    decision = moderation.latest_hiding(listing)
    assert decision.category == HidingReason.PROHIBITED_GOODS
    assert REASON in response.content.decode()  # in the page's history
    assert len(mailoutbox) >= 1
    assert REASON in mailoutbox[0].body


@pytest.mark.parametrize(
    ("data", "field"),
    [({"category": "", "reason": REASON}, "category"), ({"category": "other", "reason": " "}, "reason")],
)
def test_hiding_without_a_category_or_a_reason_changes_nothing_and_says_why(reviewing, listing, data, field):
    response = decide(reviewing, listing, ListingStatus.HIDDEN, **data)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    listing.refresh_from_db()
    assert listing.listing_status == ListingStatus.LISTED


def test_an_unknown_category_is_refused(reviewing, listing):
    response = decide(reviewing, listing, ListingStatus.HIDDEN, category="slander", reason=REASON)
    assert response.context["form"].errors["category"]
    listing.refresh_from_db()
    assert listing.is_listed


def test_a_decision_on_a_page_someone_has_since_acted_on_is_refused(reviewing, reviewer, listing):
    seen = latest_change_id(moderation.LISTING_MODERATION, listing)
    moderation.hide(listing, HidingReason.OTHER, "Đang kiểm tra.", by=reviewer)
    moderation.restore(listing, by=reviewer)
    response = reviewing.post(
        detail(listing),
        {"to_status": ListingStatus.HIDDEN, "seen_change": seen, "category": "other", "reason": REASON},
        follow=True,
    )
    assert response.status_code == 200
    listing.refresh_from_db()
    assert listing.is_listed
    assert listing.listing_decisions.count() == 2
    assert any(message.level_tag == "error" for message in response.context["messages"])


def test_a_move_the_listing_cannot_make_is_refused_as_stale(reviewing, listing):
    response = decide(reviewing, listing, ListingStatus.LISTED)
    assert response.status_code == 200
    assert not listing.listing_decisions.exists()
    response = decide(reviewing, listing, ListingStatus.CORRECTION_SUBMITTED, reason="x")
    assert not listing.listing_decisions.exists()


def test_the_queue_shows_submitted_corrections_and_the_reviewer_restores_or_keeps_hidden(
    reviewing, reviewer, vendor1, listing, mailoutbox
):
    moderation.hide(listing, HidingReason.MISLEADING_CLAIM, REASON, by=reviewer)
    moderation.submit_correction(listing, "Đã bỏ câu quảng cáo.", by=vendor1)
    response = reviewing.get(CORRECTIONS)
    assert list(response.context["products"]) == [listing]

    response = decide(
        reviewing, listing, ListingStatus.HIDDEN, category="misleading_claim", reason="Vẫn còn trên bao bì."
    )
    listing.refresh_from_db()
    assert listing.listing_status == ListingStatus.HIDDEN
    assert list(reviewing.get(CORRECTIONS).context["products"]) == []

    moderation.submit_correction(listing, "Đã in lại bao bì.", by=vendor1)
    mailoutbox.clear()
    decide(reviewing, listing, ListingStatus.LISTED)
    listing.refresh_from_db()
    assert listing.is_listed
    assert mailoutbox and listing.title in mailoutbox[0].subject


@pytest.mark.parametrize("who", ["shopper", "vendor1"])
def test_shoppers_and_enterprise_staff_are_refused_the_reviewer_pages(client, request, who, listing):
    client.force_login(request.getfixturevalue(who))
    for url in (LIST, CORRECTIONS, detail(listing)):
        assert client.get(url).status_code in (302, 403, 404)
    response = client.post(
        detail(listing),
        {"to_status": ListingStatus.HIDDEN, "seen_change": 0, "category": "other", "reason": REASON},
    )
    assert response.status_code in (302, 403, 404)
    listing.refresh_from_db()
    assert listing.is_listed
