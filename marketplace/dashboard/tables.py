"""Oscar's dashboard table, sorted only by columns the database can sort and paginated in bounds.

Every dashboard list is a django-tables2 table. A column without a field behind it
(the row's checkbox, its actions) still offered a sort link, and following it was a
500; ``per_page`` from the address was taken as it came (-1: a 500; 10**6: every row).
"""

from django.core.exceptions import FieldError
from django.db.models import QuerySet
from oscar.apps.dashboard.tables import DashboardTable as OscarDashboardTable

# Rows one page of a dashboard list may show, whatever ``per_page`` asks.
MAX_PER_PAGE = 100


def sortable(queryset, accessors):
    """Whether the database can order the rows by these columns (and not by a template's name)."""
    try:
        queryset.order_by(*(accessor.replace(".", "__") for accessor in accessors))
    except FieldError:
        return False
    return True


class DashboardTable(OscarDashboardTable):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = getattr(self.data, "data", None)
        if isinstance(queryset, QuerySet):
            for column in self.columns.iterorderable():
                if not hasattr(self, f"order_{column.name}") and not sortable(queryset, column.order_by):
                    column.column.orderable = False

    def paginate(self, *args, per_page=None, **kwargs):
        if per_page is not None:
            per_page = min(per_page, MAX_PER_PAGE) if per_page > 0 else None  # None: the list's own
        return super().paginate(*args, per_page=per_page, **kwargs)
