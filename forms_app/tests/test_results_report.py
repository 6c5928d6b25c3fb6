"""The questionnaire results report: its numbers, the XLSX workbook, who may open it, its cost."""

import datetime
import io
import zipfile
from urllib.parse import quote

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from forms_app.admin.submissions import delete_submissions_urls
from forms_app.models import QuestionnaireField, QuestionnaireSubmission
from forms_app.reports import views as report_views
from forms_app.reports import xlsx
from forms_app.reports.filenames import report_filename
from forms_app.reports.participants import participant_label
from forms_app.reports.results import QuestionKind, questionnaire_results
from forms_app.reports.views import report_urls
from forms_app.reports.xlsx import unique_sheet_name, write_results_xlsx
from forms_app.tests.factories import questionnaire_page
from portal.tests.access import OK, REFUSED, TO_LOGIN, outcome
from portal.tests.factories import ROLES, user_with_role
from programmes.tests.factories import OrganisationFactory, ParticipantFactory, pair_with_mentees

pytestmark = pytest.mark.django_db

# Until forms_app/wagtail_hooks.py registers them, the tests serve the views from this urlconf,
# wrapped in Wagtail's admin check exactly as `register_admin_urls` wraps them.
urlpatterns = [
    path(
        "admin/",
        include(
            decorate_urlpatterns([*report_urls(), *delete_submissions_urls()], require_admin_access)
        ),
    ),
    path("", include("portal.urls")),
]


@pytest.fixture(autouse=True)
def _report_urls(settings):
    try:
        reverse("forms_app_results", args=[1])
    except NoReverseMatch:
        settings.ROOT_URLCONF = __name__


FIELDS = [
    ("Как часто вы встречались?", "radio", ""),
    ("Оцените наставника", "rating_5", ""),
    ("Что было полезно?", "checkboxes", ""),
    ("Сколько было встреч?", "number", ""),
    ("Что улучшить?", "multiline", ""),
    ("Дата первой встречи", "date", ""),
    ("Ваш наставник", "participant", ""),
    ("Хочу продолжать", "checkbox", ""),
]
CHOICES = {
    "Как часто вы встречались?": "Раз в неделю\nРаз в месяц\nРеже",
    "Что было полезно?": "Беседы\nПроекты\nЭкскурсии",
}
START = datetime.datetime(2024, 1, 10, 9, 30, tzinfo=datetime.UTC)


def make_page(*, fields=FIELDS, choices=CHOICES, title="Итоги года", **page_fields):
    page = questionnaire_page(fields=fields, title=title, **page_fields)
    for label, text in choices.items():
        QuestionnaireField.objects.filter(page=page, label=label).update(choices=text)
    return page


def names(page) -> dict[str, str]:
    return {field.label: field.clean_name for field in page.get_form_fields()}


def submit(page, when, **answers_by_label):
    clean = names(page)
    submission = QuestionnaireSubmission.objects.create(
        page=page, form_data={clean[label]: value for label, value in answers_by_label.items()}
    )
    QuestionnaireSubmission.objects.filter(pk=submission.pk).update(submit_time=when)
    return submission


@pytest.fixture
def mentors():
    organisation = OrganisationFactory()
    return [
        ParticipantFactory(organisation=organisation, last_name=last_name, group="")
        for last_name in ("Антонов", "Борисов", "Васильев")
    ]


