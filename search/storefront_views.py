"""An enterprise's storefront page: its story and legal identity, and its products from the search service.

The page sits above both apps: vendors says which enterprises have a storefront and what it may
show of them; search lists their products. It is served at ``/enterprises/<slug>/`` (URL name
``enterprises:detail``), mounted with the enterprises' other pages by the shop's config.
"""

from django.views.generic import DetailView

from vendors.storefronts import public_tax_code, storefronts

from .forms import page_number
from .query import ProductQuery
from .services import search_products


class EnterpriseDetailView(DetailView):
    """One approved enterprise: its story, its legal identity and its products.

    Each storefront publishes the seller information the Law on E-commerce (122/2025/QH15)
    requires a platform to show.
    """

    template_name = "search/storefront.html"
    context_object_name = "enterprise"

    def get_queryset(self):
        return storefronts().select_related("commune", "province")

    def get_context_data(self, **kwargs):
        query = ProductQuery(enterprise_ids=(self.object.pk,), page=page_number(self.request))
        results = search_products(query)
        return super().get_context_data(
            tax_code=public_tax_code(self.object.tax_code),
            results=results,
            products=results.products,
            page_obj=results.page,
            paginator=results.paginator,
            **kwargs,
        )
