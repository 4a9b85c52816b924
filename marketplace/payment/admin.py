from django.contrib import admin
from oscar.apps.payment.admin import *

from .models import StripeEvent


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    """The webhook events already handled: for looking up, never for editing."""

    list_display = ("event_id", "type", "date_processed")
    list_filter = ("type",)
    search_fields = ("event_id",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
