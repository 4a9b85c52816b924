"""Which parcels a dashboard user reaches: the parcels dashboard's lists and the home page's figures.

It lives with the dashboard, not the parcels dashboard's views, because both the dashboard's home
and its parcels app (a sub-app, which depends on the dashboard) ask it.
"""

from oscar.core.loading import get_model

Parcel = get_model("order", "Parcel")


def parcels_for_user(user):
    """The parcels a dashboard user may see: all for the platform's staff, their enterprises' otherwise."""
    queryset = Parcel.objects.select_related("order", "enterprise")
    return queryset if user.is_staff else queryset.filter(enterprise__users=user)
