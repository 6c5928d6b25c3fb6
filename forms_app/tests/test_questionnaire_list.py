"""«Формы»: the list of questionnaires whose answers the user reads, with counts and links."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from forms_app.models import QuestionnaireSubmission
from forms_app.tests.factories import questionnaire_page
from portal.tests.factories import user_with_role
from programmes.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

FORMS = reverse("wagtailforms:index")


@pytest.fixture
def curator():
    user = user_with_role("curator")
    OrganisationFactory().members.add(user)
    return user


@pytest.fixture
def questionnaires(curator):
    organisation = curator.organisations.get()
    answered = questionnaire_page(title="Анкета с ответами", organisation=organisation)
    for day in (3, 5):
        submission = QuestionnaireSubmission.objects.create(page=answered, form_data={})
        moment = timezone.make_aware(datetime.datetime(2026, 3, day, 12, 30))
        QuestionnaireSubmission.objects.filter(pk=submission.pk).update(submit_time=moment)
    silent = questionnaire_page(title="Анкета без ответов", organisation=organisation)
    return {"answered": answered, "silent": silent}


def rows(html: str) -> list[str]:
    """The rows of the questionnaires, in order (the page has other tables too)."""
    return [row for row in re.findall(r"<tr\b.*?</tr>", html, re.S) if "Анкета" in row]


def has_cell(row: str, value: str) -> bool:
    return re.search(rf"<td[^>]*>\s*{re.escape(value)}\s*</td>", row) is not None


def test_each_questionnaire_shows_its_answers_counted_and_the_latest_in_moscow_time(
    client, curator, questionnaires
):
    client.force_login(curator)

    html = client.get(FORMS, {"ordering": "-answer_count"}).content.decode()

    answered, silent = rows(html)
    assert "Анкета с ответами" in answered and has_cell(answered, "2")
    assert has_cell(answered, "05.03.2026 12:30")
    assert "Анкета без ответов" in silent and has_cell(silent, "0")
    report = reverse("forms_app_results", args=[questionnaires["silent"].pk])
    assert report in silent


@pytest.mark.parametrize(
    "query",
    [
        {"ordering": "answer_count"},
        {"ordering": "-last_answer_at"},
        {"ordering": "no-such-column"},
        {"q": "ответами"},
        {"p": "not-a-number"},
        {"p": "999"},
        {"content_type": "abc"},
    ],
)
def test_the_list_answers_any_query_without_error(client, curator, questionnaires, query):
    client.force_login(curator)

    response = client.get(FORMS, query)

    assert response.status_code in (200, 404)
    if "q" in query:
        assert "Анкета с ответами" in response.content.decode()
        assert "Анкета без ответов" not in response.content.decode()
