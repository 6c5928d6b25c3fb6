"""The consent page: who may give a consent, what is stored, and the questionnaires' check."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.translation import gettext

from forms_app.models import Invitation, QuestionnairePage
from forms_app.public import consents as public_consents
from forms_app.public.consents import consent_required_redirect
from forms_app.tests.factories import consent_page
from home.services import ascii_slug, mentoring_section_get_or_create
from portal.roles import PARTICIPANTS
from portal.tests.factories import UserFactory, user_with_role
from programmes.models import Consent, ConsentGiver, ConsentKind, ConsentSource, ParticipantStatus
from programmes.models.consents import REPRESENTATIVE_DETAILS, REPRESENTATIVE_MESSAGES
from programmes.services.consents import SUPERSEDED_REASON, consent_accept
from programmes.tests.factories import ConsentFactory, OrganisationFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"
ADULT = {
    "subject_name": "Взрослова Анна Сергеевна",
    "subject_address": "г. Кстово, ул. Ленина, д. 1, кв. 2",
    "subject_document": "паспорт 2204 123456",
    "subject_document_date": "15.05.2005",
    "subject_document_issuer": "ОУФМС России по Нижегородской обл. в Кстовском р-не",
    "agree": "on",
}
REPRESENTATIVE = {
    "representative_name": "Детова Ольга Ивановна",
    "representative_address": "г. Кстово, ул. Ленина, д. 1, кв. 2",
    "representative_document": "паспорт 2210 654321",
    "representative_document_date": "12.04.2016",
    "representative_document_issuer": "ГУ МВД России по Нижегородской области",
    "representative_authority": "свидетельство о рождении IV-ТН № 123456 от 20.02.2010",
}
CHILD = {
    **ADULT,
    "subject_name": "Детова Мария Петровна",
    "subject_document": "свидетельство о рождении IV-ТН № 123456",
    "subject_document_date": "20.02.2010",
    "subject_document_issuer": "Отдел ЗАГС Кстовского района",
}


def russian(message) -> str:
    """The message as the Russian interface shows it (English until it is translated)."""
    with translation.override("ru"):
        return gettext(message) if isinstance(message, str) else str(message)


def participant_user(participant):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=PARTICIPANTS))
    participant.user = user
    participant.save()
    return user


def invitation(participant, page, **fields) -> Invitation:
    return Invitation.objects.create(
        participant=participant,
        page=page,
        expires_at=fields.pop("expires_at", timezone.now() + datetime.timedelta(days=7)),
        **fields,
    )


@pytest.fixture
def organisation():
    return OrganisationFactory(
        full_name="МБОУ «Школа № 1 г. Кстово»", address="607650, г. Кстово, ул. Школьная, д. 1"
    )


@pytest.fixture
def page(organisation):
    return consent_page(organisation)


@pytest.fixture
def adult(organisation):
    return ParticipantFactory(organisation=organisation, last_name="Взрослова")


@pytest.fixture
def child(organisation):
    return ParticipantFactory(organisation=organisation, mentee=True, last_name="Детова")


# --- who ---------------------------------------------------------------------------------------


def test_anonymous_visitor_without_a_link_is_asked_to_sign_in_or_use_the_link(client, page):
    response = client.get(page.url)

    assert response.status_code == 200
    assert "forms_app/consent_refusal.html" in [t.name for t in response.templates]
    assert russian("Sign in or use your personal link") in response.content.decode()
    assert "form" not in response.context or response.context.get("form") is None


def test_anonymous_post_without_a_link_creates_nothing(client, page):
    response = client.post(page.url, ADULT)

    assert response.status_code == 403
    assert not Consent.objects.exists()


ROLES = ["anonymous", "participant", "editor", "curator", "auditor", "superuser"]


@pytest.mark.parametrize("role", ROLES)
def test_only_a_participant_gets_the_form(client, page, adult, organisation, role):
    user = user_with_role(role)
    if role == "participant":
        adult.user = user
        adult.save()
    if role in ("curator", "auditor"):
        organisation.members.add(user)
    if user is not None:
        client.force_login(user)

    get = client.get(page.url)
    post = client.post(page.url, ADULT, HTTP_USER_AGENT=BROWSER)

    assert get.status_code == 200
    if role == "participant":
        assert get.context["form"] is not None
        assert post.status_code == 302
        assert Consent.objects.filter(participant=adult).count() == 1
    else:
        assert get.context.get("form") is None
        assert post.status_code == 403
        assert not Consent.objects.exists()


def test_a_participant_of_another_organisation_is_refused(client, page):
    stranger = ParticipantFactory(organisation=OrganisationFactory())
    client.force_login(participant_user(stranger))

    response = client.post(page.url, ADULT)

    assert response.status_code == 403
    assert not Consent.objects.exists()


# --- what is shown and stored ------------------------------------------------------------------


def test_the_page_shows_the_whole_consent_with_the_operator(client, page, adult):
    client.force_login(participant_user(adult))

    content = client.get(page.url).content.decode()

    for text in (
        "МБОУ «Школа № 1 г. Кстово»",
        "607650, г. Кстово, ул. Школьная, д. 1",
        "Я даю согласие оператору",
        page.purpose,
        page.personal_data,
        page.actions,
        page.processors,
        page.validity,
        page.withdrawal,
        page.agreement_label(representative=False),
        'name="website"',
    ):
        assert text in content
    assert 'name="representative_name"' not in content


def test_an_adults_acceptance_stores_one_consent_with_the_exact_text_ip_and_browser(
    client, page, adult
):
    client.force_login(participant_user(adult))

    response = client.post(page.url, ADULT, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 302
    assert response["Location"] == f"{page.url}?accepted=1"
    consent = Consent.objects.get()
    assert consent.participant == adult
    assert consent.kind == ConsentKind.PROCESSING
    assert consent.source == ConsentSource.WEB
    assert consent.given_by == ConsentGiver.PARTICIPANT
    assert consent.text == page.consent_text(representative=False)
    assert "Я даю согласие оператору на обработку моих персональных данных." in consent.text
    assert "Операто" in consent.text or "Operator" in consent.text
    assert "МБОУ «Школа № 1 г. Кстово»" in consent.text
    assert page.processors in consent.text
    assert consent.ip_address == "203.0.113.7"
    assert consent.user_agent == BROWSER
    assert consent.accepted_at is not None
    assert consent.given_on == timezone.localdate()
    assert consent.subject_document_date == datetime.date(2005, 5, 15)
    assert consent.is_valid()

    confirmation = client.get(response["Location"])
    assert confirmation.status_code == 200
    assert "forms_app/consent_page_accepted.html" in [t.name for t in confirmation.templates]


def test_forwarded_for_is_ignored_unless_it_comes_from_a_trusted_proxy(
    client, page, adult, settings
):
    client.force_login(participant_user(adult))
    client.post(page.url, ADULT, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert Consent.objects.get().ip_address == "10.0.0.1"

    Consent.objects.all().delete()
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    client.post(
        page.url, ADULT, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1"
    )
    assert Consent.objects.get().ip_address == "198.51.100.1"


def test_a_valid_consent_is_not_given_twice(client, page, adult):
    client.force_login(participant_user(adult))
    client.post(page.url, ADULT)

    response = client.post(page.url, ADULT)

    assert response.status_code == 200
    assert "forms_app/consent_already_given.html" in [t.name for t in response.templates]
    assert Consent.objects.count() == 1


def test_a_changed_consent_text_can_be_given_again_and_replaces_the_earlier_one(
    client, page, adult
):
    client.force_login(participant_user(adult))
    client.post(page.url, ADULT)
    page.processors = "ООО «Электронный журнал», г. Нижний Новгород"
    page.save_revision().publish()

    offered = client.get(page.url)
    client.post(page.url, ADULT)

    with translation.override("ru"):
        notice = gettext(
            "The text of this consent has changed since you gave it on %(date)s. Read the new "
            "version above; if you agree, give the consent again. The earlier consent stays on "
            "record."
        ) % {"date": timezone.localdate().strftime("%d.%m.%Y")}
    assert notice in offered.content.decode()
    earlier, newer = Consent.objects.order_by("pk")
    assert "ООО «Электронный журнал»" in newer.text
    assert "ООО «Электронный журнал»" not in earlier.text
    assert earlier.withdrawn_on == timezone.localdate()
    assert earlier.withdrawal_reason == SUPERSEDED_REASON
    assert newer.withdrawn_on is None
    adult.refresh_from_db()
    assert adult.status == ParticipantStatus.ACTIVE


def test_an_unchanged_text_is_not_offered_again(client, page, adult):
    client.force_login(participant_user(adult))
    client.post(page.url, ADULT)
    page.save_revision().publish()

    response = client.get(page.url)

    assert "forms_app/consent_already_given.html" in [t.name for t in response.templates]


def test_a_filled_honeypot_creates_nothing(client, page, adult):
    client.force_login(participant_user(adult))

    response = client.post(page.url, {**ADULT, "website": "http://spam.example"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Consent.objects.exists()


def test_the_consent_is_refused_without_the_tick(client, page, adult):
    client.force_login(participant_user(adult))

    response = client.post(page.url, {k: v for k, v in ADULT.items() if k != "agree"})

    assert response.context["form"].errors["agree"] == [
        russian("Tick the box to give your consent.")
    ]
    assert not Consent.objects.exists()


# --- minors ------------------------------------------------------------------------------------


def test_a_minors_consent_without_the_representatives_details_is_refused_on_those_fields(
    client, page, child
):
    link = invitation(child, page, for_representative=True)

    response = client.post(f"{page.url}?invitation={link.token}", CHILD)

    assert response.status_code == 200
    errors = response.context["form"].errors
    for name in REPRESENTATIVE_DETAILS:
        assert errors[name] == [russian(REPRESENTATIVE_MESSAGES[name])]
    assert not Consent.objects.exists()
    link.refresh_from_db()
    assert link.used_at is None


def test_the_service_refuses_a_minors_consent_without_the_representative_and_saves_nothing(child):
    with pytest.raises(ValidationError) as error:
        consent_accept(
            participant=child,
            kind=ConsentKind.PROCESSING,
            text="Текст согласия",
            details={
                "subject_name": "Детова Мария Петровна",
                "subject_address": "г. Кстово",
                "subject_document": "свидетельство о рождении",
                "subject_document_date": datetime.date(2010, 2, 20),
                "subject_document_issuer": "ЗАГС",
                "representative_name": "Детова Ольга Ивановна",
            },
            given_by=ConsentGiver.REPRESENTATIVE,
            ip="127.0.0.1",
            user_agent=BROWSER,
        )

    messages = error.value.message_dict
    assert messages["representative_address"] == [
        russian("Give the legal representative's address.")
    ]
    assert "representative_name" not in messages
    assert not Consent.objects.exists()


def test_the_service_refuses_a_minors_own_consent(child):
    with pytest.raises(ValidationError) as error:
        consent_accept(
            participant=child,
            kind=ConsentKind.PROCESSING,
            text="Текст согласия",
            details={},
            given_by=ConsentGiver.PARTICIPANT,
            ip=None,
            user_agent="",
        )

    assert error.value.message_dict["given_by"] == [
        russian("The participant is a minor: the consent is given by a legal representative.")
    ]
    assert not Consent.objects.exists()


def test_a_parent_gives_the_childs_consent_by_the_link_once(client, page, child):
    link = invitation(child, page, for_representative=True)
    url = f"{page.url}?invitation={link.token}"

    form = client.get(url)
    first = client.post(url, {**CHILD, **REPRESENTATIVE}, HTTP_USER_AGENT=BROWSER)
    second = client.post(url, {**CHILD, **REPRESENTATIVE}, HTTP_USER_AGENT=BROWSER)

    assert 'name="representative_authority"' in form.content.decode()
    assert first.status_code == 302
    consent = Consent.objects.get()
    assert consent.given_by == ConsentGiver.REPRESENTATIVE
    assert consent.representative_name == "Детова Ольга Ивановна"
    assert consent.text == page.consent_text(representative=True)
    link.refresh_from_db()
    assert link.used_at is not None
    assert second.status_code == 403
    assert Consent.objects.count() == 1


def test_a_signed_in_minor_is_told_the_parent_gives_the_consent_and_gets_no_form(
    client, page, child
):
    client.force_login(participant_user(child))

    response = client.get(page.url)
    posted = client.post(page.url, {**CHILD, **REPRESENTATIVE})

    content = response.content.decode()
    assert "forms_app/consent_by_representative.html" in [t.name for t in response.templates]
    assert "<form" not in content.split("<main", 1)[-1]
    assert 'name="representative_name"' not in content
    assert 'name="subject_name"' not in content
    assert (
        russian(
            "on paper: take the consent form from the curator; the parent fills it in, signs it and "
            "gives it back to the curator."
        )
        in content
    )
    assert posted.status_code == 403
    assert not Consent.objects.exists()


def test_a_signed_in_minor_with_a_consent_sees_that_it_is_given(client, page, child):
    ConsentFactory(participant=child, given_on=timezone.localdate())
    client.force_login(participant_user(child))

    response = client.get(page.url)

    assert "forms_app/consent_already_given.html" in [t.name for t in response.templates]


def test_the_parents_link_for_a_signed_in_minors_record_still_gives_the_form(client, page, child):
    participant_user(child)
    link = invitation(child, page, for_representative=True)

    response = client.get(f"{page.url}?invitation={link.token}")

    assert 'name="representative_authority"' in response.content.decode()


def test_a_consent_given_meanwhile_shows_it_is_given_instead_of_a_second_record(
    client, page, adult, monkeypatch
):
    """Another tab sends the consent between this page's check and its save."""
    client.force_login(participant_user(adult))
    real = public_consents._valid_consent
    calls = []

    def not_yet_then_real(page_, participant):
        calls.append(participant)
        return None if len(calls) == 1 else real(page_, participant)

    monkeypatch.setattr(public_consents, "_valid_consent", not_yet_then_real)
    ConsentFactory(participant=adult, given_on=datetime.date(2025, 9, 1))

    response = client.post(page.url, ADULT)

    assert response.status_code == 200
    assert "forms_app/consent_already_given.html" in [t.name for t in response.templates]
    assert "01.09.2025" in response.content.decode()
    assert Consent.objects.filter(participant=adult).count() == 1


