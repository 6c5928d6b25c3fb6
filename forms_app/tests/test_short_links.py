"""Short invitation links: typed from a printed slip or scanned from its QR code."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from wagtail.models import Site

from forms_app.models import Invitation, QuestionnaireAccess, QuestionnaireSubmission
from forms_app.models.invitations import CODE_ALPHABET, CODE_LENGTH, new_code, normalise_code
from forms_app.services import invitations as invitation_services
from forms_app.services.invitations import invitation_url, invitations_create
from forms_app.tests.factories import answers, invitation, questionnaire_page
from forms_app.tests.qr import decode_svg, svgs
from portal.tests.factories import user_with_role
from programmes.tests.factories import OrganisationFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_counters():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def invited():
    organisation = OrganisationFactory()
    participant = ParticipantFactory(mentee=True, organisation=organisation, group="6 «В»")
    page = questionnaire_page(access=QuestionnaireAccess.INVITATION, organisation=organisation)
    return invitation(participant=participant, page=page)


def short_path(link: Invitation) -> str:
    return f"/i/{link.code[:4]}-{link.code[4:]}"


# --- the code ----------------------------------------------------------------------------------


def test_a_code_is_eight_symbols_without_look_alikes():
    codes = [new_code() for _ in range(2000)]

    assert CODE_LENGTH == 8 and len(CODE_ALPHABET) == 31
    assert not set("0O1IL") & set(CODE_ALPHABET) and CODE_ALPHABET.upper() == CODE_ALPHABET
    assert {len(code) for code in codes} == {8}
    assert set("".join(codes)) == set(CODE_ALPHABET)
    assert len(set(codes)) == len(codes)


@pytest.mark.parametrize(
    "typed",
    ["K7MQ-2PXA", "k7mq-2pxa", "K7MQ2PXA", " k7mq 2pxa ", "K7MQ–2PXA", "к7мq-2рха", "K7-MQ-2P-XA"],
)
def test_a_code_is_read_whatever_the_case_dashes_spaces_or_cyrillic_look_alikes(typed):
    assert normalise_code(typed) == "K7MQ2PXA"


@pytest.mark.parametrize("typed", ["", "K7MQ-2PX", "K7MQ-2PXAB", "K0MQ-2PXA", "K7MQ/2PXA", "ё" * 8])
def test_what_cannot_be_a_code_is_none(typed):
    assert normalise_code(typed) is None


def test_a_batch_gets_distinct_codes_even_when_the_random_draws_clash(invited, monkeypatch):
    taken = invited.code
    draws = iter([taken, "AAAA2222", "AAAA2222", "BBBB3333", "CCCC4444"])
    monkeypatch.setattr(invitation_services, "new_code", lambda: next(draws))
    participants = ParticipantFactory.create_batch(2, organisation=invited.participant.organisation)

    made = invitations_create(page=invited.page, participants=participants, valid_days=7)

    assert sorted(link.code for link in made) == ["AAAA2222", "BBBB3333"]


def test_the_short_link_is_at_most_12_characters_after_the_host(invited):
    url = invitation_url(invited, base_url="https://portal.school.ru/")

    path = urlsplit(url).path
    assert url == f"https://portal.school.ru{path}"
    assert path == short_path(invited) and len(path) <= 12


# --- redeeming ---------------------------------------------------------------------------------


def test_the_short_link_leads_to_the_long_one_and_the_answer_is_the_invitations(client, invited):
    page = invited.page

    response = client.get(short_path(invited))
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}?invitation={invited.token}"
    form = client.get(response["Location"])
    client.post(response["Location"], {**answers(page), "invitation": invited.token})

    assert form.status_code == 200 and 'name="invitation"' in form.content.decode()
    submission = QuestionnaireSubmission.objects.get()
    assert (submission.participant, submission.invitation) == (invited.participant, invited)


def test_a_long_link_printed_before_the_short_codes_still_works(client, invited):
    page = invited.page

    form = client.get(f"{page.url}?invitation={invited.token}")
    client.post(
        f"{page.url}?invitation={invited.token}", {**answers(page), "invitation": invited.token}
    )

    assert form.status_code == 200
    assert QuestionnaireSubmission.objects.get().invitation == invited


@pytest.mark.parametrize(
    "make_path",
    [
        lambda code: f"/i/{code.lower()}",
        lambda code: f"/i/{code}",
        lambda code: f"/i/{code[:4]}-{code[4:]}/",
        lambda code: f"/i/?code={code[:4]}%20{code[4:].lower()}",
        lambda code: f"/i/{code[:4]}%20{code[4:]}",
    ],
    ids=["lower case", "no dash", "trailing slash", "typed into the form", "space"],
)
def test_a_code_typed_any_way_opens_the_invitation(client, invited, make_path):
    response = client.get(make_path(invited.code))

    assert response.status_code == 302
    assert response["Location"].endswith(f"?invitation={invited.token}")


def test_the_short_route_alone_asks_for_the_code_in_russian(client):
    response = client.get("/i/")

    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="code"' in content and "Код с листка-приглашения" in content


def test_a_mistyped_code_gives_a_russian_page_and_no_hint_of_other_codes(client, invited):
    never_issued = next(code for code in iter(new_code, None) if code != invited.code)

    wrong = client.get(f"/i/{never_issued}")
    garbage = client.get("/i/" + "%D0%AF" * 30)

    assert wrong.status_code == garbage.status_code == 404
    content = wrong.content.decode()
    assert "Код не найден" in content and "Проверьте код" in content
    assert invited.token not in content and invited.participant.last_name not in content
    assert strip_typed(content, never_issued) == strip_typed(garbage.content.decode(), "Я" * 30)


def strip_typed(html: str, typed: str) -> str:
    """The page without what was typed: the field's value and the sign-in link back here."""
    return re.sub(r'value="[^"]*"|next=[^"]*', "", html).replace(typed, "")


