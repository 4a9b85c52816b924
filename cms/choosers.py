"""Wagtail choosers for the shop's own models, so editors pick them in blocks."""

from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail.admin.viewsets.chooser import ChooserViewSet


class CategoryChooserViewSet(ChooserViewSet):
    model = get_model("catalogue", "Category")
    icon = "folder-open-inverse"
    choose_one_text = _("Choose a category")
    choose_another_text = _("Choose another category")
    edit_item_text = _("Edit this category")
    form_fields = []  # categories are managed in the shop dashboard, not here


category_chooser_viewset = CategoryChooserViewSet("category_chooser")
