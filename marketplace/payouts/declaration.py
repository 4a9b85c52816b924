"""The platform's monthly declaration of the tax it withheld for household businesses (Decree 117/2025).

One row per seller with tax withheld in the month, read from the ledger: the month's sale rows
and the reversing rows (refunds, cancellations) posted in that month, so a refund reduces the
month it is made in, as the Decree lets a platform offset returned sales within the period.
Revenue is the gross of those rows (goods and shipping the shopper paid). The form the figures
go on is believed to be Mẫu 01/CNKD-TMĐT (not checked against the official text).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from .models import LedgerEntry
from .months import month_end, month_start

Partner = get_model("partner", "Partner")
ZERO = Decimal(0)


@dataclass(frozen=True)
class SellerLine:
    enterprise: object
    revenue: Decimal
    vat_withheld: Decimal
    pit_withheld: Decimal
    sales: int

    def values(self):
        """Seller, tax code, address, revenue, VAT withheld, PIT withheld, sales."""
        enterprise = self.enterprise
        return [
            enterprise.name,
            enterprise.tax_code,
            enterprise.address,
            self.revenue,
            self.vat_withheld,
            self.pit_withheld,
            self.sales,
        ]


@dataclass(frozen=True)
class Declaration:
    month: object
    lines: list

    @property
    def revenue(self):
        return sum((line.revenue for line in self.lines), ZERO)

    @property
    def vat_withheld(self):
        return sum((line.vat_withheld for line in self.lines), ZERO)

    @property
    def pit_withheld(self):
        return sum((line.pit_withheld for line in self.lines), ZERO)

    @property
    def sales(self):
        return sum(line.sales for line in self.lines)

    def rows(self):
        """The export's rows: one per seller, then the totals."""
        for line in self.lines:
            yield line.values()
        yield [_("Total"), "", "", self.revenue, self.vat_withheld, self.pit_withheld, self.sales]


def declaration(month) -> Declaration:
    """The month's withheld tax per seller (rows with nothing withheld, e.g. before the law, are left out)."""
    withheld = ~Q(vat_withheld=0) | ~Q(pit_withheld=0)
    sums = (
        LedgerEntry.objects.exclude(kind=LedgerEntry.Kind.PAYOUT)
        .filter(withheld, date__gte=month_start(month), date__lt=month_end(month))
        .values("enterprise")
        .annotate(
            revenue=Sum("gross"),
            vat=Sum("vat_withheld"),
            pit=Sum("pit_withheld"),
            sales=Count("pk", filter=Q(kind=LedgerEntry.Kind.SALE)),
        )
    )
    by_enterprise = {row["enterprise"]: row for row in sums}
    enterprises = Partner.objects.filter(pk__in=by_enterprise).select_related("commune", "province")
    lines = [
        SellerLine(
            enterprise=enterprise,
            revenue=by_enterprise[enterprise.pk]["revenue"],
            vat_withheld=by_enterprise[enterprise.pk]["vat"],
            pit_withheld=by_enterprise[enterprise.pk]["pit"],
            sales=by_enterprise[enterprise.pk]["sales"],
        )
        for enterprise in enterprises.order_by("name", "pk")
    ]
    return Declaration(month=month, lines=lines)
