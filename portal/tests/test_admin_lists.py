"""Every registered admin list applies only the filters and the search it offers.

The lists are read from the URL resolver, so a list added later is checked too.
"""

import pytest

from portal.tests.factories import user_with_role
from portal.tests.url_patterns import registered_model_admins
from programmes.tests.factories import (
    FeedbackFactory,
    MeetingFactory,
    OrganisationFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db

LISTS = {admin.url_helper.index_url: admin for admin in registered_model_admins()}

# Parameters no list offers, or values no list can take, or pages and columns that do not exist.
ODD_QUERIES = [
    "xyz=1",
    "status=nonsense",
    "organisation__id__exact=abc",
    "organisation__members__username__startswith=a",
    "p=-1",
    "p=99999999999999999999",
    "o=abc.-.99",
    "q=%00",
    "export=pdf",
]


def test_every_registered_list_is_checked():
    assert "/admin/programmes/participant/" in LISTS
    assert "/admin/forms_app/invitation/" in LISTS


@pytest.fixture
def superuser_client(client):
    pair = pair_with_mentees(mentees=2, active=True)
    FeedbackFactory(meeting=MeetingFactory(pair=pair))
    pair_with_mentees(active=True, programme__organisation=OrganisationFactory())
    client.force_login(user_with_role("superuser"))
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("url", LISTS)
def test_odd_parameters_never_give_a_server_error(superuser_client, url):
    statuses = {query: superuser_client.get(f"{url}?{query}").status_code for query in ODD_QUERIES}

    assert {query: status for query, status in statuses.items() if status >= 500} == {}


@pytest.mark.parametrize("url", LISTS)
def test_values_an_offered_filter_cannot_take_answer_400_not_500(superuser_client, url):
    specs = superuser_client.get(url).context["view"].filter_specs
    parameters = {name for spec in specs for name in spec.expected_parameters() if name}
    statuses = {
        f"{name}={value}": superuser_client.get(url, {name: value}).status_code
        for name in parameters
        for value in ("abc", "31.02.2024")
    }

    assert {query: status for query, status in statuses.items() if status not in (200, 400)} == {}
