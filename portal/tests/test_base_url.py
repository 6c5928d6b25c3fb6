"""The portal's address for links that leave it comes from one source (portal/base_url.py)."""

from pathlib import Path

import pytest
from django.test import RequestFactory
from wagtail.models import Site

from portal.base_url import portal_base_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def default_site():
    site = Site.objects.get(is_default_site=True)
    assert site.hostname == "localhost", "Wagtail's placeholder, as a new installation has it"
    return site


def test_the_declared_address_comes_first(settings, default_site):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.school.ru/"
    default_site.hostname = "other.school.ru"
    default_site.save()

    request = RequestFactory().get("/", HTTP_HOST="localhost")
    assert portal_base_url(request) == "https://portal.school.ru"


@pytest.mark.parametrize(
    ("port", "expected"),
    [(443, "https://nastavniki.school.ru"), (8080, "http://nastavniki.school.ru:8080")],
)
def test_without_it_the_default_sites_name_and_port(settings, default_site, port, expected):
    settings.WAGTAILADMIN_BASE_URL = ""
    default_site.hostname, default_site.port = "nastavniki.school.ru", port
    default_site.save()

    assert portal_base_url(RequestFactory().get("/", HTTP_HOST="localhost")) == expected
    assert portal_base_url() == expected


def test_with_the_sites_placeholder_name_the_address_the_request_came_to(settings, default_site):
    settings.WAGTAILADMIN_BASE_URL = ""
    settings.ALLOWED_HOSTS = ["10.0.0.5"]

    request = RequestFactory().get("/admin/invitations/batch/print/", HTTP_HOST="10.0.0.5:8000")

    assert portal_base_url(request) == "http://10.0.0.5:8000"


def test_with_nothing_better_and_no_request_the_site_as_it_is(settings, default_site):
    settings.WAGTAILADMIN_BASE_URL = ""

    assert portal_base_url() == "http://localhost"


def test_no_address_is_written_into_the_settings():
    from settings import base

    source = Path(base.__file__).read_text(encoding="utf-8")
    assert 'env("PORTAL_BASE_URL", default="")' in source
    assert "127.0.0.1:8000" not in source
