"""Builders for the demo province. Each one is idempotent: run again, nothing doubles."""

import io
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from oscar.core.loading import get_model
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.models import Site as WagtailSite

from marketplace.operations.bootstrap import (
    ensure_operator_settings,
    ensure_product_class,
    ensure_province_settings,
    ensure_staff_groups,
)
from marketplace.text import slugify_vi
from places.models import Commune, Province
from vendors import review
from vendors.models import EnterpriseDocument

from . import content, images, loader

DEMO_PASSWORD = "demo-ocop-2026"
PROVINCE_CODE = "44"  # Tỉnh Quảng Trị, which includes the former Quảng Bình since 1 July 2025

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")
User = get_user_model()


def demo_is_loaded():
    from cms.models import HomePage

    return User.objects.filter(username="vendor1@demo.vn").exists() and HomePage.objects.exists()


def ensure_country():
    """Oscar's addresses need a country; the marketplace ships within Việt Nam."""
    Country = get_model("address", "Country")
    Country.objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "printable_name": "Việt Nam",
            "name": "Cộng hòa Xã hội chủ nghĩa Việt Nam",
            "is_shipping_country": True,
        },
    )


# --- People ---------------------------------------------------------------------------


def ensure_groups():
    """The staff groups as production has them (one definition, in marketplace.operations.bootstrap)."""
    return ensure_staff_groups()


