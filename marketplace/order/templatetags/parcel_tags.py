"""Parcels on the shopper's order pages (Oscar's customer views, not forked: the templates ask here)."""

from collections import defaultdict

from django import template
from django.db.models import Prefetch, prefetch_related_objects
from oscar.core.loading import get_model

register = template.Library()

Parcel = get_model("order", "Parcel")
ParcelStatusChange = get_model("order", "ParcelStatusChange")


def parcels_of(order):
    return Parcel.objects.filter(order=order).select_related("enterprise").order_by("enterprise__name", "pk")


@register.simple_tag
def order_parcels(order):
    """The order's parcels, each with ``shown_lines`` and its history, in three queries."""
    parcels = list(
        parcels_of(order).prefetch_related(
            Prefetch("status_changes", ParcelStatusChange.objects.exclude(from_status=""))
        )
    )
    lines = defaultdict(list)
    for line in order.lines.select_related("product"):
        lines[line.partner_id].append(line)
    for parcel in parcels:
        parcel.shown_lines = lines[parcel.enterprise_id]
    return parcels


@register.simple_tag
def prefetch_parcels(orders):
    """Fetch the parcels (and lines, for the item counts) of a page of orders at once."""
    queryset = Parcel.objects.select_related("enterprise").order_by("enterprise__name", "pk")
    prefetch_related_objects(list(orders), Prefetch("parcels", queryset=queryset), "lines")
    return ""
