"""Record pickers (select boxes filled by a search) that show a posted choice only if it can be an id.

Oscar's product picker and Django admin's autocomplete fields render the chosen records
by querying for the posted ids. When the form had already refused a typed "abc", or a
number beyond the column's range, that query failed and the page with the form's
message became a 500.
"""

from django.core.exceptions import ValidationError
from django.db import connection


def possible_ids(values, field):
    """The values that ``field`` (the column the choice refers to) could hold on this database."""
    if field is None:
        return list(values)
    bounds = connection.ops.integer_field_ranges.get(field.get_internal_type())
    kept = []
    for value in values:
        try:
            typed = field.to_python(value)
        except ValidationError:
            continue
        if isinstance(typed, str) and "\x00" in typed:
            continue
        if bounds and isinstance(typed, int) and not bounds[0] <= typed <= bounds[1]:
            continue
        kept.append(value)
    return kept


class PossibleIdsOnly:
    """Mixin for a picker widget: the posted choices it looks up are only possible ids."""

    def chosen_column(self):
        """The model field the picker's values are ids of (None: not a picker of records)."""
        field = getattr(self.choices, "field", None)
        queryset = getattr(field, "queryset", None)
        if queryset is None:
            return None
        options = queryset.model._meta
        return options.get_field(field.to_field_name) if field.to_field_name else options.pk

    def optgroups(self, name, value, attrs=None):
        return super().optgroups(name, possible_ids(value, self.chosen_column()), attrs)
