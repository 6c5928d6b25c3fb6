"""Every admin URL of the programme's records, against every role, and organisation scoping."""

import datetime
import io

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.text import capfirst
from django.utils.translation import ngettext

from portal.tests.access import OK, REFUSED, TO_LOGIN, outcome
from portal.tests.factories import user_with_role
from programmes.admin.dashboard import ProgrammeSummaryPanel
from programmes.admin.index import RecordPaginator
from programmes.models import (
    Case,
    Consent,
    MentorTraining,
    Pair,
    PairStatus,
    Participant,
    PartnerOrganisation,
)
from programmes.tests.factories import (
    ConsentFactory,
    FeedbackFactory,
    IncentiveDecisionFactory,
    MeetingFactory,
    MentoringAgreementFactory,
    OrderTemplateFactory,
    OrganisationFactory,
    ParticipantFactory,
    ProgrammeFactory,
    pair_with_mentees,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "mentee", "mentor", "editor", "curator", "auditor", "superuser"]


def role_client(client, role, organisation):
    if role == "anonymous":
        return client
    user = user_with_role("participant" if role in ("mentee", "mentor") else role)
    if role in ("curator", "auditor"):
        organisation.members.add(user)
    client.force_login(user)
    return client


@pytest.fixture
def records():
    pair = pair_with_mentees(mentees=2, active=True)
    organisation = pair.programme.organisation
    meeting = MeetingFactory(pair=pair)
    FeedbackFactory(meeting=meeting)
    consent = Consent.objects.filter(participant__organisation=organisation).first()
    consent.scan.save("scan.pdf", ContentFile(b"%PDF-1.4 consent"), save=True)
    IncentiveDecisionFactory(mentor=pair.mentor)
    partner = PartnerOrganisation.objects.create(organisation=organisation, name="ООО «Партнёр»")
    training = MentorTraining.objects.create(
        mentor=pair.mentor, course="Школа наставника", hours=16, completed_on=pair.start_date
    )
    case = Case.objects.create(
        organisation=organisation, title="Кейс", description="Описание", pair=pair
    )
    agreement = MentoringAgreementFactory(pair=pair)
    template = OrderTemplateFactory(organisation=organisation)
    return {
        "organisation": organisation,
        "agreement": agreement,
        "template": template,
        "pair": pair,
        "consent": consent,
        "meeting": meeting,
        "partner": partner,
        "training": training,
        "case": case,
    }


MODEL_PATHS = {
    # url path: (how to find one record of it, curator may create/edit/delete)
    "programmes/programme": (lambda r: r["pair"].programme, True),
    "programmes/pair": (lambda r: r["pair"], True),
    "programmes/overdue-pairs": (lambda r: r["pair"], True),
    "programmes/meeting": (lambda r: r["meeting"], True),
    "programmes/feedback": (lambda r: r["meeting"].feedback.first(), True),
    "programmes/participant": (lambda r: r["pair"].mentor, True),
    "programmes/mentor-base": (lambda r: r["pair"].mentor, True),
    "programmes/mentee-base": (lambda r: r["pair"].mentees.first().mentee, True),
    "programmes/consent": (lambda r: r["consent"], True),
    "programmes/incentivedecision": (lambda r: r["pair"].mentor.incentives.first(), True),
    "programmes/partnerorganisation": (lambda r: r["partner"], True),
    "programmes/mentortraining": (lambda r: r["training"], True),
    "programmes/case": (lambda r: r["case"], True),
    "programmes/mentoringform": (lambda r: r["pair"].programme.form, True),
    "programmes/organisation": (lambda r: r["organisation"], False),
    "programmes/order": (lambda r: r["pair"].order, True),
    "programmes/mentoringagreement": (lambda r: r["agreement"], True),
    "programmes/ordertemplate": (lambda r: r["template"], True),
}
EDITOR_MAY = {"programmes/mentoringform": {"index", "create", "inspect", "edit", "history"}}