@pytest.fixture
def page(mentors):
    antonov, borisov, _vasiliev = mentors
    page = make_page(organisation=antonov.organisation)
    answers = [
        {
            "Как часто вы встречались?": "Раз в неделю",
            "Оцените наставника": 5,
            "Что было полезно?": ["Беседы", "Проекты"],
            "Сколько было встреч?": "3",
            "Что улучшить?": "Больше проектов",
            "Дата первой встречи": "2024-01-15",
            "Ваш наставник": antonov.pk,
            "Хочу продолжать": True,
        },
        {
            "Как часто вы встречались?": "Раз в неделю",
            "Оцените наставника": 4,
            "Что было полезно?": ["Беседы"],
            "Сколько было встреч?": "5",
            "Что улучшить?": "",
            "Дата первой встречи": "2024-01-20",
            "Ваш наставник": antonov.pk,
            "Хочу продолжать": False,
        },
        {
            "Как часто вы встречались?": "Раз в месяц",
            "Оцените наставника": 2,
            "Что было полезно?": [],
            "Сколько было встреч?": "10",
            "Что улучшить?": "Всё хорошо",
            "Дата первой встречи": "2024-03-01",
            "Ваш наставник": borisov.pk,
            "Хочу продолжать": True,
        },
        # Sent before these questions existed: no answer to any of them.
        {},
    ]
    for day, data in enumerate(answers):
        submit(page, START + datetime.timedelta(days=day), **data)
    return page


def question(report, label):
    return next(q for q in report.questions if q.label == label)


def table(result) -> list[tuple[str, int, float]]:
    return [(row.label, row.count, row.share) for row in result.rows]


# --- the numbers ----------------------------------------------------------------------------


def test_single_choice_lists_every_option_with_counts_shares_and_no_answer(page):
    report = questionnaire_results(page)

    assert report.total == 4
    frequency = question(report, "Как часто вы встречались?")
    assert frequency.kind == QuestionKind.CHOICE
    assert table(frequency) == [
        ("Раз в неделю", 2, 50.0),
        ("Раз в месяц", 1, 25.0),
        ("Реже", 0, 0.0),
    ]
    assert (frequency.no_answer.count, frequency.no_answer.share) == (1, 25.0)
    assert frequency.no_answer.label == gettext("No answer")
    assert frequency.answered == 3


def test_rating_distribution_mean_and_median(page):
    rating = question(questionnaire_results(page), "Оцените наставника")

    assert table(rating) == [
        ("1", 0, 0.0),
        ("2", 1, 25.0),
        ("3", 0, 0.0),
        ("4", 1, 25.0),
        ("5", 1, 25.0),
    ]
    assert rating.no_answer.count == 1
    assert rating.mean == 3.67
    assert rating.median == 4.0


def test_several_options_share_of_respondents_and_empty_ticks_are_no_answer(page):
    useful = question(questionnaire_results(page), "Что было полезно?")

    assert useful.multiple
    assert table(useful) == [("Беседы", 2, 50.0), ("Проекты", 1, 25.0), ("Экскурсии", 0, 0.0)]
    assert (useful.no_answer.count, useful.no_answer.share) == (2, 50.0)


def test_numbers_mean_median_and_range(page):
    meetings = question(questionnaire_results(page), "Сколько было встреч?")

    assert meetings.kind == QuestionKind.NUMBER
    assert (meetings.answered, meetings.no_answer.count) == (3, 1)
    assert (meetings.mean, meetings.median, meetings.minimum, meetings.maximum) == (
        6.0,
        5.0,
        3.0,
        10.0,
    )


def test_free_answers_listed_newest_first_without_empty_ones(page):
    report = questionnaire_results(page)
    improve = question(report, "Что улучшить?")

    assert improve.kind == QuestionKind.TEXT
    assert [answer.text for answer in improve.texts] == ["Всё хорошо", "Больше проектов"]
    assert improve.texts[0].submitted_at == START + datetime.timedelta(days=2)
    assert (improve.answered, improve.no_answer.count) == (2, 2)

    limited = question(questionnaire_results(page, text_limit=1), "Что улучшить?")
    assert [answer.text for answer in limited.texts] == ["Всё хорошо"]
    assert limited.texts_left_out == 1


def test_dates_by_month(page):
    first_meeting = question(questionnaire_results(page), "Дата первой встречи")

    assert first_meeting.kind == QuestionKind.DATE
    assert table(first_meeting) == [("01.2024", 2, 50.0), ("03.2024", 1, 25.0)]
    assert first_meeting.no_answer.count == 1


