"""Verified certificates made to lapse on a chosen day, and a clock the scheduler's jobs read."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.models import VALIDITY_MONTHS

OcopCertificate = get_model("catalogue", "OcopCertificate")
Status = OcopCertificate.Status


def lapsing(enterprise, today, days_left, *, stated=False, status=Status.VERIFIED, number=None, stars=4):
    """A certificate of ``enterprise`` with ``days_left`` days to go on ``today``: by the 36-month rule,
    or with ``stated=True`` by a ``valid_until`` written on the decision."""
    expires_on = today + timedelta(days=days_left)
    if stated:
        decided, valid_until = expires_on - timedelta(days=400), expires_on
    else:
        decided, valid_until = expires_on - relativedelta(months=VALIDITY_MONTHS), None
    certificate = OcopCertificate.objects.create(
        enterprise=enterprise,
        decision_number=number or f"{days_left + 1000}/QĐ-UBND",
        decision_date=decided,
        valid_until=valid_until,
        issuer="UBND tỉnh Quảng Trị",
        stars=stars,
        status=status,
    )
    assert certificate.expires_on == expires_on
    return certificate


class Clock:
    """Moves ``timezone.localdate`` to another day, as the tests of dated badges do."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.today = timezone.localdate()

    def go_to(self, day):
        self.today = day
        self.monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day
