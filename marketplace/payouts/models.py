"""Commission rates and the ledger of what each enterprise earns and is paid."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CommissionRate(models.Model):
    """The platform's commission on products of a category (and its subcategories without their own)."""

    category = models.OneToOneField(
        "catalogue.Category",
        on_delete=models.CASCADE,
        related_name="commission_rate",
        verbose_name=_("category"),
    )
    rate = models.DecimalField(
        _("rate"),
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("A fraction of the goods' price: 0.05 is 5 %."),
    )

    class Meta:
        verbose_name = _("commission rate")
        verbose_name_plural = _("commission rates")
        ordering = ["category__path"]

    def __str__(self):
        return f"{self.category}: {self.rate:.2%}"


class LedgerIsAppendOnly(Exception):
    """Ledger rows are history: a mistake is corrected by a new row, never by an edit."""


class LedgerQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise LedgerIsAppendOnly("Ledger rows cannot be updated.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise LedgerIsAppendOnly("Ledger rows cannot be updated.")

    def delete(self):
        raise LedgerIsAppendOnly("Ledger rows cannot be deleted.")

    def for_enterprise(self, enterprise):
        return self.filter(enterprise=enterprise)


class LedgerEntry(models.Model):
    """One row of an enterprise's account with the platform, never edited nor deleted.

    A sale adds what a confirmed parcel earns; a reversal takes back what it still earns when
    the parcel is cancelled or refunded; a partial refund takes back its share of money given
    back on the order for no one parcel; a payout records money the operator sent.
    ``net`` is what the row adds to the amount owed to the enterprise: gross less commission
    less the tax withheld for the seller.
    """

    class Kind(models.TextChoices):
        SALE = "sale", _("Sale")
        REVERSAL = "reversal", _("Reversal")
        PARTIAL_REFUND = "partial_refund", _("Partial refund")
        PAYOUT = "payout", _("Payout")

    enterprise = models.ForeignKey(
        "partner.Partner",
        on_delete=models.PROTECT,
        related_name="ledger_entries",
        verbose_name=_("enterprise"),
    )
    parcel = models.ForeignKey(
        "order.Parcel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_entries",
        verbose_name=_("parcel"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    gross = models.DecimalField(_("gross"), max_digits=14, decimal_places=0, default=0)
    commission = models.DecimalField(_("commission"), max_digits=14, decimal_places=0, default=0)
    # Tax withheld for a household business's sale (marketplace.payouts.withholding), owed by the
    # platform to the tax office and declared monthly; 0 for other sellers and rows before the law.
    vat_withheld = models.DecimalField(_("VAT withheld"), max_digits=14, decimal_places=0, default=0)
    pit_withheld = models.DecimalField(_("PIT withheld"), max_digits=14, decimal_places=0, default=0)
    net = models.DecimalField(_("net"), max_digits=14, decimal_places=0)
    date = models.DateTimeField(_("date"), default=timezone.now, db_index=True)
    month_paid = models.DateField(
        _("month paid"),
        null=True,
        blank=True,
        help_text=_("For a payout: the first day of the month it pays."),
    )
    reference = models.CharField(
        _("reference"), max_length=128, blank=True, help_text=_("For a payout: the bank transfer reference.")
    )
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    objects = LedgerQuerySet.as_manager()

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["parcel", "kind"],
                condition=Q(kind__in=["sale", "reversal"]),
                name="one_sale_and_one_reversal_per_parcel",
            ),
            models.UniqueConstraint(
                fields=["enterprise", "month_paid"],
                condition=Q(kind="payout"),
                name="one_payout_per_enterprise_and_month",
            ),
            models.CheckConstraint(
                condition=Q(kind="payout", net__lt=0, month_paid__isnull=False)
                | (
                    ~Q(kind="payout")
                    & Q(
                        net=F("gross") - F("commission") - F("vat_withheld") - F("pit_withheld"),
                        parcel__isnull=False,
                    )
                ),
                name="ledger_entry_adds_up",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.net} ({self.enterprise_id})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise LedgerIsAppendOnly("Ledger rows cannot be updated.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise LedgerIsAppendOnly("Ledger rows cannot be deleted.")

    @property
    def paid_amount(self):
        """For a payout: the money the operator sent (its ``net`` is that amount taken off the balance)."""
        return -self.net
