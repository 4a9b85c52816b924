"""Every page says where it may load from (Content-Security-Policy) and loads only from this site;
production tells browsers to come back over HTTPS only (HSTS)."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from cms.models import HomePage
from marketplace.security.csp import stripe_sources
from tests.checkout.conftest import Checkout
from tests.factories import add_to_basket, enterprise_of, place_order, stocked_product
from tests.marketplace.test_settings import STRONG_SECRET, run

Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")

pytestmark = pytest.mark.django_db

LOCALSTRIPE_JS = "http://127.0.0.1:8420/js.stripe.com/v3/"
SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}


class Page(HTMLParser):
    """What a browser would load for a page, and the scripts it would run."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.assets = []  # (tag, URL) of scripts, style sheets, fonts, icons, images and frames
        self.inline_scripts = []  # the attributes of each <script> without src that would run
        self.handlers = []  # on...= attributes
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.handlers += [f"<{tag} {name}=...>" for name in attrs if name.startswith("on")]
        if tag == "script":
            if attrs.get("src"):
                self.assets.append((tag, attrs["src"]))
            elif (attrs.get("type") or "").lower() in SCRIPT_TYPES:
                self.inline_scripts.append(attrs)
        elif tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower()
            if {"stylesheet", "icon", "preload", "modulepreload", "manifest"} & set(rel.split()):
                self.assets.append((tag, attrs["href"]))
        elif tag in ("img", "iframe", "source", "embed", "object") and (
            attrs.get("src") or attrs.get("data")
        ):
            self.assets.append((tag, attrs.get("src") or attrs.get("data")))

    handle_startendtag = handle_starttag

    def elsewhere(self, allowed=()):
        """The assets from another origin than the page's, except from ``allowed`` origins."""
        found = []
        for tag, url in self.assets:
            parts = urlsplit(url)
            origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
            if parts.netloc and parts.netloc != "testserver" and origin not in allowed:
                found.append((tag, url))
        return found


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy", "")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def a_product():
    return Product.objects.browsable().order_by("pk").first()


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def basket_with_a_product(client, vendor):
    add_to_basket(client, stocked_product(enterprise_of(vendor), stock=5))
    return client


@pytest.fixture
def operator(admin_user):
    return admin_user


# page name -> (the account that opens it, or None, and how to reach it)
PAGES = {
    "home": (None, lambda: "/"),
    "catalogue": (None, lambda: reverse("catalogue:index")),
    "product": (None, lambda: a_product().get_absolute_url()),
    "search": (None, lambda: reverse("search:search") + "?q=mắm"),
    "basket": (None, lambda: reverse("basket:summary")),
    "enterprises": (None, lambda: reverse("enterprises:list")),
    "storefront": (
        None,
        lambda: reverse("enterprises:detail", kwargs={"slug": Partner.objects.approved().first().slug}),
    ),
    "login": (None, lambda: reverse("customer:login")),
    "account orders": ("shopper", lambda: reverse("customer:order-list")),
    "dashboard as operator": ("operator", lambda: reverse("dashboard:index")),
    "dashboard orders": ("operator", lambda: reverse("dashboard:order-list")),
    "dashboard products as vendor": ("vendor1", lambda: reverse("dashboard:catalogue-product-list")),
    "dashboard as vendor": ("vendor1", lambda: reverse("dashboard:index")),
    "product editor as vendor": (
        "vendor1",
        lambda: reverse(
            "dashboard:catalogue-product",
            kwargs={
                "pk": Product.objects.filter(stockrecords__partner__users__email="vendor1@demo.vn")[0].pk
            },
        ),
    ),
    "wagtail admin": ("editor", lambda: "/cms/"),
    "wagtail page editor": ("editor", lambda: f"/cms/pages/{HomePage.objects.get().pk}/edit/"),
    "django admin": ("operator", lambda: "/admin/"),
}


def assert_served_from_this_site(response, allowed=()):
    assert response.status_code == 200
    page = Page(response.content.decode())
    assert page.elsewhere(allowed) == []
    directives = policy(response)
    path = response.request["PATH_INFO"]
    if not path.startswith("/cms/"):  # Wagtail's editor: see marketplace.security.csp
        assert "'unsafe-inline'" not in directives["script-src"]
        assert page.handlers == []
        nonces = {f"'nonce-{script.get('nonce')}'" for script in page.inline_scripts}
        assert nonces <= set(directives["script-src"]), "an inline script without the page's nonce"
    return page, directives


@pytest.mark.parametrize("name", PAGES)
def test_main_pages_load_everything_from_this_site_under_a_policy(name, request):
    account, url = PAGES[name]
    client = signed_in(request.getfixturevalue(account)) if account else Client()
    response = client.get(url(), follow=False)
    assert_served_from_this_site(response)


