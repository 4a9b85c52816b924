"""What shoppers open, as requests: the pages of issue 17's budget on the generated catalogue.

Sample pages are picked from the database (a product with a lot, the first sector, the first
enterprise's storefront); the baskets and the signed-in shopper are made once through the
site itself, by its add-to-basket and login forms, and their cookies replayed.
"""

import html
import itertools
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.demo import bench
from marketplace.operations.bootstrap import REVIEWERS_GROUP

from .load import Client, Request

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")

SHOPPER_EMAIL = "bench-shopper@example.com"
SHOPPER_PASSWORD = "bench-shopper-password-2026"
REVIEWER_EMAIL = "bench-reviewer@example.com"
REVIEWER_PASSWORD = "bench-reviewer-password-2026"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TWO_FILTERS = {"q": "mat ong", "province": bench.HOME_PROVINCE, "badge": "verified-origin"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


class SetupFailed(Exception):
    """A basket or a sign-in could not be made through the site; the message says where."""


@dataclass
class Scenario:
    name: str
    path: str  # may hold "{n}": a new value for every request
    cookies: dict = field(default_factory=dict)
    counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def requests(self, count):
        if "{n}" not in self.path:
            return [Request(self.path, self.cookies)] * count
        return [Request(self.path.format(n=next(self.counter)), self.cookies) for _ in range(count)]


def build(host, port):
    """Every scenario, in the order they are run and printed."""
    product = _showcase_product()
    sector = Category.objects.filter(depth=1).order_by("path").first()
    enterprise = Partner.objects.approved().order_by("pk").first()
    search = reverse("search:search")
    lines = _products_of_distinct_enterprises(12)
    return [
        Scenario("home", "/"),
        Scenario("catalogue", reverse("catalogue:index")),
        Scenario("category", sector.get_absolute_url()),
        Scenario("product page", product.get_absolute_url()),
        Scenario("search", f"{search}?{urlencode({'q': 'mat ong'})}"),
        Scenario("search, two filters", f"{search}?{urlencode(TWO_FILTERS)}"),
        Scenario("search, new filter each", f"{search}?q=tra&price_min={{n}}000"),
        Scenario("storefront", reverse("enterprises:detail", kwargs={"slug": enterprise.slug})),
        Scenario("autocomplete", f"{reverse('search:suggest')}?{urlencode({'q': 'mat o'})}"),
        Scenario("basket, 3 lines", reverse("basket:summary"), basket(host, port, lines[:3])),
        Scenario("basket, 12 enterprises", reverse("basket:summary"), basket(host, port, lines)),
        Scenario("product page, signed in", product.get_absolute_url(), signed_in(host, port)),
        Scenario("province console", reverse("dashboard:province-console"), signed_in_reviewer(host, port)),
    ]


def _showcase_product():
    """A product showing everything a product page can: in stock, with a published lot."""
    browsable = Product.objects.filter(is_public=True, stockrecords__num_in_stock__gt=0).order_by("pk")
    return browsable.filter(lots__isnull=False).first() or browsable.first()


def _products_of_distinct_enterprises(count):
    products, enterprises = [], set()
    stock = (
        StockRecord.objects.filter(num_in_stock__gte=5, product__is_public=True)
        .select_related("product")
        .order_by("pk")
    )
    for record in stock.iterator(chunk_size=500):
        if record.partner_id not in enterprises:
            enterprises.add(record.partner_id)
            products.append(record.product)
            if len(products) == count:
                return products
    raise SetupFailed(f"the catalogue has fewer than {count} enterprises with products in stock")


def _csrf_token(client, body):
    match = CSRF_INPUT.search(body.decode("utf-8", "replace"))
    if match:
        return html.unescape(match.group(1))
    raise SetupFailed("no CSRF token in the page")


def basket(host, port, products):
    """The cookies of an anonymous basket holding one unit of each product, added through the site."""
    client = Client(host, port)
    try:
        for product in products:
            status, _headers, body = client.request("GET", product.get_absolute_url())
            token = _csrf_token(client, body)
            data = urlencode({"csrfmiddlewaretoken": token, "quantity": 1})
            path = reverse("basket:add", kwargs={"pk": product.pk})
            status, _headers, _body = client.request("POST", path, body=data, headers=FORM)
            if status != 302:
                raise SetupFailed(f"adding {product} to a basket answered {status}")
        status, _headers, body = client.request("GET", reverse("basket:summary"))
        page = body.decode("utf-8", "replace")
        missing = [product for product in products if product.get_absolute_url() not in page]
        if status != 200 or missing:
            raise SetupFailed(f"the basket page ({status}) lacks {', '.join(map(str, missing))}")
        return dict(client.cookies)
    finally:
        client.close()


def signed_in(host, port, email=SHOPPER_EMAIL, password=SHOPPER_PASSWORD):
    """The cookies of a shopper signed in through the login form (the shopper is made if missing)."""
    users = get_user_model()
    shopper = users.objects.filter(email=email).first() or users(
        username=email, email=email, first_name="Bench"
    )
    # Hashed as production checks it: this process may run with a test hasher the site does not know.
    hasher = PBKDF2PasswordHasher()
    shopper.password = hasher.encode(password, hasher.salt())
    shopper.save()
    client = Client(host, port)
    try:
        login = reverse("customer:login")
        _status, _headers, body = client.request("GET", login)
        data = urlencode(
            {
                "csrfmiddlewaretoken": _csrf_token(client, body),
                "login-username": email,
                "login-password": password,
                "login_submit": "1",
            }
        )
        status, _headers, _body = client.request("POST", login, body=data, headers=FORM)
        account, _headers, _body = client.request("GET", reverse("customer:profile-view"))
        if status != 302 or account != 200:
            raise SetupFailed(f"signing in answered {status}, the account page {account}")
        return dict(client.cookies)
    finally:
        client.close()


def signed_in_reviewer(host, port):
    """The cookies of a Department reviewer (in bootstrap's reviewers group) signed in the same way."""
    cookies = signed_in(host, port, REVIEWER_EMAIL, REVIEWER_PASSWORD)
    reviewer = get_user_model().objects.get(email=REVIEWER_EMAIL)
    reviewer.groups.add(Group.objects.get(name=REVIEWERS_GROUP))
    return cookies
