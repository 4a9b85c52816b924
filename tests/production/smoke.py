"""The production rehearsal's checks, run by .ci/rehearse against the real processes it started.

    python -m tests.production.smoke shop BASE_URL MAILBOX
    python -m tests.production.smoke decide BASE_URL ENTERPRISE_PK
    python -m tests.production.smoke wait-mail MAILBOX ADDRESS SUBJECT_PART [SECONDS]
    python -m tests.production.smoke never-500 BASE_URL

It talks to the site only over HTTP(S), as a shopper, a reviewer or a load balancer would:
the proxy's self-signed certificate is accepted, nothing else is trusted. Each check
prints what it saw; any failure exits non-zero with the reason.
"""

import json
import mailbox
import re
import sys
import time
from email.header import decode_header, make_header

import requests
import urllib3
from playwright.sync_api import sync_playwright

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.browser.steps import order_from_address

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)

REVIEWER = ("reviewer@demo.vn", "demo-ocop-2026")
GUEST = "khach.tham.du@example.vn"


def check(condition, what):
    if not condition:
        sys.exit(f"FAILED: {what}")
    print(f"ok: {what}")


def get(url, **kwargs):
    return requests.get(url, verify=False, timeout=30, allow_redirects=False, **kwargs)


def browser_page(playwright, base_url):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    context = browser.new_context(base_url=base_url, ignore_https_errors=True, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    return browser, page


# --- What a shopper sees -----------------------------------------------------------------------


def shop(base_url, mailbox_path):
    home = get(base_url + "/")
    check(home.status_code == 200, f"home page answers 200 through the proxy (got {home.status_code})")
    check("Welcome to your new Wagtail site" not in home.text, "home page is the province's, not Wagtail's")
    check(home.headers.get("Content-Encoding") == "gzip", "the home page's HTML is compressed")
    check(bool(home.headers.get("X-Request-ID")), "the response names its request id")
    policy = home.headers.get("Content-Security-Policy", "")
    check("default-src 'self'" in policy, "the home page carries a Content-Security-Policy")
    hsts = home.headers.get("Strict-Transport-Security", "")
    check("includeSubDomains" in hsts, f"browsers are told to keep to HTTPS, subdomains too ({hsts})")

    catalogue = get(base_url + "/catalogue/")
    images = re.findall(r'<img[^>]+src="(/media/[^"]+)"', catalogue.text)
    check(bool(images), f"the catalogue shows {len(images)} product images")
    image = get(base_url + images[0])
    check(
        image.status_code == 200 and image.headers["Content-Type"].startswith("image/"),
        f"a product image is served by the proxy ({images[0]}: {image.status_code})",
    )
    check("max-age" in image.headers.get("Cache-Control", ""), "media carry cache headers")
    static = re.search(r'href="(/static/[^"]+\.css)"', home.text)
    check(
        static and get(base_url + static.group(1)).status_code == 200, "a stylesheet is served by the proxy"
    )
    private = get(base_url + "/media/private/enterprise-documents/anything.pdf")
    check(private.status_code in (403, 404), f"private papers are refused ({private.status_code})")

    ready = get(base_url + "/readyz")
    check(ready.status_code == 200, f"/readyz answers 200: {ready.text}")
    checks = json.loads(ready.text)["checks"]
    check(all(item["ok"] for item in checks.values()), f"every readiness check is ok: {sorted(checks)}")

    number = place_cash_on_delivery_order(base_url)
    wait_mail(mailbox_path, GUEST, number)  # the shopper's confirmation
    wait_mail(mailbox_path, "", number, others_than=GUEST)  # the enterprise's parcel


def place_cash_on_delivery_order(base_url):
    """A guest buys one product and pays cash on delivery; returns the order number."""
    with sync_playwright() as playwright:
        browser, page = browser_page(playwright, base_url)
        page.goto("/catalogue/")
        page.locator(".product_pod a").first.click()
        page.wait_for_load_state()
        page.locator("#add_to_basket_form button[type=submit]").click()
        page.wait_for_load_state()
        page.goto("/checkout/")
        page.fill("#id_username", GUEST)
        page.locator("input[name=options][value=anonymous]").check(force=True)
        page.locator("form:has(#id_username) button[type=submit]").click()
        page.wait_for_url(re.compile(r"/checkout/shipping-address/"))
        order_from_address(page, "cod")
        page.wait_for_url(re.compile(r"/checkout/thank-you/"))
        text = page.locator("main, #content_inner, body").first.inner_text()
        number = re.search(r"\b(\d{6,})\b", text).group(1)
        browser.close()
    print(f"ok: order {number} placed, cash on delivery")
    return number


# --- What a reviewer sees ----------------------------------------------------------------------


def decide(base_url, enterprise_pk):
    """The reviewer approves an application; the answer must come at once, whatever is down."""
    with sync_playwright() as playwright:
        browser, page = browser_page(playwright, base_url)
        page.goto("/accounts/login/")
        page.fill("#id_login-username", REVIEWER[0])
        page.fill("#id_login-password", REVIEWER[1])
        page.locator("button[name=login_submit]").click()
        page.wait_for_load_state()
        page.goto(f"/dashboard/enterprises/{enterprise_pk}/")
        started = time.monotonic()
        page.locator("button[name=to_status][value=approved]").click()
        page.wait_for_load_state()
        took = time.monotonic() - started
        check("/dashboard/enterprises/" in page.url, f"the decision page answered ({page.url})")
        browser.close()
    print(f"decision answered in {took * 1000:.0f} ms")
    check(took < 2, "the decision answers at once, whatever the mail server and the broker do")


# --- Mail --------------------------------------------------------------------------------------


def wait_mail(mailbox_path, address, subject_part, seconds=90, others_than=None):
    """Wait for a mail to ``address`` (or to anyone but ``others_than``) mentioning ``subject_part``."""
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        for message in mailbox.Maildir(mailbox_path, factory=None, create=False):
            to = (message["To"] or "").lower()
            subject = str(make_header(decode_header(message["Subject"] or "")))
            text = subject + message.as_string()
            addressed = address.lower() in to and not (others_than and others_than.lower() in to)
            if addressed and subject_part in text:
                print(f"ok: mail to {message['To']} arrived: {subject}")
                return
        time.sleep(1)
    sys.exit(
        f"FAILED: no mail to {address or 'an enterprise'} mentioning {subject_part!r} within {seconds} s"
    )


# --- Search down -------------------------------------------------------------------------------


def never_500(base_url):
    """With the search cluster unreachable, shoppers' pages answer 200 or 503, never 500."""
    paths = [
        "/",
        "/catalogue/",
        "/search/?q=mat+ong",
        "/search/?q=nuoc+mam&stars=4",
        "/search/suggest/?q=mat",
    ]
    https = {"X-Forwarded-Proto": "https"}  # straight to gunicorn, as the proxy would ask
    listing = get(base_url + "/enterprises/", headers=https)
    links = re.findall(r'href="(/enterprises/[a-z0-9-]+/)"', listing.text)
    storefronts = [link for link in links if link not in ("/enterprises/apply/", "/enterprises/profile/")]
    check(len(storefronts) >= 2, f"the storefront list links {len(storefronts)} storefronts")
    paths += storefronts[:2] + ["/enterprises/"]
    for path in paths:
        status = get(base_url + path, headers=https).status_code
        check(status in (200, 503), f"{path} answers {status} with the search cluster down")


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    {
        "shop": lambda: shop(args[0], args[1]),
        "decide": lambda: decide(args[0], args[1]),
        "wait-mail": lambda: wait_mail(*args),
        "never-500": lambda: never_500(args[0]),
    }[command]()
