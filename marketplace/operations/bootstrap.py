"""What a fresh production database needs after `migrate`, and nothing of the demo.

Each step creates what is missing and leaves alone what exists, so `python manage.py bootstrap`
can run on every deploy: the administrative units, the province's home page and site, the staff
groups and their permissions, and a first operator. The staff groups are defined here once, for
bootstrap and the demo alike.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group, Permission
from django.contrib.sites.models import Site as DjangoSite
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from oscar.apps.customer.utils import normalise_email
from oscar.core.loading import get_model
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale, Page
from wagtail.models import Site as WagtailSite

from places import loader, sources
from places.models import Province

from . import sectors


class BootstrapError(Exception):
    """A step cannot be done; the message says what to do."""


# --- Database ----------------------------------------------------------------------------------


def unapplied_migrations(database=DEFAULT_DB_ALIAS):
    """Migrations `migrate` would still apply, as "app_label.name" strings."""
    executor = MigrationExecutor(connections[database])
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, backwards in plan if not backwards]


# --- Administrative units ----------------------------------------------------------------------


def ensure_places(progress=False):
    """The 34 provinces and their communes from the installed vietnam-provinces package's data."""
    try:
        return loader.load_package_units(progress=progress)
    except sources.UnitsUnavailable as error:
        raise BootstrapError(str(error)) from error


def home_province():
    code = getattr(settings, "MARKETPLACE_PROVINCE_CODE", "44")
    try:
        return Province.objects.get(code=code)
    except Province.DoesNotExist:
        raise BootstrapError(
            f"MARKETPLACE_PROVINCE_CODE is {code!r}, which is no province's code (two digits, e.g. 44 "
            "for Tỉnh Quảng Trị)."
        )


# --- Home page and sites -----------------------------------------------------------------------

HOME_SLUG = "cho-ocop"


@dataclass
class Outcome:
    """What a step did: `created`, `changed` or neither, with a sentence for the operator."""

    message: str
    created: bool = False
    changed: bool = False
    warnings: list[str] = field(default_factory=list)


def ensure_home_page(province):
    """The project's home page for the province, published under Wagtail's root; an existing one is kept."""
    from cms.models import HomePage

    home = HomePage.objects.first()  # there is at most one (HomePage.max_count)
    if home is not None:
        return home, Outcome(f"Home page: “{home.title}” exists, left as it is.")
    root = _root_page()
    place = f"{'thành phố' if province.name.startswith('Thành phố') else 'tỉnh'} {province.short_name}"
    home = root.add_child(
        instance=HomePage(
            title=f"Chợ OCOP {province.short_name}",
            slug=HOME_SLUG,
            hero_title=f"Sản phẩm OCOP và đặc sản {province.short_name}",
            hero_text=f"Mua trực tiếp từ hợp tác xã, doanh nghiệp và hộ sản xuất của {place} — "
            "sao OCOP và nguồn gốc do Sở Công Thương xác minh.",
        )
    )
    home.save_revision().publish()
    return home, Outcome(f"Home page: created and published “{home.title}”.", created=True)


def ensure_event_index(home):
    """The index of fairs and events under the home page: editors announce a fair straight away."""
    from cms.models import EventIndexPage

    index = EventIndexPage.objects.child_of(home).first()
    if index is not None:
        return Outcome(f"Events index: “{index.title}” exists, left as it is.")
    index = home.add_child(instance=EventIndexPage(title="Hội chợ và sự kiện", slug="su-kien"))
    index.save_revision().publish()
    return Outcome(f"Events index: created and published “{index.title}”.", created=True)


def ensure_place_pages(province, progress=False):
    """A place page per commune and ward of the province under the home page (cms.place_pages)."""
    from tqdm import tqdm

    from cms.place_pages import ensure_place_pages as ensure

    with tqdm(desc="Place pages", unit="page", disable=not progress) as bar:
        report = ensure(province, progress=bar)
    created = report.created > 0 or report.index_created
    return Outcome(report.summary(), created=created, changed=report.renamed > 0)


def _root_page():
    root = Page.get_first_root_node()
    if root is None:  # a database emptied by hand (or by a transactional test) has lost Wagtail's root
        if not Locale.objects.exists():
            Locale.objects.create(
                language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
            )
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    return root