def test_a_code_is_not_written_to_the_log(client, invited, settings, caplog):
    settings.FORMS_RATE_LIMIT_PER_IP = 1
    near_miss = invited.code[:7] + next(c for c in CODE_ALPHABET if c != invited.code[7])

    client.get(f"/i/{near_miss}")
    client.get(short_path(invited))
    client.post(short_path(invited))

    assert caplog.records, "the refusal is logged"
    assert not [r for r in caplog.records if invited.code[:7] in r.getMessage()]


def test_every_code_looked_up_counts_against_the_address(client, invited, settings):
    settings.FORMS_RATE_LIMIT_PER_IP = 3
    for _ in range(3):
        assert client.get(f"/i/{new_code()}").status_code in (302, 404)

    refused = client.get(short_path(invited))
    other_address = client.get(short_path(invited), REMOTE_ADDR="198.51.100.7")

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Слишком много попыток" in refused.content.decode()
    assert invited.token not in refused.content.decode()
    assert other_address.status_code == 302


def test_opening_the_form_to_type_a_code_costs_nothing(client, settings):
    settings.FORMS_RATE_LIMIT_PER_IP = 1

    assert [client.get("/i/").status_code for _ in range(3)] == [200, 200, 200]


def test_the_short_route_only_reads(client, invited):
    assert client.post(short_path(invited)).status_code == 405


# --- the slips and the invitation's screen ------------------------------------------------------


@pytest.fixture
def curator(client, invited):
    user = user_with_role("curator")
    invited.participant.organisation.members.add(user)
    client.force_login(user)
    return client


def print_batch(client, invited):
    ParticipantFactory.create_batch(2, organisation=invited.participant.organisation)
    client.post(
        "/admin/invitations/new/",
        {
            "page": invited.page.pk,
            "organisation": invited.participant.organisation.pk,
            "role": "all",
            "group": "",
            "valid_days": 14,
        },
    )
    return client.get("/admin/invitations/batch/print/").content.decode()


def test_every_printed_slip_has_a_qr_code_of_its_short_link_and_the_link_in_words(
    curator, invited, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.school.ru"

    html = print_batch(curator, invited)

    links = [
        f"https://portal.school.ru/i/{code[:4]}-{code[4:]}"
        for code in Invitation.objects.exclude(pk=invited.pk).values_list("code", flat=True)
    ]
    decoded = sorted(text for svg in svgs(html) for text in decode_svg(svg))
    assert len(links) == 3 and decoded == sorted(links)
    for link in links:
        prefix, code = link.removeprefix("https://").rsplit("/", 1)
        assert (
            f'<span class="slip__prefix">{prefix}/</span><span class="slip__code">{code}</span>'
            in html
        )
    assert "127.0.0.1" not in html


def test_slips_take_the_sites_address_when_none_is_set(curator, invited, settings):
    settings.WAGTAILADMIN_BASE_URL = ""
    Site.objects.filter(is_default_site=True).update(hostname="nastavniki.school.ru", port=443)

    html = print_batch(curator, invited)

    decoded = [text for svg in svgs(html) for text in decode_svg(svg)]
    assert decoded and all(text.startswith("https://nastavniki.school.ru/i/") for text in decoded)


def test_the_invitations_screen_shows_its_short_link_and_qr_code(curator, invited):
    response = curator.get(f"/admin/forms_app/invitation/inspect/{invited.pk}/")

    html = response.content.decode()
    link = f"http://testserver{short_path(invited)}"
    assert response.status_code == 200
    assert link in html
    assert [text for svg in svgs(html) if "qrline" in svg for text in decode_svg(svg)] == [link]
    assert invited.token not in html
    assert "Вернуться к списку приглашений" in html
