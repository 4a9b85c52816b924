"""Money the bank says reached the marketplace's account, and what became of it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class StatementImport(models.Model):
    """One bank statement file the operator applied: where its lines' credits came from."""

    filename = models.CharField(_("file name"), max_length=255, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("imported"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-imported_at", "-pk"]
        verbose_name = _("bank statement import")
        verbose_name_plural = _("bank statement imports")

    def __str__(self):
        return self.filename or f"#{self.pk}"


class IncomingTransfer(models.Model):
    """A credit the bank reported, once per bank transaction id (a replay finds it again)."""

    class Channel(models.TextChoices):
        NOTIFICATION = "notification", _("Bank notification")
        STATEMENT = "statement", _("Bank statement line")

    class State(models.TextChoices):
        APPLIED = "applied", _("Paid the order")
        FLAGGED = "flagged", _("Flagged for the operator")
        SETTLED = "settled", _("Settled by the operator")

    class Problem(models.TextChoices):
        NO_ORDER = "no_order", _("The reference names no order paid by transfer")
        TWO_ORDERS = "two_orders", _("The reference names more than one order")
        PARTIAL = "partial", _("Less than the amount due (partial payment)")
        EXCESS = "excess", _("More than the amount due (excess payment)")
        ALREADY_PAID = "already_paid", _("The order was already paid")
        RELEASED = "released", _("Order released: return the money or re-open")
        WRONG_ACCOUNT = "wrong_account", _("The account credited is not the marketplace's")

    class Outcome(models.TextChoices):
        MATCHED = "matched", _("Matched to an order by hand")
        RETURNED = "returned", _("Returned to the sender")
        NOTED = "noted", _("Closed with a note")

    transaction_id = models.CharField(_("bank transaction id"), max_length=128, unique=True)
    amount = models.DecimalField(_("amount (₫)"), max_digits=14, decimal_places=0)
    description = models.TextField(_("description"), blank=True)
    account_number = models.CharField(_("account credited"), max_length=64, blank=True)
    credited_at = models.DateTimeField(_("credited at"))
    received_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)
    channel = models.CharField(_("arrived by"), max_length=16, choices=Channel.choices)
    statement = models.ForeignKey(
        StatementImport,
        verbose_name=_("statement import"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="transfers",
    )
    order = models.ForeignKey(
        "order.Order",
        verbose_name=_("order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="incoming_transfers",
    )
    state = models.CharField(_("state"), max_length=16, choices=State.choices, db_index=True)
    problem = models.CharField(_("problem"), max_length=16, choices=Problem.choices, blank=True)
    outcome = models.CharField(_("settled as"), max_length=16, choices=Outcome.choices, blank=True)
    return_reference = models.CharField(_("outgoing transfer reference"), max_length=128, blank=True)
    settled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("settled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    settled_at = models.DateTimeField(_("settled"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    payload = models.JSONField(_("as the bank sent it"), default=dict, blank=True)

    class Meta:
        ordering = ["-credited_at", "-pk"]
        verbose_name = _("incoming bank transfer")
        verbose_name_plural = _("incoming bank transfers")

    def __str__(self):
        return self.transaction_id
