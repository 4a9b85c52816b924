"""An enterprise's monthly statement: the balance it started with, the month's rows, where it ended.

The same :class:`Statement` feeds the dashboard page and the CSV download, so the two
never disagree.
"""

import csv
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property

from django.db.models import Exists, OuterRef, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from . import rules
from .ledger import owed_for_month
from .models import LedgerEntry
from .months import month_end, month_of, month_start

ZERO = Decimal(0)


def opening_month(enterprises, today=None):
    """The month an enterprise expects to find first: this month, or after a quiet spell the latest
    month with anything on its ledger (never an empty month while there is history to show)."""
    this_month = month_of(today or timezone.localdate())
    latest = (
        LedgerEntry.objects.filter(enterprise__in=enterprises, date__lt=month_end(this_month))
        .order_by("-date")
        .values_list("date", flat=True)
        .first()
    )
    return this_month if latest is None else month_of(timezone.localtime(latest).date())


@dataclass
class Statement:
    enterprise: object
    month: date
    opening: Decimal
    entries: list = field(default_factory=list)

    @property
    def gross(self):
        return sum((entry.gross for entry in self.entries), ZERO)

    @property
    def commission(self):
        return sum((entry.commission for entry in self.entries), ZERO)

    @property
    def vat_withheld(self):
        return sum((entry.vat_withheld for entry in self.entries), ZERO)

    @property
    def pit_withheld(self):
        return sum((entry.pit_withheld for entry in self.entries), ZERO)

    @property
    def net(self):
        return rules.balance(entry.net for entry in self.entries)

    @property
    def closing(self):
        return self.opening + self.net

    @cached_property
    def payout(self):
        """The payout row that settled this month, whenever it was recorded (None if unpaid)."""
        return (
            LedgerEntry.objects.for_enterprise(self.enterprise)
            .filter(kind=LedgerEntry.Kind.PAYOUT, month_paid=self.month)
            .first()
        )

    @cached_property
    def owed(self):
        return owed_for_month(self.enterprise, self.month)

    @property
    def is_over(self):
        return month_end(self.month) <= timezone.now()


def statement(enterprise, month):
    entries = LedgerEntry.objects.for_enterprise(enterprise)
    opening = entries.filter(date__lt=month_start(month)).aggregate(n=Sum("net"))["n"] or ZERO
    rows = entries.filter(date__gte=month_start(month), date__lt=month_end(month)).select_related(
        "parcel__order"
    )
    return Statement(enterprise=enterprise, month=month, opening=opening, entries=list(rows))


def balances(enterprises, month):
    """``enterprises`` annotated with the month's opening, net and closing balance, and whether it is paid."""
    start, end = month_start(month), month_end(month)
    before, during = (
        Q(ledger_entries__date__lt=start),
        Q(ledger_entries__date__gte=start, ledger_entries__date__lt=end),
    )
    return enterprises.annotate(
        opening=Coalesce(Sum("ledger_entries__net", filter=before), Value(ZERO)),
        month_net=Coalesce(Sum("ledger_entries__net", filter=during), Value(ZERO)),
        closing=Coalesce(Sum("ledger_entries__net", filter=Q(ledger_entries__date__lt=end)), Value(ZERO)),
        is_paid=Exists(
            LedgerEntry.objects.filter(
                enterprise=OuterRef("pk"), kind=LedgerEntry.Kind.PAYOUT, month_paid=month
            )
        ),
    )


def amount(value):
    """Whole đồng as a plain number, which spreadsheets read as a number in any locale."""
    return f"{value:.0f}"


def write_csv(statement, out):
    """The statement as CSV rows on ``out`` (a file-like object); headers in the active language."""
    writer = csv.writer(out)
    writer.writerow(
        [
            _("Date"),
            _("Kind"),
            _("Parcel"),
            _("Order"),
            _("Gross"),
            _("Commission"),
            _("VAT withheld"),
            _("PIT withheld"),
            _("Net"),
            _("Note"),
        ]
    )
    first_day = date_format(statement.month, "SHORT_DATE_FORMAT")
    writer.writerow([first_day, _("Opening balance"), "", "", "", "", "", "", amount(statement.opening), ""])
    for entry in statement.entries:
        parcel = entry.parcel
        writer.writerow(
            [
                date_format(timezone.localtime(entry.date), "SHORT_DATETIME_FORMAT"),
                entry.get_kind_display(),
                parcel.number if parcel else "",
                parcel.order.number if parcel else "",
                amount(entry.gross),
                amount(entry.commission),
                amount(entry.vat_withheld),
                amount(entry.pit_withheld),
                amount(entry.net),
                " ".join(filter(None, [entry.reference, entry.note])),
            ]
        )
    writer.writerow(
        [
            "",
            _("Month's totals"),
            "",
            "",
            amount(statement.gross),
            amount(statement.commission),
            amount(statement.vat_withheld),
            amount(statement.pit_withheld),
            amount(statement.net),
            "",
        ]
    )
    writer.writerow(["", _("Closing balance"), "", "", "", "", "", "", amount(statement.closing), ""])
