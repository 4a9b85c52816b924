"""Products of the province's enterprises, on top of Oscar's catalogue."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct
from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet
from oscar.core.loading import get_model

from marketplace.uploads import unguessable_name

from .gtin import validate_gtin
from .vat import VatRate


def decision_scan_path(certificate, filename):
    # Private: served only through a view that checks who may see a certificate not yet verified.
    return unguessable_name("private/ocop-decisions", filename)


def certification_document_path(certification, filename):
    # Public once the lot is published; unguessable while it is a draft.
    return unguessable_name("trace/certifications", filename)


def approved_review_count(product_model):
    """How many published reviews the outer product has, as a subquery.

    The review model is reached through the relation it declares on the product, as Oscar's own
    ``num_approved_reviews`` does: the catalogue does not import the reviews app.
    """
    ProductReview = product_model.reviews.field.model
    approved = ProductReview.objects.filter(product=OuterRef("pk"), status=ProductReview.APPROVED)
    return Coalesce(Subquery(approved.values("product").annotate(n=Count("pk")).values("n")), 0)


def first_category_pk():
    """The outer product's first category (Oscar's ``get_categories().first()``: a variant's are its
    parent's), as a subquery: the product page's breadcrumbs start there."""
    ProductCategory = get_model("catalogue", "ProductCategory")
    links = ProductCategory.objects.filter(product=Coalesce(OuterRef("parent_id"), OuterRef("pk")))
    return Subquery(links.order_by("category__path").values("category")[:1])


class ProductQuerySet(OscarProductQuerySet):
    def sold_by_approved_enterprise(self):
        """Products with a stock record of an enterprise allowed to sell."""
        Partner = get_model("partner", "Partner")
        StockRecord = get_model("partner", "StockRecord")
        approved_stock = StockRecord.objects.filter(
            product=OuterRef("pk"), partner__in=Partner.objects.approved()
        )
        return self.filter(Exists(approved_stock))

    def base_queryset(self):
        # The strategy asks each stock record's enterprise whether it may sell, and
        # badges read certificates, lots and origin: all fetched once per page.
        return (
            super()
            .base_queryset()
            .select_related("origin_province", "origin_commune")
            .prefetch_related("stockrecords__partner", "ocop_certificates", "lots__steps")
        )

    def with_option_flags(self):
        """Whether each product has options, without fetching them: a product with options is
        bought from its page (Oscar's ``has_options`` reads these annotations when present)."""
        Option = get_model("catalogue", "Option")
        return self.annotate(
            has_product_class_options=Exists(Option.objects.filter(productclass=OuterRef("product_class"))),
            has_product_options=Exists(Option.objects.filter(product=OuterRef("pk"))),
        )

    def for_cards(self):
        """Just what a product card shows (price, stock, image, badges), in six queries for a page.

        Lighter than :meth:`base_queryset`, which a page of search results would
        pay for on every search: stock records come with their enterprise in one
        query, and options are only counted (a card with options links to the
        product page instead of offering a basket form). A parent's children are
        not fetched: Oscar's strategy asks the database for its public children itself.
        """
        StockRecord = get_model("partner", "StockRecord")
        return (
            self.select_related("product_class", "origin_province", "origin_commune")
            .with_option_flags()
            .prefetch_related(
                Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
                "images",
                "ocop_certificates",
                "lots__steps",
            )
        )

    def for_detail(self):
        """Everything the product page shows, fetched once: its template tags and the strategy ask many times.

        Stock records come with their enterprise and its place (the "sold by" card), images,
        certificates, lots with how many steps they record and attribute values with their
        attribute in one query each; options are only asked whether they exist, as for cards.
        """
        AttributeValue = get_model("catalogue", "ProductAttributeValue")
        Recommendation = get_model("catalogue", "ProductRecommendation")
        StockRecord = get_model("partner", "StockRecord")
        return (
            self.select_related("product_class", "parent", "origin_province", "origin_commune")
            .with_option_flags()
            .annotate(
                # Shadows Oscar's cached property of the same name, which would count them apart.
                num_approved_reviews=approved_review_count(self.model),
                has_recommendations=Exists(Recommendation.objects.filter(primary=OuterRef("pk"))),
                first_category_pk=first_category_pk(),
            )
            .prefetch_related(
                Prefetch(
                    "stockrecords",
                    queryset=StockRecord.objects.select_related(
                        "partner", "partner__province", "partner__commune"
                    ),
                ),
                "images",
                "ocop_certificates",
                Prefetch("lots", queryset=Lot.objects.annotate(step_count=Count("steps"))),
                Prefetch("attribute_values", queryset=AttributeValue.objects.select_related("attribute")),
            )
        )

    def listed(self):
        """Products the Department has not hidden (Law on E-commerce 122/2025: listing moderation)."""
        return self.filter(listing_status=ListingStatus.LISTED)

    def browsable(self):
        """What a shopper may see: public, canonical, listed and sold by an approved enterprise."""
        return super().browsable().listed().sold_by_approved_enterprise()


class ClaimStatus(models.TextChoices):
    """A fact an enterprise states, until the Department has looked at it."""

    CLAIMED = "claimed", _("Awaiting verification")
    VERIFIED = "verified", _("Verified by the Department")
    REJECTED = "rejected", _("Not confirmed")


class ListingStatus(models.TextChoices):
    """Whether shoppers may see a product: the Department may hide a listing until it is corrected."""

    LISTED = "listed", _("Listed")
    HIDDEN = "hidden", _("Hidden by the Department")
    CORRECTION_SUBMITTED = "correction_submitted", _("Correction awaiting review")


class HidingReason(models.TextChoices):
    """Why the Department hid a listing, as its decisions are filed."""

    MISLEADING_CLAIM = "misleading_claim", _("Misleading claim")
    PROHIBITED_GOODS = "prohibited_goods", _("Prohibited goods")
    WRONG_ORIGIN = "wrong_origin", _("Wrong origin")
    OTHER = "other", _("Other")


class Product(AbstractProduct):
    gtin = models.CharField(
        _("GTIN"),
        max_length=14,
        blank=True,
        db_index=True,
        validators=[validate_gtin],
        help_text=_("Barcode number (GTIN-8, 12, 13 or 14); Vietnamese GTINs start with 893."),
    )
    origin_province = models.ForeignKey(
        "places.Province",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province of origin"),
    )
    origin_commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("commune or ward of origin"),
    )
    origin_wording = models.CharField(
        _("origin as written"),
        max_length=255,
        blank=True,
        help_text=_("The place as named on labels or papers, e.g. a district that existed before July 2025."),
    )
    origin_status = models.CharField(
        _("origin verification"), max_length=20, choices=ClaimStatus.choices, default=ClaimStatus.CLAIMED
    )
    is_provincial_specialty = models.BooleanField(
        _("specialty of the province"),
        default=False,
        help_text=_("Set by the Department only."),
    )
    weight_grams = models.PositiveIntegerField(_("weight (g)"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=64, blank=True)
    shelf_life_days = models.PositiveIntegerField(_("shelf life (days)"), null=True, blank=True)
    vat_rate = models.CharField(
        _("VAT rate"),
        max_length=3,
        choices=VatRate.choices,
        blank=True,
        help_text=_("Leave blank for the marketplace's default rate: 8 percent until 31 December 2026."),
    )
    listing_status = models.CharField(
        _("listing"),
        max_length=20,
        choices=ListingStatus.choices,
        default=ListingStatus.LISTED,
        db_index=True,
        help_text=_("Set through the Department's listing moderation only."),
    )

    objects = ProductQuerySet.as_manager()

    @property
    def is_listed(self):
        """Whether the Department lets shoppers see it; a variant is moderated with its parent."""
        if self.parent_id:
            return self.parent.is_listed
        return self.listing_status == ListingStatus.LISTED

    @property
    def sorted_recommended_products(self):
        # Most products recommend nothing: a page that already knows it asks no further.
        if getattr(self, "has_recommendations", True) is False:
            return []
        return super().sorted_recommended_products

    @property
    def is_sold_by_approved_enterprise(self):
        return any(record.partner.is_approved for record in self.stockrecords.all())

    def is_review_permitted(self, user):
        """No: who may review is the reviews app's rule (``catalogue.reviews.eligibility``).

        It needs the shopper's delivered parcels, and the catalogue sits below orders, so the
        review pages and the ``review_eligibility`` tag ask that rule; this answers Oscar's
        callers that still ask the product, offering no form the rule could refuse.
        """
        return False

    def update_rating(self):
        """The average of the published reviews, saved alone (a full save could undo a concurrent edit)."""
        self.rating = self.calculate_rating()
        self.save(update_fields=["rating"])

    update_rating.alters_data = True


class ProductDecision(models.Model):
    """A decision on a product, kept and never edited: who, when and why (``from_status`` and
    ``to_status`` are each decision's own, with its own statuses)."""

    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    date_created = models.DateTimeField(_("when"), default=timezone.now, editable=False)

    class Meta:
        abstract = True
        ordering = ["-date_created", "-pk"]

    def __str__(self):
        return f"{self.product_id}: {self.from_status} → {self.to_status}"

    @property
    def changed_by(self):
        """Who decided, by the name every status history shows it under."""
        return self.decided_by

    @property
    def why(self):
        """The written reason, by the name every status history shows it under."""
        return self.reason


class OriginDecision(ProductDecision):
    """The Department's decision on a product's origin claim or its specialty flag."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="origin_decisions")
    from_status = models.CharField(_("from"), max_length=20, choices=ClaimStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ClaimStatus.choices)
    is_provincial_specialty = models.BooleanField(_("specialty of the province"))

    class Meta(ProductDecision.Meta):
        verbose_name = _("origin decision")
        verbose_name_plural = _("origin decisions")


class ListingDecision(ProductDecision):
    """A move of a product's listing: the Department hiding or restoring it, the enterprise's
    correction (its note is the reason)."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="listing_decisions")
    from_status = models.CharField(_("from"), max_length=20, choices=ListingStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ListingStatus.choices)
    category = models.CharField(_("reason category"), max_length=20, choices=HidingReason.choices, blank=True)

    class Meta(ProductDecision.Meta):
        verbose_name = _("listing decision")
        verbose_name_plural = _("listing decisions")


class OcopCertificate(models.Model):
    """A decision recognising products as OCOP 3, 4 or 5 stars; a badge only once verified."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting verification")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")
        REVOKED = "revoked", _("Revoked")
        SUPERSEDED = "superseded", _("Superseded")

    class Evaluation(models.TextChoices):
        NEW = "new", _("First evaluation")
        REEVALUATION = "reevaluation", _("Re-evaluation")
        UPGRADE = "upgrade", _("Upgrade")

    enterprise = models.ForeignKey(
        "partner.Partner",
        on_delete=models.CASCADE,
        related_name="ocop_certificates",
        verbose_name=_("enterprise"),
    )
    products = models.ManyToManyField(Product, related_name="ocop_certificates", verbose_name=_("products"))
    decision_number = models.CharField(_("decision number"), max_length=64, help_text=_("e.g. 3981/QĐ-UBND"))
    decision_date = models.DateField(_("decision date"))
    issuer = models.CharField(
        _("issuing authority"),
        max_length=255,
        help_text=_("As written on the decision; it may be a district that no longer exists."),
    )
    stars = models.PositiveSmallIntegerField(_("stars"), choices=[(3, "3★"), (4, "4★"), (5, "5★")])
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2, null=True, blank=True)
    evaluation = models.CharField(
        _("evaluation"), max_length=20, choices=Evaluation.choices, default=Evaluation.NEW
    )
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty: 36 months from the decision date.")
    )
    scan = models.FileField(_("scan of the decision"), upload_to=decision_scan_path, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("superseded by"),
    )
    date_created = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-decision_date", "-pk"]
        verbose_name = _("OCOP certificate")
        verbose_name_plural = _("OCOP certificates")

    def __str__(self):
        return f"{self.decision_number} ({self.stars}★)"

    @property
    def expires_on(self):
        """The first day the recognition no longer holds."""
        return self.valid_until or self.decision_date + relativedelta(months=VALIDITY_MONTHS)


VALIDITY_MONTHS = 36  # Decision 148/QĐ-TTg: recognition holds 36 months from the decision date


class CertificateStatusChange(models.Model):
    certificate = models.ForeignKey(OcopCertificate, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=OcopCertificate.Status.choices)
    to_status = models.CharField(max_length=20, choices=OcopCertificate.Status.choices)
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    date_created = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date_created", "-pk"]

    def __str__(self):
        return f"{self.certificate}: {self.from_status} → {self.to_status}"

    @property
    def why(self):
        """The written reason, by the name every status history shows it under."""
        return self.reason


class CertificateReminder(models.Model):
    """An expiry reminder sent to the enterprise: one row per threshold, so it is never sent twice."""

    certificate = models.ForeignKey(OcopCertificate, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.SmallIntegerField(_("days before expiry"))  # 0: the day it lapses
    expires_on = models.DateField(_("expiry date"))
    date_sent = models.DateTimeField(_("sent"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-date_sent", "-pk"]
        verbose_name = _("certificate expiry reminder")
        verbose_name_plural = _("certificate expiry reminders")
        constraints = [
            models.UniqueConstraint(fields=["certificate", "days_before"], name="one_reminder_per_threshold")
        ]

    def __str__(self):
        return f"{self.certificate}: {self.days_before}"


class CertificateDigest(models.Model):
    """The Department's weekly digest of expiring certificates: one row per week, sent once."""

    week = models.DateField(_("week starting"), unique=True)
    date_sent = models.DateTimeField(_("sent"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["-week"]
        verbose_name = _("certificate expiry digest")
        verbose_name_plural = _("certificate expiry digests")

    def __str__(self):
        return date_format(self.week, "SHORT_DATE_FORMAT")


class Lot(models.Model):
    """One revision of a lot's traceability record; a published revision is never edited."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="lots", verbose_name=_("product")
    )
    lot_code = models.CharField(_("lot code"), max_length=20)
    revision = models.PositiveIntegerField(_("revision"), default=1)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    production_date = models.DateField(_("production or harvest date"))
    best_before = models.DateField(_("best before"), null=True, blank=True)
    area_commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("production area"),
    )
    area_code = models.CharField(_("growing area code"), max_length=64, blank=True)
    quantity = models.CharField(_("quantity"), max_length=64, blank=True)
    change_note = models.TextField(_("what changed"), blank=True)
    date_published = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["product", "lot_code", "-revision"]
        verbose_name = _("traceability lot")
        verbose_name_plural = _("traceability lots")
        constraints = [
            models.UniqueConstraint(fields=["product", "lot_code", "revision"], name="unique_lot_revision"),
        ]

    def __str__(self):
        return f"{self.lot_code} r{self.revision}"


class LotStep(models.Model):
    """What happened to the lot, when, where and by whom: growing, harvesting, processing..."""

    lot = models.ForeignKey(Lot, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    event = models.CharField(_("what"), max_length=128)
    date = models.DateField(_("when"))
    place = models.CharField(_("where"), max_length=255, blank=True)
    actor = models.CharField(_("who"), max_length=255, blank=True)

    class Meta:
        ordering = ["position", "date", "pk"]

    def __str__(self):
        return f"{date_format(self.date, 'SHORT_DATE_FORMAT')} {self.event}"


class LotCertification(models.Model):
    class Scheme(models.TextChoices):
        VIETGAP = "vietgap", "VietGAP"
        ORGANIC = "organic", _("Organic (TCVN 11041)")
        GLOBALGAP = "globalgap", "GlobalG.A.P."
        HACCP = "haccp", "HACCP"
        ISO22000 = "iso22000", "ISO 22000"
        OTHER = "other", _("Other")

    lot = models.ForeignKey(Lot, on_delete=models.CASCADE, related_name="certifications")
    scheme = models.CharField(_("scheme"), max_length=20, choices=Scheme.choices)
    number = models.CharField(_("certificate number"), max_length=64, blank=True)
    issuer = models.CharField(_("issued by"), max_length=255, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    document = models.FileField(_("document"), upload_to=certification_document_path, blank=True)

    def __str__(self):
        return f"{self.get_scheme_display()} {self.number}".strip()


from oscar.apps.catalogue.models import *
