"""The basket page shows one group per enterprise, with its subtotal and delivery estimate,
and flags the lines that cannot be bought (a suspended enterprise, no stock left)."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from tests.factories import add_to_basket, enterprise_of
from vendors.models import EnterpriseStatus
from vendors.strategy import EnterpriseNotTrading

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def basket_page(client):
    response = client.get(reverse("basket:summary"))
    assert response.status_code == 200
    return response


def test_lines_are_grouped_by_enterprise_with_subtotal_and_shipping(
    guest_client, two_enterprise_products, vendor1
):
    first, second = two_enterprise_products
    add_to_basket(guest_client, first, 2)
    add_to_basket(guest_client, second, 1)

    response = basket_page(guest_client)
    groups = [group for group, _entries in response.context["basket_groups"]]
    assert [group.enterprise for group in groups] == [
        enterprise_of(vendor1),
        second.stockrecords.get().partner,
    ]
    assert [group.subtotal for group in groups] == [Decimal("240000"), Decimal("85000")]
    assert [group.shipping_charge for group in groups] == [Decimal("30000"), Decimal("30000")]
    assert response.context["can_check_out"]
    assert response.context["shipping_charge"].incl_tax == Decimal("60000")
    html = response.content.decode()
    assert html.count('class="card mb-3 basket-group') == 2


def test_a_suspended_enterprise_flags_its_lines_and_blocks_checkout(
    guest_client, two_enterprise_products, vendor1
):
    first, second = two_enterprise_products
    add_to_basket(guest_client, first, 1)
    add_to_basket(guest_client, second, 1)
    Partner.objects.filter(pk=enterprise_of(vendor1).pk).update(status=EnterpriseStatus.SUSPENDED)

    response = basket_page(guest_client)
    suspended, trading = [group for group, _entries in response.context["basket_groups"]]
    assert not suspended.can_check_out and trading.can_check_out
    with translation.override("vi"):
        assert list(suspended.problems.values()) == [str(EnterpriseNotTrading.message)]
    assert not response.context["can_check_out"]
    assert "disabled" in response.content.decode()

    refused = guest_client.get(reverse("checkout:index"), follow=True)
    assert refused.redirect_chain[-1][0] == reverse("basket:summary")


def test_a_line_beyond_the_stock_left_is_flagged(guest_client, two_enterprise_products):
    first, _second = two_enterprise_products
    add_to_basket(guest_client, first, 3)
    StockRecord.objects.filter(product=first).update(num_in_stock=2)

    group, entries = basket_page(guest_client).context["basket_groups"][0]
    assert not group.can_check_out
    ((_index, _form, problem),) = entries
    assert "2" in problem


def test_an_empty_basket_page_still_works(guest_client):
    response = basket_page(guest_client)
    assert response.context["basket_groups"] == []
