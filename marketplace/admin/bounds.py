"""Django admin pages that build a bounded number of forms and never fail on a typed id.

Admin inlines accept up to ``max_num`` + 1,000 forms (Django's ceiling), and an
autocomplete field rendered a refused "abc" by querying for it (a 500 on
/admin/analytics/…/add/). Every registered ModelAdmin, Oscar's included, is registered
again at start-up as a subclass that bounds its inlines (marketplace.formsets) and checks
the ids its autocomplete fields look up.
"""

from django.contrib.admin import widgets

from marketplace.formsets import BoundedFormSet
from marketplace.pickers import PossibleIdsOnly

# Forms one inline may build (an order's lines, a product's attributes).
INLINE_ROWS = 50


class AutocompleteSelect(PossibleIdsOnly, widgets.AutocompleteSelect):
    pass


class AutocompleteSelectMultiple(PossibleIdsOnly, widgets.AutocompleteSelectMultiple):
    pass


class PossibleIdsAutocomplete:
    """Autocomplete fields (ModelAdmin and inlines) with the widgets above, as Django would set them."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class BoundedInline(PossibleIdsAutocomplete):
    def get_formset(self, request, obj=None, **kwargs):
        max_num = self.get_max_num(request, obj)
        formset = kwargs.pop("formset", self.formset)
        kwargs.update(
            formset=type(formset.__name__, (BoundedFormSet, formset), {}),
            max_num=INLINE_ROWS if max_num is None else min(max_num, INLINE_ROWS),
            absolute_max=INLINE_ROWS,
        )
        return super().get_formset(request, obj, **kwargs)


class BoundedModelAdmin(PossibleIdsAutocomplete):
    pass


def bounded_admin(admin_class):
    inlines = [
        type(inline.__name__, (BoundedInline, inline), {"__module__": inline.__module__})
        for inline in admin_class.inlines
    ]
    attrs = {"inlines": inlines, "__module__": admin_class.__module__}
    return type(admin_class.__name__, (BoundedModelAdmin, admin_class), attrs)


def bound_site(site):
    """Registers every model of ``site`` again with its ModelAdmin bounded."""
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, BoundedModelAdmin):
            continue
        site.unregister(model)
        site.register(model, bounded_admin(type(model_admin)))
