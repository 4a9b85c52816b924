"""The sitemap's sections: each lists only what a visitor may open, once per language.

Every section is a Django sitemap with ``i18n``: an item is listed in Vietnamese and in English,
each with its alternates. Sections page at Django's limit without loading every item: the
(item, language) pairs are sliced from the database page by page (:class:`LanguagePairs`), each
item fetched with the few columns its address needs, so a section costs the same few queries at
300 products and at 100,000.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model
from wagtail.models import Page, Site

from catalogue.gtin import gtin14
from cms.private_pages import public
from vendors.storefronts import storefronts

Category = get_model("catalogue", "Category")
Lot = get_model("catalogue", "Lot")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Product = get_model("catalogue", "Product")

# Certificates whose public page answers (catalogue.trace_views.PUBLIC_STATUSES).
PUBLIC_CERTIFICATES = (
    OcopCertificate.Status.VERIFIED,
    OcopCertificate.Status.REVOKED,
    OcopCertificate.Status.SUPERSEDED,
)


class LanguagePairs:
    """(item, language) for every item of a queryset and every language, sliced without loading all."""

    def __init__(self, items, languages):
        self.items, self.languages = items, list(languages)

    def count(self):
        return self.items.count() * len(self.languages)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        size = len(self.languages)
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        first = start // size
        rows = self.items[first : -(-stop // size)]
        pairs = [(item, language) for item in rows for language in self.languages]
        return pairs[start - first * size : stop - first * size]


class Section(Sitemap):
    """A section in every language, with alternates, its addresses on the host the sitemap was asked at."""

    i18n = True
    alternates = True
    x_default = True

    def __init__(self, request):
        self.request = request

    def get_domain(self, site=None):
        return self.request.get_host()

    def _items(self):
        return LanguagePairs(self.items(), self._languages())

    def get_latest_lastmod(self):
        # Django would ask every item; one aggregate answers the index.
        field = getattr(self, "lastmod_field", None)
        return self.items().aggregate(latest=Max(field))["latest"] if field else None

    def lastmod(self, item):
        field = getattr(self, "lastmod_field", None)
        if field is None:
            return None
        return item.get(field) if isinstance(item, dict) else getattr(item, field, None)


class ProductSitemap(Section):
    lastmod_field = "date_updated"

    def items(self):
        return Product.objects.browsable().only("pk", "slug", "date_updated").order_by("pk")


class StorefrontSitemap(Section):
    lastmod_field = "date_updated"

    def items(self):
        return storefronts().only("pk", "slug", "date_updated").order_by("pk")

    def location(self, enterprise):
        return reverse("enterprises:detail", kwargs={"slug": enterprise.slug})


class LotSitemap(Section):
    """Published lots of browsable products, once per lot code, at their Digital Link when there is a GTIN."""

    lastmod_field = "latest"

    def items(self):
        return (
            Lot.objects.filter(status=Lot.Status.PUBLISHED, product__in=Product.objects.browsable())
            .values("product_id", "product__gtin", "lot_code")
            .annotate(latest=Max("date_published"))
            .order_by("product_id", "lot_code")
        )

    def get_latest_lastmod(self):
        published = Lot.objects.filter(status=Lot.Status.PUBLISHED, product__in=Product.objects.browsable())
        return published.aggregate(latest=Max("date_published"))["latest"]

    def location(self, lot):
        if lot["product__gtin"]:
            # digital_link_path's address, with the language's prefix.
            kwargs = {"gtin": gtin14(lot["product__gtin"]), "lot": lot["lot_code"]}
            return reverse("gs1-digital-link", kwargs=kwargs)
        return reverse("catalogue:trace", kwargs={"product_pk": lot["product_id"], "lot": lot["lot_code"]})


class CertificateSitemap(Section):
    """The public pages of OCOP recognitions held by approved enterprises."""

    def items(self):
        return (
            OcopCertificate.objects.filter(status__in=PUBLIC_CERTIFICATES, enterprise__in=storefronts())
            .only("pk")
            .order_by("pk")
        )

    def location(self, certificate):
        return reverse("catalogue:ocop-certificate", kwargs={"pk": certificate.pk})


class CategorySitemap(Section):
    """Public categories under public categories, their addresses from their slugs' path."""

    def items(self):
        return Category.objects.order_by("path").values_list("pk", "slug", "path", "depth", "is_public")

    def _items(self):
        return [(item, language) for item in self.public_categories() for language in self._languages()]

    def public_categories(self):
        slugs, hidden, listed = {}, set(), []
        for pk, slug, path, depth, is_public in self.items():
            parent = path[: -Category.steplen] if depth > 1 else None
            if not is_public or parent in hidden:
                hidden.add(path)
                continue
            slugs[path] = f"{slugs[parent]}{Category._slug_separator}{slug}" if parent else slug
            listed.append((pk, slugs[path]))
        return listed

    def get_latest_lastmod(self):
        return None

    def location(self, category):
        pk, full_slug = category
        return reverse("catalogue:category", kwargs={"category_slug": full_slug, "pk": pk})


class PageSitemap(Section):
    """Wagtail's live pages outside private sections (place pages among them), in every language.

    With Wagtail's translations each language lists the page's own translation; a page without
    one is listed in its own language only. Without them, a page is listed in every language.
    All pages come in one query: a province has hundreds, not thousands.
    """

    def items(self):
        site = Site.find_for_request(self.request) or Site.objects.get(is_default_site=True)
        roots = site.root_page.get_translations(inclusive=True) if self.translated() else [site.root_page]
        within = Q()
        for root in roots:
            within |= Q(path__startswith=root.path)
        fields = ("path", "depth", "url_path", "translation_key", "last_published_at")
        pages = public(Page.objects.filter(within).live()).select_related("locale")
        pages = pages.only(*fields, "locale__language_code")
        groups = {}
        for page in pages.order_by("path"):
            groups.setdefault(page.translation_key, {})[page.locale.language_code] = page
        return list(groups.values())

    def _items(self):
        groups = self.items()
        return [(group, language) for group in groups for language in self.get_languages_for_item(group)]

    def get_languages_for_item(self, group):
        if not self.translated():
            return self._languages()
        return [language for language in self._languages() if language in group]

    def get_latest_lastmod(self):
        pages = public(Page.objects.live())
        return pages.aggregate(latest=Max("last_published_at"))["latest"]

    @staticmethod
    def translated():
        return getattr(settings, "WAGTAIL_I18N_ENABLED", False)

    def page(self, group):
        language = translation.get_language()
        return group.get(language) or group.get(settings.LANGUAGE_CODE) or next(iter(group.values()))

    def location(self, group):
        # Wagtail answers a full URL when several sites are served; the section adds the host itself.
        parts = urlsplit(self.page(group).get_url(request=self.request))
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def lastmod(self, group):
        return self.page(group).last_published_at


SECTIONS = {
    "pages": PageSitemap,
    "products": ProductSitemap,
    "categories": CategorySitemap,
    "enterprises": StorefrontSitemap,
    "lots": LotSitemap,
    "certificates": CertificateSitemap,
}


def sections(request):
    """The sitemap's sections, built for this request."""
    return {name: section(request) for name, section in SECTIONS.items()}
