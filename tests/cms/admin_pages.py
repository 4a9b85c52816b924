"""The Wagtail admin pages an editor works in, each at an address filled from the demo province.

Kept apart from the tests so the share of English can be measured by hand:
``pytest tests/cms/test_admin_vietnamese.py -k wholly -s`` prints it.
"""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from tests.visible_text import catalogue_texts, english_left_in_vietnamese, visible_texts


def admin_addresses():
    """(name, address) of the main admin pages: lists, forms of each page type, settings, reports."""
    home = Page.objects.get(depth=2).specific
    site = Site.objects.get(is_default_site=True)
    addresses = [
        ("dashboard", "/cms/"),
        ("explorer", f"/cms/pages/{home.pk}/"),
        ("explorer root", "/cms/pages/"),
        ("images", "/cms/images/"),
        ("documents", "/cms/documents/"),
        ("snippets", "/cms/snippets/"),
        ("province settings", f"/cms/settings/cms/provincesettings/{site.pk}/"),
        ("users", "/cms/users/"),
        ("groups", "/cms/groups/"),
        ("workflows", "/cms/workflows/list/"),
        ("tasks", "/cms/workflows/tasks/index/"),
        ("locked pages", "/cms/reports/locked/"),
        ("site history", "/cms/reports/site-history/"),
        ("aging pages", "/cms/reports/aging-pages/"),
        ("search", "/cms/pages/search/?q=mam"),
        ("account", "/cms/account/"),
        ("redirects", "/cms/redirects/"),
        ("collections", "/cms/collections/"),
        ("sites", "/cms/sites/"),
    ]
    image = get_image_model().objects.order_by("pk").first()
    if image:
        addresses.append(("image edit", f"/cms/images/{image.pk}/"))
    document = get_document_model().objects.order_by("pk").first()
    if document:
        addresses.append(("document edit", f"/cms/documents/edit/{document.pk}/"))
    seen = set()
    for page in Page.objects.filter(depth__gte=2).specific().order_by("path"):
        kind = type(page)
        if kind in seen:
            continue
        seen.add(kind)
        model = kind._meta
        addresses.append((f"edit {model.model_name}", f"/cms/pages/{page.pk}/edit/"))
        parent = page.get_parent()
        if kind.can_create_at(parent):
            addresses.append(
                (
                    f"create {model.model_name}",
                    f"/cms/pages/add/{model.app_label}/{model.model_name}/{parent.pk}/",
                )
            )
    return addresses


def english_on_admin_pages(client):
    """{page name: English texts}, and the share of catalogue text that is English."""
    found, english, total = {}, 0, 0
    for name, address in admin_addresses():
        response = client.get(address, follow=True)
        assert response.status_code == 200, (name, address, response.status_code)
        texts = visible_texts(response.content.decode())
        left = english_left_in_vietnamese(texts)
        english += len(left)
        total += len(catalogue_texts(texts))
        if left:
            found[name] = left
    return found, english / max(total, 1)
