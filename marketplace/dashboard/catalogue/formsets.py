"""Oscar's product and product type formsets, each building at most a page's worth of forms.

Oscar's formsets accept up to 2,000 forms each (Django's default ceiling): one post of a
product form could have the server build 8,000 forms. Here each list has a ceiling
(marketplace.formsets), and a damaged count is a form error rather than a crash.
"""

from oscar.apps.dashboard.catalogue import formsets

from marketplace.formsets import ROWS, BoundedFormSet

# A product type's attributes and an option group's options are many light rows.
ATTRIBUTES = 100
OPTIONS = 100


class StockRecordFormSet(BoundedFormSet, formsets.StockRecordFormSet):
    max_num = absolute_max = ROWS

    def set_initial_data(self):
        # Oscar preselects the enterprise on the first form; a damaged count leaves none.
        if self.forms:
            super().set_initial_data()


class ProductCategoryFormSet(BoundedFormSet, formsets.ProductCategoryFormSet):
    max_num = absolute_max = ROWS


class ProductImageFormSet(BoundedFormSet, formsets.ProductImageFormSet):
    max_num = absolute_max = ROWS


class ProductRecommendationFormSet(BoundedFormSet, formsets.ProductRecommendationFormSet):
    max_num = absolute_max = ROWS


class ProductAttributesFormSet(BoundedFormSet, formsets.ProductAttributesFormSet):
    max_num = absolute_max = ATTRIBUTES


class AttributeOptionFormSet(BoundedFormSet, formsets.AttributeOptionFormSet):
    max_num = absolute_max = OPTIONS
