"""Wagtail's «Site history» names no record of an organisation except to superusers."""

import pytest
from wagtail.log_actions import log

from portal.tests.factories import user_with_role
from programmes.tests.factories import OrganisationFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

URLS = ["/admin/reports/site-history/", "/admin/reports/site-history/results/"]


@pytest.fixture
def logged():
    """A participant added through the admin, which logs it under the child's name."""
    child = ParticipantFactory(mentee=True, last_name="Снегирёва")
    log(instance=child, action="wagtail.create")
    return child


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("own_organisation", [False, True])
@pytest.mark.parametrize("role", ["editor", "curator", "auditor"])
def test_staff_read_no_names_of_records_in_the_site_history(
    client, logged, url, role, own_organisation
):
    user = user_with_role(role)
    (logged.organisation if own_organisation else OrganisationFactory()).members.add(user)
    client.force_login(user)

    response = client.get(url, follow=True)

    assert "Снегирёва" not in response.content.decode()


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize(
    ("role", "opens"), [("editor", True), ("curator", False), ("auditor", False)]
)
def test_the_site_history_opens_for_whom_the_menu_shows_it(client, logged, url, role, opens):
    """Curators and auditors explore no page: Wagtail's menu hides the report from them."""
    user = user_with_role(role)
    logged.organisation.members.add(user)
    client.force_login(user)

    response = client.get(url)

    assert (response.status_code == 200) is opens


def test_superusers_still_read_every_entry(client, logged):
    client.force_login(user_with_role("superuser"))

    assert "Снегирёва" in client.get(URLS[0]).content.decode()
