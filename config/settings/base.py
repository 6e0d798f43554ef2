"""Production-safe base settings.

Everything that differs between deployments comes from environment
variables (see .env.example). DEBUG is off and SECRET_KEY has no default:
a deployment that forgets one fails loudly instead of running insecurely.
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # First-party apps come first so their templates and commands win.
    "core",
    "home",
    "news",
    "events",
    "partners",
    "members",
    "easyread",
    "search",
    "twofactor",
    "signlanguage",
    "contact",
    "press",
    "syndication",
    # Wagtail
    "wagtail.contrib.routable_page",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    # wagtail.contrib.frontend_cache is not installed: its signal handlers
    # would purge every publish a second time. core.caching.purge sends all purges
    # (through its backends, on the task worker).
    "wagtail.contrib.forms",
    "wagtail.contrib.search_promotions",
    # The read API (syndication/api.py); JSON only, so without rest_framework
    # (its templates serve the browsable API).
    "wagtail.api.v2",
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
    # Background tasks: the API (Wagtail's tasks use it) and the database queue
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # Its catalogue translates naturaltime ("vor 3 Sekunden"), which the admin
    # uses for workflow states.
    "django.contrib.humanize",
    # Login throttling and the second factor (below, "Login defences").
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "corsheaders",
]

# The demo content (demo/: `manage.py load_demo`) only where asked for:
# `make run` sets DEMO=1, a deployment leaves it out. The development and
# test settings add it and the developer tooling (devtools/) themselves.
if env_bool("DEMO", False):
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before the page cache, so that cached pages carry the header too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before the page cache too: cached pages get the same policy.
    "core.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The read API's CORS headers (CORS_* below); around the page cache, so
    # that cached answers carry them too.
    "corsheaders.middleware.CorsMiddleware",
    # Anonymous visitors get cached pages before sessions, locale and views run.
    "core.caching.page_cache.PageCacheMiddleware",
    # ETag on every other response; If-None-Match answered with 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # POSTs to form pages skip the CSRF cookie check: they check the
    # browser's Origin / Sec-Fetch-Site themselves (contact/protection.py).
    "contact.middleware.FormPageCsrfExemption",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which second factor (if any) confirmed this session; then the admin
    # stays closed until the second step is done (twofactor/policy.py).
    "django_otp.middleware.OTPMiddleware",
    "twofactor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Admin changes (create, save, publish) in one transaction each.
    "core.middleware.AtomicAdminWritesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Answers a locked-out login attempt (last, as django-axes asks).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL.
if not os.environ.get("DATABASE_URL"):
    (BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Editors publish while visitors browse and the worker writes: readers
    # never block the writer (WAL), a transaction takes the write lock when
    # it starts instead of failing halfway when another holds it
    # (IMMEDIATE), and waits up to 20 s for it (busy timeout).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login defences (django-axes): after 5 failed admin logins from one address,
# or for one account from anywhere, further attempts are refused for 15
# minutes with a page that says so; a successful login clears the count.
# Admins unlock earlier with `manage.py axes_reset_username <name>` or
# `axes_reset_ip <address>`. Successful logins are not logged.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
# Behind TRUSTED_PROXIES proxies (a TLS proxy, a load balancer), the
# visitor's address is read from X-Forwarded-For; otherwise every visitor
# would share the proxy's address, and one guesser would lock out everyone.
TRUSTED_PROXIES = int(os.environ.get("TRUSTED_PROXIES", "0"))
AXES_CLIENT_IP_CALLABLE = "core.utils.client_ip"
# Not on the password alone: twofactor clears the count once the login is
# complete (after the second step for accounts that have one), so that the
# password cannot be used to clear the count of wrong codes.
AXES_RESET_ON_SUCCESS = False
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_CALLABLE = "core.views.locked_out"

# Second factor (django-otp, django-otp-webauthn; twofactor/): superusers and
# Moderation must have one, everyone else may add one under Account → Two-factor
# authentication: an authenticator app (TOTP), passkeys, 10 recovery codes.
# Wrong codes count as failed logins for django-axes above, which is the only
# throttle: django-otp's own growing delay would refuse the right code too.
OTP_TOTP_ISSUER = "NKA Admin"
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# Passkeys belong to the site's host name (BASE_URL) and need HTTPS. A plain
# http:// address (make run) gets them on http://localhost:<port> instead,
# the one http origin browsers accept for them.
_BASE_URL = urlsplit(os.environ.get("BASE_URL") or "http://127.0.0.1:8000")
if _BASE_URL.scheme == "https" or _BASE_URL.hostname == "localhost":
    OTP_WEBAUTHN_RP_ID = _BASE_URL.hostname
    OTP_WEBAUTHN_ALLOWED_ORIGINS = [f"{_BASE_URL.scheme}://{_BASE_URL.netloc}"]
else:
    OTP_WEBAUTHN_RP_ID = "localhost"
    OTP_WEBAUTHN_ALLOWED_ORIGINS = [f"http://localhost:{_BASE_URL.port or 80}"]
OTP_WEBAUTHN_RP_NAME = "Netzwerk kommunaler Antidiskriminierungsstellen"
# A passkey is a second factor after the password, never a login on its own.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # BSI and OWASP ASVS level 2: at least 12 characters, no common passwords.
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German first, English second. Page serving sits inside
# i18n_patterns, so every public URL starts with /de/ or /en/.
LANGUAGE_CODE = "de"
# The language switcher names each language in itself (endonyms); the admin
# names the content languages in the editor's language ("Veröffentlichen in
# Englisch", not "in English").
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = [("de", gettext_lazy("German")), ("en", gettext_lazy("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# site/locale: this project's strings (make messages); site/locale-overrides:
# German corrections of upstream catalogues, kept apart so makemessages
# never drops them.
LOCALE_PATHS = [SITE_DIR / "locale", SITE_DIR / "locale-overrides"]
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# A new English translation stays a draft until an editor publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploads (images, renditions, documents) go to S3-compatible object storage
# when a bucket is named, so that every app server sees the same files; to
# MEDIA_ROOT otherwise. boto3 reads AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY from the environment itself (or uses the machine's role).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Public media: plain URLs that browsers and CDNs can cache.
            "querystring_auth": False,
            # An upload never takes the name of an existing object (it gets a
            # suffix), so renditions may stay in browser and CDN caches a week.
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=604800"},
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Uploaded media are served by the app itself unless object storage or a web
# server takes over (SERVE_MEDIA=0).
SERVE_MEDIA = env_bool("SERVE_MEDIA", not AWS_STORAGE_BUCKET_NAME)
# Documents always go through Wagtail's view, which checks collection privacy;
# a redirect would hand out the object's public URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

STORAGES = {
    "default": MEDIA_STORAGE,
    # Hashed names + gzip/brotli copies; whitenoise sends them with far-future
    # cache headers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60  # unhashed files (favicon.ico, robots) only
# The demo member calendars (site/static/demo/calendars/) as calendars.
WHITENOISE_MIMETYPES = {".ics": "text/calendar"}

# One Redis shared by all app servers when REDIS_URL is set; otherwise each
# process keeps its own local-memory cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis with a breaker: while Redis fails, calls are
            # skipped for a few seconds instead of each waiting for the
            # timeout (core/caching/redis_cache.py).
            "BACKEND": "core.caching.redis_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "nka"),
            "TIMEOUT": 300,
            "OPTIONS": {
                # A Redis outage means no cache (logged once), not errors for visitors.
                "IGNORE_EXCEPTIONS": True,
                # Redis answers within a millisecond on the local network;
                # a hung one costs one request this long, then the breaker
                # skips it (core/caching/redis_cache.py).
                "SOCKET_CONNECT_TIMEOUT": 0.1,
                "SOCKET_TIMEOUT": 0.1,
            },
        }
    }
    # The breaker logs an outage once; not a traceback per call.
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    # Sessions are written to the database and read from Redis: a Redis
    # restart logs nobody out. Only with a shared cache: per-process caches
    # would serve stale sessions after a logout.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache and the cached site frame (core/caching/page_cache.py, core/caching/fragments.py)
# must be shared by every worker process, so that a purge reaches them all:
# Redis with REDIS_URL, otherwise files on this machine. Keys are prefixed
# per database, so two sites (or a test copy) never share entries.
_CACHE_NAMESPACE = hashlib.md5(str(DATABASES["default"].get("NAME")).encode(), usedforsecurity=False).hexdigest()[:8]
if REDIS_URL:
    CACHES["pages"] = {
        **CACHES["default"],
        "KEY_PREFIX": f"{CACHES['default']['KEY_PREFIX']}-{_CACHE_NAMESPACE}",
        "TIMEOUT": None,
    }
else:
    CACHES["pages"] = {
        "BACKEND": "core.caching.filecache.FileCache",
        "LOCATION": os.environ.get("PAGE_CACHE_DIR", str(BASE_DIR / "var" / "cache" / "pages")),
        "KEY_PREFIX": _CACHE_NAMESPACE,
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 50_000},
    }
# Wagtail looks renditions up here instead of the database. Its keys hold
# the image's file hash and focal point, so an edited image is looked up
# afresh; Redis shares the entries between servers, otherwise each worker
# keeps its own in memory for an hour (Wagtail writes every hit back, which
# a file cache would turn into a disk write per image per request).
if REDIS_URL:
    CACHES["renditions"] = {**CACHES["pages"], "KEY_PREFIX": f"{CACHES['pages']['KEY_PREFIX']}-renditions"}
else:
    CACHES["renditions"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "renditions",
        "TIMEOUT": 3600,
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
# Each worker process keeps what it read from the shared cache in its own
# memory for a few seconds, up to this many pieces or megabytes
# (core/caching/fragments.py): a worker's memory stays put however many
# distinct URLs it is asked for.
WORKER_MEMORY_CACHE_ENTRIES = int(os.environ.get("WORKER_MEMORY_CACHE_ENTRIES", "5000"))
WORKER_MEMORY_CACHE_MB = int(os.environ.get("WORKER_MEMORY_CACHE_MB", "16"))
# Background tasks (django-tasks): Wagtail's reference index and search
# index updates, frontend-cache purges and file deletions, and later our own
# tasks, are queued in the database (table django_tasks_database_dbtaskresult,
# written in the editor's transaction) and run by one worker process,
# `manage.py run_worker` (started by `make run`), instead of in the editor's
# request. A failed task is logged with its traceback and kept as FAILED;
# nothing retries it. Tests run tasks inline (config/settings/test.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Searches counted for the promotions report reach the database at most this
# often per process, through the task worker (search/hits.py).
SEARCH_HITS_FLUSH_SECONDS = int(os.environ.get("SEARCH_HITS_FLUSH_SECONDS", "60"))
# Renditions are made by the task worker after an upload or publish; pages
# show the original until then (core/images.py). Off: made on first use.
PRERENDER_RENDITIONS = env_bool("PRERENDER_RENDITIONS", True)
# Anonymous full-page cache: on unless PAGE_CACHE=0; entries live this long
# unless an edit purges them first (also the CDN's s-maxage).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# A cached page is kept this much longer after it expires, to be served
# (marked stale) when rendering it afresh fails, e.g. while the database
# restarts; never once an edit has purged it (core/caching/page_cache.py).
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "3600"))

WAGTAIL_SITE_NAME = "Netzwerk kommunaler Antidiskriminierungsstellen"
# Wagtail's password forms (private pages, documents of private collections)
# in the site's design and language.
# Private pages (login) and forms with an expired CSRF token, in the site's design.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "login_required.html"
CSRF_FAILURE_VIEW = "core.views.csrf_failure"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105 - a template name
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105 - a template name
# Where the site is served: `manage.py configure_site` makes it the root URL
# of the default Wagtail Site, from which every absolute link (canonical,
# feeds, calendars, sitemaps, JSON-LD) is built, never from the request's Host.
BASE_URL = os.environ.get("BASE_URL") or "http://127.0.0.1:8000"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or BASE_URL
# Password reset mails are sent by the task worker, to the configured address.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "core.forms.QueuedPasswordResetForm"  # noqa: S105 - a class, not a password
WAGTAILIMAGES_IMAGE_MODEL = "core.CustomImage"
# Upper limits for uploads, refused with a message in the admin: a press
# photo fits, a decompression bomb does not.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip", "mp4", "webm", "vtt"]
# Captions (WebVTT) of sign-language videos: browsers read them as UTF-8 only when told.
WAGTAILDOCS_CONTENT_TYPES = {"vtt": "text/vtt; charset=utf-8"}
# The database backend with German and English stemming on PostgreSQL (see search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin makes no third-party requests either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The read API (/api/v2/, syndication/api.py): at most this many items per
# request (?limit=). Any website may read it from the browser, without
# cookies; it only reads.
WAGTAILAPI_LIMIT_MAX = 50
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]

# A CDN or Varnish in front: published and unpublished pages are purged from
# every cache configured here (none by default).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_HTTP_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_HTTP_URL"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    if not os.environ.get("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"):
        raise ImproperlyConfigured("FRONTEND_CACHE_CLOUDFLARE_ZONEID needs FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN.")
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ["FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN"],
    }
if os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
    }
# Each translation is a page of its own with its own slugs and is purged when
# it is published; Wagtail would otherwise also purge /en/<German path>.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Mail: moderators are told of pages awaiting review (and see them on the
# admin dashboard), and password-reset links go out. EMAIL_HOST alone selects
# SMTP; without it mails go to the server's log, which production refuses
# unless EMAIL_BACKEND names the console backend itself (production.py).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
CONSOLE_EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else CONSOLE_EMAIL_BACKEND
)
# The file backend (`make run`) writes one file per mail here.
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH") or str(BASE_DIR / "var" / "mail")
# A mail server that does not answer must not hold the task worker forever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
# Seconds the task worker waits before trying a failed mail again (core/mail.py):
# three tries in all, then the failure is logged at ERROR.
EMAIL_RETRY_DELAYS = [5, 30]
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# Or all of it in one variable (dj-email-url), e.g.
# EMAIL_URL=submission://user:password@mail.example.org:587 (STARTTLS) or
# smtps://user:password@mail.example.org:465; characters such as "@" in the
# password percent-encoded. EMAIL_BACKEND, if set, still wins.
if os.environ.get("EMAIL_URL"):
    import dj_email_url

    _email = dj_email_url.parse(os.environ["EMAIL_URL"])
    EMAIL_HOST, EMAIL_PORT = _email["EMAIL_HOST"], _email["EMAIL_PORT"]
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_USER"] or "", _email["EMAIL_HOST_PASSWORD"] or ""
    EMAIL_USE_TLS, EMAIL_USE_SSL = _email["EMAIL_USE_TLS"], _email["EMAIL_USE_SSL"]
    EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or _email["EMAIL_BACKEND"]
    if _email.get("EMAIL_TIMEOUT"):
        EMAIL_TIMEOUT = int(_email["EMAIL_TIMEOUT"])
# The site's mails come from its own address: noreply@ the host of BASE_URL
# (localhost for an address like 127.0.0.1), with the network's name.
_MAIL_HOST = urlsplit(BASE_URL).hostname or "localhost"
if "." not in _MAIL_HOST or _MAIL_HOST.replace(".", "").isdigit():
    _MAIL_HOST = "localhost"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL") or f"{WAGTAIL_SITE_NAME} <noreply@{_MAIL_HOST}>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# The press list (press/): a sign-up not confirmed within this many days is
# deleted (and its link stops working); at most one confirmation mail per
# address this often; a release dated further back than PRESS_MAX_AGE_DAYS
# when it is first published (an archive) is not sent; pauses between tries
# of a release mail the server did not take (about sixteen hours in all).
PRESS_CONFIRM_DAYS = 7
PRESS_MAIL_INTERVAL_MINUTES = 10
PRESS_MAX_AGE_DAYS = 14
PRESS_MAIL_RETRY_MINUTES = [1, 2, 5, 10, 20, 30, 60, 120, 240, 480]

# Public forms (contact/protection.py): a submission sooner than this many
# seconds after the form was rendered, or with a stamp older than a day, is
# refused, and so is the 21st within a minute from one address. A failed mail
# to the office is tried again after these pauses, then given up (and shown
# as failed in the admin's list of submissions).
FORM_MIN_FILL_SECONDS = 3
FORM_MAX_AGE_SECONDS = 24 * 3600
FORM_RATE_LIMIT = 20
FORM_MAIL_RETRY_MINUTES = [1, 5, 15, 60, 180, 720]

# What visitors searched for (Reports → Search terms) is kept 90 days, then
# removed by the scheduler's daily clean-up.
WAGTAILSEARCH_HITS_MAX_AGE = 90

# Member calendars (syndication/importer.py): each city's iCal calendar is
# imported this often (the scheduler checks every minute; a failed import is
# tried again after five minutes), its events of the next this many months.
# A calendar server gets this many seconds to connect and between bytes, and
# CALENDAR_IMPORT_DEADLINE in all; a calendar larger than MAX_BYTES, or with
# more events in the window than MAX_EVENTS, is refused whole. The scheduler
# starts no further city after RUN_SECONDS (the rest follow a minute later).
CALENDAR_IMPORT_INTERVAL_MINUTES = 60
CALENDAR_IMPORT_MONTHS = 12
CALENDAR_IMPORT_TIMEOUT = 10
CALENDAR_IMPORT_DEADLINE = 30
CALENDAR_IMPORT_MAX_BYTES = 5 * 1024 * 1024
CALENDAR_IMPORT_MAX_EVENTS = 500
CALENDAR_IMPORT_RUN_SECONDS = 50

# Browser features no page of the site uses are switched off for it and for
# anything it embeds; videos (YouTube without cookies, Vimeo, loaded after
# consent) may go full screen and picture-in-picture.
# The hosts of core.embeds' embed URLs.
VIDEO_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
_VIDEO_ORIGINS = ["self", *VIDEO_HOSTS]
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "fullscreen": _VIDEO_ORIGINS,
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "picture-in-picture": _VIDEO_ORIGINS,
    "usb": [],
}

# Content-Security-Policy (core/csp.py): public pages load and run only the
# site's own files (images also from the media host of object storage or a
# CDN), frame only the consented videos and may not be framed. The admin
# (Wagtail's inline scripts and styles) has a policy of its own, and may frame
# its own previews. Browsers report violations to SECURITY_POLICY_REPORT_URL, logged on
# the logger `csp`; CSP_REPORT_ONLY=1 only reports (for a roll-out).
SECURITY_POLICY_REPORT_URL = "/csp-report/"
SECURITY_POLICY_REPORT_ONLY = env_bool("CSP_REPORT_ONLY", False)
# production.py turns it on with HTTPS.
SECURITY_POLICY_UPGRADE = False
SECURITY_POLICY_PUBLIC = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "frame-src": VIDEO_HOSTS,
    "frame-ancestors": [NONE],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "report-uri": [SECURITY_POLICY_REPORT_URL],
    "report-to": "csp",
}
# Wagtail 8's admin runs inline scripts (date pickers, inline panels, image
# cropping, wagtail-localize's editor) and its scripts insert styles: it
# needs 'unsafe-inline' for both, never 'unsafe-eval'.
SECURITY_POLICY_ADMIN = {
    **SECURITY_POLICY_PUBLIC,
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "frame-src": [SELF, *VIDEO_HOSTS],
    "frame-ancestors": [SELF],
}
# Who may frame the lists member cities embed in their own websites
# (core.embed, core.csp.let_any_site_frame): any web page, served over HTTPS
# or HTTP, and nothing else (no data: or file: documents, no extension
# pages). Said by scheme rather than with "*", whose meaning differs between
# CSP levels. Every other page keeps `frame-ancestors 'none'` and X-Frame-Options.
SECURITY_POLICY_FRAMED_BY = ["https:", "http:"]
_CSP = {"DIRECTIVES": SECURITY_POLICY_PUBLIC}
CONTENT_SECURITY_POLICY = None if SECURITY_POLICY_REPORT_ONLY else _CSP
CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP if SECURITY_POLICY_REPORT_ONLY else None

# Security headers that hold everywhere; HTTPS-only ones live in production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