def site_address():
    """(hostname, port) of SITE_URL (the WAGTAILADMIN_BASE_URL setting)."""
    url = getattr(settings, "WAGTAILADMIN_BASE_URL", "") or ""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        parts, port = None, None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise BootstrapError(
            f"SITE_URL (WAGTAILADMIN_BASE_URL) is {url!r}: give the site's address, e.g. https://cho-ocop.example.vn"
        )
    return parts.hostname, port


def ensure_sites(home):
    """Wagtail's default site serves the home page at "/"; Django's site (Oscar's) follows it.

    A default site still serving Wagtail's "Welcome" placeholder is taken over (address from SITE_URL,
    name from WAGTAIL_SITE_NAME); one an operator has set up is left as it is.
    """
    hostname, port = site_address()
    name = getattr(settings, "WAGTAIL_SITE_NAME", "") or "Chợ OCOP"
    site = WagtailSite.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        site = WagtailSite.objects.filter(hostname=hostname, port=port).select_related("root_page").first()
    if site is None:
        site = WagtailSite.objects.create(
            hostname=hostname, port=port, site_name=name, root_page=home, is_default_site=True
        )
        outcome = Outcome(f"Site: created {_address(site)} (“{name}”) serving the home page.", created=True)
    elif site.root_page.specific_class is Page:  # Wagtail's own placeholder: nobody has set the site up
        taken = WagtailSite.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists()
        if not taken:
            site.hostname, site.port = hostname, port
        site.site_name, site.root_page, site.is_default_site = name, home, True
        site.save()
        outcome = Outcome(f"Site: {_address(site)} (“{name}”) now serves the home page.", changed=True)
    else:
        outcome = Outcome(f"Site: {_address(site)} (“{site.site_name}”) exists, left as it is.")
        if (site.hostname, site.port) != (hostname, port):
            outcome.warnings.append(
                f"The default site's address is {_address(site)} but SITE_URL is "
                f"{settings.WAGTAILADMIN_BASE_URL}: change one of them (the site under Settings → Sites "
                "at /cms/); Django's site, whose domain Oscar puts in e-mails, follows the default site."
            )
        if site.root_page_id != home.pk:
            outcome.warnings.append(
                f"The default site serves “{site.root_page.title}”, not the home page “{home.title}”: "
                "choose its root page under Settings → Sites at /cms/."
            )
    if not site.is_default_site:
        site.is_default_site = True
        site.save(update_fields=["is_default_site"])
        outcome.changed = True
    outcome.changed |= _follow_wagtail_site(site)
    removed = remove_welcome_page(home)
    if removed:
        outcome.message += " Wagtail's “Welcome” page removed."
        outcome.changed = True
    return site, outcome


def ensure_province_settings(site, province):
    """The province the site's footer names (cms ProvinceSettings), from the home province.

    A name an editor has changed is kept; a setting still naming another province's code (the
    migration's default, written before the units were loaded) follows the home province.
    """
    from cms.models import ProvinceSettings

    wanted = {"province_name": province.short_name, "province_code": province.code}
    item, created = ProvinceSettings.objects.get_or_create(site=site, defaults=wanted)
    if created:
        return Outcome(f"Footer: names {province.name}.", created=True)
    if item.province_code != province.code:
        for name, value in wanted.items():
            setattr(item, name, value)
        item.save(update_fields=list(wanted))
        return Outcome(f"Footer: now names {province.name}.", changed=True)
    return Outcome(f"Footer: names {item.province_name}, left as it is.")


def ensure_operator_settings(site, province):
    """The operator the footer names (cms OperatorSettings): the province's Department by default.

    Only an empty operator name is filled; whatever an editor wrote is kept.
    """
    from cms.models import OperatorSettings

    kind = "thành phố" if province.name.startswith("Thành phố") else "tỉnh"
    name = f"Sở Công Thương {kind} {province.short_name}"
    item, created = OperatorSettings.objects.get_or_create(site=site, defaults={"operator_name": name})
    if created:
        return Outcome(f"Operator: {name}.", created=True)
    if not item.operator_name:
        item.operator_name = name
        item.save(update_fields=["operator_name"])
        return Outcome(f"Operator: now {name}.", changed=True)
    return Outcome(f"Operator: {item.operator_name}, left as it is.")


