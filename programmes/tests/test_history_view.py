"""The history page of a record in the admin: simple-history's versions, readable, read-only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from portal.tests.factories import UserFactory, user_with_role
from programmes.admin.base import ProgrammeModelAdmin
from programmes.history.views import RecordHistoryView
from programmes.models import Consent, Pair, PairMentee, PairStatus
from programmes.tests.factories import (
    ConsentFactory,
    OrderFactory,
    PairFactory,
    PairMenteeFactory,
    ParticipantFactory,
    ProgrammeFactory,
)

pytestmark = pytest.mark.django_db


def test_the_programme_admins_show_simple_history_versions():
    assert ProgrammeModelAdmin.history_view_class is RecordHistoryView


def ru(text):
    with translation.override("ru"):
        return str(text)


def field_label(model, name):
    with translation.override("ru"):
        return capfirst(str(model._meta.get_field(name).verbose_name))


def history_url(instance):
    return reverse(f"programmes_{instance._meta.model_name}_modeladmin_history", args=[instance.pk])


def version_rows(html):
    return html.split("<tbody>", 1)[1].split("</tbody>", 1)[0].count("<tr>")


def member_of(role, *organisations):
    user = user_with_role(role)
    for organisation in organisations:
        organisation.members.add(user)
    return user


def approve(pair, user, reason=""):
    pair.status = PairStatus.APPROVED
    pair.order = OrderFactory(organisation=pair.programme.organisation)
    pair._history_user = user
    pair._change_reason = reason
    pair.save()


def test_the_history_shows_the_status_change_with_labels_and_related_names(client):
    pair = PairFactory(mentor__last_name="Смирнова", mentor__first_name="Анна")
    curator = member_of("curator", pair.programme.organisation)
    curator.last_name, curator.first_name = "Кураторова", "Елена"
    curator.save()
    approve(pair, curator, reason="Приказ подписан")
    client.force_login(curator)

    response = client.get(history_url(pair))

    assert response.status_code == 200
    html = response.content.decode()
    status_change = (
        f"<strong>{field_label(Pair, 'status')}:</strong> "
        f"{ru(PairStatus.DRAFT.label)} → {ru(PairStatus.APPROVED.label)}"
    )
    assert status_change in html
    # With the Russian catalogues as they are: «Статус: Черновик → Утверждено».
    assert "<strong>Статус:</strong> Черновик → Утверждено" in html
    assert "Приказ подписан" in html
    assert "Елена Кураторова" in html
    assert "Смирнова Анна" in html  # the mentor by name, not by id
    assert ">draft<" not in html and "→ approved" not in html
    assert 'class="listing"' in html


def test_the_newest_version_comes_first(client):
    pair = PairFactory()
    curator = member_of("curator", pair.programme.organisation)
    approve(pair, curator)
    client.force_login(curator)

    html = client.get(history_url(pair)).content.decode()

    assert html.index(ru(_("Changed"))) < html.index(ru(_("Created")))


def test_a_pair_history_shows_mentees_joining_and_leaving(client):
    pair = PairFactory()
    curator = member_of("curator", pair.programme.organisation)
    membership = PairMenteeFactory.build(
        pair=pair,
        mentee=ParticipantFactory(
            mentee=True,
            organisation=pair.programme.organisation,
            last_name="Ершов",
            first_name="Пётр",
            patronymic="",
        ),
    )
    membership._history_user = curator
    membership.save()
    membership.left_on = datetime.date(2024, 1, 15)
    membership.left_reason = "Перевёлся в другую школу"
    membership._history_user = curator
    membership.save()
    client.force_login(curator)

    html = client.get(history_url(pair)).content.decode()

    with translation.override("ru"):
        mentee_label = _("Mentee: %(name)s") % {"name": "Ершов Пётр"}
    assert html.count(mentee_label) == 2
    # The membership's own key to the pair is not repeated on the pair's page.
    assert f"<strong>{field_label(PairMentee, 'pair')}:</strong>" not in html
    assert f"<strong>{field_label(PairMentee, 'left_on')}:</strong> — → 15.01.2024" in html
    assert "Перевёлся в другую школу" in html


def test_a_participant_history_shows_their_consents(client):
    consent = ConsentFactory(participant__last_name="Орлова")
    consent.withdrawn_on = datetime.date(2024, 2, 1)
    consent.save()
    auditor = member_of("auditor", consent.participant.organisation)
    client.force_login(auditor)

    html = client.get(history_url(consent.participant)).content.decode()

    with translation.override("ru"):
        consent_label = _("Consent: %(name)s") % {"name": consent.get_kind_display()}
    assert consent_label in html
    assert f"<strong>{field_label(Consent, 'withdrawn_on')}:</strong> — → 01.02.2024" in html


def test_the_history_of_another_organisations_record_is_refused(client):
    pair = PairFactory()
    stranger = member_of("curator", ProgrammeFactory().organisation)
    client.force_login(stranger)

    response = client.get(history_url(pair))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_an_auditor_of_the_organisation_may_read_the_history(client):
    pair = PairFactory()
    auditor = member_of("auditor", pair.programme.organisation)
    client.force_login(auditor)

    assert client.get(history_url(pair)).status_code == 200


def test_a_post_to_the_history_is_refused_and_changes_nothing(client):
    pair = PairFactory()
    curator = member_of("curator", pair.programme.organisation)
    approve(pair, curator)
    rows = list(Pair.history.filter(id=pair.pk).values())
    client.force_login(curator)

    response = client.post(history_url(pair), {"history_change_reason": "подделка"})

    assert response.status_code == 405
    assert list(Pair.history.filter(id=pair.pk).values()) == rows
    assert "<form" not in client.get(history_url(pair)).content.decode()


def test_the_history_is_paged_by_fifty(client):
    pair = PairFactory()
    user = UserFactory(is_superuser=True, is_staff=True, username="root")
    for number in range(55):
        pair.goals = f"Цель {number}"
        pair.save()
    client.force_login(user)

    first = client.get(history_url(pair)).content.decode()
    second = client.get(history_url(pair), {"p": 2}).content.decode()

    assert version_rows(first) == 50
    assert version_rows(second) == 6  # 55 changes and the creation
    assert "Цель 54" in first and "Цель 54" not in second


def test_a_bad_page_number_shows_the_first_page(client):
    pair = PairFactory()
    client.force_login(UserFactory(is_superuser=True, is_staff=True, username="root"))

    assert client.get(history_url(pair), {"p": "много"}).status_code == 200
