"""Oscar's basket formsets, building at most as many forms as a basket page can show (marketplace.formsets).

Oscar's accept up to 2,000 forms: a post to the basket with a huge ``form-TOTAL_FORMS``
had the server build them all, then fail (a 500) on the forms without a line.
"""

from oscar.apps.basket import formsets

from marketplace.formsets import BoundedFormSet

# Lines (products) of one basket, and of its saved-for-later list.
LINES = 200


class BasketLineFormSet(BoundedFormSet, formsets.BasketLineFormSet):
    max_num = absolute_max = LINES


class SavedLineFormSet(BoundedFormSet, formsets.SavedLineFormSet):
    max_num = absolute_max = LINES
