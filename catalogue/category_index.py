"""Every category's place in the tree, kept under the content revision: the tree read in one query.

Content blocks ask for a category's descendants, search for which chosen categories lie under
others, breadcrumbs for a category's ancestors: treebeard answers each with a query of its own.
The tree is small and changes rarely, and any category change records "everything"
(``marketplace.page_cache.changes``), so the whole tree is kept under the content revision
(``marketplace.content_revision``) and answered from memory; a renamed or moved category shows
from the next request on. Hidden categories are in it too (``is_public`` says which): search
and blocks match them as treebeard did; what a shopper sees is for the caller to decide.
"""

from bisect import bisect_left
from dataclasses import dataclass

from django.urls import reverse
from oscar.core.loading import get_model

from marketplace import content_revision

Category = get_model("catalogue", "Category")

KEPT_AS = "category-index"
FIELDS = ("pk", "name", "slug", "path", "depth", "is_public")


@dataclass(frozen=True)
class IndexedCategory:
    pk: int
    name: str
    path: str
    depth: int
    parent: int | None  # the parent's pk; None for a top category
    url: str
    is_public: bool

    def get_absolute_url(self):
        return self.url


class CategoryIndex:
    """The categories in path order (a category before those under it), looked up by id."""

    def __init__(self, categories):
        self.ordered = sorted(categories, key=lambda category: category.path)
        self.paths = [category.path for category in self.ordered]
        self.by_pk = {category.pk: category for category in self.ordered}

    @classmethod
    def read(cls):
        """The tree as the database holds it, in one query."""
        rows = Category.objects.order_by("path").values_list(*FIELDS)
        by_path, slugs, categories = {}, {}, []
        for pk, name, slug, path, depth, is_public in rows:
            parent = by_path.get(path[: -Category.steplen]) if depth > 1 else None
            full_slug = f"{slugs[parent.pk]}{Category._slug_separator}{slug}" if parent else slug
            slugs[pk] = full_slug
            url = reverse("catalogue:category", kwargs={"category_slug": full_slug, "pk": pk})
            category = IndexedCategory(pk, name, path, depth, parent.pk if parent else None, url, is_public)
            by_path[path] = category
            categories.append(category)
        return cls(categories)

    def get(self, pk):
        """The category of ``pk``, or None for an unknown one."""
        try:
            return self.by_pk.get(int(pk))
        except (TypeError, ValueError):
            return None

    def __contains__(self, pk):
        return self.get(pk) is not None

    def descendants_and_self(self, pk):
        """The ids of the category and of every one under it, in path order; () for an unknown one."""
        category = self.get(pk)
        if category is None:
            return ()
        start = bisect_left(self.paths, category.path)
        end = start
        while end < len(self.paths) and self.paths[end].startswith(category.path):
            end += 1
        return tuple(node.pk for node in self.ordered[start:end])

    def ancestors_and_self(self, pk):
        """From the top category down to the category itself (for breadcrumbs); [] for an unknown one."""
        chain, category = [], self.get(pk)
        while category is not None:
            chain.append(category)
            category = self.by_pk.get(category.parent)
        return chain[::-1]

    def topmost(self, pks):
        """Those of ``pks`` that are under no other of them, in path order; unknown ids are left out."""
        chosen = sorted({node.path: node.pk for pk in pks if (node := self.get(pk)) is not None}.items())
        topmost, above = [], None
        for path, pk in chosen:  # in path order, a category follows the one it is under
            if above is None or not path.startswith(above):
                topmost.append(pk)
                above = path
        return topmost


def category_index():
    """The tree as this request sees it: kept under the content revision, read afresh outside a request."""
    return content_revision.kept(KEPT_AS, CategoryIndex.read)
