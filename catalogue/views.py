from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView


class ProductDetailView(OscarProductDetailView):
    """A product page exists for shoppers only while an approved enterprise sells it."""

    def is_viewable(self, product, request):
        if not super().is_viewable(product, request):
            return False
        return request.user.is_staff or product.is_sold_by_approved_enterprise
