"""Every main page renders for the role it is for, and is refused to the others."""

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")

pytestmark = pytest.mark.django_db


def a_product():
    return Product.objects.browsable().order_by("pk").first()


PUBLIC_PAGES = {
    "home": lambda: "/",
    "catalogue": lambda: reverse("catalogue:index"),
    "category": lambda: Category.objects.filter(depth=2).first().get_absolute_url(),
    "product": lambda: a_product().get_absolute_url(),
    "basket": lambda: reverse("basket:summary"),
    "search": lambda: reverse("search:search") + "?q=mắm",
    "login": lambda: reverse("customer:login"),
    "stories": lambda: "/cau-chuyen/",
}


@pytest.mark.parametrize("page", PUBLIC_PAGES)
def test_shopper_pages_open_to_everyone(client, page):
    response = client.get(PUBLIC_PAGES[page]())
    assert response.status_code == 200


def test_home_page_is_wagtails_with_province_content(client):
    response = client.get("/")
    html = response.content.decode()
    assert response.templates[0].name == "cms/home_page.html"
    assert "Sản phẩm OCOP và đặc sản Quảng Trị" in html
    assert "Câu chuyện địa phương" in html or "Stories of the province" in html or "Nước mắm" in html


def test_catalogue_lists_demo_products_with_vnd_prices_and_images(client):
    response = client.get(reverse("catalogue:index"))
    html = response.content.decode()
    products = response.context["products"]
    assert len(products) == 24
    assert all(product.get_absolute_url() in html for product in products)
    assert re.search(r"\d{2,3}\.000 ₫", html)
    assert html.count("/media/thumbnails/") >= 24


def test_search_finds_a_product_by_its_words(client):
    product = a_product()
    first_words = " ".join(product.title.split()[:2])
    response = client.get(reverse("search:search"), {"q": first_words})
    assert response.status_code == 200
    assert product in response.context["products"]


@pytest.mark.parametrize("user_fixture", ["vendor1", "reviewer", "admin_user"])
def test_dashboard_opens_for_enterprise_staff_reviewers_and_operators(client, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get(reverse("dashboard:index"), follow=True).status_code == 200  # reviewers: the console


@pytest.mark.parametrize("user_fixture", ["shopper", "editor"])
def test_dashboard_refuses_shoppers_and_editors(client, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    response = client.get(reverse("dashboard:index"))
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "login" in response["Location"]


def test_dashboard_sends_anonymous_visitors_to_login(client):
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_vendor_dashboard_lists_only_its_own_products(client, vendor1):
    client.force_login(vendor1)
    response = client.get(reverse("dashboard:catalogue-product-list"))
    assert response.status_code == 200
    own = set(Product.objects.filter(stockrecords__partner__users=vendor1).values_list("pk", flat=True))
    listed = {row.record.pk for row in response.context["products"].rows}
    assert listed and listed <= own


@pytest.mark.parametrize("user_fixture", ["editor", "admin_user"])
def test_wagtail_admin_opens_for_editors(client, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    assert client.get("/cms/").status_code == 200


@pytest.mark.parametrize("user_fixture", ["shopper", "vendor1", "reviewer"])
def test_wagtail_admin_refuses_other_roles(client, request, user_fixture):
    client.force_login(request.getfixturevalue(user_fixture))
    response = client.get("/cms/")
    assert response.status_code in (302, 403)


def test_django_admin_is_for_operators_only(client, admin_user, vendor1):
    client.force_login(vendor1)
    assert client.get("/admin/").status_code == 302
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200


def test_unknown_page_is_a_friendly_404(client):
    assert client.get("/khong-co-trang-nay/").status_code == 404


def test_search_needs_every_word_and_puts_title_matches_first(client):
    response = client.get(reverse("search:search"), {"q": "nước mắm"})
    products = response.context["products"]
    assert products
    # Both words must be in what a shopper can read about the product: its title, description,
    # categories or its enterprise's name (a fish-sauce maker's anchovies are found too) ...
    for product in products:
        readable = " ".join(
            [product.title, product.description]
            + [category.full_name for category in product.get_categories().all()]
            + [record.partner.name for record in product.stockrecords.all()]
        ).lower()
        assert "nước" in readable and "mắm" in readable
    # ... and titles holding the exact words come first.
    assert "nước mắm" in products[0].title.lower()


@pytest.mark.parametrize("page", [1, 2])
def test_catalogue_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, page):
    client.get(reverse("catalogue:index"))  # warm caches shared by every page
    # Search records, facet counts and labels, then the page's products with their stock,
    # enterprises, images and badge facts, and the category tree: never one per product.
    with django_assert_max_num_queries(24):
        response = client.get(reverse("catalogue:index"), {"page": page})
    assert len(response.context["products"]) == 24
