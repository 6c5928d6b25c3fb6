"""The participant's cabinet: what a mentor and a mentee see, and giving feedback."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal.roles import PARTICIPANTS
from portal.tests.factories import UserFactory
from programmes.cabinet.forms import COMMENT_MAX_LENGTH
from programmes.models import Feedback, PairStatus
from programmes.tests.factories import (
    FeedbackFactory,
    MeetingFactory,
    PairFactory,
    PairMenteeFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("cabinet:overview")


def moscow(year, month, day, hour=15, minute=0) -> datetime.datetime:
    return timezone.make_aware(
        datetime.datetime(year, month, day, hour, minute), timezone.get_fixed_timezone(180)
    )


def russian(message: str) -> str:
    """The message as the Russian interface shows it (English until it is translated)."""
    with translation.override("ru"):
        return gettext(message)


def participant_user(participant):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=PARTICIPANTS))
    participant.user = user
    participant.save()
    return user


def feedback_url(meeting) -> str:
    return reverse("cabinet:feedback", args=[meeting.pk])


@pytest.fixture
def group():
    """A group of two mentees and a stranger's pair in the same programme."""
    programme = ProgrammeFactory(title="Олимпиадная математика")
    pair = PairFactory(
        programme=programme,
        active=True,
        mentor__last_name="Наставникова",
        mentor__first_name="Анна",
        mentor__patronymic="Сергеевна",
        mentor__phone="+7 900 000-00-01",
        mentor__email="mentor@example.org",
    )
    mentee = PairMenteeFactory(
        pair=pair, mentee__last_name="Ученикова", mentee__first_name="Дарья"
    ).mentee
    classmate = PairMenteeFactory(
        pair=pair,
        mentee__last_name="Соседова",
        mentee__first_name="Вера",
        mentee__group="7 «В»",
        mentee__phone="+7 900 123-45-67",
        mentee__email="sosedova@example.org",
        mentee__birth_date=datetime.date(2011, 4, 15),
        mentee__requests="Боится выступать у доски",
    ).mentee
    meeting = MeetingFactory(
        pair=pair, held_at=moscow(2023, 10, 10, 15, 30), topic="Разбор олимпиадных задач"
    )
    other = PairFactory(programme=programme, active=True, mentor__last_name="Чужаков")
    PairMenteeFactory(pair=other, mentee__last_name="Посторонняя")
    MeetingFactory(pair=other, topic="Секретная тема")
    return {
        "pair": pair,
        "mentor": pair.mentor,
        "mentee": mentee,
        "classmate": classmate,
        "meeting": meeting,
    }


# --- the overview -----------------------------------------------------------------------------


def test_a_mentee_sees_their_group_and_meetings(client, group):
    client.force_login(participant_user(group["mentee"]))

    content = client.get(OVERVIEW).content.decode()

    assert "Олимпиадная математика" in content
    assert "Наставникова Анна Сергеевна" in content
    assert "Ученикова Дарья" in content
    assert "Разбор олимпиадных задач" in content
    assert "10.10.2023, 15:30" in content
    assert feedback_url(group["meeting"]) in content


def test_a_mentee_sees_only_the_names_of_the_other_mentees(client, group):
    client.force_login(participant_user(group["mentee"]))

    content = client.get(OVERVIEW).content.decode()

    assert "Соседова Вера" in content
    for private in ("7 «В»", "+7 900 123-45-67", "sosedova@example.org", "15.04.2011", "доски"):
        assert private not in content
    # Nor the mentor's contacts.
    assert "+7 900 000-00-01" not in content
    assert "mentor@example.org" not in content


def test_a_mentee_does_not_see_another_pair(client, group):
    client.force_login(participant_user(group["mentee"]))

    content = client.get(OVERVIEW).content.decode()

    assert "Чужаков" not in content
    assert "Посторонняя" not in content
    assert "Секретная тема" not in content


def test_a_mentor_sees_the_mentees_names_and_classes(client, group):
    client.force_login(participant_user(group["mentor"]))

    content = client.get(OVERVIEW).content.decode()

    assert "Ученикова Дарья" in content
    assert "Соседова Вера" in content
    assert "7 «В»" in content
    assert "01.10.2023" in content  # the pair's start
    assert "+7 900 123-45-67" not in content
    assert "15.04.2011" not in content
    assert "Посторонняя" not in content


def test_meetings_show_their_kind_format_and_moscow_time(client, group):
    meeting = group["meeting"]
    meeting.held_at = datetime.datetime(2023, 10, 12, 9, 5, tzinfo=datetime.UTC)
    meeting.save()
    client.force_login(participant_user(group["mentor"]))

    content = client.get(OVERVIEW).content.decode()

    assert "12.10.2023, 12:05" in content
    with translation.override("ru"):
        assert str(meeting.get_kind_display()) in content
        assert str(meeting.get_format_display()).lower() in content


