from django.contrib import admin

from .models import OfficerTitle


@admin.register(OfficerTitle)
class OfficerTitleAdmin(admin.ModelAdmin):
    """The Department names each reviewer's unit and role here; public evidence shows them, not the name."""

    list_display = ["user", "unit", "role"]
    search_fields = ["user__email", "unit", "role"]
    raw_id_fields = ["user"]


from oscar.apps.partner.admin import *  # noqa: E402
