"""An enterprise's record is counted from facts: each figure equals the same count done in Python
over generated parcels, reviews and certificates, and a storefront list counts many at once."""

import random
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.ocop import is_in_force
from marketplace.order import parcels
from tests.factories import enterprise_of, ocop_certificate, place_order, stocked_product
from vendors.models import EnterpriseStatus
from vendors.track_record.figures import count_records, record_of, records_of

Parcel = get_model("order", "Parcel")
ProductReview = get_model("reviews", "ProductReview")
Partner = get_model("partner", "Partner")
Status = Parcel.Status

pytestmark = pytest.mark.django_db

WINDOW = timedelta(days=90)
SHIP_WITHIN = timedelta(days=2)


@pytest.fixture(autouse=True)
def uncached_records():
    cache.clear()


# --- Generated history ----------------------------------------------------------------------

# How a parcel's life can go: (days since confirmation or None if never confirmed,
# hours from confirmation to shipping or None, who cancels it: "enterprise", "shopper", "system").
STORIES = [
    (10, 20, None),  # shipped within a day
    (10, 47, None),  # shipped just within two days
    (12, 50, None),  # shipped late
    (5, None, "enterprise"),
    (5, None, "shopper"),
    (30, None, "system"),
    (1, None, None),  # confirmed yesterday: not yet due
    (3, None, None),  # confirmed three days ago, still not shipped: late
    (120, 10, None),  # before the window
    (None, None, "system"),  # never paid, cancelled unconfirmed
]


def live(parcel, story, shopper, vendor, now):
    """Move the parcel through ``story``, then date each move as the story says."""
    days, ship_hours, canceller = story
    if days is None:
        parcels.move(parcel, Status.CANCELLED, note="Chưa thanh toán.")
        return
    parcels.move(parcel, Status.CONFIRMED, note="Paid.")
    confirmed_at = now - timedelta(days=days)
    moved_at = {Status.CONFIRMED: confirmed_at}
    if ship_hours is not None:
        parcels.move(parcel, Status.PACKED, by=vendor)
        parcels.move(parcel, Status.SHIPPED, by=vendor, carrier="VNPost", tracking_number="EL1VN")
        moved_at[Status.PACKED] = moved_at[Status.SHIPPED] = confirmed_at + timedelta(hours=ship_hours)
    if canceller:
        by = {"enterprise": vendor, "shopper": shopper, "system": None}[canceller]
        parcels.move(parcel, Status.CANCELLED, by=by, note="Hết hàng.")
        moved_at[Status.CANCELLED] = confirmed_at + timedelta(hours=6)
    for status, when in moved_at.items():
        parcel.status_changes.filter(to_status=status).update(date_created=when)


@pytest.fixture
def history(vendor1, shopper):
    """Parcels of vendor1's enterprise living every story, some twice, in a shuffled order."""
    enterprise = enterprise_of(vendor1)
    product = stocked_product(enterprise, stock=100)
    now = timezone.now()
    stories = STORIES + random.Random(20).choices(STORIES, k=8)
    for story in stories:
        order = place_order(shopper, {product: 1})
        live(order.parcels.get(), story, shopper, vendor1, now)
    return enterprise


def counted_in_python(enterprise, now):
    """The parcel figures counted one parcel at a time from its history."""
    confirmed = due = on_time = cancelled = 0
    for parcel in Parcel.objects.filter(enterprise=enterprise).select_related("order"):
        moves = sorted(parcel.status_changes.all(), key=lambda change: (change.date_created, change.pk))
        moved_at = {}
        for change in moves:
            moved_at.setdefault(change.to_status, change.date_created)
        confirmed_at, shipped_at = moved_at.get(Status.CONFIRMED), moved_at.get(Status.SHIPPED)
        if confirmed_at is None or confirmed_at < now - WINDOW:
            continue
        confirmed += 1
        if shipped_at or (now - confirmed_at >= SHIP_WITHIN and parcel.status != Status.CANCELLED):
            due += 1
        if shipped_at and shipped_at - confirmed_at <= SHIP_WITHIN:
            on_time += 1
        by_shopper = any(
            change.to_status == Status.CANCELLED
            and change.changed_by_id is not None
            and change.changed_by_id == parcel.order.user_id
            for change in moves
        )
        if parcel.status == Status.CANCELLED and not by_shopper:
            cancelled += 1
    return confirmed, due, on_time, cancelled


