from django.contrib import admin
from oscar.apps.shipping.admin import *
from oscar.core.loading import get_model

ShippingRate = get_model("shipping", "ShippingRate")


@admin.register(ShippingRate)
class ShippingRateAdmin(admin.ModelAdmin):
    list_display = ["name", "enterprise", "kind", "charge", "charge_per_extra_kg", "free_above", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "enterprise__name"]
