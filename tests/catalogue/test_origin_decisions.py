"""The Department's decisions on a product's origin, made through the shared status workflow.

A decision moves the origin's status (claimed, verified, rejected) and sets the specialty flag;
one may change the flag alone. Every decision is one history row, as it always was.
"""

import pytest
from django.core.exceptions import ValidationError

from catalogue import origin
from catalogue.models import ClaimStatus
from tests.catalogue.ocop_dashboard import url
from tests.factories import factless_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def product():
    return factless_product(gtin="")


def refusal(to_status, product, **decision):
    with pytest.raises(ValidationError) as refused:
        origin.decide(product, to_status, **decision)
    return refused.value.code


def test_verifying_an_origin_keeps_who_decided_from_what_to_what(product, reviewer):
    decision = origin.decide(product, ClaimStatus.VERIFIED, by=reviewer)
    assert (decision.from_status, decision.to_status) == (ClaimStatus.CLAIMED, ClaimStatus.VERIFIED)
    assert decision.decided_by == reviewer
    assert decision.is_provincial_specialty is False


def test_the_callers_product_shows_the_decision(product):
    origin.decide(product, ClaimStatus.VERIFIED, is_provincial_specialty=True)
    assert (product.origin_status, product.is_provincial_specialty) == (ClaimStatus.VERIFIED, True)


def test_a_decision_may_change_only_the_specialty_flag(product, reviewer):
    origin.decide(product, ClaimStatus.VERIFIED, by=reviewer)
    decision = origin.decide(product, ClaimStatus.VERIFIED, is_provincial_specialty=True, by=reviewer)
    assert (decision.from_status, decision.to_status) == (ClaimStatus.VERIFIED, ClaimStatus.VERIFIED)
    assert decision.is_provincial_specialty is True
    product.refresh_from_db()
    assert (product.origin_status, product.is_provincial_specialty) == (ClaimStatus.VERIFIED, True)
    assert product.origin_decisions.count() == 2


def test_a_decision_that_changes_nothing_is_refused(product):
    assert refusal(ClaimStatus.CLAIMED, product) == "unchanged"
    assert not product.origin_decisions.exists()


def test_rejecting_needs_a_written_reason(product):
    assert refusal(ClaimStatus.REJECTED, product, reason="  ") == "reason_required"


def test_a_rejected_origin_cannot_go_back_to_claimed_by_a_decision(product):
    origin.decide(product, ClaimStatus.REJECTED, reason="Nguyên liệu mua từ tỉnh khác.")
    assert refusal(ClaimStatus.CLAIMED, product) == "move_not_allowed"


def test_only_a_verified_origin_can_be_a_specialty(product):
    assert refusal(ClaimStatus.REJECTED, product, reason="x", is_provincial_specialty=True) == (
        "specialty_needs_origin"
    )


def test_an_enterprise_changing_a_decided_origin_sends_it_back_unflagged(product, vendor1):
    origin.decide(product, ClaimStatus.VERIFIED, is_provincial_specialty=True)
    before = type(product).objects.get(pk=product.pk)
    product.origin_wording = "Thôn mới, xã khác"
    reopened = origin.reopen_if_changed(before, product, by=vendor1)
    assert (reopened.from_status, reopened.to_status, reopened.decided_by) == (
        ClaimStatus.VERIFIED,
        ClaimStatus.CLAIMED,
        vendor1,
    )
    assert (product.origin_status, product.is_provincial_specialty) == (ClaimStatus.CLAIMED, False)


def test_the_origin_page_lists_each_decision_with_who_and_why(reviewing, reviewer, product):
    origin.decide(product, ClaimStatus.REJECTED, by=reviewer, reason="Nguyên liệu mua từ tỉnh khác.")
    html = reviewing.get(url("ocop-origin-detail", pk=product.pk)).content.decode()
    history = html.split('id="origin_history"')[1]
    assert "Nguyên liệu mua từ tỉnh khác." in history
    assert reviewer.get_full_name() in history
