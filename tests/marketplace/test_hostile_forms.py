"""A posted form never makes the server build more than a page's worth of forms, nor a 500.

A formset builds as many forms as its posted ``TOTAL_FORMS`` says, up to a ceiling:
Django's default ceiling (2,000 a formset) let one post of a lot stall a worker for
seconds. Every page of the URL map that holds a formset is found by opening it (its
``<prefix>-TOTAL_FORMS`` inputs), then posted back as the browser would, with a huge and
a non-numeric count: each answer is an explanation, no request has more than ``MAX_FORMS``
forms built, and nothing is written.
"""

from collections import Counter
from contextlib import contextmanager
from unittest import mock
from urllib.parse import urljoin

import pytest
from django.db import connection
from django.forms.formsets import BaseFormSet
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from oscar.core.loading import get_model

from tests.catalogue.ocop_dashboard import (
    STEPS,
    Lot,
    lot_data,
    product_edit_data,
    products_of,
    url,
)
from tests.factories import lotless_product
from tests.marketplace.site_map import forms_on, formset_prefixes, staff_pages

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
UserAddress = get_model("address", "UserAddress")

pytestmark = pytest.mark.django_db

# Forms one request may have formsets build (a hostile count builds none where the formset is bounded).
MAX_FORMS = 100
HUGE = "99999999999999999999999999"
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
# Signing in is not the form's doing.
BOOKKEEPING = ("django_session", "axes_")


@contextmanager
def forms_built():
    """Counts, by formset prefix, the forms formsets build meanwhile."""
    built = Counter()
    construct = BaseFormSet._construct_form

    def counting(formset, i, **kwargs):
        built[formset.prefix] += 1
        return construct(formset, i, **kwargs)

    with mock.patch.object(BaseFormSet, "_construct_form", counting):
        yield built


@contextmanager
def writes():
    """The SQL statements that write, other than the session's, run meanwhile."""
    written = []
    with CaptureQueriesContext(connection) as queries:
        yield written
    for query in queries.captured_queries:
        sql = query["sql"].lstrip()
        if sql.upper().startswith(WRITES) and not any(table in sql for table in BOOKKEEPING):
            written.append(sql[:120])


def formset_pages(client, pages):
    """(name, page address, form) of each page holding a formset, its form as the browser has it."""
    found = []
    for name, address in pages:
        response = client.get(address)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in forms_on(response.content.decode()):
            if form["method"] == "post" and formset_prefixes(form):
                found.append((name, address, form))
    return found


def as_posted(form, count):
    """The form's fields as the browser would post them, with every formset's count set to ``count``."""
    data = {}
    for name, value in form["fields"]:
        data.setdefault(name, []).append(count if name.endswith("-TOTAL_FORMS") else value)
    return data


def post_hostile(client, address, form, count):
    """What went wrong posting ``form`` back with ``count`` forms: [] when nothing did."""
    with forms_built() as built, writes() as written:
        response = client.post(urljoin(address, form["action"]), as_posted(form, count))
    problems = []
    if response.status_code >= 500:
        problems.append(f"answered {response.status_code}")
    if sum(built.values()) > MAX_FORMS:
        problems.append(f"built {dict(built)}")
    if written:
        problems.append(f"wrote {written}")
    return [f"{address} with {count[:8]} forms: {problem}" for problem in problems]


ACCOUNTS = {
    "operator": {
        "dashboard:catalogue-product",
        "dashboard:catalogue-product-create",
        "dashboard:catalogue-class-create",
        "dashboard:catalogue-class-update",
        "dashboard:catalogue-attribute-option-group-create",
        "admin:catalogue_product_add",
        "admin:catalogue_product_change",
        "wagtailusers_groups:add",
        "wagtailadmin_workflows:add",
        "wagtailusers_groups:edit",
    },
    "enterprise staff": {"dashboard:ocop-lot-create", "dashboard:catalogue-product"},
}


