"""The Department's registers as exports: enterprises, products and OCOP certificates.

Each register is its columns (translated headers, kinds for ``exports``) and ``rows(queryset)``,
which takes the list the page shows (with its filters) and yields one tuple a row. Rows are read
in a fixed number of queries whatever their number (subqueries and annotations, prefetches done
per chunk of ``CHUNK`` rows) and streamed, so 100,000 products never sit in memory at once.

The figures follow the shared definitions of issue 18: a product's enterprise is its stock
record's, its OCOP stars the best verified certificate in force today (``catalogue.expiry``), its
sector the root category of its first category (``path[:4]``), a listed product one a shopper may
see (``Product.objects.browsable()``).
"""

from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from catalogue.expiry import expiry, in_force
from catalogue.models import ClaimStatus
from vendors.models import EnterpriseKind, EnterpriseStatus

from .exports import Column

Category = get_model("catalogue", "Category")
EnterpriseStatusChange = get_model("partner", "EnterpriseStatusChange")
OcopCertificate = get_model("catalogue", "OcopCertificate")
Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
StockRecord = get_model("partner", "StockRecord")

CHUNK = 2000
SECTOR_PATH = 4  # treebeard's steplen: a sector's path is the first step of its categories'


def _count(queryset):
    """``queryset``'s size per outer row, as an integer subquery (0 when none)."""
    counted = queryset.order_by().annotate(one=Value(1)).values("one").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), 0)


# --- Enterprises ----------------------------------------------------------------------------

ENTERPRISE_COLUMNS = (
    Column(_("Name")),
    Column(_("Kind")),
    Column(_("Status")),
    Column(_("Tax code")),
    Column(_("Representative")),
    Column(_("Phone")),
    Column(_("E-mail")),
    Column(_("Street address")),
    Column(_("Commune or ward")),
    Column(_("Province")),
    Column(_("Date submitted"), "date"),
    Column(_("Date approved"), "date"),
    Column(_("Products listed"), "int"),
    Column(_("OCOP certificates in force"), "int"),
)


def enterprise_rows(enterprises, today=None):
    """One row per enterprise, in one query: approval date, listed products and certificates as subqueries."""
    today = today or timezone.localdate()
    approvals = EnterpriseStatusChange.objects.filter(
        enterprise=OuterRef("pk"), to_status=EnterpriseStatus.APPROVED
    ).order_by("-date_created", "-pk")
    listed = Product.objects.browsable().filter(stockrecords__partner=OuterRef("pk"))
    certificates = in_force(OcopCertificate.objects.filter(enterprise=OuterRef("pk")), today)
    enterprises = enterprises.annotate(
        date_approved=Subquery(approvals.values("date_created")[:1]),
        products_listed=_count(listed),
        certificates_in_force=_count(certificates),
    ).values_list(
        "name",
        "kind",
        "status",
        "tax_code",
        "representative",
        "phone",
        "email",
        "street_address",
        "commune__name",
        "province__name",
        "date_submitted",
        "date_approved",
        "products_listed",
        "certificates_in_force",
    )
    kinds, statuses = dict(EnterpriseKind.choices), dict(EnterpriseStatus.choices)
    for row in enterprises.iterator(chunk_size=CHUNK):
        name, kind, status, *rest = row
        rest[7], rest[8] = _local_date(rest[7]), _local_date(rest[8])  # submitted, approved
        yield (name, kinds.get(kind, kind), statuses.get(status, status), *rest)


def _local_date(moment):
    """The day of ``moment`` in the province's time (a decision at 23:30 UTC is the next day there)."""
    return timezone.localdate(moment) if moment else None


# --- Products -------------------------------------------------------------------------------

PRODUCT_COLUMNS = (
    Column(_("Title")),
    Column(_("UPC/GTIN")),
    Column(_("Enterprise")),
    Column(_("OCOP sector")),
    Column(_("Category")),
    Column(_("Price (VND)"), "money"),
    Column(_("Stock available"), "int"),
    Column(_("OCOP stars in force"), "int"),
    Column(_("Origin status")),
    Column(_("Specialty of the province")),
    Column(_("Public")),
    Column(_("Date created"), "date"),
)


