"""Generated catalogue for the search benchmark: many approved enterprises and products, fast.

Titles, descriptions and prices come from the demo province's vocabulary so
that words, diacritics and facet spreads look like the real marketplace; rows
go in with ``bulk_create`` (no signals: the index is built afterwards, timed).
It lives beside the demo because it is made of the demo's data; ``search.bench``
holds only the workload and the timing, and imports nothing from here.
"""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.models import ClaimStatus
from marketplace.operations.bootstrap import ensure_categories, ensure_product_class
from marketplace.text import slugify_vi
from places.models import Commune, Province
from vendors.models import EnterpriseStatus

from . import builders, content

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Lot = get_model("catalogue", "Lot")
LotStep = get_model("catalogue", "LotStep")

CHUNK = 5_000
HOME_PROVINCE = builders.PROVINCE_CODE
OTHER_PROVINCES = ("01", "79", "46", "48", "38")  # a few others, so the province facet has a spread
KINDS = {"cooperative": "HTX", "company": "Công ty TNHH", "household": "Hộ kinh doanh"}


def generate(products, enterprises, seed=2026, progress=None, parcels=0):
    """Create ``enterprises`` approved enterprises and ``products`` products (and ``parcels`` sales
    over the last 12 months, for the Department's console); returns counts by kind."""
    rng = random.Random(seed)
    builders.ensure_country()
    categories = ensure_categories()
    product_class = ensure_product_class()
    places = _places()
    with transaction.atomic():
        partners = _enterprises(rng, enterprises, places)
    counts = {"enterprises": len(partners), "products": 0, "certificates": 0, "lots": 0, "parcels": 0}
    sellers = {}  # one product of each enterprise, for the generated sales
    bases = list(content.BASE_PRODUCTS.items())
    today = timezone.localdate()
    for start in range(0, products, CHUNK):
        size = min(CHUNK, products - start)
        with transaction.atomic():
            created = _products(rng, start, size, bases, partners, places, product_class, categories, today)
            counts["certificates"] += _certificates(rng, created, today)
            counts["lots"] += _lots(rng, created, places, today)
            for product in created:
                sellers.setdefault(product.enterprise.pk, product)
        counts["products"] += size
        if progress:
            progress.update(size)
    if parcels:
        with transaction.atomic():
            counts["parcels"] = _sales(rng, parcels, list(sellers.values()))
    return counts


def _places():
    home = Province.objects.get(code=HOME_PROVINCE)
    others = list(Province.objects.filter(code__in=OTHER_PROVINCES))
    communes = {}
    for commune in Commune.objects.filter(province__in=[home, *others]):
        communes.setdefault(commune.province_id, []).append(commune)
    return {"home": home, "others": others, "communes": communes}


def _enterprises(rng, count, places):
    rows = []
    for index in range(count):
        province = (
            places["home"] if rng.random() < 0.85 or not places["others"] else rng.choice(places["others"])
        )
        commune = rng.choice(places["communes"][province.pk])
        kind = rng.choice(list(KINDS))
        place_name = commune.name.split(" ", 1)[-1]
        name = f"{KINDS[kind]} {place_name} {index + 1:04d}"
        slug = f"{slugify_vi(name)}-{index + 1}"[:140]
        rows.append(
            Partner(
                name=name,
                code=slug,
                slug=slug,
                kind=kind,
                status=EnterpriseStatus.APPROVED,
                province=province,
                commune=commune,
                street_address=f"Thôn {rng.randint(1, 12)}",
                story=f"Chủ thể OCOP tại {commune.name}.",
            )
        )
    return Partner.objects.bulk_create(rows, batch_size=CHUNK)


