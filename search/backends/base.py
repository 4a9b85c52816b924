"""What every search backend answers; the contract suite in tests/search holds them to it."""

from ..query import ProductQuery, ProductResults, Suggestion


class SearchBackend:
    def search(self, query: ProductQuery) -> ProductResults:
        raise NotImplementedError

    def suggest(self, text: str, limit: int = 8) -> list[Suggestion]:
        """Autocomplete: products whose title words start with what was typed ("mat o" -> "Mật ong ...")."""
        raise NotImplementedError

    def invalidate(self) -> None:
        """Something every answer depends on changed in this transaction (an enterprise's status).

        A backend that remembers answers forgets them when the transaction commits.
        """

    def update(self, product_ids, on=None) -> None:
        """Bring these products' records in step with the catalogue (removing those no longer browsable).

        Badges are decided for the day ``on`` (today when None).
        """
        raise NotImplementedError

    def rebuild(self, progress=None, on=None) -> int:
        """Index every product from scratch without interrupting searches; returns how many.

        ``progress`` is a tqdm bar: the backend sets its total with ``reset(total=n)`` and
        advances it with ``update(k)``.
        """
        raise NotImplementedError

    def refresh_badges(self, on=None) -> int:
        """Rebuild the records whose ``badges_change_on`` has come by ``on`` (today when None).

        Badges hold for a day: a certificate stops giving its stars on its expiry day with
        nobody saving anything, so the daily ``refresh_badges`` command calls this.
        Returns how many records were rebuilt.
        """
        raise NotImplementedError
