"""Who runs the exchange, as the Law on E-commerce 122/2025/QH15 asks a platform to say on every page.

Editors fill it under Settings at /cms/: the operating organisation's identity, its registration with
the Ministry of Industry and Trade (online.gov.vn), its social accounts and the policy pages the
footer links to. The footer is on every page, so the setting and everything it shows are read once
and kept under the content revision, as :class:`cms.models.ProvinceSettings` is.
"""

from django.core.validators import URLValidator
from django.db import models
from django.http.request import split_domain_port
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page, Site

from marketplace import content_revision


def validate_https(value):
    """Links visitors follow out of the exchange: https only, never javascript: or plain http."""
    URLValidator(schemes=["https"], message=_("Enter a web address starting with https://."))(value)


class Network(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    ZALO = "zalo", "Zalo"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"
    OTHER = "other", _("Other")


# (field, footer label) of the policies the law asks a platform to publish, in the footer's order.
POLICIES = (
    ("terms_page", _("Terms of use")),
    ("privacy_page", _("Privacy policy")),
    ("delivery_page", _("Delivery policy")),
    ("payment_page", _("Payment policy")),
    ("dispute_page", _("Dispute resolution")),
)


def _policy_page(label):
    return models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=label,
    )


@register_setting(icon="law")
class OperatorSettings(ClusterableModel, BaseSiteSetting):
    """The platform operator's legal details; every field is optional and the footer shows what is filled."""

    operator_name = models.CharField(
        _("operating organisation"),
        max_length=200,
        blank=True,
        help_text=_("For example: Sở Công Thương tỉnh Quảng Trị, or its trade promotion centre."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    tax_code = models.CharField(_("tax code"), max_length=20, blank=True)
    establishment_decision = models.CharField(
        _("establishment decision"),
        max_length=200,
        blank=True,
        help_text=_("Number, date and issuer of the decision establishing the organisation."),
    )
    representative = models.CharField(_("legal representative"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    moit_registration_number = models.CharField(
        _("registration number with the Ministry of Industry and Trade"), max_length=100, blank=True
    )
    moit_registration_url = models.URLField(
        _("registration link (online.gov.vn)"),
        blank=True,
        validators=[validate_https],
        help_text=_("The page of the registration on online.gov.vn; the footer links its badge there."),
    )
    terms_page = _policy_page(_("terms of use"))
    privacy_page = _policy_page(_("privacy policy"))
    delivery_page = _policy_page(_("delivery policy"))
    payment_page = _policy_page(_("payment policy"))
    dispute_page = _policy_page(_("dispute resolution policy"))

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("operator_name"),
                FieldPanel("address"),
                FieldPanel("tax_code"),
                FieldPanel("establishment_decision"),
                FieldPanel("representative"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Operating organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("moit_registration_number"), FieldPanel("moit_registration_url")],
            heading=_("Registration with the Ministry of Industry and Trade"),
        ),
        MultiFieldPanel([FieldPanel(name) for name, _label in POLICIES], heading=_("Policy pages")),
        InlinePanel("social_links", heading=_("Social links"), label=_("social link")),
    ]

    links = ()  # social links and (label, url) of live policy pages, filled by for_request
    policy_links = ()

    class Meta:
        verbose_name = _("operator (legal details)")

    @property
    def has_identity(self):
        return any(
            getattr(self, name)
            for name in ("operator_name", "address", "tax_code", "establishment_decision", "representative")
        )

    @property
    def is_registered(self):
        return bool(self.moit_registration_number or self.moit_registration_url)

    @classmethod
    def for_request(cls, request):
        """The setting with its social links and policy links, kept under the content revision:
        every footer shows them, and any change (a policy page moved, a setting saved) bumps it."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            hostname = split_domain_port(request._get_raw_host())[0]
            address = f"{hostname}:{request.get_port()}:{get_language()}"  # policy pages' URLs per language
            item = content_revision.kept(f"operator-settings:{address}", lambda: cls._for_footer(request))
            item._request = request
            setattr(request, attr_name, item)
        return getattr(request, attr_name)

    @classmethod
    def _for_footer(cls, request):
        site = Site.find_for_request(request)
        if site is None:
            return cls()
        item = cls.for_site(site)
        item.links = list(item.social_links.all()) if item.pk else []
        pages = {name: getattr(item, f"{name}_id") for name, _label in POLICIES}
        by_id = Page.objects.live().public().in_bulk({pk for pk in pages.values() if pk})
        item.policy_links = [  # labels stay lazy: one kept value serves every language
            (label, by_id[pages[name]].get_url(request)) for name, label in POLICIES if pages[name] in by_id
        ]
        return item


class SocialLink(Orderable):
    setting = ParentalKey(OperatorSettings, on_delete=models.CASCADE, related_name="social_links")
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    url = models.URLField(_("address"), validators=[validate_https])

    panels = [FieldPanel("network"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("social link")
        verbose_name_plural = _("social links")
