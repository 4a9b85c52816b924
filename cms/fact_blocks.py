"""Blocks tying a story to verified facts: an enterprise, products by verified origin, stars or
sector, and a traceable lot. Each shows only what the Department verified and holds today."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from catalogue.category_index import category_index
from search.query import BadgeKind, ProductQuery

from .choosers import category_chooser_viewset
from .fact_choosers import enterprise_chooser_viewset, lot_chooser_viewset, origin_commune_chooser_viewset
from .product_row import ProductRowContext
from .story_facts import FACTS, StoryFacts

EnterpriseChooserBlock = enterprise_chooser_viewset.get_block_class(
    name="EnterpriseChooserBlock", module_path="cms.fact_blocks"
)
LotChooserBlock = lot_chooser_viewset.get_block_class(name="LotChooserBlock", module_path="cms.fact_blocks")
OriginCommuneChooserBlock = origin_commune_chooser_viewset.get_block_class(
    name="OriginCommuneChooserBlock", module_path="cms.fact_blocks"
)
SectorChooserBlock = category_chooser_viewset.get_block_class(
    name="SectorChooserBlock", module_path="cms.fact_blocks"
)

STAR_CHOICES = [("3", _("3 stars or more")), ("4", _("4 stars or more")), ("5", _("5 stars"))]


def page_facts(context, **values):
    """The page's facts (every fact block's, loaded together), or this block's own on a page without."""
    return context.get(FACTS) or StoryFacts(**values)


class EnterpriseCardBlock(blocks.StructBlock):
    """An approved enterprise, its place and a few figures, linking to its storefront."""

    enterprise = EnterpriseChooserBlock(label=_("Enterprise"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        facts = page_facts(context, enterprises=[value["enterprise"]])
        context[FACTS] = facts
        context["facts"] = facts.enterprise(value["enterprise"])
        return context

    class Meta:
        icon = "group"
        label = _("Enterprise card")
        template = "cms/blocks/enterprise_card.html"


class FactProductsBlock(ProductRowContext, blocks.StructBlock):
    """Products chosen by verified facts: where they verifiably come from, their OCOP stars, their sector."""

    heading = blocks.CharBlock(label=_("Heading"))
    origin_commune = OriginCommuneChooserBlock(
        label=_("Verified origin"),
        required=False,
        help_text=_("Only products whose origin in this commune the Department verified."),
    )
    min_stars = blocks.ChoiceBlock(
        label=_("OCOP stars"),
        choices=STAR_CHOICES,
        required=False,
        help_text=_("Counted only from certificates in force."),
    )
    sector = SectorChooserBlock(label=_("Sector or category"), required=False)
    count = blocks.IntegerBlock(label=_("How many"), default=8, min_value=1, max_value=24)

    def clean(self, value):
        value = super().clean(value)
        if not (value["origin_commune"] or value["min_stars"] or value["sector"]):
            raise StructBlockValidationError(
                non_block_errors=[_("Choose at least one fact: a verified origin, OCOP stars or a sector.")]
            )
        return value

    def product_query(self, value):
        """The search service's question for these facts (also the row's key in ``ProductRows``)."""
        commune, sector = value["origin_commune"], value["sector"]
        return ProductQuery(
            commune_codes=(commune.code,) if commune else (),
            badges=(BadgeKind.VERIFIED_ORIGIN,) if commune else (),
            min_stars=int(value["min_stars"]) if value["min_stars"] else None,
            category_ids=(category_index().descendants_and_self(sector.pk) or (sector.pk,)) if sector else (),
            per_page=value["count"],
        )

    class Meta:
        icon = "list-ul"
        label = _("Products by verified facts")
        template = "cms/blocks/fact_products.html"


class TraceableLotBlock(blocks.StructBlock):
    """A published lot: its product, dates, place and steps, with its public page and QR code."""

    lot = LotChooserBlock(label=_("Lot"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        facts = page_facts(context, lots=[value["lot"]])
        context[FACTS] = facts
        context["facts"] = facts.lot(value["lot"])
        return context

    class Meta:
        icon = "list-ol"
        label = _("Traceable lot")
        template = "cms/blocks/lot.html"
