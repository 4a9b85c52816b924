"""Each search record's facet values as arrays in this process's memory, kept at the index revision.

Counting facets in SQL costs the database about half a microsecond per hit
and family (a lookup and a sort): "mat ong" matches 18,000 of 100,000
products, and its four families alone took 50 ms before anything was shown.
The same counts over arrays indexed by product id take a few milliseconds
(:mod:`.column_facets`). The arrays are loaded once per process and then
follow the index by revision: only the products logged in
:class:`~search.models.IndexChange` since the revision held are read again.
"""

import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from itertools import chain

import numpy as np
from django.db import connection

from search.models import IndexChange, IndexVersion, ProductRecord, RecordCategory, RecordEnterprise

from .cache import Version

RECORD = ProductRecord._meta.db_table
CHANGE = IndexChange._meta.db_table
VERSION = IndexVersion._meta.db_table
CHUNK = 500  # products read per query when catching up
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MICROSECOND = timedelta(microseconds=1)
RELOAD_SHARE = 0.2  # catching up on more than this share of the records costs more than reloading them


@dataclass(frozen=True)
class Pairs:
    """The (record, value) pairs of a family a product may have several of: categories, enterprises."""

    records: np.ndarray
    values: np.ndarray

    @classmethod
    def of(cls, rows):
        flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=2 * len(rows)).reshape(-1, 2)
        return cls(flat[:, 0].copy(), flat[:, 1].copy())

    def replaced(self, product_ids, rows):
        """These pairs with those of ``product_ids`` replaced by ``rows``."""
        kept = ~np.isin(self.records, product_ids)
        new = Pairs.of(rows)
        return Pairs(
            np.concatenate([self.records[kept], new.records]), np.concatenate([self.values[kept], new.values])
        )

    def holding(self, values, size):
        """A mask, by product id, of the records paired with any of ``values``."""
        mask = np.zeros(size, dtype=bool)
        mask[self.records[among(self.values, values)]] = True
        return mask

    @property
    def nbytes(self):
        return self.records.nbytes + self.values.nbytes

    def counts(self, mask):
        """{value: records in ``mask`` paired with it}."""
        return dict(tally(self.values[mask[self.records]]))


@dataclass(frozen=True)
class Columns:
    """Facet values by product id; a product without a record is not ``present``.

    Places are numbered in ``province_codes`` and ``commune_codes``, where
    number 0 is no place. Prices are whole hundredths of a đồng, so a price
    filter compares exactly; -1 is no price. ``rating`` (NaN for none) and
    ``created`` (microseconds since the epoch) are, with stars and price, what
    pages not ranked by words are sorted by (:mod:`.ordering`).
    """

    version: Version
    present: np.ndarray
    cell: np.ndarray
    province: np.ndarray
    commune: np.ndarray
    cents: np.ndarray
    rating: np.ndarray
    created: np.ndarray
    province_codes: tuple
    commune_codes: tuple
    categories: Pairs
    enterprises: Pairs

    @property
    def size(self):
        return len(self.present)

    @property
    def nbytes(self):
        arrays = (self.present, self.cell, self.province, self.commune, self.cents, self.rating, self.created)
        return sum(array.nbytes for array in arrays) + self.categories.nbytes + self.enterprises.nbytes

    def mask_of(self, product_ids):
        """A mask, by product id, of those of ``product_ids`` that have a record."""
        ids = np.asarray(product_ids, dtype=np.int64)
        mask = np.zeros(self.size, dtype=bool)
        mask[ids[(ids >= 0) & (ids < self.size)]] = True
        return mask & self.present


def among(column, chosen):
    """A mask of the cells of ``column`` (small non-negative integers) holding one of ``chosen``.

    A lookup table rather than ``np.isin``, which sorts: one read per cell.
    """
    top = int(column.max()) if len(column) else -1
    chosen = [value for value in chosen if 0 <= value <= top]  # others are held by no cell
    wanted = np.zeros(top + 1, dtype=bool)
    wanted[chosen] = True
    return wanted[column]


def tally(values):
    """[(value, how many times)] of an array of small non-negative integers."""
    counted = np.bincount(values) if len(values) else np.zeros(0, dtype=np.int64)
    found = np.flatnonzero(counted)
    return list(zip(found.tolist(), counted[found].tolist(), strict=True))


_held = {}  # database -> Columns
_lock = threading.Lock()


def columns_at(version: Version) -> Columns:
    """This process's columns, caught up with ``version`` if they are behind it."""
    database = (connection.alias, connection.settings_dict["NAME"])
    held = _held.get(database)
    if held is not None and not _behind(held.version, version):
        return held
    with _lock:  # one thread catches up; the others wait for it rather than read the same changes
        held = _held.get(database)
        if held is None or _behind(held.version, version):
            held = _caught_up(held, version)
            _held[database] = held
    return held


def forget_columns():
    """Drop every process-held column, so the next search loads them afresh (tests roll back revisions)."""
    with _lock:
        _held.clear()


def _behind(held, version):
    """Whether columns at ``held`` miss changes of ``version``.

    A reader that started before the latest change asks for an older
    revision; the columns already hold its records' newer state, which is
    what it would see next anyway. The same revision under another token
    only happens when a transaction the columns saw rolled back (tests).
    """
    return version.revision > held.revision or (version.revision == held.revision and version != held)


