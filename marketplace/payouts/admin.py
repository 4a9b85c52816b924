from django.contrib import admin

from .models import CommissionRate, LedgerEntry


@admin.register(CommissionRate)
class CommissionRateAdmin(admin.ModelAdmin):
    """Operators set a category's rate here; the most specific category of a product wins."""

    list_display = ["category", "rate"]
    raw_id_fields = ["category"]


@admin.register(LedgerEntry)
class LedgerEntryAdmin(admin.ModelAdmin):
    """The ledger, to read: rows are posted by parcel moves and payouts, and never edited."""

    list_display = [
        "date",
        "enterprise",
        "kind",
        "parcel",
        "gross",
        "commission",
        "vat_withheld",
        "pit_withheld",
        "net",
        "reference",
    ]
    list_filter = ["kind", "date"]
    search_fields = ["enterprise__name", "parcel__number", "reference"]
    list_select_related = ["enterprise", "parcel"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
