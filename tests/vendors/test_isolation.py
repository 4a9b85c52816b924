"""Staff of one enterprise can neither see nor change another enterprise's data.

Every dashboard URL that takes an id is tried by vendor2 with vendor1's ids
(or, for operator-only areas, with any id): the answer is 403 or 404 (or a
redirect to the login page), and nothing stored changes.
"""

import pytest
from django.urls import reverse
from oscar.core.loading import get_class, get_model
from oscar.test.factories import create_order

from tests.vendors.dashboard_forms import product_form_data

Basket = get_model("basket", "Basket")
Category = get_model("catalogue", "Category")
Line = get_model("order", "Line")
Order = get_model("order", "Order")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
StockRecord = get_model("partner", "StockRecord")
Parcel = get_model("order", "Parcel")
Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


def own_product(user):
    return Product.objects.filter(stockrecords__partner__users=user, stockrecords__num_in_stock__gt=0).first()


@pytest.fixture
def shared_order(vendor1, vendor2, shopper):
    """One order with a line from each enterprise."""
    basket = Basket.objects.create(owner=shopper)
    basket.strategy = Selector().strategy()
    basket.add_product(own_product(vendor1), 1)
    basket.add_product(own_product(vendor2), 1)
    return create_order(basket=basket, user=shopper)


@pytest.fixture
def vendor1_only_order(vendor1, shopper):
    basket = Basket.objects.create(owner=shopper)
    basket.strategy = Selector().strategy()
    basket.add_product(own_product(vendor1), 2)
    return create_order(basket=basket, user=shopper)


def snapshot(vendor):
    """What vendor1 owns, as a comparable value."""
    enterprise = vendor.partners.get()
    return (
        list(enterprise.__class__.objects.filter(pk=enterprise.pk).values()),
        list(Product.objects.filter(stockrecords__partner=enterprise).order_by("pk").values()),
        list(StockRecord.objects.filter(partner=enterprise).order_by("pk").values()),
        list(Line.objects.filter(partner=enterprise).order_by("pk").values()),
        list(Parcel.objects.filter(enterprise=enterprise).order_by("pk").values()),
    )


def refused(response):
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and "login" in response["Location"]


