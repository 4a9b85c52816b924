"""The public category tree for a results page, from the kept category index: no query.

Search needs a category's descendants (a category matches its sub-categories),
labels for facets and chips, and links to "nearby" categories; asking treebeard
and Oscar for each of these costs a query per category. The whole tree is kept
under the content revision (``catalogue.category_index``); a results page takes
from it what a shopper may see.
"""

from catalogue.category_index import category_index


class CategoryTree:
    def __init__(self, include_hidden=False):
        self.nodes = {}  # pk -> IndexedCategory, in path order
        for node in category_index().ordered:
            if not (include_hidden or node.is_public):
                continue
            if node.parent is not None and node.parent not in self.nodes:
                continue  # under a hidden parent: not reachable by a shopper
            self.nodes[node.pk] = node

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
