"""A set of badges stored as bit flags: "holds every badge asked for" is one comparison on any database."""

from django.db import models
from django.db.models import Lookup

from .query import BadgeKind

BITS = {kind: 1 << position for position, (kind, _label) in enumerate(BadgeKind.CHOICES)}


def to_mask(kinds):
    return sum(BITS[kind] for kind in set(kinds) if kind in BITS)


def to_kinds(mask):
    return frozenset(kind for kind, bit in BITS.items() if mask & bit)


class BadgeSetField(models.PositiveSmallIntegerField):
    """Reads as a frozenset of :class:`BadgeKind` values, stored as an integer of flags."""

    def from_db_value(self, value, expression, connection):
        return None if value is None else to_kinds(value)

    def to_python(self, value):
        if value is None or isinstance(value, frozenset):
            return value
        return to_kinds(value) if isinstance(value, int) else frozenset(value)

    def get_prep_value(self, value):
        if value is None or isinstance(value, int):
            return value
        return to_mask(value)


@BadgeSetField.register_lookup
class HasAll(Lookup):
    """``badges__has_all=["traceable", "ocop"]``: every one of these badges is held."""

    lookup_name = "has_all"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"({lhs} & {rhs}) = {rhs}", [*lhs_params, *rhs_params, *rhs_params]