@pytest.mark.parametrize("account", ACCOUNTS)
def test_no_formset_builds_more_than_a_page_of_forms_whatever_its_count(account, admin_user, vendor1):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user if account == "operator" else vendor1)
    pages = formset_pages(client, staff_pages(vendor1))
    assert ACCOUNTS[account] <= {name for name, _address, _form in pages}

    problems = []
    for _name, address, form in pages:
        for count in (HUGE, "abc"):
            problems += post_hostile(client, address, form, count)
    assert problems == []


# --- The enterprise's lot -------------------------------------------------------------------


@pytest.fixture
def product(vendor1):
    return lotless_product(vendor1)


@pytest.mark.parametrize("prefix", ["steps", "certifications"])
def test_a_lot_posted_with_a_huge_count_of_rows_is_refused_and_nothing_is_saved(
    staff, product, prefix, in_english
):
    data = lot_data(product, steps=STEPS, **{f"{prefix}-TOTAL_FORMS": HUGE})
    with forms_built() as built:
        response = staff.post(url("ocop-lot-create"), data)

    assert response.status_code == 200
    limit = {"steps": 50, "certifications": 20}[prefix]
    assert escape(f"This list takes at most {limit} rows.") in response.content.decode()
    assert built[prefix] == 0
    assert not Lot.objects.filter(product=product).exists()


def test_a_lot_posted_with_a_damaged_count_is_explained_in_english_too(staff, product, in_english):
    response = staff.post(
        url("ocop-lot-create"), lot_data(product, steps=STEPS, **{"steps-TOTAL_FORMS": "abc"})
    )

    assert response.status_code == 200
    assert (
        "This list arrived damaged: please reload the page and enter it again." in response.content.decode()
    )
    assert not Lot.objects.filter(product=product).exists()


def test_a_lot_with_as_many_steps_as_allowed_is_saved(staff, product):
    steps = [(n, f"Bước {n}", "2025-01-03", "Cửa Tùng", "") for n in range(1, 51)]
    response = staff.post(url("ocop-lot-create"), lot_data(product, steps=steps))

    assert response.status_code == 302
    assert Lot.objects.get(product=product).steps.count() == 50


@pytest.mark.parametrize(
    "posted",
    [{f"field{i}": "x" for i in range(1001)}, {"lot_code": "x" * 2_700_000}],
    ids=["more fields than any form has", "a field of megabytes"],
)
def test_a_post_bigger_than_any_form_is_refused_before_it_is_read(staff, product, posted):
    response = staff.post(url("ocop-lot-create"), posted)

    assert response.status_code == 400
    assert not Lot.objects.filter(product=product).exists()


# --- Oscar's product form, as the enterprise uses it ------------------------------------------


def stored(product):
    product.refresh_from_db()
    return (
        product.title,
        product.date_updated,
        list(product.stockrecords.values()),
        list(product.primary_recommendations.values()),
    )


@pytest.mark.parametrize("count", ["abc", "", "-", HUGE])
def test_a_damaged_stock_record_count_on_the_product_form_is_explained(staff, vendor1, count):
    product = products_of(vendor1).first()
    before = stored(product)
    data = product_edit_data(product, title="Đổi tên", **{"stockrecords-TOTAL_FORMS": count})

    response = staff.post(reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}), data)

    assert response.status_code == 200
    assert response.context["stockrecord_formset"].non_form_errors()
    assert stored(product) == before


@pytest.mark.parametrize("choice", ["abc", "1.5", "99999999999999999999", "-"])
def test_a_recommendation_that_is_not_a_product_id_is_refused(staff, vendor1, choice):
    product = products_of(vendor1).first()
    before = stored(product)
    data = product_edit_data(
        product,
        title="Đổi tên",
        **{
            "primary_recommendations-TOTAL_FORMS": 1,
            "primary_recommendations-0-recommendation": choice,
            "primary_recommendations-0-ranking": 1,
        },
    )

    response = staff.post(reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}), data)

    assert response.status_code == 200
    assert response.context["recommended_formset"].forms[0].errors["recommendation"]
    assert stored(product) == before


