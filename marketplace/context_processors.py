from django.conf import settings


def languages(request):
    """The language switcher's choices, shown on every page."""
    return {"available_languages": settings.LANGUAGES}