def products_register(products, today=None):
    """``products`` annotated with what the register shows (a parent's category for a child)."""
    today = today or timezone.localdate()
    stock = StockRecord.objects.filter(product=OuterRef("pk")).order_by("pk")
    category = ProductCategory.objects.filter(
        product=Coalesce(OuterRef("parent_id"), OuterRef("pk"))
    ).order_by("category__path")
    stars = in_force(OcopCertificate.objects.filter(products=OuterRef("pk")), today).order_by("-stars")
    return products.annotate(
        enterprise_name=Subquery(stock.values("partner__name")[:1]),
        price=Subquery(stock.values("price")[:1]),
        stock_available=Subquery(
            stock.annotate(net=F("num_in_stock") - Coalesce(F("num_allocated"), 0)).values("net")[:1]
        ),
        category_path=Subquery(category.values("category__path")[:1]),
        category_name=Subquery(category.values("category__name")[:1]),
        sector_path=Substr("category_path", 1, SECTOR_PATH),
        sector_name=Subquery(Category.objects.filter(path=OuterRef("sector_path")).values("name")[:1]),
        ocop_stars=Subquery(stars.values("stars")[:1]),
    )


def product_rows(products, today=None):
    """One row per product, in one query, streamed (``products`` may come already annotated)."""
    if "ocop_stars" not in products.query.annotations:
        products = products_register(products, today)
    rows = products.values_list(
        "title",
        "upc",
        "gtin",
        "enterprise_name",
        "sector_name",
        "category_name",
        "price",
        "stock_available",
        "ocop_stars",
        "origin_status",
        "is_provincial_specialty",
        "is_public",
        "date_created",
    )
    origins = dict(ClaimStatus.choices)
    for (
        title,
        upc,
        gtin,
        enterprise,
        sector,
        category,
        price,
        stock,
        stars,
        origin,
        specialty,
        public,
        created,
    ) in rows.iterator(chunk_size=CHUNK):
        yield (
            title,
            gtin or upc or "",
            enterprise or "",
            sector or "",
            category or "",
            price,
            stock,
            stars,
            origins.get(origin, origin),
            yes_no(specialty),
            yes_no(public),
            _local_date(created),
        )


def yes_no(value):
    return str(_("Yes") if value else _("No"))


# --- OCOP certificates ----------------------------------------------------------------------

CERTIFICATE_COLUMNS = (
    Column(_("Decision number")),
    Column(_("Decision date"), "date"),
    Column(_("Enterprise")),
    Column(_("Products")),
    Column(_("Stars"), "int"),
    Column(_("Score"), "int"),
    Column(_("Evaluation")),
    Column(_("Issuer")),
    Column(_("Status")),
    Column(_("Lapses on"), "date"),
    Column(_("Days left"), "int"),
)


def certificate_rows(certificates, today=None):
    """One row per certificate: two queries a chunk (the certificates, their products' titles).

    "Lapses on" is the first day out of force by the expiry rule; days left are given only for a
    verified certificate, the one kind that can be in force.
    """
    today = today or timezone.localdate()
    certificates = (
        certificates.select_related("enterprise")
        .annotate(lapses_on=expiry())
        .prefetch_related(None)  # the list's own prefetches: only the titles are needed
        .prefetch_related(Prefetch("products", Product.objects.only("pk", "title").order_by("title", "pk")))
    )
    verified = OcopCertificate.Status.VERIFIED
    for certificate in certificates.iterator(chunk_size=CHUNK):
        yield (
            certificate.decision_number,
            certificate.decision_date,
            certificate.enterprise.name,
            "; ".join(product.title for product in certificate.products.all()),
            certificate.stars,
            certificate.score,
            certificate.get_evaluation_display(),
            certificate.issuer,
            certificate.get_status_display(),
            certificate.lapses_on,
            (certificate.lapses_on - today).days if certificate.status == verified else None,
        )
