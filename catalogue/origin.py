"""Where a product comes from: the enterprise claims it, the Department decides.

claimed → verified | rejected; verified → rejected; rejected → verified.
Rejecting needs a written reason. The specialty flag is the Department's
alone, and only a verified origin in the marketplace's own province carries
it. Every decision is kept; an enterprise changing a decided origin sends it
back to ``claimed``, and that is kept too.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import ClaimStatus, OriginDecision, Product

MOVES = {
    ClaimStatus.CLAIMED: {ClaimStatus.VERIFIED, ClaimStatus.REJECTED},
    ClaimStatus.VERIFIED: {ClaimStatus.REJECTED},
    ClaimStatus.REJECTED: {ClaimStatus.VERIFIED},
}
NEEDS_REASON = {ClaimStatus.REJECTED}


def check_decision(product, to_status, is_provincial_specialty, reason=""):
    """Raise ValidationError, in the reviewer's language, if the decision is not possible."""
    moving = to_status != product.origin_status
    if moving and to_status not in MOVES[product.origin_status]:
        raise ValidationError(
            _("An origin that is %(from)s cannot become %(to)s.")
            % {
                "from": ClaimStatus(product.origin_status).label.lower(),
                "to": ClaimStatus(to_status).label.lower(),
            },
            code="move_not_allowed",
        )
    if moving and to_status in NEEDS_REASON and not reason.strip():
        raise ValidationError(_("Please write the reason for this decision."), code="reason_required")
    if to_status == ClaimStatus.VERIFIED and not product.origin_province_id:
        raise ValidationError(
            _("The enterprise has not stated where this product comes from."), code="no_origin"
        )
    if is_provincial_specialty:
        if to_status != ClaimStatus.VERIFIED:
            raise ValidationError(
                _("Only a product whose origin is verified can be a specialty of the province."),
                code="specialty_needs_origin",
            )
        if product.origin_province.code != settings.MARKETPLACE_PROVINCE_CODE:
            raise ValidationError(
                _("Only a product from the province itself can be its specialty."),
                code="specialty_elsewhere",
            )
    if not moving and bool(is_provincial_specialty) == product.is_provincial_specialty:
        raise ValidationError(_("This decision changes nothing."), code="unchanged")


@transaction.atomic
def decide(product, to_status, is_provincial_specialty=False, by=None, reason=""):
    """Record the Department's decision on the origin and the specialty flag, on a locked row."""
    locked = (
        Product.objects.select_for_update(of=("self",)).select_related("origin_province").get(pk=product.pk)
    )
    check_decision(locked, to_status, is_provincial_specialty, reason)
    decision = _record(locked, to_status, bool(is_provincial_specialty), by, reason)
    locked.save(update_fields=["origin_status", "is_provincial_specialty", "date_updated"])
    product.origin_status, product.is_provincial_specialty = (
        locked.origin_status,
        locked.is_provincial_specialty,
    )
    return decision


def origin_of(product):
    return product.origin_province_id, product.origin_commune_id, product.origin_wording.strip()


def reopen_if_changed(before, product, by=None):
    """Before an enterprise's edit of ``product`` is saved: a changed origin goes back to the Department.

    ``before`` is the product as stored. Call inside the edit's transaction, then save ``product``.
    """
    if origin_of(before) == origin_of(product) or before.origin_status == ClaimStatus.CLAIMED:
        return None
    product.origin_status = before.origin_status
    return _record(product, ClaimStatus.CLAIMED, False, by, _("The enterprise changed the origin."))


def _record(product, to_status, is_provincial_specialty, by, reason):
    """Keep the decision and apply it to ``product`` (the caller saves it)."""
    decision = OriginDecision.objects.create(
        product=product,
        from_status=product.origin_status,
        to_status=to_status,
        is_provincial_specialty=is_provincial_specialty,
        reason=reason.strip(),
        decided_by=by,
    )
    product.origin_status, product.is_provincial_specialty = to_status, is_provincial_specialty
    return decision
