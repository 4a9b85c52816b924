"""What each change a shopper could see touches, as page tags, recorded once it commits.

Products: :mod:`search.indexing` already names the products every catalogue change touches
(price, stock, badges, lots, categories, their enterprise) and sends ``catalogue_changed``
when it commits; their pages and every listing are stale. ``index_changed`` follows when the
search index is rewritten (by a worker, maybe later): what lists and searches find changed.
An enterprise's own page, a published or removed content page, categories (in every page's
menu), the province's settings (in every footer) and the site's offers (kept for every basket)
are connected here.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from oscar.core.loading import get_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.models import OperatorSettings, ProvinceSettings, SocialLink
from search.signals import catalogue_changed, index_changed

from . import revisions
from .policies import CMS, LISTING, enterprise_tag, product_tag

Category = get_model("catalogue", "Category")
Partner = get_model("partner", "Partner")
OFFER_MODELS = {get_model("offer", name) for name in ("ConditionalOffer", "Condition", "Benefit", "Range")}

# The site's offers are kept under the revision (marketplace.basket.offers); the menu links them.
OFFERS = "offers"


def on_commit_record(tags):
    """Record ``tags`` once the current transaction commits (at once outside one)."""
    tags = frozenset(tags)
    transaction.on_commit(lambda: revisions.record(tags), robust=True)


def _products_changed(sender, product_ids, **kwargs):
    revisions.record({LISTING, *(product_tag(pk) for pk in product_ids)})  # already after the commit


def _index_changed(sender, product_ids, **kwargs):
    revisions.record({LISTING})  # already after the commit


def _enterprise_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        on_commit_record({enterprise_tag(instance.pk), LISTING})


def _content_changed(sender, instance=None, **kwargs):
    on_commit_record({CMS})


def _offers_changed(sender, raw=False, **kwargs):
    # Benefits and conditions are saved as their proxies (a percentage discount, a count condition).
    if not raw and sender._meta.concrete_model in OFFER_MODELS:
        # The menu links the offers page only while one runs: cached pages show that.
        on_commit_record({OFFERS, revisions.EVERYTHING})


def _everything_changed(sender, raw=False, **kwargs):
    if not raw:
        on_commit_record({revisions.EVERYTHING})


def connect():
    catalogue_changed.connect(_products_changed, dispatch_uid="page-cache-products")
    index_changed.connect(_index_changed, dispatch_uid="page-cache-index")
    post_save.connect(_enterprise_saved, sender=Partner, dispatch_uid="page-cache-enterprise")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_content_changed, dispatch_uid=f"page-cache-content-{id(signal)}")
    post_delete.connect(_content_changed, sender=Page, dispatch_uid="page-cache-content-deleted")
    # A page made private (or public again) must leave the cache, or stop being kept out of it.
    for signal in (post_save, post_delete):
        signal.connect(
            _content_changed, sender=PageViewRestriction, dispatch_uid=f"page-cache-restriction-{id(signal)}"
        )
    post_save.connect(_offers_changed, dispatch_uid="page-cache-offers")
    post_delete.connect(_offers_changed, dispatch_uid="page-cache-offers-gone")
    # Kept under the content revision too (marketplace.content_revision): the menu, the footer's site.
    for model in (Category, ProvinceSettings, OperatorSettings, SocialLink, Site):
        post_save.connect(_everything_changed, sender=model, dispatch_uid=f"page-cache-{model.__name__}")
        post_delete.connect(
            _everything_changed, sender=model, dispatch_uid=f"page-cache-{model.__name__}-gone"
        )