def _products(rng, start, size, bases, partners, places, product_class, categories, today):
    rows, owners, leaves = [], [], []
    for offset in range(size):
        number = start + offset + 1
        _key, (set_slug, base_name, base_desc, variants) = rng.choice(bases)
        grade, unit, price, grams = rng.choice(variants)
        enterprise = partners[(number * 7919) % len(partners)]
        brand = enterprise.commune.name.split(" ", 1)[-1]
        title = " ".join(base_name.format(brand=brand, grade=grade).split())
        if "{brand}" not in base_name:
            title = f"{title} {brand} {grade}"
        title = " ".join(f"{title} ({unit}) {number}".split())
        origin = rng.random() < 0.7
        created = timezone.now() - timedelta(days=rng.randint(0, 730), minutes=rng.randint(0, 1440))
        rows.append(
            Product(
                structure=Product.STANDALONE,
                title=title[:255],
                slug=slugify_vi(title)[:255],
                description=f"<p>{base_desc} Sản xuất tại {enterprise.commune.name}.</p>",
                product_class=product_class,
                is_public=rng.random() < 0.98,
                rating=round(rng.uniform(3, 5), 1) if rng.random() < 0.4 else None,
                date_created=created,
                origin_province=enterprise.province if origin else None,
                origin_commune=enterprise.commune if origin else None,
                origin_status=ClaimStatus.VERIFIED if origin and rng.random() < 0.6 else ClaimStatus.CLAIMED,
                is_provincial_specialty=origin and rng.random() < 0.1,
                weight_grams=grams,
                unit=unit,
            )
        )
        owners.append((enterprise, price, f"B{number:07d}"))
        leaves.append(categories[set_slug])
    products = Product.objects.bulk_create(rows, batch_size=CHUNK)
    ProductCategory.objects.bulk_create(
        [
            ProductCategory(product=product, category=leaf)
            for product, leaf in zip(products, leaves, strict=True)
        ],
        batch_size=CHUNK,
    )
    StockRecord.objects.bulk_create(
        [
            StockRecord(
                product=product,
                partner=enterprise,
                partner_sku=sku,
                price=Decimal(max(1000, round(price * rng.uniform(0.8, 1.3) / 1000) * 1000)),
                price_currency="VND",
                num_in_stock=0 if rng.random() < 0.08 else rng.randint(1, 300),
            )
            for product, (enterprise, price, sku) in zip(products, owners, strict=True)
        ],
        batch_size=CHUNK,
    )
    for product, (enterprise, _price, _sku) in zip(products, owners, strict=True):
        product.enterprise = enterprise
    return products


def _certificates(rng, products, today):
    """About one product in ten holds an OCOP decision; some have expired, some await verification."""
    chosen = [product for product in products if rng.random() < 0.1]
    certificates = OcopCertificate.objects.bulk_create(
        [
            OcopCertificate(
                enterprise=product.enterprise,
                decision_number=f"{rng.randint(100, 9999)}/QĐ-UBND",
                decision_date=today - timedelta(days=rng.randint(30, 1500)),
                issuer="UBND tỉnh Quảng Trị",
                stars=rng.choice((3, 3, 3, 4, 4, 5)),
                status=OcopCertificate.Status.VERIFIED
                if rng.random() < 0.85
                else OcopCertificate.Status.PENDING,
            )
            for product in chosen
        ],
        batch_size=CHUNK,
    )
    links = OcopCertificate.products.through
    links.objects.bulk_create(
        [
            links(ocopcertificate_id=certificate.pk, product_id=product.pk)
            for certificate, product in zip(certificates, chosen, strict=True)
        ],
        batch_size=CHUNK,
    )
    return len(certificates)


def _lots(rng, products, places, today):
    """About one product in twenty has a published traceability lot with its steps."""
    chosen = [product for product in products if rng.random() < 0.05]
    lots = Lot.objects.bulk_create(
        [
            Lot(
                product=product,
                lot_code=f"L{product.pk:07d}",
                status=Lot.Status.PUBLISHED,
                production_date=today - timedelta(days=rng.randint(5, 200)),
                area_commune=product.enterprise.commune,
                date_published=timezone.now(),
            )
            for product in chosen
        ],
        batch_size=CHUNK,
    )
    steps = []
    for lot in lots:
        steps += [
            LotStep(lot=lot, position=0, event="Thu hoạch", date=lot.production_date),
            LotStep(lot=lot, position=1, event="Đóng gói", date=lot.production_date + timedelta(days=2)),
        ]
    LotStep.objects.bulk_create(steps, batch_size=CHUNK)
    return len(lots)


# Parcel statuses in the generated sales, with their weights: most delivered, some cancelled or unpaid.
SALE_STATUSES = {
    "delivered": 45,
    "shipped": 10,
    "confirmed": 10,
    "packed": 5,
    "cancelled": 15,
    "refunded": 5,
    "awaiting_payment": 10,
}


