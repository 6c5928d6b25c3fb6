"""The test suite: fast hashing, in-memory e-mail, uploads in a temporary folder."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-static-"))
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Many tests render a page twice to compare queries or content; the page cache would answer
# the second time. portal/tests/test_page_cache.py turns it on for itself.
PAGE_CACHE_SECONDS = 0
# The page editor pings its editing session every 10 s; a ping landing while a browser test's
# context closes would reach the live server during the next test's flush (see conftest.py).
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000
