"""When a verified OCOP recognition lapses, asked of the database as the model answers it in Python.

``OcopCertificate.expires_on`` is the rule (``valid_until``, else the decision date plus
``VALIDITY_MONTHS``); :func:`expiry` is the same rule as an SQL expression, so the
Department's watchlist and the reminders filter and sort tens of thousands of
certificates in the database without storing the date twice.
"""

from datetime import timedelta

from django.db.models import DateField, Func, Q
from django.db.models.functions import Coalesce

from .models import VALIDITY_MONTHS, OcopCertificate


class AddMonths(Func):
    """``date`` plus whole months, a day past the target month's end falling back to its last day
    (31 January + 1 month = 28/29 February), as ``dateutil.relativedelta`` does."""

    output_field = DateField()

    def __init__(self, expression, months, **extra):
        super().__init__(expression, months=int(months), **extra)

    def as_sql(self, compiler, connection, **extra):
        # PostgreSQL's (and MySQL's) month arithmetic already ends on the month's last day.
        return super().as_sql(
            compiler, connection, template="CAST((%(expressions)s + INTERVAL '%(months)d months') AS date)"
        )

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite rolls 29 February + 12 months over into March: take the target month's last day instead.
        template = (
            "MIN(date(%(expressions)s, '+%(months)d months'), "
            "date(%(expressions)s, 'start of month', '+%(next)d months', '-1 day'))"
        )
        return super().as_sql(compiler, connection, template=template, next=self.extra["months"] + 1)


def expiry():
    """The first day a certificate no longer holds, as an expression (see ``OcopCertificate.expires_on``)."""
    return Coalesce("valid_until", AddMonths("decision_date", VALIDITY_MONTHS), output_field=DateField())


def verified_with_expiry(certificates=None):
    """Verified certificates annotated with ``expiry``; ``days_left`` is then ``expiry - today``."""
    certificates = OcopCertificate.objects.all() if certificates is None else certificates
    return certificates.filter(status=OcopCertificate.Status.VERIFIED).annotate(expiry=expiry())


def in_force_on(today):
    """A filter on certificates annotated with ``expiry`` for those in force on ``today``: decided
    by then and not yet lapsed (:func:`catalogue.ocop.is_in_force` says it of one certificate)."""
    return Q(decision_date__lte=today, expiry__gt=today)


def in_force(certificates, today):
    """Verified certificates of ``certificates`` in force on ``today``."""
    return verified_with_expiry(certificates).filter(in_force_on(today))


def days_left(certificate, today):
    """Days until the certificate lapses: 0 on its expiry day, negative once lapsed."""
    return (certificate.expires_on - today).days


def lapsing_within(today, first, last):
    """A filter on annotated certificates whose ``days_left`` is from ``first`` to ``last`` (inclusive)."""
    return Q(expiry__gte=today + timedelta(days=first), expiry__lte=today + timedelta(days=last))
