"""The page a locked sign-in or a refused password reset gets: HTTP 429, in the site's layout,
saying when to try again (and a Retry-After header saying the same to machines)."""

import math

from axes.helpers import get_cool_off
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

REASONS = {
    "sign_in": (
        _("Too many failed sign-in attempts"),
        _("To protect your account, signing in from here is paused for a while."),
    ),
    "password_reset": (
        _("Too many password reset requests"),
        _(
            "Password reset e-mails are limited to protect our users' inboxes. If an account "
            "uses this address, the e-mail we have already sent is still valid."
        ),
    ),
}


def too_many_attempts(request, reason, retry_after):
    heading, message = REASONS[reason]
    seconds = max(1, math.ceil(retry_after.total_seconds()))
    context = {
        "heading": heading,
        "message": message,
        "until": timezone.now() + retry_after,
        "minutes": math.ceil(seconds / 60),
        "reason": reason,
    }
    response = render(request, "accounts/too_many_attempts.html", context, status=429)
    response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response


def locked_out(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the lock lasts the cool-off from this (failed) try."""
    return too_many_attempts(request, reason="sign_in", retry_after=get_cool_off(request))
