"""The «feedback after a meeting» questionnaire: the meeting is chosen before the form shows."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from django.utils.translation import gettext

from forms_app.models import QuestionnaireAccess, QuestionnaireKind
from forms_app.tests.factories import answers, invitation, questionnaire_page
from portal.roles import PARTICIPANTS
from portal.tests.factories import UserFactory
from programmes.models import Feedback
from programmes.selectors.feedback import participant_meetings_for_feedback
from programmes.tests.factories import (
    FeedbackFactory,
    MeetingFactory,
    PairFactory,
    PairMenteeFactory,
)

pytestmark = pytest.mark.django_db

FIELDS = [("Оцените встречу", "rating_5", "rating"), ("Что было полезным?", "multiline", "comment")]


def russian(message: str) -> str:
    with translation.override("ru"):
        return gettext(message)


def at(days_ago: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days_ago)


def feedback_page(access=QuestionnaireAccess.PARTICIPANTS):
    return questionnaire_page(
        kind=QuestionnaireKind.FEEDBACK,
        access=access,
        allow_several_answers=True,
        fields=FIELDS,
        title="Обратная связь после встречи",
    )


def signed_in(client, participant):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=PARTICIPANTS))
    participant.user = user
    participant.save()
    client.force_login(user)


@pytest.fixture
def pair():
    return PairFactory(active=True, start_date=timezone.localdate() - datetime.timedelta(days=90))


@pytest.fixture
def meetings(pair):
    """Two held meetings of the pair, one to come, and a held one of another pair."""
    return {
        "older": MeetingFactory(pair=pair, held_at=at(20), topic="Знакомство"),
        "newer": MeetingFactory(pair=pair, held_at=at(6), topic="План на четверть"),
        "future": MeetingFactory(pair=pair, held_at=at(-3), topic="Итоги четверти"),
        "foreign": MeetingFactory(
            pair=PairFactory(active=True, start_date=pair.start_date, programme=pair.programme),
            held_at=at(5),
            topic="Чужая встреча",
        ),
    }


def test_without_a_meeting_the_page_lists_the_participants_held_meetings_newest_first(
    client, pair, meetings
):
    page = feedback_page()
    signed_in(client, pair.mentor)

    response = client.get(page.url)

    content = response.content.decode()
    assert "forms_app/feedback_choose_meeting.html" in [t.name for t in response.templates]
    assert (
        russian(
            "Feedback is given about a particular meeting. Choose the meeting you want to tell us about:"
        )
        in content
    )
    newer, older = meetings["newer"], meetings["older"]
    assert content.index(f'?meeting={newer.pk}"') < content.index(f'?meeting={older.pk}"')
    assert f"{timezone.localtime(newer.held_at):%d.%m.%Y}</strong> — План на четверть" in content
    assert "Итоги четверти" not in content
    assert "Чужая встреча" not in content
    assert "<form" not in content.split("<main", 1)[-1]


def test_a_meeting_from_the_list_opens_the_form_and_the_feedback_is_saved(client, pair, meetings):
    page = feedback_page()
    signed_in(client, pair.mentor)
    meeting = meetings["newer"]

    form = client.get(f"{page.url}?meeting={meeting.pk}")
    sent = client.post(page.url, {**answers(page), "meeting": meeting.pk})

    assert f'name="meeting" value="{meeting.pk}"' in form.content.decode()
    assert sent.status_code == 302
    feedback = Feedback.objects.get()
    assert (feedback.meeting, feedback.author, feedback.rating) == (meeting, pair.mentor, 4)


@pytest.mark.parametrize("which", ["foreign", "future", "no such"])
def test_a_meeting_that_is_not_the_participants_to_rate_shows_the_list_not_the_form(
    client, pair, meetings, which
):
    page = feedback_page()
    signed_in(client, pair.mentor)
    meeting_id = meetings[which].pk if which in meetings else 999999

    opened = client.get(f"{page.url}?meeting={meeting_id}")
    posted = client.post(page.url, {**answers(page), "meeting": meeting_id})

    for response in (opened, posted):
        content = response.content.decode()
        assert (
            russian(
                "That meeting is not among your meetings, or it has not taken place yet. Choose a meeting from the list below."
            )
            in content
        )
        assert 'name="meeting"' not in content
    assert not Feedback.objects.exists()


def test_a_meeting_already_rated_is_marked_and_not_offered_again(client, pair, meetings):
    page = feedback_page()
    meeting = meetings["older"]
    FeedbackFactory(meeting=meeting, author=pair.mentor)
    signed_in(client, pair.mentor)

    listed = client.get(page.url)
    opened = client.get(f"{page.url}?meeting={meeting.pk}")

    assert f"?meeting={meeting.pk}" not in listed.content.decode()
    assert russian("Feedback given") in listed.content.decode()
    assert 'name="meeting"' not in opened.content.decode()
    assert "Знакомство" in opened.content.decode()
    assert Feedback.objects.count() == 1


def test_a_participant_without_held_meetings_is_told_so(client, pair, meetings):
    page = feedback_page()
    newcomer = PairFactory(active=True).mentor
    signed_in(client, newcomer)

    response = client.get(page.url)

    assert (
        russian(
            "You have no meetings that have taken place yet. When your first meeting is held, it will appear here."
        )
        in response.content.decode()
    )


@pytest.mark.parametrize("access", [QuestionnaireAccess.PARTICIPANTS, QuestionnaireAccess.ANYONE])
def test_an_anonymous_visitor_is_asked_to_sign_in(client, access):
    page = feedback_page(access)

    response = client.get(page.url)

    content = response.content.decode()
    assert "/login/?next=" in content or "?next=" in content
    assert 'name="meeting"' not in content
    assert "forms_app/refusal.html" in [t.name for t in response.templates]


def test_the_links_of_an_invited_participant_keep_the_invitation(client, pair, meetings):
    page = feedback_page(QuestionnaireAccess.INVITATION)
    link = invitation(participant=pair.mentor, page=page)

    response = client.get(f"{page.url}?invitation={link.token}")

    meeting = meetings["newer"]
    assert f"?meeting={meeting.pk}&amp;invitation={link.token}" in response.content.decode()


def test_a_mentee_lists_only_meetings_held_since_joining(pair, meetings):
    membership = PairMenteeFactory(
        pair=pair, joined_on=timezone.localdate() - datetime.timedelta(10)
    )

    listed = list(participant_meetings_for_feedback(membership.mentee))

    assert listed == [meetings["newer"]]
