"""Settings of the benchmark's gunicorn and helpers: production's, made to run on loopback.

Production settings are the point (DEBUG off, the same middleware, the page cache as
configured), with only what a plain-HTTP loopback run needs changed:

* SECRET_KEY and ALLOWED_HOSTS have defaults here (production requires them from the
  environment); «testserver» is allowed for the in-process query counts;
* no HTTPS redirect and no secure-only cookies: wrk speaks plain HTTP to 127.0.0.1;
* static files without the manifest, so no `collectstatic` is needed before a run (the
  pages measured are HTML; a manifest lookup costs a dict access);
* form rate limits raised: every request comes from 127.0.0.1, and the per-IP limit exists
  to stop robots, not a load tool;
* mail kept in memory, INFO logging off: neither is what is measured; uploads (the demo's
  documents, when a profile needs the public pages) and the (empty) static root in
  benchmarks/.data, not in the project's folders;
* the app `benchmarks.reference` (a stock Wagtail form page) installed. It is never in the
  project's own settings, so its tables and migrations exist only in benchmark databases.
"""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret-0123456789-abcdefghijklmnop")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

from settings.production import *  # noqa: F403
from settings.production import BASE_DIR, INSTALLED_APPS, LOGGING, STORAGES

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.reference"]

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

FORMS_RATE_LIMIT_PER_IP = 10**9
FORMS_RATE_LIMIT_PER_RESPONDENT = 10**9

MEDIA_ROOT = BASE_DIR / "benchmarks" / ".data" / "media"
STATIC_ROOT = BASE_DIR / "benchmarks" / ".data" / "static"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING = {**LOGGING, "root": {**LOGGING["root"], "level": "WARNING"}}
