"""Wagtail choosers for the verified facts a story is built on: enterprises, lots, places of origin.

Each lists only what may be shown to shoppers when chosen; a block checks again when it renders,
since an enterprise may be suspended or a product hidden after the story is written.
"""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.viewsets.chooser import ChooserViewSet

from places.models import Commune


class EnterpriseChooserViewSet(ChooserViewSet):
    model = get_model("partner", "Partner")
    icon = "group"
    choose_one_text = _("Choose an enterprise")
    choose_another_text = _("Choose another enterprise")
    edit_item_text = _("Edit this enterprise")
    form_fields = []  # enterprises apply and are approved in the shop, not here

    def get_object_list(self):
        return self.model.objects.approved().order_by("name")


class LotChooserViewSet(ChooserViewSet):
    model = get_model("catalogue", "Lot")
    icon = "list-ol"
    choose_one_text = _("Choose a traceable lot")
    choose_another_text = _("Choose another lot")
    edit_item_text = _("Edit this lot")
    form_fields = []

    def get_object_list(self):
        Product = get_model("catalogue", "Product")
        return (
            self.model.objects.filter(
                status=self.model.Status.PUBLISHED, product__in=Product.objects.browsable()
            )
            .select_related("product")
            .order_by("product__title", "lot_code", "-revision")
        )


class OriginCommuneChooserViewSet(ChooserViewSet):
    model = Commune
    icon = "site"
    choose_one_text = _("Choose a commune of origin")
    choose_another_text = _("Choose another commune")
    edit_item_text = _("Edit this commune")
    form_fields = []

    def get_object_list(self):
        return Commune.objects.filter(province__code=settings.MARKETPLACE_PROVINCE_CODE).select_related(
            "province"
        )


enterprise_chooser_viewset = EnterpriseChooserViewSet("enterprise_chooser")
lot_chooser_viewset = LotChooserViewSet("lot_chooser")
origin_commune_chooser_viewset = OriginCommuneChooserViewSet("origin_commune_chooser")