# --- invitation links --------------------------------------------------------------------------


def test_an_expired_link_is_refused(client, page, adult):
    link = invitation(adult, page, expires_at=timezone.now() - datetime.timedelta(minutes=1))

    get = client.get(f"{page.url}?invitation={link.token}")
    post = client.post(f"{page.url}?invitation={link.token}", ADULT)

    assert russian("The link has expired") in get.content.decode()
    assert post.status_code == 403
    assert not Consent.objects.exists()


def test_a_link_to_another_page_is_refused(client, page, adult, organisation):
    other = consent_page(organisation, kind=ConsentKind.DISSEMINATION)
    link = invitation(adult, other)

    response = client.post(f"{page.url}?invitation={link.token}", ADULT)

    assert response.status_code == 403
    assert russian("The link is for another page") in response.content.decode()
    assert not Consent.objects.exists()


def test_an_unknown_link_is_refused(client, page):
    response = client.post(f"{page.url}?invitation=not-a-token", ADULT)

    assert response.status_code == 403
    assert not Consent.objects.exists()


def test_dissemination_is_a_separate_consent(client, organisation, adult):
    processing = consent_page(organisation)
    dissemination = consent_page(organisation, kind=ConsentKind.DISSEMINATION)
    client.force_login(participant_user(adult))

    client.post(processing.url, ADULT)
    client.post(dissemination.url, ADULT)

    assert sorted(Consent.objects.values_list("kind", flat=True)) == [
        ConsentKind.DISSEMINATION,
        ConsentKind.PROCESSING,
    ]


