"""The province at a glance: each of the console's figures as a few aggregate queries.

Every figure is counted and summed in the database (grouped ``values().annotate()``, ``Count``
and ``Sum`` with ``filter=``), so the console asks the same handful of queries at 100 enterprises
or 1,000 and at 300 products or 100,000. The definitions are issue 18's shared ones: a sale is a
parcel in ``ledger.SOLD``, its value its goods plus shipping, its day its creation day in the
province's time; a product's sector is its first category's root, its stars the best verified
certificate in force today.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Avg, Count, DurationField, Exists, F, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue.expiry import in_force_on, lapsing_within, verified_with_expiry
from marketplace import content_revision
from marketplace.payouts.ledger import SOLD
from vendors.models import EnterpriseKind, EnterpriseStatus

Category = get_model("catalogue", "Category")
Line = get_model("order", "Line")
Parcel = get_model("order", "Parcel")
ParcelStatusChange = get_model("order", "ParcelStatusChange")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
Source = get_model("payment", "Source")
StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")

TOP = 15  # communes shown by name; the rest are summed as "others"
WINDOWS = (30, 60, 90)
STARS = (None, 3, 4, 5)
METHODS = ("card", "cod")
SECTOR_STEP = 4  # treebeard's steplen: a category's root is the first 4 characters of its path
NO_COMMUNE = _("No commune")
NO_SECTOR = _("No sector")
OTHERS = _("Other communes")


def province_zone():
    return ZoneInfo(settings.TIME_ZONE)


# --- The period -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both days included, in the province's time."""

    start: datetime.date
    end: datetime.date

    @property
    def since(self):
        return datetime.datetime.combine(self.start, datetime.time.min, tzinfo=province_zone())

    @property
    def until(self):  # exclusive
        return datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=province_zone()
        )

    def created_within(self, prefix=""):
        return Q(**{f"{prefix}date_created__gte": self.since, f"{prefix}date_created__lt": self.until})


def month_start(day):
    return day.replace(day=1)


def add_months(day, months):
    """The first of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def quick_period(choice, today):
    """The period of a quick choice: this month so far, last month, this year so far, last 12 months."""
    if choice == "last_month":
        start = add_months(today, -1)
        return Period(start, month_start(today) - datetime.timedelta(days=1))
    if choice == "this_year":
        return Period(today.replace(month=1, day=1), today)
    if choice == "last_12_months":
        return Period(add_months(today, -11), today)
    return Period(month_start(today), today)


# --- What the figures are -------------------------------------------------------------------


@dataclass
class Row:
    """One line of a grouped figure: a label, a count, and an amount where there is one."""

    label: str
    count: int = 0
    value: Decimal = Decimal(0)
    key: object = None


@dataclass
class Certificates:
    in_force: int
    expiring: dict  # days → certificates in force lapsing within that many days
    expired: int


@dataclass
class Sales:
    parcels: int
    value: Decimal
    card_parcels: int
    card_value: Decimal
    cod_parcels: int
    cod_value: Decimal
    shipped_parcels: int
    time_to_shipment: datetime.timedelta | None
    cancelled: int
    counted_for_cancellation: int

    @staticmethod
    def share(part, whole):
        return Decimal(part) / Decimal(whole) if whole else Decimal(0)

    @property
    def card_share(self):
        return self.share(self.card_parcels, self.parcels)

    @property
    def cod_share(self):
        return self.share(self.cod_parcels, self.parcels)

    @property
    def card_value_share(self):
        return self.share(self.card_value, self.value)

    @property
    def cod_value_share(self):
        return self.share(self.cod_value, self.value)

    @property
    def cancellation_rate(self):
        return self.share(self.cancelled, self.counted_for_cancellation)

    @property
    def hours_to_shipment(self):
        if self.time_to_shipment is None:
            return None
        return Decimal(self.time_to_shipment.total_seconds() / 3600).quantize(Decimal("0.1"))

    @property
    def days_to_shipment(self):
        if self.time_to_shipment is None:
            return None
        return Decimal(self.time_to_shipment.total_seconds() / 86400).quantize(Decimal("0.1"))


@dataclass
class Month:
    month: datetime.date
    card: Decimal = Decimal(0)
    cod: Decimal = Decimal(0)
    other: Decimal = Decimal(0)

    @property
    def total(self):
        return self.card + self.cod + self.other


@dataclass
class ProvinceFigures:
    period: Period
    today: datetime.date
    enterprises_by_status: list
    enterprises_by_kind: list
    enterprises_by_commune: list
    listed_by_sector: list
    listed_by_stars: list
    listed_by_commune: list
    sold_by_sector: list  # count: products sold, value: their lines' amount
    sold_by_stars: list
    sold_by_commune: list
    certificates: Certificates
    sales: Sales
    sales_by_month: list
    sales_by_commune: list
    extra: dict = field(default_factory=dict)

    @property
    def enterprises(self):
        return sum(row.count for row in self.enterprises_by_status)

    @property
    def members(self):
        return sum(row.count for row in self.enterprises_by_status if row.key == EnterpriseStatus.APPROVED)

    @property
    def products_listed(self):
        return sum(row.count for row in self.listed_by_stars)

    @property
    def products_sold(self):
        return sum(row.count for row in self.sold_by_stars)


# --- Helpers --------------------------------------------------------------------------------


def top_with_others(rows, top=TOP):
    """The ``top`` largest rows by name, the rest summed in one "others" row."""
    rows = sorted(rows, key=lambda row: (-row.count, -row.value, str(row.label)))
    if len(rows) <= top + 1:
        return rows
    rest = rows[top:]
    others = Row(
        OTHERS, sum(row.count for row in rest), sum((row.value for row in rest), Decimal(0)), key="others"
    )
    return [*rows[:top], others]


def canonical_product(prefix=""):
    """A product, or for a variant its parent: the one that carries categories and certificates."""
    return Coalesce(f"{prefix}parent_id", f"{prefix}id")


def sector_path(product_ref):
    """The root path of the product's first category (by path), as ``first_category_pk`` picks it."""
    links = ProductCategory.objects.filter(product=product_ref).order_by("category__path")
    return Substr(Subquery(links.values("category__path")[:1]), 1, SECTOR_STEP)


