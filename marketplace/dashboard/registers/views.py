"""The product register: every product of the province's enterprises, filtered and exported.

The page shows the register a page at a time; ``?export=csv|xlsx`` hands on the whole filtered
register (``marketplace.reports.registers``), streamed whatever its size.
"""

from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView
from oscar.core.loading import get_model

from marketplace.dashboard.queues import StatusQueueMixin
from marketplace.reports import registers
from marketplace.reports.exporting import ExportMixin

from .forms import ProductRegisterFilterForm

Product = get_model("catalogue", "Product")


class ProductRegisterView(StatusQueueMixin, ExportMixin, ListView):
    template_name = "oscar/dashboard/registers/products.html"
    context_object_name = "products"
    filter_form_class = ProductRegisterFilterForm
    export_title = _("Product register")
    export_filename = "products"
    export_columns = registers.PRODUCT_COLUMNS

    def get_queryset(self):
        """Canonical products (a variant is sold as its parent), newest first."""
        products = registers.products_register(Product.objects.filter(parent=None))
        return self.filtered(products).order_by("-date_created", "-pk")

    def export_rows(self, queryset):
        return registers.product_rows(queryset)

    def status_counts(self):
        return []  # a register, not a queue: no status tabs
