"""Who sees which extra dashboard menu entries (kept free of model imports: settings load it)."""


def enterprise_staff_only(user, url_name, url_args=None, url_kwargs=None):
    """The enterprise profile entry: for staff of an approved enterprise."""
    return user.has_perm("partner.dashboard_access")


def approved_enterprise_staff(user, url_name=None, url_args=None, url_kwargs=None):
    """An enterprise's own records (certificates, lots): for staff of an approved enterprise only.

    Unlike the permission check, an operator without an enterprise does not see them: there is
    nothing of theirs to list.
    """
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_works_for_approved_enterprise"):  # asked once per menu entry: once a request
        user._works_for_approved_enterprise = user.partners.approved().exists()
    return user._works_for_approved_enterprise