def expected(role, action, curator_writes, base):
    if role in ("anonymous", "mentee", "mentor"):
        return TO_LOGIN
    if role == "superuser":
        return OK
    if role == "editor":
        return OK if action in EDITOR_MAY.get(base, ()) else REFUSED
    if role == "auditor":
        return OK if action in ("index", "inspect", "history") else REFUSED
    return OK if action in ("index", "inspect", "history") or curator_writes else REFUSED


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("base", MODEL_PATHS)
def test_admin_views_answer_each_role(client, records, role, base):
    find, curator_writes = MODEL_PATHS[base]
    client = role_client(client, role, records["organisation"])
    pk = find(records).pk

    for action, url in [
        ("index", f"/admin/{base}/"),
        ("create", f"/admin/{base}/create/"),
        ("inspect", f"/admin/{base}/inspect/{pk}/"),
        ("edit", f"/admin/{base}/edit/{pk}/"),
        ("delete", f"/admin/{base}/delete/{pk}/"),
        ("history", f"/admin/{base}/history/{pk}/"),
    ]:
        assert outcome(client.get(url)) == expected(role, action, curator_writes, base), (
            action,
            url,
        )


JOURNAL = {
    "anonymous": TO_LOGIN,
    "mentee": TO_LOGIN,
    "mentor": TO_LOGIN,
    "editor": OK,
    "curator": OK,
    "auditor": OK,
    "superuser": OK,
}


@pytest.mark.parametrize(("role", "expected_outcome"), JOURNAL.items())
def test_journal_and_its_export_answer_each_role(client, records, role, expected_outcome):
    client = role_client(client, role, records["organisation"])

    assert outcome(client.get("/admin/journal/")) == expected_outcome
    assert outcome(client.get("/admin/journal/export/")) == expected_outcome


@pytest.mark.parametrize("role", ["anonymous", "mentee", "editor", "auditor"])
def test_write_requests_are_refused_and_change_nothing(client, records, role):
    client = role_client(client, role, records["organisation"])
    pair = records["pair"]
    before = list(Pair.objects.values_list("pk", "status", "goals"))

    client.post(
        f"/admin/programmes/pair/edit/{pair.pk}/",
        {"goals": "Изменено", "status": PairStatus.COMPLETED},
    )
    client.post(f"/admin/programmes/pair/delete/{pair.pk}/")
    client.post(
        "/admin/programmes/participant/create/", {"last_name": "Новый", "first_name": "Участник"}
    )

    assert list(Pair.objects.values_list("pk", "status", "goals")) == before
    assert not Participant.objects.filter(last_name="Новый").exists()


def test_curator_of_another_organisation_sees_none_of_these_records(client, records):
    other = OrganisationFactory()
    client = role_client(client, "curator", other)
    pair = records["pair"]

    listing = client.get("/admin/programmes/pair/")
    assert pair.mentor.last_name not in listing.content.decode()
    for url in [
        f"/admin/programmes/pair/inspect/{pair.pk}/",
        f"/admin/programmes/pair/edit/{pair.pk}/",
        f"/admin/programmes/pair/delete/{pair.pk}/",
        f"/admin/programmes/pair/history/{pair.pk}/",
        f"/admin/programmes/files/consent/{records['consent'].pk}/",
    ]:
        assert outcome(client.get(url)) == REFUSED, url
    export = client.get("/admin/programmes/participant/?export=csv")
    assert pair.mentor.last_name not in b"".join(export.streaming_content).decode()


def test_auditor_of_two_organisations_sees_both(client, records):
    second = pair_with_mentees(active=True)
    auditor = user_with_role("auditor")
    records["organisation"].members.add(auditor)
    second.programme.organisation.members.add(auditor)
    client.force_login(auditor)

    content = client.get("/admin/programmes/pair/").content.decode()

    assert records["pair"].mentor.last_name in content
    assert second.mentor.last_name in content


def test_curator_can_only_choose_their_organisations_records_in_forms(client, records):
    foreign = ProgrammeFactory()
    client = role_client(client, "curator", records["organisation"])

    form = client.get("/admin/programmes/pair/create/").context["form"]

    assert records["pair"].programme in form.fields["programme"].queryset
    assert foreign not in form.fields["programme"].queryset


