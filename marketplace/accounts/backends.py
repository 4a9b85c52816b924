"""The authentication backends: one refuses sign-ins while their account or address is locked, one
loads a user's permissions in one query, and Oscar's e-mail sign-in loads the signed-in user of each
request in one query with what every page asks of them."""

from axes.backends import AxesStandaloneBackend
from django.contrib import auth
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import CharField, OuterRef, Value
from django.db.models.functions import Concat
from oscar.apps.customer.auth_backends import EmailBackend as OscarEmailBackend
from oscar.core.loading import get_model

from marketplace.aggregates import counted, joined, split


class SignInThrottleBackend(AxesStandaloneBackend):
    """Axes' lock check, for sign-ins made by a visitor through a login form.

    Axes refuses to work without the request (it counts by the client's address). Code that
    checks a password it has just set, with no visitor's guess to count, calls
    ``authenticate()`` without one: Oscar's registration, logging the new customer in, and
    Django's test client. Those pass here to the other backends. Every login form passes its
    request (the checkout's sign-in too: marketplace.checkout.views.GatewayView).
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


class PermissionsInOneQuery:
    """Loads a user's permissions in one query where Django's ModelBackend asks two (the user's own,
    then their groups'), once per user object, as ModelBackend's own cache (``_perm_cache``) holds
    them; ModelBackend, after it, then reads that cache. Grants nothing itself: it must come
    before ModelBackend and the e-mail sign-in (a ModelBackend), whose rules stay the same
    (an inactive user has none, a superuser has every one, which ModelBackend loads itself).

    No ``get_user``: a session is never this backend's, and Django's test client, picking the
    first backend that has one, keeps picking the e-mail sign-in (``EmailBackend`` below)."""

    def authenticate(self, request, **credentials):
        return None

    def get_all_permissions(self, user_obj, obj=None):
        loads = user_obj.is_active and not user_obj.is_anonymous and not user_obj.is_superuser
        if loads and obj is None and not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = _permission_names(user_obj, _deriving_backends())
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        self.get_all_permissions(user_obj, obj)
        return False

    def has_module_perms(self, user_obj, app_label):
        self.get_all_permissions(user_obj)
        return False


def _deriving_backends():
    """The backends granting permissions derived from other records (``vendors.auth``): they give
    their rows to the same query (``derived_permission_rows``) and learn what it found
    (``derived_permissions_loaded``), rather than ask apart."""
    return [
        backend
        for backend in auth.get_backends()
        if hasattr(backend, "derived_permission_rows") and hasattr(backend, "derived_permissions_loaded")
    ]


def _permission_names(user, deriving=()):
    """``app_label.codename`` of every permission the user holds, directly or through a group;
    the deriving backends' own rows come in the same query and go to them."""
    own_kind = Value("", output_field=CharField())
    names = ("content_type__app_label", "codename")
    own = Permission.objects.filter(user=user).values_list(*names, own_kind).order_by()
    through_groups = Permission.objects.filter(group__user=user).values_list(*names, own_kind).order_by()
    derived = [backend.derived_permission_rows(user).order_by() for backend in deriving]
    rows = list(own.union(through_groups, *derived))
    for backend in deriving:
        kind = backend.derived_permission_kind
        backend.derived_permissions_loaded(user, {f"{a}.{c}" for a, c, k in rows if k == kind})
    return {f"{app_label}.{codename}" for app_label, codename, kind in rows if not kind}


class EmailBackend(OscarEmailBackend):
    """Oscar's e-mail sign-in, whose signed-in user comes in one query carrying what every page
    asks of them: the unread notifications (the header's badge, ``num_unread_notifications``),
    the permissions (``perms`` in templates, read by ModelBackend from its cache) and what the
    backends carrying values of their own add (``user_annotations``, then ``user_loaded``: the
    enterprises the user is staff of, ``vendors.auth``). Loaded afresh on each request, so a
    permission granted or a notification read shows on the next one."""

    def get_user(self, user_id):
        try:
            user = signed_in_users().get(pk=user_id)
        except get_user_model().DoesNotExist:
            return None
        if not self.user_can_authenticate(user):
            return None
        if user.is_active and not user.is_superuser:
            own, through_groups = split(user.own_permissions), split(user.group_permissions)
            user._user_perm_cache, user._group_perm_cache = set(own), set(through_groups)
            user._perm_cache = own | through_groups
        for backend in _carrying_backends():
            backend.user_loaded(user)
        return user


def signed_in_users():
    """Users, each with what a page asks of the signed-in one (``EmailBackend.get_user``)."""
    Notification = get_model("communication", "Notification")
    name = Concat("content_type__app_label", Value("."), "codename", output_field=CharField())
    user = OuterRef("pk")
    carried = {}
    for backend in _carrying_backends():
        carried.update(backend.user_annotations())
    return get_user_model()._default_manager.annotate(
        unread_notifications=counted(Notification.objects.filter(recipient=user, date_read=None)),
        own_permissions=joined(Permission.objects.filter(user=user), name),
        group_permissions=joined(Permission.objects.filter(group__user=user), name),
        **carried,
    )


def _carrying_backends():
    """The backends adding values of their own to the signed-in user's query."""
    return [
        backend
        for backend in auth.get_backends()
        if hasattr(backend, "user_annotations") and hasattr(backend, "user_loaded")
    ]
