"""Generated province data for the console's tests: enterprises in three communes, certificates
lapsing at various days, parcels in several statuses, payment methods and months.

Orders, lines and parcels are written directly (the console only reads them), so a test can
place them on any day of the last year without walking the checkout.
"""

import datetime
import itertools
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.dashboard.province.figures import add_months, province_zone
from places.models import Commune, Province
from tests.factories import ocop_certificate
from vendors.models import EnterpriseKind, EnterpriseStatus

Line = get_model("order", "Line")
Order = get_model("order", "Order")
Parcel = get_model("order", "Parcel")
ParcelStatusChange = get_model("order", "ParcelStatusChange")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
OcopCertificate = get_model("catalogue", "OcopCertificate")

STATUSES = ("confirmed", "packed", "shipped", "delivered", "cancelled", "refunded", "awaiting_payment")
_numbers = itertools.count(1)


def communes(count=3):
    home = Province.objects.get(code=settings.MARKETPLACE_PROVINCE_CODE)
    return list(Commune.objects.filter(province=home).order_by("code")[:count])


def enterprises(copies=1):
    """Enterprises of every status and kind spread over three communes."""
    places = communes()
    made = []
    for _copy in range(copies):
        for index, (status, kind) in enumerate(
            itertools.product(EnterpriseStatus.values, EnterpriseKind.values)
        ):
            number = next(_numbers)
            made.append(
                Partner.objects.create(
                    name=f"Cơ sở tỉnh {number}",
                    slug=f"co-so-tinh-{number}",
                    status=status,
                    kind=kind,
                    province=places[index % 3].province,
                    commune=places[index % 3],
                )
            )
    return made


def certificates(today):
    """Verified certificates lapsing in 10, 45 and 80 days, one lapsed, one pending, on listed products."""
    products = list(Product.objects.browsable().order_by("pk")[:5])
    lapses = [10, 45, 80, -5, 400]
    for product, days, stars in zip(products, lapses, (3, 4, 5, 5, 4), strict=True):
        ocop_certificate(
            product,
            stars=stars,
            decision_date=today - datetime.timedelta(days=300),
            valid_until=today + datetime.timedelta(days=days),
        )
    ocop_certificate(products[0], stars=5, status=OcopCertificate.Status.PENDING)


def source_type(code):
    kind, _created = SourceType.objects.get_or_create(code=code, defaults={"name": code})
    return kind


def parcels(today, copies=1):
    """Parcels of approved enterprises in every status, by card and cash on delivery, this month,
    last month and five months ago; the shipped ones shipped 30 hours after ordering."""
    sellers = list(
        Partner.objects.approved().filter(stockrecords__isnull=False).distinct().order_by("pk")[:4]
    )
    methods = [source_type("card"), source_type("cod")]
    made = []
    days = [
        datetime.datetime.combine(today.replace(day=1), datetime.time(0, 30), tzinfo=province_zone()),
        datetime.datetime.combine(add_months(today, -1), datetime.time(23, 30), tzinfo=province_zone()),
        datetime.datetime.combine(add_months(today, -5), datetime.time(12), tzinfo=province_zone()),
    ]
    combos = itertools.product(range(copies), STATUSES, range(2), days)
    for _copy, status, method_index, when in combos:
        number = next(_numbers)
        seller_a, seller_b = sellers[number % 4], sellers[(number + 1) % 4]
        order = Order.objects.create(
            number=f"PROV{number:06d}", currency="VND", total_incl_tax=0, total_excl_tax=0
        )
        Source.objects.create(order=order, source_type=methods[method_index], amount_allocated=0)
        for seller in (seller_a, seller_b):
            record = seller.stockrecords.order_by("pk").first()
            price = Decimal(10_000 * (number % 7 + 1))
            Line.objects.create(
                order=order,
                partner=seller,
                partner_name=seller.name,
                partner_sku=record.partner_sku,
                stockrecord=record,
                product=record.product,
                title=record.product.title,
                quantity=1,
                line_price_incl_tax=price,
                line_price_excl_tax=price,
                line_price_before_discounts_incl_tax=price,
                line_price_before_discounts_excl_tax=price,
                num_allocated=0,
            )
            parcel = Parcel.objects.create(
                order=order,
                enterprise=seller,
                number=f"{order.number}-{seller.pk}",
                status=status,
                lines_total=price,
                shipping_charge=Decimal(15_000),
            )
            Parcel.objects.filter(pk=parcel.pk).update(date_created=when)
            if status in ("shipped", "delivered", "refunded"):
                change = ParcelStatusChange.objects.create(
                    parcel=parcel, from_status="packed", to_status="shipped"
                )
                ParcelStatusChange.objects.filter(pk=change.pk).update(
                    date_created=when + datetime.timedelta(hours=30)
                )
            made.append(parcel)
    return made


def province(copies=1):
    today = timezone.localdate()
    enterprises(copies)
    certificates(today)
    parcels(today, copies)
    return today
