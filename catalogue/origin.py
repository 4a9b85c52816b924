"""Where a product comes from: the enterprise claims it, the Department decides.

claimed → verified | rejected; verified → rejected; rejected → verified.
Rejecting needs a written reason. The specialty flag is the Department's
alone, and only a verified origin in the marketplace's own province carries
it; a decision may change the flag alone, keeping the status. Every decision
is kept; an enterprise changing a decided origin sends it back to ``claimed``,
and that is kept too.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from marketplace.audit.log import SPECIALTY
from marketplace.workflow import Workflow

from .models import ClaimStatus, OriginDecision, Product

MOVES = {
    ClaimStatus.CLAIMED: {ClaimStatus.VERIFIED, ClaimStatus.REJECTED},
    ClaimStatus.VERIFIED: {ClaimStatus.REJECTED},
    ClaimStatus.REJECTED: {ClaimStatus.VERIFIED},
}
NEEDS_REASON = {ClaimStatus.REJECTED}


class OriginClaims(Workflow):
    """The Department's decisions on a product's origin claim, and with it the specialty flag."""

    model = Product
    status_field = "origin_status"
    statuses = ClaimStatus
    history = OriginDecision
    subject = "product"
    by_field = "decided_by"
    moves = MOVES
    needs_reason = NEEDS_REASON
    may_keep_status = True
    cannot_become = gettext_noop("An origin that is %(from)s cannot become %(to)s.")
    saved_fields = ("origin_status", "is_provincial_specialty", "date_updated")
    audit_kind = "origin"

    def check_extras(self, to_status, product=None, is_provincial_specialty=False):
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
        if (
            to_status == product.origin_status
            and bool(is_provincial_specialty) == product.is_provincial_specialty
        ):
            raise ValidationError(_("This decision changes nothing."), code="unchanged")

    def recorded_extras(self, is_provincial_specialty=False):
        return {"is_provincial_specialty": bool(is_provincial_specialty)}

    def audit_decisions(self, product, decision, **extras):
        """The origin's move, and the specialty flag's when it changes: one audit entry each."""
        decisions = super().audit_decisions(product, decision, **extras)
        if decision.is_provincial_specialty != product.is_provincial_specialty:
            (from_status, from_label), (to_status, to_label) = (
                SPECIALTY[product.is_provincial_specialty],
                SPECIALTY[decision.is_provincial_specialty],
            )
            decisions.append(
                {
                    "kind": "specialty",
                    "from_status": from_status,
                    "to_status": to_status,
                    "from_label": from_label,
                    "to_label": to_label,
                }
            )
        return decisions

    def before_save(self, product, decision, **extras):
        product.is_provincial_specialty = decision.is_provincial_specialty


ORIGIN_CLAIMS = OriginClaims()


def check_decision(product, to_status, is_provincial_specialty, reason=""):
    """Raise ValidationError, in the reviewer's language, if the decision is not possible."""
    ORIGIN_CLAIMS.check(
        product.origin_status,
        to_status,
        reason,
        instance=product,
        is_provincial_specialty=is_provincial_specialty,
    )


def decide(product, to_status, is_provincial_specialty=False, by=None, reason=""):
    """Record the Department's decision on the origin and the specialty flag, on a locked row."""
    return ORIGIN_CLAIMS.move(
        product, to_status, by=by, reason=reason, is_provincial_specialty=is_provincial_specialty
    )


def origin_of(product):
    return product.origin_province_id, product.origin_commune_id, product.origin_wording.strip()


def reopen_if_changed(before, product, by=None):
    """Before an enterprise's edit of ``product`` is saved: a changed origin goes back to the Department.

    ``before`` is the product as stored. Call inside the edit's transaction, then save ``product``.
    """
    if origin_of(before) == origin_of(product) or before.origin_status == ClaimStatus.CLAIMED:
        return None
    product.origin_status = before.origin_status
    return ORIGIN_CLAIMS.record(
        product, ClaimStatus.CLAIMED, by=by, reason=_("The enterprise changed the origin.")
    )
