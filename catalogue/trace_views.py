"""Public evidence pages: OCOP certificates and traceability lots, and QR codes for labels.

Only what the Department verified or the enterprise published is shown:
pending and rejected certificates, draft lots and products nobody may buy
answer 404.
"""

from dataclasses import dataclass
from datetime import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, TemplateView

from marketplace.private_files import private_file_response
from vendors.storefronts import public_tax_code

from . import traceability
from .badges import best_certificate, verified_badges
from .gtin import digital_link_path, gtin14
from .models import Lot, OcopCertificate, Product
from .ocop import is_in_force
from .qr import qr_download, qr_path

Status = OcopCertificate.Status
PUBLIC_STATUSES = (Status.VERIFIED, Status.REVOKED, Status.SUPERSEDED)
REVIEW_PERMISSION = "partner.review_enterprises"
SCAN_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
SCAN_IMAGES = {"jpg", "png"}


def browsable_products():
    return Product.objects.browsable().base_queryset()


def gtin_forms(digits):
    """The stored values whose 14-digit form is ``digits``: GTIN-8, 12, 13 or 14."""
    return {digits[-length:] for length in (8, 12, 13, 14) if gtin14(digits[-length:]) == digits}


def product_for(kwargs):
    """The browsable product a lot URL names, by primary key or by GTIN; else 404."""
    if "product_pk" in kwargs:
        return get_object_or_404(browsable_products(), pk=kwargs["product_pk"])
    published = Lot.objects.filter(lot_code=kwargs["lot"], status=Lot.Status.PUBLISHED)
    candidates = browsable_products().filter(gtin__in=gtin_forms(kwargs["gtin"]), lots__in=published)
    product = candidates.distinct().order_by("pk").first()
    if product is None:
        raise Http404
    return product


def published_lot(product, lot_code):
    lot = traceability.current_revision(product, lot_code)
    if lot is None:
        raise Http404
    return lot


def seller(product):
    """The approved enterprise selling (and producing) the product."""
    return next((r.partner for r in product.stockrecords.all() if r.partner.is_approved), None)


class TraceabilityView(TemplateView):
    """A lot's public record; its canonical address is the GS1 Digital Link when there is a GTIN."""

    template_name = "catalogue/trace/lot.html"

    def get(self, request, *args, **kwargs):
        self.product = product_for(kwargs)
        self.lot = published_lot(self.product, kwargs["lot"])
        if "product_pk" in kwargs and self.product.gtin:
            return redirect(digital_link_path(self.product.gtin, self.lot.lot_code))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        product, lot, today = self.product, self.lot, timezone.localdate()
        enterprise = seller(product)
        history = list(traceability.revisions(product, lot.lot_code))
        canonical = None
        if product.gtin:
            canonical = self.request.build_absolute_uri(digital_link_path(product.gtin, lot.lot_code))
        kwargs["lot"] = lot  # the URL's lot code, now the lot it names
        return super().get_context_data(
            product=product,
            steps=lot.steps.all(),
            certifications=lot.certifications.all(),
            enterprise=enterprise,
            tax_code=public_tax_code(enterprise.tax_code) if enterprise else "",
            certificate=best_certificate(product, today),
            badges=verified_badges(product, today),
            history=history,
            first_published=history[-1].date_published,
            canonical_url=canonical,
            qr_svg_url=qr_path(lot, "svg", product),
            qr_png_url=qr_path(lot, "png", product),
            **kwargs,
        )


class TraceQrCodeView(View):
    """A QR code of the lot's public page, to print on labels; it only encodes a public URL.

    Served under both addresses of the lot (its GS1 Digital Link and the product's), it encodes
    the canonical one.
    """

    def get(self, request, fmt, **kwargs):
        product = product_for(kwargs)
        return qr_download(request, published_lot(product, kwargs["lot"]), fmt)


@dataclass(frozen=True)
class Verification:
    """Who verified a certificate, as the public may see it: the unit and role, never the person."""

    unit: str
    role: str
    date: datetime


def verification_of(certificate):
    """The Department's move that verified the certificate (the latest), or None."""
    change = (
        certificate.status_changes.filter(to_status=Status.VERIFIED)
        .exclude(from_status=Status.VERIFIED)
        .select_related("changed_by__officer_title")
        .first()
    )
    if change is None:
        return None
    title = getattr(change.changed_by, "officer_title", None)  # none when unset or the account is gone
    return Verification(
        unit=title.unit if title else "", role=title.role if title else "", date=change.date_created
    )


def scan_extension(certificate):
    return certificate.scan.name.rsplit(".", 1)[-1].lower() if certificate.scan else ""


def certificate_standing(certificate, today):
    """In force, expired, revoked, superseded (or, for a decision dated ahead, not yet in force)."""
    if certificate.status == Status.REVOKED:
        return "revoked", _("Revoked")
    if certificate.status == Status.SUPERSEDED:
        return "superseded", _("Superseded")
    if is_in_force(certificate, today):
        return "in-force", _("In force")
    if today >= certificate.expires_on:
        return "expired", _("Expired")
    return "not-yet", _("Not yet in force")


class CertificateView(DetailView):
    """A recognition the Department verified, with its standing today; unverified claims are 404."""

    template_name = "catalogue/trace/certificate.html"
    context_object_name = "certificate"
    queryset = OcopCertificate.objects.filter(status__in=PUBLIC_STATUSES).select_related(
        "enterprise", "superseded_by"
    )

    def get_context_data(self, **kwargs):
        certificate = self.object
        standing, standing_label = certificate_standing(certificate, timezone.localdate())
        successor = certificate.superseded_by
        show_scan = certificate.status == Status.VERIFIED and scan_extension(certificate) in SCAN_TYPES
        return super().get_context_data(
            standing=standing,
            standing_label=standing_label,
            products=certificate.products.browsable().order_by("title"),
            enterprise=certificate.enterprise,
            successor=successor if successor and successor.status in PUBLIC_STATUSES else None,
            show_scan=show_scan,
            scan_is_image=show_scan and scan_extension(certificate) in SCAN_IMAGES,
            verification=verification_of(certificate) if certificate.status == Status.VERIFIED else None,
            **kwargs,
        )


def may_see_scan(user, certificate):
    """A verified decision is public evidence; before that it is for its enterprise and the Department."""
    if certificate.status == Status.VERIFIED:
        return True
    if not user.is_authenticated:
        return False
    return (
        user.is_staff
        or user.has_perm(REVIEW_PERMISSION)
        or certificate.enterprise.users.filter(pk=user.pk).exists()
    )


class CertificateScanView(View):
    """The scanned decision, streamed; to anyone not allowed to see it, it does not exist."""

    def get(self, request, pk):
        certificate = get_object_or_404(OcopCertificate.objects.select_related("enterprise"), pk=pk)
        extension = scan_extension(certificate)
        if extension not in SCAN_TYPES or not may_see_scan(request.user, certificate):
            raise Http404
        return private_file_response(
            certificate.scan,
            filename=f"ocop-{certificate.pk}.{extension}",
            content_type=SCAN_TYPES[extension],
            private=certificate.status != Status.VERIFIED,
        )