# --- questionnaires that need the consent ------------------------------------------------------


def questionnaire(organisation) -> QuestionnairePage:
    section = mentoring_section_get_or_create()
    page = QuestionnairePage(
        title="Анкета наставляемого",
        slug=ascii_slug("Анкета наставляемого", parent=section),
        organisation=organisation,
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    return QuestionnairePage.objects.get(pk=page.pk)


def test_a_participant_with_a_valid_consent_is_not_redirected(page, adult):
    consent_accept(
        participant=adult,
        kind=ConsentKind.PROCESSING,
        text="Текст",
        details={key: value for key, value in ADULT.items() if key.startswith("subject_")}
        | {"subject_document_date": datetime.date(2005, 5, 15)},
        given_by=ConsentGiver.PARTICIPANT,
        ip=None,
        user_agent="",
    )
    request = RequestFactory().get("/anketa/")

    assert (
        consent_required_redirect(request, participant=adult, organisation_id=page.organisation_id)
        is None
    )


def test_without_a_consent_the_questionnaire_sends_the_invited_participant_to_the_consent_and_back(
    client, page, adult, organisation
):
    form_page = questionnaire(organisation)
    link = invitation(adult, form_page)
    request = RequestFactory().get(f"{form_page.url}?invitation={link.token}")

    redirect = consent_required_redirect(
        request, participant=adult, organisation_id=organisation.pk
    )

    assert redirect.status_code == 302
    location = urlsplit(redirect["Location"])
    assert location.path == page.url
    query = parse_qs(location.query)
    assert query["next"] == [f"{form_page.url}?invitation={link.token}"]
    assert query["invitation"] == [link.token]

    response = client.post(redirect["Location"], ADULT)

    assert response.status_code == 302
    assert response["Location"] == f"{form_page.url}?invitation={link.token}"
    assert Consent.objects.get().participant == adult
    link.refresh_from_db()
    assert link.used_at is None  # it is the questionnaire's to use


def test_a_questionnaire_link_without_its_next_is_refused_on_the_consent_page(
    client, page, adult, organisation
):
    link = invitation(adult, questionnaire(organisation))

    response = client.post(f"{page.url}?invitation={link.token}", ADULT)

    assert response.status_code == 403
    assert not Consent.objects.exists()


def test_an_unsafe_next_is_ignored_after_acceptance(client, page, adult):
    client.force_login(participant_user(adult))

    response = client.post(f"{page.url}?next=https://evil.example/steal", ADULT)

    assert response["Location"] == f"{page.url}?accepted=1"


def test_a_signed_in_participant_goes_back_to_the_questionnaire_after_accepting(
    client, page, adult, organisation
):
    form_page = questionnaire(organisation)
    client.force_login(participant_user(adult))
    request = RequestFactory().get(form_page.url)
    redirect = consent_required_redirect(
        request, participant=adult, organisation_id=organisation.pk
    )

    response = client.post(redirect["Location"], ADULT)

    assert response["Location"] == form_page.url


def test_without_a_consent_page_the_participant_is_told_to_contact_the_curator(adult):
    request = RequestFactory().get("/anketa/")

    response = consent_required_redirect(
        request, participant=adult, organisation_id=adult.organisation_id
    )

    assert response.status_code == 200
    assert "forms_app/consent_page_missing.html" in response.template_name


def test_the_editors_preview_shows_the_whole_form_that_cannot_be_sent(page):
    request = RequestFactory().get("/")
    request.user = user_with_role("editor")

    response = page.serve_preview(request, "")
    response.render()

    content = response.content.decode()
    assert 'name="representative_authority"' in content
    assert "disabled" in content
    assert page.purpose in content
