"""Search's background work: index updates after commit, and the scheduled refreshes."""

import logging

from celery import shared_task
from django.core.management import call_command

from marketplace.jobs.base import BackgroundTask

from .backends import get_backend

logger = logging.getLogger(__name__)


@shared_task(base=BackgroundTask, bind=True, name="search.update_records")
def update_records(self, product_ids):
    """Bring these products' search records in step with the catalogue (one committed change's batch).

    A failed write leaves shoppers seeing the products as they were: each
    attempt's failure is logged at once, at ERROR, and raised so that the
    task's retries write them again.
    """
    try:
        get_backend().update(set(product_ids))
    except Exception:
        logger.exception(
            "Search index not updated for products %s (attempt %d of %d)",
            sorted(product_ids),
            self.request.retries + 1,
            self.max_retries + 1,
        )
        raise


@shared_task(base=BackgroundTask, name="search.refresh_badges")
def refresh_badges():
    """Daily, just after midnight: badges that change with the date (a certificate expiring)."""
    from marketplace.jobs.tasks import record_run

    refreshed = get_backend().refresh_badges()
    record_run("refresh-badges")
    return refreshed


@shared_task(base=BackgroundTask, name="search.warm_search")
def warm_search():
    """Every minute: ask the busiest pages again when the index changed (useful with REDIS_URL)."""
    call_command("warm_search", if_changed=True, verbosity=0)
