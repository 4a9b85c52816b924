"""A :class:`ProductQuery`'s filters as ORM conditions on search records, one per facet family.

Facets are counted with every filter but their own family's (disjunctive
faceting), so the filters are kept apart by family rather than folded into
one queryset.
"""

from decimal import Decimal, InvalidOperation

from django.db.models import Exists, OuterRef, Q
from oscar.core.loading import get_model

from catalogue.category_index import category_index
from search.models import ProductRecord, RecordCategory, RecordEnterprise
from search.query import BadgeKind, Facet
from vendors.models import EnterpriseStatus

INLINE_IDS = 500  # ids written into the SQL as parameters; more are read by a subquery


class Filters:
    """``matching_ids`` is the full-text subquery of the records holding ``words``, or None."""

    def __init__(self, query, matching_ids=None, words=(), withdrawn=()):
        self.matching_ids = matching_ids
        self.withdrawn = tuple(withdrawn)
        self.words = tuple(words) if matching_ids is not None else ()
        self.by_family = {}
        self.values = {}  # family -> the values filtered on, as a plain tuple
        if ids := _ints(query.category_ids):
            self._add(Facet.CATEGORY, self._related(RecordCategory, category__in=_topmost(ids)), ids)
        if ids := _ints(query.enterprise_ids):
            self._add(Facet.ENTERPRISE, self._related(RecordEnterprise, enterprise__in=ids), ids)
        if codes := _codes(query.province_codes):
            self._add(Facet.PROVINCE, Q(province_code__in=codes), codes)
        if codes := _codes(query.commune_codes):
            self._add(Facet.COMMUNE, Q(commune_code__in=codes), codes)
        if stars := self.min_stars(query):
            self._add(Facet.STARS, Q(stars__gte=stars), stars)
        if badges := self.badges(query):
            self._add(Facet.BADGE, Q(badges__has_all=badges), badges)
        if price := self.price_condition(query):
            self._add(Facet.PRICE, price, (_decimal(query.price_min), _decimal(query.price_max)))
        if query.in_stock:
            self._add(Facet.IN_STOCK, Q(in_stock=True), True)

    def _related(self, model, **chosen):
        """Records paired with a chosen category or enterprise.

        With words, each hit is looked up in the pairs: the words usually match
        fewer records than a category holds, and listing a whole sector's
        records would cost more than the search. Without words, the chosen
        values' records are listed once.
        """
        pairs = model.objects.filter(**chosen)
        if self.matching_ids is not None:
            return Q(Exists(pairs.filter(record=OuterRef("pk"))))
        return Q(pk__in=pairs.values("record"))

    def _add(self, family, condition, values):
        self.by_family[family] = condition
        self.values[family] = values

    def key(self, without=()):
        """What :meth:`records` depends on, as plain values: the words and each family's filter."""
        return (self.words, tuple(sorted((f, v) for f, v in self.values.items() if f not in without)))

    def records(self, without=()):
        """Records matching the words and every filter except those of the ``without`` families."""
        conditions = [q for family, q in self.by_family.items() if family not in without]
        if self.matching_ids is not None:
            conditions.append(Q(pk__in=self.matching_ids))
        return ProductRecord.objects.exclude(withdrawn_condition(self.withdrawn)).filter(*conditions)

    def withdrawn_records(self):
        """The withdrawn records' ids as a queryset to leave out, or None when there are none."""
        if not self.withdrawn:
            return None
        return ProductRecord.objects.filter(withdrawn_condition(self.withdrawn)).values("pk")

    def active(self, family):
        return family in self.by_family

    def restricted(self, without=()):
        """Whether any condition beyond the words applies once ``without`` families are set aside."""
        return any(family not in without for family in self.by_family)

    @staticmethod
    def min_stars(query):
        try:
            return int(query.min_stars) if query.min_stars else None
        except (TypeError, ValueError):
            return None

    @staticmethod
    def badges(query):
        return sorted({badge for badge in query.badges if badge in BadgeKind.VALUES})

    @staticmethod
    def price_condition(query):
        """Both ends inclusive; a product without a price never matches a price filter."""
        low, high = _decimal(query.price_min), _decimal(query.price_max)
        condition = Q()
        if low is not None:
            condition &= Q(price__gte=low)
        if high is not None:
            condition &= Q(price__lte=high)
        return condition or None


def withdrawn_record_ids():
    """Records stocked by an enterprise no longer approved: usually none, a storefront's worth at most.

    The index catches up once a suspension commits (and then keeps a product
    another approved enterprise still sells); until then leaving these out
    takes the products out of the very next search.
    """
    Partner = get_model("partner", "Partner")
    not_selling = Partner.objects.exclude(status=EnterpriseStatus.APPROVED).values("pk")
    return RecordEnterprise.objects.filter(enterprise__in=not_selling).values_list("record", flat=True)


def withdrawn_condition(ids, field="pk"):
    """``field`` among the withdrawn ``ids``, read once per search.

    Written out as a list rather than the subquery: asked per row, even an
    empty subquery costs a lookup for each of a hundred thousand records.
    A longer list than the database takes as parameters falls back to it.
    """
    if not ids:
        return Q(pk__in=())  # matches nothing, so excluding it keeps every row and adds no SQL
    if len(ids) > INLINE_IDS:
        return Q(**{f"{field}__in": withdrawn_record_ids()})
    return Q(**{f"{field}__in": ids})


def _topmost(category_ids):
    """The chosen categories that are not under another chosen one.

    A record lists its categories' ancestors too, so a category's records
    already hold its sub-categories' and asking for those as well only makes
    the database read the same records again. The tree is read from the kept
    category index (:mod:`catalogue.category_index`), at no cost per search.
    """
    return category_index().topmost(category_ids) or category_ids


def _ints(values):
    ids = []
    for value in values or ():
        try:
            ids.append(int(value))
        except (TypeError, ValueError):
            continue
    return sorted(set(ids))


def _codes(values):
    return sorted({str(value) for value in values or () if value not in (None, "")})


def _decimal(value):
    if value in (None, ""):
        return None
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None
    return value if value.is_finite() else None
