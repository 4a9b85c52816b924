"""Public storefronts: the province's approved enterprises and what each of them sells.

Only approved enterprises are shown. Each storefront publishes the seller
information the Law on E-commerce (122/2025/QH15) requires a platform to show.
"""

import re

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, TemplateView

from marketplace.places.models import Commune
from search.query import ProductQuery
from search.services import search_products
from search.views import page_number

from ..models import EnterpriseKind, Partner

ENTERPRISES_PER_PAGE = 24
PERSONAL_ID = re.compile(r"\d{12}")
VISIBLE_ID_DIGITS = 3


def storefronts():
    """Approved enterprises that can be linked to (a storefront is addressed by its slug)."""
    return Partner.objects.approved().exclude(slug=None).exclude(slug="")


def products_on_sale():
    """How many browsable products an enterprise stocks, counted in the listing's own query."""
    public = Q(stockrecords__product__is_public=True, stockrecords__product__parent=None)
    return Count("stockrecords__product", filter=public, distinct=True)


def public_tax_code(tax_code):
    """A household's 12-digit personal ID is personal data: show only its last digits."""
    if PERSONAL_ID.fullmatch(tax_code):
        hidden = len(tax_code) - VISIBLE_ID_DIGITS
        return "•" * hidden + tax_code[hidden:]
    return tax_code


class CommuneField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name  # every storefront is in the one province: no need to repeat it


class EnterpriseFilterForm(forms.Form):
    commune = CommuneField(
        queryset=Commune.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All communes and wards"),
        label=_("Commune or ward"),
        widget=forms.Select(attrs={"class": "custom-select"}),
    )
    kind = forms.ChoiceField(
        choices=[("", _("All kinds"))] + EnterpriseKind.choices,
        required=False,
        label=_("Kind"),
        widget=forms.Select(attrs={"class": "custom-select"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only communes where someone sells: the province has dozens more.
        self.fields["commune"].queryset = (
            Commune.objects.filter(enterprises__in=storefronts()).distinct().order_by("name")
        )


class EnterpriseListView(TemplateView):
    """All approved enterprises, by name, narrowed by commune and kind."""

    template_name = "vendors/storefront/list.html"

    def get_context_data(self, **kwargs):
        form = EnterpriseFilterForm(self.request.GET)
        form.is_valid()  # a bad value only drops that filter
        filters = {name: value for name, value in form.cleaned_data.items() if value}
        enterprises = (
            storefronts()
            .filter(**filters)
            .select_related("commune")
            .annotate(products_on_sale=products_on_sale())
            .order_by("name", "pk")
        )
        page = Paginator(enterprises, ENTERPRISES_PER_PAGE).get_page(self.request.GET.get("page"))
        return super().get_context_data(
            form=form,
            filters_ignored=bool(form.errors),
            enterprises=page.object_list,
            page_obj=page,
            paginator=page.paginator,
            **kwargs,
        )


class EnterpriseDetailView(DetailView):
    """One approved enterprise: its story, its legal identity and its products."""

    template_name = "vendors/storefront/detail.html"
    context_object_name = "enterprise"

    def get_queryset(self):
        return storefronts().select_related("commune", "province")

    def get_context_data(self, **kwargs):
        query = ProductQuery(enterprise_ids=(self.object.pk,), page=page_number(self.request))
        results = search_products(query)
        return super().get_context_data(
            tax_code=public_tax_code(self.object.tax_code),
            results=results,
            products=results.products,
            page_obj=results.page,
            paginator=results.paginator,
            **kwargs,
        )
