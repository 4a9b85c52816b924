"""What tests build, built the way the site builds it: the demo enterprises' stock, baskets,
orders placed by the project's OrderCreator (one parcel per enterprise, stock allocated,
each parcel's cheapest delivery) and parcels moved along their workflow.

The browser's own steps are tests/browser/steps.py; a shopper walking the checkout pages is
tests/checkout/conftest.py's ``Checkout``.
"""

from datetime import timedelta

from django.conf import settings
from django.urls import reverse
from oscar.core.loading import get_class, get_model

from catalogue.models import ClaimStatus
from marketplace.order import parcels
from marketplace.order.models import Parcel
from marketplace.payment.gateways import get_gateway
from marketplace.payment.outcomes import payment_succeeded
from places.models import Commune, Province

Basket = get_model("basket", "Basket")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Source = get_model("payment", "Source")
SourceType = get_model("payment", "SourceType")
StockRecord = get_model("partner", "StockRecord")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")


# --- Enterprises and their products ---------------------------------------------------------


def enterprise_of(user):
    """The one enterprise a demo vendor works for."""
    return user.partners.get()


def ocop_certificate(
    product, enterprise=None, *, stars=4, decision_date=None, decision_number=None, status=None, **fields
):
    """An OCOP certificate covering ``product``, held by ``enterprise`` (by default the product's
    first seller), decided two months ago unless ``decision_date`` says, verified unless
    ``status`` says."""
    from django.utils import timezone

    from catalogue.models import OcopCertificate

    decision_date = decision_date or timezone.localdate() - timedelta(days=60)
    certificate = OcopCertificate.objects.create(
        enterprise=enterprise or product.stockrecords.order_by("pk").first().partner,
        decision_number=decision_number or f"{stars}{decision_date:%m%d}/QĐ-UBND",
        decision_date=decision_date,
        issuer="UBND tỉnh Quảng Trị",
        stars=stars,
        status=status or OcopCertificate.Status.VERIFIED,
        **fields,
    )
    certificate.products.add(product)
    return certificate


def product_of(user):
    """A product of the user's enterprise with stock to sell."""
    return (
        Product.objects.filter(stockrecords__partner__users=user, stockrecords__num_in_stock__gte=5)
        .order_by("pk")
        .first()
    )


def stocked_product(enterprise, stock=10, price=None, weight_grams=None, skip=0):
    """One of the enterprise's shipped products, with exactly ``stock`` units free (and a price, a weight)."""
    record = (
        StockRecord.objects.filter(partner=enterprise, product__product_class__requires_shipping=True)
        .filter(product__product_class__track_stock=True)
        .select_related("product")
        .order_by("pk")[skip]
    )
    record.num_in_stock, record.num_allocated = stock, 0
    if price is not None:
        record.price = price
    record.save()
    if weight_grams is not None:
        Product.objects.filter(pk=record.product_id).update(weight_grams=weight_grams)
    return record.product


def stock_of_two_enterprises():
    """One in-stock record from each of two approved enterprises."""
    records, seen = [], set()
    candidates = StockRecord.objects.filter(
        partner__in=Partner.objects.approved(), num_in_stock__gt=2, product__is_public=True
    ).order_by("partner_id", "pk")
    for record in candidates:
        if record.partner_id not in seen and record.net_stock_level > 2:
            seen.add(record.partner_id)
            records.append(record)
        if len(records) == 2:
            return records
    raise AssertionError("the demo province needs two approved enterprises with stock")


def factless_product(**facts):
    """The first demo product stripped of what makes badges: no certificate, no lot, its origin in
    the marketplace's province only claimed, not a specialty; then given ``facts``."""
    product = Product.objects.browsable().order_by("pk").first()
    product.ocop_certificates.clear()
    product.lots.all().delete()
    home = Province.objects.get(code=settings.MARKETPLACE_PROVINCE_CODE)
    product.origin_province = home
    product.origin_commune = Commune.objects.filter(province=home).first()
    product.origin_status = ClaimStatus.CLAIMED
    product.is_provincial_specialty = False
    for name, value in facts.items():
        setattr(product, name, value)
    product.save()
    return product


