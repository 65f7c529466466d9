"""Loker CS settings, read from the environment.

Unset variables fall back to safe production defaults (DEBUG off, secure cookies); the
quick start (`make run`) sets DEBUG=1 and leaves DATABASE_URL / CELERY_BROKER_URL unset,
which selects SQLite and in-process Celery tasks.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _
from kombu import Queue

from jobboard.ops.media import s3_media_storage
from jobboard.ops.sentry import sentry_init

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="") or (
    "insecure-dev-key-only-for-debug-0123456789abcdefghijklmnopqrstuvwxyz" if DEBUG else ""
)
if not SECRET_KEY:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "phonenumber_field",
    "axes",
    "csp",
    "accounts",
    "listings",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "jobboard.middleware.DefaultLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "accounts.backends.SessionBackendUpgradeMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    # Turns django-ratelimit's block=True into RATELIMIT_VIEW (a 429 page) instead of a 403.
    "django_ratelimit.middleware.RatelimitMiddleware",
]

ROOT_URLCONF = "jobboard.urls"
WSGI_APPLICATION = "jobboard.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "listings.context_processors.inbox",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"].get("ENGINE", "").endswith("postgresql"):
    # Web queries are short: PostgreSQL's JIT would spend ~0.5 s compiling each large one.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend and allauth's, loading the session user with both profiles and the
    # unread count in one query (see accounts/backends.py).
    "accounts.backends.ModelBackend",
    "accounts.backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
LOGOUT_REDIRECT_URL = "listings:home"

# django-allauth: email is the login, verification is mandatory.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Loker CS] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if not DEBUG else "http"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip",  # per address only: per account would let anyone lock the owner out
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}

# django-axes: lock out brute-force logins (limits: the hardening block at the end).
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_LOCKOUT_TEMPLATE = "429.html"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

EMAIL_BACKEND = env(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_URL = env("EMAIL_URL", default="")
if EMAIL_URL:
    vars().update(env.email_url("EMAIL_URL"))
# Used by django.core.mail.backends.filebased.EmailBackend.
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / ".data" / "mail"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Loker CS <noreply@lokercs.id>")

# Celery: without a broker, tasks run in-process (the quick start).
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Redis redelivers a task whose worker died (acks_late) once it has been unacknowledged for
# `visibility_timeout` seconds; workers sweep for such tasks every interval x throttle seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": env.int("CELERY_UNACKED_RESTORE_THROTTLE", default=10),
}

# Match notifications (listings/alerts/notifications.py). A fan-out splits the workers into at
# most ALERT_FANOUT_RANGES id ranges (one set-based INSERT task each), none narrower than
# ALERT_FANOUT_MIN_RANGE ids; NOTIFY_FANOUT_CHUNK notification ids go in one delivery task.
ALERT_FANOUT_RANGES = env.int("ALERT_FANOUT_RANGES", default=8)
ALERT_FANOUT_MIN_RANGE = env.int("ALERT_FANOUT_MIN_RANGE", default=10_000)
# Up to this many distinct alert texts board-wide are all confirmed by search (read from an
# index); with more, the coordinator first narrows them with one scan of the alerts.
ALERT_FANOUT_CONFIRM_ALL_TEXTS = env.int("ALERT_FANOUT_CONFIRM_ALL_TEXTS", default=500)
NOTIFY_FANOUT_CHUNK = env.int("NOTIFY_FANOUT_CHUNK", default=1000)
NOTIFY_MAX_ATTEMPTS = env.int("NOTIFY_MAX_ATTEMPTS", default=5)
# Claim lease and safety-net timing: the hardening block at the end.
ALERT_UNSUBSCRIBE_MAX_AGE = 60 * 60 * 24 * 90

# WhatsApp Business Cloud API (listings/whatsapp.py). Off unless both the phone number id and
# the access token are set; template names are the ones approved in WhatsApp Manager.
WHATSAPP_PHONE_NUMBER_ID = env("WHATSAPP_PHONE_NUMBER_ID", default="")
WHATSAPP_ACCESS_TOKEN = env("WHATSAPP_ACCESS_TOKEN", default="")
WHATSAPP_API_BASE = env("WHATSAPP_API_BASE", default="https://graph.facebook.com")
WHATSAPP_API_VERSION = env("WHATSAPP_API_VERSION", default="v21.0")
WHATSAPP_TIMEOUT_SECONDS = env.float("WHATSAPP_TIMEOUT_SECONDS", default=10.0)
WHATSAPP_TEMPLATE_LANGUAGE = env("WHATSAPP_TEMPLATE_LANGUAGE", default="id")
WHATSAPP_TEMPLATE_MATCH = env("WHATSAPP_TEMPLATE_MATCH", default="loker_baru_cocok")
WHATSAPP_TEMPLATE_APPLICATION = env("WHATSAPP_TEMPLATE_APPLICATION", default="kabar_lamaran")
WHATSAPP_TEMPLATE_SHORTLIST = env("WHATSAPP_TEMPLATE_SHORTLIST", default="masuk_daftar_pilihan")
WHATSAPP_TEMPLATE_VERIFY = env("WHATSAPP_TEMPLATE_VERIFY", default="kode_verifikasi")
# Employer insights: gig impressions/views are counted in Redis hashes under this prefix
# (REDIS_URL; in-process without it) and written to the database by a beat task.
TRAFFIC_COUNTER_PREFIX = env("TRAFFIC_COUNTER_PREFIX", default="lokercs:traffic")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_ANON_RATE", default="600/minute")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Loker CS API",
    "DESCRIPTION": "Public, read-only API over published customer-service gigs.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

PHONENUMBER_DEFAULT_REGION = "ID"

RATELIMIT_ENABLE = env.bool("RATELIMIT_ENABLE", default=True)
RATELIMIT_VIEW = "listings.ratelimits.ratelimited"
# Per user (or IP when anonymous), POST only; see listings/ratelimits.py.
RATELIMIT_GIG_POST = env("RATELIMIT_GIG_POST", default="20/h")
RATELIMIT_REPORT = env("RATELIMIT_REPORT", default="10/h")
# Applications one worker may send (django-ratelimit syntax).
APPLICATION_RATE = env("APPLICATION_RATE", default="30/h")

# Content-Security-Policy: our own static files only, no third parties.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

GIG_DEFAULT_LIFETIME_DAYS = 30


# ---------------------------------------------------------------------------------------------
# Operations (issue 17): health probes, read replicas, sessions, media storage, Celery queues,
# structured logs and error reports. Every part is off (or local) unless its variable is set.
# ---------------------------------------------------------------------------------------------
INSTALLED_APPS += ["health_check"]
# Request id first (every later log line carries it); replica pinning after authentication so
# the access log knows the user.
MIDDLEWARE.insert(0, "jobboard.ops.request_id.RequestIdMiddleware")
MIDDLEWARE.append("jobboard.ops.replicas.ReplicaRoutingMiddleware")
SECURE_REDIRECT_EXEMPT += [r"^readyz/$"]

# Read replicas: comma-separated PostgreSQL URLs, each a streaming standby of DATABASE_URL.
# Public reads (REPLICA_VIEWS, by URL name) go to a replica; writes, reads inside a request
# that wrote, reads inside a transaction and everything else go to the primary.
DATABASE_REPLICA_URLS = env.list("DATABASE_REPLICA_URLS", default=[])
for _index, _url in enumerate(DATABASE_REPLICA_URLS, start=1):
    _replica = env.db_url_config(_url)
    _replica.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    _replica["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    _replica["ATOMIC_REQUESTS"] = False
    # Tests create no database for a replica: it reads the primary's test database.
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{_index}"] = _replica
DATABASE_ROUTERS = ["jobboard.ops.replicas.ReplicaRouter"]
REPLICA_VIEWS = [
    "listings:home",
    "listings:gig_list",
    "listings:gig_detail",
    "listings:gig_feed",
    "listings:gig_feed_atom",
    "api:gig_list",
    "api:gig_detail",
    "listings:pay_insights",
]
# A replica that failed to connect is skipped for this long (seconds) by this process.
REPLICA_RETRY_SECONDS = env.int("REPLICA_RETRY_SECONDS", default=30)
# After a request that wrote, the same browser reads from the primary for this long, so it
# sees its own change even when the replica lags.
REPLICA_PIN_SECONDS = env.int("REPLICA_PIN_SECONDS", default=15)

# Sessions: in the cache (Redis) and the database when Redis is there, so any web node can
# serve any request and a Redis restart logs nobody out.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Media (logos, portfolio PDFs, verification documents): any S3-compatible store when
# MEDIA_S3_BUCKET is set, local files under MEDIA_ROOT otherwise. Objects are private and
# served through the app's own views, so no public URL or ACL is needed.
MEDIA_S3_BUCKET = env("MEDIA_S3_BUCKET", default="")
if MEDIA_S3_BUCKET:
    STORAGES["default"] = s3_media_storage(
        bucket=MEDIA_S3_BUCKET,
        endpoint_url=env("MEDIA_S3_ENDPOINT_URL", default="") or None,
        region=env("MEDIA_S3_REGION", default="") or None,
        access_key=env("MEDIA_S3_ACCESS_KEY_ID", default="") or None,
        secret_key=env("MEDIA_S3_SECRET_ACCESS_KEY", default="") or None,
        prefix=env("MEDIA_S3_PREFIX", default=""),
        addressing_style=env("MEDIA_S3_ADDRESSING_STYLE", default="path"),
    )

# Celery queues by kind. ONE routing table by task name: a task not listed runs on `default`.
# Compose runs a worker per queue group (see docker-compose.yml); a plain `celery worker`
# without -Q consumes every queue below, as the quick start and the tests do.
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_TASK_QUEUES = [Queue(name) for name in ("screening", "fanout", "email", "default")]
CELERY_TASK_ROUTES = {
    "listings.trust.tasks.screen_gig": {"queue": "screening"},
    "listings.alerts.tasks.match_gig": {"queue": "fanout"},
    "listings.alerts.tasks.fan_out_range": {"queue": "fanout"},
    "listings.alerts.tasks.send_daily_digests": {"queue": "fanout"},
    "listings.alerts.tasks.requeue_stuck_notifications": {"queue": "fanout"},
    "listings.alerts.tasks.deliver_notifications": {"queue": "email"},
    "listings.alerts.tasks.send_digest": {"queue": "email"},
    "listings.messaging.tasks.send_gig_decision_email": {"queue": "email"},
    "listings.messaging.tasks.send_application_email": {"queue": "email"},
    "listings.messaging.tasks.send_report_outcome_email": {"queue": "email"},
    "listings.messaging.tasks.send_account_email": {"queue": "email"},
    "listings.gigs.tasks.expire_gigs": {"queue": "default"},
    "listings.search.tasks.rebuild_board_words": {"queue": "default"},
}

# Error reports: Sentry (or any Sentry-compatible ingestion) when SENTRY_DSN is set.
SENTRY_DSN = env("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env("SENTRY_ENVIRONMENT", default="development" if DEBUG else "production")
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)

# Logs: one JSON object per line in production (LOG_FORMAT=json), plain text with DEBUG=1.
LOG_FORMAT = env("LOG_FORMAT", default="plain" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"context": {"()": "jobboard.ops.logs.ContextFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "plain": {"()": "jobboard.ops.logs.PlainFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["context"],
            "formatter": "json" if LOG_FORMAT == "json" else "plain",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # The access log line (jobboard.ops.request_id) replaces Django's own request lines.
        "django.server": {"level": "WARNING"},
    },
}
if SENTRY_DSN:
    sentry_init(dsn=SENTRY_DSN, environment=SENTRY_ENVIRONMENT, traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE)

# ---------------------------------------------------------------------------------------------
# Hardening against attacks and faults (issue 14; README "Security"). Kept in this one block.
# ---------------------------------------------------------------------------------------------
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "jobboard.hardening.NulBytesMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "jobboard.hardening.PrivateCacheMiddleware",
)
MIDDLEWARE.append("jobboard.hardening.RetryReadOnDroppedConnectionMiddleware")

# The image builds static files into STATIC_ROOT (scripts/build_static.sh); tests build elsewhere.
STATIC_ROOT = env.path("STATIC_ROOT", default=STATIC_ROOT)

# Reverse proxies in front of gunicorn that append to X-Forwarded-For (0: trust no header).
# The one setting behind every client address: DRF's throttle, allauth, axes, django-ratelimit.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
REST_FRAMEWORK["NUM_PROXIES"] = TRUSTED_PROXY_COUNT
REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] = ["jobboard.throttling.ClientAnonRateThrottle"]
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"  # its get_client_ip is jobboard.client_ip
AXES_CLIENT_IP_CALLABLE = "jobboard.client_ip.axes_client_ip"
RATELIMIT_IP_META_KEY = "jobboard.client_ip.client_ip"

# Cache outage: reads miss, writes drop, rate limits and the API throttle let requests through
# (logins stay guarded by axes, whose counters are in PostgreSQL). Short timeouts: a hung Redis
# must not hang every page.
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    CACHES["default"]["BACKEND"] = "jobboard.cache.ResilientRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "retry_on_timeout": False}
    )
RATELIMIT_FAIL_OPEN = True

# Logins (site and admin) are counted per account: AXES_FAILURE_LIMIT failures from one address
# lock that account there; LOGIN_ACCOUNT_FAILURE_LIMIT failures from all addresses together lock
# the account everywhere (rotating-address brute force). A locked attempt is refused even with
# the right password; the owner gets in through a one-time link emailed to the account.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
LOGIN_ACCOUNT_FAILURE_LIMIT = env.int("LOGIN_ACCOUNT_FAILURE_LIMIT", default=30)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "accounts.lockout.login_username"
AXES_HANDLER = "accounts.lockout.AccountLockoutHandler"
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out_response"
AXES_RESET_ON_SUCCESS = True
LOGIN_LINK_MAX_AGE = 15 * 60  # seconds
ACCOUNT_FORMS = {"signup": "accounts.signup.EqualTimeSignupForm"}

# A dropped connection is noticed before the request uses it (then see RetryRead… above).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Celery delivery recovery: one email send is bounded by EMAIL_TIMEOUT, so a claim older than the
# lease belongs to a dead worker; the beat safety net runs every NOTIFY_SAFETY_NET_SECONDS (60,
# jobboard/celery.py).
# Worst case from a worker's death to the re-send: lease + beat interval (README "Workers").
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
NOTIFY_CLAIM_LEASE_SECONDS = env.int("NOTIFY_CLAIM_LEASE_SECONDS", default=90)
NOTIFY_STUCK_AFTER_SECONDS = env.int("NOTIFY_STUCK_AFTER_SECONDS", default=120)
