"""Pair health: cadence, ratings and «Подходите ли вы друг другу?», with their edge cases."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.roles import PARTICIPANTS
from portal.tests.factories import UserFactory, user_with_role
from programmes.admin.dashboard import ProgrammeSummaryPanel
from programmes.models import Feedback, MeetingKind, Pair, PairStatus
from programmes.selectors.health import ATTENTION, HEALTHY, TOO_EARLY, health_of, with_health
from programmes.services.feedback import NOT_ASKED, feedback_submit
from programmes.tests.factories import (
    FeedbackFactory,
    MeetingFactory,
    OrganisationFactory,
    ProgrammeFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days_ago(days: int, hour: int = 15) -> datetime.datetime:
    day = TODAY - datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


@pytest.fixture
def programme():
    return ProgrammeFactory(
        organisation=OrganisationFactory(),
        start_date=TODAY - datetime.timedelta(days=300),
        end_date=TODAY + datetime.timedelta(days=300),
    )


def active_pair(programme, started_days_ago: int = 60) -> Pair:
    return pair_with_mentees(
        programme=programme,
        active=True,
        start_date=TODAY - datetime.timedelta(days=started_days_ago),
    )


def health(pair):
    return health_of(with_health(Pair.objects.filter(pk=pair.pk)).get(), today=TODAY)


@pytest.mark.parametrize(
    ("last_met", "status", "reasons"),
    [
        (0, HEALTHY, []),
        (14, HEALTHY, []),  # exactly 14 days ago still counts
        (15, ATTENTION, ["нет проведённых встреч 15 дней"]),
        (21, ATTENTION, ["нет проведённых встреч 21 день"]),
        (22, ATTENTION, ["нет проведённых встреч 22 дня"]),
    ],
)
def test_a_pair_meets_at_least_every_fourteen_days(programme, last_met, status, reasons):
    pair = active_pair(programme)
    MeetingFactory(pair=pair, held_at=days_ago(40))
    MeetingFactory(pair=pair, held_at=days_ago(last_met, hour=0))
    # A planned meeting does not count: it has not happened.
    MeetingFactory(pair=pair, held_at=days_ago(-3), status="planned")

    found = health(pair)

    assert (found.status, found.reasons) == (status, reasons)


@pytest.mark.parametrize(
    ("started", "status", "reasons"),
    [
        (0, TOO_EARLY, ["пара работает меньше 14 дней"]),
        (14, TOO_EARLY, ["пара работает меньше 14 дней"]),
        (15, ATTENTION, ["нет проведённых встреч 15 дней"]),
    ],
)
def test_a_new_pair_that_has_not_met_is_too_early_to_judge(programme, started, status, reasons):
    found = health(active_pair(programme, started_days_ago=started))

    assert (found.status, found.reasons) == (status, reasons)
    assert found.label in ("рано судить", "нужно внимание")


def test_a_pair_that_is_not_active_has_no_health(programme):
    draft = pair_with_mentees(programme=programme, start_date=TODAY - datetime.timedelta(days=90))

    assert draft.status == PairStatus.DRAFT and health(draft) is None


def test_a_low_average_rating_needs_attention(programme):
    low, fair = active_pair(programme), active_pair(programme)
    for pair, ratings in ((low, (2, 3)), (fair, (3, 3))):
        meeting = MeetingFactory(pair=pair, held_at=days_ago(2))
        mentee = pair.mentees.get().mentee
        FeedbackFactory(meeting=meeting, author=pair.mentor, rating=ratings[0])
        FeedbackFactory(meeting=meeting, author=mentee, rating=ratings[1])

    assert (health(low).status, health(low).reasons) == (ATTENTION, ["средняя оценка 2,5 из 5"])
    assert health(fair).status == HEALTHY


def test_a_no_to_suiting_each_other_needs_attention_and_names_who_said_it(programme):
    pair = active_pair(programme)
    MeetingFactory(pair=pair, held_at=days_ago(10), kind=MeetingKind.INTRODUCTION)
    first_working = MeetingFactory(pair=pair, held_at=days_ago(5), kind=MeetingKind.WORKING)
    mentee = pair.mentees.get().mentee

    feedback_submit(meeting=first_working, author=pair.mentor, rating=4, comment="", suits=True)
    assert health(pair).status == HEALTHY
    feedback_submit(meeting=first_working, author=mentee, rating=4, comment="", suits=False)

    found = health(pair)
    assert (found.status, found.reasons) == (
        ATTENTION,
        ["наставляемый ответил, что пара не подходит"],
    )
    assert found.summary == "нужно внимание: наставляемый ответил, что пара не подходит"


def test_the_question_is_asked_only_after_the_first_working_meeting(client, programme):
    pair = active_pair(programme)
    introduction = MeetingFactory(pair=pair, held_at=days_ago(10), kind=MeetingKind.INTRODUCTION)
    first = MeetingFactory(pair=pair, held_at=days_ago(7), kind=MeetingKind.WORKING)
    second = MeetingFactory(pair=pair, held_at=days_ago(3), kind=MeetingKind.WORKING)
    mentee = pair.mentees.get().mentee
    user = UserFactory()
    user.groups.add(Group.objects.get(name=PARTICIPANTS))
    mentee.user = user
    mentee.save()
    client.force_login(user)

    asked = {
        meeting.kind + str(meeting.pk == first.pk): "Подходите ли вы друг другу?"
        in client.get(reverse("cabinet:feedback", args=[meeting.pk])).content.decode()
        for meeting in (introduction, first, second)
    }
    with pytest.raises(ValidationError) as refused:
        feedback_submit(meeting=second, author=mentee, rating=5, comment="", suits=False)
    mentor_user = UserFactory()
    mentor_user.groups.add(Group.objects.get(name=PARTICIPANTS))
    pair.mentor.user = mentor_user
    pair.mentor.save()
    client.force_login(mentor_user)
    unanswered = client.post(reverse("cabinet:feedback", args=[first.pk]), {"rating": 4})
    client.force_login(user)
    answered = client.post(
        reverse("cabinet:feedback", args=[first.pk]), {"rating": 4, "suits": "no"}
    )

    assert asked == {"introductionFalse": False, "workingTrue": True, "workingFalse": False}
    assert refused.value.error_dict["suits"][0].code == NOT_ASKED
    assert unanswered.status_code == 302 and answered.status_code == 302
    assert Feedback.objects.get(meeting=first, author=pair.mentor).suits is None
    assert Feedback.objects.get(meeting=first, author=mentee).suits is False


def _dashboard(curator):
    with CaptureQueriesContext(connection) as queries:
        context = ProgrammeSummaryPanel(curator).get_context_data()
    return context, len(queries)


def test_the_dashboard_lists_pairs_needing_attention_in_a_fixed_number_of_queries(programme):
    curator = user_with_role("curator")
    programme.organisation.members.add(curator)
    active_pair(programme, started_days_ago=3)  # too early: not listed
    fine = active_pair(programme)
    MeetingFactory(pair=fine, held_at=days_ago(1))
    neglected = active_pair(programme, started_days_ago=21)
    elsewhere = active_pair(ProgrammeFactory(start_date=programme.start_date))

    _dashboard(curator)  # the user's organisations are read once and kept on the user
    few, few_queries = _dashboard(curator)
    for _ in range(15):
        active_pair(programme, started_days_ago=30)
    many, many_queries = _dashboard(curator)

    assert [item["reasons"] for item in few["attention"]] == [["нет проведённых встреч 21 день"]]
    assert few["attention"][0]["url"] == reverse(
        "programmes_pair_modeladmin_inspect", args=[neglected.pk]
    )
    assert few["attention_count"] == 1 and many["attention_count"] == 16
    assert str(elsewhere) not in str(many["attention"])
    assert many_queries == few_queries


def test_the_pairs_list_shows_health_and_filters_by_it(client, programme):
    curator = user_with_role("curator")
    programme.organisation.members.add(curator)
    neglected = active_pair(programme, started_days_ago=21)
    fine = active_pair(programme)
    MeetingFactory(pair=fine, held_at=days_ago(1))
    early = active_pair(programme, started_days_ago=2)
    client.force_login(curator)
    index = reverse("programmes_pair_modeladmin_index")

    listed = client.get(index).content.decode()
    attention = client.get(index, {"health": "attention"}).content.decode()
    healthy = client.get(index, {"health": "healthy"}).content.decode()
    too_early = client.get(index, {"health": "too_early"}).content.decode()

    assert "нужно внимание: нет проведённых встреч 21 день" in listed and "в норме" in listed
    assert neglected.mentor.last_name in attention and fine.mentor.last_name not in attention
    assert fine.mentor.last_name in healthy and neglected.mentor.last_name not in healthy
    assert early.mentor.last_name in too_early and early.mentor.last_name not in healthy
    assert early.mentor.last_name not in attention
