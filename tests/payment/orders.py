"""Orders as checkout leaves them: placed by the project's OrderCreator (one parcel per
enterprise, stock allocated) with each parcel's cheapest delivery, and the gateway started."""

from oscar.core.loading import get_class, get_model

from marketplace.order import parcels
from marketplace.order.models import VendorOrder
from marketplace.order.payments import payment_succeeded
from marketplace.payment.gateways import get_gateway

Basket = get_model("basket", "Basket")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
OrderCreator = get_class("order.utils", "OrderCreator")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")


def stock_of_two_enterprises():
    """One in-stock product from each of two approved enterprises."""
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


def place_order(user=None, gateway="card", email="khach@example.vn"):
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy()
    for record in stock_of_two_enterprises():
        basket.add_product(record.product, 1)
    shipping = Repository().parcel_shipping(basket)
    shipping_charge = shipping.calculate(basket)
    order = OrderCreator().place_order(
        basket=basket,
        total=OrderTotalCalculator().calculate(basket, shipping_charge),
        shipping_method=shipping,
        shipping_charge=shipping_charge,
        user=user,
        order_number=OrderNumberGenerator().order_number(basket),
        guest_email="" if user else email,
    )
    basket.freeze()
    chosen = get_gateway(gateway)
    outcome = chosen.start(order, order.total_incl_tax)
    if chosen.confirms_on_placement and outcome.succeeded:
        payment_succeeded(order)
    return order


def ship(parcel, by=None, deliver=False):
    """The enterprise packs and ships the parcel (and the courier delivers it)."""
    Status = VendorOrder.Status
    parcels.move(parcel, Status.PACKED, by=by)
    parcels.move(parcel, Status.SHIPPED, by=by, carrier="VNPost", tracking_number="EL123456789VN")
    if deliver:
        parcels.move(parcel, Status.DELIVERED, by=by)