def test_parcel_figures_equal_the_counts_done_in_python(history):
    now = timezone.now()
    record = count_records({history.pk}, now)[history.pk]
    confirmed, due, on_time, cancelled = counted_in_python(history, now)
    assert confirmed >= 10  # the generated history is in the window
    assert record.cancelled.facts == confirmed
    assert record.cancelled.value == pytest.approx(cancelled / confirmed)
    assert record.shipped_on_time.facts == due
    assert record.shipped_on_time.value == pytest.approx(on_time / due)


def test_a_parcel_the_shopper_cancelled_does_not_count_against_the_enterprise(vendor1, shopper):
    enterprise = enterprise_of(vendor1)
    product = stocked_product(enterprise, stock=20)
    before = count_records({enterprise.pk}, timezone.now())[enterprise.pk].cancelled
    now = timezone.now()
    live(place_order(shopper, {product: 1}).parcels.get(), (4, None, "shopper"), shopper, vendor1, now)
    after = count_records({enterprise.pk}, timezone.now())[enterprise.pk].cancelled
    assert after.facts == before.facts + 1
    assert round(after.value * after.facts) == round((before.value or 0) * before.facts)


def verified_reviews_in_python(enterprise):
    products = {
        record.product.parent_id or record.product_id
        for record in enterprise.stockrecords.select_related("product")
    } | {record.product_id for record in enterprise.stockrecords.all()}
    return [
        review.score
        for review in ProductReview.objects.all()
        if review.product_id in products
        and review.status == ProductReview.APPROVED
        and review.verified_purchase
    ]


def test_rating_is_the_average_of_verified_published_reviews_of_its_products(
    vendor1, vendor2, django_user_model
):
    enterprise = enterprise_of(vendor1)
    own = [record.product for record in enterprise.stockrecords.select_related("product")[:3]]
    other = enterprise_of(vendor2).stockrecords.select_related("product").first().product
    rng = random.Random(7)
    for n in range(12):
        author = django_user_model.objects.create_user(f"buyer{n}", f"buyer{n}@example.vn", "x")
        ProductReview.objects.create(
            product=rng.choice(own + [other]),
            user=author,
            title=f"Đánh giá {n}",
            body="Ngon",
            score=rng.randint(1, 5),
            status=rng.choice([ProductReview.APPROVED, ProductReview.APPROVED, ProductReview.REJECTED]),
            verified_purchase=rng.random() < 0.75,
        )
    scores = verified_reviews_in_python(enterprise)
    rating = record_of(enterprise).rating
    assert rating.facts == len(scores)
    assert rating.value == pytest.approx(sum(scores) / len(scores))


def test_certificates_in_force_are_counted_as_the_badges_count_them(vendor1):
    enterprise = enterprise_of(vendor1)
    product = enterprise.stockrecords.first().product
    today = timezone.localdate()
    ocop_certificate(product, enterprise, stars=3, decision_date=today - timedelta(days=10))
    ocop_certificate(product, enterprise, stars=4, decision_date=today - timedelta(days=4 * 365))  # lapsed
    ocop_certificate(product, enterprise, stars=5, status="pending")
    ocop_certificate(
        product, enterprise, stars=4, decision_date=today - timedelta(days=40), valid_until=today
    )  # lapses today
    in_force = [c for c in enterprise.ocop_certificates.all() if is_in_force(c, today)]
    assert record_of(enterprise).certificates_in_force == len(in_force)


def test_time_on_the_marketplace_runs_from_the_first_approval(vendor1):
    enterprise = enterprise_of(vendor1)
    approvals = enterprise.status_changes.filter(to_status=EnterpriseStatus.APPROVED)
    first = min(change.date_created for change in approvals)
    approvals.update(date_created=timezone.now() - timedelta(days=800))
    record = record_of(enterprise)
    assert first is not None
    assert record.years_on_marketplace == 2
    assert 25 <= record.months_on_marketplace <= 26


def test_too_few_parcels_make_no_figure_rather_than_0_or_100_percent(vendor1, shopper):
    enterprise = Partner.objects.create(name="Hộ kinh doanh mới", status=EnterpriseStatus.APPROVED)
    record = record_of(enterprise)
    assert not record.shipped_on_time.enough and not record.cancelled.enough
    assert not record.rating.enough
    assert record.approved_on is None and record.certificates_in_force == 0


def test_many_enterprises_are_counted_in_two_queries_then_kept(vendor1):
    enterprises = list(Partner.objects.approved())
    assert len(enterprises) > 3
    with CaptureQueriesContext(connection) as counted:
        records = records_of(enterprises)
    assert len(counted) == 2
    assert set(records) == {enterprise.pk for enterprise in enterprises}
    assert records[enterprise_of(vendor1).pk] == record_of(enterprise_of(vendor1))
    with CaptureQueriesContext(connection) as again:
        records_of(enterprises)
    assert len(again) == 0
