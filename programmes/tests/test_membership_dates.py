"""A mentee the pair is formed with is in it from the pair's start, so their cabinet shows
the group's meetings since then; a curator corrects the dates, with a reason."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from portal.tests.access import OK, REFUSED, outcome
from portal.tests.factories import user_with_role
from programmes.cabinet.selectors import cabinet_pairs
from programmes.models import Pair, PairMentee, PairStatus
from programmes.services.feedback import feedback_submit
from programmes.services.pairs import membership_correct_dates, pair_save
from programmes.tests.factories import (
    ConsentFactory,
    MeetingFactory,
    OrderFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def programme():
    return ProgrammeFactory(start_date=ago(200), end_date=ago(-200))


def mentee_of(programme):
    participant = ParticipantFactory(organisation=programme.organisation, mentee=True)
    ConsentFactory(participant=participant)
    return participant


def formed_pair(programme, mentees, *, start=None) -> Pair:
    mentor = ParticipantFactory(organisation=programme.organisation)
    ConsentFactory(participant=mentor)
    pair = Pair(
        programme=programme,
        mentor=mentor,
        start_date=start or ago(40),
        status=PairStatus.ACTIVE,
        order=OrderFactory(organisation=programme.organisation, date=ago(45)),
    )
    return pair_save(pair=pair, mentees=mentees, reason="Приказ о закреплении")


def test_mentees_formed_with_the_pair_join_on_its_start(programme):
    mentee = mentee_of(programme)

    pair = formed_pair(programme, [mentee])

    assert PairMentee.objects.get(pair=pair).joined_on == pair.start_date


def test_a_mentee_added_to_a_running_pair_joins_on_the_day_added(programme):
    first, later = mentee_of(programme), mentee_of(programme)
    pair = formed_pair(programme, [first])

    pair_save(pair=pair, mentees=[first, later], reason="Пришёл новый ученик")

    assert PairMentee.objects.get(mentee=later).joined_on == timezone.localdate()
    assert PairMentee.objects.get(mentee=first).joined_on == pair.start_date


def test_correcting_the_pairs_start_moves_those_who_joined_on_it(programme):
    first, later = mentee_of(programme), mentee_of(programme)
    pair = formed_pair(programme, [first])
    pair_save(pair=pair, mentees=[first, later], reason="Пришёл новый ученик")

    pair.start_date = ago(50)
    pair_save(pair=pair, mentees=[first, later], reason="Дата приказа уточнена")

    assert PairMentee.objects.get(mentee=first).joined_on == ago(50)
    assert PairMentee.objects.get(mentee=later).joined_on == timezone.localdate()


def test_the_mentees_cabinet_shows_the_groups_meetings_since_the_start(programme):
    mentee = mentee_of(programme)
    pair = formed_pair(programme, [mentee])
    earlier = MeetingFactory(
        pair=pair, held_at=timezone.now() - datetime.timedelta(days=30), topic="Знакомство"
    )

    [card] = cabinet_pairs(participant=mentee)

    assert [m.pk for m in card.held_meetings] == [earlier.pk]
    feedback_submit(meeting=earlier, author=mentee, rating=5, comment="")


def test_a_correction_needs_a_reason_and_a_day_within_the_pair(programme):
    mentee = mentee_of(programme)
    pair = formed_pair(programme, [mentee])
    membership = PairMentee.objects.get(pair=pair)

    with pytest.raises(ValidationError) as no_reason:
        membership_correct_dates(membership=membership, joined_on=ago(30), left_on=None, reason="")
    with pytest.raises(ValidationError) as too_early:
        membership_correct_dates(
            membership=membership, joined_on=ago(41), left_on=None, reason="Ошибка ввода"
        )

    assert "change_reason" in no_reason.value.message_dict
    assert "joined_on" in too_early.value.message_dict
    membership.refresh_from_db()
    assert membership.joined_on == pair.start_date


def test_a_correction_is_kept_in_the_history_with_its_reason(programme):
    mentee = mentee_of(programme)
    membership = PairMentee.objects.get(pair=formed_pair(programme, [mentee]))

    membership_correct_dates(
        membership=membership,
        joined_on=ago(30),
        left_on=ago(5),
        left_reason="Перевёлся в другую школу",
        reason="По журналу посещений",
    )

    latest = membership.history.first()
    assert (latest.joined_on, latest.left_on) == (ago(30), ago(5))
    assert latest.history_change_reason == "По журналу посещений"


def _curator(programme):
    curator = user_with_role("curator")
    programme.organisation.members.add(curator)
    return curator


def test_curator_corrects_the_dates_on_the_memberships_edit_screen(client, programme):
    mentee = mentee_of(programme)
    membership = PairMentee.objects.get(pair=formed_pair(programme, [mentee]))
    client.force_login(_curator(programme))
    url = f"/admin/programmes/pairmentee/edit/{membership.pk}/"
    data = {"joined_on": ago(35).strftime("%d.%m.%Y"), "left_on": "", "left_reason": ""}

    without_reason = client.post(url, {**data, "change_reason": ""})
    before_start = client.post(
        url, {**data, "joined_on": ago(60).strftime("%d.%m.%Y"), "change_reason": "Ошибка"}
    )
    corrected = client.post(url, {**data, "change_reason": "Ошибка ввода"})

    assert without_reason.status_code == 200
    assert "change_reason" in without_reason.context["form"].errors
    assert "joined_on" in before_start.context["form"].errors
    assert corrected.status_code == 302
    membership.refresh_from_db()
    assert membership.joined_on == ago(35)
    assert membership.history.first().history_change_reason == "Ошибка ввода"


def test_memberships_are_not_created_or_deleted_on_their_own_screen(client, programme):
    mentee = mentee_of(programme)
    membership = PairMentee.objects.get(pair=formed_pair(programme, [mentee]))
    client.force_login(_curator(programme))

    assert outcome(client.get("/admin/programmes/pairmentee/create/")) == REFUSED
    assert outcome(client.post(f"/admin/programmes/pairmentee/delete/{membership.pk}/")) == REFUSED
    assert outcome(client.get(reverse("programmes_pairmentee_modeladmin_index"))) == OK
    assert PairMentee.objects.filter(pk=membership.pk).exists()


def _migrate():
    module = importlib.import_module("programmes.migrations.0014_pair_mentees_join_on_pair_start")
    module.join_on_pair_start(apps, None)


def test_the_migration_moves_mentees_entered_with_the_pair_to_its_start(programme):
    mentee = mentee_of(programme)
    pair = formed_pair(programme, [mentee])
    membership = PairMentee.objects.get(pair=pair)
    # As the old pair_save left it: joined on the day the pair was entered.
    PairMentee.objects.filter(pk=membership.pk).update(joined_on=timezone.localdate())

    _migrate()

    membership.refresh_from_db()
    assert membership.joined_on == pair.start_date
    assert membership.history.first().history_type == "~"


def test_the_migration_leaves_a_mentee_added_later_alone(programme):
    first, later = mentee_of(programme), mentee_of(programme)
    pair = formed_pair(programme, [first])
    pair_save(pair=pair, mentees=[first, later], reason="Пришёл новый ученик")
    # The pair was entered a week before the mentee was added.
    pair.history.filter(history_type="+").update(
        history_date=timezone.now() - datetime.timedelta(days=7)
    )

    _migrate()

    assert PairMentee.objects.get(mentee=later).joined_on == timezone.localdate()
