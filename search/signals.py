"""What the search app tells the rest of the site, each sent once the change has committed.

- ``catalogue_changed(product_ids)``: products changed in a way a shopper could notice (price,
  stock, badges, text, categories, their enterprise), as :mod:`search.indexing` collects them;
  sent when the change commits, before their search records are rewritten.
- ``index_changed(product_ids)``: the search index changed, so what lists and searches find
  may have changed; ``product_ids`` is empty when the change is not about given products
  (an enterprise's status, a rebuild).
"""

from django.dispatch import Signal

catalogue_changed = Signal()
index_changed = Signal()
