"""OCOP recognitions: when one holds, and the Department's verification moves."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from marketplace.workflow import Workflow

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

# Decision 148/QĐ-TTg: the lowest score (out of 100) for each star rating, highest first.
STARS_FROM_SCORE = ((90, 5), (70, 4), (50, 3), (30, 2), (0, 1))


def is_in_force(certificate, on):
    """Verified, and ``on`` falls from the decision date up to (not including) the expiry day."""
    return certificate.status == Status.VERIFIED and certificate.decision_date <= on < certificate.expires_on


def stars_for_score(score):
    return next(stars for lowest, stars in STARS_FROM_SCORE if score >= lowest)


def check_certificate(decision_date, valid_until, stars, score=None, today=None):
    """The rules a recorded recognition must meet before it is saved."""
    errors = {}
    if stars not in (3, 4, 5):
        errors["stars"] = ValidationError(_("Only 3, 4 and 5 stars are OCOP recognitions."), code="stars")
    if decision_date and decision_date > (today or timezone.localdate()):
        errors["decision_date"] = ValidationError(
            _("A decision cannot be dated in the future."), code="future_decision"
        )
    if valid_until and decision_date and valid_until <= decision_date:
        errors["valid_until"] = ValidationError(
            _("The recognition must end after the decision date."), code="ends_before_decision"
        )
    if score is not None:
        if not 0 <= score <= 100:
            errors["score"] = ValidationError(_("An OCOP score is out of 100."), code="score_range")
        elif "stars" not in errors and stars_for_score(score) != stars:
            errors["score"] = ValidationError(
                _("A score of %(score)s gives %(expected)s stars, not %(stars)s.")
                % {"score": score, "expected": stars_for_score(score), "stars": stars},
                code="score_stars",
            )
    if errors:
        raise ValidationError(errors)


class CertificateVerification(Workflow):
    """pending → verified | rejected; verified → revoked | superseded (by the one that replaces it)."""

    model = OcopCertificate
    statuses = Status
    history = CertificateStatusChange
    subject = "certificate"
    moves = MOVES
    needs_reason = NEEDS_REASON
    cannot_become = gettext_noop("A certificate that is %(from)s cannot become %(to)s.")
    saved_fields = ("status", "superseded_by")
    audit_kind = "certificate"

    def check_extras(self, to_status, certificate=None, superseded_by=None):
        if to_status == Status.SUPERSEDED and (
            superseded_by is None or (certificate is not None and superseded_by.pk == certificate.pk)
        ):
            raise ValidationError(
                _("Please choose the certificate that replaces this one."), code="successor_required"
            )

    def before_save(self, certificate, change, superseded_by=None):
        if change.to_status == Status.SUPERSEDED:
            certificate.superseded_by = superseded_by


CERTIFICATE_VERIFICATION = CertificateVerification()


def move(certificate, to_status, by=None, reason="", superseded_by=None):
    """Make one verification move and record who, when and why; the row is locked meanwhile."""
    return CERTIFICATE_VERIFICATION.move(
        certificate, to_status, by=by, reason=reason, superseded_by=superseded_by
    )


def record_edit(certificate, by=None):
    """Keep that the enterprise changed a pending certificate, so a reviewer who saw it before looks again."""
    return CertificateStatusChange.objects.create(
        certificate=certificate, from_status=certificate.status, to_status=certificate.status, changed_by=by
    )
