"""A page of products known by id: cards are rendered from the ids, the Products loaded only if read.

Search answers a page as product ids. Loading those products with ``for_cards()`` costs six
queries and some 140 model instances for 24 cards, yet a page whose cards are cached needs
none of it (:mod:`catalogue.card_fragments` renders from ids). So a page's products are kept
as ids, and loaded once, with everything a card reads, by whoever iterates them.
"""

from collections.abc import Sequence

from .models import Product


class ProductsById(Sequence):
    """The products of ``ids`` in that order; one removed since is left out once they are loaded."""

    def __init__(self, ids):
        self.ids = list(ids)
        self._loaded = None

    def for_cards(self):
        """What the card layer renders from: the Products if they were read, else their ids."""
        return self._loaded if self._loaded is not None else self.ids

    @property
    def loaded(self):
        if self._loaded is None:
            by_pk = Product.objects.for_cards().in_bulk(self.ids)
            self._loaded = [by_pk[pk] for pk in self.ids if pk in by_pk]
        return self._loaded

    def __getitem__(self, index):
        return self.loaded[index]

    def __iter__(self):
        return iter(self.loaded)

    def __len__(self):
        return len(self._loaded) if self._loaded is not None else len(self.ids)

    def __bool__(self):
        return bool(self.ids)

    def __eq__(self, other):
        if not isinstance(other, Sequence):
            return NotImplemented
        return list(self) == list(other)

    def __repr__(self):
        return f"ProductsById({self.ids!r})"