def lotless_product(user):
    """The first product of the user's enterprise, its lots deleted."""
    product = Product.objects.browsable().filter(stockrecords__partner__users=user).order_by("pk").first()
    product.lots.all().delete()
    return product


# --- Baskets and orders ---------------------------------------------------------------------


def add_to_basket(client, product, quantity=1, **extra):
    """The shopper's "add to basket" button."""
    return client.post(
        reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": quantity, **extra}, follow=False
    )


def basket_with(*items):
    """A stored basket of ``(product, quantity)`` items, priced by the site's strategy."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for product, quantity in items:
        basket.add_product(product, quantity)
    return basket


def place(basket, user=None, guest_email=""):
    """The basket placed as an order by the OrderCreator, as checkout places it, with each
    enterprise's cheapest delivery. (A basket read back from the database gets its strategy again.)"""
    basket.strategy = Selector().strategy()
    shipping = Repository().parcel_shipping(basket)
    charge = shipping.calculate(basket)
    return OrderCreator().place_order(
        basket,
        OrderTotalCalculator().calculate(basket, charge),
        shipping,
        charge,
        user=user,
        order_number=OrderNumberGenerator().order_number(basket),
        guest_email=guest_email,
    )


def place_order(
    shopper=None, quantities=None, *, guest_email="", gateway=None, confirm=False, paid_by_card=False
):
    """An order of ``{product: quantity}`` (by default one unit from each of two enterprises).

    ``shopper`` None places it as a guest (with ``guest_email``). Like checkout, placing freezes
    the basket. Then ``gateway`` (a gateway's code) starts the payment as checkout does, which
    confirms the order when the gateway takes payment on placement; ``confirm`` instead confirms
    every parcel as paid and spends the basket; ``paid_by_card`` records a card payment source.
    """
    if quantities is None:
        quantities = {record.product: 1 for record in stock_of_two_enterprises()}
    basket = basket_with(*quantities.items())
    order = place(basket, user=shopper, guest_email=guest_email)
    basket.freeze()
    if gateway:
        chosen = get_gateway(gateway)
        outcome = chosen.start(order, order.total_incl_tax)
        if chosen.confirms_on_placement and outcome.succeeded:
            payment_succeeded(order)
    if confirm:
        for parcel in order.parcels.order_by("pk"):
            parcels.move(parcel, Parcel.Status.CONFIRMED, note="Paid.")
        basket.submit()
    if paid_by_card:
        card, _created = SourceType.objects.get_or_create(code="card", defaults={"name": "Card"})
        Source.objects.create(
            order=order,
            source_type=card,
            amount_allocated=order.total_incl_tax,
            amount_debited=order.total_incl_tax,
        )
    return order


def shared_order(shopper, vendor1, vendor2, confirm=True, **kwargs):
    """One order holding a line from each demo enterprise (two of vendor1's product, one of
    vendor2's), its parcels confirmed unless told not to."""
    return place_order(shopper, {product_of(vendor1): 2, product_of(vendor2): 1}, confirm=confirm, **kwargs)


# --- Parcels --------------------------------------------------------------------------------


def parcel_of(order, user):
    """The order's parcel from the user's enterprise."""
    return Parcel.objects.get(order=order, enterprise__users=user)


def ship(parcel, by=None, deliver=False):
    """The enterprise packs and ships the parcel (and the courier delivers it)."""
    Status = Parcel.Status
    parcels.move(parcel, Status.PACKED, by=by)
    parcels.move(parcel, Status.SHIPPED, by=by, carrier="VNPost", tracking_number="EL123456789VN")
    if deliver:
        parcels.move(parcel, Status.DELIVERED, by=by)


def parcel_statuses(order):
    """The statuses the order's parcels are in, as a set."""
    return set(order.parcels.values_list("status", flat=True))


def status_by_parcel(order):
    """Each of the order's parcels' status, by parcel pk."""
    return dict(order.parcels.values_list("pk", "status"))
