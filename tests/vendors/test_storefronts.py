"""Storefronts show approved enterprises only, with the seller information the law requires."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from vendors.models import EnterpriseKind, EnterpriseStatus
from vendors.review import move
from vendors.storefronts import public_tax_code

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

LIST = reverse("enterprises:list")


def storefront(enterprise):
    return reverse("enterprises:detail", kwargs={"slug": enterprise.slug})


def listed(client, **params):
    """Every enterprise the list shows for these filters, across its pages."""
    response = client.get(LIST, params)
    assert response.status_code == 200
    enterprises = list(response.context["enterprises"])
    for number in range(2, response.context["paginator"].num_pages + 1):
        enterprises += list(client.get(LIST, {**params, "page": number}).context["enterprises"])
    return response, enterprises


def selling(kind=None):
    """An approved enterprise with products on sale."""
    enterprises = Partner.objects.approved().filter(stockrecords__product__is_public=True)
    if kind:
        enterprises = enterprises.filter(kind=kind)
    return enterprises.distinct().order_by("pk").first()


def test_all_approved_enterprises_and_no_others_are_listed_by_name(client):
    response, enterprises = listed(client)
    approved = list(Partner.objects.approved().order_by("name", "pk"))
    assert enterprises == approved
    assert len(response.context["enterprises"]) == 24
    html = response.content.decode()
    assert all(enterprise.name in html for enterprise in response.context["enterprises"])
    hidden = Partner.objects.exclude(status=EnterpriseStatus.APPROVED)
    assert hidden.exists()
    assert not set(hidden) & set(enterprises)


@pytest.mark.parametrize(
    "status",
    [
        EnterpriseStatus.DRAFT,
        EnterpriseStatus.SUBMITTED,
        EnterpriseStatus.CHANGES_REQUESTED,
        EnterpriseStatus.REJECTED,
        EnterpriseStatus.SUSPENDED,
    ],
)
def test_a_storefront_is_not_shown_unless_approved(client, status):
    enterprise = Partner.objects.create(name=f"Cơ sở thử {status}", slug=f"co-so-thu-{status}", status=status)
    assert client.get(storefront(enterprise)).status_code == 404


def test_suspending_closes_the_storefront_and_takes_it_off_the_list(client, reviewer):
    enterprise = selling()
    assert client.get(storefront(enterprise)).status_code == 200
    move(enterprise, EnterpriseStatus.SUSPENDED, by=reviewer, reason="Sản phẩm bị phản ánh về chất lượng.")
    assert client.get(storefront(enterprise)).status_code == 404
    _response, enterprises = listed(client)
    assert enterprise not in enterprises
    assert len(enterprises) == Partner.objects.approved().count()


def test_filter_by_commune_code(client):
    commune = selling().commune
    response, enterprises = listed(client, commune=commune.code)
    assert enterprises == list(Partner.objects.approved().filter(commune=commune).order_by("name", "pk"))
    assert not response.context["filters_ignored"]


def test_filter_by_kind(client):
    _response, enterprises = listed(client, kind=EnterpriseKind.HOUSEHOLD)
    expected = list(Partner.objects.approved().filter(kind=EnterpriseKind.HOUSEHOLD).order_by("name", "pk"))
    assert expected
    assert enterprises == expected


def test_filters_combine(client):
    enterprise = selling()
    _response, enterprises = listed(client, commune=enterprise.commune.code, kind=enterprise.kind)
    assert enterprise in enterprises
    assert all(e.commune == enterprise.commune and e.kind == enterprise.kind for e in enterprises)


@pytest.mark.parametrize(
    "params",
    [
        {"commune": "99999"},
        {"commune": "<script>"},
        {"kind": "bank"},
        {"commune": "x", "kind": "y", "page": "abc"},
        {"page": "9999"},
    ],
)
def test_bad_filter_values_are_ignored_with_a_friendly_note(client, params):
    response = client.get(LIST, params)
    assert response.status_code == 200
    assert response.context["paginator"].count == Partner.objects.approved().count()
    has_bad_filter = "commune" in params or "kind" in params
    assert response.context["filters_ignored"] is has_bad_filter
    assert ('class="alert alert-info" role="status"' in response.content.decode()) is has_bad_filter


def test_a_valid_filter_is_kept_when_the_other_is_bad(client):
    _response, enterprises = listed(client, kind=EnterpriseKind.HOUSEHOLD, commune="nope")
    assert enterprises == list(
        Partner.objects.approved().filter(kind=EnterpriseKind.HOUSEHOLD).order_by("name", "pk")
    )


def test_each_card_counts_the_products_the_storefront_shows(client):
    enterprise = selling()
    response = client.get(LIST, {"commune": enterprise.commune.code})
    card = next(e for e in response.context["enterprises"] if e == enterprise)
    on_sale = client.get(storefront(enterprise)).context["paginator"].count
    assert (
        card.products_on_sale
        == on_sale
        == Product.objects.browsable().filter(stockrecords__partner=enterprise).count()
    )
    assert on_sale > 0


def test_the_list_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    client.get(LIST)  # warm caches shared by every page
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert len(response.context["enterprises"]) == 24
    with CaptureQueriesContext(connection) as full_page:
        client.get(LIST)
    with CaptureQueriesContext(connection) as last_page:
        response = client.get(LIST, {"page": 2})
    assert 0 < len(response.context["enterprises"]) < 24
    assert len(full_page) == len(last_page)


def test_storefront_publishes_the_seller_information(client):
    enterprise = selling(kind=EnterpriseKind.COMPANY)
    assert len(enterprise.tax_code) == 10
    html = client.get(storefront(enterprise)).content.decode()
    for shown in (
        enterprise.name,
        enterprise.tax_code,
        enterprise.street_address,
        enterprise.commune.name,
        enterprise.province.name,
        enterprise.phone,
        enterprise.email,
        enterprise.representative,
    ):
        assert shown and shown in html


def test_storefront_lists_its_own_products_and_no_others(client):
    enterprise = selling()
    other = Partner.objects.approved().filter(stockrecords__isnull=False).exclude(pk=enterprise.pk).first()
    response = client.get(storefront(enterprise))
    html = response.content.decode()
    own = Product.objects.browsable().filter(stockrecords__partner=enterprise)
    assert set(response.context["products"]) == set(own[:24])
    assert all(product.get_absolute_url() in html for product in own[:24])
    others = Product.objects.browsable().filter(stockrecords__partner=other)
    assert others.exists()
    assert not any(product.get_absolute_url() in html for product in others)


def test_storefront_products_are_paginated(client):
    enterprise = selling()
    response = client.get(storefront(enterprise), {"page": "not-a-number"})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


def test_a_households_personal_id_is_masked(client):
    household = Partner.objects.approved().filter(kind=EnterpriseKind.HOUSEHOLD).order_by("pk").first()
    assert len(household.tax_code) == 12
    html = client.get(storefront(household)).content.decode()
    assert household.tax_code not in html
    assert household.tax_code[-3:] in html
    assert public_tax_code(household.tax_code) in html


def test_only_a_twelve_digit_id_is_masked():
    assert public_tax_code("048123456789") == "•••••••••789"
    assert public_tax_code("3201234567") == "3201234567"
    assert public_tax_code("3201234567-001") == "3201234567-001"
    assert public_tax_code("") == ""


def test_product_page_links_to_its_enterprise(client):
    enterprise = selling()
    product = Product.objects.browsable().filter(stockrecords__partner=enterprise).first()
    html = client.get(product.get_absolute_url()).content.decode()
    assert f'href="{storefront(enterprise)}"' in html
    assert enterprise.name in html


def test_every_page_links_to_the_enterprises(client):
    html = client.get(reverse("catalogue:index")).content.decode()
    assert f'href="{LIST}"' in html


def test_the_former_vendors_addresses_lead_to_the_same_pages_for_good(client):
    enterprise = selling()
    response = client.get(f"/vendors/{enterprise.slug}/", {"page": 2})
    assert response.status_code == 301
    assert response["Location"] == f"{storefront(enterprise)}?page=2"
    assert client.get("/vendors/")["Location"] == LIST
