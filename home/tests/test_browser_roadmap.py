"""In a real browser: an editor marks a roadmap event done in Wagtail and publishes it.

The roadmap is imported from seed 000 (a 2022–2023 roadmap), so every event not done or
cancelled is overdue; the visitor's page must show the edited event done and the others overdue.
"""

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.models import Site

from home.models import EventStatus, RoadmapEvent, RoadmapPage
from home.services import roadmap_import
from portal.roles import EDITORS, sync_roles

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seeds" / "000_1c6819adc6d14504.txt"
SCREENSHOT = Path("/tmp/roadmap_public.png")
USERNAME, PASSWORD = "editor", "Roadmap-editor-42"


def published_roadmap() -> RoadmapPage:
    """Seed 000 imported as a draft and published, with its second event in progress."""
    with SEED.open("rb") as file:
        draft = roadmap_import(file=file, filename=SEED.name, parent=None)
    first_stage = draft.stages.order_by("sort_order", "pk").first()
    second_event = first_stage.events.order_by("sort_order", "pk")[1]
    RoadmapEvent.objects.filter(pk=second_event.pk).update(status=EventStatus.IN_PROGRESS)
    # A fresh instance, so the revision is taken from the rows just written.
    roadmap = RoadmapPage.objects.get(pk=draft.pk)
    roadmap.save_revision().publish()
    roadmap.refresh_from_db()
    return roadmap


def event_row(page, event):
    return page.locator(f"tr#event-{event.pk}")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_editor_marks_event_done_and_visitor_sees_it(live_server, browser, page, wagtail_site):
    sync_roles()
    editor = get_user_model().objects.create_user(username=USERNAME, password=PASSWORD)
    editor.groups.add(Group.objects.get(name=EDITORS))
    roadmap = published_roadmap()
    first_stage = roadmap.stages.order_by("sort_order", "pk").first()
    first_event, second_event = first_stage.events.order_by("sort_order", "pk")[:2]
    assert first_event.is_overdue() and second_event.is_overdue()
    site = Site.objects.get(is_default_site=True)
    public_url = live_server.url + roadmap.relative_url(site)

    # The editor logs in and marks the first event of the first stage done.
    page.goto(f"{live_server.url}/admin/login/")
    page.locator('input[name="username"]').fill(USERNAME)
    page.locator('input[name="password"]').fill(PASSWORD)
    page.locator('form button[type="submit"]').click()
    expect(page).to_have_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{roadmap.pk}/edit/")
    expect(page.locator('input[name="stages-0-events-0-id"]')).to_have_value(str(first_event.pk))
    status = page.locator('select[name="stages-0-events-0-status"]')
    expect(status).to_have_value(EventStatus.PLANNED)
    status.select_option(EventStatus.DONE)
    expect(status).to_have_value(EventStatus.DONE)

    # «Опубликовать» sits in the dropdown next to «Сохранить черновик» (Wagtail keeps it in
    # the DOM, hidden, until the dropdown is opened).
    publish = page.locator('button[name="action-publish"]')
    if not publish.is_visible():
        page.locator(".w-dropdown", has=publish).locator(".w-dropdown__toggle").click()
    publish.click()
    # Wagtail goes back to the parent's listing once the page is published.
    expect(page).to_have_url(re.compile(rf"/admin/pages/{roadmap.get_parent().pk}/$"))

    first_event.refresh_from_db()
    roadmap.refresh_from_db()
    assert first_event.status == EventStatus.DONE
    assert roadmap.live and not roadmap.has_unpublished_changes
    assert roadmap.live_revision.user == editor

    # An anonymous visitor, in a context of their own, sees the event done.
    visitor_context = browser.new_context(locale="ru-RU", timezone_id="Europe/Moscow")
    try:
        visitor = visitor_context.new_page()
        response = visitor.goto(public_url)
        assert response.status == 200
        done_row = event_row(visitor, first_event)
        expect(done_row).to_have_class(re.compile(r"\broadmap-event--done\b"))
        expect(done_row).not_to_have_class(re.compile(r"\broadmap-event--overdue\b"))
        expect(done_row.locator(".status--done")).to_be_visible()
        expect(done_row.locator(".badge--overdue")).to_have_count(0)

        overdue_row = event_row(visitor, second_event)
        expect(overdue_row).to_have_class(re.compile(r"\broadmap-event--overdue\b"))
        expect(overdue_row.locator(".status--in_progress")).to_be_visible()
        expect(overdue_row.locator(".badge--overdue")).to_be_visible()

        visitor.screenshot(path=str(SCREENSHOT), full_page=True)
    finally:
        visitor_context.close()
