"""The «Наставничество» lists and their exports are headed with the models' own labels.

modeladmin title-cases its export headings («Класс, Группа Или Должность») and heads a method
column without a description with the method's English name. Every column of every list in
the menu group is checked here, read off the registered ModelAdmins, so a new list or column
needs no change to this file.
"""

import csv
import html
import io
import re

import openpyxl
import pytest
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from wagtail.admin.menu import admin_menu
from wagtail_modeladmin.menus import GroupMenuItem

from portal.tests.factories import user_with_role
from programmes.models import (
    Case,
    ErasureAct,
    MatchPreference,
    MentorTraining,
    PartnerOrganisation,
)
from programmes.tests.factories import (
    FeedbackFactory,
    IncentiveDecisionFactory,
    MeetingFactory,
    MentoringAgreementFactory,
    OrderTemplateFactory,
    ParticipantChangeProposalFactory,
    PlanTaskFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db

LATIN = re.compile(r"[A-Za-z]")
CHOICE_DISPLAY = re.compile(r"get_(\w+)_display")


def mentoring_model_admins():
    """The ModelAdmins of the «Наставничество» group, as the admin menu has them registered."""
    with translation.override("ru"):
        groups = [
            item
            for item in admin_menu.registered_menu_items
            if isinstance(item, GroupMenuItem) and str(item.label) == "Наставничество"
        ]
    assert len(groups) == 1
    return [item.model_admin for item in groups[0].menu.registered_menu_items]


MODEL_ADMINS = mentoring_model_admins()


def model_label(model_admin, name: str) -> str:
    """What the model calls a column: a field's verbose name, or a method's description."""
    model = model_admin.model
    if name == "__str__":
        return str(model._meta.verbose_name)
    choice = CHOICE_DISPLAY.fullmatch(name)
    try:
        return str(model._meta.get_field(choice[1] if choice else name).verbose_name)
    except FieldDoesNotExist:
        pass
    attr = getattr(model_admin, name, None) or getattr(model, name)
    attr = attr.fget if isinstance(attr, property) else attr
    assert hasattr(attr, "short_description"), f"{name}: no @admin.display(description=…)"
    return str(attr.short_description)


def assert_sentence_case_labels(headings, model_admin, names):
    with translation.override("ru"):
        labels = [model_label(model_admin, name) for name in names]
    assert len(headings) == len(labels), (headings, labels)
    for heading, label in zip(headings, labels, strict=True):
        assert not LATIN.search(heading), f"{heading!r} is not in Russian"
        assert heading[0] == label[0].upper(), f"{heading!r} does not start with a capital"
        assert heading[1:] == label[1:], f"{heading!r} is not the label {label!r}"
        assert " " not in heading or heading != heading.title(), f"{heading!r} is title-cased"


def list_headings(content: str) -> list[str]:
    thead = re.search(r"<thead>(.*?)</thead>", content, re.S)
    assert thead, "the list shows no rows"
    cells = re.findall(r"<th\b[^>]*>(.*?)</th>", thead[1], re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", cell)).split()) for cell in cells]


def downloaded(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def records():
    """A row for every list of the group, the overdue pairs and both bases included."""
    pair = pair_with_mentees(mentees=2, active=True)  # overdue: it last met in October 2023
    organisation = pair.programme.organisation
    FeedbackFactory(meeting=MeetingFactory(pair=pair))
    IncentiveDecisionFactory(mentor=pair.mentor)
    MatchPreference.objects.create(
        participant=pair.mentees.first().mentee, preferred=pair.mentor, programme=pair.programme
    )
    ErasureAct.objects.create(
        organisation=organisation, former_participant_id=10_000, erased_data=["телефон"]
    )
    PartnerOrganisation.objects.create(organisation=organisation, name="ООО «Партнёр»")
    MentorTraining.objects.create(
        mentor=pair.mentor, course="Школа наставника", hours=16, completed_on=pair.start_date
    )
    Case.objects.create(organisation=organisation, title="Кейс", description="Описание", pair=pair)
    ParticipantChangeProposalFactory(participant=pair.mentees.first().mentee)
    MentoringAgreementFactory(pair=pair)
    OrderTemplateFactory(organisation=organisation)
    PlanTaskFactory(plan__membership=pair.mentees.first())
    return pair


@pytest.mark.parametrize("model_admin", MODEL_ADMINS, ids=lambda admin: type(admin).__name__)
def test_list_and_export_headings_are_the_models_labels_in_sentence_case(
    client, records, model_admin
):
    client.force_login(user_with_role("superuser"))
    url = model_admin.url_helper.index_url

    listing = client.get(url)
    assert listing.status_code == 200
    assert_sentence_case_labels(
        list_headings(listing.content.decode()), model_admin, model_admin.list_display
    )

    if not model_admin.list_export:
        return
    workbook = openpyxl.load_workbook(io.BytesIO(downloaded(client.get(url, {"export": "xlsx"}))))
    rows = list(workbook.active.values)
    assert len(rows) > 1, "the export has no rows"
    assert_sentence_case_labels(list(rows[0]), model_admin, model_admin.list_export)

    text = downloaded(client.get(url, {"export": "csv"})).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 1, "the export has no rows"
    assert_sentence_case_labels(rows[0], model_admin, model_admin.list_export)


def test_an_export_heading_written_on_the_model_admin_replaces_the_label(
    client, records, monkeypatch
):
    pair_admin = next(admin for admin in MODEL_ADMINS if type(admin).__name__ == "PairAdmin")
    monkeypatch.setattr(pair_admin, "export_headings", {"mentor": "Ведёт"}, raising=False)
    client.force_login(user_with_role("superuser"))

    response = client.get(pair_admin.url_helper.index_url, {"export": "xlsx"})

    headings = next(openpyxl.load_workbook(io.BytesIO(downloaded(response))).active.values)
    assert headings[:2] == ("Ведёт", "Наставляемые")


def test_list_filters_are_headed_by_their_russian_titles(client, records):
    client.force_login(user_with_role("superuser"))

    content = client.get("/admin/programmes/participant/").content.decode()

    assert "By " not in content
    assert "Категория" in content
