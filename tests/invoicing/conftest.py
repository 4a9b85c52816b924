"""Fixtures for the e-invoice tests: a shopper at checkout, and orders from sellers of each kind."""

import pytest
from django.test import Client

from tests.factories import enterprise_of, parcel_of, place_order, stocked_product


@pytest.fixture
def guest_client():
    return Client()


@pytest.fixture
def company(vendor1):
    """vendor1's enterprise as a company declaring VAT, with a valid tax code."""
    enterprise = enterprise_of(vendor1)
    enterprise.kind, enterprise.tax_code = "company", "0312687878"
    enterprise.save()
    return enterprise


@pytest.fixture
def household(vendor2):
    """vendor2's enterprise as a household business (owner's 12-digit ID as tax code)."""
    enterprise = enterprise_of(vendor2)
    enterprise.kind, enterprise.tax_code = "household", "044190000123"
    enterprise.save()
    return enterprise


@pytest.fixture
def company_products(company):
    """Three of the company's products at 5 %, 10 % and the default rate (8 %), 10 units each."""
    rates = ["5", "10", ""]
    products = []
    for skip, (rate, price) in enumerate(zip(rates, [52500, 110000, 99999], strict=True)):
        product = stocked_product(company, stock=10, price=price, skip=skip)
        product.vat_rate = rate
        product.save(update_fields=["vat_rate"])
        products.append(product)
    return products


@pytest.fixture
def company_parcel(shopper, vendor1, company_products):
    quantities = dict(zip(company_products, [3, 1, 2], strict=True))
    return parcel_of(place_order(shopper, quantities, confirm=True), vendor1)


@pytest.fixture
def household_parcel(shopper, vendor2, household):
    product = stocked_product(household, stock=10, price=85000)
    return parcel_of(place_order(shopper, {product: 2}, confirm=True), vendor2)
