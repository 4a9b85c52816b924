"""What an enterprise's staff may reach: their approved enterprise's products and records, nothing else.

Every enterprise-side query starts here, so a record of another enterprise is
simply not found (404), whatever id is typed into the URL.
"""

from django.core.exceptions import PermissionDenied
from oscar.core.loading import get_model

from vendors.membership import approved_enterprise_of

OcopCertificate = get_model("catalogue", "OcopCertificate")
Product = get_model("catalogue", "Product")
Lot = get_model("catalogue", "Lot")


def own_products(enterprise):
    """Products the enterprise sells (a product is its seller's through its stock record)."""
    return Product.objects.filter(pk__in=enterprise.stockrecords.values("product_id"))


def own_certificates(enterprise):
    return OcopCertificate.objects.filter(enterprise=enterprise)


def own_lots(enterprise):
    return Lot.objects.filter(product__in=own_products(enterprise))


class EnterpriseStaffMixin:
    """Sets ``self.enterprise`` before anything else runs; Oscar's URL permission check comes first.

    Only the staff of an approved enterprise get this far; anyone else is refused.
    """

    def dispatch(self, request, *args, **kwargs):
        self.enterprise = approved_enterprise_of(request.user)
        if self.enterprise is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
