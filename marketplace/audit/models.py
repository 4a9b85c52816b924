"""The audit log: one row per decision, who made it, when, on what, from what to what and why.

Rows are evidence, so they are never edited nor deleted: the model and its QuerySet refuse,
and a database trigger refuses an UPDATE made in SQL (see migration 0002). The person, the
subject and the enterprise are kept as snapshots beside their ids, so a row still reads the
same when any of them is renamed or gone.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class AuditKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("Enterprise review")
    CERTIFICATE = "certificate", _("OCOP certificate")
    ORIGIN = "origin", _("Product origin")
    SPECIALTY = "specialty", _("Provincial specialty")
    PARCEL_CANCELLATION = "parcel_cancellation", _("Parcel cancellation")
    REFUND = "refund", _("Refund")
    PAYOUT = "payout", _("Payout")
    MODERATION = "moderation", _("Listing moderation")
    BANK_TRANSFER = "bank_transfer", _("Bank transfer settled")
    INVOICE = "invoice", _("E-invoice recorded")


class AuditLogIsAppendOnly(Exception):
    """The audit log is history: a wrong decision is followed by a new one, never edited away."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogIsAppendOnly("Audit log rows cannot be updated.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AuditLogIsAppendOnly("Audit log rows cannot be updated.")

    def delete(self):
        raise AuditLogIsAppendOnly("Audit log rows cannot be deleted.")


class AuditEntry(models.Model):
    """One decision. ``from_status``/``to_status`` are the values, their labels are kept as the
    English message ids so each reader sees them in their own language."""

    when = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("kind"), max_length=32, choices=AuditKind.choices)
    # No cascade and no constraint: the row outlives the account (its snapshot says who it was).
    who = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    who_email = models.CharField(_("e-mail"), max_length=254, blank=True)
    who_name = models.CharField(_("name"), max_length=255, blank=True)
    subject_type = models.ForeignKey(
        ContentType,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_id = models.CharField(max_length=64, blank=True)
    subject_label = models.CharField(_("subject"), max_length=255, blank=True)
    enterprise_id = models.BigIntegerField(_("enterprise id"), null=True, blank=True)
    enterprise_name = models.CharField(_("enterprise"), max_length=255, blank=True)
    from_status = models.CharField(_("from"), max_length=32, blank=True)
    from_label = models.CharField(max_length=128, blank=True)
    to_status = models.CharField(_("to"), max_length=32, blank=True)
    to_label = models.CharField(max_length=128, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=0, null=True, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-when", "-pk"]
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log entries")
        indexes = [
            models.Index(fields=["kind", "-when"], name="audit_kind_when"),
            models.Index(fields=["enterprise_id", "-when"], name="audit_enterprise_when"),
            models.Index(fields=["who", "-when"], name="audit_who_when"),
            models.Index(fields=["subject_type", "subject_id"], name="audit_subject"),
        ]

    def __str__(self):
        when = date_format(timezone.localtime(self.when), "SHORT_DATETIME_FORMAT")
        return f"{self.get_kind_display()}: {self.subject_label} ({when})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditLogIsAppendOnly("Audit log rows cannot be updated.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("Audit log rows cannot be deleted.")

    @property
    def from_display(self):
        return gettext(self.from_label) if self.from_label else self.from_status

    @property
    def to_display(self):
        return gettext(self.to_label) if self.to_label else self.to_status

    @property
    def who_display(self):
        return self.who_name or self.who_email