def stars_counts(counted, total, today):
    """How many of the products ``counted`` picks (a condition on a certificate's product link;
    ``total`` products in all) have each best star rating in force today: one query from the
    certificates' side, which stays small as the catalogue grows (products holding 5★ ⊆ ≥4★ ⊆ ≥3★,
    so the best rating is a difference)."""
    in_force = verified_with_expiry().filter(in_force_on(today), pk=OuterRef("ocopcertificate_id"))
    # Asked per link: given two lists of ids (certificates, products), SQLite would probe every
    # pair of them, thousands of certificates times up to 100,000 products.
    links = OcopCertificate.products.through.objects.filter(counted, Exists(in_force))
    counts = links.aggregate(
        **{
            f"at_least_{stars}": Count("product", distinct=True, filter=Q(ocopcertificate__stars__gte=stars))
            for stars in (3, 4, 5)
        }
    )
    best = {
        None: total - counts["at_least_3"],
        3: counts["at_least_3"] - counts["at_least_4"],
        4: counts["at_least_4"] - counts["at_least_5"],
        5: counts["at_least_5"],
    }
    return [
        Row(_("No OCOP stars") if stars is None else f"{stars}★", best[stars], key=stars) for stars in STARS
    ]


def sector_names():
    return dict(Category.objects.filter(depth=1).values_list("path", "name"))


def by_sector(grouped, names):
    rows = [
        Row(
            names.get(item["sector"], NO_SECTOR) if item["sector"] else NO_SECTOR,
            item["count"],
            item.get("value") or Decimal(0),
            key=item["sector"],
        )
        for item in grouped
    ]
    order = {path: index for index, path in enumerate(sorted(names))}
    return sorted(rows, key=lambda row: order.get(row.key, len(order)))


def by_commune(grouped, name_key="commune_name"):
    rows = [
        Row(item[name_key] or NO_COMMUNE, item["count"], item.get("value") or Decimal(0), key=item[name_key])
        for item in grouped
    ]
    return sorted(rows, key=lambda row: (-row.value, -row.count, str(row.label)))


