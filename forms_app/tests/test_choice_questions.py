"""A choice question answers only what the respondent chose (forms_app/form_builder.py)."""

import pytest
from django.core.cache import cache

from forms_app.models import QuestionnaireField, QuestionnaireSubmission
from forms_app.tests.factories import MENTEE_FIELDS, answers, questionnaire_page
from programmes.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

GRADE = "Твой класс"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def page_with_dropdown():
    page = questionnaire_page(
        fields=[*MENTEE_FIELDS, (GRADE, "dropdown", "")], organisation=OrganisationFactory()
    )
    QuestionnaireField.objects.filter(page=page, label=GRADE).update(
        choices="7 класс\n8 класс\n9 класс"
    )
    return page


def grade_name(page):
    return next(f.clean_name for f in page.get_form_fields() if f.label == GRADE)


def test_required_dropdown_opens_with_nothing_chosen(client, page_with_dropdown):
    response = client.get(page_with_dropdown.url)

    select = response.context["form"][grade_name(page_with_dropdown)]
    html = str(select)
    assert '<option value="" selected>— выберите —</option>' in html
    assert html.index("— выберите —") < html.index("7 класс")


def test_skipped_dropdown_is_refused_and_nothing_saved(client, page_with_dropdown):
    data = answers(page_with_dropdown, **{grade_name(page_with_dropdown): ""})

    response = client.post(page_with_dropdown.url, data)

    assert response.status_code == 200
    assert response.context["form"].errors[grade_name(page_with_dropdown)] == [
        "Требуется заполнить это поле."
    ]
    assert not QuestionnaireSubmission.objects.exists()


def test_chosen_dropdown_answer_is_kept(client, page_with_dropdown):
    data = answers(page_with_dropdown, **{grade_name(page_with_dropdown): "8 класс"})

    response = client.post(page_with_dropdown.url, data)

    assert response.status_code == 302, response.context["form"].errors
    assert QuestionnaireSubmission.objects.get().get_data()[grade_name(page_with_dropdown)] == (
        "8 класс"
    )
