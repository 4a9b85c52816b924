"""What an enterprise's staff may reach: their approved enterprise's products and records, nothing else.

Every enterprise-side query starts here, so a record of another enterprise is
simply not found (404), whatever id is typed into the URL.
"""

from django.core.exceptions import PermissionDenied
from oscar.core.loading import get_model

OcopCertificate = get_model("catalogue", "OcopCertificate")
Product = get_model("catalogue", "Product")
TraceabilityBatch = get_model("catalogue", "TraceabilityBatch")


def enterprise_of(user):
    """The approved enterprise this person works for; refused if there is none."""
    enterprise = user.partners.approved().order_by("pk").first()
    if enterprise is None:
        raise PermissionDenied
    return enterprise


def own_products(enterprise):
    """Products the enterprise sells (a product is its seller's through its stock record)."""
    return Product.objects.filter(pk__in=enterprise.stockrecords.values("product_id"))


def own_certificates(enterprise):
    return OcopCertificate.objects.filter(enterprise=enterprise)


def own_lots(enterprise):
    return TraceabilityBatch.objects.filter(product__in=own_products(enterprise))


class EnterpriseStaffMixin:
    """Sets ``self.enterprise`` before anything else runs; Oscar's URL permission check comes first."""

    def dispatch(self, request, *args, **kwargs):
        self.enterprise = enterprise_of(request.user)
        return super().dispatch(request, *args, **kwargs)
