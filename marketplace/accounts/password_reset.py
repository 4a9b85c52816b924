"""Password-reset e-mails, limited per e-mail address and per client address.

Axes counts failed sign-ins only; a reset form sends an e-mail for each request, so
without a limit it can flood one person's inbox or make the shop's mail server send to
thousands of addresses. Every request counts, whether or not an account uses the e-mail,
and a refused one gets the same page either way: the limit never tells who has an account.
"""

from datetime import timedelta

from django.conf import settings

from .attempts import normalise_username
from .client import client_ip
from .limits import Limit
from .responses import too_many_attempts

# Oscar's shop (/password-reset/) and the Wagtail admin's (/cms/password_reset/).
RESET_VIEWS = {"password-reset", "wagtailadmin_password_reset"}


def per_email():
    return Limit("password-reset-email", settings.PASSWORD_RESET_LIMIT, _window())


def per_address():
    return Limit("password-reset-address", settings.PASSWORD_RESET_ADDRESS_LIMIT, _window())


def _window():
    return settings.PASSWORD_RESET_WINDOW_MINUTES * 60


def reset_refused_for(email, address):
    """Counts one reset request; None if it may go ahead, else how long until one may."""
    waits = [per_address().hit(address)] if address else []
    if email := normalise_username(email):
        waits.append(per_email().hit(email))
    waits = [wait for wait in waits if wait]
    return timedelta(seconds=max(waits)) if waits else None


def forget(email=None, address=None):
    """Lets the e-mail and the address ask for resets again at once (an operator's unlock)."""
    if email := normalise_username(email):
        per_email().forget(email)
    if address:
        per_address().forget(address)


class PasswordResetLimitMiddleware:
    """Answers a reset form's request over the limit with the 429 page, before any e-mail."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name not in RESET_VIEWS:
            return None
        wait = reset_refused_for(request.POST.get("email"), client_ip(request))
        if wait is None:
            return None
        return too_many_attempts(request, reason="password_reset", retry_after=wait)
