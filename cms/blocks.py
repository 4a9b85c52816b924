"""StreamField blocks editors place in provincial pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .choosers import category_chooser_viewset
from .event_blocks import UpcomingEventsBlock
from .fact_blocks import EnterpriseCardBlock, FactProductsBlock, TraceableLotBlock
from .product_row import ProductRowContext
from .rich_text import SafeRichTextBlock

CategoryChooserBlock = category_chooser_viewset.get_block_class(
    name="CategoryChooserBlock", module_path="cms.blocks"
)


class ProductsBlock(ProductRowContext, blocks.StructBlock):
    """A row of products, chosen by the search service from a category and/or words."""

    heading = blocks.CharBlock(label=_("Heading"))
    category = CategoryChooserBlock(label=_("Category"), required=False)
    search_text = blocks.CharBlock(
        label=_("Search words"), required=False, help_text=_("Optional, e.g. 'mật ong'.")
    )
    count = blocks.IntegerBlock(label=_("How many"), default=8, min_value=1, max_value=24)

    class Meta:
        icon = "list-ul"
        label = _("Products")
        template = "cms/blocks/products.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    author = blocks.CharBlock(label=_("Author"), required=False)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        template = "cms/blocks/image.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("Heading"), form_classname="title", template="cms/blocks/heading.html")
    paragraph = SafeRichTextBlock(label=_("Paragraph"), features=["bold", "italic", "link", "ol", "ul"])
    image = ImageBlock()
    quote = QuoteBlock()
    products = ProductsBlock()
    upcoming_events = UpcomingEventsBlock()
    enterprise_card = EnterpriseCardBlock()
    fact_products = FactProductsBlock()
    traceable_lot = TraceableLotBlock()
