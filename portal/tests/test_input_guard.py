"""A NUL character anywhere in a request is refused with 400, never a server error."""

import pytest
from django.core.cache import cache
from django.utils.translation import gettext

from forms_app.models import QuestionnaireAccess, QuestionnaireSubmission
from forms_app.tests.factories import answers, questionnaire_page
from programmes.models import Participant
from programmes.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

REFUSAL = "The request cannot be accepted"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.mark.parametrize(
    "url",
    ["/search/?q=%00", "/search/?q=%D0%B0%00b", "/search/?%00=1", "/%00/", "/cabinet/?page=%00"],
)
def test_a_nul_in_the_address_is_refused(client, url):
    response = client.get(url)

    assert response.status_code == 400
    assert gettext(REFUSAL) in response.content.decode()


def test_a_nul_in_an_invitation_token_is_refused(client):
    page = questionnaire_page(access=QuestionnaireAccess.INVITATION)

    assert client.get(f"{page.url}?invitation=abc%00def").status_code == 400


def test_a_nul_in_a_form_is_refused_and_nothing_is_saved(client):
    page = questionnaire_page(organisation=OrganisationFactory())
    data = answers(page)
    first_question = next(iter(data))
    data[first_question] = "Иванова\x00"

    response = client.post(page.url, data)

    assert response.status_code == 400
    assert not QuestionnaireSubmission.objects.exists()
    assert not Participant.objects.exists()


def test_an_ordinary_search_still_works(client):
    assert client.get("/search/?q=наставник").status_code == 200
