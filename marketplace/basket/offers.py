"""The site's offers, applied to the basket every page shows without asking for them each time.

Offers change seldom: the open site offers are kept under the content revision
(``marketplace.content_revision``), which any change to an offer, its condition, benefit or range
moves on (``marketplace.page_cache.changes``). Each offer's dates are checked on every request,
as Oscar's ``ConditionalOffer.active`` does, so one that starts or ends shows at once.
"""

from django.utils.timezone import now
from oscar.core.loading import get_class, get_model

from marketplace import content_revision

Applicator = get_class("offer.applicator", "Applicator")


class KeptSiteOffers(Applicator):
    def get_site_offers(self):
        return running_site_offers()


def _open_site_offers():
    ConditionalOffer = get_model("offer", "ConditionalOffer")
    offers = ConditionalOffer.objects.filter(offer_type=ConditionalOffer.SITE, status=ConditionalOffer.OPEN)
    return list(offers.select_related("condition", "benefit"))


def _runs(offer, moment):
    """Oscar's ``ActiveOfferManager`` dates, at ``moment``."""
    started = offer.start_datetime is None or offer.start_datetime <= moment
    return started and (offer.end_datetime is None or offer.end_datetime >= moment)


def running_site_offers():
    """The site offers running now: what the offers page lists, and whether the menu links it."""
    moment = now()
    return [
        offer for offer in content_revision.kept("site-offers", _open_site_offers) if _runs(offer, moment)
    ]
