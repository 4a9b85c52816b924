"""What the benchmark adds to the served site: the ceiling view and a count of each response's queries."""

from contextlib import ExitStack
from functools import lru_cache

from django.db import connections
from django.http import HttpResponse

QUERIES_HEADER = "X-Bench-Queries"
CEILING_PATH = "/__bench__/ceiling/{size}/"


@lru_cache(maxsize=256)
def ceiling_body(size):
    """An HTML document of exactly ``size`` bytes: what a page of that size costs Django to send."""
    head = b"<!doctype html><html><head><title>ceiling</title></head><body>"
    tail = b"</body></html>\n"
    return head + b"x" * max(size - len(head) - len(tail), 0) + tail


def ceiling(request, size):
    """The ceiling: no template, no query, the same middleware and the same number of bytes as the page."""
    return HttpResponse(ceiling_body(size), content_type="text/html; charset=utf-8")


def count_queries(get_response):
    """Middleware (outermost): the SQL statements run while answering, in a response header.

    Counted around every database connection, so a page later answered from a cache
    shows how few it needs; the count costs a function call per query.
    """

    def middleware(request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(counter))
            response = get_response(request)
        response[QUERIES_HEADER] = str(count)
        return response

    return middleware
