"""What a results page offers to narrow or widen a search: facet links and removable chips.

Everything here is a link built from the understood query string
(:meth:`SearchForm.parameters`), so each facet or chip keeps the other filters,
starts again at page 1, and works without JavaScript.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _
from oscar.templatetags.currency_filters import currency

from . import facets
from .forms import parse_price_range
from .query import BadgeKind, Facet

# Facets with one value at a time: choosing another replaces it.
SINGLE_VALUED = {Facet.STARS, Facet.PRICE, Facet.IN_STOCK}
TRUE_VALUES = {"1", "true", "on", "yes"}
VISIBLE_OPTIONS = 8  # per group; the rest sit behind "more"

GROUP_LABELS = {
    Facet.CATEGORY: _("Category"),
    Facet.STARS: _("OCOP stars"),
    Facet.BADGE: _("Badges"),
    Facet.PRICE: _("Price"),
    Facet.IN_STOCK: _("Availability"),
    Facet.PROVINCE: _("Province of origin"),
    Facet.COMMUNE: _("Commune or ward of origin"),
    Facet.ENTERPRISE: _("Enterprise"),
}
GROUP_ORDER = list(GROUP_LABELS)


@dataclass(frozen=True)
class Option:
    label: str
    url: str
    count: int
    selected: bool
    depth: int = 0  # indentation, for categories under their sector


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list[Option] = field(default_factory=list)

    @property
    def shown(self):
        """The options always visible: the first few, and every selected one."""
        return [o for i, o in enumerate(self.options) if i < VISIBLE_OPTIONS or o.selected]

    @property
    def more(self):
        return [o for i, o in enumerate(self.options) if i >= VISIBLE_OPTIONS and not o.selected]

    @property
    def has_selection(self):
        return any(option.selected for option in self.options)


@dataclass(frozen=True)
class Chip:
    label: str
    remove_url: str


def query_url(pairs, path=""):
    return f"{path}?{urlencode(pairs)}" if pairs else (path or "?")


def toggled(pairs, name, value):
    """The parameters with ``name=value`` switched on or off (single-valued facets replace)."""
    present = (name, value) in pairs
    if name in SINGLE_VALUED or name == Facet.PRICE:
        kept = [(n, v) for n, v in pairs if n != name]
        if name == Facet.PRICE:
            kept = [(n, v) for n, v in kept if n not in ("price_min", "price_max")]
    else:
        kept = [pair for pair in pairs if pair != (name, value)]
    return kept if present else kept + [(name, value)]


class Refinements:
    """Facet groups and chips for one results page.

    ``categories`` is the page's :class:`CategoryTree`; ``within`` the category a
    category page is fixed to (its ancestors and itself are not offered as facets).
    ``labels`` holds fallback labels for selected values the backend did not count.
    """

    def __init__(self, form, results, categories, within=None, labels=None):
        self.form = form
        self.pairs = form.parameters()
        self.facets = results.facets or {}
        self.categories = categories
        self.within = within
        self.fallback = labels or {}

    def groups(self):
        groups = []
        for name in GROUP_ORDER:
            options = self._options(name, self.facets.get(name, []))
            if options:
                groups.append(FacetGroup(name, GROUP_LABELS[name], options))
        return groups

    def _options(self, name, values):
        options = []
        for facet_value in values:
            value = str(facet_value.value)
            if name == Facet.IN_STOCK:
                if value.lower() not in TRUE_VALUES:
                    continue
                value = "1"
            selected = (name, value) in self.pairs
            if not (facet_value.count or selected):
                continue
            depth, order = 0, ""
            if name == Facet.CATEGORY:
                node = self.categories.get(value)
                if node is None or (self.within and not self.categories.is_below(node, self.within)):
                    continue
                depth = node.depth - (self.within.depth + 1 if self.within else 1)
                order = node.path
            options.append(
                (
                    order,
                    Option(
                        label=self._facet_label(name, value, facet_value.label),
                        url=query_url(toggled(self.pairs, name, value)),
                        count=facet_value.count,
                        selected=selected,
                        depth=depth,
                    ),
                )
            )
        if name == Facet.CATEGORY:  # the tree's order: each sector followed by its product sets
            options.sort(key=lambda pair: pair[0])
        return [option for _order, option in options]

    def _facet_label(self, name, value, label):
        if name == Facet.STARS:
            return _("%(stars)s★ and more") % {"stars": value}
        if name == Facet.PRICE:
            return price_label(value) or label
        if name == Facet.IN_STOCK:
            return _("In stock")
        return label or self.label(name, value)

    def label(self, name, value):
        """How a selected value reads on its chip."""
        if name == Facet.CATEGORY:
            node = self.categories.get(value)
            return node.name if node else value
        if name == Facet.BADGE:
            return dict(BadgeKind.CHOICES).get(value, value)
        if name == Facet.STARS:
            return _("%(stars)s★ and more") % {"stars": value}
        if name == Facet.PRICE:
            return price_label(value) or value
        if name == Facet.IN_STOCK:
            return _("In stock")
        if name == "price_min":
            return _("From %(price)s") % {"price": currency(value)}
        if name == "price_max":
            return _("Up to %(price)s") % {"price": currency(value)}
        for facet_value in self.facets.get(name, []):
            if str(facet_value.value) == value and facet_value.label:
                return facet_value.label
        return self.fallback.get((name, value), value)

    def chips(self):
        return [
            Chip(self.label(name, value), query_url(toggled(self.pairs, name, value)))
            for name, value in self.pairs
            if name not in ("q", "sort_by")
        ]

    def without_filters(self):
        """The same words with every filter removed (the sort kept)."""
        return query_url([(n, v) for n, v in self.pairs if n in ("q", "sort_by")])


def price_label(value):
    """The label of a price range written as in the query string, "" if it is not one."""
    bounds = parse_price_range(value)
    return facets.price_label(*bounds) if bounds is not None else ""