def django_site_values(site):
    """Domain and name Django's Site (used by Oscar in e-mails) takes from Wagtail's."""
    return {
        "domain": _address(site),
        "name": site.site_name or getattr(settings, "WAGTAIL_SITE_NAME", "Chợ OCOP"),
    }


def _address(site):
    """host, or host:port unless the port is HTTP's or HTTPS's own."""
    return site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"


def _follow_wagtail_site(site):
    values = django_site_values(site)
    site_id = getattr(settings, "SITE_ID", 1)
    django_site, created = DjangoSite.objects.get_or_create(pk=site_id, defaults=values)
    changed = created
    if any(getattr(django_site, field) != value for field, value in values.items()):
        for field, value in values.items():
            setattr(django_site, field, value)
        django_site.save()
        changed = True
    DjangoSite.objects.clear_cache()
    return changed


def remove_welcome_page(home):
    """Delete Wagtail's "Welcome to your new Wagtail site!" placeholder once no site serves it."""
    removed = False
    for page in Page.objects.filter(depth=2, slug="home").exclude(pk=home.pk):
        if (
            page.specific_class is Page
            and not page.get_children().exists()
            and not WagtailSite.objects.filter(root_page=page).exists()
        ):
            page.delete()
            removed = True
    return removed


# --- Staff groups ------------------------------------------------------------------------------

REVIEWERS_GROUP = "Department reviewers"
EDITORS_GROUP = "Editors"  # Wagtail's migrations create it; its permissions are completed here
MODERATORS_GROUP = "Moderators"  # Wagtail's too: the Department's approvers, who publish
WORKFLOW_NAME = "Duyệt nội dung"  # draft → review by the approvers → published
APPROVAL_TASK_NAME = "Sở Công Thương duyệt"

_CONTENT_COLLECTION_PERMISSIONS = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)


@dataclass(frozen=True)
class StaffGroup:
    key: str
    name: str
    permissions: tuple[str, ...] = ()  # "app_label.codename"
    page_permissions: tuple[str, ...] = ()  # wagtailcore codenames, held on the home page and below
    collection_permissions: tuple[str, ...] = ()  # "app_label.codename", held on the root collection
    # Page permissions an earlier definition gave and this one takes back, on the home page.
    revoked_page_permissions: tuple[str, ...] = ()


STAFF_GROUPS = (
    # The Department of Industry and Trade: the review queue of enterprises, OCOP certificates,
    # origins and specialties (dashboard apps ask for partner.review_enterprises).
    StaffGroup("reviewers", REVIEWERS_GROUP, permissions=("partner.review_enterprises",)),
    # Content editors: the Wagtail admin, the province's pages, and the pictures and documents in them.
    # They write and submit for review (the workflow below); the approvers publish.
    StaffGroup(
        "editors",
        EDITORS_GROUP,
        permissions=("wagtailadmin.access_admin",),
        page_permissions=("add_page", "change_page"),
        collection_permissions=_CONTENT_COLLECTION_PERMISSIONS,
        revoked_page_permissions=("publish_page",),
    ),
    # The Department's approvers: review what editors submit, publish, unlock a page left locked.
    StaffGroup(
        "moderators",
        MODERATORS_GROUP,
        permissions=("wagtailadmin.access_admin",),
        page_permissions=("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        collection_permissions=_CONTENT_COLLECTION_PERMISSIONS,
    ),
)


@dataclass
class StaffGroups:
    groups: dict  # key → Group
    created: int = 0  # groups
    added: int = 0  # permissions of any kind

    def __getitem__(self, key):
        return self.groups[key]


def ensure_staff_groups(home=None):
    """Create the staff groups and give them every permission their definition lists.

    Re-runs add what a newer definition lists; permissions an operator gave a group on top are
    kept. Page permissions need the home page (the given one, or the existing one): without one
    they wait for the next run.
    """
    if home is None:
        from cms.models import HomePage

        home = HomePage.objects.first()
    result = StaffGroups(groups={})
    for spec in STAFF_GROUPS:
        group, created = Group.objects.get_or_create(name=spec.name)
        result.created += created
        wanted = [_permission(name) for name in spec.permissions]
        have = set(group.permissions.values_list("pk", flat=True))
        missing = [permission for permission in wanted if permission.pk not in have]
        group.permissions.add(*missing)
        result.added += len(missing)
        if home is not None:
            for codename in spec.page_permissions:
                _, added = GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=_permission(f"wagtailcore.{codename}")
                )
                result.added += added
            GroupPagePermission.objects.filter(
                group=group, page=home, permission__codename__in=spec.revoked_page_permissions
            ).delete()
        if spec.collection_permissions:
            collection = _root_collection()
            for name in spec.collection_permissions:
                _, added = GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=_permission(name)
                )
                result.added += added
        result.groups[spec.key] = group
    if home is not None:
        result.added += ensure_moderation(home, result["moderators"])
    return result


