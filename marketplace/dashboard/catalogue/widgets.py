"""Oscar's product pickers, looking up only posted choices that can be product ids (marketplace.pickers)."""

from oscar.apps.dashboard.catalogue import widgets

from marketplace.pickers import PossibleIdsOnly


class ProductSelect(PossibleIdsOnly, widgets.ProductSelect):
    pass


class ProductSelectMultiple(PossibleIdsOnly, widgets.ProductSelectMultiple):
    pass