def test_a_mentee_who_left_the_group_no_longer_sees_it(client, group):
    membership = group["pair"].mentees.get(mentee=group["mentee"])
    membership.left_on = datetime.date(2023, 12, 1)
    membership.left_reason = "Перевелась в другую школу"
    membership.save()
    client.force_login(participant_user(group["mentee"]))

    content = client.get(OVERVIEW).content.decode()

    assert "Олимпиадная математика" not in content
    assert "Соседова" not in content
    assert client.get(feedback_url(group["meeting"])).status_code == 404


def test_a_draft_pair_is_not_shown_until_it_is_approved(client):
    draft = PairFactory(status=PairStatus.DRAFT, programme__title="Программа в работе")
    membership = PairMenteeFactory(pair=draft)
    client.force_login(participant_user(membership.mentee))

    content = client.get(OVERVIEW).content.decode()

    assert "Программа в работе" not in content
    assert (
        russian(
            "You are not in any pair or group yet. The curator of the programme will let you "
            "know when one is approved."
        )
        in content
    )


def test_a_mentee_sees_the_meetings_since_they_joined(client, group):
    earlier = MeetingFactory(pair=group["pair"], held_at=moscow(2023, 10, 2), topic="Знакомство")
    newcomer = PairMenteeFactory(pair=group["pair"], joined_on=datetime.date(2023, 10, 5)).mentee
    client.force_login(participant_user(newcomer))

    content = client.get(OVERVIEW).content.decode()

    assert "Разбор олимпиадных задач" in content
    assert "Знакомство" not in content
    assert client.get(feedback_url(earlier)).status_code == 404


def test_overview_marks_given_feedback_and_links_the_rest(client, group):
    mentor = group["mentor"]
    given = group["meeting"]
    FeedbackFactory(meeting=given, author=mentor)
    pending = MeetingFactory(pair=group["pair"], held_at=moscow(2023, 11, 7), topic="Планирование")
    upcoming = MeetingFactory(
        pair=group["pair"], held_at=timezone.now() + datetime.timedelta(days=3), topic="Итоги"
    )
    client.force_login(participant_user(mentor))

    content = client.get(OVERVIEW).content.decode()

    assert feedback_url(given) not in content
    assert feedback_url(pending) in content
    assert feedback_url(upcoming) not in content
    assert russian("Feedback given") in content
    assert russian("Planned meetings") in content
    assert content.index("Итоги") < content.index(russian("Held meetings"))


def test_overview_queries_do_not_grow_with_pairs_and_meetings(client):
    def cabinet_of(pairs: int, meetings: int):
        programme = ProgrammeFactory(max_mentees_per_mentor=100)
        person = ParticipantFactory(
            organisation=programme.organisation, is_mentor=True, is_mentee=True
        )
        for number in range(pairs):
            if number % 2:
                pair = PairFactory(programme=programme, active=True)
                PairMenteeFactory(pair=pair, mentee=person)
            else:
                pair = PairFactory(programme=programme, active=True, mentor=person)
            PairMenteeFactory(pair=pair)
            PairMenteeFactory(pair=pair)
            for day in range(meetings):
                meeting = MeetingFactory(pair=pair, held_at=moscow(2023, 10, 2 + day))
                if day % 2:
                    FeedbackFactory(meeting=meeting, author=person)
        return participant_user(person)

    small, large = cabinet_of(pairs=2, meetings=3), cabinet_of(pairs=6, meetings=10)
    client.force_login(small)
    client.get(OVERVIEW)  # warm the caches (site, content types) the first request fills

    with CaptureQueriesContext(connection) as small_queries:
        small_content = client.get(OVERVIEW).content.decode()
    client.force_login(large)
    with CaptureQueriesContext(connection) as large_queries:
        large_content = client.get(OVERVIEW).content.decode()

    assert small_content.count('<li class="card">') == 2
    assert large_content.count('<li class="card">') == 6
    assert len(large_queries) == len(small_queries), [q["sql"] for q in large_queries]
    assert len(small_queries) <= 15, [q["sql"] for q in small_queries]


# --- the feedback form ------------------------------------------------------------------------


