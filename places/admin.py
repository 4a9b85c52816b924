from django.contrib import admin

from .models import Commune, LegacySuccessor, LegacyUnit, Province


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "division_type", "data_version")
    search_fields = ("name", "code")


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "division_type", "province", "data_version")
    list_filter = ("province", "division_type")
    search_fields = ("name", "code")
    list_select_related = ("province",)


class LegacySuccessorInline(admin.TabularInline):
    model = LegacySuccessor
    raw_id_fields = ("commune",)
    extra = 0


@admin.register(LegacyUnit)
class LegacyUnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "old_province_code", "valid_until")
    list_filter = ("level", "old_province_code")
    search_fields = ("name", "code", "search_name")
    inlines = [LegacySuccessorInline]
