"""Each figure of the province console agrees with the same count done object by object in Python."""

import datetime

import pytest

from marketplace.dashboard.province.figures import (
    Period,
    add_months,
    province_figures,
    quick_period,
    top_with_others,
)

from . import data, expected

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return data.province()


@pytest.fixture
def period(today):
    """Last month and this one: the parcels of five months ago fall outside."""
    return Period(add_months(today, -1), today)


@pytest.fixture
def figures(period, today):
    return province_figures(period, today=today)


def nonzero(counts):
    return {key: value for key, value in counts.items() if value}


def by_key(rows, value="count"):
    return nonzero({row.key: getattr(row, value) for row in rows})


def by_name(rows, value="count"):
    return nonzero({(str(row.label) if row.key else None): getattr(row, value) for row in rows})


def test_enterprises_by_status_kind_and_commune_match_a_python_count(figures):
    statuses, kinds, communes = expected.enterprises()
    assert by_key(figures.enterprises_by_status) == nonzero(statuses)
    assert by_key(figures.enterprises_by_kind) == nonzero(kinds)
    assert by_key(figures.enterprises_by_commune) == nonzero(communes)
    assert figures.members == statuses["approved"]


def test_products_listed_by_sector_stars_and_commune_match_a_python_count(figures, today):
    sectors, stars, communes = expected.listed(today)
    assert by_name(figures.listed_by_sector) == nonzero(sectors)
    assert by_key(figures.listed_by_stars) == nonzero(stars)
    assert {3, 4, 5} <= set(by_key(figures.listed_by_stars))  # the generated certificates show
    assert by_key(figures.listed_by_commune) == nonzero(communes)


def test_products_sold_in_the_period_by_sector_stars_and_commune_match_a_python_count(figures, period, today):
    sectors, stars, communes, values = expected.sold(period, today)
    assert sectors, "the generated parcels sell products in the period"
    assert by_name(figures.sold_by_sector) == nonzero(sectors)
    assert by_name(figures.sold_by_sector, "value") == nonzero(values)
    assert by_key(figures.sold_by_stars) == nonzero(stars)
    assert by_key(figures.sold_by_commune) == nonzero(communes)


def test_certificates_in_force_expiring_and_expired_match_a_python_count(figures, today):
    counts = expected.certificates(today)
    assert figures.certificates.in_force == counts["in_force"]
    assert figures.certificates.expiring == {30: counts[30], 60: counts[60], 90: counts[90]}
    assert figures.certificates.expired == counts["expired"]
    assert counts[30] >= 1 and counts[90] > counts[30] and counts["expired"] >= 1


def test_sales_parcels_value_payment_shares_shipping_time_and_cancellations_match_a_python_count(
    figures, period
):
    counts = expected.sales(period)
    sales = figures.sales
    assert counts["parcels"] > 0 and counts["card_parcels"] > 0 and counts["cod_parcels"] > 0
    assert sales.parcels == counts["parcels"]
    assert sales.value == counts["value"]
    assert (sales.card_parcels, sales.card_value) == (counts["card_parcels"], counts["card_value"])
    assert (sales.cod_parcels, sales.cod_value) == (counts["cod_parcels"], counts["cod_value"])
    assert sales.card_share + sales.cod_share == 1
    assert sales.time_to_shipment.total_seconds() / 3600 == pytest.approx(counts["hours"])
    assert sales.hours_to_shipment == 30
    assert (sales.cancelled, sales.counted_for_cancellation) == (counts["cancelled"], counts["counted"])
    assert 0 < sales.cancellation_rate < 1


def test_sales_by_month_cover_twelve_months_by_card_and_cash_on_delivery(figures, today):
    months = figures.sales_by_month
    assert [m.month for m in months] == [add_months(today, n) for n in range(-11, 1)]
    table = expected.sales_by_month(months[0].month)
    for month in months:
        assert (month.card, month.cod) == (table[month.month]["card"], table[month.month]["cod"])
    assert months[-6].total > 0  # five months ago, outside the period, is still drawn


def test_sales_by_commune_match_a_python_count(figures, period):
    counts, values = expected.sales_by_commune(period)
    assert by_key(figures.sales_by_commune) == nonzero(counts)
    assert by_key(figures.sales_by_commune, "value") == nonzero(values)


def test_a_parcel_just_after_midnight_in_the_province_counts_on_that_day(today):
    """00:30 on the 1st in Hà Nội time is the previous day in UTC: it belongs to this month."""
    first = today.replace(day=1)
    this_month = province_figures(Period(first, today), today=today)
    day_before = province_figures(
        Period(first - datetime.timedelta(days=1), first - datetime.timedelta(days=1))
    )
    assert this_month.sales.parcels > 0
    assert day_before.sales.parcels == 0


def test_the_quick_periods_start_and_end_where_a_reviewer_expects():
    today = datetime.date(2026, 3, 15)
    assert quick_period("this_month", today) == Period(datetime.date(2026, 3, 1), today)
    assert quick_period("last_month", today) == Period(datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    assert quick_period("this_year", today) == Period(datetime.date(2026, 1, 1), today)
    assert quick_period("last_12_months", today) == Period(datetime.date(2025, 4, 1), today)
    january = datetime.date(2026, 1, 10)
    assert quick_period("last_month", january) == Period(
        datetime.date(2025, 12, 1), datetime.date(2025, 12, 31)
    )


def test_communes_beyond_the_fifteenth_are_summed_as_others():
    from marketplace.dashboard.province.figures import Row

    rows = [Row(f"Xã {n}", count=n) for n in range(1, 21)]
    shown = top_with_others(rows)
    assert len(shown) == 16
    assert shown[0].count == 20
    assert shown[-1].key == "others" and shown[-1].count == sum(range(1, 6))
