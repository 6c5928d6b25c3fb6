"""Settings shared by every environment.

Everything that differs between machines is read from the environment (see README,
«Настройка»), so one code base serves a laptop demo, CI and a school's server.
"""

import base64
import hashlib
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_HASHES, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="dev-only-secret-key-change-me-in-production-0123456789")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The reverse proxies in front of gunicorn (addresses or networks): only their X-Forwarded-For
# is believed (portal/client_address.py). Empty: the socket's peer is the client.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

INSTALLED_APPS = [
    "portal",
    "home",
    "programmes",
    "forms_app",
    "benchmarks.scale",
    "wagtail_modeladmin",
    "simple_history",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
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
    "django_filters",
    "axes",
    # wagtail-modeladmin builds its list filters on Django admin's; Django's own admin
    # site is not routed.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: a database that does not answer gets a 503 page, not a 500 (portal/unavailable.py).
    "portal.unavailable.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.input_guard.RefuseNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.signin.idle.StaffSessionIdleMiddleware",
    "portal.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the 429 response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL says otherwise.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A class submitting questionnaires at once must not meet «database is locked»: WAL lets
    # readers work during a write, IMMEDIATE takes the write lock up front instead of failing
    # on upgrade, and the timeout makes writers queue rather than error.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
    }
# Kept open between requests: PostgreSQL's connection handshake, SQLite's file opening and
# PRAGMAs cost more than a small page itself.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (django-axes): a lockout is per pair of account and client address, so
# one pupil mistyping cannot lock out a class behind one school address, and a robot guessing
# one account's password gets SIGNIN_FAILURE_LIMIT tries per cool-off. Attempts are kept in
# the database, so sign-in keeps working when Redis is down. See portal/signin/throttle.py.
AUTHENTICATION_BACKENDS = [
    "portal.signin.throttle.SignInThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env.int("SIGNIN_FAILURE_LIMIT", default=10)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("SIGNIN_COOLOFF_MINUTES", default=15))
AXES_CLIENT_IP_CALLABLE = "portal.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "portal.signin.throttle.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# A success clears the pair's failures; tries during a lockout do not extend it, so the time
# the message names holds.
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# No log of successful sign-ins: it would keep children's addresses with no end and no use.
AXES_DISABLE_ACCESS_LOG = True
# Django's admin site is not routed; lockouts are listed in Wagtail's (portal/signin/admin.py).
AXES_ENABLE_ADMIN = False
WAGTAILADMIN_USER_LOGIN_FORM = "portal.signin.throttle.AdminLoginForm"
# Whoever has admin access is signed out after this many minutes without a request, on shared
# school computers; participants keep the normal session (portal/signin/idle.py).
STAFF_SESSION_IDLE_MINUTES = env.int("STAFF_SESSION_IDLE_MINUTES", default=30)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"

# Language, time and date formats: the interface speaks Russian, dates read ДД.ММ.ГГГГ.
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian"))]
TIME_ZONE = "Europe/Moscow"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

# Static and uploaded files. Static files are served by WhiteNoise, so production needs no
# separate web server; uploaded documents are only ever served through Wagtail's view, which
# checks collection privacy.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# E-mail: console output unless EMAIL_URL names an SMTP server (smtp+tls://user:pass@host:587).
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Seconds an SMTP operation may wait. Notifications go out before the answer's page returns,
# so a mail server that accepts and never answers would otherwise hold the request forever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Server errors (500) are mailed to ADMINS, "Имя <admin@school.ru>,…"; nobody by default. The
# mail tells where it broke, not what the visitor sent (portal/error_reports.py).
ADMINS = [(name, address) for name, address in getaddresses([env("ADMINS", default="")]) if address]
if any("@" not in address for _name, address in ADMINS):
    raise ImproperlyConfigured('ADMINS: a list of e-mail addresses, "Name <admin@school.ru>,…"')

# The cache holds the anonymous page cache and the form rate limits. Several worker processes
# must share it (Redis), or a publish purges one worker's pages and each counts its own limits.
# A Redis that is down or hangs only slows the portal (portal/redis_cache.py): one second per
# call at most, then no cache for a few seconds.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long an anonymous reader's page is kept; publishing purges it at once. 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# Sending questionnaires: attempts per client address and per respondent (link or account) in
# a window aligned to the clock. Sized for five classes of 30 answering in one lesson behind
# one school address: forms_app/public/ratelimit.py explains the numbers.
FORMS_RATE_LIMIT_PER_IP = env.int("FORMS_RATE_LIMIT_PER_IP", default=600)
FORMS_RATE_LIMIT_PER_RESPONDENT = env.int("FORMS_RATE_LIMIT_PER_RESPONDENT", default=10)
FORMS_RATE_LIMIT_WINDOW_MINUTES = env.int("FORMS_RATE_LIMIT_WINDOW_MINUTES", default=30)
# Sessions live in the database: a cache outage must neither sign anyone out nor block sign-in.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Wagtail
WAGTAIL_SITE_NAME = env("PORTAL_NAME", default="Наставничество")
# The portal's address as people outside reach it (https://portal.school.ru): printed
# invitation links, their QR codes and mail are built from it. Unset, they fall back to the
# default Wagtail Site's host name, then to the address of the request (portal/base_url.py).
WAGTAILADMIN_BASE_URL = env("PORTAL_BASE_URL", default="")
WAGTAILDOCS_DOCUMENT_MODEL = "home.MentoringDocument"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "doc",
    "odt",
    "rtf",
    "xlsx",
    "xls",
    "ods",
    "pptx",
    "txt",
    "csv",
    "zip",
    "jpg",
    "png",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "russian"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True

# Content-Security-Policy (django-csp; portal/csp.py says how the admin's inline scripts pass).


def csp_source_hash(source: str) -> str:
    """The CSP source that allows one exact inline text: 'sha256-…'."""
    digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
    return f"'sha256-{digest}'"


# Nothing is loaded from another site; no inline script runs without the request's nonce.
INSTALLED_APPS += ["csp"]
# Outside the page cache: a stored page carries no header, and every answer gets a fresh one.
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.page_cache.AnonymousPageCacheMiddleware"),
    "portal.csp.PortalCSPMiddleware",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # Our templates have no inline code; the nonce is for Wagtail's admin initialisers.
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # The page editor shows its live preview in a frame of the same site.
        "frame-ancestors": [SELF],
    }
}
# Replaces the directives above on the admin's pages (/admin/…) only.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        # The rich-text editor (Draftail) writes <style> elements for list nesting and
        # placeholders; style attributes stay blocked.
        "style-src-elem": [SELF, UNSAFE_INLINE],
        # The image upload previews the chosen file from a blob: address; the tag field's
        # suggestion menu (jQuery UI) draws its items with a data: image.
        "img-src": [SELF, "data:", "blob:"],
        # wagtail-modeladmin's empty list («… have not been created yet») has one style
        # attribute; 'unsafe-hashes' allows exactly that text. Wagtail's focal point cropper
        # (Jcrop) probes touch support with an inline handler: it stays blocked, and the probe
        # answers "no touch" as it should on a desktop.
        "style-src-attr": [UNSAFE_HASHES, csp_source_hash("margin-top:30px;")],
    }
}
# Wagtail would show staff avatars from gravatar.com: another site, and a hash of each e-mail.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# History (django-simple-history): the auditor's evidence.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "not_an_outage": {"()": "portal.error_reports.NotAnOutage"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "not_an_outage"],
            "reporter_class": "portal.error_reports.PersonalDataReporter",
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's default mails every «django» error, robots' refused Host headers included;
        # only the server errors of requests go to ADMINS here.
        "django": {"handlers": [], "level": "INFO"},
        "django.request": {"handlers": ["mail_admins"]},
        "django.db.backends": {"level": "WARNING"},
        # Wagtail logs every page action and background task at INFO; keep the console readable.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
        # django-axes notes every sign-in at INFO; its warnings (failures) stay.
        "axes": {"level": "WARNING"},
    },
}
