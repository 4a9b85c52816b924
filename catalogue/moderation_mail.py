"""Telling the enterprises selling a product that the Department hid or restored its listing.

Sent with the decision (the project's e-mail backend delivers it once the
decision commits), so the enterprise learns why without having to look.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from vendors.notifications import recipients

from .models import ListingStatus

NOTIFIED = {ListingStatus.HIDDEN, ListingStatus.LISTED}


def notify_listing_decision(decision):
    """E-mail each enterprise selling the product a hiding or a restoring; a correction is their own."""
    if decision.to_status not in NOTIFIED:
        return
    product = decision.product
    enterprises = {record.partner for record in product.stockrecords.select_related("partner")}
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for enterprise in sorted(enterprises, key=lambda e: e.pk):
        to = recipients(enterprise)
        if not to:
            continue
        context = {
            "enterprise": enterprise,
            "product": product,
            "decision": decision,
            "product_url": base + reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}),
            "site_name": settings.OSCAR_SHOP_NAME,
        }
        with translation.override(settings.LANGUAGE_CODE):
            subject = render_to_string("catalogue/emails/listing_decision_subject.txt", context)
            body = render_to_string("catalogue/emails/listing_decision_body.txt", context)
        send_mail(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, to, fail_silently=False)
