"""Which enterprise a person belongs to: an enterprise's staff are its ``users``.

In practice a person applies for, or works for, one enterprise; should there be
several, the oldest is theirs, so every page agrees on which one.
"""


def any_enterprise_of(user):
    """The enterprise this person applies for or works for, whatever its status; None if there is none."""
    return user.partners.select_related("province", "commune").order_by("pk").first()


def approved_enterprise_of(user):
    """The approved enterprise this person works for (the one they sell for); None if there is none."""
    return user.partners.approved().order_by("pk").first()