def _caught_up(held, version):
    if held is None or version.revision == held.version.revision:
        return load(version)
    changed = _changed_since(held.version.revision)
    if changed is None or len(changed) > RELOAD_SHARE * max(int(held.present.sum()), 1):
        return load(version)
    if not len(changed):  # the version changed for something else: an enterprise's status, say
        return replace(held, version=version)
    return _with_changes(held, version, changed)


def _changed_since(revision):
    """Products changed after ``revision``, or None when some of those changes were pruned.

    One statement, so the changes and the pruning mark are read at one moment.
    """
    sql = (
        f"SELECT product_id FROM {CHANGE} WHERE revision > %s "
        f"UNION ALL SELECT -1 FROM {VERSION} WHERE pruned_through > %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [revision, revision])
        ids = {row[0] for row in cursor.fetchall()}
    return None if -1 in ids else np.array(sorted(ids), dtype=np.int64)


def load(version: Version) -> Columns:
    """Every record's facet values, read at (or just after) ``version``."""
    rows = _record_rows()
    provinces, communes = _numbering(rows, 2), _numbering(rows, 3)
    size = max((row[0] for row in rows), default=0) + 1
    columns = Columns(
        version=version,
        present=np.zeros(size, dtype=bool),
        cell=np.zeros(size, dtype=np.uint16),
        province=np.zeros(size, dtype=np.int32),
        commune=np.zeros(size, dtype=np.int32),
        cents=np.full(size, -1, dtype=np.int64),
        rating=np.full(size, np.nan),
        created=np.zeros(size, dtype=np.int64),
        province_codes=provinces,
        commune_codes=communes,
        categories=Pairs.of(_pair_rows(RecordCategory, "category_id")),
        enterprises=Pairs.of(_pair_rows(RecordEnterprise, "enterprise_id")),
    )
    _write(columns, rows)
    return columns


def _with_changes(held: Columns, version, changed) -> Columns:
    """``held`` with the records of the ``changed`` products read again (copies: readers keep theirs)."""
    rows, categories, enterprises = [], [], []
    for start in range(0, len(changed), CHUNK):
        chunk = changed[start : start + CHUNK].tolist()
        rows += _record_rows(chunk)
        categories += _pair_rows(RecordCategory, "category_id", chunk)
        enterprises += _pair_rows(RecordEnterprise, "enterprise_id", chunk)
    size = max(held.size, int(changed[-1]) + 1 if len(changed) else 0)

    def grown(array, fill):
        copy = np.full(size, fill, dtype=array.dtype)
        copy[: held.size] = array
        return copy

    columns = Columns(
        version=version,
        present=grown(held.present, False),
        cell=grown(held.cell, 0),
        province=grown(held.province, 0),
        commune=grown(held.commune, 0),
        cents=grown(held.cents, -1),
        rating=grown(held.rating, np.nan),
        created=grown(held.created, 0),
        province_codes=_numbering(rows, 2, held.province_codes),
        commune_codes=_numbering(rows, 3, held.commune_codes),
        categories=held.categories.replaced(changed, categories),
        enterprises=held.enterprises.replaced(changed, enterprises),
    )
    columns.present[changed] = False
    _write(columns, rows)
    return columns


def _write(columns, rows):
    if not rows:
        return
    ids, cells, provinces, communes, cents, ratings, created = zip(*rows, strict=True)
    ids = np.array(ids, dtype=np.int64)
    province_number = {code: number for number, code in enumerate(columns.province_codes)}
    commune_number = {code: number for number, code in enumerate(columns.commune_codes)}
    columns.present[ids] = True
    columns.cell[ids] = cells
    columns.province[ids] = [province_number[code or ""] for code in provinces]
    columns.commune[ids] = [commune_number[code or ""] for code in communes]
    columns.cents[ids] = [-1 if value is None else value for value in cents]
    columns.rating[ids] = [np.nan if value is None else value for value in ratings]
    columns.created[ids] = [_instant(value) for value in created]


def _numbering(rows, column, known=("",)):
    """``known`` codes followed by the new ones in ``rows``' ``column``: numbers never change."""
    seen = set(known)
    new = sorted({row[column] for row in rows if row[column]} - seen)
    return (*known, *new)


def _record_rows(product_ids=None):
    """(product id, cell, province code, commune code, price in hundredths, rating, created) of records."""
    cents = "CAST(ROUND(price * 100) AS BIGINT)"
    sql = f"SELECT product_id, cell, province_code, commune_code, {cents}, rating, date_created FROM {RECORD}"
    return _rows(sql, "product_id", product_ids)


def _instant(value):
    """A creation time as microseconds since the epoch, in the order the database sorts them.

    SQLite hands the column over as the text Django wrote (UTC), PostgreSQL as
    an aware datetime; both become the same integer.
    """
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return (value - EPOCH) // MICROSECOND


def _pair_rows(model, field, product_ids=None):
    sql = f"SELECT record_id, {field} FROM {model._meta.db_table}"
    return _rows(sql, "record_id", product_ids)


def _rows(sql, id_column, product_ids):
    params = []
    if product_ids is not None:
        if not product_ids:
            return []
        sql += f" WHERE {id_column} IN ({', '.join(['%s'] * len(product_ids))})"
        params = list(product_ids)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
