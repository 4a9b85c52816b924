"""An operator lifts a lock at once, instead of letting the cool-off run out."""

from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.db.models import Q

from . import password_reset
from .attempts import normalise_username


def account_names(account):
    """The names an account's sign-ins may be counted under: what the operator typed, and
    the matching user's e-mail and username (a login takes either)."""
    typed = normalise_username(account)
    if not typed:
        return set()
    names = {typed}
    for user in get_user_model().objects.filter(Q(email__iexact=typed) | Q(username__iexact=typed)):
        names |= {normalise_username(user.email), normalise_username(user.get_username())}
    return names - {None}


def unlock(account="", address=""):
    """Forgets the failed sign-ins and password-reset requests of an account (from every
    address), of an address (for every account), or both; returns how many attempt records
    were removed."""
    names = account_names(account)
    query = Q(username__in=names) if names else Q()
    if address:
        query |= Q(ip_address=address)
    if not query:
        return 0
    _total, removed = AccessAttempt.objects.filter(query).delete()
    for name in names:
        password_reset.forget(email=name)
    password_reset.forget(address=address or None)
    return removed.get(AccessAttempt._meta.label, 0)
