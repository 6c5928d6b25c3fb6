"""The change journal in the admin: who sees which rows, filters, XLSX export, query counts."""

import datetime
import io
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from openpyxl import load_workbook

from portal.tests.factories import UserFactory, user_with_role
from programmes.history.admin import JournalMenuItem
from programmes.history.journal import JournalFilters, journal_rows
from programmes.history.views import HistoryPaginator
from programmes.models import MentoringForm, Pair, PairStatus, Participant
from programmes.tests.factories import (
    OrderFactory,
    OrganisationFactory,
    PairFactory,
    ParticipantFactory,
)

pytestmark = pytest.mark.django_db

JOURNAL = "/admin/journal/"
EXPORT = "/admin/journal/export/"


def ru(text, **values):
    with translation.override("ru"):
        text = str(_(text))
    return text % values if values else text


def at(day: datetime.date, hour=12, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def member_of(role, *organisations):
    user = user_with_role(role)
    for organisation in organisations:
        organisation.members.add(user)
    return user


def saved(instance, user=None, when=None, reason=None):
    if user is not None:
        instance._history_user = user
    if when is not None:
        instance._history_date = when
    if reason is not None:
        instance._change_reason = reason
    instance.save()
    for name in ("_history_user", "_history_date", "_change_reason"):
        instance.__dict__.pop(name, None)
    return instance


def body(response):
    assert response.status_code == 200
    return response.content.decode()


def table(html):
    """The journal's table only (the filter form lists users and types too)."""
    if "<tbody>" not in html:
        return ""
    return html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]


@pytest.fixture
def two_schools():
    school_a = OrganisationFactory(short_name="Школа А")
    school_b = OrganisationFactory(short_name="Школа Б")
    pair_a = PairFactory(programme__organisation=school_a, mentor__last_name="Альфина")
    pair_b = PairFactory(programme__organisation=school_b, mentor__last_name="Бетова")
    return {"a": school_a, "b": school_b, "pair_a": pair_a, "pair_b": pair_b}


# --- access --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "participant"])
def test_anonymous_users_and_participants_are_sent_to_the_login_page(client, role):
    user = user_with_role(role)
    if user:
        client.force_login(user)

    for url in (JOURNAL, EXPORT):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailadmin_login"))


def test_editors_see_only_the_history_of_the_mentoring_forms(client, two_schools):
    form = saved(MentoringForm(name="педагог – родитель"))
    editor = user_with_role("editor")
    client.force_login(editor)

    html = body(client.get(JOURNAL))

    assert "педагог – родитель" in table(html)
    assert "Альфина" not in html and "Бетова" not in html
    assert {row["model_label"] for row in journal_rows(editor)} == {form._meta.label_lower}


def test_a_curator_never_sees_another_organisations_rows(client, two_schools):
    curator = member_of("curator", two_schools["a"])
    saved(two_schools["pair_b"], user=UserFactory(last_name="Чужой"))
    client.force_login(curator)

    html = body(client.get(JOURNAL))

    assert "Альфина" in table(html)
    assert "Бетова" not in html
    assert "Чужой" not in html  # not even among the users to filter by
    export = workbook_rows(client.get(EXPORT))
    assert not [row for row in export if "Бетова" in str(row)]


def test_an_auditor_of_two_organisations_sees_both(client, two_schools):
    auditor = member_of("auditor", two_schools["a"], two_schools["b"])
    client.force_login(auditor)

    rows = table(body(client.get(JOURNAL)))

    assert "Альфина" in rows and "Бетова" in rows


def test_an_auditor_of_one_organisation_sees_only_it(client, two_schools):
    auditor = member_of("auditor", two_schools["b"])
    client.force_login(auditor)

    rows = table(body(client.get(JOURNAL)))

    assert "Бетова" in rows and "Альфина" not in rows


