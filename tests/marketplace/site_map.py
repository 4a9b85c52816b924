"""The staff pages the URL map offers, each at a sample address, and the forms those pages hold.

The sweeps walk ``get_resolver()`` rather than a hand-written list, so a page
added later is swept too. An address needing ids is filled from the demo
province (vendor1's own records where a page is the enterprise's, else the first
record of the page's model); a page whose ids cannot be filled is left out.
"""

import re
from html.parser import HTMLParser

from django.contrib import admin
from django.db.models import Model
from django.urls import URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from oscar.core.loading import get_model
from wagtail.models import Page

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
Lot = get_model("catalogue", "Lot")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Order = get_model("order", "Order")

STAFF_AREAS = ("dashboard/", "admin/", "cms/", "enterprises/")
# Pages that act on GET or leave the session: opening them is not "looking at a form".
NOT_PAGES = re.compile(r"(logout|delete|unlink|/link/|csv|qr\.|download|preview|/serve/|usage|history)")


def routes(patterns=None, prefix="", namespace=""):
    """(route text, namespaced name, pattern) for every URL pattern, resolvers flattened."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif pattern.name:
            yield prefix + str(pattern.pattern).lstrip("^").rstrip("$"), namespace + pattern.name, pattern


def view_model(pattern):
    """The model a page shows, as its view (or Wagtail's viewset) says."""
    callback = pattern.callback
    view = getattr(callback, "view_class", None)
    return getattr(callback, "view_initkwargs", {}).get("model") or getattr(view, "model", None)


def sample_objects(vendor):
    """Ids of records a vendor and the operator may both open: the vendor's own where it matters."""
    own_products = Product.objects.filter(stockrecords__partner__users=vendor).order_by("pk")
    home = Page.objects.filter(depth=2).first()
    draft = Lot.objects.filter(product__in=own_products, status=Lot.Status.DRAFT).order_by("pk").first()
    certificate = OcopCertificate.objects.filter(enterprise__users=vendor).order_by("pk").first()
    by_name = {
        "dashboard:catalogue-product": {"pk": own_products.filter(parent=None).first().pk},
        "dashboard:catalogue-product-create": {"product_class_slug": ProductClass.objects.first().slug},
        "dashboard:ocop-lot-update": {"pk": draft.pk} if draft else None,
        "dashboard:ocop-certificate-update": {"pk": certificate.pk} if certificate else None,
    }
    parent = Product.objects.filter(structure=Product.PARENT).first()
    order = Order.objects.order_by("pk").first()
    by_key = {
        "page_id": home.pk,
        "parent_page_id": home.pk,
        "parent_pk": parent.pk if parent else None,
        "number": order.number if order else None,
        "order_number": order.number if order else None,
    }
    return by_name, by_key


def first_pk(model):
    if not (isinstance(model, type) and issubclass(model, Model)):
        return None
    obj = model._default_manager.order_by("pk").first()
    return obj.pk if obj else None


def admin_model(name):
    """The model behind an admin page named ``admin:<app>_<model>_<action>``."""
    for model in admin.site._registry:
        if name.startswith(f"admin:{model._meta.app_label}_{model._meta.model_name}_"):
            return model
    return None


def sample_address(name, pattern, samples):
    """The page's address with its ids filled, or None when they cannot be."""
    by_name, by_key = samples
    keys = list(pattern.pattern.converters) or list(pattern.pattern.regex.groupindex)
    if name in by_name:
        kwargs = by_name[name]
    else:
        model = admin_model(name) if name.startswith("admin:") else view_model(pattern)
        kwargs = {}
        for key in keys:
            value = by_key.get(key)
            if value is None and key in ("pk", "object_id"):
                value = first_pk(model)
            kwargs[key] = value
    if kwargs is None or any(kwargs.get(key) is None for key in keys):
        return None
    try:
        return reverse(name, kwargs={key: kwargs[key] for key in keys})
    except NoReverseMatch:
        return None


def staff_pages(vendor):
    """(name, address) of every staff page that can be opened, one address per pattern."""
    samples = sample_objects(vendor)
    pages, seen = [], set()
    for route, name, pattern in routes():
        if not route.startswith(STAFF_AREAS) or NOT_PAGES.search(route) or NOT_PAGES.search(name):
            continue
        if name.startswith("admin:") and not name.endswith(("_add", "_change", "_changelist")):
            continue
        address = sample_address(name, pattern, samples)
        if address and address not in seen:
            seen.add(address)
            pages.append((name, address))
    return pages


class FormReader(HTMLParser):
    """The forms of a page as the browser would post them: (action, method, [(name, value)])."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self._form, self._select, self._textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {
                "action": attrs.get("action") or "",
                "method": (attrs.get("method") or "get").lower(),
            }
            self._form["fields"] = []
            self.forms.append(self._form)
        elif self._form is None or "name" not in attrs or "disabled" in attrs:
            return
        elif tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._form["fields"].append(
                (attrs["name"], attrs.get("value", "on" if kind == "checkbox" else ""))
            )
        elif tag == "select":
            self._select = {
                "name": attrs["name"],
                "first": None,
                "chosen": [],
                "multiple": "multiple" in attrs,
            }
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["chosen"].append(value)
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            chosen = self._select["chosen"]
            if not chosen and not self._select["multiple"] and self._select["first"] is not None:
                chosen = [self._select["first"]]
            self._form["fields"].extend((self._select["name"], value) for value in chosen)
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._form["fields"].append(tuple(self._textarea))
            self._textarea = None


def forms_on(html):
    reader = FormReader()
    reader.feed(html)
    return reader.forms


def formset_prefixes(form):
    return [name.removesuffix("-TOTAL_FORMS") for name, _ in form["fields"] if name.endswith("-TOTAL_FORMS")]
