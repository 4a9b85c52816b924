"""A :class:`ProductQuery`'s filters as ORM conditions on search records, one per facet family.

Facets are counted with every filter but their own family's (disjunctive
faceting), so the filters are kept apart by family rather than folded into
one queryset.
"""

from decimal import Decimal, InvalidOperation

from django.db.models import Q
from oscar.core.loading import get_model

from search.models import ProductRecord, RecordCategory, RecordEnterprise
from search.query import BadgeKind, Facet
from vendors.models import EnterpriseStatus


class Filters:
    def __init__(self, query, text_condition=None, words=()):
        self.text = text_condition
        self.words = tuple(words) if text_condition is not None else ()
        self.by_family = {}
        self.values = {}  # family -> the values filtered on, as a plain tuple
        if ids := _ints(query.category_ids):
            in_categories = RecordCategory.objects.filter(category__in=ids).values("record")
            self._add(Facet.CATEGORY, Q(pk__in=in_categories), ids)
        if ids := _ints(query.enterprise_ids):
            stocked = RecordEnterprise.objects.filter(enterprise__in=ids).values("record")
            self._add(Facet.ENTERPRISE, Q(pk__in=stocked), ids)
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

    def _add(self, family, condition, values):
        self.by_family[family] = condition
        self.values[family] = values

    def key(self, without=()):
        """What :meth:`records` depends on, as plain values: the words and each family's filter."""
        return (self.words, tuple(sorted((f, v) for f, v in self.values.items() if f not in without)))

    def records(self, without=()):
        """Records matching the words and every filter except those of the ``without`` families."""
        conditions = [q for family, q in self.by_family.items() if family not in without]
        if self.text is not None:
            conditions.append(self.text)
        return searchable_records().filter(*conditions)

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


def searchable_records():
    """Every record, less those of an enterprise suspended since they were indexed.

    The index catches up once the suspension commits (and then keeps a product
    another approved enterprise still sells); until then this takes the
    products out of the very next search.
    """
    return ProductRecord.objects.exclude(pk__in=withdrawn_record_ids())


def withdrawn_record_ids():
    """Ids of records stocked by an enterprise no longer approved: a handful at most, usually none."""
    Partner = get_model("partner", "Partner")
    not_selling = Partner.objects.exclude(status=EnterpriseStatus.APPROVED).values("pk")
    return RecordEnterprise.objects.filter(enterprise__in=not_selling).values("record")


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
