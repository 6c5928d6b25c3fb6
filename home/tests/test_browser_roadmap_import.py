"""In a real browser: an editor imports an Excel roadmap, checks the preview and publishes.

The workbook has sections numbered inside their titles, a row its converter wrapped (shown
as a merge) and a deadline nobody can read; the preview must mark them before the draft
exists, and the published page must carry the document's own title.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from home.models import RoadmapEvent, RoadmapPage
from home.tests.roadmap_workbooks import DOCUMENT_TITLE, school_roadmap
from portal.roles import EDITORS, sync_roles

SCREENSHOT = Path("/tmp/import-roadmap-preview.png")
USERNAME, PASSWORD = "editor", "Roadmap-editor-42"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_imports_with_preview_and_publishes(live_server, page, wagtail_site, tmp_path):
    sync_roles()
    editor = get_user_model().objects.create_user(username=USERNAME, password=PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS))
    workbook = tmp_path / "karta.xlsx"
    workbook.write_bytes(school_roadmap())
    page.set_viewport_size({"width": 1366, "height": 768})

    page.goto(f"{live_server.url}/admin/login/")
    page.locator('input[name="username"]').fill(USERNAME)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form button[type="submit"]').click()
    expect(page).to_have_url(f"{live_server.url}/admin/")

    # Step one: the file.
    page.goto(f"{live_server.url}/admin/roadmaps/import/")
    page.locator('input[name="file"]').set_input_files(str(workbook))
    page.locator('main form button[type="submit"]').click()

    # Step two: the preview, with the merge and the unread deadline marked; nothing saved yet.
    expect(page).to_have_url(re.compile(r"/admin/roadmaps/import/preview/\?token="))
    expect(page.locator("[data-preview-title]")).to_have_text(DOCUMENT_TITLE)
    expect(page.locator("[data-attention-count]")).to_have_attribute("data-attention-count", "2")
    expect(page.locator('[data-mark="merged"]')).to_have_count(1)
    expect(page.locator('[data-mark="merged"]')).to_be_visible()
    expect(page.locator('[data-mark="deadline"]')).to_have_count(1)
    expect(page.locator("[data-stage] h2")).to_have_text(
        ["Этап 1. Подготовительный этап", "Этап 2. Организационный этап"]
    )
    assert not RoadmapPage.objects.exists()
    page.screenshot(path=str(SCREENSHOT))
    # Wagtail scrolls its main area, not the window: show the second stage for a second shot.
    page.locator("[data-stage]").nth(1).scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOT.with_name("import-roadmap-preview-stage-2.png")))

    page.locator('button[name="confirm"]').first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    roadmap = RoadmapPage.objects.get()
    assert roadmap.title == DOCUMENT_TITLE and not roadmap.live

    publish = page.locator('button[name="action-publish"]')
    if not publish.is_visible():
        page.locator(".w-dropdown", has=publish).locator(".w-dropdown__toggle").click()
    publish.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{roadmap.get_parent().pk}/$"))

    roadmap.refresh_from_db()
    assert roadmap.live and roadmap.live_revision.user == editor
    events = RoadmapEvent.objects.filter(stage__page=roadmap).order_by(
        "stage__sort_order", "sort_order"
    )
    assert [event.result for event in events][1] == "Положение и дорожная карта"
    # The browser sends the editor's textarea back with CRLF line ends.
    assert (
        events[2].name.replace("\r\n", "\n") == "Формирование базы:\n• наставников\n• наставляемых"
    )
