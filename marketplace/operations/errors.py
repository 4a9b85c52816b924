"""Error reporting to Sentry, switched on by SENTRY_DSN (production settings call init_sentry).

Without SENTRY_DSN nothing is imported or sent. Errors still reach the logs, and the
ADMINS by e-mail (LOGGING's mail_admins handler on django.request).
"""

from .conf import sentry_options


def init_sentry():
    """Start the Sentry SDK when SENTRY_DSN is set; returns whether it was started."""
    options = sentry_options()
    if options is None:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(integrations=[DjangoIntegration(), CeleryIntegration()], **options)
    return True
