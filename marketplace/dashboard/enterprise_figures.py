"""An enterprise's figures over a period, for its dashboard home: by month, best products, ratings,
and its certificates' expiry.

Everything is counted over the enterprises the user works for and nobody else's, in the
database, one query a figure whatever the data: sales are sold parcels (goods and shipping) by
the month they were placed; commission and net are the payouts ledger's own rows (sales less
reversals and partial refunds, payouts left out) by the month they were written, so the home
and the monthly statements never disagree.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Count, DateField, F, Max, Q, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.expiry import verified_with_expiry
from marketplace.dashboard.scope import parcels_for_user
from marketplace.payouts.ledger import SOLD
from marketplace.payouts.models import LedgerEntry
from marketplace.payouts.months import month_end, month_of, month_start, previous_month

Line = get_model("order", "Line")
Product = get_model("catalogue", "Product")
ProductReview = get_model("reviews", "ProductReview")
OcopCertificate = get_model("catalogue", "OcopCertificate")

ZERO = Decimal(0)
BEST_PRODUCTS = 5
LOWEST_RATED = 3
CERTIFICATES_SHOWN = 20
EXPIRY_WARNING_DAYS = 90  # as far ahead as the Department's watchlist looks


def last_months(today, count=12):
    """The ``count`` months up to and including ``today``'s, oldest first (first days)."""
    months = [month_of(today)]
    while len(months) < count:
        months.insert(0, previous_month(months[0]))
    return months


def months_of_year(year, today):
    """The months of ``year`` that have begun by ``today``."""
    return [datetime.date(year, month, 1) for month in range(1, 13) if datetime.date(year, month, 1) <= today]


@dataclass
class Month:
    month: datetime.date  # its first day
    parcels: int = 0
    sales: Decimal = ZERO
    commission: Decimal = ZERO
    net: Decimal = ZERO


@dataclass(frozen=True)
class Rated:
    title: str
    product_id: int
    average: Decimal
    reviews: int


@dataclass(frozen=True)
class CertificateExpiry:
    certificate: object
    expiry: datetime.date
    days_left: int

    @property
    def state(self):
        """expired (0 days left or fewer, as in the watchlist), expiring (within 90 days) or in_force."""
        if self.days_left <= 0:
            return "expired"
        return "expiring" if self.days_left <= EXPIRY_WARNING_DAYS else "in_force"


@dataclass
class PeriodFigures:
    months: list  # Month, oldest first, every month of the period
    best_products: list  # dicts: product_id, title, units, value
    rating_average: Decimal | None
    rating_count: int
    lowest_rated: list  # Rated
    certificates: list  # CertificateExpiry, soonest first, the first CERTIFICATES_SHOWN
    more_certificates: bool  # whether there are more than those shown

    @property
    def totals(self):
        return Month(
            month=None,
            parcels=sum(m.parcels for m in self.months),
            sales=sum((m.sales for m in self.months), ZERO),
            commission=sum((m.commission for m in self.months), ZERO),
            net=sum((m.net for m in self.months), ZERO),
        )


def _by_month(rows):
    return {row["month"]: row for row in rows}


def monthly(user, months):
    """A Month for each of ``months``: two queries, the parcels' and the ledger's."""
    start, end = month_start(months[0]), month_end(months[-1])
    month = TruncMonth("date_created", output_field=DateField(), tzinfo=timezone.get_default_timezone())
    parcels = _by_month(
        parcels_for_user(user)
        .filter(status__in=SOLD, date_created__gte=start, date_created__lt=end)
        .order_by()
        .annotate(month=month)
        .values("month")
        .annotate(parcels=Count("pk"), sales=Sum(F("lines_total") + F("shipping_charge")))
    )
    entry_month = TruncMonth("date", output_field=DateField(), tzinfo=timezone.get_default_timezone())
    ledger = _by_month(
        LedgerEntry.objects.filter(enterprise__users=user, date__gte=start, date__lt=end)
        .exclude(kind=LedgerEntry.Kind.PAYOUT)
        .order_by()
        .annotate(month=entry_month)
        .values("month")
        .annotate(commission=Sum("commission"), net=Sum("net"))
    )
    rows = []
    for first_day in months:
        sold, booked = parcels.get(first_day, {}), ledger.get(first_day, {})
        rows.append(
            Month(
                month=first_day,
                parcels=sold.get("parcels") or 0,
                sales=sold.get("sales") or ZERO,
                commission=booked.get("commission") or ZERO,
                net=booked.get("net") or ZERO,
            )
        )
    return rows


def best_products(user, months, count=BEST_PRODUCTS):
    """The products most sold (units, then value) in lines of the user's enterprises' parcels placed
    in ``months`` and standing sold."""
    start, end = month_start(months[0]), month_end(months[-1])
    lines = Line.objects.filter(
        partner__users=user,
        order__parcels__enterprise=F("partner"),
        order__parcels__status__in=SOLD,
        order__parcels__date_created__gte=start,
        order__parcels__date_created__lt=end,
    )
    return list(
        lines.order_by()
        .values("product_id")
        .annotate(title=Max("title"), units=Sum("quantity"), value=Sum("line_price_incl_tax"))
        .order_by("-units", "-value", "product_id")[:count]
    )


def enterprise_products(user):
    """The user's enterprises' products: those they stock, and the parents of the variants they stock."""
    return Product.objects.filter(
        Q(stockrecords__partner__users=user) | Q(children__stockrecords__partner__users=user)
    ).values("pk")


def ratings(user, count=LOWEST_RATED):
    """(average, number) of the published reviews of the user's enterprises' products, and the
    ``count`` products with published reviews rated lowest."""
    published = Q(reviews__status=ProductReview.APPROVED)
    overall = ProductReview.objects.filter(
        status=ProductReview.APPROVED, product__in=enterprise_products(user)
    ).aggregate(average=Avg("score"), count=Count("pk"))
    lowest = (
        Product.objects.filter(pk__in=enterprise_products(user))
        .annotate(
            average=Avg("reviews__score", filter=published), reviews_count=Count("reviews", filter=published)
        )
        .filter(reviews_count__gt=0)
        .order_by("average", "-reviews_count", "pk")
        .values("pk", "title", "average", "reviews_count")[:count]
    )
    rated = [
        Rated(row["title"], row["pk"], Decimal(str(row["average"])), row["reviews_count"]) for row in lowest
    ]
    average = overall["average"]
    return (None if average is None else Decimal(str(average)), overall["count"], rated)


def certificate_expiry(user, today, count=CERTIFICATES_SHOWN):
    """The user's enterprises' verified certificates, soonest to lapse first (lapsed ones first of all)."""
    certificates = verified_with_expiry(OcopCertificate.objects.filter(enterprise__users=user)).order_by(
        "expiry", "pk"
    )
    shown = list(certificates[: count + 1])
    return [
        CertificateExpiry(certificate, certificate.expiry, (certificate.expiry - today).days)
        for certificate in shown[:count]
    ], len(shown) > count


def period_figures(user, months, today=None):
    today = today or timezone.localdate()
    average, rated_count, lowest = ratings(user)
    certificates, more = certificate_expiry(user, today)
    return PeriodFigures(
        months=monthly(user, months),
        best_products=best_products(user, months),
        rating_average=average,
        rating_count=rated_count,
        lowest_rated=lowest,
        certificates=certificates,
        more_certificates=more,
    )
