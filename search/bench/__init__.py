"""The search benchmark's workload and timing (``manage.py bench_search``): a fixed query mix, figures.

The generated catalogue it runs on, and the command itself, live in ``marketplace.demo``
(``bench.py``): search imports nothing from the demo.

Not a timed test: it answers "does the embedded backend meet its budget at
100,000 products?" on this machine, with Wagtail's own database search as a
reference on the same products.
"""
