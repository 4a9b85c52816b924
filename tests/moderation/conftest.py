"""Fixtures for listing moderation: a listed product of vendor1's enterprise, and hiding it."""

import pytest
from oscar.core.loading import get_model

from catalogue import moderation
from catalogue.models import HidingReason
from tests.factories import enterprise_of

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

REASON = "Nhãn ghi “chữa bách bệnh”: quảng cáo sai sự thật."


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what each change does once it commits (the index update, the page cache), as a request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def listing(vendor1):
    """A browsable product that vendor1's enterprise sells, in stock, sold by no other enterprise."""
    enterprise = enterprise_of(vendor1)
    return (
        Product.objects.browsable()
        .filter(stockrecords__partner=enterprise, stockrecords__num_in_stock__gte=5)
        .exclude(stockrecords__partner__in=Partner.objects.exclude(pk=enterprise.pk))
        .exclude(categories=None)
        .order_by("pk")
        .first()
    )


@pytest.fixture
def hide(reviewer, committing):
    """The Department hiding a listing, committed."""

    def hide_it(product, category=HidingReason.MISLEADING_CLAIM, reason=REASON):
        with committing():
            return moderation.hide(product, category, reason, by=reviewer)

    return hide_it


@pytest.fixture
def restore(reviewer, committing):
    def restore_it(product, reason=""):
        with committing():
            return moderation.restore(product, by=reviewer, reason=reason)

    return restore_it
