"""The Department's review of enterprises: which status moves exist, and making one.

draft → submitted → approved | changes_requested | rejected;
changes_requested → submitted; approved ↔ suspended. Nothing else.
Rejecting, asking for changes and suspending need a written reason.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import EnterpriseStatus, EnterpriseStatusChange, Partner

S = EnterpriseStatus

MOVES = {
    S.DRAFT: {S.SUBMITTED},
    S.SUBMITTED: {S.APPROVED, S.CHANGES_REQUESTED, S.REJECTED},
    S.CHANGES_REQUESTED: {S.SUBMITTED},
    S.APPROVED: {S.SUSPENDED},
    S.SUSPENDED: {S.APPROVED},
    S.REJECTED: set(),
}
NEEDS_REASON = {S.REJECTED, S.CHANGES_REQUESTED, S.SUSPENDED}


def allowed_moves(status):
    return MOVES.get(status, set())


def check_move(from_status, to_status, reason=""):
    """Raise ValidationError, in the user's language, if the move is not allowed."""
    if to_status not in allowed_moves(from_status):
        raise ValidationError(
            _("An enterprise that is %(from)s cannot become %(to)s.")
            % {"from": S(from_status).label.lower(), "to": S(to_status).label.lower()},
            code="move_not_allowed",
        )
    if to_status in NEEDS_REASON and not reason.strip():
        raise ValidationError(_("Please write the reason for this decision."), code="reason_required")


@transaction.atomic
def move(enterprise, to_status, by=None, reason=""):
    """Change the enterprise's status and record who, when, from, to and why.

    The row is locked so two reviewers deciding at once cannot both apply a
    move from the same starting status.
    """
    locked = Partner.objects.select_for_update().get(pk=enterprise.pk)
    check_move(locked.status, to_status, reason)
    change = EnterpriseStatusChange.objects.create(
        enterprise=locked,
        from_status=locked.status,
        to_status=to_status,
        reason=reason.strip(),
        changed_by=by,
    )
    locked.status = to_status
    if to_status == S.SUBMITTED:
        locked.date_submitted = timezone.now()
    locked.save(update_fields=["status", "date_submitted", "date_updated"])
    enterprise.status, enterprise.date_submitted = locked.status, locked.date_submitted
    return change
