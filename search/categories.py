"""The public category tree for a results page, read in one query whatever the page shows.

Search needs a category's descendants (a category matches its sub-categories),
labels for facets and chips, and links to "nearby" categories; asking treebeard
and Oscar for each of these costs a query per category, so the page loads the
small tree once and answers from memory.
"""

from dataclasses import dataclass

from django.urls import reverse
from oscar.core.loading import get_model

Category = get_model("catalogue", "Category")


@dataclass(frozen=True)
class CategoryNode:
    pk: int
    name: str
    path: str
    depth: int
    url: str


class CategoryTree:
    def __init__(self, include_hidden=False):
        categories = Category.objects.all() if include_hidden else Category.objects.filter(is_public=True)
        rows = list(categories.order_by("path").values_list("pk", "name", "slug", "path", "depth"))
        slugs = {}  # path -> full slug
        self.nodes = {}
        for pk, name, slug, path, depth in rows:
            parent_path = path[: -Category.steplen]
            if depth > 1 and parent_path not in slugs:
                continue  # under a hidden parent: not reachable by a shopper
            full_slug = f"{slugs[parent_path]}{Category._slug_separator}{slug}" if depth > 1 else slug
            slugs[path] = full_slug
            url = reverse("catalogue:category", kwargs={"category_slug": full_slug, "pk": pk})
            self.nodes[pk] = CategoryNode(pk, name, path, depth, url)

    def get(self, pk):
        try:
            return self.nodes.get(int(pk))
        except (TypeError, ValueError):
            return None

    def __contains__(self, pk):
        return self.get(pk) is not None

    @staticmethod
    def is_below(node, ancestor):
        """Strictly under ``ancestor``."""
        return node.path.startswith(ancestor.path) and node.depth > ancestor.depth

    def with_descendants(self, pks):
        """The categories and all their descendants' ids: what ``ProductQuery.category_ids`` expects."""
        chosen = [self.nodes[pk] for pk in pks if pk in self.nodes]
        return tuple(
            node.pk for node in self.nodes.values() if any(node.path.startswith(c.path) for c in chosen)
        )

    def ancestors(self, category):
        """From the sector down to the parent of ``category``, for breadcrumbs."""
        return [
            node
            for node in self.nodes.values()
            if category.path.startswith(node.path) and node.depth < category.depth
        ]

    def roots(self):
        """The top level: the six OCOP sectors."""
        return [node for node in self.nodes.values() if node.depth == 1]
