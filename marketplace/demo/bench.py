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


def generate(products, enterprises, seed=2026, progress=None):
    """Create ``enterprises`` approved enterprises and ``products`` products; returns counts by kind."""
    rng = random.Random(seed)
    builders.ensure_country()
    categories = ensure_categories()
    product_class = ensure_product_class()
    places = _places()
    with transaction.atomic():
        partners = _enterprises(rng, enterprises, places)
    counts = {"enterprises": len(partners), "products": 0, "certificates": 0, "lots": 0}
    bases = list(content.BASE_PRODUCTS.items())
    today = timezone.localdate()
    for start in range(0, products, CHUNK):
        size = min(CHUNK, products - start)
        with transaction.atomic():
            created = _products(rng, start, size, bases, partners, places, product_class, categories, today)
            counts["certificates"] += _certificates(rng, created, today)
            counts["lots"] += _lots(rng, created, places, today)
        counts["products"] += size
        if progress:
            progress.update(size)
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
