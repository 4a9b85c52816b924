"""A web worker's collector leaves alone what was loaded with the application."""

import gc

import pytest

from marketplace.operations.workers import YOUNG_OBJECTS, settle_garbage_collector


@pytest.fixture
def collector_as_python_left_it():
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


def test_once_settled_the_loaded_objects_are_out_of_the_collectors_sight(collector_as_python_left_it):
    settle_garbage_collector()

    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == YOUNG_OBJECTS
