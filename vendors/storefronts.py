"""Which enterprises have a public storefront, and what their storefront may say about them.

Public functions for every page that shows an enterprise to shoppers: the storefront list
(``vendors.views.storefront``), the storefront page with its products (``search``, which
lists them) and the evidence pages of the catalogue.
"""

import re

from django.db.models import Count, Q

from .models import Partner

PERSONAL_ID = re.compile(r"\d{12}")
VISIBLE_ID_DIGITS = 3


def storefronts():
    """Approved enterprises that can be linked to (a storefront is addressed by its slug)."""
    return Partner.objects.approved().exclude(slug=None).exclude(slug="")


def products_on_sale():
    """How many browsable products an enterprise stocks, counted in the listing's own query."""
    public = Q(
        stockrecords__product__is_public=True,
        stockrecords__product__parent=None,
        stockrecords__product__listing_status="listed",  # catalogue.models.ListingStatus.LISTED
    )
    return Count("stockrecords__product", filter=public, distinct=True)


def public_tax_code(tax_code):
    """A household's 12-digit personal ID is personal data: show only its last digits."""
    if PERSONAL_ID.fullmatch(tax_code):
        hidden = len(tax_code) - VISIBLE_ID_DIGITS
        return "•" * hidden + tax_code[hidden:]
    return tax_code
