from django.contrib import admin

from .models import IncomingTransfer, StatementImport


@admin.register(IncomingTransfer)
class IncomingTransferAdmin(admin.ModelAdmin):
    """Credits the bank reported: for looking up; the operator settles them in the dashboard."""

    list_display = ("transaction_id", "amount", "credited_at", "channel", "state", "problem", "order")
    list_filter = ("state", "problem", "channel")
    search_fields = ("transaction_id", "description", "order__number")
    raw_id_fields = ("order", "statement", "settled_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(StatementImport)
class StatementImportAdmin(admin.ModelAdmin):
    list_display = ("filename", "imported_by", "imported_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
