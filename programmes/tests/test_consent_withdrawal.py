"""Withdrawing a consent: from the cabinet, by a curator in the admin, and what follows."""

import datetime
import time

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from portal.roles import PARTICIPANTS
from portal.tests.factories import UserFactory, user_with_role
from portal.tests.silent_server import silent_server
from programmes.cabinet.views import CABINET_WITHDRAWAL_REASON
from programmes.models import Consent, ConsentKind, PairMentee, PairStatus, ParticipantStatus
from programmes.selectors.erasure import participants_awaiting_erasure
from programmes.services.consents import consent_withdraw
from programmes.tests.factories import (
    ConsentFactory,
    OrganisationFactory,
    PairFactory,
    PairMenteeFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def refused(response) -> bool:
    """Wagtail's admin answers a refused request with 403, or a redirect to its home page."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


OVERVIEW = reverse("cabinet:overview")


def russian(message: str) -> str:
    """The message as the Russian interface shows it (English until it is translated)."""
    with translation.override("ru"):
        return gettext(message)


class FailingEmailBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


def link_user(participant, username=None):
    user = UserFactory(**({"username": username} if username else {}))
    user.groups.add(Group.objects.get(name=PARTICIPANTS))
    participant.user = user
    participant.save()
    return user


@pytest.fixture
def world():
    """An active group: a mentor, the mentee who withdraws, and another mentee; staff."""
    programme = ProgrammeFactory()
    organisation = programme.organisation
    pair = PairFactory(programme=programme, active=True, mentor__last_name="Наставникова")
    membership = PairMenteeFactory(
        pair=pair, mentee__last_name="Отзывова", mentee__first_name="Вера"
    )
    other = PairMenteeFactory(pair=pair, mentee__last_name="Остающийся")
    mentee = membership.mentee
    for person in (pair.mentor, mentee, other.mentee):
        ConsentFactory(participant=person)
    curator = user_with_role("curator")
    curator.email = "curator@school.example"
    curator.save()
    auditor = user_with_role("auditor")
    auditor.email = "auditor@school.example"
    auditor.save()
    organisation.members.add(curator, auditor)
    return {
        "organisation": organisation,
        "pair": pair,
        "mentee": mentee,
        "membership": membership,
        "other_membership": other,
        "consent": mentee.consents.get(),
        "curator": curator,
        "auditor": auditor,
    }


def withdrawal_url(consent) -> str:
    return reverse("cabinet:consent_withdrawal", args=[consent.pk])


# --- the cabinet -------------------------------------------------------------------------------


def test_overview_lists_the_participants_own_consents_with_a_withdraw_button(client, world):
    client.force_login(link_user(world["mentee"]))

    response = client.get(OVERVIEW)

    content = response.content.decode()
    assert gettext("My consents") in content
    assert world["consent"].get_kind_display() in content
    assert world["consent"].given_on.strftime("%d.%m.%Y") in content
    assert withdrawal_url(world["consent"]) in content
    others = Consent.objects.exclude(participant=world["mentee"])
    assert all(withdrawal_url(consent) not in content for consent in others)


def test_withdrawal_from_the_cabinet_asks_for_confirmation_first(client, world):
    client.force_login(link_user(world["mentee"]))

    response = client.get(withdrawal_url(world["consent"]))

    assert response.status_code == 200
    assert 'method="post"' in response.content.decode()
    world["consent"].refresh_from_db()
    assert world["consent"].withdrawn_on is None


def test_withdrawal_from_the_cabinet_takes_the_participant_out_of_open_pairs_and_tells_the_curator(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(link_user(world["mentee"]))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(withdrawal_url(world["consent"]))

    assert response.status_code == 302
    assert response["Location"] == OVERVIEW
    today = timezone.localdate()
    consent = Consent.objects.get(pk=world["consent"].pk)
    assert consent.withdrawn_on == today
    assert consent.withdrawal_reason == CABINET_WITHDRAWAL_REASON
    membership = PairMentee.objects.get(pk=world["membership"].pk)
    assert membership.left_on == today
    assert membership.left_reason == CABINET_WITHDRAWAL_REASON
    assert membership.history.first().history_change_reason == CABINET_WITHDRAWAL_REASON
    assert PairMentee.objects.get(pk=world["other_membership"].pk).left_on is None
    assert world["mentee"] in participants_awaiting_erasure(today)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["curator@school.example"]
    for personal in ("Отзывова", "Вера", world["mentee"].full_name):
        assert personal not in message.body
        assert personal not in message.subject
    assert (
        reverse("programmes_participant_modeladmin_inspect", args=[world["mentee"].pk])
        in message.body
    )

    followed = client.get(OVERVIEW)
    messages = [str(m) for m in followed.context["messages"]]
    assert any(
        russian(
            "Your consent has been withdrawn. The curator has been told; unless you give a new consent, your personal data will be erased within 30 days."
        )
        == m
        for m in messages
    )


def test_a_failing_mail_server_keeps_the_withdrawal(
    client, world, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.FailingEmailBackend"
    client.force_login(link_user(world["mentee"]))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(withdrawal_url(world["consent"]))

    assert response.status_code == 302
    assert Consent.objects.get(pk=world["consent"].pk).withdrawn_on == timezone.localdate()
    assert PairMentee.objects.get(pk=world["membership"].pk).left_on == timezone.localdate()


def test_a_hung_mail_server_delays_the_withdrawal_by_its_timeout_only(
    client, world, settings, django_capture_on_commit_callbacks
):
    client.force_login(link_user(world["mentee"]))
    with silent_server() as smtp:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", smtp.port, 2
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(withdrawal_url(world["consent"]))
        elapsed = time.monotonic() - started

    assert elapsed < 10  # the timeout and a margin, not forever
    assert response.status_code == 302
    assert len(smtp.connections) == 1
    assert Consent.objects.get(pk=world["consent"].pk).withdrawn_on == timezone.localdate()


def test_a_participant_cannot_withdraw_someone_elses_consent(client, world):
    client.force_login(link_user(world["mentee"]))
    stranger_consent = world["other_membership"].mentee.consents.get()

    assert client.get(withdrawal_url(stranger_consent)).status_code == 404
    assert client.post(withdrawal_url(stranger_consent)).status_code == 404
    assert Consent.objects.get(pk=stranger_consent.pk).withdrawn_on is None


def test_a_consent_withdrawn_already_is_not_withdrawn_again(client, world):
    client.force_login(link_user(world["mentee"]))
    consent = world["consent"]
    consent.withdrawn_on = datetime.date(2024, 1, 10)
    consent.save()

    response = client.post(withdrawal_url(consent))

    assert response.status_code == 302
    assert Consent.objects.get(pk=consent.pk).withdrawn_on == datetime.date(2024, 1, 10)


CABINET_CASES = ["anonymous", "participant", "editor", "curator", "auditor", "superuser"]


@pytest.mark.parametrize("role", CABINET_CASES)
def test_cabinet_withdrawal_answers_only_the_consents_owner(client, world, role):
    user = user_with_role(role)
    if role == "participant":
        world["mentee"].user = user
        world["mentee"].save()
    if role in ("curator", "auditor"):
        # user_with_role returns the same accounts the fixture made for these two roles.
        world["organisation"].members.add(user)
    if user is not None:
        client.force_login(user)
    url = withdrawal_url(world["consent"])

    get, post = client.get(url), client.post(url)

    if role == "anonymous":
        assert get.status_code == post.status_code == 302
        assert get["Location"].startswith("/accounts/login/?next=")
    elif role == "participant":
        assert get.status_code == 200
        assert post.status_code == 302
    else:
        # Staff have no consents of their own in the cabinet, whatever they see in the admin.
        assert get.status_code == post.status_code == 404
    withdrawn = Consent.objects.get(pk=world["consent"].pk).withdrawn_on is not None
    assert withdrawn is (role == "participant")


# --- the service -------------------------------------------------------------------------------


def test_a_mentor_who_withdraws_ends_their_pairs_with_the_reason(
    world, django_capture_on_commit_callbacks
):
    pair = world["pair"]
    consent = pair.mentor.consents.get()

    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(consent=consent, user=world["curator"], reason="Письменный отзыв № 7")

    pair.refresh_from_db()
    assert pair.status == PairStatus.TERMINATED
    assert pair.termination_reason == "Письменный отзыв № 7"
    assert pair.history.first().history_user == world["curator"]
    assert len(mail.outbox) == 1
    assert "Наставникова" not in mail.outbox[0].body


def test_withdrawing_dissemination_leaves_the_pairs_alone(
    world, django_capture_on_commit_callbacks
):
    consent = ConsentFactory(participant=world["mentee"], kind=ConsentKind.DISSEMINATION)

    with django_capture_on_commit_callbacks(execute=True):
        consent_withdraw(consent=consent, reason="Не публиковать фотографии")

    assert PairMentee.objects.get(pk=world["membership"].pk).left_on is None
    assert world["mentee"] not in participants_awaiting_erasure(timezone.localdate())
    assert len(mail.outbox) == 1


def test_withdrawing_one_of_two_valid_consents_to_processing_keeps_the_participant_in(world):
    # Recorded before duplicates were refused: only one with an end date can still exist.
    second = ConsentFactory(
        participant=world["mentee"],
        given_on=datetime.date(2024, 1, 1),
        valid_until=timezone.localdate() + datetime.timedelta(days=365),
    )

    consent_withdraw(consent=second, reason="Дубликат")

    assert PairMentee.objects.get(pk=world["membership"].pk).left_on is None
    world["mentee"].refresh_from_db()
    assert world["mentee"].status == ParticipantStatus.ACTIVE


def test_a_withdrawal_needs_a_reason_and_a_date_that_is_not_in_the_future(world):
    consent = world["consent"]

    with pytest.raises(ValidationError) as no_reason:
        consent_withdraw(consent=consent, reason="  ")
    with pytest.raises(ValidationError) as future:
        consent_withdraw(
            consent=consent,
            reason="Отзыв",
            when=timezone.localdate() + datetime.timedelta(days=1),
        )

    assert "withdrawal_reason" in no_reason.value.message_dict
    assert future.value.message_dict["withdrawn_on"] == [
        russian("A consent cannot be withdrawn on a future date.")
    ]
    assert Consent.objects.get(pk=consent.pk).withdrawn_on is None


def test_an_old_paper_consent_without_details_can_still_be_withdrawn(world):
    consent = world["consent"]
    Consent.objects.filter(pk=consent.pk).update(
        representative_address="", representative_authority=""
    )

    consent_withdraw(consent=consent, reason="Письменный отзыв")

    assert Consent.objects.get(pk=consent.pk).withdrawn_on == timezone.localdate()


# --- the admin ---------------------------------------------------------------------------------

ADMIN_ROLES = ["anonymous", "participant", "editor", "curator", "auditor", "superuser"]
ALLOWED = {"curator", "superuser"}


def admin_withdrawal_url(consent) -> str:
    return f"/admin/programmes/consent/withdraw/{consent.pk}/"


def admin_client(client, role, organisation):
    user = user_with_role(role)
    if role in ("curator", "auditor"):
        organisation.members.add(user)
    if user is not None:
        client.force_login(user)
    return user


@pytest.mark.parametrize("role", ADMIN_ROLES)
def test_admin_withdrawal_is_for_the_curators_of_the_organisation_and_superusers(
    client, world, role
):
    admin_client(client, role, world["organisation"])
    url = admin_withdrawal_url(world["consent"])

    get = client.get(url)
    post = client.post(
        url, {"withdrawn_on": timezone.localdate().strftime("%d.%m.%Y"), "reason": "Заявление"}
    )

    if role in ("anonymous", "participant"):
        assert get.status_code == 302 and "login" in get["Location"]
    elif role in ALLOWED:
        assert get.status_code == 200
        assert post.status_code == 302
    else:
        assert refused(get) and refused(post)
    withdrawn = Consent.objects.get(pk=world["consent"].pk).withdrawn_on is not None
    assert withdrawn is (role in ALLOWED)


def test_a_curator_of_another_organisation_cannot_withdraw(client, world):
    admin_client(client, "curator", OrganisationFactory())
    world["organisation"].members.remove(world["curator"])
    url = admin_withdrawal_url(world["consent"])

    assert refused(client.get(url))
    assert refused(client.post(url, {"withdrawn_on": "01.03.2024", "reason": "x"}))
    assert Consent.objects.get(pk=world["consent"].pk).withdrawn_on is None


def test_curator_registers_a_paper_withdrawal_with_its_date_and_reason(
    client, world, django_capture_on_commit_callbacks
):
    admin_client(client, "curator", world["organisation"])
    consent = world["consent"]
    index = client.get("/admin/programmes/consent/")
    assert admin_withdrawal_url(consent) in index.content.decode()
    day = timezone.localdate() - datetime.timedelta(days=3)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            admin_withdrawal_url(consent),
            {"withdrawn_on": day.strftime("%d.%m.%Y"), "reason": "Заявление от 01.03, вх. № 15"},
        )

    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_on == day
    assert consent.withdrawal_reason == "Заявление от 01.03, вх. № 15"
    membership = PairMentee.objects.get(pk=world["membership"].pk)
    assert membership.left_on == day
    assert membership.left_reason == "Заявление от 01.03, вх. № 15"
    assert len(mail.outbox) == 1
    assert (
        admin_withdrawal_url(consent)
        not in client.get("/admin/programmes/consent/").content.decode()
    )


def test_admin_withdrawal_refuses_a_future_date_and_changes_nothing(client, world):
    admin_client(client, "curator", world["organisation"])
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(
        admin_withdrawal_url(world["consent"]),
        {"withdrawn_on": tomorrow.strftime("%d.%m.%Y"), "reason": "Заявление"},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["withdrawn_on"] == [
        russian("A consent cannot be withdrawn on a future date.")
    ]
    assert Consent.objects.get(pk=world["consent"].pk).withdrawn_on is None
    assert PairMentee.objects.get(pk=world["membership"].pk).left_on is None


def test_minor_consent_needs_every_detail_of_the_representative():
    child = ParticipantFactory(mentee=True)
    consent = ConsentFactory.build(participant=child, representative_authority="")

    with pytest.raises(ValidationError) as error:
        consent.full_clean()

    assert error.value.message_dict == {
        "representative_authority": [
            russian(
                "Give the document confirming the representative's authority (for example, the child's birth certificate)."
            )
        ]
    }
