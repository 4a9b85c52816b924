"""Catalogue browsing, search and autocomplete, all answered by the search service."""

import re
from dataclasses import replace
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from marketplace.text import fold

from .categories import CategoryTree
from .forms import SearchForm
from .query import MAX_QUERY_LENGTH, Facet, Sort
from .refinements import Refinements, query_url
from .services import search_products, suggest

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
Province = get_model("places", "Province")
Commune = get_model("places", "Commune")

NEARBY_CATEGORIES = 6
MAX_WORD_TRIES = 3  # extra searches a no-results page may make to find the closest matches


def page_query(form, categories, category, per_page):
    """The :class:`ProductQuery` of a results page, for the views and for ``search.warming``.

    The form's filters, and the page's own ``category`` (a pk, or None) unless
    the shopper chose others; every category brings its descendants.
    """
    chosen = form.value(Facet.CATEGORY, ()) or ((category,) if category else ())
    return form.product_query(category_ids=categories.with_descendants(chosen), per_page=per_page)


class ProductListView(TemplateView):
    """A page of products chosen by the query string; subclasses may fix a category.

    Whatever the query string holds, the page answers 200: values it cannot use
    are dropped and named in ``notices``. The number of SQL queries does not grow
    with the number of hits (tests/search/test_pages.py holds it to a bound).
    """

    template_name = "oscar/catalogue/browse.html"
    per_page = 24
    summary = gettext_lazy("All products")
    category = None  # a category page's own category

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        self.form.is_valid()  # every field has a safe default; errors only drop the bad value
        self.categories = CategoryTree(include_hidden=bool(self.category and not self.category.is_public))
        offered = self.categories.nodes
        if self.category:
            offered = [pk for pk, node in offered.items() if CategoryTree.is_below(node, self.category)]
        self.form.drop(Facet.CATEGORY, keep=offered)
        return super().get(request, *args, **kwargs)

    def build_query(self, **overrides):
        query = page_query(self.form, self.categories, self.category and self.category.pk, self.per_page)
        return replace(query, **overrides) if overrides else query

    def get_context_data(self, **kwargs):
        query = self.build_query()
        results = search_products(query)
        refinements = Refinements(
            self.form, results, self.categories, within=self.category, labels=self.fallback_labels(results)
        )
        pairs = self.form.parameters()
        notices = list(self.form.notices)
        if query.page > results.page.number:
            notices.append(
                _("There is no page %(asked)s; this is the last page.") % {"asked": self.form.value("page")}
            )
        context = super().get_context_data(
            form=self.form,
            results=results,
            products=results.products,
            page_obj=results.page,
            paginator=results.paginator,
            query=self.form.value("q", ""),  # as typed: former place names leave query.text
            summary=self.summary,
            notices=notices,
            old_places=self.form.old_places(),
            facet_groups=refinements.groups(),
            chips=refinements.chips(),
            clear_filters_url=refinements.without_filters(),
            sort_choices=Sort.CHOICES,
            sort_by=query.sort,
            kept_for_sort=[pair for pair in pairs if pair[0] != "sort_by"],
            kept_for_price=[pair for pair in pairs if pair[0] not in ("price", "price_min", "price_max")],
            page_query=urlencode(pairs),
            **kwargs,
        )
        if not results.total:
            context.update(self.help_for_no_results(query, results, refinements))
        return context

    def fallback_labels(self, results):
        """Names for selected provinces, communes and enterprises the backend's facets did not list.

        At most one query per kind, and only when something selected is missing.
        """
        sources = {
            Facet.PROVINCE: (Province.objects, "code"),
            Facet.COMMUNE: (Commune.objects, "code"),
            Facet.ENTERPRISE: (Partner.objects.approved(), "pk"),
        }
        labels = {}
        for name, (objects, key) in sources.items():
            listed = {str(value.value) for value in (results.facets or {}).get(name, [])}
            missing = [value for value in self.form.value(name, ()) if str(value) not in listed]
            if missing:
                for key_value, label in objects.filter(**{f"{key}__in": missing}).values_list(key, "name"):
                    labels[(name, str(key_value))] = label
        for place in self.form.old_places():  # chosen with ?old=: already loaded
            for unit in place.units:
                labels[("old", unit.code)] = _("%(name)s (former)") % {"name": unit.short_name}
        return labels

    def help_for_no_results(self, query, results, refinements):
        """What a page with no hits offers instead: the folded words, fewer filters, nearby categories."""
        typed = self.form.value("q", "")
        understood = results.understood or " ".join(re.findall(r"\w+", fold(typed)))
        sort = [pair for pair in self.form.parameters() if pair[0] == "sort_by"]
        offers = {"nearby_categories": [], "relaxed_total": 0, "word_links": []}
        if understood and understood != typed:
            offers["understood_url"] = query_url([("q", understood)] + sort)
            offers["understood"] = understood
        relaxed = None
        if refinements.chips():
            relaxed = search_products(self.build_query(**self.unfiltered(), page=1, per_page=1))
            offers["relaxed_total"] = relaxed.total
        words = query.words
        if len(words) > 1 and not (relaxed and relaxed.total):
            # The closest matches: one word alone (longest first, a few tries), with the same filters.
            for word in sorted(set(words), key=len, reverse=True)[:MAX_WORD_TRIES]:
                closest = search_products(self.build_query(text=word, page=1, per_page=1))
                if closest.total:
                    offers["word_links"] = [(w, query_url(self.replace_text(w))) for w in words]
                    relaxed = closest
                    break
        offers["nearby_categories"] = self.nearby_categories(relaxed)
        return offers

    def unfiltered(self):
        return {
            "province_codes": (),
            "commune_codes": self.form.place_filter()[1] if self.form.old_places() else (),
            "enterprise_ids": (),
            "badges": (),
            "min_stars": None,
            "price_min": None,
            "price_max": None,
            "in_stock": False,
            "category_ids": self.categories.with_descendants((self.category.pk,)) if self.category else (),
        }

    def replace_text(self, text):
        return [("q", text)] + [pair for pair in self.form.parameters() if pair[0] != "q"]

    def nearby_categories(self, relaxed):
        """The categories holding the closest matches, or else the OCOP sectors."""
        counted = []
        if relaxed is not None:
            for value in (relaxed.facets or {}).get(Facet.CATEGORY, []):
                node = self.categories.get(value.value)
                if node and value.count and node.depth > 1 and node != self.category:
                    counted.append((value.count, node))
        if counted:
            counted.sort(key=lambda pair: (-pair[0], pair[1].path))
            return [node for _count, node in counted[:NEARBY_CATEGORIES]]
        return [node for node in self.categories.roots() if node.pk != getattr(self.category, "pk", None)]


