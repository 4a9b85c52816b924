"""Telling an enterprise about the Department's decision on it, by e-mail.

The enterprise learns the outcome and the reason without having to log in and
look; the mail goes out only once the decision is committed (the project's e-mail
backend hands it to a worker then), so the reviewer never waits for the mail server.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def recipients(enterprise):
    """The enterprise's own address and its active staff's, each once, blanks skipped."""
    addresses = [enterprise.email, *enterprise.users.filter(is_active=True).values_list("email", flat=True)]
    seen, unique = set(), []
    for address in addresses:
        address = (address or "").strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique


def notify_status_change(change):
    """Send the decision recorded in ``change`` to the enterprise once the transaction commits."""
    to = recipients(change.enterprise)
    if not to:
        return
    context = {
        "enterprise": change.enterprise,
        "change": change,
        "application_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("enterprises:apply"),
        "site_name": settings.OSCAR_SHOP_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("vendors/emails/status_change_subject.txt", context)
        body = render_to_string("vendors/emails/status_change_body.txt", context)
    subject = " ".join(subject.split())  # a header: one line
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
