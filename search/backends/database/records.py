"""Writing search records: documents in, rows out, in bulk."""

from typing import NamedTuple

from django.db import connection, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from search.documents import build_documents, indexable
from search.locks import lock_products
from search.models import ProductRecord, ProductText, RecordCategory, RecordEnterprise, TitleKey
from search.query import PRICE_BUCKETS
from search.text import accented_words, words

from . import cells, title_keys
from .cache import change_index_version

Product = get_model("catalogue", "Product")

CHUNK = 500  # products built and written per transaction


def replace(product_ids, on=None):
    """Rebuild the records of these products from the catalogue; returns how many are now indexed.

    Each chunk is locked (:mod:`search.locks`), then read and written in one
    transaction: a search sees either a product's old record or its new one,
    never none, and of two updates of one product the later reads what the
    earlier could not have seen, so the index ends as the last committed edit.
    """
    on = on or timezone.localdate()
    product_ids = sorted(set(product_ids))
    if connection.in_atomic_block:
        # Within a caller's transaction every lock is held to its end: take them all now, in
        # order, rather than a chunk's after the previous chunk has locked the index version.
        lock_products(product_ids)
    written = 0
    for start in range(0, len(product_ids), CHUNK):
        chunk = product_ids[start : start + CHUNK]
        with transaction.atomic():
            lock_products(chunk)
            written += _swap(chunk, documents_for(chunk, on))
    return written


def rebuild_chunk(product_ids, on=None):
    """:func:`replace` for one chunk of a whole rebuild, read before its short write transaction.

    Building is most of the work; outside the transaction, processes rebuilding
    other chunks build at the same time and only take turns to write. The
    price: a product whose change commits, and is indexed by its own update,
    while its chunk is being built gets the chunk's older record; the next
    change to it, or the next rebuild, mends it. The write itself takes the
    products' index locks, so it never collides with an update's.
    """
    documents = documents_for(product_ids, on or timezone.localdate())
    with transaction.atomic():
        lock_products(product_ids)
        return _swap(product_ids, documents)


def documents_for(product_ids, on):
    products = indexable(Product.objects.filter(pk__in=product_ids))
    return [document for document in build_documents(products, on) if document.browsable]


def _swap(product_ids, documents):
    """Write the records that differ from the stored ones; returns how many of these products are indexed.

    Most changes reaching the index leave a product's record as it was: a sale
    that leaves some stock, an edit to something search does not show. Only
    when a record really changes does the index version, so remembered answers
    outlive everything else. Called with the products' index locks held
    (:mod:`search.locks`), so it compares with what the previous update wrote.
    """
    wanted = {document.product_id: IndexRows.of(document) for document in documents}
    stored = _stored_contents(product_ids)
    changed = [pk for pk in product_ids if _content(wanted.get(pk)) != stored.get(pk)]
    if changed:
        ProductRecord.objects.filter(pk__in=[pk for pk in changed if pk not in wanted]).delete()
        write([wanted[pk] for pk in changed if pk in wanted])
        change_index_version(changed)  # last: on PostgreSQL its row stays locked until the commit
    return len(documents)


class IndexRows(NamedTuple):
    """Everything the index holds for one product, built once to compare and to write."""

    record: ProductRecord
    text: ProductText
    category_ids: tuple[int, ...]
    enterprise_ids: tuple[int, ...]

    @classmethod
    def of(cls, document):
        return cls(
            record(document),
            text(document),
            tuple(sorted(set(document.category_ids))),
            tuple(sorted(set(document.enterprise_ids))),
        )


def _content(rows):
    """What ``rows`` hold, comparable with :func:`_stored_contents`; None for no rows."""
    if rows is None:
        return None
    return (
        _values(rows.record, RECORD_FIELDS),
        _values(rows.text, TEXT_FIELDS),
        rows.category_ids,
        rows.enterprise_ids,
    )


