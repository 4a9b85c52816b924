"""Each language has its own addresses: Vietnamese at the root, English under /en/ (issue 19)."""

import pytest
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.page_cache.middleware import SERVED_HEADER

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db


def a_product():
    return Product.objects.browsable().order_by("pk").first()


def english(path):
    return f"/en{path}"


def vietnamese(page):
    """A page's Vietnamese address (a request leaves its language active in the test's thread)."""
    with translation.override("vi"):
        return PAGES[page]()


PAGES = {
    "home": lambda: "/",
    "product": lambda: a_product().get_absolute_url(),
    "category": lambda: Category.objects.filter(depth=2).first().get_absolute_url(),
    "storefront": lambda: reverse(
        "enterprises:detail", kwargs={"slug": Partner.objects.approved().first().slug}
    ),
    "story": lambda: "/cau-chuyen/",
}


@pytest.mark.parametrize("page", ["home", "product"])
def test_english_addresses_answer_in_english(client, page):
    path = vietnamese(page)
    response = client.get(english(path))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en"' in html
    assert response["Content-Language"] == "en"
    assert "Search" in html and "Tìm kiếm" not in html


@pytest.mark.parametrize("page", ["home", "product"])
def test_root_addresses_answer_in_vietnamese_even_for_english_browsers(client, page):
    response = client.get(vietnamese(page), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="vi"' in html
    assert response["Content-Language"] == "vi"
    assert "Tìm kiếm" in html


def test_addresses_made_in_english_are_under_en():
    with translation.override("en"):
        assert reverse("catalogue:index") == "/en/catalogue/"
        assert a_product().get_absolute_url().startswith("/en/catalogue/")
    with translation.override("vi"):
        assert reverse("catalogue:index") == "/catalogue/"


def test_a_visitor_who_chose_english_is_sent_from_an_old_link_to_the_english_page(client):
    client.cookies["language"] = "en"
    path = vietnamese("product")
    response = client.get(f"{path}?utm=qr")
    assert response.status_code == 302
    assert response["Location"] == english(f"{path}?utm=qr")
    assert "Cookie" in response["Vary"]


def test_a_form_sent_to_a_vietnamese_address_is_never_redirected(client):
    client.cookies["language"] = "en"
    response = client.post(reverse("customer:login"), {"login_submit": "1"})
    assert response.status_code == 200  # the form again, with its errors: the post was not lost


def test_admin_areas_are_not_language_prefixed(client):
    client.cookies["language"] = "en"
    assert client.get("/healthz").status_code == 200
    assert client.get("/en/healthz/").status_code == 404
    assert client.get("/cms/").status_code == 302  # to Wagtail's sign-in, not to /en/
    assert not client.get("/cms/")["Location"].startswith("/en/")


def test_the_switcher_takes_the_visitor_to_the_same_page_in_the_other_language(client):
    path = vietnamese("product")
    html = client.get(path).content.decode()
    assert 'action="/i18n/setlang/"' in html
    assert f'name="next" type="hidden" value="{path}"' in html

    to_english = client.post(reverse("set_language"), {"language": "en", "next": path})
    assert to_english["Location"] == english(path)
    assert client.cookies["language"].value == "en"
    assert '<html lang="en"' in client.get(to_english["Location"]).content.decode()

    html = client.get(english(path)).content.decode()
    assert f'name="next" type="hidden" value="{path}"' in html  # the language-neutral path
    to_vietnamese = client.post(reverse("set_language"), {"language": "vi", "next": path})
    assert to_vietnamese["Location"] == path
    assert client.cookies["language"].value == "vi"
    assert '<html lang="vi"' in client.get(path).content.decode()


def test_the_switcher_works_on_content_pages(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/cau-chuyen/"})
    assert response["Location"] == "/en/cau-chuyen/"


@pytest.mark.parametrize("page", PAGES)
def test_every_public_page_names_its_twin_in_each_language(client, page):
    path = vietnamese(page)
    for address in (path, english(path)):
        html = client.get(address).content.decode()
        assert f'<link rel="alternate" hreflang="vi" href="http://testserver{path}" />' in html
        assert f'<link rel="alternate" hreflang="en" href="http://testserver{english(path)}" />' in html
        assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{path}" />' in html


def test_stripes_webhook_answers_at_its_registered_address_without_redirect(client, settings):
    settings.STRIPE_WEBHOOK_SECRET = "whsec_test"
    client.cookies["language"] = "en"
    response = client.post(
        "/checkout/stripe/webhook/", b"{}", content_type="application/json", HTTP_STRIPE_SIGNATURE="bad"
    )
    assert response.status_code == 400  # refused for its signature, answered here
    with translation.override("vi"):
        assert reverse("payment:stripe-webhook") == "/checkout/stripe/webhook/"


def test_the_page_cache_never_serves_one_language_for_the_other(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    path = vietnamese("product")
    for _ in range(2):
        vietnamese_page = client.get(path)
        assert '<html lang="vi"' in vietnamese_page.content.decode()
        english_page = client.get(english(path))
        assert '<html lang="en"' in english_page.content.decode()
    assert vietnamese_page[SERVED_HEADER] == english_page[SERVED_HEADER] == "hit"
