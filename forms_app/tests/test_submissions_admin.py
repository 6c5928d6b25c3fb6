"""The questionnaire's answers in Wagtail's admin: readable list and export, logged deletions."""

import csv
import datetime
import io
from urllib.parse import quote

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, include, path, resolve, reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.auth import require_admin_access
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry
from wagtail.utils.urlpatterns import decorate_urlpatterns

from forms_app.admin.submissions import (
    DELETE_ACTION,
    QuestionnaireDeleteSubmissionsView,
    QuestionnaireSubmissionsListView,
    SubmissionsDeletedFormatter,
    delete_submissions_urls,
)
from forms_app.models import (
    QuestionnaireAccess,
    QuestionnaireField,
    QuestionnairePage,
    QuestionnaireSubmission,
)
from forms_app.reports.filenames import answers_basename
from forms_app.reports.views import report_urls
from forms_app.tests.factories import questionnaire_page
from portal.tests.factories import user_with_role
from programmes.pagination import CappedCountPaginator
from programmes.tests.factories import OrganisationFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

# Until forms_app/wagtail_hooks.py registers them: the deletion view before Wagtail's own URLs
# (as `register_admin_urls` with order=-1 puts it), both wrapped in Wagtail's admin check.
urlpatterns = [
    path(
        "admin/",
        include(
            decorate_urlpatterns([*delete_submissions_urls(), *report_urls()], require_admin_access)
        ),
    ),
    path("", include("portal.urls")),
]


def _wired() -> bool:
    try:
        reverse("forms_app_results", args=[1])
        delete_view = resolve(reverse("wagtailforms:delete_submissions", args=[1]))
    except NoReverseMatch:
        return False
    return getattr(delete_view.func, "view_class", None) is QuestionnaireDeleteSubmissionsView


@pytest.fixture(autouse=True)
def _admin_urls(settings, monkeypatch):
    if not _wired():
        settings.ROOT_URLCONF = __name__
    # Until the page model names it.
    if (
        QuestionnairePage().get_submissions_list_view_class()
        is not QuestionnaireSubmissionsListView
    ):
        monkeypatch.setattr(
            QuestionnairePage, "submissions_list_view_class", QuestionnaireSubmissionsListView
        )


FIELDS = [
    ("Ваш наставник", "participant", ""),
    ("Дата первой встречи", "date", ""),
    ("Что было полезно?", "checkboxes", ""),
    ("Хочу продолжать", "checkbox", ""),
    ("Комментарий", "multiline", ""),
]
SUBMITTED = datetime.datetime(2024, 3, 5, 7, 15, tzinfo=datetime.UTC)  # 10:15 in Moscow


@pytest.fixture
def people():
    organisation = OrganisationFactory()
    return {
        "mentor": ParticipantFactory(
            organisation=organisation,
            last_name="Смирнова",
            first_name="Анна",
            patronymic="",
            group="",
        ),
        "mentee": ParticipantFactory(
            mentee=True,
            organisation=organisation,
            last_name="Петров",
            first_name="Илья",
            patronymic="",
            group="8 «Б»",
        ),
    }


@pytest.fixture
def page(people):
    page = questionnaire_page(
        fields=FIELDS,
        title="Обратная связь: весна",
        access=QuestionnaireAccess.PARTICIPANTS,
        organisation=people["mentor"].organisation,
    )
    QuestionnaireField.objects.filter(page=page, label="Что было полезно?").update(
        choices="Беседы\nПроекты"
    )
    clean = {field.label: field.clean_name for field in page.get_form_fields()}
    submission = QuestionnaireSubmission.objects.create(
        page=page,
        participant=people["mentee"],
        form_data={
            clean["Ваш наставник"]: people["mentor"].pk,
            clean["Дата первой встречи"]: "2024-02-01",
            clean["Что было полезно?"]: ["Беседы", "Проекты"],
            clean["Хочу продолжать"]: True,
            clean["Комментарий"]: "=1+1",
        },
    )
    QuestionnaireSubmission.objects.filter(pk=submission.pk).update(submit_time=SUBMITTED)
    return page