def test_rows_of_no_organisation_are_seen_by_every_journal_reader(client, two_schools):
    saved(MentoringForm(name="библиотекарь – читатель"))
    client.force_login(member_of("curator", two_schools["a"]))

    assert "библиотекарь – читатель" in table(body(client.get(JOURNAL)))


def test_a_superuser_sees_every_organisation(client, two_schools):
    client.force_login(user_with_role("superuser"))

    rows = table(body(client.get(JOURNAL)))

    assert "Альфина" in rows and "Бетова" in rows


def test_the_menu_item_is_shown_to_whoever_may_view_programme_records(two_schools):
    item = JournalMenuItem()
    request = RequestFactory().get("/admin/")
    for role, shown in [
        ("participant", False),
        ("editor", True),
        ("curator", True),
        ("auditor", True),
        ("superuser", True),
    ]:
        request.user = user_with_role(role)
        assert item.is_shown(request) is shown, role
    assert item.url == JOURNAL


def test_the_journal_answers_a_post_with_405(client):
    client.force_login(user_with_role("superuser"))

    assert client.post(JOURNAL).status_code == 405
    assert client.post(EXPORT).status_code == 405


# --- what a row shows ----------------------------------------------------------------------


def test_a_row_shows_who_changed_what_from_what_to_what_and_why(client, two_schools):
    pair = two_schools["pair_a"]
    curator = member_of("curator", two_schools["a"])
    curator.last_name, curator.first_name = "Кураторова", "Елена"
    curator.save()
    pair.status = PairStatus.APPROVED
    pair.order = OrderFactory(organisation=pair.programme.organisation)
    saved(pair, user=curator, reason="Приказ № 48-О")
    client.force_login(curator)

    rows = table(body(client.get(JOURNAL, {"model": "pair"})))

    newest = rows.split("</tr>", 1)[0]
    assert "Елена Кураторова" in newest
    assert f"{ru('Draft')} → {PairStatus.APPROVED.label}" in newest
    assert "Приказ № 48-О" in newest
    assert str(pair) in newest
    assert reverse("programmes_pair_modeladmin_history", args=[pair.pk]) in newest


# --- filters -------------------------------------------------------------------------------


def test_the_journal_is_filtered_by_record_type(client, two_schools):
    saved(MentoringForm(name="педагог – родитель"))
    client.force_login(user_with_role("superuser"))

    rows = table(body(client.get(JOURNAL, {"model": "mentoringform"})))

    assert "педагог – родитель" in rows
    assert "Альфина" not in rows


def test_the_journal_is_filtered_by_user(client, two_schools):
    author = UserFactory(last_name="Авторова", first_name="Инна")
    participant = ParticipantFactory(organisation=two_schools["a"], last_name="Найденова")
    saved(participant, user=author)
    client.force_login(user_with_role("superuser"))

    rows = table(body(client.get(JOURNAL, {"user": "авторова"})))

    assert rows.count("<tr>") == 1
    assert "Найденова" in rows and "Инна Авторова" in rows


def test_an_unknown_or_vague_author_gets_a_russian_message(client, monkeypatch, two_schools):
    UserFactory(last_name="Авторова")
    UserFactory(last_name="Авторов")
    monkeypatch.setattr("programmes.history.admin.MAX_MATCHED_USERS", 1)
    client.force_login(user_with_role("superuser"))

    unknown = body(client.get(JOURNAL, {"user": "Неизвестный"}))
    vague = body(client.get(JOURNAL, {"user": "автор"}))

    assert ru("Nobody with this name or login was found.") in unknown
    assert ru("Too many people match; give the surname more fully or the login.") in vague
    assert table(unknown) == table(vague) == ""


