"""The console's figures counted again in plain Python, one object at a time: what the SQL must match."""

import collections
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.ocop import is_in_force
from marketplace.payouts.ledger import SOLD

Category = get_model("catalogue", "Category")
Line = get_model("order", "Line")
Parcel = get_model("order", "Parcel")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
OcopCertificate = get_model("catalogue", "OcopCertificate")


def sector_of(product):
    product = product.parent or product
    paths = sorted(category.path for category in product.categories.all())
    if not paths:
        return None
    return Category.objects.get(path=paths[0][:4]).name


def stars_of(product, today):
    product = product.parent or product
    stars = [c.stars for c in product.ocop_certificates.all() if is_in_force(c, today)]
    return max(stars) if stars else None


def method_of(order):
    source = order.sources.order_by("pk").first()
    return source.source_type.code if source else None


def in_period(moment, period):
    return period.start <= timezone.localtime(moment).date() <= period.end


def enterprises():
    every = list(Partner.objects.all())
    members = [e for e in every if e.status == "approved"]
    return (
        collections.Counter(e.status for e in every),
        collections.Counter(e.kind for e in members),
        collections.Counter(e.commune.name if e.commune else None for e in members),
    )


def listed(today):
    products = list(Product.objects.browsable())
    communes = collections.Counter()
    for product in products:
        names = {
            r.partner.commune.name if r.partner.commune else None
            for r in product.stockrecords.all()
            if r.partner.status == "approved"
        }
        communes.update(names)
    return (
        collections.Counter(sector_of(p) for p in products),
        collections.Counter(stars_of(p, today) for p in products),
        communes,
    )


def sold_lines(period):
    for parcel in Parcel.objects.all():
        if parcel.status in SOLD and in_period(parcel.date_created, period):
            yield from Line.objects.filter(order=parcel.order, partner=parcel.enterprise)


def sold(period, today):
    products_by = {"sector": collections.defaultdict(set), "stars": collections.defaultdict(set)}
    communes = collections.defaultdict(set)
    value_by_sector = collections.Counter()
    for line in sold_lines(period):
        product = line.product.parent or line.product
        products_by["sector"][sector_of(product)].add(product.pk)
        products_by["stars"][stars_of(product, today)].add(product.pk)
        communes[line.partner.commune.name if line.partner.commune else None].add(product.pk)
        value_by_sector[sector_of(product)] += line.line_price_incl_tax
    return (
        {key: len(value) for key, value in products_by["sector"].items()},
        {key: len(value) for key, value in products_by["stars"].items()},
        {key: len(value) for key, value in communes.items()},
        value_by_sector,
    )


def certificates(today):
    verified = [c for c in OcopCertificate.objects.all() if c.status == "verified"]
    days = [(c.expires_on - today).days for c in verified]
    return {
        "in_force": sum(1 for c in verified if is_in_force(c, today)),
        30: sum(1 for d in days if 1 <= d <= 30),
        60: sum(1 for d in days if 1 <= d <= 60),
        90: sum(1 for d in days if 1 <= d <= 90),
        "expired": sum(1 for d in days if d <= 0),
    }


def sales(period):
    parcels = [p for p in Parcel.objects.all() if in_period(p.date_created, period)]
    sold_parcels = [p for p in parcels if p.status in SOLD]
    by_method = collections.defaultdict(list)
    for parcel in sold_parcels:
        by_method[method_of(parcel.order)].append(parcel)
    waits = []
    for parcel in parcels:
        shipped = parcel.status_changes.filter(to_status="shipped").order_by("date_created", "pk").first()
        if shipped:
            waits.append((shipped.date_created - parcel.date_created).total_seconds())
    counted = [p for p in parcels if p.status != "awaiting_payment"]
    return {
        "parcels": len(sold_parcels),
        "value": sum((p.total for p in sold_parcels), Decimal(0)),
        "card_parcels": len(by_method["card"]),
        "card_value": sum((p.total for p in by_method["card"]), Decimal(0)),
        "cod_parcels": len(by_method["cod"]),
        "cod_value": sum((p.total for p in by_method["cod"]), Decimal(0)),
        "hours": sum(waits) / len(waits) / 3600 if waits else None,
        "cancelled": sum(1 for p in parcels if p.status == "cancelled"),
        "counted": len(counted),
    }


def sales_by_month(first_month, months=12):
    table = collections.defaultdict(lambda: {"card": Decimal(0), "cod": Decimal(0)})
    for parcel in Parcel.objects.all():
        if parcel.status not in SOLD:
            continue
        day = timezone.localtime(parcel.date_created).date().replace(day=1)
        method = method_of(parcel.order)
        if method in ("card", "cod"):
            table[day][method] += parcel.total
    return table


def sales_by_commune(period):
    counts, values = collections.Counter(), collections.Counter()
    for parcel in Parcel.objects.all():
        if parcel.status in SOLD and in_period(parcel.date_created, period):
            name = parcel.enterprise.commune.name if parcel.enterprise.commune else None
            counts[name] += 1
            values[name] += parcel.total
    return counts, values
