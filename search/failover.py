"""Shoppers' searches while the Elasticsearch cluster is down.

:mod:`search.services` asks every search through :func:`answer`: a cluster
that cannot be reached (refused, timed out, answering 5xx or 429, or without
its index) is left alone for a while (:mod:`search.outage`) and the database
index answers instead if a rebuild has filled it; otherwise
:class:`SearchUnavailable` becomes a 503 page (:mod:`search.middleware`).
Other errors (a bad request is a bug) are raised as they are.
"""

import logging

from elastic_transport import TransportError
from elasticsearch import ApiError

from .backends import get_standby
from .outage import COOL_DOWN, Outage

logger = logging.getLogger(__name__)

outage = Outage()  # this process's view of the cluster


class SearchUnavailable(Exception):
    """No backend can answer a search just now."""

    retry_after = COOL_DOWN


def answer(primary, ask):
    """``ask(backend)`` of ``primary``, or of the database index while ``primary`` is unreachable."""
    if outage.may_ask():
        try:
            result = ask(primary)
        except Exception as error:
            if not is_outage(error):
                raise
            if outage.failed():
                _report_outage(error)
        else:
            if (lasted := outage.answered()) is not None:
                logger.warning("Search cluster answers again, after %.0f s", lasted)
            return result
    standby = get_standby()
    if not standby.is_ready():
        raise SearchUnavailable
    return ask(standby)


def is_outage(error) -> bool:
    """Whether ``error`` says the cluster cannot answer now, rather than that the request was wrong."""
    if isinstance(error, TransportError):  # refused, timed out, TLS, an answer that is not JSON
        return True
    if isinstance(error, ApiError):
        return error.status_code >= 500 or error.status_code == 429 or _index_missing(error)
    return False


def _index_missing(error) -> bool:
    """The alias is gone or was never built (``search_index --rebuild`` not run yet)."""
    body = error.body if isinstance(error.body, dict) else {}
    return error.status_code == 404 and (body.get("error") or {}).get("type") == "index_not_found_exception"


def _report_outage(error):
    try:
        fallback = "the database index answers" if get_standby().is_ready() else "search pages answer 503"
    except Exception:  # the report must not hide the outage it reports
        fallback = "the database index could not be checked"
    logger.warning(
        "Search cluster cannot answer (%s: %s); %s; asking the cluster again every %d s",
        type(error).__name__,
        error,
        fallback,
        outage.cool_down,
    )
