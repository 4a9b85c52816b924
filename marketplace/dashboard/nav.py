"""Who sees which extra dashboard menu entries (kept free of model imports: settings load it)."""


def enterprise_staff_only(user, url_name, url_args=None, url_kwargs=None):
    """The enterprise profile entry: for staff of an approved enterprise."""
    return user.has_perm("partner.dashboard_access")
