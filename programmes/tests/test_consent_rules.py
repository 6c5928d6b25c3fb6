"""One consent of a kind in force at a time, the details a written consent names, and the
participant's status when the consent to processing is withdrawn."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal.tests.factories import user_with_role
from programmes.models import (
    Consent,
    ConsentGiver,
    ConsentKind,
    ConsentSource,
    ParticipantStatus,
)
from programmes.models.consents import DUPLICATE
from programmes.services.consents import (
    SUPERSEDED_REASON,
    WITHDRAWAL_STATUS_REASON,
    consent_accept,
    consent_withdraw,
)
from programmes.tests.factories import (
    ConsentFactory,
    PairFactory,
    PairMenteeFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db

CREATE = "/admin/programmes/consent/create/"
DETAILS = {
    "subject_name": "Взрослова Анна Сергеевна",
    "subject_address": "г. Кстово, ул. Ленина, д. 1, кв. 2",
    "subject_document": "паспорт 2204 123456",
    "subject_document_date": datetime.date(2015, 5, 15),
    "subject_document_issuer": "ОУФМС России по Нижегородской обл. в Кстовском р-не",
}


def russian(message: str) -> str:
    with translation.override("ru"):
        return gettext(message)


def accept(participant, **fields):
    return consent_accept(
        participant=participant,
        kind=fields.pop("kind", ConsentKind.PROCESSING),
        text="Текст согласия",
        details=DETAILS,
        given_by=ConsentGiver.PARTICIPANT,
        ip="203.0.113.5",
        user_agent="Firefox",
        **fields,
    )


# --- duplicates ------------------------------------------------------------------------------


def test_a_second_consent_of_the_same_kind_is_refused_and_nothing_is_saved():
    adult = ParticipantFactory()
    first = accept(adult)

    with pytest.raises(ValidationError) as error:
        accept(adult)

    assert [item.code for item in error.value.error_dict["kind"]] == [DUPLICATE]
    assert error.value.message_dict["kind"] == [
        russian(
            "A consent of this kind was already given on %(date)s and is in force. "
            "A second one is not needed; to replace it, withdraw the earlier one first."
        )
        % {"date": first.given_on.strftime("%d.%m.%Y")}
    ]
    assert list(Consent.objects.all()) == [first]


def test_another_kind_an_expired_or_a_withdrawn_consent_does_not_block_a_new_one():
    adult = ParticipantFactory()
    ConsentFactory(participant=adult, valid_until=timezone.localdate() - datetime.timedelta(1))
    ConsentFactory(participant=adult, withdrawn_on=datetime.date(2024, 1, 1))
    accept(adult, kind=ConsentKind.DISSEMINATION)

    accepted = accept(adult)

    assert accepted.is_valid()
    assert Consent.objects.filter(participant=adult).count() == 4


def test_a_replacing_consent_ends_the_earlier_one_without_a_withdrawals_consequences():
    adult = ParticipantFactory()
    membership = PairMenteeFactory(mentee=adult, pair=PairFactory(active=True))
    earlier = accept(adult)

    newer = accept(adult, replaces=earlier)

    earlier.refresh_from_db()
    adult.refresh_from_db()
    membership.refresh_from_db()
    assert earlier.withdrawn_on == timezone.localdate()
    assert earlier.withdrawal_reason == SUPERSEDED_REASON
    assert earlier.history.first().history_change_reason == SUPERSEDED_REASON
    assert newer.is_valid()
    assert adult.status == ParticipantStatus.ACTIVE
    assert membership.left_on is None
    assert mail.outbox == []


def test_the_database_refuses_a_second_open_ended_consent():
    adult = ParticipantFactory()
    ConsentFactory(participant=adult)

    with pytest.raises(IntegrityError), transaction.atomic():
        ConsentFactory(participant=adult, given_on=datetime.date(2024, 2, 1))


def test_the_migration_stops_on_duplicates_already_recorded_and_names_them():
    adult = ParticipantFactory()
    with connection.cursor() as cursor:
        cursor.execute('DROP INDEX "one_open_consent_per_kind"')
    first = ConsentFactory(participant=adult)
    second = ConsentFactory(participant=adult, given_on=datetime.date(2024, 2, 1))
    migration = importlib.import_module("programmes.migrations.0011_one_open_consent_per_kind")

    with pytest.raises(RuntimeError) as error:
        migration.refuse_existing_duplicates(apps, None)

    assert f"participant No. {adult.pk}" in str(error.value)
    assert f"consents No. {first.pk}, {second.pk}" in str(error.value)
    assert Consent.objects.filter(participant=adult).count() == 2


# --- the admin -------------------------------------------------------------------------------


@pytest.fixture
def curator_client(client):
    adult = ParticipantFactory()
    curator = user_with_role("curator")
    adult.organisation.members.add(curator)
    client.force_login(curator)
    client.adult = adult
    return client


def paper_form(participant, **overrides):
    data = {
        "participant": participant.pk,
        "kind": ConsentKind.PROCESSING,
        "given_by": ConsentGiver.PARTICIPANT,
        **{name: value for name, value in DETAILS.items() if "date" not in name},
        "subject_document_date": "15.05.2015",
        "given_on": "01.09.2025",
        "change_reason": "Бумажное согласие",
    }
    data.update(overrides)
    return data


def test_the_admin_records_an_adults_paper_consent_with_its_details(curator_client):
    response = curator_client.post(CREATE, paper_form(curator_client.adult))

    assert response.status_code == 302, response.context["form"].errors
    consent = Consent.objects.get()
    assert (consent.source, consent.subject_document) == (
        ConsentSource.PAPER,
        "паспорт 2204 123456",
    )


def test_the_admin_refuses_an_adults_paper_consent_without_the_document_and_address(
    curator_client,
):
    response = curator_client.post(
        CREATE,
        paper_form(
            curator_client.adult,
            subject_address="",
            subject_document="",
            subject_document_date="",
            subject_document_issuer="",
        ),
    )

    errors = response.context["form"].errors
    assert response.status_code == 200
    assert errors["subject_address"] == [
        russian("Give the address of the person whose data it is.")
    ]
    assert errors["subject_document"] == [
        russian("Give the kind and number of the identity document.")
    ]
    assert errors["subject_document_date"] == [
        russian("Give the date the identity document was issued.")
    ]
    assert errors["subject_document_issuer"] == [russian("Give who issued the identity document.")]
    assert not Consent.objects.exists()


def test_the_admin_refuses_a_second_consent_in_force_and_saves_nothing(curator_client):
    ConsentFactory(participant=curator_client.adult, given_on=datetime.date(2024, 9, 1))

    response = curator_client.post(
        CREATE, paper_form(curator_client.adult, valid_until="31.08.2026")
    )

    assert response.status_code == 200
    assert response.context["form"].errors["kind"] == [
        russian(
            "A consent of this kind was already given on %(date)s and is in force. "
            "A second one is not needed; to replace it, withdraw the earlier one first."
        )
        % {"date": "01.09.2024"}
    ]
    assert Consent.objects.count() == 1


# --- withdrawal and the participant's status ---------------------------------------------------


def test_withdrawing_the_processing_consent_suspends_participation_with_history():
    mentee = ParticipantFactory(mentee=True)
    consent = ConsentFactory(participant=mentee)
    membership = PairMenteeFactory(mentee=mentee, pair=PairFactory(active=True))
    curator = user_with_role("curator")

    consent_withdraw(consent=consent, reason="Заявление родителя", user=curator)

    mentee.refresh_from_db()
    membership.refresh_from_db()
    assert mentee.status == ParticipantStatus.SUSPENDED
    latest = mentee.history.first()
    assert latest.history_change_reason == f"{WITHDRAWAL_STATUS_REASON}: Заявление родителя"
    assert latest.history_user == curator
    assert membership.left_on == timezone.localdate()


def test_withdrawing_dissemination_or_from_a_participant_who_left_keeps_the_status():
    active = ParticipantFactory()
    left = ParticipantFactory(status=ParticipantStatus.LEFT, left_on=datetime.date(2024, 6, 1))
    ConsentFactory(participant=active)
    dissemination = ConsentFactory(participant=active, kind=ConsentKind.DISSEMINATION)
    processing = ConsentFactory(participant=left)

    consent_withdraw(consent=dissemination, reason="Отзыв")
    consent_withdraw(consent=processing, reason="Отзыв")

    active.refresh_from_db()
    left.refresh_from_db()
    assert active.status == ParticipantStatus.ACTIVE
    assert left.status == ParticipantStatus.LEFT


def test_a_new_consent_does_not_make_a_suspended_participant_active_again():
    adult = ParticipantFactory()
    consent_withdraw(consent=ConsentFactory(participant=adult), reason="Отзыв")

    accept(adult)

    adult.refresh_from_db()
    assert adult.status == ParticipantStatus.SUSPENDED


def test_the_curators_learn_that_a_suspended_participant_consented_again(
    django_capture_on_commit_callbacks,
):
    adult = ParticipantFactory()
    curator = user_with_role("curator")
    curator.email = "curator@school.example"
    curator.save()
    adult.organisation.members.add(curator)
    consent_withdraw(consent=ConsentFactory(participant=adult), reason="Отзыв")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        accept(adult)

    adult.refresh_from_db()
    assert adult.status == ParticipantStatus.SUSPENDED
    assert [message.to for message in mail.outbox] == [["curator@school.example"]]
    assert mail.outbox[0].subject.endswith(f" {adult.pk})")
    assert adult.last_name not in mail.outbox[0].body


def test_the_curators_email_says_the_participation_is_suspended(
    django_capture_on_commit_callbacks,
):
    adult = ParticipantFactory()
    curator = user_with_role("curator")
    curator.email = "curator@school.example"
    curator.save()
    adult.organisation.members.add(curator)

    with translation.override("ru"), django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(consent=ConsentFactory(participant=adult), reason="Отзыв")

    assert russian("Participation suspended: consent withdrawn") in mail.outbox[0].body
