"""Sets of values carried by one row: a correlated subquery joining them into one text, on SQLite and
PostgreSQL alike (Django has no portable ``STRING_AGG`` before 6.0)."""

from django.db.models import Aggregate, CharField, Count, IntegerField, Subquery, Value


class Joined(Aggregate):
    """The values of ``expression``, distinct, joined by commas (none: ``NULL``)."""

    function = "GROUP_CONCAT"
    template = "%(function)s(DISTINCT %(expressions)s)"
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra_context):
        template = "STRING_AGG(DISTINCT (%(expressions)s)::text, ',')"
        return self.as_sql(compiler, connection, template=template, **extra_context)


def joined(queryset, expression):
    """A subquery: ``expression`` over the rows of ``queryset`` (filtered on an ``OuterRef``), joined."""
    rows = queryset.order_by().annotate(_one=Value(1)).values("_one")
    return Subquery(rows.annotate(_joined=Joined(expression)).values("_joined"), output_field=CharField())


def split(text, kind=str):
    """The set a :func:`joined` subquery carried."""
    return frozenset(kind(value) for value in text.split(",")) if text else frozenset()


def counted(queryset):
    """A subquery: how many rows ``queryset`` (filtered on an ``OuterRef``) has."""
    rows = queryset.order_by().annotate(_one=Value(1)).values("_one")
    return Subquery(rows.annotate(_count=Count("pk")).values("_count"), output_field=IntegerField())
