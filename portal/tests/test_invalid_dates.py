"""A date that does not exist, or is not a date, is refused with a Russian message everywhere a
person types one: every date field of every admin form (pages and modeladmin), the programme
admin's forms end to end, and a questionnaire's date question. Nothing is saved.

The browser half (the picker leaves the typed text alone) is test_browser_dates.py.
"""

import datetime

import pytest
from django import forms
from wagtail.models import get_page_models

from forms_app.models import QuestionnaireSubmission
from forms_app.tests.factories import answers, questionnaire_page
from portal.date_widgets import StrictAdminDateInput, StrictAdminDateTimeInput
from portal.tests.url_patterns import registered_model_admins
from programmes.models import Meeting, Pair
from programmes.tests.factories import OrganisationFactory, pair_with_mentees

pytestmark = pytest.mark.django_db

NOT_DATES = ["31.02.2024", "29.02.2023", "abc", "вчера", "32.01.2024", "01.13.2024"]
INVALID_DATE = "Введите правильную дату."
INVALID_DATETIME = "Введите правильную дату и время."


def _date_fields(form, prefix=""):
    """(name, field) of every date and date-time field of a form and its nested formsets."""
    for name, field in form.fields.items():
        if isinstance(field, forms.DateField | forms.DateTimeField):
            yield prefix + name, field
    for formset_name, formset in getattr(form, "formsets", {}).items():
        yield from _date_fields(formset.empty_form, prefix=f"{prefix}{formset_name}.")


def _admin_forms():
    for model in get_page_models():
        if model._meta.abstract or model.__name__ == "Page":
            continue
        yield model.__name__, model.get_edit_handler().get_form_class()(instance=model())
    for model_admin in registered_model_admins():
        model = model_admin.model
        handler = model_admin.get_edit_handler().bind_to_model(model)
        yield type(model_admin).__name__, handler.get_form_class()(instance=model())


def _every_admin_date_field():
    return [
        (owner, name, field) for owner, form in _admin_forms() for name, field in _date_fields(form)
    ]


def test_the_admin_forms_have_date_fields_to_check():
    names = {(owner, name) for owner, name, _ in _every_admin_date_field()}
    assert ("RoadmapPage", "period_start") in names
    assert ("MeetingAdmin", "held_at") in names
    assert ("RoadmapPage", "stages.events.deadline_end") in names


# Wagtail's publishing schedule builds its own pickers; static/portal/js/strict-dates.js sets
# the picker's default for them, which test_browser_dates.py checks.
WAGTAILS_OWN = {"go_live_at", "expire_at"}


def test_every_admin_date_field_keeps_what_was_typed():
    loose = [
        f"{owner}.{name}"
        for owner, name, field in _every_admin_date_field()
        if name not in WAGTAILS_OWN
        and (
            not isinstance(field.widget, StrictAdminDateInput | StrictAdminDateTimeInput)
            or field.widget.get_config().get("validateOnBlur") is not False
        )
    ]
    assert loose == []


@pytest.mark.parametrize("typed", NOT_DATES)
def test_every_admin_date_field_refuses_a_date_that_does_not_exist(typed):
    accepted = []
    for owner, name, field in _every_admin_date_field():
        expected = INVALID_DATETIME if isinstance(field, forms.DateTimeField) else INVALID_DATE
        try:
            value = field.clean(typed)
        except forms.ValidationError as error:
            assert error.messages == [expected], f"{owner}.{name}"
        else:
            accepted.append(f"{owner}.{name} → {value}")
    assert accepted == []


def _pair_form_data(pair, **changes):
    return {
        "programme": pair.programme_id,
        "mentor": pair.mentor_id,
        "mentees": [m.mentee_id for m in pair.mentees.all()],
        "start_date": pair.start_date.strftime("%d.%m.%Y"),
        "end_date": "",
        "status": pair.status,
        "order": pair.order_id or "",
        "termination_order": "",
        "termination_reason": "",
        "goals": "",
        "change_reason": "",
        **changes,
    }


@pytest.mark.parametrize("typed", ["31.02.2024", "abc"])
def test_pair_edit_screen_refuses_an_impossible_start_and_changes_nothing(admin_client, typed):
    pair = pair_with_mentees()
    before = pair.start_date

    response = admin_client.post(
        f"/admin/programmes/pair/edit/{pair.pk}/", _pair_form_data(pair, start_date=typed)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["start_date"] == [INVALID_DATE]
    assert typed in response.content.decode()
    pair.refresh_from_db()
    assert pair.start_date == before


@pytest.mark.parametrize("typed", ["вчера", "31.02.2024 10:00", "abc"])
def test_meeting_create_screen_refuses_a_time_that_is_not_one(admin_client, typed):
    pair = pair_with_mentees(active=True)

    response = admin_client.post(
        "/admin/programmes/meeting/create/",
        {
            "programme": pair.programme_id,
            "pair": pair.pk,
            "kind": "working",
            "format": "in_person",
            "held_at": typed,
            "topic": "Знакомство",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["held_at"] == [INVALID_DATETIME]
    assert not Meeting.objects.exists()
    assert Pair.objects.get() == pair


@pytest.mark.parametrize("typed", ["31.02.2024", "abc"])
def test_questionnaire_date_question_refuses_an_impossible_date(client, typed):
    page = questionnaire_page(
        organisation=OrganisationFactory(),
        fields=[("Фамилия", "singleline", "last_name"), ("Дата рождения", "date", "")],
    )
    data = answers(page)
    data[page.get_form_fields()[1].clean_name] = typed

    response = client.post(page.url, data)

    assert response.status_code == 200
    assert response.context["form"].errors[page.get_form_fields()[1].clean_name] == [INVALID_DATE]
    assert not QuestionnaireSubmission.objects.exists()


def test_a_real_date_still_goes_through_the_admin(admin_client):
    pair = pair_with_mentees()
    new_start = pair.start_date + datetime.timedelta(days=1)

    response = admin_client.post(
        f"/admin/programmes/pair/edit/{pair.pk}/",
        _pair_form_data(pair, start_date=new_start.strftime("%d.%m.%Y")),
    )

    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.start_date == new_start
