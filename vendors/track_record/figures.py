"""An enterprise's record, counted from facts nobody types in: parcels, reviews, certificates.

Like the product badges (``catalogue.badges``), every figure is computed from what happened:
the parcels' status history, verified-purchase reviews, the Department's approval and its
OCOP decisions. :func:`records_of` counts many enterprises in two aggregate queries (a
storefront list makes no query per enterprise) and keeps the result for a while
(``ENTERPRISE_RECORD["CACHE_SECONDS"]``); :func:`record_of` is one enterprise's.

Each figure says how many facts it rests on and whether that is enough to show it.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.expiry import in_force
from catalogue.models import OcopCertificate
from vendors.models import EnterpriseStatus, EnterpriseStatusChange, Partner

Parcel = get_model("order", "Parcel")
ParcelStatusChange = get_model("order", "ParcelStatusChange")
ProductReview = get_model("reviews", "ProductReview")
StockRecord = get_model("partner", "StockRecord")

CACHE_VERSION = 1


@dataclass(frozen=True)
class Figure:
    """A share or an average with the number of facts it rests on; shown only from ``minimum`` facts."""

    value: float | None
    facts: int
    minimum: int

    @property
    def enough(self):
        return self.facts >= self.minimum and self.value is not None


@dataclass(frozen=True)
class EnterpriseRecord:
    enterprise_id: int
    counted_on: date
    rating: Figure  # average score out of 5 of verified-purchase published reviews
    shipped_on_time: Figure  # share of parcels due to ship that left within SHIP_WITHIN_DAYS
    cancelled: Figure  # share of confirmed parcels cancelled by the enterprise or the system
    approved_on: date | None  # first approval by the Department
    certificates_in_force: int

    @property
    def months_on_marketplace(self):
        """Whole months since the first approval, counted on the day the record is shown."""
        if self.approved_on is None:
            return None
        today = timezone.localdate()
        months = (today.year - self.approved_on.year) * 12 + today.month - self.approved_on.month
        return max(months - (today.day < self.approved_on.day), 0)

    @property
    def years_on_marketplace(self):
        months = self.months_on_marketplace
        return None if months is None else months // 12


def conf():
    return settings.ENTERPRISE_RECORD


def record_of(enterprise):
    """The record of one enterprise (or enterprise pk)."""
    pk = getattr(enterprise, "pk", enterprise)
    return records_of([pk])[pk]


def records_of(enterprises):
    """{pk: EnterpriseRecord} for the given enterprises (or pks): cached ones as they are, the
    others counted together in two queries."""
    pks = {getattr(enterprise, "pk", enterprise) for enterprise in enterprises}
    today = timezone.localdate()
    keys = {pk: f"enterprise-record:{pk}:{today.isoformat()}" for pk in pks}
    cached = cache.get_many(list(keys.values()), version=CACHE_VERSION)
    records = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = pks - records.keys()
    if missing:
        counted = count_records(missing, timezone.now())
        cache.set_many(
            {keys[pk]: record for pk, record in counted.items()},
            timeout=conf()["CACHE_SECONDS"],
            version=CACHE_VERSION,
        )
        records.update(counted)
    return records


def count_records(pks, now):
    """The records of enterprises ``pks`` as of ``now``, from two aggregate queries, uncached."""
    today = timezone.localdate(now)
    parcels = parcel_counts(pks, now)
    standing = enterprise_facts(pks, today)
    records = {}
    for pk in pks:
        facts = standing.get(pk, {})
        counts = parcels.get(pk, {})
        confirmed, due = counts.get("confirmed", 0), counts.get("due", 0)
        records[pk] = EnterpriseRecord(
            enterprise_id=pk,
            counted_on=today,
            rating=Figure(facts.get("rating"), facts.get("reviews") or 0, conf()["MIN_REVIEWS"]),
            shipped_on_time=Figure(counts["on_time"] / due if due else None, due, conf()["MIN_PARCELS"]),
            cancelled=Figure(
                counts["cancelled"] / confirmed if confirmed else None, confirmed, conf()["MIN_PARCELS"]
            ),
            approved_on=timezone.localdate(facts["approved_at"]) if facts.get("approved_at") else None,
            certificates_in_force=facts.get("certificates") or 0,
        )
    return records


def parcel_counts(pks, now):
    """{pk: {confirmed, due, on_time, cancelled}} over parcels confirmed in the last WINDOW_DAYS.

    A parcel is due to ship once it has shipped or its SHIP_WITHIN_DAYS have passed without it
    being cancelled; it shipped on time if it left within them of its confirmation. A parcel
    cancelled by the shopper who ordered it does not count against the enterprise.
    """
    within = timedelta(days=conf()["SHIP_WITHIN_DAYS"])
    changes = ParcelStatusChange.objects.filter(parcel=OuterRef("pk"))

    def first(status):
        moves = changes.filter(to_status=status).order_by("date_created", "pk")
        return Subquery(moves.values("date_created")[:1])

    Status = Parcel.Status
    by_shopper = changes.filter(to_status=Status.CANCELLED, changed_by=OuterRef("order__user"))
    parcels = (
        Parcel.objects.filter(enterprise__in=pks)
        .alias(confirmed_at=first(Status.CONFIRMED), shipped_at=first(Status.SHIPPED))
        .alias(cancelled_by_shopper=Exists(by_shopper))
        .filter(confirmed_at__gte=now - timedelta(days=conf()["WINDOW_DAYS"]))
    )
    due = Q(shipped_at__isnull=False) | (Q(confirmed_at__lte=now - within) & ~Q(status=Status.CANCELLED))
    rows = (
        parcels.order_by()
        .values("enterprise_id")
        .annotate(
            confirmed=Count("pk"),
            due=Count("pk", filter=due),
            on_time=Count("pk", filter=Q(shipped_at__lte=F("confirmed_at") + within)),
            cancelled=Count("pk", filter=Q(status=Status.CANCELLED, cancelled_by_shopper=False)),
        )
    )
    return {row.pop("enterprise_id"): row for row in rows}


def enterprise_facts(pks, today):
    """{pk: {rating, reviews, approved_at, certificates}} in one query of subqueries."""
    sold_by = StockRecord.objects.filter(
        Q(product=OuterRef("product")) | Q(product__parent=OuterRef("product")),
        partner=OuterRef(OuterRef("pk")),
    )
    reviews = (
        ProductReview.objects.filter(status=ProductReview.APPROVED, verified_purchase=True)
        .filter(Exists(sold_by))
        .order_by()
        .values("status")  # one group: every review counted is published
    )
    certificates = (
        in_force(OcopCertificate.objects.filter(enterprise=OuterRef("pk")), today)
        .order_by()
        .values("enterprise")
    )
    approvals = EnterpriseStatusChange.objects.filter(
        enterprise=OuterRef("pk"), to_status=EnterpriseStatus.APPROVED
    ).order_by("date_created", "pk")
    rows = (
        Partner.objects.filter(pk__in=pks)
        .values("pk")
        .annotate(
            rating=Subquery(reviews.annotate(average=Avg("score")).values("average")[:1]),
            reviews=Coalesce(Subquery(reviews.annotate(count=Count("pk")).values("count")[:1]), 0),
            approved_at=Subquery(approvals.values("date_created")[:1]),
            certificates=Coalesce(Subquery(certificates.annotate(count=Count("pk")).values("count")[:1]), 0),
        )
    )
    return {row.pop("pk"): row for row in rows}
