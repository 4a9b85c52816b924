"""Place pages: one page per commune or ward of the province, under one index of places.

Editors write a place's introduction, picture and body; what the page lists comes from
verified data only, through the shop's services (:mod:`cms.services`): the products whose
origin the Department verified there (its specialties first), the approved enterprises whose
address is there, and the public stories tagged with the place. The pages themselves follow
the administrative units (:func:`ensure_place_pages`, run by bootstrap, the demo and
``import_places``): a commune gets its page, a renamed one renames its page.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from tqdm import tqdm
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from marketplace.text import slugify_vi
from places.models import Province
from places.signals import units_imported

from .blocks import BodyBlock
from .models import HomePage, StoryPage, with_images
from .private_pages import PrivateSectionsKept, public

__all__ = ["PlaceIndexPage", "PlacePage"]

PRODUCTS_PER_PAGE = 24
SPECIALTIES_SHOWN = 24


class PlaceIndexPage(PrivateSectionsKept, Page):
    """The province's communes and wards, each linking to its place page."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    max_count = 1
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.PlacePage"]

    class Meta:
        verbose_name = _("place index")

    def get_context(self, request, *args, **kwargs):
        from .services import verified_counts

        context = super().get_context(request, *args, **kwargs)
        places = list(
            public(PlacePage.objects.child_of(self).live()).select_related("commune").order_by("title")
        )
        counts = verified_counts([place.commune_id for place in places])
        for place in places:
            place.verified_products = counts.get(place.commune_id, 0)
        context["places"] = places
        return context


class PlacePageForm(WagtailAdminPageForm):
    """The commune is chosen once, among the province's own: a page stays the page of its place."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "commune" in self.fields:
            commune = self.fields["commune"]
            commune.queryset = commune.queryset.filter(province__code=settings.MARKETPLACE_PROVINCE_CODE)
            commune.disabled = bool(self.instance.pk)


class PlacePage(PrivateSectionsKept, Page):
    """A commune or ward of the province: the editor's text, then what verified data says is there."""

    # One page per commune in each language: its translation is about the same commune (clean).
    commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.PROTECT,
        related_name="place_pages",
        verbose_name=_("commune or ward"),
    )
    intro = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("commune", help_text=_("Set when the page is created; it cannot be changed.")),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("commune", [index.SearchField("name")]),
    ]
    base_form_class = PlacePageForm
    parent_page_types = ["cms.PlaceIndexPage"]
    subpage_types = []
    lists_products = True  # its cached copy goes stale with the products (marketplace.page_cache)

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def clean(self):
        super().clean()
        others = PlacePage.objects.filter(commune_id=self.commune_id, locale_id=self.locale_id)
        if self.commune_id and others.exclude(pk=self.pk).exists():
            raise ValidationError(
                {"commune": _("This commune or ward already has its page. Edit that page instead.")}
            )

    def get_context(self, request, *args, **kwargs):
        from .services import ROWS, ProductRows

        context = super().get_context(request, *args, **kwargs)
        context.update(self.listings(request))
        context[ROWS] = ProductRows.of(self.body)
        return context

    def listings(self, request):
        """What verified data puts on the page: products (one page of them), enterprises, stories."""
        from .services import enterprises_in, verified_from

        # Ids only, in one query: a commune's products are a few thousand at most, even with
        # 100,000 in the province, and paging them here saves a count and a second list.
        products = verified_from([self.commune_id]).order_by("title", "pk")
        rows = list(products.values_list("pk", "is_provincial_specialty"))
        specialties = [pk for pk, specialty in rows if specialty][:SPECIALTIES_SHOWN]
        others = Paginator([pk for pk, specialty in rows if not specialty], PRODUCTS_PER_PAGE)
        page_obj = others.get_page(request.GET.get("page"))
        stories = StoryPage.objects.live().filter(places=self.commune_id, locale_id=self.locale_id)
        stories = list(public(stories).order_by("-date"))
        with_images([(self, "image"), *((story, "image") for story in stories)])
        return {
            "place_products": PlaceProducts(specialties, list(page_obj.object_list)),
            "page_obj": page_obj,
            "paginator": others,
            "enterprises": list(enterprises_in(self.commune_id)),
            "stories": stories,
        }


