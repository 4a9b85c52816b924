"""The listing moderation workflow: who may move a listing where, and what each move needs and keeps."""

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from catalogue import moderation
from catalogue.models import HidingReason, ListingStatus

from .conftest import REASON

Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db


def test_every_product_is_listed_until_the_department_hides_it():
    assert not Product.objects.exclude(listing_status=ListingStatus.LISTED).exists()


def test_hiding_needs_a_category_and_a_written_reason(listing, reviewer):
    with pytest.raises(ValidationError) as refused:
        moderation.hide(listing, "", REASON, by=reviewer)
    assert refused.value.code == "category_required"
    with pytest.raises(ValidationError) as refused:
        moderation.hide(listing, HidingReason.PROHIBITED_GOODS, "   ", by=reviewer)
    assert refused.value.code == "reason_required"
    listing.refresh_from_db()
    assert listing.listing_status == ListingStatus.LISTED
    assert not listing.listing_decisions.exists()


def test_a_hiding_keeps_who_when_why_and_its_category(listing, reviewer):
    decision = moderation.hide(listing, HidingReason.WRONG_ORIGIN, f"  {REASON}  ", by=reviewer)
    listing.refresh_from_db()
    assert listing.listing_status == ListingStatus.HIDDEN
    assert (decision.from_status, decision.to_status) == (ListingStatus.LISTED, ListingStatus.HIDDEN)
    assert (decision.category, decision.reason, decision.decided_by) == (
        HidingReason.WRONG_ORIGIN,
        REASON,
        reviewer,
    )
    assert moderation.latest_hiding(listing) == decision


def test_a_correction_is_asked_only_of_a_hidden_listing_and_needs_a_note(listing, vendor1, reviewer):
    with pytest.raises(ValidationError) as refused:
        moderation.submit_correction(listing, "Đã sửa nhãn.", by=vendor1)
    assert refused.value.code == "move_not_allowed"
    moderation.hide(listing, HidingReason.MISLEADING_CLAIM, REASON, by=reviewer)
    with pytest.raises(ValidationError) as refused:
        moderation.submit_correction(listing, "", by=vendor1)
    assert refused.value.code == "reason_required"
    moderation.submit_correction(listing, "Đã sửa nhãn.", by=vendor1)
    assert listing.listing_status == ListingStatus.CORRECTION_SUBMITTED


def test_after_a_correction_the_department_restores_or_keeps_hidden_with_a_reason(listing, vendor1, reviewer):
    moderation.hide(listing, HidingReason.MISLEADING_CLAIM, REASON, by=reviewer)
    moderation.submit_correction(listing, "Đã sửa nhãn.", by=vendor1)
    with pytest.raises(ValidationError):
        moderation.move(listing, ListingStatus.HIDDEN, by=reviewer, reason="", category=HidingReason.OTHER)
    moderation.move(
        listing, ListingStatus.HIDDEN, by=reviewer, reason="Nhãn vẫn sai.", category=HidingReason.OTHER
    )
    moderation.submit_correction(listing, "Đã in lại nhãn.", by=vendor1)
    moderation.restore(listing, by=reviewer)
    listing.refresh_from_db()
    assert listing.listing_status == ListingStatus.LISTED
    moves = list(listing.listing_decisions.order_by("pk").values_list("from_status", "to_status"))
    assert moves == [
        ("listed", "hidden"),
        ("hidden", "correction_submitted"),
        ("correction_submitted", "hidden"),
        ("hidden", "correction_submitted"),
        ("correction_submitted", "listed"),
    ]


def test_the_audit_log_knows_the_workflow_by_its_kind():
    assert moderation.ListingModeration.audit_kind == "moderation"
