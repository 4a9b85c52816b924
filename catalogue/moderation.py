"""Listing moderation (Law on E-commerce 122/2025): the Department may hide a product's listing.

listed → hidden (the Department, with a reason category and a written reason);
hidden → correction_submitted (the enterprise, with a note on what it corrected);
correction_submitted → listed (restored) | hidden (kept hidden, with a reason);
hidden → listed (the Department restores without waiting for a correction).

A product that is not listed leaves everything a shopper sees, as a suspended
enterprise's products do: ``ProductQuerySet.browsable`` and the search records
leave it out, its page answers 404 and a basket holding it cannot be bought
(``vendors.strategy``). Every move is kept in :class:`ListingDecision`.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from marketplace.workflow import Workflow

from .models import ListingDecision, ListingStatus, Product

MOVES = {
    ListingStatus.LISTED: {ListingStatus.HIDDEN},
    ListingStatus.HIDDEN: {ListingStatus.CORRECTION_SUBMITTED, ListingStatus.LISTED},
    ListingStatus.CORRECTION_SUBMITTED: {ListingStatus.LISTED, ListingStatus.HIDDEN},
}
NEEDS_REASON = {ListingStatus.HIDDEN, ListingStatus.CORRECTION_SUBMITTED}


class ListingModeration(Workflow):
    """The Department hiding and restoring a product's listing, and the enterprise's correction."""

    audit_kind = "moderation"
    model = Product
    status_field = "listing_status"
    statuses = ListingStatus
    history = ListingDecision
    subject = "product"
    by_field = "decided_by"
    moves = MOVES
    needs_reason = NEEDS_REASON
    cannot_become = gettext_noop("A listing that is %(from)s cannot become %(to)s.")
    saved_fields = ("listing_status", "date_updated")

    def check_extras(self, to_status, instance=None, category=""):
        if to_status == ListingStatus.HIDDEN and not category:
            raise ValidationError(_("Please choose why the listing is hidden."), code="category_required")

    def recorded_extras(self, category=""):
        return {"category": category or ""}


LISTING_MODERATION = ListingModeration()


def move(product, to_status, by=None, reason="", category=""):
    """Move the listing on the locked row and keep the decision; returns it."""
    if to_status != ListingStatus.HIDDEN:
        category = ""
    return LISTING_MODERATION.move(product, to_status, by=by, reason=reason, category=category)


def hide(product, category, reason, by=None):
    return move(product, ListingStatus.HIDDEN, by=by, reason=reason, category=category)


def submit_correction(product, note, by=None):
    return move(product, ListingStatus.CORRECTION_SUBMITTED, by=by, reason=note)


def restore(product, by=None, reason=""):
    return move(product, ListingStatus.LISTED, by=by, reason=reason)


def latest_hiding(product):
    """The Department's last decision hiding the product: what the enterprise is told to correct."""
    return product.listing_decisions.filter(to_status=ListingStatus.HIDDEN).order_by("-pk").first()
