"""The enterprise is e-mailed when its listing is hidden (with why) and when it is restored."""

import pytest

from catalogue import moderation
from catalogue.models import HidingReason
from catalogue.moderation_mail import notify_listing_decision

from .conftest import REASON

pytestmark = pytest.mark.django_db


def test_a_hiding_is_mailed_with_its_category_and_reason_and_a_restoring_too(
    listing, reviewer, vendor1, mailoutbox
):
    notify_listing_decision(moderation.hide(listing, HidingReason.WRONG_ORIGIN, REASON, by=reviewer))
    (hidden,) = mailoutbox
    assert vendor1.email in hidden.to
    assert listing.title in hidden.subject
    assert REASON in hidden.body and str(HidingReason.WRONG_ORIGIN.label) in hidden.body

    notify_listing_decision(moderation.submit_correction(listing, "Đã sửa.", by=vendor1))
    assert len(mailoutbox) == 1  # the enterprise's own request is not mailed back to it

    notify_listing_decision(moderation.restore(listing, by=reviewer))
    restored = mailoutbox[1]
    assert listing.title in restored.subject and vendor1.email in restored.to
