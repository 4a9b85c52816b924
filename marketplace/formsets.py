"""Formsets that build at most a page's worth of forms, and say why a list was refused.

Django builds as many forms as a posted ``TOTAL_FORMS`` asks for, up to the formset's
``absolute_max``, which is ``max_num`` + 1,000 unless set: one post of a lot's steps and
certifications built 4,000 forms (6 s, 9 MB), and a few at once stalled every worker.
A bounded formset accepts at most ``max_num`` forms; a count beyond that, which no page
offers, builds no form at all and is a form error, as is a count that is not a number.
"""

from django.forms.formsets import TOTAL_FORM_COUNT
from django.utils.translation import gettext_lazy as _

# Rows of an ordinary list on one form (a lot's steps, a product's images); a form's own
# class may allow more where its rows are many and light (a product type's attributes).
ROWS = 20


class BoundedFormSet:
    """Mixin for a formset class that sets ``max_num`` and ``absolute_max`` to the same number."""

    validate_max = True
    default_error_messages = {
        "missing_management_form": _("This list arrived damaged: please reload the page and enter it again."),
        "too_many_forms": _("This list takes at most %(num)d rows."),
    }

    def total_form_count(self):
        if self.is_bound and self.management_form.cleaned_data[TOTAL_FORM_COUNT] > self.absolute_max:
            return 0  # not a list any page sent: refused (full_clean says so) without building it
        return super().total_form_count()


def bounded(formset_class, rows=ROWS):
    """``formset_class`` building, and accepting, at most ``rows`` forms."""
    attrs = {"max_num": rows, "absolute_max": rows, "__module__": formset_class.__module__}
    return type(formset_class.__name__, (BoundedFormSet, formset_class), attrs)
