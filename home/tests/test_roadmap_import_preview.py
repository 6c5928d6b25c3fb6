"""The admin import in two steps: upload → preview → «Создать черновик» or «Отменить»."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from home.import_previews import SESSION_KEY
from home.models import RoadmapEvent, RoadmapPage
from home.tests.roadmap_workbooks import DOCUMENT_TITLE, school_roadmap
from portal.tests.factories import user_with_role

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/roadmaps/import/"
PREVIEW_URL = "/admin/roadmaps/import/preview/"


@pytest.fixture
def editor_client(client):
    client.force_login(user_with_role("editor"))
    return client


def upload(client, content=None, name="karta.xlsx", **fields):
    file = SimpleUploadedFile(name, school_roadmap() if content is None else content)
    return client.post(UPLOAD_URL, {"file": file, **fields})


def token_of(response) -> str:
    assert response.status_code == 302, response.status_code
    match = re.fullmatch(rf"{PREVIEW_URL}\?token=([\w-]+)", response["Location"])
    assert match, response["Location"]
    return match.group(1)


def flash(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_upload_leads_to_a_preview_and_creates_nothing(editor_client):
    response = upload(editor_client)

    token_of(response)
    assert not RoadmapPage.objects.exists()


def test_preview_shows_title_stages_events_and_marks_merge_and_unread_deadline(editor_client):
    token = token_of(upload(editor_client))

    with translation.override("ru"):
        response = editor_client.get(PREVIEW_URL, {"token": token})

    assert response.status_code == 200
    html = response.content.decode()
    assert DOCUMENT_TITLE in html
    preview = response.context["preview"]
    assert [(s.stage.number, s.stage.title) for s in preview.stages] == [
        ("1", "Подготовительный этап"),
        ("2", "Организационный этап"),
    ]
    assert [len(stage.events) for stage in preview.stages] == [2, 2]
    assert (preview.merge_count, len(preview.unrecognised), preview.attention_count) == (1, 1, 2)
    assert 'data-attention-count="2"' in html
    assert html.count('data-mark="merged"') == 1
    assert html.count('data-mark="deadline"') == 1
    assert "Объединено: строки 5, 6" in html
    assert "Формирование базы:<br>• наставников<br>• наставляемых" in html
    assert "01.10.2024 – 31.10.2024" in html  # «октябрь» read within the school year


def test_confirmation_creates_the_draft_titled_as_the_document(editor_client):
    token = token_of(upload(editor_client))

    response = editor_client.post(PREVIEW_URL, {"token": token, "confirm": "1"})

    page = RoadmapPage.objects.get()
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert page.title == DOCUMENT_TITLE
    assert not page.live
    assert page.latest_revision.user.username == "editor"
    names = list(
        RoadmapEvent.objects.filter(stage__page=page)
        .order_by("stage__sort_order", "sort_order")
        .values_list("name", "result")
    )
    assert names[1] == ("Положение о наставничестве", "Положение и дорожная карта")
    assert names[2] == ("Формирование базы:\n• наставников\n• наставляемых", "")
    assert SESSION_KEY not in editor_client.session or not editor_client.session[SESSION_KEY]


def test_confirming_twice_creates_one_page_and_says_the_preview_is_gone(editor_client):
    token = token_of(upload(editor_client))
    editor_client.post(PREVIEW_URL, {"token": token, "confirm": "1"})

    with translation.override("ru"):
        response = editor_client.post(PREVIEW_URL, {"token": token, "confirm": "1"}, follow=True)

    assert RoadmapPage.objects.count() == 1
    assert any("больше недоступен" in message for message in flash(response))


def test_cancel_creates_nothing_and_forgets_the_preview(editor_client):
    token = token_of(upload(editor_client))

    editor_client.post(PREVIEW_URL, {"token": token, "cancel": "1"})

    assert not RoadmapPage.objects.exists()
    assert editor_client.get(PREVIEW_URL, {"token": token})["Location"] == UPLOAD_URL


@pytest.mark.parametrize("query", [{}, {"token": "unknown"}, {"token": ["a", "b"]}])
def test_absent_or_unknown_preview_sends_back_to_upload_with_a_russian_message(
    editor_client, query
):
    with translation.override("ru"):
        response = editor_client.get(PREVIEW_URL, query, follow=True)

    assert response.redirect_chain[-1][0] == UPLOAD_URL
    assert any("Загрузите файл заново" in message for message in flash(response))


def test_expired_preview_is_refused(editor_client, monkeypatch):
    token = token_of(upload(editor_client))
    monkeypatch.setattr("home.import_previews.MAX_AGE", 0)

    response = editor_client.post(PREVIEW_URL, {"token": token, "confirm": "1"})

    assert response["Location"] == UPLOAD_URL
    assert not RoadmapPage.objects.exists()


def test_damaged_session_data_is_a_stale_preview_not_an_error(editor_client):
    token = token_of(upload(editor_client))
    session = editor_client.session
    session[SESSION_KEY][token]["roadmap"] = {"stages": "nonsense"}
    session.save()

    response = editor_client.post(PREVIEW_URL, {"token": token, "confirm": "1"})

    assert response["Location"] == UPLOAD_URL
    assert not RoadmapPage.objects.exists()


def test_another_editors_token_means_nothing(client, editor_client):
    token = token_of(upload(editor_client))
    other = user_with_role("superuser")
    client.force_login(other)

    response = client.post(PREVIEW_URL, {"token": token, "confirm": "1"})

    assert response["Location"] == UPLOAD_URL
    assert not RoadmapPage.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "code_text"),
    [
        ("karta.xlsx", b"garbage", "xlsx"),
        ("karta.pdf", b"%PDF-1.4", ".pdf"),
        ("karta.txt", "Просто текст".encode(), "Мероприятие"),
    ],
)
def test_bad_file_stays_on_the_upload_form_with_a_russian_reason(
    editor_client, name, content, code_text
):
    with translation.override("ru"):
        response = upload(editor_client, content, name)

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any(code_text in error for error in errors)
    assert SESSION_KEY not in editor_client.session


def test_period_given_on_upload_reaches_the_preview_and_the_page(editor_client):
    token = token_of(
        upload(
            editor_client,
            title="Свой заголовок",
            period_start="01.01.2030",
            period_end="31.12.2030",
        )
    )

    preview = editor_client.get(PREVIEW_URL, {"token": token})
    editor_client.post(PREVIEW_URL, {"token": token, "confirm": "1"})

    assert preview.context["draft"].title == "Свой заголовок"
    page = RoadmapPage.objects.get()
    assert (page.title, page.period_start.year) == ("Свой заголовок", 2030)


@pytest.mark.parametrize("role", ["curator", "auditor", "participant"])
def test_only_editors_preview_and_confirm(client, editor_client, role):
    token = token_of(upload(editor_client))
    # The same session, now signed in as someone who may not import.
    editor_client.force_login(user_with_role(role))

    assert editor_client.get(PREVIEW_URL, {"token": token}).status_code in (302, 403)
    response = editor_client.post(PREVIEW_URL, {"token": token, "confirm": "1"})

    assert response.status_code in (302, 403)
    assert not RoadmapPage.objects.exists()


def test_only_the_latest_previews_are_kept_in_the_session(editor_client):
    tokens = [token_of(upload(editor_client)) for _ in range(4)]

    kept = [editor_client.get(PREVIEW_URL, {"token": token}).status_code for token in tokens]

    assert kept == [302, 200, 200, 200]