def _stored_contents(product_ids):
    locked = ProductRecord.objects.select_for_update().filter(pk__in=product_ids).order_by("pk")
    records = {row[0]: _normalised(row, RECORD_FIELDS) for row in locked.values_list(*_names(RECORD_FIELDS))}
    texts = ProductText.objects.filter(record__in=product_ids).values_list(*_names(TEXT_FIELDS))
    texts = {row[0]: _normalised(row, TEXT_FIELDS) for row in texts}
    categories = _related_ids(RecordCategory, "category_id", product_ids)
    enterprises = _related_ids(RecordEnterprise, "enterprise_id", product_ids)
    return {
        pk: (values, texts.get(pk), categories.get(pk, ()), enterprises.get(pk, ()))
        for pk, values in records.items()
    }


def _related_ids(model, field, product_ids):
    """{record id: its sorted ``field`` values} from one of the (record, value) pair tables."""
    related = {}
    pairs = model.objects.filter(record__in=product_ids).order_by("record", field)
    for pk, value in pairs.values_list("record", field):
        related[pk] = (*related.get(pk, ()), value)
    return related


RECORD_FIELDS = ProductRecord._meta.concrete_fields
TEXT_FIELDS = ProductText._meta.concrete_fields


def _names(fields):
    return [field.attname for field in fields]


def _overwritten(fields):
    """What an upsert sets on a row already there: every field but the key."""
    return [field.name for field in fields if not field.primary_key]


def _values(instance, fields):
    return _normalised([getattr(instance, field.attname) for field in fields], fields)


def _normalised(values, fields):
    return tuple(field.to_python(value) for value, field in zip(values, fields, strict=True))


def write(rows):
    """Store the :class:`IndexRows` of these products, whether they have a record yet or not.

    Records and words are upserted and the title keys, category and enterprise
    pairs replaced, so writing a product twice leaves the rows of the second write,
    never a duplicate key.
    """
    ids = [product.record.pk for product in rows]
    ProductRecord.objects.bulk_create(
        [product.record for product in rows],
        update_conflicts=True,
        unique_fields=["product"],
        update_fields=_overwritten(RECORD_FIELDS),
    )
    ProductText.objects.bulk_create(
        [product.text for product in rows],
        update_conflicts=True,
        unique_fields=["record"],
        update_fields=_overwritten(TEXT_FIELDS),
    )
    title_keys.replace([product.text for product in rows])
    RecordCategory.objects.filter(record__in=ids).delete()
    RecordCategory.objects.bulk_create(
        (
            RecordCategory(record_id=product.record.pk, category_id=pk)
            for product in rows
            for pk in product.category_ids
        ),
        ignore_conflicts=True,
    )
    RecordEnterprise.objects.filter(record__in=ids).delete()
    RecordEnterprise.objects.bulk_create(
        (
            RecordEnterprise(record_id=product.record.pk, enterprise_id=pk)
            for product in rows
            for pk in product.enterprise_ids
        ),
        ignore_conflicts=True,
    )
    return len(rows)


def record(document):
    band = price_band(document.price)
    return ProductRecord(
        product_id=document.product_id,
        title=document.title[:255],
        url=document.url[:255],
        province_code=document.province_code,
        commune_code=document.commune_code,
        stars=document.stars,
        badges=document.badges,
        price=document.price,
        price_band=band,
        in_stock=document.in_stock,
        rating=document.rating,
        date_created=document.date_created,
        badges_change_on=document.badges_change_on,
        cell=cells.pack(document.stars, document.badges, document.in_stock, band),
    )


def text(document):
    return ProductText(
        record_id=document.product_id,
        title_folded=" ".join(words(document.title_folded)),
        title_words=f" {' '.join(accented_words(document.title))} ",
        text_folded=" ".join(words(document.text_folded)),
    )


def price_band(price):
    """The index of the PRICE_BUCKETS bucket holding ``price`` ([lower, upper)), None without a price."""
    if price is None:
        return None
    for band, (low, high) in enumerate(PRICE_BUCKETS):
        if (low is None or price >= low) and (high is None or price < high):
            return band
    return None


def analyze():
    """Fresh planner statistics after a rebuild.

    Without them the database guesses that a province or a star rating is
    selective and walks an index row by row where reading the narrow table
    straight through is several times faster.
    """
    models = (ProductRecord, ProductText, TitleKey, RecordCategory, RecordEnterprise)
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