def list_url(page, **query):
    url = reverse("wagtailforms:list_submissions", args=[page.pk])
    return f"{url}?{'&'.join(f'{k}={v}' for k, v in query.items())}" if query else url


def test_export_xlsx_is_named_in_russian_and_reads_like_the_form(admin_client, page):
    response = admin_client.get(list_url(page, export="xlsx"))

    assert response.status_code == 200
    today = timezone.localdate()
    basename = answers_basename("Обратная связь: весна", today)
    assert basename == f"{gettext('Answers')} — Обратная связь весна — {today:%d.%m.%Y}"
    disposition = response["Content-Disposition"]
    assert f"filename*=utf-8''{quote(basename + '.xlsx', safe='')}" in disposition
    assert f'filename="answers-{page.slug}-{today:%Y-%m-%d}.xlsx"' in disposition
    assert disposition.isascii()

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, row = [cell.value for cell in sheet[1]], sheet[2]
    assert header == [
        gettext("Date and time"),
        gettext("Participant"),
        *(label for label, _type, _maps in FIELDS),
    ]
    assert row[0].value == datetime.datetime(2024, 3, 5, 10, 15)
    assert row[0].number_format == "DD.MM.YYYY HH:MM"
    assert [cell.value for cell in row[1:]] == [
        "Петров Илья (8 «Б»)",
        "Смирнова Анна",
        "01.02.2024",
        "Беседы, Проекты",
        gettext("Yes"),
        "=1+1",
    ]
    assert row[6].data_type == "s"  # never a formula


def test_export_csv_has_a_bom_names_and_local_time(admin_client, page):
    response = admin_client.get(list_url(page, export="csv"))

    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.removeprefix("\ufeff"))))
    assert rows[1][:4] == ["05.03.2024 10:15", "Петров Илья (8 «Б»)", "Смирнова Анна", "01.02.2024"]
    today = timezone.localdate()
    assert f'filename="answers-{page.slug}-{today:%Y-%m-%d}.csv"' in response["Content-Disposition"]


def test_anonymous_questionnaire_has_no_participant_column(admin_client, people):
    page = questionnaire_page(fields=FIELDS[1:2], title="Анонимная анкета")
    QuestionnaireSubmission.objects.create(
        page=page, form_data={page.get_form_fields()[0].clean_name: "2024-02-01"}
    )

    response = admin_client.get(list_url(page, export="xlsx"))

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in sheet[1]] == [gettext("Date and time"), "Дата первой встречи"]


def test_list_shows_names_dates_and_links_the_report(admin_client, page, people):
    response = admin_client.get(list_url(page))

    content = response.content.decode()
    assert response.status_code == 200
    assert "05.03.2024 10:15" in content
    assert "Петров Илья (8 «Б»)" in content and "Смирнова Анна" in content
    assert reverse("forms_app_results", args=[page.pk]) in content


def test_list_names_participants_in_one_query_whatever_the_page_size(admin_client, page, people):
    def count():
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(list_url(page)).status_code == 200
        return len(captured)

    few = count()
    clean = page.get_form_fields()[0].clean_name
    for n in range(15):
        mentee = ParticipantFactory(mentee=True, organisation=people["mentor"].organisation)
        QuestionnaireSubmission.objects.create(
            page=page, participant=mentee, form_data={clean: people["mentor"].pk + n % 2}
        )

    assert count() == few


def test_list_of_a_huge_survey_counts_no_further_than_it_pages(
    admin_client, page, people, monkeypatch
):
    monkeypatch.setattr(CappedCountPaginator, "count_limit", 2)
    clean = page.get_form_fields()[0].clean_name
    for _number in range(4):
        QuestionnaireSubmission.objects.create(page=page, form_data={clean: people["mentor"].pk})

    with CaptureQueriesContext(connection) as captured:
        response = admin_client.get(list_url(page))

    assert response.status_code == 200
    assert response.context["paginator"].is_capped
    counts = [query["sql"] for query in captured if "COUNT(" in query["sql"].upper()]
    assert counts and all("LIMIT 3" in sql for sql in counts)
    assert admin_client.get(list_url(page), {"export": "xlsx"}).status_code == 200