def test_participants_by_name_every_offered_one_listed(page, mentors):
    antonov, borisov, vasiliev = mentors
    mentor = question(questionnaire_results(page), "Ваш наставник")

    assert table(mentor) == [
        (antonov.full_name, 2, 50.0),
        (borisov.full_name, 1, 25.0),
        (vasiliev.full_name, 0, 0.0),
    ]
    assert mentor.no_answer.count == 1


def test_tick_box_yes_no(page):
    tick = question(questionnaire_results(page), "Хочу продолжать")

    assert table(tick) == [(gettext("Yes"), 2, 50.0), (gettext("No"), 1, 25.0)]
    assert tick.no_answer.count == 1


def test_total_and_period(page):
    report = questionnaire_results(page)

    assert report.first_submitted_at == START
    assert report.last_submitted_at == START + datetime.timedelta(days=3)
    assert report.period_display == "10.01.2024 – 13.01.2024"
    assert [q.label for q in report.questions] == [label for label, _type, _maps in FIELDS]


def test_values_no_longer_offered_are_kept_apart(mentors):
    antonov = mentors[0]
    page = make_page(organisation=antonov.organisation)
    submit(page, START, **{"Как часто вы встречались?": "Раз в год", "Ваш наставник": 999999})
    submit(page, START, **{"Ваш наставник": "неизвестно", "Оцените наставника": "отлично"})
    report = questionnaire_results(page)

    frequency = question(report, "Как часто вы встречались?")
    assert table(frequency)[-1] == ("Раз в год", 1, 50.0)
    assert not frequency.rows[-1].declared
    mentor = question(report, "Ваш наставник")
    assert [(row.label, row.count) for row in mentor.rows if not row.declared] == [
        (gettext("Participant No. %(id)s (deleted)") % {"id": 999999}, 1),
        ("неизвестно", 1),
    ]
    rating = question(report, "Оцените наставника")
    assert table(rating)[-1] == ("отлично", 1, 50.0)
    assert rating.mean is None
    assert report.has_undeclared_rows


def test_participants_offered_by_the_programme(mentors):
    pair = pair_with_mentees(mentees=2)
    page = make_page(
        fields=[("Ваш наставник", "participant", "")], choices={}, programme=pair.programme
    )
    submit(page, START, **{"Ваш наставник": pair.mentor.pk})
    submit(page, START, **{"Ваш наставник": mentors[0].pk})  # not in the programme

    rows = question(questionnaire_results(page), "Ваш наставник").rows

    offered = [row for row in rows if row.declared]
    assert sorted(row.label for row in offered) == sorted(
        participant_label(person) for person in page.participant_choices()
    )
    assert len(offered) == 3
    assert [(row.label, row.count) for row in rows if not row.declared] == [
        (mentors[0].full_name, 1)
    ]


def test_a_page_without_answers(mentors):
    page = make_page(organisation=mentors[0].organisation)
    report = questionnaire_results(page)

    assert report.total == 0 and report.period_display == ""
    assert all(row.count == 0 and row.share == 0 for q in report.questions for row in q.rows)


# --- the workbook ---------------------------------------------------------------------------


def workbook_bytes(report) -> bytes:
    output = io.BytesIO()
    write_results_xlsx(report, output)
    return output.getvalue()


def sheet_rows(sheet) -> list[list]:
    """The sheet's rows without their empty cells."""
    return [[cell for cell in row if cell is not None] for row in sheet.values]