def ensure_user(email, first_name, last_name, groups=(), is_staff=False, is_superuser=False):
    user, created = User.objects.get_or_create(
        username=email,
        defaults={
            "email": email,
            "first_name": first_name,
            "last_name": last_name,
            "is_staff": is_staff,
            "is_superuser": is_superuser,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    user.groups.add(*groups)
    return user


def ensure_reviewer():
    groups = ensure_groups()
    return ensure_user("reviewer@demo.vn", "Quang", "Phạm", [groups["reviewers"]])


def ensure_accounts(enterprises):
    """The demo accounts README lists, one per role."""
    groups = ensure_groups()
    # Enterprise staff need no group: dashboard access follows their enterprise's approval.
    vendor1 = ensure_user("vendor1@demo.vn", "Lan", "Nguyễn")
    vendor2 = ensure_user("vendor2@demo.vn", "Minh", "Trần")
    approved = [enterprise for enterprise in enterprises if enterprise.is_approved]
    approved[0].users.add(vendor1)
    approved[1].users.add(vendor2)
    return {
        "shopper": ensure_user("shopper@demo.vn", "Hoa", "Lê"),
        "vendor1": vendor1,
        "vendor2": vendor2,
        "reviewer": ensure_reviewer(),
        # The demo's editor approves too, so one account shows both sides of the workflow.
        "editor": ensure_user("editor@demo.vn", "Thảo", "Võ", [groups["editors"], groups["moderators"]]),
        "admin": ensure_user("admin@demo.vn", "Quản trị", "Chợ OCOP", is_staff=True, is_superuser=True),
    }


# --- Catalogue --------------------------------------------------------------------------


# How each demo enterprise reached its status, and why (data/reviews.toml).
REVIEW_PATHS = loader.read("reviews")["paths"]
REVIEW_REASONS = loader.read("reviews")["reasons"]


def ensure_enterprises(progress=None):
    province = Province.objects.get(code=PROVINCE_CODE)
    communes = {commune.name: commune for commune in Commune.objects.filter(province=province)}
    reviewer = ensure_reviewer()
    enterprises = []
    for spec in content.ENTERPRISES:
        slug = slugify_vi(spec["name"])[:140]
        enterprise, created = Partner.objects.update_or_create(
            slug=slug,
            defaults={
                "name": spec["name"],
                "kind": spec["kind"],
                "tax_code": spec["tax_code"],
                "representative": spec["representative"],
                "phone": spec["phone"],
                "email": spec["email"],
                "province": province,
                "commune": communes[spec["commune"]],
                "street_address": spec["street_address"],
                "story": spec["story"],
            },
        )
        if created:
            _add_pictures(enterprise, spec, slug)
            _add_registration_certificate(enterprise, spec)
            for status in REVIEW_PATHS[spec["status"]]:
                actor = None if status == "submitted" else reviewer
                review.move(enterprise, status, by=actor, reason=REVIEW_REASONS.get(status, ""))
        enterprises.append(enterprise)
        if progress:
            progress.update(1)
    return enterprises


def _add_pictures(enterprise, spec, slug):
    colour = _enterprise_colour(spec)
    initials = "".join(word[0] for word in spec["name"].split()[-2:]).upper()
    enterprise.logo.save(f"{slug}.jpg", ContentFile(images.logo(initials, colour)), save=False)
    enterprise.banner.save(
        f"{slug}.jpg", ContentFile(images.banner(spec["name"], spec["commune"], colour)), save=False
    )
    enterprise.save(update_fields=["logo", "banner"])


def _add_registration_certificate(enterprise, spec):
    """A one-page PDF standing in for the scanned business registration certificate."""
    picture = PILImage.open(
        io.BytesIO(images.banner("Giấy chứng nhận đăng ký kinh doanh", spec["name"], "#5b6b62"))
    )
    pdf = io.BytesIO()
    picture.convert("RGB").save(pdf, "PDF")
    document = EnterpriseDocument(
        enterprise=enterprise,
        kind=EnterpriseDocument.Kind.BUSINESS_REGISTRATION,
        original_name="giay-chung-nhan-dkkd.pdf",
        content_type="application/pdf",
        size=pdf.tell(),
    )
    document.file.save("giay-chung-nhan-dkkd.pdf", ContentFile(pdf.getvalue()), save=False)
    document.save()


def _enterprise_colour(spec):
    palette = [product_set["colour"] for group in content.PRODUCT_GROUPS for product_set in group["sets"]]
    return palette[sum(map(ord, spec["name"])) % len(palette)]


def ensure_products(enterprises, categories, limit=None, progress=None):
    product_class = ensure_product_class()
    colours = {s["slug"]: (s["colour"], s["name"]) for g in content.PRODUCT_GROUPS for s in g["sets"]}
    specs = content.product_specs()[:limit]
    existing = set(
        Product.objects.filter(upc__in=[spec["sku"] for spec in specs]).values_list("upc", flat=True)
    )
    for spec in specs:
        if spec["sku"] not in existing:
            _create_product(
                spec,
                product_class,
                enterprises[spec["enterprise"]],
                categories[spec["group_slug"]],
                *colours[spec["group_slug"]],
            )
        if progress:
            progress.update(1)
    return len(specs)


@transaction.atomic
def _create_product(spec, product_class, enterprise, category, colour, set_name):
    product = Product.objects.create(
        upc=spec["sku"],
        title=spec["title"],
        slug=slugify_vi(spec["title"])[:255],
        description=f"<p>{spec['description']}</p>",
        product_class=product_class,
        is_public=True,
    )
    product.categories.add(category)
    StockRecord.objects.create(
        product=product,
        partner=enterprise,
        partner_sku=spec["sku"],
        price=Decimal(spec["price"]),
        price_currency="VND",
        num_in_stock=spec["stock"],
    )
    picture = images.product_card(spec["title"], f"{set_name} · {spec['unit']}", colour)
    image = ProductImage(product=product, caption=spec["title"], display_order=0)
    image.original.save(f"{spec['sku'].lower()}.jpg", ContentFile(picture), save=False)
    image.save()


# --- Content pages -------------------------------------------------------------------------


PAGES = loader.read("pages")
STORIES = loader.stories()


def _wagtail_image(title, subtitle, colour, with_text=True):
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is None:
        data = images.banner(title, subtitle, colour) if with_text else images.banner("", "", colour)
        picture = ImageFile(io.BytesIO(data), name=f"{slugify_vi(title)[:80]}.jpg")
        image = Image.objects.create(title=title, file=picture)
    return image


def ensure_pages(categories):
    from cms.models import HomePage, StoryIndexPage, StoryPage

    home = HomePage.objects.first()
    if home is None:
        # A flushed database (transactional tests) has lost even Wagtail's root page.
        root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
        spec = PAGES["home"]
        home = root.add_child(
            instance=HomePage(
                title=spec["title"],
                slug=spec["slug"],
                hero_title=spec["hero_title"],
                hero_text=spec["hero_text"],
                hero_image=_wagtail_image(spec["title"], "", spec["hero_colour"], with_text=False),
                body=[
                    ("paragraph", spec["paragraph"]),
                    *(
                        (
                            "products",
                            {
                                "heading": block["heading"],
                                "category": _category(categories, block["category"]),
                                "search_text": "",
                                "count": block["count"],
                            },
                        )
                        for block in spec["products"]
                    ),
                    ("quote", dict(spec["quote"])),
                ],
            )
        )
        home.save_revision().publish()
    _point_sites_at(home)
    _let_editors_edit(home)

    index = StoryIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=StoryIndexPage(**PAGES["story_index"]))
        index.save_revision().publish()
    for story in STORIES:
        if StoryPage.objects.filter(slug=story["slug"]).exists():
            continue
        page = index.add_child(
            instance=StoryPage(
                title=story["title"],
                slug=story["slug"],
                date=story["date"],
                intro=story["intro"],
                image=_wagtail_image(story["title"], "Câu chuyện địa phương", story["colour"]),
                body=[("paragraph", f"<p>{story['intro']}</p>")],
                places=list(
                    Commune.objects.filter(province__code=PROVINCE_CODE, name__in=story.get("places", ()))
                ),
            )
        )
        page.save_revision().publish()
    _ensure_place_pages()
    return home


def _ensure_place_pages():
    """A place page per commune of the province, as bootstrap makes them (cms.place_pages)."""
    from cms.place_pages import ensure_place_pages

    ensure_place_pages(Province.objects.get(code=PROVINCE_CODE))


def _let_editors_edit(home):
    ensure_staff_groups(home)  # the editors' page permissions are held on the home page


def _category(categories, slug_prefix):
    """The first demo product set whose slug starts with the prefix (None if the data has none)."""
    return next((category for slug, category in categories.items() if slug.startswith(slug_prefix)), None)


def _point_sites_at(home):
    """Wagtail serves the home page at /; Django's site (Oscar) carries the same name."""
    site = WagtailSite.objects.filter(is_default_site=True).first()
    if site is None:
        site = WagtailSite.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Chợ OCOP"
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Chợ OCOP"
        site.save()
    Site.objects.update_or_create(pk=1, defaults={"domain": "127.0.0.1:8000", "name": "Chợ OCOP"})
    ensure_province_settings(site, Province.objects.get(code=PROVINCE_CODE))  # the footer's province
    ensure_operator_settings(site, Province.objects.get(code=PROVINCE_CODE))  # the footer's operator
    # Wagtail's own "Welcome" placeholder page is no longer reachable: remove it.
    for page in Page.objects.filter(depth=2, slug="home").exclude(pk=home.pk):
        if page.specific_class is Page and not page.get_children().exists():
            page.delete()