class CatalogueView(ProductListView):
    """All products: Oscar's catalogue index."""


class ProductCategoryView(ProductListView):
    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            return redirect("catalogue:index")
        if request.path != self.category.get_absolute_url():
            target = self.category.get_absolute_url()
            if request.META.get("QUERY_STRING"):
                target += "?" + request.META["QUERY_STRING"]
            return redirect(target, permanent=True)
        return super().get(request, *args, **kwargs)

    @property
    def summary(self):
        return self.category.name

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category, category_ancestors=self.categories.ancestors(self.category), **kwargs
        )


class SearchView(ProductListView):
    template_name = "search/results.html"
    summary = gettext_lazy("Search")


class SuggestView(View):
    """Autocomplete for the header search box: ``?q=mat o`` -> ``{"suggestions": [{"title", "url"}]}``.

    Cheap to ask on every keystroke: the text is cut to a sane length, nothing is
    asked of the backend for fewer than two letters, and answers may be cached briefly.
    """

    MIN_LETTERS = 2
    DEFAULT_LIMIT = 8
    MAX_LIMIT = 10
    MAX_AGE = 60

    def get(self, request):
        typed = "".join(ch for ch in request.GET.get("q", "") if ch.isprintable())  # no NUL for the database
        text = " ".join(typed.split())[:MAX_QUERY_LENGTH]
        suggestions = []
        if sum(ch.isalnum() for ch in text) >= self.MIN_LETTERS:
            suggestions = [
                {"title": suggestion.title, "url": suggestion.url}
                for suggestion in suggest(text, limit=self.limit(request))
            ]
        response = JsonResponse({"suggestions": suggestions})
        patch_cache_control(response, public=True, max_age=self.MAX_AGE)
        return response

    def limit(self, request):
        try:
            return max(1, min(int(request.GET.get("limit", self.DEFAULT_LIMIT)), self.MAX_LIMIT))
        except (TypeError, ValueError):
            return self.DEFAULT_LIMIT
