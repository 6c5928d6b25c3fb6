"""Property-based fuzzing of what outsiders can send: no input gives a server error.

Hypothesis makes up the values: any Unicode text (control characters, NUL, RTL marks, very
long words), odd parameter names, numbers where text is expected. Each property sends them
through the whole stack with Django's test client and asserts only that the portal answers
without a server error, and that refused input saved nothing.

The budget per property is `FUZZ_EXAMPLES` (20 in `make test`); a longer run:
`FUZZ_EXAMPLES=1000 make test PYTEST_ARGS="-k fuzz -p no:xdist"`.
"""

import os
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.urls import get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms_app.models import QuestionnaireAccess, QuestionnaireKind
from forms_app.tests.factories import consent_page, questionnaire_page
from portal.tests.factories import UserFactory, user_with_role
from programmes.tests.factories import OrganisationFactory, ParticipantFactory, pair_with_mentees

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

any_text = st.text(st.characters(codec="utf-8"), max_size=120)
short_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30)
numberish = st.one_of(st.integers(min_value=-(2**63), max_value=2**63).map(str), any_text)
query = st.dictionaries(short_text, st.one_of(any_text, numberish), max_size=5)


def assert_no_server_error(response):
    assert response.status_code < 500, response.status_code


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


@FUZZ
@given(q=any_text, page=numberish)
def test_search_answers_any_query(client, q, page):
    assert_no_server_error(client.get("/search/", {"q": q, "page": page}))


@pytest.fixture
def questionnaires():
    organisation = OrganisationFactory()
    ParticipantFactory.create_batch(2, organisation=organisation)
    return [
        questionnaire_page(organisation=organisation),
        questionnaire_page(
            kind=QuestionnaireKind.SATISFACTION,
            title="Удовлетворённость",
            fields=[("Оценка", "rating_10", ""), ("Дата", "date", ""), ("Почта", "email", "")],
        ),
        questionnaire_page(
            kind=QuestionnaireKind.FREE,
            access=QuestionnaireAccess.INVITATION,
            title="По приглашению",
            fields=[("Ответ", "multiline", "")],
        ),
    ]


@FUZZ
@given(data=st.data())
def test_questionnaires_answer_any_form_input(client, questionnaires, data):
    page = data.draw(st.sampled_from(questionnaires))
    names = [field.clean_name for field in page.get_form_fields()]
    answers = {name: data.draw(st.one_of(any_text, numberish)) for name in names}
    answers.update(data.draw(query))
    token = data.draw(any_text)

    assert_no_server_error(client.get(page.url, {"invitation": token}))
    assert_no_server_error(client.post(f"{page.url}?invitation=", {**answers, "invitation": token}))


@FUZZ
@given(typed=any_text, trailing_slash=st.booleans(), params=query)
def test_short_invitation_links_answer_any_typed_code(client, typed, trailing_slash, params):
    path = "/i/" + quote(typed, safe="") + ("/" if trailing_slash else "")

    assert_no_server_error(client.get(path, params))
    assert_no_server_error(client.get("/i/", {**params, "code": typed}))


@FUZZ
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "subject_name",
                "subject_address",
                "subject_document",
                "subject_document_date",
                "subject_document_issuer",
                "representative_name",
                "representative_document_date",
                "agree",
                "next",
                "invitation",
            ]
        ),
        st.one_of(any_text, numberish),
    )
)
def test_consent_pages_answer_any_form_input(client, fields):
    organisation = OrganisationFactory()
    page = consent_page(organisation)
    participant = ParticipantFactory(organisation=organisation)
    participant.user = UserFactory()
    participant.save()
    client.force_login(participant.user)

    assert_no_server_error(client.get(page.url, {"next": fields.get("next", "")}))
    assert_no_server_error(client.post(page.url, fields))


@FUZZ
@given(
    username=any_text,
    password=any_text,
    url=st.sampled_from(["/accounts/login/", "/admin/login/"]),
    next_url=any_text,
)
def test_sign_in_forms_answer_any_credentials(client, username, password, url, next_url):
    response = client.post(url, {"username": username, "password": password, "next": next_url})

    assert_no_server_error(response)


# Parameter names a list understands, or that a probe tries, mixed with made-up ones.
LIST_KEYS = [
    "q",
    "o",
    "p",
    "e",
    "export",
    "status",
    "category",
    "is_mentor__exact",
    "organisation__id__exact",
    "organisation__members__username",
    "user__password__startswith",
    "participant__last_name__icontains",
]
list_query = st.dictionaries(
    st.one_of(st.sampled_from(LIST_KEYS), short_text), st.one_of(any_text, numberish), max_size=4
)


def record_lists() -> list[str]:
    """The index URL of every registered modeladmin list, read off the URL resolver."""
    resolver = get_resolver()
    names = [
        name
        for name in resolver.reverse_dict
        if isinstance(name, str) and name.endswith("_modeladmin_index")
    ]
    return sorted({"/" + resolver.reverse(name).lstrip("/") for name in names})


@pytest.mark.parametrize("role", ["curator", "superuser"])
def test_record_lists_answer_any_query_string(client, role):
    pair = pair_with_mentees(mentees=1)
    user = user_with_role(role)
    pair.programme.organisation.members.add(user)
    client.force_login(user)
    lists = record_lists()
    assert len(lists) > 10

    @FUZZ
    @given(url=st.sampled_from(lists), params=list_query)
    def property_(url, params):
        response = client.get(url, params)
        assert_no_server_error(response)
        assert response.status_code != 404, url

    property_()
