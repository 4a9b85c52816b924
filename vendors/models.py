"""Enterprises: Oscar's Partner extended with legal identity and review status.

The app keeps Oscar's label ``partner`` so every Oscar reference to
``partner.Partner`` and ``partner.StockRecord`` lands here.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner

from marketplace.uploads import unguessable_name
from places.abstract_models import administrative_units


class EnterpriseKind(models.TextChoices):
    COMPANY = "company", _("Company")
    COOPERATIVE = "cooperative", _("Cooperative")
    COOPERATIVE_GROUP = "cooperative_group", _("Cooperative group")
    HOUSEHOLD = "household", _("Household business")


class EnterpriseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")


class PartnerQuerySet(models.QuerySet):
    def approved(self):
        """Enterprises the Department allows to sell right now."""
        return self.filter(status=EnterpriseStatus.APPROVED)


class Partner(administrative_units(related_name="enterprises"), AbstractPartner):
    slug = models.SlugField(_("slug"), max_length=140, unique=True, null=True, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=EnterpriseKind.choices, default=EnterpriseKind.COMPANY
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EnterpriseStatus.choices,
        default=EnterpriseStatus.DRAFT,
        db_index=True,
    )
    tax_code = models.CharField(
        _("tax code"),
        max_length=14,
        blank=True,
        help_text=_("10-digit enterprise code, a branch code 0123456789-001, or the owner's 12-digit ID."),
    )
    representative = models.CharField(_("representative"), max_length=128, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    story = models.TextField(_("story"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="enterprises/logos/", blank=True)
    banner = models.ImageField(_("banner"), upload_to="enterprises/banners/", blank=True)
    date_created = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    date_updated = models.DateTimeField(_("updated"), auto_now=True)
    date_submitted = models.DateTimeField(_("submitted"), null=True, blank=True, db_index=True)

    objects = PartnerQuerySet.as_manager()

    class Meta(AbstractPartner.Meta):
        permissions = (
            ("dashboard_access", _("Can access dashboard")),
            ("review_enterprises", _("Can review enterprises and their claims")),
        )
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        constraints = [
            models.UniqueConstraint(
                fields=["tax_code"],
                condition=~models.Q(tax_code=""),
                name="unique_enterprise_tax_code",
            ),
        ]

    @property
    def is_approved(self):
        return self.status == EnterpriseStatus.APPROVED

    @property
    def address(self):
        """The one-line address the Law on E-commerce requires a platform to show."""
        parts = [
            self.street_address,
            self.commune.name if self.commune else "",
            self.province.name if self.province else "",
        ]
        return ", ".join(part for part in parts if part)


def document_path(document, filename):
    """Unguessable names: these papers are served only through a permission-checked view."""
    return unguessable_name("private/enterprise-documents", filename)


class EnterpriseDocument(models.Model):
    """A paper an enterprise submits for review, e.g. its business registration certificate."""

    class Kind(models.TextChoices):
        BUSINESS_REGISTRATION = "business_registration", _("Business registration certificate")
        OTHER = "other", _("Other document")

    enterprise = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="documents", verbose_name=_("enterprise")
    )
    kind = models.CharField(
        _("kind"), max_length=40, choices=Kind.choices, default=Kind.BUSINESS_REGISTRATION
    )
    file = models.FileField(_("file"), upload_to=document_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    date_uploaded = models.DateTimeField(_("uploaded"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date_uploaded", "-pk"]
        verbose_name = _("enterprise document")
        verbose_name_plural = _("enterprise documents")

    def __str__(self):
        return self.original_name


class EnterpriseStatusChange(models.Model):
    """One move of an enterprise's review status: kept for ever, never edited."""

    enterprise = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("enterprise")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=EnterpriseStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=EnterpriseStatus.choices)
    reason = models.TextField(_("reason"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    date_created = models.DateTimeField(_("when"), default=timezone.now, editable=False, db_index=True)

    class Meta:
        ordering = ["-date_created", "-pk"]
        verbose_name = _("enterprise status change")
        verbose_name_plural = _("enterprise status changes")

    def __str__(self):
        return f"{self.enterprise}: {self.from_status} → {self.to_status}"

    @property
    def why(self):
        """The written reason, by the name every status history shows it under."""
        return self.reason


class OfficerTitle(models.Model):
    """How a Department officer's decisions are signed in public: unit and role, never the person."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="officer_title",
        verbose_name=_("officer"),
    )
    unit = models.CharField(
        _("department unit"),
        max_length=200,
        blank=True,
        help_text=_("e.g. “Phòng Quản lý Công nghiệp”; empty: the Department's name."),
    )
    role = models.CharField(_("role"), max_length=100, blank=True, help_text=_("e.g. “Chuyên viên”"))

    class Meta:
        verbose_name = _("officer's public title")
        verbose_name_plural = _("officers' public titles")

    def __str__(self):
        return ", ".join(part for part in (self.unit, self.role) if part)


from oscar.apps.partner.models import *
