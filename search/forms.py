"""The search and catalogue pages' query string, read into a :class:`ProductQuery`.

Shoppers edit URLs, share them and follow old links, so nothing here refuses a
request: a value that cannot be understood is dropped, the rest of the search
still runs, and :attr:`SearchForm.notices` says gently what was left out.
The parameter names are the facet names of :class:`search.query.Facet`, so a
facet value goes straight back into the query string.
"""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from places.legacy import old_names_in, old_units, without_old_names

from .query import MAX_QUERY_LENGTH, PRICE_BUCKETS, BadgeKind, Facet, ProductQuery, Sort

MAX_VALUES = 20  # per filter: more is never a shopper, and keeps the SQL bounded
MAX_PRICE = Decimal(10) ** 12

PROVINCE_CODE = re.compile(r"\d{2}")
COMMUNE_CODE = re.compile(r"\d{5}")
OLD_CODE = re.compile(r"\d{2}|\d{3}|\d{5}")  # a former province, district or commune
NO_COMMUNE = "00000"  # no commune has this code: a former place and a chosen commune that do not meet
PRICE_RANGE = re.compile(r"(\d*)-(\d*)")


def page_number(request):
    """The ``page`` asked for, 1 when missing or not a positive number (the storefront pages)."""
    try:
        return max(int(request.GET.get("page", 1)), 1)
    except (TypeError, ValueError):
        return 1


def parse_id(value):
    if value.isdigit() and 0 < int(value) < 2**31:
        return int(value)
    return None


def parse_code(pattern):
    return lambda value: value if pattern.fullmatch(value) else None


def parse_badge(value):
    return value if value in BadgeKind.VALUES else None


def parse_price_range(value):
    """A price bucket as written in the query string, "100000-200000"; either end may be open."""
    match = PRICE_RANGE.fullmatch(value)
    if not match or not any(match.groups()):
        return None
    low, high = (Decimal(end) if end else None for end in match.groups())
    if (low is not None and low >= MAX_PRICE) or (high is not None and high >= MAX_PRICE):
        return None
    return (low, high) if low is None or high is None or low <= high else (high, low)


def price_range_value(low, high):
    """The query-string form of a price range; the inverse of :func:`parse_price_range`."""
    return f"{'' if low is None else int(low)}-{'' if high is None else int(high)}"


PRICE_RANGES = [price_range_value(low, high) for low, high in PRICE_BUCKETS]


class ValueListField(forms.Field):
    """Repeated query-string values (``badge=a&badge=b``), each read by ``parse``.

    Cleaning never fails: values ``parse`` rejects are kept aside in ``dropped``
    by the form, so one bad value does not lose the good ones.
    """

    widget = forms.MultipleHiddenInput

    def __init__(self, parse, **kwargs):
        self.parse = parse
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        return [item.strip() for item in (value or []) if item and item.strip()]


class DongField(forms.CharField):
    """An amount in đồng, as a shopper types it: "150000", "150.000", "150,000 ₫"."""

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        digits = re.sub(r"[\s.,₫đ]|vnd", "", value.lower())
        if not digits.isdigit() or len(digits) > 12:
            raise forms.ValidationError(_("Enter a price in đồng, for example 150000."), code="invalid")
        return Decimal(digits)


