"""Catalogue browsing and search pages, all answered by the search service."""

from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from .forms import SearchForm
from .query import ProductQuery, Sort
from .services import search_products

Category = get_model("catalogue", "Category")


def page_number(request):
    try:
        return max(int(request.GET.get("page", 1)), 1)
    except (TypeError, ValueError):
        return 1


class ProductListView(TemplateView):
    """A page of products chosen by a query; subclasses say which."""

    template_name = "oscar/catalogue/browse.html"

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        self.form.is_valid()  # every field has a safe default; errors only drop the bad value
        return super().get(request, *args, **kwargs)

    def build_query(self):
        return ProductQuery(
            text=self.form.cleaned_data.get("q", ""),
            sort=self.form.cleaned_data.get("sort_by") or Sort.RELEVANCE,
            page=page_number(self.request),
        )

    def get_context_data(self, **kwargs):
        results = search_products(self.build_query())
        return super().get_context_data(
            form=self.form,
            results=results,
            products=results.products,
            page_obj=results.page,
            paginator=results.paginator,
            query=results.query.text,
            **kwargs,
        )


class CatalogueView(ProductListView):
    def get_context_data(self, **kwargs):
        return super().get_context_data(summary=_("All products"), **kwargs)


class ProductCategoryView(ProductListView):
    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            return redirect("catalogue:index")
        if request.path != self.category.get_absolute_url():
            return redirect(self.category.get_absolute_url(), permanent=True)
        return super().get(request, *args, **kwargs)

    def build_query(self):
        query = super().build_query()
        ids = tuple(self.category.get_descendants_and_self().values_list("pk", flat=True))
        return ProductQuery(text=query.text, sort=query.sort, page=query.page, category_ids=ids)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, summary=self.category.name, **kwargs)


class SearchView(ProductListView):
    template_name = "oscar/search/results.html"