def _sales(rng, count, sellers):
    """``count`` one-parcel orders over the last 12 months, paid by card or cash on delivery, the
    shipped ones with their "shipped" move a few hours to a few days after the order."""
    Order = get_model("order", "Order")
    Line = get_model("order", "Line")
    Parcel = get_model("order", "Parcel")
    ParcelStatusChange = get_model("order", "ParcelStatusChange")
    Source = get_model("payment", "Source")
    SourceType = get_model("payment", "SourceType")
    methods = [
        SourceType.objects.get_or_create(code=code, defaults={"name": name})[0]
        for code, name in (("card", "Thẻ"), ("cod", "COD"))
    ]
    statuses, weights = list(SALE_STATUSES), list(SALE_STATUSES.values())
    now = timezone.now()
    made = 0
    for start in range(0, count, CHUNK):
        size = min(CHUNK, count - start)
        plans = []
        for offset in range(size):
            product = sellers[rng.randrange(len(sellers))]
            quantity = rng.randint(1, 4)
            price = Decimal(rng.randrange(30, 600) * 1000)
            when = now - timedelta(days=rng.uniform(0, 365))
            status = rng.choices(statuses, weights)[0]
            plans.append((start + offset + 1, product, quantity, price, when, status))
        orders = Order.objects.bulk_create(
            [
                Order(
                    number=f"BENCH{number:08d}",
                    currency="VND",
                    total_incl_tax=price * quantity + 25_000,
                    total_excl_tax=price * quantity + 25_000,
                    shipping_incl_tax=25_000,
                    shipping_excl_tax=25_000,
                    status="Confirmed",
                    date_placed=when,
                )
                for number, _product, quantity, price, when, _status in plans
            ],
            batch_size=CHUNK,
        )
        Line.objects.bulk_create(
            [
                Line(
                    order=order,
                    partner=product.enterprise,
                    partner_name=product.enterprise.name,
                    partner_sku=f"B{product.pk:07d}",
                    product=product,
                    title=product.title,
                    quantity=quantity,
                    line_price_incl_tax=price * quantity,
                    line_price_excl_tax=price * quantity,
                    line_price_before_discounts_incl_tax=price * quantity,
                    line_price_before_discounts_excl_tax=price * quantity,
                    unit_price_incl_tax=price,
                    unit_price_excl_tax=price,
                    num_allocated=0,
                )
                for order, (_n, product, quantity, price, _when, _status) in zip(orders, plans, strict=True)
            ],
            batch_size=CHUNK,
        )
        Source.objects.bulk_create(
            [
                Source(
                    order=order,
                    source_type=rng.choice(methods),
                    currency="VND",
                    amount_allocated=order.total_incl_tax,
                )
                for order in orders
            ],
            batch_size=CHUNK,
        )
        parcels = Parcel.objects.bulk_create(
            [
                Parcel(
                    order=order,
                    enterprise=product.enterprise,
                    number=f"{order.number}-1",
                    status=status,
                    lines_total=price * quantity,
                    shipping_charge=25_000,
                    date_created=when,
                )
                for order, (_n, product, quantity, price, when, status) in zip(orders, plans, strict=True)
            ],
            batch_size=CHUNK,
        )
        ParcelStatusChange.objects.bulk_create(
            [
                ParcelStatusChange(
                    parcel=parcel,
                    from_status="packed",
                    to_status="shipped",
                    date_created=parcel.date_created + timedelta(hours=rng.uniform(4, 96)),
                )
                for parcel in parcels
                if parcel.status in ("shipped", "delivered", "refunded")
            ],
            batch_size=CHUNK,
        )
        made += size
    return made


def sample_values():
    """Filter values that exist in the generated data, for the query mix."""
    sector = Category.objects.filter(depth=1).order_by("path").first()
    enterprise = Partner.objects.approved().order_by("pk").first()
    return {
        "sector_ids": tuple(sector.get_descendants_and_self().values_list("pk", flat=True)),
        "enterprise_id": enterprise.pk,
        "province_code": HOME_PROVINCE,
        "today": date.today(),
    }
