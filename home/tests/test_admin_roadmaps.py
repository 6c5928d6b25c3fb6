import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from home.models import EventStatus, RoadmapEvent, RoadmapPage
from home.tests.factories import SEED_004, roadmap_page
from portal.tests.factories import user_with_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(user_with_role("editor"))
    return client


def upload(name, content):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def confirm(client, response):
    """Press «Создать черновик» on the preview the upload led to."""
    assert response.status_code == 302
    preview_url = response["Location"]
    token = preview_url.split("token=", 1)[1]
    assert client.get(preview_url).status_code == 200
    return client.post("/admin/roadmaps/import/preview/", {"token": token, "confirm": "1"})


def test_editor_uploads_a_roadmap_confirms_and_lands_in_its_draft_editor(editor_client):
    uploaded = editor_client.post(
        "/admin/roadmaps/import/", {"file": upload(SEED_004.name, SEED_004.read_bytes())}
    )
    assert not RoadmapPage.objects.exists()

    response = confirm(editor_client, uploaded)

    page = RoadmapPage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert not page.live
    assert page.title.startswith("План мероприятий (дорожная карта) внедрения и реализации")
    assert RoadmapEvent.objects.filter(stage__page=page).count() == 30
    assert page.latest_revision.user.username == "editor"


def test_upload_with_period_and_title_overrides_the_file(editor_client):
    uploaded = editor_client.post(
        "/admin/roadmaps/import/",
        {
            "file": upload(SEED_004.name, SEED_004.read_bytes()),
            "title": "План на новый год",
            "period_start": "01.01.2025",
            "period_end": "31.12.2026",
        },
    )

    confirm(editor_client, uploaded)

    page = RoadmapPage.objects.get()
    assert page.title == "План на новый год"
    assert page.period_start == datetime.date(2025, 1, 1)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"file": upload("karta.docx", b"garbage")}, "file"),
        ({"file": upload("karta.pdf", b"%PDF")}, "file"),
        ({}, "file"),
        (
            {"file": upload(SEED_004.name, SEED_004.read_bytes()), "period_start": "01.01.2025"},
            None,
        ),
        (
            {
                "file": upload(SEED_004.name, SEED_004.read_bytes()),
                "period_start": "31.12.2025",
                "period_end": "01.01.2025",
            },
            "period_end",
        ),
        (
            {
                "file": upload(SEED_004.name, SEED_004.read_bytes()),
                "period_start": "32.13.2025",
                "period_end": "01.01.2026",
            },
            "period_start",
        ),
    ],
)
def test_bad_upload_shows_the_reason_and_creates_nothing(editor_client, data, field):
    response = editor_client.post("/admin/roadmaps/import/", data)

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors
    if field:
        assert errors[field]
    assert not RoadmapPage.objects.exists()


def test_deadlines_view_lists_overdue_and_upcoming_events(client):
    past = roadmap_page(events=1, deadline="март 2023", title="Старая")
    today = datetime.date.today()
    roadmap_page(
        events=1,
        deadline=f"до {today + datetime.timedelta(days=10):%d.%m.%Y}",
        title="Текущая",
        period=(
            today.replace(month=1, day=1),
            today.replace(month=12, day=31) + datetime.timedelta(days=365),
        ),
    )
    client.force_login(user_with_role("curator"))

    response = client.get("/admin/roadmaps/deadlines/")

    overdue = [event for event, _due in response.context["overdue"]]
    upcoming = [event for event, _due in response.context["upcoming"]]
    assert [event.stage.page_id for event in overdue] == [past.pk]
    assert [event.stage.page.title for event in upcoming] == ["Текущая"]
    assert f"/admin/pages/{past.pk}/edit/" in response.content.decode()


def test_deadlines_view_leaves_out_events_due_on_request(client):
    roadmap_page(events=2, deadline="по запросу", title="По запросу")
    client.force_login(user_with_role("curator"))

    response = client.get("/admin/roadmaps/deadlines/")

    assert (response.context["overdue"], response.context["upcoming"]) == ([], [])


def test_deadlines_view_query_count_does_not_grow_with_events(
    client, django_assert_max_num_queries
):
    client.force_login(user_with_role("curator"))
    roadmap_page(events=3, deadline="март 2023", title="Малая")
    client.get("/admin/roadmaps/deadlines/")
    with django_assert_max_num_queries(30) as small:
        client.get("/admin/roadmaps/deadlines/")
    roadmap_page(events=60, deadline="март 2023", title="Большая")

    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get("/admin/roadmaps/deadlines/")


def test_dashboard_counts_overdue_events_for_curators(client):
    page = roadmap_page(events=3, deadline="март 2023")
    done = RoadmapEvent.objects.filter(stage__page=page).first()
    done.status = EventStatus.DONE
    done.save()
    client.force_login(user_with_role("curator"))

    content = client.get("/admin/").content.decode()

    assert 'id="roadmap-deadlines-title"' in content
    assert "/admin/roadmaps/deadlines/" in content


def test_dashboard_shows_the_deadlines_panel_to_auditors_too(client):
    client.force_login(user_with_role("auditor"))

    content = client.get("/admin/").content.decode()

    assert 'id="roadmap-deadlines-title"' in content