def by_choice(grouped, choices, key):
    counts = {item[key]: item["count"] for item in grouped}
    return [Row(label, counts.get(value, 0), key=value) for value, label in choices]


# --- The figures ----------------------------------------------------------------------------


def enterprise_figures():
    """Every enterprise by status; the members (approved) by kind and by commune."""
    by_status = Partner.objects.values("status").annotate(count=Count("pk")).order_by()
    members = Partner.objects.approved()
    by_kind = members.values("kind").annotate(count=Count("pk")).order_by()
    communes = members.values(commune_name=F("commune__name")).annotate(count=Count("pk")).order_by()
    return (
        by_choice(by_status, EnterpriseStatus.choices, "status"),
        by_choice(by_kind, EnterpriseKind.choices, "kind"),
        by_commune(communes),
    )


def listed_figures(today, names):
    """Products a shopper may see, by sector, by stars and by their enterprise's commune."""
    listed = Product.objects.browsable()
    by_sector_rows = (
        listed.annotate(sector=sector_path(OuterRef("pk")))
        .values("sector")
        .annotate(count=Count("pk"))
        .order_by()
    )
    communes = (
        StockRecord.objects.filter(product__in=listed.values("pk"), partner__status=EnterpriseStatus.APPROVED)
        .values(commune_name=F("partner__commune__name"))
        .annotate(count=Count("product", distinct=True))
        .order_by()
    )
    sectors = by_sector(by_sector_rows, names)  # one sector (or none) a product: they add up to all
    total = sum(row.count for row in sectors)
    listed_link = Exists(listed.filter(pk=OuterRef("product_id")))
    return sectors, stars_counts(listed_link, total, today), by_commune(communes)


def sold_lines(period):
    """Order lines of parcels sold in the period (a line belongs to its enterprise's parcel)."""
    parcels = Parcel.objects.filter(
        period.created_within(), order=OuterRef("order"), enterprise=OuterRef("partner"), status__in=SOLD
    )
    return Line.objects.filter(Exists(parcels)).annotate(item=canonical_product("product__"))


def sold_figures(period, today, names):
    """Distinct products sold in the period (and their lines' amount) by sector, stars and commune."""
    lines = sold_lines(period)
    sectors = (
        lines.annotate(sector=sector_path(OuterRef("item")))
        .values("sector")
        .annotate(count=Count("item", distinct=True), value=Sum("line_price_incl_tax"))
        .order_by()
    )
    communes = (
        lines.values(commune_name=F("partner__commune__name"))
        .annotate(count=Count("item", distinct=True), value=Sum("line_price_incl_tax"))
        .order_by()
    )
    sectors = by_sector(sectors, names)
    total = sum(row.count for row in sectors)
    return sectors, stars_counts(Q(product__in=lines.values("item")), total, today), by_commune(communes)


def certificate_figures(today):
    """Verified certificates in force today, those lapsing within 30/60/90 days, and the lapsed."""
    counts = verified_with_expiry().aggregate(
        in_force=Count("pk", filter=in_force_on(today)),
        expired=Count("pk", filter=Q(expiry__lte=today)),
        **{f"within_{days}": Count("pk", filter=lapsing_within(today, 1, days)) for days in WINDOWS},
    )
    return Certificates(
        in_force=counts["in_force"],
        expiring={days: counts[f"within_{days}"] for days in WINDOWS},
        expired=counts["expired"],
    )


def with_method(parcels):
    """Parcels annotated with their order's payment method ("card", "cod", or another gateway's code)."""
    sources = Source.objects.filter(order=OuterRef("order_id")).order_by("pk").values("source_type__code")[:1]
    return parcels.annotate(method=Subquery(sources))


def parcel_value():
    return F("lines_total") + F("shipping_charge")


