"""History rows carry who changed what, and `diff.describe` makes them readable."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords

from portal.tests.factories import UserFactory
from programmes.history.diff import EMPTY, describe
from programmes.models import (
    Case,
    Meeting,
    MentoringForm,
    Pair,
    PairMentee,
    PairStatus,
    Participant,
    Programme,
)
from programmes.tests.factories import (
    ConsentFactory,
    MeetingFactory,
    OrderFactory,
    PairFactory,
    PairMenteeFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def russian():
    with translation.override("ru"):
        yield


def label(model, name):
    return capfirst(str(model._meta.get_field(name).verbose_name))


def changes_of(version):
    return {change.label: (change.old, change.new) for change in version.changes}


def test_create_update_and_delete_rows_carry_the_user_who_made_them():
    author, editor, remover = UserFactory(), UserFactory(), UserFactory()
    programme = ProgrammeFactory.build(
        organisation=ProgrammeFactory().organisation, form=MentoringForm.objects.first()
    )
    programme._history_user = author
    programme.save()
    programme.title = "Новое название"
    programme._history_user = editor
    programme.save()
    programme_id = programme.pk
    programme._history_user = remover
    programme.delete()

    rows = Programme.history.filter(id=programme_id).order_by("history_date")
    assert [(row.history_type, row.history_user) for row in rows] == [
        ("+", author),
        ("~", editor),
        ("-", remover),
    ]


def test_a_request_user_is_recorded_through_the_history_middleware():
    user = UserFactory()
    request = RequestFactory().get("/admin/")
    request.user = user
    HistoricalRecords.context.request = request
    try:
        participant = ParticipantFactory()
        participant.phone = "+7 900 000-00-00"
        participant.save()
    finally:
        del HistoricalRecords.context.request
    assert set(participant.history.values_list("history_user", flat=True)) == {user.pk}


def test_pair_membership_rows_carry_the_user_and_the_pair():
    curator = UserFactory()
    pair = PairFactory()
    membership = PairMenteeFactory.build(
        pair=pair, mentee=ParticipantFactory(mentee=True, organisation=pair.programme.organisation)
    )
    membership._history_user = curator
    membership.save()
    membership.left_on = datetime.date(2024, 1, 15)
    membership.left_reason = "Перевёлся в другую школу"
    membership._history_user = curator
    membership.save()

    rows = PairMentee.history.filter(pair_id=pair.pk).order_by("history_date")
    assert [(row.history_type, row.history_user_id) for row in rows] == [
        ("+", curator.pk),
        ("~", curator.pk),
    ]
    assert {row.history_organisation_id for row in rows} == {pair.programme.organisation_id}


def test_a_change_shows_choice_labels_and_names_of_related_records():
    pair = PairFactory(mentor__last_name="Смирнова", mentor__first_name="Анна")
    other_mentor = ParticipantFactory(
        organisation=pair.programme.organisation, last_name="Кузнецов", first_name="Олег"
    )
    pair.status = PairStatus.APPROVED
    pair.order = OrderFactory(organisation=pair.programme.organisation, number="48-О")
    pair.mentor = other_mentor
    pair.save()

    version = describe(Pair.history.filter(id=pair.pk).order_by("-history_date"))[0]

    changes = changes_of(version)
    assert changes[label(Pair, "status")] == (
        str(PairStatus.DRAFT.label),
        str(PairStatus.APPROVED.label),
    )
    assert changes[label(Pair, "order")] == (EMPTY, "Приказ № 48-О от 28.09.2023")
    assert changes[label(Pair, "mentor")] == (
        pair.history.earliest().mentor.full_name,
        other_mentor.full_name,
    )
    assert label(Pair, "start_date") not in changes
    assert version.action == _("Changed")


def test_a_creation_lists_the_filled_fields_with_an_empty_old_value():
    participant = ParticipantFactory(
        last_name="Орлова", is_mentor=True, is_mentee=False, patronymic="", email=""
    )

    (version,) = describe(participant.history.all())

    changes = changes_of(version)
    assert version.action == _("Created")
    assert changes[label(Participant, "last_name")] == (EMPTY, "Орлова")
    assert changes[label(Participant, "is_mentor")] == (EMPTY, _("yes"))
    assert changes[label(Participant, "is_mentee")] == (EMPTY, _("no"))
    assert changes[label(Participant, "organisation")] == (EMPTY, str(participant.organisation))
    assert changes[label(Participant, "birth_date")] == (EMPTY, "17.05.1985")
    assert label(Participant, "patronymic") not in changes
    assert label(Participant, "email") not in changes


def test_internal_fields_are_never_listed():
    participant = ParticipantFactory()

    (version,) = describe(participant.history.all())

    names = {change.name for change in version.changes}
    assert "id" not in names
    assert not {name for name in names if name.startswith("history_")}


def test_a_deleted_related_record_is_shown_as_deleted_with_its_id():
    case = Case.objects.create(
        organisation=ProgrammeFactory().organisation, title="Кейс", description="Описание"
    )
    pair = PairFactory(programme__organisation=case.organisation)
    case.pair = pair
    case.save()
    pair_id = pair.pk
    pair.delete()

    version = describe(case.history.order_by("-history_date"))[0]

    assert changes_of(version)[label(Case, "pair")] == (
        EMPTY,
        _("deleted (#%(id)s)") % {"id": pair_id},
    )


def test_a_change_with_no_user_is_by_the_system():
    participant = ParticipantFactory()

    (version,) = describe(participant.history.all())

    assert version.user == _("system")


def test_the_user_is_shown_by_name():
    participant = ParticipantFactory.build(organisation=ProgrammeFactory().organisation)
    participant._history_user = UserFactory(last_name="Петрова", first_name="Ольга")
    participant.save()

    (version,) = describe(participant.history.all())

    assert version.user == "Ольга Петрова"


def test_times_are_local_and_files_show_their_name():
    meeting = MeetingFactory(
        held_at=timezone.make_aware(datetime.datetime(2023, 10, 10, 15, 30)),
    )
    meeting.held_at = datetime.datetime(2023, 10, 11, 9, 0, tzinfo=datetime.UTC)
    meeting.save()
    consent = ConsentFactory()
    consent.scan.save("согласие.pdf", ContentFile(b"%PDF-1.4"), save=True)

    meeting_version = describe(Meeting.history.filter(id=meeting.pk).order_by("-history_date"))[0]
    consent_version = describe(consent.history.order_by("-history_date"))[0]

    assert changes_of(meeting_version)[label(Meeting, "held_at")] == (
        "10.10.2023 15:30",
        "11.10.2023 12:00",
    )
    assert changes_of(consent_version)[label(type(consent), "scan")] == (EMPTY, "согласие.pdf")
    assert meeting_version.date_display == timezone.localtime(meeting_version.date).strftime(
        "%d.%m.%Y %H:%M"
    )


def test_the_change_reason_is_kept():
    participant = ParticipantFactory()
    participant.phone = "+7 900 000-00-01"
    participant._change_reason = "Уточнён телефон"
    participant.save()

    version = describe(participant.history.order_by("-history_date"))[0]

    assert version.reason == "Уточнён телефон"


def test_the_object_is_named_as_it_was_in_that_version_even_when_deleted():
    pair = PairFactory(mentor__last_name="Соколова", mentor__first_name="Вера")
    membership = PairMenteeFactory(pair=pair, mentee__last_name="Ершов")
    membership_id = membership.pk
    membership.delete()

    versions = describe(PairMentee.history.filter(id=membership_id).order_by("-history_date"))

    assert versions[0].action == _("Deleted")
    assert "Ершов" in versions[0].object_label
    assert versions[0].changes == []


def test_describing_more_records_takes_no_more_queries():
    def queries_for(count):
        pairs = [PairFactory() for _ in range(count)]
        for pair in pairs:
            pair.goals = "Цели уточнены"
            pair.save()
            PairMenteeFactory(pair=pair)
        records = list(Pair.history.filter(id__in=[p.pk for p in pairs])) + list(
            PairMentee.history.filter(pair_id__in=[p.pk for p in pairs])
        )
        with CaptureQueriesContext(connection) as queries:
            versions = describe(records)
            [version.object_label for version in versions]
        return len(queries)

    assert queries_for(12) == queries_for(2)
