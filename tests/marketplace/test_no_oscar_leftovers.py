"""The marketplace speaks in its own name: no page a shopper or an enterprise reaches says "Oscar",
the dashboard carries the marketplace's name, and no menu opens an empty page."""

import re

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories import enterprise_of, place_order
from tests.visible_text import visible_texts

Range = get_model("offer", "Range")
Condition = get_model("offer", "Condition")
Benefit = get_model("offer", "Benefit")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Product = get_model("catalogue", "Product")

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def says_oscar(html):
    """The visible text and the title that name Oscar."""
    title = TITLE.search(html)
    texts = visible_texts(html) + ([title.group(1)] if title else [])
    return [text for text in texts if "oscar" in text.lower()]


def shopper_pages(shopper):
    product = Product.objects.browsable().order_by("pk").first()
    enterprise = next(r.partner for r in product.stockrecords.all() if r.partner.is_approved)
    order = place_order(shopper, confirm=True)
    return [
        "/",
        reverse("catalogue:index"),
        product.get_absolute_url(),
        reverse("search:search") + "?q=mat+ong",
        reverse("search:search") + "?q=zzqxv",
        reverse("enterprises:list"),
        reverse("enterprises:detail", kwargs={"slug": enterprise.slug}),
        reverse("basket:summary"),
        reverse("offer:list"),
        reverse("customer:summary"),
        reverse("customer:order-list"),
        reverse("customer:order", kwargs={"order_number": order.number}),
        reverse("customer:wishlists-list"),
        reverse("customer:notifications-inbox"),
    ]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_no_page_a_shopper_reaches_says_oscar(client, shopper, language, request):
    if language == "en":
        request.getfixturevalue("in_english")
    client.force_login(shopper)
    for address in shopper_pages(shopper):
        response = client.get(address, follow=True)
        assert response.status_code == 200, address
        assert says_oscar(response.content.decode()) == [], address


def test_no_dashboard_page_an_enterprise_reaches_says_oscar(staff, vendor1):
    product = Product.objects.filter(stockrecords__partner=enterprise_of(vendor1)).first()
    for address in [
        reverse("dashboard:index"),
        reverse("dashboard:catalogue-product-list"),
        reverse("dashboard:catalogue-product", kwargs={"pk": product.pk}),
        reverse("dashboard:order-list"),
    ]:
        response = staff.get(address, follow=True)
        assert response.status_code == 200, address
        assert says_oscar(response.content.decode()) == [], address


def test_the_dashboard_carries_the_marketplaces_name_not_oscars_logo(staff, settings):
    html = staff.get(reverse("dashboard:index")).content.decode()
    brand = html[html.index('class="navbar-brand dashboard-brand"') :]
    assert settings.OSCAR_SHOP_NAME in brand[: brand.index("</a>")]
    assert "/static/css/dashboard-brand.css" in html


def offers_link(client):
    return f'href="{reverse("offer:list")}"' in client.get(reverse("catalogue:index")).content.decode()


def test_the_offers_menu_is_hidden_while_no_offer_runs_and_shown_with_one(
    client, django_capture_on_commit_callbacks
):
    assert not offers_link(client)
    with django_capture_on_commit_callbacks(execute=True):
        everything = Range.objects.create(name="Mọi sản phẩm", includes_all_products=True)
        ConditionalOffer.objects.create(
            name="Giảm 10% dịp Tết",
            offer_type=ConditionalOffer.SITE,
            condition=Condition.objects.create(range=everything, type=Condition.COUNT, value=1),
            benefit=Benefit.objects.create(range=everything, type=Benefit.PERCENTAGE, value=10),
        )
    assert offers_link(client)
