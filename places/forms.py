"""A province then one of its communes, as every form that asks for a place asks for them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from .models import Commune, Province


class ProvinceCommuneMixin:
    """The province list, its communes offered in the commune list, and a refusal of a mismatched pair.

    The province starts as the marketplace's own (``MARKETPLACE_PROVINCE_CODE``), where most
    enterprises and shoppers are. The commune list shows the chosen province's communes, but
    validation looks among all communes so that one of another province gets a clear message
    from clean() rather than "not one of the choices". A form whose place fields have other
    names sets ``province_field`` and ``commune_field``; a form without them (a variant product)
    is left as it is.
    """

    province_field = "province"
    commune_field = "commune"
    no_province_prompt = "---------"  # the commune list's empty choice while no province is chosen

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.province_field not in self.fields:
            return
        self.fields[self.province_field].queryset = Province.objects.order_by("name")
        stored = getattr(self.instance, f"{self.province_field}_id", None)
        if not stored and self.province_field not in self.initial:
            self.initial[self.province_field] = Province.objects.filter(
                code=settings.MARKETPLACE_PROVINCE_CODE
            ).first()
        self.offer_communes_of(self.chosen_province())

    def chosen_province(self):
        """The province whose communes are offered: the one posted, else the stored or initial one."""
        value = self.data.get(self.add_prefix(self.province_field)) if self.is_bound else None
        if value is None:
            value = self.initial.get(self.province_field) or getattr(
                self.instance, f"{self.province_field}_id", None
            )
        if isinstance(value, Province):
            return value
        try:
            return Province.objects.filter(pk=int(value)).first()
        except (TypeError, ValueError):
            return None

    def offer_communes_of(self, province):
        field = self.fields[self.commune_field]
        field.queryset = Commune.objects.select_related("province")
        communes = Commune.objects.filter(province=province).order_by("name") if province else []
        empty = "---------" if province else self.no_province_prompt
        field.widget.choices = [("", empty)] + [(commune.pk, commune.name) for commune in communes]

    def clean(self):
        cleaned = super().clean()
        province, commune = cleaned.get(self.province_field), cleaned.get(self.commune_field)
        if province and commune and commune.province_id != province.pk:
            self.add_error(
                self.commune_field,
                ValidationError(
                    gettext("%(commune)s is not in %(province)s: please choose again from the list.")
                    % {"commune": commune.name, "province": province.name},
                    code="commune_not_in_province",
                ),
            )
        return cleaned
