"""Language selection: the address says it, ``/en/…`` English, every other one Vietnamese.

Each language has its own addresses (``i18n_patterns`` in marketplace.urls) so search engines
index both. Django's LocaleMiddleware would also follow the browser's Accept-Language header,
and most visitors with English-language browsers would never see the Vietnamese pages the
province publishes: here the header is ignored. The language cookie (set by the switcher) sends
a visitor who chose English from an old Vietnamese address to its English twin, and chooses the
language of the addresses that have no twin (the admin areas).
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers

REDIRECTED_METHODS = ("GET", "HEAD")  # a form's POST is never sent elsewhere


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        twin, language = self.chosen_language(request, language)
        # Active until the next request on this thread: a streamed answer is written after this.
        translation.activate(language)
        request.LANGUAGE_CODE = language
        if twin is not None and request.method in REDIRECTED_METHODS:
            response = HttpResponseRedirect(twin)
        else:
            response = self.get_response(request)
        # The answer depends on the cookie: caches must not give it to others, nor skip it.
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response

    def chosen_language(self, request, language):
        """``(twin, language)``: where a visitor who chose another language than the address's
        finds the page in it (``None`` if the address has no twin), and the language to answer in.

        Only unprefixed addresses defer to the cookie: a page with an English twin is sent there,
        an address with none (Wagtail's and Django's admin, /i18n/) answers in the chosen language.
        """
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language != settings.LANGUAGE_CODE or chosen == language or chosen not in self.languages:
            return None, language
        here = request.get_full_path()
        twin = translate_url(here, chosen)
        return (twin, language) if twin != here else (None, chosen)
