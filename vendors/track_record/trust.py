"""The "Trusted enterprise" badge: earned from the enterprise's record, never stored nor typed in.

:func:`trusted_enterprise` is a pure function of an :class:`~vendors.track_record.figures.EnterpriseRecord`
and the thresholds (``settings.TRUSTED_ENTERPRISE``, where each is explained): it returns
the badge with the figures that earned it, or the reasons it is not given.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class TrustVerdict:
    earned: bool
    evidence: tuple[str, ...]  # every threshold met, as the shopper reads it
    reasons: tuple[str, ...]  # every threshold not met

    @property
    def label(self):
        return _("Trusted enterprise")


def percent(share):
    return f"{number_format(share * 100, 0)} %"


def trusted_enterprise(record, thresholds=None):
    """Whether ``record`` earns the badge: every threshold must hold over the record's window."""
    limits = thresholds or settings.TRUSTED_ENTERPRISE
    window, ship_days = (
        settings.ENTERPRISE_RECORD["WINDOW_DAYS"],
        settings.ENTERPRISE_RECORD["SHIP_WITHIN_DAYS"],
    )
    evidence, reasons = [], []

    def check(holds, met, unmet):
        (evidence if holds else reasons).append(met if holds else unmet)

    parcels = record.cancelled.facts
    check(
        parcels >= limits["MIN_PARCELS"],
        ngettext(
            "%(count)d parcel confirmed in the last %(days)d days.",
            "%(count)d parcels confirmed in the last %(days)d days.",
            parcels,
        )
        % {"count": parcels, "days": window},
        _("Fewer than %(minimum)d parcels confirmed in the last %(days)d days (%(count)d).")
        % {"minimum": limits["MIN_PARCELS"], "count": parcels, "days": window},
    )
    shipped = record.shipped_on_time
    check(
        shipped.enough and shipped.value >= limits["MIN_SHIPPED_ON_TIME"],
        _("%(share)s of parcels shipped within %(days)d days of confirmation.")
        % {"share": percent(shipped.value or 0), "days": ship_days},
        _("Fewer than %(share)s of parcels shipped within %(days)d days, or too few parcels to tell.")
        % {"share": percent(limits["MIN_SHIPPED_ON_TIME"]), "days": ship_days},
    )
    cancelled = record.cancelled
    check(
        cancelled.enough and cancelled.value <= limits["MAX_CANCELLED"],
        _("%(share)s of parcels cancelled by the enterprise.") % {"share": percent(cancelled.value or 0)},
        _("More than %(share)s of parcels cancelled, or too few parcels to tell.")
        % {"share": percent(limits["MAX_CANCELLED"])},
    )
    rating = record.rating
    check(
        rating.facts >= limits["MIN_REVIEWS"]
        and rating.value is not None
        and rating.value >= limits["MIN_RATING"],
        ngettext(
            "Rated %(rating)s/5 by %(count)d verified buyer.",
            "Rated %(rating)s/5 by %(count)d verified buyers.",
            rating.facts,
        )
        % {"rating": number_format(rating.value or 0, 1), "count": rating.facts},
        _("Not rated %(rating)s/5 or more by at least %(count)d verified buyers.")
        % {"rating": number_format(limits["MIN_RATING"], 1), "count": limits["MIN_REVIEWS"]},
    )
    certificates = record.certificates_in_force
    check(
        certificates >= limits["MIN_CERTIFICATES"],
        ngettext(
            "%(count)d OCOP certificate in force.", "%(count)d OCOP certificates in force.", certificates
        )
        % {"count": certificates},
        _("No OCOP certificate in force."),
    )
    return TrustVerdict(earned=not reasons, evidence=tuple(evidence), reasons=tuple(reasons))
