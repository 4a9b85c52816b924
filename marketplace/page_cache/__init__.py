"""Whole shopper pages kept in the cache, fresh to the next request after any change they show.

See :mod:`marketplace.page_cache.middleware` for how a page is served, :mod:`.changes` for what
invalidates it and :mod:`.personal` for the parts each shopper sees of their own.
"""
