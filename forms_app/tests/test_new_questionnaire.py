"""A new questionnaire: the editor picks its kind, then finds the kind's questions in the form."""

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin.rich_text import DraftailRichTextArea

from forms_app.defaults import DEFAULT_QUESTIONS
from forms_app.models import QuestionnaireAccess, QuestionnaireKind, QuestionnairePage
from home.services import mentoring_section_get_or_create
from portal.tests.access import OK, REFUSED, TO_LOGIN, outcome
from portal.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def add_url():
    section = mentoring_section_get_or_create()
    return f"/admin/pages/add/forms_app/questionnairepage/{section.pk}/"


def post_data(form) -> dict:
    """What a browser sends back for an untouched page form: every field's shown value, the
    new questions' empty ids as "", unticked boxes and empty editors not at all."""
    fields = [*form]
    for formset in form.formsets.values():
        fields.extend(formset.management_form)
        for child in formset.forms:
            fields.extend(child)
    data = {
        bound.html_name: bound.field.widget.format_value(bound.value())
        if isinstance(bound.field.widget, DraftailRichTextArea)
        else bound.value()
        for bound in fields
    }
    return {
        name: "" if value is None else value
        for name, value in data.items()
        if value is not False and (value is not None or name.endswith("-id"))
    }


def test_a_new_questionnaire_asks_for_its_kind_first(client, add_url):
    client.force_login(user_with_role("editor"))

    response = client.get(add_url)

    html = response.content.decode()
    with translation.override("ru"):
        for kind in QuestionnaireKind:
            assert str(kind.label) in html
            assert f"kind={kind.value}" in html
        assert _("New questionnaire") in html


@pytest.mark.parametrize("kind", list(QuestionnaireKind))
def test_the_creation_form_already_holds_the_kinds_questions(client, add_url, kind):
    client.force_login(user_with_role("editor"))

    form = client.get(add_url, {"kind": kind}).context["form"]

    labels = [child["label"].value() for child in form.formsets["form_fields"].forms]
    assert labels == [question[0] for question in DEFAULT_QUESTIONS[kind]]
    assert form["kind"].value() == kind


def test_saving_the_prefilled_form_keeps_the_questions_as_shown(client, add_url):
    client.force_login(user_with_role("editor"))
    form = client.get(add_url, {"kind": QuestionnaireKind.MENTOR}).context["form"]
    data = post_data(form)
    data.update(title="Анкета наставника", slug="anketa-nastavnika")
    first_label = next(k for k in data if k.endswith("-0-label"))
    data[first_label] = "Ваша фамилия"

    response = client.post(add_url, data)

    assert response.status_code == 302, response.context["form"].errors
    page = QuestionnairePage.objects.get()
    labels = list(page.form_fields.values_list("label", flat=True))
    expected = [question[0] for question in DEFAULT_QUESTIONS[QuestionnaireKind.MENTOR]]
    assert labels == ["Ваша фамилия", *expected[1:]]
    assert page.get_latest_revision().content["form_fields"][0]["label"] == "Ваша фамилия"


def test_an_anonymous_kind_starts_without_the_consent_requirement(client, add_url):
    client.force_login(user_with_role("editor"))

    form = client.get(add_url, {"kind": QuestionnaireKind.SATISFACTION}).context["form"]

    assert form["access"].value() == QuestionnaireAccess.ANYONE
    assert not form["requires_consent"].value()


def test_an_unknown_kind_asks_again(client, add_url):
    client.force_login(user_with_role("editor"))

    response = client.get(add_url, {"kind": "nonsense"})

    assert "form" not in response.context
    assert "kind=mentee" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", TO_LOGIN),
        ("participant", TO_LOGIN),
        ("editor", OK),
        ("curator", REFUSED),
        ("auditor", REFUSED),
        ("superuser", OK),
    ],
)
def test_the_kind_choice_answers_each_role(client, add_url, role, expected):
    if role != "anonymous":
        client.force_login(user_with_role(role))

    assert outcome(client.get(add_url)) == expected
    assert outcome(client.get(add_url, {"kind": QuestionnaireKind.MENTEE})) == expected
