"""The admin names records in their Russian cases, and shows values as Russian reads them.

Every list the admin registers has a model that declares its forms (portal.grammar); the
lists, forms, inspect and deletion pages, their messages and exports use them: «Добавить
участника», «Поиск пар и групп», «Партнёрская организация «…» удалена», «Да»/«Нет».
"""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.utils import timezone, translation

from portal.grammar import F, M, N, Noun, noun_of
from portal.tests.factories import user_with_role
from portal.tests.url_patterns import registered_model_admins
from programmes.models import PartnerOrganisation
from programmes.tests.factories import (
    CaseFactory,
    FeedbackFactory,
    MeetingFactory,
    PartnerOrganisationFactory,
    pair_with_mentees,
)

MODEL_ADMINS = registered_model_admins()


def admin_of(path: str):
    return next(admin for admin in MODEL_ADMINS if admin.url_helper.index_url == path)


@pytest.mark.parametrize(
    "model", sorted({admin.model for admin in MODEL_ADMINS}, key=lambda model: model.__name__)
)
def test_every_listed_model_declares_its_forms_matching_its_verbose_names(model):
    noun = noun_of(model)

    with translation.override("ru"):
        assert noun.nominative == str(model._meta.verbose_name)
        assert noun.plural == str(model._meta.verbose_name_plural)


def test_the_participle_agrees_with_the_gender():
    forms = ("пара", "пары", "пару", "пары", "пар")

    assert Noun(*forms, F).created("А") == "Пара «А» создана."
    assert Noun("акт", "акта", "акт", "акты", "актов", M).deleted("№ 1") == "Акт «№ 1» удалён."
    assert Noun(*forms[:1] * 5, N).updated("Б").endswith("изменено.")


def visible(response) -> str:
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", text).split())


@pytest.mark.parametrize(
    ("number", "counted"),
    [
        (1, "1 приказ"),
        (2, "2 приказа"),
        (4, "4 приказа"),
        (5, "5 приказов"),
        (11, "11 приказов"),
        (12, "12 приказов"),
        (21, "21 приказ"),
        (22, "22 приказа"),
        (111, "111 приказов"),
        (0, "0 приказов"),
    ],
)
def test_a_count_agrees_with_the_noun(number, counted):
    order = Noun("приказ", "приказа", "приказ", "приказы", "приказов", M)
    assert order.count(number) == counted


@pytest.fixture
def superuser_client(client, db):
    client.force_login(user_with_role("superuser"))
    return client


def test_the_pairs_pages_name_a_pair_in_its_cases(superuser_client):
    pair = pair_with_mentees(mentees=1, active=True)
    urls = admin_of("/admin/programmes/pair/").url_helper

    index = superuser_client.get(urls.index_url).content.decode()
    inspect = superuser_client.get(urls.get_action_url("inspect", pair.pk))
    delete = superuser_client.get(urls.get_action_url("delete", pair.pk))
    create = superuser_client.get(urls.create_url)

    assert "Добавить пару или группу" in index
    assert "1 пара или группа" in visible(superuser_client.get(urls.index_url))
    assert 'placeholder="Поиск пар и групп"' in index
    assert "Вернуться к списку пар и групп" in visible(inspect)
    assert "<title>Просмотр пары или группы" in inspect.content.decode()
    assert "Вы уверены, что хотите удалить пару или группу?" in visible(delete)
    assert "<title>Добавление пары или группы" in create.content.decode()


def test_a_form_with_errors_names_the_record_in_the_accusative(superuser_client):
    url = admin_of("/admin/programmes/participant/").url_helper.create_url

    response = superuser_client.post(url, {})

    assert response.status_code == 200
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert "Невозможно создать участника: исправьте ошибки в форме." in messages


def test_a_deletion_is_reported_in_the_records_gender(superuser_client):
    partner = PartnerOrganisationFactory(name="ООО «Ромашка»")
    url = admin_of("/admin/programmes/partnerorganisation/").url_helper

    response = superuser_client.post(url.get_action_url("delete", partner.pk), follow=True)

    assert not PartnerOrganisation.objects.filter(pk=partner.pk).exists()
    assert "Партнёрская организация «ООО «Ромашка»» удалена." in visible(response)


def test_an_empty_list_says_so_in_the_plural(superuser_client):
    content = visible(superuser_client.get("/admin/programmes/case/"))

    assert "Успешные практики пока не добавлены." in content
    assert "Добавить успешную практику" in content


def test_yes_no_fields_read_da_net_in_the_list_and_on_the_inspect_page(superuser_client):
    case = CaseFactory(is_published=False)

    listing = visible(superuser_client.get("/admin/programmes/case/"))
    inspect = visible(superuser_client.get(f"/admin/programmes/case/inspect/{case.pk}/"))

    for content in (listing, inspect):
        assert "Нет" in content
        assert not re.search(r"\b(True|False|None)\b", content)


def test_exports_read_da_net_blank_cells_and_moscow_dates(superuser_client):
    CaseFactory(is_published=True, description="")
    submitted = datetime.datetime(2026, 3, 2, 21, 30, tzinfo=datetime.UTC)  # 00:30 in Moscow
    feedback = FeedbackFactory(meeting=MeetingFactory(pair=pair_with_mentees(active=True)))
    type(feedback).objects.filter(pk=feedback.pk).update(submitted_at=submitted)

    cases = superuser_client.get("/admin/programmes/case/", {"export": "csv"})
    case_row = list(csv.reader(io.StringIO(b"".join(cases.streaming_content).decode())))[1]
    feedback_csv = superuser_client.get("/admin/programmes/feedback/", {"export": "csv"})
    feedback_text = b"".join(feedback_csv.streaming_content).decode()
    feedback_xlsx = superuser_client.get("/admin/programmes/feedback/", {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(feedback_xlsx.streaming_content))).active
    cell = next(sheet.iter_rows(min_row=2))[-1]

    assert case_row[2:] == ["", "Да"]
    assert "03.03.2026 00:30" in feedback_text
    assert cell.value == timezone.make_naive(submitted).replace(tzinfo=None)
    assert cell.number_format == "DD.MM.YYYY HH:MM"