class PlaceProducts:
    """The ids of a place page's specialties and of its page of other products, their cards
    rendered together (``{% place_cards %}``): one card-versions query for both lists."""

    def __init__(self, specialties, others):
        self.specialties, self.others = specialties, others

    def __bool__(self):
        return bool(self.specialties or self.others)

    def cards(self, csrf_field=""):
        """(specialties' cards, other products' cards), as HTML."""
        from .services import render_cards

        ids = self.specialties + self.others
        cards = render_cards(ids, csrf_field)
        if len(cards) != len(ids):  # a product gone since it was counted has no card: render apart
            return render_cards(self.specialties, csrf_field), render_cards(self.others, csrf_field)
        return cards[: len(self.specialties)], cards[len(self.specialties) :]


# --- Kept in step with the administrative units ------------------------------------------------


@dataclass
class PlacePagesReport:
    """What :func:`ensure_place_pages` did, for bootstrap's and import_places' output."""

    created: int = 0
    renamed: int = 0
    unlisted: list[str] = field(default_factory=list)  # pages of communes the data no longer lists
    index_created: bool = False
    skipped: str = ""  # why nothing could be done

    @property
    def changed(self):
        return bool(self.created or self.renamed or self.index_created)

    def summary(self):
        if self.skipped:
            return self.skipped
        if not self.changed:
            text = "Place pages: one per commune and ward, every title up to date."
        else:
            text = f"Place pages: {self.created} created, {self.renamed} renamed."
        if self.unlisted:
            text += (
                f" {len(self.unlisted)} are of communes the data no longer lists (kept live, since "
                "stories and products may point at them; unpublish them at /cms/ if they should go)."
            )
        return text


INDEX = {"title": "Xã, phường", "slug": "dia-phuong", "intro": ""}


def ensure_place_pages(province, progress=None):
    """The index of places under the home page, and a published page per commune of ``province``.

    Safe to run again: a commune with a page keeps it and its editor's text; a renamed commune
    renames its page (title only). A page whose commune the latest data no longer lists stays
    live and is named in the report: records still point at the commune (it is kept too).
    ``progress`` (a tqdm bar or None) advances once per page created or renamed.
    """
    locale = Locale.get_default()  # the province's own pages; translations follow them
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        return PlacePagesReport(skipped="Place pages: no home page yet, none created.")
    report = PlacePagesReport()
    with transaction.atomic():
        places = PlaceIndexPage.objects.filter(locale=locale).first()
        if places is None:
            places = home.add_child(instance=PlaceIndexPage(**INDEX))
            places.save_revision().publish()
            report.index_created = True
        kept = PlacePage.objects.filter(commune__province=province, locale=locale).select_related("commune")
        pages = {page.commune_id: page for page in kept}
        communes = list(province.communes.order_by("name", "code"))
        missing = [commune for commune in communes if commune.pk not in pages]
        renamed = [
            (pages[commune.pk], commune)
            for commune in communes
            if commune.pk in pages and pages[commune.pk].title != commune.name
        ]
        if progress is not None:
            progress.total = len(missing) + len(renamed)
            progress.refresh()
        slugs = set(places.get_children().values_list("slug", flat=True))
        for commune in missing:
            slug = commune.slug or slugify_vi(commune.name)
            if slug in slugs:
                slug = f"{slug}-{commune.code}"
            slugs.add(slug)
            page = places.add_child(instance=PlacePage(title=commune.name, slug=slug, commune=commune))
            page.save_revision().publish()
            report.created += 1
            _advance(progress)
        for page, commune in renamed:
            _rename(page, commune.name)
            report.renamed += 1
            _advance(progress)
    report.unlisted = sorted(
        page.title for page in pages.values() if page.commune.data_version != province.data_version
    )
    return report


def _rename(page, name):
    """The page's title follows its commune's; the editor's text, published or in a draft, stays."""
    draft = page.get_latest_revision_as_object()
    draft.title = draft.draft_title = name
    revision = draft.save_revision()
    if page.has_unpublished_changes:
        PlacePage.objects.filter(pk=page.pk).update(title=name)  # the live page, its draft left to publish
    else:
        revision.publish()


def _advance(progress):
    if progress is not None:
        progress.update(1)


@receiver(units_imported, dispatch_uid="cms-place-pages")
def follow_imported_units(sender, report, progress=False, **kwargs):
    """After ``import_places``: the home province's communes get their pages, renamed ones renamed."""
    province = Province.objects.filter(code=settings.MARKETPLACE_PROVINCE_CODE).first()
    if province is None:
        return None
    with tqdm(desc="Place pages", unit="page", disable=not progress) as bar:
        return ensure_place_pages(province, progress=bar).summary()