def test_the_checkout_pages_load_everything_from_this_site(vendor1):
    browser = basket_with_a_product(Client(), vendor1)
    assert_served_from_this_site(browser.get(reverse("basket:summary")))
    checkout = Checkout(browser, email="khach@example.vn").start()
    assert_served_from_this_site(browser.get(reverse("checkout:shipping-address")))
    assert checkout.address().status_code == 302
    assert checkout.delivery().status_code == 302
    assert_served_from_this_site(browser.get(reverse("checkout:payment-method")))
    assert checkout.pay_by("card").status_code == 302
    assert_served_from_this_site(checkout.preview())


def test_the_policy_keeps_a_storefront_page_to_this_site(client):
    directives = policy(client.get("/"))
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"][0] == "'self'"
    assert [source for source in directives["script-src"][1:] if not source.startswith("'nonce-")] == []
    assert directives["connect-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_each_response_gets_a_fresh_nonce_that_its_inline_script_carries(client):
    first, second = client.get("/"), client.get("/")
    nonces = [
        [source for source in policy(response)["script-src"] if source.startswith("'nonce-")]
        for response in (first, second)
    ]
    assert len(nonces[0]) == len(nonces[1]) == 1
    assert nonces[0] != nonces[1]
    assert f'nonce="{nonces[0][0][7:-1]}"' in first.content.decode()


def test_jquery_is_oscars_own_copy_not_a_cdns(client):
    html = client.get(reverse("basket:summary")).content.decode()
    assert "/static/oscar/js/jquery/jquery.min.js" in html
    assert "googleapis" not in html


def test_the_card_page_lets_in_the_configured_stripe_js_and_no_other_page_does(settings, shopper):
    settings.STRIPE_JS_URL = LOCALSTRIPE_JS
    order = place_order(shopper, gateway="card")
    browser = signed_in(shopper)
    card_page = browser.get(reverse("payment:card", kwargs={"number": order.number}))

    page, directives = assert_served_from_this_site(card_page, allowed={"http://127.0.0.1:8420"})
    assert ("script", LOCALSTRIPE_JS) in page.assets
    for directive in ("script-src", "connect-src", "frame-src"):
        assert "http://127.0.0.1:8420" in directives[directive]
    assert "http://127.0.0.1:8420" not in policy(browser.get(reverse("basket:summary")))["script-src"]


def test_the_real_stripe_js_gets_the_origins_stripe_documents():
    sources = stripe_sources("https://js.stripe.com/v3/")
    assert "https://js.stripe.com" in sources["script-src"]
    assert {"https://js.stripe.com", "https://hooks.stripe.com"} <= set(sources["frame-src"])
    assert sources["connect-src"] == ["https://api.stripe.com"]


def test_only_wagtails_editor_may_run_inline_scripts(editor):
    editor_client = signed_in(editor)
    cms = policy(editor_client.get("/cms/"))
    assert "'unsafe-inline'" in cms["script-src"]
    assert not [source for source in cms["script-src"] if source.startswith("'nonce-")]
    assert cms["frame-ancestors"] == ["'self'"]  # its page previews are framed by the editor
    assert cms["object-src"] == ["'none'"]
    for path in ("/", "/admin/login/", reverse("dashboard:index")):
        assert "'unsafe-inline'" not in policy(editor_client.get(path))["script-src"]


def test_the_wagtail_admin_calls_no_other_site(editor):
    html = signed_in(editor).get("/cms/").content.decode()
    assert "gravatar.com" not in html
    assert "releases.wagtail.org" not in html


def test_production_keeps_browsers_on_https_for_a_year_with_subdomains():
    result = run(
        "import django; django.setup(); from django.conf import settings; from django.test import Client;"
        " print(settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_INCLUDE_SUBDOMAINS,"
        " settings.SECURE_HSTS_PRELOAD);"
        " response = Client().get('/healthz', secure=True);"
        " print(response['Strict-Transport-Security']);"
        " print(response['Content-Security-Policy'])",
        SECRET_KEY=STRONG_SECRET,
    )
    assert result.returncode == 0, result.stderr
    values, hsts, csp = result.stdout.splitlines()[-3:]
    assert values == "31536000 True False"
    assert hsts == "max-age=31536000; includeSubDomains"
    assert re.search(r"(^|; )default-src 'self'(;|$)", csp)


def test_hsts_preload_is_a_choice_of_the_deployment():
    result = run(
        "import django; django.setup(); from django.conf import settings;"
        " print(settings.SECURE_HSTS_SECONDS, settings.SECURE_HSTS_PRELOAD)",
        SECRET_KEY=STRONG_SECRET,
        SECURE_HSTS_SECONDS="63072000",
        SECURE_HSTS_PRELOAD="true",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["63072000", "True"]
