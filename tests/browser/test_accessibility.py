"""Twenty main pages in both languages pass axe-core's WCAG 2.2 AA and best-practice rules.

Issue 20 asks for 0 serious or critical violations. One browser context per language walks the
pages the way a shopper and then an enterprise's staff would (the basket and the checkout need
the steps before them), audits each page once and fails with every finding: the page, the rule,
the elements and what to fix.
"""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from cms.models import EventPage, StoryPage
from cms.place_pages import PlacePage
from tests.browser.steps import address_to_payment_method, choose_payment_method, sign_in
from tests.factories import enterprise_of, stocked_product

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
RULESETS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}
LANGUAGES = {"vi": "", "en": "/en"}

PAGES = [
    "home",
    "search with facets",
    "category",
    "product",
    "product reviews",
    "storefront",
    "enterprises",
    "place page",
    "story",
    "event",
    "sign in or register",
    "basket with items",
    "checkout address",
    "payment method",
    "order preview",
    "order history",
    "wish lists",
    "dashboard home",
    "dashboard product form",
    "dashboard orders",
]


def audit(page):
    """The page's serious and critical axe-core violations."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())  # evaluated by the browser's tools, so the page's CSP allows it
    options = {"runOnly": {"type": "tag", "values": RULESETS}}
    results = page.evaluate("options => axe.run(document, options)", options)
    return [v for v in results["violations"] if v["impact"] in FAILING_IMPACTS]


def described(violation):
    """One violation as a developer fixes it: rule, help, and each element with axe's summary."""
    lines = [f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}"]
    for node in violation["nodes"][:8]:
        summary = node.get("failureSummary", "").replace("\n", " ")
        lines.append(f"    {' '.join(node['target'])}: {summary}")
    if len(violation["nodes"]) > 8:
        lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


class Walk:
    """Opens each main page in one browser context and records what axe finds there."""

    def __init__(self, page, prefix):
        self.page, self.prefix, self.found = page, prefix, {}

    def visit(self, name, path=None):
        """Audits the page at ``path`` (or the one the browser is on); a page that fails to
        open is recorded as that failure, and the walk goes on."""
        if path is not None:
            response = self.page.goto(self.prefix + path)
            if not response.ok:
                self.found[name] = f"{self.prefix + path} answered {response.status}"
                return
        self.page.wait_for_load_state()
        violations = audit(self.page)
        self.found[name] = violations


def walk(browser, live_server, language):
    User = get_user_model()
    shopper, vendor = (User.objects.get(email=e) for e in ("shopper@demo.vn", "vendor1@demo.vn"))
    product = stocked_product(enterprise_of(vendor), stock=10)
    category = Category.objects.filter(depth=1).order_by("path").first()
    enterprise = Partner.objects.approved().exclude(slug=None).order_by("name").first()
    context = browser.new_context(
        base_url=live_server.url, locale="en-US", viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    steps = Walk(page, LANGUAGES[language])
    try:
        shop_and_work(steps, live_server, shopper, vendor, product, category, enterprise)
    except Exception as error:  # the pages not reached say why, instead of walking again
        for name in PAGES:
            steps.found.setdefault(name, f"not reached: {error}")
    finally:
        context.close()
    return steps.found


def shop_and_work(steps, live_server, shopper, vendor, product, category, enterprise):
    """The shopper's pages, the checkout's in order, then the enterprise staff's."""
    page = steps.page
    steps.visit("home", "/")
    steps.visit("search with facets", "/search/?q=mat+ong&stars=4&in_stock=on")
    steps.visit("category", category.get_absolute_url())
    steps.visit("product", product.get_absolute_url())
    steps.visit("product reviews", f"/catalogue/{product.slug}_{product.pk}/reviews/")
    steps.visit("storefront", f"/enterprises/{enterprise.slug}/")
    steps.visit("enterprises", "/enterprises/")
    steps.visit("place page", PlacePage.objects.live().order_by("title").first().url)
    steps.visit("story", StoryPage.objects.live().order_by("pk").first().url)
    steps.visit("event", EventPage.objects.live().order_by("pk").first().url)
    steps.visit("sign in or register", "/accounts/login/")

    sign_in(page, live_server, shopper)
    page.goto(steps.prefix + product.get_absolute_url())
    page.locator("#add_to_basket_form button[type=submit]").click()
    page.wait_for_load_state()
    steps.visit("basket with items", "/basket/")
    steps.visit("checkout address", "/checkout/shipping-address/")
    address_to_payment_method(page)
    steps.visit("payment method")
    choose_payment_method(page, "cod")
    steps.visit("order preview")
    steps.visit("order history", "/accounts/orders/")
    steps.visit("wish lists", "/accounts/wishlists/")

    sign_in(page, live_server, vendor)
    steps.visit("dashboard home", "/dashboard/")
    steps.visit("dashboard product form", f"/dashboard/catalogue/products/{product.pk}/")
    steps.visit("dashboard orders", "/dashboard/orders/")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_main_pages_have_no_serious_or_critical_accessibility_violation(browser, live_server, language):
    found = walk(browser, live_server, language)
    problems = {name: found.get(name, "not reached") for name in PAGES if found.get(name) != []}
    assert not problems, "\n\n".join(
        f"{name} ({language}): {found}"
        if isinstance(found, str)
        else f"{name} ({language}):\n" + "\n".join(described(v) for v in found)
        for name, found in problems.items()
    )