def test_workbook_has_a_summary_a_sheet_per_question_and_charts(page):
    content = workbook_bytes(questionnaire_results(page))
    workbook = openpyxl.load_workbook(io.BytesIO(content))

    summary = workbook.worksheets[0]
    assert summary.title == gettext("Summary")
    cells = sheet_rows(summary)
    assert cells[0] == [gettext("Questionnaire results report")]
    assert [gettext("Questionnaire"), "Итоги года"] in cells
    assert [gettext("Period"), "10.01.2024 – 13.01.2024"] in cells
    assert [gettext("Total answers"), 4] in cells
    report_made = next(row[1] for row in cells if row and row[0] == gettext("Report made"))
    assert isinstance(report_made, datetime.datetime)
    assert workbook.properties.title == f"{gettext('Questionnaire results report')} — Итоги года"

    question_names = [
        unique_sheet_name(f"{n}. {label}", set()) for n, (label, *_) in enumerate(FIELDS, 1)
    ]
    assert workbook.sheetnames == [gettext("Summary"), *question_names]
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    assert len({name.casefold() for name in workbook.sheetnames}) == len(workbook.sheetnames)
    # The «Sheet» column names the sheet with the question's details, free answers included.
    assert [row[-1] for row in cells[-len(FIELDS) :]] == question_names

    frequency = workbook[question_names[0]]
    rows = sheet_rows(frequency)
    assert rows[0] == ["1. Как часто вы встречались?"]
    assert ["Раз в неделю", 2, 0.5] in rows
    assert [gettext("No answer"), 1, 0.25] in rows
    assert [gettext("Total answers"), 4] in rows
    assert frequency["C5"].number_format == "0.0%"
    useful = sheet_rows(workbook[question_names[2]])
    assert useful[-1] == [
        gettext(
            "Several options could be chosen: a share is the part of the respondents who "
            "chose the option, so the shares add up to more than 100 per cent."
        )
    ]
    meetings = sheet_rows(workbook[question_names[3]])
    assert [gettext("Mean"), 6] in meetings and [gettext("Maximum"), 10] in meetings

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        charts = sorted(name for name in archive.namelist() if name.startswith("xl/charts/chart"))
        chart_xml = archive.read("xl/charts/chart1.xml").decode()
    # Radio, rating, ticks, date, participant and tick box: a bar chart each.
    assert len(charts) == 6
    assert '<c:barDir val="bar"/>' in chart_xml
    assert f"<c:f>'{question_names[0]}'!$A$5:$A$7</c:f>" in chart_xml
    assert f"<c:f>'{question_names[0]}'!$B$5:$B$7</c:f>" in chart_xml
    # Options read top-down as in the table.
    assert '<c:orientation val="maxMin"/>' in chart_xml


def test_free_answers_on_the_questions_own_sheet_newest_first_in_local_time(page):
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes(questionnaire_results(page))))

    sheet = workbook[unique_sheet_name("5. Что улучшить?", set())]
    rows = list(sheet.values)
    assert rows[0][0] == "5. Что улучшить?"
    assert sheet["A1"].font.b and sheet["A2"].font.i
    assert (gettext("Answered"), 2) in rows and (gettext("No answer"), 2) in rows
    assert rows[5] == (gettext("Date and time"), gettext("Answer"))
    assert sheet.freeze_panes == "A7"
    # Moscow time, as the curator reads it, to the second.
    assert rows[6:] == [
        (datetime.datetime(2024, 1, 12, 12, 30), "Всё хорошо"),
        (datetime.datetime(2024, 1, 10, 12, 30), "Больше проектов"),
    ]
    assert sheet["A7"].number_format == "DD.MM.YYYY HH:MM"
    assert sheet["B7"].alignment.wrap_text


def test_sheet_names_are_short_unique_and_valid():
    taken = set()
    long_label = "Оцените, пожалуйста, насколько полезными были встречи: [все]"
    first = unique_sheet_name(long_label, taken)
    second = unique_sheet_name(long_label, taken)

    assert len(first) <= 31 and len(second) <= 31
    assert first != second
    assert not set("[]:*?/\\") & set(first + second)


