"""How failed sign-ins are counted: by account from one address, and by address.

``AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]``, each with its own
limit (axes has one, ``AXES_FAILURE_LIMIT``; :class:`LoginAttemptHandler` adds the second):

- an account from one address: ``AXES_FAILURE_LIMIT`` failures (5) lock that account *from
  that address* — guessing one password is stopped, yet an attacker cannot lock its owner
  out from everywhere, however long they keep trying: the owner signs in from their own
  address, and an operator can always unlock (:mod:`.unlock`);
- an address, whatever the account: ``LOGIN_ADDRESS_FAILURE_LIMIT`` failures (20) lock
  every sign-in from it — trying a common password on many accounts (spraying) is stopped,
  while the many shoppers behind one shared address (a mobile carrier's NAT, an office)
  have room for their own typos.

There is no lock by account alone: it would let anyone lock anyone out. Every lock lasts
``AXES_COOLOFF_TIME`` after the last failure; a try while locked counts as a failure.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.db.models import Sum

USERNAME_MAX_LENGTH = 255  # axes' AccessAttempt.username


def normalise_username(value):
    """What was typed as the account (e-mail or username), as attempts are counted: case and
    surrounding spaces make no difference, and it fits the attempts table."""
    if value is None:
        return None
    return str(value).replace("\x00", "").strip().casefold()[:USERNAME_MAX_LENGTH] or None


def username_of(request, credentials=None):
    """The account a sign-in was for (``AXES_USERNAME_CALLABLE``)."""
    if credentials:
        return normalise_username(credentials.get("username"))
    data = getattr(request, "POST", None) or {}
    return normalise_username(data.get("username"))


def failure_limit_for(parameter, account_limit):
    """The failures that lock one lockout parameter (``"ip_address"`` or a combination)."""
    if parameter == "ip_address":
        return max(1, settings.LOGIN_ADDRESS_FAILURE_LIMIT)
    return max(1, account_limit)


class LoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler with a failure limit for each lockout parameter.

    Axes compares one number with ``AXES_FAILURE_LIMIT``: each parameter's failures are
    scaled to that limit (exactly, in whole numbers) and the highest counts.
    """

    def get_failures(self, request, credentials=None):
        limit = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        worst = 0
        for parameter, attempts in zip(parameters, self.get_user_attempts(request, credentials), strict=True):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            worst = max(worst, failures * limit // failure_limit_for(parameter, limit))
        return worst
