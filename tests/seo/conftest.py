import pytest


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the content revision of kept parts) as a request's end does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in Vietnamese, as a new visitor, whatever an earlier request left active."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
