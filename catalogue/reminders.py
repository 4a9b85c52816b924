"""Reminding enterprises that their OCOP recognition runs out, and the Department of what does.

Each enterprise is written to 90, 30 and 7 days before its verified certificate lapses
and on the day it does; the Department's reviewers get one digest a week. Every mail is
recorded first (one row per certificate and threshold, one per digest week, each unique),
so a second run, a retried task or a scheduler catching up sends nothing twice; a missed
day sends the threshold reached since, never an older one after a newer.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from vendors.notifications import recipients

from .expiry import days_left, lapsing_within, verified_with_expiry
from .models import CertificateDigest, CertificateReminder

logger = logging.getLogger(__name__)

REMINDER_DAYS = (90, 30, 7, 0)  # days before expiry; 0 is the day the recognition lapses
LATE_LAPSE_DAYS = 7  # a lapse-day mail the scheduler missed still goes out up to a week late
DIGEST_WEEKDAY = 0  # Monday: the Department's digest goes out on the first run of each week from then
DIGEST_AHEAD_DAYS = 30
REVIEW_PERMISSION = "partner.review_enterprises"  # the Department's reviewers (the dashboard's check)


def threshold_reached(days):
    """The latest reminder due with ``days`` left, or None (too early, or lapsed too long ago)."""
    if days < -LATE_LAPSE_DAYS:
        return None
    return min((threshold for threshold in REMINDER_DAYS if days <= threshold), default=None)


def send_reminders(today):
    """Write to each enterprise whose certificate reached a threshold not yet (or not later) sent."""
    certificates = (
        verified_with_expiry()
        .filter(lapsing_within(today, -LATE_LAPSE_DAYS, max(REMINDER_DAYS)))
        .select_related("enterprise")
        .prefetch_related("reminders")
        .order_by("expiry", "pk")
    )
    sent = 0
    for certificate in certificates:
        threshold = threshold_reached(days_left(certificate, today))
        if threshold is None or any(r.days_before <= threshold for r in certificate.reminders.all()):
            continue
        sent += remind(certificate, threshold, today)
    return sent


def remind(certificate, threshold, today):
    """Record the reminder, then mail it (after commit): 1 if this run is the one that sent it."""
    with transaction.atomic():
        _reminder, created = CertificateReminder.objects.get_or_create(
            certificate=certificate, days_before=threshold, defaults={"expires_on": certificate.expires_on}
        )
        if not created:  # another run got there first
            return 0
        to = recipients(certificate.enterprise)
        if not to:
            logger.warning(
                "Certificate %s: enterprise %s has no e-mail address",
                certificate.pk,
                certificate.enterprise_id,
            )
            return 1
        context = {
            "certificate": certificate,
            "enterprise": certificate.enterprise,
            "days_left": days_left(certificate, today),
            "lapsed": threshold == 0,
            "certificates_url": site_url(reverse("dashboard:ocop-certificate-list")),
        }
        send(to, "catalogue/emails/expiry_reminder", context)
    return 1


def digest_week(today):
    """The first day of the digest week ``today`` falls in."""
    return today - timedelta(days=(today.weekday() - DIGEST_WEEKDAY) % 7)


def send_digest(today):
    """Once a week, tell the reviewers what lapses within 30 days and what lapsed in the last 7."""
    with transaction.atomic():
        _digest, created = CertificateDigest.objects.get_or_create(week=digest_week(today))
        if not created:
            return False
        certificates = verified_with_expiry().select_related("enterprise").order_by("expiry", "pk")
        expiring = list(certificates.filter(lapsing_within(today, 1, DIGEST_AHEAD_DAYS)))
        lapsed = list(certificates.filter(lapsing_within(today, -6, 0)))
        to = reviewer_addresses()
        if not (expiring or lapsed) or not to:
            return False
        context = {
            "expiring": [(certificate, days_left(certificate, today)) for certificate in expiring],
            "lapsed": lapsed,
            "ahead": DIGEST_AHEAD_DAYS,
            "watchlist_url": site_url(reverse("dashboard:ocop-expiry-list")),
        }
        send(to, "catalogue/emails/expiry_digest", context)
    return True


def reviewer_addresses():
    """The active reviewers' addresses: the group's or their own ``review_enterprises`` permission."""
    reviewers = get_user_model().objects.with_perm(
        REVIEW_PERMISSION, include_superusers=False, backend="django.contrib.auth.backends.ModelBackend"
    )
    return sorted(set(reviewers.exclude(email="").values_list("email", flat=True)))


def send(to, template, context):
    """A plain-text and HTML mail, in the site's language (Vietnamese), from ``template``'s three parts."""
    context = {**context, "site_name": settings.OSCAR_SHOP_NAME, "site": {"name": settings.OSCAR_SHOP_NAME}}
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
        html = render_to_string(f"{template}_body.html", context)
    email = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    email.attach_alternative(html, "text/html")
    email.send()


def site_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
