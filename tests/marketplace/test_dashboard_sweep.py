"""No sort, filter or page parameter of a dashboard list makes a 500, whoever types it.

Every dashboard page of the URL map is opened as the operator and as an enterprise's
staff; each link a page offers to itself (its sort headers, its pages) is followed, and
each parameter a list reads (its filter form's fields, its links' parameters, the usual
sort and page names) is sent hostile values one at a time. The NUL byte only fails on
PostgreSQL: run this module there too (DATABASE_URL=postgres://…).
"""

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from tests.marketplace.site_map import forms_on, staff_pages

pytestmark = pytest.mark.django_db

HOSTILE = ["ab\x00cd", "x" * 2000, "-1", "99999999999999999999999999", "checkbox"]
# Parameters a list may read without showing them on the page.
USUAL = ("page", "sort", "per_page")
HREF = re.compile(r'href="([^"]*)"')


def links_to_itself(path, html):
    """The page's own links that carry parameters: its sort headers, its pages, its filters."""
    links = set()
    for href in HREF.findall(html):
        parts = urlsplit(href.replace("&amp;", "&"))
        if parts.query and parts.path in ("", path):
            links.add(f"{path}?{parts.query}")
    return sorted(links)


def parameters_read_by(name, path, html):
    """The filter form's fields and the page's own links' parameters; none: not a list."""
    names = set(USUAL) if name.endswith(("-list", "index")) else set()
    for form in forms_on(html):
        if form["method"] == "get" and urlsplit(form["action"]).path in ("", path):
            names |= {name for name, _value in form["fields"]}
    for link in links_to_itself(path, html):
        names |= {name for name, _value in parse_qsl(urlsplit(link).query, keep_blank_values=True)}
    return sorted(names | set(USUAL)) if names else []


def hostile_addresses(name, address, html):
    path = urlsplit(address).path
    tried = links_to_itself(path, html)
    for parameter in parameters_read_by(name, path, html):
        tried += [f"{path}?{urlencode({parameter: value})}" for value in HOSTILE]
    return tried


def sweep(client, pages):
    """(address, status) of each answer of 500 or more."""
    failures = []
    for name, address in pages:
        response = client.get(address)
        if response.status_code >= 500:
            failures.append((address, response.status_code))
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for hostile in hostile_addresses(name, address, response.content.decode()):
            status = client.get(hostile).status_code
            if status >= 500:
                failures.append((hostile[:120], status))
    return failures


def dashboard_pages(vendor):
    return [
        (name, address)
        for name, address in staff_pages(vendor)
        if name.startswith(("dashboard:", "enterprises:"))
    ]


@pytest.mark.parametrize("account", ["operator", "enterprise staff"])
def test_no_list_parameter_makes_a_500(account, admin_user, vendor1):
    client = Client(raise_request_exception=False)
    client.force_login(admin_user if account == "operator" else vendor1)
    assert sweep(client, dashboard_pages(vendor1)) == []


# --- What the sweep found ----------------------------------------------------------------------


@pytest.fixture
def operator(client, admin_user):
    client.force_login(admin_user)
    return client


def test_sorting_the_products_by_their_checkbox_column_shows_the_list(operator):
    products = reverse("dashboard:catalogue-product-list")
    assert "sort=checkbox" not in operator.get(products).content.decode()  # no such sort link now

    response = operator.get(products + "?sort=checkbox")

    assert response.status_code == 200
    assert len(response.context["products"].page.object_list) > 0


def test_every_sort_link_of_the_dashboard_lists_opens(operator):
    for name in ("catalogue-product-list", "catalogue-category-list", "users-index"):
        address = reverse(f"dashboard:{name}")
        page = operator.get(address).content.decode()
        sorts = [link for link in links_to_itself(address, page) if "sort=" in link]
        assert sorts, name
        for link in sorts:
            assert operator.get(link).status_code == 200, link


@pytest.mark.parametrize("per_page", ["-1", "0", "abc", "100000"])
def test_a_list_shows_at_most_a_hundred_rows_whatever_per_page_says(operator, per_page):
    response = operator.get(reverse("dashboard:catalogue-product-list"), {"per_page": per_page})

    assert response.status_code == 200
    assert 0 < len(response.context["products"].page.object_list) <= 100


@pytest.mark.parametrize("page", ["-1", "0", "abc", "99999999999999999999"])
def test_a_page_number_out_of_range_shows_a_page_of_the_list(operator, page):
    response = operator.get(reverse("dashboard:catalogue-product-list"), {"page": page})

    assert response.status_code == 200
    assert response.context["products"].page.object_list


# --- NUL bytes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "/dashboard/orders/?order_number=ab%00cd",
        "/dashboard/catalogue/stock-alerts/?status=%00",
        "/dashboard/orders/ab%00cd/",
        "/khong-co-trang-nay%00/",
        "/admin/catalogue/product/?q=%00",
    ],
)
def test_an_address_with_a_nul_byte_is_refused_with_a_clear_message(operator, address):
    response = operator.get(address)

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_the_nul_byte_message_is_in_english_for_english_readers(operator, in_english):
    response = operator.get("/dashboard/orders/?order_number=ab%00cd")

    assert response.status_code == 400
    assert response.content.decode() == "This address contains invalid characters."


@pytest.mark.parametrize("query", [{"q": "nước mắm Phú Quốc"}, {"q": "100% cá cơm"}, {"q": "a\tb"}])
def test_addresses_without_nul_bytes_are_answered_as_before(client, query):
    assert client.get(reverse("search:search"), query).status_code == 200
