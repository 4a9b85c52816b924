"""Changes to the category tree are made one at a time, each reading the tree as the last one left it.

treebeard gives a new category the path after its last sibling's, read just before the
insert (or, under a parent, from the parent as the form loaded it). Two operators adding
a category at the same moment got the same path, and the second save failed on the
unique path (an IntegrityError, a 500). A tree change now waits for the previous one to
commit and reads the places it builds on afresh.

On PostgreSQL the wait is a transaction-level advisory lock that only tree changes take;
on SQLite the change's transaction itself waits (writing transactions start one at a time,
``IMMEDIATE``).
"""

from contextlib import contextmanager

from django.db import connection, transaction

# The lock's key, apart from the search index's (search.locks): "CATEGORY" in ASCII.
TREE_LOCK = 0x43415445474F5259
TREE_FIELDS = ["path", "depth", "numchild"]


@contextmanager
def tree_change():
    """A transaction that starts once no other change of the tree is under way."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TREE_LOCK])
        yield


class OneTreeChangeAtATime:
    """Mixin for a treebeard MoveNodeForm whose saves wait their turn (see the module)."""

    def save(self, commit=True):
        with tree_change():
            reference = self.cleaned_data.get("treebeard_ref_node")
            if reference is not None:
                reference.refresh_from_db(fields=TREE_FIELDS)
            if not self.instance._state.adding:
                self.instance.refresh_from_db(fields=TREE_FIELDS)
            return super().save(commit=commit)
