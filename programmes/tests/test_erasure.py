"""Erasure of a participant's personal data: everywhere, with an act that names no one."""

import datetime
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page

from portal.roles import PARTICIPANTS
from portal.tests.factories import UserFactory, user_with_role
from programmes.models import (
    Consent,
    ErasureAct,
    Feedback,
    Meeting,
    PairMentee,
    Participant,
    ParticipantStatus,
)
from programmes.selectors.erasure import participants_due_for_erasure
from programmes.services.consents import consent_withdraw
from programmes.services.erasure import participant_erase
from programmes.tests.factories import (
    ConsentFactory,
    FeedbackFactory,
    MeetingFactory,
    OrganisationFactory,
    PairFactory,
    PairMenteeFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail's admin answers a refused request with 403, or a redirect to its home page."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


LAST_NAME = "Стирайкина"
EMAIL = "stiraykina.eva@mail.example"
PHONE = "+7 910 555-12-34"
PARENT = "Стирайкин Олег Петрович"


def every_text_in_the_database() -> list[tuple[str, str, str]]:
    """(table, column, value) of every value of every model's table, history and Wagtail's included."""
    tables = set(connection.introspection.table_names())
    found = []
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if opts.proxy or not opts.managed or opts.db_table not in tables:
            continue
        columns = [field.attname for field in opts.concrete_fields]
        for row in model._base_manager.values_list(*columns):
            for column, value in zip(columns, row, strict=True):
                if value not in (None, ""):
                    found.append((opts.db_table, column, str(value)))
    return found


def traces_of(*needles: str) -> list[tuple[str, str, str]]:
    lowered = [needle.lower() for needle in needles]
    return [
        (table, column, value)
        for table, column, value in every_text_in_the_database()
        if any(needle in value.lower() for needle in lowered)
    ]


@pytest.fixture
def mentee_everywhere(django_capture_on_commit_callbacks):
    """A mentee whose data are in every place the portal keeps personal data."""
    programme = ProgrammeFactory()
    pair = PairFactory(
        programme=programme,
        active=True,
        goals="Помочь Стирайкиной с олимпиадой",
    )
    membership = PairMenteeFactory(
        pair=pair,
        mentee__last_name=LAST_NAME,
        mentee__first_name="Ева",
        mentee__patronymic="Олеговна",
        mentee__email=EMAIL,
        mentee__phone=PHONE,
        mentee__requests=f"{LAST_NAME} хочет решать олимпиадные задачи",
    )
    mentee = membership.mentee
    account = UserFactory(username="eva", first_name="Ева", last_name=LAST_NAME, email=EMAIL)
    account.groups.add(Group.objects.get(name=PARTICIPANTS))
    mentee.user = account
    mentee._change_reason = f"Привязана учётная запись {LAST_NAME}ой"
    mentee.save()
    mentee.phone = "+7 910 000-00-00"
    mentee.save()  # a second history row with the old phone before it

    consent = ConsentFactory(
        participant=mentee,
        representative_name=PARENT,
        subject_name=f"{LAST_NAME} Ева Олеговна",
        subject_address="г. Кстово, ул. Садовая, д. 5, кв. 12",
        subject_document="свидетельство о рождении IV-ТН № 123456",
        subject_document_date=datetime.date(2010, 2, 20),
        subject_document_issuer="Отдел ЗАГС Кстовского района",
        text=f"Я, {PARENT}, даю согласие…",
        ip_address="192.0.2.15",
        user_agent="Mozilla/5.0 (Android 14)",
    )
    consent.scan.save(f"{LAST_NAME}_согласие.pdf", ContentFile(b"%PDF-1.4 signed"), save=True)
    for person in (pair.mentor, PairMenteeFactory(pair=pair).mentee):
        ConsentFactory(participant=person)

    meeting = MeetingFactory(pair=pair, outcome=f"{LAST_NAME} решила две задачи из трёх")
    FeedbackFactory(meeting=meeting, author=mentee, comment="Мне, Еве Стирайкиной, понравилось")
    FeedbackFactory(meeting=meeting, comment=f"{LAST_NAME} молодец")  # the mentor's

    log(instance=mentee, action="wagtail.edit")  # what the admin writes on every edit
    log(instance=consent, action="wagtail.create")

    root = Page.objects.get(depth=1)
    Invitation = apps.get_model("forms_app", "Invitation")
    Submission = apps.get_model("forms_app", "QuestionnaireSubmission")
    invitation = Invitation.objects.create(
        participant=mentee,
        page=root,
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    Submission.objects.create(
        page=root,
        participant=mentee,
        invitation=invitation,
        form_data={"last_name": LAST_NAME, "email": EMAIL, "phone": PHONE},
        ip_address="192.0.2.15",
    )
    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(consent=consent, reason=f"Заявление {PARENT}")
    return {
        "mentee": Participant.objects.get(pk=mentee.pk),
        "pair": pair,
        "membership": membership,
        "meeting": meeting,
        "consent": consent,
        "account": account,
        "organisation": programme.organisation,
    }


def test_the_fixture_has_the_name_in_many_tables(mentee_everywhere):
    tables = {table for table, _column, _value in traces_of("Стирайкин")}

    assert {
        "programmes_participant",
        "programmes_historicalparticipant",
        "programmes_consent",
        "programmes_historicalconsent",
        "programmes_pair",
        "programmes_meeting",
        "programmes_feedback",
        "forms_app_questionnairesubmission",
        "wagtailcore_modellogentry",
        "auth_user",
    } <= tables


def test_erasure_leaves_no_trace_of_the_participant_in_any_table(
    mentee_everywhere, django_capture_on_commit_callbacks
):
    mentee = mentee_everywhere["mentee"]
    scan = mentee_everywhere["consent"].scan
    storage, scan_name = scan.storage, scan.name
    assert storage.exists(scan_name)

    with django_capture_on_commit_callbacks(execute=True):
        participant_erase(participant=mentee, user=user_with_role("curator"))

    assert traces_of(LAST_NAME, "Стирайкин", EMAIL, PHONE, "Олеговна", "192.0.2.15") == []
    assert not storage.exists(scan_name)


def test_erasure_keeps_the_programme_records_pointing_at_the_anonymised_participant(
    mentee_everywhere,
):
    mentee = mentee_everywhere["mentee"]

    participant_erase(participant=mentee)

    erased = Participant.objects.get(pk=mentee.pk)
    assert erased.full_name == f"Удалён(а) #{mentee.pk}"
    assert erased.status == ParticipantStatus.LEFT
    assert erased.user is None
    assert (erased.email, erased.phone, erased.birth_date, erased.requests) == ("", "", None, "")
    membership = PairMentee.objects.get(pk=mentee_everywhere["membership"].pk)
    assert membership.mentee_id == mentee.pk
    assert membership.left_on is not None
    consent = Consent.objects.get(pk=mentee_everywhere["consent"].pk)
    assert consent.withdrawn_on == timezone.localdate()
    assert (consent.representative_name, consent.subject_name, consent.text, consent.scan.name) == (
        "",
        "",
        "",
        "",
    )
    assert Feedback.objects.get(author=mentee).rating == 5
    assert Meeting.objects.get(pk=mentee_everywhere["meeting"].pk).outcome.startswith(
        f"Удалён(а) #{mentee.pk}"
    )
    account = type(mentee_everywhere["account"]).objects.get(pk=mentee_everywhere["account"].pk)
    assert not account.is_active
    assert not account.has_usable_password()
    assert not apps.get_model("forms_app", "Invitation").objects.exists()


def test_the_erasure_act_records_what_was_erased_and_no_personal_data(mentee_everywhere):
    mentee = mentee_everywhere["mentee"]
    curator = user_with_role("curator")

    act = participant_erase(participant=mentee, user=curator)

    act = ErasureAct.objects.get(pk=act.pk)
    assert act.former_participant_id == mentee.pk
    assert act.organisation == mentee_everywhere["organisation"]
    assert act.erased_by == curator
    assert act.consent_withdrawn_on == timezone.localdate()
    assert len(act.erased_data) >= 5
    assert any("uestionnaire" in label or "анкет" in label for label in act.erased_data)
    assert act.history.count() == 1
    for text in (str(act), act.erased_data_display(), str(act.erased_data)):
        for personal in (LAST_NAME, "Ева", EMAIL, PHONE, PARENT):
            assert personal not in text


def test_a_participant_is_erased_only_once(mentee_everywhere):
    participant_erase(participant=mentee_everywhere["mentee"])

    with pytest.raises(ValidationError):
        participant_erase(participant=mentee_everywhere["mentee"])

    assert ErasureAct.objects.count() == 1


# --- who is due, and the command -------------------------------------------------------------


def withdrawn(days_ago: int, **consent_fields):
    consent = ConsentFactory(**consent_fields)
    consent_withdraw(
        consent=consent,
        reason="Отзыв",
        when=timezone.localdate() - datetime.timedelta(days=days_ago),
    )
    return consent.participant


def test_participants_are_due_for_erasure_thirty_days_after_the_withdrawal():
    today = timezone.localdate()
    due = withdrawn(30)
    overdue = withdrawn(45)
    not_yet = withdrawn(29)
    consented_again = withdrawn(40)
    ConsentFactory(participant=consented_again, given_on=today - datetime.timedelta(days=5))
    dissemination_only = withdrawn(40, kind="dissemination")

    result = set(participants_due_for_erasure(today))

    assert result == {due, overdue}
    assert not_yet not in result and dissemination_only not in result


def test_the_command_erases_those_due_and_reports_each_by_number():
    due = withdrawn(31, participant__last_name="Удаляемов")
    not_yet = withdrawn(3, participant__last_name="Ждущий")
    out = io.StringIO()

    call_command("erase_withdrawn_participants", stdout=out)

    output = out.getvalue()
    assert Participant.objects.get(pk=due.pk).full_name == f"Удалён(а) #{due.pk}"
    assert Participant.objects.get(pk=not_yet.pk).last_name == "Ждущий"
    assert ErasureAct.objects.filter(former_participant_id=due.pk).exists()
    assert str(due.pk) in output
    assert "Удаляемов" not in output
    assert output.strip().splitlines()[-1]  # the summary


def test_the_command_with_dry_run_changes_nothing():
    due = withdrawn(31, participant__last_name="Удаляемов")
    out = io.StringIO()

    call_command("erase_withdrawn_participants", "--dry-run", stdout=out)

    assert Participant.objects.get(pk=due.pk).last_name == "Удаляемов"
    assert not ErasureAct.objects.exists()
    assert str(due.pk) in out.getvalue()


def test_the_command_reports_a_failure_and_goes_on(monkeypatch):
    first = withdrawn(40)
    second = withdrawn(35)
    import programmes.management.commands.erase_withdrawn_participants as command

    real = command.participant_erase

    def failing_for_first(*, participant, user=None):
        if participant.pk == first.pk:
            raise RuntimeError("disk full")
        return real(participant=participant, user=user)

    monkeypatch.setattr(command, "participant_erase", failing_for_first)
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("erase_withdrawn_participants", stdout=io.StringIO(), stderr=err)

    assert str(first.pk) in err.getvalue()
    assert ErasureAct.objects.filter(former_participant_id=second.pk).exists()
    assert not ErasureAct.objects.filter(former_participant_id=first.pk).exists()


# --- the admin ---------------------------------------------------------------------------------

ROLES = ["anonymous", "participant", "editor", "curator", "auditor", "superuser"]
MAY_ERASE = {"curator", "superuser"}


def role_client(client, role, organisation):
    user = user_with_role(role)
    if role in ("curator", "auditor"):
        organisation.members.add(user)
    if user is not None:
        client.force_login(user)
    return user


def erase_url(participant) -> str:
    return f"/admin/programmes/participant/erase/{participant.pk}/"


@pytest.mark.parametrize("role", ROLES)
def test_erasure_in_the_admin_is_for_curators_of_the_organisation_and_superusers(
    client, mentee_everywhere, role
):
    mentee = mentee_everywhere["mentee"]
    role_client(client, role, mentee_everywhere["organisation"])

    get = client.get(erase_url(mentee))
    inspect = client.get(f"/admin/programmes/participant/inspect/{mentee.pk}/")
    post = client.post(erase_url(mentee))

    if role in ("anonymous", "participant"):
        assert get.status_code == post.status_code == 302
        assert "login" in get["Location"]
    elif role in MAY_ERASE:
        assert get.status_code == 200
        assert erase_url(mentee) in inspect.content.decode()
        act = ErasureAct.objects.get(former_participant_id=mentee.pk)
        assert post["Location"] == reverse(
            "programmes_erasureact_modeladmin_inspect", args=[act.pk]
        )
    else:
        assert refused(get) and refused(post)
        if inspect.status_code == 200:  # auditors inspect, but see no button
            assert erase_url(mentee) not in inspect.content.decode()
    assert ErasureAct.objects.exists() is (role in MAY_ERASE)


def test_a_curator_of_another_organisation_cannot_erase(client, mentee_everywhere):
    role_client(client, "curator", OrganisationFactory())

    assert refused(client.get(erase_url(mentee_everywhere["mentee"])))
    assert refused(client.post(erase_url(mentee_everywhere["mentee"])))
    assert not ErasureAct.objects.exists()


ACT_READERS = {"curator", "auditor", "superuser"}


@pytest.mark.parametrize("role", ROLES)
def test_erasure_acts_are_read_only_for_everyone(client, mentee_everywhere, role):
    act = participant_erase(participant=mentee_everywhere["mentee"])
    role_client(client, role, mentee_everywhere["organisation"])
    base = "/admin/programmes/erasureact"

    index = client.get(f"{base}/")
    inspect = client.get(f"{base}/inspect/{act.pk}/")
    writes = [
        client.get(f"{base}/create/"),
        client.get(f"{base}/edit/{act.pk}/"),
        client.get(f"{base}/delete/{act.pk}/"),
        client.post(f"{base}/delete/{act.pk}/"),
    ]

    if role in ("anonymous", "participant"):
        assert index.status_code == 302 and "login" in index["Location"]
    elif role in ACT_READERS:
        assert index.status_code == inspect.status_code == 200
        assert str(act.former_participant_id) in inspect.content.decode()
        assert all(refused(response) for response in writes)
    else:
        assert refused(index) and refused(inspect)
    assert ErasureAct.objects.filter(pk=act.pk).exists()


def test_erasure_acts_of_another_organisation_are_not_shown(client, mentee_everywhere):
    act = participant_erase(participant=mentee_everywhere["mentee"])
    role_client(client, "auditor", OrganisationFactory())

    assert refused(client.get(f"/admin/programmes/erasureact/inspect/{act.pk}/"))
    listing = client.get("/admin/programmes/erasureact/")
    assert listing.status_code == 200
    assert f"/admin/programmes/erasureact/inspect/{act.pk}/" not in listing.content.decode()


def test_a_staff_account_of_a_mentor_is_only_unlinked():
    mentor = ConsentFactory().participant
    account = user_with_role("curator")
    mentor.user = account
    mentor.save()

    participant_erase(participant=mentor)

    account.refresh_from_db()
    assert account.is_active
    assert account.has_usable_password()
    assert Participant.objects.get(pk=mentor.pk).user is None