def ensure_moderation(home, approvers):
    """The workflow "Duyệt nội dung" on the home page and below: a page an editor submits waits
    for the approvers' decision. Returns how many pieces were added (0 when all are in place)."""
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    added = 0
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    added += created
    task, created = GroupApprovalTask.objects.get_or_create(name=APPROVAL_TASK_NAME)
    added += created
    if not task.groups.filter(pk=approvers.pk).exists():
        task.groups.add(approvers)
        added += 1
    _, created = WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    added += created
    _, created = WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    added += created
    return added


def _permission(name):
    app_label, codename = name.split(".")
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        raise BootstrapError(f"The permission {name} does not exist: run `python manage.py migrate` first.")


def _root_collection():
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


# --- First operator ----------------------------------------------------------------------------


def ensure_operator(email, password):
    """A superuser who logs in with this e-mail address, unless an account with it exists.

    The username is the e-mail address, as for every account the project creates itself.
    """
    User = get_user_model()
    email = normalise_email(email or "")
    try:
        validate_email(email)
    except ValidationError:
        raise BootstrapError(f"OPERATOR_EMAIL {email!r} is not an e-mail address.")
    if len(email) > User._meta.get_field("username").max_length:
        raise BootstrapError("OPERATOR_EMAIL is too long to serve as a username.")
    existing = User.objects.filter(email__iexact=email).first() or User.objects.filter(username=email).first()
    if existing is not None:
        outcome = Outcome(f"Operator: an account for {email} exists, left as it is.")
        if not existing.is_superuser:
            outcome.warnings.append(
                f"The account for {email} is not a superuser; bootstrap changes no existing account "
                "(give it the rights in /admin/ if it should be the operator)."
            )
        return existing, outcome
    if not password:
        raise BootstrapError(
            f"OPERATOR_EMAIL is set but OPERATOR_PASSWORD is not: set both to create the operator {email}."
        )
    candidate = User(username=email, email=email)
    try:
        password_validation.validate_password(password, candidate)
    except ValidationError as error:
        raise BootstrapError("OPERATOR_PASSWORD is refused: " + " ".join(error.messages))
    with transaction.atomic():
        user = User.objects.create_superuser(username=email, email=email, password=password)
    return user, Outcome(
        f"Operator: created the superuser {email} (log in with the e-mail address and OPERATOR_PASSWORD).",
        created=True,
    )


# --- Catalogue ---------------------------------------------------------------------------------

PRODUCT_CLASS = {"slug": "ocop-product", "name": "Sản phẩm OCOP và đặc sản"}


def ensure_catalogue():
    """The OCOP product class and the six OCOP sectors with their product sets (Decision 148/QĐ-TTg).

    Enterprises cannot list a product before these exist. Returns the number of categories created.
    """
    Category = get_model("catalogue", "Category")
    before = Category.objects.count()
    ensure_product_class()
    ensure_categories()
    return Category.objects.count() - before


def ensure_categories():
    """The sectors as root categories, their product sets as children; returns {set slug: category}."""
    Category = get_model("catalogue", "Category")
    by_slug = {}
    for sector in sectors.sectors():
        root = Category.objects.filter(depth=1, slug=sector["slug"]).first()
        if root is None:
            root = Category.add_root(name=sector["name"], slug=sector["slug"])
        for product_set in sector["sets"]:
            child = root.get_children().filter(slug=product_set["slug"]).first()
            if child is None:
                child = root.add_child(name=product_set["name"], slug=product_set["slug"])
            by_slug[product_set["slug"]] = child
    return by_slug


def ensure_product_class():
    ProductClass = get_model("catalogue", "ProductClass")
    product_class, _ = ProductClass.objects.get_or_create(
        slug=PRODUCT_CLASS["slug"],
        defaults={"name": PRODUCT_CLASS["name"], "requires_shipping": True, "track_stock": True},
    )
    return product_class