def test_feedback_form_shows_the_meeting_and_five_ratings(client, group):
    client.force_login(participant_user(group["mentee"]))

    response = client.get(feedback_url(group["meeting"]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Разбор олимпиадных задач" in content
    assert "10.10.2023, 15:30" in content
    assert content.count('type="radio" name="rating"') == 5
    assert f'maxlength="{COMMENT_MAX_LENGTH}"' in content


def test_submitting_feedback_saves_one_row_with_history_and_redirects(client, group):
    user = participant_user(group["mentee"])
    client.force_login(user)

    response = client.post(feedback_url(group["meeting"]), {"rating": "4", "comment": "Понятно"})

    assert response.status_code == 302
    assert response["Location"] == OVERVIEW
    feedback = Feedback.objects.get()
    assert (feedback.meeting, feedback.author) == (group["meeting"], group["mentee"])
    assert (feedback.rating, feedback.comment) == (4, "Понятно")
    assert feedback.history.get().history_user == user
    overview = client.get(response["Location"]).content.decode()
    assert russian("Thank you! Your feedback has been saved.") in overview
    assert feedback_url(group["meeting"]) not in overview


def test_submitting_again_shows_a_message_and_saves_nothing_more(client, group):
    client.force_login(participant_user(group["mentee"]))
    url = feedback_url(group["meeting"])
    client.post(url, {"rating": "4", "comment": ""})

    response = client.post(url, {"rating": "1", "comment": "Передумала"}, follow=True)

    assert response.redirect_chain == [(OVERVIEW, 302)]
    assert russian("You have already given feedback on this meeting.") in (
        response.content.decode()
    )
    assert list(Feedback.objects.values_list("rating", flat=True)) == [4]


def test_the_form_page_shows_the_feedback_already_given(client, group):
    FeedbackFactory(meeting=group["meeting"], author=group["mentee"], rating=3, comment="Норм")
    client.force_login(participant_user(group["mentee"]))

    content = client.get(feedback_url(group["meeting"])).content.decode()

    assert russian("You have already given feedback on this meeting.") in content
    assert 'name="rating"' not in content
    assert "Норм" in content


@pytest.mark.parametrize("rating", ["0", "6", "abc", "", None])
def test_an_invalid_rating_shows_the_form_with_an_error_and_saves_nothing(client, group, rating):
    client.force_login(participant_user(group["mentee"]))
    data = {"comment": "Без оценки"} | ({} if rating is None else {"rating": rating})

    response = client.post(feedback_url(group["meeting"]), data)

    assert response.status_code == 200
    content = response.content.decode()
    assert russian("Choose a rating from 1 to 5.") in content
    assert "Без оценки" in content  # what was typed is kept
    assert not Feedback.objects.exists()


def test_a_too_long_comment_shows_an_error_and_saves_nothing(client, group):
    client.force_login(participant_user(group["mentee"]))

    response = client.post(
        feedback_url(group["meeting"]), {"rating": "5", "comment": "а" * (COMMENT_MAX_LENGTH + 1)}
    )

    assert response.status_code == 200
    message = russian(
        "The comment is too long: %(show_value)d characters, at most %(limit_value)d."
    ) % {"show_value": COMMENT_MAX_LENGTH + 1, "limit_value": COMMENT_MAX_LENGTH}
    assert message in response.content.decode()
    assert not Feedback.objects.exists()


def test_someone_elses_meeting_is_not_found_and_nothing_is_saved(client, group):
    outsider = PairMenteeFactory(pair=PairFactory(active=True)).mentee
    client.force_login(participant_user(outsider))
    url = feedback_url(group["meeting"])

    assert client.get(url).status_code == 404
    assert client.post(url, {"rating": "5", "comment": ""}).status_code == 404
    assert not Feedback.objects.exists()


def test_a_meeting_still_to_come_cannot_be_rated_yet(client, group):
    upcoming = MeetingFactory(
        pair=group["pair"], held_at=timezone.now() + datetime.timedelta(days=1), topic="Итоги"
    )
    client.force_login(participant_user(group["mentee"]))

    page = client.get(feedback_url(upcoming))
    refused = client.post(feedback_url(upcoming), {"rating": "5", "comment": ""})

    assert page.status_code == 200
    assert 'name="rating"' not in page.content.decode()
    assert russian("Feedback can be given once the meeting has taken place.") in (
        page.content.decode()
    )
    assert refused.status_code == 400
    assert not Feedback.objects.exists()


def test_the_mentor_and_a_mentee_rate_the_same_meeting_separately(client, group):
    for person in (group["mentor"], group["mentee"]):
        client.force_login(participant_user(person))
        client.post(feedback_url(group["meeting"]), {"rating": "5", "comment": ""})

    assert set(Feedback.objects.values_list("author", flat=True)) == {
        group["mentor"].pk,
        group["mentee"].pk,
    }
