"""In a real browser, at 1366×768 and on a 390×844 phone: each role's main screens run off
neither screen sideways, and the public pages, the forms, the cabinet and the sign-in have
no serious or critical accessibility fault by axe-core.

The data is the access matrix's world (every kind of record, a user in every role) plus the
section's public pages as the demo fills them (regulations, roadmaps from the seed files,
documents) and the texts that used to break the layout: a participant with a long double
surname, a document described by one very long word. Each role signs in once per screen
size; the failures of every page are gathered and reported together.
"""

import datetime
import io
import os
import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command

from forms_app.tests.test_browser_keyboard import all_questions_page
from home.demo import load_home_demo
from home.models import DocumentsPage, MentoringDocument, RegulationsPage, RoadmapPage
from portal.roles import AUDITORS, CURATORS, EDITORS, sync_roles
from portal.tests.browser import (
    VIEWPORTS,
    axe_violations,
    broken_words,
    clipped_bottoms,
    new_context,
    overlapping,
    sideways_overflow,
    tables_wider_than_their_wrapper,
)
from portal.tests.matrix_world import build_world
from programmes.tests.factories import ParticipantFactory

PASSWORD = "password"  # UserFactory's
# A folder to keep a full-page screenshot of every screen in, for a person to look at.
SCREENSHOTS = os.environ.get("BROWSER_SCREENSHOTS")
LONG_WORD = "Высокопревосходительство" * 4 + "наставничества"


@pytest.fixture
def world(wagtail_site):
    sync_roles()
    world = build_world()
    load_home_demo(
        internal_groups=list(Group.objects.filter(name__in=[EDITORS, CURATORS, AUDITORS])),
        today=datetime.date(2024, 3, 1),
        log=lambda *args: None,
    )
    documents = DocumentsPage.objects.get(slug="dokumenty")
    document = MentoringDocument(
        title="Методические рекомендации", collection=documents.collection, description=LONG_WORD
    )
    document.file.save("long.txt", ContentFile(b"text"), save=True)
    ParticipantFactory(
        organisation=world.objects["a"],
        last_name="Римского-Корсакова-Салтыкова-Щедрина",
        first_name="Александра-Виктория",
        patronymic="Константиновна",
        mentee=True,
    )
    world.objects["open_questionnaire"] = all_questions_page()
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    return world


class Screens:
    """Open pages as one user at both screen sizes and collect what is wrong with each."""

    def __init__(self, browser, live_server, username: str | None = None, admin: bool = False):
        self.server = live_server.url
        self.problems: list[str] = []
        self.pages = {}
        for name, viewport in VIEWPORTS.items():
            page = new_context(browser, viewport).new_page()
            if username:
                page.goto(self.server + ("/admin/login/" if admin else "/accounts/login/"))
                page.fill("input[name=username]", username)
                page.fill("input[name=password]", PASSWORD)
                page.locator("form button[type=submit]").last.click()
                page.wait_for_load_state("networkidle")
                assert "/login/" not in page.url, f"{username} could not sign in at {name}"
            self.pages[name] = page

    def check(
        self,
        path: str,
        *,
        axe: bool = True,
        status: int = 200,
        tables_fit: bool = False,
        apart: tuple[str, str] | None = None,
    ) -> None:
        """Overflow and broken words always; axe, tables that fit the phone and two elements
        that must not cover each other where asked."""
        for name, page in self.pages.items():
            response = page.goto(self.server + path)
            assert response.status == status, f"{path}: {response.status}"
            # Wagtail's admin fetches more after load; a request still running when the next
            # page or the test's end comes would race it for the in-memory database.
            page.wait_for_load_state("networkidle")
            if SCREENSHOTS:
                slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
                page.screenshot(path=f"{SCREENSHOTS}/{name}-{slug}.png", full_page=True)
            found = sideways_overflow(page) + broken_words(page) + clipped_bottoms(page)
            if tables_fit and name == "phone":
                found += tables_wider_than_their_wrapper(page)
            if apart:
                found += overlapping(page, *apart)
            self.problems += [f"{name} {path}: {problem}" for problem in found]
            if axe:
                for problem in axe_violations(page):
                    self.problems.append(f"{name} {path}: axe: {problem}")

    def close(self) -> list[str]:
        for page in self.pages.values():
            page.wait_for_load_state("networkidle")
            page.context.close()
        return self.problems


def report(problems: list[str]) -> str:
    return f"{len(problems)} problems:\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_and_sign_in_fit_both_screens_and_pass_axe(live_server, browser, world):
    objects = world.objects
    anonymous = Screens(browser, live_server)
    # The documents and the roadmaps are read on phones: their rows must fit the screen.
    for path in (
        objects["documents_page"].url,
        *[page.url for page in RoadmapPage.objects.live()],
        "/search/?q=наставничество",
    ):
        anonymous.check(path, tables_fit=True)
    for path in (
        "/",
        objects["section"].url,
        RegulationsPage.objects.live().first().url,
        objects["questionnaire"].url,
        objects["open_questionnaire"].url,
        objects["invitation_page"].url,
        objects["consent_page"].url,
        "/accounts/login/",
        "/admin/login/",
    ):
        anonymous.check(path)
    anonymous.check("/nothing-here/", status=404)
    problems = anonymous.close()
    assert not problems, report(problems)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mentee_and_mentor_screens_fit_both_screens_and_pass_axe(live_server, browser, world):
    objects = world.objects
    problems = []
    for role in ("mentee", "mentor"):
        screens = Screens(browser, live_server, world.users[role].username)
        screens.check("/cabinet/", tables_fit=True)
        screens.check(f"/cabinet/meetings/{objects['meeting'].pk}/feedback/")
        screens.check(objects["questionnaire"].url)
        screens.check(objects["open_questionnaire"].url)
        screens.check(objects["consent_page"].url)
        if role == "mentee":
            screens.check(f"/cabinet/consents/{objects['consent'].pk}/withdraw/")
        else:
            screens.check(objects["preference_page"].url)
        problems += screens.close()
    assert not problems, report(problems)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_staff_screens_fit_both_screens(live_server, browser, world):
    objects = world.objects
    roadmap, pair = objects["roadmap"], objects["pair"]
    participant = world.people["mentee"].participant
    problems = []

    editor = Screens(browser, live_server, world.users["editor"].username, admin=True)
    editor.check("/admin/", axe=False)
    editor.check(f"/admin/pages/{objects['section'].pk}/", axe=False)
    editor.check(f"/admin/pages/{roadmap.pk}/edit/", axe=False)
    problems += editor.close()

    curator = Screens(browser, live_server, world.users["curator_a"].username, admin=True)
    for path in (
        "/admin/programmes/participant/",
        "/admin/programmes/participant/?category=teacher",
        "/admin/programmes/mentee-base/",
        "/admin/programmes/pair/",
    ):
        curator.check(path, axe=False, apart=(".changelist-filter", ".result-list table"))
    for path in (
        f"/admin/programmes/participant/inspect/{participant.pk}/",
        f"/admin/questionnaires/{objects['questionnaire'].pk}/report/",
    ):
        curator.check(path, axe=False)
    problems += curator.close()

    auditor = Screens(browser, live_server, world.users["auditor_a"].username, admin=True)
    for path in (
        "/admin/journal/",
        f"/admin/programmes/pair/history/{pair.pk}/",
        f"/admin/programmes/participant/history/{participant.pk}/",
    ):
        auditor.check(path, axe=False)
    problems += auditor.close()
    assert not problems, report(problems)
