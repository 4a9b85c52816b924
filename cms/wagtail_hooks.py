from wagtail import hooks

from .choosers import category_chooser_viewset
from .fact_choosers import enterprise_chooser_viewset, lot_chooser_viewset, origin_commune_chooser_viewset


@hooks.register("register_admin_viewset")
def register_category_chooser():
    return category_chooser_viewset


@hooks.register("register_admin_viewset")
def register_fact_choosers():
    return [enterprise_chooser_viewset, lot_chooser_viewset, origin_commune_chooser_viewset]
