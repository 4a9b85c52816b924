from django.conf import settings
from oscar.apps.communication.notifications.context_processors import notifications as count_notifications


def languages(request):
    """The language switcher's choices, shown on every page."""
    return {"available_languages": settings.LANGUAGES}


def notifications(request):
    """Oscar's ``num_unread_notifications``: carried by the signed-in user when loaded with it
    (``marketplace.accounts.backends.EmailBackend``), else counted as Oscar does."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and hasattr(user, "unread_notifications"):
        return {"num_unread_notifications": user.unread_notifications}
    return count_notifications(request)
