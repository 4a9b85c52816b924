"""The parcel's status rule: which moves exist, what each needs, and what it does to stock."""

import itertools

import pytest
from django.core.exceptions import ValidationError
from oscar.core.loading import get_model

from marketplace.order import parcels
from search.query import ProductQuery
from search.services import search_products
from tests.factories import parcel_of, product_of, shared_order

Parcel = get_model("order", "Parcel")
StockRecord = get_model("partner", "StockRecord")
Status = Parcel.Status

pytestmark = pytest.mark.django_db

ALLOWED = {
    (Status.AWAITING_PAYMENT, Status.CONFIRMED),
    (Status.AWAITING_PAYMENT, Status.CANCELLED),
    (Status.CONFIRMED, Status.PACKED),
    (Status.CONFIRMED, Status.CANCELLED),
    (Status.PACKED, Status.SHIPPED),
    (Status.PACKED, Status.CANCELLED),
    (Status.SHIPPED, Status.DELIVERED),
    (Status.SHIPPED, Status.REFUNDED),
    (Status.DELIVERED, Status.REFUNDED),
}
EVERYTHING = {"note": "Khách đổi ý", "carrier": "VNPost", "tracking_number": "EB123456789VN"}


def test_the_allowed_moves_are_exactly_these():
    every_pair = set(itertools.product(Status.values, Status.values))
    assert {(a, b) for a, b in every_pair if b in parcels.MOVES[a]} == ALLOWED


@pytest.mark.parametrize("from_status,to_status", sorted(ALLOWED))
def test_an_allowed_move_with_what_it_needs_passes(from_status, to_status):
    parcels.check_move(from_status, to_status, **EVERYTHING)


@pytest.mark.parametrize(
    "from_status,to_status",
    sorted(set(itertools.product(Status.values, Status.values)) - ALLOWED),
)
def test_every_other_move_is_refused_even_with_everything_given(from_status, to_status):
    with pytest.raises(ValidationError) as refusal:
        parcels.check_move(from_status, to_status, **EVERYTHING)
    assert refusal.value.code == "move_not_allowed"


@pytest.mark.parametrize("carrier,tracking", [("", ""), ("VNPost", ""), ("", "EB1"), ("  ", "  ")])
def test_shipping_needs_a_carrier_and_a_tracking_number(carrier, tracking):
    with pytest.raises(ValidationError) as refusal:
        parcels.check_move(Status.PACKED, Status.SHIPPED, carrier=carrier, tracking_number=tracking)
    assert refusal.value.code == "tracking_required"


@pytest.mark.parametrize(
    "to_status,from_status", [(Status.CANCELLED, Status.CONFIRMED), (Status.REFUNDED, Status.DELIVERED)]
)
def test_cancelling_and_refunding_need_a_reason(from_status, to_status):
    with pytest.raises(ValidationError) as refusal:
        parcels.check_move(from_status, to_status, note="   ")
    assert refusal.value.code == "reason_required"


def test_a_refused_move_changes_nothing_stored(shopper, vendor1, vendor2):
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)
    history = list(parcel.status_changes.values())
    with pytest.raises(ValidationError):
        parcels.move(parcel, Status.DELIVERED)
    with pytest.raises(ValidationError):
        parcels.move(parcel, Status.CANCELLED, note="")
    parcel.refresh_from_db()
    assert parcel.status == Status.CONFIRMED
    assert list(parcel.status_changes.values()) == history


def test_every_move_is_kept_in_the_history_with_who_and_why(shopper, vendor1, vendor2):
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)
    parcels.move(parcel, Status.PACKED, by=vendor1)
    parcels.move(parcel, Status.SHIPPED, by=vendor1, carrier=" VNPost ", tracking_number=" EB1VN ")
    parcel.refresh_from_db()
    assert (parcel.carrier, parcel.tracking_number) == ("VNPost", "EB1VN")
    moves = [(c.from_status, c.to_status, c.changed_by) for c in parcel.status_changes.all()]
    assert moves == [
        ("", Status.AWAITING_PAYMENT, shopper),
        (Status.AWAITING_PAYMENT, Status.CONFIRMED, None),
        (Status.CONFIRMED, Status.PACKED, vendor1),
        (Status.PACKED, Status.SHIPPED, vendor1),
    ]


def stock(product):
    record = StockRecord.objects.get(product=product)
    return record.num_in_stock, record.num_allocated or 0


def test_cancelling_returns_the_allocated_stock_and_leaves_the_other_parcel_alone(shopper, vendor1, vendor2):
    own, other = product_of(vendor1), product_of(vendor2)
    before = stock(own), stock(other)
    order = shared_order(shopper, vendor1, vendor2)
    assert stock(own) == (before[0][0], before[0][1] + 2)  # placing the order allocated two units
    parcels.move(parcel_of(order, vendor1), Status.CANCELLED, by=vendor1, note="Hết hàng")
    assert stock(own) == before[0]
    assert stock(other) == (before[1][0], before[1][1] + 1)


def test_shipping_takes_the_units_out_of_stock(shopper, vendor1, vendor2):
    own = product_of(vendor1)
    in_stock, allocated = stock(own)
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)
    parcels.move(parcel, Status.PACKED)
    parcels.move(parcel, Status.SHIPPED, carrier="VNPost", tracking_number="EB1VN")
    assert stock(own) == (in_stock - 2, allocated)


def test_units_already_taken_out_of_stock_are_put_back_on_cancel(shopper, vendor1, vendor2):
    own = product_of(vendor1)
    before = stock(own)
    parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)
    line = parcel.lines.get()
    line.consume_allocation(1)  # one unit left the shelf (e.g. set aside while packing)
    parcels.move(parcel, Status.CANCELLED, note="Khách hủy")
    assert stock(own) == before


def shown_in_stock(product):
    """Whether search offers the product under "in stock"."""
    enterprise = StockRecord.objects.get(product=product).partner_id
    results = search_products(ProductQuery(enterprise_ids=(enterprise,), in_stock=True, per_page=100))
    return product.pk in {hit.pk for hit in results.products}


def test_the_last_units_put_back_by_a_cancel_are_on_sale_again_in_search(
    shopper, vendor1, vendor2, django_capture_on_commit_callbacks
):
    own = product_of(vendor1)
    with django_capture_on_commit_callbacks(execute=True):
        parcel = parcel_of(shared_order(shopper, vendor1, vendor2), vendor1)  # two units of ``own``
        StockRecord.objects.filter(product=own).update(num_in_stock=2, num_allocated=2)  # the last two
        parcel.lines.get().consume_allocation(2)  # both left the shelf
    assert stock(own) == (0, 0)
    assert not shown_in_stock(own)

    with django_capture_on_commit_callbacks(execute=True):
        parcels.move(parcel, Status.CANCELLED, note="Khách hủy")

    assert stock(own) == (2, 0)
    assert shown_in_stock(own)
