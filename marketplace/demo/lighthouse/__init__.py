"""The Lighthouse measurement (``make lighthouse``): the demo province served as in production, scored.

The command, ``marketplace/demo/management/commands/measure_pages.py``, builds or reuses the demo
province in its own SQLite file with its pictures beside it (``database``), serves it with the page
benchmark's gunicorn under production settings (``marketplace.demo.pages_bench.server``) through
``wsgi`` here, which stands in for the nginx in front of production (media files, gzip), and runs
Lighthouse on the pages of ``pages`` (``audits`` reads its reports). Not a test: the figures go in README.
"""
