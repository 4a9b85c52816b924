"""The money rules of payouts, on plain values: rounding, rates, splits, balances, payouts."""

from datetime import date
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from marketplace.payouts import rules


@pytest.mark.parametrize(
    "amount,expected",
    [
        (D("12.5"), D("13")),
        (D("12.49"), D("12")),
        (D("-12.5"), D("-13")),
        (D("0.4"), D("0")),
        (100, D("100")),
    ],
)
def test_amounts_round_to_a_whole_dong_halves_up(amount, expected):
    assert rules.round_dong(amount) == expected


RATES = {"0001": D("0.05"), "00010002": D("0.08"), "0003": D("0.02"), "0004": D("0.10")}


@pytest.mark.parametrize(
    "paths,expected",
    [
        ([], D("0.03")),  # no category: the platform's rate
        (["0009"], D("0.03")),  # a category without a rate on its way up
        (["0001"], D("0.05")),
        (["00010005"], D("0.05")),  # a subcategory without its own rate takes its parent's
        (["00010002"], D("0.08")),  # its own rate beats its parent's
        (["000100020007"], D("0.08")),  # the nearest ancestor with a rate wins, not the root
        (["0001", "00010002"], D("0.08")),  # the more specific of two categories wins
        (["0003", "0004"], D("0.02")),  # equally specific: the lower rate
        (["00010002", "00040001"], D("0.08")),
    ],
)
def test_the_most_specific_category_with_a_rate_decides(paths, expected):
    assert rules.rate_for(paths, RATES, default=D("0.03")) == expected


def test_commission_is_on_goods_only_and_rounded_once_per_parcel():
    goods = [(D("125000"), D("0.05")), (D("33333"), D("0.08")), (D("10"), D("0.05"))]
    split = rules.split(goods, shipping=D("30000"))
    # 6250 + 2666.64 + 0.5 = 8917.14 → 8917; rounding each line would give 6250 + 2667 + 1 = 8918.
    assert split == rules.Split(gross=D("188343"), commission=D("8917"), net=D("179426"))


def test_a_free_category_and_free_shipping_leave_everything_to_the_enterprise():
    assert rules.split([(D("50000"), D("0"))]) == rules.Split(D("50000"), D("0"), D("50000"))


def test_a_reversal_is_the_exact_negative_of_the_sale():
    sale = rules.split([(D("99999"), D("0.05"))], shipping=D("15000"))
    reversal = sale.reversed()
    assert (sale.gross + reversal.gross, sale.commission + reversal.commission, sale.net + reversal.net) == (
        0,
        0,
        0,
    )


def test_the_balance_is_the_sum_of_the_net_amounts():
    assert rules.balance([D("100"), D("-30"), D("5")]) == D("75")
    assert rules.balance([]) == D("0")


OCTOBER, NOVEMBER = date(2026, 10, 1), date(2026, 11, 1)
TODAY = date(2026, 11, 23)


def refusal_code(**overrides):
    arguments = {
        "month": OCTOBER,
        "today": TODAY,
        "owed": D("500000"),
        "amount": D("500000"),
        "already_paid": False,
    }
    arguments.update(overrides)
    try:
        rules.check_payout(**arguments)
    except ValidationError as refusal:
        return refusal.code
    return None


def test_a_month_that_is_over_can_be_paid_what_is_owed_or_less():
    assert refusal_code() is None
    assert refusal_code(amount=D("1")) is None


@pytest.mark.parametrize(
    "overrides,code",
    [
        ({"already_paid": True}, "already_paid"),
        ({"month": NOVEMBER}, "month_not_over"),
        ({"month": date(2027, 1, 1)}, "month_not_over"),
        ({"owed": D("0")}, "nothing_owed"),
        ({"owed": D("-20000")}, "nothing_owed"),
        ({"amount": D("500001")}, "more_than_owed"),
        ({"amount": D("0")}, "invalid_amount"),
        ({"amount": D("-5")}, "invalid_amount"),
        ({"amount": D("100.5")}, "invalid_amount"),
    ],
)
def test_a_payout_is_refused_when(overrides, code):
    assert refusal_code(**overrides) == code


def test_a_shared_amount_adds_up_to_the_dong_in_proportion():
    assert rules.shares(D(10000), [D(1), D(1), D(1)]) == [3334, 3333, 3333]
    assert rules.shares(D(100), [D(300000), D(100000)]) == [75, 25]
    assert rules.shares(D(7), [D(0), D(5)]) == [0, 7]
    assert rules.shares(D(7), []) == []


def test_a_part_of_a_sale_carries_its_share_of_the_commission():
    sale = rules.Split(D(200000), D(10000), D(190000))
    assert rules.part_of(sale, D(50000)) == rules.Split(D(50000), D(2500), D(47500))
    assert rules.part_of(sale, D(3)) == rules.Split(D(3), D(0), D(3))
