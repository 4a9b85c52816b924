from django.contrib import admin
from oscar.apps.catalogue import admin as oscar_admin
from oscar.apps.catalogue.admin import *
from treebeard.forms import MoveNodeForm, movenodeform_factory

from .category_tree import OneTreeChangeAtATime


class CategoryTreeForm(OneTreeChangeAtATime, MoveNodeForm):
    pass


class CategoryAdmin(oscar_admin.CategoryAdmin):
    """Oscar's, saving one change of the category tree at a time (catalogue.category_tree)."""

    form = movenodeform_factory(oscar_admin.Category, form=CategoryTreeForm)


admin.site.unregister(oscar_admin.Category)
admin.site.register(oscar_admin.Category, CategoryAdmin)