def test_the_journal_is_filtered_by_local_dates_both_ends_included(client, two_schools):
    participant = saved(
        ParticipantFactory.build(organisation=two_schools["a"], last_name="Датова"),
        when=at(datetime.date(2024, 1, 10)),
    )
    participant.phone = "февраль"
    saved(participant, when=at(datetime.date(2024, 2, 20)))
    participant.phone = "поздно вечером"
    # 23:30 in Moscow is 20:30 UTC: still the 5th of March for the journal.
    saved(participant, when=at(datetime.date(2024, 3, 5), 23, 30))
    client.force_login(user_with_role("superuser"))

    def phones(**params):
        rows = table(body(client.get(JOURNAL, {"model": "participant", **params})))
        return [phone for phone in ("февраль", "поздно вечером") if f"→ {phone}" in rows]

    assert phones(date_from="20.02.2024", date_to="05.03.2024") == ["февраль", "поздно вечером"]
    assert phones(date_from="21.02.2024", date_to="05.03.2024") == ["поздно вечером"]
    assert phones(date_from="06.03.2024") == []
    assert phones(date_to="2024-02-20") == ["февраль"]


def test_the_journal_is_filtered_by_object(client, two_schools):
    pair_a, pair_b = two_schools["pair_a"], two_schools["pair_b"]
    client.force_login(user_with_role("superuser"))

    rows = table(body(client.get(JOURNAL, {"model": "pair", "object_id": pair_b.pk})))

    assert "Бетова" in rows and "Альфина" not in rows
    assert (
        journal_rows(
            user_with_role("superuser"), JournalFilters(model=Pair, object_id=pair_a.pk)
        ).count()
        == 1
    )


def test_a_reversed_date_range_shows_an_error_and_no_rows(client, two_schools):
    client.force_login(user_with_role("superuser"))

    response = client.get(JOURNAL, {"date_from": "10.03.2024", "date_to": "01.03.2024"})

    html = body(response)
    assert ru("The end of the period is before its start.") in html
    assert table(html) == ""
    assert ru("Correct the filters to see the journal.") in html


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "31.02.2024"},
        {"date_to": "вчера"},
        {"object_id": "abc"},
        {"object_id": "99999999999999999999999"},
        {"user": "никто-такой"},
        {"model": "historicalpair"},
        {"p": "-1"},
    ],
)
def test_a_bad_filter_shows_an_error_and_never_a_server_error(client, two_schools, params):
    client.force_login(user_with_role("superuser"))

    html = body(client.get(JOURNAL, params))

    if "p" not in params:
        assert "error-message" in html
        assert table(html) == ""


def test_an_invalid_date_gets_djangos_russian_message(client):
    client.force_login(user_with_role("superuser"))

    html = body(client.get(JOURNAL, {"date_from": "31.02.2024"}))

    assert "Введите правильную дату." in html


# --- export --------------------------------------------------------------------------------


def workbook_rows(response):
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(workbook.active.iter_rows(values_only=True))


def test_the_export_is_an_xlsx_of_the_filtered_journal(client, two_schools):
    pair = two_schools["pair_a"]
    author = UserFactory(last_name="Авторова", first_name="Инна")
    pair.goals = "Подготовка к олимпиаде"
    # Later than the pair's creation (today), late in the evening local time.
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    saved(pair, user=author, when=at(tomorrow, 23, 30), reason="План уточнён")
    client.force_login(user_with_role("superuser"))

    response = client.get(EXPORT, {"model": "pair", "object_id": pair.pk})

    today = timezone.localdate().strftime("%d.%m.%Y")
    filename = f"{ru('Change journal')} {today}.xlsx"
    assert response["Content-Disposition"].endswith(f"; filename*=utf-8''{quote(filename)}")
    rows = workbook_rows(response)
    assert rows[0] == tuple(
        ru(header)
        for header in (
            "Date and time",
            "User",
            "Record type",
            "Object",
            "Action",
            "Changes",
            "Reason",
        )
    )
    assert len(rows) == 3  # the header, the change and the creation
    when, who, kind, obj, action, changes, reason = rows[1]
    assert when == datetime.datetime.combine(tomorrow, datetime.time(23, 30))
    assert who == "Инна Авторова"
    assert kind == ru("pair or group").capitalize()
    assert obj == f"{pair} (#{pair.pk})"
    assert action == ru("Changed")
    with translation.override("ru"):
        goals = Pair._meta.get_field("goals").verbose_name
        assert changes == f"{str(goals).capitalize()}: — → Подготовка к олимпиаде"
    assert reason == "План уточнён"


