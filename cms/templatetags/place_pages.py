"""Place pages in templates: ``{% place_cards place_products as cards %}`` renders a place's
product cards (specialties and the page's others at once); ``{% places_of story as places %}``
are the live place pages a story is about."""

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def place_cards(context, place_products):
    """{"specialties": [...], "others": [...]}: each product's card HTML, with the page's CSRF field."""
    specialties, others = place_products.cards(CsrfTokenNode().render(context))
    return {
        "specialties": [mark_safe(html) for html in specialties],
        "others": [mark_safe(html) for html in others],
    }


@register.simple_tag
def places_of(story):
    """The live, public place pages of the communes the story is tagged with, by title (one query)."""
    from cms.place_pages import PlacePage
    from cms.private_pages import public

    return list(public(PlacePage.objects.live().filter(commune__stories=story)).order_by("title"))


@register.simple_tag
def place_page_url(commune):
    """The address of the commune's live public place page, or "" (kept under the content revision:
    a product page links its origin without a query)."""
    if commune is None:
        return ""
    from django.conf import settings
    from django.utils import translation

    from marketplace import content_revision

    language = translation.get_language() or settings.LANGUAGE_CODE
    return content_revision.kept(f"cms-place-urls:{language}", lambda: place_urls(language)).get(
        commune.pk, ""
    )


def place_urls(language):
    """{commune id: its place page's address}, in ``language`` when translated, else the original."""
    from cms.place_pages import PlacePage
    from cms.private_pages import public

    urls, originals = {}, {}
    for page in public(PlacePage.objects.live()).select_related("locale"):
        target = urls if page.locale.language_code == language else originals
        target.setdefault(page.commune_id, page.get_url())
    return originals | urls
