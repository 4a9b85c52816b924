"""OCOP recognitions: when one holds, and the Department's verification moves."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import CertificateStatusChange, OcopCertificate

Status = OcopCertificate.Status

MOVES = {
    Status.PENDING: {Status.VERIFIED, Status.REJECTED},
    Status.VERIFIED: {Status.REVOKED, Status.SUPERSEDED},
    Status.REJECTED: set(),
    Status.REVOKED: set(),
    Status.SUPERSEDED: set(),
}
NEEDS_REASON = {Status.REJECTED, Status.REVOKED}


def is_in_force(certificate, on):
    """Verified, and ``on`` falls from the decision date up to (not including) the expiry day."""
    return certificate.status == Status.VERIFIED and certificate.decision_date <= on < certificate.expires_on


def check_certificate(decision_date, valid_until, stars):
    """The rules a recorded recognition must meet before it is saved."""
    errors = {}
    if stars not in (3, 4, 5):
        errors["stars"] = _("Only 3, 4 and 5 stars are OCOP recognitions.")
    if valid_until and decision_date and valid_until <= decision_date:
        errors["valid_until"] = _("The recognition must end after the decision date.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def move(certificate, to_status, by=None, reason="", superseded_by=None):
    locked = OcopCertificate.objects.select_for_update().get(pk=certificate.pk)
    if to_status not in MOVES[locked.status]:
        raise ValidationError(
            _("A certificate that is %(from)s cannot become %(to)s.")
            % {"from": Status(locked.status).label.lower(), "to": Status(to_status).label.lower()},
            code="move_not_allowed",
        )
    if to_status in NEEDS_REASON and not reason.strip():
        raise ValidationError(_("Please write the reason for this decision."), code="reason_required")
    change = CertificateStatusChange.objects.create(
        certificate=locked,
        from_status=locked.status,
        to_status=to_status,
        reason=reason.strip(),
        changed_by=by,
    )
    locked.status = to_status
    locked.superseded_by = superseded_by if to_status == Status.SUPERSEDED else locked.superseded_by
    locked.save(update_fields=["status", "superseded_by"])
    certificate.status, certificate.superseded_by = locked.status, locked.superseded_by
    return change
