"""Pages work under the Content-Security-Policy: Chromium blocks nothing they need, from the home
page to paying by card through the stand-in for Stripe.js, and in the dashboards and editors."""

import re

import pytest

from cms.models import HomePage
from tests.browser.steps import pay_by_card, place_order, sign_in
from tests.checkout.conftest import enterprise_of, stocked_product

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def violations(page):
    """What Chromium refused under the policy, as it reports it in the console and to the page."""
    reported = []
    page.on(
        "console",
        lambda message: reported.append(message.text) if "Security Policy" in message.text else None,
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', function (event) {"
        " console.error('Content Security Policy violation: ' + event.violatedDirective + ' '"
        " + event.blockedURI); });"
    )
    return reported


def visit(page, path):
    page.goto(path)
    page.wait_for_load_state("networkidle")


def test_a_shopper_browses_and_pays_by_card_without_a_blocked_script_or_style(
    page, live_server, violations, stripe_settings, shopper, vendor1
):
    sign_in(page, live_server, shopper)
    visit(page, "/")
    visit(page, "/catalogue/")
    visit(page, "/search/?q=mắm")
    product = stocked_product(enterprise_of(vendor1), stock=5)
    visit(page, product.get_absolute_url())
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    visit(page, "/basket/")

    place_order(page, "card")

    page.wait_for_url(re.compile(r"/checkout/pay/[^/]+/$"))
    pay_by_card(page)

    assert violations == []


def test_the_sort_menu_still_sorts_without_an_inline_handler(page, violations):
    visit(page, "/search/?q=mắm")
    page.select_option("#id_sort_by", index=1)
    page.wait_for_url(re.compile(r"sort_by="))
    assert violations == []


def test_dashboards_and_editors_work_without_a_blocked_script(
    page, live_server, violations, admin_user, vendor1, editor
):
    sign_in(page, live_server, admin_user)
    for path in ("/dashboard/", "/dashboard/catalogue/products/", "/dashboard/orders/", "/admin/"):
        visit(page, path)
    sign_in(page, live_server, vendor1)
    product = stocked_product(enterprise_of(vendor1))
    visit(page, f"/dashboard/catalogue/products/{product.pk}/")  # TinyMCE, select2, image fields
    sign_in(page, live_server, editor)
    home = HomePage.objects.get()
    for path in ("/cms/", f"/cms/pages/{home.pk}/edit/", "/cms/documents/", "/cms/documents/multiple/add/"):
        visit(page, path)
    assert violations == []