def urls_with_ids(vendor1, shared_order, vendor1_only_order):
    """Every dashboard URL that takes an id, pointed at vendor1's objects (or any object)."""
    product = own_product(vendor1)
    line = shared_order.lines.get(partner__users=vendor1)
    category = Category.objects.first()
    enterprise = vendor1.partners.get()
    parcel = Parcel.objects.get(order=shared_order, enterprise=enterprise)
    month = {"enterprise": enterprise.pk, "year": 2026, "month": 10}
    return {
        "product edit": reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}),
        "product delete": reverse("dashboard:catalogue-product-delete", kwargs={"pk": product.pk}),
        "product variant": reverse(
            "dashboard:catalogue-product-create-child", kwargs={"parent_pk": product.pk}
        ),
        "category list": reverse("dashboard:catalogue-category-detail-list", kwargs={"pk": category.pk}),
        "category child": reverse(
            "dashboard:catalogue-category-create-child", kwargs={"parent": category.pk}
        ),
        "category update": reverse("dashboard:catalogue-category-update", kwargs={"pk": category.pk}),
        "category delete": reverse("dashboard:catalogue-category-delete", kwargs={"pk": category.pk}),
        "product type update": reverse(
            "dashboard:catalogue-class-update", kwargs={"pk": product.product_class_id}
        ),
        "product type delete": reverse(
            "dashboard:catalogue-class-delete", kwargs={"pk": product.product_class_id}
        ),
        "option group update": reverse("dashboard:catalogue-attribute-option-group-update", kwargs={"pk": 1}),
        "option group delete": reverse("dashboard:catalogue-attribute-option-group-delete", kwargs={"pk": 1}),
        "option update": reverse("dashboard:catalogue-option-update", kwargs={"pk": 1}),
        "option delete": reverse("dashboard:catalogue-option-delete", kwargs={"pk": 1}),
        "order of vendor1 only": reverse(
            "dashboard:order-detail", kwargs={"number": vendor1_only_order.number}
        ),
        "order line of vendor1": reverse(
            "dashboard:order-line-detail", kwargs={"number": shared_order.number, "line_id": line.pk}
        ),
        "order note": reverse(
            "dashboard:order-detail-note", kwargs={"number": shared_order.number, "note_id": 1}
        ),
        "order shipping address": reverse(
            "dashboard:order-shipping-address", kwargs={"number": shared_order.number}
        ),
        "user detail": reverse("dashboard:user-detail", kwargs={"pk": vendor1.pk}),
        "user password reset": reverse("dashboard:user-password-reset", kwargs={"pk": vendor1.pk}),
        "user alert delete": reverse("dashboard:user-alert-delete", kwargs={"pk": 1}),
        "user alert update": reverse("dashboard:user-alert-update", kwargs={"pk": 1}),
        "page update": reverse("dashboard:page-update", kwargs={"pk": 1}),
        "page delete": reverse("dashboard:page-delete", kwargs={"pk": 1}),
        "partner manage": reverse("dashboard:partner-manage", kwargs={"pk": enterprise.pk}),
        "partner delete": reverse("dashboard:partner-delete", kwargs={"pk": enterprise.pk}),
        "partner user add": reverse("dashboard:partner-user-create", kwargs={"partner_pk": enterprise.pk}),
        "partner user select": reverse("dashboard:partner-user-select", kwargs={"partner_pk": enterprise.pk}),
        "partner user link": reverse(
            "dashboard:partner-user-link", kwargs={"partner_pk": enterprise.pk, "user_pk": vendor1.pk}
        ),
        "partner user unlink": reverse(
            "dashboard:partner-user-unlink", kwargs={"partner_pk": enterprise.pk, "user_pk": vendor1.pk}
        ),
        "partner user update": reverse(
            "dashboard:partner-user-update", kwargs={"partner_pk": enterprise.pk, "user_pk": vendor1.pk}
        ),
        "offer metadata": reverse("dashboard:offer-metadata", kwargs={"pk": 1}),
        "offer condition": reverse("dashboard:offer-condition", kwargs={"pk": 1}),
        "offer benefit": reverse("dashboard:offer-benefit", kwargs={"pk": 1}),
        "offer restrictions": reverse("dashboard:offer-restrictions", kwargs={"pk": 1}),
        "offer delete": reverse("dashboard:offer-delete", kwargs={"pk": 1}),
        "offer detail": reverse("dashboard:offer-detail", kwargs={"pk": 1}),
        "range update": reverse("dashboard:range-update", kwargs={"pk": 1}),
        "range delete": reverse("dashboard:range-delete", kwargs={"pk": 1}),
        "range products": reverse("dashboard:range-products", kwargs={"pk": 1}),
        "range reorder": reverse("dashboard:range-reorder", kwargs={"pk": 1}),
        "review update": reverse("dashboard:reviews-update", kwargs={"pk": 1}),
        "review delete": reverse("dashboard:reviews-delete", kwargs={"pk": 1}),
        "voucher update": reverse("dashboard:voucher-update", kwargs={"pk": 1}),
        "voucher delete": reverse("dashboard:voucher-delete", kwargs={"pk": 1}),
        "voucher stats": reverse("dashboard:voucher-stats", kwargs={"pk": 1}),
        "voucher set update": reverse("dashboard:voucher-set-update", kwargs={"pk": 1}),
        "voucher set detail": reverse("dashboard:voucher-set-detail", kwargs={"pk": 1}),
        "voucher set download": reverse("dashboard:voucher-set-download", kwargs={"pk": 1}),
        "voucher set delete": reverse("dashboard:voucher-set-delete", kwargs={"pk": 1}),
        "comms update": reverse("dashboard:comms-update", kwargs={"slug": "ORDER_PLACED"}),
        "shipping method": reverse("dashboard:shipping-method-detail", kwargs={"pk": 1}),
        "shipping method edit": reverse("dashboard:shipping-method-edit", kwargs={"pk": 1}),
        "shipping method delete": reverse("dashboard:shipping-method-delete", kwargs={"pk": 1}),
        "shipping band edit": reverse(
            "dashboard:shipping-method-band-edit", kwargs={"method_pk": 1, "pk": 1}
        ),
        "shipping band delete": reverse(
            "dashboard:shipping-method-band-delete", kwargs={"method_pk": 1, "pk": 1}
        ),
        "enterprise review": reverse("dashboard:enterprise-review-detail", kwargs={"pk": enterprise.pk}),
        "enterprise decision": reverse("dashboard:enterprise-review-decide", kwargs={"pk": enterprise.pk}),
        "enterprise document": reverse("enterprises:document", kwargs={"pk": 10**6}),
        "parcel detail": reverse("dashboard:parcel-detail", kwargs={"number": parcel.number}),
        "parcel move": reverse("dashboard:parcel-move", kwargs={"number": parcel.number}),
        "payout statement": reverse("dashboard:payout-statement", kwargs=month),
        "payout statement csv": reverse("dashboard:payout-statement-csv", kwargs=month),
        "payout pay": reverse("dashboard:payout-pay", kwargs=month),
    }


