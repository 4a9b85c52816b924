import oscar.apps.analytics.apps as apps


class AnalyticsConfig(apps.AnalyticsConfig):
    """Oscar's analytics, counting basket additions and orders but not page views.

    Oscar counts every product view and search with an UPDATE or INSERT, so
    a shopper's GET writes to the database; on SQLite two workers then fail
    with "database is locked". Views are better counted from access logs.
    """

    name = "marketplace.analytics"

    def ready(self):
        from . import receivers  # noqa: F401
