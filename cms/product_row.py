"""What a block showing a row of products puts in its template's context (``ProductsBlock``,
``FactProductsBlock``): its products, searched through the page's rows so that every row's
cards render together (:class:`cms.services.ProductRows`)."""


class ProductRowContext:
    """A StructBlock mixin; the block's class answers ``ProductRows.key``/``products`` for it."""

    def get_context(self, value, parent_context=None):
        from .services import ROWS, ProductRows

        context = super().get_context(value, parent_context)
        rows = context.get(ROWS) or ProductRows([value])  # the page's rows, rendered together
        context[ROWS] = rows
        context["products"] = rows.products(value)
        return context