def test_every_dashboard_url_with_an_id_refuses_another_enterprise(
    client, vendor1, vendor2, shared_order, vendor1_only_order
):
    urls = urls_with_ids(vendor1, shared_order, vendor1_only_order)
    before = snapshot(vendor1)
    client.force_login(vendor2)
    let_through = {}
    for name, url in urls.items():
        for method in (client.get, client.post):
            response = method(url, {"title": "Hijacked", "status": "approved", "reason": "x", "price": "1"})
            if not refused(response):
                let_through[f"{method.__name__.upper()} {name}"] = response.status_code
    assert let_through == {}
    assert snapshot(vendor1) == before


def test_a_shared_order_sends_each_enterprise_to_its_own_parcel(client, vendor1, vendor2, shared_order):
    client.force_login(vendor2)
    url = reverse("dashboard:order-detail", kwargs={"number": shared_order.number})
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert response.context["parcel"].enterprise.users.filter(pk=vendor2.pk).exists()
    html = response.content.decode()
    own, other = (
        shared_order.lines.get(partner__users=vendor2),
        shared_order.lines.get(partner__users=vendor1),
    )
    assert list(response.context["lines"]) == [own]
    assert own.title in html
    assert other.title not in html
    assert other.partner_sku not in html


def test_an_enterprise_cannot_change_a_whole_shared_order(client, vendor2, shared_order):
    client.force_login(vendor2)
    url = reverse("dashboard:order-detail", kwargs={"number": shared_order.number})
    client.post(url, {"order_action": "change_order_status", "new_status": "Cancelled"})
    shared_order.refresh_from_db()
    assert shared_order.status != "Cancelled"


def test_an_enterprise_cannot_act_on_another_enterprises_order_line(client, vendor1, vendor2, shared_order):
    other = shared_order.lines.get(partner__users=vendor1)
    client.force_login(vendor2)
    url = reverse("dashboard:order-detail", kwargs={"number": shared_order.number})
    client.post(
        url,
        {
            "line_action": "change_line_statuses",
            "selected_line": [other.pk],
            f"selected_line_qty_{other.pk}": 1,
            "new_status": "Shipped",
        },
    )
    other.refresh_from_db()
    assert other.status != "Shipped"


def test_product_lists_and_bulk_actions_stay_within_the_enterprise(client, vendor1, vendor2):
    before = snapshot(vendor1)
    victim = own_product(vendor1)
    client.force_login(vendor2)
    listed = client.get(reverse("dashboard:catalogue-product-list"))
    assert victim.pk not in {row.record.pk for row in listed.context["products"].rows}
    list_url = reverse("dashboard:catalogue-product-list")
    for action in ("make_products_non_public", "set_product_price"):
        response = client.post(list_url, {"action": action, "selected_product": [victim.pk]}, follow=True)
        if response.redirect_chain:
            confirm_url = response.redirect_chain[-1][0]
            client.post(confirm_url, {"price": "1", "confirm": "1"})
    assert snapshot(vendor1) == before


def test_an_enterprise_cannot_list_a_product_under_another_enterprise(client, vendor1, vendor2):
    other, own = vendor1.partners.get(), vendor2.partners.get()
    url = reverse("dashboard:catalogue-product-create", kwargs={"product_class_slug": "ocop-product"})
    client.force_login(vendor2)
    response = client.post(url, product_form_data(other.pk, "FAKE-001", "Sản phẩm mạo danh"))
    assert response.status_code == 200  # the form comes back with an error
    assert not Product.objects.filter(upc="FAKE-001").exists()
    # The same form for its own enterprise goes through: the refusal above was about the enterprise.
    assert client.post(url, product_form_data(own.pk, "OWN-001", "Sản phẩm thật")).status_code == 302
    assert StockRecord.objects.filter(partner=own, partner_sku="OWN-001").exists()