def test_the_export_has_every_row_not_just_one_page(client):
    organisation = OrganisationFactory()
    for _number in range(60):
        ParticipantFactory(organisation=organisation)
    client.force_login(user_with_role("superuser"))

    rows = workbook_rows(client.get(EXPORT, {"model": "participant"}))

    assert len(rows) == 1 + 60


def test_the_export_never_turns_text_into_formulas(client):
    participant = ParticipantFactory(last_name='=HYPERLINK("http://example.org")')
    client.force_login(user_with_role("superuser"))

    rows = workbook_rows(client.get(EXPORT, {"model": "participant"}))

    assert rows[1][3].startswith("=HYPERLINK")
    assert participant.pk


def test_an_export_with_a_bad_filter_goes_back_to_the_journal(client):
    client.force_login(user_with_role("superuser"))

    response = client.get(EXPORT, {"date_from": "10.03.2024", "date_to": "01.03.2024"})

    assert response.status_code == 302
    assert response.url.startswith(JOURNAL + "?")
    assert ru("The end of the period is before its start.") in body(client.get(response.url))


# --- cost ----------------------------------------------------------------------------------


def test_the_journal_takes_no_more_queries_for_300_rows_than_for_10(client):
    organisation = OrganisationFactory()
    author = UserFactory(last_name="Авторова")
    client.force_login(user_with_role("superuser"))

    def add_rows(count):
        for _number in range(count):
            saved(ParticipantFactory.build(organisation=organisation), user=author)

    def queries():
        client.get(JOURNAL)  # warm the caches a first request fills
        with CaptureQueriesContext(connection) as captured:
            assert client.get(JOURNAL).status_code == 200
        counts = [q["sql"] for q in captured if "UNION" in q["sql"] and "COUNT(" in q["sql"]]
        assert len(counts) == 1  # the union is counted once
        return len(captured)

    add_rows(9)  # and the organisation's own row: 10
    assert Participant.history.count() + 1 == 10
    ten = queries()
    add_rows(290)
    three_hundred = queries()

    assert three_hundred <= ten


def test_a_huge_journal_is_counted_only_up_to_the_limit(client, monkeypatch):
    organisation = OrganisationFactory()
    for _number in range(7):
        saved(ParticipantFactory.build(organisation=organisation))
    monkeypatch.setattr(HistoryPaginator, "count_limit", 5)
    monkeypatch.setattr("programmes.history.admin.PAGE_SIZE", 2)
    client.force_login(user_with_role("superuser"))

    with CaptureQueriesContext(connection) as captured:
        html = body(client.get(JOURNAL))

    counts = [q["sql"] for q in captured if "UNION" in q["sql"] and "COUNT(" in q["sql"]]
    assert "LIMIT 6" in counts[0]
    with translation.override("ru"):
        label = ngettext("more than %(count)s change", "more than %(count)s changes", 5)
    assert capfirst(label % {"count": 5}) in html


def test_the_capped_paginator_stops_at_the_limit():
    organisation = OrganisationFactory()
    for _number in range(7):
        saved(ParticipantFactory.build(organisation=organisation))
    rows = journal_rows(user_with_role("superuser"))

    capped = HistoryPaginator(rows, 2)
    capped.count_limit = 5
    exact = HistoryPaginator(rows, 2)

    assert (capped.count, capped.num_pages, capped.is_capped) == (5, 3, True)
    assert (exact.count, exact.is_capped) == (8, False)  # and the organisation's own row
