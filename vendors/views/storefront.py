"""The list of the province's approved enterprises, narrowed by commune and kind.

Each enterprise's own storefront page lists its products through the search service, so it is
served by ``search.storefront_views`` (vendors does not depend on search).
"""

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from places.models import Commune

from ..models import EnterpriseKind
from ..storefronts import products_on_sale, storefronts

ENTERPRISES_PER_PAGE = 24


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