def test_formula_like_answers_stay_text(mentors):
    page = make_page(organisation=mentors[0].organisation)
    submit(page, START, **{"Что улучшить?": '=HYPERLINK("http://evil")\x07'})
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes(questionnaire_results(page))))

    cell = workbook[unique_sheet_name("5. Что улучшить?", set())]["B7"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://evil")'


def test_a_question_without_answers_says_so(mentors):
    page = make_page(organisation=mentors[0].organisation)
    submit(page, START, **{"Как часто вы встречались?": "Реже"})
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes(questionnaire_results(page))))

    rows = sheet_rows(workbook[unique_sheet_name("5. Что улучшить?", set())])
    assert [gettext("Answered"), 0] in rows and [gettext("No answer"), 1] in rows
    assert rows[-2:] == [
        [gettext("Date and time"), gettext("Answer")],
        [gettext("No answers yet.")],
    ]


def test_free_answers_past_the_row_limit_go_on_to_a_further_sheet(monkeypatch, mentors):
    # Six rows of heading and two answers on the first sheet, four rows of heading after.
    monkeypatch.setattr(xlsx, "ROWS_PER_SHEET", 8)
    page = make_page(fields=[("Что улучшить?", "multiline", "")], choices={})
    for hour in range(5):
        submit(page, START + datetime.timedelta(hours=hour), **{"Что улучшить?": f"Ответ {hour}"})
    workbook = openpyxl.load_workbook(io.BytesIO(workbook_bytes(questionnaire_results(page))))

    first, second = workbook.sheetnames[1:]
    assert second == unique_sheet_name(first, {first.casefold()})
    assert (workbook[first].max_row, workbook[second].max_row) == (8, 7)
    continued = list(workbook[second].values)
    assert continued[0][0] == "1. Что улучшить?"
    assert continued[1][0] == gettext("Continued from the sheet «%(sheet)s».") % {"sheet": first}
    assert continued[3] == (gettext("Date and time"), gettext("Answer"))
    assert workbook[second].freeze_panes == "A5"
    answers = [row[1] for row in list(workbook[first].values)[6:] + continued[4:]]
    assert answers == [f"Ответ {hour}" for hour in reversed(range(5))]


# --- the admin views ------------------------------------------------------------------------