def sales_figures(period):
    """The period's sales in one query: parcels, value, card and cash on delivery, shipping, cancelling."""
    sold = Q(status__in=SOLD)
    shipped_at = ParcelStatusChange.objects.filter(parcel=OuterRef("pk"), to_status=Parcel.Status.SHIPPED)
    parcels = with_method(Parcel.objects.filter(period.created_within())).annotate(
        shipped_at=Subquery(shipped_at.order_by("date_created", "pk").values("date_created")[:1])
    )
    totals = parcels.aggregate(
        parcels=Count("pk", filter=sold),
        value=Sum(parcel_value(), filter=sold),
        card_parcels=Count("pk", filter=sold & Q(method="card")),
        card_value=Sum(parcel_value(), filter=sold & Q(method="card")),
        cod_parcels=Count("pk", filter=sold & Q(method="cod")),
        cod_value=Sum(parcel_value(), filter=sold & Q(method="cod")),
        shipped_parcels=Count("pk", filter=Q(shipped_at__isnull=False)),
        time_to_shipment=Avg(
            F("shipped_at") - F("date_created"),
            output_field=DurationField(),
            filter=Q(shipped_at__isnull=False),
        ),
        cancelled=Count("pk", filter=Q(status=Parcel.Status.CANCELLED)),
        counted=Count("pk", filter=~Q(status=Parcel.Status.AWAITING_PAYMENT)),
    )
    zero = Decimal(0)
    return Sales(
        parcels=totals["parcels"],
        value=totals["value"] or zero,
        card_parcels=totals["card_parcels"],
        card_value=totals["card_value"] or zero,
        cod_parcels=totals["cod_parcels"],
        cod_value=totals["cod_value"] or zero,
        shipped_parcels=totals["shipped_parcels"],
        time_to_shipment=totals["time_to_shipment"],
        cancelled=totals["cancelled"],
        counted_for_cancellation=totals["counted"],
    )


def sales_by_month(last_day, months=12):
    """Sales of the 12 months up to ``last_day``'s month, by payment method: one query of
    filtered sums over each month's range of the indexed creation time (no per-row date function)."""
    first = add_months(last_day, -(months - 1))
    starts = [add_months(first, index) for index in range(months)]
    parcels = with_method(Parcel.objects.filter(Period(first, last_day).created_within(), status__in=SOLD))
    sums = {}
    for index, start in enumerate(starts):
        month = Period(start, add_months(start, 1) - datetime.timedelta(days=1)).created_within()
        sums[f"all_{index}"] = Sum(parcel_value(), filter=month)
        for method in METHODS:
            sums[f"{method}_{index}"] = Sum(parcel_value(), filter=month & Q(method=method))
    totals = parcels.aggregate(**sums)
    zero = Decimal(0)
    table = []
    for index, start in enumerate(starts):
        card, cod = totals[f"card_{index}"] or zero, totals[f"cod_{index}"] or zero
        table.append(Month(start, card=card, cod=cod, other=(totals[f"all_{index}"] or zero) - card - cod))
    return table


def sales_by_commune(period):
    """Sold parcels and their value by the selling enterprise's commune."""
    grouped = (
        Parcel.objects.filter(period.created_within(), status__in=SOLD)
        .values(commune_name=F("enterprise__commune__name"))
        .annotate(count=Count("pk"), value=Sum(parcel_value()))
        .order_by()
    )
    return by_commune(grouped)


def province_figures(period, today=None):
    """Every figure of the console for ``period`` (certificates and stars as of ``today``)."""
    today = today or timezone.localdate()
    names = sector_names()
    enterprises = enterprise_figures()
    # What shoppers can see now changes only with the content revision (and the day, for stars):
    # kept under both, the console does not count 100,000 listings at each request.
    listed = content_revision.kept(
        f"province-listed:{today.isoformat()}:{translation.get_language()}",
        lambda: listed_figures(today, names),
    )
    sold = sold_figures(period, today, names)
    return ProvinceFigures(
        period=period,
        today=today,
        enterprises_by_status=enterprises[0],
        enterprises_by_kind=enterprises[1],
        enterprises_by_commune=enterprises[2],
        listed_by_sector=listed[0],
        listed_by_stars=listed[1],
        listed_by_commune=listed[2],
        sold_by_sector=sold[0],
        sold_by_stars=sold[1],
        sold_by_commune=sold[2],
        certificates=certificate_figures(today),
        sales=sales_figures(period),
        sales_by_month=sales_by_month(period.end),
        sales_by_commune=sales_by_commune(period),
    )
