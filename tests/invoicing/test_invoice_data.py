"""A parcel's invoice data: lines before tax and VAT that add up to what the shopper paid, exactly."""

from decimal import Decimal

import pytest

from marketplace.invoicing.invoice_data import SALES_INVOICE, VAT_INVOICE, invoice_for
from marketplace.invoicing.models import InvoiceRequest
from marketplace.invoicing.vat import split
from marketplace.invoicing.words import amount_in_words


@pytest.mark.parametrize(
    ("price", "quantity", "rate"),
    [
        (52500, 1, "5"),
        (110000, 3, "10"),
        (99999, 7, "8"),
        (12345, 1, "8"),
        (30000, 2, "0"),
        (30000, 2, "KCT"),
    ],
)
def test_each_line_before_tax_plus_vat_is_its_price(price, quantity, rate):
    part = split(Decimal(price * quantity), quantity, rate)

    assert part.amount + part.vat == price * quantity
    assert part.unit_price * quantity == part.amount
    assert part.unit_price == part.unit_price.to_integral_value()


def test_a_company_parcel_is_a_vat_invoice_whose_lines_and_shipping_make_the_parcel_total(company_parcel):
    invoice = invoice_for(company_parcel)

    assert invoice.form == VAT_INVOICE and invoice.shows_vat
    assert invoice.seller.tax_code == "0312687878"
    goods, shipping = invoice.lines[:-1], invoice.lines[-1]
    assert [line.vat_rate for line in goods] == ["5", "10", "8"]
    assert [line.unit for line in goods] == [
        line.product.unit or "cái" for line in company_parcel.lines.order_by("pk")
    ]
    assert shipping.name == "Phí vận chuyển" and shipping.total == company_parcel.shipping_charge
    assert sum(line.total for line in goods) == company_parcel.lines_total
    assert invoice.total == company_parcel.total
    assert invoice.total_before_tax + invoice.total_vat == company_parcel.total
    assert invoice.total_in_words == amount_in_words(company_parcel.total)


def test_totals_per_rate_add_up_to_the_invoice_totals(company_parcel):
    invoice = invoice_for(company_parcel)
    by_rate = {total.rate: total for total in invoice.rate_totals}

    assert set(by_rate) == {"5", "10", "8"}
    assert sum(total.amount for total in by_rate.values()) == invoice.total_before_tax
    assert sum(total.vat_amount for total in by_rate.values()) == invoice.total_vat
    five = by_rate["5"]
    assert five.amount + five.vat_amount == 3 * 52500
    assert five.vat_amount == Decimal(3 * 52500) - 3 * 2500 * 20  # 52 500 = 50 000 + 5 %


def test_a_household_parcel_is_a_sales_invoice_showing_no_vat(household_parcel):
    invoice = invoice_for(household_parcel)

    assert invoice.form == SALES_INVOICE and not invoice.shows_vat
    assert invoice.rate_totals == []
    assert all(line.vat_rate is None and line.vat_amount == 0 for line in invoice.lines)
    assert invoice.lines[0].unit_price == 85000 and invoice.lines[0].amount == 170000
    assert invoice.total == household_parcel.total
    assert invoice.seller.tax_code == "044190000123"


def test_the_buyer_is_the_request_or_else_the_shopper_without_a_tax_code(company_parcel):
    plain = invoice_for(company_parcel).buyer
    assert plain.tax_code == "" and plain.name and plain.email == company_parcel.order.email

    InvoiceRequest.objects.create(
        order=company_parcel.order,
        buyer_name="HTX Nông sản Quảng Trị",
        tax_code="3200123456",
        address="Đông Hà",
        email="htx@example.vn",
    )
    company_parcel.order.refresh_from_db()
    buyer = invoice_for(type(company_parcel).objects.get(pk=company_parcel.pk)).buyer
    assert (buyer.name, buyer.tax_code) == ("HTX Nông sản Quảng Trị", "3200123456")
