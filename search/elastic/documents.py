"""The Elasticsearch document for one product: :class:`search.documents.ProductDocument`, field for field."""

from dataclasses import asdict

from elasticsearch.dsl import Boolean, Byte, Date, Document, Float, Keyword, Long, MetaField, Text

from search.documents import ProductDocument
from search.text import words

from . import analysis


class IndexedProduct(Document):
    """Searched, filtered and counted by the backend; never read back except for suggestions.

    Ids and codes are keywords (filtered and counted, never ranged); the price is a
    whole number of đồng (VND has no minor unit), so a ``long`` is exact.
    """

    product_id = Long()
    title = Text(
        analyzer=analysis.folded,
        fields={"accented": Text(analyzer=analysis.accented)},
    )
    title_folded = Keyword()
    text_folded = Text(analyzer=analysis.folded)
    url = Keyword(index=False)
    category_ids = Keyword()
    enterprise_ids = Keyword()
    province_code = Keyword()
    commune_code = Keyword()
    stars = Byte()
    badges = Keyword()
    price = Long()
    in_stock = Boolean()
    rating = Float()
    date_created = Date()
    browsable = Boolean()
    badges_change_on = Date(format="strict_date")
    suggest = Text(analyzer=analysis.autocomplete, search_analyzer=analysis.folded)

    class Meta:
        # A field the mapping does not name is refused rather than guessed.
        dynamic = MetaField("strict")

    @classmethod
    def from_document(cls, document: ProductDocument) -> "IndexedProduct":
        fields = asdict(document)
        # Folded text as words (search.text.words), exactly as queries are cut.
        fields["title_folded"] = " ".join(words(document.title_folded))
        fields["text_folded"] = " ".join(words(document.text_folded))
        fields["suggest"] = [" ".join(words(phrase)) for phrase in document.suggest]
        fields["category_ids"] = [str(pk) for pk in document.category_ids]
        fields["enterprise_ids"] = [str(pk) for pk in document.enterprise_ids]
        fields["price"] = int(document.price) if document.price is not None else None
        # An unknown origin is no value at all, not a "" value to be counted in the facets.
        fields["province_code"] = document.province_code or None
        fields["commune_code"] = document.commune_code or None
        return cls(meta={"id": document.product_id}, **fields)
