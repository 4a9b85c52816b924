"""Amounts in Vietnamese words, as the invoice's total in words reads them."""

import pytest

from marketplace.invoicing.words import amount_in_words


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "Không đồng"),
        (1, "Một đồng"),
        (10, "Mười đồng"),
        (14, "Mười bốn đồng"),
        (15, "Mười lăm đồng"),
        (21, "Hai mươi mốt đồng"),
        (24, "Hai mươi tư đồng"),
        (55, "Năm mươi lăm đồng"),
        (105, "Một trăm lẻ năm đồng"),
        (111, "Một trăm mười một đồng"),
        (1000, "Một nghìn đồng"),
        (2021, "Hai nghìn không trăm hai mươi mốt đồng"),
        (125000, "Một trăm hai mươi lăm nghìn đồng"),
        (1000005, "Một triệu không trăm lẻ năm đồng"),
        (1000000, "Một triệu đồng"),
        (15_500_000, "Mười lăm triệu năm trăm nghìn đồng"),
        (1_000_000_000, "Một tỷ đồng"),
        (1_005_000_000, "Một tỷ không trăm lẻ năm triệu đồng"),
        (2_000_000_000_000, "Hai nghìn tỷ đồng"),
    ],
)
def test_amounts_read_as_invoices_write_them(amount, words):
    assert amount_in_words(amount) == words


def test_linh_instead_of_le_and_decimal_whole_amounts():
    from decimal import Decimal

    assert amount_in_words(105, zero_ten="linh") == "Một trăm linh năm đồng"
    assert amount_in_words(Decimal("125000.00")) == "Một trăm hai mươi lăm nghìn đồng"


@pytest.mark.parametrize("amount", [-1, 12.5])
def test_no_words_for_fractions_or_negative_amounts(amount):
    with pytest.raises(ValueError):
        amount_in_words(amount)
