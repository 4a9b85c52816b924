"""The page benchmark (``make bench-pages``): the site served as in production, measured beside a ceiling.

The command, ``marketplace/demo/management/commands/bench_pages.py``, builds or reuses a
generated catalogue (``marketplace.demo.bench``), serves it with gunicorn through ``wsgi``
here (the project's settings and URLs, plus a bare Django view of the same byte size as each
page, the ceiling, and a header counting each response's SQL queries), and drives it with
``load``. Not a timed test: it answers "how far is each page from what Django itself costs?".
"""
