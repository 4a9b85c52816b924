"""Enterprise staff who open an order page are sent to their parcels instead.

The order pages are the operator's (see ``apps``); an enterprise's part of an order is
its parcel. Old links and bookmarks of theirs keep working: the list and the statistics
lead to their parcel list, an order or one of its lines of theirs to their parcel in it.
Anything else, and every form posted to an order page, meets Oscar's permission check
(403), so nothing about other enterprises is given away.
"""

from functools import wraps

from django.shortcuts import redirect
from django.urls import reverse
from oscar.core.loading import get_model

TO_THE_PARCEL_LIST = {"order-list", "order-stats"}
TO_THE_PARCEL = {"order-detail", "order-line-detail"}


def is_enterprise_staff(user):
    return user.is_authenticated and not user.is_staff and user.has_perm("partner.dashboard_access")


def parcel_page(user, url_name, kwargs):
    """The parcel page showing an enterprise's staff what the order page ``url_name`` did, or None."""
    if url_name in TO_THE_PARCEL_LIST:
        return reverse("dashboard:parcel-list")
    if url_name not in TO_THE_PARCEL:
        return None
    Parcel = get_model("order", "Parcel")
    parcels = Parcel.objects.filter(order__number=kwargs["number"], enterprise__users=user)
    if "line_id" in kwargs:  # the line must be both the enterprise's and the order's
        line = kwargs["line_id"]
        parcels = parcels.filter(enterprise__order_lines__pk=line, order__lines__pk=line)
    found = parcels.order_by("pk").values_list("number", flat=True).first()
    return found and reverse("dashboard:parcel-detail", kwargs={"number": found})


def parcels_instead(url_name, permission_check):
    """A URL decorator: ``permission_check`` (Oscar's), after sending enterprise staff to their parcels."""

    def decorate(view):
        checked = permission_check(view) if permission_check else view

        @wraps(view)
        def view_or_parcels(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD") or not is_enterprise_staff(request.user):
                return checked(request, *args, **kwargs)
            url = parcel_page(request.user, url_name, kwargs)
            return redirect(url) if url else checked(request, *args, **kwargs)

        return view_or_parcels

    return decorate
