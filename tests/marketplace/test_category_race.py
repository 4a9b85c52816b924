"""Two operators adding a category at the same moment both see it saved, never a 500.

treebeard places a new top-level category after the last one, read just before the insert:
two saves at once read the same last category and wrote the same path, and the second
failed on the unique path. Real threads, each with its own database connection, are made
to read the tree at the same time. Only PostgreSQL runs writers at once (SQLite starts
writing transactions one at a time), so the test runs there (CI runs the suite there too).
"""

import contextlib
import threading
from unittest import mock

import pytest
from django.db import connection, connections
from oscar.core.loading import get_class, get_model

Category = get_model("catalogue", "Category")

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="writers run at once only on PostgreSQL"),
]


def add_at_once(names, form_class):
    """Save a top-level category of each name from its own thread; each thread's outcome."""
    meet = threading.Barrier(len(names))
    last_root = Category.get_last_root_node

    def read_then_meet():
        # Each save reads the last category, then waits (a while at most) for the others to read it too.
        node = last_root()
        with contextlib.suppress(threading.BrokenBarrierError):
            meet.wait(timeout=3)
        return node

    outcomes = [None] * len(names)

    def add(index, name):
        try:
            data = {
                "name": name,
                "slug": f"muc-{index}",
                "treebeard_position": "first-child",
                "is_public": "on",
            }
            form = form_class(data)
            assert form.is_valid(), form.errors
            form.save()
            outcomes[index] = "saved"
        except Exception as error:  # reported by the assertion
            outcomes[index] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=add, args=(i, name)) for i, name in enumerate(names)]
    with mock.patch.object(Category, "get_last_root_node", read_then_meet):
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    return outcomes


@pytest.mark.parametrize("where", ["dashboard", "admin"])
def test_two_top_level_categories_added_at_once_are_both_saved(where):
    if where == "dashboard":
        form_class = get_class("dashboard.catalogue.forms", "CategoryForm")
    else:
        from django.contrib import admin

        form_class = admin.site.get_model_admin(Category).form

    assert add_at_once(["Đặc sản biển", "Đặc sản núi"], form_class) == ["saved", "saved"]
    roots = Category.get_root_nodes()
    assert {"Đặc sản biển", "Đặc sản núi"} <= {category.name for category in roots}
    assert len({category.path for category in roots}) == roots.count()