def test_a_product_type_posted_with_a_huge_count_of_attributes_is_refused(client, admin_user):
    client.force_login(admin_user)
    product_class = ProductClass.objects.order_by("pk").first()
    data = {
        "name": "Đổi tên",
        "requires_shipping": "on",
        "track_stock": "on",
        "attributes-TOTAL_FORMS": HUGE,
        "attributes-INITIAL_FORMS": 0,
    }
    with forms_built() as built:
        response = client.post(
            reverse("dashboard:catalogue-class-update", kwargs={"pk": product_class.pk}), data
        )

    assert response.status_code == 200
    assert response.context["attributes_formset"].non_form_errors()
    assert built["attributes"] <= MAX_FORMS
    product_class.refresh_from_db()
    assert product_class.name != "Đổi tên"


# --- Django admin -------------------------------------------------------------------------------


def test_an_admin_inline_posted_with_a_huge_count_is_refused(client, admin_user):
    client.force_login(admin_user)
    data = {
        "structure": "standalone",
        "title": "Sản phẩm mới",
        "product_class": ProductClass.objects.order_by("pk").first().pk,
        "attribute_values-TOTAL_FORMS": HUGE,
        "attribute_values-INITIAL_FORMS": 0,
        "productcategory_set-TOTAL_FORMS": 0,
        "productcategory_set-INITIAL_FORMS": 0,
        "primary_recommendations-TOTAL_FORMS": 0,
        "primary_recommendations-INITIAL_FORMS": 0,
    }
    with forms_built() as built:
        response = client.post(reverse("admin:catalogue_product_add"), data)

    assert response.status_code == 200
    assert built["attribute_values"] <= MAX_FORMS
    assert not Product.objects.filter(title="Sản phẩm mới").exists()


def test_an_address_posted_without_its_owner_in_admin_is_explained(client, admin_user):
    client.force_login(admin_user)
    response = client.post(reverse("admin:address_useraddress_add"), {"line1": "12 Lê Lợi"})

    assert response.status_code == 200
    assert "user" in response.context["adminform"].form.errors
    assert not UserAddress.objects.filter(line1="12 Lê Lợi").exists()


@pytest.mark.parametrize("model", ["productrecord", "userrecord", "usersearch", "userproductview"])
@pytest.mark.parametrize("typed", ["abc", "99999999999999999999", "1\x00"])
def test_an_id_that_cannot_be_one_on_an_analytics_admin_form_is_explained(client, admin_user, model, typed):
    client.force_login(admin_user)
    response = client.post(reverse(f"admin:analytics_{model}_add"), {"user": typed, "product": typed})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors


# --- The shopper's basket ---------------------------------------------------------------------


@pytest.fixture
def basket_lines(client, shopper):
    """Two lines of the shopper's basket, two of each product."""
    Basket = get_model("basket", "Basket")
    client.force_login(shopper)
    for product in Product.objects.browsable().filter(stockrecords__num_in_stock__gt=2).order_by("pk")[:2]:
        client.post(reverse("basket:add", args=[product.pk]), {"quantity": 2})
    return list(Basket.open.get(owner=shopper).lines.order_by("pk"))


def test_a_basket_posted_with_a_huge_count_of_lines_builds_none_and_keeps_the_basket(client, basket_lines):
    with forms_built() as built:
        response = client.post(reverse("basket:summary"), {"form-TOTAL_FORMS": HUGE, "form-INITIAL_FORMS": 2})

    assert response.status_code < 500
    assert sum(built.values()) == 0
    for line in basket_lines:
        line.refresh_from_db()
        assert line.quantity == 2


def test_a_line_removed_in_a_post_without_the_lists_bounds_is_removed(client, basket_lines):
    removed, kept = basket_lines
    data = {
        "form-TOTAL_FORMS": 2,
        "form-INITIAL_FORMS": 2,
        "form-0-id": removed.pk,
        "form-0-quantity": 0,
        "form-1-id": kept.pk,
        "form-1-quantity": "nhiều",  # refused: the page is shown again, without the removed line
    }
    response = client.post(reverse("basket:summary"), data)

    assert response.status_code == 200
    assert not type(removed).objects.filter(pk=removed.pk).exists()
    kept.refresh_from_db()
    assert kept.quantity == 2
