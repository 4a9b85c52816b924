"""The same page in each language, for ``<link rel="alternate" hreflang>`` in every page's head.

Search engines index the Vietnamese and the English address of a page as one page in two
languages only when each names the other (and the Vietnamese one as ``x-default``, the address
for everyone else). Shop pages have the same path under ``/en/`` (``translate_url``); a Wagtail
page's English address is its translation's when an editor made one, else its Vietnamese path
under ``/en/`` (cms.localized_serve). Installed as the ``i18n_links`` template library.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

register = template.Library()

DEFAULT_LANGUAGE = "x-default"


def alternates(request, page=None):
    """``[(hreflang, absolute URL)]`` of this page in every language, then ``x-default``;
    empty when the address is the same in every language (nothing language-prefixed)."""
    here = request.get_full_path()
    if isinstance(page, Page):
        paths = _page_paths(page, request)
    else:
        paths = {code: translate_url(here, code) for code, _name in settings.LANGUAGES}
    if len(set(paths.values())) < 2:
        return []
    links = [(code, request.build_absolute_uri(path)) for code, path in paths.items()]
    return [*links, (DEFAULT_LANGUAGE, request.build_absolute_uri(paths[settings.LANGUAGE_CODE]))]


def _page_paths(page, request):
    translations = {
        translated.locale.language_code: translated
        for translated in page.get_translations(inclusive=True).live().select_related("locale")
    }
    source = translations.get(settings.LANGUAGE_CODE)
    if source is None:  # an English page without a Vietnamese one: its own path in each language
        shown, shown_in = request.get_full_path(), translation.get_language()
    else:
        shown, shown_in = source.get_url(request), settings.LANGUAGE_CODE
    paths = {}
    for code, _name in settings.LANGUAGES:
        translated = translations.get(code)
        if translated is not None:
            paths[code] = translated.get_url(request)
        else:  # not translated: the Vietnamese page answers at its path in this language
            with translation.override(shown_in):  # a path resolves in its own language
                paths[code] = translate_url(shown, code)
    return paths


@register.simple_tag(takes_context=True)
def language_alternates(context):
    request = context.get("request")
    if request is None:
        return []
    return alternates(request, context.get("page"))
