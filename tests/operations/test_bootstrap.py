"""`python manage.py bootstrap` turns a freshly migrated database into the province's marketplace.

The session's test database holds the demo province (tests/conftest.py). The `fresh_database`
fixture empties it inside the test's own transaction and puts back what `migrate` itself leaves
(content types, permissions, example.com, Wagtail's root, its "Welcome" page and default site, its
Editors and Moderators groups), so each test starts where a production deploy starts; the
rollback at the end gives the demo back to the other tests.
"""

import pytest
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site as DjangoSite
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Revision,
)
from wagtail.models import Site as WagtailSite

from cms.models import HomePage
from marketplace.operations import bootstrap
from places.models import Commune, Province

Category = get_model("catalogue", "Category")
ProductClass = get_model("catalogue", "ProductClass")

pytestmark = pytest.mark.django_db

WELCOME = "Welcome to your new Wagtail site!"
OPERATOR = "van.hanh@soct.quangtri.gov.vn"
PASSWORD = "mat-khau-van-hanh-2026"


def _clear_caches():
    for cache in caches.all():
        cache.clear()  # Wagtail keeps its sites' root paths in the cache
    ContentType.objects.clear_cache()
    DjangoSite.objects.clear_cache()


def _as_wagtail_migrations_leave_it():
    """What wagtailcore's, wagtailadmin's, wagtailimages' and wagtaildocs' data migrations create."""
    locale = Locale.objects.create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    collection = Collection.add_root(name="Root")
    root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    welcome = root.add_child(instance=Page(title=WELCOME, slug="home", locale=locale))
    WagtailSite.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)

    def permission(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    for name, page_codenames in (
        ("Moderators", ("add_page", "change_page", "publish_page")),
        ("Editors", ("add_page", "change_page")),
    ):
        group = Group.objects.create(name=name)
        group.permissions.add(permission("wagtailadmin", "access_admin"))
        for codename in page_codenames:
            GroupPagePermission.objects.create(
                group=group, page=root, permission=permission("wagtailcore", codename)
            )
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in ("add", "change", "choose"):
                GroupCollectionPermission.objects.create(
                    group=group, collection=collection, permission=permission(app_label, f"{action}_{model}")
                )


@pytest.fixture
def fresh_database(db, monkeypatch):
    """This test's database as `migrate` leaves a new one, without operator variables."""
    monkeypatch.delenv("OPERATOR_EMAIL", raising=False)
    monkeypatch.delenv("OPERATOR_PASSWORD", raising=False)
    _clear_caches()
    # Empties every table, then runs post_migrate as migrate does: content types, permissions, example.com.
    call_command("flush", interactive=False, verbosity=0)
    _clear_caches()
    _as_wagtail_migrations_leave_it()
    assert not Province.objects.exists() and not HomePage.objects.exists()
    yield
    _clear_caches()


@pytest.fixture
def operator_variables(monkeypatch):
    monkeypatch.setenv("OPERATOR_EMAIL", OPERATOR)
    monkeypatch.setenv("OPERATOR_PASSWORD", PASSWORD)


def run_bootstrap(capsys=None, **options):
    call_command("bootstrap", **options)
    if capsys is not None:
        return capsys.readouterr()


def state():
    """Everything bootstrap creates, as comparable values."""
    return {
        "provinces": list(Province.objects.order_by("code").values_list("code", "name", "data_version")),
        "communes": Commune.objects.count(),
        "categories": list(Category.objects.order_by("path").values_list("path", "name", "slug")),
        "product classes": list(ProductClass.objects.values_list("slug", "name")),
        "pages": list(
            Page.objects.order_by("path").values_list("pk", "title", "live", "content_type__model")
        ),
        "revisions": Revision.objects.count(),
        "wagtail sites": list(WagtailSite.objects.values_list("hostname", "port", "site_name", "root_page")),
        "django sites": list(DjangoSite.objects.values_list("pk", "domain", "name")),
        "groups": {
            group.name: (
                sorted(group.permissions.values_list("codename", flat=True)),
                sorted(
                    GroupPagePermission.objects.filter(group=group).values_list(
                        "page", "permission__codename"
                    )
                ),
                GroupCollectionPermission.objects.filter(group=group).count(),
            )
            for group in Group.objects.all()
        },
        "users": list(
            get_user_model()
            .objects.order_by("pk")
            .values_list("username", "email", "is_superuser", "password")
        ),
    }


def writes(queries):
    return [
        q["sql"] for q in queries if q["sql"].lstrip().split()[0].upper() in ("INSERT", "UPDATE", "DELETE")
    ]


# --- A fresh database ---------------------------------------------------------------------------


def test_bootstrap_loads_the_34_provinces_and_their_communes_with_the_data_version(fresh_database):
    run_bootstrap(verbosity=0)
    assert Province.objects.count() == 34
    assert Commune.objects.count() == 3321
    assert set(Province.objects.values_list("data_version", flat=True)) == {"2026-09-20"}
    assert set(Commune.objects.values_list("data_version", flat=True)) == {"2026-09-20"}
    quang_tri = Province.objects.get(code="44")
    assert (quang_tri.name, quang_tri.communes.count()) == ("Tỉnh Quảng Trị", 78)


def test_enterprises_find_the_ocop_product_class_and_the_six_sectors_to_list_products_in(fresh_database):
    run_bootstrap(verbosity=0)
    assert ProductClass.objects.filter(slug="ocop-product", track_stock=True).exists()
    sectors = Category.get_root_nodes()
    assert len(sectors) == 6
    assert all(sector.get_children_count() for sector in sectors)


def test_the_home_page_at_the_root_is_the_provinces_own_not_wagtails_welcome(
    fresh_database, client, django_capture_on_commit_callbacks
):
    assert WELCOME in client.get("/").content.decode()  # where a fresh database starts

    with django_capture_on_commit_callbacks(execute=True):  # the command commits: pages see the new site
        run_bootstrap(verbosity=0)

    response = client.get("/")
    assert response.status_code == 200
    page = response.context["page"].specific
    assert isinstance(page, HomePage)
    assert page.live and page.title == "Chợ OCOP Quảng Trị"
    html = response.content.decode()
    assert WELCOME not in html
    assert "Sản phẩm OCOP và đặc sản Quảng Trị" in html
    assert not Page.objects.filter(title=WELCOME).exists()
    assert HomePage.objects.get().get_latest_revision() is not None  # published through a revision


def test_the_sites_come_from_the_settings_and_agree(fresh_database, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://cho-ocop.quangtri.gov.vn"
    run_bootstrap(verbosity=0)
    site = WagtailSite.objects.get()
    assert (site.hostname, site.port, site.is_default_site) == ("cho-ocop.quangtri.gov.vn", 443, True)
    assert site.site_name == settings.WAGTAIL_SITE_NAME
    assert site.root_page.specific == HomePage.objects.get()
    django_site = DjangoSite.objects.get(pk=settings.SITE_ID)
    assert (django_site.domain, django_site.name) == ("cho-ocop.quangtri.gov.vn", settings.WAGTAIL_SITE_NAME)


def test_a_site_on_another_port_keeps_its_port_in_django_sites_domain(fresh_database, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    run_bootstrap(verbosity=0)
    assert WagtailSite.objects.get().root_url == "http://127.0.0.1:8000"
    assert DjangoSite.objects.get(pk=settings.SITE_ID).domain == "127.0.0.1:8000"


def test_the_province_comes_from_the_settings(fresh_database, settings, client):
    settings.MARKETPLACE_PROVINCE_CODE = "38"
    run_bootstrap(verbosity=0)
    assert HomePage.objects.get().title == "Chợ OCOP Thanh Hóa"


def test_an_unknown_province_code_is_a_clear_error(fresh_database, settings):
    settings.MARKETPLACE_PROVINCE_CODE = "99"
    with pytest.raises(CommandError, match="MARKETPLACE_PROVINCE_CODE is '99'"):
        run_bootstrap(verbosity=0)
    assert not HomePage.objects.exists()


def test_the_reviewer_and_editor_groups_get_their_permissions(fresh_database):
    run_bootstrap(verbosity=0)
    home = HomePage.objects.get()
    reviewers = Group.objects.get(name=bootstrap.REVIEWERS_GROUP)
    assert "review_enterprises" in reviewers.permissions.values_list("codename", flat=True)
    editors = Group.objects.get(name=bootstrap.EDITORS_GROUP)
    assert "access_admin" in editors.permissions.values_list("codename", flat=True)
    editor_pages = set(
        GroupPagePermission.objects.filter(group=editors, page=home).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_page", "change_page"} <= editor_pages
    assert "publish_page" not in editor_pages  # editors submit; the approvers publish (issue 19)
    moderators = Group.objects.get(name=bootstrap.MODERATORS_GROUP)
    assert {"add_page", "change_page", "publish_page"} <= set(
        GroupPagePermission.objects.filter(group=moderators, page=home).values_list(
            "permission__codename", flat=True
        )
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= set(
        GroupCollectionPermission.objects.filter(group=editors).values_list("permission__codename", flat=True)
    )


def test_group_members_reach_their_work(fresh_database, client, django_user_model):
    run_bootstrap(verbosity=0)
    reviewer = django_user_model.objects.create_user("quang@soct.vn", "quang@soct.vn", "x")
    reviewer.groups.add(Group.objects.get(name=bootstrap.REVIEWERS_GROUP))
    editor = django_user_model.objects.create_user("thao@soct.vn", "thao@soct.vn", "x")
    editor.groups.add(Group.objects.get(name=bootstrap.EDITORS_GROUP))

    client.force_login(reviewer)
    assert client.get("/dashboard/enterprises/").status_code == 200
    client.force_login(editor)
    assert client.get(f"/cms/pages/{HomePage.objects.get().pk}/edit/").status_code == 200


def test_the_operator_comes_from_the_environment(fresh_database, operator_variables, capsys):
    output = run_bootstrap(capsys)
    operator = authenticate(username=OPERATOR, password=PASSWORD)  # Oscar logs in by e-mail
    assert operator is not None
    assert (operator.username, operator.email) == (OPERATOR, OPERATOR)
    assert operator.is_superuser and operator.is_staff
    assert OPERATOR in output.out
    assert PASSWORD not in output.out + output.err


def test_without_the_variables_it_says_how_to_create_an_operator(fresh_database, django_user_model, capsys):
    output = run_bootstrap(capsys)
    assert not django_user_model.objects.exists()
    assert "OPERATOR_EMAIL" in output.err and "OPERATOR_PASSWORD" in output.err
    assert "createsuperuser" in output.err


def test_an_existing_account_with_the_operators_email_is_left_alone(
    fresh_database, operator_variables, django_user_model, capsys
):
    shopper = django_user_model.objects.create_user("someone", OPERATOR.upper(), "mat-khau-cu-2025")
    output = run_bootstrap(capsys)
    shopper.refresh_from_db()
    assert not shopper.is_superuser
    assert shopper.check_password("mat-khau-cu-2025")
    assert django_user_model.objects.count() == 1
    assert "not a superuser" in output.err


def test_a_weak_operator_password_is_refused_without_being_shown(
    fresh_database, monkeypatch, django_user_model
):
    monkeypatch.setenv("OPERATOR_EMAIL", OPERATOR)
    monkeypatch.setenv("OPERATOR_PASSWORD", "12345678")
    with pytest.raises(CommandError, match="OPERATOR_PASSWORD is refused") as refused:
        run_bootstrap(verbosity=0)
    assert "12345678" not in str(refused.value)
    assert not django_user_model.objects.exists()
    assert Province.objects.count() == 34  # the steps before it are kept


def test_an_email_without_a_password_is_a_clear_error(fresh_database, monkeypatch):
    monkeypatch.setenv("OPERATOR_EMAIL", OPERATOR)
    with pytest.raises(CommandError, match="OPERATOR_PASSWORD is not"):
        run_bootstrap(verbosity=0)


def test_a_database_not_yet_migrated_is_refused(fresh_database, monkeypatch):
    monkeypatch.setattr(bootstrap, "unapplied_migrations", lambda: ["cms.0002_more"])
    with pytest.raises(CommandError, match="migrate"):
        run_bootstrap(verbosity=0)
    assert not Province.objects.exists()


# --- Running again ------------------------------------------------------------------------------


def test_a_second_run_changes_nothing(fresh_database, operator_variables, capsys):
    run_bootstrap(verbosity=0)
    before = state()
    with CaptureQueriesContext(connection) as queries:
        output = run_bootstrap(capsys)
    assert writes(queries) == []
    assert state() == before
    assert "nothing needed changing" in output.out


def test_a_second_run_keeps_what_an_editor_changed(fresh_database):
    run_bootstrap(verbosity=0)
    home = HomePage.objects.get()
    home.title = "Chợ phiên OCOP Quảng Trị"
    home.hero_title = "Đặc sản miền gió Lào cát trắng"
    home.save_revision().publish()
    site = WagtailSite.objects.get()
    site.site_name = "Chợ OCOP tỉnh Quảng Trị"
    site.save()

    run_bootstrap(verbosity=0)

    home.refresh_from_db()
    assert (home.title, home.hero_title) == ("Chợ phiên OCOP Quảng Trị", "Đặc sản miền gió Lào cát trắng")
    assert HomePage.objects.count() == 1
    assert WagtailSite.objects.get().site_name == "Chợ OCOP tỉnh Quảng Trị"
    assert DjangoSite.objects.get(pk=settings.SITE_ID).name == "Chợ OCOP tỉnh Quảng Trị"  # in step


def test_a_second_run_brings_the_groups_permissions_up_to_date(fresh_database):
    run_bootstrap(verbosity=0)
    reviewers = Group.objects.get(name=bootstrap.REVIEWERS_GROUP)
    editors = Group.objects.get(name=bootstrap.EDITORS_GROUP)
    reviewers.permissions.clear()
    moderators = Group.objects.get(name=bootstrap.MODERATORS_GROUP)
    GroupPagePermission.objects.filter(group=moderators, permission__codename="publish_page").delete()
    extra = Permission.objects.get(codename="view_province")
    editors.permissions.add(extra)  # given by an operator: kept

    run_bootstrap(verbosity=0)

    assert reviewers.permissions.filter(codename="review_enterprises").exists()
    assert GroupPagePermission.objects.filter(group=moderators, permission__codename="publish_page").exists()
    assert editors.permissions.filter(pk=extra.pk).exists()


# --- The demo's database ------------------------------------------------------------------------


def test_on_the_demo_province_bootstrap_keeps_the_demo_pages_and_finds_the_groups_complete(client):
    """The demo builds its groups with the same definition, so bootstrap has no permission to add."""
    home = HomePage.objects.get()
    pages = Page.objects.count()
    assert bootstrap.ensure_staff_groups().added == 0

    call_command("bootstrap", verbosity=0)

    assert HomePage.objects.get() == home
    assert Page.objects.count() == pages
    assert isinstance(client.get("/").context["page"].specific, HomePage)
