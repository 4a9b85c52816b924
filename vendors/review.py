"""The Department's review of enterprises: which status moves exist, and making one.

draft → submitted → approved | changes_requested | rejected;
changes_requested → submitted; approved ↔ suspended. Nothing else.
Rejecting, asking for changes and suspending need a written reason.
"""

from django.utils import timezone
from django.utils.translation import gettext_noop

from marketplace.workflow import Workflow

from .models import EnterpriseStatus, EnterpriseStatusChange, Partner

MOVES = {
    EnterpriseStatus.DRAFT: {EnterpriseStatus.SUBMITTED},
    EnterpriseStatus.SUBMITTED: {
        EnterpriseStatus.APPROVED,
        EnterpriseStatus.CHANGES_REQUESTED,
        EnterpriseStatus.REJECTED,
    },
    EnterpriseStatus.CHANGES_REQUESTED: {EnterpriseStatus.SUBMITTED},
    EnterpriseStatus.APPROVED: {EnterpriseStatus.SUSPENDED},
    EnterpriseStatus.SUSPENDED: {EnterpriseStatus.APPROVED},
    EnterpriseStatus.REJECTED: set(),
}
NEEDS_REASON = {EnterpriseStatus.REJECTED, EnterpriseStatus.CHANGES_REQUESTED, EnterpriseStatus.SUSPENDED}


class EnterpriseReview(Workflow):
    model = Partner
    statuses = EnterpriseStatus
    history = EnterpriseStatusChange
    subject = "enterprise"
    moves = MOVES
    needs_reason = NEEDS_REASON
    cannot_become = gettext_noop("An enterprise that is %(from)s cannot become %(to)s.")
    saved_fields = ("status", "date_submitted", "date_updated")
    audit_kind = "enterprise"

    def audit_enterprise(self, enterprise):
        return enterprise

    def before_save(self, enterprise, change):
        if change.to_status == EnterpriseStatus.SUBMITTED:
            enterprise.date_submitted = timezone.now()


ENTERPRISE_REVIEW = EnterpriseReview()


def allowed_moves(status):
    return ENTERPRISE_REVIEW.allowed_moves(status)


def move(enterprise, to_status, by=None, reason=""):
    """Change the enterprise's status and record who, when, from, to and why.

    The row is locked so two reviewers deciding at once cannot both apply a
    move from the same starting status.
    """
    return ENTERPRISE_REVIEW.move(enterprise, to_status, by=by, reason=reason)
