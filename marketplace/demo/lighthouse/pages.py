"""The four pages issue 20 scores: home, a product page, a search's results and a storefront."""

from urllib.parse import urlencode

from django.urls import reverse
from oscar.core.loading import get_model

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")

SEARCH_WORDS = "mật ong"


def measured():
    """``[(name, path)]`` in the order they are measured and printed; the product one has pictures."""
    browsable = Product.objects.filter(is_public=True, stockrecords__num_in_stock__gt=0).order_by("pk")
    product = browsable.filter(images__isnull=False).first() or browsable.first()
    enterprise = Partner.objects.approved().order_by("pk").first()
    if product is None or enterprise is None:
        raise LookupError("the database has no product in stock or no approved enterprise")
    return [
        ("home", "/"),
        ("product", product.get_absolute_url()),
        ("search", f"{reverse('search:search')}?{urlencode({'q': SEARCH_WORDS})}"),
        ("storefront", reverse("enterprises:detail", kwargs={"slug": enterprise.slug})),
    ]