# Answers are read by the curators and auditors of the page's organisation and the superuser
# (forms_app's filter_form_submissions_for_user hook); editing the page is not enough.
EXPECTED = {
    "anonymous": TO_LOGIN,
    "participant": TO_LOGIN,  # no admin access
    "editor": REFUSED,  # edits every page, reads no school's answers
    "curator": OK,  # a member of the page's organisation
    "auditor": OK,
    "superuser": OK,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("url_name", ["forms_app_results", "forms_app_results_xlsx"])
def test_access_follows_wagtails_rule_for_submissions(client, page, mentors, role, url_name):
    user = user_with_role(role)
    if user is not None:
        if role in ("curator", "auditor"):
            mentors[0].organisation.members.add(user)
        client.force_login(user)

    response = client.get(reverse(url_name, args=[page.pk]))

    assert outcome(response) == EXPECTED[role]


@pytest.mark.parametrize("role", ["curator", "auditor"])
def test_staff_of_another_organisation_cannot_read_the_report(client, page, role):
    client.force_login(user_with_role(role))

    assert outcome(client.get(reverse("forms_app_results", args=[page.pk]))) == REFUSED


@pytest.mark.parametrize(
    ("role", "may_delete"),
    [("curator", False), ("auditor", False), ("editor", False), ("superuser", True)],
)
def test_only_who_reads_the_answers_and_edits_the_page_deletes_them(
    client, page, mentors, role, may_delete
):
    user = user_with_role(role)
    mentors[0].organisation.members.add(user)
    client.force_login(user)
    before = page.get_submissions().count()
    ids = list(page.get_submissions().values_list("pk", flat=True)[:1])

    client.post(f"/admin/forms/submissions/{page.pk}/delete/?selected-submissions={ids[0]}")

    assert page.get_submissions().count() == before - (1 if may_delete else 0)


def test_report_page_shows_tables_bars_and_the_download_button(admin_client, page):
    response = admin_client.get(reverse("forms_app_results", args=[page.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Раз в неделю" in content and '<rect width="50.0%"' in content
    assert reverse("forms_app_results_xlsx", args=[page.pk]) in content
    assert gettext("Download XLSX") in content
    assert "Больше проектов" in content
    assert "10.01.2024 – 13.01.2024" in content


def test_a_page_that_is_no_form_is_refused_and_a_missing_one_too(admin_client):
    section = questionnaire_page().get_parent()

    # Wagtail's rule lists form pages only: anything else is refused before being looked up.
    for page_id in (section.pk, 999999):
        response = admin_client.get(reverse("forms_app_results", args=[page_id]))
        assert outcome(response) == REFUSED


def test_download_is_named_in_russian_with_the_title_and_date(admin_client, page):
    response = admin_client.get(reverse("forms_app_results_xlsx", args=[page.pk]))

    today = timezone.localdate()
    expected = report_filename("Итоги года", today)
    assert expected == (
        f"{gettext('Questionnaire results report')} — Итоги года — {today:%d.%m.%Y}.xlsx"
    )
    disposition = response["Content-Disposition"]
    assert f"filename*=utf-8''{quote(expected, safe='')}" in disposition
    assert f'filename="questionnaire-results-{page.slug}-{today:%Y-%m-%d}.xlsx"' in disposition
    assert disposition.isascii()
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.worksheets[0].title == gettext("Summary")


def test_a_huge_surveys_free_answers_are_capped_and_point_to_all_answers(
    admin_client, monkeypatch, mentors
):
    monkeypatch.setattr(report_views, "HTML_TEXT_LIMIT", 1)
    monkeypatch.setattr(report_views, "XLSX_TEXT_LIMIT", 2)
    page = make_page(fields=[("Что улучшить?", "multiline", "")], choices={})
    for hour in range(4):
        submit(page, START + datetime.timedelta(hours=hour), **{"Что улучшить?": f"Ответ {hour}"})

    html = admin_client.get(reverse("forms_app_results", args=[page.pk])).content.decode()
    response = admin_client.get(reverse("forms_app_results_xlsx", args=[page.pk]))
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))

    assert "Ответ 3" in html and "Ответ 2" not in html
    assert reverse("wagtailforms:list_submissions", args=[page.pk]) in html
    rows = list(workbook[unique_sheet_name("1. Что улучшить?", set())].values)
    note = gettext(
        "The newest %(shown)s of %(total)s answers are listed; every answer is in the "
        "questionnaire's «All answers» and its download (CSV or XLSX)."
    ) % {"shown": 2, "total": 4}
    assert (note, None) in rows
    assert [row[1] for row in rows[-2:]] == ["Ответ 3", "Ответ 2"]


def test_report_costs_the_same_queries_for_10_and_300_answers(admin_client, mentors):
    page = make_page(organisation=mentors[0].organisation)
    clean = names(page)

    def add(count):
        QuestionnaireSubmission.objects.bulk_create(
            QuestionnaireSubmission(
                page=page,
                form_data={
                    clean["Как часто вы встречались?"]: "Раз в месяц",
                    clean["Оцените наставника"]: n % 5 + 1,
                    clean["Что улучшить?"]: f"Ответ {n}",
                    clean["Ваш наставник"]: mentors[n % 3].pk,
                },
            )
            for n in range(count)
        )

    def queries(url_name):
        admin_client.get(reverse(url_name, args=[page.pk]))  # warm the per-request caches
        with CaptureQueriesContext(connection) as captured:
            response = admin_client.get(reverse(url_name, args=[page.pk]))
            if url_name.endswith("xlsx"):
                b"".join(response.streaming_content)
        assert response.status_code == 200
        return len(captured)

    add(10)
    few = (queries("forms_app_results"), queries("forms_app_results_xlsx"))
    add(290)
    many = (queries("forms_app_results"), queries("forms_app_results_xlsx"))

    assert few == many