@pytest.mark.parametrize(
    ("role", "expected_outcome"),
    [
        ("anonymous", TO_LOGIN),
        ("mentee", TO_LOGIN),
        ("editor", REFUSED),
        ("curator", OK),
        ("auditor", OK),
        ("superuser", OK),
    ],
)
def test_consent_scans_are_served_only_to_staff_of_the_organisation(
    client, records, role, expected_outcome
):
    client = role_client(client, role, records["organisation"])

    response = client.get(f"/admin/programmes/files/consent/{records['consent'].pk}/")

    assert outcome(response) == expected_outcome
    if expected_outcome == OK:
        assert b"".join(response.streaming_content) == b"%PDF-1.4 consent"


def test_consent_scans_are_not_in_the_public_media_folder(client, records):
    assert client.get("/media/" + records["consent"].scan.name).status_code == 404


def test_curator_creates_a_pair_through_the_admin_with_history(client):
    organisation = OrganisationFactory()
    programme = ProgrammeFactory(organisation=organisation)
    mentor = ConsentFactory(participant__organisation=organisation).participant
    mentee = ConsentFactory(
        participant__organisation=organisation, participant__mentee=True
    ).participant
    curator = user_with_role("curator")
    organisation.members.add(curator)
    client.force_login(curator)

    response = client.post(
        "/admin/programmes/pair/create/",
        {
            "programme": programme.pk,
            "mentor": mentor.pk,
            "mentees": [mentee.pk],
            "start_date": "01.10.2023",
            "status": PairStatus.DRAFT,
            "change_reason": "Анкеты групповой встречи",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    pair = Pair.objects.get()
    assert [m.mentee for m in pair.mentees.all()] == [mentee]
    assert pair.history.get().history_user == curator
    assert pair.history.get().history_change_reason == "Анкеты групповой встречи"


def test_invalid_pair_in_the_admin_shows_the_reason_and_saves_nothing(client):
    organisation = OrganisationFactory()
    programme = ProgrammeFactory(organisation=organisation)
    mentor = ConsentFactory(
        participant__organisation=organisation, participant__is_mentee=True
    ).participant
    curator = user_with_role("curator")
    organisation.members.add(curator)
    client.force_login(curator)

    response = client.post(
        "/admin/programmes/pair/create/",
        {
            "programme": programme.pk,
            "mentor": mentor.pk,
            "mentees": [mentor.pk],
            "start_date": "01.10.2023",
            "status": PairStatus.DRAFT,
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["mentees"]
    assert not Pair.objects.exists()


LISTS = [
    "programmes/pair",
    "programmes/overdue-pairs",
    "programmes/participant",
    "programmes/mentor-base",
    "programmes/mentee-base",
    "programmes/meeting",
    "programmes/consent",
    "programmes/feedback",
    "programmes/order",
]


def test_list_query_counts_stay_the_same_from_10_to_300_rows(client):
    organisation = OrganisationFactory()
    programme = ProgrammeFactory(organisation=organisation, max_mentees_per_mentor=500)
    client.force_login(user_with_role("superuser"))

    def add_pairs(count):
        for _ in range(count):
            pair = pair_with_mentees(mentees=1, programme=programme, active=True)
            FeedbackFactory(meeting=MeetingFactory(pair=pair))

    def query_counts():
        counts = {}
        for base in LISTS:
            client.get(f"/admin/{base}/")  # warm caches of the first request
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"/admin/{base}/").status_code == 200
            counts[base] = len(queries)
        return counts

    add_pairs(10)
    with_10 = query_counts()
    add_pairs(290)

    assert query_counts() == with_10


def test_a_list_counts_its_rows_once_and_filtered_lists_count_right(client):
    organisation = OrganisationFactory()
    ParticipantFactory.create_batch(3, organisation=organisation)
    ParticipantFactory.create_batch(2, organisation=organisation, mentee=True)
    client.force_login(user_with_role("superuser"))

    def counts(url):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return response, [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]

    response, unfiltered = counts("/admin/programmes/participant/")
    assert len(unfiltered) == 1
    assert (response.context["result_count"], response.context["all_count"]) == (5, 5)
    assert response.context["paginator"].count == 5

    response, filtered = counts("/admin/programmes/participant/?is_mentor__exact=1")
    assert len(filtered) == 2
    assert (response.context["result_count"], response.context["all_count"]) == (3, 5)
    assert response.context["paginator"].count == 3


def test_a_long_list_counts_no_further_than_it_pages(client, monkeypatch):
    monkeypatch.setattr(RecordPaginator, "count_limit", 3)
    ParticipantFactory.create_batch(5, organisation=OrganisationFactory())
    client.force_login(user_with_role("superuser"))

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/admin/programmes/participant/")

    paginator = response.context["paginator"]
    assert (paginator.count, paginator.is_capped) == (3, True)
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1 and "LIMIT 4" in counts[0]
    label = ngettext("more than %(count)s record", "more than %(count)s records", 3)
    assert capfirst(label % {"count": 3}) in response.content.decode()


def test_the_consent_column_says_who_may_be_processed_on_the_list_and_in_the_export(client):
    organisation = OrganisationFactory()
    with_consent = ConsentFactory(participant__organisation=organisation).participant
    without_consent = ParticipantFactory(organisation=organisation)
    withdrawn = ConsentFactory(
        participant__organisation=organisation, withdrawn_on=datetime.date(2024, 1, 10)
    ).participant
    client.force_login(user_with_role("superuser"))
    expected = {with_consent.pk: "Да", without_consent.pk: "Нет", withdrawn.pk: "Нет"}

    response = client.get("/admin/programmes/participant/")
    model_admin = response.context["view"].model_admin
    shown = {obj.pk: model_admin.consent_display(obj) for obj in response.context["object_list"]}
    exported = client.get("/admin/programmes/participant/?export=xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(exported.streaming_content)))
    rows = {row[0]: row[-1] for row in workbook.active.values}

    assert shown == expected
    for participant in (with_consent, without_consent, withdrawn):
        assert rows[participant.full_name] == expected[participant.pk]


def test_lists_export_to_xlsx_with_russian_headings(client, records):
    client = role_client(client, "curator", records["organisation"])

    response = client.get("/admin/programmes/pair/?export=xlsx")

    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    rows = list(workbook.active.values)
    assert rows[0][0] == "Наставник"
    assert rows[1][0] == str(records["pair"].mentor)


@pytest.mark.parametrize(
    ("role", "shown"), [("curator", True), ("auditor", True), ("editor", False)]
)
def test_dashboard_shows_the_programme_summary_to_programme_staff(client, records, role, shown):
    client = role_client(client, role, records["organisation"])

    content = client.get("/admin/").content.decode()

    assert ('id="programme-summary-title"' in content) is shown


def test_summary_panel_counts_are_scoped_to_the_organisation(records):
    Participant.objects.create(
        organisation=records["organisation"],
        last_name="Без",
        first_name="Согласия",
        is_mentee=True,
        category="student",
    )
    pair_with_mentees(active=True, consents=False)  # another organisation
    curator = user_with_role("curator")
    records["organisation"].members.add(curator)

    context = ProgrammeSummaryPanel(curator).get_context_data()

    assert context["active_pairs"] == 1
    assert context["overdue_pairs"] == 1  # the only meeting was in October 2023
    assert context["without_consent"] == 1


def test_pair_inspect_view_lists_current_and_former_mentees(client, records):
    pair = records["pair"]
    leaving = pair.mentees.first()
    leaving.left_on, leaving.left_reason = leaving.joined_on, "Перевод в другую школу"
    leaving.save()
    client = role_client(client, "auditor", records["organisation"])

    content = client.get(f"/admin/programmes/pair/inspect/{pair.pk}/").content.decode()

    for membership in pair.mentees.all():
        assert str(membership.mentee) in content
    assert "Перевод в другую школу" in content
