"""The search benchmark (``manage.py bench_search``): generated data, a fixed query mix, figures.

Not a timed test: it answers "does the embedded backend meet its budget at
100,000 products?" on this machine, with Wagtail's own database search as a
reference on the same products.
"""
