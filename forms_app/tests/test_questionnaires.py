import datetime
import time

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.translation import gettext

from forms_app.models import QuestionnaireAccess, QuestionnaireKind, QuestionnaireSubmission
from forms_app.tests.factories import answers, invitation, questionnaire_page
from portal.tests.factories import UserFactory
from portal.tests.silent_server import silent_server
from programmes.models import Feedback, MatchPreference, Meeting, MeetingKind, Participant
from programmes.services.meetings import meeting_save
from programmes.tests.factories import (
    ConsentFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipantFactory,
    ProgrammeFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


def test_anonymous_mentee_questionnaire_creates_a_mentee_with_requests(client):
    organisation = OrganisationFactory()
    page = questionnaire_page(organisation=organisation)
    data = answers(page)

    response = client.post(page.url, data)

    assert response.status_code == 302
    assert response["Location"].endswith("?sent=1")
    participant = Participant.objects.get()
    assert participant.is_mentee and participant.organisation == organisation
    requests_field = next(f for f in page.get_form_fields() if f.maps_to == "requests")
    assert participant.requests == data[requests_field.clean_name]
    submission = QuestionnaireSubmission.objects.get()
    assert submission.participant is None  # anonymous pages keep no identity
    assert submission.ip_address is None and submission.user_agent == "" and submission.user is None
    assert submission.page_revision == page.live_revision


def test_signed_in_mentor_questionnaire_updates_their_competences(client):
    mentor = ParticipantFactory(competences="")
    user = UserFactory()
    mentor.user = user
    mentor.save()
    page = questionnaire_page(
        kind=QuestionnaireKind.MENTOR,
        access=QuestionnaireAccess.PARTICIPANTS,
        fields=[("Чем я могу быть полезен?", "multiline", "competences")],
        title="Анкета наставника",
    )
    client.force_login(user)

    client.post(
        page.url, {page.get_form_fields()[0].clean_name: "Робототехника"}, HTTP_USER_AGENT="Phone"
    )

    mentor.refresh_from_db()
    assert mentor.competences == "Робототехника"
    assert mentor.history.first().history_user == user
    submission = QuestionnaireSubmission.objects.get()
    assert (submission.participant, submission.user, submission.user_agent) == (
        mentor,
        user,
        "Phone",
    )
    assert submission.ip_address == "127.0.0.1"


def test_feedback_questionnaire_feeds_the_meeting_feedback(client):
    meeting = MeetingFactory()
    mentor = meeting.pair.mentor
    page = questionnaire_page(
        kind=QuestionnaireKind.FEEDBACK,
        access=QuestionnaireAccess.INVITATION,
        allow_several_answers=True,
        fields=[("Оценка встречи", "rating_5", "rating"), ("Комментарий", "multiline", "comment")],
        title="Обратная связь",
    )
    link = invitation(participant=mentor, page=page)

    client.post(
        f"{page.url}?invitation={link.token}",
        {**answers(page), "meeting": meeting.pk, "invitation": link.token},
    )

    feedback = Feedback.objects.get()
    assert (feedback.meeting, feedback.author, feedback.rating) == (meeting, mentor, 4)


def test_invalid_answers_get_russian_errors_and_create_nothing(client):
    page = questionnaire_page(organisation=OrganisationFactory())
    data = answers(page)
    data[page.get_form_fields()[4].clean_name] = "9"
    data[page.get_form_fields()[0].clean_name] = ""

    response = client.post(page.url, data)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert not QuestionnaireSubmission.objects.exists()
    assert not Participant.objects.exists()


def test_honeypot_filled_in_is_refused(client):
    page = questionnaire_page(organisation=OrganisationFactory())

    response = client.post(page.url, {**answers(page), "website": "http://spam.example"})

    assert response.status_code == 200
    assert not QuestionnaireSubmission.objects.exists()


def test_overlong_answer_is_refused(client):
    page = questionnaire_page(organisation=OrganisationFactory())
    data = answers(page)
    data[page.get_form_fields()[3].clean_name] = "я" * 1001

    response = client.post(page.url, data)

    assert response.context["form"].errors
    assert not QuestionnaireSubmission.objects.exists()


@pytest.mark.parametrize(
    ("state", "expected_title"),
    [
        ("used", "already been used"),
        ("expired", "expired"),
        ("other page", "not valid"),
        ("unknown", "not valid"),
    ],
)
def test_bad_invitation_links_are_refused(client, state, expected_title):
    participant = ParticipantFactory(mentee=True)
    page = questionnaire_page(access=QuestionnaireAccess.INVITATION)
    other = questionnaire_page(access=QuestionnaireAccess.INVITATION, title="Другая анкета")
    link = invitation(
        participant=participant,
        page=other if state == "other page" else page,
        days=-1 if state == "expired" else 7,
    )
    if state == "used":
        client.post(
            f"{page.url}?invitation={link.token}", {**answers(page), "invitation": link.token}
        )
    token = "nonexistent-token" if state == "unknown" else link.token

    response = client.post(f"{page.url}?invitation={token}", {**answers(page), "invitation": token})

    assert response.status_code == 200
    assert response.context["refusal"]
    assert QuestionnaireSubmission.objects.count() == (1 if state == "used" else 0)


def test_invitation_answer_is_linked_to_its_participant(client):
    participant = ParticipantFactory(mentee=True, requests="")
    page = questionnaire_page(access=QuestionnaireAccess.INVITATION)
    link = invitation(participant=participant, page=page)

    client.post(f"{page.url}?invitation={link.token}", {**answers(page), "invitation": link.token})

    submission = QuestionnaireSubmission.objects.get()
    assert (submission.participant, submission.invitation) == (participant, link)
    link.refresh_from_db()
    assert link.used_at is not None
    participant.refresh_from_db()
    assert participant.requests.startswith("Ответ")


def test_participants_only_page_asks_anonymous_visitors_to_sign_in(client):
    page = questionnaire_page(access=QuestionnaireAccess.PARTICIPANTS)

    response = client.post(page.url, answers(page))

    assert response.context["refusal"].sign_in
    assert not QuestionnaireSubmission.objects.exists()


def test_a_participant_answers_once_unless_the_page_allows_more(client):
    participant = ParticipantFactory(mentee=True)
    participant.user = UserFactory()
    participant.save()
    page = questionnaire_page(access=QuestionnaireAccess.PARTICIPANTS)
    client.force_login(participant.user)

    client.post(page.url, answers(page))
    second = client.post(page.url, answers(page))

    assert QuestionnaireSubmission.objects.count() == 1
    assert second.templates[0].name == "forms_app/already_answered.html"


def test_refresh_after_sending_shows_the_thanks_and_sends_nothing_again(client):
    page = questionnaire_page(organisation=OrganisationFactory())

    response = client.post(page.url, answers(page), follow=True)
    client.get(response.request["PATH_INFO"] + "?sent=1")

    assert QuestionnaireSubmission.objects.count() == 1
    assert response.templates[0].name == "forms_app/questionnaire_page_landing.html"


def test_curator_is_told_by_mail_with_a_link_and_no_answers(
    client, django_capture_on_commit_callbacks
):
    page = questionnaire_page(
        organisation=OrganisationFactory(),
        to_address="curator@school.example",
        from_address="portal@school.example",
    )
    data = answers(page)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(page.url, data)

    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert f"/admin/forms/submissions/{page.pk}/" in body
    assert data[page.get_form_fields()[0].clean_name] not in body


class BrokenMailBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP is down")


@override_settings(EMAIL_BACKEND="forms_app.tests.test_questionnaires.BrokenMailBackend")
def test_failing_mail_server_keeps_exactly_one_answer(client, django_capture_on_commit_callbacks):
    page = questionnaire_page(
        organisation=OrganisationFactory(), to_address="curator@school.example"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, answers(page))

    assert response.status_code == 302
    assert QuestionnaireSubmission.objects.count() == 1


def test_a_hung_mail_server_delays_the_answer_by_its_timeout_only(
    client, settings, django_capture_on_commit_callbacks, caplog
):
    page = questionnaire_page(
        organisation=OrganisationFactory(), to_address="curator@school.example"
    )
    with silent_server() as smtp:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", smtp.port, 2
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(page.url, answers(page))
        elapsed = time.monotonic() - started

    assert elapsed < 10  # the timeout and a margin, not forever
    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    assert QuestionnaireSubmission.objects.count() == 1
    assert len(smtp.connections) == 1
    assert "Could not notify the curator" in caplog.text


def test_participant_without_consent_is_sent_for_one_first(client):
    participant = ParticipantFactory(mentee=True)
    page = questionnaire_page(access=QuestionnaireAccess.INVITATION, requires_consent=True)
    link = invitation(participant=participant, page=page)

    response = client.get(f"{page.url}?invitation={link.token}")

    assert "form" not in (response.context or {})
    assert response.templates[0].name == "forms_app/consent_page_missing.html"


def test_participant_with_consent_gets_the_questionnaire(client):
    participant = ConsentFactory(participant__mentee=True).participant
    page = questionnaire_page(access=QuestionnaireAccess.INVITATION, requires_consent=True)
    link = invitation(participant=participant, page=page)

    response = client.get(f"{page.url}?invitation={link.token}")

    assert "form" in response.context


def test_preference_questionnaire_stores_the_choice(client):
    pair = pair_with_mentees(mentees=1)
    mentee = pair.mentees.get().mentee
    mentee.user = UserFactory()
    mentee.save()
    page = questionnaire_page(
        kind=QuestionnaireKind.PREFERENCE,
        access=QuestionnaireAccess.PARTICIPANTS,
        programme=pair.programme,
        fields=[("С кем хотите работать?", "participant", "preferred_participant")],
        title="После групповой встречи",
    )
    client.force_login(mentee.user)

    client.post(page.url, {page.get_form_fields()[0].clean_name: pair.mentor.pk})

    preference = MatchPreference.objects.get()
    assert (preference.participant, preference.preferred, preference.programme) == (
        mentee,
        pair.mentor,
        pair.programme,
    )


def test_preference_after_a_group_meeting_lists_only_its_attendees(client):
    programme = ProgrammeFactory()
    attendee, chosen = ParticipantFactory.create_batch(2, organisation=programme.organisation)
    absent = ParticipantFactory(organisation=programme.organisation)
    attendee.user = UserFactory()
    attendee.save()
    ConsentFactory(participant=attendee)
    meeting = meeting_save(
        meeting=Meeting(
            programme=programme,
            kind=MeetingKind.GROUP,
            held_at=timezone.make_aware(datetime.datetime(2023, 9, 20, 15, 0)),
            topic="Групповая встреча",
        ),
        attendees=[attendee, chosen],
    )
    page = questionnaire_page(
        kind=QuestionnaireKind.PREFERENCE,
        access=QuestionnaireAccess.PARTICIPANTS,
        meeting=meeting,
        fields=[("С кем хотите работать?", "participant", "preferred_participant")],
        title="После групповой встречи",
    )
    field_name = page.get_form_fields()[0].clean_name
    client.force_login(attendee.user)

    listed = client.get(page.url).context["form"].fields[field_name].queryset
    refused = client.post(page.url, {field_name: absent.pk})
    client.post(page.url, {field_name: chosen.pk})

    assert set(listed) == {attendee, chosen}
    assert gettext("Choose someone from the list.") in refused.content.decode()
    preference = MatchPreference.objects.get()
    assert (preference.preferred, preference.programme) == (chosen, programme)


def _consenting_participant_and_their_page(**page_fields):
    """A signed-up participant with a valid consent and a page they may answer again."""
    participant = ConsentFactory(participant__mentee=True).participant
    participant.user = UserFactory()
    participant.save()
    page = questionnaire_page(
        access=QuestionnaireAccess.PARTICIPANTS,
        allow_several_answers=True,
        organisation=participant.organisation,
        **page_fields,
    )
    return participant, page


def _signed_in_answer_queries(client, *, earlier_answers: int) -> list[str]:
    participant, page = _consenting_participant_and_their_page(requires_consent=True)
    data = answers(page)
    for _number in range(earlier_answers):
        QuestionnaireSubmission.objects.create(
            page=page, participant=participant, form_data=data, user=participant.user
        )
    client.force_login(participant.user)
    client.get(page.url)  # a warm process: content types and the site are cached
    with CaptureQueriesContext(connection) as captured:
        response = client.post(page.url, data)
    assert response.status_code == 302
    return [query["sql"] for query in captured.captured_queries]


def test_an_answer_costs_the_same_queries_however_many_answers_exist(client):
    few = _signed_in_answer_queries(client, earlier_answers=1)
    client.logout()
    many = _signed_in_answer_queries(client, earlier_answers=40)

    assert len(few) == len(many)
    # The form fields are read once, for the form and the mapping of the answers alike; the
    # revision is stored by id; programme records stay out of Wagtail's reference index.
    assert sum('FROM "forms_app_questionnairefield"' in sql for sql in many) == 1
    assert not any('FROM "wagtailcore_revision"' in sql for sql in many)
    assert not any("wagtailcore_referenceindex" in sql for sql in many)
    assert not any('FROM "programmes_organisation"' in sql for sql in many)


def test_the_same_answers_again_leave_no_empty_version_in_the_history(client):
    participant, page = _consenting_participant_and_their_page()
    data = answers(page)
    client.force_login(participant.user)

    client.post(page.url, data)
    versions = participant.history.count()
    client.post(page.url, data)

    assert participant.history.count() == versions
    assert QuestionnaireSubmission.objects.filter(page=page, participant=participant).count() == 2