def test_deleting_answers_is_logged_with_who_and_how_many(client, page):
    admin = user_with_role("superuser")
    client.force_login(admin)
    other = QuestionnaireSubmission.objects.create(page=page, form_data={})
    ids = list(page.get_submissions().values_list("pk", flat=True))
    url = reverse("wagtailforms:delete_submissions", args=[page.pk])
    query = "&".join(f"selected-submissions={pk}" for pk in ids)

    confirm = client.get(f"{url}?{query}")
    response = client.post(f"{url}?{query}")

    assert confirm.status_code == 200
    assert response.status_code == 302
    assert not QuestionnaireSubmission.objects.filter(pk__in=[*ids, other.pk]).exists()
    entry = PageLogEntry.objects.get(page=page, action=DELETE_ACTION)
    assert entry.user == admin
    assert entry.data == {"count": 2}
    message = SubmissionsDeletedFormatter().format_message(entry)
    assert message == gettext("Answers deleted: %(count)s") % {"count": 2}
    assert log_registry.action_exists(DELETE_ACTION)
    assert entry.message == message  # as the page's history shows it


def test_nothing_deleted_nothing_logged(admin_client, page):
    url = reverse("wagtailforms:delete_submissions", args=[page.pk])

    admin_client.post(f"{url}?selected-submissions=999999")

    assert page.get_submissions().count() == 1
    assert not PageLogEntry.objects.filter(action=DELETE_ACTION).exists()


def test_deleting_is_refused_to_whom_wagtail_refuses_the_answers(client, page):
    client.force_login(user_with_role("curator"))
    submission = page.get_submissions().get()
    url = reverse("wagtailforms:delete_submissions", args=[page.pk])

    client.post(f"{url}?selected-submissions={submission.pk}")

    assert QuestionnaireSubmission.objects.filter(pk=submission.pk).exists()
    assert not PageLogEntry.objects.filter(action=DELETE_ACTION).exists()


@pytest.mark.parametrize(
    "url_name",
    ["wagtailforms:list_submissions", "forms_app_results", "forms_app_results_xlsx"],
)
def test_an_editor_edits_the_questionnaire_but_reads_no_answer(client, page, people, url_name):
    client.force_login(user_with_role("editor"))
    name = people["mentor"].last_name

    answers = client.get(reverse(url_name, args=[page.pk]))
    export = client.get(reverse(url_name, args=[page.pk]) + "?export=xlsx")
    forms_index = client.get(reverse("wagtailforms:index"))
    editor_page = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))

    assert answers.status_code in (302, 403) and export.status_code in (302, 403)
    assert name not in answers.content.decode() + export.content.decode()
    assert page.title not in forms_index.content.decode()
    assert editor_page.status_code == 200


def test_a_curator_of_the_page_organisation_reads_its_answers(client, page, people):
    curator = user_with_role("curator")
    people["mentor"].organisation.members.add(curator)
    client.force_login(curator)

    response = client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))

    assert response.status_code == 200
    assert people["mentor"].last_name in response.content.decode()


@pytest.mark.parametrize("role", ["curator", "auditor"])
def test_readers_of_answers_are_offered_no_deletion(client, page, people, role):
    reader = user_with_role(role)
    people["mentor"].organisation.members.add(reader)
    client.force_login(reader)

    html = client.get(list_url(page)).content.decode()

    assert people["mentee"].last_name in html
    assert 'name="selected-submissions"' not in html
    assert reverse("wagtailforms:delete_submissions", args=[page.pk]) not in html


def test_who_may_delete_gets_the_selection_boxes(admin_client, page):
    html = admin_client.get(list_url(page)).content.decode()

    assert html.count('name="selected-submissions"') == 1
    assert reverse("wagtailforms:delete_submissions", args=[page.pk]) in html
