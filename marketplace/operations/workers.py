"""A web worker's garbage collector, kept out of the way of requests.

Python's collector runs every 700 new container objects by default and walks everything
alive in the generations it collects: a first render allocates tens of thousands (template
nodes' contexts, model instances), so a page paid about 2 ms in collections that mostly walked
the settings, models and templates loaded for the worker's whole life. Once the application is
loaded, what exists is moved out of the collector's sight (``gc.freeze``) and young objects
are collected ten times less often than Python's default.
"""

import gc

YOUNG_OBJECTS = 7_000  # container objects allocated between two young collections


def settle_garbage_collector():
    """Call once the WSGI application is loaded, in each worker."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, middle, old)
