"""Telling an enterprise the Department's decisions on its OCOP certificates and its products' origins.

Sent with the decision (the project's e-mail backend hands it to a worker once the decision
commits), so the enterprise learns the outcome and the reason without having to look. A
certificate's lapse is told by the expiry reminders (``catalogue.reminders``), a listing's
hiding by ``catalogue.moderation_mail``.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from vendors.notifications import recipients

from .models import OcopCertificate


def site_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notify_certificate_decision(change):
    """E-mail the certificate's enterprise that it was verified, rejected, revoked or superseded."""
    certificate = change.certificate
    if change.from_status == change.to_status:
        return  # the enterprise's own edit, kept in the history: nothing decided
    context = {
        "certificate": certificate,
        "change": change,
        "verified": change.to_status == OcopCertificate.Status.VERIFIED,
        "certificate_url": site_url(
            reverse("dashboard:ocop-certificate-update", kwargs={"pk": certificate.pk})
        ),
        "public_url": site_url(reverse("catalogue:ocop-certificate", kwargs={"pk": certificate.pk})),
    }
    send(certificate.enterprise, "certificate_decision", context)


def notify_origin_decision(decision):
    """E-mail each enterprise selling the product the Department's decision on its origin."""
    product = decision.product
    context = {
        "product": product,
        "decision": decision,
        "product_url": site_url(reverse("dashboard:catalogue-product", kwargs={"pk": product.pk})),
    }
    enterprises = {record.partner for record in product.stockrecords.select_related("partner")}
    for enterprise in sorted(enterprises, key=lambda e: e.pk):
        send(enterprise, "origin_decision", context)


def send(enterprise, template, context):
    to = recipients(enterprise)
    if not to:
        return
    context = {**context, "enterprise": enterprise, "site_name": settings.OSCAR_SHOP_NAME}
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"catalogue/emails/{template}_subject.txt", context)
        body = render_to_string(f"catalogue/emails/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
