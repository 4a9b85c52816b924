"""The badges a product earns, decided from verified facts that hold on a given day.

This is the one place badges are decided: product pages, cards and the
search index all call :func:`verified_badges`. Nothing an enterprise types
makes a badge on its own; the date is part of the computation, so a
certificate stops giving its stars on its expiry day without anyone acting.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from .models import ClaimStatus, Lot
from .ocop import is_in_force

# A phone's card is some 150 px wide: there a badge says in a word or two what its full label says.
CARD_LABELS = {
    "verified-origin": pgettext_lazy("card badge", "Verified origin"),
    "traceable": pgettext_lazy("card badge", "Traceable"),
    "specialty": pgettext_lazy("card badge", "Specialty"),
}


@dataclass(frozen=True)
class Badge:
    code: str
    label: str
    explanation: str
    evidence_url: str

    @property
    def card_label(self):
        """The label a product card shows (the full one is its title)."""
        return str(CARD_LABELS.get(self.code, self.label))


def verified_badges(product, on=None, evidence=True):
    """The badges ``product`` earns on ``on``; ``evidence=False`` leaves out the evidence links (""),
    which a product card does not show, so a page of cards reverses no URL per badge."""
    on = on or timezone.localdate()
    badges = []
    certificate = best_certificate(product, on)
    if certificate:
        badges.append(
            Badge(
                code=f"ocop-{certificate.stars}",
                label=_("OCOP %(stars)s★") % {"stars": certificate.stars},
                explanation=_(
                    "Recognised as a %(stars)s-star OCOP product by %(issuer)s, decision %(number)s of "
                    "%(date)s, verified by the Department; valid until %(end)s."
                )
                % {
                    "stars": certificate.stars,
                    "issuer": certificate.issuer,
                    "number": certificate.decision_number,
                    "date": date_format(certificate.decision_date, "SHORT_DATE_FORMAT"),
                    "end": date_format(certificate.expires_on, "SHORT_DATE_FORMAT"),
                },
                evidence_url=reverse("catalogue:ocop-certificate", kwargs={"pk": certificate.pk})
                if evidence
                else "",
            )
        )
    if has_verified_origin(product):
        badges.append(
            Badge(
                code="verified-origin",
                label=_("Verified origin: %(province)s") % {"province": product.origin_province.name},
                explanation=_("The Department has checked that this product comes from %(place)s.")
                % {"place": origin_name(product)},
                evidence_url=product.get_absolute_url() + "#origin" if evidence else "",
            )
        )
    lot = traceable_lot(product)
    if lot:
        badges.append(
            Badge(
                code="traceable",
                label=_("Traceable lot"),
                explanation=_("Lot %(lot)s has a published record of each step from the producer.")
                % {"lot": lot.lot_code},
                evidence_url=trace_url(lot, product) if evidence else "",
            )
        )
    if product.is_provincial_specialty and has_verified_origin(product) and is_home_province(product):
        badges.append(
            Badge(
                code="specialty",
                label=_("Specialty of %(province)s") % {"province": product.origin_province.name},
                explanation=_("Recognised by the Department as a specialty of the province."),
                evidence_url=product.get_absolute_url() + "#origin" if evidence else "",
            )
        )
    return badges


def best_certificate(product, on):
    in_force = [c for c in product.ocop_certificates.all() if is_in_force(c, on)]
    return max(in_force, key=lambda c: (c.stars, c.decision_date), default=None)


def has_verified_origin(product):
    sellers_approved = any(record.partner.is_approved for record in product.stockrecords.all())
    return sellers_approved and product.origin_status == ClaimStatus.VERIFIED and product.origin_province_id


def is_home_province(product):
    return product.origin_province.code == settings.MARKETPLACE_PROVINCE_CODE


def origin_name(product):
    parts = [product.origin_commune.name if product.origin_commune else "", product.origin_province.name]
    return ", ".join(part for part in parts if part)


def traceable_lot(product):
    published = [
        lot for lot in product.lots.all() if lot.status == Lot.Status.PUBLISHED and records_steps(lot)
    ]
    return max(published, key=lambda lot: (lot.production_date, lot.revision), default=None)


def records_steps(lot):
    """Whether the lot records a step: counted by the product page's query (``step_count``),
    else from its steps (prefetched for cards)."""
    count = getattr(lot, "step_count", None)
    return bool(count) if count is not None else bool(lot.steps.all())


def trace_url(lot, product=None):
    """The lot's public page: its GS1 Digital Link when the product has a GTIN."""
    from .gtin import digital_link_path

    product = product or lot.product
    if product.gtin:
        return digital_link_path(product.gtin, lot.lot_code)
    return reverse("catalogue:trace", kwargs={"product_pk": product.pk, "lot": lot.lot_code})
