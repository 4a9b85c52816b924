"""Settings shared by every environment.

Everything that differs between a laptop and a province's server is read
from the environment (see README, "Configuration"); the defaults are the
embedded ones: SQLite and the database search backend.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403  (Oscar's settings are the baseline)

from marketplace.dashboard.nav import approved_enterprise_staff, enterprise_staff_only
from marketplace.jobs.schedule import beat_schedule
from marketplace.operations.conf import log_format, parse_admins

from .env import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "marketplace"

SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- Applications -----------------------------------------------------------

INSTALLED_APPS = [
    # Django admin, with bounded inlines and safe autocomplete fields (marketplace.admin.bounds).
    "marketplace.admin.apps.MarketplaceAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    # The shop core: Oscar, with the apps this project forks.
    "marketplace.config.MarketplaceShop",
    "marketplace.analytics.apps.AnalyticsConfig",
    "marketplace.checkout.apps.CheckoutConfig",
    "marketplace.address.apps.AddressConfig",
    "marketplace.shipping.apps.ShippingConfig",
    "catalogue.apps.CatalogueConfig",
    "catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "vendors.apps.PartnerConfig",
    "vendors.track_record.apps.TrackRecordConfig",
    "marketplace.basket.apps.BasketConfig",
    "marketplace.payment.apps.PaymentConfig",
    "marketplace.transfers.apps.TransfersConfig",
    "marketplace.invoicing.apps.InvoicingConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "marketplace.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "marketplace.page_cache.apps.PageCacheConfig",
    "marketplace.reports.apps.ReportsConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "marketplace.dashboard.apps.DashboardConfig",
    "marketplace.dashboard.enterprises.apps.EnterprisesDashboardConfig",
    "marketplace.dashboard.ocop.apps.OcopDashboardConfig",
    "marketplace.dashboard.parcels.apps.ParcelsDashboardConfig",
    "marketplace.dashboard.payouts.apps.PayoutsDashboardConfig",
    "marketplace.dashboard.transfers.apps.TransfersDashboardConfig",
    "marketplace.dashboard.province.apps.ProvinceDashboardConfig",
    "marketplace.dashboard.shipping_rates.apps.ShippingRatesDashboardConfig",
    "marketplace.dashboard.registers.apps.RegistersDashboardConfig",
    "marketplace.dashboard.audit.apps.AuditDashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "marketplace.dashboard.orders.apps.OrdersDashboardConfig",
    "marketplace.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "marketplace.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "treebeard",
    "django_tables2",
    # Provincial content: Wagtail.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",  # cms.events: each event's calendar file
    "wagtail.contrib.settings",
    # Pages translated into English: the locales, and the editor's "Translate" (a copy per language).
    "wagtail.locales",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # The project's own apps.
    "places.apps.PlacesConfig",
    "marketplace.demo.apps.DemoConfig",
    "marketplace.payouts.apps.PayoutsConfig",
    "marketplace.audit.apps.AuditConfig",
    "cms.apps.CmsConfig",
    "marketplace.jobs.apps.JobsConfig",
    "marketplace.operations.apps.OperationsConfig",
    "marketplace.seo.apps.SeoConfig",
    # Login throttling (django-axes) and the project's rules for it.
    "axes",
    "marketplace.accounts.apps.AccountsConfig",
]

SITE_ID = 1

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response (CONTENT_SECURITY_POLICY below).
    "marketplace.security.csp.ContentSecurityPolicyMiddleware",
    # Request ids and one log line per request; /healthz and /readyz answered before host checks.
    "marketplace.operations.middleware.RequestLogMiddleware",
    "marketplace.operations.middleware.ProbeMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "marketplace.middleware.LanguageMiddleware",
    # An address with a NUL byte gets a 400 (in the visitor's language) before any view reads it.
    "marketplace.url_checks.NulByteMiddleware",
    # A post to Wagtail's admin asking for more than 100 formset rows gets a 400 (cms.admin_rows).
    "cms.admin_rows.AdminRowsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "marketplace.basket.middleware.BasketMiddleware",
    # Wagtail's pages find their Site among what is kept under the content revision (cms.middleware).
    "cms.middleware.KeptSiteMiddleware",
    # Shopper pages served whole from the cache; every response gets the request's CSRF token
    # and nonce here (marketplace.page_cache). After the basket, inside CSRF and CSP.
    "marketplace.page_cache.middleware.PageCacheMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A locked sign-in and a password reset over its limit get the 429 page (marketplace.accounts).
    "axes.middleware.AxesMiddleware",
    "marketplace.accounts.password_reset.PasswordResetLimitMiddleware",
]

# Form widgets are rendered with the templates above, so the project's overrides of Oscar's
# widgets apply to them too (oscar/forms/widgets/image_input_widget.html: no inline handlers).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "marketplace.context_processors.notifications",  # Oscar's, carried by the user
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.core.context_processors.metadata",
                "search.context_processors.search_form",
                "marketplace.context_processors.languages",
                "wagtail.contrib.settings.context_processors.settings",  # the footer's province
                # Stand-ins for the CSRF token and the nonce, filled in per response (page_cache).
                "marketplace.page_cache.placeholders.csrf",
                "marketplace.page_cache.placeholders.nonce",
            ],
            # Oscar's history tags, without reading the history for nothing (page_cache).
            "libraries": {
                "history_tags": "marketplace.page_cache.history_tags",
                "i18n_links": "marketplace.i18n_links",  # hreflang links in every page's head
            },
        },
    },
]
# Django warns that two modules answer to "history_tags": the one above replaces Oscar's on purpose.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

# --- Data ---------------------------------------------------------------------

# SQLite is the embedded default; DATABASE_URL (postgres://...) takes over.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# WAL lets readers and one writer work at once; IMMEDIATE transactions queue
# writers instead of failing with "database is locked". A 64 MiB page cache
# and memory-mapped reads keep the search tables of 100,000 products in
# memory (SQLite's default cache is 2 MiB). Connections are kept like
# PostgreSQL's (DATABASE_CONN_MAX_AGE): one per thread, which WAL makes safe,
# so a request neither opens the file nor parses the schema again.
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
    ),
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)

DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# "search" remembers facet counts and pages of hits under the search index's
# version (search.backends.database.cache). In each process's memory by default;
# with REDIS_URL, in Redis, shared by every application process and kept across
# restarts. Give the marketplace its own Redis database: clearing a Django cache
# empties the whole database.
REDIS_URL = env("REDIS_URL", "")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "cho-ocop",
        # Product card fragments (catalogue.card_fragments) live here too: room for a big catalogue.
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
    "search": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "cho-ocop-search",
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
    # Whole shopper pages (marketplace.page_cache), compressed: about 15 KiB a list page.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "cho-ocop-pages",
        "OPTIONS": {"MAX_ENTRIES": 5_000},
    },
}
if REDIS_URL:
    CACHES = {
        name: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
        for name, prefix in (
            ("default", "cho-ocop"),
            ("search", "cho-ocop-search"),
            ("pages", "cho-ocop-pages"),
        )
    }

# Shopper pages served whole from the "pages" cache until something they show changes
# (marketplace.page_cache); a new release renders its own (PAGE_CACHE_RELEASE).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 3600)
# The release the pages were rendered by (a tag, a commit); unset, a digest of the project's source.
PAGE_CACHE_RELEASE = env("PAGE_CACHE_RELEASE", "")

AUTHENTICATION_BACKENDS = (
    # First: refuses a locked sign-in before any password is checked.
    "marketplace.accounts.backends.SignInThrottleBackend",
    # Grants nothing: loads the permissions the two next backends read, in one query.
    "marketplace.accounts.backends.PermissionsInOneQuery",
    # Oscar's e-mail sign-in; the signed-in user loaded in one query with what pages ask of them.
    "marketplace.accounts.backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
    "vendors.auth.EnterpriseStaffBackend",
)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "customer:login"

# --- Sign-in protection (marketplace.accounts) --------------------------------------

# Failed sign-ins on every login (shop, dashboard, Django admin, Wagtail, checkout) lock an
# account from one address after LOGIN_FAILURE_LIMIT, and an address for every account after
# LOGIN_ADDRESS_FAILURE_LIMIT, for LOGIN_COOLOFF_MINUTES after the last failure; never an
# account from everywhere (marketplace.accounts.attempts says why). Operators unlock in
# Django admin (Axes > Access attempts > Unlock).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "marketplace.accounts.attempts.LoginAttemptHandler"
AXES_USERNAME_CALLABLE = "marketplace.accounts.attempts.username_of"
AXES_CLIENT_IP_CALLABLE = "marketplace.accounts.client.client_ip"
AXES_LOCKOUT_CALLABLE = "marketplace.accounts.responses.locked_out"
# Axes keeps each failed try's form data: never what was typed as the password (the shop's form
# names its fields login-*), nor the account in its log lines.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "password", "login-username", "login-password"]
# A success does not wipe the failures: an attacker signing in to an account of their own
# would otherwise reset their address's count.
AXES_RESET_ON_SUCCESS = False
# Only failures are kept (until their cool-off ends), not a record of every successful sign-in.
AXES_DISABLE_ACCESS_LOG = True
# No start-up line from axes in every process and command; lockouts are still logged (WARNING).
AXES_VERBOSE = False
# Proxies in front of the application that set X-Forwarded-For (nginx: 1, as in production);
# 0 ignores the header, which any client can write (marketplace.accounts.client).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Password-reset e-mails: per e-mail address and per client address, in windows of an hour.
PASSWORD_RESET_LIMIT = env_int("PASSWORD_RESET_LIMIT", 5)
PASSWORD_RESET_ADDRESS_LIMIT = env_int("PASSWORD_RESET_ADDRESS_LIMIT", 20)
PASSWORD_RESET_WINDOW_MINUTES = env_int("PASSWORD_RESET_WINDOW_MINUTES", 60)

# --- Language, time, money ------------------------------------------------------

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# The project's own catalogue first, then corrections to Oscar's Vietnamese.
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "locale_overrides"]
LANGUAGE_COOKIE_NAME = "language"
TIME_ZONE = "Asia/Ho_Chi_Minh"
# One way of writing a date per language, day first: 03/12/2026 (marketplace.formats).
FORMAT_MODULE_PATH = ["marketplace.formats"]
USE_I18N = True
USE_TZ = True

OSCAR_DEFAULT_CURRENCY = "VND"
# Whole đồng, dot-grouped, symbol after: "125.000 ₫" in every language.
OSCAR_CURRENCY_FORMAT = {
    "VND": {"format": "#,##0 ¤", "locale": "vi_VN", "currency_digits": True},
}

# --- Static and media -------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# What one request may make the application read into memory: a form's fields (files
# aside) up to 2.5 MB and 1,000 of them (more is a 400); uploaded files beyond 2.5 MB go to
# a temporary file. The size of an upload is limited by nginx (client_max_body_size) and by
# each form (vendors.validators, WAGTAILIMAGES_MAX_UPLOAD_SIZE). Formsets build at most a
# page's worth of forms (marketplace.formsets).
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# --- E-mail --------------------------------------------------------------------------

# Every message is handed to a background task after commit (marketplace.jobs.mail); the
# task delivers it with EMAIL_DELIVERY_BACKEND, which the EMAIL_BACKEND variable names.
EMAIL_BACKEND = "marketplace.jobs.mail.BackgroundEmailBackend"
EMAIL_DELIVERY_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Chợ OCOP <no-reply@cho-ocop.vn>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background work --------------------------------------------------------------------

# Celery with Redis (redis://…) or RabbitMQ (amqp://…). Without a broker every task runs
# in the process that asks for it, after the transaction commits.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TIMEZONE = "Asia/Ho_Chi_Minh"
CELERY_ENABLE_UTC = True
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
# A task is taken off the queue only when done: a worker killed mid-task leaves it for another.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A request publishing after commit must not wait for a broker that is down: fail fast, and
# the work is kept in the outbox (marketplace.jobs.outbox) until the broker is back.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# "max_retries": 0 — a publish tries the broker once (else about 2 s of reconnecting per task).
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5, "max_retries": 0}
# Seconds between two relays of the outbox; the rehearsal shortens it.
OUTBOX_RELAY_SECONDS = env_int("OUTBOX_RELAY_SECONDS", 60)
CELERY_BEAT_SCHEDULE = beat_schedule(relay_seconds=OUTBOX_RELAY_SECONDS)

# --- Oscar ---------------------------------------------------------------------------

OSCAR_SHOP_NAME = "Chợ OCOP"
OSCAR_SHOP_TAGLINE = _("OCOP products and local specialties")
OSCAR_HOMEPAGE = "/"
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
# The project's loader imports the project's module first, so Oscar's
# haystack-based search modules are never imported.
OSCAR_DYNAMIC_CLASS_LOADER = "marketplace.loading.project_first_class_loader"
OSCAR_THUMBNAILER = "marketplace.thumbnails.StorageThumbnailer"
OSCAR_SLUG_ALLOW_UNICODE = False
OSCAR_SLUG_FUNCTION = "marketplace.text.slugify_vi"
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_ALLOW_ANON_CHECKOUT = True
# Reviews come from signed-in shoppers whose parcel with the product was delivered (catalogue.reviews),
# published at once and hidden afterwards by an operator if need be: only published ones are rated.
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = False
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "line1", "line4", "country")
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
OSCAR_DASHBOARD_NAVIGATION = [
    {
        "label": _("Province figures"),
        "icon": "fas fa-chart-bar",
        "url_name": "dashboard:province-console",
    },
    {
        "label": _("Enterprise review"),
        "icon": "fas fa-landmark",
        "url_name": "dashboard:enterprise-review-list",
    },
    {
        "label": _("Enterprise profile"),
        "icon": "fas fa-store",
        "url_name": "enterprises:profile",
        "access_fn": enterprise_staff_only,
    },
    {
        "label": _("Delivery rates"),
        "icon": "fas fa-truck",
        "url_name": "dashboard:shipping-rate-list",
        "access_fn": approved_enterprise_staff,
    },
    {
        "label": _("Reviews of your products"),
        "icon": "fas fa-comments",
        "url_name": "dashboard:review-reply-list",
        "access_fn": approved_enterprise_staff,
    },
    {
        "label": _("OCOP and traceability"),
        "icon": "fas fa-star",
        "access_fn": approved_enterprise_staff,
        "children": [
            {
                "label": _("OCOP certificates"),
                "url_name": "dashboard:ocop-certificate-list",
                "access_fn": approved_enterprise_staff,
            },
            {
                "label": _("Traceability lots"),
                "url_name": "dashboard:ocop-lot-list",
                "access_fn": approved_enterprise_staff,
            },
        ],
    },
    {
        "label": _("Verification"),
        "icon": "fas fa-stamp",
        "children": [
            {"label": _("OCOP certificates"), "url_name": "dashboard:ocop-review-list"},
            {"label": _("Product origins"), "url_name": "dashboard:ocop-origin-list"},
            {"label": _("Certificate expiry"), "url_name": "dashboard:ocop-expiry-list"},
            {"label": _("Product register"), "url_name": "dashboard:registers-products"},
            {"label": _("Listings"), "url_name": "dashboard:ocop-listing-list"},
        ],
    },
    {
        "label": _("Parcels"),
        "icon": "fas fa-box",
        "url_name": "dashboard:parcel-list",
    },
    {
        # One menu for the money, so the operator's menu stays on one line on a laptop's screen.
        "label": _("Finance"),
        "icon": "fas fa-file-invoice-dollar",
        "children": [
            {"label": _("Statements and payouts"), "url_name": "dashboard:payout-list"},
            {"label": _("Bank transfers received"), "url_name": "dashboard:transfer-list"},
            {"label": _("Tax withheld"), "url_name": "dashboard:payout-declaration"},
            {"label": _("E-invoice data"), "url_name": "dashboard:parcel-invoices"},
        ],
    },
    {
        "label": _("Audit log"),
        "icon": "fas fa-clipboard-list",
        "url_name": "dashboard:audit-list",
    },
    *OSCAR_DASHBOARD_NAVIGATION,
]

# --- Wagtail -----------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Chợ OCOP"
WAGTAILADMIN_BASE_URL = env("SITE_URL", "http://127.0.0.1:8000")
# Pages have an English translation under /en/ (cms.localized_serve), Vietnamese at the root.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The admin's date pickers write dates as marketplace.formats does (and its input formats accept).
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Judged by content (Willow reads the header): no SVG (it can carry scripts), and no picture so large
# once decoded (a "decompression bomb") that resizing it would exhaust the server's memory.
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "gif"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.image_forms.CheckedImageForm"  # refusals in the editor's language
WAGTAILDOCS_EXTENSIONS = ["pdf", "jpg", "jpeg", "png"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents are judged by their content, and their name must say what they are (cms.document_forms).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.document_forms.CheckedDocumentForm"
# The editor loads nothing from other sites: no Gravatar pictures, no call home for new releases.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Search -------------------------------------------------------------------------------

ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", "")
# Indices are named "<prefix>-products-<build time>" behind the alias "<prefix>-products".
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", "cho-ocop")
# Make each index update visible to searches before the request returns (tests; costs up to a second).
ELASTICSEARCH_WAIT_FOR_REFRESH = env_bool("ELASTICSEARCH_WAIT_FOR_REFRESH", False)
# Seconds a request to the cluster may take (a float is fine), and how many times one that failed
# to connect or timed out is tried again: a page waits at most TIMEOUT x (1 + MAX_RETRIES) before
# search.failover answers it without the cluster (then the cluster is left alone for 30 s).
ELASTICSEARCH_TIMEOUT = float(env("ELASTICSEARCH_TIMEOUT", "") or 5)
ELASTICSEARCH_MAX_RETRIES = env_int("ELASTICSEARCH_MAX_RETRIES", 2)
# Replicas of the product index once a rebuild has loaded it (none during the load). 0 suits the
# single-node cluster of docker/compose.yaml, where a replica could never be placed and the index
# would stay yellow; set 1 or more on a cluster of several nodes.
ELASTICSEARCH_REPLICAS = env_int("ELASTICSEARCH_REPLICAS", 0)
# Processes building the database index in a rebuild; 0: one per core, for catalogues of 5,000 or more.
SEARCH_INDEX_WORKERS = env_int("SEARCH_INDEX_WORKERS", 0)
# How the database backend counts facets: "memory" (columns each process holds, a few MB per
# 100,000 products, kept in step by revision) or "sql" (grouped queries, slower with many hits).
SEARCH_FACETS = env("SEARCH_FACETS", "memory")
# A search that cannot be answered (Elasticsearch down and no database index to answer instead)
# becomes a 503 "search is briefly unavailable" page, or a 503 JSON answer for autocomplete.
# A request's searches read the index version once, however many a page runs.
MIDDLEWARE = [
    *MIDDLEWARE,
    "search.middleware.SearchUnavailableMiddleware",
    "search.middleware.IndexVersionMiddleware",
]

# --- Payments -------------------------------------------------------------------------------

STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", "")
# Card payment is offered only with both keys, and (where this is True: production) the webhook secret.
STRIPE_WEBHOOK_SECRET_REQUIRED = False
# Set only for tests and local runs against localstripe, e.g. http://127.0.0.1:8420
STRIPE_API_BASE = env("STRIPE_API_BASE", "")
# Stripe.js for the card page; localstripe serves a stand-in at <STRIPE_API_BASE>/js.stripe.com/v3/
STRIPE_JS_URL = env("STRIPE_JS_URL", "https://js.stripe.com/v3/")
# The ways to pay offered at checkout: code -> gateway class (marketplace.payment.gateways).
MARKETPLACE_PAYMENT_GATEWAYS = {
    "card": "marketplace.payment.gateways.card.StripeCard",
    "cod": "marketplace.payment.gateways.cash.CashOnDelivery",
    "transfer": "marketplace.transfers.gateway.BankTransfer",
}
# The marketplace's bank account for VietQR transfers (marketplace.transfers); the method is offered
# only when the BIN, account number and holder's name are set. HOLD_MINUTES: how long a transfer
# order keeps its stock; NOTIFICATION_SECRET: the HMAC key of the bank's notifications.
BANK_TRANSFER = {
    "BANK_BIN": env("BANK_TRANSFER_BANK_BIN", ""),
    "BANK_NAME": env("BANK_TRANSFER_BANK_NAME", ""),
    "ACCOUNT_NUMBER": env("BANK_TRANSFER_ACCOUNT_NUMBER", ""),
    "ACCOUNT_NAME": env("BANK_TRANSFER_ACCOUNT_NAME", ""),
    "HOLD_MINUTES": env_int("BANK_TRANSFER_HOLD_MINUTES", 60),
    "NOTIFICATION_SECRET": env("BANK_TRANSFER_NOTIFICATION_SECRET", ""),
}

# --- Content-Security-Policy ------------------------------------------------------------------

# Every page loads from this site alone: scripts from its static files (jQuery, Bootstrap and the
# dashboard's plugins are the copies Oscar ships) or inline with the request's nonce, no plugins,
# never framed, forms posted only here. Styles may be inline: Oscar's, Wagtail's and Django admin's
# templates write style attributes and the dashboard's select2 and TinyMCE add <style> elements;
# styles cannot run code. The card page adds Stripe, from STRIPE_JS_URL; Wagtail's editor under
# /cms/ allows inline scripts (marketplace.security.csp says why). CSP_REPORT_URI, when set,
# receives the browsers' reports of what was blocked.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": env("CSP_REPORT_URI", "") or None,
    }
}

# --- Payouts ---------------------------------------------------------------------------------

# The platform's commission on goods (0.05 is 5 %); operators may set a rate per category
# (marketplace.payouts.CommissionRate), the most specific category winning.
MARKETPLACE_COMMISSION_RATE = env("MARKETPLACE_COMMISSION_RATE", "0.05")

# Tax withheld on the sales of household businesses (marketplace.payouts.withholding): periods of
# rates as fractions of the sale's revenue, by seller kind (vendors.EnterpriseKind), days included.
# A change of law is a new period: a sale keeps the rates of its day. Cooperative groups are not
# withheld here (uncertain: add "cooperative_group" if the tax office treats them as individuals).
TAX_WITHHOLDING = [
    {
        "kinds": ["household"],
        "vat_rate": "0.01",
        "pit_rate": "0.005",
        "valid_from": "2025-07-01",
        "valid_until": None,
        "legal_basis": "Nghị định 117/2025/NĐ-CP (hàng hóa: GTGT 1 %, TNCN 0,5 %)",
    },
]

# --- Logging ----------------------------------------------------------------------------------

# One record a line on standard error: LOG_FORMAT=json (production's default) writes JSON lines
# with time, level, logger, message, request_id, user_id, path (and exc_info); text (dev, tests)
# writes "time level logger [request id] message". marketplace.requests logs one line per request
# (probes and static files only at DEBUG). See marketplace.operations.logs and .middleware.
LOG_FORMAT = log_format(default="text")
LOG_LEVEL = env("LOG_LEVEL", "INFO")
# Errors of requests (django.request) are e-mailed to ADMINS, "Name <a@b.vn>, c@d.vn", through
# EMAIL_BACKEND, that is by a background task; nobody is e-mailed when ADMINS is empty.
ADMINS = parse_admins(env("ADMINS", ""))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_context": {"()": "marketplace.operations.logs.RequestContextFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "json": {"()": "marketplace.operations.logs.JsonFormatter"},
        "text": {"()": "marketplace.operations.logs.TextFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_context"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own console and mail_admins handlers replaced: django.* reaches the console
        # through the root, and only request errors (not django.security's) are e-mailed.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.request": {"handlers": ["mail_admins"], "propagate": True},
        # runserver's own request lines would repeat marketplace.requests' lines.
        "django.server": {"level": "WARNING"},
        "django.db.backends": {"level": "INFO"},
        # Wagtail's background tasks run in-process and log every step at INFO.
        "django_tasks": {"level": "WARNING"},
        "django.tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "oscar.alerts": {"level": "WARNING"},
    },
}
# Celery workers keep this configuration (and its format) instead of installing their own.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# A load balancer probes over plain HTTP: no redirect to HTTPS for the probes.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

# --- Demo data --------------------------------------------------------------------------------

# Only development and test settings may load the demo province.
DEMO_DATA_ALLOWED = False
MARKETPLACE_PROVINCE_CODE = env("MARKETPLACE_PROVINCE_CODE", "44")

# --- Enterprise record (vendors.track_record.figures) and the "Trusted enterprise" badge (.trust) ---------

ENTERPRISE_RECORD = {
    # Recent behaviour is what a shopper buys into: an enterprise that improved is not held to its past.
    "WINDOW_DAYS": 90,
    # Vietnamese marketplaces promise dispatch within two days of the order's confirmation.
    "SHIP_WITHIN_DAYS": 2,
    # Below this many parcels (reviews) one late parcel (one bad review) swings a share by 20 % or
    # more: the figure reads "not enough orders (reviews) yet" instead of a misleading 0 % or 100 %.
    "MIN_PARCELS": 5,
    "MIN_REVIEWS": 3,
    # Figures come from aggregate queries over parcels and reviews; kept this long so a page of
    # 100,000 products or a storefront list does not recount them on every view.
    "CACHE_SECONDS": 15 * 60,
}
TRUSTED_ENTERPRISE = {
    # Enough recent trade for the figures to mean something (twice the record's own minimum).
    "MIN_PARCELS": 10,
    # At most one parcel in ten late; at most one in twenty cancelled by the enterprise or the system.
    "MIN_SHIPPED_ON_TIME": 0.90,
    "MAX_CANCELLED": 0.05,
    # Shoppers who received the goods rate them well, and more than one or two of them.
    "MIN_RATING": 4.0,
    "MIN_REVIEWS": 3,
    # The Department has recognised at least one of its products as OCOP, still in force today.
    "MIN_CERTIFICATES": 1,
}

# --- E-invoice data per parcel (marketplace.invoicing; Decree 123/2020/NĐ-CP, Circular 78/2021/TT-BTC) ---

EINVOICE = {
    # A product whose VAT rate is blank is sold at this rate. Goods and services at 10 % are taxed
    # at 8 % from 1 Jul 2025 to 31 Dec 2026 (Resolution 204/2025/QH15, Decree 174/2025/NĐ-CP);
    # set "10" from 1 Jan 2027. Excise goods (rice wine) keep 10 %: set it on their product.
    "DEFAULT_VAT_RATE": "8",
    # Delivery is a transport service, at the same reduced rate.
    "SHIPPING_VAT_RATE": "8",
}