class SearchForm(forms.Form):
    """The header search box and every filter of the search and catalogue pages."""

    q = forms.CharField(
        required=False,
        label=_("Search"),
        widget=forms.TextInput(attrs={"placeholder": _("Search products, e.g. nuoc mam"), "type": "search"}),
    )
    category = ValueListField(parse_id, label=_("Category"))
    province = ValueListField(parse_code(PROVINCE_CODE), label=_("Province of origin"))
    commune = ValueListField(parse_code(COMMUNE_CODE), label=_("Commune of origin"))
    old = ValueListField(parse_code(OLD_CODE), label=_("Former place of origin"))
    enterprise = ValueListField(parse_id, label=_("Enterprise"))
    badge = ValueListField(parse_badge, label=_("Badge"))
    stars = forms.TypedChoiceField(
        label=_("OCOP stars"), choices=[(str(n), n) for n in range(1, 6)], coerce=int, required=False
    )
    price = forms.CharField(label=_("Price"), required=False)
    price_min = DongField(label=_("Lowest price"), required=False)
    price_max = DongField(label=_("Highest price"), required=False)
    in_stock = forms.BooleanField(label=_("In stock"), required=False)
    sort_by = forms.ChoiceField(label=_("Sort by"), choices=Sort.CHOICES, required=False)
    page = forms.IntegerField(label=_("Page"), min_value=1, required=False)

    LIST_FIELDS = (Facet.CATEGORY, Facet.PROVINCE, Facet.COMMUNE, "old", Facet.ENTERPRISE, Facet.BADGE)

    def __init__(self, data=None, *args, **kwargs):
        # Always bound: an empty query string is a valid search for everything.
        super().__init__(data if data is not None else {}, *args, **kwargs)
        self.dropped = []  # labels of filters whose values were not understood

    def clean_q(self):
        # Over-long input is cut, not refused: the shopper still gets results.
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]

    def clean_sort_by(self):
        return self.cleaned_data["sort_by"] or Sort.RELEVANCE

    def clean_price(self):
        value = self.cleaned_data["price"].strip()
        if value and parse_price_range(value) is None:
            raise forms.ValidationError(_("Unknown price range."), code="invalid")
        return value

    def clean(self):
        cleaned = super().clean()
        for name in self.LIST_FIELDS:
            raw = cleaned.get(name, [])
            parsed = [self.fields[name].parse(value) for value in raw]
            accepted = list(dict.fromkeys(value for value in parsed if value is not None))
            if len(accepted) < len(raw) or len(accepted) > MAX_VALUES:
                self.dropped.append(self.fields[name].label)
            cleaned[name] = tuple(accepted[:MAX_VALUES])
        low, high = cleaned.get("price_min"), cleaned.get("price_max")
        if low is not None and high is not None and low > high:
            cleaned["price_min"], cleaned["price_max"] = high, low
        return cleaned

    def drop(self, name, keep):
        """Keep only the values of a list filter that the caller found to exist (e.g. public categories)."""
        values = self.cleaned_data.get(name, ())
        kept = tuple(value for value in values if value in keep)
        if len(kept) < len(values):
            self.dropped.append(self.fields[name].label)
        self.cleaned_data[name] = kept

    @property
    def notices(self):
        """What the page tells the shopper it left out, one line per filter."""
        labels = [self.fields[name].label for name in self.errors] + self.dropped
        return [
            _("“%(filter)s” in the address was not understood and is not applied.") % {"filter": label}
            for label in dict.fromkeys(labels)
        ]

    def value(self, name, default=None):
        """The cleaned value of a field, or ``default`` when it was absent or dropped."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        value = self.cleaned_data.get(name)
        return default if value in (None, "", ()) else value

    def price_bounds(self):
        """(lowest, highest) đồng asked for: typed bounds win over a bucket."""
        low, high = self.value("price_min"), self.value("price_max")
        if low is None and high is None and self.value("price"):
            low, high = parse_price_range(self.value("price"))
        return low, high

    def old_places(self):
        """Former units (before 1 July 2025) typed in the words or chosen with ``old``, looked up once.

        Each is a :class:`places.legacy.OldName` with the current communes it became.
        """
        if not hasattr(self, "_old_places"):
            places = old_names_in(self.value("q", ""))
            codes = self.value("old", ())
            if codes:
                chosen = old_units(codes)
                if len(chosen) < len(codes):
                    self.dropped.append(self.fields["old"].label)
                places += chosen
            self._old_places = places
        return self._old_places

    def place_filter(self):
        """(words, commune codes) once former places are read: their names leave the words, and the
        products must come from the communes they became (and from the chosen communes, if any).

        A product's place is its origin commune, the one the search index knows; a product whose
        origin commune is not given is not claimed for a former place.
        """
        text, communes = self.value("q", ""), self.value("commune", ())
        places = self.old_places()
        if not places:
            return text, communes
        text = without_old_names(text, [place for place in places if place.end])
        allowed = set.intersection(*(place.commune_codes for place in places))
        communes = tuple(code for code in communes if code in allowed) if communes else tuple(sorted(allowed))
        return text, communes or (NO_COMMUNE,)

    def product_query(self, *, category_ids=(), enterprise_ids=(), per_page=24):
        """The :class:`ProductQuery` for these filters; ``category_ids`` already expanded by the caller."""
        low, high = self.price_bounds()
        text, communes = self.place_filter()
        return ProductQuery(
            text=text,
            category_ids=tuple(category_ids),
            enterprise_ids=tuple(enterprise_ids) or self.value("enterprise", ()),
            province_codes=self.value("province", ()),
            commune_codes=communes,
            min_stars=self.value("stars"),
            badges=self.value("badge", ()),
            price_min=low,
            price_max=high,
            in_stock=bool(self.value("in_stock")),
            sort=self.value("sort_by", Sort.RELEVANCE),
            page=self.value("page", 1),
            per_page=per_page,
        )

    def parameters(self):
        """The understood query string as (name, value) pairs, in a stable order, without the page.

        Links built from these (facets, chips, sorting, pagination) carry every filter
        along and never repeat a value the page has dropped.
        """
        pairs = []
        if self.value("q"):
            pairs.append(("q", self.value("q")))
        for name in self.LIST_FIELDS:
            pairs += [(name, str(value)) for value in self.value(name, ())]
        if self.value("stars"):
            pairs.append((Facet.STARS, str(self.value("stars"))))
        if self.value("price") and self.value("price_min") is None and self.value("price_max") is None:
            pairs.append((Facet.PRICE, self.value("price")))
        for name in ("price_min", "price_max"):
            if self.value(name) is not None:
                pairs.append((name, str(int(self.value(name)))))
        if self.value("in_stock"):
            pairs.append((Facet.IN_STOCK, "1"))
        if self.value("sort_by", Sort.RELEVANCE) != Sort.RELEVANCE:
            pairs.append(("sort_by", self.value("sort_by")))
        return pairs
